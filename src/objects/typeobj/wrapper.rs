//! Slot wrappers: how a built-in type's slots appear in its dict (`int.__add__` is a
//! `wrapper_descriptor`, CPython's PyWrapperDescrObject, 56 bytes) and bound to an
//! object (`(1).__add__` is a `method-wrapper`, 32 bytes). Calling one runs the slot
//! function with the arguments converted as CPython's wrap_* functions do, with
//! CPython's messages for wrong receivers and argument counts.

use crate::bytecode::opcode::CompareOp;
use crate::heap::{Payload, PyObj, TypeRef, Visit};
use crate::objects::args::Args;
use crate::objects::exceptions::{self, Exc, VmResult};
use crate::objects::runtime::Runtime;
use crate::objects::{ctx, int, string};

use super::slotdefs::{SlotDef, Wrap};
use super::slots::{AnySlot, SlotId, SlotTable};
use super::{info, is_subtype, type_name};

/// The payload of a `wrapper_descriptor`.
pub struct SlotWrapper {
    pub def: &'static SlotDef,
    pub func: AnySlot,
    /// The type whose slot this is (`__objclass__`).
    pub objclass: TypeRef,
    /// `__qualname__` (made on request; never stored today).
    pub qualname: Option<PyObj>,
}

impl Payload for SlotWrapper {
    type Item = ();
    const NAME: &'static str = "wrapper_descriptor";
    const GC: bool = true;
    fn traverse(&self, _: &[()], visit: Visit<'_>) {
        visit(self.objclass.as_obj());
        if let Some(q) = &self.qualname {
            visit(q);
        }
    }
}

/// The payload of a `method-wrapper`: a slot wrapper bound to an object.
pub struct MethodWrapper {
    pub descr: PyObj,
    pub self_: PyObj,
}

impl Payload for MethodWrapper {
    type Item = ();
    const NAME: &'static str = "method-wrapper";
    const GC: bool = true;
    fn traverse(&self, _: &[()], visit: Visit<'_>) {
        visit(&self.descr);
        visit(&self.self_);
    }
}

/// A slot wrapper for slot function `func` of type `ty`, named by `def`.
pub fn new_descriptor(def: &'static SlotDef, func: AnySlot, ty: &TypeRef) -> PyObj {
    PyObj::new(
        &ctx().wrapper_descriptor_type,
        SlotWrapper {
            def,
            func,
            objclass: ty.clone(),
            qualname: None,
        },
    )
}

/// If `o` is a slot wrapper, the slot it wraps and the function.
pub fn wrapped_slot(o: &PyObj) -> Option<(SlotId, AnySlot)> {
    o.get::<SlotWrapper>().map(|w| (w.def.slot, w.func))
}

/// Call `d`, a slot wrapper found on the MRO of `self_`'s type, for `self_` and the
/// positional `args` (what calling it with `self_` first does); None if `d` is not
/// a slot wrapper.
pub fn call_unbound(
    rt: &mut dyn Runtime,
    d: &PyObj,
    self_: &PyObj,
    args: &[PyObj],
) -> Option<VmResult<PyObj>> {
    let w = d.get::<SlotWrapper>()?;
    Some(check_self(w, self_).and_then(|()| run(rt, w, self_, Args::positional(args))))
}

fn type_error(msg: String) -> Exc {
    exceptions::type_error(msg)
}

/// "expected N argument(s), got M" (the counts exclude self).
fn arity(args: &[PyObj], n: usize) -> VmResult<()> {
    if args.len() == n {
        return Ok(());
    }
    let s = if n == 1 { "" } else { "s" };
    Err(type_error(format!(
        "expected {n} argument{s}, got {}",
        args.len()
    )))
}

