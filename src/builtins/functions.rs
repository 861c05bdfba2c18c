//! The builtin functions for I/O, identity, attributes, iteration, characters and
//! introspection: print, input, len, repr, ascii, id, hash, iter, next, getattr,
//! setattr, hasattr, delattr, callable, isinstance, issubclass, chr, ord, hex, oct,
//! bin, format, vars, dir, globals, locals; and exit / quit. The numeric and
//! reducing builtins are in functions_seq.rs.

use std::borrow::Cow;

use crate::bytecode::code::flags;
use crate::heap::{Payload, PyObj, TypeRef, Visit};
use crate::objects::args::{as_c_int, number_index, Args};
use crate::objects::builtin_function::{BuiltinFunction, MethodDef, MethodDescr};
use crate::objects::code::Code;
use crate::objects::exceptions;
use crate::objects::exceptions::type_error;
use crate::objects::exceptions::{Exc, VmResult};
use crate::objects::function::Function;
use crate::objects::method::Method;
use crate::objects::module::{self, Module};
use crate::objects::numeric::{int_to_prefixed, Int};
use crate::objects::runtime::Runtime;
use crate::objects::typeobj::slots::SlotTable;
use crate::objects::typeobj::{self, TypeInfo};
use crate::objects::{cell, ctx, dict, int, list, string};
use crate::vm::ops::{self, bool_obj};
use crate::vm::Vm;

use super::{functions_seq, methods_list};

macro_rules! defs {
    ($($name:literal => $f:path,)*) => {
        &[$(MethodDef { name: $name, func: $f },)*]
    };
}

/// The builtin functions, in the builtins namespace.
pub static FUNCTIONS: &[MethodDef] = defs! {
    "print" => print,
    "input" => input,
    "len" => len,
    "repr" => repr,
    "ascii" => ascii,
    "id" => id,
    "hash" => hash,
    "iter" => iter,
    "next" => next,
    "getattr" => getattr,
    "setattr" => setattr,
    "hasattr" => hasattr,
    "delattr" => delattr,
    "callable" => callable,
    "isinstance" => isinstance,
    "issubclass" => issubclass,
    "chr" => chr,
    "ord" => ord,
    "hex" => hex,
    "oct" => oct,
    "bin" => bin,
    "format" => format,
    "vars" => vars,
    "dir" => dir,
    "globals" => globals,
    "locals" => locals,
    "abs" => functions_seq::abs,
    "round" => functions_seq::round,
    "divmod" => functions_seq::divmod,
    "pow" => functions_seq::pow,
    "any" => functions_seq::any,
    "all" => functions_seq::all,
    "sum" => functions_seq::sum,
    "min" => functions_seq::min,
    "max" => functions_seq::max,
    "sorted" => functions_seq::sorted,
};

// ----- I/O ------------------------------------------------------------------------

