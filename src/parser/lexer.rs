//! The tokenizer: a logos DFA for raw tokens, hand-written number and string scanners
//! mirroring CPython's tokenizer.c, and the layout pass (NEWLINE / INDENT / DEDENT,
//! bracket joining, backslash continuation) that feeds lalrpop `(start, Tok, end)` triples.

use logos::Logos;

use super::error::{SyntaxError, SyntaxErrorKind as K};
use super::LineIndex;

/// CPython's MAXLEVEL: deeper bracket nesting is "too many nested parentheses".
pub const MAX_PAREN_LEVEL: usize = 200;
/// CPython's MAXINDENT: the indentation stack holds at most this many levels.
pub const MAX_INDENT: usize = 100;

/// Raw tokens as the DFA sees them; the layout pass turns them into [`Tok`].
#[derive(Logos, Clone, Copy, Debug, PartialEq, Eq)]
#[logos(skip r"[ \t\x0c]+")]
#[logos(skip(r"#[^\n]*", allow_greedy = true))]
enum Raw {
    #[token("\n")]
    Newline,
    #[token("\\")]
    Backslash,
    #[regex(r"[A-Za-z_][A-Za-z0-9_]*")]
    Name,
    #[regex(r"[^\x00-\x7F]")]
    NonAscii,
    #[regex(r"[0-9]|\.[0-9]")]
    Number,
    #[regex(r#"([rRuUfFbB]|[rR][fFbB]|[fFbB][rR])?['"]"#)]
    Quote,
    #[token("False")]
    False,
    #[token("None")]
    None,
    #[token("True")]
    True,
    #[token("and")]
    And,
    #[token("as")]
    As,
    #[token("assert")]
    Assert,
    #[token("async")]
    Async,
    #[token("await")]
    Await,
    #[token("break")]
    Break,
    #[token("class")]
    Class,
    #[token("continue")]
    Continue,
    #[token("def")]
    Def,
    #[token("del")]
    Del,
    #[token("elif")]
    Elif,
    #[token("else")]
    Else,
    #[token("except")]
    Except,
    #[token("finally")]
    Finally,
    #[token("for")]
    For,
    #[token("from")]
    From,
    #[token("global")]
    Global,
    #[token("if")]
    If,
    #[token("import")]
    Import,
    #[token("in")]
    In,
    #[token("is")]
    Is,
    #[token("lambda")]
    Lambda,
    #[token("nonlocal")]
    Nonlocal,
    #[token("not")]
    Not,
    #[token("or")]
    Or,
    #[token("pass")]
    Pass,
    #[token("raise")]
    Raise,
    #[token("return")]
    Return,
    #[token("try")]
    Try,
    #[token("while")]
    While,
    #[token("with")]
    With,
    #[token("yield")]
    Yield,
    #[token("(")]
    Lpar,
    #[token(")")]
    Rpar,
    #[token("[")]
    Lsqb,
    #[token("]")]
    Rsqb,
    #[token("{")]
    Lbrace,
    #[token("}")]
    Rbrace,
    #[token(":")]
    Colon,
    #[token(",")]
    Comma,
    #[token(";")]
    Semi,
    #[token("+")]
    Plus,
    #[token("-")]
    Minus,
    #[token("*")]
    Star,
    #[token("/")]
    Slash,
    #[token("|")]
    Vbar,
    #[token("&")]
    Amper,
    #[token("<")]
    Less,
    #[token(">")]
    Greater,
    #[token("=")]
    Equal,
    #[token(".")]
    Dot,
    #[token("%")]
    Percent,
    #[token("==")]
    EqEqual,
    #[token("!=")]
    NotEqual,
    #[token("<=")]
    LessEqual,
    #[token(">=")]
    GreaterEqual,
    #[token("~")]
    Tilde,
    #[token("^")]
    Circumflex,
    #[token("<<")]
    LeftShift,
    #[token(">>")]
    RightShift,
    #[token("**")]
    DoubleStar,
    #[token("+=")]
    PlusEqual,
    #[token("-=")]
    MinEqual,
    #[token("*=")]
    StarEqual,
    #[token("/=")]
    SlashEqual,
    #[token("%=")]
    PercentEqual,
    #[token("&=")]
    AmperEqual,
    #[token("|=")]
    VbarEqual,
    #[token("^=")]
    CircumflexEqual,
    #[token("<<=")]
    LeftShiftEqual,
    #[token(">>=")]
    RightShiftEqual,
    #[token("**=")]
    DoubleStarEqual,
    #[token("//")]
    DoubleSlash,
    #[token("//=")]
    DoubleSlashEqual,
    #[token("@")]
    At,
    #[token("@=")]
    AtEqual,
    #[token("->")]
    Rarrow,
    #[token("...")]
    Ellipsis,
    #[token(":=")]
    ColonEqual,
}