/// Run slot wrapper `w` for `self_` with the remaining arguments `args`.
fn run(rt: &mut dyn Runtime, w: &SlotWrapper, self_: &PyObj, args: Args<'_>) -> VmResult<PyObj> {
    let name = w.def.name;
    let kw_ok = matches!(w.def.wrap, Wrap::Call | Wrap::Init);
    if !kw_ok && !args.kwnames.is_empty() {
        return Err(type_error(format!(
            "wrapper {name}() takes no keyword arguments"
        )));
    }
    let a = args.pos();
    let none = || ctx().none.clone();
    let bool_obj = |b: bool| {
        if b {
            ctx().true_.clone()
        } else {
            ctx().false_.clone()
        }
    };
    match (w.def.wrap, w.func) {
        (Wrap::Unary, AnySlot::Text(f)) => {
            arity(a, 0)?;
            Ok(string::new(&f(rt, self_)?))
        }
        (Wrap::Unary, AnySlot::Unary(f)) => {
            arity(a, 0)?;
            f(rt, self_)
        }
        (Wrap::Hash, AnySlot::Hash(f)) => {
            arity(a, 0)?;
            Ok(int::new_i64(f(rt, self_)?))
        }
        (Wrap::Len, AnySlot::Len(f)) => {
            arity(a, 0)?;
            Ok(int::new_i64(f(rt, self_)? as i64))
        }
        (Wrap::Inquiry, AnySlot::Inquiry(f)) => {
            arity(a, 0)?;
            Ok(bool_obj(f(rt, self_)?))
        }
        (Wrap::Next, AnySlot::Next(f)) => {
            arity(a, 0)?;
            match f(rt, self_)? {
                Some(v) => Ok(v),
                None => Err(exceptions::named_empty("StopIteration")),
            }
        }
        (Wrap::BinaryL, AnySlot::Binary(f)) => {
            arity(a, 1)?;
            f(rt, self_, &a[0])
        }
        (Wrap::BinaryR, AnySlot::Binary(f)) => {
            arity(a, 1)?;
            f(rt, &a[0], self_)
        }
        (Wrap::TernaryL | Wrap::TernaryR | Wrap::TernaryI, AnySlot::Ternary(f)) => {
            if a.is_empty() || a.len() > 2 {
                return Err(type_error(if a.is_empty() {
                    " expected at least 1 argument, got 0".to_string()
                } else {
                    format!(" expected at most 2 arguments, got {}", a.len())
                }));
            }
            let m = a.get(1).cloned().unwrap_or_else(none);
            if w.def.wrap == Wrap::TernaryR {
                f(rt, &a[0], self_, &m)
            } else {
                f(rt, self_, &a[0], &m)
            }
        }
        (Wrap::RichCmp(op), AnySlot::RichCmp(f)) => {
            arity(a, 1)?;
            f(rt, self_, &a[0], op)
        }
        (Wrap::Repeat, AnySlot::Repeat(f)) => {
            arity(a, 1)?;
            let n = rt.index(&a[0])?;
            let n = int::as_i64(&n).ok_or_else(|| {
                exceptions::named(
                    "OverflowError",
                    format!(
                        "cannot fit '{}' into an index-sized integer",
                        type_name(&a[0])
                    ),
                )
            })?;
            f(rt, self_, n)
        }
        (Wrap::Contains, AnySlot::Contains(f)) => {
            arity(a, 1)?;
            Ok(bool_obj(f(rt, self_, &a[0])?))
        }
        (Wrap::SetItem, AnySlot::AssSub(f)) => {
            if a.len() != 2 {
                return Err(type_error(format!(
                    " expected 2 arguments, got {}",
                    a.len()
                )));
            }
            f(rt, self_, &a[0], Some(a[1].clone()))?;
            Ok(none())
        }
        (Wrap::DelItem, AnySlot::AssSub(f)) => {
            arity(a, 1)?;
            f(rt, self_, &a[0], None)?;
            Ok(none())
        }
        (Wrap::Getattr, AnySlot::Getattr(f)) => {
            arity(a, 1)?;
            check_attr_name(&a[0])?;
            f(rt, self_, &a[0])
        }
        (Wrap::Setattr, AnySlot::Setattr(f)) => {
            if a.len() != 2 {
                return Err(type_error(format!(
                    " expected 2 arguments, got {}",
                    a.len()
                )));
            }
            check_attr_name(&a[0])?;
            f(rt, self_, &a[0], Some(a[1].clone()))?;
            Ok(none())
        }
        (Wrap::Delattr, AnySlot::Setattr(f)) => {
            arity(a, 1)?;
            check_attr_name(&a[0])?;
            f(rt, self_, &a[0], None)?;
            Ok(none())
        }
        (Wrap::DescrGet, AnySlot::DescrGet(f)) => {
            if a.is_empty() || a.len() > 2 {
                return Err(type_error(if a.is_empty() {
                    " expected at least 1 argument, got 0".to_string()
                } else {
                    format!(" expected at most 2 arguments, got {}", a.len())
                }));
            }
            let c = ctx();
            let obj = (!a[0].is(&c.none)).then(|| a[0].clone());
            let ty = match a.get(1).filter(|t| !t.is(&c.none)) {
                Some(t) => TypeRef::from_obj::<super::TypeInfo>(t)
                    .ok_or_else(|| type_error("__get__(None, None) is invalid".into()))?,
                None => match &obj {
                    Some(o) => o.type_obj(),
                    None => return Err(type_error("__get__(None, None) is invalid".into())),
                },
            };
            f(rt, self_, obj.as_ref(), &ty)
        }
        (Wrap::DescrSet, AnySlot::DescrSet(f)) => {
            if a.len() != 2 {
                return Err(type_error(format!(
                    " expected 2 arguments, got {}",
                    a.len()
                )));
            }
            f(rt, self_, &a[0], Some(a[1].clone()))?;
            Ok(none())
        }
        (Wrap::DescrDelete, AnySlot::DescrSet(f)) => {
            arity(a, 1)?;
            f(rt, self_, &a[0], None)?;
            Ok(none())
        }
        (Wrap::Call, AnySlot::Call(f)) => f(rt, self_, args),
        (Wrap::Init, AnySlot::Init(f)) => {
            f(rt, self_, args)?;
            Ok(none())
        }
        _ => Err(type_error(format!("wrapper {name}() cannot be called"))),
    }
}

