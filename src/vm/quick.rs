//! Quickening (PEP 659, as CPython 3.11 does it): a code object that has run a few
//! times gets one inline cache per instruction, and each instruction of a family with
//! specialized forms watches what it meets. When it has met the same kind of operand
//! often enough it rewrites itself into a specialized form: a guard (is the operand
//! still of the type, the dict keys still of the version, that the cache recorded?)
//! and a short path. A failed guard takes the general path; after enough failures the
//! instruction goes back to its adaptive form and waits, with an exponential backoff,
//! before trying again.
//!
//! This file holds the counters, the quickening pass (with the superinstructions) and
//! the choice of a specialized form for each family. The specialized forms run in
//! quick_eval.rs. `Op::deopt` (the opcode table) names each form's family, so the
//! disassembler can show the code as compiled or as it runs.
//!
//! Guards and what they rely on:
//! - A type is named by its address with the type epoch (dicttable::type_epoch): the
//!   epoch moves on when a watched type dict gains or loses a key, when a type dies,
//!   when an MRO changes, when a class attribute is stored that is (or replaces) a
//!   descriptor, and when a class's shared instance keys gain a key. While the epoch
//!   holds, where a name is found along a type's MRO, and whether it is a data
//!   descriptor, have not changed.
//! - A dict (a module's, the builtins) is named by its keys version: the same number
//!   while the same key sits at the same entry. Values are read fresh.
//! - Caches hold no references: positions, versions and addresses only, so reference
//!   counts (sys.getrefcount) are those CPython shows. The LOAD_METHOD_* forms of a
//!   class's method also keep the method as a `heap::Borrowed` (no count), used only
//!   while the attribute epoch it was read at holds (`cached_method`).

use std::cell::Cell;

use crate::bytecode::code::Cache;
use crate::bytecode::opcode::{BinaryOp, CompareOp};
use crate::bytecode::{Instr, Op};
use crate::heap::{Borrowed, BorrowedSlot, ExactType, PyObj, TypeRef};
use crate::objects::builtin_function::{BuiltinFunction, MethodDef, MethodDescr};
use crate::objects::code::Code;
use crate::objects::context::Ctx;
use crate::objects::dicttable::{self, type_epoch};
use crate::objects::float::Float;
use crate::objects::function::Function;
use crate::objects::int::Long;
use crate::objects::module::Module;
use crate::objects::typeobj::slotdefs::slots_of_type;
use crate::objects::typeobj::TypeInfo;
use crate::objects::{dict, float, int, string};

use super::Vm;

/// Guard failures a specialized form takes before it goes back to its adaptive form
/// (CPython 3.11's miss counter start).
const MISS_BUDGET: u16 = 53;

/// The largest backoff exponent: at most 2^12 - 1 executions between two tries.
const MAX_BACKOFF: u8 = 12;

/// Count down to quickening; called when a frame of `code` starts or loops.
#[inline(always)]
pub(crate) fn warm(code: &Code) {
    if code.caches.get().is_some() {
        return;
    }
    let w = code.warmup.get();
    if w > 1 {
        code.warmup.set(w - 1);
    } else {
        quicken(code);
    }
}

/// Give `code` its caches (every adaptive instruction tries to specialize the next
/// time it runs) and its superinstructions.
#[cold]
#[inline(never)]
fn quicken(code: &Code) {
    let n = code.instrs.len();
    let caches: Box<[Cell<Cache>]> = (0..n).map(|_| Cell::new(Cache::default())).collect();
    for i in 0..n.saturating_sub(1) {
        let a = code.instrs[i].get();
        let b = code.instrs[i + 1].get().op.deopt();
        let sup = match (a.op, b) {
            (Op::LOAD_FAST, Op::LOAD_FAST) => Op::LOAD_FAST__LOAD_FAST,
            (Op::LOAD_FAST, Op::LOAD_CONST) => Op::LOAD_FAST__LOAD_CONST,
            (Op::STORE_FAST, Op::LOAD_FAST) => Op::STORE_FAST__LOAD_FAST,
            (Op::STORE_FAST, Op::STORE_FAST) => Op::STORE_FAST__STORE_FAST,
            (Op::LOAD_CONST, Op::LOAD_FAST) => Op::LOAD_CONST__LOAD_FAST,
            _ => continue,
        };
        code.instrs[i].set(Instr {
            op: sup,
            arg: a.arg,
        });
    }
    let _ = code.caches.set(caches);
}

/// The cache of instruction `at` (quickened code only).
#[inline]
pub(crate) fn cache(code: &Code, at: usize) -> Cache {
    code.caches
        .get()
        .map_or_else(Cache::default, |c| c[at].get())
}

