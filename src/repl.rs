//! The interactive prompt: rustyline line editing, python3's rules for when an entry
//! is complete, one `single`-mode compilation unit per entry run in a persistent
//! `__main__`, Ctrl-C handling, history, tab completion and highlighting.

use std::borrow::Cow;
use std::cell::RefCell;
use std::io::IsTerminal;
use std::path::PathBuf;
use std::rc::Rc;
use std::sync::atomic::Ordering;

use rustyline::completion::{Completer, Pair};
use rustyline::error::ReadlineError;
use rustyline::highlight::{CmdKind, Highlighter};
use rustyline::hint::Hinter;
use rustyline::history::DefaultHistory;
use rustyline::validate::Validator;
use rustyline::{CompletionType, Config, Context, Editor, Helper};

use glasspy::compiler::{compile_interactive_warn, compile_source_warn, CompileError};
use glasspy::heap::PyObj;
use glasspy::objects::{ctx, dict, string};
use glasspy::parser::lexer::{self, Kw, Op, Tok};
use glasspy::parser::{ast, parse_interactive, LineIndex, SyntaxError};
use glasspy::vm::{Vm, INTERRUPT};

/// The file name tracebacks show for REPL input, as python3's.
pub const FILENAME: &str = "<stdin>";
const PS1: &str = ">>> ";
const PS2: &str = "... ";
/// The history file, under $HOME.
const HISTORY_FILE: &str = ".glasspy_history";
/// Lines kept in the history file (rustyline keeps 100 by default).
const HISTORY_LEN: usize = 1000;
const INDENT: &str = "    ";

/// Python's keywords, offered by tab completion.
const KEYWORDS: &[&str] = &[
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
    /// Complete: run it (or report its SyntaxError).
    Ready(Result<ast::Interactive, SyntaxError>),
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
        r => Entry::Ready(r),
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

/// The rustyline helper: completion against the live VM, highlighting by the lexer.
struct ReplHelper {
    vm: Rc<RefCell<Vm>>,
    globals: PyObj,
    color: bool,
}

impl ReplHelper {
    /// Names in scope: the globals, the builtins and the keywords.
    fn scope_names(&self, vm: &Vm) -> Vec<String> {
        let mut names: Vec<String> = KEYWORDS.iter().map(|k| k.to_string()).collect();
        for d in [&self.globals, &vm.builtins] {
            for (k, _) in dict::items(d).unwrap_or_default() {
                names.extend(string::as_str(&k).map(|s| s.into_owned()));
            }
        }
        names
    }

    /// The object a plain dotted name (`a.b.c`) refers to, looked up without calls.
    fn lookup_dotted(&self, vm: &mut Vm, dotted: &str) -> Option<PyObj> {
        let mut parts = dotted.split('.');
        let first = parts.next()?;
        let mut obj = vm
            .dict_get_str(&self.globals, first)
            .or_else(|| vm.dict_get_str(&vm.builtins.clone(), first))?;
        for p in parts {
            obj = vm.getattr(&obj, &string::intern_str(p)).ok()?;
        }
        Some(obj)
    }

    /// Completion candidates for the word `word` (which may be `name.attr`).
    fn candidates(&self, word: &str) -> Vec<String> {
        let Ok(mut vm) = self.vm.try_borrow_mut() else {
            return Vec::new();
        };
        let (base, prefix) = match word.rfind('.') {
            Some(i) => (Some(&word[..i]), &word[i + 1..]),
            None => (None, word),
        };
        let names = match base {
            None => self.scope_names(&vm),
            Some(b) => {
                let valid = b.split('.').all(|p| {
                    p.chars()
                        .next()
                        .is_some_and(|c| c.is_alphabetic() || c == '_')
                });
                if !valid {
                    return Vec::new();
                }
                match self.lookup_dotted(&mut vm, b) {
                    Some(obj) => vm.dir_names(&obj),
                    None => return Vec::new(),
                }
            }
        };
        // As rlcompleter: private names only when asked for with '_', dunders with '__'.
        let mut out: Vec<String> = names
            .into_iter()
            .filter(|n| n.starts_with(prefix))
            .filter(|n| prefix.starts_with('_') || !n.starts_with('_'))
            .filter(|n| prefix.starts_with("__") || !n.starts_with("__") || base.is_none())
            .map(|n| match base {
                Some(b) => format!("{b}.{n}"),
                None => n,
            })
            .collect();
        out.sort();
        out.dedup();
        out
    }
}

impl Completer for ReplHelper {
    type Candidate = Pair;

    fn complete(
        &self,
        line: &str,
        pos: usize,
        _ctx: &Context<'_>,
    ) -> rustyline::Result<(usize, Vec<Pair>)> {
        let before = &line[..pos];
        let start = before
            .char_indices()
            .rev()
            .take_while(|&(_, c)| c.is_alphanumeric() || c == '_' || c == '.')
            .last()
            .map_or(pos, |(i, _)| i);
        let word = &before[start..];
        if word.is_empty() {
            // Tab in the indentation indents, as python3's completer does.
            if before.trim().is_empty() {
                let indent = Pair {
                    display: String::new(),
                    replacement: INDENT.to_string(),
                };
                return Ok((pos, vec![indent]));
            }
            return Ok((pos, Vec::new()));
        }
        if word.starts_with(|c: char| c.is_ascii_digit()) {
            return Ok((pos, Vec::new()));
        }
        let pairs = self
            .candidates(word)
            .into_iter()
            .map(|c| Pair {
                display: c.rsplit('.').next().unwrap_or(&c).to_string(),
                replacement: c,
            })
            .collect();
        Ok((start, pairs))
    }
}

/// ANSI colour of a token, if any.
fn token_color(t: &Tok) -> Option<&'static str> {
    match t {
        Tok::Kw(Kw::True | Kw::False | Kw::None) => Some("\x1b[36m"),
        Tok::Kw(_) => Some("\x1b[1;35m"),
        Tok::Str(_) => Some("\x1b[32m"),
        Tok::Int(_) | Tok::Float(_) | Tok::Imag(_) => Some("\x1b[36m"),
        _ => None,
    }
}

