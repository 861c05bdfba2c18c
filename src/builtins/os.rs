//! The `os` module (CPython's posix functions for files, directories, the environment
//! and the process) and `os.path` (the `posixpath` module). A few parts are written
//! in Python and run when the module is made (`OS_PY`): os.environ's mapping class,
//! os.stat_result, scandir's DirEntry, walk and makedirs.

use std::os::unix::fs::MetadataExt;

use super::io::{fs_path, fspath};
use super::oserror;
use crate::heap::PyObj;
use crate::objects::args::Args;
use crate::objects::builtin_function::MethodDef;
use crate::objects::exceptions::{self, type_error, value_error, Exc, VmResult};
use crate::objects::runtime::Runtime;
use crate::objects::{ctx, float, int, list, string, tuple, typeobj};
use crate::vm::ops::bool_obj;
use crate::vm::Vm;

use super::codecs::{self, Encoding};

fn none() -> PyObj {
    ctx().none.clone()
}

/// A str from operating-system bytes (undecodable bytes as surrogate escapes).
pub fn os_str(b: &[u8]) -> PyObj {
    match std::str::from_utf8(b) {
        Ok(s) => string::new(s),
        Err(_) => {
            let chars = codecs::decode_all(Encoding::Utf8, "surrogateescape", b)
                .expect("surrogateescape cannot fail");
            string::from_buf(&crate::objects::unicode::view::StrBuf::from_code_points(
                &chars,
            ))
            .unwrap_or_else(|| string::new(""))
        }
    }
}

fn os_string(s: &std::ffi::OsStr) -> PyObj {
    use std::os::unix::ffi::OsStrExt;
    os_str(s.as_bytes())
}

/// A path argument as Rust text (the str, after `__fspath__`).
fn path_text(vm: &mut Vm, o: &PyObj, fname: &str) -> VmResult<String> {
    let p = fspath(vm, o, fname)?;
    Ok(string::as_str(&p).unwrap_or_default().into_owned())
}

fn err(vm: &mut Vm, e: &std::io::Error, f1: &PyObj) -> Exc {
    oserror::from_io(vm, e, Some(f1.clone()), None)
}

fn err2(vm: &mut Vm, e: &std::io::Error, f1: &PyObj, f2: &PyObj) -> Exc {
    oserror::from_io(vm, e, Some(f1.clone()), Some(f2.clone()))
}

fn getcwd(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    args.none("getcwd")?;
    let d = std::env::current_dir().map_err(|e| exceptions::named("OSError", e.to_string()))?;
    Ok(os_string(d.as_os_str()))
}

fn chdir(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let a = args.clinic("chdir", &["path"], 1)?;
    let o = a[0].expect("required");
    let p = fs_path(vm, o, "chdir")?;
    std::env::set_current_dir(&p).map_err(|e| err(vm, &e, o))?;
    Ok(none())
}

/// The names in a directory (the path given, or '.').
fn list_names(vm: &mut Vm, o: Option<&PyObj>) -> VmResult<Vec<PyObj>> {
    let dot = string::intern_str(".");
    let o = o.filter(|o| !o.is(&ctx().none)).unwrap_or(&dot).clone();
    let p = fs_path(vm, &o, "listdir")?;
    let rd = std::fs::read_dir(&p).map_err(|e| err(vm, &e, &o))?;
    let mut names = Vec::new();
    for entry in rd {
        let entry = entry.map_err(|e| err(vm, &e, &o))?;
        names.push(os_string(&entry.file_name()));
    }
    Ok(names)
}

fn listdir(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let a = args.clinic("listdir", &["path"], 0)?;
    Ok(list::new_exact(list_names(vm, a[0])?))
}

fn mkdir(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let a = args.clinic("mkdir", &["path", "mode", "dir_fd"], 1)?;
    let o = a[0].expect("required");
    let p = fs_path(vm, o, "mkdir")?;
    let mut b = std::fs::DirBuilder::new();
    if let Some(m) = a[1] {
        use std::os::unix::fs::DirBuilderExt;
        b.mode(crate::objects::args::as_c_int(m)? as u32);
    }
    b.create(&p).map_err(|e| err(vm, &e, o))?;
    Ok(none())
}

