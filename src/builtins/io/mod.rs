//! Files and streams: the `io` module and `open()`. As in CPython an open text file is
//! three objects: a `_io.FileIO` (the operating-system file), a buffered object over
//! it (`_io.BufferedReader` / `BufferedWriter` / `BufferedRandom`: read-ahead and
//! write-behind byte buffers) and a `_io.TextIOWrapper` that decodes and encodes
//! (UTF-8, ASCII, Latin-1), translates newlines (universal newlines by default) and
//! knows its mode. The text layer works on the buffered object's bytes directly, so
//! `tell()` is always the byte position of the next character, as CPython's cookie is
//! for these encodings. sys.stdin / stdout / stderr are TextIOWrappers too; writes to
//! stdout go to the VM's own output buffer (the one print() fills) so their order is
//! kept (text is held in CPython's 8192-byte pending chunk, so `sys.stdout.buffer`
//! writes land where CPython's do). `open(..., 'b')` returns the buffered object,
//! whose byte methods are in bufio.rs. `_io.StringIO` and `_io.BytesIO` are
//! in-memory files.
//!
//! A file is flushed and closed when its count reaches zero (Payload::before_free).

use std::cell::{RefCell, RefMut};
use std::fs::File;
use std::io::{IsTerminal, Read, Seek, SeekFrom, Write};

mod binary;
mod bufio;
mod bytesio;
mod open;
mod raw;
mod stringio;
mod text;

use binary::*;
use bufio::*;
use bytesio::*;
pub use open::{fs_path, fspath, open, std_streams};
use raw::*;
use stringio::*;
use text::*;
pub use text::{is_file_text, write_text};

use super::codecs::{self, Encoding, Step};
use super::oserror;
use crate::heap::{Payload, PyObj, TypeRef, Visit};
use crate::objects::args::{as_ssize_t, Args};
use crate::objects::builtin_function::{self, MethodDef};
use crate::objects::descr::Property;
use crate::objects::exceptions::{self, type_error, value_error, Exc, VmResult};
use crate::objects::runtime::Runtime;
use crate::objects::typeobj::slots::SlotTable;
use crate::objects::typeobj::{self, TypeInfo};
use crate::objects::unicode::view::StrBuf;
use crate::objects::{ctx, int, list, string};
use crate::vm::ops::bool_obj;
use crate::vm::Vm;

/// io.DEFAULT_BUFFER_SIZE.
pub const BUFFER_SIZE: usize = 8192;

pub(super) fn none() -> PyObj {
    ctx().none.clone()
}

// ----- the payloads -----------------------------------------------------------------

/// What a FileIO reads and writes.
enum Raw {
    File(File),
    Stdin,
    /// sys.stdout.buffer.raw: writes go through the VM's output buffer.
    Stdout,
    Stderr,
}

impl Raw {
    /// The file descriptor.
    fn fileno(&self) -> i64 {
        use std::os::fd::AsRawFd;
        match self {
            Raw::File(f) => f.as_raw_fd() as i64,
            Raw::Stdin => 0,
            Raw::Stdout => 1,
            Raw::Stderr => 2,
        }
    }

    fn isatty(&self) -> bool {
        match self {
            Raw::File(f) => f.is_terminal(),
            Raw::Stdin => std::io::stdin().is_terminal(),
            Raw::Stdout => std::io::stdout().is_terminal(),
            Raw::Stderr => std::io::stderr().is_terminal(),
        }
    }
}

/// `_io.FileIO`.
pub struct FileIO {
    st: RefCell<RawState>,
}

pub(super) struct RawState {
    raw: Option<Raw>,
    name: PyObj,
    readable: bool,
    writable: bool,
    appending: bool,
    created: bool,
    closefd: bool,
}

impl Payload for FileIO {
    type Item = ();
    const NAME: &'static str = "FileIO";
    const GC: bool = true;
    fn traverse(&self, _: &[()], visit: Visit<'_>) {
        if let Ok(s) = self.st.try_borrow() {
            visit(&s.name);
        }
    }
}

