//! Front end: lexer, layout pass, lalrpop grammar, AST, and CPython-shaped SyntaxErrors.
//!
//! Entry points: [`parse_module`], [`parse_interactive`], [`parse_expression`].
//! See docs/parser.md.

pub mod actions;
pub mod ast;
mod checks;
mod diagnose;
pub mod dump;
pub mod error;
mod fstring;
pub mod lexer;

use std::borrow::Cow;
use std::cell::Cell;

pub use error::{SyntaxError, SyntaxErrorKind};

use actions::{St, Top};
use lexer::Tok;

lalrpop_util::lalrpop_mod!(
    #[allow(clippy::all, clippy::pedantic, unused_parens, unused_qualifications)]
    grammar,
    "/python.rs"
);

/// Line starts of a source, for turning byte offsets into CPython's positions.
pub struct LineIndex<'a> {
    pub src: &'a str,
    starts: Vec<usize>,
    last: Cell<usize>,
}

impl<'a> LineIndex<'a> {
    pub fn new(src: &'a str) -> LineIndex<'a> {
        let mut starts = vec![0];
        starts.extend(
            src.bytes()
                .enumerate()
                .filter(|&(_, b)| b == b'\n')
                .map(|(i, _)| i + 1),
        );
        LineIndex {
            src,
            starts,
            last: Cell::new(0),
        }
    }

    /// 0-based index of the line holding byte `pos`.
    fn line_idx(&self, pos: usize) -> usize {
        let c = self.last.get();
        if self.starts[c] <= pos && self.starts.get(c + 1).is_none_or(|&n| pos < n) {
            return c;
        }
        let i = self.starts.partition_point(|&s| s <= pos) - 1;
        self.last.set(i);
        i
    }

    /// 1-based line number of byte `pos`.
    pub fn line_of(&self, pos: usize) -> usize {
        self.line_idx(pos) + 1
    }

    fn line_col(&self, pos: usize) -> (u32, u32) {
        let i = self.line_idx(pos);
        ((i + 1) as u32, (pos - self.starts[i]) as u32)
    }

    /// The AST span of bytes `l..r`.
    pub fn span(&self, l: usize, r: usize) -> ast::Span {
        let (line, col) = self.line_col(l);
        let (end_line, end_col) = self.line_col(r);
        ast::Span {
            line,
            col,
            end_line,
            end_col,
        }
    }

    /// Byte offset of (1-based line, byte column).
    pub fn offset_of(&self, line: u32, col: u32) -> usize {
        self.starts[(line as usize).saturating_sub(1).min(self.starts.len() - 1)] + col as usize
    }

    /// The text of a 1-based line, without its newline.
    pub fn line_text(&self, line: usize) -> &'a str {
        let i = (line.max(1) - 1).min(self.starts.len() - 1);
        let s = self.starts[i];
        let e = self.starts.get(i + 1).map_or(self.src.len(), |&n| n - 1);
        &self.src[s..e.max(s)]
    }

    /// Characters from the start of its line to byte `pos` (CPython's offsets are in
    /// characters).
    fn char_col(&self, pos: usize) -> usize {
        let pos = pos.min(self.src.len() + 1);
        let i = self.line_idx(pos.min(self.src.len()));
        let s = self.starts[i];
        let within = pos.min(self.src.len());
        self.src[s..within].chars().count() + (pos - within)
    }

    /// A SyntaxError at bytes `start..end`: offsets 1-based characters, text the line.
    pub fn error(
        &self,
        kind: SyntaxErrorKind,
        msg: String,
        start: usize,
        end: usize,
    ) -> SyntaxError {
        let lineno = self.line_of(start.min(self.src.len()));
        let end_lineno = self.line_of(end.min(self.src.len()));
        SyntaxError {
            kind,
            msg,
            filename: String::new(),
            lineno,
            offset: self.char_col(start) as i64 + 1,
            end_lineno,
            end_offset: self.char_col(end) as i64 + 1,
            text: Some(self.line_text(lineno).to_string()),
        }
    }

