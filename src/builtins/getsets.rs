//! The data attributes of the built-in types as member and getset descriptors in
//! their dicts (CPython's PyMemberDef / PyGetSetDef tables), with python3's kinds:
//! `type(f).__dict__['__doc__']` is `<member '__doc__' of 'function' objects>`,
//! `int.__dict__['real']` `<attribute 'real' of 'int' objects>`. The descriptors
//! read and write through the VM's attribute code for each type (vm/ops/attr.rs).

use crate::objects::descr::GetSetDef as G;
use crate::objects::{ctx, typeobj};

static OBJECT: &[G] = &[G::getset("__class__")];
static FUNCTION: &[G] = &[
    G::member("__closure__"),
    G::member_rw("__doc__"),
    G::member("__globals__"),
    G::member_rw("__module__"),
    G::getset("__code__"),
    G::getset("__defaults__"),
    G::getset("__kwdefaults__"),
    G::getset("__annotations__"),
    G::getset("__dict__"),
    G::getset("__name__"),
    G::getset("__qualname__"),
];
static METHOD: &[G] = &[G::member("__func__"), G::member("__self__")];
static BUILTIN: &[G] = &[
    G::member("__module__"),
    G::getter("__name__"),
    G::getter("__qualname__"),
    G::getter("__self__"),
];
static START_STOP_STEP: &[G] = &[G::member("start"), G::member("stop"), G::member("step")];
static INT: &[G] = &[
    G::getter("real"),
    G::getter("imag"),
    G::getter("numerator"),
    G::getter("denominator"),
];
static FLOAT: &[G] = &[G::getter("real"), G::getter("imag")];
static COMPLEX: &[G] = &[G::member("real"), G::member("imag")];
static PROPERTY: &[G] = &[
    G::member("fget"),
    G::member("fset"),
    G::member("fdel"),
    G::getter("__isabstractmethod__"),
];
static BASE_EXCEPTION: &[G] = &[
    G::member_rw("__suppress_context__"),
    G::getset("args"),
    G::getset("__traceback__"),
    G::getset("__context__"),
    G::getset("__cause__"),
];

/// Put the descriptors in the types' dicts.
pub fn install() {
    let c = ctx();
    let table: [(&crate::heap::TypeRef, &'static [G]); 11] = [
        (&c.builtin_function_type, BUILTIN),
        (&c.object_type, OBJECT),
        (&c.function_type, FUNCTION),
        (&c.method_type, METHOD),
        (&c.slice_type, START_STOP_STEP),
        (&c.range_type, START_STOP_STEP),
        (&c.int_type, INT),
        (&c.float_type, FLOAT),
        (&c.complex_type, COMPLEX),
        (&c.property_type, PROPERTY),
        (c.exc_type("BaseException"), BASE_EXCEPTION),
    ];
    for (ty, defs) in table {
        typeobj::add_getsets(ty, defs);
    }
}
