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

/// Reads a built-in data attribute of `obj` (CPython's getter / a member's read).
pub type Getter = fn(&mut dyn Runtime, &PyObj) -> VmResult<PyObj>;
/// Writes (Some) or deletes (None) a built-in data attribute of `obj`.
pub type Setter = fn(&mut dyn Runtime, &PyObj, Option<PyObj>) -> VmResult<()>;

/// A data attribute of a built-in type, as its dict describes it (CPython's
/// PyMemberDef / PyGetSetDef): a member_descriptor or a getset_descriptor with the
/// functions that read and write it. The type's file defines its table; the generic
/// getattr finds the descriptor through the type's MRO.
pub struct GetSetDef {
    pub name: &'static str,
    /// A member_descriptor (a field of the object) rather than a getset_descriptor.
    pub member: bool,
    pub get: Getter,
    /// None: read-only ("readonly attribute" / "... is not writable").
    pub set: Option<Setter>,
}

impl std::fmt::Debug for GetSetDef {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "GetSetDef({})", self.name)
    }
}

impl PartialEq for GetSetDef {
    /// The same definition (tables are statics).
    fn eq(&self, other: &GetSetDef) -> bool {
        std::ptr::eq(self, other)
    }
}

impl Eq for GetSetDef {}

impl GetSetDef {
    /// A read-only member.
    pub const fn member(name: &'static str, get: Getter) -> GetSetDef {
        GetSetDef {
            name,
            member: true,
            get,
            set: None,
        }
    }
    /// A writable member.
    pub const fn member_rw(name: &'static str, get: Getter, set: Setter) -> GetSetDef {
        GetSetDef {
            name,
            member: true,
            get,
            set: Some(set),
        }
    }
    /// A read-only getset.
    pub const fn getter(name: &'static str, get: Getter) -> GetSetDef {
        GetSetDef {
            name,
            member: false,
            get,
            set: None,
        }
    }
    /// A getset with a setter.
    pub const fn getset(name: &'static str, get: Getter, set: Setter) -> GetSetDef {
        GetSetDef {
            name,
            member: false,
            get,
            set: Some(set),
        }
    }
}

/// `o` as the payload a getter expects (the descriptor checked the type already;
/// a mismatch is a TypeError rather than a panic).
pub fn expect<'a, T: Payload>(o: &'a PyObj, what: &str) -> VmResult<&'a T> {
    o.get::<T>().ok_or_else(|| {
        super::exceptions::type_error(format!(
            "descriptor for '{what}' objects doesn't apply to a '{}' object",
            super::typeobj::type_name(o)
        ))
    })
}

