//! What an interactive prompt needs from the language, without any terminal: when an
//! entry is complete (python3's codeop rules), the indentation to offer next, the
//! classes of the tokens of a line (for colouring), Python's keywords.

use crate::parser::lexer::{self, Kw, Op, Tok};
use crate::parser::{parse_interactive, LineIndex, SyntaxError};

/// The file name tracebacks show for REPL input, as python3's.
pub const FILENAME: &str = "<stdin>";
const INDENT: &str = "    ";

/// Python's keywords, offered by tab completion.
pub const KEYWORDS: &[&str] = &[
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue",
    "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import",
    "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while",
    "with", "yield",
];

/// What to do with the text typed so far for one entry.
#[derive(Debug)]
pub enum Entry {
    /// Nothing but blanks and comments: show a fresh prompt.
    Empty,
    /// Needs more lines (open bracket, triple quote, compound statement).
    More,
    /// Complete: run it with `Interpreter::run_entry`, or print its SyntaxError.
    Ready(Result<(), SyntaxError>),
}

/// Does a SyntaxError only say that the input stopped too early?
fn is_eof_error(e: &SyntaxError) -> bool {
    e.msg.ends_with("was never closed")
        || e.msg
            .starts_with("unterminated triple-quoted string literal")
        || e.msg == "unexpected EOF while parsing"
}

/// Is `src` (the lines of an entry, joined by '\n') complete? python3's codeop rules:
/// open brackets, triple quotes and a trailing backslash continue; a compound
/// statement continues until a blank line; an error at the very end of a compound
/// statement (an `if x:` with no body yet) also asks for more.
pub fn entry_state(src: &str) -> Entry {
    let text = format!("{src}\n");
    let idx = LineIndex::new(&text);
    let lexed = lexer::tokenize(&text, 0, &idx, false);
    let first = lexed
        .toks
        .iter()
        .map(|t| t.1)
        .find(|t| !matches!(t, Tok::Newline | Tok::Indent | Tok::Dedent));
    if first.is_none() && lexed.error.is_none() {
        return Entry::Empty;
    }
    let compound = lexed.toks.iter().any(|t| t.1 == Tok::Indent)
        || matches!(
            first,
            Some(
                Tok::Kw(
                    Kw::If
                        | Kw::For
                        | Kw::While
                        | Kw::Def
                        | Kw::Class
                        | Kw::Try
                        | Kw::With
                        | Kw::Async
                ) | Tok::Op(Op::At)
            )
        );
    let lines: Vec<&str> = src.split('\n').collect();
    let last_blank = lines.len() > 1 && lines.last().is_some_and(|l| l.trim().is_empty());
    match parse_interactive(&text, FILENAME) {
        Err(e) if is_eof_error(&e) => Entry::More,
        Err(e) if compound && !last_blank => {
            // An error at the end of the input (a header without its body) waits
            // for more; one inside it is reported now.
            let last_len = lines.last().map_or(0, |l| l.chars().count()) as i64;
            if e.lineno > lines.len() || (e.lineno == lines.len() && e.offset > last_len) {
                Entry::More
            } else {
                Entry::Ready(Err(e))
            }
        }
        Ok(_) if compound && !last_blank => Entry::More,
        r => Entry::Ready(r.map(drop)),
    }
}

/// The indentation to pre-fill on the next continuation line: the last line's, one
/// level deeper after a line ending in ':'.
pub fn next_indent(src: &str) -> String {
    let last = src
        .split('\n')
        .rev()
        .find(|l| !l.trim().is_empty())
        .unwrap_or("");
    let mut indent: String = last
        .chars()
        .take_while(|c| *c == ' ' || *c == '\t')
        .collect();
    let code = last.split('#').next().unwrap_or("").trim_end();
    if code.ends_with(':') {
        indent.push_str(INDENT);
    }
    indent
}

/// What a token of a line is, for colouring.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenClass {
    /// True, False, None.
    Constant,
    Keyword,
    String,
    Number,
}

/// The byte ranges of `line`'s tokens that have a class, in order (comments are not
/// tokens: a caller finds them in the gaps).
pub fn classify_line(line: &str) -> Vec<(std::ops::Range<usize>, TokenClass)> {
    let code = line.trim_start_matches([' ', '\t']);
    let base = line.len() - code.len();
    let idx = LineIndex::new(code);
    let lexed = lexer::tokenize(code, 0, &idx, false);
    let mut out = Vec::new();
    for (s, t, e) in &lexed.toks {
        let class = match t {
            Tok::Kw(Kw::True | Kw::False | Kw::None) => TokenClass::Constant,
            Tok::Kw(_) => TokenClass::Keyword,
            Tok::Str(_) => TokenClass::String,
            Tok::Int(_) | Tok::Float(_) | Tok::Imag(_) => TokenClass::Number,
            _ => continue,
        };
        let (s, e) = (s + base, (e + base).min(line.len()));
        if e > s && line.is_char_boundary(s) && line.is_char_boundary(e) {
            out.push((s..e, class));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn state(src: &str) -> &'static str {
        match entry_state(src) {
            Entry::Empty => "empty",
            Entry::More => "more",
            Entry::Ready(Ok(())) => "ok",
            Entry::Ready(Err(_)) => "error",
        }
    }

    #[test]
    fn complete_entries() {
        assert_eq!(state(""), "empty");
        assert_eq!(state("   # just a comment"), "empty");
        assert_eq!(state("1 + 2"), "ok");
        assert_eq!(state("x = (1,\n 2)"), "ok");
        assert_eq!(state("if x:\n    pass\n"), "ok");
        assert_eq!(state("for i in x: print(i)\n"), "ok");
    }

    #[test]
    fn entries_needing_more() {
        assert_eq!(state("x = ("), "more");
        assert_eq!(state("x = [1,\n"), "more");
        assert_eq!(state("s = '''abc"), "more");
        assert_eq!(state("x = 1 + \\"), "more");
        assert_eq!(state("if x:"), "more");
        assert_eq!(state("def f():\n    return 1"), "more");
        assert_eq!(state("for i in x: print(i)"), "more");
        assert_eq!(state("if x:\n    pass\nelse:"), "more");
        assert_eq!(state("@dec"), "more");
    }

    #[test]
    fn entries_with_errors() {
        assert_eq!(state("1 +"), "error");
        assert_eq!(state("def f(:"), "error");
        assert_eq!(state("if x:\n"), "error");
        assert_eq!(state("'abc"), "error");
    }

    #[test]
    fn indentation() {
        assert_eq!(next_indent("def f():"), "    ");
        assert_eq!(next_indent("def f():\n    x = 1"), "    ");
        assert_eq!(next_indent("def f():\n    if x:  # c"), "        ");
        assert_eq!(next_indent("x = ("), "");
    }
}
