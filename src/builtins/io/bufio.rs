//! The byte methods of the buffered objects (`_io.BufferedReader` / `BufferedWriter`
//! / `BufferedRandom`) and of `_io.FileIO`, with CPython's messages and its order of
//! checks: the argument, then the operation the object lacks (io.UnsupportedOperation),
//! then the closed file. sys.stdout.buffer writes through the VM's output buffer.

use super::*;
use crate::objects::memoryview::{self, MemoryView};
use crate::objects::{buffer, bytes};

// ----- shared helpers ----------------------------------------------------------------

/// The raw flags of a FileIO or buffered object: (readable, writable, closed).
fn caps(o: &PyObj) -> VmResult<(bool, bool, bool)> {
    let raw = raw_obj(o)?;
    let r = raw_state(&raw)?;
    Ok((r.readable, r.writable, r.raw.is_none()))
}

/// Which standard stream a FileIO writes to (None: a file).
fn std_of(raw: &PyObj) -> Std {
    match raw_state(raw).ok().as_deref().and_then(|r| r.raw.as_ref()) {
        Some(Raw::Stdout) => Std::Out,
        Some(Raw::Stderr) => Std::Err,
        _ => Std::No,
    }
}

/// A bytes-like argument's bytes.
pub(super) fn need_bytes(o: &PyObj) -> VmResult<Vec<u8>> {
    match buffer::to_vec(o) {
        Some(r) => Ok(r?),
        None => Err(type_error(format!(
            "a bytes-like object is required, not '{}'",
            typeobj::type_name(o)
        ))),
    }
}

/// The writable target of readinto: (exporter, start, length).
pub(super) fn write_target(o: &PyObj, fname: &str) -> VmResult<(PyObj, usize, usize)> {
    let not_writable = || {
        type_error(format!(
            "{fname}() argument must be read-write bytes-like object, not {}",
            typeobj::type_name(o)
        ))
    };
    if o.is_a::<MemoryView>() {
        let ro = memoryview::borrow(o).map(|v| v.readonly).unwrap_or(true);
        let (exp, start, n, stride, f) = memoryview::geometry(o)?;
        if ro {
            return Err(not_writable());
        }
        let k = f.itemsize();
        if stride != k as isize && n > 1 {
            return Err(type_error(
                "memoryview: underlying buffer is not C-contiguous",
            ));
        }
        return Ok((exp, start, n * k));
    }
    match buffer::exporter_info(o) {
        Some(Ok((_, false, len))) => Ok((o.clone(), 0, len)),
        Some(Err(e)) => Err(e.into()),
        _ => Err(not_writable()),
    }
}

/// Copy `data` into a target from `write_target`.
pub(super) fn fill_target(target: &(PyObj, usize, usize), data: &[u8]) -> VmResult<()> {
    let (exp, start, len) = target;
    let n = data.len().min(*len);
    buffer::with_export_mut(exp, |d| {
        if let Some(dst) = d.get_mut(*start..*start + n) {
            dst.copy_from_slice(&data[..n]);
        }
    })?;
    Ok(())
}

/// read()'s size: None or -1 for everything; below -1 a ValueError.
fn read_size(o: Option<&PyObj>) -> VmResult<Option<usize>> {
    match o {
        Some(v) if !v.is(&ctx().none) => {
            if int::value(v).is_none() {
                return Err(type_error(format!(
                    "argument should be integer or None, not '{}'",
                    typeobj::type_name(v)
                )));
            }
            match as_ssize_t(v)? {
                -1 => Ok(None),
                n if n < 0 => Err(value_error("read length must be non-negative or -1")),
                n => Ok(Some(n as usize)),
            }
        }
        _ => Ok(None),
    }
}

fn einval() -> std::io::Error {
    std::io::Error::from_raw_os_error(22)
}

/// "X.write() takes exactly one argument (n given)".
fn one_arg(args: &Args<'_>, o: &PyObj, what: &str) -> VmResult<PyObj> {
    args.no_kw(what)?;
    let rest = &args.pos()[1..];
    match rest {
        [v] => Ok(v.clone()),
        _ => {
            let tn = typeobj::type_name(o);
            let tn = tn.strip_prefix("_io.").unwrap_or(&tn);
            Err(type_error(format!(
                "{tn}.{what}() takes exactly one argument ({} given)",
                rest.len()
            )))
        }
    }
}