/// None for a missing optional field.
pub fn none_or(o: &Option<PyObj>) -> PyObj {
    o.clone().unwrap_or_else(|| super::ctx().none.clone())
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

/// Is `name` the str "__class__" (the name super looks up on itself, and the
/// zero-argument form's free variable)?
pub fn is_class_name(name: &PyObj) -> bool {
    super::string::is_ascii_text(name, "__class__")
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

/// staticmethod's slots: `__get__` gives the callable itself.
pub const STATICMETHOD_SLOTS: SlotTable = SlotTable {
    getattro: Some(wrapper_getattro),
    repr: Some(wrapper_repr),
    descr_get: Some(staticmethod_get),
    ..SlotTable::EMPTY
};

/// classmethod's slots: `__get__` binds the callable to the class.
pub const CLASSMETHOD_SLOTS: SlotTable = SlotTable {
    descr_get: Some(classmethod_get),
    ..STATICMETHOD_SLOTS
};

fn staticmethod_get(
    _rt: &mut dyn Runtime,
    d: &PyObj,
    _obj: Option<&PyObj>,
    _ty: &TypeRef,
) -> VmResult<PyObj> {
    wrapped(d)
}

fn classmethod_get(
    _rt: &mut dyn Runtime,
    d: &PyObj,
    _obj: Option<&PyObj>,
    ty: &TypeRef,
) -> VmResult<PyObj> {
    Ok(super::method::new(wrapped(d)?, ty.as_obj().clone()))
}

/// property's slots: the getter on an instance (the property itself on the class),
/// the setter or deleter for `obj.name = v` / `del obj.name`.
pub const PROPERTY_SLOTS: SlotTable = SlotTable {
    descr_get: Some(property_get),
    descr_set: Some(property_set),
    ..SlotTable::EMPTY
};

/// "property 'x' of 'A' object has no setter" (getter / setter / deleter): the
/// names as reprs, the class by its qualified name; a property that was never given
/// a name (made outside a class body) is just "property of 'A' object ...".
fn property_lacks(p: &Property, o: &PyObj, what: &str) -> super::exceptions::Exc {
    let class = super::unicode::repr::repr_str(&super::typeobj::type_qualname(o));
    let name = p.name.as_ref().and_then(super::string::as_str);
    let msg = match name {
        Some(n) => format!(
            "property {} of {class} object has no {what}",
            super::unicode::repr::repr_str(&n)
        ),
        None => format!("property of {class} object has no {what}"),
    };
    super::exceptions::named("AttributeError", msg)
}

fn property_in_use() -> super::exceptions::Exc {
    super::exceptions::type_error("property in use")
}

fn property_get(
    rt: &mut dyn Runtime,
    d: &PyObj,
    obj: Option<&PyObj>,
    _ty: &TypeRef,
) -> VmResult<PyObj> {
    let Some(o) = obj else {
        return Ok(d.clone());
    };
    let get = {
        let p = d.borrow::<Property>().map_err(|_| property_in_use())?;
        match &p.fget {
            Some(f) => f.clone(),
            None => return Err(property_lacks(&p, o, "getter")),
        }
    };
    rt.call(&get, super::args::Args::positional(std::slice::from_ref(o)))
}

fn property_set(rt: &mut dyn Runtime, d: &PyObj, o: &PyObj, value: Option<PyObj>) -> VmResult<()> {
    let f = {
        let p = d.borrow::<Property>().map_err(|_| property_in_use())?;
        let (f, what) = match &value {
            Some(_) => (&p.fset, "setter"),
            None => (&p.fdel, "deleter"),
        };
        match f {
            Some(f) => f.clone(),
            None => return Err(property_lacks(&p, o, what)),
        }
    };
    let mut args = vec![o.clone()];
    args.extend(value);
    rt.call(&f, super::args::Args::positional(&args))?;
    Ok(())
}

/// member_descriptor's and getset_descriptor's slots.
pub const DESCR_SLOTS: SlotTable = SlotTable {
    repr: Some(descr_repr),
    descr_get: Some(descr_get),
    descr_set: Some(descr_set),
    ..SlotTable::EMPTY
};

/// The descriptor's payload, once `o` is known to be an instance of its owner
/// ("descriptor 'x' for 'A' objects doesn't apply to a 'B' object").
fn descr_check<'a>(d: &'a PyObj, o: &PyObj) -> VmResult<&'a Descr> {
    let ds = expect::<Descr>(d, "member_descriptor")?;
    if !super::typeobj::is_subtype(&o.type_obj(), &ds.owner) {
        return Err(super::exceptions::type_error(format!(
            "descriptor '{}' for '{}' objects doesn't apply to a '{}' object",
            super::string::as_str(&ds.name).unwrap_or_default(),
            super::typeobj::info(&ds.owner).name,
            super::typeobj::type_name(o)
        )));
    }
    Ok(ds)
}

/// member_get / getset_get: the slot's value, the instance's `__dict__` (made on
/// request), its first weak reference, or a built-in type's getter.
fn descr_get(
    rt: &mut dyn Runtime,
    d: &PyObj,
    obj: Option<&PyObj>,
    _ty: &TypeRef,
) -> VmResult<PyObj> {
    let Some(o) = obj else {
        return Ok(d.clone());
    };
    let ds = descr_check(d, o)?;
    match ds.kind {
        DescrKind::Slot(i) => {
            let w = &o.words()[i];
            let v = w.take();
            w.set(v.clone());
            v.ok_or_else(|| {
                super::exceptions::no_attribute(
                    o,
                    &super::string::as_str(&ds.name).unwrap_or_default(),
                )
            })
        }
        DescrKind::Dict => rt.materialize_dict(o).ok_or_else(|| {
            super::exceptions::named("AttributeError", "This object has no __dict__")
        }),
        DescrKind::Weakref => Ok(crate::heap::weakrefs_of(o)
            .into_iter()
            .next()
            .unwrap_or_else(|| super::ctx().none.clone())),
        DescrKind::Builtin(g) => (g.get)(rt, o),
    }
}

