//! Special method names and the slots behind them (CPython's slotdefs table), and how
//! a type's slots are kept true to its dict:
//!
//! - a built-in type's own slots appear in its dict as slot wrappers
//!   (`wrapper_descriptor`, wrapper.rs), in this table's order, unless its dict has the
//!   name already (`add_operators`);
//! - a class's slots are found along its MRO (`resolve_class_slots`, CPython's
//!   update_one_slot): a slot whose names all lead to one built-in slot wrapper of that
//!   slot takes the built-in function; a name defined in Python takes the generic slot
//!   function that calls it (class_slots.rs); nothing found leaves the slot empty.
//! - Assigning or deleting a special method on a class moves a per-thread epoch on;
//!   a class whose slots are older than the epoch resolves them again on next use, so
//!   `A.__add__ = f` after `class A` (or on a base) takes effect, as typeobject.c's
//!   update_slot does eagerly.

use std::cell::Cell;

use crate::bytecode::opcode::CompareOp;
use crate::heap::{PyObj, TypeRef};

use super::class_slots as cs;
use super::slots::{AnySlot, SlotId, Slots};

/// How a slot wrapper calls its slot with the arguments Python gives it (CPython's
/// wrap_* functions).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Wrap {
    /// `self.__x__()`: repr, str, iter, neg, pos, abs, invert, int, float, index.
    Unary,
    /// `__hash__`: an int.
    Hash,
    /// `__len__`: an int.
    Len,
    /// `__bool__`: a bool.
    Inquiry,
    /// `__next__`: StopIteration at the end.
    Next,
    /// `self.__x__(other)` calls slot(self, other).
    BinaryL,
    /// `self.__rx__(other)` calls slot(other, self).
    BinaryR,
    /// `__pow__(other, mod=None)`.
    TernaryL,
    /// `__rpow__(other, mod=None)`.
    TernaryR,
    /// `__ipow__(other, mod=None)`.
    TernaryI,
    /// One of the six comparisons.
    RichCmp(CompareOp),
    /// `__mul__(n)` / `__rmul__(n)` of a sequence: n through `__index__`.
    Repeat,
    /// `__contains__(item)`.
    Contains,
    /// `__setitem__(key, value)`.
    SetItem,
    /// `__delitem__(key)`.
    DelItem,
    /// `__getattribute__(name)`.
    Getattr,
    /// `__setattr__(name, value)`.
    Setattr,
    /// `__delattr__(name)`.
    Delattr,
    /// `__get__(instance, owner=None)`.
    DescrGet,
    /// `__set__(instance, value)`.
    DescrSet,
    /// `__delete__(instance)`.
    DescrDelete,
    /// `__call__(*args, **kwargs)`.
    Call,
    /// `__init__(*args, **kwargs)`: None.
    Init,
}

/// One special method name: its slot, how its wrapper calls the slot, and the slot
/// function a class defining the name in Python gets.
pub struct SlotDef {
    pub name: &'static str,
    pub slot: SlotId,
    pub wrap: Wrap,
    pub generic: Option<AnySlot>,
}

const fn def(name: &'static str, slot: SlotId, wrap: Wrap, generic: AnySlot) -> SlotDef {
    SlotDef {
        name,
        slot,
        wrap,
        generic: Some(generic),
    }
}

/// A name whose slot only built-in types fill (the sequence forms of `+` and `*`).
const fn builtin_only(name: &'static str, slot: SlotId, wrap: Wrap) -> SlotDef {
    SlotDef {
        name,
        slot,
        wrap,
        generic: None,
    }
}

use AnySlot as A;
use SlotId as S;
use Wrap as W;