/// `_io.BufferedReader` / `BufferedWriter` / `BufferedRandom`.
pub struct Buffered {
    st: RefCell<BufState>,
}

pub(super) struct BufState {
    raw: PyObj,
    /// Bytes read ahead; `rpos` is the next one.
    rbuf: Vec<u8>,
    rpos: usize,
    /// Bytes written and not yet passed to the file.
    wbuf: Vec<u8>,
}

impl Payload for Buffered {
    type Item = ();
    const NAME: &'static str = "BufferedReader";
    const GC: bool = true;
    fn traverse(&self, _: &[()], visit: Visit<'_>) {
        if let Ok(s) = self.st.try_borrow() {
            visit(&s.raw);
        }
    }
    fn before_free(&self, _: &[()]) {
        // The last reference went: what was written reaches the file.
        if let Ok(mut s) = self.st.try_borrow_mut() {
            let _ = flush_buf(&mut s);
        }
    }
    fn extra_size(&self) -> usize {
        self.st
            .try_borrow()
            .map_or(0, |s| s.rbuf.capacity() + s.wbuf.capacity())
    }
}

/// `_io.TextIOWrapper`.
pub struct TextIO {
    st: RefCell<TextState>,
}

/// Which standard stream a TextIOWrapper writes to directly.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Std {
    No,
    Out,
    Err,
}

pub(super) struct TextState {
    /// The buffered object (None for stdout / stderr, which write through the VM).
    buffer: Option<PyObj>,
    /// sys.stdout.buffer / sys.stderr.buffer (the text layer does not use them).
    std_buffer: Option<PyObj>,
    std: Std,
    /// `name` for the standard streams (files take their FileIO's).
    name: Option<PyObj>,
    mode: Option<PyObj>,
    enc: Encoding,
    encoding: PyObj,
    errors: PyObj,
    /// None: universal newlines; Some("") recognise all, translate none; else that.
    newline: Option<String>,
    line_buffering: bool,
    /// Set by close() on a standard stream.
    closed: bool,
    /// Characters an error handler produced beyond the one returned.
    pending: Vec<u32>,
}

impl Payload for TextIO {
    type Item = ();
    const NAME: &'static str = "TextIOWrapper";
    const GC: bool = true;
    fn traverse(&self, _: &[()], visit: Visit<'_>) {
        if let Ok(s) = self.st.try_borrow() {
            for o in [&s.buffer, &s.std_buffer, &s.name, &s.mode]
                .into_iter()
                .flatten()
            {
                visit(o);
            }
            visit(&s.encoding);
            visit(&s.errors);
        }
    }
}

/// `_io.StringIO`.
pub struct StringIO {
    st: RefCell<StrState>,
}

pub(super) struct StrState {
    buf: Vec<u32>,
    pos: usize,
    closed: bool,
    /// newline=None: '\r\n' and '\r' written become '\n'.
    translate: bool,
}

impl Payload for StringIO {
    type Item = ();
    const NAME: &'static str = "StringIO";
    const GC: bool = true;
    fn extra_size(&self) -> usize {
        self.st.try_borrow().map_or(0, |s| s.buf.capacity() * 4)
    }
}

/// `_io.BytesIO`.
pub struct BytesIO {
    st: RefCell<BytesState>,
}

pub(super) struct BytesState {
    buf: Vec<u8>,
    pos: usize,
    closed: bool,
}

impl Payload for BytesIO {
    type Item = ();
    const NAME: &'static str = "BytesIO";
    const GC: bool = true;
    fn extra_size(&self) -> usize {
        self.st.try_borrow().map_or(0, |s| s.buf.capacity())
    }
}

// ----- types ------------------------------------------------------------------------

/// The io types of this thread.
pub struct IoTypes {
    pub file_io: TypeRef,
    pub buffered_reader: TypeRef,
    pub buffered_writer: TypeRef,
    pub buffered_random: TypeRef,
    pub text_io: TypeRef,
    pub string_io: TypeRef,
    pub bytes_io: TypeRef,
}

