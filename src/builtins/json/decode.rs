//! The JSON decoder: one loop over the text with an explicit stack of the arrays and
//! objects still open. Error messages and positions are CPython's scanner's.

use super::*;
use crate::objects::numeric::intstr::int_from_str;
use crate::objects::unicode::view::StrBuf;
use crate::objects::{dict, float, list, tuple};

/// A decode error: CPython's message and the index it points at.
type DecErr = (&'static str, usize);

#[inline]
fn at<T: Unit>(s: &[T], i: usize) -> Option<u32> {
    s.get(i).map(|c| c.cp())
}

#[inline]
fn skip_ws<T: Unit>(s: &[T], mut i: usize) -> usize {
    while let Some(c) = at(s, i) {
        if !matches!(c, 0x20 | 0x09 | 0x0a | 0x0d) {
            break;
        }
        i += 1;
    }
    i
}

fn hex4<T: Unit>(s: &[T], i: usize) -> Option<u32> {
    if i + 4 > s.len() {
        return None;
    }
    let mut v = 0;
    for k in 0..4 {
        v = v * 16 + char::from_u32(s[i + k].cp())?.to_digit(16)?;
    }
    Some(v)
}

/// Scan a JSON string whose opening quote is at `end - 1`: the str and the index after
/// its closing quote. The str is built only after the text has been checked.
pub(super) fn scan_string<T: Unit>(
    s: &[T],
    view: StrView<'_>,
    end: usize,
    strict: bool,
) -> Result<(VmResult<PyObj>, usize), DecErr> {
    let begin = end.wrapping_sub(1);
    let unterminated = ("Unterminated string starting at", begin);
    let mut j = end;
    let mut start = end;
    let mut buf: Option<Vec<u32>> = None;
    loop {
        // the next quote, backslash or (strict) control character
        let c = loop {
            let Some(c) = at(s, j) else {
                return Err(unterminated);
            };
            if c == 0x22 || c == 0x5c {
                break c;
            }
            if c < 0x20 && strict {
                return Err(("Invalid control character at", j));
            }
            j += 1;
        };
        if c == 0x22 {
            let v = match buf {
                None => super::super::re::str_slice(view, start, j),
                Some(mut b) => {
                    b.extend(s[start..j].iter().map(|c| c.cp()));
                    string::from_buf(&StrBuf::from_code_points(&b))
                        .ok_or_else(crate::objects::exceptions::memory_error)
                }
            };
            return Ok((v, j + 1));
        }
        let b = buf.get_or_insert_with(Vec::new);
        b.extend(s[start..j].iter().map(|c| c.cp()));
        j += 1;
        let Some(e) = at(s, j) else {
            return Err(unterminated);
        };
        if e != u32::from(b'u') {
            let ch = match e {
                0x22 => 0x22,
                0x5c => 0x5c,
                0x2f => 0x2f,
                0x62 => 0x08,
                0x66 => 0x0c,
                0x6e => 0x0a,
                0x72 => 0x0d,
                0x74 => 0x09,
                _ => return Err(("Invalid \\escape", j - 1)),
            };
            b.push(ch);
            j += 1;
        } else {
            let Some(mut u) = hex4(s, j + 1) else {
                return Err(("Invalid \\uXXXX escape", j));
            };
            j += 5;
            if (0xd800..0xdc00).contains(&u) && at(s, j) == Some(0x5c) && at(s, j + 1) == Some(0x75)
            {
                let Some(u2) = hex4(s, j + 2) else {
                    return Err(("Invalid \\uXXXX escape", j + 1));
                };
                if (0xdc00..0xe000).contains(&u2) {
                    u = 0x10000 + (((u - 0xd800) << 10) | (u2 - 0xdc00));
                    j += 6;
                }
            }
            b.push(u);
        }
        start = j;
    }
}

/// The decoder's options.
struct Options<'a> {
    strict: bool,
    object_hook: Option<&'a PyObj>,
    pairs_hook: Option<&'a PyObj>,
    parse_float: Option<&'a PyObj>,
    parse_int: Option<&'a PyObj>,
    parse_constant: Option<&'a PyObj>,
}

/// A container being filled.
enum Open {
    Array(Vec<PyObj>),
    /// A dict (no pairs hook) or the pairs so far, and the key whose value comes next.
    Object {
        dict: Option<PyObj>,
        pairs: Vec<PyObj>,
        key: PyObj,
    },
}

fn opt(o: &PyObj) -> Option<&PyObj> {
    (!o.is(&ctx().none)).then_some(o)
}

/// Why scanning stopped early.
enum Stop {
    Json(DecErr),
    Py(Exc),
}

impl From<Exc> for Stop {
    fn from(e: Exc) -> Stop {
        Stop::Py(e)
    }
}