/// The special method names, in CPython's slotdefs order (which is the order of the
/// slot wrappers in a built-in type's dict).
pub static SLOTDEFS: &[SlotDef] = &[
    def(
        "__getattribute__",
        S::getattro,
        W::Getattr,
        A::Getattr(cs::getattr_hook),
    ),
    def(
        "__getattr__",
        S::getattro,
        W::Getattr,
        A::Getattr(cs::getattr_hook),
    ),
    def(
        "__setattr__",
        S::setattro,
        W::Setattr,
        A::Setattr(cs::setattro),
    ),
    def(
        "__delattr__",
        S::setattro,
        W::Delattr,
        A::Setattr(cs::setattro),
    ),
    def("__repr__", S::repr, W::Unary, A::Text(cs::repr)),
    def("__hash__", S::hash, W::Hash, A::Hash(cs::hash)),
    def("__call__", S::call, W::Call, A::Call(cs::call)),
    def("__str__", S::str, W::Unary, A::Text(cs::str)),
    def(
        "__lt__",
        S::richcompare,
        W::RichCmp(CompareOp::Lt),
        A::RichCmp(cs::richcompare),
    ),
    def(
        "__le__",
        S::richcompare,
        W::RichCmp(CompareOp::Le),
        A::RichCmp(cs::richcompare),
    ),
    def(
        "__eq__",
        S::richcompare,
        W::RichCmp(CompareOp::Eq),
        A::RichCmp(cs::richcompare),
    ),
    def(
        "__ne__",
        S::richcompare,
        W::RichCmp(CompareOp::Ne),
        A::RichCmp(cs::richcompare),
    ),
    def(
        "__gt__",
        S::richcompare,
        W::RichCmp(CompareOp::Gt),
        A::RichCmp(cs::richcompare),
    ),
    def(
        "__ge__",
        S::richcompare,
        W::RichCmp(CompareOp::Ge),
        A::RichCmp(cs::richcompare),
    ),
    def("__iter__", S::iter, W::Unary, A::Unary(cs::iter)),
    def("__next__", S::iternext, W::Next, A::Next(cs::iternext)),
    def(
        "__get__",
        S::descr_get,
        W::DescrGet,
        A::DescrGet(cs::descr_get),
    ),
    def(
        "__set__",
        S::descr_set,
        W::DescrSet,
        A::DescrSet(cs::descr_set),
    ),
    def(
        "__delete__",
        S::descr_set,
        W::DescrDelete,
        A::DescrSet(cs::descr_set),
    ),
    def("__init__", S::init, W::Init, A::Init(cs::init)),
    def("__add__", S::add, W::BinaryL, A::Binary(cs::add)),
    def("__radd__", S::add, W::BinaryR, A::Binary(cs::add)),
    def("__sub__", S::subtract, W::BinaryL, A::Binary(cs::subtract)),
    def("__rsub__", S::subtract, W::BinaryR, A::Binary(cs::subtract)),
    def("__mul__", S::multiply, W::BinaryL, A::Binary(cs::multiply)),
    def("__rmul__", S::multiply, W::BinaryR, A::Binary(cs::multiply)),
    def(
        "__mod__",
        S::remainder,
        W::BinaryL,
        A::Binary(cs::remainder),
    ),
    def(
        "__rmod__",
        S::remainder,
        W::BinaryR,
        A::Binary(cs::remainder),
    ),
    def("__divmod__", S::divmod, W::BinaryL, A::Binary(cs::divmod)),
    def("__rdivmod__", S::divmod, W::BinaryR, A::Binary(cs::divmod)),
    def("__pow__", S::power, W::TernaryL, A::Ternary(cs::power)),
    def("__rpow__", S::power, W::TernaryR, A::Ternary(cs::power)),
    def("__neg__", S::negative, W::Unary, A::Unary(cs::negative)),
    def("__pos__", S::positive, W::Unary, A::Unary(cs::positive)),
    def("__abs__", S::absolute, W::Unary, A::Unary(cs::absolute)),
    def("__bool__", S::bool, W::Inquiry, A::Inquiry(cs::bool)),
    def("__invert__", S::invert, W::Unary, A::Unary(cs::invert)),
    def("__lshift__", S::lshift, W::BinaryL, A::Binary(cs::lshift)),
    def("__rlshift__", S::lshift, W::BinaryR, A::Binary(cs::lshift)),
    def("__rshift__", S::rshift, W::BinaryL, A::Binary(cs::rshift)),
    def("__rrshift__", S::rshift, W::BinaryR, A::Binary(cs::rshift)),
    def("__and__", S::and, W::BinaryL, A::Binary(cs::and)),
    def("__rand__", S::and, W::BinaryR, A::Binary(cs::and)),
    def("__xor__", S::xor, W::BinaryL, A::Binary(cs::xor)),
    def("__rxor__", S::xor, W::BinaryR, A::Binary(cs::xor)),
    def("__or__", S::or, W::BinaryL, A::Binary(cs::or)),
    def("__ror__", S::or, W::BinaryR, A::Binary(cs::or)),
    def("__int__", S::int, W::Unary, A::Unary(cs::int)),
    def("__float__", S::float, W::Unary, A::Unary(cs::float)),
    def(
        "__iadd__",
        S::inplace_add,
        W::BinaryL,
        A::Binary(cs::inplace_add),
    ),
    def(
        "__isub__",
        S::inplace_subtract,
        W::BinaryL,
        A::Binary(cs::inplace_subtract),
    ),
    def(
        "__imul__",
        S::inplace_multiply,
        W::BinaryL,
        A::Binary(cs::inplace_multiply),
    ),
    def(
        "__imod__",
        S::inplace_remainder,
        W::BinaryL,
        A::Binary(cs::inplace_remainder),
    ),
    def(
        "__ipow__",
        S::inplace_power,
        W::TernaryI,
        A::Ternary(cs::inplace_power),
    ),
    def(
        "__ilshift__",
        S::inplace_lshift,
        W::BinaryL,
        A::Binary(cs::inplace_lshift),
    ),
    def(
        "__irshift__",
        S::inplace_rshift,
        W::BinaryL,
        A::Binary(cs::inplace_rshift),
    ),
    def(
        "__iand__",
        S::inplace_and,
        W::BinaryL,
        A::Binary(cs::inplace_and),
    ),
    def(
        "__ixor__",
        S::inplace_xor,
        W::BinaryL,
        A::Binary(cs::inplace_xor),
    ),
    def(
        "__ior__",
        S::inplace_or,
        W::BinaryL,
        A::Binary(cs::inplace_or),
    ),
    def(
        "__floordiv__",
        S::floor_divide,
        W::BinaryL,
        A::Binary(cs::floor_divide),
    ),
    def(
        "__rfloordiv__",
        S::floor_divide,
        W::BinaryR,
        A::Binary(cs::floor_divide),
    ),
    def(
        "__truediv__",
        S::true_divide,
        W::BinaryL,
        A::Binary(cs::true_divide),
    ),
    def(
        "__rtruediv__",
        S::true_divide,
        W::BinaryR,
        A::Binary(cs::true_divide),
    ),
    def(
        "__ifloordiv__",
        S::inplace_floor_divide,
        W::BinaryL,
        A::Binary(cs::inplace_floor_divide),
    ),
    def(
        "__itruediv__",
        S::inplace_true_divide,
        W::BinaryL,
        A::Binary(cs::inplace_true_divide),
    ),
    def("__index__", S::index, W::Unary, A::Unary(cs::index)),
    def(
        "__matmul__",
        S::matrix_multiply,
        W::BinaryL,
        A::Binary(cs::matrix_multiply),
    ),
    def(
        "__rmatmul__",
        S::matrix_multiply,
        W::BinaryR,
        A::Binary(cs::matrix_multiply),
    ),
    def(
        "__imatmul__",
        S::inplace_matrix_multiply,
        W::BinaryL,
        A::Binary(cs::inplace_matrix_multiply),
    ),
    def("__len__", S::length, W::Len, A::Len(cs::length)),
    def(
        "__getitem__",
        S::subscript,
        W::BinaryL,
        A::Binary(cs::subscript),
    ),
    def(
        "__setitem__",
        S::ass_subscript,
        W::SetItem,
        A::AssSub(cs::ass_subscript),
    ),
    def(
        "__delitem__",
        S::ass_subscript,
        W::DelItem,
        A::AssSub(cs::ass_subscript),
    ),
    builtin_only("__add__", S::concat, W::BinaryL),
    builtin_only("__mul__", S::repeat, W::Repeat),
    builtin_only("__rmul__", S::repeat, W::Repeat),
    def(
        "__contains__",
        S::contains,
        W::Contains,
        A::Contains(cs::contains),
    ),
    builtin_only("__iadd__", S::inplace_concat, W::BinaryL),
    builtin_only("__imul__", S::inplace_repeat, W::Repeat),
];

