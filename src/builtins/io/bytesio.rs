//! `_io.BytesIO`: an in-memory binary file (no getbuffer()).

use super::*;
use crate::objects::bytes;

pub(super) fn bio_state(o: &PyObj) -> VmResult<RefMut<'_, BytesState>> {
    let s = o
        .get::<BytesIO>()
        .ok_or_else(|| type_error("a BytesIO is required"))?
        .st
        .try_borrow_mut()
        .map_err(|_| busy())?;
    if s.closed {
        return Err(closed_error());
    }
    Ok(s)
}

/// BytesIO(initial_bytes=b'')
pub(super) fn new_bytesio(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let a = method_args(&args).clinic("BytesIO", &["initial_bytes"], 0)?;
    let buf = match a[0].filter(|v| !v.is(&ctx().none)) {
        Some(v) => need_bytes(v)?,
        None => Vec::new(),
    };
    Ok(PyObj::new(
        &types().bytes_io,
        BytesIO {
            st: RefCell::new(BytesState {
                buf,
                pos: 0,
                closed: false,
            }),
        },
    ))
}

/// Write bytes-like `v` at the position (zeros fill a gap past the end).
pub(super) fn bio_write_bytes(_vm: &mut Vm, o: &PyObj, v: &PyObj) -> VmResult<usize> {
    drop(bio_state(o)?);
    let data = need_bytes(v)?;
    let mut s = bio_state(o)?;
    let pos = s.pos;
    let end = pos + data.len();
    if end > s.buf.len() {
        s.buf.resize(end, 0);
    }
    s.buf[pos..end].copy_from_slice(&data);
    s.pos = end;
    Ok(data.len())
}

pub(super) fn bio_write(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    args.no_kw("write")?;
    let (o, rest) = split(&args);
    let [v] = rest.as_slice() else {
        return Err(type_error(format!(
            "BytesIO.write() takes exactly one argument ({} given)",
            rest.len()
        )));
    };
    let n = bio_write_bytes(vm, &o, v)?;
    Ok(int::new_i64(n as i64))
}

pub(super) fn bio_writelines(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    if let Some(o) = args.all.first() {
        drop(bio_state(o)?);
    }
    writelines_with(vm, &args, bio_write_bytes)
}

pub(super) fn bio_getvalue(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    no_args(&args, "getvalue")?;
    let (o, _) = split(&args);
    let s = bio_state(&o)?;
    Ok(bytes::new(&s.buf))
}

/// read(size=-1) and read1(size=-1)
pub(super) fn bio_read(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let (o, _) = split(&args);
    let a = method_args(&args).clinic("read", &["size"], 0)?;
    let size = size_arg(a[0])?;
    let mut s = bio_state(&o)?;
    let start = s.pos.min(s.buf.len());
    let end = size.map_or(s.buf.len(), |n| start.saturating_add(n).min(s.buf.len()));
    s.pos = end.max(s.pos);
    Ok(bytes::new(&s.buf[start..end]))
}

pub(super) fn bio_readinto(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    args.no_kw("readinto")?;
    let (o, rest) = split(&args);
    let [b] = rest.as_slice() else {
        return Err(type_error(format!(
            "BytesIO.readinto() takes exactly one argument ({} given)",
            rest.len()
        )));
    };
    let target = write_target(b, "readinto")?;
    let data = {
        let mut s = bio_state(&o)?;
        let start = s.pos.min(s.buf.len());
        let end = start.saturating_add(target.2).min(s.buf.len());
        s.pos = end.max(s.pos);
        s.buf[start..end].to_vec()
    };
    fill_target(&target, &data)?;
    Ok(int::new_i64(data.len() as i64))
}

pub(super) fn bio_line(_vm: &mut Vm, o: &PyObj, limit: Option<usize>) -> VmResult<PyObj> {
    let mut s = bio_state(o)?;
    let start = s.pos.min(s.buf.len());
    let stop = limit.map_or(s.buf.len(), |l| start.saturating_add(l).min(s.buf.len()));
    let end = s.buf[start..stop]
        .iter()
        .position(|&b| b == b'\n')
        .map_or(stop, |i| start + i + 1);
    s.pos = end.max(s.pos);
    Ok(bytes::new(&s.buf[start..end]))
}