    /// A SyntaxError covering an AST span.
    pub fn error_span(&self, kind: SyntaxErrorKind, msg: String, s: ast::Span) -> SyntaxError {
        let a = self.offset_of(s.line, s.col);
        let b = self.offset_of(s.end_line, s.end_col);
        self.error(kind, msg, a, b)
    }
}

/// CPython reads sources with universal newlines: `\r\n` and `\r` become `\n`.
fn normalize(src: &str) -> Cow<'_, str> {
    if src.contains('\r') {
        Cow::Owned(src.replace("\r\n", "\n").replace('\r', "\n"))
    } else {
        Cow::Borrowed(src)
    }
}

/// How python3 names a script run as `python3 PATH` in tracebacks: relative paths are
/// joined to the current directory without normalisation (`./a.py` → `/cwd/./a.py`).
pub fn script_path(path: &str) -> String {
    if path.starts_with('/') {
        return path.to_string();
    }
    match std::env::current_dir() {
        Ok(d) => format!("{}/{}", d.display(), path),
        Err(_) => path.to_string(),
    }
}

fn run(src: &str, filename: &str, start: Tok<'static>) -> Result<Top, SyntaxError> {
    let st = St::new(src);
    let lexed = lexer::tokenize(src, 0, &st.idx, false);
    let toks = std::iter::once((0, start, 0)).chain(lexed.toks.iter().copied());
    let result = grammar::TopParser::new().parse(&st, toks.map(Ok::<_, SyntaxError>));
    let result = match result {
        Ok(top) => checks::check(&st, &top).map(|()| top),
        Err(e) => Err(diagnose::diagnose(&st, &lexed, e)),
    };
    result.map_err(|mut e| {
        e.filename = filename.to_string();
        e
    })
}

/// Parses a whole file (`exec` mode). `filename` is copied into errors as given; pass
/// [`script_path`] of the command-line path to print what python3 prints.
pub fn parse_module(source: &str, filename: &str) -> Result<ast::Module, SyntaxError> {
    let src = normalize(source);
    match run(&src, filename, Tok::StartModule)? {
        Top::Module(body) => Ok(ast::Module { body }),
        _ => unreachable!("START_MODULE yields a module"),
    }
}

/// Parses one REPL entry (`single` mode): one or more complete statements.
pub fn parse_interactive(source: &str, filename: &str) -> Result<ast::Interactive, SyntaxError> {
    let src = normalize(source);
    match run(&src, filename, Tok::StartInteractive)? {
        Top::Interactive(body) => Ok(ast::Interactive { body }),
        _ => unreachable!("START_INTERACTIVE yields statements"),
    }
}

/// Parses an expression (`eval` mode).
pub fn parse_expression(source: &str, filename: &str) -> Result<ast::Expr, SyntaxError> {
    let src = normalize(source);
    match run(
        src.trim_start_matches([' ', '\t']),
        filename,
        Tok::StartEval,
    )? {
        Top::Expr(e) => Ok(e),
        _ => unreachable!("START_EVAL yields an expression"),
    }
}

/// Parses the replacement field of an f-string at bytes `start..end` of the file.
fn parse_field(st: &St, start: usize, end: usize) -> Result<ast::Expr, SyntaxError> {
    let src = &st.idx.src[start..end];
    let lexed = lexer::tokenize(src, start, &st.idx, true);
    let toks = std::iter::once((start, Tok::StartEval, start)).chain(lexed.toks.iter().copied());
    let result = grammar::TopParser::new().parse(st, toks.map(Ok::<_, SyntaxError>));
    match result {
        Ok(Top::Expr(e)) => Ok(e),
        Ok(_) => unreachable!("START_EVAL yields an expression"),
        Err(e) => {
            let mut e = diagnose::diagnose(st, &lexed, e);
            if !e.msg.starts_with("f-string") {
                e.msg = format!("f-string: {}", e.msg);
            }
            Err(e)
        }
    }
}
