//! printf-style formatting: `'%s has %d items' % (name, n)`, as CPython's
//! PyUnicode_Format. Each conversion is rewritten as a format spec and handed to the
//! same formatters as format().

use crate::heap::PyObj;
use crate::objects::numeric::{format_float, format_int, Int};
use crate::objects::unicode::methods_format::format_str;
use crate::objects::{dict, float, int, string, tuple, typeobj};

use super::super::Vm;
use crate::objects::exceptions;
use crate::objects::exceptions::{Exc, VmResult};

fn not_enough() -> Exc {
    exceptions::type_error("not enough arguments for format string")
}

impl Vm {
    /// `fmt % args` for a str `fmt`.
    pub fn str_percent_format(&mut self, fmt: &PyObj, args: &PyObj) -> VmResult<PyObj> {
        let text = string::as_str(fmt).unwrap_or_default().into_owned();
        let mapping = args.is_a::<dict::Dict>().then(|| args.clone());
        let values: Vec<PyObj> = match tuple::items(args) {
            Some(t) => t.to_vec(),
            None => vec![args.clone()],
        };
        let is_tuple = tuple::items(args).is_some();
        let mut next = 0usize;
        let mut out = String::with_capacity(text.len() + 16);
        let chars: Vec<char> = text.chars().collect();
        let mut i = 0;
        while i < chars.len() {
            let ch = chars[i];
            if ch != '%' {
                out.push(ch);
                i += 1;
                continue;
            }
            i += 1;
            // %(key)
            let mut keyed: Option<PyObj> = None;
            if chars.get(i) == Some(&'(') {
                let Some(m) = &mapping else {
                    return Err(exceptions::type_error("format requires a mapping"));
                };
                let mut depth = 1;
                let kstart = i + 1;
                i += 1;
                while i < chars.len() && depth > 0 {
                    match chars[i] {
                        '(' => depth += 1,
                        ')' => depth -= 1,
                        _ => {}
                    }
                    i += 1;
                }
                if depth > 0 {
                    return Err(exceptions::value_error("incomplete format key"));
                }
                let key: String = chars[kstart..i - 1].iter().collect();
                let k = string::new(&key);
                keyed = Some(self.getitem(m, &k)?);
            }
            let mut flags = String::new();
            while let Some(&f) = chars.get(i).filter(|c| "-+ #0".contains(**c)) {
                flags.push(f);
                i += 1;
            }
            let mut take_arg = |keyed: &mut Option<PyObj>| -> VmResult<PyObj> {
                if let Some(k) = keyed.take() {
                    return Ok(k);
                }
                let v = values.get(next).cloned().ok_or_else(not_enough)?;
                next += 1;
                Ok(v)
            };
            let mut width = String::new();
            if chars.get(i) == Some(&'*') {
                let w = take_arg(&mut None)?;
                width = int::as_i64(&w)
                    .ok_or_else(|| exceptions::type_error("* wants int"))?
                    .to_string();
                i += 1;
            } else {
                while let Some(&d) = chars.get(i).filter(|c| c.is_ascii_digit()) {
                    width.push(d);
                    i += 1;
                }
            }
            let mut precision: Option<String> = None;
            if chars.get(i) == Some(&'.') {
                i += 1;
                let mut p = String::new();
                if chars.get(i) == Some(&'*') {
                    let w = take_arg(&mut None)?;
                    p = int::as_i64(&w)
                        .ok_or_else(|| exceptions::type_error("* wants int"))?
                        .to_string();
                    i += 1;
                } else {
                    while let Some(&d) = chars.get(i).filter(|c| c.is_ascii_digit()) {
                        p.push(d);
                        i += 1;
                    }
                }
                precision = Some(if p.is_empty() { "0".into() } else { p });
            }
            while matches!(chars.get(i), Some('h' | 'l' | 'L')) {
                i += 1;
            }
            let Some(&conv) = chars.get(i) else {
                return Err(exceptions::value_error("incomplete format"));
            };
            i += 1;
            if conv == '%' {
                out.push('%');
                continue;
            }
            let arg = take_arg(&mut keyed)?;
            let left = flags.contains('-');
            let align = if left { "<" } else { "" };
            let sign = if flags.contains('+') {
                "+"
            } else if flags.contains(' ') {
                " "
            } else {
                ""
            };
            let alt = if flags.contains('#') { "#" } else { "" };
            let zero = if flags.contains('0') && !left {
                "0"
            } else {
                ""
            };
            let prec = precision
                .as_ref()
                .map(|p| format!(".{p}"))
                .unwrap_or_default();
            let piece = match conv {
                's' | 'r' | 'a' => {
                    let s = match conv {
                        's' => self.str(&arg)?,
                        'r' => self.repr(&arg)?,
                        _ => super::ascii_escape(&self.repr(&arg)?),
                    };
                    let align = if left { "<" } else { ">" };
                    format_str(&s, &format!("{align}{width}{prec}"))?.into_owned()
                }
                'd' | 'i' | 'u' | 'x' | 'X' | 'o' => {
                    let v = self.percent_int(&arg, conv)?;
                    let ty = match conv {
                        'd' | 'i' | 'u' => 'd',
                        c => c,
                    };
                    let body = format_int(&v, &format!("{align}{sign}{alt}{zero}{width}{ty}"))?;
                    if let Some(p) = &precision {
                        // %.3d pads the digits with zeros to the precision.
                        let p: usize = p.parse().unwrap_or(0);
                        let digits = format_int(&v.abs(), &ty.to_string())?;
                        let mut d = "0".repeat(p.saturating_sub(digits.len()));
                        d.push_str(&digits);
                        let s = if v.is_negative() {
                            format!("-{d}")
                        } else {
                            format!("{sign}{d}")
                        };
                        let align = if left { "<" } else { ">" };
                        format_str(&s, &format!("{align}{width}"))?.into_owned()
                    } else {
                        body
                    }
                }
                'e' | 'E' | 'f' | 'F' | 'g' | 'G' => {
                    let x = match float::value(&arg) {
                        Some(f) => f,
                        None => match int::value(&arg) {
                            Some(v) => v.to_f64()?,
                            None => {
                                return Err(exceptions::type_error(format!(
                                    "must be real number, not {}",
                                    typeobj::type_name(&arg)
                                )))
                            }
                        },
                    };
                    let prec = if precision.is_none() {
                        ".6".to_string()
                    } else {
                        prec.clone()
                    };
                    format_float(x, &format!("{align}{sign}{alt}{zero}{width}{prec}{conv}"))?
                }
                'c' => {
                    let s = match int::as_i64(&arg) {
                        Some(cp) => char::from_u32(cp as u32)
                            .ok_or_else(|| {
                                exceptions::named("OverflowError", "%c arg not in range(0x110000)")
                            })?
                            .to_string(),
                        None => match string::as_str(&arg).filter(|s| s.chars().count() == 1) {
                            Some(s) => s.into_owned(),
                            None => return Err(exceptions::type_error("%c requires int or char")),
                        },
                    };
                    let align = if left { "<" } else { ">" };
                    format_str(&s, &format!("{align}{width}"))?.into_owned()
                }
                other => {
                    return Err(exceptions::value_error(format!(
                        "unsupported format character '{other}' (0x{:x}) at index {}",
                        other as u32,
                        i - 1
                    )))
                }
            };
            out.push_str(&piece);
        }
        if mapping.is_none() && next < values.len() && (is_tuple || next == 0) {
            return Err(exceptions::type_error(
                "not all arguments converted during string formatting",
            ));
        }
        Ok(string::new(&out))
    }

    /// The integer for %d / %x / %o (floats are truncated for %d, as CPython).
    fn percent_int(&mut self, arg: &PyObj, conv: char) -> VmResult<Int> {
        if let Some(v) = int::value(arg) {
            return Ok(v);
        }
        if let Some(f) = float::value(arg) {
            if matches!(conv, 'd' | 'i' | 'u') {
                return Ok(Int::from_f64(f.trunc())?);
            }
            return Err(exceptions::type_error(format!(
                "%{conv} format: an integer is required, not float"
            )));
        }
        let what = if matches!(conv, 'd' | 'i' | 'u') {
            "a real number"
        } else {
            "an integer"
        };
        Err(exceptions::type_error(format!(
            "%{conv} format: {what} is required, not {}",
            typeobj::type_name(arg)
        )))
    }
}
