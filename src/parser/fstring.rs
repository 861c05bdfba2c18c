//! String literals: escape decoding, implicit concatenation, and f-strings (replacement
//! fields with nested expressions, `!r`/`!s`/`!a`, format specs, the `=` debug form).

use super::actions::St;
use super::ast::{Constant, Expr, ExprKind, Span};
use super::error::{SyntaxError, SyntaxErrorKind as K};

/// Collects the parts of one (possibly concatenated) string expression.
pub struct Builder {
    span: Span,
    buf: String,
    parts: Vec<Expr>,
    is_f: bool,
}

impl Builder {
    pub fn new(span: Span) -> Builder {
        Builder {
            span,
            buf: String::new(),
            parts: Vec::new(),
            is_f: false,
        }
    }

    fn flush(&mut self) {
        if !self.buf.is_empty() {
            let s = std::mem::take(&mut self.buf);
            self.parts
                .push(Expr::new(ExprKind::Constant(Constant::Str(s)), self.span));
        }
    }

    pub fn finish(mut self) -> Expr {
        if !self.is_f {
            return Expr::new(ExprKind::Constant(Constant::Str(self.buf)), self.span);
        }
        self.flush();
        Expr::new(ExprKind::JoinedStr(self.parts), self.span)
    }
}

/// Adds one literal (prefix and quotes included) that starts at byte `pos`.
pub fn literal(st: &St, b: &mut Builder, pos: usize, lit: &str) -> Result<(), SyntaxError> {
    let q = lit.find(['\'', '"']).expect("a string literal has a quote");
    let prefix = &lit[..q];
    let raw = prefix.contains(['r', 'R']);
    let is_f = prefix.contains(['f', 'F']);
    let qlen = if lit[q..].starts_with("\"\"\"") || lit[q..].starts_with("'''") {
        3
    } else {
        1
    };
    let body = &lit[q + qlen..lit.len() - qlen];
    let base = pos + q + qlen;
    if is_f {
        b.is_f = true;
        let mut p = FParser {
            st,
            body,
            base,
            raw,
            i: 0,
            end: pos + lit.len(),
        };
        p.parts(b, 0)?;
    } else {
        decode(st, body, base, raw, &mut b.buf)?;
    }
    Ok(())
}

/// Adds one bytes literal (prefix and quotes included) that starts at byte `pos`:
/// ASCII characters only, bytes escapes (\xhh, octal, \n, ...) decoded unless raw.
pub fn bytes_literal(st: &St, pos: usize, lit: &str, out: &mut Vec<u8>) -> Result<(), SyntaxError> {
    let q = lit.find(['\'', '"']).expect("a string literal has a quote");
    let raw = lit[..q].contains(['r', 'R']);
    let qlen = if lit[q..].starts_with("\"\"\"") || lit[q..].starts_with("'''") {
        3
    } else {
        1
    };
    let body = &lit[q + qlen..lit.len() - qlen];
    if !body.is_ascii() {
        // CPython's end offset counts the token's UTF-8 bytes, not its characters.
        let msg = "bytes can only contain ASCII literal characters".to_string();
        let extra = (lit.len() - lit.chars().count()) as i64;
        let e = st.idx.error(K::SyntaxError, msg, pos, pos + lit.len());
        return Err(e.shift_offsets(0, extra));
    }
    let b = body.as_bytes();
    if raw || !b.contains(&b'\\') {
        out.extend_from_slice(b);
        return Ok(());
    }
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if c != b'\\' {
            out.push(c);
            i += 1;
            continue;
        }
        let Some(&e) = b.get(i + 1) else {
            out.push(b'\\');
            break;
        };
        i += 2;
        match e {
            b'\n' => {}
            b'\\' => out.push(b'\\'),
            b'\'' => out.push(b'\''),
            b'"' => out.push(b'"'),
            b'a' => out.push(0x07),
            b'b' => out.push(0x08),
            b'f' => out.push(0x0c),
            b'n' => out.push(b'\n'),
            b'r' => out.push(b'\r'),
            b't' => out.push(b'\t'),
            b'v' => out.push(0x0b),
            b'0'..=b'7' => {
                let mut v = u32::from(e - b'0');
                for _ in 0..2 {
                    match b.get(i) {
                        Some(&d @ b'0'..=b'7') => {
                            v = v * 8 + u32::from(d - b'0');
                            i += 1;
                        }
                        _ => break,
                    }
                }
                out.push(v as u8);
            }
            b'x' => {
                let hex = |c: Option<&u8>| c.and_then(|&c| (c as char).to_digit(16));
                match (hex(b.get(i)), hex(b.get(i + 1))) {
                    (Some(h), Some(l)) => {
                        out.push((h * 16 + l) as u8);
                        i += 2;
                    }
                    _ => {
                        let msg = format!("(value error) invalid \\x escape at position {}", i - 2);
                        let end = pos + lit.len();
                        return Err(st.idx.error(K::SyntaxError, msg, end, end));
                    }
                }
            }
            other => {
                out.push(b'\\');
                out.push(other);
            }
        }
    }
    Ok(())
}