/// member_set / getset_set: store into (None: delete from) what `descr_get` reads.
fn descr_set(rt: &mut dyn Runtime, d: &PyObj, o: &PyObj, value: Option<PyObj>) -> VmResult<()> {
    let ds = descr_check(d, o)?;
    let attr_error = |m: String| super::exceptions::named("AttributeError", m);
    let name = || {
        super::string::as_str(&ds.name)
            .unwrap_or_default()
            .into_owned()
    };
    match ds.kind {
        DescrKind::Slot(i) => {
            let w = &o.words()[i];
            let had = w.take();
            let deleting = value.is_none();
            w.set(value);
            if deleting && had.is_none() {
                return Err(attr_error(name()));
            }
            drop(had);
            Ok(())
        }
        DescrKind::Dict => {
            if let Some(v) = &value {
                if !v.is_a::<super::dict::Dict>() {
                    return Err(super::exceptions::type_error(format!(
                        "__dict__ must be set to a dictionary, not a '{}'",
                        super::typeobj::type_name(v)
                    )));
                }
            }
            rt.set_instance_dict(o, value);
            Ok(())
        }
        DescrKind::Weakref => Err(attr_error(format!(
            "attribute '__weakref__' of '{}' objects is not writable",
            super::typeobj::type_name(o)
        ))),
        DescrKind::Builtin(g) => match g.set {
            Some(set) => set(rt, o, value),
            // CPython's messages for a read-only member and getset.
            None if g.member => Err(attr_error("readonly attribute".to_string())),
            None => Err(attr_error(format!(
                "attribute '{}' of '{}' objects is not writable",
                name(),
                super::typeobj::info(&ds.owner).name
            ))),
        },
    }
}

/// super's slots.
pub const SUPER_SLOTS: SlotTable = SlotTable {
    repr: Some(super_repr),
    descr_get: Some(super_get),
    ..SlotTable::EMPTY
};

/// super_descr_get: an unbound `super(A)` found on a class binds to the instance as
/// `type(s)(A, obj)`; a bound one (or on the class) is itself.
fn super_get(
    rt: &mut dyn Runtime,
    s: &PyObj,
    obj: Option<&PyObj>,
    _ty: &TypeRef,
) -> VmResult<PyObj> {
    let sp = expect::<Super>(s, "super")?;
    let Some(o) = obj.filter(|_| sp.obj.is_none()) else {
        return Ok(s.clone());
    };
    let args = [sp.ty.as_obj().clone(), o.clone()];
    rt.call(s.type_obj().as_obj(), super::args::Args::positional(&args))
}

/// CPython's _PyObject_IsAbstract: a true `o.__isabstractmethod__` (a missing one is
/// false).
pub fn is_abstract(rt: &mut dyn Runtime, o: &PyObj) -> VmResult<bool> {
    match rt.getattr(o, &super::string::intern_str("__isabstractmethod__")) {
        Ok(v) => rt.truthy(&v),
        Err(e) if super::exceptions::matches(&e.0, super::ctx().exc_type("AttributeError")) => {
            Ok(false)
        }
        Err(e) => Err(e),
    }
}

fn bool_obj(b: bool) -> PyObj {
    let c = super::ctx();
    if b { &c.true_ } else { &c.false_ }.clone()
}

// staticmethod / classmethod.

fn wrapped(o: &PyObj) -> VmResult<PyObj> {
    Ok(expect::<Wrapper>(o, "staticmethod")?.callable.clone())
}
fn wrapper_func(_: &mut dyn Runtime, o: &PyObj) -> VmResult<PyObj> {
    wrapped(o)
}
fn wrapper_isabstract(rt: &mut dyn Runtime, o: &PyObj) -> VmResult<PyObj> {
    let f = wrapped(o)?;
    Ok(bool_obj(is_abstract(rt, &f)?))
}

/// staticmethod's and classmethod's member and getset descriptors.
pub static WRAPPER_GETSETS: &[GetSetDef] = &[
    GetSetDef::member("__func__", wrapper_func),
    GetSetDef::member("__wrapped__", wrapper_func),
    GetSetDef::getter("__isabstractmethod__", wrapper_isabstract),
];

/// staticmethod / classmethod attributes: the callable's `__doc__`, `__name__`,
/// `__qualname__` and `__module__` show through (CPython 3.10+ copies them from the
/// function when the wrapper is made; glasspy reads them when asked), the rest is
/// the generic lookup.
fn wrapper_getattro(rt: &mut dyn Runtime, o: &PyObj, name: &PyObj) -> VmResult<PyObj> {
    let n = super::string::as_str(name).unwrap_or_default();
    if matches!(&*n, "__doc__" | "__name__" | "__qualname__" | "__module__") {
        let f = wrapped(o)?;
        match rt.getattr(&f, name) {
            Ok(v) => return Ok(v),
            Err(e) if super::exceptions::matches(&e.0, super::ctx().exc_type("AttributeError")) => {
            }
            Err(e) => return Err(e),
        }
    }
    rt.generic_getattr(o, name)
}

