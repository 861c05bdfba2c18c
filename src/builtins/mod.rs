//! The builtins namespace, the methods of the built-in types, and the built-in modules
//! (sys, gc, math, cmath, array, time), each made on first import.

mod array_mod;
mod bundled;
mod bytes_type;
mod classes;
mod cmath;
mod codecs;
mod collections_mod;
mod complex_type;
mod constructors;
mod dis_mod;
mod exc_traceback;
mod exec;
mod functions;
mod functions_seq;
mod gc;
mod getsets;
pub mod glass;
mod importlib;
mod io;
mod iterators;
mod json;
mod math;
mod memoryview_type;
mod methods_args;
mod methods_bytes;
mod methods_dict;
mod methods_list;
mod methods_num;
mod methods_set;
mod methods_str;
mod methods_str_format;
#[cfg(test)]
mod methods_tests;
mod os;
pub(crate) mod oserror;
mod random_mod;
mod re;
mod sha512;
mod special_methods;
mod struct_mod;
mod structseq;
mod subclass;
mod sys;
mod sys_info;
mod time;
mod time_fmt;
pub mod tracemalloc_mod;
mod type_docs;
mod type_methods;
mod weakref_mod;

use crate::heap::{PyObj, TypeRef};
use crate::objects::builtin_function;
use crate::objects::exception::HIERARCHY;
use crate::objects::exceptions::VmResult;
use crate::objects::{ctx, module, string};
use crate::vm::Vm;

/// The builtins and built-in modules, as the VM is given them.
pub static LIBRARY: crate::vm::Library = crate::vm::Library {
    install,
    make_module,
    builtin_names: BUILTIN_MODULES,
    bundled: bundled::BUNDLED,
    frozen: bundled::FROZEN,
};

static OPEN: crate::objects::builtin_function::MethodDef =
    crate::objects::builtin_function::MethodDef {
        name: "open",
        func: io::open,
    };
/// The modules `make_module` makes (sys.builtin_module_names), sorted.
pub const BUILTIN_MODULES: &[&str] = &[
    "_collections",
    "_dis",
    "_glass",
    "_imp",
    "_io",
    "_json",
    "_random",
    "_sre",
    "_struct",
    "_tracemalloc",
    "_weakref",
    "array",
    "builtins",
    "cmath",
    "errno",
    "gc",
    "io",
    "math",
    "os",
    "posix",
    "sys",
    "time",
];

/// Forget the per-thread state of the built-in modules (the interpreter is being
/// dropped): gc's debug hooks, gc.garbage and gc.callbacks.
pub fn teardown() {
    gc::reset();
}

/// None (a new reference), the result of the methods that return nothing.
fn none() -> PyObj {
    ctx().none.clone()
}