pub(super) fn bio_readline(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let (o, _) = split(&args);
    let a = method_args(&args).clinic("readline", &["size"], 0)?;
    bio_line(vm, &o, size_arg(a[0])?)
}

pub(super) fn bio_readlines(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let (o, _) = split(&args);
    drop(bio_state(&o)?);
    readlines_bytes(vm, &o, &args, bio_line)
}

pub(super) fn bio_next(rt: &mut dyn Runtime, o: &PyObj) -> VmResult<Option<PyObj>> {
    let vm = Vm::of(rt);
    let l = bio_line(vm, o, None)?;
    Ok((bytes::data(&l).is_some_and(|d| !d.is_empty())).then_some(l))
}

/// iter(BytesIO): itself, closed or not (next() checks).
pub(super) fn bio_iter(_rt: &mut dyn Runtime, o: &PyObj) -> VmResult<PyObj> {
    Ok(o.clone())
}

/// seek(pos, whence=0): relative seeks stop at 0.
pub(super) fn bio_seek(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    args.no_kw("seek")?;
    let (o, rest) = split(&args);
    crate::objects::args::check_positional("seek", rest.len(), 1, 2)?;
    let pos = as_ssize_t(&rest[0])?;
    let whence = match rest.get(1) {
        Some(w) => crate::objects::args::as_c_int(w)?,
        None => 0,
    };
    let mut s = bio_state(&o)?;
    let base = match whence {
        0 if pos < 0 => return Err(value_error(format!("negative seek value {pos}"))),
        0 => 0,
        1 => s.pos as i64,
        2 => s.buf.len() as i64,
        w => {
            return Err(value_error(format!(
                "invalid whence ({w}, should be 0, 1 or 2)"
            )))
        }
    };
    s.pos = base.saturating_add(pos).max(0) as usize;
    Ok(int::new_i64(s.pos as i64))
}

pub(super) fn bio_tell(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    no_args(&args, "tell")?;
    let (o, _) = split(&args);
    let p = bio_state(&o)?.pos;
    Ok(int::new_i64(p as i64))
}

/// truncate(size=None): the position does not move.
pub(super) fn bio_truncate(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let (o, _) = split(&args);
    let a = method_args(&args).clinic("truncate", &["size"], 0)?;
    let mut s = bio_state(&o)?;
    let size = match a[0].filter(|v| !v.is(&ctx().none)) {
        Some(v) => {
            let n = as_ssize_t(v)?;
            if n < 0 {
                return Err(value_error(format!("negative size value {n}")));
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

pub(super) fn bio_close(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let (o, _) = split(&args);
    if let Some(x) = o.get::<BytesIO>() {
        let mut s = x.st.try_borrow_mut().map_err(|_| busy())?;
        s.closed = true;
        s.buf = Vec::new();
    }
    Ok(none())
}

pub(super) fn bio_true(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let (o, _) = split(&args);
    bio_state(&o)?;
    Ok(bool_obj(true))
}

pub(super) fn bio_isatty(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let (o, _) = split(&args);
    bio_state(&o)?;
    Ok(bool_obj(false))
}

pub(super) fn bio_flush(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let (o, _) = split(&args);
    bio_state(&o)?;
    Ok(none())
}

pub(super) fn bio_enter(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let (o, _) = split(&args);
    bio_state(&o)?;
    Ok(o)
}

pub(super) fn bio_exit(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let (o, _) = split(&args);
    bio_close(rt, Args::positional(&[o]))
}

pub(super) fn bio_closed(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let o = args.one("closed")?;
    let closed = o
        .get::<BytesIO>()
        .and_then(|x| x.st.try_borrow().ok().map(|s| s.closed))
        .unwrap_or(true);
    Ok(bool_obj(closed))
}