/// Adaptive instruction `at` of `family` ran: is it time to try to specialize it?
/// (Counts down.) `family` is the instruction the caller runs, a constant there: a
/// specialized form that missed and runs its family's instruction is not adaptive,
/// and is told apart by one compare with it (no look-up of the opcode's family). The
/// cache is copied out and back in the source; what is compiled reads and writes the
/// counter alone.
#[inline(always)]
pub(crate) fn due(code: &Code, at: usize, family: Op) -> bool {
    let Some(c) = code.caches.get() else {
        return false;
    };
    if code.instrs[at].get().op != family {
        return false;
    }
    let cell = &c[at];
    let e = cell.get();
    if e.counter == 0 {
        return true;
    }
    cell.set(Cache {
        counter: e.counter - 1,
        ..e
    });
    false
}

/// Instruction `at` becomes `op` with the cache `c` (its miss budget set).
pub(super) fn specialize(code: &Code, at: usize, op: Op, mut c: Cache) {
    let Some(caches) = code.caches.get() else {
        return;
    };
    c.counter = MISS_BUDGET;
    c.backoff = caches[at].get().backoff;
    caches[at].set(c);
    let i = code.instrs[at].get();
    code.instrs[at].set(Instr { op, arg: i.arg });
}

/// Specializing instruction `at` failed: wait longer before the next try.
pub(super) fn failed(code: &Code, at: usize) {
    let Some(caches) = code.caches.get() else {
        return;
    };
    let mut e = caches[at].get();
    back_off(&mut e);
    caches[at].set(e);
}

/// One more failure: the wait before the next try doubles (up to MAX_BACKOFF).
fn back_off(e: &mut Cache) {
    e.backoff = (e.backoff + 1).min(MAX_BACKOFF);
    e.counter = (1u16 << e.backoff) - 1;
}

/// Instruction `at` becomes the chosen form, or waits when there is none.
pub(super) fn settle(code: &Code, at: usize, choice: Option<Op>) {
    match choice {
        Some(op) => specialize(code, at, op, Cache::default()),
        None => failed(code, at),
    }
}

/// Instruction `at` becomes the chosen form with its cache, or waits when there is
/// none.
pub(super) fn settle_with(code: &Code, at: usize, choice: Option<(Op, Cache)>) {
    match choice {
        Some((op, c)) => specialize(code, at, op, c),
        None => failed(code, at),
    }
}

/// A specialized instruction's guard failed: spend one miss; with none left the
/// instruction goes back to its adaptive form.
#[cold]
pub(crate) fn miss(code: &Code, at: usize) {
    let Some(caches) = code.caches.get() else {
        return;
    };
    let mut e = caches[at].get();
    if e.counter > 1 {
        e.counter -= 1;
        caches[at].set(e);
        return;
    }
    let i = code.instrs[at].get();
    code.instrs[at].set(Instr {
        op: i.op.deopt(),
        arg: i.arg,
    });
    back_off(&mut e);
    caches[at].set(e);
}

/// Does `ty` get attributes with object's generic getattro (no `__getattribute__` or
/// `__getattr__` hook along its MRO)? Adding a hook later adds a key to a type dict,
/// which moves the type epoch on.
pub(super) fn generic_getattro(ty: &TypeRef) -> bool {
    slots_of_type(ty).getattro.get().is_some_and(|f| {
        f as usize == crate::objects::object::generic_getattr as *const () as usize
    })
}

/// Does `ty` set attributes with object's generic setattro (no `__setattr__` or
/// `__delattr__` of a class)?
pub(super) fn generic_setattro(ty: &TypeRef) -> bool {
    slots_of_type(ty).setattro.get().is_none_or(|f| {
        f as usize != crate::objects::typeobj::class_slots::setattro as *const () as usize
    })
}

/// Is `name` a dunder (`__x__`)? Those are left to the general path: several are
/// answered by the interpreter itself rather than found in a dict.
pub(super) fn is_dunder(name: &PyObj) -> bool {
    string::as_str(name).is_some_and(|n| n.len() > 4 && n.starts_with("__") && n.ends_with("__"))
}

/// Is a class attribute store of `new` over `old` harmless to the caches? Only
/// values that are no descriptors of any kind (the common class-level counters and
/// constants) are; anything else moves the type epoch on.
pub(crate) fn plain_class_value(v: Option<&PyObj>) -> bool {
    let Some(v) = v else { return true };
    let c = crate::objects::ctx();
    [
        &c.int_type,
        &c.float_type,
        &c.str_type,
        &c.bool_type,
        &c.tuple_type,
        &c.list_type,
        &c.dict_type,
    ]
    .iter()
    .any(|t| v.is_type(t))
        || v.is(&c.none)
}

