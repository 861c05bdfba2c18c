//! Type objects: the extension data every glasspy type object carries.
//!
//! The heap's `TypeObject<X>` puts the vtable of the type's instances first; `TypeInfo`
//! is the `X`: what Python sees of a type (its name, base, dict and MRO). Classes made
//! by `class` statements or `type(name, bases, dict)` also carry a `HeapType`.

use std::borrow::Cow;
use std::cell::RefCell;

use crate::heap::{Payload, PyObj, TypeRef, Visit, Vtable};

use super::builtin_function::MethodDef;

pub mod class_slots;
pub mod lazy_dict;
pub mod slotdefs;
pub mod slotdocs;
pub mod slots;
pub mod subclasses;
pub mod wrapper;

/// What Python sees of a type.
pub struct TypeInfo {
    /// `__name__`.
    pub name: Cow<'static, str>,
    /// `__base__` (None only for `object`); set once (`type` is made before `object`
    /// and gets its base right after).
    base: std::cell::OnceCell<TypeRef>,
    /// `__dict__`: the type's attributes and methods (made on first use for built-in
    /// types). A cell so the collector can clear a class caught in a cycle.
    pub dict: RefCell<Option<PyObj>>,
    /// `__mro__` (a tuple of types, the type first); computed on first use for
    /// built-in types.
    pub mro: RefCell<Option<PyObj>>,
    /// What only classes have.
    pub heap: Option<Box<HeapType>>,
    /// The slot functions (slots.rs); a class's are resolved from its MRO.
    pub slots: slots::Slots,
    /// The slot epoch a class's slots were resolved in (slotdefs.rs).
    pub slots_epoch: std::cell::Cell<u64>,
    /// Weak references to the classes made with this type as a direct base
    /// (subclasses.rs; not traversed).
    pub subclasses: RefCell<Vec<PyObj>>,
}

/// The object flag bit of a type object that says: calling an attribute of this type
/// found on a class with the instance as the first argument is the same as binding it
/// and calling the bound method (CPython's Py_TPFLAGS_METHOD_DESCRIPTOR; function,
/// method_descriptor and wrapper_descriptor set it). LOAD_METHOD and special method
/// calls then skip the bound method object. (A bit in the header, not a field: the
/// type object keeps CPython's size.)
const METHOD_DESCRIPTOR: u32 = 0;

/// The parts of a class that built-in types do not have.
pub struct HeapType {
    /// `__qualname__`.
    pub qualname: RefCell<PyObj>,
    /// `__bases__` (a tuple).
    pub bases: RefCell<Option<PyObj>>,
    /// The vtable of the built-in payload the instances carry (object's `Instance`,
    /// an exception's, a list's, ...), before words were added.
    pub payload_vt: &'static Vtable,
    /// Instances have a managed `__dict__` (pre-header word 0).
    pub has_dict: bool,
    /// Instances have a `__weakref__` word (always empty: glasspy has no weakref).
    pub has_weakref: bool,
    /// The `__slots__` names this class added (their words follow the base's).
    pub slot_names: Vec<PyObj>,
    /// The str keys its instances' values share (CPython's ht_cached_keys), when they
    /// have a managed `__dict__` (see vm/instance.rs).
    pub cached_keys: Option<crate::objects::dicttable::Keys>,
    /// The class (or a base) has had a `__new__` of its own: its tp_new stays the slot
    /// that calls `__new__` through the MRO even once that is deleted (CPython keeps
    /// slot_tp_new), so object.__new__ then refuses extra arguments.
    pub new_slot: std::cell::Cell<bool>,
}

/// Does `ty` create instances through a `__new__` of a class (tp_new is not
/// object_new), now or once?
pub fn has_new_slot(ty: &TypeRef) -> bool {
    let m = mro(ty);
    let found = mro_types(&m).any(|t| info(&t).heap.as_ref().is_some_and(|h| h.new_slot.get()));
    found
}

impl TypeInfo {
    /// Type data with an empty dict.
    pub fn new(name: Cow<'static, str>, base: Option<TypeRef>) -> TypeInfo {
        let cell = std::cell::OnceCell::new();
        if let Some(b) = base {
            let _ = cell.set(b);
        }
        TypeInfo {
            name,
            base: cell,
            dict: RefCell::new(None),
            mro: RefCell::new(None),
            heap: None,
            slots: slots::Slots::default(),
            slots_epoch: std::cell::Cell::new(0),
            subclasses: RefCell::new(Vec::new()),
        }
    }
}

impl TypeInfo {
    /// `__base__`: None only for `object`.
    #[inline]
    pub fn base(&self) -> Option<&TypeRef> {
        self.base.get()
    }

    /// Give a type made without one its base (`type`, whose base `object` is made
    /// after it). A type that has a base keeps it.
    pub fn set_base(&self, base: TypeRef) {
        let _ = self.base.set(base);
    }
}

