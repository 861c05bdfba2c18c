//! Printing an uncaught exception exactly as CPython 3.11 does: chained exceptions
//! first, "Traceback (most recent call last):", one `File ..., line N, in name` entry
//! per frame with its source line and `^^^` / `~~^~~` markers, repeated frames
//! collapsed, then `Type: message` (with "Did you mean" suggestions for NameError).

use std::collections::HashMap;

use crate::bytecode::Location;
use crate::heap::PyObj;
use crate::objects::code::Code;
use crate::objects::exception::ExcObj;
use crate::objects::{ctx, dict, string, typeobj};
use crate::parser::ast::{Expr, ExprKind};

use super::Vm;

/// Source files read while printing one traceback (the bundled modules' from the
/// binary).
struct Sources(
    HashMap<String, Option<Vec<String>>>,
    &'static [(&'static str, &'static str)],
);

impl Sources {
    fn new(bundled: &'static [(&'static str, &'static str)]) -> Sources {
        Sources(HashMap::new(), bundled)
    }

    fn line(&mut self, file: &str, line: u32) -> Option<String> {
        let bundled = self.1;
        let lines = self.0.entry(file.to_string()).or_insert_with(|| {
            if let Some(rel) = super::import::bundled_rel(file) {
                let i = bundled.binary_search_by(|(p, _)| (*p).cmp(rel)).ok()?;
                return Some(bundled[i].1.lines().map(str::to_string).collect());
            }
            if file.starts_with('<') {
                return None;
            }
            std::fs::read_to_string(file)
                .ok()
                .map(|s| s.lines().map(str::to_string).collect())
        });
        lines
            .as_ref()?
            .get((line as usize).checked_sub(1)?)
            .cloned()
    }
}

/// Byte offset in `s` to character offset (CPython's _byte_offset_to_character_offset).
fn char_offset(s: &str, byte: usize) -> usize {
    let b = byte.min(s.len());
    s.char_indices().take_while(|(i, _)| *i < b).count()
}

/// (left_end, right_start, primary, secondary) in characters relative to the segment,
/// for a segment that parses as a binary operation or a subscript.
fn anchors(segment: &str) -> Option<(usize, usize, char, char)> {
    let e: Expr = crate::parser::parse_expression(segment, "<anchors>").ok()?;
    if e.span.end_line != 1 && e.span.line != e.span.end_line {
        return None;
    }
    match &e.kind {
        ExprKind::BinOp { left, right, .. } => {
            let bytes = segment.as_bytes();
            let (lend, rstart) = (left.span.end_col as usize, right.span.col as usize);
            let mut anchor = None;
            let mut i = lend;
            while i < rstart.min(bytes.len()) {
                if bytes[i].is_ascii_whitespace() {
                    i += 1;
                    continue;
                }
                let mut right = i + 1;
                if i + 1 < rstart && !bytes[i + 1].is_ascii_whitespace() {
                    right += 1;
                }
                anchor = Some((i, right));
                if i + 1 < rstart && bytes[i] == b')' {
                    i += 1;
                    continue;
                }
                break;
            }
            let (l, r) = anchor?;
            Some((char_offset(segment, l), char_offset(segment, r), '~', '^'))
        }
        ExprKind::Subscript { value, slice, .. } => {
            let l = value.span.end_col as usize;
            let r = slice.span.end_col as usize + 1;
            Some((char_offset(segment, l), char_offset(segment, r), '~', '^'))
        }
        _ => None,
    }
}

