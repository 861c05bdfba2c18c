//! types.GenericAlias: what `list[int]` makes (CPython's genericaliasobject). It keeps
//! the class (`__origin__`) and the subscript (`__args__`), prints as `list[int]`,
//! compares and hashes by both, calls its class, gives its class as an MRO entry
//! (`class C(list[int])`), and passes other attribute lookups on to the class.

use crate::bytecode::opcode::CompareOp;
use crate::heap::{Payload, PyObj, TypeRef, Visit};

use super::args::Args;
use super::builtin_function::MethodDef;
use super::exceptions::VmResult;
use super::runtime::Runtime;
use super::typeobj::slots::SlotTable;
use super::typeobj::{self, TypeInfo};
use super::{ctx, string, tuple};

/// A parameterised class.
pub struct GenericAlias {
    pub origin: PyObj,
    /// Always a tuple.
    pub args: PyObj,
}

impl Payload for GenericAlias {
    type Item = ();
    const NAME: &'static str = "types.GenericAlias";
    const GC: bool = true;
    fn traverse(&self, _: &[()], visit: Visit<'_>) {
        visit(&self.origin);
        visit(&self.args);
    }
}

thread_local! {
    static TYPE: std::cell::OnceCell<TypeRef> = const { std::cell::OnceCell::new() };
}

/// The GenericAlias type (made once per thread, with its slots and methods).
pub fn generic_alias_type() -> TypeRef {
    TYPE.with(|t| {
        t.get_or_init(|| {
            let c = ctx();
            let ty = TypeRef::new::<TypeInfo, GenericAlias>(
                &c.type_type,
                TypeInfo::new(
                    std::borrow::Cow::Borrowed("types.GenericAlias"),
                    Some(c.object_type.clone()),
                ),
            );
            typeobj::install_builtin_slots(&ty, &SLOTS);
            typeobj::add_methods(&ty, METHODS);
            typeobj::set_new(&ty, &NEW);
            ty
        })
        .clone()
    })
}

/// `origin[item]`: the alias, its args a tuple (`item` itself when it is one).
pub fn new(origin: PyObj, item: PyObj) -> PyObj {
    let args = if item.is_type(&ctx().tuple_type) {
        item
    } else {
        tuple::new(vec![item])
    };
    PyObj::new(&generic_alias_type(), GenericAlias { origin, args })
}

fn parts(o: &PyObj) -> (PyObj, PyObj) {
    let g = o.get::<GenericAlias>().expect("a GenericAlias");
    (g.origin.clone(), g.args.clone())
}

/// ga_repr_item: `...`, a class by its (module-qualified) name, else its repr.
fn repr_item(rt: &mut dyn Runtime, o: &PyObj) -> VmResult<String> {
    if o.is(&ctx().ellipsis) {
        return Ok("...".into());
    }
    if o.get::<GenericAlias>().is_none() {
        if let Some(t) = TypeRef::from_obj::<TypeInfo>(o) {
            return Ok(super::object::class_display_name(&t));
        }
    }
    rt.repr(o)
}

fn repr(rt: &mut dyn Runtime, o: &PyObj) -> VmResult<String> {
    let (origin, args) = parts(o);
    let mut s = repr_item(rt, &origin)?;
    s.push('[');
    let items = tuple::items(&args).unwrap_or(&[]).to_vec();
    if items.is_empty() {
        s.push_str("()");
    }
    for (i, it) in items.iter().enumerate() {
        if i > 0 {
            s.push_str(", ");
        }
        s.push_str(&repr_item(rt, it)?);
    }
    s.push(']');
    Ok(s)
}

fn hash(rt: &mut dyn Runtime, o: &PyObj) -> VmResult<i64> {
    let (origin, args) = parts(o);
    let h = rt.hash(&origin)? ^ rt.hash(&args)?;
    Ok(if h == -1 { -2 } else { h })
}

fn richcompare(rt: &mut dyn Runtime, a: &PyObj, b: &PyObj, op: CompareOp) -> VmResult<PyObj> {
    let c = ctx();
    let (Some(x), Some(y)) = (a.get::<GenericAlias>(), b.get::<GenericAlias>()) else {
        return Ok(c.not_implemented.clone());
    };
    if !matches!(op, CompareOp::Eq | CompareOp::Ne) {
        return Ok(c.not_implemented.clone());
    }
    let (xo, xa, yo, ya) = (
        x.origin.clone(),
        x.args.clone(),
        y.origin.clone(),
        y.args.clone(),
    );
    let eq = rt.equal(&xo, &yo)? && rt.equal(&xa, &ya)?;
    let r = if op == CompareOp::Eq { eq } else { !eq };
    Ok(if r { c.true_.clone() } else { c.false_.clone() })
}

/// Calling the alias makes an instance of its class.
fn call(rt: &mut dyn Runtime, o: &PyObj, args: Args<'_>) -> VmResult<PyObj> {
    let (origin, _) = parts(o);
    let r = rt.call(&origin, args)?;
    // `__orig_class__` where the instance takes attributes (CPython ignores failures).
    let _ = rt.setattr(&r, &string::intern_str("__orig_class__"), Some(o.clone()));
    Ok(r)
}

/// ga_getattro: the alias's own attributes, the rest from its class.
fn getattro(rt: &mut dyn Runtime, o: &PyObj, name: &PyObj) -> VmResult<PyObj> {
    let (origin, args) = parts(o);
    let n = string::as_str(name).unwrap_or_default();
    match &*n {
        "__origin__" => return Ok(origin),
        "__args__" => return Ok(args),
        "__parameters__" => return Ok(ctx().empty_tuple.clone()),
        "__unpacked__" => return Ok(ctx().false_.clone()),
        "__class__" => return Ok(generic_alias_type().as_obj().clone()),
        _ => {}
    }
    if n.starts_with("__") && n.ends_with("__") {
        if let Ok(v) = rt.generic_getattr(o, name) {
            return Ok(v);
        }
    }
    rt.getattr(&origin, name)
}

/// `__mro_entries__(bases)`: the class itself.
fn mro_entries(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let (origin, _) = parts(&args.all[0]);
    Ok(tuple::new(vec![origin]))
}

static METHODS: &[MethodDef] = &[MethodDef {
    name: "__mro_entries__",
    func: mro_entries,
}];

const SLOTS: SlotTable = SlotTable {
    repr: Some(repr),
    hash: Some(hash),
    richcompare: Some(richcompare),
    call: Some(call),
    getattro: Some(getattro),
    or: Some(super::uniontype::union_or),
    ..SlotTable::EMPTY
};

/// `__class_getitem__` of the built-in generic classes (a classmethod): `cls[item]`.
pub fn class_getitem(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let pos = args.pos();
    if pos.len() != 2 {
        return Err(super::exceptions::type_error(format!(
            "__class_getitem__() takes exactly one argument ({} given)",
            pos.len().saturating_sub(1)
        )));
    }
    Ok(new(pos[0].clone(), pos[1].clone()))
}

static NEW: MethodDef = MethodDef {
    name: "__new__",
    func: ga_new,
};

/// GenericAlias(origin, args): what `origin[args]` makes.
fn ga_new(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    if !args.kwnames.is_empty() {
        return Err(super::exceptions::type_error(
            "GenericAlias() takes no keyword arguments",
        ));
    }
    let pos = args.pos();
    let n = pos.len().saturating_sub(1);
    if n != 2 {
        return Err(super::exceptions::type_error(format!(
            "GenericAlias expected 2 arguments, got {n}"
        )));
    }
    Ok(new(pos[1].clone(), pos[2].clone()))
}