impl Payload for TypeInfo {
    type Item = ();
    const NAME: &'static str = "type";
    const GC: bool = true;
    fn traverse(&self, _: &[()], visit: Visit<'_>) {
        if let Some(b) = self.base.get() {
            visit(b.as_obj());
        }
        if let Ok(d) = self.dict.try_borrow() {
            if let Some(d) = &*d {
                visit(d);
            }
        }
        if let Ok(m) = self.mro.try_borrow() {
            if let Some(m) = &*m {
                visit(m);
            }
        }
        if let Some(h) = &self.heap {
            if let Ok(b) = h.bases.try_borrow() {
                if let Some(b) = &*b {
                    visit(b);
                }
            }
            if let Ok(q) = h.qualname.try_borrow() {
                visit(&q);
            }
        }
    }
    /// A class's cached shared keys (ht_cached_keys), as CPython's type.__sizeof__.
    fn extra_size(&self) -> usize {
        self.heap
            .as_ref()
            .and_then(|h| h.cached_keys.as_ref())
            .map_or(0, |k| k.block_size())
    }
    fn clear_shared(&self, _: &[()]) {
        super::dicttable::bump_type_epoch();
        self.leave_bases();
        // type_clear: the dict and the MRO (which holds the class itself).
        let d = self.dict.try_borrow_mut().ok().and_then(|mut d| d.take());
        let m = self.mro.try_borrow_mut().ok().and_then(|mut m| m.take());
        let b = self
            .heap
            .as_ref()
            .and_then(|h| h.bases.try_borrow_mut().ok().and_then(|mut b| b.take()));
        drop((d, m, b));
    }
}

impl TypeInfo {
    /// A dying class (its weak references are cleared by now): the dead entries go
    /// from its bases' subclass lists.
    fn leave_bases(&self) {
        let Some(h) = &self.heap else { return };
        let bases: Vec<TypeRef> = match h.bases.try_borrow() {
            Ok(b) => b
                .as_ref()
                .and_then(super::tuple::items)
                .unwrap_or(&[])
                .iter()
                .filter_map(TypeRef::from_obj::<TypeInfo>)
                .collect(),
            Err(_) => return,
        };
        for b in &bases {
            subclasses::prune(b);
        }
    }
}

impl Drop for TypeInfo {
    fn drop(&mut self) {
        // Attribute caches key types by address (vm/ops/typecache.rs).
        super::dicttable::bump_type_epoch();
        self.leave_bases();
    }
}

/// The `TypeInfo` of a type object.
#[inline]
pub fn info(ty: &TypeRef) -> &TypeInfo {
    ty.ext::<TypeInfo>()
        .expect("every glasspy type object carries a TypeInfo")
}

/// The type's `__dict__`, with everything a built-in type's dict was given in it
/// (lazy_dict.rs).
pub fn type_dict(ty: &TypeRef) -> PyObj {
    let d = type_dict_raw(ty);
    lazy_dict::open(ty, &d);
    d
}

/// The type's dict as it is, for setting up a built-in type: the bulk fills of a
/// built-in type may not be in it yet (lazy_dict.rs). Setting names in it is always
/// right (they keep their place and value once the fills come); looking a method up
/// in it is not.
pub fn type_dict_raw(ty: &TypeRef) -> PyObj {
    let i = info(ty);
    if let Some(d) = &*i.dict.borrow() {
        return d.clone();
    }
    let d = super::dict::new();
    *i.dict.borrow_mut() = Some(d.clone());
    d
}

/// Add built-in methods to a built-in type's dict, as method descriptors.
pub fn add_methods(ty: &TypeRef, defs: &'static [MethodDef]) {
    lazy_dict::fill(ty, lazy_dict::Fill::Methods(defs));
}

fn put_methods(d: &PyObj, ty: &TypeRef, defs: &'static [MethodDef]) {
    for def in defs {
        let descr = super::builtin_function::descriptor(def, ty);
        super::dict::set_str(d, def.name, descr).expect("str keys hash and compare");
    }
}

/// Add the data attributes of a built-in type to its dict, as member or getset
/// descriptors.
pub fn add_getsets(ty: &TypeRef, defs: &'static [super::descr::GetSetDef]) {
    lazy_dict::fill(ty, lazy_dict::Fill::Getsets(defs));
}

fn put_getsets(d: &PyObj, ty: &TypeRef, defs: &'static [super::descr::GetSetDef]) {
    use super::descr::{Descr, DescrKind};
    let c = super::ctx();
    for def in defs {
        let dty = if def.member {
            &c.member_descriptor_type
        } else {
            &c.getset_descriptor_type
        };
        let name = super::string::intern_str(def.name);
        let descr = PyObj::new(
            dty,
            Descr {
                owner: ty.clone(),
                name: name.clone(),
                qualname: None,
                kind: DescrKind::Builtin(def),
            },
        );
        super::dict::set_str(d, def.name, descr).expect("str keys hash and compare");
    }
}