/// print(*objects, sep=' ', end='\n', file=None, flush=False)
fn print(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    for (k, _) in args.kwargs() {
        let k = string::as_str(k).unwrap_or_default();
        if !["sep", "end", "file", "flush"].contains(&k.as_ref()) {
            return Err(type_error(format!(
                "'{k}' is an invalid keyword argument for print()"
            )));
        }
    }
    let none = &ctx().none;
    let text_arg = |name: &str, default: &str| -> VmResult<String> {
        match args.kw(name) {
            None => Ok(default.to_string()),
            Some(v) if v.is(none) => Ok(default.to_string()),
            Some(v) => match string::view(v) {
                Some(s) => Ok(s.to_str_lossy().into_owned()),
                None => Err(type_error(format!(
                    "{name} must be None or a string, not {}",
                    typeobj::type_name(v)
                ))),
            },
        }
    };
    let sep = text_arg("sep", " ")?;
    let end = text_arg("end", "\n")?;
    // Without file=, sys.stdout as it is now (a program may have replaced it).
    let current;
    let file = match args.kw("file").filter(|f| !f.is(none)) {
        Some(f) => Some(f),
        None => {
            current = super::sys::current_stdout(vm);
            match &current {
                Some(f) if f.is(none) => return Ok(none.clone()),
                f => f.as_ref(),
            }
        }
    };
    let to_stdout = file.is_none_or(|f| vm.std_streams[0].as_ref().is_some_and(|s| s.is(f)));
    let to_stderr = file.is_some_and(|f| vm.is_stderr(f));
    if to_stderr {
        let mut out = String::new();
        for (i, o) in args.pos().iter().enumerate() {
            if i > 0 {
                out.push_str(&sep);
            }
            out.push_str(&vm.str(o)?);
        }
        out.push_str(&end);
        vm.flush();
        eprint!("{out}");
    } else if to_stdout {
        // Piece by piece, as CPython's print calls write: where the text layer's
        // chunks end decides how text and sys.stdout.buffer writes interleave.
        for (i, o) in args.pos().iter().enumerate() {
            if i > 0 {
                vm.write_stdout(&sep);
            }
            let s = vm.str(o)?;
            vm.write_stdout(&s);
        }
        vm.write_stdout(&end);
    } else if file.is_some_and(super::io::is_file_text) {
        // An open() text file: its write without a method call per piece.
        let f = file.expect("a file");
        for (i, o) in args.pos().iter().enumerate() {
            if i > 0 {
                super::io::write_text(vm, f, &string::new(&sep))?;
            }
            let s = vm.str_obj(o)?;
            super::io::write_text(vm, f, &s)?;
        }
        super::io::write_text(vm, f, &string::new(&end))?;
    } else {
        // Any other file: its write(), once per piece, as CPython.
        let write = vm.getattr(file.expect("a file"), &string::intern_str("write"))?;
        let put = |vm: &mut Vm, s: PyObj| -> VmResult<()> {
            vm.call(&write, Args::positional(&[s]))?;
            Ok(())
        };
        for (i, o) in args.pos().iter().enumerate() {
            if i > 0 {
                put(vm, string::new(&sep))?;
            }
            let s = vm.str_obj(o)?;
            put(vm, s)?;
        }
        put(vm, string::new(&end))?;
    }
    if let Some(f) = args.kw("flush") {
        if vm.truthy(f)? {
            vm.flush();
            if let Some(file) = file.filter(|_| !to_stdout && !to_stderr) {
                let flush = vm.getattr(file, &string::intern_str("flush"))?;
                vm.call(&flush, Args::positional(&[]))?;
            }
        }
    }
    Ok(none.clone())
}

/// input(prompt='')
fn input(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let pos = args.range("input", 0, 1)?;
    if let Some(p) = pos.first() {
        let s = vm.str(p)?;
        vm.write_stdout(&s);
    }
    vm.flush();
    let mut line = String::new();
    match std::io::stdin().read_line(&mut line) {
        Ok(0) => Err(exceptions::named("EOFError", "EOF when reading a line")),
        Ok(_) => {
            if line.ends_with('\n') {
                line.pop();
                if line.ends_with('\r') {
                    line.pop();
                }
            }
            Ok(string::new(&line))
        }
        Err(e) => Err(exceptions::named("OSError", e.to_string())),
    }
}

// ----- objects --------------------------------------------------------------------

/// len(obj)
fn len(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let o = args.one("len")?;
    Ok(int::new_i64(rt.len(o)? as i64))
}

/// repr(obj)
fn repr(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let o = args.one("repr")?;
    vm.repr_obj(o)
}

/// ascii(obj)
fn ascii(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let o = args.one("ascii")?;
    vm.ascii_obj(o)
}

/// id(obj): the object's address.
fn id(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let o = args.one("id")?;
    ops::int_obj(&Int::from_i128(o.id() as i128))
}

/// hash(obj)
fn hash(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let o = args.one("hash")?;
    let h = vm.hash(o)?;
    Ok(int::new_i64(h))
}

/// iter(iterable) / iter(callable, sentinel)
fn iter(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    args.no_kw("iter")?;
    match args.range("iter", 1, 2)? {
        [o] => vm.iter(o),
        [f, sentinel] => {
            if !is_callable(f) {
                return Err(type_error("iter(v, w): v must be callable"));
            }
            Ok(super::iterators::call_iter(f.clone(), sentinel.clone()))
        }
        _ => unreachable!("range() checked the count"),
    }
}

