//! function: a code object with its globals, defaults and closure (CPython's
//! PyFunctionObject: 152 bytes with the GC header).

use std::cell::{Ref, RefCell, RefMut};

use crate::heap::{Payload, PyObj, TypeRef, Visit};

use super::context::ctx;
use crate::objects::descr::{none_or, GetSetDef as G};
use crate::objects::exceptions::{self, VmResult};
use crate::objects::runtime::Runtime;
use crate::objects::typeobj::slots::SlotTable;

/// The payload of a function. Fields mirror CPython's so getsizeof matches (the
/// state's borrow flag takes the place of CPython's unused vectorcall slot).
///
/// `__globals__` and `__builtins__` are read-only in Python and never replaced, so
/// they sit outside the borrowed state: the payload is immutable to the heap and a
/// function's frame reads its namespaces through the function with one type check
/// and no borrow (vm/frame.rs). What Python can reassign (`__code__`,
/// `__defaults__`, `__name__`, ...) is in `state`, behind a run-time checked borrow.
pub struct Function {
    pub globals: PyObj,
    pub builtins: PyObj,
    state: RefCell<FunctionState>,
}

/// What Python can reassign on a function (and its closure, which it cannot).
pub struct FunctionState {
    pub code: PyObj,
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
}

impl Function {
    /// A function's payload: its namespaces and its state.
    pub fn new(globals: PyObj, builtins: PyObj, state: FunctionState) -> Function {
        Function {
            globals,
            builtins,
            state: RefCell::new(state),
        }
    }

    /// The reassignable state, shared; None while it is being changed.
    #[inline]
    pub fn state(&self) -> Option<Ref<'_, FunctionState>> {
        self.state.try_borrow().ok()
    }

    /// The reassignable state, to change it; None while it is in use.
    pub fn state_mut(&self) -> Option<RefMut<'_, FunctionState>> {
        self.state.try_borrow_mut().ok()
    }
}

/// The state of function `o`; None when `o` is not a function (or the state is
/// being changed).
pub fn state(o: &PyObj) -> Option<Ref<'_, FunctionState>> {
    o.get::<Function>()?.state()
}

impl Payload for Function {
    type Item = ();
    const NAME: &'static str = "function";
    const GC: bool = true;
    fn traverse(&self, _: &[()], visit: Visit<'_>) {
        visit(&self.globals);
        visit(&self.builtins);
        let Some(s) = self.state() else {
            return;
        };
        visit(&s.code);
        visit(&s.name);
        visit(&s.qualname);
        for o in [
            &s.defaults,
            &s.kwdefaults,
            &s.closure,
            &s.doc,
            &s.dict,
            &s.module,
            &s.annotations,
        ]
        .into_iter()
        .flatten()
        {
            visit(o);
        }
    }
    fn clear_shared(&self, _: &[()]) {
        // The globals and builtins stay (a running frame of the function reads them;
        // the globals dict, when in the cycle, is cleared itself).
        let taken = {
            let Some(mut s) = self.state_mut() else {
                return;
            };
            (
                s.defaults.take(),
                s.kwdefaults.take(),
                s.closure.take(),
                s.doc.take(),
                s.dict.take(),
                s.module.take(),
                s.annotations.take(),
            )
        };
        drop(taken);
    }
}

/// A new function object.
pub fn new(f: Function) -> PyObj {
    PyObj::new(&ctx().function_type, f)
}

fn function_repr(_rt: &mut dyn Runtime, o: &PyObj) -> VmResult<String> {
    let f = state(o).expect("a function");
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

fn func(o: &PyObj) -> VmResult<&Function> {
    o.get::<Function>().ok_or_else(|| {
        exceptions::type_error(format!(
            "descriptor for 'function' objects doesn't apply to a '{}' object",
            super::typeobj::type_name(o)
        ))
    })
}

/// The state of function `o`, for a getter.
fn func_state(o: &PyObj) -> VmResult<Ref<'_, FunctionState>> {
    func(o)?
        .state()
        .ok_or_else(|| exceptions::type_error("a function's attribute changed while in use"))
}

/// The state of function `o`, to change it (`what` names the change for the error).
fn func_state_mut<'o>(o: &'o PyObj, what: &str) -> VmResult<RefMut<'o, FunctionState>> {
    func(o)?
        .state_mut()
        .ok_or_else(|| exceptions::type_error(format!("a function's {what} changed while in use")))
}

/// Replace one field of the function (the old value dropped after the borrow ends).
fn put(
    o: &PyObj,
    v: Option<PyObj>,
    field: fn(&mut FunctionState) -> &mut Option<PyObj>,
) -> VmResult<()> {
    let old = {
        let mut f = func_state_mut(o, "attribute")?;
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
    Ok(none_or(&func_state(o)?.closure))
}
fn get_doc(_: &mut dyn Runtime, o: &PyObj) -> VmResult<PyObj> {
    Ok(none_or(&func_state(o)?.doc))
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
    Ok(none_or(&func_state(o)?.module))
}
fn set_module(_: &mut dyn Runtime, o: &PyObj, v: Option<PyObj>) -> VmResult<()> {
    put(o, v, |f| &mut f.module)
}
fn get_code(_: &mut dyn Runtime, o: &PyObj) -> VmResult<PyObj> {
    Ok(func_state(o)?.code.clone())
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
        let mut f = func_state_mut(o, "code")?;
        f.version = f.version.wrapping_add(1);
        std::mem::replace(&mut f.code, v)
    };
    drop(old);
    Ok(())
}
fn get_defaults(_: &mut dyn Runtime, o: &PyObj) -> VmResult<PyObj> {
    Ok(none_or(&func_state(o)?.defaults))
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
    Ok(none_or(&func_state(o)?.kwdefaults))
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
    if let Some(a) = func_state(o)?.annotations.clone() {
        return Ok(a);
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
    Ok(func_state(o)?.name.clone())
}
fn set_name(_: &mut dyn Runtime, o: &PyObj, v: Option<PyObj>) -> VmResult<()> {
    let v = str_value(v, "__name__")?;
    let old = {
        let mut f = func_state_mut(o, "name")?;
        std::mem::replace(&mut f.name, v)
    };
    drop(old);
    Ok(())
}
fn get_qualname(_: &mut dyn Runtime, o: &PyObj) -> VmResult<PyObj> {
    Ok(func_state(o)?.qualname.clone())
}
fn set_qualname(_: &mut dyn Runtime, o: &PyObj, v: Option<PyObj>) -> VmResult<()> {
    let v = str_value(v, "__qualname__")?;
    let old = {
        let mut f = func_state_mut(o, "name")?;
        std::mem::replace(&mut f.qualname, v)
    };
    drop(old);
    Ok(())
}

/// The function's `__dict__`, made on first use (the generic getattr and setattr
/// look attributes up in it, as CPython's tp_dictoffset).
pub fn instance_dict(o: &PyObj) -> Option<PyObj> {
    let mut f = o.get::<Function>()?.state_mut()?;
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