fn err(st: &St, msg: &str, at: usize) -> SyntaxError {
    st.idx.error(K::SyntaxError, msg.to_string(), at, at)
}

/// Decodes backslash escapes of a non-raw literal body into `out`.
fn decode(
    st: &St,
    body: &str,
    base: usize,
    raw: bool,
    out: &mut String,
) -> Result<(), SyntaxError> {
    if raw || !body.contains('\\') {
        out.push_str(body);
        return Ok(());
    }
    let mut it = body.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        let Some((_, e)) = it.next() else {
            out.push('\\');
            break;
        };
        let hex = |it: &mut std::iter::Peekable<std::str::CharIndices>, n: usize, what: &str| {
            let mut v: u32 = 0;
            for k in 0..n {
                match it.peek().and_then(|&(_, c)| c.to_digit(16)) {
                    Some(d) => {
                        v = v * 16 + d;
                        it.next();
                    }
                    None => {
                        let msg = format!(
                            "(unicode error) 'unicodeescape' codec can't decode bytes in position {}-{}: truncated {what} escape",
                            i,
                            i + 1 + k
                        );
                        return Err(err(st, &msg, base + i));
                    }
                }
            }
            Ok(v)
        };
        let ch = |v: u32| {
            char::from_u32(v).ok_or_else(|| {
                let msg = "(unicode error) glasspy strings cannot hold surrogates or code points above U+10FFFF";
                err(st, msg, base + i)
            })
        };
        match e {
            '\n' => {}
            '\\' => out.push('\\'),
            '\'' => out.push('\''),
            '"' => out.push('"'),
            'a' => out.push('\x07'),
            'b' => out.push('\x08'),
            'f' => out.push('\x0c'),
            'n' => out.push('\n'),
            'r' => out.push('\r'),
            't' => out.push('\t'),
            'v' => out.push('\x0b'),
            '0'..='7' => {
                let mut v = e.to_digit(8).expect("octal digit");
                for _ in 0..2 {
                    match it.peek().and_then(|&(_, c)| c.to_digit(8)) {
                        Some(d) => {
                            v = v * 8 + d;
                            it.next();
                        }
                        None => break,
                    }
                }
                out.push(ch(v)?);
            }
            'x' => out.push(ch(hex(&mut it, 2, "\\xXX")?)?),
            'u' => out.push(ch(hex(&mut it, 4, "\\uXXXX")?)?),
            'U' => out.push(ch(hex(&mut it, 8, "\\UXXXXXXXX")?)?),
            'N' => {
                let msg = "(unicode error) glasspy does not support \\N{...} escapes";
                return Err(err(st, msg, base + i));
            }
            other => {
                out.push('\\');
                out.push(other);
            }
        }
    }
    Ok(())
}

struct FParser<'s, 'a> {
    st: &'s St<'a>,
    body: &'s str,
    base: usize,
    raw: bool,
    i: usize,
    /// End of the literal: CPython reports f-string errors just past it.
    end: usize,
}

impl FParser<'_, '_> {
    fn peek(&self, k: usize) -> Option<u8> {
        self.body.as_bytes().get(self.i + k).copied()
    }

    fn fail(&self, msg: &str) -> SyntaxError {
        err(self.st, msg, self.end)
    }