fn rmdir(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let a = args.clinic("rmdir", &["path", "dir_fd"], 1)?;
    let o = a[0].expect("required");
    let p = fs_path(vm, o, "rmdir")?;
    std::fs::remove_dir(&p).map_err(|e| err(vm, &e, o))?;
    Ok(none())
}

fn remove(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let a = args.clinic("remove", &["path", "dir_fd"], 1)?;
    let o = a[0].expect("required");
    let p = fs_path(vm, o, "remove")?;
    // unlink(2) on a directory: EISDIR, as CPython reports it.
    if std::fs::symlink_metadata(&p).is_ok_and(|m| m.is_dir()) {
        return Err(oserror::os_error(vm, 21, Some(o.clone()), None));
    }
    std::fs::remove_file(&p).map_err(|e| err(vm, &e, o))?;
    Ok(none())
}

fn rename(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let a = args.clinic("rename", &["src", "dst", "src_dir_fd", "dst_dir_fd"], 2)?;
    let (s, d) = (a[0].expect("required"), a[1].expect("required"));
    let (ps, pd) = (fs_path(vm, s, "rename")?, fs_path(vm, d, "rename")?);
    std::fs::rename(&ps, &pd).map_err(|e| err2(vm, &e, s, d))?;
    Ok(none())
}

/// stat_result fields from metadata: (mode, ino, dev, nlink, uid, gid, size, the
/// three times as ints, as floats and in nanoseconds, blksize, blocks, rdev).
fn stat_values(m: &std::fs::Metadata) -> Vec<PyObj> {
    let i = |v: i64| int::new_i64(v);
    let secs = |s: i64, ns: i64| float::new(s as f64 + ns as f64 * 1e-9);
    let nanos = |s: i64, ns: i64| {
        crate::vm::ops::int_obj(&crate::objects::numeric::Int::from_i128(
            s as i128 * 1_000_000_000 + ns as i128,
        ))
        .expect("an int")
    };
    vec![
        i(m.mode() as i64),
        i(m.ino() as i64),
        i(m.dev() as i64),
        i(m.nlink() as i64),
        i(m.uid() as i64),
        i(m.gid() as i64),
        i(m.size() as i64),
        i(m.atime()),
        i(m.mtime()),
        i(m.ctime()),
        secs(m.atime(), m.atime_nsec()),
        secs(m.mtime(), m.mtime_nsec()),
        secs(m.ctime(), m.ctime_nsec()),
        nanos(m.atime(), m.atime_nsec()),
        nanos(m.mtime(), m.mtime_nsec()),
        nanos(m.ctime(), m.ctime_nsec()),
        i(m.blksize() as i64),
        i(m.blocks() as i64),
        i(m.rdev() as i64),
    ]
}

fn do_stat(vm: &mut Vm, args: Args<'_>, fname: &str, follow: bool) -> VmResult<PyObj> {
    let a = args.clinic(fname, &["path", "dir_fd", "follow_symlinks"], 1)?;
    let o = a[0].expect("required");
    let follow = match a[2] {
        Some(f) => follow && vm.truthy(f)?,
        None => follow,
    };
    let p = fs_path(vm, o, fname)?;
    let md = if follow {
        std::fs::metadata(&p)
    } else {
        std::fs::symlink_metadata(&p)
    };
    let md = md.map_err(|e| err(vm, &e, o))?;
    make_stat_result(vm, &md)
}

fn make_stat_result(vm: &mut Vm, md: &std::fs::Metadata) -> VmResult<PyObj> {
    let f = module_attr(vm, "os", "stat_result")?;
    let t = tuple::new(stat_values(md));
    vm.call(&f, Args::positional(&[t]))
}

/// `module.name` of a module made already (or made now).
fn module_attr(vm: &mut Vm, module: &str, name: &str) -> VmResult<PyObj> {
    let m = vm.import(&string::intern_str(module))?;
    vm.getattr(&m, &string::intern_str(name))
}

fn stat(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    do_stat(Vm::of(rt), args, "stat", true)
}

fn lstat(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    do_stat(Vm::of(rt), args, "lstat", false)
}

fn getpid(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    args.none("getpid")?;
    Ok(int::new_i64(std::process::id() as i64))
}

