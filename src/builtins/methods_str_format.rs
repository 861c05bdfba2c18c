//! str.format and str.format_map: CPython's MarkupIterator (literal text, `{{` / `}}`
//! escapes, replacement fields), field names with `.attr` and `[key]` parts, automatic
//! and manual numbering, conversions !r !s !a and nested format specs (two levels, as
//! CPython's recursion_depth of 2), with CPython's messages.

use super::methods_args::this;
use crate::heap::PyObj;
use crate::objects::args::Args;
use crate::objects::exceptions;
use crate::objects::exceptions::{Exc, VmResult};
use crate::objects::runtime::Runtime;
use crate::objects::unicode::ctype::decimal_value;
use crate::objects::{ctx, int, string};
use crate::vm::Vm;

fn value_error(msg: &str) -> Exc {
    exceptions::value_error(msg)
}

/// Where replacement fields get their values.
struct Source<'a> {
    args: &'a [PyObj],
    /// (name, value) keyword arguments, or a mapping for format_map.
    kwargs: Option<Kw<'a>>,
    positional_ok: bool,
}

enum Kw<'a> {
    Args(Args<'a>),
    Mapping(&'a PyObj),
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum AutoNumber {
    Init,
    Auto,
    Manual,
}

struct State {
    auto: AutoNumber,
    next_field: i64,
}

/// str.format(*args, **kwargs)
pub fn format(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let (s, rest) = this(&args);
    let src = Source {
        args: rest.pos(),
        kwargs: (!rest.kwnames.is_empty()).then_some(Kw::Args(rest)),
        positional_ok: true,
    };
    run(vm, s, &src)
}

/// str.format_map(mapping)
pub fn format_map(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let (s, rest) = this(&args);
    let m = rest.one("str.format_map")?;
    let src = Source {
        args: &[],
        kwargs: Some(Kw::Mapping(m)),
        positional_ok: false,
    };
    run(vm, s, &src)
}

fn run(vm: &mut Vm, s: &PyObj, src: &Source<'_>) -> VmResult<PyObj> {
    let text = string::view(s)
        .map(|v| v.to_str_lossy())
        .unwrap_or_default();
    if !text.contains(['{', '}']) && s.is_type(&ctx().str_type) {
        return Ok(s.clone()); // CPython's writer hands back the str itself
    }
    let mut st = State {
        auto: AutoNumber::Init,
        next_field: 0,
    };
    let out = build_string(vm, &text, src, 2, &mut st)?;
    string::try_new(&out).ok_or_else(exceptions::memory_error)
}

/// One parsed replacement field.
struct Field<'t> {
    name: &'t str,
    conversion: Option<char>,
    spec: &'t str,
    spec_needs_expanding: bool,
}

fn build_string(
    vm: &mut Vm,
    text: &str,
    src: &Source<'_>,
    depth: u32,
    st: &mut State,
) -> VmResult<String> {
    if depth == 0 {
        return Err(value_error("Max string recursion exceeded"));
    }
    let b = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut pos = 0;
    while pos < b.len() {
        // Literal text up to the first '{' or '}'.
        let start = pos;
        let mut c = 0u8;
        let mut markup = false;
        while pos < b.len() {
            c = b[pos];
            pos += 1;
            if c == b'{' || c == b'}' {
                markup = true;
                break;
            }
        }
        let at_end = pos >= b.len();
        let mut len = pos - start;
        if c == b'}' && markup && (at_end || b[pos] != b'}') {
            return Err(value_error("Single '}' encountered in format string"));
        }
        if at_end && c == b'{' && markup {
            return Err(value_error("Single '{' encountered in format string"));
        }
        if markup && !at_end {
            if b[pos] == c {
                pos += 1; // an escaped brace: literal text only
                markup = false;
            } else {
                len -= 1;
            }
        }
        out.push_str(&text[start..start + len]);
        if !markup {
            continue;
        }
        let field = parse_field(text, &mut pos)?;
        render(vm, &field, src, depth, st, &mut out)?;
    }
    Ok(out)
}

/// CPython's parse_field: `pos` is just after the opening '{'.
fn parse_field<'t>(text: &'t str, pos: &mut usize) -> VmResult<Field<'t>> {
    let b = text.as_bytes();
    let name_start = *pos;
    let mut c = 0u8;
    while *pos < b.len() {
        c = b[*pos];
        *pos += 1;
        match c {
            b'{' => return Err(value_error("unexpected '{' in field name")),
            b'[' => {
                while *pos < b.len() && b[*pos] != b']' {
                    *pos += 1;
                }
                continue;
            }
            b'}' | b':' | b'!' => break,
            _ => continue,
        }
    }
    let name = &text[name_start..pos.saturating_sub(1).max(name_start)];
    let mut field = Field {
        name,
        conversion: None,
        spec: "",
        spec_needs_expanding: false,
    };
    if c == b'!' || c == b':' {
        if c == b'!' {
            let Some(conv) = text[*pos..].chars().next() else {
                return Err(value_error(
                    "end of string while looking for conversion specifier",
                ));
            };
            *pos += conv.len_utf8();
            field.conversion = Some(conv);
            if *pos < b.len() {
                let c2 = b[*pos];
                *pos += 1;
                if c2 == b'}' {
                    return Ok(field);
                }
                if c2 != b':' {
                    return Err(value_error("expected ':' after conversion specifier"));
                }
            }
        }
        let spec_start = *pos;
        let mut count = 1;
        while *pos < b.len() {
            let c2 = b[*pos];
            *pos += 1;
            match c2 {
                b'{' => {
                    field.spec_needs_expanding = true;
                    count += 1;
                }
                b'}' => {
                    count -= 1;
                    if count == 0 {
                        field.spec = &text[spec_start..*pos - 1];
                        return Ok(field);
                    }
                }
                _ => {}
            }
        }
        return Err(value_error("unmatched '{' in format spec"));
    }
    if c != b'}' {
        return Err(value_error("expected '}' before end of string"));
    }
    Ok(field)
}

