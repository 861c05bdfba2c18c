//! function: a code object with its globals, defaults and closure (CPython's
//! PyFunctionObject: 152 bytes with the GC header).

use crate::heap::{PRef, Payload, PyObj, TypeRef, Visit};

use super::context::ctx;
use crate::objects::descr::{none_or, GetSetDef as G};
use crate::objects::exceptions::{self, VmResult};
use crate::objects::runtime::Runtime;
use crate::objects::typeobj::slots::SlotTable;

/// The payload of a function. Fields mirror CPython's so getsizeof matches; those
/// Python can reassign (`__defaults__`, `__name__`, ...) are changed through a borrow.
pub struct Function {
    pub code: PyObj,
    pub globals: PyObj,
    pub builtins: PyObj,
    pub name: PyObj,
    pub qualname: PyObj,
    /// `__defaults__`: a tuple, or None.
    pub defaults: Option<PyObj>,
    /// `__kwdefaults__`: a dict, or None.
    pub kwdefaults: Option<PyObj>,
    /// `__closure__`: a tuple of cells, or None.
    pub closure: Option<PyObj>,
    pub doc: Option<PyObj>,
    /// `__dict__`, created on first use.
    pub dict: Option<PyObj>,
    pub module: Option<PyObj>,
    pub annotations: Option<PyObj>,
    /// The weak reference list slot (weak references are not supported yet).
    pub weakreflist: Option<PyObj>,
    /// CPython's func_version: bumped when the function's defaults or code change.
    pub version: u64,
    /// CPython's vectorcall slot; unused (calls dispatch on the payload type).
    pub vectorcall: usize,
}

impl Payload for Function {
    type Item = ();
    const NAME: &'static str = "function";
    const GC: bool = true;
    const MUTABLE: bool = true;
    fn traverse(&self, _: &[()], visit: Visit<'_>) {
        visit(&self.code);
        visit(&self.globals);
        visit(&self.builtins);
        visit(&self.name);
        visit(&self.qualname);
        for o in [
            &self.defaults,
            &self.kwdefaults,
            &self.closure,
            &self.doc,
            &self.dict,
            &self.module,
            &self.annotations,
        ]
        .into_iter()
        .flatten()
        {
            visit(o);
        }
    }
    fn clear(&mut self) {
        let taken = (
            self.defaults.take(),
            self.kwdefaults.take(),
            self.closure.take(),
            self.doc.take(),
            self.dict.take(),
            self.module.take(),
            self.annotations.take(),
        );
        // The globals dict is the usual way back into a cycle: replace it with an
        // empty one (CPython clears func_globals too).
        let globals = std::mem::replace(&mut self.globals, super::dict::new());
        drop((taken, globals));
    }
}

/// A new function object.
pub fn new(f: Function) -> PyObj {
    PyObj::new(&ctx().function_type, f)
}

fn function_repr(_rt: &mut dyn Runtime, o: &PyObj) -> VmResult<String> {
    let f = o.borrow::<Function>().expect("a function");
    let q = super::string::as_str(&f.qualname).unwrap_or_default();
    Ok(format!("<function {q} at 0x{:x}>", o.id()))
}

/// function's slots.
pub const SLOTS: SlotTable = SlotTable {
    repr: Some(function_repr),
    descr_get: Some(function_get),
    ..SlotTable::EMPTY
};

/// func_descr_get: a method bound to the instance (the function itself on the class).
fn function_get(
    _rt: &mut dyn Runtime,
    f: &PyObj,
    obj: Option<&PyObj>,
    _ty: &TypeRef,
) -> VmResult<PyObj> {
    Ok(match obj {
        Some(o) => super::method::new(f.clone(), o.clone()),
        None => f.clone(),
    })
}

fn func(o: &PyObj) -> VmResult<PRef<'_, Function>> {
    o.borrow::<Function>().map_err(|_| {
        exceptions::type_error(format!(
            "descriptor for 'function' objects doesn't apply to a '{}' object",
            super::typeobj::type_name(o)
        ))
    })
}

