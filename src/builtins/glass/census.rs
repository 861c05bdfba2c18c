//! The census behind `glass`: every object the interpreter can reach (from the
//! collector's lists, the VM's frames and stack, sys.modules, the builtins, the
//! built-in types and the preallocated singletons), found with an explicit work list, never Rust recursion; what
//! each object is called, its letter on the map, its short repr, and the buffers it
//! owns.

use std::collections::{HashMap, HashSet};

use crate::heap::{self, PyObj, TypeRef};
use crate::objects::dict::Dict;
use crate::objects::list::List;
use crate::objects::set::Set;
use crate::objects::{ctx, int, string, tuple, typeobj};
use crate::vm::Vm;

/// Every reachable object once, in discovery order. `barrier` (a snapshot's dict) is
/// neither counted nor looked into, so what only it holds is left out.
pub fn census(vm: &Vm, barrier: Option<&PyObj>) -> Vec<PyObj> {
    // Built-in types' dicts are filled on first use (typeobj/lazy_dict.rs): the census
    // sees them full, so what it counts does not depend on which types a program
    // happened to look into.
    typeobj::lazy_dict::fill_all();
    let c = ctx();
    let mut roots: Vec<PyObj> = Vec::new();
    roots.extend(vm.stack.iter().cloned());
    for f in &vm.frames {
        roots.push(f.code.clone());
        roots.extend(f.globals.iter().cloned());
        roots.extend(f.builtins.iter().cloned());
        roots.extend(f.locals.iter().cloned());
        roots.extend(f.gen.iter().cloned());
    }
    roots.push(vm.modules.clone());
    roots.push(vm.builtins.clone());
    roots.extend(vm.handled.iter().cloned());
    roots.extend(vm.std_streams.iter().flatten().cloned());
    roots.extend(heap::gc_get_objects(None));
    roots.extend(heap::gc_get_permanent_objects());
    roots.extend(c.all_types().map(|t| t.as_obj().clone()));
    // The preallocated objects live from start to end, referenced or not.
    roots.extend(c.small_ints.iter().cloned());
    roots.extend(c.latin1.iter().cloned());
    roots.extend(c.byte_chars.iter().cloned());
    for o in [
        &c.none,
        &c.true_,
        &c.false_,
        &c.not_implemented,
        &c.ellipsis,
        &c.empty_tuple,
        &c.empty_str,
        &c.empty_bytes,
    ] {
        roots.push(o.clone());
    }
    let mut seen: HashSet<usize> = HashSet::new();
    seen.insert(c.null.id());
    if let Some(b) = barrier {
        seen.insert(b.id());
    }
    let mut out = Vec::new();
    let mut work = roots;
    work.reverse();
    while let Some(o) = work.pop() {
        if !seen.insert(o.id()) {
            continue;
        }
        o.visit_children(&mut |ch| {
            if !seen.contains(&ch.id()) {
                work.push(ch.clone());
            }
        });
        out.push(o);
    }
    out
}

/// The name `glass` gives a type: `__name__`, with the module for classes defined
/// outside builtins (`__main__.Point`).
pub fn type_label(vm: &mut Vm, ty: &TypeRef) -> String {
    let name = typeobj::info(ty).name.to_string();
    if !typeobj::is_heap_type(ty) {
        return name;
    }
    let module = vm
        .dict_get_str(&typeobj::type_dict(ty), "__module__")
        .and_then(|m| string::as_str(&m).map(|s| s.into_owned()));
    match module {
        Some(m) if m != "builtins" => format!("{m}.{name}"),
        _ => name,
    }
}

/// Type labels cached by type address (a census names thousands of objects).
#[derive(Default)]
pub struct Labels(HashMap<usize, String>);

impl Labels {
    pub fn of(&mut self, vm: &mut Vm, o: &PyObj) -> String {
        let ty = o.type_obj();
        self.0
            .entry(ty.as_obj().id())
            .or_insert_with(|| type_label(vm, &ty))
            .clone()
    }
}

/// The map's letter for an object's type, and the legend's name for it.
pub const LETTERS: &[(char, &str)] = &[
    ('i', "int / bool"),
    ('f', "float"),
    ('s', "str"),
    ('b', "bytes / bytearray"),
    ('t', "tuple"),
    ('l', "list"),
    ('d', "dict"),
    ('e', "set / frozenset"),
    ('F', "function / method"),
    ('c', "code"),
    ('T', "type"),
    ('M', "module"),
    ('o', "instance of a class"),
    ('x', "other object"),
    ('#', "buffer owned by an object"),
    ('*', "interpreter's own block"),
    ('.', "free block"),
];