/// `line` with ANSI colours from the lexer's tokens; comments in grey.
pub fn highlight_line(line: &str) -> String {
    let code = line.trim_start_matches([' ', '\t']);
    let base = line.len() - code.len();
    let idx = LineIndex::new(code);
    let lexed = lexer::tokenize(code, 0, &idx, false);
    let mut out = String::with_capacity(line.len() * 2);
    let mut at = 0;
    let gap = |out: &mut String, from: usize, to: usize| {
        let text = &line[from..to];
        match text.find('#') {
            Some(h) => {
                out.push_str(&text[..h]);
                out.push_str("\x1b[90m");
                out.push_str(&text[h..]);
                out.push_str("\x1b[0m");
            }
            None => out.push_str(text),
        }
    };
    for (s, t, e) in &lexed.toks {
        let (s, e) = (s + base, (e + base).min(line.len()));
        if s < at || e <= s || !line.is_char_boundary(s) || !line.is_char_boundary(e) {
            continue;
        }
        gap(&mut out, at, s);
        match token_color(t) {
            Some(c) => {
                out.push_str(c);
                out.push_str(&line[s..e]);
                out.push_str("\x1b[0m");
            }
            None => out.push_str(&line[s..e]),
        }
        at = e;
    }
    gap(&mut out, at, line.len());
    out
}

impl Highlighter for ReplHelper {
    fn highlight<'l>(&self, line: &'l str, _pos: usize) -> Cow<'l, str> {
        if self.color {
            Cow::Owned(highlight_line(line))
        } else {
            Cow::Borrowed(line)
        }
    }

    fn highlight_char(&self, _line: &str, _pos: usize, _kind: CmdKind) -> bool {
        self.color
    }
}

impl Hinter for ReplHelper {
    type Hint = String;
}