/// A parser token. Literals keep their source text; the grammar's actions decode them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tok<'a> {
    Name(&'a str),
    Int(&'a str),
    Float(&'a str),
    Imag(&'a str),
    /// One string literal, prefix and quotes included.
    Str(&'a str),
    Newline,
    Indent,
    Dedent,
    /// Entry markers: the first token tells the single LR table what to parse.
    StartModule,
    StartInteractive,
    StartEval,
    /// Stands where the tokenizer stopped on an error; no rule accepts it.
    Error,
    /// A character no token starts with (`$`, `?`, `!`): "invalid syntax" when reached.
    Unknown,
    Kw(Kw),
    Op(Op),
}

/// Keywords (soft keywords such as `match` stay names).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kw {
    False,
    None,
    True,
    And,
    As,
    Assert,
    Async,
    Await,
    Break,
    Class,
    Continue,
    Def,
    Del,
    Elif,
    Else,
    Except,
    Finally,
    For,
    From,
    Global,
    If,
    Import,
    In,
    Is,
    Lambda,
    Nonlocal,
    Not,
    Or,
    Pass,
    Raise,
    Return,
    Try,
    While,
    With,
    Yield,
}

/// Operators and delimiters, named as in CPython's token module.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Op {
    Lpar,
    Rpar,
    Lsqb,
    Rsqb,
    Lbrace,
    Rbrace,
    Colon,
    Comma,
    Semi,
    Plus,
    Minus,
    Star,
    Slash,
    Vbar,
    Amper,
    Less,
    Greater,
    Equal,
    Dot,
    Percent,
    EqEqual,
    NotEqual,
    LessEqual,
    GreaterEqual,
    Tilde,
    Circumflex,
    LeftShift,
    RightShift,
    DoubleStar,
    PlusEqual,
    MinEqual,
    StarEqual,
    SlashEqual,
    PercentEqual,
    AmperEqual,
    VbarEqual,
    CircumflexEqual,
    LeftShiftEqual,
    RightShiftEqual,
    DoubleStarEqual,
    DoubleSlash,
    DoubleSlashEqual,
    At,
    AtEqual,
    Rarrow,
    Ellipsis,
    ColonEqual,
}

fn simple(r: Raw) -> Option<Tok<'static>> {
    use Raw as R;
    let kw = |k| Some(Tok::Kw(k));
    let op = |o| Some(Tok::Op(o));
    match r {
        R::False => kw(Kw::False),
        R::None => kw(Kw::None),
        R::True => kw(Kw::True),
        R::And => kw(Kw::And),
        R::As => kw(Kw::As),
        R::Assert => kw(Kw::Assert),
        R::Async => kw(Kw::Async),
        R::Await => kw(Kw::Await),
        R::Break => kw(Kw::Break),
        R::Class => kw(Kw::Class),
        R::Continue => kw(Kw::Continue),
        R::Def => kw(Kw::Def),
        R::Del => kw(Kw::Del),
        R::Elif => kw(Kw::Elif),
        R::Else => kw(Kw::Else),
        R::Except => kw(Kw::Except),
        R::Finally => kw(Kw::Finally),
        R::For => kw(Kw::For),
        R::From => kw(Kw::From),
        R::Global => kw(Kw::Global),
        R::If => kw(Kw::If),
        R::Import => kw(Kw::Import),
        R::In => kw(Kw::In),
        R::Is => kw(Kw::Is),
        R::Lambda => kw(Kw::Lambda),
        R::Nonlocal => kw(Kw::Nonlocal),
        R::Not => kw(Kw::Not),
        R::Or => kw(Kw::Or),
        R::Pass => kw(Kw::Pass),
        R::Raise => kw(Kw::Raise),
        R::Return => kw(Kw::Return),
        R::Try => kw(Kw::Try),
        R::While => kw(Kw::While),
        R::With => kw(Kw::With),
        R::Yield => kw(Kw::Yield),
        R::Lpar => op(Op::Lpar),
        R::Rpar => op(Op::Rpar),
        R::Lsqb => op(Op::Lsqb),
        R::Rsqb => op(Op::Rsqb),
        R::Lbrace => op(Op::Lbrace),
        R::Rbrace => op(Op::Rbrace),
        R::Colon => op(Op::Colon),
        R::Comma => op(Op::Comma),
        R::Semi => op(Op::Semi),
        R::Plus => op(Op::Plus),
        R::Minus => op(Op::Minus),
        R::Star => op(Op::Star),
        R::Slash => op(Op::Slash),
        R::Vbar => op(Op::Vbar),
        R::Amper => op(Op::Amper),
        R::Less => op(Op::Less),
        R::Greater => op(Op::Greater),
        R::Equal => op(Op::Equal),
        R::Dot => op(Op::Dot),
        R::Percent => op(Op::Percent),
        R::EqEqual => op(Op::EqEqual),
        R::NotEqual => op(Op::NotEqual),
        R::LessEqual => op(Op::LessEqual),
        R::GreaterEqual => op(Op::GreaterEqual),
        R::Tilde => op(Op::Tilde),
        R::Circumflex => op(Op::Circumflex),
        R::LeftShift => op(Op::LeftShift),
        R::RightShift => op(Op::RightShift),
        R::DoubleStar => op(Op::DoubleStar),
        R::PlusEqual => op(Op::PlusEqual),
        R::MinEqual => op(Op::MinEqual),
        R::StarEqual => op(Op::StarEqual),
        R::SlashEqual => op(Op::SlashEqual),
        R::PercentEqual => op(Op::PercentEqual),
        R::AmperEqual => op(Op::AmperEqual),
        R::VbarEqual => op(Op::VbarEqual),
        R::CircumflexEqual => op(Op::CircumflexEqual),
        R::LeftShiftEqual => op(Op::LeftShiftEqual),
        R::RightShiftEqual => op(Op::RightShiftEqual),
        R::DoubleStarEqual => op(Op::DoubleStarEqual),
        R::DoubleSlash => op(Op::DoubleSlash),
        R::DoubleSlashEqual => op(Op::DoubleSlashEqual),
        R::At => op(Op::At),
        R::AtEqual => op(Op::AtEqual),
        R::Rarrow => op(Op::Rarrow),
        R::Ellipsis => op(Op::Ellipsis),
        R::ColonEqual => op(Op::ColonEqual),
        _ => None,
    }
}

pub type Spanned<'a> = (usize, Tok<'a>, usize);