pub(super) fn new_type<T: Payload>(name: &'static str) -> TypeRef {
    let c = ctx();
    TypeRef::new::<TypeInfo, T>(
        &c.type_type,
        TypeInfo::new(name.into(), Some(c.object_type.clone())),
    )
}

thread_local! {
    static TYPES: &'static IoTypes = Box::leak(Box::new(IoTypes {
        file_io: new_type::<FileIO>("_io.FileIO"),
        buffered_reader: new_type::<Buffered>("_io.BufferedReader"),
        buffered_writer: new_type::<Buffered>("_io.BufferedWriter"),
        buffered_random: new_type::<Buffered>("_io.BufferedRandom"),
        text_io: new_type::<TextIO>("_io.TextIOWrapper"),
        string_io: new_type::<StringIO>("_io.StringIO"),
        bytes_io: new_type::<BytesIO>("_io.BytesIO"),
    }));
}

/// This thread's io types.
pub fn types() -> &'static IoTypes {
    TYPES.with(|t| *t)
}

// ----- errors -----------------------------------------------------------------------

pub(super) fn closed_error() -> Exc {
    value_error("I/O operation on closed file.")
}

/// The raw and buffered layers' message (no full stop).
pub(super) fn closed_error_raw() -> Exc {
    value_error("I/O operation on closed file")
}

/// Like `check_open`, with the lower layers' message.
pub(super) fn check_open_raw(s: &TextState) -> VmResult<()> {
    if text_closed(s) {
        return Err(closed_error_raw());
    }
    Ok(())
}

/// A property or method of `ty` got an object of another type.
pub(super) fn wrong_self(o: &PyObj, ty: &str) -> Exc {
    type_error(format!(
        "descriptor for '{ty}' objects doesn't apply to a '{}' object",
        typeobj::type_name(o)
    ))
}

pub(super) fn busy() -> Exc {
    exceptions::named("RuntimeError", "reentrant call inside the file object")
}

/// io.UnsupportedOperation(msg): the class lives in the io module.
pub(super) fn unsupported(vm: &mut Vm, msg: &str) -> Exc {
    let cls = vm
        .import(&string::intern_str("io"))
        .ok()
        .and_then(|m| crate::objects::module::dict(&m).cloned())
        .and_then(|d| vm.dict_get_str(&d, "UnsupportedOperation"));
    let Some(cls) = cls else {
        return exceptions::named("OSError", msg);
    };
    match vm.call(&cls, Args::positional(&[string::new(msg)])) {
        Ok(e) => Exc(e),
        Err(e) => e,
    }
}

pub(super) fn io_err(vm: &mut Vm, e: &std::io::Error) -> Exc {
    oserror::from_io(vm, e, None, None)
}

// ----- the module -------------------------------------------------------------------

macro_rules! defs {
    ($($name:literal => $f:path,)*) => {
        &[$(MethodDef { name: $name, func: $f },)*]
    };
}

static TEXT_METHODS: &[MethodDef] = defs! {
    "read" => text_read,
    "readline" => text_readline,
    "readlines" => text_readlines,
    "write" => text_write,
    "writelines" => text_writelines,
    "seek" => text_seek,
    "tell" => text_tell,
    "truncate" => text_truncate,
    "flush" => text_flush,
    "close" => text_close,
    "fileno" => text_fileno,
    "readable" => text_readable,
    "writable" => text_writable,
    "seekable" => text_seekable,
    "isatty" => text_isatty,
    "__enter__" => text_enter,
    "__exit__" => text_exit,
};

static TEXT_PROPS: &[MethodDef] = defs! {
    "closed" => get_closed,
    "name" => get_name,
    "mode" => get_mode,
    "encoding" => get_encoding,
    "errors" => get_errors,
    "buffer" => get_buffer,
    "line_buffering" => get_line_buffering,
    "newlines" => get_newlines,
};

