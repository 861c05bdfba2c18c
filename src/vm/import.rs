//! The import system: `import`, `from ... import`, `__import__`, finding modules on
//! sys.path (folders, then the library bundled in the binary), packages (`__init__.py`,
//! `__path__`, PEP 420 folders without one), relative imports, sys.modules as the
//! cache, and the errors and messages CPython 3.11 gives.
//!
//! The steps are CPython's (import.c's PyImport_ImportModuleLevelObject and
//! importlib._bootstrap's _find_and_load / _handle_fromlist), done here in Rust; the
//! module specs and loaders python code sees (`__spec__`, `__loader__`) are made by
//! glasspy's bundled `_frozen_importlib`, which is loaded the first time a module
//! comes from a file. Importing a dotted name walks its parents in a loop, and running
//! a module's body is a nested eval loop that counts against the recursion limit, so a
//! long chain of imports ends in RecursionError.

use std::collections::HashMap;

use crate::heap::PyObj;
use crate::objects::args::Args;
use crate::objects::code::Code;
use crate::objects::exception::ExcObj;
use crate::objects::exceptions::{self, Exc, VmResult};
use crate::objects::module::{self, Module};
use crate::objects::{ctx, dict, int, list, string, tuple, typeobj};

use super::Vm;

/// The pseudo-folder of the bundled library: the last entry of sys.path, and the
/// start of a bundled module's `__file__` (`<glasspy>/lib/functools.py`).
pub const BUNDLED_ROOT: &str = "<glasspy>/lib";

/// The import system's state in a VM.
pub struct ImportState {
    /// The list that is sys.path (also before the sys module is made).
    pub path: PyObj,
    /// `_frozen_importlib` once loaded: it makes specs and loaders.
    bootstrap: Option<PyObj>,
    /// True while `_frozen_importlib` itself runs.
    bootstrapping: bool,
    /// The builtin `__import__` as installed: IMPORT_NAME takes the fast path while the
    /// builtins still hold it.
    pub original_import: Option<PyObj>,
    /// Code of the bundled modules compiled so far (a module is compiled once per
    /// interpreter, even when it is imported again after leaving sys.modules).
    bundled_code: HashMap<String, PyObj>,
}

impl ImportState {
    pub fn new(path: &[String]) -> ImportState {
        ImportState {
            path: path_list(path),
            bootstrap: None,
            bootstrapping: false,
            original_import: None,
            bundled_code: HashMap::new(),
        }
    }
}

impl ImportState {
    /// Make `entries` sys.path (before the sys module exists).
    pub fn set_path(&mut self, entries: &[String]) {
        self.path = path_list(entries);
    }
}

fn path_list(entries: &[String]) -> PyObj {
    list::new_exact(entries.iter().map(|p| string::new(p)).collect())
}

/// What the finder found for a module name.
#[derive(Clone, Debug)]
pub enum Found {
    /// A built-in module (made by the library).
    Builtin,
    /// A source file (a real one, or bundled); for a package, its folder.
    Source {
        file: String,
        package: Option<String>,
    },
    /// Folders without `__init__.py` (a PEP 420 namespace package).
    Namespace(Vec<String>),
}

/// An ImportError / ModuleNotFoundError with CPython's `name` and `path` attributes.
pub fn import_error(kind: &str, msg: String, name: Option<&str>, path: Option<&str>) -> Exc {
    let e = exceptions::named(kind, msg);
    if let Ok(mut x) = e.0.borrow_mut::<ExcObj>() {
        let d = dict::new();
        let mut eq = crate::objects::dict::builtin_eq;
        let none = ctx().none.clone();
        for (k, v) in [("name", name), ("path", path)] {
            let key = string::intern_str(k);
            let h = string::hash(&key).expect("str");
            let v = v.map_or_else(|| none.clone(), string::new);
            let _ = dict::set_item(&d, key, h, v, &mut eq);
        }
        x.dict = Some(d);
    }
    e
}

fn not_found(name: &str) -> Exc {
    import_error(
        "ModuleNotFoundError",
        format!("No module named '{name}'"),
        Some(name),
        None,
    )
}

/// A code object that only names a place (`<frozen importlib._bootstrap>`, line N,
/// in f): what python3's tracebacks show for frames of its frozen import machinery.
pub fn frozen_code(file: &str, name: &str, line: u32) -> PyObj {
    let loc = crate::bytecode::code::Location {
        line,
        end_line: line,
        ..Default::default()
    };
    let name = string::intern_str(name);
    PyObj::new(
        &ctx().code_type,
        Code {
            name: name.clone(),
            qualname: name,
            filename: string::intern_str(file),
            firstlineno: line,
            argcount: 0,
            posonlyargcount: 0,
            kwonlyargcount: 0,
            flags: 0,
            plain_args: Code::plain_args_of(0, 0, 0, 0, 0),
            instrs: Box::new([]),
            locations: vec![loc],
            consts: Vec::new(),
            names: Vec::new(),
            varnames: Vec::new(),
            cellvars: Vec::new(),
            freevars: Vec::new(),
            cell2arg: Vec::new(),
            exception_table: Vec::new(),
            max_stack: 0,
            global_cache: Vec::new(),
            warmup: std::cell::Cell::new(crate::bytecode::code::WARMUP),
            caches: std::cell::OnceCell::new(),
            poly: Default::default(),
        },
    )
}

/// Add python3's frozen frames to an exception's traceback, outermost last.
pub fn add_frozen_frames(exc: &PyObj, frames: &[(&str, &str, u32)]) {
    for (file, name, line) in frames.iter().rev() {
        exceptions::add_traceback(exc, &frozen_code(file, name, *line), 0);
    }
}

const BOOTSTRAP: &str = "<frozen importlib._bootstrap>";