/// os.urandom(size): `size` bytes from the system's entropy source.
fn urandom(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let o = args.one("urandom")?;
    let n = crate::objects::args::as_ssize_t(o)?;
    if n < 0 {
        return Err(crate::objects::exceptions::value_error(
            "negative argument not allowed",
        ));
    }
    Ok(crate::objects::bytes::new(&super::random_mod::entropy(
        n as usize,
    )))
}

fn strerror(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let o = args.one("strerror")?;
    let n = crate::objects::args::as_c_int(o)?;
    Ok(string::new(&oserror::strerror(n)))
}

fn os_fspath(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let a = args.clinic("fspath", &["path"], 1)?;
    fspath(vm, a[0].expect("required"), "fspath")
}

fn env_arg(o: &PyObj, what: &str) -> VmResult<String> {
    let Some(s) = string::as_str(o) else {
        return Err(type_error(format!(
            "str expected, not {}",
            typeobj::type_name(o)
        )));
    };
    let _ = what;
    if s.contains('\0') {
        return Err(value_error("embedded null byte"));
    }
    Ok(s.into_owned())
}

/// putenv(name, value): the process environment (os.environ is not changed).
fn putenv(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let a = args.range("putenv", 2, 2)?;
    let k = env_arg(&a[0], "name")?;
    let v = env_arg(&a[1], "value")?;
    if k.is_empty() || k.contains('=') {
        return Err(value_error("illegal environment variable name"));
    }
    std::env::set_var(k, v);
    Ok(none())
}

fn unsetenv(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let a = args.range("unsetenv", 1, 1)?;
    let k = env_arg(&a[0], "name")?;
    if k.is_empty() || k.contains('=') {
        return Err(value_error("illegal environment variable name"));
    }
    std::env::remove_var(k);
    Ok(none())
}

/// The environment at start-up, as a dict (os.environ's data).
fn environ_dict(vm: &mut Vm) -> VmResult<PyObj> {
    let d = crate::objects::dict::new();
    for (k, v) in std::env::vars_os() {
        vm.dict_set(&d, os_string(&k), os_string(&v))?;
    }
    Ok(d)
}

fn cpu_count(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    args.none("cpu_count")?;
    Ok(match std::thread::available_parallelism() {
        Ok(n) => int::new_i64(n.get() as i64),
        Err(_) => none(),
    })
}

/// _isdir_entry(path, name): (is_dir, is_file, is_symlink) of a directory entry, for
/// DirEntry (not following symlinks for the last).
fn entry_kinds(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let a = args.range("_entry_kinds", 1, 1)?;
    let p = fs_path(vm, &a[0], "scandir")?;
    let link = std::fs::symlink_metadata(&p).map(|m| m.file_type().is_symlink());
    let md = std::fs::metadata(&p);
    let (d, f) = match &md {
        Ok(m) => (m.is_dir(), m.is_file()),
        Err(_) => (false, false),
    };
    Ok(tuple::new(vec![
        bool_obj(d),
        bool_obj(f),
        bool_obj(link.unwrap_or(false)),
    ]))
}

macro_rules! defs {
    ($($name:literal => $f:path,)*) => {
        &[$(MethodDef { name: $name, func: $f },)*]
    };
}

static FUNCTIONS: &[MethodDef] = defs! {
    "getcwd" => getcwd,
    "chdir" => chdir,
    "listdir" => listdir,
    "mkdir" => mkdir,
    "rmdir" => rmdir,
    "remove" => remove,
    "unlink" => remove,
    "rename" => rename,
    "replace" => rename,
    "stat" => stat,
    "lstat" => lstat,
    "getpid" => getpid,
    "urandom" => urandom,
    "strerror" => strerror,
    "fspath" => os_fspath,
    "putenv" => putenv,
    "unsetenv" => unsetenv,
    "cpu_count" => cpu_count,
    "_entry_kinds" => entry_kinds,
};

