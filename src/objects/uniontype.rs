//! types.UnionType: what `int | str` makes (CPython's unionobject). It keeps its
//! members (`__args__`, flattened and without duplicates, None as NoneType), prints as
//! `int | str`, compares as a set of members, and is accepted by isinstance/issubclass.

use crate::bytecode::opcode::CompareOp;
use crate::heap::{Payload, PyObj, TypeRef, Visit};

use super::args::Args;
use super::exceptions::VmResult;
use super::genericalias::GenericAlias;
use super::runtime::Runtime;
use super::typeobj::slots::SlotTable;
use super::typeobj::{self, TypeInfo};
use super::{ctx, string, tuple};

/// A union of classes.
pub struct UnionType {
    /// Always a tuple of two or more members.
    pub args: PyObj,
}

impl Payload for UnionType {
    type Item = ();
    const NAME: &'static str = "types.UnionType";
    const GC: bool = true;
    fn traverse(&self, _: &[()], visit: Visit<'_>) {
        visit(&self.args);
    }
}

thread_local! {
    static TYPE: std::cell::OnceCell<TypeRef> = const { std::cell::OnceCell::new() };
}

/// The UnionType type (made once per thread, with its slots).
pub fn union_type() -> TypeRef {
    TYPE.with(|t| {
        t.get_or_init(|| {
            let c = ctx();
            let ty = TypeRef::new::<TypeInfo, UnionType>(
                &c.type_type,
                TypeInfo::new(
                    std::borrow::Cow::Borrowed("types.UnionType"),
                    Some(c.object_type.clone()),
                ),
            );
            typeobj::install_builtin_slots(&ty, &SLOTS);
            ty
        })
        .clone()
    })
}

/// The members of a union (None when `o` is not one).
pub fn members(o: &PyObj) -> Option<Vec<PyObj>> {
    let u = o.get::<UnionType>()?;
    Some(tuple::items(&u.args).unwrap_or(&[]).to_vec())
}

/// is_unionable: None, a class, a GenericAlias or a union.
fn unionable(o: &PyObj) -> bool {
    o.is(&ctx().none)
        || TypeRef::from_obj::<TypeInfo>(o).is_some()
        || o.is_a::<GenericAlias>()
        || o.is_a::<UnionType>()
}

/// `a | b` for the operands above (nb_or of type, GenericAlias and UnionType):
/// NotImplemented for anything else.
pub fn union_or(rt: &mut dyn Runtime, a: &PyObj, b: &PyObj) -> VmResult<PyObj> {
    if !unionable(a) || !unionable(b) {
        return Ok(ctx().not_implemented.clone());
    }
    let none_type = ctx().none.type_obj().as_obj().clone();
    let mut out: Vec<PyObj> = Vec::new();
    for side in [a, b] {
        let items = members(side).unwrap_or_else(|| vec![side.clone()]);
        for it in items {
            let it = if it.is(&ctx().none) {
                none_type.clone()
            } else {
                it
            };
            let mut dup = false;
            for seen in &out {
                if seen.is(&it) || rt.equal(seen, &it)? {
                    dup = true;
                    break;
                }
            }
            if !dup {
                out.push(it);
            }
        }
    }
    if out.len() == 1 {
        return Ok(out.pop().expect("one member"));
    }
    Ok(PyObj::new(
        &union_type(),
        UnionType {
            args: tuple::new(out),
        },
    ))
}

fn repr(rt: &mut dyn Runtime, o: &PyObj) -> VmResult<String> {
    let items = members(o).unwrap_or_default();
    let none_type = ctx().none.type_obj();
    let mut parts = Vec::with_capacity(items.len());
    for it in &items {
        if it.is(none_type.as_obj()) {
            parts.push("None".to_string());
        } else if let Some(t) = TypeRef::from_obj::<TypeInfo>(it) {
            parts.push(super::object::class_display_name(&t));
        } else {
            parts.push(rt.repr(it)?);
        }
    }
    Ok(parts.join(" | "))
}

fn hash(rt: &mut dyn Runtime, o: &PyObj) -> VmResult<i64> {
    let args = o.get::<UnionType>().expect("a union").args.clone();
    let fs = rt.call(
        ctx().frozenset_type.as_obj(),
        Args::positional(std::slice::from_ref(&args)),
    )?;
    rt.hash(&fs)
}

fn richcompare(rt: &mut dyn Runtime, a: &PyObj, b: &PyObj, op: CompareOp) -> VmResult<PyObj> {
    let c = ctx();
    let (Some(x), Some(y)) = (members(a), members(b)) else {
        return Ok(c.not_implemented.clone());
    };
    if !matches!(op, CompareOp::Eq | CompareOp::Ne) {
        return Ok(c.not_implemented.clone());
    }
    let mut eq = true;
    'outer: for (p, q) in [(&x, &y), (&y, &x)] {
        for i in p {
            let mut found = false;
            for j in q {
                if i.is(j) || rt.equal(i, j)? {
                    found = true;
                    break;
                }
            }
            if !found {
                eq = false;
                break 'outer;
            }
        }
    }
    let r = if op == CompareOp::Eq { eq } else { !eq };
    Ok(if r { c.true_.clone() } else { c.false_.clone() })
}

fn getattro(rt: &mut dyn Runtime, o: &PyObj, name: &PyObj) -> VmResult<PyObj> {
    let n = string::as_str(name).unwrap_or_default();
    match &*n {
        "__args__" => return Ok(o.get::<UnionType>().expect("a union").args.clone()),
        "__parameters__" => return Ok(ctx().empty_tuple.clone()),
        _ => {}
    }
    rt.generic_getattr(o, name)
}

const SLOTS: SlotTable = SlotTable {
    repr: Some(repr),
    hash: Some(hash),
    richcompare: Some(richcompare),
    getattro: Some(getattro),
    or: Some(union_or),
    ..SlotTable::EMPTY
};