/// Replace one field of the function (the old value dropped after the borrow ends).
fn put(
    o: &PyObj,
    v: Option<PyObj>,
    field: fn(&mut Function) -> &mut Option<PyObj>,
) -> VmResult<()> {
    let old = {
        let mut f = o
            .borrow_mut::<Function>()
            .map_err(|_| exceptions::type_error("a function's attribute changed while in use"))?;
        std::mem::replace(field(&mut f), v)
    };
    drop(old);
    Ok(())
}

/// None stays None: `f.__defaults__ = None`.
fn some_unless_none(v: Option<PyObj>) -> Option<PyObj> {
    v.filter(|v| !v.is(&ctx().none))
}

fn get_closure(_: &mut dyn Runtime, o: &PyObj) -> VmResult<PyObj> {
    Ok(none_or(&func(o)?.closure))
}
fn get_doc(_: &mut dyn Runtime, o: &PyObj) -> VmResult<PyObj> {
    Ok(none_or(&func(o)?.doc))
}
fn set_doc(_: &mut dyn Runtime, o: &PyObj, v: Option<PyObj>) -> VmResult<()> {
    put(o, v, |f| &mut f.doc)
}
fn get_globals(_: &mut dyn Runtime, o: &PyObj) -> VmResult<PyObj> {
    Ok(func(o)?.globals.clone())
}
fn get_builtins(_: &mut dyn Runtime, o: &PyObj) -> VmResult<PyObj> {
    Ok(func(o)?.builtins.clone())
}
fn get_module(_: &mut dyn Runtime, o: &PyObj) -> VmResult<PyObj> {
    Ok(none_or(&func(o)?.module))
}
fn set_module(_: &mut dyn Runtime, o: &PyObj, v: Option<PyObj>) -> VmResult<()> {
    put(o, v, |f| &mut f.module)
}
fn get_code(_: &mut dyn Runtime, o: &PyObj) -> VmResult<PyObj> {
    Ok(func(o)?.code.clone())
}
fn set_code(_: &mut dyn Runtime, o: &PyObj, v: Option<PyObj>) -> VmResult<()> {
    let v = match v {
        Some(v) if v.is_a::<super::code::Code>() => v,
        _ => {
            return Err(exceptions::type_error(
                "__code__ must be set to a code object",
            ))
        }
    };
    let old = {
        let mut f = o
            .borrow_mut::<Function>()
            .map_err(|_| exceptions::type_error("a function's code changed while in use"))?;
        f.version = f.version.wrapping_add(1);
        std::mem::replace(&mut f.code, v)
    };
    drop(old);
    Ok(())
}
fn get_defaults(_: &mut dyn Runtime, o: &PyObj) -> VmResult<PyObj> {
    Ok(none_or(&func(o)?.defaults))
}
fn set_defaults(_: &mut dyn Runtime, o: &PyObj, v: Option<PyObj>) -> VmResult<()> {
    let v = some_unless_none(v);
    if v.as_ref().is_some_and(|v| super::tuple::items(v).is_none()) {
        return Err(exceptions::type_error(
            "__defaults__ must be set to a tuple object",
        ));
    }
    put(o, v, |f| &mut f.defaults)
}
fn get_kwdefaults(_: &mut dyn Runtime, o: &PyObj) -> VmResult<PyObj> {
    Ok(none_or(&func(o)?.kwdefaults))
}
fn set_kwdefaults(_: &mut dyn Runtime, o: &PyObj, v: Option<PyObj>) -> VmResult<()> {
    let v = some_unless_none(v);
    if v.as_ref().is_some_and(|v| !v.is_a::<super::dict::Dict>()) {
        return Err(exceptions::type_error(
            "__kwdefaults__ must be set to a dict object",
        ));
    }
    put(o, v, |f| &mut f.kwdefaults)
}
fn get_annotations(_: &mut dyn Runtime, o: &PyObj) -> VmResult<PyObj> {
    if let Some(a) = &func(o)?.annotations {
        return Ok(a.clone());
    }
    // Made on first read, as CPython does.
    let d = super::dict::new();
    put(o, Some(d.clone()), |f| &mut f.annotations)?;
    Ok(d)
}
fn set_annotations(_: &mut dyn Runtime, o: &PyObj, v: Option<PyObj>) -> VmResult<()> {
    let v = some_unless_none(v);
    if v.as_ref().is_some_and(|v| !v.is_a::<super::dict::Dict>()) {
        return Err(exceptions::type_error(
            "__annotations__ must be set to a dict object",
        ));
    }
    put(o, v, |f| &mut f.annotations)
}
fn get_dict(_: &mut dyn Runtime, o: &PyObj) -> VmResult<PyObj> {
    Ok(instance_dict(o).unwrap_or_else(|| ctx().none.clone()))
}
fn set_dict(_: &mut dyn Runtime, o: &PyObj, v: Option<PyObj>) -> VmResult<()> {
    match &v {
        Some(d) if d.is_a::<super::dict::Dict>() => put(o, v, |f| &mut f.dict),
        Some(d) => Err(exceptions::type_error(format!(
            "__dict__ must be set to a dictionary, not a '{}'",
            super::typeobj::type_name(d)
        ))),
        None => Err(exceptions::type_error("cannot delete __dict__")),
    }
}
/// `__name__` / `__qualname__`: a str, never deleted.
fn str_value(v: Option<PyObj>, what: &str) -> VmResult<PyObj> {
    match v {
        Some(v) if super::string::view(&v).is_some() => Ok(v),
        _ => Err(exceptions::type_error(format!(
            "{what} must be set to a string object"
        ))),
    }
}
fn get_name(_: &mut dyn Runtime, o: &PyObj) -> VmResult<PyObj> {
    Ok(func(o)?.name.clone())
}
fn set_name(_: &mut dyn Runtime, o: &PyObj, v: Option<PyObj>) -> VmResult<()> {
    let v = str_value(v, "__name__")?;
    let old = {
        let mut f = o
            .borrow_mut::<Function>()
            .map_err(|_| exceptions::type_error("a function's name changed while in use"))?;
        std::mem::replace(&mut f.name, v)
    };
    drop(old);
    Ok(())
}
fn get_qualname(_: &mut dyn Runtime, o: &PyObj) -> VmResult<PyObj> {
    Ok(func(o)?.qualname.clone())
}
fn set_qualname(_: &mut dyn Runtime, o: &PyObj, v: Option<PyObj>) -> VmResult<()> {
    let v = str_value(v, "__qualname__")?;
    let old = {
        let mut f = o
            .borrow_mut::<Function>()
            .map_err(|_| exceptions::type_error("a function's name changed while in use"))?;
        std::mem::replace(&mut f.qualname, v)
    };
    drop(old);
    Ok(())
}

/// The function's `__dict__`, made on first use (the generic getattr and setattr
/// look attributes up in it, as CPython's tp_dictoffset).
pub fn instance_dict(o: &PyObj) -> Option<PyObj> {
    let mut f = o.borrow_mut::<Function>().ok()?;
    Some(f.dict.get_or_insert_with(super::dict::new).clone())
}

/// function's member and getset descriptors, in python3's kinds.
pub static GETSETS: &[G] = &[
    G::member("__closure__", get_closure),
    G::member_rw("__doc__", get_doc, set_doc),
    G::member("__globals__", get_globals),
    G::member_rw("__module__", get_module, set_module),
    G::member("__builtins__", get_builtins),
    G::getset("__code__", get_code, set_code),
    G::getset("__defaults__", get_defaults, set_defaults),
    G::getset("__kwdefaults__", get_kwdefaults, set_kwdefaults),
    G::getset("__annotations__", get_annotations, set_annotations),
    G::getset("__dict__", get_dict, set_dict),
    G::getset("__name__", get_name, set_name),
    G::getset("__qualname__", get_qualname, set_qualname),
];