impl Vm {
    /// LOAD_ATTR met `obj`: choose a specialized form.
    pub(crate) fn specialize_load_attr(
        &mut self,
        code: &Code,
        at: usize,
        obj: &PyObj,
        name: &PyObj,
    ) {
        settle_with(code, at, self.choose_load_attr(obj, name));
    }

    /// The specialized form (and its cache) LOAD_ATTR would take for `obj`.
    pub(super) fn choose_load_attr(&mut self, obj: &PyObj, name: &PyObj) -> Option<(Op, Cache)> {
        if let Some(m) = obj.get::<Module>() {
            return module_entry(&m.dict, name).map(|c| (Op::LOAD_ATTR_MODULE, c));
        }
        if let Some(c) = self.instance_value_index(obj, name) {
            return Some((Op::LOAD_ATTR_INSTANCE_VALUE, c));
        }
        self.specialize_load_attr_other(obj, name)
    }

    /// STORE_ATTR met `obj`: choose a specialized form.
    pub(crate) fn specialize_store_attr(
        &mut self,
        code: &Code,
        at: usize,
        obj: &PyObj,
        name: &PyObj,
    ) {
        settle_with(code, at, self.choose_store_attr(obj, name));
    }

    /// The specialized form (and its cache) STORE_ATTR would take for `obj`.
    pub(super) fn choose_store_attr(&mut self, obj: &PyObj, name: &PyObj) -> Option<(Op, Cache)> {
        if !obj.vtable().heap_type || TypeRef::from_obj::<TypeInfo>(obj).is_some() {
            return None;
        }
        let ty = obj.type_obj();
        if !generic_setattro(&ty) {
            return None;
        }
        if let Some(c) = self.instance_value_index(obj, name) {
            return Some((Op::STORE_ATTR_INSTANCE_VALUE, c));
        }
        self.specialize_store_attr_other(obj, name)
    }

    /// Where `obj.name` lives in `obj`'s values, when generic attribute access on an
    /// instance of a class finds it there (no `__getattribute__` of its own, no data
    /// descriptor of that name along the MRO, the name in the shared keys).
    fn instance_value_index(&mut self, obj: &PyObj, name: &PyObj) -> Option<Cache> {
        if !obj.vtable().heap_type
            || obj.is_a::<Module>()
            || TypeRef::from_obj::<TypeInfo>(obj).is_some()
            || is_dunder(name)
            || !string::is_interned(name)
        {
            return None;
        }
        let keys = self.values_keys(obj)?;
        let ty = obj.type_obj();
        if !generic_getattro(&ty) {
            return None;
        }
        // Only an answer the type cache holds (the dicts walked are watched).
        if let (Some(d), _) = self.type_lookup_at(&ty, name)? {
            if self.is_data_descr(&d).ok()? {
                return None;
            }
        }
        let ix = dicttable::shared_index(&keys, name)?;
        Some(Cache {
            index: ix as u32,
            version: type_epoch(),
            key: ty.id(),
            ..Cache::default()
        })
    }

    /// LOAD_METHOD met `obj`: choose a specialized form.
    pub(crate) fn specialize_load_method(
        &mut self,
        code: &Code,
        at: usize,
        obj: &PyObj,
        name: &PyObj,
    ) {
        settle_with(code, at, self.choose_load_method(obj, name));
    }