/// `entry/name` with one '/' between them.
fn join(entry: &str, name: &str) -> String {
    let e = entry.trim_end_matches('/');
    if e.is_empty() && entry.starts_with('/') {
        return format!("/{name}");
    }
    format!("{e}/{name}")
}

/// The part of a path inside the bundled library ("" for the root), if it is there.
pub fn bundled_rel(path: &str) -> Option<&str> {
    let rest = path.strip_prefix(BUNDLED_ROOT)?;
    if rest.is_empty() {
        return Some("");
    }
    rest.strip_prefix('/')
}

fn str_of(o: &PyObj) -> Option<String> {
    string::as_str(o).map(|s| s.into_owned())
}

impl Vm {
    /// The source of a bundled file by its path under the library root.
    pub fn bundled_source(&self, rel: &str) -> Option<&'static str> {
        let table = self.library.bundled;
        table
            .binary_search_by(|(p, _)| (*p).cmp(rel))
            .ok()
            .map(|i| table[i].1)
    }

    /// The code of a bundled file thawed from its frozen form, if it has one made from
    /// this source by this compiler (else the caller compiles the source).
    fn bundled_frozen(&self, rel: &str, file: &str) -> Option<PyObj> {
        let i = self
            .library
            .bundled
            .binary_search_by(|(p, _)| (*p).cmp(rel))
            .ok()?;
        let &(key, data) = self.library.frozen.get(i)?;
        crate::compiler::frozen::thaw(data, key, file)
    }

    /// Is there a bundled folder `rel` (a file under it)?
    fn bundled_dir(&self, rel: &str) -> bool {
        let prefix = format!("{rel}/");
        let table = self.library.bundled;
        let i = table.partition_point(|(p, _)| *p < prefix.as_str());
        table.get(i).is_some_and(|(p, _)| p.starts_with(&prefix))
    }

    /// The names of the built-in modules.
    pub fn builtin_module_names(&self) -> &'static [&'static str] {
        self.library.builtin_names
    }

    /// sys.path: the sys module's `path` if it has one, else the list it starts with.
    fn sys_path(&mut self) -> VmResult<PyObj> {
        let modules = self.modules.clone();
        if let Some(sys) = self.dict_get_str(&modules, "sys") {
            if let Some(d) = module::dict(&sys).cloned() {
                if let Some(p) = self.dict_get_str(&d, "path") {
                    return Ok(p);
                }
            }
        }
        Ok(self.imports.path.clone())
    }

    /// The str entries of a path list (sys.path or a package's `__path__`).
    fn path_entries(&mut self, path: &PyObj) -> VmResult<Vec<String>> {
        let items = match list::borrow(path) {
            Some(l) => l.0.clone(),
            None => self.collect_iter(path)?,
        };
        Ok(items.iter().filter_map(str_of).collect())
    }

    /// Look for `tail` in one path entry: Ok(found) for a module or package, Err(dir)
    /// for a namespace portion, Ok(None) for nothing.
    fn find_in_entry(&self, entry: &str, tail: &str) -> Result<Option<Found>, String> {
        if let Some(rel) = bundled_rel(entry) {
            let prefix = if rel.is_empty() {
                tail.to_string()
            } else {
                format!("{rel}/{tail}")
            };
            let dir = join(entry, tail);
            if self
                .bundled_source(&format!("{prefix}/__init__.py"))
                .is_some()
            {
                return Ok(Some(Found::Source {
                    file: join(&dir, "__init__.py"),
                    package: Some(dir),
                }));
            }
            if self.bundled_source(&format!("{prefix}.py")).is_some() {
                return Ok(Some(Found::Source {
                    file: join(entry, &format!("{tail}.py")),
                    package: None,
                }));
            }
            if self.bundled_dir(&prefix) {
                return Err(dir);
            }
            return Ok(None);
        }
        let base = if entry.is_empty() {
            std::env::current_dir()
                .map(|d| d.to_string_lossy().into_owned())
                .unwrap_or_default()
        } else if std::path::Path::new(entry).is_absolute() {
            entry.to_string()
        } else {
            match std::env::current_dir() {
                Ok(d) => join(&d.to_string_lossy(), entry),
                Err(_) => entry.to_string(),
            }
        };
        let dir = join(&base, tail);
        let mut portion = None;
        if std::path::Path::new(&dir).is_dir() {
            let init = join(&dir, "__init__.py");
            if std::path::Path::new(&init).is_file() {
                return Ok(Some(Found::Source {
                    file: init,
                    package: Some(dir),
                }));
            }
            portion = Some(dir);
        }
        let file = join(&base, &format!("{tail}.py"));
        if std::path::Path::new(&file).is_file() {
            return Ok(Some(Found::Source {
                file,
                package: None,
            }));
        }
        match portion {
            Some(d) => Err(d),
            None => Ok(None),
        }
    }

    /// Find `fullname`: a built-in module (top level only), else on `path` (sys.path
    /// for a top-level name, the parent's `__path__` for a submodule).
    pub fn find_module(&mut self, fullname: &str, path: Option<&PyObj>) -> VmResult<Option<Found>> {
        if path.is_none() && self.library.builtin_names.contains(&fullname) {
            return Ok(Some(Found::Builtin));
        }
        let path = match path {
            Some(p) => p.clone(),
            None => self.sys_path()?,
        };
        let entries = self.path_entries(&path)?;
        let tail = fullname.rsplit('.').next().unwrap_or(fullname);
        let mut portions = Vec::new();
        for entry in &entries {
            match self.find_in_entry(entry, tail) {
                Ok(Some(f)) => return Ok(Some(f)),
                Ok(None) => {}
                Err(dir) => portions.push(dir),
            }
        }
        Ok((!portions.is_empty()).then_some(Found::Namespace(portions)))
    }

    // ----- IMPORT_NAME and __import__ ---------------------------------------------------

    /// IMPORT_NAME: `__import__(name, globals, locals, fromlist, level)`, through the
    /// builtins' `__import__` when a program replaced it.
    pub(crate) fn import_instr(
        &mut self,
        name: &PyObj,
        fromlist: PyObj,
        level: PyObj,
        globals: &PyObj,
        locals: Option<PyObj>,
        builtins: &PyObj,
    ) -> VmResult<PyObj> {
        let key = string::intern_str("__import__");
        let Some(f) = self.dict_get(builtins, &key)? else {
            return Err(exceptions::named("ImportError", "__import__ not found"));
        };
        if self
            .imports
            .original_import
            .as_ref()
            .is_some_and(|o| o.is(&f))
        {
            let level = int::as_i64(&level).unwrap_or(0);
            return self.import_module_level(name, Some(globals), &fromlist, level);
        }
        let locals = locals.unwrap_or_else(|| ctx().none.clone());
        let args = [name.clone(), globals.clone(), locals, fromlist, level];
        self.call(&f, Args::positional(&args))
    }

    /// `import name` for Rust callers: the module itself (not its top package).
    pub fn import(&mut self, name: &PyObj) -> VmResult<PyObj> {
        let n = str_of(name).unwrap_or_default();
        self.import_absolute(&n)
    }

    /// CPython's PyImport_ImportModuleLevelObject: what `__import__` returns.
    pub fn import_module_level(
        &mut self,
        name: &PyObj,
        globals: Option<&PyObj>,
        fromlist: &PyObj,
        level: i64,
    ) -> VmResult<PyObj> {
        let Some(n) = str_of(name) else {
            return Err(exceptions::type_error("module name must be a string"));
        };
        if level < 0 {
            return Err(exceptions::value_error("level must be >= 0"));
        }
        let abs = if level > 0 {
            let g = globals.cloned();
            self.resolve_name(&n, g.as_ref(), level)?
        } else {
            if n.is_empty() {
                return Err(exceptions::value_error("Empty module name"));
            }
            n.clone()
        };
        let m = self.import_absolute(&abs)?;
        let has_fromlist = !fromlist.is(&ctx().none) && self.truthy(fromlist)?;
        if !has_fromlist {
            if level == 0 || !n.is_empty() {
                let front = n.split('.').next().unwrap_or("");
                if level == 0 {
                    return self.import_absolute(front);
                }
                let cut = n.len() - front.len();
                let to_return = &abs[..abs.len() - cut];
                let modules = self.modules.clone();
                return match self.dict_get_str(&modules, to_return) {
                    Some(m) => Ok(m),
                    None => Err(exceptions::named(
                        "KeyError",
                        format!("'{to_return}' not in sys.modules as expected"),
                    )),
                };
            }
            return Ok(m);
        }
        if self.module_attr(&m, "__path__")?.is_some() {
            self.handle_fromlist(&m, fromlist, false)?;
        }
        Ok(m)
    }

    /// The absolute name of a relative import (importlib's _calc___package__ and
    /// _resolve_name).
    fn resolve_name(
        &mut self,
        name: &str,
        globals: Option<&PyObj>,
        level: i64,
    ) -> VmResult<String> {
        let none = ctx().none.clone();
        let get = |vm: &mut Vm, k: &str| match globals {
            Some(g) if g.is_type(&ctx().dict_type) => vm.dict_get_str(g, k),
            _ => None,
        };
        if let Some(g) = globals {
            if !g.is_type(&ctx().dict_type) {
                return Err(exceptions::type_error("globals must be a dict"));
            }
        }
        let package = get(self, "__package__").filter(|p| !p.is(&none));
        let spec = get(self, "__spec__").filter(|s| !s.is(&none));
        let package = match (package, spec) {
            (Some(p), _) => {
                if !p.is_type(&ctx().str_type) {
                    return Err(exceptions::type_error("package must be a string"));
                }
                str_of(&p).unwrap_or_default()
            }
            (None, Some(s)) => {
                let parent = self.getattr(&s, &string::intern_str("parent"))?;
                if !parent.is_type(&ctx().str_type) {
                    return Err(exceptions::type_error("__spec__.parent must be a string"));
                }
                str_of(&parent).unwrap_or_default()
            }
            (None, None) => {
                let Some(n) = get(self, "__name__") else {
                    return Err(exceptions::named("KeyError", "'__name__' not in globals"));
                };
                if !n.is_type(&ctx().str_type) {
                    return Err(exceptions::type_error("__name__ must be a string"));
                }
                let n = str_of(&n).unwrap_or_default();
                if get(self, "__path__").is_some() {
                    n
                } else {
                    n.rsplit_once('.')
                        .map(|(a, _)| a.to_string())
                        .unwrap_or_default()
                }
            }
        };
        if package.is_empty() {
            return Err(import_error(
                "ImportError",
                "attempted relative import with no known parent package".into(),
                None,
                None,
            ));
        }
        let bits: Vec<&str> = package.rsplitn(level as usize, '.').collect();
        if (bits.len() as i64) < level {
            return Err(import_error(
                "ImportError",
                "attempted relative import beyond top-level package".into(),
                None,
                None,
            ));
        }
        let base = bits.last().copied().unwrap_or("");
        Ok(if name.is_empty() {
            base.to_string()
        } else {
            format!("{base}.{name}")
        })
    }

    /// An attribute of a module, or None when it has none (AttributeError swallowed).
    fn module_attr(&mut self, m: &PyObj, name: &str) -> VmResult<Option<PyObj>> {
        if let Some(d) = module::dict(m).cloned() {
            if let Some(v) = self.dict_get_str(&d, name) {
                return Ok(Some(v));
            }
            // Only a module-level __getattr__ could still answer.
            if self.dict_get_str(&d, "__getattr__").is_none() {
                return Ok(None);
            }
        }
        match self.getattr(m, &string::intern_str(name)) {
            Ok(v) => Ok(Some(v)),
            Err(e) if e.0.is_type(ctx().exc_type("AttributeError")) => Ok(None),
            Err(e) => Err(e),
        }
    }

    /// importlib's _handle_fromlist: import the submodules a from-import names. An
    /// error other than an ImportError raised by its own steps keeps python3's frame
    /// for them (`<frozen importlib._bootstrap>`, line N, in _handle_fromlist): python3
    /// trims importlib's frames only from ImportErrors and from the code it runs.
    fn handle_fromlist(&mut self, m: &PyObj, fromlist: &PyObj, recursive: bool) -> VmResult<()> {
        let at = |line: u32| {
            move |e: Exc| {
                if !exceptions::matches(&e.0, ctx().exc_type("ImportError")) {
                    add_frozen_frames(&e.0, &[(BOOTSTRAP, "_handle_fromlist", line)]);
                }
                e
            }
        };
        let names = self.collect_iter(fromlist)?;
        let mname = match self.module_attr(m, "__name__")? {
            Some(n) => str_of(&n).unwrap_or_default(),
            None => String::new(),
        };
        for x in names {
            if !x.is_type(&ctx().str_type) && string::view(&x).is_none() {
                let where_ = if recursive {
                    format!("{mname}.__all__")
                } else {
                    "``from list''".to_string()
                };
                return Err(at(1223)(exceptions::type_error(format!(
                    "Item in {where_} must be str, not {}",
                    typeobj::type_name(&x)
                ))));
            }
            let xs = str_of(&x).unwrap_or_default();
            if xs == "*" {
                if !recursive {
                    if let Some(all) = self.module_attr(m, "__all__").map_err(at(1226))? {
                        self.handle_fromlist(m, &all, true).map_err(at(1227))?;
                    }
                }
                continue;
            }
            if self.module_attr(m, &xs).map_err(at(1229))?.is_some() {
                continue;
            }
            let from_name = format!("{mname}.{xs}");
            match self.import_absolute(&from_name) {
                Ok(_) => {}
                Err(e) if e.0.is_type(ctx().exc_type("ModuleNotFoundError")) => {
                    let ename = self.getattr_opt(&e.0, "name")?;
                    let same = ename.as_ref().and_then(str_of).as_deref() == Some(&from_name);
                    let modules = self.modules.clone();
                    let blocked = self
                        .dict_get_str(&modules, &from_name)
                        .is_some_and(|v| v.is(&ctx().none));
                    if same && !blocked {
                        continue;
                    }
                    return Err(e);
                }
                Err(e) => return Err(e),
            }
        }
        Ok(())
    }

    /// Import an absolute dotted name (parents first) and return that module.
    pub fn import_absolute(&mut self, name: &str) -> VmResult<PyObj> {
        let modules = self.modules.clone();
        if let Some(m) = self.dict_get_str(&modules, name) {
            if m.is(&ctx().none) {
                return Err(import_error(
                    "ModuleNotFoundError",
                    format!("import of {name} halted; None in sys.modules"),
                    Some(name),
                    None,
                ));
            }
            return Ok(m);
        }
        // Each dotted prefix in turn, in a loop: a.b.c imports a, then a.b, then a.b.c.
        let mut end = 0;
        let mut result = None;
        while end < name.len() {
            end = name[end..].find('.').map_or(name.len(), |i| end + i);
            let part = &name[..end];
            end += 1;
            result = Some(self.find_and_load(part)?);
        }
        result.ok_or_else(|| exceptions::value_error("Empty module name"))
    }

    /// importlib's _find_and_load for one name whose parent is imported already.
    fn find_and_load(&mut self, name: &str) -> VmResult<PyObj> {
        let modules = self.modules.clone();
        if let Some(m) = self.dict_get_str(&modules, name) {
            if m.is(&ctx().none) {
                return Err(import_error(
                    "ModuleNotFoundError",
                    format!("import of {name} halted; None in sys.modules"),
                    Some(name),
                    None,
                ));
            }
            return Ok(m);
        }
        let (parent, parent_path) = match name.rsplit_once('.') {
            Some((parent, _)) => {
                let Some(pm) = self.dict_get_str(&modules, parent) else {
                    return Err(not_found(parent));
                };
                match self.module_attr(&pm, "__path__")? {
                    Some(p) => (Some((parent.to_string(), pm)), Some(p)),
                    None => {
                        return Err(import_error(
                            "ModuleNotFoundError",
                            format!("No module named '{name}'; '{parent}' is not a package"),
                            Some(name),
                            None,
                        ))
                    }
                }
            }
            None => (None, None),
        };
        let Some(found) = self.find_module(name, parent_path.as_ref())? else {
            return Err(not_found(name));
        };
        let m = self.load(name, &found)?;
        if let Some((_, pm)) = parent {
            let child = name.rsplit('.').next().unwrap_or(name);
            self.setattr(&pm, &string::intern_str(child), Some(m.clone()))?;
        }
        Ok(m)
    }

    // ----- loading ------------------------------------------------------------------------

    /// Make, register and run the module `name` the finder found.
    pub fn load(&mut self, name: &str, found: &Found) -> VmResult<PyObj> {
        match found {
            Found::Builtin => self.load_builtin(name),
            Found::Namespace(dirs) => self.load_namespace(name, dirs),
            Found::Source { file, package } => {
                let m = self.new_source_module(name, file, package.as_deref())?;
                self.exec_new_module(name, &m, file)?;
                Ok(m)
            }
        }
    }

    fn load_builtin(&mut self, name: &str) -> VmResult<PyObj> {
        let Some(m) = (self.library.make_module)(self, name)? else {
            return Err(not_found(name));
        };
        let modules = self.modules.clone();
        self.dict_set_str(&modules, name, m.clone())?;
        if self.imports.bootstrap.is_some() {
            self.fix_builtin_spec(&m)?;
        }
        Ok(m)
    }

    /// A namespace package: `__path__` lists its folders, there is no code to run.
    fn load_namespace(&mut self, name: &str, dirs: &[String]) -> VmResult<PyObj> {
        let d = dict::new();
        let none = ctx().none.clone();
        self.dict_set_str(&d, "__name__", string::new(name))?;
        self.dict_set_str(&d, "__doc__", none.clone())?;
        self.dict_set_str(&d, "__package__", string::new(name))?;
        let m = module::new(string::new(name), d.clone());
        let locations: Vec<PyObj> = dirs.iter().map(|s| string::new(s)).collect();
        let spec = self.make_spec(name, "namespace", None, Some(list::new_exact(locations)))?;
        let loader = self.getattr(&spec, &string::intern_str("loader"))?;
        let path = self.getattr(&spec, &string::intern_str("submodule_search_locations"))?;
        self.dict_set_str(&d, "__loader__", loader)?;
        self.dict_set_str(&d, "__spec__", spec)?;
        self.dict_set_str(&d, "__file__", none)?;
        self.dict_set_str(&d, "__path__", path)?;
        let modules = self.modules.clone();
        self.dict_set_str(&modules, name, m.clone())?;
        Ok(m)
    }

    /// A module for a source file, with CPython's attributes in CPython's order
    /// (`__name__`, `__doc__`, `__package__`, `__loader__`, `__spec__`, `__path__`,
    /// `__file__`, `__cached__`, `__builtins__`); not yet run.
    pub fn new_source_module(
        &mut self,
        name: &str,
        file: &str,
        package_dir: Option<&str>,
    ) -> VmResult<PyObj> {
        let d = dict::new();
        let none = ctx().none.clone();
        let parent = match package_dir {
            Some(_) => name.to_string(),
            None => name
                .rsplit_once('.')
                .map(|(p, _)| p.to_string())
                .unwrap_or_default(),
        };
        self.dict_set_str(&d, "__name__", string::new(name))?;
        self.dict_set_str(&d, "__doc__", none.clone())?;
        self.dict_set_str(&d, "__package__", string::new(&parent))?;
        let locations = package_dir.map(|p| list::new_exact(vec![string::new(p)]));
        let spec = self.make_spec(name, "source", Some(file), locations.clone())?;
        let loader = self.getattr(&spec, &string::intern_str("loader"))?;
        self.dict_set_str(&d, "__loader__", loader)?;
        self.dict_set_str(&d, "__spec__", spec)?;
        if let Some(l) = locations {
            self.dict_set_str(&d, "__path__", l)?;
        }
        self.dict_set_str(&d, "__file__", string::new(file))?;
        self.dict_set_str(&d, "__cached__", none)?;
        let b = self.builtins.clone();
        self.dict_set_str(&d, "__builtins__", b)?;
        Ok(module::new(string::new(name), d))
    }

    /// The code of a source file: bundled sources are compiled once per interpreter.
    pub fn source_code(&mut self, file: &str) -> VmResult<PyObj> {
        if let Some(c) = self.imports.bundled_code.get(file) {
            return Ok(c.clone());
        }
        let rel = bundled_rel(file);
        if let Some(code) = rel.and_then(|rel| self.bundled_frozen(rel, file)) {
            self.imports
                .bundled_code
                .insert(file.to_string(), code.clone());
            return Ok(code);
        }
        let bundled = rel.and_then(|rel| self.bundled_source(rel));
        let owned;
        let source = match bundled {
            Some(s) => s,
            None => {
                owned = read_source(file)?;
                owned.as_str()
            }
        };
        let mut warnings = Vec::new();
        let compiled = crate::compiler::compile_source_warn(source, file, &mut warnings);
        if !warnings.is_empty() {
            self.flush();
            for w in &warnings {
                eprint!("{}", w.render(file, Some(source)));
            }
        }
        let code = compiled.map_err(|e| compile_error_exc(&e))?;
        if bundled.is_some() {
            self.imports
                .bundled_code
                .insert(file.to_string(), code.clone());
        }
        Ok(code)
    }

    /// Register `m` in sys.modules as `name`, run the code of `file` in it, and leave
    /// in sys.modules whatever the code left there (CPython's _load_unlocked). On an
    /// error the module leaves sys.modules.
    pub fn exec_new_module(&mut self, name: &str, m: &PyObj, file: &str) -> VmResult<()> {
        let modules = self.modules.clone();
        let key = string::new(name);
        self.dict_set(&modules, key.clone(), m.clone())?;
        let spec = match module::dict(m).cloned() {
            Some(d) => self.dict_get_str(&d, "__spec__"),
            None => None,
        };
        self.set_initializing(spec.as_ref(), true)?;
        let result = self
            .source_code(file)
            .and_then(|code| self.exec_code(code, module::dict(m).expect("a module").clone()));
        self.set_initializing(spec.as_ref(), false)?;
        if let Err(e) = result {
            if self.dict_get(&modules, &key)?.is_some() {
                self.dict_delete_name(&modules, &key)?;
            }
            return Err(e);
        }
        // The module may have replaced itself in sys.modules; it moves to the end.
        match self.dict_get(&modules, &key)? {
            Some(now) => {
                self.dict_delete_name(&modules, &key)?;
                self.dict_set(&modules, key, now)?;
                Ok(())
            }
            None => {
                let e = exceptions::named("KeyError", "").0;
                if let Ok(mut x) = e.borrow_mut::<ExcObj>() {
                    x.args = tuple::new(vec![string::new(name)]);
                }
                add_frozen_frames(
                    &e,
                    &[
                        (BOOTSTRAP, "_find_and_load", 1176),
                        (BOOTSTRAP, "_find_and_load_unlocked", 1147),
                        (BOOTSTRAP, "_load_unlocked", 701),
                    ],
                );
                Err(Exc(e))
            }
        }
    }

    fn set_initializing(&mut self, spec: Option<&PyObj>, on: bool) -> VmResult<()> {
        if let Some(s) = spec.filter(|s| !s.is(&ctx().none)) {
            let v = super::ops::bool_obj(on);
            self.setattr(s, &string::intern_str("_initializing"), Some(v))?;
        }
        Ok(())
    }

    // ----- specs and loaders (_frozen_importlib) ---------------------------------------

    /// `_frozen_importlib`, loaded on first use: its code runs once per interpreter.
    pub fn bootstrap(&mut self) -> VmResult<PyObj> {
        if let Some(b) = &self.imports.bootstrap {
            return Ok(b.clone());
        }
        if self.imports.bootstrapping {
            return Err(exceptions::named(
                "ImportError",
                "_frozen_importlib is not initialised yet",
            ));
        }
        self.imports.bootstrapping = true;
        let r = self.load_bootstrap();
        self.imports.bootstrapping = false;
        let b = r?;
        self.imports.bootstrap = Some(b.clone());
        // The modules made before it get their specs and loaders now.
        let modules = self.modules.clone();
        for (_, m) in dict::items(&modules).unwrap_or_default() {
            self.fix_builtin_spec(&m)?;
        }
        Ok(b)
    }

    fn load_bootstrap(&mut self) -> VmResult<PyObj> {
        let name = "_frozen_importlib";
        let file = format!("{BUNDLED_ROOT}/{name}.py");
        let d = dict::new();
        let none = ctx().none.clone();
        self.dict_set_str(&d, "__name__", string::intern_str(name))?;
        self.dict_set_str(&d, "__doc__", none.clone())?;
        self.dict_set_str(&d, "__package__", string::intern_str(""))?;
        self.dict_set_str(&d, "__loader__", none.clone())?;
        self.dict_set_str(&d, "__spec__", none.clone())?;
        self.dict_set_str(&d, "__file__", string::new(&file))?;
        self.dict_set_str(&d, "__cached__", none)?;
        let b = self.builtins.clone();
        self.dict_set_str(&d, "__builtins__", b)?;
        let m = module::new(string::intern_str(name), d.clone());
        let code = self.source_code(&file)?;
        self.exec_code(code, d)?;
        let modules = self.modules.clone();
        self.dict_set_str(&modules, name, m.clone())?;
        Ok(m)
    }

    /// A ModuleSpec from `_frozen_importlib._spec(name, kind, origin, locations)`.
    pub(crate) fn make_spec(
        &mut self,
        name: &str,
        kind: &str,
        origin: Option<&str>,
        locations: Option<PyObj>,
    ) -> VmResult<PyObj> {
        let b = self.bootstrap()?;
        let f = self.getattr(&b, &string::intern_str("_spec"))?;
        let none = ctx().none.clone();
        let args = [
            string::new(name),
            string::intern_str(kind),
            origin.map_or_else(|| none.clone(), string::new),
            locations.unwrap_or(none),
        ];
        self.call(&f, Args::positional(&args))
    }

    /// Give a built-in module (or `__main__`) made before `_frozen_importlib` its
    /// `__spec__` and `__loader__`, through `_frozen_importlib._fix(module)`.
    fn fix_builtin_spec(&mut self, m: &PyObj) -> VmResult<()> {
        let Some(d) = module::dict(m).cloned() else {
            return Ok(());
        };
        let none = ctx().none.clone();
        let spec_missing = self
            .dict_get_str(&d, "__spec__")
            .is_none_or(|s| s.is(&none));
        let loader_missing = self
            .dict_get_str(&d, "__loader__")
            .is_none_or(|s| s.is(&none));
        if !spec_missing && !loader_missing {
            return Ok(());
        }
        let b = self.bootstrap()?;
        let f = self.getattr(&b, &string::intern_str("_fix"))?;
        self.call(&f, Args::positional(std::slice::from_ref(m)))?;
        Ok(())
    }

    /// A module attribute read found None for `__spec__` / `__loader__` of a built-in
    /// module made before `_frozen_importlib`: load it (which fills them) and read again.
    pub(crate) fn lazy_spec_attr(&mut self, m: &PyObj, name: &str) -> VmResult<Option<PyObj>> {
        if self.imports.bootstrap.is_some() || self.imports.bootstrapping {
            return Ok(None);
        }
        self.bootstrap()?;
        self.fix_builtin_spec(m)?;
        let d = module::dict(m).cloned().expect("a module");
        Ok(self.dict_get_str(&d, name))
    }

    // ----- from-imports ---------------------------------------------------------------------

    /// IMPORT_FROM: `from m import name` (CPython's import_from).
    pub fn import_from(&mut self, m: &PyObj, name: &PyObj) -> VmResult<PyObj> {
        match self.getattr(m, name) {
            Ok(v) => return Ok(v),
            Err(e) if e.0.is_type(ctx().exc_type("AttributeError")) => {}
            Err(e) => return Err(e),
        }
        let n = str_of(name).unwrap_or_default();
        let pkgname = match self.getattr(m, &string::intern_str("__name__")) {
            Ok(p) if p.is_type(&ctx().str_type) => str_of(&p),
            Ok(_) => None,
            Err(e) if e.0.is_type(ctx().exc_type("AttributeError")) => None,
            Err(e) => return Err(e),
        };
        if let Some(p) = &pkgname {
            let modules = self.modules.clone();
            if let Some(v) = self.dict_get_str(&modules, &format!("{p}.{n}")) {
                return Ok(v);
            }
        }
        let shown = pkgname
            .clone()
            .unwrap_or_else(|| "<unknown module name>".into());
        let file = module::dict(m)
            .cloned()
            .and_then(|d| self.dict_get_str(&d, "__file__"))
            .filter(|f| f.is_type(&ctx().str_type))
            .and_then(|f| str_of(&f));
        let rn = self.repr(name)?;
        let rp = self.repr(&string::new(&shown))?;
        match file {
            None => Err(import_error(
                "ImportError",
                format!("cannot import name {rn} from {rp} (unknown location)"),
                pkgname.as_deref(),
                None,
            )),
            Some(f) => {
                let spec = self.getattr(m, &string::intern_str("__spec__")).ok();
                let initializing = match spec {
                    Some(s) if !s.is(&ctx().none) => {
                        match self.getattr(&s, &string::intern_str("_initializing")) {
                            Ok(v) => self.truthy(&v)?,
                            Err(_) => false,
                        }
                    }
                    _ => false,
                };
                let msg = if initializing {
                    format!(
                        "cannot import name {rn} from partially initialized module {rp} \
                         (most likely due to a circular import) ({f})"
                    )
                } else {
                    format!("cannot import name {rn} from {rp} ({f})")
                };
                Err(import_error(
                    "ImportError",
                    msg,
                    pkgname.as_deref(),
                    Some(&f),
                ))
            }
        }
    }

    /// IMPORT_STAR: `from m import *` into `ns`: the names of `__all__`, else the
    /// module's public names.
    pub fn import_star(&mut self, m: &PyObj, ns: &PyObj) -> VmResult<()> {
        let (names, skip_private) = match self.module_attr(m, "__all__")? {
            Some(all) => (self.collect_iter(&all)?, false),
            None => {
                let d = match module::dict(m) {
                    Some(d) => d.clone(),
                    None => match self.module_attr(m, "__dict__")? {
                        Some(d) => d,
                        None => {
                            return Err(exceptions::named(
                                "ImportError",
                                "from-import-* object has no __dict__ and no __all__",
                            ))
                        }
                    },
                };
                let keys = dict::items(&d)
                    .map(|v| v.into_iter().map(|(k, _)| k).collect())
                    .unwrap_or_default();
                (keys, true)
            }
        };
        for k in names {
            if !k.is_type(&ctx().str_type) && string::view(&k).is_none() {
                let mname = match self.module_attr(m, "__name__")? {
                    Some(n) => str_of(&n).unwrap_or_default(),
                    None => String::new(),
                };
                let which = if skip_private { "Key" } else { "Item" };
                let attr = if skip_private { "__dict__" } else { "__all__" };
                return Err(exceptions::type_error(format!(
                    "{which} in {mname}.{attr} must be str, not {}",
                    typeobj::type_name(&k)
                )));
            }
            if skip_private && str_of(&k).is_some_and(|s| s.starts_with('_')) {
                continue;
            }
            let v = self.getattr(m, &k)?;
            if ns.is_type(&ctx().dict_type) {
                self.dict_set(ns, k, v)?;
            } else {
                self.setitem(ns, &k, v)?;
            }
        }
        Ok(())
    }

    // ----- reload ---------------------------------------------------------------------------

    /// importlib.reload(module): find the module again and run its code in the same
    /// namespace.
    pub fn reload_module(&mut self, m: &PyObj) -> VmResult<PyObj> {
        if !m.is_a::<Module>() {
            return Err(exceptions::type_error("reload() argument must be a module"));
        }
        let d = module::dict(m).cloned().expect("a module");
        let none = ctx().none.clone();
        let spec = self.dict_get_str(&d, "__spec__").filter(|s| !s.is(&none));
        let name = match &spec {
            Some(s) => self.getattr(s, &string::intern_str("name"))?,
            None => self.getattr(m, &string::intern_str("__name__"))?,
        };
        let n = str_of(&name).unwrap_or_default();
        let modules = self.modules.clone();
        if !self.dict_get_str(&modules, &n).is_some_and(|x| x.is(m)) {
            return Err(import_error(
                "ImportError",
                format!("module {n} not in sys.modules"),
                Some(&n),
                None,
            ));
        }
        let parent_path = match n.rsplit_once('.') {
            Some((parent, _)) => {
                let Some(pm) = self.dict_get_str(&modules, parent) else {
                    return Err(import_error(
                        "ImportError",
                        format!(
                            "parent {} not in sys.modules",
                            self.repr(&string::new(parent))?
                        ),
                        Some(parent),
                        None,
                    ));
                };
                self.module_attr(&pm, "__path__")?
            }
            None => None,
        };
        let Some(found) = self.find_module(&n, parent_path.as_ref())? else {
            return Err(import_error(
                "ModuleNotFoundError",
                format!("spec not found for the module {}", self.repr(&name)?),
                Some(&n),
                None,
            ));
        };
        match &found {
            Found::Builtin => {}
            Found::Namespace(_) => {}
            Found::Source { file, package } => {
                let locations = package
                    .as_ref()
                    .map(|p| list::new_exact(vec![string::new(p)]));
                let spec = self.make_spec(&n, "source", Some(file), locations.clone())?;
                let loader = self.getattr(&spec, &string::intern_str("loader"))?;
                self.dict_set_str(&d, "__loader__", loader)?;
                self.dict_set_str(&d, "__spec__", spec.clone())?;
                if let Some(l) = locations {
                    self.dict_set_str(&d, "__path__", l)?;
                }
                self.dict_set_str(&d, "__file__", string::new(file))?;
                self.set_initializing(Some(&spec), true)?;
                let r = self
                    .source_code(file)
                    .and_then(|code| self.exec_code(code, d.clone()));
                self.set_initializing(Some(&spec), false)?;
                r?;
            }
        }
        match self.dict_get_str(&modules, &n) {
            Some(now) => Ok(now),
            None => Err(exceptions::named("KeyError", format!("'{n}'"))),
        }
    }

    /// str() of a SyntaxError with a `msg` attribute: `msg (file.py, line N)`, the
    /// file's base name only (CPython's SyntaxError_str); None without one.
    pub fn syntax_error_str(&mut self, e: &PyObj) -> VmResult<Option<String>> {
        let Some(d) = e.borrow::<ExcObj>().ok().and_then(|x| x.dict.clone()) else {
            return Ok(None);
        };
        let Some(msg) = self.dict_get_str(&d, "msg") else {
            return Ok(None);
        };
        let msg = self.str(&msg)?;
        let file = self.dict_get_str(&d, "filename").and_then(|f| {
            string::as_str(&f).map(|s| s.rsplit('/').next().unwrap_or("").to_string())
        });
        let line = self
            .dict_get_str(&d, "lineno")
            .and_then(|l| int::as_i64(&l));
        Ok(Some(match (file, line) {
            (Some(f), Some(l)) => format!("{msg} ({f}, line {l})"),
            (Some(f), None) => format!("{msg} ({f})"),
            (None, Some(l)) => format!("{msg} (line {l})"),
            (None, None) => msg,
        }))
    }

    // ----- module repr ------------------------------------------------------------------------

    /// repr(module), as importlib's _module_repr: from the spec when there is one.
    pub fn module_repr(&mut self, m: &PyObj) -> VmResult<String> {
        let d = module::dict(m).cloned().expect("a module");
        let none = ctx().none.clone();
        let name = self
            .dict_get_str(&d, "__name__")
            .and_then(|n| str_of(&n))
            .unwrap_or_else(|| "?".into());
        let rname = self.repr(&string::new(&name))?;
        let spec = self.dict_get_str(&d, "__spec__").filter(|s| !s.is(&none));
        if let Some(s) = spec {
            let sname = self.getattr(&s, &string::intern_str("name"))?;
            let rname = if sname.is(&none) {
                "'?'".to_string()
            } else {
                self.repr(&sname)?
            };
            let origin = self.getattr(&s, &string::intern_str("origin"))?;
            if origin.is(&none) {
                let loader = self.getattr(&s, &string::intern_str("loader"))?;
                if loader.is(&none) {
                    return Ok(format!("<module {rname}>"));
                }
                return Ok(format!("<module {rname} ({})>", self.repr(&loader)?));
            }
            let has = self.getattr(&s, &string::intern_str("has_location"))?;
            if self.truthy(&has)? {
                return Ok(format!("<module {rname} from {}>", self.repr(&origin)?));
            }
            return Ok(format!("<module {rname} ({})>", self.str(&origin)?));
        }
        if let Some(f) = self.dict_get_str(&d, "__file__") {
            return Ok(format!("<module {rname} from {}>", self.repr(&f)?));
        }
        let loader = self.dict_get_str(&d, "__loader__").filter(|l| !l.is(&none));
        let builtin = self.library.builtin_names.contains(&name.as_str()) || name == "__main__";
        match loader {
            None if builtin => Ok(format!("<module {rname} (built-in)>")),
            None => Ok(format!("<module {rname}>")),
            Some(l) => {
                let lr = self.repr(&l)?;
                if lr.contains("BuiltinImporter") {
                    Ok(format!("<module {rname} (built-in)>"))
                } else {
                    Ok(format!("<module {rname} ({lr})>"))
                }
            }
        }
    }
}