/// CPython's get_integer: a decimal index, or None when any character is not a digit.
fn get_integer(s: &str) -> VmResult<Option<i64>> {
    if s.is_empty() {
        return Ok(None);
    }
    let mut acc: i64 = 0;
    for ch in s.chars() {
        let Some(d) = decimal_value(ch as u32) else {
            return Ok(None);
        };
        acc = acc
            .checked_mul(10)
            .and_then(|a| a.checked_add(i64::from(d)))
            .ok_or_else(|| value_error("Too many decimal digits in format string"))?;
    }
    Ok(Some(acc))
}

fn render(
    vm: &mut Vm,
    f: &Field<'_>,
    src: &Source<'_>,
    depth: u32,
    st: &mut State,
    out: &mut String,
) -> VmResult<()> {
    let mut obj = field_object(vm, f.name, src, st)?;
    if let Some(conv) = f.conversion {
        obj = match conv {
            'r' => vm.repr_obj(&obj)?,
            's' => vm.str_obj(&obj)?,
            'a' => vm.ascii_obj(&obj)?,
            c if (c as u32) > 32 && (c as u32) < 127 => {
                return Err(value_error(&format!("Unknown conversion specifier {c}")))
            }
            c => {
                return Err(value_error(&format!(
                    "Unknown conversion specifier \\x{:x}",
                    c as u32
                )))
            }
        };
    }
    let spec = if f.spec_needs_expanding {
        build_string(vm, f.spec, src, depth - 1, st)?
    } else {
        f.spec.to_string()
    };
    if spec.is_empty() {
        if let Some(v) = string::view(&obj) {
            out.push_str(&v.to_str_lossy());
            return Ok(());
        }
    }
    let spec_obj = string::new(&spec);
    let r = vm.format(&obj, Some(&spec_obj))?;
    out.push_str(
        &string::view(&r)
            .map(|v| v.to_str_lossy())
            .unwrap_or_default(),
    );
    Ok(())
}

/// CPython's get_field_object: the first part by index or name, then `.attr` and
/// `[key]` lookups.
fn field_object(vm: &mut Vm, name: &str, src: &Source<'_>, st: &mut State) -> VmResult<PyObj> {
    let first_end = name.find(['.', '[']).unwrap_or(name.len());
    let first = &name[..first_end];
    let mut idx = get_integer(first)?;
    let empty = first.is_empty();
    if empty || idx.is_some() {
        if st.auto == AutoNumber::Init {
            st.auto = if empty {
                AutoNumber::Auto
            } else {
                AutoNumber::Manual
            };
        }
        if st.auto == AutoNumber::Manual && empty {
            return Err(value_error(
                "cannot switch from manual field specification to automatic field numbering",
            ));
        }
        if st.auto == AutoNumber::Auto && !empty {
            return Err(value_error(
                "cannot switch from automatic field numbering to manual field specification",
            ));
        }
        if empty {
            idx = Some(st.next_field);
            st.next_field += 1;
        }
    }
    let mut obj = match idx {
        None => {
            let key = string::new(first);
            match &src.kwargs {
                None => return Err(key_error(key)),
                Some(Kw::Args(a)) => match a.kw(first) {
                    Some(v) => v.clone(),
                    None => return Err(key_error(key)),
                },
                Some(Kw::Mapping(m)) => vm.getitem(m, &key)?,
            }
        }
        Some(i) => {
            if !src.positional_ok {
                return Err(value_error("Format string contains positional fields"));
            }
            match usize::try_from(i).ok().and_then(|i| src.args.get(i)) {
                Some(v) => v.clone(),
                None => {
                    return Err(exceptions::named(
                        "IndexError",
                        format!("Replacement index {i} out of range for positional args tuple"),
                    ))
                }
            }
        }
    };
    // The rest: .name or [key] parts.
    let rest = &name.as_bytes()[first_end..];
    let mut p = 0;
    while p < rest.len() {
        let c = rest[p];
        p += 1;
        let part_start = p;
        match c {
            b'.' => {
                while p < rest.len() && rest[p] != b'.' && rest[p] != b'[' {
                    p += 1;
                }
                let attr = &name[first_end + part_start..first_end + p];
                if attr.is_empty() {
                    return Err(value_error("Empty attribute in format string"));
                }
                obj = vm.getattr(&obj, &string::intern_str(attr))?;
            }
            b'[' => {
                while p < rest.len() && rest[p] != b']' {
                    p += 1;
                }
                if p >= rest.len() {
                    return Err(value_error("Missing ']' in format string"));
                }
                let key = &name[first_end + part_start..first_end + p];
                p += 1;
                if key.is_empty() {
                    return Err(value_error("Empty attribute in format string"));
                }
                let k = match get_integer(key)? {
                    Some(i) => int::new_i64(i),
                    None => string::new(key),
                };
                obj = vm.getitem(&obj, &k)?;
            }
            _ => {
                return Err(value_error(
                    "Only '.' or '[' may follow ']' in format field specifier",
                ))
            }
        }
    }
    Ok(obj)
}

fn key_error(key: PyObj) -> Exc {
    Exc(exceptions::new_exc(ctx().exc_type("KeyError"), vec![key]))
}
