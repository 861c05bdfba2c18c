//! `BaseException.with_traceback(tb)`: set the exception's traceback and return it
//! (contextlib's context managers use it, as `__traceback__ = tb` does).

use crate::heap::PyObj;
use crate::objects::args::Args;
use crate::objects::builtin_function::MethodDef;
use crate::objects::exceptions::{self, VmResult};
use crate::objects::runtime::Runtime;
use crate::objects::{ctx, typeobj};

static METHODS: &[MethodDef] = &[MethodDef {
    name: "with_traceback",
    func: with_traceback,
}];

fn with_traceback(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    args.no_kw("with_traceback")?;
    let [e, tb] = args.pos() else {
        return Err(exceptions::type_error(format!(
            "BaseException.with_traceback() takes exactly one argument ({} given)",
            args.pos().len().saturating_sub(1)
        )));
    };
    crate::vm::ops::set_traceback(e, tb)?;
    Ok(e.clone())
}

/// Once per thread, with the other types.
pub fn install_types() {
    typeobj::add_methods(ctx().exc_type("BaseException"), METHODS);
}
