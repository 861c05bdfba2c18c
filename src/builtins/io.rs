//! Files and streams: the `io` module and `open()`. As in CPython an open text file is
//! three objects: a `_io.FileIO` (the operating-system file), a buffered object over
//! it (`_io.BufferedReader` / `BufferedWriter` / `BufferedRandom`: read-ahead and
//! write-behind byte buffers) and a `_io.TextIOWrapper` that decodes and encodes
//! (UTF-8, ASCII, Latin-1), translates newlines (universal newlines by default) and
//! knows its mode. The text layer works on the buffered object's bytes directly, so
//! `tell()` is always the byte position of the next character, as CPython's cookie is
//! for these encodings. sys.stdin / stdout / stderr are TextIOWrappers too; writes to
//! stdout go to the VM's own output buffer (the one print() fills) so their order is
//! kept. `_io.StringIO` is an in-memory text file.
//!
//! A file is flushed and closed when its count reaches zero (Payload::before_free).

use std::cell::{RefCell, RefMut};
use std::fs::File;
use std::io::{IsTerminal, Read, Seek, SeekFrom, Write};

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

fn none() -> PyObj {
    ctx().none.clone()
}

// ----- the payloads -----------------------------------------------------------------

/// What a FileIO reads and writes.
enum Raw {
    File(File),
    Stdin,
}

/// `_io.FileIO`.
pub struct FileIO {
    st: RefCell<RawState>,
}

struct RawState {
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

struct BufState {
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

struct TextState {
    /// The buffered object (None for stdout / stderr, which write through the VM).
    buffer: Option<PyObj>,
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
            for o in [&s.buffer, &s.name, &s.mode].into_iter().flatten() {
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

struct StrState {
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

// ----- types ------------------------------------------------------------------------

/// The io types of this thread.
pub struct IoTypes {
    pub file_io: TypeRef,
    pub buffered_reader: TypeRef,
    pub buffered_writer: TypeRef,
    pub buffered_random: TypeRef,
    pub text_io: TypeRef,
    pub string_io: TypeRef,
}

fn new_type<T: Payload>(name: &'static str) -> TypeRef {
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
    }));
}

/// This thread's io types.
pub fn types() -> &'static IoTypes {
    TYPES.with(|t| *t)
}

// ----- errors -----------------------------------------------------------------------

fn closed_error() -> Exc {
    value_error("I/O operation on closed file.")
}

/// The raw and buffered layers' message (no full stop).
fn closed_error_raw() -> Exc {
    value_error("I/O operation on closed file")
}

/// Like `check_open`, with the lower layers' message.
fn check_open_raw(s: &TextState) -> VmResult<()> {
    if text_closed(s) {
        return Err(closed_error_raw());
    }
    Ok(())
}

fn busy() -> Exc {
    exceptions::named("RuntimeError", "reentrant call inside the file object")
}

/// io.UnsupportedOperation(msg): the class lives in the io module.
fn unsupported(vm: &mut Vm, msg: &str) -> Exc {
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

fn io_err(vm: &mut Vm, e: &std::io::Error) -> Exc {
    oserror::from_io(vm, e, None, None)
}

// ----- the raw and buffered layers (Rust level) ------------------------------------

fn raw_state(raw: &PyObj) -> VmResult<RefMut<'_, RawState>> {
    raw.get::<FileIO>()
        .expect("a buffered object wraps a FileIO")
        .st
        .try_borrow_mut()
        .map_err(|_| busy())
}

fn raw_read(raw: &PyObj, buf: &mut [u8]) -> std::io::Result<usize> {
    let mut r = raw
        .get::<FileIO>()
        .expect("FileIO")
        .st
        .try_borrow_mut()
        .map_err(|_| std::io::Error::other("busy"))?;
    match &mut r.raw {
        Some(Raw::File(f)) => f.read(buf),
        Some(Raw::Stdin) => {
            // One line at most: what input() reads next must not sit in this buffer.
            use std::io::BufRead;
            let mut lock = std::io::stdin().lock();
            let avail = lock.fill_buf()?;
            let n = avail
                .iter()
                .position(|&b| b == b'\n')
                .map_or(avail.len(), |i| i + 1)
                .min(buf.len());
            buf[..n].copy_from_slice(&avail[..n]);
            lock.consume(n);
            Ok(n)
        }
        None => Ok(0),
    }
}

fn raw_write_all(raw: &PyObj, data: &[u8]) -> std::io::Result<()> {
    let mut r = raw
        .get::<FileIO>()
        .expect("FileIO")
        .st
        .try_borrow_mut()
        .map_err(|_| std::io::Error::other("busy"))?;
    match &mut r.raw {
        Some(Raw::File(f)) => f.write_all(data),
        _ => Err(std::io::Error::from_raw_os_error(9)),
    }
}

fn raw_seek(raw: &PyObj, pos: SeekFrom) -> std::io::Result<u64> {
    let mut r = raw
        .get::<FileIO>()
        .expect("FileIO")
        .st
        .try_borrow_mut()
        .map_err(|_| std::io::Error::other("busy"))?;
    match &mut r.raw {
        Some(Raw::File(f)) => f.seek(pos),
        _ => Err(std::io::Error::from_raw_os_error(29)),
    }
}

fn flush_buf(s: &mut BufState) -> std::io::Result<()> {
    if s.wbuf.is_empty() {
        return Ok(());
    }
    let data = std::mem::take(&mut s.wbuf);
    let r = raw_write_all(&s.raw, &data);
    s.wbuf = data;
    s.wbuf.clear();
    r
}

/// Read more bytes into the read buffer; the number read (0 at the end of the file).
fn fill_buf(s: &mut BufState) -> std::io::Result<usize> {
    if s.rpos > 0 {
        s.rbuf.drain(..s.rpos);
        s.rpos = 0;
    }
    let old = s.rbuf.len();
    s.rbuf.resize(old + BUFFER_SIZE, 0);
    let r = raw_read(&s.raw, &mut s.rbuf[old..]);
    let n = *r.as_ref().unwrap_or(&0);
    s.rbuf.truncate(old + n);
    r
}

/// Give back the bytes read ahead (before a write or a seek).
fn drop_read_ahead(s: &mut BufState) -> std::io::Result<()> {
    let unread = s.rbuf.len() - s.rpos;
    s.rbuf.clear();
    s.rpos = 0;
    if unread > 0 {
        raw_seek(&s.raw, SeekFrom::Current(-(unread as i64)))?;
    }
    Ok(())
}

fn tell_buf(s: &mut BufState) -> std::io::Result<u64> {
    flush_buf(s)?;
    let pos = raw_seek(&s.raw, SeekFrom::Current(0))?;
    Ok(pos - (s.rbuf.len() - s.rpos) as u64)
}

fn seek_buf(s: &mut BufState, pos: SeekFrom) -> std::io::Result<u64> {
    flush_buf(s)?;
    drop_read_ahead(s)?;
    raw_seek(&s.raw, pos)
}

fn write_buf(s: &mut BufState, data: &[u8]) -> std::io::Result<()> {
    if s.rpos < s.rbuf.len() || !s.rbuf.is_empty() {
        drop_read_ahead(s)?;
    }
    s.wbuf.extend_from_slice(data);
    if s.wbuf.len() >= BUFFER_SIZE {
        flush_buf(s)?;
    }
    Ok(())
}

fn read_all_buf(s: &mut BufState) -> std::io::Result<Vec<u8>> {
    flush_buf(s)?;
    let mut out = s.rbuf.split_off(s.rpos);
    s.rbuf.clear();
    s.rpos = 0;
    let mut chunk = vec![0u8; BUFFER_SIZE];
    loop {
        let n = raw_read(&s.raw, &mut chunk)?;
        if n == 0 {
            break;
        }
        out.extend_from_slice(&chunk[..n]);
    }
    Ok(out)
}

fn is_closed_raw(raw: &PyObj) -> bool {
    raw.get::<FileIO>()
        .and_then(|f| f.st.try_borrow().ok().map(|s| s.raw.is_none()))
        .unwrap_or(true)
}

/// Close the raw file: flush what is buffered first; the flush's error (if any) is
/// reported after the file is closed, as CPython does.
fn close_buffered(vm: &mut Vm, b: &PyObj) -> VmResult<()> {
    let buf = b.get::<Buffered>().expect("Buffered");
    let mut s = buf.st.try_borrow_mut().map_err(|_| busy())?;
    if is_closed_raw(&s.raw) {
        return Ok(());
    }
    let flushed = flush_buf(&mut s);
    s.rbuf = Vec::new();
    s.rpos = 0;
    s.wbuf = Vec::new();
    let raw = s.raw.clone();
    drop(s);
    let mut r = raw_state(&raw)?;
    let closefd = r.closefd;
    let old = r.raw.take();
    drop(r);
    if closefd {
        drop(old);
    } else {
        std::mem::forget(old);
    }
    flushed.map_err(|e| io_err(vm, &e))
}

// ----- the text layer ---------------------------------------------------------------

fn text(o: &PyObj) -> VmResult<&TextIO> {
    o.get::<TextIO>().ok_or_else(|| {
        type_error(format!(
            "descriptor requires a '_io.TextIOWrapper' object but received a '{}'",
            typeobj::type_name(o)
        ))
    })
}

fn text_state(o: &PyObj) -> VmResult<RefMut<'_, TextState>> {
    text(o)?.st.try_borrow_mut().map_err(|_| busy())
}

