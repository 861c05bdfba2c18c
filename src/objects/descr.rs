//! Descriptor and class-helper objects: staticmethod, classmethod, property, the
//! member descriptors of `__slots__`, the `__dict__` / `__weakref__` getset
//! descriptors of classes, super, and the payload of plain class instances. Layouts
//! follow CPython's structs so getsizeof agrees (48, 48, 80, 64, 64, 56).

use crate::heap::{Payload, PyObj, TypeRef, Visit};
use crate::objects::exceptions::VmResult;
use crate::objects::runtime::Runtime;
use crate::objects::typeobj::slots::SlotTable;

/// An instance of a class whose solid base is `object`: everything it holds lives in
/// the words its class's layout adds (the managed `__dict__` pre-header, `__slots__`
/// values, the `__weakref__` slot), so the payload itself is empty.
pub struct Instance;

impl Payload for Instance {
    type Item = ();
    const NAME: &'static str = "object";
    const GC: bool = true;
}

/// staticmethod(f) and classmethod(f): CPython's staticmethod / classmethod structs.
pub struct Wrapper {
    pub callable: PyObj,
    /// `__dict__` (made on first use; never here today).
    pub dict: Option<PyObj>,
}

impl Payload for Wrapper {
    type Item = ();
    const NAME: &'static str = "staticmethod";
    const GC: bool = true;
    fn traverse(&self, _: &[()], visit: Visit<'_>) {
        visit(&self.callable);
        if let Some(d) = &self.dict {
            visit(d);
        }
    }
}

/// property(fget, fset, fdel, doc).
pub struct Property {
    pub fget: Option<PyObj>,
    pub fset: Option<PyObj>,
    pub fdel: Option<PyObj>,
    pub doc: Option<PyObj>,
    /// The attribute name (set by `__set_name__`), for error messages.
    pub name: Option<PyObj>,
    /// The doc came from the getter.
    pub getter_doc: usize,
}

impl Payload for Property {
    type Item = ();
    const NAME: &'static str = "property";
    const GC: bool = true;
    const MUTABLE: bool = true;
    fn traverse(&self, _: &[()], visit: Visit<'_>) {
        for o in [&self.fget, &self.fset, &self.fdel, &self.doc, &self.name]
            .into_iter()
            .flatten()
        {
            visit(o);
        }
    }
    fn clear(&mut self) {
        let t = (
            self.fget.take(),
            self.fset.take(),
            self.fdel.take(),
            self.doc.take(),
            self.name.take(),
        );
        drop(t);
    }
}

/// What a `Descr` gives access to.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum DescrKind {
    /// `__slots__` value number `n` (the instance's word n): member_descriptor.
    Slot(usize),
    /// The instance's `__dict__`: getset_descriptor.
    Dict,
    /// The instance's `__weakref__` (always None): getset_descriptor.
    Weakref,
    /// A data attribute of a built-in type (`slice.start`, `function.__doc__`, ...).
    Builtin(&'static GetSetDef),
}

/// A data attribute of a built-in type, as its dict describes it (CPython's
/// PyMemberDef / PyGetSetDef): a member_descriptor or a getset_descriptor. Reading and
/// writing go to the VM's code for the type's attributes.
#[derive(PartialEq, Eq, Debug)]
pub struct GetSetDef {
    pub name: &'static str,
    /// A member_descriptor (a field of the object) rather than a getset_descriptor.
    pub member: bool,
    /// Assignable (`f.__doc__ = ...`); else "readonly attribute" / "not writable".
    pub writable: bool,
}

impl GetSetDef {
    /// A read-only member.
    pub const fn member(name: &'static str) -> GetSetDef {
        GetSetDef {
            name,
            member: true,
            writable: false,
        }
    }
    /// A writable member.
    pub const fn member_rw(name: &'static str) -> GetSetDef {
        GetSetDef {
            name,
            member: true,
            writable: true,
        }
    }
    /// A read-only getset.
    pub const fn getter(name: &'static str) -> GetSetDef {
        GetSetDef {
            name,
            member: false,
            writable: false,
        }
    }
    /// A getset with a setter.
    pub const fn getset(name: &'static str) -> GetSetDef {
        GetSetDef {
            name,
            member: false,
            writable: true,
        }
    }
}