/// The token stream of one source, and the tokenizer error that ended it, if any.
pub struct Lexed<'a> {
    pub toks: Vec<Spanned<'a>>,
    pub error: Option<SyntaxError>,
}

/// Kind of number the scanner found.
#[derive(Clone, Copy, PartialEq, Eq)]
enum NumKind {
    Int,
    Float,
    Imag,
}

/// A tokenizer error: message, and CPython's `cur` position (offset = its column).
struct NumErr {
    msg: String,
    cur: usize,
    /// For the leading-zeros error: explicit (start, end) byte positions.
    range: Option<(usize, usize)>,
}

fn is_ident_byte(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'_' || c >= 0x80
}

/// CPython's verify_end_of_number: `c` is the byte at `cur - 1` (already read).
fn end_of_number(b: &[u8], cur: usize, c: u8, kind: &str) -> Result<(), NumErr> {
    let rest = &b[cur.min(b.len())..];
    let kw_follows = match c {
        b'a' => rest.starts_with(b"nd"),
        b'e' => rest.starts_with(b"lse"),
        b'f' => rest.starts_with(b"or"),
        b'i' => matches!(rest.first(), Some(b'f' | b'n' | b's')),
        b'o' => rest.starts_with(b"r"),
        b'n' => rest.starts_with(b"ot"),
        _ => false,
    };
    if !kw_follows && is_ident_byte(c) {
        return Err(NumErr {
            msg: format!("invalid {kind} literal"),
            cur: cur - 1,
            range: None,
        });
    }
    Ok(())
}

