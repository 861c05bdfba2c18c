//! What the import system needs from the builtins layer: the `__import__` builtin, the
//! `_imp` built-in module (the primitives glasspy's bundled `importlib` and
//! `_frozen_importlib` are written on), `ImportError`'s `name` / `path` keywords, and
//! `types.ModuleType(name, doc)`. The import system itself is src/vm/import.rs.

use crate::heap::{PyObj, TypeRef};
use crate::objects::args::Args;
use crate::objects::builtin_function::{self, MethodDef};
use crate::objects::exception::ExcObj;
use crate::objects::exceptions::{self, VmResult};
use crate::objects::runtime::Runtime;
use crate::objects::typeobj::{self, TypeInfo};
use crate::objects::{ctx, dict, int, list, module, string, tuple};
use crate::vm::import::{bundled_rel, Found};
use crate::vm::Vm;

use super::sys::new_module;

/// `__import__(name, globals=None, locals=None, fromlist=(), level=0)`.
fn import_(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let a = args.clinic(
        "__import__",
        &["name", "globals", "locals", "fromlist", "level"],
        1,
    )?;
    let name = a[0].expect("required");
    if string::view(name).is_none() {
        return Err(exceptions::type_error("module name must be a string"));
    }
    let none = ctx().none.clone();
    let globals = a[1].filter(|g| !g.is(&none));
    let fromlist = a[3].cloned().unwrap_or_else(|| ctx().empty_tuple.clone());
    let level = match a[4] {
        Some(l) => crate::objects::args::as_c_int(l)? as i64,
        None => 0,
    };
    vm.import_module_level(name, globals, &fromlist, level)
}

pub static IMPORT: MethodDef = MethodDef {
    name: "__import__",
    func: import_,
};

/// Put `__import__` in the builtins and remember it (IMPORT_NAME's fast path).
pub fn install(vm: &mut Vm) {
    let f = builtin_function::new(&IMPORT, None, Some(string::intern_str("builtins")));
    let b = vm.builtins.clone();
    vm.dict_set_str(&b, "__import__", f.clone())
        .expect("str keys");
    vm.imports.original_import = Some(f);
}

/// Once per thread, with the other types: ImportError's `__init__` and the module
/// type's constructor.
pub fn install_types() {
    let c = ctx();
    typeobj::add_methods(c.exc_type("ImportError"), IMPORT_ERROR_METHODS);
    typeobj::set_new(c.exc_type("ImportError"), &IMPORT_ERROR_NEW);
    typeobj::set_new(&c.module_type, &MODULE_NEW);
    typeobj::set_new(&c.method_type, &METHOD_NEW);
    // repr(module) from its spec / file, str(SyntaxError) with file and line
    // (src/vm/import.rs).
    use crate::objects::typeobj::slotdefs::slots_of_type;
    slots_of_type(&c.module_type).repr.set(Some(module_repr));
    for name in ["SyntaxError", "IndentationError", "TabError"] {
        slots_of_type(c.exc_type(name))
            .str
            .set(Some(syntax_error_str));
    }
}

fn module_repr(rt: &mut dyn Runtime, o: &PyObj) -> VmResult<String> {
    Vm::of(rt).module_repr(o)
}

fn syntax_error_str(rt: &mut dyn Runtime, o: &PyObj) -> VmResult<String> {
    let vm = Vm::of(rt);
    if let Some(s) = vm.syntax_error_str(o)? {
        return Ok(s);
    }
    // BaseException.__str__.
    let args = exceptions::args(o);
    match tuple::items(&args).unwrap_or(&[]) {
        [] => Ok(String::new()),
        [x] => {
            let x = x.clone();
            vm.str(&x)
        }
        _ => vm.repr(&args),
    }
}

// ----- types.MethodType(function, instance) -----------------------------------------------

static METHOD_NEW: MethodDef = MethodDef {
    name: "method",
    func: method_new,
};

fn method_new(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let rest = Args {
        all: &args.all[1..],
        kwnames: args.kwnames,
    };
    rest.no_kw("method")?;
    let [func, obj] = rest.pos() else {
        return Err(exceptions::type_error(format!(
            "method expected 2 arguments, got {}",
            rest.pos().len()
        )));
    };
    if !super::functions::is_callable(func) {
        return Err(exceptions::type_error("first argument must be callable"));
    }
    if obj.is(&ctx().none) {
        return Err(exceptions::type_error("instance must not be None"));
    }
    Ok(crate::objects::method::new(func.clone(), obj.clone()))
}

// ----- ImportError(*args, name=None, path=None) -----------------------------------------

