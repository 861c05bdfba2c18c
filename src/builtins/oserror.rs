//! The OSError family: the subclass an errno selects, OSError's constructor and its
//! attributes (errno, strerror, filename, filename2), the exceptions made from Rust's
//! `std::io::Error`, and the `errno` module.
//!
//! The attributes live in the exception's `__dict__` (as AttributeError's `name` and
//! `obj` do): see docs/differences.md.

use crate::heap::{PyObj, TypeRef};
use crate::objects::args::Args;
use crate::objects::builtin_function::MethodDef;
use crate::objects::exception::ExcObj;
use crate::objects::exceptions::{self, Exc, VmResult};
use crate::objects::runtime::Runtime;
use crate::objects::typeobj::{self, TypeInfo};
use crate::objects::{ctx, dict, int, string, tuple};
use crate::vm::Vm;

/// Linux's errno names and numbers (the ones the `errno` module lists first).
pub const ERRNO: &[(&str, i64)] = &[
    ("EPERM", 1),
    ("ENOENT", 2),
    ("ESRCH", 3),
    ("EINTR", 4),
    ("EIO", 5),
    ("ENXIO", 6),
    ("E2BIG", 7),
    ("ENOEXEC", 8),
    ("EBADF", 9),
    ("ECHILD", 10),
    ("EAGAIN", 11),
    ("EWOULDBLOCK", 11),
    ("ENOMEM", 12),
    ("EACCES", 13),
    ("EFAULT", 14),
    ("ENOTBLK", 15),
    ("EBUSY", 16),
    ("EEXIST", 17),
    ("EXDEV", 18),
    ("ENODEV", 19),
    ("ENOTDIR", 20),
    ("EISDIR", 21),
    ("EINVAL", 22),
    ("ENFILE", 23),
    ("EMFILE", 24),
    ("ENOTTY", 25),
    ("ETXTBSY", 26),
    ("EFBIG", 27),
    ("ENOSPC", 28),
    ("ESPIPE", 29),
    ("EROFS", 30),
    ("EMLINK", 31),
    ("EPIPE", 32),
    ("EDOM", 33),
    ("ERANGE", 34),
    ("EDEADLK", 35),
    ("ENAMETOOLONG", 36),
    ("ENOLCK", 37),
    ("ENOSYS", 38),
    ("ENOTEMPTY", 39),
    ("ELOOP", 40),
    ("ENOTSUP", 95),
    ("EADDRINUSE", 98),
    ("EADDRNOTAVAIL", 99),
    ("ENETDOWN", 100),
    ("ENETUNREACH", 101),
    ("ECONNABORTED", 103),
    ("ECONNRESET", 104),
    ("ENOBUFS", 105),
    ("EISCONN", 106),
    ("ENOTCONN", 107),
    ("ESHUTDOWN", 108),
    ("ETIMEDOUT", 110),
    ("ECONNREFUSED", 111),
    ("EHOSTUNREACH", 113),
    ("EALREADY", 114),
    ("EINPROGRESS", 115),
];

/// The OSError subclass CPython picks for an errno (PEP 3151), if any.
pub fn subclass_for(errno: i64) -> Option<&'static str> {
    Some(match errno {
        11 | 114 | 115 => "BlockingIOError",
        10 => "ChildProcessError",
        32 | 108 => "BrokenPipeError",
        103 => "ConnectionAbortedError",
        111 => "ConnectionRefusedError",
        104 => "ConnectionResetError",
        17 => "FileExistsError",
        2 => "FileNotFoundError",
        21 => "IsADirectoryError",
        20 => "NotADirectoryError",
        4 => "InterruptedError",
        1 | 13 => "PermissionError",
        3 => "ProcessLookupError",
        110 => "TimeoutError",
        _ => return None,
    })
}

/// The C library's message for an errno ("No such file or directory").
pub fn strerror(errno: i32) -> String {
    let s = std::io::Error::from_raw_os_error(errno).to_string();
    match s.rfind(" (os error ") {
        Some(i) => s[..i].to_string(),
        None => s,
    }
}

fn none() -> PyObj {
    ctx().none.clone()
}

