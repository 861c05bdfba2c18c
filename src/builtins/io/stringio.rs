//! `_io.StringIO`: an in-memory text file.

use super::*;

// ----- StringIO ---------------------------------------------------------------------

pub(super) fn sio_state(o: &PyObj) -> VmResult<RefMut<'_, StrState>> {
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
pub(super) fn new_stringio(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
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

pub(super) fn sio_write_str(_vm: &mut Vm, o: &PyObj, v: &PyObj) -> VmResult<usize> {
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

pub(super) fn sio_write(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
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

pub(super) fn sio_writelines(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    if let Some(o) = args.all.first() {
        drop(sio_state(o)?);
    }
    writelines_with(vm, &args, sio_write_str)
}

pub(super) fn sio_getvalue(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let (o, _) = split(&args);
    let s = sio_state(&o)?;
    str_from(&s.buf)
}

pub(super) fn sio_read(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let (o, _) = split(&args);
    let a = method_args(&args).clinic("read", &["size"], 0)?;
    let size = size_arg(a[0])?;
    let mut s = sio_state(&o)?;
    let start = s.pos.min(s.buf.len());
    let end = size.map_or(s.buf.len(), |n| (start + n).min(s.buf.len()));
    s.pos = end.max(s.pos);
    str_from(&s.buf[start..end])
}

pub(super) fn sio_line(o: &PyObj, limit: Option<usize>) -> VmResult<PyObj> {
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

pub(super) fn sio_readline(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let (o, _) = split(&args);
    let a = method_args(&args).clinic("readline", &["size"], 0)?;
    sio_line(&o, size_arg(a[0])?)
}

pub(super) fn sio_next_line(_vm: &mut Vm, o: &PyObj) -> VmResult<PyObj> {
    sio_line(o, None)
}

pub(super) fn sio_readlines(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let o = args.pos()[0].clone();
    readlines_with(vm, &o, &args, sio_next_line)
}

pub(super) fn sio_next(_rt: &mut dyn Runtime, o: &PyObj) -> VmResult<Option<PyObj>> {
    let l = sio_line(o, None)?;
    Ok((string::len(&l).unwrap_or(0) > 0).then_some(l))
}

pub(super) fn sio_iter(_rt: &mut dyn Runtime, o: &PyObj) -> VmResult<PyObj> {
    sio_state(o)?;
    Ok(o.clone())
}

pub(super) fn sio_seek(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
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

pub(super) fn sio_tell(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let (o, _) = split(&args);
    let p = sio_state(&o)?.pos;
    Ok(int::new_i64(p as i64))
}

pub(super) fn sio_truncate(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
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

pub(super) fn sio_close(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let (o, _) = split(&args);
    if let Some(x) = o.get::<StringIO>() {
        let mut s = x.st.try_borrow_mut().map_err(|_| busy())?;
        s.closed = true;
        s.buf = Vec::new();
    }
    Ok(none())
}

pub(super) fn sio_true(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let (o, _) = split(&args);
    sio_state(&o)?;
    Ok(bool_obj(true))
}

pub(super) fn sio_flush(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let (o, _) = split(&args);
    sio_state(&o)?;
    Ok(none())
}

pub(super) fn sio_enter(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let (o, _) = split(&args);
    sio_state(&o)?;
    Ok(o)
}

pub(super) fn sio_exit(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let (o, _) = split(&args);
    sio_close(rt, Args::positional(&[o]))
}

pub(super) fn sio_closed(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let o = args.one("closed")?;
    let closed = o
        .get::<StringIO>()
        .and_then(|x| x.st.try_borrow().ok().map(|s| s.closed))
        .unwrap_or(true);
    Ok(bool_obj(closed))
}