    /// The specialized form (and its cache) LOAD_METHOD would take for `obj`.
    pub(super) fn choose_load_method(&mut self, obj: &PyObj, name: &PyObj) -> Option<(Op, Cache)> {
        if let Some(m) = obj.get::<Module>() {
            return module_entry(&m.dict, name).map(|c| (Op::LOAD_METHOD_MODULE, c));
        }
        if let Some(cls) = TypeRef::from_obj::<TypeInfo>(obj) {
            let c = self.class_attr_cache(obj, &cls, name, true)?;
            return Some((Op::LOAD_METHOD_CLASS, c));
        }
        if obj.is_a::<crate::objects::descr::Super>()
            || obj.is_a::<crate::objects::exception::ExcObj>()
            || !string::is_interned(name)
        {
            return None;
        }
        let ty = obj.type_obj();
        if obj.vtable().heap_type && !generic_getattro(&ty) {
            return None;
        }
        let Some((Some(found), Some((index, pos)))) = self.type_lookup_at(&ty, name) else {
            return None;
        };
        let callable_kind =
            found.is_a::<MethodDescr>() || (obj.vtable().heap_type && found.is_a::<Function>());
        if !callable_kind || index >= u32::from(STATIC_OWN) {
            return None;
        }
        let c = Cache {
            index: pos,
            tag: index as u8,
            version: type_epoch(),
            key: ty.id(),
            attr: dicttable::attr_epoch(),
            method: BorrowedSlot::new(Some(Borrowed::new(&found))),
            ..Cache::default()
        };
        if obj.pre_words().is_empty() {
            // A method of a static type's own dict: named by its number in the type
            // cache's pinned values (no dict read, no epoch).
            if index == 0 && found.is_a::<MethodDescr>() {
                if let Some(n) = self.type_cache.pin_static(&ty, pos, &found) {
                    let c = Cache {
                        index: n,
                        tag: STATIC_OWN,
                        attr: 0,
                        method: BorrowedSlot::default(),
                        ..c
                    };
                    return Some((Op::LOAD_METHOD_NO_DICT, c));
                }
            }
            return Some((Op::LOAD_METHOD_NO_DICT, c));
        }
        // An instance with a managed dict: only while it keeps its values apart and
        // the name is not one of its class's shared keys (adding a shared key moves
        // the type epoch on), or while it has no dict at all.
        match self.values_keys(obj) {
            Some(keys) if dicttable::shared_index(&keys, name).is_none() => {
                Some((Op::LOAD_METHOD_WITH_VALUES, c))
            }
            None if no_dict_yet(obj) => Some((Op::LOAD_METHOD_LAZY_DICT, c)),
            None if super::quick_attr::dict_lacks(obj, name) => {
                Some((Op::LOAD_METHOD_WITH_DICT, c))
            }
            _ => None,
        }
    }

    /// LOAD_GLOBAL found its name through the global cache: say where.
    pub(crate) fn specialize_load_global(&mut self, code: &Code, at: usize, arg: u32) {
        let e = code.global_cache[arg as usize].get();
        if e.globals_version == 0 {
            return failed(code, at);
        }
        let op = if e.in_builtins {
            Op::LOAD_GLOBAL_BUILTIN
        } else {
            Op::LOAD_GLOBAL_MODULE
        };
        settle(code, at, Some(op));
    }

    /// BINARY_OP met `a` and `b` (in the frame on top).
    pub(crate) fn specialize_binary_op(
        &mut self,
        code: &Code,
        at: usize,
        a: &PyObj,
        b: &PyObj,
        arg: u32,
    ) {
        let c = self.ctx;
        let both = |t: &TypeRef| a.is_type(t) && b.is_type(t);
        let sp = match BinaryOp::from_arg(arg) {
            BinaryOp::Add if both(&c.float_type) => Some(Op::BINARY_OP_ADD_FLOAT),
            BinaryOp::Subtract if both(&c.float_type) => Some(Op::BINARY_OP_SUBTRACT_FLOAT),
            BinaryOp::Multiply if both(&c.float_type) => Some(Op::BINARY_OP_MULTIPLY_FLOAT),
            BinaryOp::TrueDivide if both(&c.float_type) => Some(Op::BINARY_OP_TRUE_DIVIDE_FLOAT),
            BinaryOp::Add if both(&c.int_type) => Some(Op::BINARY_OP_ADD_INT),
            BinaryOp::Subtract if both(&c.int_type) => Some(Op::BINARY_OP_SUBTRACT_INT),
            BinaryOp::Multiply if both(&c.int_type) => Some(Op::BINARY_OP_MULTIPLY_INT),
            BinaryOp::Add if both(&c.str_type) => Some(self.str_add_form(code, at, a)),
            _ => match self.binary_dunder_cache(a, b, arg) {
                Some(k) => return specialize(code, at, Op::BINARY_OP_PY_DUNDER, k),
                None => None,
            },
        };
        settle(code, at, sp);
    }

    /// COMPARE_OP met `a` and `b`: as 3.11, only a comparison whose result a
    /// conditional jump takes at once.
    pub(crate) fn specialize_compare_op(
        &mut self,
        code: &Code,
        at: usize,
        a: &PyObj,
        b: &PyObj,
        arg: u32,
    ) {
        let c = self.ctx;
        let next = code.instrs.get(at + 1).map(|i| i.get().op.deopt());
        let jumps = matches!(next, Some(Op::POP_JUMP_IF_FALSE | Op::POP_JUMP_IF_TRUE));
        let both = |t: &TypeRef| a.is_type(t) && b.is_type(t);
        let equality = matches!(CompareOp::from_arg(arg), CompareOp::Eq | CompareOp::Ne);
        let sp = match () {
            _ if !jumps => None,
            _ if both(&c.float_type) => Some(Op::COMPARE_OP_FLOAT_JUMP),
            _ if both(&c.int_type) => Some(Op::COMPARE_OP_INT_JUMP),
            _ if both(&c.str_type) && equality => Some(Op::COMPARE_OP_STR_JUMP),
            _ => None,
        };
        settle(code, at, sp);
    }