fn text_closed(s: &TextState) -> bool {
    match &s.buffer {
        Some(b) => b
            .get::<Buffered>()
            .and_then(|b| b.st.try_borrow().ok().map(|x| is_closed_raw(&x.raw)))
            .unwrap_or(true),
        None => s.closed,
    }
}

fn check_open(s: &TextState) -> VmResult<()> {
    if text_closed(s) {
        return Err(closed_error());
    }
    Ok(())
}

fn raw_flags(s: &TextState) -> (bool, bool) {
    match &s.buffer {
        Some(b) => {
            let raw = b
                .get::<Buffered>()
                .and_then(|b| b.st.try_borrow().ok().map(|x| x.raw.clone()));
            raw.and_then(|r| {
                r.get::<FileIO>()
                    .and_then(|f| f.st.try_borrow().ok().map(|x| (x.readable, x.writable)))
            })
            .unwrap_or((false, false))
        }
        None => (false, s.std != Std::No),
    }
}

/// The next decoded character of a text file (None at the end).
fn next_char(s: &mut TextState, b: &mut BufState) -> VmResult<Option<u32>> {
    if !s.pending.is_empty() {
        return Ok(Some(s.pending.remove(0)));
    }
    loop {
        let mut eof = false;
        if b.rpos >= b.rbuf.len() {
            match fill_buf(b) {
                Ok(0) => return Ok(None),
                Ok(_) => {}
                Err(e) => return Err(exceptions::named("OSError", e.to_string())),
            }
        }
        loop {
            let step = codecs::decode_one(s.enc, &b.rbuf[b.rpos..], eof);
            match step {
                Step::Char(c, n) => {
                    b.rpos += n;
                    return Ok(Some(c));
                }
                Step::NeedMore => {
                    let n = fill_buf(b).map_err(|e| exceptions::named("OSError", e.to_string()))?;
                    if n == 0 {
                        eof = true;
                    }
                }
                Step::Bad(n, reason) => {
                    let errors = string::as_str(&s.errors).unwrap_or_default().into_owned();
                    let mut out = Vec::new();
                    let start = b.rpos;
                    codecs::decode_replacement(
                        s.enc,
                        &errors,
                        &b.rbuf,
                        start,
                        start + n,
                        reason,
                        &mut out,
                    )?;
                    b.rpos += n;
                    if out.is_empty() {
                        break;
                    }
                    let first = out.remove(0);
                    s.pending.extend(out);
                    return Ok(Some(first));
                }
            }
        }
    }
}

/// The next byte, without taking it (after filling the buffer if needed).
fn peek_byte(b: &mut BufState) -> Option<u8> {
    if b.rpos >= b.rbuf.len() && fill_buf(b).unwrap_or(0) == 0 {
        return None;
    }
    b.rbuf.get(b.rpos).copied()
}

/// Read characters up to and including a line end (or `limit` characters).
fn read_line_chars(
    s: &mut TextState,
    b: &mut BufState,
    limit: Option<usize>,
    out: &mut Vec<u32>,
) -> VmResult<()> {
    let start = out.len();
    let nl = s.newline.clone();
    while limit.is_none_or(|l| out.len() - start < l) {
        let Some(c) = next_char(s, b)? else { break };
        match nl.as_deref() {
            None | Some("") => {
                if c == 0x0d {
                    let crlf = s.pending.is_empty() && peek_byte(b) == Some(b'\n');
                    if nl.is_none() {
                        if crlf {
                            b.rpos += 1;
                        }
                        out.push(0x0a);
                    } else {
                        out.push(0x0d);
                        if crlf && limit.is_none_or(|l| out.len() - start < l) {
                            b.rpos += 1;
                            out.push(0x0a);
                        }
                    }
                    break;
                }
                out.push(c);
                if c == 0x0a {
                    break;
                }
            }
            Some("\n") => {
                out.push(c);
                if c == 0x0a {
                    break;
                }
            }
            Some("\r") => {
                out.push(c);
                if c == 0x0d {
                    break;
                }
            }
            Some(_) => {
                out.push(c);
                if c == 0x0a && out.len() >= start + 2 && out[out.len() - 2] == 0x0d {
                    break;
                }
            }
        }
    }
    Ok(())
}

fn str_from(chars: &[u32]) -> VmResult<PyObj> {
    if chars.is_empty() {
        return Ok(ctx().empty_str.clone());
    }
    string::from_buf(&StrBuf::from_code_points(chars)).ok_or_else(exceptions::memory_error)
}

/// Universal-newline translation of decoded text.
fn translate_newlines(chars: Vec<u32>) -> Vec<u32> {
    if !chars.contains(&0x0d) {
        return chars;
    }
    let mut out = Vec::with_capacity(chars.len());
    let mut i = 0;
    while i < chars.len() {
        if chars[i] == 0x0d {
            out.push(0x0a);
            if chars.get(i + 1) == Some(&0x0a) {
                i += 1;
            }
        } else {
            out.push(chars[i]);
        }
        i += 1;
    }
    out
}

/// The buffered object of an open, readable text file, ready for reading.
fn reading<'a>(vm: &mut Vm, s: &'a TextState) -> VmResult<&'a PyObj> {
    check_open(s)?;
    let (readable, _) = raw_flags(s);
    match &s.buffer {
        Some(b) if readable => Ok(b),
        _ => Err(unsupported(vm, "not readable")),
    }
}