/// Is `name` one of the special method names that have a slot?
pub fn is_slot_name(name: &str) -> bool {
    name.starts_with("__") && SLOTDEFS.iter().any(|d| d.name == name)
}

thread_local! {
    /// Moves on when a special method of any class is assigned or deleted, or a
    /// class's bases change: every class resolves its slots again on next use.
    static SLOT_EPOCH: Cell<u64> = const { Cell::new(1) };
}

/// The current slot epoch.
#[inline]
pub fn slot_epoch() -> u64 {
    SLOT_EPOCH.with(Cell::get)
}

/// A special method of a class changed: classes resolve their slots again.
pub fn bump_slot_epoch() {
    SLOT_EPOCH.with(|e| e.set(e.get() + 1));
}

/// The slot function `f` found for `slot` on a class's MRO: a built-in slot wrapper
/// of that very slot gives its function; anything else (a Python function, a wrapper
/// of another slot) needs the generic function.
enum Found {
    Specific(AnySlot),
    Generic,
    /// The name is set to None (`__hash__ = None`): the slot says "not supported".
    Blocked,
}

/// Resolve every slot of a class from its MRO (CPython's fixup_slot_dispatchers /
/// update_one_slot).
pub fn resolve_class_slots(ty: &TypeRef) {
    let info = super::info(ty);
    let slots = &info.slots;
    let mro = super::mro(ty);
    let mut lookups: Vec<(&'static str, Option<PyObj>)> = Vec::with_capacity(SLOTDEFS.len());
    for id in SlotId::ALL {
        let mut specific: Option<AnySlot> = None;
        let mut generic: Option<AnySlot> = None;
        let mut use_generic = false;
        let mut blocked = false;
        for d in SLOTDEFS.iter().filter(|d| d.slot == *id) {
            let found = match lookups.iter().find(|(n, _)| *n == d.name) {
                Some((_, f)) => f.clone(),
                None => {
                    let f = mro_lookup_str(&mro, d.name);
                    lookups.push((d.name, f.clone()));
                    f
                }
            };
            let Some(f) = found else { continue };
            if d.generic.is_some() {
                generic = d.generic;
            }
            match classify(&f, d, ty) {
                Found::Specific(s) => match specific {
                    Some(prev) if prev.addr() != s.addr() => use_generic = true,
                    _ => specific = Some(s),
                },
                Found::Generic => use_generic = true,
                Found::Blocked => blocked = true,
            }
        }
        let chosen = if blocked && *id == SlotId::hash {
            Some(AnySlot::Hash(cs::hash_not_implemented))
        } else if use_generic || blocked {
            generic
        } else {
            specific
        };
        slots.set(*id, chosen);
    }
    info.slots_epoch.set(slot_epoch());
}

/// What `f`, found for `d`'s name on the MRO of class `ty`, gives slot `d.slot`: a
/// slot wrapper of that slot, called the same way, of a type `ty` derives from gives
/// its function (typeobject.c's update_one_slot asks the same three things).
fn classify(f: &PyObj, d: &SlotDef, ty: &TypeRef) -> Found {
    if f.is(&crate::objects::ctx().none) {
        return Found::Blocked;
    }
    if let Some(w) = f.get::<super::wrapper::SlotWrapper>() {
        if w.def.slot == d.slot && w.def.wrap == d.wrap && super::is_subtype(ty, &w.objclass) {
            return Found::Specific(w.func);
        }
        return Found::Generic;
    }
    coexisting_slot(f, d.slot, ty).map_or(Found::Generic, Found::Specific)
}

/// A built-in type's method that stands in its dict for one of its slots (CPython's
/// METH_COEXIST: `dict.__getitem__`, `list.__getitem__`, the `__contains__` of dict,
/// set and frozenset) calls that slot; a class inheriting it can take the slot itself.
/// (typeobject.c's update_one_slot sends these through the generic slot function;
/// the result is the same, without the method call.)
fn coexisting_slot(f: &PyObj, id: SlotId, ty: &TypeRef) -> Option<AnySlot> {
    let d = f.get::<crate::objects::builtin_function::MethodDescr>()?;
    let named = match id {
        SlotId::subscript => "__getitem__",
        SlotId::contains => "__contains__",
        _ => return None,
    };
    if d.def.name != named
        || super::is_heap_type(&d.objclass)
        || !super::is_subtype(ty, &d.objclass)
    {
        return None;
    }
    super::info(&d.objclass).slots.get(id)
}

/// `name` in the dicts of the types of an MRO tuple, without running any Python code
/// (the dicts of types have str keys).
pub fn mro_lookup_str(mro: &PyObj, name: &str) -> Option<PyObj> {
    for t in super::mro_types(mro) {
        let d = super::type_dict(&t);
        if let Some(v) = crate::objects::dict::get_str(&d, name) {
            return Some(v);
        }
    }
    None
}

/// A type's slots, resolved again first if it is a class whose slots are stale.
#[inline]
pub fn slots_of_type(ty: &TypeRef) -> &Slots {
    let info = super::info(ty);
    if info.heap.is_some() && info.slots_epoch.get() != slot_epoch() {
        resolve_class_slots(ty);
    }
    &info.slots
}

/// Put a built-in type's own slot wrappers in its dict `d`, for the slots `own` fills
/// (names the dict has already are left alone).
pub fn add_operators(d: &PyObj, ty: &TypeRef, own: &super::slots::SlotTable) {
    for sd in SLOTDEFS {
        // `__getattr__` shares tp_getattro with `__getattribute__` but has no wrapper
        // of its own (CPython's slotdefs give it none): it never appears in a dict.
        if sd.name == "__getattr__" {
            continue;
        }
        let Some(f) = own.get(sd.slot) else { continue };
        if crate::objects::dict::get_str(d, sd.name).is_some() {
            continue;
        }
        let w = if sd.slot == SlotId::hash
            && f.addr() == cs::hash_not_implemented as *const () as usize
        {
            crate::objects::ctx().none.clone()
        } else {
            super::wrapper::new_descriptor(sd, f, ty)
        };
        crate::objects::dict::set_str(d, sd.name, w).expect("str keys");
    }
}