/// Scans a number starting at `start`, as tokenizer.c does. Returns (end, kind).
fn scan_number(b: &[u8], start: usize) -> Result<(usize, NumKind), NumErr> {
    let mut cur = start;
    let next = |cur: &mut usize| -> u8 {
        let c = b.get(*cur).copied().unwrap_or(0);
        *cur += 1;
        c
    };
    let dec_err = |cur: usize| NumErr {
        msg: "invalid decimal literal".into(),
        cur,
        range: None,
    };
    // tok_decimal_tail: digits with single underscores; returns the byte after.
    let decimal_tail = |cur: &mut usize| -> Result<u8, NumErr> {
        loop {
            let mut c = next(cur);
            while c.is_ascii_digit() {
                c = next(cur);
            }
            if c != b'_' {
                return Ok(c);
            }
            let c2 = next(cur);
            if !c2.is_ascii_digit() {
                *cur -= 1;
                return Err(dec_err(*cur));
            }
        }
    };
    let mut c = next(&mut cur);
    let mut kind = NumKind::Int;
    #[derive(PartialEq)]
    enum Go {
        Fraction,
        Exponent,
        Imaginary,
        Done,
    }
    let mut go;
    if c == b'.' {
        c = next(&mut cur);
        go = Go::Fraction;
    } else if c == b'0' {
        c = next(&mut cur);
        if matches!(c, b'x' | b'X' | b'o' | b'O' | b'b' | b'B') {
            let (name, ok): (&str, fn(u8) -> bool) = match c {
                b'x' | b'X' => ("hexadecimal", |c: u8| c.is_ascii_hexdigit()),
                b'o' | b'O' => ("octal", |c: u8| (b'0'..b'8').contains(&c)),
                _ => ("binary", |c: u8| c == b'0' || c == b'1'),
            };
            let radix_digit_err = |c: u8, cur: usize| NumErr {
                msg: format!("invalid digit '{}' in {name} literal", c as char),
                cur,
                range: None,
            };
            c = next(&mut cur);
            loop {
                if c == b'_' {
                    c = next(&mut cur);
                }
                if !ok(c) {
                    if name != "hexadecimal" && c.is_ascii_digit() {
                        return Err(radix_digit_err(c, cur));
                    }
                    cur -= 1;
                    return Err(NumErr {
                        msg: format!("invalid {name} literal"),
                        cur,
                        range: None,
                    });
                }
                while ok(c) {
                    c = next(&mut cur);
                }
                if c != b'_' {
                    break;
                }
            }
            if name != "hexadecimal" && c.is_ascii_digit() {
                return Err(radix_digit_err(c, cur));
            }
            end_of_number(b, cur, c, name)?;
            return Ok((cur - 1, NumKind::Int));
        }
        let mut nonzero = false;
        loop {
            if c == b'_' {
                c = next(&mut cur);
                if !c.is_ascii_digit() {
                    cur -= 1;
                    return Err(dec_err(cur));
                }
            }
            if c != b'0' {
                break;
            }
            c = next(&mut cur);
        }
        let zeros_end = cur;
        if c.is_ascii_digit() {
            nonzero = true;
            c = decimal_tail(&mut cur)?;
        }
        if c == b'.' {
            c = next(&mut cur);
            go = Go::Fraction;
        } else if c == b'e' || c == b'E' {
            go = Go::Exponent;
        } else if c == b'j' || c == b'J' {
            go = Go::Imaginary;
        } else if nonzero {
            return Err(NumErr {
                msg: "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers".into(),
                cur,
                range: Some((start, zeros_end)),
            });
        } else {
            end_of_number(b, cur, c, "decimal")?;
            return Ok((cur - 1, NumKind::Int));
        }
    } else {
        cur -= 1;
        c = decimal_tail(&mut cur)?;
        if c == b'.' {
            c = next(&mut cur);
            go = Go::Fraction;
        } else if c == b'e' || c == b'E' {
            go = Go::Exponent;
        } else if c == b'j' || c == b'J' {
            go = Go::Imaginary;
        } else {
            end_of_number(b, cur, c, "decimal")?;
            return Ok((cur - 1, NumKind::Int));
        }
    }
    if go == Go::Fraction {
        kind = NumKind::Float;
        if c.is_ascii_digit() {
            cur -= 1;
            c = decimal_tail(&mut cur)?;
        }
        go = if c == b'e' || c == b'E' {
            Go::Exponent
        } else if c == b'j' || c == b'J' {
            Go::Imaginary
        } else {
            Go::Done
        };
    }
    if go == Go::Exponent {
        let e = c;
        c = next(&mut cur);
        if c == b'+' || c == b'-' {
            c = next(&mut cur);
            if !c.is_ascii_digit() {
                cur -= 1;
                return Err(dec_err(cur));
            }
        } else if !c.is_ascii_digit() {
            cur -= 1;
            end_of_number(b, cur, e, "decimal")?;
            return Ok((cur - 1, kind));
        }
        kind = NumKind::Float;
        cur -= 1;
        c = decimal_tail(&mut cur)?;
        go = if c == b'j' || c == b'J' {
            Go::Imaginary
        } else {
            Go::Done
        };
    }
    if go == Go::Imaginary {
        c = next(&mut cur);
        end_of_number(b, cur, c, "imaginary")?;
        return Ok((cur - 1, NumKind::Imag));
    }
    end_of_number(b, cur, c, "decimal")?;
    Ok((cur - 1, kind))
}