fn check_attr_name(n: &PyObj) -> VmResult<()> {
    if string::view(n).is_some() {
        return Ok(());
    }
    Err(type_error(format!(
        "attribute name must be string, not '{}'",
        type_name(n)
    )))
}

/// `self` must be an instance of the wrapper's class.
fn check_self(w: &SlotWrapper, self_: &PyObj) -> VmResult<()> {
    if is_subtype(&self_.type_obj(), &w.objclass) {
        return Ok(());
    }
    Err(type_error(format!(
        "descriptor '{}' requires a '{}' object but received a '{}'",
        w.def.name,
        info(&w.objclass).name,
        type_name(self_)
    )))
}

/// Calling a slot wrapper: `int.__add__(1, 2)`.
fn descriptor_call(rt: &mut dyn Runtime, d: &PyObj, args: Args<'_>) -> VmResult<PyObj> {
    let w = d.get::<SlotWrapper>().expect("a slot wrapper");
    let pos = args.pos();
    let Some(self_) = pos.first() else {
        return Err(type_error(format!(
            "descriptor '{}' of '{}' object needs an argument",
            w.def.name,
            info(&w.objclass).name
        )));
    };
    check_self(w, self_)?;
    let rest = Args {
        all: &args.all[1..],
        kwnames: args.kwnames,
    };
    run(rt, w, self_, rest)
}

/// `descr.__get__(obj, type)`: a method-wrapper bound to obj, or the wrapper itself.
fn descriptor_get(
    _rt: &mut dyn Runtime,
    d: &PyObj,
    obj: Option<&PyObj>,
    _ty: &TypeRef,
) -> VmResult<PyObj> {
    let Some(o) = obj else {
        return Ok(d.clone());
    };
    let w = d.get::<SlotWrapper>().expect("a slot wrapper");
    if !is_subtype(&o.type_obj(), &w.objclass) {
        return Err(type_error(format!(
            "descriptor '{}' for '{}' objects doesn't apply to a '{}' object",
            w.def.name,
            info(&w.objclass).name,
            type_name(o)
        )));
    }
    Ok(bind(d, o))
}

/// The method-wrapper of slot wrapper `d` bound to `o`.
pub fn bind(d: &PyObj, o: &PyObj) -> PyObj {
    PyObj::new(
        &ctx().method_wrapper_type,
        MethodWrapper {
            descr: d.clone(),
            self_: o.clone(),
        },
    )
}

fn descriptor_repr(_rt: &mut dyn Runtime, d: &PyObj) -> VmResult<String> {
    let w = d.get::<SlotWrapper>().expect("a slot wrapper");
    Ok(format!(
        "<slot wrapper '{}' of '{}' objects>",
        w.def.name,
        info(&w.objclass).name
    ))
}

