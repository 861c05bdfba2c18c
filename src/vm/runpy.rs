//! `glasspy -m module`: find a module (a package runs its `__main__`), then run its
//! code as `__main__`, with python3's messages (`No module named x`, `... is a package
//! and cannot be directly executed`) and the `<frozen runpy>` frames python3's
//! tracebacks show for it.

use crate::heap::PyObj;
use crate::objects::exceptions::{Exc, VmResult};
use crate::objects::{ctx, list, module, string};

use super::import::{add_frozen_frames, Found};
use super::Vm;

const RUNPY: &str = "<frozen runpy>";
const BOOTSTRAP: &str = "<frozen importlib._bootstrap>";
const EXTERNAL: &str = "<frozen importlib._bootstrap_external>";

/// Why a module cannot run: a message (`glasspy: msg`, status 1), or an exception.
enum RunError {
    Msg(String),
    Exc(Exc),
}

impl From<Exc> for RunError {
    fn from(e: Exc) -> RunError {
        RunError::Exc(e)
    }
}

/// What runs: the module's file, its spec and its code.
struct Details {
    file: String,
    spec: PyObj,
    code: PyObj,
}

fn with_frames(e: Exc, frames: &[(&str, &str, u32)]) -> RunError {
    add_frozen_frames(&e.0, frames);
    RunError::Exc(e)
}

impl Vm {
    /// Run module `name` as `__main__` in the namespace `globals` (python3 -m); returns
    /// the exit status, having printed any error as python3 does.
    pub fn run_module_as_main(&mut self, name: &str, globals: &PyObj) -> i32 {
        crate::objects::generator::set_close_enabled(true);
        let status = match self.module_details(name) {
            Err(RunError::Msg(m)) => {
                self.flush();
                eprintln!("glasspy: {m}");
                1
            }
            Err(RunError::Exc(e)) => {
                add_frozen_frames(&e.0, &[(RUNPY, "_run_module_as_main", 189)]);
                self.report_uncaught(&e.0)
            }
            Ok(d) => {
                let r = self.run_code_as_main(&d, globals);
                self.run_pending_closes();
                match r {
                    Ok(()) => 0,
                    Err(e) => {
                        add_frozen_frames(
                            &e.0,
                            &[
                                (RUNPY, "_run_module_as_main", 198),
                                (RUNPY, "_run_code", 88),
                            ],
                        );
                        self.report_uncaught(&e.0)
                    }
                }
            }
        };
        self.clear_main(globals);
        crate::objects::generator::set_close_enabled(false);
        self.flush();
        status
    }

    /// runpy's _run_code: the module's attributes in `__main__`, sys.argv[0], then
    /// its code.
    fn run_code_as_main(&mut self, d: &Details, globals: &PyObj) -> VmResult<()> {
        let none = ctx().none.clone();
        let loader = self.getattr(&d.spec, &string::intern_str("loader"))?;
        let parent = self.getattr(&d.spec, &string::intern_str("parent"))?;
        let file = string::new(&d.file);
        for (k, v) in [
            ("__name__", string::intern_str("__main__")),
            ("__file__", file.clone()),
            ("__cached__", none.clone()),
            ("__doc__", none),
            ("__loader__", loader),
            ("__package__", parent),
            ("__spec__", d.spec.clone()),
        ] {
            self.dict_set_str(globals, k, v)?;
        }
        self.set_argv0(file)?;
        self.exec_code(d.code.clone(), globals.clone())?;
        Ok(())
    }

    /// sys.argv[0] = value (the sys module is made if it was not).
    fn set_argv0(&mut self, value: PyObj) -> VmResult<()> {
        let sys = self.import_absolute("sys")?;
        let argv = self.getattr(&sys, &string::intern_str("argv"))?;
        if let Some(mut l) = list::borrow_mut(&argv) {
            if let Some(first) = l.0.first_mut() {
                let old = std::mem::replace(first, value);
                drop(l);
                drop(old);
            }
        }
        Ok(())
    }