/// next(iterator[, default])
fn next(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let pos = args.range("next", 1, 2)?;
    if pos[0].is_a::<crate::objects::generator::Generator>() {
        // A generator's return value travels in the StopIteration.
        return match vm.gen_send(&pos[0], None)? {
            crate::vm::gen::GenResult::Yield(v) => Ok(v),
            crate::vm::gen::GenResult::Return(v) => match pos.get(1) {
                Some(d) => Ok(d.clone()),
                None => Err(crate::vm::gen::stop_iteration(v)),
            },
        };
    }
    match vm.next(&pos[0])? {
        Some(v) => Ok(v),
        None => match pos.get(1) {
            Some(d) => Ok(d.clone()),
            None => Err(exceptions::named_empty("StopIteration")),
        },
    }
}

fn attr_name(name: &PyObj) -> VmResult<&PyObj> {
    if string::view(name).is_none() {
        return Err(type_error(format!(
            "attribute name must be string, not '{}'",
            typeobj::type_name(name)
        )));
    }
    Ok(name)
}

fn is_attribute_error(e: &Exc) -> bool {
    exceptions::matches(&e.0, ctx().exc_type("AttributeError"))
}

/// getattr(object, name[, default])
fn getattr(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let pos = args.range("getattr", 2, 3)?;
    let name = attr_name(&pos[1])?;
    match vm.getattr(&pos[0], name) {
        Err(e) if pos.len() == 3 && is_attribute_error(&e) => Ok(pos[2].clone()),
        r => r,
    }
}

/// setattr(object, name, value)
fn setattr(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let pos = args.range("setattr", 3, 3)?;
    let name = attr_name(&pos[1])?;
    vm.setattr(&pos[0], name, Some(pos[2].clone()))?;
    Ok(ctx().none.clone())
}

/// hasattr(object, name)
fn hasattr(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let pos = args.range("hasattr", 2, 2)?;
    let name = attr_name(&pos[1])?;
    match vm.getattr(&pos[0], name) {
        Ok(_) => Ok(bool_obj(true)),
        Err(e) if is_attribute_error(&e) => Ok(bool_obj(false)),
        Err(e) => Err(e),
    }
}

/// delattr(object, name)
fn delattr(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let pos = args.range("delattr", 2, 2)?;
    let name = attr_name(&pos[1])?;
    let o = &pos[0];
    if o.is_a::<Function>() {
        // A function's own attributes live in its __dict__.
        let d = vm.getattr(o, &string::intern_str("__dict__"))?;
        let removed = vm.dict_del(&d, name)?;
        if removed.is_none() {
            return Err(exceptions::named(
                "AttributeError",
                format!(
                    "'function' object has no attribute '{}'",
                    string::view(name).expect("checked").to_str_lossy()
                ),
            ));
        }
        drop(removed);
        return Ok(ctx().none.clone());
    }
    vm.setattr(o, name, None)?;
    Ok(ctx().none.clone())
}

/// Can `o` be called?
pub fn is_callable(o: &PyObj) -> bool {
    o.is_a::<Function>()
        || o.is_a::<BuiltinFunction>()
        || o.is_a::<MethodDescr>()
        || o.is_a::<Method>()
        || TypeRef::from_obj::<TypeInfo>(o).is_some()
        || typeobj::slotdefs::slots_of_type(&o.type_obj())
            .call
            .get()
            .is_some()
}

/// callable(obj)
fn callable(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let o = args.one("callable")?;
    if o.vtable().heap_type {
        let key = string::intern_str("__call__");
        return Ok(bool_obj(vm.type_lookup(&o.type_obj(), &key)?.is_some()));
    }
    Ok(bool_obj(
        is_callable(o) || o.is_type(&ctx().staticmethod_type),
    ))
}

/// isinstance(obj, class_or_tuple)
fn isinstance(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let pos = args.range("isinstance", 2, 2)?;
    let r = Vm::of(rt).isinstance(&pos[0], &pos[1])?;
    Ok(bool_obj(r))
}

/// issubclass(cls, class_or_tuple)
fn issubclass(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let pos = args.range("issubclass", 2, 2)?;
    let r = Vm::of(rt).issubclass(&pos[0], &pos[1])?;
    Ok(bool_obj(r))
}