fn buf_state(b: &PyObj) -> VmResult<RefMut<'_, BufState>> {
    b.get::<Buffered>()
        .expect("Buffered")
        .st
        .try_borrow_mut()
        .map_err(|_| busy())
}

/// TypeError unless a method got no arguments besides `self`.
fn no_args(args: &Args<'_>, qualname: &str) -> VmResult<()> {
    args.no_kw(qualname)?;
    let n = args.pos().len().saturating_sub(1);
    if n != 0 {
        return Err(type_error(format!(
            "{qualname}() takes no arguments ({n} given)"
        )));
    }
    Ok(())
}

/// The `self` of a method call and the other arguments.
fn split(args: &Args<'_>) -> (PyObj, Vec<PyObj>) {
    let pos = args.pos();
    (pos[0].clone(), pos[1..].to_vec())
}

fn method_args<'a>(args: &Args<'a>) -> Args<'a> {
    Args {
        all: &args.all[1..],
        kwnames: args.kwnames,
    }
}

/// A size argument: None or an int (negative: everything).
fn size_arg(o: Option<&PyObj>) -> VmResult<Option<usize>> {
    match o {
        None => Ok(None),
        Some(v) if v.is(&ctx().none) => Ok(None),
        Some(v) => {
            if int::value(v).is_none() {
                return Err(type_error(format!(
                    "argument should be integer or None, not '{}'",
                    typeobj::type_name(v)
                )));
            }
            let n = as_ssize_t(v)?;
            Ok((n >= 0).then_some(n as usize))
        }
    }
}

/// TextIOWrapper.read(size=-1)
fn text_read(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let (o, _) = split(&args);
    let a = method_args(&args).clinic("read", &["size"], 0)?;
    let size = size_arg(a[0])?;
    let mut s = text_state(&o)?;
    let b = reading(vm, &s)?.clone();
    let mut bs = buf_state(&b)?;
    let chars = match size {
        None => {
            let data = read_all_buf(&mut bs).map_err(|e| io_err(vm, &e))?;
            let errors = string::as_str(&s.errors).unwrap_or_default().into_owned();
            let mut chars = std::mem::take(&mut s.pending);
            chars.extend(codecs::decode_all(s.enc, &errors, &data)?);
            if s.newline.is_none() {
                translate_newlines(chars)
            } else {
                chars
            }
        }
        Some(n) => {
            flush_buf(&mut bs).map_err(|e| io_err(vm, &e))?;
            let mut out = Vec::new();
            while out.len() < n {
                let Some(c) = next_char(&mut s, &mut bs)? else {
                    break;
                };
                if c == 0x0d && s.newline.is_none() {
                    if s.pending.is_empty() && peek_byte(&mut bs) == Some(b'\n') {
                        bs.rpos += 1;
                    }
                    out.push(0x0a);
                } else {
                    out.push(c);
                }
            }
            out
        }
    };
    drop(bs);
    drop(s);
    str_from(&chars)
}

fn readline_obj(vm: &mut Vm, o: &PyObj, limit: Option<usize>) -> VmResult<PyObj> {
    let mut s = text_state(o)?;
    if s.std == Std::No && s.buffer.is_none() {
        return Err(closed_error());
    }
    let b = reading(vm, &s)?.clone();
    let mut bs = buf_state(&b)?;
    flush_buf(&mut bs).map_err(|e| io_err(vm, &e))?;
    let mut out = Vec::new();
    read_line_chars(&mut s, &mut bs, limit, &mut out)?;
    drop(bs);
    drop(s);
    str_from(&out)
}

/// TextIOWrapper.readline(size=-1)
fn text_readline(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let (o, _) = split(&args);
    let a = method_args(&args).clinic("readline", &["size"], 0)?;
    let size = size_arg(a[0])?;
    readline_obj(vm, &o, size)
}

/// readlines(hint=-1) of a text file or StringIO: lines until their total size
/// reaches the hint.
fn readlines_with(
    vm: &mut Vm,
    o: &PyObj,
    args: &Args<'_>,
    line: fn(&mut Vm, &PyObj) -> VmResult<PyObj>,
) -> VmResult<PyObj> {
    let a = method_args(args).clinic("readlines", &["hint"], 0)?;
    let hint = size_arg(a[0])?.filter(|h| *h > 0);
    let mut lines = Vec::new();
    let mut total = 0;
    loop {
        let l = line(vm, o)?;
        let n = string::len(&l).unwrap_or(0);
        if n == 0 {
            break;
        }
        lines.push(l);
        total += n;
        if hint.is_some_and(|h| total >= h) {
            break;
        }
    }
    Ok(list::new_exact(lines))
}

fn text_next_line(vm: &mut Vm, o: &PyObj) -> VmResult<PyObj> {
    readline_obj(vm, o, None)
}

/// TextIOWrapper.readlines(hint=-1)
fn text_readlines(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let o = args.pos()[0].clone();
    readlines_with(vm, &o, &args, text_next_line)
}

/// next(file): the next line; the iteration ends at the end of the file.
fn text_next(rt: &mut dyn Runtime, o: &PyObj) -> VmResult<Option<PyObj>> {
    let vm = Vm::of(rt);
    {
        let s = text_state(o)?;
        check_open(&s)?;
    }
    let l = readline_obj(vm, o, None)?;
    Ok((string::len(&l).unwrap_or(0) > 0).then_some(l))
}

fn text_iter(_rt: &mut dyn Runtime, o: &PyObj) -> VmResult<PyObj> {
    let s = text_state(o)?;
    check_open(&s)?;
    Ok(o.clone())
}

/// Encode `chars` for a text file, newlines translated for writing.
fn encode_for(s: &TextState, chars: &[u32]) -> VmResult<Vec<u8>> {
    let nl: Option<&str> = match s.newline.as_deref() {
        None | Some("") | Some("\n") => None,
        Some(x) => Some(x),
    };
    let errors = string::as_str(&s.errors).unwrap_or_default().into_owned();
    let mut out = Vec::with_capacity(chars.len());
    match nl {
        None => codecs::encode(s.enc, &errors, chars, &mut out)?,
        Some(nl) => {
            let t: Vec<u32> = chars
                .iter()
                .flat_map(|&c| {
                    if c == 0x0a {
                        nl.chars().map(u32::from).collect::<Vec<_>>()
                    } else {
                        vec![c]
                    }
                })
                .collect();
            codecs::encode(s.enc, &errors, &t, &mut out)?;
        }
    }
    Ok(out)
}

/// Is `o` a TextIOWrapper over a file (not a standard stream)?
pub fn is_file_text(o: &PyObj) -> bool {
    o.get::<TextIO>()
        .and_then(|t| t.st.try_borrow().ok().map(|s| s.std == Std::No))
        .unwrap_or(false)
}

