//! The core builtins: print, len, repr, and the constructors of the built-in types.

use crate::heap::PyObj;
use crate::objects::builtin_function::MethodDef;
use crate::objects::numeric::{float_from_str, int_from_str};
use crate::objects::{ctx, dict, float, int, list, set, string, tuple, typeobj};
use crate::vm::{exceptions, Args, Vm, VmResult};

/// The builtin functions defined here.
pub static FUNCTIONS: &[MethodDef] = &[
    MethodDef {
        name: "print",
        func: print,
    },
    MethodDef {
        name: "len",
        func: len,
    },
    MethodDef {
        name: "repr",
        func: repr,
    },
];

/// Register the constructors of the built-in types.
pub fn install_types(vm: &mut Vm) {
    let c = ctx();
    static NEW_INT: MethodDef = MethodDef {
        name: "int",
        func: new_int,
    };
    static NEW_STR: MethodDef = MethodDef {
        name: "str",
        func: new_str,
    };
    static NEW_FLOAT: MethodDef = MethodDef {
        name: "float",
        func: new_float,
    };
    static NEW_LIST: MethodDef = MethodDef {
        name: "list",
        func: new_list,
    };
    static NEW_TUPLE: MethodDef = MethodDef {
        name: "tuple",
        func: new_tuple,
    };
    static NEW_DICT: MethodDef = MethodDef {
        name: "dict",
        func: new_dict,
    };
    static NEW_SET: MethodDef = MethodDef {
        name: "set",
        func: new_set,
    };
    static NEW_EXC: MethodDef = MethodDef {
        name: "BaseException",
        func: new_exception,
    };
    super::set_new(vm, &c.int_type, &NEW_INT);
    super::set_new(vm, &c.str_type, &NEW_STR);
    super::set_new(vm, &c.float_type, &NEW_FLOAT);
    super::set_new(vm, &c.list_type, &NEW_LIST);
    super::set_new(vm, &c.tuple_type, &NEW_TUPLE);
    super::set_new(vm, &c.dict_type, &NEW_DICT);
    super::set_new(vm, &c.set_type, &NEW_SET);
    super::set_new(vm, c.exc_type("BaseException"), &NEW_EXC);
}

/// print(*objects, sep=' ', end='\n', file=None, flush=False)
fn print(vm: &mut Vm, args: Args<'_>) -> VmResult<PyObj> {
    args.only_kw("print", &["sep", "end", "file", "flush"])?;
    let text_arg = |name: &str, default: &str| -> VmResult<String> {
        match args.kw(name) {
            None => Ok(default.to_string()),
            Some(v) if v.is(&ctx().none) => Ok(default.to_string()),
            Some(v) => match string::as_str(v) {
                Some(s) => Ok(s.into_owned()),
                None => Err(exceptions::type_error(format!(
                    "{name} must be None or a string, not {}",
                    typeobj::type_name(v)
                ))),
            },
        }
    };
    let sep = text_arg("sep", " ")?;
    let end = text_arg("end", "\n")?;
    let mut out = String::new();
    for (i, o) in args.pos().iter().enumerate() {
        if i > 0 {
            out.push_str(&sep);
        }
        out.push_str(&vm.str(o)?);
    }
    out.push_str(&end);
    let to_stderr = args.kw("file").is_some_and(|f| vm.is_stderr(f));
    if to_stderr {
        vm.flush();
        eprint!("{out}");
    } else {
        vm.write_stdout(&out);
    }
    if args.kw("flush").is_some() {
        vm.flush();
    }
    Ok(ctx().none.clone())
}

/// len(obj)
fn len(vm: &mut Vm, args: Args<'_>) -> VmResult<PyObj> {
    let o = args.one("len")?;
    let n = if let Some(n) = string::len(o) {
        n
    } else if let Some(t) = tuple::items(o) {
        t.len()
    } else if let Some(l) = list::borrow(o) {
        l.0.len()
    } else if let Some(n) = dict::len(o).or_else(|| set::len(o)) {
        n
    } else if let Some((_, _, n)) = crate::objects::range::parts(o) {
        n as usize
    } else if let Some(n) = crate::vm::ops::slot_len(o) {
        n
    } else {
        let _ = vm;
        return Err(exceptions::type_error(format!(
            "object of type '{}' has no len()",
            typeobj::type_name(o)
        )));
    };
    Ok(int::new_i64(n as i64))
}

