//! Running whole programs: a module's code in a fresh namespace, and what happens to
//! an exception nobody caught (the traceback on stderr, or SystemExit's status).

use crate::compiler::{compile_source_warn, CompileError};
use crate::heap::PyObj;
use crate::objects::exception::ExcObj;
use crate::objects::{ctx, dict, int, module, string, tuple};

use super::{Frame, Vm};
use crate::objects::exceptions::VmResult;

impl Vm {
    /// Run a code object with `globals` as its namespace.
    pub fn exec_code(&mut self, code: PyObj, globals: PyObj) -> VmResult<PyObj> {
        self.check_recursion()?;
        let base = self.stack.len();
        let builtins = self.builtins.clone();
        self.push_frame_record(|| Frame {
            entry: true,
            globals: Some(globals),
            builtins: Some(builtins),
            ..Frame::new(code, base, base, base)
        });
        self.depth += 1;
        self.run_frame()
    }

    /// A fresh module namespace with `__name__`, `__builtins__` and `__file__`, and
    /// the module registered in sys.modules.
    pub fn new_module(&mut self, name: &str, file: Option<&str>) -> VmResult<PyObj> {
        let g = dict::new();
        let none = ctx().none.clone();
        self.dict_set_str(&g, "__name__", string::intern_str(name))?;
        self.dict_set_str(&g, "__doc__", none.clone())?;
        // CPython's order; `__loader__` is filled in if the import system's
        // _frozen_importlib is ever loaded (import.rs).
        self.dict_set_str(&g, "__package__", none.clone())?;
        self.dict_set_str(&g, "__loader__", none.clone())?;
        self.dict_set_str(&g, "__spec__", none.clone())?;
        let b = self.import(&string::intern_str("builtins"))?;
        self.dict_set_str(&g, "__builtins__", b)?;
        if let Some(f) = file {
            self.dict_set_str(&g, "__file__", string::new(f))?;
            self.dict_set_str(&g, "__cached__", none)?;
        }
        let m = module::new(string::intern_str(name), g.clone());
        let modules = self.modules.clone();
        self.dict_set_str(&modules, name, m)?;
        Ok(g)
    }

    /// Compile and run `source` as the `__main__` module; returns the process exit
    /// status, having printed any error as python3 does.
    pub fn run_main(&mut self, source: &str, filename: &str, file: Option<&str>) -> i32 {
        let mut warnings = Vec::new();
        let compiled = compile_source_warn(source, filename, &mut warnings);
        // Compile-time SyntaxWarnings go to stderr first, as python3 prints them; the
        // source line is shown only for a real file.
        let shown_source = (!filename.starts_with('<')).then_some(source);
        for w in &warnings {
            eprint!("{}", w.render(filename, shown_source));
        }
        let code = match compiled {
            Ok(c) => c,
            Err(CompileError::Syntax(e)) => {
                self.flush();
                eprint!("{}", e.render());
                return 1;
            }
            Err(CompileError::Recursion) => {
                self.flush();
                eprintln!("RecursionError: {}", CompileError::RECURSION_MSG);
                return 1;
            }
        };
        crate::objects::generator::set_close_enabled(true);
        let globals = self.new_module("__main__", file);
        let result = globals.clone().and_then(|g| self.exec_code(code, g));
        self.run_pending_closes();
        let status = match result {
            Ok(_) => 0,
            Err(e) => self.report_uncaught(&e.0),
        };
        if let Ok(g) = globals {
            self.clear_main(&g);
        }
        crate::objects::generator::set_close_enabled(false);
        self.flush();
        status
    }

    /// Print an uncaught exception (or honour SystemExit) and return the exit status.
    pub fn report_uncaught(&mut self, exc: &PyObj) -> i32 {
        self.flush();
        if exc.is_type(ctx().exc_type("SystemExit")) {
            return self.system_exit_status(exc);
        }
        if let Some(hook) = self.replaced_sys_hook("excepthook") {
            let args = [
                exc.type_obj().as_obj().clone(),
                exc.clone(),
                super::ops::traceback_object(exc),
            ];
            match self.call(&hook, crate::objects::args::Args::positional(&args)) {
                Ok(_) => {
                    self.flush();
                    return 1;
                }
                Err(e) => {
                    self.flush();
                    let hook_text = self.format_exception(&e.0);
                    let text = self.format_exception(exc);
                    eprint!(
                        "Error in sys.excepthook:\n{hook_text}\nOriginal exception was:\n{text}"
                    );
                    return 1;
                }
            }
        }
        let text = self.format_exception(exc);
        eprint!("{text}");
        1
    }

    /// sys.`name` when a program replaced it (it is no longer sys.`__name__`): the
    /// excepthook / displayhook to call instead of the built-in behaviour.
    pub(crate) fn replaced_sys_hook(&mut self, name: &str) -> Option<PyObj> {
        let modules = self.modules.clone();
        let sys = self.dict_get_str(&modules, "sys")?;
        let d = module::dict(&sys)?.clone();
        let hook = self.dict_get_str(&d, name)?;
        let original = self.dict_get_str(&d, &format!("__{name}__"))?;
        (!hook.is(&original)).then_some(hook)
    }

    /// SystemExit: no code or None is 0, an int is the status, anything else is
    /// printed to stderr with status 1.
    fn system_exit_status(&mut self, exc: &PyObj) -> i32 {
        let args = exc.borrow::<ExcObj>().map(|e| e.args.clone()).ok();
        let items = args.as_ref().and_then(tuple::items).unwrap_or(&[]).to_vec();
        let code = match items.as_slice() {
            [] => return 0,
            [c] => c.clone(),
            _ => args.expect("args"),
        };
        if code.is(&ctx().none) {
            return 0;
        }
        if let Some(v) = int::as_i64(&code) {
            return v as i32;
        }
        let text = self.str(&code).unwrap_or_default();
        eprintln!("{text}");
        1
    }
}