/// Write str `v` to text file `o`; the number of characters.
pub fn write_text(vm: &mut Vm, o: &PyObj, v: &PyObj) -> VmResult<usize> {
    let Some(view) = string::view(v) else {
        return Err(type_error(format!(
            "write() argument must be str, not {}",
            typeobj::type_name(v)
        )));
    };
    let n = view.len();
    let s = text_state(o)?;
    check_open(&s)?;
    match s.std {
        Std::Out | Std::Err => {
            let std = s.std;
            let Some(t) = view.to_str() else {
                let chars: Vec<u32> = view.chars().collect();
                let mut out = Vec::new();
                codecs::encode(Encoding::Utf8, "strict", &chars, &mut out)?;
                return Ok(n);
            };
            drop(s);
            if std == Std::Out {
                vm.write_stdout(&t);
            } else {
                vm.flush();
                let mut err = std::io::stderr().lock();
                let _ = err.write_all(t.as_bytes());
                let _ = err.flush();
            }
            Ok(n)
        }
        Std::No => {
            let (_, writable) = raw_flags(&s);
            let Some(b) = s.buffer.clone().filter(|_| writable) else {
                drop(s);
                return Err(unsupported(vm, "not writable"));
            };
            let data = match view.to_str() {
                Some(t)
                    if s.enc == Encoding::Utf8
                        && s.newline
                            .as_deref()
                            .is_none_or(|x| x.is_empty() || x == "\n") =>
                {
                    t.into_owned().into_bytes()
                }
                _ => {
                    let chars: Vec<u32> = view.chars().collect();
                    encode_for(&s, &chars)?
                }
            };
            let flush = s.line_buffering && view.chars().any(|c| c == 0x0a || c == 0x0d);
            drop(s);
            let mut bs = buf_state(&b)?;
            // The text layer consumed what it read ahead (CPython's reads whole
            // chunks): a write after a read lands where the reading stopped.
            bs.rbuf.clear();
            bs.rpos = 0;
            write_buf(&mut bs, &data).map_err(|e| io_err(vm, &e))?;
            if flush {
                flush_buf(&mut bs).map_err(|e| io_err(vm, &e))?;
            }
            Ok(n)
        }
    }
}

/// TextIOWrapper.write(s)
fn text_write(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    args.no_kw("write")?;
    let (o, rest) = split(&args);
    let [v] = rest.as_slice() else {
        return Err(type_error(format!(
            "TextIOWrapper.write() takes exactly one argument ({} given)",
            rest.len()
        )));
    };
    let n = write_text(vm, &o, v)?;
    Ok(int::new_i64(n as i64))
}

/// writelines(lines) of a text file or StringIO.
fn writelines_with(
    vm: &mut Vm,
    args: &Args<'_>,
    write: fn(&mut Vm, &PyObj, &PyObj) -> VmResult<usize>,
) -> VmResult<PyObj> {
    args.no_kw("writelines")?;
    let (o, rest) = split(args);
    let [lines] = rest.as_slice() else {
        return Err(type_error(format!(
            "writelines() takes exactly one argument ({} given)",
            rest.len()
        )));
    };
    let it = vm.iter(lines)?;
    while let Some(l) = vm.next(&it)? {
        write(vm, &o, &l)?;
    }
    Ok(none())
}

fn text_writelines(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    if let Some(o) = args.all.first() {
        let s = text_state(o)?;
        check_open(&s)?;
    }
    writelines_with(vm, &args, write_text)
}

/// The buffered object of an open text file, for seek / tell / truncate / flush.
fn file_buffer(vm: &mut Vm, o: &PyObj, what: &str) -> VmResult<Option<PyObj>> {
    let s = text_state(o)?;
    check_open(&s)?;
    if s.buffer.is_none() && what != "flush" {
        drop(s);
        return Err(unsupported(vm, "underlying stream is not seekable"));
    }
    Ok(s.buffer.clone())
}

fn seekable_buf(b: &PyObj) -> bool {
    let Ok(bs) = buf_state(b) else { return false };
    let raw = bs.raw.clone();
    drop(bs);
    raw_seek(&raw, SeekFrom::Current(0)).is_ok()
}

/// TextIOWrapper.seek(cookie, whence=0)
fn text_seek(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    args.no_kw("seek")?;
    let (o, rest) = split(&args);
    crate::objects::args::check_positional("seek", rest.len(), 1, 2)?;
    let b = file_buffer(vm, &o, "seek")?.expect("files have a buffer");
    if !seekable_buf(&b) {
        return Err(unsupported(vm, "underlying stream is not seekable"));
    }
    let whence = match rest.get(1) {
        Some(w) => crate::objects::args::as_c_int(w)?,
        None => 0,
    };
    let cookie = vm.index_arg(&rest[0])?;
    let pos = int::as_i64(&cookie).ok_or_else(|| {
        exceptions::named("OverflowError", "Python int too large to convert to C long")
    })?;
    let target = match whence {
        0 => {
            if pos < 0 {
                return Err(value_error(format!("negative seek position {pos}")));
            }
            SeekFrom::Start(pos as u64)
        }
        1 => {
            if pos != 0 {
                return Err(unsupported(vm, "can't do nonzero cur-relative seeks"));
            }
            let mut bs = buf_state(&b)?;
            let p = tell_buf(&mut bs).map_err(|e| io_err(vm, &e))?;
            SeekFrom::Start(p)
        }
        2 => {
            if pos != 0 {
                return Err(unsupported(vm, "can't do nonzero end-relative seeks"));
            }
            SeekFrom::End(0)
        }
        w => {
            return Err(value_error(format!(
                "invalid whence ({w}, should be 0, 1 or 2)"
            )))
        }
    };
    text_state(&o)?.pending.clear();
    let mut bs = buf_state(&b)?;
    let p = seek_buf(&mut bs, target).map_err(|e| io_err(vm, &e))?;
    Ok(int::new_i64(p as i64))
}

/// TextIOWrapper.tell()
fn text_tell(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let (o, rest) = split(&args);
    args.no_kw("tell")?;
    if !rest.is_empty() {
        return Err(type_error(format!(
            "TextIOWrapper.tell() takes no arguments ({} given)",
            rest.len()
        )));
    }
    let b = file_buffer(vm, &o, "tell")?.expect("files have a buffer");
    if !seekable_buf(&b) {
        return Err(unsupported(vm, "underlying stream is not seekable"));
    }
    let mut bs = buf_state(&b)?;
    let p = tell_buf(&mut bs).map_err(|e| io_err(vm, &e))?;
    Ok(int::new_i64(p as i64))
}

/// TextIOWrapper.truncate(pos=None)
fn text_truncate(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let (o, _) = split(&args);
    let a = method_args(&args).clinic("truncate", &["pos"], 0)?;
    let b = file_buffer(vm, &o, "truncate")?.expect("files have a buffer");
    {
        let s = text_state(&o)?;
        if !raw_flags(&s).1 {
            drop(s);
            return Err(unsupported(vm, "truncate"));
        }
    }
    let mut bs = buf_state(&b)?;
    let here = tell_buf(&mut bs).map_err(|e| io_err(vm, &e))?;
    let size = match a[0].filter(|v| !v.is(&ctx().none)) {
        Some(v) => {
            let n = as_ssize_t(v)?;
            if n < 0 {
                return Err(value_error(format!("Negative size value {n}")));
            }
            n as u64
        }
        None => here,
    };
    drop_read_ahead(&mut bs).map_err(|e| io_err(vm, &e))?;
    let raw = bs.raw.clone();
    drop(bs);
    let r = raw_state(&raw)?;
    if let Some(Raw::File(f)) = &r.raw {
        f.set_len(size).map_err(|e| io_err(vm, &e))?;
    }
    Ok(int::new_i64(size as i64))
}

