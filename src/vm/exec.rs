//! Running code objects for exec() / eval(): a frame with chosen globals and locals
//! (any mapping for the locals), the builtins taken from the globals'
//! `__builtins__`; the locals namespace operations for a non-dict mapping; and the
//! SyntaxError instance for a compile error (its attributes as CPython sets them).

use crate::compiler::CompileError;
use crate::heap::PyObj;
use crate::objects::exceptions::{self, Exc, VmResult};
use crate::objects::{ctx, dict, int, module, string, tuple};
use crate::parser::error::{SyntaxError, SyntaxErrorKind};

use super::{Frame, Vm};

impl Vm {
    /// Run `code` with `globals` (a dict) and `locals` (any mapping; None: the
    /// globals), as exec() and eval() do; the code's value.
    pub fn run_code(
        &mut self,
        code: PyObj,
        globals: PyObj,
        locals: Option<PyObj>,
    ) -> VmResult<PyObj> {
        self.check_recursion()?;
        let builtins = match self.dict_get_str(&globals, "__builtins__") {
            Some(b) if dict::len(&b).is_some() => b,
            Some(b) => module::dict(&b)
                .cloned()
                .unwrap_or_else(|| self.builtins.clone()),
            None => self.builtins.clone(),
        };
        let locals = locals.filter(|l| !l.is(&globals));
        let base = self.stack.len();
        self.push_frame_record(|| Frame {
            locals,
            entry: true,
            globals: Some(globals),
            builtins: Some(builtins),
            ..Frame::new(code, base, base, base)
        });
        self.depth += 1;
        self.run_frame()
    }

    /// `ns[name]` for a locals namespace (None if missing).
    pub(crate) fn ns_get(&mut self, ns: &PyObj, name: &PyObj) -> VmResult<Option<PyObj>> {
        if dict::len(ns).is_some() && ns.is_type(&ctx().dict_type) {
            return self.dict_get(ns, name);
        }
        match self.getitem(ns, name) {
            Ok(v) => Ok(Some(v)),
            Err(e) if exceptions::matches(&e.0, ctx().exc_type("KeyError")) => Ok(None),
            Err(e) => Err(e),
        }
    }

    /// `ns[name] = v` for a locals namespace.
    pub(crate) fn ns_set(&mut self, ns: &PyObj, name: PyObj, v: PyObj) -> VmResult<()> {
        if ns.is_type(&ctx().dict_type) {
            return self.dict_set(ns, name, v);
        }
        self.setitem(ns, &name, v)
    }

    /// `del ns[name]` for a locals namespace (NameError if missing).
    pub(crate) fn ns_del(&mut self, ns: &PyObj, name: &PyObj) -> VmResult<()> {
        if ns.is_type(&ctx().dict_type) {
            return self.dict_delete_name(ns, name);
        }
        match self.delitem(ns, name) {
            Err(e) if exceptions::matches(&e.0, ctx().exc_type("KeyError")) => {
                Err(exceptions::named(
                    "NameError",
                    format!(
                        "name '{}' is not defined",
                        string::as_str(name).unwrap_or_default()
                    ),
                ))
            }
            r => r,
        }
    }
}

/// The exception for a failed compilation: a SyntaxError (IndentationError,
/// TabError) whose args are `(msg, (filename, lineno, offset, text, end_lineno,
/// end_offset))` and whose attributes are set from them, or a RecursionError.
pub fn compile_error(e: &CompileError) -> Exc {
    match e {
        CompileError::Syntax(s) => Exc(syntax_error_object(s)),
        CompileError::Recursion => exceptions::named("RecursionError", CompileError::RECURSION_MSG),
    }
}

fn syntax_error_object(s: &SyntaxError) -> PyObj {
    let c = ctx();
    let ty = c.exc_type(s.kind.name());
    let none = || c.none.clone();
    let text = s
        .text
        .as_ref()
        .map_or_else(none, |t| string::new(&format!("{t}\n")));
    let fields: [(&str, PyObj); 7] = [
        ("msg", string::new(&s.msg)),
        ("filename", string::new(&s.filename)),
        ("lineno", int::new_i64(s.lineno as i64)),
        ("offset", int::new_i64(s.offset)),
        ("text", text),
        ("end_lineno", int::new_i64(s.end_lineno as i64)),
        ("end_offset", int::new_i64(s.end_offset)),
    ];
    let loc = tuple::new(fields[1..].iter().map(|(_, v)| v.clone()).collect());
    let exc = exceptions::new_exc(ty, vec![fields[0].1.clone(), loc]);
    set_syntax_fields(
        &exc,
        fields.into_iter().chain([("print_file_and_line", none())]),
    );
    exc
}

/// Put SyntaxError attributes into the exception's dict.
pub fn set_syntax_fields<'a>(exc: &PyObj, fields: impl Iterator<Item = (&'a str, PyObj)>) {
    if let Ok(mut e) = exc.borrow_mut::<crate::objects::exception::ExcObj>() {
        let d = e.dict.get_or_insert_with(dict::new).clone();
        drop(e);
        for (k, v) in fields {
            let _ = dict::set_str(&d, k, v);
        }
    }
}

impl Vm {
    /// The `File ..., line N` / source / caret lines python3 prints for a SyntaxError
    /// instance with a location, before its `Type: msg` line (None without one).
    pub(crate) fn syntax_error_location(&mut self, e: &PyObj) -> Option<(String, String)> {
        let d = e
            .borrow::<crate::objects::exception::ExcObj>()
            .ok()?
            .dict
            .clone()?;
        let none = &ctx().none;
        let get = |vm: &mut Vm, k: &str| vm.dict_get_str(&d, k).filter(|v| !v.is(none));
        let msg = match get(self, "msg") {
            Some(m) => self.str(&m).ok()?,
            None => return None,
        };
        let lineno = get(self, "lineno").and_then(|v| int::as_i64(&v))?;
        let filename = get(self, "filename")
            .and_then(|f| string::as_str(&f).map(|s| s.into_owned()))
            .unwrap_or_else(|| "<string>".into());
        let offset = get(self, "offset")
            .and_then(|v| int::as_i64(&v))
            .unwrap_or(0);
        let end_lineno = get(self, "end_lineno")
            .and_then(|v| int::as_i64(&v))
            .unwrap_or(lineno);
        let end_offset = get(self, "end_offset")
            .and_then(|v| int::as_i64(&v))
            .unwrap_or(0);
        let text = get(self, "text").and_then(|t| {
            string::as_str(&t).map(|s| {
                // python3 shows the text's last line.
                let s = s.trim_end_matches('\n');
                s.rsplit('\n').next().unwrap_or("").to_string()
            })
        });
        let kind = if e.is_type(ctx().exc_type("TabError")) {
            SyntaxErrorKind::TabError
        } else if e.is_type(ctx().exc_type("IndentationError")) {
            SyntaxErrorKind::IndentationError
        } else {
            SyntaxErrorKind::SyntaxError
        };
        let se = SyntaxError {
            kind,
            msg: msg.clone(),
            filename,
            lineno: lineno.max(0) as usize,
            offset,
            end_lineno: end_lineno.max(0) as usize,
            end_offset,
            text,
        };
        let rendered = se.render();
        // Everything but the last line (`Kind: msg`).
        let body = rendered
            .trim_end_matches('\n')
            .rsplit_once('\n')
            .map_or(String::new(), |(b, _)| format!("{b}\n"));
        Some((body, msg))
    }
}