    /// runpy's _get_module_details: the module to run, importing its parents first.
    fn module_details(&mut self, name: &str) -> Result<Details, RunError> {
        if name.starts_with('.') {
            return Err(RunError::Msg("Relative module names not supported".into()));
        }
        if let Some((pkg, _)) = name.rsplit_once('.') {
            if let Err(e) = self.import_absolute(pkg) {
                // An ImportError about the package itself (or an ancestor) shows up
                // again below as "Error while finding ..."; anything else propagates.
                let is_import = e.0.is_type(ctx().exc_type("ImportError"))
                    || e.0.is_type(ctx().exc_type("ModuleNotFoundError"));
                let ename = if is_import {
                    self.getattr_opt(&e.0, "name")?
                        .and_then(|n| string::as_str(&n).map(|s| s.into_owned()))
                } else {
                    None
                };
                let about_pkg = ename
                    .as_ref()
                    .is_some_and(|n| n == pkg || pkg.starts_with(&format!("{n}.")));
                if !about_pkg {
                    return Err(with_frames(e, &[(RUNPY, "_get_module_details", 112)]));
                }
            }
        }
        let found = match self.find_spec_for_run(name) {
            Ok(f) => f,
            Err(e) => {
                let ty = crate::objects::typeobj::type_name(&e.0);
                let text = self.str(&e.0)?;
                let mut msg = format!(
                    "Error while finding module specification for {} ({ty}: {text})",
                    self.repr(&string::new(name))?
                );
                if let Some(stem) = name.strip_suffix(".py") {
                    msg.push_str(&format!(
                        ". Try using '{stem}' instead of '{name}' as the module name."
                    ));
                }
                return Err(RunError::Msg(msg));
            }
        };
        let Some(found) = found else {
            return Err(RunError::Msg(format!("No module named {name}")));
        };
        match found {
            Found::Builtin => Err(RunError::Msg(format!(
                "No code object available for {name}"
            ))),
            Found::Namespace(_)
            | Found::Source {
                package: Some(_), ..
            } => {
                if name == "__main__" || name.ends_with(".__main__") {
                    return Err(RunError::Msg(
                        "Cannot use package as __main__ module".into(),
                    ));
                }
                match self.module_details(&format!("{name}.__main__")) {
                    Ok(d) => Ok(d),
                    Err(RunError::Exc(e)) => {
                        Err(with_frames(e, &[(RUNPY, "_get_module_details", 148)]))
                    }
                    Err(RunError::Msg(m)) => {
                        let modules = self.modules.clone();
                        if self.dict_get_str(&modules, name).is_none() {
                            return Err(RunError::Msg(m));
                        }
                        Err(RunError::Msg(format!(
                            "{m}; {} is a package and cannot be directly executed",
                            self.repr(&string::new(name))?
                        )))
                    }
                }
            }
            Found::Source {
                file,
                package: None,
            } => {
                let spec = self.make_spec(name, "source", Some(&file), None)?;
                let code = match self.source_code(&file) {
                    Ok(c) => c,
                    Err(e) => {
                        let frames = [
                            (RUNPY, "_get_module_details", 159),
                            (EXTERNAL, "get_code", 1074),
                            (EXTERNAL, "source_to_code", 1004),
                            (BOOTSTRAP, "_call_with_frames_removed", 241),
                        ];
                        return Err(with_frames(e, &frames));
                    }
                };
                Ok(Details { file, spec, code })
            }
        }
    }

    /// importlib.util.find_spec for a module to run: what the finder finds, the
    /// parent package imported first.
    fn find_spec_for_run(&mut self, name: &str) -> VmResult<Option<Found>> {
        let modules = self.modules.clone();
        if let Some(m) = self.dict_get_str(&modules, name) {
            if m.is(&ctx().none) {
                return Ok(None);
            }
            let file = module::dict(&m)
                .cloned()
                .and_then(|d| self.dict_get_str(&d, "__file__"))
                .and_then(|f| string::as_str(&f).map(|s| s.into_owned()));
            if file.is_none() && self.builtin_module_names().contains(&name) {
                return Ok(Some(Found::Builtin));
            }
        }
        let parent_path = match name.rsplit_once('.') {
            Some((parent, _)) => {
                let pm = self.import_absolute(parent)?;
                match self.getattr(&pm, &string::intern_str("__path__")) {
                    Ok(p) => Some(p),
                    Err(_) => {
                        return Err(super::import::import_error(
                            "ModuleNotFoundError",
                            format!(
                                "__path__ attribute not found on '{parent}' while trying to find '{name}'"
                            ),
                            Some(name),
                            None,
                        ))
                    }
                }
            }
            None => None,
        };
        self.find_module(name, parent_path.as_ref())
    }
}