static BIN_METHODS: &[MethodDef] = defs! {
    "close" => bin_close,
    "flush" => bin_flush,
    "readable" => bin_readable,
    "writable" => bin_writable,
    "seekable" => bin_seekable,
    "isatty" => bin_isatty,
    "fileno" => bin_fileno,
    "readline" => bin_readline,
    "readlines" => bin_readlines,
    "write" => bin_write,
    "writelines" => bin_writelines,
    "seek" => bin_seek,
    "tell" => bin_tell,
    "truncate" => bin_truncate,
    "__enter__" => bin_enter,
    "__exit__" => bin_exit,
};

static BUFFERED_METHODS: &[MethodDef] = defs! {
    "read" => buf_read,
    "read1" => buf_read1,
    "readinto" => buf_readinto,
    "readinto1" => buf_readinto1,
};

static PEEK_METHODS: &[MethodDef] = defs! {
    "peek" => buf_peek,
};

static FILEIO_METHODS: &[MethodDef] = defs! {
    "read" => fio_read,
    "readall" => fio_readall,
    "readinto" => fio_readinto,
};

static FILEIO_PROPS: &[MethodDef] = defs! {
    "closefd" => fio_closefd,
};

static BIN_PROPS: &[MethodDef] = defs! {
    "closed" => bin_closed,
    "name" => bin_name,
    "mode" => bin_mode,
};

static BUFFERED_PROPS: &[MethodDef] = defs! {
    "raw" => bin_raw,
};

static SIO_METHODS: &[MethodDef] = defs! {
    "getvalue" => sio_getvalue,
    "read" => sio_read,
    "readline" => sio_readline,
    "readlines" => sio_readlines,
    "write" => sio_write,
    "writelines" => sio_writelines,
    "seek" => sio_seek,
    "tell" => sio_tell,
    "truncate" => sio_truncate,
    "close" => sio_close,
    "flush" => sio_flush,
    "readable" => sio_true,
    "writable" => sio_true,
    "seekable" => sio_true,
    "__enter__" => sio_enter,
    "__exit__" => sio_exit,
};

static SIO_PROPS: &[MethodDef] = defs! {
    "closed" => sio_closed,
};

static BIO_METHODS: &[MethodDef] = defs! {
    "getvalue" => bio_getvalue,
    "read" => bio_read,
    "read1" => bio_read,
    "readinto" => bio_readinto,
    "readline" => bio_readline,
    "readlines" => bio_readlines,
    "write" => bio_write,
    "writelines" => bio_writelines,
    "seek" => bio_seek,
    "tell" => bio_tell,
    "truncate" => bio_truncate,
    "close" => bio_close,
    "flush" => bio_flush,
    "readable" => bio_true,
    "writable" => bio_true,
    "seekable" => bio_true,
    "isatty" => bio_isatty,
    "__enter__" => bio_enter,
    "__exit__" => bio_exit,
};

static BIO_PROPS: &[MethodDef] = defs! {
    "closed" => bio_closed,
};

static NEW_BYTESIO: MethodDef = MethodDef {
    name: "BytesIO",
    func: new_bytesio,
};

static NEW_STRINGIO: MethodDef = MethodDef {
    name: "StringIO",
    func: new_stringio,
};

/// Read-only properties whose getters are builtin functions.
pub(super) fn add_properties(ty: &TypeRef, defs: &'static [MethodDef]) {
    let d = typeobj::type_dict_raw(ty);
    for def in defs {
        let getter = builtin_function::new(def, None, None);
        let p = PyObj::new(
            &ctx().property_type,
            Property {
                fget: Some(getter),
                fset: None,
                fdel: None,
                doc: None,
                name: Some(string::intern_str(def.name)),
                getter_doc: 0,
            },
        );
        crate::objects::dict::set_str(&d, def.name, p).expect("str keys");
    }
}

/// TextIOWrapper's slots.
const TEXT_SLOTS: SlotTable = SlotTable {
    repr: Some(text_repr),
    iter: Some(text_iter),
    iternext: Some(text_next),
    ..SlotTable::EMPTY
};

/// StringIO's slots.
const SIO_SLOTS: SlotTable = SlotTable {
    iter: Some(sio_iter),
    iternext: Some(sio_next),
    ..SlotTable::EMPTY
};