/// Result of scanning a string literal body.
enum StrScan {
    Ok(usize),
    /// Unterminated: (triple-quoted?, byte position where it was detected).
    Unterminated(bool, usize),
}

/// Scans a string literal whose opening quote is at `q`; returns the end position.
fn scan_string(b: &[u8], q: usize) -> StrScan {
    let quote = b[q];
    let triple = b.get(q + 1) == Some(&quote) && b.get(q + 2) == Some(&quote);
    let mut i = if triple { q + 3 } else { q + 1 };
    if !triple && b.get(q + 1) == Some(&quote) {
        return StrScan::Ok(q + 2);
    }
    loop {
        let Some(&c) = b.get(i) else {
            return StrScan::Unterminated(triple, b.len());
        };
        if c == b'\\' {
            i += 2;
            continue;
        }
        if c == quote {
            if !triple {
                return StrScan::Ok(i + 1);
            }
            if b.get(i + 1) == Some(&quote) && b.get(i + 2) == Some(&quote) {
                return StrScan::Ok(i + 3);
            }
        } else if c == b'\n' && !triple {
            return StrScan::Unterminated(false, i);
        }
        i += 1;
    }
}

/// Is `c` a character that may continue an identifier (approximating XID_Continue)?
fn ident_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

struct Layout<'a, 'i> {
    base: usize,
    idx: &'i LineIndex<'a>,
    toks: Vec<Spanned<'a>>,
}

impl<'a> Layout<'a, '_> {
    fn push(&mut self, s: usize, t: Tok<'a>, e: usize) {
        self.toks.push((s + self.base, t, e + self.base));
    }
    fn err(&self, kind: K, msg: impl Into<String>, at: usize, end: usize) -> SyntaxError {
        self.idx
            .error(kind, msg.into(), at + self.base, end + self.base)
    }
}

