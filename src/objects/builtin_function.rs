//! builtin_function_or_method: a Rust function callable from Python, optionally bound
//! to `self` (CPython's PyCFunctionObject, 72 bytes), and method_descriptor, the
//! unbound form stored in a built-in type's dict (`str.upper`).

use crate::heap::{Payload, PyObj, TypeRef, Visit};
use crate::objects::args::Args;
use crate::objects::exceptions::VmResult;
use crate::objects::runtime::Runtime;

use super::context::ctx;
use crate::bytecode::opcode::CompareOp;
use crate::objects::typeobj::slots::SlotTable;

/// A Rust function implementing a Python builtin or method. `args` are the positional
/// arguments followed by the keyword values named by `args.kwnames`.
pub type NativeFn = fn(&mut dyn Runtime, Args<'_>) -> VmResult<PyObj>;

/// A builtin's name and implementation (CPython's PyMethodDef).
pub struct MethodDef {
    pub name: &'static str,
    pub func: NativeFn,
}

/// The payload of a builtin function or a builtin bound to `self`.
pub struct BuiltinFunction {
    pub def: &'static MethodDef,
    /// `__self__` for a bound builtin (`[].append`); None for a plain one (`len`).
    pub self_: Option<PyObj>,
    /// `__module__` (None for methods).
    pub module: Option<PyObj>,
    /// The weak reference list slot (weak references are not supported yet).
    pub weakreflist: Option<PyObj>,
    /// CPython's vectorcall slot; unused.
    pub vectorcall: usize,
}

impl Payload for BuiltinFunction {
    type Item = ();
    const NAME: &'static str = "builtin_function_or_method";
    const GC: bool = true;
    fn traverse(&self, _: &[()], visit: Visit<'_>) {
        if let Some(s) = &self.self_ {
            visit(s);
        }
        if let Some(m) = &self.module {
            visit(m);
        }
    }
}

/// A builtin function, or a builtin method bound to `self_`.
pub fn new(def: &'static MethodDef, self_: Option<PyObj>, module: Option<PyObj>) -> PyObj {
    PyObj::new(
        &ctx().builtin_function_type,
        BuiltinFunction {
            def,
            self_,
            module,
            weakreflist: None,
            vectorcall: 0,
        },
    )
}

/// The payload of a method_descriptor: a builtin method of a type, unbound.
pub struct MethodDescr {
    pub def: &'static MethodDef,
    /// The type that defines it (`__objclass__`).
    pub objclass: TypeRef,
}

impl Payload for MethodDescr {
    type Item = ();
    const NAME: &'static str = "method_descriptor";
    const GC: bool = true;
    fn traverse(&self, _: &[()], visit: Visit<'_>) {
        visit(self.objclass.as_obj());
    }
}

/// The descriptor for method `def` of type `objclass`.
pub fn descriptor(def: &'static MethodDef, objclass: &TypeRef) -> PyObj {
    PyObj::new(
        &ctx().method_descriptor_type,
        MethodDescr {
            def,
            objclass: objclass.clone(),
        },
    )
}

fn builtin_repr(_rt: &mut dyn Runtime, o: &PyObj) -> VmResult<String> {
    let b = o.get::<BuiltinFunction>().expect("a builtin");
    Ok(match &b.self_ {
        None => format!("<built-in function {}>", b.def.name),
        Some(s) => format!(
            "<built-in method {} of {} object at 0x{:x}>",
            b.def.name,
            super::typeobj::type_name(s),
            s.id()
        ),
    })
}

fn descr_repr(_rt: &mut dyn Runtime, o: &PyObj) -> VmResult<String> {
    let d = o.get::<MethodDescr>().expect("a method descriptor");
    Ok(format!(
        "<method '{}' of '{}' objects>",
        d.def.name,
        super::typeobj::info(&d.objclass).name
    ))
}

/// Builtins are equal when they are the same function bound to the same object.
fn builtin_richcompare(
    _rt: &mut dyn Runtime,
    a: &PyObj,
    b: &PyObj,
    op: CompareOp,
) -> VmResult<PyObj> {
    let c = ctx();
    let (Some(x), Some(y)) = (a.get::<BuiltinFunction>(), b.get::<BuiltinFunction>()) else {
        return Ok(c.not_implemented.clone());
    };
    if !matches!(op, CompareOp::Eq | CompareOp::Ne) {
        return Ok(c.not_implemented.clone());
    }
    let same_self = match (&x.self_, &y.self_) {
        (Some(p), Some(q)) => p.is(q),
        (None, None) => true,
        _ => false,
    };
    let same = std::ptr::eq(x.def, y.def) && same_self;
    Ok(if same == (op == CompareOp::Eq) {
        &c.true_
    } else {
        &c.false_
    }
    .clone())
}

fn builtin_hash(_rt: &mut dyn Runtime, o: &PyObj) -> VmResult<i64> {
    let b = o.get::<BuiltinFunction>().expect("a builtin");
    let x = b.self_.as_ref().map_or(0, super::protocol::id_hash);
    let y = super::numeric::hash_pointer(b.def as *const MethodDef as usize);
    let h = x ^ y;
    Ok(if h == -1 { -2 } else { h })
}

/// builtin_function_or_method's slots.
pub const SLOTS: SlotTable = SlotTable {
    repr: Some(builtin_repr),
    hash: Some(builtin_hash),
    richcompare: Some(builtin_richcompare),
    ..SlotTable::EMPTY
};

/// The payload of a classmethod_descriptor: a builtin classmethod of a type
/// (`dict.fromkeys`, `int.from_bytes`), which binds to the class it is found through.
pub struct ClassMethodDescr {
    pub def: &'static MethodDef,
    /// The type that defines it (`__objclass__`).
    pub objclass: TypeRef,
}

impl Payload for ClassMethodDescr {
    type Item = ();
    const NAME: &'static str = "classmethod_descriptor";
    const GC: bool = true;
    fn traverse(&self, _: &[()], visit: Visit<'_>) {
        visit(self.objclass.as_obj());
    }
}

/// A classmethod_descriptor of `ty` for `def`.
pub fn classmethod_descriptor(def: &'static MethodDef, ty: &TypeRef) -> PyObj {
    PyObj::new(
        &ctx().classmethod_descriptor_type,
        ClassMethodDescr {
            def,
            objclass: ty.clone(),
        },
    )
}

fn cm_repr(_rt: &mut dyn Runtime, o: &PyObj) -> VmResult<String> {
    let d = o
        .get::<ClassMethodDescr>()
        .expect("a classmethod descriptor");
    Ok(format!(
        "<method '{}' of '{}' objects>",
        d.def.name,
        super::typeobj::info(&d.objclass).name
    ))
}

/// Bound to the class: `float.fromhex`, `bool.from_bytes` (a bool), `D.fromkeys`.
fn cm_bind(d: &ClassMethodDescr, ty: &TypeRef) -> VmResult<PyObj> {
    if !super::typeobj::is_subtype(ty, &d.objclass) {
        return Err(super::exceptions::type_error(format!(
            "descriptor '{}' for type '{}' doesn't apply to type '{}'",
            d.def.name,
            super::typeobj::info(&d.objclass).name,
            super::typeobj::info(ty).name
        )));
    }
    Ok(new(d.def, Some(ty.as_obj().clone()), None))
}

fn cm_get(_rt: &mut dyn Runtime, o: &PyObj, _obj: Option<&PyObj>, ty: &TypeRef) -> VmResult<PyObj> {
    cm_bind(
        o.get::<ClassMethodDescr>()
            .expect("a classmethod descriptor"),
        ty,
    )
}

/// Calling the descriptor itself: the class comes first.
fn cm_call(rt: &mut dyn Runtime, o: &PyObj, args: Args<'_>) -> VmResult<PyObj> {
    let d = o
        .get::<ClassMethodDescr>()
        .expect("a classmethod descriptor");
    let owner = &super::typeobj::info(&d.objclass).name;
    let Some(first) = args.pos().first() else {
        return Err(super::exceptions::type_error(format!(
            "descriptor '{}' of '{owner}' object needs an argument",
            d.def.name
        )));
    };
    let Some(ty) = TypeRef::from_obj::<super::typeobj::TypeInfo>(first) else {
        return Err(super::exceptions::type_error(format!(
            "descriptor '{}' for type '{owner}' needs a type, not a '{}' as arg 2",
            d.def.name,
            super::typeobj::type_name(first)
        )));
    };
    let bound = cm_bind(d, &ty)?;
    rt.call(
        &bound,
        Args {
            all: &args.all[1..],
            kwnames: args.kwnames,
        },
    )
}

/// classmethod_descriptor's slots.
pub const CLASSMETHOD_DESCR_SLOTS: SlotTable = SlotTable {
    repr: Some(cm_repr),
    descr_get: Some(cm_get),
    call: Some(cm_call),
    ..SlotTable::EMPTY
};

/// method_descriptor's slots.
pub const DESCR_SLOTS: SlotTable = SlotTable {
    repr: Some(descr_repr),
    descr_get: Some(descr_get),
    ..SlotTable::EMPTY
};

/// method_get: the method bound to an instance, a builtin method (the descriptor
/// itself on the class).
fn descr_get(
    _rt: &mut dyn Runtime,
    d: &PyObj,
    obj: Option<&PyObj>,
    _ty: &TypeRef,
) -> VmResult<PyObj> {
    let Some(o) = obj else {
        return Ok(d.clone());
    };
    let def = super::descr::expect::<MethodDescr>(d, "method_descriptor")?.def;
    Ok(new(def, Some(o.clone()), None))
}

// builtin_function_or_method's and method_descriptor's data attributes.

fn bf(o: &PyObj) -> VmResult<&BuiltinFunction> {
    super::descr::expect::<BuiltinFunction>(o, "builtin_function_or_method")
}
fn bf_name(_: &mut dyn Runtime, o: &PyObj) -> VmResult<PyObj> {
    Ok(super::string::new(bf(o)?.def.name))
}
/// A method's is its type's qualified name; a module function's its name.
fn bf_qualname(_: &mut dyn Runtime, o: &PyObj) -> VmResult<PyObj> {
    let b = bf(o)?;
    let name = b.def.name;
    let q = match &b.self_ {
        Some(s) => match TypeRef::from_obj::<super::typeobj::TypeInfo>(s) {
            Some(t) => format!("{}.{name}", super::typeobj::info(&t).name),
            None if super::module::dict(s).is_none() => {
                format!("{}.{name}", super::typeobj::type_name(s))
            }
            None => name.to_string(),
        },
        None => name.to_string(),
    };
    Ok(super::string::new(&q))
}
fn bf_self(_: &mut dyn Runtime, o: &PyObj) -> VmResult<PyObj> {
    Ok(super::descr::none_or(&bf(o)?.self_))
}
fn bf_module(_: &mut dyn Runtime, o: &PyObj) -> VmResult<PyObj> {
    Ok(super::descr::none_or(&bf(o)?.module))
}

/// builtin_function_or_method's member and getset descriptors.
pub static BUILTIN_GETSETS: &[super::descr::GetSetDef] = &[
    super::descr::GetSetDef::member("__module__", bf_module),
    super::descr::GetSetDef::getter("__name__", bf_name),
    super::descr::GetSetDef::getter("__qualname__", bf_qualname),
    super::descr::GetSetDef::getter("__self__", bf_self),
];

fn md(o: &PyObj) -> VmResult<&MethodDescr> {
    super::descr::expect::<MethodDescr>(o, "method_descriptor")
}
fn md_name(_: &mut dyn Runtime, o: &PyObj) -> VmResult<PyObj> {
    Ok(super::string::new(md(o)?.def.name))
}
fn md_qualname(_: &mut dyn Runtime, o: &PyObj) -> VmResult<PyObj> {
    let d = md(o)?;
    Ok(super::string::new(&format!(
        "{}.{}",
        super::typeobj::info(&d.objclass).name,
        d.def.name
    )))
}
fn md_objclass(_: &mut dyn Runtime, o: &PyObj) -> VmResult<PyObj> {
    Ok(md(o)?.objclass.as_obj().clone())
}

/// method_descriptor's member and getset descriptors.
pub static METHOD_DESCR_GETSETS: &[super::descr::GetSetDef] = &[
    super::descr::GetSetDef::member("__objclass__", md_objclass),
    super::descr::GetSetDef::member("__name__", md_name),
    super::descr::GetSetDef::getter("__qualname__", md_qualname),
];