impl Validator for ReplHelper {}

impl Helper for ReplHelper {}

/// Is colour wanted? Not with NO_COLOR set (non-empty) or stdout not a terminal.
fn color_enabled() -> bool {
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    !no_color && std::io::stdout().is_terminal()
}

fn history_path() -> Option<PathBuf> {
    let home = std::env::var_os("HOME").filter(|h| !h.is_empty())?;
    Some(PathBuf::from(home).join(HISTORY_FILE))
}

/// The banner python3 prints on start-up, adapted.
pub fn banner() -> String {
    format!(
        "glasspy {} (Python 3.11 subset)\nType \"exit()\" or Ctrl-D to leave; Tab completes names and attributes.",
        env!("CARGO_PKG_VERSION")
    )
}

/// Compile and run one entry in `globals`. Returns the exit status if the entry
/// raised SystemExit.
fn run_entry(
    vm: &mut Vm,
    globals: &PyObj,
    parsed: Result<ast::Interactive, SyntaxError>,
) -> Option<i32> {
    let tree = match parsed {
        Ok(t) => t,
        Err(e) => {
            vm.flush();
            eprint!("{}", e.render());
            return None;
        }
    };
    let mut warnings = Vec::new();
    let compiled = compile_interactive_warn(&tree, FILENAME, &mut warnings);
    for w in &warnings {
        eprint!("{}", w.render(FILENAME, None));
    }
    let code = match compiled {
        Ok(c) => c,
        Err(CompileError::Syntax(e)) => {
            eprint!("{}", e.render());
            return None;
        }
        Err(CompileError::Recursion) => {
            eprintln!("RecursionError: {}", CompileError::RECURSION_MSG);
            return None;
        }
    };
    let result = vm.exec_code(code, globals.clone());
    vm.flush();
    match result {
        Ok(_) => None,
        Err(e) if e.0.is_type(ctx().exc_type("SystemExit")) => Some(vm.report_uncaught(&e.0)),
        Err(e) => {
            let text = vm.format_exception(&e.0);
            eprint!("{text}");
            None
        }
    }
}

/// Run the REPL in `globals` (a `__main__` namespace); returns the exit status.
pub fn run(vm: Vm, globals: PyObj, show_banner: bool) -> i32 {
    let vm = Rc::new(RefCell::new(vm));
    let config = Config::builder()
        .auto_add_history(false)
        .completion_type(CompletionType::List)
        .max_history_size(HISTORY_LEN)
        .map(|b| b.build())
        .unwrap_or_default();
    let mut editor: Editor<ReplHelper, DefaultHistory> = match Editor::with_config(config) {
        Ok(e) => e,
        Err(e) => {
            eprintln!("glasspy: cannot start the interactive prompt: {e}");
            return 1;
        }
    };
    editor.set_helper(Some(ReplHelper {
        vm: vm.clone(),
        globals: globals.clone(),
        color: color_enabled(),
    }));
    let history = history_path();
    if let Some(h) = &history {
        let _ = editor.load_history(h);
    }
    // Ctrl-C while code runs: the eval loop sees the flag. At the prompt the terminal
    // is in raw mode and rustyline reads Ctrl-C as a key instead.
    let _ = ctrlc::set_handler(|| INTERRUPT.store(true, Ordering::Relaxed));
    if show_banner {
        eprintln!("{}", banner());
    }
    let status = session(&mut editor, &vm, &globals);
    if let Some(h) = &history {
        let _ = editor.save_history(h);
    }
    // Interpreter shutdown, as after a script: __del__ of what the session kept.
    vm.borrow_mut().clear_main(&globals);
    vm.borrow_mut().flush();
    status
}