// ----- characters and numbers as text ---------------------------------------------

/// chr(i)
fn chr(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let o = args.one("chr")?;
    let v = as_c_int(o)?;
    if !(0..0x110000).contains(&v) {
        return Err(exceptions::value_error("chr() arg not in range(0x110000)"));
    }
    Ok(ops::char_str(v as u32))
}

/// ord(c)
fn ord(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let o = args.one("ord")?;
    if crate::objects::bytes::is_bytes(o) || crate::objects::bytearray::is_bytearray(o) {
        let d = crate::objects::buffer::to_vec(o).expect("a buffer")?;
        if d.len() != 1 {
            return Err(type_error(format!(
                "ord() expected a character, but string of length {} found",
                d.len()
            )));
        }
        return Ok(int::new_i64(i64::from(d[0])));
    }
    let Some(v) = string::view(o) else {
        return Err(type_error(format!(
            "ord() expected string of length 1, but {} found",
            typeobj::type_name(o)
        )));
    };
    if v.len() != 1 {
        return Err(type_error(format!(
            "ord() expected a character, but string of length {} found",
            v.len()
        )));
    }
    Ok(int::new_i64(i64::from(v.char_at(0))))
}

fn prefixed(vm: &mut Vm, args: Args<'_>, fname: &str, base: u32) -> VmResult<PyObj> {
    let o = vm.index_arg(args.one(fname)?)?;
    let v = number_index(&o)?;
    Ok(string::new(&int_to_prefixed(&v, base)))
}

/// hex(i)
fn hex(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    prefixed(vm, args, "hex", 16)
}

/// oct(i)
fn oct(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    prefixed(vm, args, "oct", 8)
}

/// bin(i)
fn bin(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    prefixed(vm, args, "bin", 2)
}

/// format(value, format_spec='')
fn format(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let pos = args.range("format", 1, 2)?;
    if let Some(spec) = pos.get(1) {
        if string::view(spec).is_none() {
            return Err(type_error(format!(
                "format() argument 2 must be str, not {}",
                typeobj::type_name(spec)
            )));
        }
    }
    vm.format(&pos[0], pos.get(1))
}

// ----- namespaces -----------------------------------------------------------------

/// globals()
fn globals(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    args.none("globals")?;
    Ok(match vm.frames.len() {
        0 => vm.builtins.clone(),
        n => vm.frame_globals(n - 1),
    })
}

/// locals(): the current frame's namespace at module level, else a new dict of the
/// bound fast locals, cells and free variables (as PyFrame_FastToLocals).
pub(crate) fn frame_locals(vm: &mut Vm) -> VmResult<PyObj> {
    let Some(f) = vm.frames.last() else {
        return Ok(vm.builtins.clone());
    };
    let code_obj = f.code.clone();
    let code = code_obj.get::<Code>().expect("a frame runs a code object");
    if code.flags & flags::OPTIMIZED == 0 {
        return Ok(match f.locals.clone() {
            Some(l) => l,
            None => vm.frame_globals(vm.frames.len() - 1),
        });
    }
    // A function's frame keeps one dict (CPython 3.11's f_locals): each call brings
    // it up to date with the fast locals, and keys exec() added stay.
    let d = match &f.locals {
        Some(d) => d.clone(),
        None => {
            let d = dict::new();
            vm.frames.last_mut().expect("a frame").locals = Some(d.clone());
            d
        }
    };
    let f = vm.frames.last().expect("a frame");
    let base = f.base;
    let null = &ctx().null;
    // CPython's order: the parameters and other locals (a parameter that is also a
    // cell at its parameter's place), then the other cells, then the free variables.
    let nlocals = code.varnames.len();
    let mut values: Vec<Option<PyObj>> = (0..nlocals)
        .map(|i| Some(vm.stack[base + i].clone()).filter(|v| !v.is(null)))
        .collect();
    let mut later: Vec<(PyObj, PyObj)> = Vec::new();
    for (j, name) in code.cellvars.iter().chain(&code.freevars).enumerate() {
        let v = cell::get(&vm.stack[base + nlocals + j]);
        match code.cell2arg.get(j).copied().flatten() {
            Some(arg) => values[arg as usize] = v,
            None => later.extend(v.map(|v| (name.clone(), v))),
        }
    }
    let unbound: Vec<PyObj> = code
        .varnames
        .iter()
        .zip(&values)
        .filter(|(_, v)| v.is_none())
        .map(|(n, _)| n.clone())
        .collect();
    let pairs: Vec<(PyObj, PyObj)> = code
        .varnames
        .iter()
        .zip(values)
        .filter_map(|(n, v)| v.map(|v| (n.clone(), v)))
        .chain(later)
        .collect();
    for k in unbound {
        if vm.dict_get(&d, &k)?.is_some() {
            vm.dict_delete_name(&d, &k)?;
        }
    }
    for (k, v) in pairs {
        vm.dict_set(&d, k, v)?;
    }
    Ok(d)
}