/// Calling a method-wrapper: `(1).__add__(2)`.
fn method_call(rt: &mut dyn Runtime, m: &PyObj, args: Args<'_>) -> VmResult<PyObj> {
    let mw = m.get::<MethodWrapper>().expect("a method-wrapper");
    let w = mw.descr.get::<SlotWrapper>().expect("a slot wrapper");
    run(rt, w, &mw.self_, args)
}

fn method_repr(_rt: &mut dyn Runtime, m: &PyObj) -> VmResult<String> {
    let mw = m.get::<MethodWrapper>().expect("a method-wrapper");
    let w = mw.descr.get::<SlotWrapper>().expect("a slot wrapper");
    Ok(format!(
        "<method-wrapper '{}' of {} object at 0x{:x}>",
        w.def.name,
        type_name(&mw.self_),
        mw.self_.id()
    ))
}

/// Two method-wrappers are equal when they bind the same object to the same wrapper.
fn method_richcompare(
    _rt: &mut dyn Runtime,
    a: &PyObj,
    b: &PyObj,
    op: CompareOp,
) -> VmResult<PyObj> {
    let c = ctx();
    let (Some(x), Some(y)) = (a.get::<MethodWrapper>(), b.get::<MethodWrapper>()) else {
        return Ok(c.not_implemented.clone());
    };
    let eq = x.descr.is(&y.descr) && x.self_.is(&y.self_);
    Ok(match op {
        CompareOp::Eq => if eq { &c.true_ } else { &c.false_ }.clone(),
        CompareOp::Ne => if eq { &c.false_ } else { &c.true_ }.clone(),
        _ => c.not_implemented.clone(),
    })
}

fn method_hash(rt: &mut dyn Runtime, m: &PyObj) -> VmResult<i64> {
    let mw = m.get::<MethodWrapper>().expect("a method-wrapper");
    let (d, s) = (mw.descr.clone(), mw.self_.clone());
    let h = rt.hash(&s)? ^ crate::objects::protocol::id_hash(&d);
    Ok(if h == -1 { -2 } else { h })
}

/// `__name__`, `__qualname__`, `__objclass__` of a slot wrapper.
fn wrapper_attr(w: &SlotWrapper, n: &str) -> Option<PyObj> {
    let name = w.def.name;
    match n {
        "__name__" => Some(crate::objects::string::intern_str(name)),
        "__qualname__" => Some(crate::objects::string::new(&format!(
            "{}.{name}",
            info(&w.objclass).name
        ))),
        "__objclass__" => Some(w.objclass.as_obj().clone()),
        "__doc__" | "__text_signature__" => {
            let (sig, doc) = super::slotdocs::slot_doc(name, w.def.slot)?;
            Some(if n == "__doc__" {
                crate::objects::string::new(&doc)
            } else {
                crate::objects::string::new(sig)
            })
        }
        _ => None,
    }
}

fn descriptor_getattro(rt: &mut dyn Runtime, d: &PyObj, name: &PyObj) -> VmResult<PyObj> {
    let n = crate::objects::string::as_str(name).unwrap_or_default();
    if let Some(v) = d.get::<SlotWrapper>().and_then(|w| wrapper_attr(w, &n)) {
        return Ok(v);
    }
    rt.generic_getattr(d, name)
}

fn method_getattro(rt: &mut dyn Runtime, m: &PyObj, name: &PyObj) -> VmResult<PyObj> {
    let n = crate::objects::string::as_str(name).unwrap_or_default();
    let (descr, self_) = {
        let mw = m.get::<MethodWrapper>().expect("a method-wrapper");
        (mw.descr.clone(), mw.self_.clone())
    };
    if n == "__self__" {
        return Ok(self_);
    }
    if let Some(v) = descr.get::<SlotWrapper>().and_then(|w| wrapper_attr(w, &n)) {
        return Ok(v);
    }
    rt.generic_getattr(m, name)
}

/// wrapper_descriptor's slots.
pub const DESCRIPTOR_SLOTS: SlotTable = SlotTable {
    getattro: Some(descriptor_getattro),
    call: Some(descriptor_call),
    descr_get: Some(descriptor_get),
    repr: Some(descriptor_repr),
    ..SlotTable::EMPTY
};

/// method-wrapper's slots.
pub const METHOD_SLOTS: SlotTable = SlotTable {
    getattro: Some(method_getattro),
    call: Some(method_call),
    repr: Some(method_repr),
    richcompare: Some(method_richcompare),
    hash: Some(method_hash),
    ..SlotTable::EMPTY
};
