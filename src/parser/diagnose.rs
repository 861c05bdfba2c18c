//! Turns an LR parse failure into the SyntaxError CPython 3.11 would raise: its
//! specialised messages for common mistakes, tokenizer errors found later in the file,
//! and the generic "invalid syntax" at the failing token.

use lalrpop_util::ParseError;

use super::actions::St;
use super::error::{SyntaxError, SyntaxErrorKind as K};
use super::lexer::{Kw, Lexed, Op, Spanned, Tok};

fn is_open(t: &Tok) -> bool {
    matches!(t, Tok::Op(Op::Lpar | Op::Lsqb | Op::Lbrace))
}

fn is_close(t: &Tok) -> bool {
    matches!(t, Tok::Op(Op::Rpar | Op::Rsqb | Op::Rbrace))
}

fn starts_operand(t: &Tok) -> bool {
    matches!(
        t,
        Tok::Name(_)
            | Tok::Int(_)
            | Tok::Float(_)
            | Tok::Imag(_)
            | Tok::Str(_)
            | Tok::Kw(Kw::None | Kw::True | Kw::False | Kw::Lambda | Kw::Not)
            | Tok::Op(
                Op::Lpar | Op::Lsqb | Op::Lbrace | Op::Minus | Op::Plus | Op::Tilde | Op::Ellipsis
            )
    )
}

fn ends_operand(t: &Tok) -> bool {
    matches!(
        t,
        Tok::Name(_)
            | Tok::Int(_)
            | Tok::Float(_)
            | Tok::Imag(_)
            | Tok::Str(_)
            | Tok::Kw(Kw::None | Kw::True | Kw::False)
            | Tok::Op(Op::Rpar | Op::Rsqb | Op::Rbrace | Op::Ellipsis)
    )
}

/// Tokens that end an expression for the "forgot a comma" range scan.
fn stops_expr(t: &Tok) -> bool {
    matches!(
        t,
        Tok::Newline
            | Tok::Indent
            | Tok::Dedent
            | Tok::Error
            | Tok::StartModule
            | Tok::StartEval
            | Tok::StartInteractive
            | Tok::Op(Op::Comma | Op::Colon | Op::Equal | Op::ColonEqual | Op::Semi)
            | Tok::Kw(
                Kw::If
                    | Kw::Else
                    | Kw::For
                    | Kw::Lambda
                    | Kw::Yield
                    | Kw::Return
                    | Kw::From
                    | Kw::Import
                    | Kw::As
                    | Kw::Elif
                    | Kw::While
                    | Kw::With
                    | Kw::Assert
                    | Kw::Del
            )
    )
}

/// Index of the first token of the logical line holding token `k`.
fn line_start(toks: &[Spanned], k: usize) -> usize {
    let mut i = k;
    while i > 0
        && !matches!(
            toks[i - 1].1,
            Tok::Newline
                | Tok::Indent
                | Tok::Dedent
                | Tok::StartModule
                | Tok::StartInteractive
                | Tok::StartEval
        )
    {
        i -= 1;
    }
    i
}

pub fn diagnose<'a>(
    st: &St<'a>,
    lexed: &Lexed<'a>,
    e: ParseError<usize, Tok<'a>, SyntaxError>,
) -> SyntaxError {
    let idx = &st.idx;
    let (s, tok, end) = match e {
        ParseError::User { error } => return error,
        ParseError::UnrecognizedToken { token, .. } | ParseError::ExtraToken { token } => token,
        ParseError::InvalidToken { location } => (location, Tok::Unknown, location),
        ParseError::UnrecognizedEof { location, .. } => (location, Tok::Newline, location + 1),
    };
    diagnose_at(lexed, s, tok, end, idx)
}