/// The parts of os written in Python.
const OS_PY: &str = r#"
class _Environ:
    def __init__(self, data):
        self._data = data
    def __getitem__(self, key):
        try:
            return self._data[key]
        except KeyError:
            raise KeyError(key) from None
    def __setitem__(self, key, value):
        if not isinstance(key, str):
            raise TypeError("str expected, not " + type(key).__name__)
        if not isinstance(value, str):
            raise TypeError("str expected, not " + type(value).__name__)
        putenv(key, value)
        self._data[key] = value
    def __delitem__(self, key):
        if key not in self._data:
            raise KeyError(key)
        unsetenv(key)
        del self._data[key]
    def __iter__(self):
        return iter(list(self._data))
    def __len__(self):
        return len(self._data)
    def __contains__(self, key):
        return key in self._data
    def __eq__(self, other):
        if isinstance(other, _Environ):
            other = other._data
        return self._data == other
    __hash__ = None
    def keys(self):
        return self._data.keys()
    def values(self):
        return self._data.values()
    def items(self):
        return self._data.items()
    def get(self, key, default=None):
        return self._data.get(key, default)
    def copy(self):
        return dict(self._data)
    def setdefault(self, key, value):
        if key not in self._data:
            self[key] = value
        return self._data[key]
    def pop(self, key, *default):
        if key in self._data:
            value = self._data[key]
            del self[key]
            return value
        if default:
            return default[0]
        raise KeyError(key)
    def update(self, other=(), **kwds):
        if hasattr(other, "keys"):
            for k in other.keys():
                self[k] = other[k]
        else:
            for k, v in other:
                self[k] = v
        for k, v in kwds.items():
            self[k] = v
    def clear(self):
        for k in list(self._data):
            del self[k]
    def __repr__(self):
        return "environ({" + ", ".join(repr(k) + ": " + repr(v) for k, v in self._data.items()) + "})"

environ = _Environ(_environ_data)
del _environ_data

def getenv(key, default=None):
    return environ.get(key, default)

class stat_result(tuple):
    n_sequence_fields = 10
    n_fields = 19
    n_unnamed_fields = 3
    def __new__(cls, values):
        values = tuple(values)
        self = tuple.__new__(cls, values[:10])
        self._rest = values[10:]
        return self
    def __repr__(self):
        names = ("st_mode", "st_ino", "st_dev", "st_nlink", "st_uid", "st_gid",
                 "st_size", "st_atime", "st_mtime", "st_ctime")
        return "os.stat_result(" + ", ".join(n + "=" + repr(v) for n, v in zip(names, self)) + ")"
    st_mode = property(lambda self: self[0])
    st_ino = property(lambda self: self[1])
    st_dev = property(lambda self: self[2])
    st_nlink = property(lambda self: self[3])
    st_uid = property(lambda self: self[4])
    st_gid = property(lambda self: self[5])
    st_size = property(lambda self: self[6])
    st_atime = property(lambda self: self._rest[0])
    st_mtime = property(lambda self: self._rest[1])
    st_ctime = property(lambda self: self._rest[2])
    st_atime_ns = property(lambda self: self._rest[3])
    st_mtime_ns = property(lambda self: self._rest[4])
    st_ctime_ns = property(lambda self: self._rest[5])
    st_blksize = property(lambda self: self._rest[6])
    st_blocks = property(lambda self: self._rest[7])
    st_rdev = property(lambda self: self._rest[8])

class DirEntry:
    def __init__(self, top, name):
        self.name = name
        self.path = path.join(top, name)
    def __repr__(self):
        return "<DirEntry " + repr(self.name) + ">"
    def __fspath__(self):
        return self.path
    def is_dir(self, *, follow_symlinks=True):
        d, f, l = _entry_kinds(self.path)
        return d and (follow_symlinks or not l)
    def is_file(self, *, follow_symlinks=True):
        d, f, l = _entry_kinds(self.path)
        return f and (follow_symlinks or not l)
    def is_symlink(self):
        return _entry_kinds(self.path)[2]
    def stat(self, *, follow_symlinks=True):
        return stat(self.path) if follow_symlinks else lstat(self.path)
DirEntry.__module__ = "posix"

class _ScandirIterator:
    def __init__(self, top):
        self._top = top
        self._it = iter(listdir(top))
    def __iter__(self):
        return self
    def __next__(self):
        return DirEntry("." if self._top is None else self._top, next(self._it))
    def __enter__(self):
        return self
    def __exit__(self, *args):
        self.close()
    def close(self):
        self._it = iter(())
_ScandirIterator.__module__ = "posix"
_ScandirIterator.__qualname__ = "ScandirIterator"
_ScandirIterator.__name__ = "ScandirIterator"