    /// BINARY_SUBSCR met `container[key]`.
    pub(crate) fn specialize_binary_subscr(
        &mut self,
        code: &Code,
        at: usize,
        seq: &PyObj,
        key: &PyObj,
    ) {
        let c = self.ctx;
        let int_key = key.is_type(&c.int_type);
        let sp = match () {
            _ if int_key && seq.is_type(&c.list_type) => Some(Op::BINARY_SUBSCR_LIST_INT),
            _ if int_key && seq.is_type(&c.tuple_type) => Some(Op::BINARY_SUBSCR_TUPLE_INT),
            _ if seq.is_type(&c.dict_type) => Some(Op::BINARY_SUBSCR_DICT),
            _ => match self.getitem_cache(seq) {
                Some(k) => return specialize(code, at, Op::BINARY_SUBSCR_GETITEM, k),
                None => None,
            },
        };
        settle(code, at, sp);
    }

    /// STORE_SUBSCR met `container[key] = v`.
    pub(crate) fn specialize_store_subscr(
        &mut self,
        code: &Code,
        at: usize,
        seq: &PyObj,
        key: &PyObj,
    ) {
        let c = self.ctx;
        let sp = match () {
            _ if key.is_type(&c.int_type) && seq.is_type(&c.list_type) => {
                Some(Op::STORE_SUBSCR_LIST_INT)
            }
            _ if seq.is_type(&c.dict_type) => Some(Op::STORE_SUBSCR_DICT),
            _ => None,
        };
        settle(code, at, sp);
    }

    /// UNPACK_SEQUENCE met `seq`.
    pub(crate) fn specialize_unpack(&mut self, code: &Code, at: usize, seq: &PyObj, arg: u32) {
        let c = self.ctx;
        let sp = match () {
            _ if seq.is_type(&c.tuple_type) && arg == 2 => Some(Op::UNPACK_SEQUENCE_TWO_TUPLE),
            _ if seq.is_type(&c.tuple_type) => Some(Op::UNPACK_SEQUENCE_TUPLE),
            _ if seq.is_type(&c.list_type) => Some(Op::UNPACK_SEQUENCE_LIST),
            _ => None,
        };
        settle(code, at, sp);
    }

    /// FOR_ITER met iterator `it`.
    pub(crate) fn specialize_for_iter(&mut self, code: &Code, at: usize, it: &PyObj) {
        let c = self.ctx;
        let sp = match () {
            _ if it.is_type(&c.list_iter_type) => Some(Op::FOR_ITER_LIST),
            _ if it.is_type(&c.range_iter_type) => Some(Op::FOR_ITER_RANGE),
            _ if it.is_type(&c.tuple_iter_type) => Some(Op::FOR_ITER_TUPLE),
            _ if it.is_type(&c.generator_type) => Some(Op::FOR_ITER_GEN),
            _ => None,
        };
        settle(code, at, sp);
    }
}

/// The MethodDef address of a built-in function object (0: not one).
#[inline]
pub(crate) fn builtin_def_of(f: &PyObj) -> usize {
    f.get::<BuiltinFunction>()
        .filter(|b| b.self_.is_none())
        .map_or(0, |b| b.def as *const MethodDef as usize)
}

/// The MethodDef address of a method descriptor (0: not one).
#[inline]
pub(crate) fn method_def_of(f: &PyObj) -> usize {
    f.get::<MethodDescr>()
        .map_or(0, |d| d.def as *const MethodDef as usize)
}

/// A module dict's entry for `name`, as a cache: (keys version, entry number).
pub(super) fn module_entry(d: &PyObj, name: &PyObj) -> Option<Cache> {
    if !string::is_interned(name) {
        return None;
    }
    let h = string::hash(name)?;
    let b = dict::borrow(d)?;
    let pos =
        b.0.find(name, h, &mut |a: &PyObj, k: &PyObj| Ok(string::eq(a, k)))
            .ok()??;
    let version = b.0.version();
    (version != 0).then_some(Cache {
        index: pos as u32,
        version,
        ..Cache::default()
    })
}

/// The value of a module attribute through its cache.
#[inline]
pub(crate) fn module_value(obj: &PyObj, c: &Cache) -> Option<PyObj> {
    let m = obj.get::<Module>()?;
    let b = dict::borrow(&m.dict)?;
    b.0.cached_value(c.version, c.index as usize)
}