/// The source line and marker line for one frame entry.
fn source_lines(sources: &mut Sources, file: &str, loc: Location, out: &mut String) {
    let Some(line) = sources.line(file, loc.line) else {
        return;
    };
    let stripped = line.trim_start();
    if stripped.is_empty() {
        return;
    }
    let lead = line.chars().count() - stripped.chars().count();
    out.push_str("    ");
    out.push_str(stripped.trim_end());
    out.push('\n');
    if loc.line == 0 || (loc.col == 0 && loc.end_col == 0) {
        return;
    }
    let start = char_offset(&line, loc.col as usize);
    let (end, anch) = if loc.line == loc.end_line {
        let end = char_offset(&line, loc.end_col as usize);
        let seg_start = (loc.col as usize).min(line.len());
        let seg_end = (loc.end_col as usize).clamp(seg_start, line.len());
        (end, anchors(&line[seg_start..seg_end]))
    } else {
        (lead + stripped.trim_end().chars().count(), None)
    };
    let stripped_len = stripped.trim_end().chars().count();
    let covers_all = end.saturating_sub(start) >= stripped_len;
    let anchor_gap = anch.is_some_and(|(l, r, _, _)| r > l);
    if covers_all && !anchor_gap {
        return;
    }
    out.push_str("    ");
    out.push_str(&" ".repeat(start.saturating_sub(lead)));
    for i in 0..end.saturating_sub(start) {
        let ch = match anch {
            Some((l, r, primary, secondary)) => {
                if i >= l && i < r {
                    secondary
                } else {
                    primary
                }
            }
            None => '^',
        };
        out.push(ch);
    }
    out.push('\n');
}

/// CPython's Levenshtein distance for suggestions (substitution 2, case-only 1).
fn distance(a: &str, b: &str, max: usize) -> usize {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    if a == b {
        return 0;
    }
    let cost = |x: char, y: char| {
        if x == y {
            0
        } else if x.eq_ignore_ascii_case(&y) {
            1
        } else {
            2
        }
    };
    let mut row: Vec<usize> = (0..=b.len()).map(|j| j * 2).collect();
    for (i, &ca) in a.iter().enumerate() {
        let mut prev = row[0];
        row[0] = (i + 1) * 2;
        let mut best = row[0];
        for (j, &cb) in b.iter().enumerate() {
            let sub = prev + cost(ca, cb);
            prev = row[j + 1];
            row[j + 1] = sub.min(row[j] + 2).min(prev + 2);
            best = best.min(row[j + 1]);
        }
        if best > max {
            return max + 1;
        }
    }
    row[b.len()]
}

/// The closest candidate name, as CPython's _Py_CalculateSuggestions.
fn suggest(name: &str, candidates: &[String]) -> Option<String> {
    if candidates.len() > 750 {
        return None;
    }
    let mut best: Option<(usize, &String)> = None;
    for c in candidates {
        if c == name {
            continue;
        }
        let max = (name.len() + c.len() + 3) * 2 / 6;
        let d = distance(name, c, max);
        if d > max {
            continue;
        }
        if best.is_none_or(|(bd, _)| d < bd) {
            best = Some((d, c));
        }
    }
    best.map(|(_, c)| c.clone())
}