    /// Literal text and fields up to the end of the body, or up to the `}` that closes
    /// a format spec when `depth > 0`.
    fn parts(&mut self, b: &mut Builder, depth: usize) -> Result<(), SyntaxError> {
        let mut lit_start = self.i;
        while let Some(c) = self.peek(0) {
            match c {
                b'{' | b'}' => {
                    self.decode_lit(b, lit_start)?;
                    if c == b'{' && self.peek(1) == Some(b'{') {
                        b.buf.push('{');
                        self.i += 2;
                    } else if c == b'}' && depth > 0 {
                        return Ok(());
                    } else if c == b'}' && self.peek(1) == Some(b'}') {
                        b.buf.push('}');
                        self.i += 2;
                    } else if c == b'}' {
                        return Err(self.fail("f-string: single '}' is not allowed"));
                    } else {
                        self.field(b, depth)?;
                    }
                    lit_start = self.i;
                }
                b'\\' if !self.raw => self.i += 2,
                _ => self.i += 1,
            }
        }
        self.i = self.i.min(self.body.len());
        self.decode_lit(b, lit_start)
    }

    fn decode_lit(&self, b: &mut Builder, start: usize) -> Result<(), SyntaxError> {
        let end = self.i.min(self.body.len());
        decode(
            self.st,
            &self.body[start..end],
            self.base + start,
            self.raw,
            &mut b.buf,
        )
    }

    /// One `{expr!c:spec}` field; `self.i` is at the `{`.
    fn field(&mut self, b: &mut Builder, depth: usize) -> Result<(), SyntaxError> {
        if depth >= 2 {
            return Err(self.fail("f-string: expressions nested too deeply"));
        }
        self.i += 1;
        let start = self.i;
        let bytes = self.body.as_bytes();
        let mut nest = 0usize;
        let mut quote: Option<u8> = None;
        let mut debug_end = None;
        while let Some(c) = self.peek(0) {
            if let Some(q) = quote {
                if c == q {
                    quote = None;
                }
                self.i += 1;
                continue;
            }
            match c {
                b'\\' => {
                    return Err(self.fail("f-string expression part cannot include a backslash"))
                }
                b'#' => return Err(self.fail("f-string expression part cannot include '#'")),
                b'\'' | b'"' => quote = Some(c),
                b'(' | b'[' | b'{' => nest += 1,
                b')' | b']' => nest = nest.saturating_sub(1),
                b'}' if nest > 0 => nest -= 1,
                b'=' | b'!' | b'<' | b'>' if self.peek(1) == Some(b'=') => {
                    self.i += 2;
                    continue;
                }
                b'=' if nest == 0 => {
                    let mut j = self.i + 1;
                    while bytes.get(j).is_some_and(|c| c.is_ascii_whitespace()) {
                        j += 1;
                    }
                    debug_end = Some((self.i, j));
                    self.i = j;
                    break;
                }
                b'}' | b'!' | b':' if nest == 0 => break,
                _ => {}
            }
            self.i += 1;
        }
        if self.peek(0).is_none() {
            return Err(self.fail("f-string: expecting '}'"));
        }
        let expr_end = debug_end.map_or(self.i, |(e, _)| e);
        let text = &self.body[start..expr_end];
        if text.trim().is_empty() {
            return Err(self.fail("f-string: empty expression not allowed"));
        }
        let value = super::parse_field(self.st, self.base + start, self.base + expr_end)?;
        if let Some((_, j)) = debug_end {
            b.buf.push_str(&self.body[start..j]);
        }
        let mut conversion = None;
        if self.peek(0) == Some(b'!') {
            self.i += 1;
            match self.peek(0) {
                None => return Err(self.fail("f-string: expecting '}'")),
                Some(c @ (b's' | b'r' | b'a')) if matches!(self.peek(1), Some(b':' | b'}')) => {
                    conversion = Some(c as char);
                    self.i += 1;
                }
                _ => {
                    return Err(self.fail(
                        "f-string: invalid conversion character: expected 's', 'r', or 'a'",
                    ));
                }
            }
        }
        let mut format_spec = None;
        if self.peek(0) == Some(b':') {
            self.i += 1;
            let mut spec = Builder::new(b.span);
            spec.is_f = true;
            self.parts(&mut spec, depth + 1)?;
            format_spec = Some(Box::new(spec.finish()));
        }
        if self.peek(0) != Some(b'}') {
            return Err(self.fail("f-string: expecting '}'"));
        }
        self.i += 1;
        if debug_end.is_some() && conversion.is_none() && format_spec.is_none() {
            conversion = Some('r');
        }
        b.flush();
        let fv = ExprKind::FormattedValue {
            value: Box::new(value),
            conversion,
            format_spec,
        };
        b.parts.push(Expr::new(fv, b.span));
        Ok(())
    }
}