/// The instance value through its cache: a hit only while the type and epoch match
/// and the instance keeps its values apart with that attribute set.
#[inline(always)]
pub(crate) fn instance_value(obj: &PyObj, c: &Cache) -> Option<PyObj> {
    if obj.type_addr() != c.key || type_epoch() != c.version {
        return None;
    }
    crate::heap::table::values_entry(obj.values_slot()?, c.index as usize)
}

/// Store an instance value through its cache; the value back when the guard fails.
/// Always inlined: STORE_ATTR_INSTANCE_VALUE is hot (nbody).
#[inline(always)]
pub(crate) fn store_instance_value(obj: &PyObj, c: &Cache, value: PyObj) -> Result<(), PyObj> {
    if obj.type_addr() != c.key || type_epoch() != c.version {
        return Err(value);
    }
    store_values_at(obj, c.index as usize, value)
}

/// Store `value` as entry `ix` of the values `obj` keeps apart, once a guard has
/// found `ix` names the attribute in its class's shared keys; the value back when the
/// instance keeps no values or `ix` is out of their range.
#[inline(always)]
pub(crate) fn store_values_at(obj: &PyObj, ix: usize, value: PyObj) -> Result<(), PyObj> {
    let Some(slot) = obj.values_slot() else {
        return Err(value);
    };
    let Some(mut v) = slot.take() else {
        return Err(value);
    };
    if ix >= v.len() {
        slot.set(Some(v));
        return Err(value);
    }
    // In range and storing a value: values_store cannot refuse.
    let old = dicttable::values_store(&mut v, ix, Some(value));
    slot.set(Some(v));
    drop(old);
    Ok(())
}

/// A LOAD_METHOD_NO_DICT cache's `tag` (otherwise the MRO index where the method
/// lies) when the method is in the own dict of a static type, the cache's `key`:
/// `index` is then its number among the type cache's pinned values (`pin_static`).
pub(crate) const STATIC_OWN: u8 = u8::MAX;

/// The method the LOAD_METHOD_* cache `c` (the contents of `cell`) names, if its
/// guard holds. The method itself is kept in the cache (`Cache::method`) while the
/// attribute epoch it was read at holds (no type dict changed since, so the same
/// object sits where the cache names); after such a change, while the type epoch
/// still holds, it is read again through the type cache and kept anew in `cell` (the
/// instruction's own cache, or a cell the caller writes back to a polymorphic row's
/// entry), made from `c`. `c` comes apart from `cell`: a polymorphic entry's cache is
/// made just before, and a cell it was copied into would be reloaded whole.
#[inline(always)]
pub(crate) fn cached_method(
    obj: &PyObj,
    c: &Cache,
    cell: &Cell<Cache>,
    op: Op,
    name: &PyObj,
    tc: &mut super::ops::TypeCache,
) -> Option<PyObj> {
    if obj.type_addr() != c.key {
        return None;
    }
    if c.tag == STATIC_OWN {
        // Only LOAD_METHOD_NO_DICT (or its polymorphic entry) is so marked.
        return tc.static_method(c.index, obj);
    }
    let holds = if op == Op::LOAD_METHOD_WITH_DICT {
        super::quick_attr::dict_still_lacks(obj, name, c, cell)
    } else {
        method_form_holds(obj, op)
    };
    if !holds {
        return None;
    }
    kept_method(c.attr, &c.method).or_else(|| method_again(obj, c, tc, cell))
}

/// The guard of a LOAD_METHOD form that asks no dict (all but WITH_DICT): the
/// instance keeps its values apart (WITH_VALUES) or has made no dict yet
/// (LAZY_DICT); NO_DICT has none. Shared by the polymorphic entries (quick_poly.rs).
#[inline(always)]
pub(crate) fn method_form_holds(obj: &PyObj, op: Op) -> bool {
    match op {
        Op::LOAD_METHOD_WITH_VALUES => obj
            .values_slot()
            .is_some_and(crate::heap::table::values_present),
        Op::LOAD_METHOD_LAZY_DICT => no_dict_yet(obj),
        _ => true,
    }
}

/// The method a cache keeps, while the attribute epoch it was kept under holds.
#[inline(always)]
pub(crate) fn kept_method(attr: u64, method: &BorrowedSlot) -> Option<PyObj> {
    if attr != dicttable::attr_epoch() {
        return None;
    }
    method.get().and_then(|b| b.get())
}

