//! The VM as the object layer's `Runtime`: each method is the VM's own operation.

use crate::bytecode::opcode::{BinaryOp, CompareOp};
use crate::heap::{PyObj, TypeRef};
use crate::objects::args::Args;
use crate::objects::exceptions::{self, VmResult};
use crate::objects::runtime::Runtime;
use crate::objects::{int, string, typeobj};

use super::Vm;

impl Runtime for Vm {
    fn call(&mut self, f: &PyObj, args: Args<'_>) -> VmResult<PyObj> {
        Vm::call(self, f, args)
    }

    fn call_special(
        &mut self,
        o: &PyObj,
        name: &'static str,
        args: &[PyObj],
    ) -> VmResult<Option<PyObj>> {
        Vm::call_special(self, o, name, args)
    }

    fn type_lookup(&mut self, ty: &TypeRef, name: &PyObj) -> VmResult<Option<PyObj>> {
        Vm::type_lookup(self, ty, name)
    }

    fn repr(&mut self, o: &PyObj) -> VmResult<String> {
        Vm::repr(self, o)
    }

    fn str(&mut self, o: &PyObj) -> VmResult<String> {
        Vm::str(self, o)
    }

    fn hash(&mut self, o: &PyObj) -> VmResult<i64> {
        Vm::hash(self, o)
    }

    fn truthy(&mut self, o: &PyObj) -> VmResult<bool> {
        Vm::truthy(self, o)
    }

    fn equal(&mut self, a: &PyObj, b: &PyObj) -> VmResult<bool> {
        Vm::equal(self, a, b)
    }

    fn rich_compare(&mut self, a: &PyObj, b: &PyObj, op: CompareOp) -> VmResult<PyObj> {
        super::ops::compare(self, a, b, op)
    }

    fn compare_bool(&mut self, a: &PyObj, b: &PyObj, op: CompareOp) -> VmResult<bool> {
        super::ops::compare_bool(self, a, b, op)
    }

    fn binary_op(&mut self, a: &PyObj, b: &PyObj, op: BinaryOp, inplace: bool) -> VmResult<PyObj> {
        super::ops::binary_op(self, a, b, op, inplace)
    }

    fn len(&mut self, o: &PyObj) -> VmResult<usize> {
        Vm::len(self, o)
    }

    fn iter(&mut self, o: &PyObj) -> VmResult<PyObj> {
        Vm::iter(self, o)
    }

    fn next(&mut self, it: &PyObj) -> VmResult<Option<PyObj>> {
        Vm::next(self, it)
    }

    fn collect_iter(&mut self, o: &PyObj) -> VmResult<Vec<PyObj>> {
        Vm::collect_iter(self, o)
    }

    fn contains(&mut self, container: &PyObj, item: &PyObj) -> VmResult<bool> {
        Vm::contains(self, container, item)
    }

    fn getitem(&mut self, o: &PyObj, key: &PyObj) -> VmResult<PyObj> {
        Vm::getitem(self, o, key)
    }

    fn setitem(&mut self, o: &PyObj, key: &PyObj, value: PyObj) -> VmResult<()> {
        Vm::setitem(self, o, key, value)
    }

    fn delitem(&mut self, o: &PyObj, key: &PyObj) -> VmResult<()> {
        Vm::delitem(self, o, key)
    }

    fn getattr(&mut self, o: &PyObj, name: &PyObj) -> VmResult<PyObj> {
        Vm::getattr(self, o, name)
    }

    fn setattr(&mut self, o: &PyObj, name: &PyObj, value: Option<PyObj>) -> VmResult<()> {
        Vm::setattr(self, o, name, value)
    }

    fn generic_getattr(&mut self, o: &PyObj, name: &PyObj) -> VmResult<PyObj> {
        if !o.vtable().heap_type {
            return Vm::builtin_generic_getattr(self, o, name);
        }
        let ty = o.type_obj();
        match Vm::generic_getattr(self, o, &ty, name)? {
            Some(v) => Ok(v),
            None => Err(super::ops::no_attribute(
                o,
                &string::as_str(name).unwrap_or_default(),
            )),
        }
    }