def scandir(path=None):
    if path is not None:
        path = fspath(path)
    return _ScandirIterator(path)

def walk(top, topdown=True, onerror=None, followlinks=False):
    top = fspath(top)
    stack = [top]
    while stack:
        top = stack.pop()
        if isinstance(top, tuple):
            yield top
            continue
        try:
            names = listdir(top)
        except OSError as err:
            if onerror is not None:
                onerror(err)
            continue
        dirs = []
        nondirs = []
        walk_into = []
        for name in names:
            full = path.join(top, name)
            if path.isdir(full):
                dirs.append(name)
                if not topdown and (followlinks or not path.islink(full)):
                    walk_into.append(full)
            else:
                nondirs.append(name)
        if topdown:
            yield top, dirs, nondirs
            for name in reversed(dirs):
                full = path.join(top, name)
                if followlinks or not path.islink(full):
                    stack.append(full)
        else:
            stack.append((top, dirs, nondirs))
            for full in reversed(walk_into):
                stack.append(full)

def makedirs(name, mode=0o777, exist_ok=False):
    head, tail = path.split(name)
    if not tail:
        head, tail = path.split(head)
    if head and tail and not path.exists(head):
        try:
            makedirs(head, exist_ok=exist_ok)
        except FileExistsError:
            pass
        if tail == curdir:
            return
    try:
        mkdir(name, mode)
    except OSError:
        if not exist_ok or not path.isdir(name):
            raise

def removedirs(name):
    rmdir(name)
    head, tail = path.split(name)
    if not tail:
        head, tail = path.split(head)
    while head and tail:
        try:
            rmdir(head)
        except OSError:
            break
        head, tail = path.split(head)
"#;

/// Run Python source `src` in module namespace `d` (the parts of a built-in module
/// written in Python).
pub fn run_python_part(vm: &mut Vm, d: &PyObj, src: &str, filename: &str) -> VmResult<()> {
    let code = match crate::compiler::compile_source(src, filename) {
        Ok(c) => c,
        Err(e) => {
            return Err(exceptions::named(
                "SystemError",
                format!("bad built-in module source {filename}: {e:?}"),
            ))
        }
    };
    vm.exec_code(code, d.clone())?;
    Ok(())
}

/// The os module (and os.path, registered as 'os.path' and 'posixpath').
pub fn make(vm: &mut Vm) -> VmResult<PyObj> {
    let (m, d) = super::sys::new_module(vm, "os", FUNCTIONS)?;
    let p = posixpath(vm)?;
    vm.dict_set_str(&d, "path", p.clone())?;
    let modules = vm.modules.clone();
    vm.dict_set_str(&modules, "os.path", p.clone())?;
    vm.dict_set_str(&modules, "posixpath", p)?;
    for (k, v) in [
        ("name", "posix"),
        ("sep", "/"),
        ("linesep", "\n"),
        ("curdir", "."),
        ("pardir", ".."),
        ("extsep", "."),
        ("pathsep", ":"),
        ("devnull", "/dev/null"),
        ("defpath", "/bin:/usr/bin"),
    ] {
        vm.dict_set_str(&d, k, string::intern_str(v))?;
    }
    vm.dict_set_str(&d, "altsep", none())?;
    for (k, v) in [
        ("SEEK_SET", 0),
        ("SEEK_CUR", 1),
        ("SEEK_END", 2),
        ("F_OK", 0),
        ("R_OK", 4),
        ("W_OK", 2),
        ("X_OK", 1),
    ] {
        vm.dict_set_str(&d, k, int::new_i64(v))?;
    }
    let env = environ_dict(vm)?;
    vm.dict_set_str(&d, "_environ_data", env)?;
    // The module is in sys.modules while its Python part runs (stat_result is found
    // there by stat()).
    vm.dict_set_str(&modules, "os", m.clone())?;
    run_python_part(vm, &d, OS_PY, "<frozen os>")?;
    Ok(m)
}

// ----- os.path ----------------------------------------------------------------------