/// BytesIO's slots.
const BIO_SLOTS: SlotTable = SlotTable {
    iter: Some(bio_iter),
    iternext: Some(bio_next),
    ..SlotTable::EMPTY
};

/// FileIO's and the buffered objects' slots.
const RAW_SLOTS: SlotTable = SlotTable {
    repr: Some(raw_repr),
    iter: Some(bin_iter),
    iternext: Some(bin_next),
    ..SlotTable::EMPTY
};

/// Make this thread's io types with their methods (once per thread).
pub fn install_types() {
    let t = types();
    typeobj::add_methods(&t.text_io, TEXT_METHODS);
    add_properties(&t.text_io, TEXT_PROPS);
    for ty in [
        &t.file_io,
        &t.buffered_reader,
        &t.buffered_writer,
        &t.buffered_random,
    ] {
        typeobj::add_methods(ty, BIN_METHODS);
        add_properties(ty, BIN_PROPS);
    }
    for ty in [&t.buffered_reader, &t.buffered_writer, &t.buffered_random] {
        typeobj::add_methods(ty, BUFFERED_METHODS);
        add_properties(ty, BUFFERED_PROPS);
    }
    typeobj::add_methods(&t.buffered_reader, PEEK_METHODS);
    typeobj::add_methods(&t.buffered_random, PEEK_METHODS);
    typeobj::add_methods(&t.file_io, FILEIO_METHODS);
    add_properties(&t.file_io, FILEIO_PROPS);
    typeobj::add_methods(&t.bytes_io, BIO_METHODS);
    add_properties(&t.bytes_io, BIO_PROPS);
    typeobj::set_new(&t.bytes_io, &NEW_BYTESIO);
    typeobj::install_builtin_slots(&t.bytes_io, &BIO_SLOTS);
    typeobj::add_methods(&t.string_io, SIO_METHODS);
    add_properties(&t.string_io, SIO_PROPS);
    typeobj::set_new(&t.string_io, &NEW_STRINGIO);
    typeobj::install_builtin_slots(&t.text_io, &TEXT_SLOTS);
    typeobj::install_builtin_slots(&t.string_io, &SIO_SLOTS);
    for ty in [
        &t.file_io,
        &t.buffered_reader,
        &t.buffered_writer,
        &t.buffered_random,
    ] {
        typeobj::install_builtin_slots(ty, &RAW_SLOTS);
    }
}

static FUNCTIONS: &[MethodDef] = defs! {
    "open" => open,
};

/// The io module.
pub fn make(vm: &mut Vm) -> VmResult<PyObj> {
    let (m, d) = super::sys::new_module(vm, "io", FUNCTIONS)?;
    let t = types();
    for (name, ty) in [
        ("FileIO", &t.file_io),
        ("BufferedReader", &t.buffered_reader),
        ("BufferedWriter", &t.buffered_writer),
        ("BufferedRandom", &t.buffered_random),
        ("TextIOWrapper", &t.text_io),
        ("StringIO", &t.string_io),
        ("BytesIO", &t.bytes_io),
    ] {
        vm.dict_set_str(&d, name, ty.as_obj().clone())?;
    }
    vm.dict_set_str(&d, "DEFAULT_BUFFER_SIZE", int::new_i64(BUFFER_SIZE as i64))?;
    for (i, n) in ["SEEK_SET", "SEEK_CUR", "SEEK_END"].iter().enumerate() {
        vm.dict_set_str(&d, n, int::new_i64(i as i64))?;
    }
    // class UnsupportedOperation(OSError, ValueError), made as a class statement would.
    let c = ctx();
    let bases = crate::objects::tuple::new(vec![
        c.exc_type("OSError").as_obj().clone(),
        c.exc_type("ValueError").as_obj().clone(),
    ]);
    let ns = crate::objects::dict::new();
    vm.dict_set_str(&ns, "__module__", string::intern_str("io"))?;
    let cls = vm.call(
        c.type_type.as_obj(),
        Args::positional(&[string::intern_str("UnsupportedOperation"), bases, ns]),
    )?;
    vm.dict_set_str(&d, "UnsupportedOperation", cls)?;
    Ok(m)
}