/// locals()
fn locals(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    args.none("locals")?;
    frame_locals(vm)
}

/// An object's `__dict__`, for vars().
fn instance_dict(vm: &mut Vm, o: &PyObj) -> VmResult<Option<PyObj>> {
    if let Some(d) = module::dict(o) {
        return Ok(Some(d.clone()));
    }
    if let Some(t) = TypeRef::from_obj::<TypeInfo>(o) {
        // A class's namespace, read-only (CPython's type.__dict__).
        return Ok(Some(dict::new_mappingproxy(typeobj::type_dict(&t))));
    }
    if o.is_a::<Function>() {
        return vm.getattr(o, &string::intern_str("__dict__")).map(Some);
    }
    if o.vtable().heap_type || o.is_a::<crate::objects::exception::ExcObj>() {
        return Ok(vm.getattr(o, &string::intern_str("__dict__")).ok());
    }
    Ok(None)
}

/// vars([object])
fn vars(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    match args.range("vars", 0, 1)? {
        [] => frame_locals(vm),
        [o] => instance_dict(vm, o)?
            .ok_or_else(|| type_error("vars() argument must have __dict__ attribute")),
        _ => unreachable!("range() checked the count"),
    }
}

/// A new list of the str keys of `d`, sorted.
fn sorted_keys(vm: &mut Vm, keys: Vec<PyObj>) -> VmResult<PyObj> {
    let l = list::new_exact(keys);
    methods_list::sort_list(vm, &l, None, false)?;
    Ok(l)
}

/// The unsorted names object.__dir__ / type.__dir__ give: the attributes of the type
/// (of the object itself for a type) and its bases, then an object's own `__dict__`.
pub fn attribute_names(vm: &mut Vm, o: &PyObj) -> VmResult<Vec<PyObj>> {
    let names = dict::new();
    let start = TypeRef::from_obj::<TypeInfo>(o).unwrap_or_else(|| o.type_obj());
    let mro = typeobj::mro(&start);
    for t in typeobj::mro_types(&mro) {
        let td = typeobj::type_dict(&t);
        for (k, _) in dict::items(&td).unwrap_or_default() {
            vm.dict_set(&names, k, ctx().none.clone())?;
        }
    }
    if TypeRef::from_obj::<TypeInfo>(o).is_none() {
        if let Some(d) = instance_dict(vm, o)? {
            for (k, _) in dict::items(&d).unwrap_or_default() {
                vm.dict_set(&names, k, ctx().none.clone())?;
            }
        }
    }
    Ok(dict::items(&names)
        .unwrap_or_default()
        .into_iter()
        .map(|(k, _)| k)
        .collect())
}

/// object.__dir__(self) and type.__dir__(cls).
pub fn object_dir(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let o = args.one("__dir__")?;
    let names = attribute_names(vm, o)?;
    Ok(list::new_exact(names))
}

