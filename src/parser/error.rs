//! SyntaxError / IndentationError / TabError as CPython 3.11 reports them, and `render`,
//! which prints them the way python3 prints an uncaught one for a script.

use std::fmt;

/// Which of the three syntax exception classes this is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SyntaxErrorKind {
    SyntaxError,
    IndentationError,
    TabError,
}

impl SyntaxErrorKind {
    pub fn name(self) -> &'static str {
        match self {
            SyntaxErrorKind::SyntaxError => "SyntaxError",
            SyntaxErrorKind::IndentationError => "IndentationError",
            SyntaxErrorKind::TabError => "TabError",
        }
    }
}

/// A syntax error with CPython's attributes: `lineno`, `offset` (1-based character
/// column), `end_lineno`, `end_offset` (0 or -1 when CPython sets them so), `text`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SyntaxError {
    pub kind: SyntaxErrorKind,
    pub msg: String,
    pub filename: String,
    pub lineno: usize,
    pub offset: i64,
    pub end_lineno: usize,
    pub end_offset: i64,
    /// The source line (without its newline), or `None`.
    pub text: Option<String>,
}

impl SyntaxError {
    /// Sets `end_offset` to a CPython sentinel (0 or -1) or a value.
    pub fn with_end_offset(mut self, v: i64) -> Self {
        self.end_offset = v;
        self
    }

    /// Moves both offsets (tokenizer errors report `cur`'s 0-based column).
    pub fn shift_offsets(mut self, d: i64, de: i64) -> Self {
        self.offset += d;
        self.end_offset += de;
        self
    }

    /// The position of tokenizer errors about a line's indentation: column 1, end 0.
    pub fn at_line_start(mut self) -> Self {
        self.offset = 1;
        self.end_offset = 0;
        self
    }

    /// The position CPython gives "unindent does not match": just past the line's end.
    pub fn unindent_position(mut self, _idx: &super::LineIndex) -> Self {
        let len = self.text.as_deref().map_or(0, |t| t.chars().count()) as i64;
        self.offset = len + 1;
        self.end_offset = -1;
        self
    }

    /// Exactly what python3 writes to stderr when running a script with this error:
    /// the `File` line, the stripped source line, the caret line, `Kind: msg`.
    pub fn render(&self) -> String {
        let mut out = format!("  File \"{}\", line {}\n", self.filename, self.lineno);
        if let Some(text) = &self.text {
            // python3 draws a caret range only for plain SyntaxErrors.
            let ranged =
                self.kind == SyntaxErrorKind::SyntaxError && self.lineno == self.end_lineno;
            render_text(&mut out, text, self.offset, self.end_offset, ranged);
        }
        out.push_str(self.kind.name());
        out.push_str(": ");
        out.push_str(&self.msg);
        out.push('\n');
        out
    }
}

/// pythonrun.c's print_error_text, on characters.
fn render_text(out: &mut String, text: &str, offset: i64, end_offset: i64, same_line: bool) {
    let end_offset = if same_line { end_offset } else { -1 };
    let reps = if end_offset > 0 && end_offset > offset {
        end_offset - offset
    } else {
        1
    };
    let mut offset = offset - 1;
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < chars.len() && matches!(chars[i], ' ' | '\t' | '\x0c') {
        i += 1;
        offset -= 1;
    }
    let shown: String = chars[i..].iter().collect();
    let shown = shown.trim_end_matches('\n');
    let len = shown.chars().count() as i64;
    if offset > len {
        offset = len;
    }
    out.push_str("    ");
    out.push_str(shown);
    out.push('\n');
    if offset < 0 {
        return;
    }
    out.push_str("    ");
    for _ in 0..offset {
        out.push(' ');
    }
    for _ in 0..reps {
        out.push('^');
    }
    out.push('\n');
}

impl fmt::Display for SyntaxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} ({}, line {})", self.msg, self.filename, self.lineno)
    }
}

impl std::error::Error for SyntaxError {}