/// A member or getset descriptor of a class (PyDescr_COMMON plus the member).
pub struct Descr {
    pub owner: TypeRef,
    pub name: PyObj,
    /// `__qualname__`, made on request (never stored today).
    pub qualname: Option<PyObj>,
    pub kind: DescrKind,
}

impl Payload for Descr {
    type Item = ();
    const NAME: &'static str = "member_descriptor";
    const GC: bool = true;
    fn traverse(&self, _: &[()], visit: Visit<'_>) {
        visit(self.owner.as_obj());
        visit(&self.name);
        if let Some(q) = &self.qualname {
            visit(q);
        }
    }
}

/// super(type, obj): CPython's superobject.
pub struct Super {
    /// The class after which the MRO search starts.
    pub ty: TypeRef,
    /// The instance or class the methods bind to (None when unbound).
    pub obj: Option<PyObj>,
    /// The type whose MRO is searched.
    pub obj_type: Option<TypeRef>,
}

impl Payload for Super {
    type Item = ();
    const NAME: &'static str = "super";
    const GC: bool = true;
    fn traverse(&self, _: &[()], visit: Visit<'_>) {
        visit(self.ty.as_obj());
        if let Some(o) = &self.obj {
            visit(o);
        }
        if let Some(t) = &self.obj_type {
            visit(t.as_obj());
        }
    }
}

/// staticmethod / classmethod: `<staticmethod(<function f at 0x...>)>`.
fn wrapper_repr(rt: &mut dyn Runtime, o: &PyObj) -> VmResult<String> {
    let f = o.get::<Wrapper>().expect("a staticmethod").callable.clone();
    let inner = rt.repr(&f)?;
    Ok(format!("<{}({inner})>", super::typeobj::type_name(o)))
}

/// member_descriptor / getset_descriptor.
fn descr_repr(_rt: &mut dyn Runtime, o: &PyObj) -> VmResult<String> {
    let d = o.get::<Descr>().expect("a descriptor");
    let n = super::string::as_str(&d.name).unwrap_or_default();
    let owner = super::typeobj::info(&d.owner).name.to_string();
    Ok(match d.kind {
        DescrKind::Slot(_) => format!("<member '{n}' of '{owner}' objects>"),
        DescrKind::Builtin(g) if g.member => format!("<member '{n}' of '{owner}' objects>"),
        _ => format!("<attribute '{n}' of '{owner}' objects>"),
    })
}

fn super_repr(_rt: &mut dyn Runtime, o: &PyObj) -> VmResult<String> {
    let sp = o.get::<Super>().expect("a super object");
    let tn = super::object::class_display_name(&sp.ty);
    Ok(match &sp.obj_type {
        Some(ot) => format!(
            "<super: <class '{tn}'>, <{} object>>",
            super::typeobj::info(ot).name
        ),
        None => format!("<super: <class '{tn}'>, NULL>"),
    })
}

/// staticmethod's and classmethod's slots.
pub const WRAPPER_SLOTS: SlotTable = SlotTable {
    repr: Some(wrapper_repr),
    ..SlotTable::EMPTY
};

fn descr_get(
    rt: &mut dyn Runtime,
    d: &PyObj,
    obj: Option<&PyObj>,
    ty: &TypeRef,
) -> VmResult<PyObj> {
    rt.descr_get(d, obj, ty)
}

fn descr_set(rt: &mut dyn Runtime, d: &PyObj, obj: &PyObj, value: Option<PyObj>) -> VmResult<()> {
    rt.descr_set(d, obj, value)
}

/// member_descriptor's and getset_descriptor's slots (their `__get__`, `__set__` and
/// `__delete__` are the VM's descriptor code).
pub const DESCR_SLOTS: SlotTable = SlotTable {
    repr: Some(descr_repr),
    descr_get: Some(descr_get),
    descr_set: Some(descr_set),
    ..SlotTable::EMPTY
};

/// super's slots.
pub const SUPER_SLOTS: SlotTable = SlotTable {
    repr: Some(super_repr),
    ..SlotTable::EMPTY
};