/// seek()'s arguments: (offset, whence).
fn seek_args(args: &Args<'_>) -> VmResult<(i64, i32)> {
    args.no_kw("seek")?;
    let rest = &args.pos()[1..];
    crate::objects::args::check_positional("seek", rest.len(), 1, 2)?;
    let whence = match rest.get(1) {
        Some(w) => crate::objects::args::as_c_int(w)?,
        None => 0,
    };
    Ok((as_ssize_t(&rest[0])?, whence))
}

fn seek_from(pos: i64, whence: i32) -> std::io::Result<SeekFrom> {
    match whence {
        0 if pos < 0 => Err(einval()),
        0 => Ok(SeekFrom::Start(pos as u64)),
        1 => Ok(SeekFrom::Current(pos)),
        2 => Ok(SeekFrom::End(pos)),
        _ => Err(einval()),
    }
}

/// truncate()'s size (None: the current position).
fn truncate_size(o: Option<&PyObj>) -> VmResult<Option<i64>> {
    match o {
        Some(v) if !v.is(&ctx().none) => Ok(Some(as_ssize_t(v)?)),
        _ => Ok(None),
    }
}

fn set_len(raw: &PyObj, size: i64) -> std::io::Result<()> {
    if size < 0 {
        return Err(einval());
    }
    let r = raw_state(raw).map_err(|_| std::io::Error::other("busy"))?;
    match &r.raw {
        Some(Raw::File(f)) => f.set_len(size as u64),
        _ => Err(einval()),
    }
}

