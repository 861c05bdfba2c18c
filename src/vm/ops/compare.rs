//! Rich comparison of the built-in types (COMPARE_OP), with CPython's semantics: NaN
//! compares unequal, sequences compare lexicographically, sets by inclusion, and
//! ordering unrelated types is a TypeError.

use std::cmp::Ordering;

use crate::bytecode::opcode::CompareOp;
use crate::heap::PyObj;
use crate::objects::numeric::compare_int_float;
use crate::objects::{dict, float, int, list, protocol, set, string, tuple, typeobj};

use super::super::Vm;
use super::bool_obj;
use crate::objects::exceptions;
use crate::objects::exceptions::VmResult;

fn from_ordering(ord: Option<Ordering>, op: CompareOp) -> bool {
    match ord {
        None => op == CompareOp::Ne,
        Some(o) => match op {
            CompareOp::Lt => o == Ordering::Less,
            CompareOp::Le => o != Ordering::Greater,
            CompareOp::Eq => o == Ordering::Equal,
            CompareOp::Ne => o != Ordering::Equal,
            CompareOp::Gt => o == Ordering::Greater,
            CompareOp::Ge => o != Ordering::Less,
        },
    }
}

/// The items of a tuple or list (a snapshot) and whether it is a tuple.
fn seq_items(o: &PyObj) -> Option<(bool, Vec<PyObj>)> {
    if let Some(t) = tuple::items(o) {
        return Some((true, t.to_vec()));
    }
    list::borrow(o).map(|l| (false, l.0.clone()))
}

/// Numbers: Some(ordering) (None for NaN) when both are int/bool/float.
fn numeric_cmp(a: &PyObj, b: &PyObj) -> Option<Option<Ordering>> {
    if let (Some(x), Some(y)) = (int::as_i64(a), int::as_i64(b)) {
        return Some(Some(x.cmp(&y)));
    }
    let (ia, ib) = (int::value(a), int::value(b));
    let (fa, fb) = (float::value(a), float::value(b));
    match (ia, ib, fa, fb) {
        (Some(x), Some(y), _, _) => Some(Some(x.cmp(&y))),
        (Some(x), _, _, Some(y)) => Some(compare_int_float(&x, y)),
        (_, Some(y), Some(x), _) => Some(compare_int_float(&y, x).map(Ordering::reverse)),
        (_, _, Some(x), Some(y)) => Some(x.partial_cmp(&y)),
        _ => None,
    }
}

/// COMPARE_OP: the result object.
pub fn compare(vm: &mut Vm, a: &PyObj, b: &PyObj, op: CompareOp) -> VmResult<PyObj> {
    if super::dunder::any_heap(a, b) {
        vm.enter_recursive(" in comparison")?;
        let r = vm.rich_compare(a, b, op);
        vm.leave_recursive();
        return r;
    }
    Ok(bool_obj(compare_bool(vm, a, b, op)?))
}

/// `a op b` as a bool, for the built-in types.
pub fn compare_bool(vm: &mut Vm, a: &PyObj, b: &PyObj, op: CompareOp) -> VmResult<bool> {
    if super::dunder::any_heap(a, b) {
        let r = compare(vm, a, b, op)?;
        return vm.truthy(&r);
    }
    compare_bool_builtin(vm, a, b, op)
}

/// `a op b` with the built-in types' rules, whatever the classes of `a` and `b`
/// (the comparison a subclass of a built-in type inherits).
pub fn compare_bool_builtin(vm: &mut Vm, a: &PyObj, b: &PyObj, op: CompareOp) -> VmResult<bool> {
    if let Some(ord) = numeric_cmp(a, b) {
        return Ok(from_ordering(ord, op));
    }
    if let (Some(x), Some(y)) = (string::view(a), string::view(b)) {
        return Ok(from_ordering(Some(x.cmp_view(&y)), op));
    }
    if let (Some((ta, xa)), Some((tb, xb))) = (seq_items(a), seq_items(b)) {
        if ta == tb {
            return sequence_compare(vm, &xa, &xb, op);
        }
    }
    let (sa, sb) = (a.is_a::<set::Set>(), b.is_a::<set::Set>());
    if sa && sb {
        return set_compare(a, b, op);
    }
    // dict views and mappingproxy (vm/ops/dictview.rs).
    if let Some(r) = vm.dict_view_compare(a, b, op)? {
        return Ok(r);
    }
    match op {
        CompareOp::Eq => Ok(a.is(b) || vm.equal_builtin(a, b)?),
        CompareOp::Ne => Ok(!(a.is(b) || vm.equal_builtin(a, b)?)),
        _ => Err(exceptions::type_error(format!(
            "'{}' not supported between instances of '{}' and '{}'",
            op.symbol(),
            typeobj::type_name(a),
            typeobj::type_name(b)
        ))),
    }
}