/// A path argument of an os.path function as Rust text (CPython's
/// _check_arg_types message for other types).
fn path_arg(vm: &mut Vm, o: &PyObj, fname: &str) -> VmResult<String> {
    if string::view(o).is_none() {
        let key = string::intern_str("__fspath__");
        if vm.type_lookup(&o.type_obj(), &key)?.is_none() {
            return Err(type_error(format!(
                "{fname}() argument must be str, bytes, or os.PathLike object, not '{}'",
                typeobj::type_name(o)
            )));
        }
    }
    path_text(vm, o, fname)
}

fn s(v: &str) -> PyObj {
    string::new(v)
}

fn join_paths(a: &str, rest: &[String]) -> String {
    let mut path = a.to_string();
    for b in rest {
        if b.starts_with('/') {
            path = b.clone();
        } else if path.is_empty() || path.ends_with('/') {
            path.push_str(b);
        } else {
            path.push('/');
            path.push_str(b);
        }
    }
    path
}

fn p_join(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    args.no_kw("join")?;
    let pos = args.pos();
    if pos.is_empty() {
        return Err(type_error(
            "join() missing 1 required positional argument: 'a'",
        ));
    }
    let mut parts = Vec::with_capacity(pos.len());
    for p in pos {
        parts.push(path_arg(vm, p, "join")?);
    }
    Ok(s(&join_paths(&parts[0], &parts[1..])))
}

fn split_path(p: &str) -> (String, String) {
    let i = p.rfind('/').map_or(0, |i| i + 1);
    let (head, tail) = (&p[..i], &p[i..]);
    let head = if !head.is_empty() && head.chars().any(|c| c != '/') {
        head.trim_end_matches('/')
    } else {
        head
    };
    (head.to_string(), tail.to_string())
}

fn one_path(vm: &mut Vm, args: &Args<'_>, fname: &str) -> VmResult<String> {
    let a = args.range(fname, 1, 1)?;
    path_arg(vm, &a[0], fname)
}

fn p_split(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let p = one_path(vm, &args, "split")?;
    let (h, t) = split_path(&p);
    Ok(tuple::pair(s(&h), s(&t)))
}

fn splitext(p: &str) -> (String, String) {
    let sep = p.rfind('/').map_or(0, |i| i + 1);
    if let Some(dot) = p.rfind('.') {
        if dot >= sep && p[sep..dot].chars().any(|c| c != '.') {
            return (p[..dot].to_string(), p[dot..].to_string());
        }
    }
    (p.to_string(), String::new())
}

fn p_splitext(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let p = one_path(vm, &args, "splitext")?;
    let (a, b) = splitext(&p);
    Ok(tuple::pair(s(&a), s(&b)))
}

fn p_basename(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let p = one_path(vm, &args, "basename")?;
    let i = p.rfind('/').map_or(0, |i| i + 1);
    Ok(s(&p[i..]))
}

fn p_dirname(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let p = one_path(vm, &args, "dirname")?;
    Ok(s(&split_path(&p).0))
}

fn p_isabs(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let p = one_path(vm, &args, "isabs")?;
    Ok(bool_obj(p.starts_with('/')))
}

fn normpath(p: &str) -> String {
    if p.is_empty() {
        return ".".into();
    }
    let initial = if p.starts_with("//") && !p.starts_with("///") {
        2
    } else if p.starts_with('/') {
        1
    } else {
        0
    };
    let mut comps: Vec<&str> = Vec::new();
    for c in p.split('/') {
        if c.is_empty() || c == "." {
            continue;
        }
        if c != ".." || (initial == 0 && comps.is_empty()) || comps.last() == Some(&"..") {
            comps.push(c);
        } else if !comps.is_empty() {
            comps.pop();
        }
    }
    let out = "/".repeat(initial) + &comps.join("/");
    if out.is_empty() {
        ".".into()
    } else {
        out
    }
}

fn p_normpath(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let p = one_path(vm, &args, "normpath")?;
    Ok(s(&normpath(&p)))
}

fn cwd_text() -> VmResult<String> {
    let d = std::env::current_dir().map_err(|e| exceptions::named("OSError", e.to_string()))?;
    Ok(d.to_string_lossy().into_owned())
}

fn abspath(p: &str) -> VmResult<String> {
    if p.starts_with('/') {
        return Ok(normpath(p));
    }
    Ok(normpath(&join_paths(&cwd_text()?, &[p.to_string()])))
}

fn p_abspath(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let p = one_path(vm, &args, "abspath")?;
    Ok(s(&abspath(&p)?))
}