impl Vm {
    /// The text python3 prints on stderr for an uncaught exception.
    pub fn format_exception(&mut self, exc: &PyObj) -> String {
        // Collect the chain: each exception's cause, else its (unsuppressed) context.
        let mut chain: Vec<(PyObj, &'static str)> = Vec::new();
        let mut seen = Vec::new();
        let mut cur = Some((exc.clone(), ""));
        while let Some((e, sep)) = cur.take() {
            if seen.contains(&e.id()) {
                break;
            }
            seen.push(e.id());
            let next = e.borrow::<ExcObj>().ok().and_then(|x| {
                if let Some(c) = &x.cause {
                    Some((c.clone(), "\nThe above exception was the direct cause of the following exception:\n\n"))
                } else if let (Some(c), false) = (&x.context, x.suppress_context) {
                    Some((c.clone(), "\nDuring handling of the above exception, another exception occurred:\n\n"))
                } else {
                    None
                }
            });
            chain.push((e, sep));
            cur = next;
        }
        let mut out = String::new();
        let mut sources = Sources::new(self.library.bundled);
        for (i, (e, _)) in chain.iter().enumerate().rev() {
            self.format_one(e, &mut sources, &mut out);
            if i > 0 {
                out.push_str(chain[i].1);
            }
        }
        out
    }

    fn format_one(&mut self, e: &PyObj, sources: &mut Sources, out: &mut String) {
        let entries: Vec<(PyObj, u32)> = e
            .borrow::<ExcObj>()
            .ok()
            .and_then(|x| {
                x.traceback
                    .as_ref()
                    .map(|t| t.iter().rev().map(|t| (t.code.clone(), t.instr)).collect())
            })
            .unwrap_or_default();
        if !entries.is_empty() {
            out.push_str("Traceback (most recent call last):\n");
        }
        let mut last: Option<(String, u32, String)> = None;
        let mut repeated = 0usize;
        for (code_obj, instr) in &entries {
            let Some(code) = code_obj.get::<Code>() else {
                continue;
            };
            let file = string::as_str(&code.filename)
                .unwrap_or_default()
                .into_owned();
            let name = string::as_str(&code.name).unwrap_or_default().into_owned();
            let loc = code
                .locations
                .get(*instr as usize)
                .copied()
                // Past the end: raised before the first instruction (a generator
                // thrown into before it started), CPython's line co_firstlineno.
                .unwrap_or(crate::bytecode::code::Location {
                    line: code.firstlineno,
                    end_line: code.firstlineno,
                    ..Default::default()
                });
            let key = (file.clone(), loc.line, name.clone());
            if last.as_ref() == Some(&key) {
                repeated += 1;
                if repeated >= 3 {
                    continue;
                }
            } else {
                flush_repeats(out, repeated);
                repeated = 0;
                last = Some(key);
            }
            out.push_str(&format!(
                "  File \"{file}\", line {}, in {name}\n",
                loc.line
            ));
            source_lines(sources, &file, loc, out);
        }
        flush_repeats(out, repeated);
        out.push_str(&self.exception_only(e));
    }

    /// The last line(s): `Type: message`.
    pub fn exception_only(&mut self, e: &PyObj) -> String {
        let name = self.exception_type_name(e);
        if let Some(text) = self.syntax_error_text(e, &name) {
            return text;
        }
        if crate::objects::exceptions::matches(e, ctx().exc_type("SyntaxError")) {
            if let Some((location, msg)) = self.syntax_error_location(e) {
                return format!("{location}{name}: {msg}\n");
            }
        }
        let mut msg = self
            .str(e)
            .unwrap_or_else(|_| "<exception str() failed>".into());
        let c = ctx();
        let suggestion = if e.is_type(c.exc_type("NameError")) {
            self.name_suggestion(e, &msg)
        } else if e.is_type(c.exc_type("AttributeError")) {
            self.attribute_suggestion(e)
        } else {
            None
        };
        if let Some(s) = suggestion {
            msg.push_str(&format!(". Did you mean: '{s}'?"));
        }
        if msg.is_empty() {
            format!("{name}\n")
        } else {
            format!("{name}: {msg}\n")
        }
    }

    /// The exception's class as python3 prints it: `module.Qualname`, without the
    /// module for builtins and `__main__`.
    fn exception_type_name(&mut self, e: &PyObj) -> String {
        let ty = e.type_obj();
        let Some(h) = &typeobj::info(&ty).heap else {
            return typeobj::type_name(e);
        };
        let q = string::as_str(&h.qualname.borrow())
            .unwrap_or_default()
            .into_owned();
        let d = typeobj::type_dict(&ty);
        match self.dict_get_str(&d, "__module__") {
            Some(m) if m.is_type(&ctx().str_type) => {
                let m = string::as_str(&m).unwrap_or_default().into_owned();
                if m == "builtins" || m == "__main__" {
                    q
                } else {
                    format!("{m}.{q}")
                }
            }
            _ => format!("<unknown>.{q}"),
        }
    }

    /// A SyntaxError that carries its position (one raised by compiling an imported
    /// module): the `File` line, the source line and carets, then `Type: msg`.
    fn syntax_error_text(&mut self, e: &PyObj, name: &str) -> Option<String> {
        use crate::parser::error::{SyntaxError, SyntaxErrorKind};
        if !crate::objects::exceptions::matches(e, ctx().exc_type("SyntaxError")) {
            return None;
        }
        let d = e.borrow::<ExcObj>().ok()?.dict.clone()?;
        self.dict_get_str(&d, "print_file_and_line")?;
        let get_str = |vm: &mut Vm, k: &str| {
            vm.dict_get_str(&d, k)
                .and_then(|v| string::as_str(&v).map(|s| s.into_owned()))
        };
        let get_int = |vm: &mut Vm, k: &str| {
            vm.dict_get_str(&d, k)
                .and_then(|v| crate::objects::int::as_i64(&v))
        };
        let msg_obj = self.dict_get_str(&d, "msg")?;
        let msg = self.str(&msg_obj).ok()?;
        let kind = if crate::objects::exceptions::matches(e, ctx().exc_type("IndentationError")) {
            SyntaxErrorKind::IndentationError
        } else {
            SyntaxErrorKind::SyntaxError
        };
        let err = SyntaxError {
            kind,
            msg: msg.clone(),
            filename: get_str(self, "filename").unwrap_or_else(|| "<string>".into()),
            lineno: get_int(self, "lineno").unwrap_or(0) as usize,
            offset: get_int(self, "offset").unwrap_or(0),
            end_lineno: get_int(self, "end_lineno").unwrap_or(0) as usize,
            end_offset: get_int(self, "end_offset").unwrap_or(0),
            text: get_str(self, "text").map(|t| t.trim_end_matches('\n').to_string()),
        };
        let rendered = err.render();
        let body = rendered.trim_end_matches('\n');
        let body = body.rsplit_once('\n').map_or("", |(head, _)| head);
        let mut out = String::new();
        if !body.is_empty() {
            out.push_str(body);
            out.push('\n');
        }
        out.push_str(&format!("{name}: {msg}\n"));
        Some(out)
    }

    /// "Did you mean" for an AttributeError: the closest of dir(obj).
    fn attribute_suggestion(&mut self, e: &PyObj) -> Option<String> {
        let d = e.borrow::<ExcObj>().ok()?.dict.clone()?;
        let name = self.dict_get_str(&d, "name")?;
        let obj = self.dict_get_str(&d, "obj")?;
        let name = string::as_str(&name)?.into_owned();
        let candidates = self.dir_names(&obj);
        suggest(&name, &candidates)
    }

    /// "Did you mean" for `name 'x' is not defined`: the closest name among the local
    /// names of the frame that raised it, the main module's globals and the builtins.
    fn name_suggestion(&mut self, e: &PyObj, msg: &str) -> Option<String> {
        let name = msg
            .strip_prefix("name '")?
            .strip_suffix("' is not defined")?;
        let mut candidates: Vec<String> = Vec::new();
        let innermost = e.borrow::<ExcObj>().ok().and_then(|x| {
            x.traceback
                .as_ref()
                .and_then(|t| t.first().map(|t| t.code.clone()))
        });
        if let Some(code) = innermost.as_ref().and_then(|c| c.get::<Code>()) {
            for n in code
                .varnames
                .iter()
                .chain(&code.cellvars)
                .chain(&code.freevars)
            {
                candidates.extend(string::as_str(n).map(|s| s.into_owned()));
            }
        }
        // The globals of the module the innermost frame ran in (found by its file
        // among sys.modules), else __main__'s.
        let modules = self.modules.clone();
        let file = innermost
            .as_ref()
            .and_then(|c| c.get::<Code>())
            .and_then(|c| string::as_str(&c.filename).map(|s| s.into_owned()));
        let mut home = None;
        if let Some(file) = file {
            for (_, m) in dict::items(&modules).unwrap_or_default() {
                let Some(d) = crate::objects::module::dict(&m).cloned() else {
                    continue;
                };
                let f = self.dict_get_str(&d, "__file__");
                if f.as_ref().and_then(string::as_str).as_deref() == Some(file.as_str()) {
                    home = Some(d);
                    break;
                }
            }
        }
        let main = self.dict_get_str(&modules, "__main__");
        let dicts = [
            home.or_else(|| {
                main.as_ref()
                    .and_then(crate::objects::module::dict)
                    .cloned()
            }),
            Some(self.builtins.clone()),
        ];
        for d in dicts.into_iter().flatten() {
            for (k, _) in dict::items(&d).unwrap_or_default() {
                if let Some(s) = string::as_str(&k) {
                    candidates.push(s.into_owned());
                }
            }
        }
        suggest(name, &candidates)
    }
}

fn flush_repeats(out: &mut String, repeated: usize) {
    if repeated > 2 {
        let n = repeated - 2;
        let s = if n == 1 { "" } else { "s" };
        out.push_str(&format!("  [Previous line repeated {n} more time{s}]\n"));
    }
}