fn diagnose_at<'a>(
    lexed: &Lexed<'a>,
    s: usize,
    tok: Tok<'a>,
    end: usize,
    idx: &super::LineIndex,
) -> SyntaxError {
    let toks = &lexed.toks[..];
    let k = toks.partition_point(|t| t.0 < s);
    let k = (k..toks.len())
        .find(|&i| toks[i].1 == tok)
        .unwrap_or(k.min(toks.len().saturating_sub(1)));
    let at = |msg: &str| idx.error(K::SyntaxError, msg.to_string(), s, end);
    if tok == Tok::Error {
        return lexed
            .error
            .clone()
            .expect("an Error token comes with its error");
    }
    if tok == Tok::Indent {
        let e = idx.error(K::IndentationError, "unexpected indent".into(), end, end);
        return e.shift_offsets(-1, 0).with_end_offset(-1);
    }
    let first = line_start(toks, k);
    let head = toks.get(first).map(|t| t.1);
    // A block was expected after `header:` NEWLINE.
    if k > 0 && toks[k - 1].1 == Tok::Newline {
        let hs = line_start(toks, k - 1);
        if let Some(&(hpos, Tok::Kw(kw), _)) = toks.get(hs) {
            let ends_colon = k >= 2 && toks[k - 2].1 == Tok::Op(Op::Colon);
            let what = match kw {
                Kw::If => Some("'if' statement"),
                Kw::Elif => Some("'elif' statement"),
                Kw::Else => Some("'else' statement"),
                Kw::While => Some("'while' statement"),
                Kw::For => Some("'for' statement"),
                Kw::Try => Some("'try' statement"),
                Kw::Except => Some("'except' statement"),
                Kw::Finally => Some("'finally' statement"),
                Kw::With => Some("'with' statement"),
                Kw::Def => Some("function definition"),
                Kw::Class => Some("class definition"),
                _ => None,
            };
            if let (Some(what), true) = (what, ends_colon) {
                let msg = format!(
                    "expected an indented block after {what} on line {}",
                    idx.line_of(hpos)
                );
                return idx.error(K::IndentationError, msg, s, end);
            }
        }
    }
    let compound = matches!(
        head,
        Some(Tok::Kw(
            Kw::If
                | Kw::Elif
                | Kw::Else
                | Kw::While
                | Kw::For
                | Kw::Def
                | Kw::Class
                | Kw::Try
                | Kw::Except
                | Kw::Finally
                | Kw::With
        ))
    );
    if tok == Tok::Newline && compound && k > 0 && toks[k - 1].1 != Tok::Op(Op::Colon) {
        return at("expected ':'");
    }
    // `print x`: CPython's invalid_legacy_expression.
    if let Some(Tok::Name(n @ ("print" | "exec"))) = head {
        if k == first + 1 && starts_operand(&tok) && tok != Tok::Op(Op::Lpar) {
            let last = (k..toks.len())
                .take_while(|&i| {
                    !matches!(toks[i].1, Tok::Newline | Tok::Op(Op::Semi) | Tok::Error)
                })
                .last()
                .unwrap_or(k);
            let msg = format!("Missing parentheses in call to '{n}'. Did you mean {n}(...)?");
            return idx.error(K::SyntaxError, msg, toks[first].0, toks[last].2);
        }
    }
    // Bracket depth of the failing token within its logical line.
    let depth = toks[first..k].iter().fold(0i64, |d, t| {
        d + i64::from(is_open(&t.1)) - i64::from(is_close(&t.1))
    });
    // `if x = 1:`: invalid_named_expression.
    if tok == Tok::Op(Op::Equal)
        && depth == 0
        && matches!(head, Some(Tok::Kw(Kw::If | Kw::Elif | Kw::While)))
        && k > first + 1
    {
        let mut j = k + 1;
        let mut d = 0i64;
        while j < toks.len()
            && !(d == 0 && matches!(toks[j].1, Tok::Op(Op::Colon) | Tok::Newline | Tok::Error))
        {
            d += i64::from(is_open(&toks[j].1)) - i64::from(is_close(&toks[j].1));
            j += 1;
        }
        if j > k + 1 {
            let msg = "invalid syntax. Maybe you meant '==' or ':=' instead of '='?";
            return idx.error(K::SyntaxError, msg.into(), toks[first + 1].0, toks[j - 1].2);
        }
    }
    // `[1 2]`: "Perhaps you forgot a comma?" inside brackets.
    if depth > 0 && k > first && starts_operand(&tok) && ends_operand(&toks[k - 1].1) {
        let prev_is_name = matches!(toks[k - 1].1, Tok::Name(_));
        let name_string = prev_is_name && matches!(tok, Tok::Str(_));
        if !name_string {
            // Start of the expression before: back to a separator at the same depth.
            let mut a = k - 1;
            let mut d = 0i64;
            while a > first {
                let t = &toks[a - 1].1;
                if is_close(t) {
                    d += 1;
                } else if is_open(t) {
                    if d == 0 {
                        break;
                    }
                    d -= 1;
                } else if d == 0 && stops_expr(t) {
                    break;
                }
                // Two operands side by side: an earlier juxtaposition (a call or
                // subscript continues the operand, anything else ends the scan).
                let call =
                    is_open(&toks[a].1) && matches!(t, Tok::Name(_) | Tok::Op(Op::Rpar | Op::Rsqb));
                if d == 0
                    && ends_operand(t)
                    && starts_operand(&toks[a].1)
                    && !is_close(&toks[a].1)
                    && a != k - 1
                    && !call
                {
                    break;
                }
                a -= 1;
            }
            // End of the expression after.
            let mut b = k;
            let mut d = 0i64;
            while b + 1 < toks.len() {
                let t = &toks[b + 1].1;
                if is_open(t) {
                    let call = ends_operand(&toks[b].1);
                    if d == 0 && !call && matches!(t, Tok::Op(Op::Lbrace)) {
                        break;
                    }
                    d += 1;
                } else if is_close(t) {
                    if d == 0 {
                        break;
                    }
                    d -= 1;
                } else if d == 0
                    && (stops_expr(t) || (ends_operand(&toks[b].1) && starts_operand(t)))
                {
                    break;
                }
                b += 1;
            }
            let msg = "invalid syntax. Perhaps you forgot a comma?";
            return idx.error(K::SyntaxError, msg.into(), toks[a].0, toks[b].2);
        }
    }
    // Generic: a tokenizer error later in the file takes precedence.
    // ("never closed" only when the parser got past the opener's line, as CPython's
    // second pass then reads on to the end of the file.)
    if let Some(e) = &lexed.error {
        let unclosed = e.msg.ends_with("was never closed");
        if !unclosed || idx.line_of(s) > e.lineno {
            return e.clone();
        }
    }
    if tok == Tok::Newline && s >= idx.src.len() && k > 0 {
        // A synthetic NEWLINE at the end of a file without one.
        return at("invalid syntax");
    }
    at("invalid syntax")
}