/// TextIOWrapper.flush()
fn text_flush(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    no_args(&args, "TextIOWrapper.flush")?;
    let (o, _) = split(&args);
    let s = text_state(&o)?;
    check_open(&s)?;
    match (s.std, s.buffer.clone()) {
        (Std::Out, _) => {
            drop(s);
            vm.flush();
        }
        (Std::Err, _) => {
            let _ = std::io::stderr().flush();
        }
        (Std::No, Some(b)) => {
            drop(s);
            let mut bs = buf_state(&b)?;
            flush_buf(&mut bs).map_err(|e| io_err(vm, &e))?;
        }
        _ => {}
    }
    Ok(none())
}

/// Close a text file (nothing if closed already).
fn close_text(vm: &mut Vm, o: &PyObj) -> VmResult<()> {
    let mut s = text_state(o)?;
    if s.std != Std::No {
        if s.std == Std::Out {
            vm.flush();
        }
        s.closed = true;
        return Ok(());
    }
    let b = s.buffer.clone();
    drop(s);
    match b {
        Some(b) => close_buffered(vm, &b),
        None => Ok(()),
    }
}

/// TextIOWrapper.close()
fn text_close(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    no_args(&args, "TextIOWrapper.close")?;
    let (o, _) = split(&args);
    close_text(vm, &o)?;
    Ok(none())
}

/// __enter__: the file itself (an error if it is closed).
fn text_enter(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    no_args(&args, "TextIOWrapper.__enter__")?;
    let (o, _) = split(&args);
    {
        let s = text_state(&o)?;
        check_open(&s)?;
    }
    Ok(o)
}

/// __exit__(*exc_info): close the file.
fn text_exit(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let (o, _) = split(&args);
    close_text(vm, &o)?;
    Ok(none())
}

fn text_fileno(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    no_args(&args, "TextIOWrapper.fileno")?;
    let (o, _) = split(&args);
    let s = text_state(&o)?;
    check_open_raw(&s)?;
    let fd = match (s.std, &s.buffer) {
        (Std::Out, _) => 1,
        (Std::Err, _) => 2,
        (Std::No, Some(b)) => {
            let bs = buf_state(b)?;
            let r = raw_state(&bs.raw)?;
            match &r.raw {
                Some(Raw::File(f)) => {
                    use std::os::fd::AsRawFd;
                    f.as_raw_fd() as i64
                }
                Some(Raw::Stdin) => 0,
                None => return Err(closed_error_raw()),
            }
        }
        _ => {
            drop(s);
            return Err(unsupported(vm, "fileno"));
        }
    };
    Ok(int::new_i64(fd))
}

fn text_readable(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    no_args(&args, "TextIOWrapper.readable")?;
    let (o, _) = split(&args);
    let s = text_state(&o)?;
    check_open_raw(&s)?;
    Ok(bool_obj(raw_flags(&s).0))
}

fn text_writable(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    no_args(&args, "TextIOWrapper.writable")?;
    let (o, _) = split(&args);
    let s = text_state(&o)?;
    // A BufferedReader answers False without asking whether it is closed.
    let (readable, writable) = raw_flags(&s);
    if readable && !writable && s.buffer.is_some() {
        return Ok(bool_obj(false));
    }
    check_open_raw(&s)?;
    Ok(bool_obj(raw_flags(&s).1))
}

fn text_seekable(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    no_args(&args, "TextIOWrapper.seekable")?;
    let (o, _) = split(&args);
    let s = text_state(&o)?;
    check_open_raw(&s)?;
    let b = s.buffer.clone();
    drop(s);
    Ok(bool_obj(b.as_ref().is_some_and(seekable_buf)))
}

fn text_isatty(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    no_args(&args, "TextIOWrapper.isatty")?;
    let (o, _) = split(&args);
    let s = text_state(&o)?;
    check_open_raw(&s)?;
    let tty = match (s.std, &s.buffer) {
        (Std::Out, _) => std::io::stdout().is_terminal(),
        (Std::Err, _) => std::io::stderr().is_terminal(),
        (Std::No, Some(b)) => {
            let bs = buf_state(b)?;
            let r = raw_state(&bs.raw)?;
            match &r.raw {
                Some(Raw::File(f)) => f.is_terminal(),
                Some(Raw::Stdin) => std::io::stdin().is_terminal(),
                None => false,
            }
        }
        _ => false,
    };
    Ok(bool_obj(tty))
}

// ----- TextIOWrapper attributes ------------------------------------------------------

fn raw_of(s: &TextState) -> Option<PyObj> {
    let b = s.buffer.as_ref()?;
    let bs = b.get::<Buffered>()?.st.try_borrow().ok()?;
    Some(bs.raw.clone())
}

fn text_name(o: &PyObj) -> VmResult<Option<PyObj>> {
    let s = text_state(o)?;
    if let Some(n) = &s.name {
        return Ok(Some(n.clone()));
    }
    Ok(raw_of(&s).and_then(|r| {
        r.get::<FileIO>()
            .and_then(|f| f.st.try_borrow().ok().map(|x| x.name.clone()))
    }))
}

fn get_closed(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let o = args.one("closed")?;
    let s = text_state(o)?;
    Ok(bool_obj(text_closed(&s)))
}

fn get_name(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let o = args.one("name")?;
    text_name(o)?.ok_or_else(|| {
        exceptions::named(
            "AttributeError",
            "'_io.TextIOWrapper' object has no attribute 'name'",
        )
    })
}

fn get_mode(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let o = args.one("mode")?;
    let s = text_state(o)?;
    s.mode.clone().ok_or_else(|| {
        exceptions::named(
            "AttributeError",
            "'_io.TextIOWrapper' object has no attribute 'mode'",
        )
    })
}

fn get_encoding(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let o = args.one("encoding")?;
    Ok(text_state(o)?.encoding.clone())
}

fn get_errors(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let o = args.one("errors")?;
    Ok(text_state(o)?.errors.clone())
}

fn get_buffer(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let o = args.one("buffer")?;
    let s = text_state(o)?;
    s.buffer.clone().ok_or_else(|| {
        exceptions::named(
            "AttributeError",
            "'_io.TextIOWrapper' object has no attribute 'buffer'",
        )
    })
}

fn get_line_buffering(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let o = args.one("line_buffering")?;
    Ok(bool_obj(text_state(o)?.line_buffering))
}

fn get_newlines(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let _ = args.one("newlines")?;
    Ok(none())
}

fn text_repr(rt: &mut dyn Runtime, o: &PyObj) -> VmResult<String> {
    let vm = Vm::of(rt);
    let mut out = String::from("<_io.TextIOWrapper");
    if let Some(n) = text_name(o)? {
        out.push_str(&format!(" name={}", vm.repr(&n)?));
    }
    let (mode, enc) = {
        let s = text_state(o)?;
        (s.mode.clone(), s.encoding.clone())
    };
    if let Some(m) = mode {
        out.push_str(&format!(" mode={}", vm.repr(&m)?));
    }
    out.push_str(&format!(" encoding={}>", vm.repr(&enc)?));
    Ok(out)
}

// ----- FileIO and buffered objects: what works without bytes ------------------------