/// dir([object]): the sorted names the object's `__dir__` gives (a module's
/// globals for a module).
fn dir(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let keys: Vec<PyObj> = match args.range("dir", 0, 1)? {
        [] => {
            let ns = frame_locals(vm)?;
            dict::items(&ns)
                .unwrap_or_default()
                .into_iter()
                .map(|(k, _)| k)
                .collect()
        }
        [o] => {
            if let Some(m) = o.get::<Module>() {
                let d = m.dict.clone();
                dict::items(&d)
                    .unwrap_or_default()
                    .into_iter()
                    .map(|(k, _)| k)
                    .collect()
            } else {
                let ty = o.type_obj();
                let f = vm.type_lookup_static(&ty, "__dir__")?;
                let native = f.as_ref().is_some_and(|f| {
                    f.get::<crate::objects::builtin_function::MethodDescr>()
                        .is_some_and(|d| d.def.func as usize == object_dir as *const () as usize)
                });
                match f {
                    Some(f) if !native => {
                        let bound = vm.bind_descriptor(f, Some(o), &ty)?;
                        let r = vm.call(&bound, Args::positional(&[]))?;
                        vm.collect_iter(&r)?
                    }
                    _ => attribute_names(vm, o)?,
                }
            }
        }
        _ => unreachable!("range() checked the count"),
    };
    sorted_keys(vm, keys)
}

// ----- exit and quit --------------------------------------------------------------

/// exit and quit: CPython's _sitebuiltins.Quitter instances (56 bytes).
pub struct Quitter {
    name: PyObj,
    eof: PyObj,
    dict: Option<PyObj>,
}

impl Payload for Quitter {
    type Item = ();
    const NAME: &'static str = "Quitter";
    const GC: bool = true;
    fn traverse(&self, _: &[()], visit: Visit<'_>) {
        visit(&self.name);
        visit(&self.eof);
        if let Some(d) = &self.dict {
            visit(d);
        }
    }
}

thread_local! {
    static QUITTER_TYPE: TypeRef = {
        let c = ctx();
        TypeRef::new::<TypeInfo, Quitter>(
            &c.type_type,
            TypeInfo::new(Cow::Borrowed("Quitter"), Some(c.object_type.clone())),
        )
    };
}

fn quitter_repr(_rt: &mut dyn Runtime, o: &PyObj) -> VmResult<String> {
    let q = o.get::<Quitter>().expect("registered for Quitter");
    let name = string::as_str(&q.name).unwrap_or_default();
    let eof = string::as_str(&q.eof).unwrap_or_default();
    Ok(format!("Use {name}() or {eof} to exit"))
}

/// exit(code=None): raise SystemExit(code).
fn quitter_call(_rt: &mut dyn Runtime, o: &PyObj, args: Args<'_>) -> VmResult<PyObj> {
    let q = o.get::<Quitter>().expect("registered for Quitter");
    let name = string::as_str(&q.name).unwrap_or_default().into_owned();
    let pos = args.pos();
    if pos.len() > 1 {
        return Err(type_error(format!(
            "Quitter.__call__() takes from 1 to 2 positional arguments but {} were given",
            pos.len() + 1
        )));
    }
    let mut code = pos.first().cloned();
    for (k, v) in args.kwargs() {
        let k = string::as_str(k).unwrap_or_default();
        if k != "code" || code.is_some() {
            let _ = &name;
            return Err(type_error(format!(
                "Quitter.__call__() got an unexpected keyword argument '{k}'"
            )));
        }
        code = Some(v.clone());
    }
    let code = code.unwrap_or_else(|| ctx().none.clone());
    let exc = exceptions::new_exc(ctx().exc_type("SystemExit"), vec![code]);
    Err(Exc(exc))
}

/// The exit and quit objects.
fn quitters() -> [(&'static str, PyObj); 2] {
    let ty = QUITTER_TYPE.with(Clone::clone);
    let make = |name: &str| {
        PyObj::new(
            &ty,
            Quitter {
                name: string::intern_str(name),
                eof: string::new("Ctrl-D (i.e. EOF)"),
                dict: None,
            },
        )
    };
    [("exit", make("exit")), ("quit", make("quit"))]
}

/// Register the slots of this file's types (once per thread).
pub fn install_types() {
    QUITTER_TYPE.with(|t| {
        typeobj::install_builtin_slots(
            t,
            &SlotTable {
                call: Some(quitter_call),
                repr: Some(quitter_repr),
                ..SlotTable::EMPTY
            },
        );
    });
}

/// Objects (not functions) this file adds to builtins.
pub fn builtin_objects() -> Vec<(&'static str, PyObj)> {
    quitters().into_iter().collect()
}