fn p_realpath(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let a = args.clinic("realpath", &["filename", "strict"], 1)?;
    let p = path_arg(vm, a[0].expect("required"), "realpath")?;
    let abs = abspath(&p)?;
    Ok(match std::fs::canonicalize(&abs) {
        Ok(r) => os_string(r.as_os_str()),
        Err(_) => s(&abs),
    })
}

fn p_relpath(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let a = args.clinic("relpath", &["path", "start"], 1)?;
    let p = path_arg(vm, a[0].expect("required"), "relpath")?;
    if p.is_empty() {
        return Err(value_error("no path specified"));
    }
    let start = match a[1].filter(|v| !v.is(&ctx().none)) {
        Some(v) => path_arg(vm, v, "relpath")?,
        None => ".".into(),
    };
    let sa = abspath(&start)?;
    let pa = abspath(&p)?;
    let sl: Vec<&str> = sa.split('/').filter(|x| !x.is_empty()).collect();
    let pl: Vec<&str> = pa.split('/').filter(|x| !x.is_empty()).collect();
    let common = sl.iter().zip(&pl).take_while(|(a, b)| a == b).count();
    let mut rel: Vec<String> = vec!["..".to_string(); sl.len() - common];
    rel.extend(pl[common..].iter().map(|x| x.to_string()));
    if rel.is_empty() {
        return Ok(s("."));
    }
    Ok(s(&join_paths(&rel[0], &rel[1..])))
}

fn p_commonprefix(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let a = args.range("commonprefix", 1, 1)?;
    let items = vm.collect_iter(&a[0])?;
    if items.is_empty() {
        return Ok(s(""));
    }
    let mut texts = Vec::new();
    for it in &items {
        texts.push(path_arg(vm, it, "commonprefix")?);
    }
    let lo = texts.iter().min().expect("nonempty");
    let hi = texts.iter().max().expect("nonempty");
    let n = lo
        .chars()
        .zip(hi.chars())
        .take_while(|(a, b)| a == b)
        .count();
    Ok(s(&lo.chars().take(n).collect::<String>()))
}

fn p_expanduser(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let p = one_path(vm, &args, "expanduser")?;
    if !p.starts_with('~') {
        return Ok(s(&p));
    }
    let i = p[1..].find('/').map_or(p.len(), |i| i + 1);
    let home = if i == 1 {
        match std::env::var("HOME") {
            Ok(h) => h,
            Err(_) => return Ok(s(&p)),
        }
    } else {
        let user = &p[1..i];
        let passwd = std::fs::read_to_string("/etc/passwd").unwrap_or_default();
        match passwd
            .lines()
            .map(|l| l.split(':').collect::<Vec<_>>())
            .find(|f| f.len() > 5 && f[0] == user)
        {
            Some(f) => f[5].to_string(),
            None => return Ok(s(&p)),
        }
    };
    let home = home.trim_end_matches('/');
    let out = format!("{home}{}", &p[i..]);
    Ok(s(if out.is_empty() { "/" } else { &out }))
}

fn p_expandvars(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let p = one_path(vm, &args, "expandvars")?;
    if !p.contains('$') {
        return Ok(s(&p));
    }
    let chars: Vec<char> = p.chars().collect();
    let mut out = String::new();
    let mut i = 0;
    while i < chars.len() {
        if chars[i] == '$' {
            let (name, end) = if chars.get(i + 1) == Some(&'{') {
                match chars[i + 2..].iter().position(|c| *c == '}') {
                    Some(k) => (
                        chars[i + 2..i + 2 + k].iter().collect::<String>(),
                        i + 3 + k,
                    ),
                    None => (String::new(), i),
                }
            } else {
                let k = chars[i + 1..]
                    .iter()
                    .take_while(|c| c.is_ascii_alphanumeric() || **c == '_')
                    .count();
                (chars[i + 1..i + 1 + k].iter().collect(), i + 1 + k)
            };
            if !name.is_empty() {
                if let Ok(v) = std::env::var(&name) {
                    out.push_str(&v);
                    i = end;
                    continue;
                }
                out.extend(&chars[i..end]);
                i = end;
                continue;
            }
        }
        out.push(chars[i]);
        i += 1;
    }
    Ok(s(&out))
}

