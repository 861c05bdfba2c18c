//! The interactive prompt: rustyline line editing, history, tab completion and
//! colours, over the library's `Interpreter` (which compiles and runs each entry in a
//! persistent `__main__`) and `interactive` (when an entry is complete).

use std::borrow::Cow;
use std::cell::RefCell;
use std::io::IsTerminal;
use std::path::PathBuf;
use std::rc::Rc;

use rustyline::completion::{Completer, Pair};
use rustyline::error::ReadlineError;
use rustyline::highlight::{CmdKind, Highlighter};
use rustyline::hint::Hinter;
use rustyline::history::DefaultHistory;
use rustyline::validate::Validator;
use rustyline::{CompletionType, Config, Context, Editor, Helper};

use glasspy::interactive::{classify_line, entry_state, next_indent, Entry, TokenClass};
use glasspy::{clear_interrupt, interrupt, Interpreter};

const PS1: &str = ">>> ";
const PS2: &str = "... ";
/// The history file, under $HOME.
const HISTORY_FILE: &str = ".glasspy_history";
/// Lines kept in the history file (rustyline keeps 100 by default).
const HISTORY_LEN: usize = 1000;
const INDENT: &str = "    ";

/// The rustyline helper: completion against the live interpreter, colours by token.
struct ReplHelper {
    py: Rc<RefCell<Interpreter>>,
    color: bool,
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
        let Ok(mut py) = self.py.try_borrow_mut() else {
            return Ok((pos, Vec::new()));
        };
        let pairs = py
            .completions(word)
            .into_iter()
            .map(|c| Pair {
                display: c.rsplit('.').next().unwrap_or(&c).to_string(),
                replacement: c,
            })
            .collect();
        Ok((start, pairs))
    }
}

/// ANSI colour of a token class.
fn color(c: TokenClass) -> &'static str {
    match c {
        TokenClass::Constant | TokenClass::Number => "\x1b[36m",
        TokenClass::Keyword => "\x1b[1;35m",
        TokenClass::String => "\x1b[32m",
    }
}

/// `line` with ANSI colours by token class; comments in grey.
pub fn highlight_line(line: &str) -> String {
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
    for (r, class) in classify_line(line) {
        if r.start < at {
            continue;
        }
        gap(&mut out, at, r.start);
        out.push_str(color(class));
        out.push_str(&line[r.clone()]);
        out.push_str("\x1b[0m");
        at = r.end;
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
fn banner() -> String {
    format!(
        "glasspy {} (Python 3.11 subset)\nType \"exit()\" or Ctrl-D to leave; Tab completes names and attributes.",
        env!("CARGO_PKG_VERSION")
    )
}

/// Run the REPL in the interpreter's `__main__`; returns the exit status.
pub fn run(py: Interpreter, show_banner: bool) -> i32 {
    let py = Rc::new(RefCell::new(py));
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
        py: py.clone(),
        color: color_enabled(),
    }));
    let history = history_path();
    if let Some(h) = &history {
        let _ = editor.load_history(h);
    }
    // Ctrl-C while code runs: the eval loop sees the flag. At the prompt the terminal
    // is in raw mode and rustyline reads Ctrl-C as a key instead.
    let _ = ctrlc::set_handler(interrupt);
    if show_banner {
        eprintln!("{}", banner());
    }
    let status = session(&mut editor, &py);
    if let Some(h) = &history {
        let _ = editor.save_history(h);
    }
    // Interpreter shutdown, as after a script: __del__ of what the session kept.
    py.borrow_mut().finish();
    status
}

/// The read-eval-print loop proper.
fn session(editor: &mut Editor<ReplHelper, DefaultHistory>, py: &Rc<RefCell<Interpreter>>) -> i32 {
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
            clear_interrupt();
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
            Entry::Ready(Err(e)) => {
                lines.clear();
                eprint!("{}", e.render());
            }
            Entry::Ready(Ok(())) => {
                let entry = lines.join("\n");
                lines.clear();
                if let Some(status) = py.borrow_mut().run_entry(&entry) {
                    return status;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