/// Read a source file as python3 does: UTF-8 (a BOM is skipped).
fn read_source(file: &str) -> VmResult<String> {
    let bytes = std::fs::read(file).map_err(|e| {
        let errno = e.raw_os_error().unwrap_or(2);
        exceptions::named("OSError", format!("[Errno {errno}] {e}: '{file}'"))
    })?;
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(&bytes);
    String::from_utf8(bytes.to_vec()).map_err(|e| {
        let pos = e.utf8_error().valid_up_to();
        exceptions::named(
            "SyntaxError",
            format!(
                "(unicode error) 'utf-8' codec can't decode byte 0x{:02x} in position {pos}: invalid start byte",
                bytes[pos]
            ),
        )
    })
}

/// The SyntaxError (or RecursionError) a module's compile error raises, with
/// CPython's attributes so the traceback prints its source line and carets.
pub fn compile_error_exc(e: &crate::compiler::CompileError) -> Exc {
    use crate::compiler::CompileError;
    match e {
        CompileError::Recursion => exceptions::named("RecursionError", CompileError::RECURSION_MSG),
        CompileError::Syntax(s) => syntax_error_exc(s),
    }
}

/// A SyntaxError object from the parser's error: args `(msg, (filename, lineno,
/// offset, text, end_lineno, end_offset))` and those attributes.
pub fn syntax_error_exc(s: &crate::parser::error::SyntaxError) -> Exc {
    let none = ctx().none.clone();
    let text = s
        .text
        .as_deref()
        .map_or_else(|| none.clone(), |t| string::new(&format!("{t}\n")));
    let details = vec![
        string::new(&s.filename),
        int::new_i64(s.lineno as i64),
        int::new_i64(s.offset),
        text.clone(),
        int::new_i64(s.end_lineno as i64),
        int::new_i64(s.end_offset),
    ];
    let ty = ctx().exc_type(s.kind.name());
    let e = exceptions::new_exc(ty, vec![string::new(&s.msg), tuple::new(details)]);
    if let Ok(mut x) = e.borrow_mut::<ExcObj>() {
        let d = dict::new();
        let mut eq = crate::objects::dict::builtin_eq;
        let attrs = [
            ("msg", string::new(&s.msg)),
            ("filename", string::new(&s.filename)),
            ("lineno", int::new_i64(s.lineno as i64)),
            ("offset", int::new_i64(s.offset)),
            ("text", text),
            ("end_lineno", int::new_i64(s.end_lineno as i64)),
            ("end_offset", int::new_i64(s.end_offset)),
            ("print_file_and_line", none),
        ];
        for (k, v) in attrs {
            let key = string::intern_str(k);
            let h = string::hash(&key).expect("str");
            let _ = dict::set_item(&d, key, h, v, &mut eq);
        }
        x.dict = Some(d);
    }
    Exc(e)
}