    fn generic_setattr(&mut self, o: &PyObj, name: &PyObj, value: Option<PyObj>) -> VmResult<()> {
        Vm::generic_setattr(self, o, name, value)
    }

    fn descr_get(&mut self, d: &PyObj, obj: Option<&PyObj>, ty: &TypeRef) -> VmResult<PyObj> {
        Vm::descr_get(self, d.clone(), obj, ty)
    }

    fn descr_set(&mut self, d: &PyObj, obj: &PyObj, value: Option<PyObj>) -> VmResult<()> {
        Vm::descr_set(self, d, obj, value)
    }

    fn materialize_dict(&mut self, o: &PyObj) -> Option<PyObj> {
        Vm::materialize_dict(self, o)
    }

    fn set_instance_dict(&mut self, o: &PyObj, value: Option<PyObj>) {
        Vm::set_instance_dict(self, o, value)
    }

    fn percent_format(&mut self, fmt: &PyObj, args: &PyObj) -> VmResult<PyObj> {
        self.str_percent_format(fmt, args)
    }

    fn length_hint(&mut self, o: &PyObj) -> usize {
        Vm::length_hint(self, o)
    }

    fn dict_update(&mut self, d: &PyObj, m: &PyObj, merge: bool) -> VmResult<()> {
        Vm::dict_update(self, d, m, merge)
    }

    fn set_contains(&mut self, s: &PyObj, item: &PyObj) -> VmResult<bool> {
        if let Some((_, found)) = crate::objects::set::quick_lookup(s, item) {
            return Ok(found);
        }
        let h = match self.hash(item) {
            Ok(h) => h,
            Err(e) => match crate::objects::set::frozen_stand_in(item, &e) {
                Some(f) => return self.set_contains(s, &f),
                None => return Err(e),
            },
        };
        let answers = self.prepare_eq(s, item, h)?;
        let mut eq = answers.eq();
        Ok(crate::objects::set::contains(s, item, h, &mut eq)?)
    }

    fn dict_get(&mut self, d: &PyObj, key: &PyObj) -> VmResult<Option<PyObj>> {
        Vm::dict_get(self, d, key)
    }

    fn index(&mut self, o: &PyObj) -> VmResult<PyObj> {
        let r = self.index_arg(o)?;
        if int::value(&r).is_some() {
            return Ok(r);
        }
        Err(exceptions::type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            typeobj::type_name(o)
        )))
    }

    fn gen_next(&mut self, gen: &PyObj) -> VmResult<Option<PyObj>> {
        self.gen_iternext(gen)
    }

    fn enter_recursive(&mut self, where_: &str) -> VmResult<()> {
        Vm::enter_recursive(self, where_)
    }

    fn leave_recursive(&mut self) {
        Vm::leave_recursive(self)
    }

    fn repr_enter(&mut self, o: &PyObj) -> bool {
        if self.repr_active.contains(&o.id()) {
            return false;
        }
        self.repr_active.push(o.id());
        true
    }

    fn repr_leave(&mut self, o: &PyObj) {
        if let Some(i) = self.repr_active.iter().rposition(|id| *id == o.id()) {
            self.repr_active.remove(i);
        }
    }
}

impl Vm {
    /// len(o): the type's length slot, else TypeError.
    pub fn len(&mut self, o: &PyObj) -> VmResult<usize> {
        match crate::objects::typeobj::slotdefs::slots_of_type(&o.type_obj())
            .length
            .get()
        {
            Some(f) => f(self, o),
            None => Err(exceptions::type_error(format!(
                "object of type '{}' has no len()",
                typeobj::type_name(o)
            ))),
        }
    }
}