/// The letter of one object on the map.
pub fn letter(o: &PyObj) -> char {
    let c = ctx();
    let ty = o.type_obj();
    let is = |t: &TypeRef| ty.as_obj().is(t.as_obj());
    if is(&c.int_type) || is(&c.bool_type) {
        'i'
    } else if is(&c.float_type) {
        'f'
    } else if is(&c.str_type) {
        's'
    } else if is(&c.bytes_type) || is(&c.bytearray_type) {
        'b'
    } else if is(&c.tuple_type) {
        't'
    } else if is(&c.list_type) {
        'l'
    } else if is(&c.dict_type) {
        'd'
    } else if is(&c.set_type) || is(&c.frozenset_type) {
        'e'
    } else if is(&c.function_type)
        || is(&c.method_type)
        || is(&c.builtin_function_type)
        || is(&c.method_descriptor_type)
    {
        'F'
    } else if is(&c.code_type) {
        'c'
    } else if is(&c.module_type) {
        'M'
    } else if TypeRef::from_obj::<typeobj::TypeInfo>(o).is_some() {
        'T'
    } else if typeobj::is_heap_type(&ty) {
        'o'
    } else {
        'x'
    }
}

/// A short repr that runs no Python code: built-in values as repr shows them (cut
/// to `max` characters), containers as their length (`len 3`), anything else by its
/// type.
pub fn short_repr(vm: &mut Vm, o: &PyObj, max: usize) -> String {
    let c = ctx();
    let ty = o.type_obj();
    let is = |t: &TypeRef| ty.as_obj().is(t.as_obj());
    let s = if is(&c.int_type)
        || is(&c.bool_type)
        || is(&c.float_type)
        || is(&c.str_type)
        || is(&c.bytes_type)
        || o.is(&c.none)
    {
        vm.repr(o).unwrap_or_else(|_| "?".into())
    } else if let Some(items) = tuple::items(o).filter(|_| is(&c.tuple_type)) {
        format!("len {}", items.len())
    } else if let Ok(l) = o.borrow::<List>() {
        format!("len {}", l.0.len())
    } else if let Some(n) = crate::objects::dict::len(o).filter(|_| o.is_a::<Dict>()) {
        format!("len {n}")
    } else if let Some(n) = crate::objects::set::len(o).filter(|_| o.is_a::<Set>()) {
        format!("len {n}")
    } else if let Some(t) = TypeRef::from_obj::<typeobj::TypeInfo>(o) {
        format!("<class '{}'>", typeobj::info(&t).name)
    } else {
        format!("<{} object>", typeobj::info(&ty).name)
    };
    cut(&s, max)
}

/// `s` cut to `max` characters, with `...` when cut.
pub fn cut(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_string()
    } else {
        let mut t: String = s.chars().take(max.saturating_sub(3)).collect();
        t.push_str("...");
        t
    }
}

/// The buffers an object owns (or shares), each as (what, address, bytes): a list's
/// item array, a dict's keys object and split values, a set's table, an instance's
/// values block.
pub fn buffers(o: &PyObj) -> Vec<(&'static str, usize, usize)> {
    let mut out = Vec::new();
    if let Ok(l) = o.borrow::<List>() {
        if l.0.capacity() > 0 {
            out.push((
                "item array",
                l.0.as_ptr().addr(),
                l.0.capacity() * std::mem::size_of::<PyObj>(),
            ));
        }
    } else if let Ok(d) = o.borrow::<Dict>() {
        out.extend(d.0.buffers());
    } else if let Ok(s) = o.borrow::<Set>() {
        if let Some((a, n)) = s.0.table_buffer() {
            out.push(("hash table", a, n));
        }
    }
    if let Some(slot) = o.values_slot() {
        let v = slot.take();
        if let Some(t) = &v {
            out.push(("inline values", t.addr(), t.block_size()));
        }
        slot.set(v);
    }
    out
}

/// Is `o` one of the preallocated objects (small int, None, True, False, the empty
/// tuple / str / bytes, a one-character str or one-byte bytes)?
pub fn is_cached(o: &PyObj) -> bool {
    let c = ctx();
    let singles = [
        &c.none,
        &c.true_,
        &c.false_,
        &c.not_implemented,
        &c.ellipsis,
        &c.empty_tuple,
        &c.empty_str,
        &c.empty_bytes,
    ];
    if singles.iter().any(|s| s.is(o)) {
        return true;
    }
    if let Some(v) = int::as_i64(o).filter(|_| o.is_type(&c.int_type)) {
        return (-5..=256).contains(&v) && c.small_ints[(v + 5) as usize].is(o);
    }
    if o.is_type(&c.str_type) {
        return c.latin1.iter().any(|s| s.is(o));
    }
    if o.is_type(&c.bytes_type) {
        return c.byte_chars.iter().any(|s| s.is(o));
    }
    false
}

/// An instance's attributes held in its values block (no `__dict__` made yet), as
/// (name, value) in insertion order; empty for anything else. Reads the values
/// without creating the dict, so looking does not change the heap.
pub fn inline_attrs(o: &PyObj) -> Vec<(PyObj, PyObj)> {
    let ty = o.type_obj();
    let info = typeobj::info(&ty);
    let Some(keys) = info.heap.as_ref().and_then(|h| h.cached_keys.as_ref()) else {
        return Vec::new();
    };
    let Some(slot) = o.values_slot() else {
        return Vec::new();
    };
    let names = crate::objects::dicttable::shared_names(keys);
    let v = slot.take();
    let mut out = Vec::new();
    if let Some(t) = &v {
        for (name, val) in names.iter().zip(t.entries()) {
            if let (Some(n), Some(x)) = (name, val) {
                out.push((n.clone(), x.clone()));
            }
        }
    }
    slot.set(v);
    out
}