fn raw_repr(rt: &mut dyn Runtime, o: &PyObj) -> VmResult<String> {
    let vm = Vm::of(rt);
    if let Some(f) = o.get::<FileIO>() {
        let (name, closed, closefd, mode) = {
            let s = f.st.try_borrow().map_err(|_| busy())?;
            (s.name.clone(), s.raw.is_none(), s.closefd, file_mode(&s))
        };
        if closed {
            return Ok("<_io.FileIO [closed]>".into());
        }
        let cf = if closefd { "True" } else { "False" };
        return Ok(format!(
            "<_io.FileIO name={} mode='{mode}' closefd={cf}>",
            vm.repr(&name)?
        ));
    }
    let raw = buf_state(o)?.raw.clone();
    let name = raw
        .get::<FileIO>()
        .and_then(|f| f.st.try_borrow().ok().map(|s| s.name.clone()));
    let tn = typeobj::type_name(o);
    Ok(match name {
        Some(n) => format!("<{tn} name={}>", vm.repr(&n)?),
        None => format!("<{tn}>"),
    })
}

fn file_mode(s: &RawState) -> &'static str {
    match (s.created, s.appending, s.readable, s.writable) {
        (true, _, true, _) => "xb+",
        (true, _, false, _) => "xb",
        (false, true, true, _) => "ab+",
        (false, true, false, _) => "ab",
        (false, false, true, true) => "rb+",
        (false, false, true, false) => "rb",
        _ => "wb",
    }
}

/// The FileIO under `o` (a FileIO or a buffered object).
fn raw_obj(o: &PyObj) -> VmResult<PyObj> {
    if o.is_a::<FileIO>() {
        return Ok(o.clone());
    }
    Ok(buf_state(o)?.raw.clone())
}

fn bin_closed(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let o = args.one("closed")?;
    Ok(bool_obj(is_closed_raw(&raw_obj(o)?)))
}

fn bin_name(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let o = args.one("name")?;
    let raw = raw_obj(o)?;
    let n = raw_state(&raw)?.name.clone();
    Ok(n)
}

fn bin_mode(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let o = args.one("mode")?;
    let raw = raw_obj(o)?;
    let m = {
        let r = raw_state(&raw)?;
        file_mode(&r)
    };
    Ok(string::new(m))
}

fn bin_raw(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let o = args.one("raw")?;
    raw_obj(o)
}

fn bin_close(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let (o, _) = split(&args);
    if o.is_a::<Buffered>() {
        close_buffered(vm, &o)?;
    } else {
        let mut r = raw_state(&o)?;
        let closefd = r.closefd;
        let old = r.raw.take();
        drop(r);
        if !closefd {
            std::mem::forget(old);
        }
    }
    Ok(none())
}

fn bin_flush(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let (o, _) = split(&args);
    if is_closed_raw(&raw_obj(&o)?) {
        return Err(value_error("flush of closed file"));
    }
    if o.is_a::<Buffered>() {
        let mut bs = buf_state(&o)?;
        flush_buf(&mut bs).map_err(|e| io_err(vm, &e))?;
    }
    Ok(none())
}

fn bin_enter(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let (o, _) = split(&args);
    if is_closed_raw(&raw_obj(&o)?) {
        return Err(closed_error());
    }
    Ok(o)
}

fn bin_exit(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let (o, _) = split(&args);
    bin_close(rt, Args::positional(&[o]))
}

fn bin_flags(o: &PyObj) -> VmResult<(bool, bool)> {
    let raw = raw_obj(o)?;
    let r = raw_state(&raw)?;
    if r.raw.is_none() {
        return Err(closed_error());
    }
    Ok((r.readable, r.writable))
}

fn bin_readable(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let (o, _) = split(&args);
    Ok(bool_obj(bin_flags(&o)?.0))
}

fn bin_writable(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let (o, _) = split(&args);
    Ok(bool_obj(bin_flags(&o)?.1))
}

fn bin_fileno(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let (o, _) = split(&args);
    let raw = raw_obj(&o)?;
    let r = raw_state(&raw)?;
    match &r.raw {
        Some(Raw::File(f)) => {
            use std::os::fd::AsRawFd;
            Ok(int::new_i64(f.as_raw_fd() as i64))
        }
        Some(Raw::Stdin) => Ok(int::new_i64(0)),
        None => Err(closed_error()),
    }
}

// ----- StringIO ---------------------------------------------------------------------

fn sio_state(o: &PyObj) -> VmResult<RefMut<'_, StrState>> {
    let s = o
        .get::<StringIO>()
        .ok_or_else(|| type_error("a StringIO is required"))?
        .st
        .try_borrow_mut()
        .map_err(|_| busy())?;
    if s.closed {
        return Err(closed_error_raw());
    }
    Ok(s)
}

/// StringIO(initial_value='', newline='\n')
fn new_stringio(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let a = method_args(&args).clinic("StringIO", &["initial_value", "newline"], 0)?;
    let translate = match a[1] {
        None => false,
        Some(v) if v.is(&ctx().none) => true,
        Some(v) => match string::as_str(v).as_deref() {
            Some("" | "\n") => false,
            Some("\r" | "\r\n") => false,
            Some(x) => return Err(value_error(format!("illegal newline value: {x}"))),
            None => {
                return Err(type_error(format!(
                    "newline must be str or None, not {}",
                    typeobj::type_name(v)
                )))
            }
        },
    };
    let mut buf: Vec<u32> = Vec::new();
    if let Some(v) = a[0].filter(|v| !v.is(&ctx().none)) {
        let Some(view) = string::view(v) else {
            return Err(type_error(format!(
                "initial_value must be str or None, not {}",
                typeobj::type_name(v)
            )));
        };
        buf = view.chars().collect();
        if translate {
            buf = translate_newlines(buf);
        }
    }
    Ok(PyObj::new(
        &types().string_io,
        StringIO {
            st: RefCell::new(StrState {
                buf,
                pos: 0,
                closed: false,
                translate,
            }),
        },
    ))
}

fn sio_write_str(_vm: &mut Vm, o: &PyObj, v: &PyObj) -> VmResult<usize> {
    let mut s = sio_state(o)?;
    let Some(view) = string::view(v) else {
        return Err(type_error(format!(
            "string argument expected, got '{}'",
            typeobj::type_name(v)
        )));
    };
    let n = view.len();
    let mut chars: Vec<u32> = view.chars().collect();
    if s.translate {
        chars = translate_newlines(chars);
    }
    let pos = s.pos;
    if pos > s.buf.len() {
        s.buf.resize(pos, 0);
    }
    let end = pos + chars.len();
    let overlap = end.min(s.buf.len());
    s.buf.splice(pos..overlap, chars);
    s.pos = end;
    Ok(n)
}

fn sio_write(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    args.no_kw("write")?;
    let (o, rest) = split(&args);
    let [v] = rest.as_slice() else {
        return Err(type_error(format!(
            "StringIO.write() takes exactly one argument ({} given)",
            rest.len()
        )));
    };
    let n = sio_write_str(vm, &o, v)?;
    Ok(int::new_i64(n as i64))
}

fn sio_writelines(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    if let Some(o) = args.all.first() {
        drop(sio_state(o)?);
    }
    writelines_with(vm, &args, sio_write_str)
}

fn sio_getvalue(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let (o, _) = split(&args);
    let s = sio_state(&o)?;
    str_from(&s.buf)
}

fn sio_read(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let (o, _) = split(&args);
    let a = method_args(&args).clinic("read", &["size"], 0)?;
    let size = size_arg(a[0])?;
    let mut s = sio_state(&o)?;
    let start = s.pos.min(s.buf.len());
    let end = size.map_or(s.buf.len(), |n| (start + n).min(s.buf.len()));
    s.pos = end.max(s.pos);
    str_from(&s.buf[start..end])
}