/// Add built-in classmethods to a built-in type's dict, as classmethod descriptors.
pub fn add_classmethods(ty: &TypeRef, defs: &[&'static MethodDef]) {
    lazy_dict::fill(ty, lazy_dict::Fill::Classmethods(defs.to_vec()));
}

fn put_classmethods(d: &PyObj, ty: &TypeRef, defs: &[&'static MethodDef]) {
    for def in defs {
        let descr = super::builtin_function::classmethod_descriptor(def, ty);
        super::dict::set_str(d, def.name, descr).expect("str keys hash and compare");
    }
}

/// Hashes a type's address, for the tables keyed by one (CONSTRUCTORS: the
/// PRECALL_BUILTIN_CLASS lookup at each call; lazy_dict's waiting fills): one
/// multiplication, its high half folded into the low bits the tables index by
/// (addresses are aligned, so the product's low bits alone are poor). SipHash cost
/// more than the rest of those lookups.
#[derive(Default)]
pub(super) struct AddressHasher(u64);

impl std::hash::Hasher for AddressHasher {
    fn finish(&self) -> u64 {
        self.0 ^ (self.0 >> 32)
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.write_u64(u64::from(b));
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0 ^ n).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    }
    fn write_usize(&mut self, n: usize) {
        self.write_u64(n as u64);
    }
}

type ConstructorMap = std::collections::HashMap<
    usize,
    &'static MethodDef,
    std::hash::BuildHasherDefault<AddressHasher>,
>;

thread_local! {
    /// The constructor of each built-in type given one, by the type's address
    /// (built-in types live as long as the thread).
    static CONSTRUCTORS: RefCell<ConstructorMap> = RefCell::new(ConstructorMap::default());
}

/// What a built-in type's `__new__` is (CPython's tp_new_wrapper): a builtin method
/// named `__new__` bound to the type, which calls the type's constructor with the
/// class to make first (`int.__new__(MyInt, 5)`).
static TP_NEW: MethodDef = MethodDef {
    name: "__new__",
    func: tp_new_wrapper,
};

fn tp_new_wrapper(
    rt: &mut dyn crate::objects::runtime::Runtime,
    args: crate::objects::args::Args<'_>,
) -> crate::objects::exceptions::VmResult<PyObj> {
    let owner = &args.all[0];
    let def = constructor(owner).expect("tp_new_wrapper is bound to a type with a constructor");
    let owner_ty = TypeRef::from_obj::<TypeInfo>(owner).expect("a type");
    let name = &info(&owner_ty).name;
    let Some(cls) = args.pos().get(1) else {
        return Err(super::exceptions::type_error(format!(
            "{name}.__new__(): not enough arguments"
        )));
    };
    if TypeRef::from_obj::<TypeInfo>(cls).is_none() {
        return Err(super::exceptions::type_error(format!(
            "{name}.__new__(X): X is not a type object ({})",
            type_name(cls)
        )));
    }
    (def.func)(
        rt,
        crate::objects::args::Args {
            all: &args.all[1..],
            kwnames: args.kwnames,
        },
    )
}

/// The constructor of the built-in type `ty` (an object), if it has one.
pub fn constructor(ty: &PyObj) -> Option<&'static MethodDef> {
    CONSTRUCTORS.with(|m| m.borrow().get(&ty.id()).copied())
}

/// The constructor behind a `__new__` found in a built-in type's dict (None for any
/// other object): what calling the type runs, with the class first.
pub fn constructor_of(new: &PyObj) -> Option<&'static MethodDef> {
    let b = new.get::<super::builtin_function::BuiltinFunction>()?;
    if !std::ptr::eq(b.def, &TP_NEW) {
        return None;
    }
    constructor(b.self_.as_ref()?)
}

/// Set a built-in type's constructor (called with the type first) and its `__new__`.
pub fn set_new(ty: &TypeRef, def: &'static MethodDef) {
    CONSTRUCTORS.with(|m| m.borrow_mut().insert(ty.as_obj().id(), def));
    let f = super::builtin_function::new(&TP_NEW, Some(ty.as_obj().clone()), None);
    super::dict::set_str(&type_dict_raw(ty), "__new__", f).expect("str keys hash and compare");
}

/// Give built-in type `ty` the slots of `own` plus those its base has (its base must
/// have its slots already), and its slot wrappers (made on the dict's first use,
/// lazy_dict.rs).
pub fn install_builtin_slots(ty: &TypeRef, own: &slots::SlotTable) {
    let i = info(ty);
    i.slots.set_all(own);
    add_wrappers(ty, own);
    if let Some(b) = i.base() {
        i.slots.inherit(&info(b).slots);
    }
}

