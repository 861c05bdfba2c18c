//! Which built-in types carry which data-attribute tables. Each table (CPython's
//! PyMemberDef / PyGetSetDef arrays) is defined in its type's own file with the
//! functions that read and write the attribute; this puts the descriptors in the
//! types' dicts, with python3's kinds: `type(f).__dict__['__doc__']` is
//! `<member '__doc__' of 'function' objects>`, `int.__dict__['real']`
//! `<attribute 'real' of 'int' objects>`.

use crate::heap::PyObj;
use crate::objects::descr::GetSetDef as G;
use crate::objects::exceptions::{self, VmResult};
use crate::objects::runtime::Runtime;
use crate::objects::{
    buffer, builtin_function, complex, ctx, descr, exception_attrs, float, function, int, method,
    range, slice, typeobj,
};

fn get_class(_: &mut dyn Runtime, o: &PyObj) -> VmResult<PyObj> {
    Ok(o.type_obj().as_obj().clone())
}

/// glasspy cannot change the type of an existing object (docs/differences.md).
fn set_class(_: &mut dyn Runtime, o: &PyObj, v: Option<PyObj>) -> VmResult<()> {
    if v.is_none() {
        return Err(exceptions::type_error("can't delete __class__ attribute"));
    }
    Err(exceptions::type_error(format!(
        "__class__ assignment is not supported: '{}' object",
        typeobj::type_name(o)
    )))
}

/// object's getset.
static OBJECT: &[G] = &[G::getset("__class__", get_class, set_class)];

/// Put the descriptors in the types' dicts.
pub fn install() {
    let c = ctx();
    let table: [(&crate::heap::TypeRef, &'static [G]); 23] = [
        (&c.object_type, OBJECT),
        (&c.builtin_function_type, builtin_function::BUILTIN_GETSETS),
        (
            &c.method_descriptor_type,
            builtin_function::METHOD_DESCR_GETSETS,
        ),
        (&c.function_type, function::GETSETS),
        (&c.method_type, method::GETSETS),
        (&c.staticmethod_type, descr::WRAPPER_GETSETS),
        (&c.classmethod_type, descr::WRAPPER_GETSETS),
        (&c.property_type, descr::PROPERTY_GETSETS),
        (&c.member_descriptor_type, descr::DESCR_GETSETS),
        (&c.getset_descriptor_type, descr::DESCR_GETSETS),
        (&c.slice_type, slice::GETSETS),
        (&c.range_type, range::GETSETS),
        (&c.int_type, int::GETSETS),
        (&c.float_type, float::GETSETS),
        (&c.complex_type, complex::GETSETS),
        (&c.memoryview_type, buffer::MEMORYVIEW_GETSETS),
        (&c.array_type, buffer::ARRAY_GETSETS),
        (&c.traceback_type, exception_attrs::TRACEBACK),
        (c.exc_type("BaseException"), exception_attrs::BASE_EXCEPTION),
        (c.exc_type("StopIteration"), exception_attrs::STOP_ITERATION),
        (c.exc_type("SystemExit"), exception_attrs::SYSTEM_EXIT),
        (c.exc_type("ImportError"), exception_attrs::IMPORT_ERROR),
        (c.exc_type("UnicodeError"), exception_attrs::UNICODE_ERROR),
    ];
    for (ty, defs) in table {
        typeobj::add_getsets(ty, defs);
    }
}