/// `_json.scan(s, idx, strict, object_hook, object_pairs_hook, parse_float, parse_int,
/// parse_constant, errcls)` -> (value, end): one JSON value starting at `idx`.
pub(super) fn scan(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let a = args.range("scan", 9, 9)?;
    let view = str_arg(&a[0], "scan")?;
    let idx = crate::objects::args::as_ssize_t(&a[1])?;
    let o = Options {
        strict: vm.truthy(&a[2])?,
        object_hook: opt(&a[3]),
        pairs_hook: opt(&a[4]),
        parse_float: opt(&a[5]),
        parse_int: opt(&a[6]),
        parse_constant: opt(&a[7]),
    };
    if idx < 0 {
        return Err(crate::objects::exceptions::value_error(
            "idx cannot be negative",
        ));
    }
    let mut depth = 0;
    let r = on_view!(view, s => run(vm, s, view, idx as usize, &o, &mut depth));
    for _ in 0..depth {
        vm.leave_recursive();
    }
    match r {
        Ok((v, end)) => Ok(tuple::pair(v, int::new_i64(end as i64))),
        Err(Stop::Py(e)) => Err(e),
        Err(Stop::Json((msg, pos))) => Err(decode_error(vm, &a[8], msg, &a[0], pos)),
    }
}

fn starts_with<T: Unit>(s: &[T], i: usize, word: &str) -> bool {
    i + word.len() <= s.len()
        && word
            .bytes()
            .enumerate()
            .all(|(k, b)| s[i + k].cp() == b as u32)
}

/// Parse the value at `i`, which begins an array or object when it returns None.
fn run<T: Unit>(
    vm: &mut Vm,
    s: &[T],
    view: StrView<'_>,
    idx: usize,
    o: &Options<'_>,
    depth: &mut usize,
) -> Result<(PyObj, usize), Stop> {
    let mut stack: Vec<Open> = Vec::new();
    let mut i = idx;
    'value: loop {
        // ----- one value at i, or the opening of a container
        let (mut val, mut j) = match at(s, i) {
            None => return Err(Stop::Json(("Expecting value", i))),
            Some(0x22) => {
                let (v, e) = scan_string(s, view, i + 1, o.strict).map_err(Stop::Json)?;
                (v?, e)
            }
            Some(0x7b) => {
                vm.enter_recursive(" while decoding a JSON object from a unicode string")?;
                *depth += 1;
                let k = skip_ws(s, i + 1);
                if at(s, k) == Some(0x7d) {
                    vm.leave_recursive();
                    *depth -= 1;
                    (finish_object(vm, o, None, Vec::new())?, k + 1)
                } else {
                    let (key, next) = object_key(s, view, k, o.strict)?;
                    stack.push(Open::Object {
                        dict: o.pairs_hook.is_none().then(dict::new),
                        pairs: Vec::new(),
                        key,
                    });
                    i = next;
                    continue 'value;
                }
            }
            Some(0x5b) => {
                vm.enter_recursive(" while decoding a JSON array from a unicode string")?;
                *depth += 1;
                let k = skip_ws(s, i + 1);
                if at(s, k) == Some(0x5d) {
                    vm.leave_recursive();
                    *depth -= 1;
                    (list::new_empty(), k + 1)
                } else {
                    stack.push(Open::Array(Vec::new()));
                    i = k;
                    continue 'value;
                }
            }
            Some(_) => scalar(vm, s, i, o)?,
        };
        // ----- hand the value to the innermost open container, closing those that end
        loop {
            match stack.last_mut() {
                None => return Ok((val, j)),
                Some(Open::Array(items)) => {
                    items.push(val);
                    j = skip_ws(s, j);
                    match at(s, j) {
                        Some(0x5d) => {
                            let Some(Open::Array(items)) = stack.pop() else {
                                unreachable!("the top is an array")
                            };
                            vm.leave_recursive();
                            *depth -= 1;
                            val = list::new_exact(items);
                            j += 1;
                        }
                        Some(0x2c) => {
                            i = skip_ws(s, j + 1);
                            continue 'value;
                        }
                        _ => return Err(Stop::Json(("Expecting ',' delimiter", j))),
                    }
                }
                Some(Open::Object { dict, pairs, key }) => {
                    let k = std::mem::replace(key, ctx().none.clone());
                    match dict {
                        Some(d) => {
                            let h = string::hash(&k).unwrap_or(0);
                            dict::set_item(d, k, h, val, &mut dict::builtin_eq)?;
                        }
                        None => pairs.push(tuple::pair(k, val)),
                    }
                    j = skip_ws(s, j);
                    match at(s, j) {
                        Some(0x7d) => {
                            let Some(Open::Object { dict, pairs, .. }) = stack.pop() else {
                                unreachable!("the top is an object")
                            };
                            vm.leave_recursive();
                            *depth -= 1;
                            val = finish_object(vm, o, dict, pairs)?;
                            j += 1;
                        }
                        Some(0x2c) => {
                            let (k2, next) = object_key(s, view, skip_ws(s, j + 1), o.strict)?;
                            *key = k2;
                            i = next;
                            continue 'value;
                        }
                        _ => return Err(Stop::Json(("Expecting ',' delimiter", j))),
                    }
                }
            }
        }
    }
}