/// readlines(hint=-1) over a line reader of bytes.
pub(super) fn readlines_bytes(
    vm: &mut Vm,
    o: &PyObj,
    args: &Args<'_>,
    line: fn(&mut Vm, &PyObj, Option<usize>) -> VmResult<PyObj>,
) -> VmResult<PyObj> {
    let a = method_args(args).clinic("readlines", &["hint"], 0)?;
    let hint = size_arg(a[0])?.filter(|h| *h > 0);
    let mut lines = Vec::new();
    let mut total = 0;
    loop {
        let l = line(vm, o, None)?;
        let n = bytes::data(&l).map_or(0, <[u8]>::len);
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

// ----- the buffered layer at the byte level --------------------------------------------

fn avail(s: &BufState) -> usize {
    s.rbuf.len() - s.rpos
}

/// Take `n` bytes (at most what is buffered).
fn take(s: &mut BufState, n: usize) -> Vec<u8> {
    let end = s.rpos + n.min(avail(s));
    let out = s.rbuf[s.rpos..end].to_vec();
    s.rpos = end;
    out
}

/// Up to `n` bytes, reading until there are `n` or the file ends.
fn read_n_buf(s: &mut BufState, n: usize) -> std::io::Result<Vec<u8>> {
    flush_buf(s)?;
    while avail(s) < n {
        if fill_buf(s)? == 0 {
            break;
        }
    }
    Ok(take(s, n))
}

/// What is buffered, or one read of the file when nothing is.
fn read1_buf(s: &mut BufState, n: usize) -> std::io::Result<Vec<u8>> {
    flush_buf(s)?;
    if avail(s) == 0 && n > 0 {
        fill_buf(s)?;
    }
    Ok(take(s, n))
}

/// One line (up to and including b'\n'), at most `limit` bytes.
fn readline_buf(s: &mut BufState, limit: Option<usize>) -> std::io::Result<Vec<u8>> {
    flush_buf(s)?;
    let mut scanned = 0;
    let end = loop {
        let here = &s.rbuf[s.rpos..];
        let cap = limit.map_or(here.len(), |l| l.min(here.len()));
        if let Some(i) = here[scanned..cap].iter().position(|&b| b == b'\n') {
            break scanned + i + 1;
        }
        if let Some(l) = limit.filter(|l| here.len() >= *l) {
            break l;
        }
        scanned = cap;
        if fill_buf(s)? == 0 {
            break avail(s);
        }
    };
    Ok(take(s, end))
}

// ----- the buffered objects' methods ----------------------------------------------------

/// A buffered object that can read and is open; `what` names the operation for
/// io.UnsupportedOperation, `closed` is the message for a closed file.
fn check_read(vm: &mut Vm, o: &PyObj, what: &str, closed: &str) -> VmResult<()> {
    let (readable, _, is_closed) = caps(o)?;
    if !readable {
        return Err(unsupported(vm, what));
    }
    if is_closed {
        return Err(value_error(closed));
    }
    Ok(())
}

fn io_result<T>(vm: &mut Vm, r: std::io::Result<T>) -> VmResult<T> {
    r.map_err(|e| io_err(vm, &e))
}

/// BufferedReader.read(size=-1)
pub(super) fn buf_read(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let (o, _) = split(&args);
    let a = method_args(&args).clinic("read", &["size"], 0)?;
    let size = read_size(a[0])?;
    check_read(vm, &o, "read", "read of closed file")?;
    let mut bs = buf_state(&o)?;
    let r = match size {
        None => read_all_buf(&mut bs),
        Some(n) => read_n_buf(&mut bs, n),
    };
    drop(bs);
    Ok(bytes::new(&io_result(vm, r)?))
}

/// BufferedReader.read1(size=-1)
pub(super) fn buf_read1(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let (o, _) = split(&args);
    let a = method_args(&args).clinic("read1", &["size"], 0)?;
    let n = match a[0] {
        Some(v) => as_ssize_t(v)?,
        None => -1,
    };
    check_read(vm, &o, "read1", "read of closed file")?;
    let n = if n < 0 { BUFFER_SIZE } else { n as usize };
    let mut bs = buf_state(&o)?;
    let r = read1_buf(&mut bs, n);
    drop(bs);
    Ok(bytes::new(&io_result(vm, r)?))
}

/// BufferedReader.peek(size=0): the buffered bytes, reading once if there are none.
pub(super) fn buf_peek(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let (o, _) = split(&args);
    let a = method_args(&args).clinic("peek", &["size"], 0)?;
    if let Some(v) = a[0] {
        as_ssize_t(v)?;
    }
    check_read(vm, &o, "peek", "peek of closed file")?;
    let mut bs = buf_state(&o)?;
    let r = flush_buf(&mut bs).and_then(|_| {
        if avail(&bs) == 0 {
            fill_buf(&mut bs)?;
        }
        Ok(bs.rbuf[bs.rpos..].to_vec())
    });
    drop(bs);
    Ok(bytes::new(&io_result(vm, r)?))
}

fn buf_readinto_with(rt: &mut dyn Runtime, args: Args<'_>, one: bool) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let fname = if one { "readinto1" } else { "readinto" };
    let (o, _) = split(&args);
    let b = one_arg(&args, &o, fname)?;
    let target = write_target(&b, fname)?;
    check_read(vm, &o, "read", "readinto of closed file")?;
    let mut bs = buf_state(&o)?;
    let r = if one {
        read1_buf(&mut bs, target.2)
    } else {
        read_n_buf(&mut bs, target.2)
    };
    drop(bs);
    let data = io_result(vm, r)?;
    fill_target(&target, &data)?;
    Ok(int::new_i64(data.len() as i64))
}

/// BufferedReader.readinto(b)
pub(super) fn buf_readinto(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    buf_readinto_with(rt, args, false)
}

/// BufferedReader.readinto1(b)
pub(super) fn buf_readinto1(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    buf_readinto_with(rt, args, true)
}

/// One line of a buffered object or FileIO, as bytes.
pub(super) fn bin_line(vm: &mut Vm, o: &PyObj, limit: Option<usize>) -> VmResult<PyObj> {
    if o.is_a::<FileIO>() {
        return fio_line(vm, o, limit);
    }
    check_read(vm, o, "read", "readline of closed file")?;
    let mut bs = buf_state(o)?;
    let r = readline_buf(&mut bs, limit);
    drop(bs);
    Ok(bytes::new(&io_result(vm, r)?))
}

/// readline(size=-1)
pub(super) fn bin_readline(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let (o, _) = split(&args);
    let a = method_args(&args).clinic("readline", &["size"], 0)?;
    let limit = size_arg(a[0])?;
    bin_line(vm, &o, limit)
}

/// The closed check of IOBase's own methods (readlines, writelines, iteration).
fn check_open_bin(o: &PyObj) -> VmResult<()> {
    if caps(o)?.2 {
        return Err(closed_error());
    }
    Ok(())
}

/// readlines(hint=-1)
pub(super) fn bin_readlines(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let (o, _) = split(&args);
    check_open_bin(&o)?;
    readlines_bytes(vm, &o, &args, bin_line)
}

pub(super) fn bin_iter(_rt: &mut dyn Runtime, o: &PyObj) -> VmResult<PyObj> {
    check_open_bin(o)?;
    Ok(o.clone())
}

pub(super) fn bin_next(rt: &mut dyn Runtime, o: &PyObj) -> VmResult<Option<PyObj>> {
    let vm = Vm::of(rt);
    check_open_bin(o)?;
    let l = bin_line(vm, o, None)?;
    Ok((bytes::data(&l).is_some_and(|d| !d.is_empty())).then_some(l))
}

/// Write bytes-like `v` to a buffered object or FileIO; the number of bytes.
fn write_bin(vm: &mut Vm, o: &PyObj, v: &PyObj) -> VmResult<usize> {
    let (_, writable, closed) = caps(o)?;
    let is_raw = o.is_a::<FileIO>();
    if !writable && !is_raw {
        return Err(unsupported(vm, "write"));
    }
    let data = need_bytes(v)?;
    if closed {
        return Err(if is_raw {
            closed_error_raw()
        } else {
            value_error("write to closed file")
        });
    }
    if !writable {
        return Err(unsupported(vm, "File not open for writing"));
    }
    let raw = raw_obj(o)?;
    match std_of(&raw) {
        Std::Out => vm.write_stdout_bytes(&data),
        Std::Err => {
            let mut err = std::io::stderr().lock();
            let _ = err.write_all(&data);
        }
        Std::No if is_raw => io_result(vm, raw_write_all(&raw, &data))?,
        Std::No => {
            let mut bs = buf_state(o)?;
            let r = write_buf(&mut bs, &data);
            drop(bs);
            io_result(vm, r)?;
        }
    }
    Ok(data.len())
}

/// write(b)
pub(super) fn bin_write(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let (o, _) = split(&args);
    let v = one_arg(&args, &o, "write")?;
    let n = write_bin(vm, &o, &v)?;
    Ok(int::new_i64(n as i64))
}

/// writelines(lines)
pub(super) fn bin_writelines(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    if let Some(o) = args.all.first() {
        check_open_bin(o)?;
    }
    writelines_with(vm, &args, write_bin)
}

/// seek(target, whence=0)
pub(super) fn bin_seek(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let (o, _) = split(&args);
    let (pos, whence) = seek_args(&args)?;
    let is_raw = o.is_a::<FileIO>();
    if !is_raw && !(0..=2).contains(&whence) {
        return Err(value_error(format!("whence value {whence} unsupported")));
    }
    if caps(&o)?.2 {
        return Err(if is_raw {
            closed_error_raw()
        } else {
            value_error("seek of closed file")
        });
    }
    let r = seek_from(pos, whence).and_then(|to| {
        if is_raw {
            raw_seek(&o, to)
        } else {
            let mut bs = buf_state(&o).map_err(|_| std::io::Error::other("busy"))?;
            seek_buf(&mut bs, to)
        }
    });
    let p = io_result(vm, r)?;
    Ok(int::new_i64(p as i64))
}

/// tell()
pub(super) fn bin_tell(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    no_args(&args, "tell")?;
    let (o, _) = split(&args);
    if caps(&o)?.2 {
        return Err(closed_error_raw());
    }
    let r = if o.is_a::<FileIO>() {
        raw_seek(&o, SeekFrom::Current(0))
    } else {
        let mut bs = buf_state(&o)?;
        tell_buf(&mut bs)
    };
    let p = io_result(vm, r)?;
    Ok(int::new_i64(p as i64))
}

/// truncate(pos=None): the file's new size; the position does not move.
pub(super) fn bin_truncate(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let (o, _) = split(&args);
    let a = method_args(&args).clinic("truncate", &["pos"], 0)?;
    let size = truncate_size(a[0])?;
    let (_, writable, closed) = caps(&o)?;
    let is_raw = o.is_a::<FileIO>();
    if closed {
        return Err(if is_raw {
            closed_error_raw()
        } else {
            value_error("truncate of closed file")
        });
    }
    if !writable {
        let msg = if is_raw {
            "File not open for writing"
        } else {
            "truncate"
        };
        return Err(unsupported(vm, msg));
    }
    let raw = raw_obj(&o)?;
    let r = if is_raw {
        raw_seek(&raw, SeekFrom::Current(0))
            .and_then(|here| set_len(&raw, size.unwrap_or(here as i64)).map(|_| ()))
    } else {
        let mut bs = buf_state(&o)?;
        tell_buf(&mut bs).and_then(|here| {
            drop_read_ahead(&mut bs)?;
            set_len(&raw, size.unwrap_or(here as i64))
        })
    };
    io_result(vm, r)?;
    let size = match size {
        Some(s) => s,
        None => {
            let r = raw_seek(&raw, SeekFrom::Current(0));
            io_result(vm, r)? as i64
        }
    };
    Ok(int::new_i64(size))
}

/// seekable()
pub(super) fn bin_seekable(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    no_args(&args, "seekable")?;
    let (o, _) = split(&args);
    let raw = raw_obj(&o)?;
    if is_closed_raw(&raw) {
        return Err(closed_error_raw());
    }
    Ok(bool_obj(raw_seek(&raw, SeekFrom::Current(0)).is_ok()))
}

/// isatty()
pub(super) fn bin_isatty(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    no_args(&args, "isatty")?;
    let (o, _) = split(&args);
    let raw = raw_obj(&o)?;
    let r = raw_state(&raw)?;
    match &r.raw {
        Some(x) => Ok(bool_obj(x.isatty())),
        None => Err(closed_error_raw()),
    }
}

// ----- FileIO's own methods ---------------------------------------------------------------

/// A FileIO that can read and is open.
fn fio_check_read(vm: &mut Vm, o: &PyObj) -> VmResult<()> {
    let (readable, _, closed) = caps(o)?;
    if closed {
        return Err(closed_error_raw());
    }
    if !readable {
        return Err(unsupported(vm, "File not open for reading"));
    }
    Ok(())
}

fn raw_read_all(raw: &PyObj) -> std::io::Result<Vec<u8>> {
    let mut out = Vec::new();
    let mut chunk = vec![0u8; BUFFER_SIZE];
    loop {
        let n = raw_read(raw, &mut chunk)?;
        if n == 0 {
            return Ok(out);
        }
        out.extend_from_slice(&chunk[..n]);
    }
}

/// One read of at most `n` bytes.
fn raw_read_n(raw: &PyObj, n: usize) -> std::io::Result<Vec<u8>> {
    let mut buf = vec![0u8; n];
    let got = raw_read(raw, &mut buf)?;
    buf.truncate(got);
    Ok(buf)
}

/// FileIO.read(size=-1): one read of the file (everything for -1).
pub(super) fn fio_read(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let (o, _) = split(&args);
    let a = method_args(&args).clinic("read", &["size"], 0)?;
    let size = size_arg(a[0])?;
    fio_check_read(vm, &o)?;
    let r = match size {
        None => raw_read_all(&o),
        Some(n) => raw_read_n(&o, n),
    };
    Ok(bytes::new(&io_result(vm, r)?))
}

/// FileIO.readall()
pub(super) fn fio_readall(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    no_args(&args, "readall")?;
    let (o, _) = split(&args);
    fio_check_read(vm, &o)?;
    let r = raw_read_all(&o);
    Ok(bytes::new(&io_result(vm, r)?))
}

/// FileIO.readinto(b)
pub(super) fn fio_readinto(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let (o, _) = split(&args);
    let b = one_arg(&args, &o, "readinto")?;
    let target = write_target(&b, "readinto")?;
    fio_check_read(vm, &o)?;
    let r = raw_read_n(&o, target.2);
    let data = io_result(vm, r)?;
    fill_target(&target, &data)?;
    Ok(int::new_i64(data.len() as i64))
}

/// IOBase.readline for a FileIO: a byte at a time, as CPython's reads.
fn fio_line(vm: &mut Vm, o: &PyObj, limit: Option<usize>) -> VmResult<PyObj> {
    fio_check_read(vm, o)?;
    let mut out = Vec::new();
    let mut b = [0u8; 1];
    while limit.is_none_or(|l| out.len() < l) {
        let r = raw_read(o, &mut b);
        if io_result(vm, r)? == 0 {
            break;
        }
        out.push(b[0]);
        if b[0] == b'\n' {
            break;
        }
    }
    Ok(bytes::new(&out))
}

/// FileIO.closefd
pub(super) fn fio_closefd(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let o = args.one("closefd")?;
    Ok(bool_obj(raw_state(o)?.closefd))
}

/// flush() of a buffered object: what is written reaches the file.
pub(super) fn bin_flush(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let (o, _) = split(&args);
    let (_, writable, closed) = caps(&o)?;
    if closed {
        return Err(if writable && o.is_a::<Buffered>() {
            value_error("flush of closed file")
        } else {
            closed_error()
        });
    }
    if o.is_a::<Buffered>() {
        let raw = raw_obj(&o)?;
        if std_of(&raw) == Std::Out {
            vm.flush_stdout_buffer();
            return Ok(none());
        }
        let mut bs = buf_state(&o)?;
        let r = flush_buf(&mut bs);
        drop(bs);
        io_result(vm, r)?;
    }
    Ok(none())
}
