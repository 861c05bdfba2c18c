//! Replacement templates for `sub`/`subn`/`Match.expand`.

use crate::parse::{is_identifier, py_int, py_repr, to_char, MAXGROUPS};
use crate::{Error, ErrorKind, Match, Regex, Subject};

/// A piece of a parsed template.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Piece {
    /// Literal code points (bytes for a bytes pattern).
    Lit(Vec<u32>),
    /// The text of a group; an unmatched group gives the empty string.
    Group(usize),
}

/// A parsed replacement template.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Template {
    pub pieces: Vec<Piece>,
}

impl Template {
    /// Append the expansion for `m` (a match in `subject`) to `out`.
    pub fn expand_into<S: Subject + ?Sized>(&self, m: &Match, subject: &S, out: &mut Vec<u32>) {
        for p in &self.pieces {
            match p {
                Piece::Lit(l) => out.extend_from_slice(l),
                Piece::Group(g) => {
                    if let Some((a, b)) = m.span(*g) {
                        out.extend((a..b).map(|i| subject.at(i)));
                    }
                }
            }
        }
    }

    pub fn expand<S: Subject + ?Sized>(&self, m: &Match, subject: &S) -> Vec<u32> {
        let mut out = Vec::new();
        self.expand_into(m, subject, &mut out);
        out
    }

    /// The template as a literal, when it has no group references.
    pub fn literal(&self) -> Option<Vec<u32>> {
        let mut out = Vec::new();
        for p in &self.pieces {
            match p {
                Piece::Lit(l) => out.extend_from_slice(l),
                Piece::Group(_) => return None,
            }
        }
        Some(out)
    }
}

fn err(msg: String, pos: usize) -> Error {
    Error {
        kind: ErrorKind::Re,
        msg,
        pos: Some(pos),
    }
}

fn is_digit(c: u32) -> bool {
    (48..=57).contains(&c)
}
fn is_octal(c: u32) -> bool {
    (48..=55).contains(&c)
}

pub(crate) fn parse_template(t: &[u32], re: &Regex) -> Result<Template, Error> {
    let mut pieces: Vec<Piece> = Vec::new();
    let mut lit: Vec<u32> = Vec::new();
    let n = t.len();
    let mut i = 0;
    let add_group =
        |g: u64, pos: usize, lit: &mut Vec<u32>, pieces: &mut Vec<Piece>| -> Result<(), Error> {
            if g > re.groups() as u64 {
                return Err(err(format!("invalid group reference {g}"), pos));
            }
            if !lit.is_empty() {
                pieces.push(Piece::Lit(std::mem::take(lit)));
            }
            pieces.push(Piece::Group(g as usize));
            Ok(())
        };
    while i < n {
        let c = t[i];
        if c != '\\' as u32 {
            lit.push(c);
            i += 1;
            continue;
        }
        if i + 1 >= n {
            return Err(err("bad escape (end of pattern)".into(), n - 1));
        }
        let e = t[i + 1];
        let start = i;
        i += 2;
        match to_char(e) {
            'g' => {
                if i >= n || t[i] != '<' as u32 {
                    return Err(err("missing <".into(), i));
                }
                i += 1;
                // the name, token by token (a backslash takes the next char)
                let name_start = i;
                let mut name = String::new();
                loop {
                    if i >= n {
                        if name.is_empty() {
                            return Err(err("missing group name".into(), i));
                        }
                        return Err(err("missing >, unterminated name".into(), name_start));
                    }
                    if t[i] == '>' as u32 {
                        if name.is_empty() {
                            return Err(err("missing group name".into(), i));
                        }
                        i += 1;
                        break;
                    }
                    if t[i] == '\\' as u32 {
                        if i + 1 >= n {
                            return Err(err("bad escape (end of pattern)".into(), n - 1));
                        }
                        name.push('\\');
                        name.push(to_char(t[i + 1]));
                        i += 2;
                    } else {
                        name.push(to_char(t[i]));
                        i += 1;
                    }
                }
                let off = name.chars().count() + 1;
                let index = if is_identifier(&name) {
                    match re.group_index(&name) {
                        Some(g) => g as u64,
                        None => {
                            return Err(Error {
                                kind: ErrorKind::Index,
                                msg: format!("unknown group name {}", py_repr(&name)),
                                pos: None,
                            })
                        }
                    }
                } else {
                    let v = match py_int(&name) {
                        Some(v) if v >= 0 => v as u64,
                        _ => {
                            return Err(err(
                                format!("bad character in group name {}", py_repr(&name)),
                                i - off,
                            ))
                        }
                    };
                    if v >= MAXGROUPS {
                        return Err(err(format!("invalid group reference {v}"), i - off));
                    }
                    v
                };
                add_group(index, i - off, &mut lit, &mut pieces)?;
            }
            '0' => {
                let mut v = 0u32;
                let mut k = 0;
                while k < 2 && i < n && is_octal(t[i]) {
                    v = v * 8 + (t[i] - 48);
                    i += 1;
                    k += 1;
                }
                lit.push(v & 0xff);
            }
            _ if is_digit(e) => {
                let mut digits = vec![e];
                let mut octal = false;
                if i < n && is_digit(t[i]) {
                    digits.push(t[i]);
                    i += 1;
                    if is_octal(e) && is_octal(digits[1]) && i < n && is_octal(t[i]) {
                        digits.push(t[i]);
                        i += 1;
                        octal = true;
                        let v = digits.iter().fold(0u32, |a, &d| a * 8 + (d - 48));
                        if v > 0o377 {
                            let text: String = std::iter::once('\\')
                                .chain(digits.iter().map(|&d| to_char(d)))
                                .collect();
                            return Err(err(
                                format!("octal escape value {text} outside of range 0-0o377"),
                                start,
                            ));
                        }
                        lit.push(v);
                    }
                }
                if !octal {
                    let g = digits.iter().fold(0u64, |a, &d| a * 10 + (d - 48) as u64);
                    add_group(g, start + 1, &mut lit, &mut pieces)?;
                }
            }
            ch => {
                let v = match ch {
                    'a' => Some(7),
                    'b' => Some(8),
                    'f' => Some(12),
                    'n' => Some(10),
                    'r' => Some(13),
                    't' => Some(9),
                    'v' => Some(11),
                    '\\' => Some(92),
                    _ => None,
                };
                match v {
                    Some(v) => lit.push(v),
                    None => {
                        if ch.is_ascii_alphabetic() {
                            return Err(err(format!("bad escape \\{ch}"), start));
                        }
                        lit.push('\\' as u32);
                        lit.push(e);
                    }
                }
            }
        }
    }
    if !lit.is_empty() {
        pieces.push(Piece::Lit(lit));
    }
    Ok(Template { pieces })
}