fn sio_line(o: &PyObj, limit: Option<usize>) -> VmResult<PyObj> {
    let mut s = sio_state(o)?;
    let start = s.pos.min(s.buf.len());
    let mut end = start;
    while end < s.buf.len() && limit.is_none_or(|l| end - start < l) {
        end += 1;
        if s.buf[end - 1] == 0x0a {
            break;
        }
    }
    s.pos = end.max(s.pos);
    str_from(&s.buf[start..end])
}

fn sio_readline(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let (o, _) = split(&args);
    let a = method_args(&args).clinic("readline", &["size"], 0)?;
    sio_line(&o, size_arg(a[0])?)
}

fn sio_next_line(_vm: &mut Vm, o: &PyObj) -> VmResult<PyObj> {
    sio_line(o, None)
}

fn sio_readlines(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let o = args.pos()[0].clone();
    readlines_with(vm, &o, &args, sio_next_line)
}

fn sio_next(_rt: &mut dyn Runtime, o: &PyObj) -> VmResult<Option<PyObj>> {
    let l = sio_line(o, None)?;
    Ok((string::len(&l).unwrap_or(0) > 0).then_some(l))
}

fn sio_iter(_rt: &mut dyn Runtime, o: &PyObj) -> VmResult<PyObj> {
    sio_state(o)?;
    Ok(o.clone())
}

fn sio_seek(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    args.no_kw("seek")?;
    let (o, rest) = split(&args);
    crate::objects::args::check_positional("seek", rest.len(), 1, 2)?;
    let pos = as_ssize_t(&rest[0])?;
    let whence = match rest.get(1) {
        Some(w) => crate::objects::args::as_c_int(w)?,
        None => 0,
    };
    let mut s = sio_state(&o)?;
    match whence {
        0 if pos < 0 => return Err(value_error(format!("Negative seek position {pos}"))),
        0 => s.pos = pos as usize,
        1 | 2 if pos != 0 => {
            return Err(exceptions::named(
                "OSError",
                "Can't do nonzero cur-relative seeks",
            ))
        }
        1 => {}
        2 => s.pos = s.buf.len(),
        w => {
            return Err(value_error(format!(
                "Invalid whence ({w}, should be 0, 1 or 2)"
            )))
        }
    }
    Ok(int::new_i64(s.pos as i64))
}

fn sio_tell(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let (o, _) = split(&args);
    let p = sio_state(&o)?.pos;
    Ok(int::new_i64(p as i64))
}

fn sio_truncate(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let (o, _) = split(&args);
    let a = method_args(&args).clinic("truncate", &["pos"], 0)?;
    let mut s = sio_state(&o)?;
    let size = match a[0].filter(|v| !v.is(&ctx().none)) {
        Some(v) => {
            let n = as_ssize_t(v)?;
            if n < 0 {
                return Err(value_error(format!("Negative size value {n}")));
            }
            n as usize
        }
        None => s.pos,
    };
    if size < s.buf.len() {
        s.buf.truncate(size);
    }
    Ok(int::new_i64(size as i64))
}

fn sio_close(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let (o, _) = split(&args);
    if let Some(x) = o.get::<StringIO>() {
        let mut s = x.st.try_borrow_mut().map_err(|_| busy())?;
        s.closed = true;
        s.buf = Vec::new();
    }
    Ok(none())
}

fn sio_true(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let (o, _) = split(&args);
    sio_state(&o)?;
    Ok(bool_obj(true))
}

fn sio_flush(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let (o, _) = split(&args);
    sio_state(&o)?;
    Ok(none())
}

fn sio_enter(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let (o, _) = split(&args);
    sio_state(&o)?;
    Ok(o)
}

fn sio_exit(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let (o, _) = split(&args);
    sio_close(rt, Args::positional(&[o]))
}

fn sio_closed(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let o = args.one("closed")?;
    let closed = o
        .get::<StringIO>()
        .and_then(|x| x.st.try_borrow().ok().map(|s| s.closed))
        .unwrap_or(true);
    Ok(bool_obj(closed))
}

// ----- open() -----------------------------------------------------------------------

/// A path argument as the operating system wants it: a str (or an object with
/// `__fspath__` returning one). Shared with the os module.
pub fn fs_path(vm: &mut Vm, o: &PyObj, fname: &str) -> VmResult<std::path::PathBuf> {
    let o = fspath(vm, o, fname)?;
    let view = string::view(&o).expect("fspath gives a str");
    let chars: Vec<u32> = view.chars().collect();
    if chars.contains(&0) {
        return Err(value_error("embedded null byte"));
    }
    let mut bytes = Vec::new();
    codecs::encode(Encoding::Utf8, "surrogateescape", &chars, &mut bytes)?;
    use std::os::unix::ffi::OsStringExt;
    Ok(std::ffi::OsString::from_vec(bytes).into())
}

/// os.fspath(o): a str as it is, else `type(o).__fspath__(o)` (which must give a
/// str).
pub fn fspath(vm: &mut Vm, o: &PyObj, fname: &str) -> VmResult<PyObj> {
    if string::view(o).is_some() {
        return Ok(o.clone());
    }
    let key = string::intern_str("__fspath__");
    if let Some(f) = vm.type_lookup(&o.type_obj(), &key)? {
        let r = vm.call(&f, Args::positional(std::slice::from_ref(o)))?;
        if string::view(&r).is_some() {
            return Ok(r);
        }
        return Err(type_error(format!(
            "expected {}.__fspath__() to return str or bytes, not {}",
            typeobj::type_name(o),
            typeobj::type_name(&r)
        )));
    }
    let _ = fname;
    Err(type_error(format!(
        "expected str, bytes or os.PathLike object, not {}",
        typeobj::type_name(o)
    )))
}

/// The parts of an open() mode string.
struct Mode {
    reading: bool,
    writing: bool,
    appending: bool,
    creating: bool,
    updating: bool,
    binary: bool,
}

fn parse_mode(m: &str) -> VmResult<Mode> {
    let mut seen = String::new();
    for ch in m.chars() {
        if !"rwxabt+U".contains(ch) || seen.contains(ch) {
            return Err(value_error(format!("invalid mode: '{m}'")));
        }
        seen.push(ch);
    }
    let has = |c: char| seen.contains(c);
    let mode = Mode {
        reading: has('r') || has('U'),
        writing: has('w'),
        appending: has('a'),
        creating: has('x'),
        updating: has('+'),
        binary: has('b'),
    };
    if has('U') {
        return Err(value_error(format!("invalid mode: '{m}'")));
    }
    if has('t') && mode.binary {
        return Err(value_error("can't have text and binary mode at once"));
    }
    let kinds = [mode.reading, mode.writing, mode.appending, mode.creating]
        .iter()
        .filter(|x| **x)
        .count();
    if kinds > 1 {
        return Err(value_error(
            "must have exactly one of create/read/write/append mode",
        ));
    }
    if kinds == 0 {
        return Err(value_error(
            "Must have exactly one of create/read/write/append mode and at most one plus",
        ));
    }
    Ok(mode)
}

/// An optional str argument (None or absent: None).
fn opt_str(o: Option<&PyObj>, what: &str) -> VmResult<Option<String>> {
    match o {
        None => Ok(None),
        Some(v) if v.is(&ctx().none) => Ok(None),
        Some(v) => match string::as_str(v) {
            Some(s) => Ok(Some(s.into_owned())),
            None => Err(type_error(format!(
                "open() argument '{what}' must be str or None, not {}",
                typeobj::type_name(v)
            ))),
        },
    }
}