/// Lexicographic comparison: the first pair that differs decides.
fn sequence_compare(vm: &mut Vm, xa: &[PyObj], xb: &[PyObj], op: CompareOp) -> VmResult<bool> {
    if matches!(op, CompareOp::Eq | CompareOp::Ne) && xa.len() != xb.len() {
        return Ok(op == CompareOp::Ne);
    }
    for (x, y) in xa.iter().zip(xb) {
        if x.is(y) {
            continue;
        }
        if !vm.equal(x, y)? {
            return match op {
                CompareOp::Eq => Ok(false),
                CompareOp::Ne => Ok(true),
                _ => {
                    vm.enter_recursive(" in comparison")?;
                    let r = compare_bool(vm, x, y, op);
                    vm.leave_recursive();
                    r
                }
            };
        }
    }
    Ok(from_ordering(Some(xa.len().cmp(&xb.len())), op))
}

fn set_compare(a: &PyObj, b: &PyObj, op: CompareOp) -> VmResult<bool> {
    let (x, y) = (
        set::borrow(a).ok_or_else(busy)?,
        set::borrow(b).ok_or_else(busy)?,
    );
    let mut eq = |p: &PyObj, q: &PyObj| protocol::eq(p, q);
    let r = match op {
        CompareOp::Eq => x.0.set_eq(&y.0, &mut eq)?,
        CompareOp::Ne => !x.0.set_eq(&y.0, &mut eq)?,
        CompareOp::Le => x.0.is_subset(&y.0, &mut eq)?,
        CompareOp::Ge => x.0.is_superset(&y.0, &mut eq)?,
        CompareOp::Lt => x.0.len() < y.0.len() && x.0.is_subset(&y.0, &mut eq)?,
        CompareOp::Gt => x.0.len() > y.0.len() && x.0.is_superset(&y.0, &mut eq)?,
    };
    Ok(r)
}

fn busy() -> crate::objects::exceptions::Exc {
    exceptions::named("RuntimeError", "Set changed size during iteration")
}

impl Vm {
    /// `a == b` (identity first, as containers compare their items). Each level of
    /// nested lists, tuples and dicts counts against the recursion limit, so a deep
    /// nest is a RecursionError "in comparison", as in CPython.
    pub fn equal(&mut self, a: &PyObj, b: &PyObj) -> VmResult<bool> {
        if a.is(b) {
            return Ok(true);
        }
        if super::dunder::any_heap(a, b) {
            return compare_bool(self, a, b, CompareOp::Eq);
        }
        self.equal_builtin(a, b)
    }

    /// `a == b` with the built-in types' rules (no identity shortcut).
    pub(crate) fn equal_builtin(&mut self, a: &PyObj, b: &PyObj) -> VmResult<bool> {
        if a.is_a::<dict::Dict>() && b.is_a::<dict::Dict>() {
            self.enter_recursive(" in comparison")?;
            let r = self.dict_equal(a, b);
            self.leave_recursive();
            return r;
        }
        if let (Some((ta, xa)), Some((tb, xb))) = (seq_items(a), seq_items(b)) {
            if ta == tb {
                if xa.len() != xb.len() {
                    return Ok(false);
                }
                self.enter_recursive(" in comparison")?;
                let r = self.items_equal(&xa, &xb);
                self.leave_recursive();
                return r;
            }
        }
        Ok(protocol::eq(a, b)?)
    }

    fn items_equal(&mut self, xa: &[PyObj], xb: &[PyObj]) -> VmResult<bool> {
        for (x, y) in xa.iter().zip(xb) {
            if !x.is(y) && !self.equal(x, y)? {
                return Ok(false);
            }
        }
        Ok(true)
    }

    fn dict_equal(&mut self, a: &PyObj, b: &PyObj) -> VmResult<bool> {
        let (ia, ib) = (
            dict::items(a).unwrap_or_default(),
            dict::items(b).unwrap_or_default(),
        );
        if ia.len() != ib.len() {
            return Ok(false);
        }
        for (k, v) in ia {
            match self.dict_get(b, &k)? {
                Some(w) if self.equal(&v, &w)? => {}
                _ => return Ok(false),
            }
        }
        Ok(true)
    }

    /// Count one level of Rust recursion on a user-reachable path (comparison, repr
    /// of nested containers) against the recursion limit, as Py_EnterRecursiveCall.
    pub(crate) fn enter_recursive(&mut self, where_: &str) -> VmResult<()> {
        if self.depth >= self.recursion_limit {
            return Err(exceptions::named(
                "RecursionError",
                format!("maximum recursion depth exceeded{where_}"),
            ));
        }
        self.depth += 1;
        Ok(())
    }

    pub(crate) fn leave_recursive(&mut self) {
        self.depth -= 1;
    }
}