/// The method a cache names, through the type cache, while the type epoch holds.
#[inline(always)]
fn fetch_method(obj: &PyObj, c: &Cache, tc: &mut super::ops::TypeCache) -> Option<PyObj> {
    if type_epoch() != c.version {
        return None;
    }
    let ty = obj.type_obj();
    let f = tc.fetch(&ty, c.tag as usize, c.index as usize)?;
    (f.is_a::<Function>() || f.is_a::<MethodDescr>()).then_some(f)
}

/// `cached_method` when the kept method does not answer: read again and kept anew.
#[inline(never)]
fn method_again(
    obj: &PyObj,
    c: &Cache,
    tc: &mut super::ops::TypeCache,
    cell: &Cell<Cache>,
) -> Option<PyObj> {
    let f = fetch_method(obj, c, tc)?;
    let mut e = *c;
    e.attr = dicttable::attr_epoch();
    e.method = BorrowedSlot::new(Some(Borrowed::new(&f)));
    cell.set(e);
    Some(f)
}

/// The cache cell of instruction `at` (quickened code only).
#[inline]
pub(crate) fn cache_cell(code: &Code, at: usize) -> Option<&Cell<Cache>> {
    code.caches.get()?.get(at)
}

/// Has `obj` a `__dict__` word with no dict in it yet (and no values apart)?
#[inline]
pub(crate) fn no_dict_yet(obj: &PyObj) -> bool {
    let Some(w) = obj.pre_words().first() else {
        return false;
    };
    let d = w.take();
    let empty = d.is_none();
    w.set(d);
    empty
        && obj.values_slot().is_none_or(|s| {
            let v = s.take();
            let none = v.is_none();
            s.set(v);
            none
        })
}

/// `a op b` for two exact floats.
#[inline]
pub(crate) fn float_op(op: Op, a: &PyObj, b: &PyObj, t: &ExactType<Float>) -> Option<PyObj> {
    let (x, y) = (float::exact_value(a, t)?, float::exact_value(b, t)?);
    let r = match op {
        Op::BINARY_OP_ADD_FLOAT => x + y,
        Op::BINARY_OP_SUBTRACT_FLOAT => x - y,
        Op::BINARY_OP_MULTIPLY_FLOAT => x * y,
        _ => {
            if y == 0.0 {
                return None; // ZeroDivisionError: the general path raises it
            }
            x / y
        }
    };
    Some(float::new(r))
}

/// `a op b` for two exact ints that fit a machine word (and whose result does).
#[inline]
pub(crate) fn int_op(op: Op, a: &PyObj, b: &PyObj, t: &ExactType<Long>) -> Option<PyObj> {
    let (x, y) = (int::exact_i64(a, t)?, int::exact_i64(b, t)?);
    let r = match op {
        Op::BINARY_OP_ADD_INT => x.checked_add(y)?,
        Op::BINARY_OP_SUBTRACT_INT => x.checked_sub(y)?,
        _ => x.checked_mul(y)?,
    };
    Some(int::new_i64(r))
}

/// `a cmp b` for two exact ints that fit a machine word or two exact floats (None:
/// anything else, for the general path). Floats compare as IEEE doubles: every
/// ordering with a NaN is false, `!=` true, as float's richcompare answers.
#[inline(always)]
pub(crate) fn compare_exact(a: &PyObj, b: &PyObj, cmp: CompareOp, c: &Ctx) -> Option<bool> {
    if let (Some(x), Some(y)) = (
        int::exact_i64(a, &c.int_exact),
        int::exact_i64(b, &c.int_exact),
    ) {
        return Some(cmp.holds(Some(x.cmp(&y))));
    }
    let (x, y) = (exact_f64(a, c)?, exact_f64(b, c)?);
    Some(cmp.holds(x.partial_cmp(&y)))
}

/// The value of an exact float, or of an exact int that a double holds exactly (at
/// most 2**53 in magnitude), as a double: what float's richcompare and arithmetic
/// would compute with, exactly.
#[inline(always)]
fn exact_f64(o: &PyObj, c: &Ctx) -> Option<f64> {
    if let Some(f) = float::exact_value(o, &c.float_exact) {
        return Some(f);
    }
    small_f64(int::exact_i64(o, &c.int_exact)?)
}