/// A key at `i` (its opening quote), the ':' after it: the key and where its value
/// starts.
fn object_key<T: Unit>(
    s: &[T],
    view: StrView<'_>,
    i: usize,
    strict: bool,
) -> Result<(PyObj, usize), Stop> {
    if at(s, i) != Some(0x22) {
        return Err(Stop::Json((
            "Expecting property name enclosed in double quotes",
            i,
        )));
    }
    let (k, e) = scan_string(s, view, i + 1, strict).map_err(Stop::Json)?;
    let k = k?;
    let e = skip_ws(s, e);
    if at(s, e) != Some(0x3a) {
        return Err(Stop::Json(("Expecting ':' delimiter", e)));
    }
    Ok((string::intern(k), skip_ws(s, e + 1)))
}

/// The object's value: the dict, or what object_pairs_hook / object_hook make of it.
fn finish_object(
    vm: &mut Vm,
    o: &Options<'_>,
    d: Option<PyObj>,
    pairs: Vec<PyObj>,
) -> VmResult<PyObj> {
    if let Some(h) = o.pairs_hook {
        return vm.call(h, Args::positional(&[list::new_exact(pairs)]));
    }
    let d = d.unwrap_or_else(dict::new);
    match o.object_hook {
        Some(h) => vm.call(h, Args::positional(&[d])),
        None => Ok(d),
    }
}

/// A literal, a constant or a number at `i` (first character `c`).
fn scalar<T: Unit>(
    vm: &mut Vm,
    s: &[T],
    i: usize,
    o: &Options<'_>,
) -> Result<(PyObj, usize), Stop> {
    let c = ctx();
    let first = s[i].cp();
    let constant = |vm: &mut Vm, name: &str, v: f64| -> VmResult<PyObj> {
        match o.parse_constant {
            Some(f) => vm.call(f, Args::positional(&[string::new(name)])),
            None => Ok(float::new(v)),
        }
    };
    match first {
        0x6e if starts_with(s, i, "null") => return Ok((c.none.clone(), i + 4)),
        0x74 if starts_with(s, i, "true") => return Ok((c.true_.clone(), i + 4)),
        0x66 if starts_with(s, i, "false") => return Ok((c.false_.clone(), i + 5)),
        0x4e if starts_with(s, i, "NaN") => return Ok((constant(vm, "NaN", f64::NAN)?, i + 3)),
        0x49 if starts_with(s, i, "Infinity") => {
            return Ok((constant(vm, "Infinity", f64::INFINITY)?, i + 8))
        }
        0x2d if starts_with(s, i, "-Infinity") => {
            return Ok((constant(vm, "-Infinity", f64::NEG_INFINITY)?, i + 9))
        }
        _ => {}
    }
    number(vm, s, i, o)
}

fn is_digit(c: Option<u32>) -> bool {
    matches!(c, Some(0x30..=0x39))
}

/// CPython's _match_number: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?
fn number<T: Unit>(
    vm: &mut Vm,
    s: &[T],
    start: usize,
    o: &Options<'_>,
) -> Result<(PyObj, usize), Stop> {
    let mut i = start;
    if at(s, i) == Some(0x2d) {
        i += 1;
    }
    match at(s, i) {
        Some(0x31..=0x39) => {
            i += 1;
            while is_digit(at(s, i)) {
                i += 1;
            }
        }
        Some(0x30) => i += 1,
        _ => return Err(Stop::Json(("Expecting value", start))),
    }
    let mut is_float = false;
    if at(s, i) == Some(0x2e) && is_digit(at(s, i + 1)) {
        is_float = true;
        i += 2;
        while is_digit(at(s, i)) {
            i += 1;
        }
    }
    if matches!(at(s, i), Some(0x65 | 0x45)) {
        let e_start = i;
        i += 1;
        if matches!(at(s, i), Some(0x2b | 0x2d)) {
            i += 1;
        }
        let digits = i;
        while is_digit(at(s, i)) {
            i += 1;
        }
        if i > digits {
            is_float = true;
        } else {
            i = e_start;
        }
    }
    let text: String = s[start..i].iter().map(|c| c.cp() as u8 as char).collect();
    let v = if is_float {
        match o.parse_float {
            Some(f) => vm.call(f, Args::positional(&[string::new(&text)]))?,
            None => float::new(text.parse::<f64>().unwrap_or(f64::NAN)),
        }
    } else {
        match o.parse_int {
            Some(f) => vm.call(f, Args::positional(&[string::new(&text)]))?,
            None => match text.parse::<i64>() {
                Ok(v) => int::new_i64(v),
                Err(_) => {
                    let big = int_from_str(&text, 10).map_err(Exc::from)?;
                    int::new(&big).ok_or_else(crate::objects::exceptions::memory_error)?
                }
            },
        }
    };
    Ok((v, i))
}