/// repr(obj)
fn repr(vm: &mut Vm, args: Args<'_>) -> VmResult<PyObj> {
    let o = args.one("repr")?;
    vm.repr_obj(o)
}

fn new_int(vm: &mut Vm, args: Args<'_>) -> VmResult<PyObj> {
    let a = &args.all[1..];
    match a {
        [] => Ok(int::new_i64(0)),
        [x] => {
            if int::value(x).is_some() {
                return Ok(int::new(&int::value(x).expect("int")).expect("int"));
            }
            if let Some(f) = float::value(x) {
                return crate::vm::ops::int_obj(&crate::objects::numeric::Int::from_f64(f)?);
            }
            if let Some(s) = string::as_str(x) {
                return crate::vm::ops::int_obj(&int_from_str(&s, 10)?);
            }
            let _ = vm;
            Err(exceptions::type_error(format!(
                "int() argument must be a string, a bytes-like object or a real number, not '{}'",
                typeobj::type_name(x)
            )))
        }
        [x, base] => {
            let b =
                int::as_i64(base).ok_or_else(|| exceptions::type_error("'base' must be an int"))?;
            let s = string::as_str(x).ok_or_else(|| {
                exceptions::type_error("int() can't convert non-string with explicit base")
            })?;
            crate::vm::ops::int_obj(&int_from_str(&s, b)?)
        }
        _ => Err(exceptions::type_error(format!(
            "int() takes at most 2 arguments ({} given)",
            a.len()
        ))),
    }
}

fn new_float(vm: &mut Vm, args: Args<'_>) -> VmResult<PyObj> {
    match &args.all[1..] {
        [] => Ok(float::new(0.0)),
        [x] => {
            if let Some(f) = float::value(x) {
                return Ok(float::new(f));
            }
            if let Some(i) = int::value(x) {
                return Ok(float::new(i.to_f64()?));
            }
            if let Some(s) = string::as_str(x) {
                return Ok(float::new(float_from_str(&s)?));
            }
            let _ = vm;
            Err(exceptions::type_error(format!(
                "float() argument must be a string or a real number, not '{}'",
                typeobj::type_name(x)
            )))
        }
        a => Err(exceptions::type_error(format!(
            "float expected at most 1 argument, got {}",
            a.len()
        ))),
    }
}

fn new_str(vm: &mut Vm, args: Args<'_>) -> VmResult<PyObj> {
    match &args.all[1..] {
        [] => Ok(ctx().empty_str.clone()),
        [x] => vm.str_obj(x),
        a => Err(exceptions::type_error(format!(
            "str expected at most 1 argument, got {}",
            a.len()
        ))),
    }
}

fn new_list(vm: &mut Vm, args: Args<'_>) -> VmResult<PyObj> {
    let l = list::new_empty();
    if let [x] = &args.all[1..] {
        vm.list_extend(&l, x)?;
    }
    Ok(l)
}

fn new_tuple(vm: &mut Vm, args: Args<'_>) -> VmResult<PyObj> {
    match &args.all[1..] {
        [] => Ok(ctx().empty_tuple.clone()),
        [x] if tuple::items(x).is_some() => Ok(x.clone()),
        [x] => Ok(tuple::new(vm.collect_iter(x)?)),
        a => Err(exceptions::type_error(format!(
            "tuple expected at most 1 argument, got {}",
            a.len()
        ))),
    }
}

fn new_dict(vm: &mut Vm, args: Args<'_>) -> VmResult<PyObj> {
    let d = dict::new();
    if let [x] = &args.pos()[1..] {
        vm.dict_update(&d, x, false)?;
    }
    for (k, v) in args.kwargs() {
        vm.dict_set(&d, k.clone(), v.clone())?;
    }
    Ok(d)
}

fn new_set(vm: &mut Vm, args: Args<'_>) -> VmResult<PyObj> {
    let s = set::new();
    if let [x] = &args.all[1..] {
        for item in vm.collect_iter(x)? {
            vm.set_add(&s, item)?;
        }
    }
    Ok(s)
}

/// Calling an exception class: an instance with the arguments as `args`.
fn new_exception(_vm: &mut Vm, args: Args<'_>) -> VmResult<PyObj> {
    let ty = crate::heap::TypeRef::from_obj::<typeobj::TypeInfo>(&args.all[0]).expect("a type");
    Ok(exceptions::new_exc(&ty, args.pos()[1..].to_vec()))
}