/// Metadata of a path argument; None when it cannot be had (os.path's predicates
/// answer False then, as CPython's do for OSError and ValueError).
fn meta(
    vm: &mut Vm,
    args: &Args<'_>,
    fname: &str,
    follow: bool,
) -> VmResult<Option<std::fs::Metadata>> {
    let a = args.range(fname, 1, 1)?;
    let p = match fs_path(vm, &a[0], fname) {
        Ok(p) => p,
        Err(e) if exceptions::matches(&e.0, ctx().exc_type("ValueError")) => return Ok(None),
        Err(e) => return Err(e),
    };
    Ok(if follow {
        std::fs::metadata(&p).ok()
    } else {
        std::fs::symlink_metadata(&p).ok()
    })
}

fn p_exists(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    Ok(bool_obj(meta(vm, &args, "exists", true)?.is_some()))
}

fn p_lexists(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    Ok(bool_obj(meta(vm, &args, "lexists", false)?.is_some()))
}

fn p_isfile(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    Ok(bool_obj(
        meta(vm, &args, "isfile", true)?.is_some_and(|m| m.is_file()),
    ))
}

fn p_isdir(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    Ok(bool_obj(
        meta(vm, &args, "isdir", true)?.is_some_and(|m| m.is_dir()),
    ))
}

fn p_islink(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    Ok(bool_obj(
        meta(vm, &args, "islink", false)?.is_some_and(|m| m.file_type().is_symlink()),
    ))
}

/// getsize / getmtime / ...: a stat field, the stat's error if it fails.
fn stat_field(
    vm: &mut Vm,
    args: &Args<'_>,
    fname: &str,
    pick: fn(&std::fs::Metadata) -> PyObj,
) -> VmResult<PyObj> {
    let a = args.range(fname, 1, 1)?;
    let p = fs_path(vm, &a[0], fname)?;
    let md = std::fs::metadata(&p).map_err(|e| err(vm, &e, &a[0]))?;
    Ok(pick(&md))
}

fn p_getsize(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    stat_field(Vm::of(rt), &args, "getsize", |m| {
        int::new_i64(m.size() as i64)
    })
}

fn p_getmtime(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    stat_field(Vm::of(rt), &args, "getmtime", |m| {
        float::new(m.mtime() as f64 + m.mtime_nsec() as f64 * 1e-9)
    })
}

fn p_getatime(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    stat_field(Vm::of(rt), &args, "getatime", |m| {
        float::new(m.atime() as f64 + m.atime_nsec() as f64 * 1e-9)
    })
}

fn p_getctime(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    stat_field(Vm::of(rt), &args, "getctime", |m| {
        float::new(m.ctime() as f64 + m.ctime_nsec() as f64 * 1e-9)
    })
}

static PATH_FUNCTIONS: &[MethodDef] = defs! {
    "join" => p_join,
    "split" => p_split,
    "splitext" => p_splitext,
    "basename" => p_basename,
    "dirname" => p_dirname,
    "isabs" => p_isabs,
    "normpath" => p_normpath,
    "abspath" => p_abspath,
    "realpath" => p_realpath,
    "relpath" => p_relpath,
    "commonprefix" => p_commonprefix,
    "expanduser" => p_expanduser,
    "expandvars" => p_expandvars,
    "exists" => p_exists,
    "lexists" => p_lexists,
    "isfile" => p_isfile,
    "isdir" => p_isdir,
    "islink" => p_islink,
    "getsize" => p_getsize,
    "getmtime" => p_getmtime,
    "getatime" => p_getatime,
    "getctime" => p_getctime,
};

/// os.path: the posixpath module.
fn posixpath(vm: &mut Vm) -> VmResult<PyObj> {
    let (m, d) = super::sys::new_module(vm, "posixpath", PATH_FUNCTIONS)?;
    for (k, v) in [
        ("sep", "/"),
        ("curdir", "."),
        ("pardir", ".."),
        ("extsep", "."),
        ("pathsep", ":"),
        ("devnull", "/dev/null"),
        ("defpath", "/bin:/usr/bin"),
    ] {
        vm.dict_set_str(&d, k, string::intern_str(v))?;
    }
    vm.dict_set_str(&d, "altsep", none())?;
    Ok(m)
}
