//! The interpreter as the object layer sees it.
//!
//! Objects never name the VM (the VM is built on them). Slot functions and native
//! functions receive the running interpreter as `&mut dyn Runtime`, which the VM
//! implements: the object protocol (CPython's abstract API: repr, hash, compare, call,
//! iterate, get and set attributes and items) and the few services only the eval loop
//! has. Code above the VM (the builtins) may also ask for the VM behind it with
//! `Vm::of`.

use std::any::Any;

use crate::bytecode::opcode::{BinaryOp, CompareOp};
use crate::heap::{PyObj, TypeRef};

use super::args::Args;
use super::exceptions::VmResult;

/// The running interpreter, as handed to slot and native functions.
pub trait Runtime: Any {
    // ----- calling --------------------------------------------------------------------

    /// `f(*args)`: any callable.
    fn call(&mut self, f: &PyObj, args: Args<'_>) -> VmResult<PyObj>;

    /// The special method `name` of `o`'s class (looked up on the type, never on the
    /// instance) called with `o` first and then `args`; None if the class has no such
    /// method or sets it to None.
    fn call_special(
        &mut self,
        o: &PyObj,
        name: &'static str,
        args: &[PyObj],
    ) -> VmResult<Option<PyObj>>;

    /// `name` in the dicts along `ty`'s MRO, unbound (CPython's _PyType_Lookup, cached).
    fn type_lookup(&mut self, ty: &TypeRef, name: &PyObj) -> VmResult<Option<PyObj>>;

    // ----- the object protocol --------------------------------------------------------

    /// repr(o).
    fn repr(&mut self, o: &PyObj) -> VmResult<String>;
    /// str(o).
    fn str(&mut self, o: &PyObj) -> VmResult<String>;
    /// hash(o).
    fn hash(&mut self, o: &PyObj) -> VmResult<i64>;
    /// bool(o).
    fn truthy(&mut self, o: &PyObj) -> VmResult<bool>;
    /// `a == b`, identity first (as containers compare their items).
    fn equal(&mut self, a: &PyObj, b: &PyObj) -> VmResult<bool>;
    /// `a op b` as a result object.
    fn rich_compare(&mut self, a: &PyObj, b: &PyObj, op: CompareOp) -> VmResult<PyObj>;
    /// `a op b` as a bool.
    fn compare_bool(&mut self, a: &PyObj, b: &PyObj, op: CompareOp) -> VmResult<bool>;
    /// `a op b` (`a op= b` when `inplace`).
    fn binary_op(&mut self, a: &PyObj, b: &PyObj, op: BinaryOp, inplace: bool) -> VmResult<PyObj>;
    /// len(o).
    fn len(&mut self, o: &PyObj) -> VmResult<usize>;
    /// iter(o).
    fn iter(&mut self, o: &PyObj) -> VmResult<PyObj>;
    /// next(it): None when exhausted.
    fn next(&mut self, it: &PyObj) -> VmResult<Option<PyObj>>;
    /// All items of an iterable, in order.
    fn collect_iter(&mut self, o: &PyObj) -> VmResult<Vec<PyObj>>;
    /// `item in container`.
    fn contains(&mut self, container: &PyObj, item: &PyObj) -> VmResult<bool>;
    /// o[key].
    fn getitem(&mut self, o: &PyObj, key: &PyObj) -> VmResult<PyObj>;
    /// o[key] = value.
    fn setitem(&mut self, o: &PyObj, key: &PyObj, value: PyObj) -> VmResult<()>;
    /// del o[key].
    fn delitem(&mut self, o: &PyObj, key: &PyObj) -> VmResult<()>;
    /// getattr(o, name).
    fn getattr(&mut self, o: &PyObj, name: &PyObj) -> VmResult<PyObj>;
    /// setattr(o, name, value), or delattr when `value` is None.
    fn setattr(&mut self, o: &PyObj, name: &PyObj, value: Option<PyObj>) -> VmResult<()>;
    /// object.__getattribute__: data descriptors, the instance dict, other class
    /// attributes (AttributeError when none has the name).
    fn generic_getattr(&mut self, o: &PyObj, name: &PyObj) -> VmResult<PyObj>;
    /// object.__setattr__ / object.__delattr__.
    fn generic_setattr(&mut self, o: &PyObj, name: &PyObj, value: Option<PyObj>) -> VmResult<()>;
    /// `descr.__get__(obj, ty)` through the tp_descr_get slot of `descr`'s type
    /// (`descr` itself when it has none; `obj` None: looked up on the class).
    fn descr_get(&mut self, d: &PyObj, obj: Option<&PyObj>, ty: &TypeRef) -> VmResult<PyObj>;
    /// `descr.__set__(obj, value)`, or `__delete__` when `value` is None, through the
    /// tp_descr_set slot of `descr`'s type.
    fn descr_set(&mut self, d: &PyObj, obj: &PyObj, value: Option<PyObj>) -> VmResult<()>;
    /// An instance's `__dict__`, made from its split values (or empty) when it has
    /// none yet; None when its class gives its instances no dict.
    fn materialize_dict(&mut self, o: &PyObj) -> Option<PyObj>;
    /// Replace (Some) or drop (None) an instance's `__dict__` (its split values too).
    fn set_instance_dict(&mut self, o: &PyObj, value: Option<PyObj>);
    /// `fmt % args` for a str `fmt` (printf-style formatting).
    fn percent_format(&mut self, fmt: &PyObj, args: &PyObj) -> VmResult<PyObj>;
    /// `__length_hint__` of an iterable, as PyObject_LengthHint with default 8.
    fn length_hint(&mut self, o: &PyObj) -> usize;
    /// `d.update(m)` for a mapping `m` (with `merge`, a repeated key is an error, as
    /// in `f(**a, **b)`).
    fn dict_update(&mut self, d: &PyObj, m: &PyObj, merge: bool) -> VmResult<()>;
    /// `item in s` for a set or frozenset, with Python's hashing and equality.
    fn set_contains(&mut self, s: &PyObj, item: &PyObj) -> VmResult<bool>;
    /// d[key] of a dict with Python's hashing and equality; None if absent.
    fn dict_get(&mut self, d: &PyObj, key: &PyObj) -> VmResult<Option<PyObj>>;
    /// operator.index(o) as an int object (TypeError for anything else).
    fn index(&mut self, o: &PyObj) -> VmResult<PyObj>;

    // ----- what only the interpreter keeps ----------------------------------------------

    /// Resume a generator for next(): its next value, None when it finishes.
    fn gen_next(&mut self, gen: &PyObj) -> VmResult<Option<PyObj>>;

    /// Count one level of Rust recursion on a user-reachable path (comparison, repr
    /// of nested containers) against the recursion limit (RecursionError
    /// "maximum recursion depth exceeded{where_}").
    fn enter_recursive(&mut self, where_: &str) -> VmResult<()>;
    /// Undo one `enter_recursive`.
    fn leave_recursive(&mut self);
    /// Start printing the repr of container `o`: false if it is being printed already
    /// (a container that contains itself shows as `[...]`).
    fn repr_enter(&mut self, o: &PyObj) -> bool;
    /// Done printing `o`'s repr.
    fn repr_leave(&mut self, o: &PyObj);
}