/// Tokenizes `src` (a whole file, or an f-string replacement field when `base > 0`).
/// `in_brackets` starts the layout inside an implicit bracket (f-string fields).
pub fn tokenize<'a>(
    src: &'a str,
    base: usize,
    idx: &LineIndex<'a>,
    in_brackets: bool,
) -> Lexed<'a> {
    let b = src.as_bytes();
    let mut lay = Layout {
        base,
        idx,
        toks: Vec::with_capacity(src.len() / 3 + 4),
    };
    let mut lex = Raw::lexer(src);
    let mut indents: Vec<(usize, usize)> = vec![(0, 0)];
    let mut parens: Vec<(u8, usize)> = if in_brackets {
        vec![(b'(', 0)]
    } else {
        Vec::new()
    };
    let mut at_bol = !in_brackets;
    let mut blank = false;
    let implicit = usize::from(in_brackets);
    let mut error = None;
    'outer: loop {
        if at_bol && parens.is_empty() {
            at_bol = false;
            let line_start = lex.span().end;
            let (mut col, mut alt, mut i) = (0usize, 0usize, line_start);
            while let Some(&c) = b.get(i) {
                match c {
                    b' ' => {
                        col += 1;
                        alt += 1;
                    }
                    b'\t' => {
                        col = (col / 8 + 1) * 8;
                        alt += 1;
                    }
                    b'\x0c' => {
                        col = 0;
                        alt = 0;
                    }
                    _ => break,
                }
                i += 1;
            }
            match b.get(i) {
                None | Some(b'\n') | Some(b'#') => blank = true,
                Some(b'\\') if b.get(i + 1) == Some(&b'\n') => blank = true,
                _ => {
                    let tab_err = |l: &Layout| {
                        l.err(
                            K::TabError,
                            "inconsistent use of tabs and spaces in indentation",
                            line_start,
                            line_start,
                        )
                        .at_line_start()
                    };
                    let &(top, alttop) = indents.last().expect("indent stack");
                    if col == top {
                        if alt != alttop {
                            error = Some(tab_err(&lay));
                            break 'outer;
                        }
                    } else if col > top {
                        if indents.len() >= MAX_INDENT {
                            let e = lay.err(
                                K::IndentationError,
                                "too many levels of indentation",
                                i,
                                i,
                            );
                            error = Some(e.at_line_start());
                            break 'outer;
                        }
                        if alt <= alttop {
                            error = Some(tab_err(&lay));
                            break 'outer;
                        }
                        indents.push((col, alt));
                        lay.push(line_start, Tok::Indent, i);
                    } else {
                        while indents.len() > 1 && col < indents.last().expect("indent stack").0 {
                            indents.pop();
                            lay.push(i, Tok::Dedent, i);
                        }
                        let &(top, alttop) = indents.last().expect("indent stack");
                        if col != top {
                            let e = lay.err(
                                K::IndentationError,
                                "unindent does not match any outer indentation level",
                                i,
                                i,
                            );
                            error = Some(e.unindent_position(idx));
                            break 'outer;
                        }
                        if alt != alttop {
                            error = Some(tab_err(&lay));
                            break 'outer;
                        }
                    }
                }
            }
        }
        let Some(raw) = lex.next() else {
            // End of input.
            if parens.len() > implicit {
                let (c, at) = parens[implicit];
                let e = lay.err(
                    K::SyntaxError,
                    format!("'{}' was never closed", c as char),
                    at,
                    at,
                );
                error = Some(e.with_end_offset(0));
                break;
            }
            if !in_brackets {
                let n = src.len();
                if !matches!(
                    lay.toks.last(),
                    None | Some((_, Tok::Newline, _)) | Some((_, Tok::Dedent, _))
                ) {
                    lay.push(n, Tok::Newline, n);
                }
                for _ in 1..indents.len() {
                    lay.push(n, Tok::Dedent, n);
                }
            }
            break;
        };
        let span = lex.span();
        let (s, e) = (span.start, span.end);
        let raw = match raw {
            Ok(r) => r,
            Err(()) => {
                lay.push(s, Tok::Unknown, e);
                continue;
            }
        };
        match raw {
            Raw::Newline => {
                if blank {
                    blank = false;
                    at_bol = true;
                } else if parens.is_empty() {
                    lay.push(s, Tok::Newline, s);
                    at_bol = true;
                }
            }
            Raw::Backslash => {
                blank = false;
                // CPython points one column past the backslash.
                let col_err = |msg: &str, lay: &Layout| {
                    lay.err(K::SyntaxError, msg, s, s).shift_offsets(1, 1)
                };
                if b.get(e) != Some(&b'\n') {
                    error = Some(
                        col_err(
                            "unexpected character after line continuation character",
                            &lay,
                        )
                        .with_end_offset(0),
                    );
                    break;
                }
                lex.bump(1);
                if e + 1 >= b.len() {
                    error = Some(col_err("unexpected EOF while parsing", &lay).with_end_offset(-1));
                    break;
                }
            }
            Raw::Name | Raw::NonAscii => {
                let mut end = e;
                if raw == Raw::NonAscii {
                    let c = src[s..].chars().next().expect("char");
                    if !(c.is_alphabetic() || c == '_') {
                        let msg = format!("invalid character '{c}' (U+{:04X})", c as u32);
                        error = Some(lay.err(K::SyntaxError, msg, s, s));
                        break;
                    }
                }
                if b.get(end).is_some_and(|&c| c >= 0x80) || raw == Raw::NonAscii {
                    end += src[end..]
                        .chars()
                        .take_while(|&c| ident_char(c))
                        .map(char::len_utf8)
                        .sum::<usize>();
                    lex.bump(end - e);
                }
                lay.push(s, Tok::Name(&src[s..end]), end);
            }
            Raw::Number => match scan_number(b, s) {
                Ok((end, kind)) => {
                    lex.bump(end - e);
                    let text = &src[s..end];
                    let t = match kind {
                        NumKind::Int => Tok::Int(text),
                        NumKind::Float => Tok::Float(text),
                        NumKind::Imag => Tok::Imag(text),
                    };
                    lay.push(s, t, end);
                }
                Err(ne) => {
                    // CPython reports `cur`'s 0-based column as the 1-based offset.
                    error = Some(match ne.range {
                        Some((a, z)) => lay.err(K::SyntaxError, ne.msg, a, z).shift_offsets(0, -1),
                        None => lay
                            .err(K::SyntaxError, ne.msg, ne.cur, ne.cur)
                            .shift_offsets(-1, -1),
                    });
                    break;
                }
            },
            Raw::Quote => {
                let q = e - 1;
                match scan_string(b, q) {
                    StrScan::Ok(end) => {
                        lex.bump(end - e);
                        lay.push(s, Tok::Str(&src[s..end]), end);
                    }
                    StrScan::Unterminated(triple, at) => {
                        let line = idx.line_of(at.saturating_sub(usize::from(triple)) + base);
                        let what = if triple {
                            "triple-quoted string literal"
                        } else {
                            "string literal"
                        };
                        let msg = format!("unterminated {what} (detected at line {line})");
                        error = Some(lay.err(K::SyntaxError, msg, s, s));
                        break;
                    }
                }
            }
            r => {
                let t = simple(r).expect("every other raw token is simple");
                if let Tok::Op(o @ (Op::Lpar | Op::Lsqb | Op::Lbrace)) = t {
                    if parens.len() >= MAX_PAREN_LEVEL + implicit {
                        error = Some(lay.err(K::SyntaxError, "too many nested parentheses", s, s));
                        break;
                    }
                    let c = match o {
                        Op::Lpar => b'(',
                        Op::Lsqb => b'[',
                        _ => b'{',
                    };
                    parens.push((c, s));
                } else if let Tok::Op(o @ (Op::Rpar | Op::Rsqb | Op::Rbrace)) = t {
                    let close = match o {
                        Op::Rpar => b')',
                        Op::Rsqb => b']',
                        _ => b'}',
                    };
                    if parens.len() <= implicit {
                        if in_brackets {
                            // An f-string field ends at its closing brace; the caller checks.
                            lay.push(s, t, e);
                            continue;
                        }
                        let msg = format!("unmatched '{}'", close as char);
                        error = Some(lay.err(K::SyntaxError, msg, s, s));
                        break;
                    }
                    let (open, at) = parens.pop().expect("paren stack");
                    let want = match open {
                        b'(' => b')',
                        b'[' => b']',
                        _ => b'}',
                    };
                    if want != close {
                        let (l1, l2) = (idx.line_of(at + base), idx.line_of(s + base));
                        let mut msg = format!(
                            "closing parenthesis '{}' does not match opening parenthesis '{}'",
                            close as char, open as char
                        );
                        if l1 != l2 {
                            msg.push_str(&format!(" on line {l1}"));
                        }
                        error = Some(lay.err(K::SyntaxError, msg, s, s));
                        break;
                    }
                }
                lay.push(s, t, e);
            }
        }
    }
    let mut toks = lay.toks;
    if let Some(err) = &error {
        let at = toks.last().map_or(0, |t| t.2);
        let _ = err;
        toks.push((at, Tok::Error, at));
    }
    Lexed { toks, error }
}
