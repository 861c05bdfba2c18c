//! `__doc__` in every built-in type's dict, as PyType_Ready puts it there: glasspy's
//! own one-paragraph descriptions for the core types (python3's docstrings are not
//! copied; docs/differences.md says so), None for the others (CPython's value for a
//! type without tp_doc, such as NoneType).

use crate::heap::{PyObj, TypeRef};
use crate::objects::{ctx, dict, string, typeobj};

/// (type name, doc) for the types that get a text.
const DOCS: &[(&str, &str)] = &[
    (
        "object",
        "The root of every class hierarchy; object() makes a plain instance.",
    ),
    (
        "type",
        "type(obj) gives the type of obj; type(name, bases, namespace) makes a class.",
    ),
    (
        "int",
        "int(x=0) or int(text, base=10): an integer of any size.",
    ),
    (
        "bool",
        "bool(x=False): True when x is truthy, else False. A subclass of int.",
    ),
    (
        "float",
        "float(x=0.0): a double-precision binary floating-point number.",
    ),
    (
        "complex",
        "complex(real=0, imag=0): a complex number of two floats.",
    ),
    (
        "str",
        "str(object='') or str(bytes, encoding, errors): an immutable text string.",
    ),
    (
        "bytes",
        "bytes(source=b''): an immutable sequence of bytes.",
    ),
    (
        "bytearray",
        "bytearray(source=b''): a mutable sequence of bytes.",
    ),
    (
        "list",
        "list(iterable=()): a mutable sequence, over-allocated as it grows.",
    ),
    ("tuple", "tuple(iterable=()): an immutable sequence."),
    (
        "dict",
        "dict(mapping_or_iterable=(), **kwargs): a hash table keeping insertion order.",
    ),
    (
        "set",
        "set(iterable=()): a mutable collection of distinct hashable items.",
    ),
    (
        "frozenset",
        "frozenset(iterable=()): an immutable, hashable set.",
    ),
    (
        "range",
        "range(stop) or range(start, stop, step=1): an immutable arithmetic sequence.",
    ),
    (
        "slice",
        "slice(stop) or slice(start, stop, step=None): the indices of a[start:stop:step].",
    ),
    (
        "property",
        "property(fget=None, fset=None, fdel=None, doc=None): a managed attribute.",
    ),
    (
        "staticmethod",
        "staticmethod(function): a function called without an implicit first argument.",
    ),
    (
        "classmethod",
        "classmethod(function): a function called with the class as first argument.",
    ),
    (
        "super",
        "super() or super(type, obj): the next class of obj's MRO after type, for lookups.",
    ),
];

/// Set `__doc__` in each built-in type's dict that has none yet. The dicts of the
/// types nobody has used yet are filled on first use (lazy_dict.rs): `__doc__` goes in
/// then, after the fills queued before it, as if set now.
pub fn install() {
    for ty in ctx().all_types() {
        typeobj::lazy_dict::fill(ty, typeobj::lazy_dict::Fill::Put(put_doc));
    }
}

/// `ty`'s `__doc__` into its dict `d`, unless `d` has one.
fn put_doc(ty: &TypeRef, d: &PyObj) {
    let key = string::intern_str("__doc__");
    let h = string::hash(&key).expect("a str hashes");
    let has = dict::get_item(d, &key, h, &mut dict::builtin_eq)
        .ok()
        .flatten();
    if has.is_some() {
        return;
    }
    let name = &typeobj::info(ty).name;
    let doc = match DOCS.iter().find(|(n, _)| *n == name.as_ref()) {
        Some((_, text)) => string::new(text),
        None => ctx().none.clone(),
    };
    dict::set_item(d, key, h, doc, &mut dict::builtin_eq).expect("str keys hash and compare");
}