/// open(file, mode='r', buffering=-1, encoding=None, errors=None, newline=None,
/// closefd=True, opener=None)
pub fn open(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let a = args.clinic(
        "open",
        &[
            "file",
            "mode",
            "buffering",
            "encoding",
            "errors",
            "newline",
            "closefd",
            "opener",
        ],
        1,
    )?;
    let file = a[0].expect("required").clone();
    let mode_obj = match a[1] {
        Some(m) => {
            if string::view(m).is_none() {
                return Err(type_error(format!(
                    "open() argument 'mode' must be str, not {}",
                    typeobj::type_name(m)
                )));
            }
            m.clone()
        }
        None => string::intern_str("r"),
    };
    let mode_s = string::as_str(&mode_obj).unwrap_or_default().into_owned();
    let buffering = match a[2] {
        Some(b) => {
            if int::value(b).is_none() {
                return Err(type_error(format!(
                    "'{}' object cannot be interpreted as an integer",
                    typeobj::type_name(b)
                )));
            }
            as_ssize_t(b)?
        }
        None => -1,
    };
    let encoding = opt_str(a[3], "encoding")?;
    let errors = opt_str(a[4], "errors")?;
    let newline = opt_str(a[5], "newline")?;
    let closefd = match a[6] {
        Some(v) => vm.truthy(v)?,
        None => true,
    };
    if a[7].is_some_and(|o| !o.is(&ctx().none)) {
        return Err(exceptions::named(
            "NotImplementedError",
            "open(): opener is not supported by glasspy",
        ));
    }
    let m = parse_mode(&mode_s)?;
    if m.binary {
        if encoding.is_some() {
            return Err(value_error("binary mode doesn't take an encoding argument"));
        }
        if errors.is_some() {
            return Err(value_error("binary mode doesn't take an errors argument"));
        }
        if newline.is_some() {
            return Err(value_error("binary mode doesn't take a newline argument"));
        }
    }
    if !m.binary && buffering == 0 {
        return Err(value_error("can't have unbuffered text I/O"));
    }
    if let Some(nl) = &newline {
        if !matches!(nl.as_str(), "" | "\n" | "\r" | "\r\n") {
            return Err(value_error(format!("illegal newline value: {nl}")));
        }
    }
    let enc = match &encoding {
        Some(e) => Encoding::lookup(e).ok_or_else(|| codecs::unknown_encoding(e))?,
        None => Encoding::Utf8,
    };
    if int::value(&file).is_some() {
        return Err(exceptions::named(
            "NotImplementedError",
            "open(): file descriptors are not supported by glasspy",
        ));
    }
    if !closefd {
        return Err(value_error("Cannot use closefd=False with file name"));
    }
    let path = fs_path(vm, &file, "open")?;
    let name = fspath(vm, &file, "open")?;
    let mut oo = std::fs::OpenOptions::new();
    let readable = m.reading || m.updating;
    let writable = m.writing || m.appending || m.creating || m.updating;
    oo.read(readable);
    if m.writing {
        oo.write(true).create(true).truncate(true);
    } else if m.appending {
        oo.append(true).create(true);
    } else if m.creating {
        oo.write(true).create_new(true);
    } else if m.updating {
        oo.write(true);
    }
    let mut f = oo
        .open(&path)
        .map_err(|e| oserror::from_io(vm, &e, Some(file.clone()), None))?;
    if f.metadata().is_ok_and(|md| md.is_dir()) {
        return Err(oserror::os_error(vm, 21, Some(file.clone()), None));
    }
    if m.appending {
        let _ = f.seek(SeekFrom::End(0));
    }
    let t = types();
    let raw = PyObj::new(
        &t.file_io,
        FileIO {
            st: RefCell::new(RawState {
                raw: Some(Raw::File(f)),
                name,
                readable,
                writable,
                appending: m.appending,
                created: m.creating,
                closefd,
            }),
        },
    );
    let bty = if readable && writable {
        &t.buffered_random
    } else if readable {
        &t.buffered_reader
    } else {
        &t.buffered_writer
    };
    let buffer = PyObj::new(
        bty,
        Buffered {
            st: RefCell::new(BufState {
                raw,
                rbuf: Vec::new(),
                rpos: 0,
                wbuf: Vec::new(),
            }),
        },
    );
    if m.binary {
        return Ok(buffer);
    }
    let encoding_obj = match (&encoding, a[3]) {
        (Some(_), Some(e)) => e.clone(),
        _ => string::intern_str("UTF-8"),
    };
    let errors_obj = match (&errors, a[4]) {
        (Some(_), Some(e)) => e.clone(),
        _ => string::intern_str("strict"),
    };
    Ok(PyObj::new(
        &t.text_io,
        TextIO {
            st: RefCell::new(TextState {
                buffer: Some(buffer),
                std: Std::No,
                name: None,
                mode: Some(mode_obj),
                enc,
                encoding: encoding_obj,
                errors: errors_obj,
                newline,
                line_buffering: buffering == 1,
                closed: false,
                pending: Vec::new(),
            }),
        },
    ))
}

/// sys.stdin, sys.stdout and sys.stderr.
pub fn std_streams() -> [PyObj; 3] {
    let t = types();
    let text = |std: Std, name: &str, mode: &str, buffer: Option<PyObj>| {
        PyObj::new(
            &t.text_io,
            TextIO {
                st: RefCell::new(TextState {
                    buffer,
                    std,
                    name: Some(string::new(name)),
                    mode: Some(string::intern_str(mode)),
                    enc: Encoding::Utf8,
                    encoding: string::intern_str("utf-8"),
                    errors: string::intern_str(if std == Std::Err {
                        "backslashreplace"
                    } else {
                        "strict"
                    }),
                    newline: Some("\n".to_string()),
                    line_buffering: false,
                    closed: false,
                    pending: Vec::new(),
                }),
            },
        )
    };
    let raw_in = PyObj::new(
        &t.file_io,
        FileIO {
            st: RefCell::new(RawState {
                raw: Some(Raw::Stdin),
                name: string::new("<stdin>"),
                readable: true,
                writable: false,
                appending: false,
                created: false,
                closefd: false,
            }),
        },
    );
    let buf_in = PyObj::new(
        &t.buffered_reader,
        Buffered {
            st: RefCell::new(BufState {
                raw: raw_in,
                rbuf: Vec::new(),
                rpos: 0,
                wbuf: Vec::new(),
            }),
        },
    );
    [
        text(Std::No, "<stdin>", "r", Some(buf_in)),
        text(Std::Out, "<stdout>", "w", None),
        text(Std::Err, "<stderr>", "w", None),
    ]
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
    "fileno" => bin_fileno,
    "__enter__" => bin_enter,
    "__exit__" => bin_exit,
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

static NEW_STRINGIO: MethodDef = MethodDef {
    name: "StringIO",
    func: new_stringio,
};

/// Read-only properties whose getters are builtin functions.
fn add_properties(ty: &TypeRef, defs: &'static [MethodDef]) {
    let d = typeobj::type_dict(ty);
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

/// FileIO's and the buffered objects' slots.
const RAW_SLOTS: SlotTable = SlotTable {
    repr: Some(raw_repr),
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
        add_properties(ty, BUFFERED_PROPS);
    }
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