/// The slot wrappers of `own`'s slots for `ty`'s dict (none for an empty table).
fn add_wrappers(ty: &TypeRef, own: &slots::SlotTable) {
    if !own.is_empty() {
        lazy_dict::fill(ty, lazy_dict::Fill::Operators(Box::new(*own)));
    }
}

/// Fill one more slot of a built-in type (made by a layer above the objects) and put
/// its slot wrapper(s) in the type's dict.
pub fn add_slot(ty: &TypeRef, id: slots::SlotId, f: slots::AnySlot) {
    info(ty).slots.set(id, Some(f));
    let mut one = slots::SlotTable::EMPTY;
    one.set(id, Some(f));
    add_wrappers(ty, &one);
}

/// `type(obj).__name__`.
pub fn type_name(obj: &PyObj) -> String {
    info(&obj.type_obj()).name.to_string()
}

/// The `__qualname__` of obj's type (a class's own, a built-in type's name).
pub fn type_qualname(obj: &PyObj) -> String {
    let ty = obj.type_obj();
    let i = info(&ty);
    i.heap
        .as_ref()
        .and_then(|h| h.qualname.try_borrow().ok())
        .and_then(|q| super::string::as_str(&q).map(|s| s.into_owned()))
        .unwrap_or_else(|| i.name.to_string())
}

/// The type's MRO, the type first (`__mro__`, a tuple of types). A class cleared by
/// the collector (it was garbage in a cycle) has just itself.
pub fn mro(ty: &TypeRef) -> PyObj {
    let i = info(ty);
    if let Some(m) = &*i.mro.borrow() {
        return m.clone();
    }
    if i.heap.is_some() {
        return super::tuple::new(vec![ty.as_obj().clone()]);
    }
    // A built-in type: its single-inheritance chain (made on request, not kept, so
    // looking at `int.__mro__` leaves nothing behind).
    super::tuple::new(base_chain(ty).map(|t| t.as_obj().clone()).collect())
}

/// A built-in type and its bases, in order (its MRO: built-in types have one base).
pub fn base_chain(ty: &TypeRef) -> impl Iterator<Item = TypeRef> {
    let mut cur = Some(ty.clone());
    std::iter::from_fn(move || {
        let t = cur.take()?;
        cur = info(&t).base().cloned();
        Some(t)
    })
}

/// The types of an MRO tuple, in order.
pub fn mro_types(m: &PyObj) -> impl Iterator<Item = TypeRef> + '_ {
    super::tuple::items(m)
        .unwrap_or(&[])
        .iter()
        .filter_map(TypeRef::from_obj::<TypeInfo>)
}

/// Is `ty` the type `base` or a subtype of it (along its MRO)?
pub fn is_subtype(ty: &TypeRef, base: &TypeRef) -> bool {
    if ty.is(base) {
        return true;
    }
    if info(ty).heap.is_none() {
        // Built-in types: single inheritance, no MRO to build.
        let mut cur = info(ty).base().cloned();
        while let Some(t) = cur {
            if t.is(base) {
                return true;
            }
            cur = info(&t).base().cloned();
        }
        return false;
    }
    // A class's MRO is set when it is made; the types in it are compared by address.
    let m = info(ty).mro.borrow();
    match m.as_ref().and_then(|m| super::tuple::items(m)) {
        Some(types) => types.iter().any(|t| t.is(base.as_obj())),
        None => false,
    }
}

/// Mark `ty` as a method descriptor type (`METHOD_DESCRIPTOR`).
pub fn set_method_descriptor(ty: &TypeRef) {
    ty.as_obj().set_obj_flag(METHOD_DESCRIPTOR, true);
}

/// Is `f`'s type a method descriptor type (`METHOD_DESCRIPTOR`)?
#[inline]
pub fn is_method_descriptor(f: &PyObj) -> bool {
    f.type_flag(METHOD_DESCRIPTOR)
}

/// Is this a class (made by `class` or type(name, bases, dict))?
#[inline]
pub fn is_heap_type(ty: &TypeRef) -> bool {
    info(ty).heap.is_some()
}

/// type.__repr__: `<class 'module.Name'>`.
fn type_repr(
    _rt: &mut dyn crate::objects::runtime::Runtime,
    o: &PyObj,
) -> crate::objects::exceptions::VmResult<String> {
    let ty = TypeRef::from_obj::<TypeInfo>(o).expect("a type");
    Ok(format!(
        "<class '{}'>",
        crate::objects::object::class_display_name(&ty)
    ))
}

/// type's slots.
pub const SLOTS: slots::SlotTable = slots::SlotTable {
    repr: Some(type_repr),
    ..slots::SlotTable::EMPTY
};