// property.

fn prop_field(o: &PyObj, f: fn(&Property) -> &Option<PyObj>) -> VmResult<PyObj> {
    let p = o.borrow::<Property>().map_err(|_| {
        super::exceptions::type_error(format!(
            "descriptor for 'property' objects doesn't apply to a '{}' object",
            super::typeobj::type_name(o)
        ))
    })?;
    Ok(none_or(f(&p)))
}
fn prop_fget(_: &mut dyn Runtime, o: &PyObj) -> VmResult<PyObj> {
    prop_field(o, |p| &p.fget)
}
fn prop_fset(_: &mut dyn Runtime, o: &PyObj) -> VmResult<PyObj> {
    prop_field(o, |p| &p.fset)
}
fn prop_fdel(_: &mut dyn Runtime, o: &PyObj) -> VmResult<PyObj> {
    prop_field(o, |p| &p.fdel)
}
fn prop_doc(_: &mut dyn Runtime, o: &PyObj) -> VmResult<PyObj> {
    prop_field(o, |p| &p.doc)
}
fn prop_set_doc(_: &mut dyn Runtime, o: &PyObj, v: Option<PyObj>) -> VmResult<()> {
    let old = match o.borrow_mut::<Property>() {
        Ok(mut p) => std::mem::replace(&mut p.doc, v),
        Err(_) => return Err(super::exceptions::type_error("property in use")),
    };
    drop(old);
    Ok(())
}
fn prop_isabstract(rt: &mut dyn Runtime, o: &PyObj) -> VmResult<PyObj> {
    let fs: Vec<PyObj> = {
        let p = o
            .borrow::<Property>()
            .map_err(|_| super::exceptions::type_error("property in use"))?;
        [&p.fget, &p.fset, &p.fdel]
            .into_iter()
            .flatten()
            .cloned()
            .collect()
    };
    for f in fs {
        if is_abstract(rt, &f)? {
            return Ok(bool_obj(true));
        }
    }
    Ok(bool_obj(false))
}

/// property's member and getset descriptors.
pub static PROPERTY_GETSETS: &[GetSetDef] = &[
    GetSetDef::member("fget", prop_fget),
    GetSetDef::member("fset", prop_fset),
    GetSetDef::member("fdel", prop_fdel),
    GetSetDef::member_rw("__doc__", prop_doc, prop_set_doc),
    GetSetDef::getter("__isabstractmethod__", prop_isabstract),
];

// member_descriptor / getset_descriptor.

fn descr_name(_: &mut dyn Runtime, o: &PyObj) -> VmResult<PyObj> {
    Ok(expect::<Descr>(o, "member_descriptor")?.name.clone())
}
fn descr_objclass(_: &mut dyn Runtime, o: &PyObj) -> VmResult<PyObj> {
    Ok(expect::<Descr>(o, "member_descriptor")?
        .owner
        .as_obj()
        .clone())
}
fn descr_qualname(_: &mut dyn Runtime, o: &PyObj) -> VmResult<PyObj> {
    let d = expect::<Descr>(o, "member_descriptor")?;
    let n = super::string::as_str(&d.name).unwrap_or_default();
    let owner = super::typeobj::info(&d.owner);
    let tn = match &owner.heap {
        Some(h) => super::string::as_str(&h.qualname.borrow())
            .unwrap_or_default()
            .into_owned(),
        None => owner
            .name
            .rsplit('.')
            .next()
            .unwrap_or_default()
            .to_string(),
    };
    Ok(super::string::new(&format!("{tn}.{n}")))
}
fn descr_doc(_: &mut dyn Runtime, _: &PyObj) -> VmResult<PyObj> {
    Ok(super::ctx().none.clone())
}

/// member_descriptor's and getset_descriptor's own attributes.
pub static DESCR_GETSETS: &[GetSetDef] = &[
    GetSetDef::member("__objclass__", descr_objclass),
    GetSetDef::member("__name__", descr_name),
    GetSetDef::getter("__qualname__", descr_qualname),
    GetSetDef::getter("__doc__", descr_doc),
];