/// Put the builtins into `vm.builtins`, and the methods into the built-in types'
/// dicts (once per thread: the types are shared by every Vm of the thread).
pub fn install(vm: &mut Vm) {
    let b = vm.builtins.clone();
    let c = ctx();
    let module_name = string::intern_str("builtins");
    for def in functions::FUNCTIONS.iter().chain(exec::FUNCTIONS) {
        let f = builtin_function::new(def, None, Some(module_name.clone()));
        set(vm, &b, def.name, f);
    }
    let types: [(&str, &TypeRef); 17] = [
        ("object", &c.object_type),
        ("type", &c.type_type),
        ("int", &c.int_type),
        ("bool", &c.bool_type),
        ("float", &c.float_type),
        ("str", &c.str_type),
        ("tuple", &c.tuple_type),
        ("list", &c.list_type),
        ("dict", &c.dict_type),
        ("set", &c.set_type),
        ("frozenset", &c.frozenset_type),
        ("range", &c.range_type),
        ("slice", &c.slice_type),
        ("bytes", &c.bytes_type),
        ("bytearray", &c.bytearray_type),
        ("memoryview", &c.memoryview_type),
        ("complex", &c.complex_type),
    ];
    for (name, ty) in types {
        set(vm, &b, name, ty.as_obj().clone());
    }
    for (name, ty) in [
        ("staticmethod", &c.staticmethod_type),
        ("classmethod", &c.classmethod_type),
        ("property", &c.property_type),
        ("super", &c.super_type),
    ] {
        set(vm, &b, name, ty.as_obj().clone());
    }
    let open = builtin_function::new(&OPEN, None, Some(module_name.clone()));
    set(vm, &b, "open", open);
    let bc = builtin_function::new(&classes::BUILD_CLASS, None, Some(module_name.clone()));
    set(vm, &b, "__build_class__", bc);
    for (name, ty) in iterators::builtin_names() {
        set(vm, &b, name, ty.as_obj().clone());
    }
    for (name, obj) in functions::builtin_objects() {
        set(vm, &b, name, obj);
    }
    for ((name, _), ty) in HIERARCHY.iter().zip(&c.exc_types) {
        set(vm, &b, name, ty.as_obj().clone());
    }
    for alias in ["IOError", "EnvironmentError"] {
        set(vm, &b, alias, c.exc_type("OSError").as_obj().clone());
    }
    set(vm, &b, "None", c.none.clone());
    set(vm, &b, "Ellipsis", c.ellipsis.clone());
    set(vm, &b, "NotImplemented", c.not_implemented.clone());
    set(vm, &b, "__name__", module_name);
    importlib::install(vm);
    thread_local! {
        static TYPES_READY: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    }
    if !TYPES_READY.with(|r| r.replace(true)) {
        // Make every built-in type's dict now, so later lookups allocate nothing
        // that outlives the program (the leak check counts from here).
        for ty in c.all_types() {
            let _ = crate::objects::typeobj::type_dict_raw(ty);
        }
        constructors::install_types();
        subclass::install(vm);
        classes::install_types();
        iterators::install_types();
        weakref_mod::install_types();
        functions::install_types();
        sys::install_types();
        oserror::install_types();
        io::install_types();
        importlib::install_types();
        exc_traceback::install_types();
        crate::vm::gen::install();
        bytes_type::install();
        complex_type::install();
        memoryview_type::install();
        array_mod::install();
        type_methods::install();
        collections_mod::install_types();
        random_mod::install_types();
        re::install_types();
        install_methods(vm);
        getsets::install();
        type_docs::install();
    }
}

/// The methods of the built-in types.
fn install_methods(vm: &mut Vm) {
    let c = ctx();
    crate::objects::typeobj::add_methods(&c.str_type, methods_str::METHODS);
    crate::objects::typeobj::add_methods(&c.list_type, methods_list::METHODS);
    methods_list::install_slots();
    crate::objects::typeobj::add_methods(&c.set_type, methods_set::SET_METHODS);
    crate::objects::typeobj::add_methods(&c.frozenset_type, methods_set::FROZENSET_METHODS);
    methods_dict::install();
    methods_num::install();
    special_methods::install();
    methods_bytes::install(vm);
}

fn set(vm: &mut Vm, d: &PyObj, name: &str, v: PyObj) {
    vm.dict_set_str(d, name, v)
        .expect("str keys hash and compare without error");
}

/// A built-in module by name, made on first import; None if there is none.
pub fn make_module(vm: &mut Vm, name: &str) -> VmResult<Option<PyObj>> {
    Ok(match name {
        "builtins" => {
            let b = vm.builtins.clone();
            Some(module::new(string::intern_str("builtins"), b))
        }
        "sys" => Some(sys::make(vm)?),
        "gc" => Some(gc::make(vm)?),
        "math" => Some(math::make(vm)?),
        "array" => Some(array_mod::make(vm)?),
        "cmath" => Some(cmath::make(vm)?),
        "time" => Some(time::make(vm)?),
        "errno" => Some(oserror::make_errno(vm)?),
        "io" | "_io" => Some(io::make(vm)?),
        "os" => Some(os::make(vm)?),
        "os.path" | "posixpath" => {
            let m = vm.import(&string::intern_str("os"))?;
            Some(vm.getattr(&m, &string::intern_str("path"))?)
        }
        "_imp" => Some(importlib::make(vm)?),
        "_struct" => Some(struct_mod::make(vm)?),
        "_collections" => Some(collections_mod::make(vm)?),
        "_random" => Some(random_mod::make(vm)?),
        "_sre" => Some(re::make(vm)?),
        "_json" => Some(json::make(vm)?),
        "_tracemalloc" => Some(tracemalloc_mod::make(vm)?),
        "_weakref" => Some(weakref_mod::make(vm)?),
        "_dis" => Some(dis_mod::make(vm)?),
        "_glass" => Some(glass::make(vm)?),
        _ => None,
    })
}