static IMPORT_ERROR_METHODS: &[MethodDef] = &[MethodDef {
    name: "__init__",
    func: import_error_init,
}];

static IMPORT_ERROR_NEW: MethodDef = MethodDef {
    name: "ImportError",
    func: import_error_new,
};

/// ImportError.__new__: an instance with the arguments as `args`. The built-in
/// classes take `name` / `path` here (calling them runs no `__init__`); a subclass's
/// keywords are left to its `__init__`, as BaseException.__new__ ignores them.
fn import_error_new(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let Some(ty) = args.all.first().and_then(TypeRef::from_obj::<TypeInfo>) else {
        return Err(exceptions::type_error(
            "ImportError.__new__(X): X is not a type object",
        ));
    };
    let pos = args.pos();
    let e = exceptions::new_exc(&ty, pos[1..].to_vec());
    if !typeobj::is_heap_type(&ty) {
        let all: Vec<PyObj> = std::iter::once(e.clone())
            .chain(args.all[1..].iter().cloned())
            .collect();
        set_import_error_attrs(
            vm,
            Args {
                all: &all,
                kwnames: args.kwnames,
            },
        )?;
    }
    Ok(e)
}

fn import_error_init(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    set_import_error_attrs(vm, args)?;
    Ok(ctx().none.clone())
}

/// ImportError_init: args, then msg (the one argument), name and path.
fn set_import_error_attrs(vm: &mut Vm, args: Args<'_>) -> VmResult<()> {
    let Some(s) = args.all.first() else {
        return Err(exceptions::type_error(
            "descriptor '__init__' of 'ImportError' object needs an argument",
        ));
    };
    let cls = typeobj::type_name(s);
    for (k, _) in args.kwargs() {
        let k = string::as_str(k).unwrap_or_default();
        if k != "name" && k != "path" {
            return Err(exceptions::type_error(format!(
                "'{k}' is an invalid keyword argument for {cls}()"
            )));
        }
    }
    let pos = &args.pos()[1..];
    let t = tuple::new(pos.to_vec());
    let d = {
        let mut e = s
            .borrow_mut::<ExcObj>()
            .map_err(|_| exceptions::type_error("ImportError.__init__ needs an exception"))?;
        let old = std::mem::replace(&mut e.args, t);
        drop(old);
        e.dict.get_or_insert_with(dict::new).clone()
    };
    let none = ctx().none.clone();
    let msg = match pos {
        [m] => m.clone(),
        _ => none.clone(),
    };
    vm.dict_set_str(&d, "msg", msg)?;
    for k in ["name", "path"] {
        let v = args.kw(k).cloned().unwrap_or_else(|| none.clone());
        vm.dict_set_str(&d, k, v)?;
    }
    Ok(())
}

// ----- types.ModuleType(name, doc=None) --------------------------------------------------

static MODULE_NEW: MethodDef = MethodDef {
    name: "module",
    func: module_new,
};

fn module_new(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let rest = Args {
        all: &args.all[1..],
        kwnames: args.kwnames,
    };
    let a = rest.clinic("module", &["name", "doc"], 1)?;
    let name = a[0].expect("required");
    if !name.is_type(&ctx().str_type) {
        return Err(exceptions::type_error(format!(
            "module.__init__() argument 'name' must be str, not {}",
            typeobj::type_name(name)
        )));
    }
    let none = ctx().none.clone();
    let d = dict::new();
    vm.dict_set_str(&d, "__name__", name.clone())?;
    vm.dict_set_str(&d, "__doc__", a[1].cloned().unwrap_or_else(|| none.clone()))?;
    vm.dict_set_str(&d, "__package__", none.clone())?;
    vm.dict_set_str(&d, "__loader__", none.clone())?;
    vm.dict_set_str(&d, "__spec__", none)?;
    Ok(module::new(name.clone(), d))
}

// ----- the _imp module ------------------------------------------------------------------

static IMP_FUNCTIONS: &[MethodDef] = &[
    MethodDef {
        name: "is_builtin",
        func: is_builtin,
    },
    MethodDef {
        name: "find",
        func: find,
    },
    MethodDef {
        name: "source",
        func: source,
    },
    MethodDef {
        name: "exec_module",
        func: exec_module,
    },
    MethodDef {
        name: "import_absolute",
        func: import_absolute,
    },
    MethodDef {
        name: "reload",
        func: reload,
    },
    MethodDef {
        name: "load",
        func: load,
    },
];

/// The `_imp` module.
pub fn make(vm: &mut Vm) -> VmResult<PyObj> {
    let (m, _) = new_module(vm, "_imp", IMP_FUNCTIONS)?;
    Ok(m)
}