/// Set an OSError's attributes from its constructor arguments, as CPython's
/// oserror_parse_args / oserror_init do: 2 to 5 arguments are (errno, strerror,
/// filename, winerror, filename2), and a filename shortens `args` to the first two.
fn set_fields(vm: &mut Vm, exc: &PyObj, a: &[PyObj]) -> VmResult<()> {
    let mut fields = [none(), none(), none(), none()];
    let mut shorten = false;
    if (2..=5).contains(&a.len()) {
        fields[0] = a[0].clone();
        fields[1] = a[1].clone();
        if let Some(f) = a.get(2).filter(|f| !f.is(&ctx().none)) {
            fields[2] = f.clone();
            if let Some(f2) = a.get(4).filter(|f| !f.is(&ctx().none)) {
                fields[3] = f2.clone();
            }
            shorten = true;
        }
    }
    let d = vm
        .instance_dict(exc, true)
        .ok_or_else(|| exceptions::type_error("not an exception"))?;
    for (name, v) in ["errno", "strerror", "filename", "filename2"]
        .into_iter()
        .zip(fields)
    {
        vm.dict_set_str(&d, name, v)?;
    }
    if shorten {
        let t = tuple::new(a[..2].to_vec());
        if let Ok(mut e) = exc.borrow_mut::<ExcObj>() {
            let old = std::mem::replace(&mut e.args, t);
            drop(e);
            drop(old);
        }
    }
    Ok(())
}

/// OSError.__new__(cls, *args): OSError(errno, ...) becomes the subclass the errno
/// selects.
fn new_oserror(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let Some(mut ty) = args.all.first().and_then(TypeRef::from_obj::<TypeInfo>) else {
        return Err(exceptions::type_error(
            "OSError.__new__(X): X is not a type object",
        ));
    };
    let rest = &args.pos()[1..];
    let c = ctx();
    if ty.is(c.exc_type("OSError")) && (2..=5).contains(&rest.len()) {
        if let Some(sub) = int::as_i64(&rest[0]).and_then(subclass_for) {
            ty = c.exc_type(sub).clone();
        }
    }
    let exc = exceptions::new_exc(&ty, rest.to_vec());
    set_fields(vm, &exc, rest)?;
    Ok(exc)
}

/// Is OSError's own `__init__` the one `ty` finds (CPython's oserror_use_init asks
/// whether tp_init is OSError's)?
fn inits_as_oserror(vm: &mut Vm, ty: &TypeRef) -> VmResult<bool> {
    let found = vm.type_lookup_static(ty, "__init__")?;
    Ok(found
        .as_ref()
        .and_then(|f| f.get::<crate::objects::builtin_function::MethodDescr>())
        .is_some_and(|d| d.def.func as usize == init_oserror as *const () as usize))
}

/// OSError.__init__(self, *args): the arguments were taken by __new__, unless a
/// class overrides __init__ and calls this one with new ones.
fn init_oserror(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let Some(s) = args.all.first() else {
        return Ok(none());
    };
    let ty = s.type_obj();
    if typeobj::is_heap_type(&ty) && !inits_as_oserror(vm, &ty)? {
        let rest = &args.pos()[1..];
        if let Ok(mut e) = s.borrow_mut::<ExcObj>() {
            let old = std::mem::replace(&mut e.args, tuple::new(rest.to_vec()));
            drop(e);
            drop(old);
        }
        set_fields(vm, s, rest)?;
    }
    Ok(none())
}

static NEW_OSERROR: MethodDef = MethodDef {
    name: "__new__",
    func: new_oserror,
};

static OSERROR_METHODS: &[MethodDef] = &[MethodDef {
    name: "__init__",
    func: init_oserror,
}];

/// SyntaxError.__init__(self, msg, (filename, lineno, offset, text, end_lineno,
/// end_offset)): the attributes from the arguments (None when not given).
fn init_syntax_error(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    args.no_kw("SyntaxError")?;
    let Some(s) = args.all.first() else {
        return Ok(none());
    };
    let rest = &args.pos()[1..];
    if let Ok(mut e) = s.borrow_mut::<ExcObj>() {
        let old = std::mem::replace(&mut e.args, tuple::new(rest.to_vec()));
        drop(e);
        drop(old);
    }
    let mut vals: Vec<PyObj> = vec![none(); 8];
    if let Some(m) = rest.first() {
        vals[0] = m.clone();
    }
    if rest.len() == 2 {
        let info = tuple::items(&rest[1]).map(<[PyObj]>::to_vec);
        match info {
            Some(info) if (4..=6).contains(&info.len()) => {
                for (i, v) in info.into_iter().enumerate() {
                    vals[i + 1] = v;
                }
            }
            _ => {
                return Err(exceptions::type_error(
                    "SyntaxError.__init__() argument 2 must be a tuple of 4 to 6 items",
                ))
            }
        }
    }
    let names = [
        "msg",
        "filename",
        "lineno",
        "offset",
        "text",
        "end_lineno",
        "end_offset",
        "print_file_and_line",
    ];
    crate::vm::exec::set_syntax_fields(s, names.into_iter().zip(vals));
    Ok(none())
}