/// The read-eval-print loop proper.
fn session(
    editor: &mut Editor<ReplHelper, DefaultHistory>,
    vm: &Rc<RefCell<Vm>>,
    globals: &PyObj,
) -> i32 {
    let mut lines: Vec<String> = Vec::new();
    // Lines of a multi-line paste not yet consumed.
    let mut pending: std::collections::VecDeque<String> = Default::default();
    loop {
        let line = if let Some(l) = pending.pop_front() {
            l
        } else {
            let (prompt, indent) = if lines.is_empty() {
                (PS1, String::new())
            } else {
                (PS2, next_indent(&lines.join("\n")))
            };
            INTERRUPT.store(false, Ordering::Relaxed);
            match editor.readline_with_initial(prompt, (&indent, "")) {
                Ok(l) => {
                    if !l.trim().is_empty() {
                        let _ = editor.add_history_entry(l.as_str());
                    }
                    let mut parts = l.split('\n').map(str::to_string);
                    let mut first = parts.next().unwrap_or_default();
                    // A pasted line brings its own indentation: drop the pre-filled one.
                    if !indent.is_empty() {
                        if let Some(rest) = first.strip_prefix(indent.as_str()) {
                            if rest.starts_with([' ', '\t']) {
                                first = rest.to_string();
                            }
                        }
                    }
                    pending.extend(parts);
                    first
                }
                Err(ReadlineError::Interrupted) => {
                    // rustyline has ended the line already.
                    eprintln!("KeyboardInterrupt");
                    lines.clear();
                    pending.clear();
                    continue;
                }
                Err(ReadlineError::Eof) => {
                    // rustyline has ended the line already.
                    return 0;
                }
                Err(e) => {
                    eprintln!("glasspy: {e}");
                    return 1;
                }
            }
        };
        lines.push(line);
        match entry_state(&lines.join("\n")) {
            Entry::Empty => lines.clear(),
            Entry::More => {}
            Entry::Ready(parsed) => {
                lines.clear();
                let mut vm = vm.borrow_mut();
                if let Some(status) = run_entry(&mut vm, globals, parsed) {
                    return status;
                }
            }
        }
    }
}

/// `glasspy -i`: run the program as `__main__`, print whatever it leaves uncaught
/// (SystemExit too, as `python3 -i` does), then open the REPL in its namespace.
pub fn run_script_then_repl(mut vm: Vm, source: &str, filename: &str, file: Option<&str>) -> i32 {
    let mut warnings = Vec::new();
    let compiled = compile_source_warn(source, filename, &mut warnings);
    let shown_source = (!filename.starts_with('<')).then_some(source);
    for w in &warnings {
        eprint!("{}", w.render(filename, shown_source));
    }
    let globals = match vm.new_module("__main__", file) {
        Ok(g) => g,
        Err(e) => return vm.report_uncaught(&e.0),
    };
    match compiled {
        Ok(code) => {
            if let Err(e) = vm.exec_code(code, globals.clone()) {
                vm.flush();
                let text = vm.format_exception(&e.0);
                eprint!("{text}");
            }
        }
        Err(CompileError::Syntax(e)) => eprint!("{}", e.render()),
        Err(CompileError::Recursion) => {
            eprintln!("RecursionError: {}", CompileError::RECURSION_MSG);
        }
    }
    vm.flush();
    run(vm, globals, false)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn state(src: &str) -> &'static str {
        match entry_state(src) {
            Entry::Empty => "empty",
            Entry::More => "more",
            Entry::Ready(Ok(_)) => "ok",
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

    #[test]
    fn highlighting_keeps_the_text() {
        let src = "def f(x): return 'a' + 1  # c";
        let h = highlight_line(src);
        assert!(h.contains("\x1b[1;35mdef\x1b[0m"));
        assert!(h.contains("\x1b[32m'a'\x1b[0m"));
        assert!(h.contains("\x1b[90m# c\x1b[0m"));
        let plain: String = {
            let mut s = String::new();
            let mut esc = false;
            for c in h.chars() {
                match (esc, c) {
                    (false, '\x1b') => esc = true,
                    (true, 'm') => esc = false,
                    (false, c) => s.push(c),
                    _ => {}
                }
            }
            s
        };
        assert_eq!(plain, src);
    }
}