fn str_arg(fname: &str, o: &PyObj) -> VmResult<String> {
    string::as_str(o).map(|s| s.into_owned()).ok_or_else(|| {
        exceptions::type_error(format!(
            "{fname}() argument must be str, not {}",
            typeobj::type_name(o)
        ))
    })
}

/// _imp.is_builtin(name): 1 for a built-in module, else 0.
fn is_builtin(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let name = str_arg("is_builtin", args.one("is_builtin")?)?;
    let yes = vm.builtin_module_names().contains(&name.as_str());
    Ok(int::new_i64(yes as i64))
}

/// _imp.find(name, path=None): None, or (kind, origin, locations) with kind
/// 'builtin', 'source' or 'namespace' (the finder of src/vm/import.rs).
fn find(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let a = args.clinic("find", &["name", "path"], 1)?;
    let name = str_arg("find", a[0].expect("required"))?;
    let none = ctx().none.clone();
    let path = a[1].filter(|p| !p.is(&none));
    Ok(match vm.find_module(&name, path)? {
        None => none,
        Some(f) => found_tuple(&f),
    })
}

fn found_tuple(f: &Found) -> PyObj {
    let none = ctx().none.clone();
    let strs = |v: &[String]| list::new_exact(v.iter().map(|s| string::new(s)).collect());
    let (kind, origin, locations) = match f {
        Found::Builtin => ("builtin", string::intern_str("built-in"), none),
        Found::Source { file, package } => (
            "source",
            string::new(file),
            package
                .as_ref()
                .map_or(none, |p| strs(std::slice::from_ref(p))),
        ),
        Found::Namespace(dirs) => ("namespace", none, strs(dirs)),
    };
    tuple::new(vec![string::intern_str(kind), origin, locations])
}

/// _imp.load(name, found): make, register and run a module from `find`'s answer.
fn load(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let a = args.range("load", 2, 2)?;
    let name = str_arg("load", &a[0])?;
    let items = tuple::items(&a[1]).unwrap_or(&[]).to_vec();
    let [kind, origin, locations] = items.as_slice() else {
        return Err(exceptions::type_error("load() needs find()'s answer"));
    };
    let none = ctx().none.clone();
    let locs: Vec<String> = if locations.is(&none) {
        Vec::new()
    } else {
        vm.collect_iter(locations)?
            .iter()
            .filter_map(|s| string::as_str(s).map(|s| s.into_owned()))
            .collect()
    };
    let found = match string::as_str(kind).as_deref() {
        Some("builtin") => Found::Builtin,
        Some("namespace") => Found::Namespace(locs),
        _ => Found::Source {
            file: str_arg("load", origin)?,
            package: locs.into_iter().next(),
        },
    };
    vm.load(&name, &found)
}

/// _imp.source(path): the text of a source file, bundled or on disk.
fn source(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let path = str_arg("source", args.one("source")?)?;
    if let Some(rel) = bundled_rel(&path) {
        return match vm.bundled_source(rel) {
            Some(s) => Ok(string::new(s)),
            None => Err(exceptions::named(
                "OSError",
                format!("[Errno 2] No such file or directory: '{path}'"),
            )),
        };
    }
    match std::fs::read_to_string(&path) {
        Ok(s) => Ok(string::new(&s)),
        Err(e) => Err(exceptions::named(
            "OSError",
            format!("[Errno {}] {e}: '{path}'", e.raw_os_error().unwrap_or(2)),
        )),
    }
}

/// _imp.exec_module(module): run the code of `module.__file__` in the module.
fn exec_module(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let m = args.one("exec_module")?;
    let Some(d) = module::dict(m).cloned() else {
        return Err(exceptions::type_error(
            "exec_module() argument must be a module",
        ));
    };
    let file = vm
        .dict_get_str(&d, "__file__")
        .and_then(|f| string::as_str(&f).map(|s| s.into_owned()));
    let Some(file) = file else {
        return Err(exceptions::named("ImportError", "module has no __file__"));
    };
    if vm.dict_get_str(&d, "__builtins__").is_none() {
        let b = vm.builtins.clone();
        vm.dict_set_str(&d, "__builtins__", b)?;
    }
    let code = vm.source_code(&file)?;
    vm.exec_code(code, d)?;
    Ok(ctx().none.clone())
}

/// _imp.import_absolute(name): import a dotted absolute name; the module itself.
fn import_absolute(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let name = str_arg("import_absolute", args.one("import_absolute")?)?;
    vm.import_absolute(&name)
}

/// _imp.reload(module).
fn reload(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let m = args.one("reload")?;
    vm.reload_module(m)
}
