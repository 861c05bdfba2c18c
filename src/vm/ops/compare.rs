//! Rich comparison (COMPARE_OP, CPython's PyObject_RichCompare / do_richcompare): the
//! right operand's comparison first when its type is a proper subtype of the left's,
//! then the left's, then the right's reflected; `==` / `!=` fall back to identity, the
//! orderings to TypeError. Each type's own comparison is its richcompare slot.

use crate::bytecode::opcode::CompareOp;
use crate::heap::PyObj;
use crate::objects::typeobj::slotdefs::slots_of_type;
use crate::objects::{ctx, float, int, object, string, typeobj};

use super::super::Vm;
use super::bool_obj;
use crate::objects::exceptions;
use crate::objects::exceptions::VmResult;

/// `a op b` for exact built-in numbers and strs, without dispatch (None: dispatch).
#[inline]
fn fast_compare(a: &PyObj, b: &PyObj, op: CompareOp) -> Option<bool> {
    let c = ctx();
    if a.is_type(&c.int_type) && b.is_type(&c.int_type) {
        let (x, y) = (int::as_i64(a)?, int::as_i64(b)?);
        return Some(op.holds(Some(x.cmp(&y))));
    }
    if a.is_type(&c.float_type) && b.is_type(&c.float_type) {
        let (x, y) = (float::value(a)?, float::value(b)?);
        return Some(op.holds(x.partial_cmp(&y)));
    }
    if matches!(op, CompareOp::Eq | CompareOp::Ne)
        && a.is_type(&c.tuple_type)
        && b.is_type(&c.tuple_type)
    {
        let eq = crate::objects::protocol::quick_eq(a, b)?;
        return Some(eq == (op == CompareOp::Eq));
    }
    if a.is_type(&c.str_type) && b.is_type(&c.str_type) {
        let (x, y) = (string::view(a)?, string::view(b)?);
        return Some(match op {
            CompareOp::Eq => x.eq_view(&y),
            CompareOp::Ne => !x.eq_view(&y),
            _ => op.holds(Some(x.cmp_view(&y))),
        });
    }
    None
}

/// COMPARE_OP: the result object.
pub fn compare(vm: &mut Vm, a: &PyObj, b: &PyObj, op: CompareOp) -> VmResult<PyObj> {
    if let Some(r) = fast_compare(a, b, op) {
        return Ok(bool_obj(r));
    }
    dispatch(vm, a, b, op)
}

/// `compare` through the types' slots, its shortcut already tried (or known not to
/// apply): within one level of the recursion limit, as PyObject_RichCompare.
fn dispatch(vm: &mut Vm, a: &PyObj, b: &PyObj, op: CompareOp) -> VmResult<PyObj> {
    vm.enter_recursive(" in comparison")?;
    let r = do_richcompare(vm, a, b, op);
    vm.leave_recursive();
    r
}

fn do_richcompare(vm: &mut Vm, a: &PyObj, b: &PyObj, op: CompareOp) -> VmResult<PyObj> {
    let c = ctx();
    let (ta, tb) = (a.type_obj(), b.type_obj());
    let fa = slots_of_type(&ta).richcompare.get();
    let fb = slots_of_type(&tb).richcompare.get();
    if let (Some(f), Some(g), CompareOp::Eq | CompareOp::Ne) = (fa, fb, op) {
        if object::is_object_richcompare(f) && object::is_object_richcompare(g) {
            return Ok(bool_obj(a.is(b) == (op == CompareOp::Eq)));
        }
    }
    let mut checked_reflected = false;
    if !ta.is(&tb) && typeobj::is_subtype(&tb, &ta) {
        if let Some(f) = fb {
            checked_reflected = true;
            let r = f(vm, b, a, op.swapped())?;
            if !r.is(&c.not_implemented) {
                return Ok(r);
            }
        }
    }
    if let Some(f) = fa {
        let r = f(vm, a, b, op)?;
        if !r.is(&c.not_implemented) {
            return Ok(r);
        }
    }
    if !checked_reflected {
        if let Some(f) = fb {
            let r = f(vm, b, a, op.swapped())?;
            if !r.is(&c.not_implemented) {
                return Ok(r);
            }
        }
    }
    match op {
        CompareOp::Eq => Ok(bool_obj(a.is(b))),
        CompareOp::Ne => Ok(bool_obj(!a.is(b))),
        _ => Err(exceptions::type_error(format!(
            "'{}' not supported between instances of '{}' and '{}'",
            op.symbol(),
            typeobj::type_name(a),
            typeobj::type_name(b)
        ))),
    }
}

/// `a op b` as a bool.
pub fn compare_bool(vm: &mut Vm, a: &PyObj, b: &PyObj, op: CompareOp) -> VmResult<bool> {
    if let Some(r) = fast_compare(a, b, op) {
        return Ok(r);
    }
    let r = dispatch(vm, a, b, op)?;
    truth(vm, r)
}

/// A comparison's result as a bool (PyObject_RichCompareBool's last step).
fn truth(vm: &mut Vm, r: PyObj) -> VmResult<bool> {
    let c = ctx();
    if r.is(&c.true_) {
        return Ok(true);
    }
    if r.is(&c.false_) {
        return Ok(false);
    }
    vm.truthy(&r)
}

impl Vm {
    /// `a == b` (identity first, as containers compare their items).
    pub fn equal(&mut self, a: &PyObj, b: &PyObj) -> VmResult<bool> {
        if let Some(r) = crate::objects::protocol::quick_eq(a, b) {
            return Ok(r);
        }
        // quick_eq answers every pair `fast_compare` would: straight to the slots.
        let r = dispatch(self, a, b, CompareOp::Eq)?;
        truth(self, r)
    }

    /// Count one level of Rust recursion on a user-reachable path (comparison, repr
    /// of nested containers) against the recursion limit, as Py_EnterRecursiveCall.
    #[inline]
    pub(crate) fn enter_recursive(&mut self, where_: &str) -> VmResult<()> {
        if self.depth >= self.recursion_limit {
            return Err(recursion_error(where_));
        }
        self.depth += 1;
        Ok(())
    }

    pub(crate) fn leave_recursive(&mut self) {
        self.depth -= 1;
    }
}

/// The RecursionError `enter_recursive` raises, `where_` its message's suffix.
#[cold]
#[inline(never)]
pub(crate) fn recursion_error(where_: &str) -> crate::objects::exceptions::Exc {
    exceptions::named(
        "RecursionError",
        format!("maximum recursion depth exceeded{where_}"),
    )
}