/// BINARY_OP's own path for the operands it meets most (the forms 3.11 does not
/// specialize, and the mixed ones it does not either): two exact ints that fit a
/// machine word under any operator `int::small_op` takes (`%`, `//`, `&`, `|`, `^`,
/// `<<`, `>>` and the rest) whose result fits too; `+`, `-`, `*`, `/` of an exact
/// float with an exact float or a small exact int; and `/` of two small exact ints:
/// the double arithmetic float's slots (and int's true division, exact for such
/// operands) do. None: anything else, a zero divisor included (the general path
/// raises). One call out of the eval loop, the result made in tail position.
#[inline(never)]
pub(crate) fn binary_fast(a: &PyObj, b: &PyObj, arg: u32, c: &Ctx) -> Option<PyObj> {
    let op = BinaryOp::from_arg(arg);
    let t = &c.int_exact;
    let (x, y) = match (int::exact_i64(a, t), int::exact_i64(b, t)) {
        (Some(x), Some(y)) if op != BinaryOp::TrueDivide => return int::small_op(op, x, y),
        (Some(x), Some(y)) => (small_f64(x)?, small_f64(y)?),
        _ => (exact_f64(a, c)?, exact_f64(b, c)?),
    };
    let r = match op {
        BinaryOp::Add => x + y,
        BinaryOp::Subtract => x - y,
        BinaryOp::Multiply => x * y,
        BinaryOp::TrueDivide if y != 0.0 => x / y,
        _ => return None,
    };
    Some(float::new(r))
}

/// An int as the double that holds it exactly (at most 2**53 in magnitude).
#[inline(always)]
fn small_f64(i: i64) -> Option<f64> {
    (i.unsigned_abs() <= 1 << 53).then_some(i as f64)
}

/// `-v` for an exact int that fits a machine word (and whose negation does) or an
/// exact float; None: the type's negative slot.
#[inline(always)]
pub(crate) fn negate_exact(v: &PyObj, c: &Ctx) -> Option<PyObj> {
    if let Some(x) = int::exact_i64(v, &c.int_exact) {
        return x.checked_neg().map(int::new_i64);
    }
    float::exact_value(v, &c.float_exact).map(|x| float::new(-x))
}

/// `a cmp b` for two exact ints that fit a machine word (COMPARE_OP_INT_JUMP).
#[inline(always)]
pub(crate) fn compare_int(a: &PyObj, b: &PyObj, arg: u32, c: &Ctx) -> Option<bool> {
    let (x, y) = (
        int::exact_i64(a, &c.int_exact)?,
        int::exact_i64(b, &c.int_exact)?,
    );
    Some(CompareOp::arg_holds(arg, Some(x.cmp(&y))))
}

/// `a cmp b` for two exact floats (COMPARE_OP_FLOAT_JUMP): IEEE's answers, every
/// ordering with a NaN false and `!=` true.
#[inline(always)]
pub(crate) fn compare_float(a: &PyObj, b: &PyObj, arg: u32, c: &Ctx) -> Option<bool> {
    let (x, y) = (
        float::exact_value(a, &c.float_exact)?,
        float::exact_value(b, &c.float_exact)?,
    );
    Some(CompareOp::arg_holds(arg, x.partial_cmp(&y)))
}

/// `a == b` or `a != b` for two exact strs (COMPARE_OP_STR_JUMP).
#[inline(always)]
pub(crate) fn compare_str(a: &PyObj, b: &PyObj, arg: u32, c: &Ctx) -> Option<bool> {
    if !a.is_type(&c.str_type) || !b.is_type(&c.str_type) {
        return None;
    }
    let e = string::eq(a, b);
    Some(if CompareOp::from_arg(arg) == CompareOp::Eq {
        e
    } else {
        !e
    })
}

/// `l[i]` for an exact list and a non-negative int index in range.
#[inline(always)]
pub(crate) fn list_item(l: &PyObj, key: &PyObj, c: &Ctx) -> Option<PyObj> {
    let i = int::exact_index(key, &c.int_exact)?;
    l.borrow_exact(&c.list_exact)?.0.get(i).cloned()
}

/// `t[i]` for an exact tuple and a non-negative int index in range.
#[inline(always)]
pub(crate) fn tuple_item(t: &PyObj, key: &PyObj, c: &Ctx) -> Option<PyObj> {
    let i = int::exact_index(key, &c.int_exact)?;
    let (_, items) = t.var_exact(&c.tuple_exact)?;
    items.get(i).cloned()
}

/// `l[i] = v` for an exact list and an int index in range; the value back if not.
#[inline(always)]
pub(crate) fn store_list_item(l: &PyObj, key: &PyObj, v: PyObj, c: &Ctx) -> Result<(), PyObj> {
    let Some(i) = int::exact_index(key, &c.int_exact) else {
        return Err(v);
    };
    let old = {
        let Some(mut b) = l.borrow_mut_exact(&c.list_exact) else {
            return Err(v);
        };
        match b.0.get_mut(i) {
            Some(slot) => std::mem::replace(slot, v),
            None => return Err(v),
        }
    };
    drop(old);
    Ok(())
}
