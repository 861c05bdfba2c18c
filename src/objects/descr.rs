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

/// member_descriptor's and getset_descriptor's slots.
pub const DESCR_SLOTS: SlotTable = SlotTable {
    repr: Some(descr_repr),
    ..SlotTable::EMPTY
};

/// super's slots.
pub const SUPER_SLOTS: SlotTable = SlotTable {
    repr: Some(super_repr),
    ..SlotTable::EMPTY
};