/// SyntaxError.__new__(cls, *args): an instance with its attributes set.
fn new_syntax_error(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let Some(ty) = args.all.first().and_then(TypeRef::from_obj::<TypeInfo>) else {
        return Err(exceptions::type_error(
            "SyntaxError.__new__(X): X is not a type object",
        ));
    };
    let exc = exceptions::new_exc(&ty, vec![]);
    let mut all = vec![exc.clone()];
    all.extend(args.pos()[1..].iter().cloned());
    init_syntax_error(rt, Args::positional(&all))?;
    Ok(exc)
}

static NEW_SYNTAX_ERROR: MethodDef = MethodDef {
    name: "__new__",
    func: new_syntax_error,
};

static SYNTAX_ERROR_METHODS: &[MethodDef] = &[MethodDef {
    name: "__init__",
    func: init_syntax_error,
}];

/// Give OSError its constructor and SyntaxError its initialiser (once per thread).
pub fn install_types() {
    let ty = ctx().exc_type("OSError");
    typeobj::set_new(ty, &NEW_OSERROR);
    typeobj::add_methods(ty, OSERROR_METHODS);
    typeobj::add_methods(ctx().exc_type("SyntaxError"), SYNTAX_ERROR_METHODS);
    typeobj::set_new(ctx().exc_type("SyntaxError"), &NEW_SYNTAX_ERROR);
}

/// An OSError (or the subclass its errno selects) with CPython's arguments:
/// `FileNotFoundError(2, 'No such file or directory')` and the filename(s).
pub fn os_error(vm: &mut Vm, errno: i32, filename: Option<PyObj>, filename2: Option<PyObj>) -> Exc {
    let c = ctx();
    let ty = subclass_for(errno as i64).map_or_else(|| c.exc_type("OSError"), |n| c.exc_type(n));
    let mut a = vec![int::new_i64(errno as i64), string::new(&strerror(errno))];
    if filename.is_some() || filename2.is_some() {
        a.push(filename.unwrap_or_else(none));
        if let Some(f2) = filename2 {
            a.push(none());
            a.push(f2);
        }
    }
    let exc = exceptions::new_exc(ty, a.clone());
    if let Err(e) = set_fields(vm, &exc, &a) {
        return e;
    }
    Exc(exc)
}

/// The exception for a failed Rust I/O call on `filename` (and `filename2`).
pub fn from_io(
    vm: &mut Vm,
    e: &std::io::Error,
    filename: Option<PyObj>,
    filename2: Option<PyObj>,
) -> Exc {
    match e.raw_os_error() {
        Some(n) => os_error(vm, n, filename, filename2),
        None => match e.kind() {
            std::io::ErrorKind::NotFound => os_error(vm, 2, filename, filename2),
            std::io::ErrorKind::PermissionDenied => os_error(vm, 13, filename, filename2),
            std::io::ErrorKind::AlreadyExists => os_error(vm, 17, filename, filename2),
            std::io::ErrorKind::InvalidInput => os_error(vm, 22, filename, filename2),
            _ => exceptions::named("OSError", e.to_string()),
        },
    }
}

// ----- the errno module -----------------------------------------------------------

/// The errno module: the names, and `errorcode` (number -> first name).
pub fn make_errno(vm: &mut Vm) -> VmResult<PyObj> {
    let (m, d) = super::sys::new_module(vm, "errno", &[])?;
    let codes = dict::new();
    for (name, n) in ERRNO {
        vm.dict_set_str(&d, name, int::new_i64(*n))?;
        let k = int::new_i64(*n);
        if vm.dict_get(&codes, &k)?.is_none() {
            vm.dict_set(&codes, k, string::intern_str(name))?;
        }
    }
    vm.dict_set_str(&d, "errorcode", codes)?;
    Ok(m)
}
