//! `_io.FileIO` and the buffered objects as Python sees them (what works without
//! bytes: names, modes, closing, flags).

use super::*;

// ----- FileIO and buffered objects: what works without bytes ------------------------

pub(super) fn raw_repr(rt: &mut dyn Runtime, o: &PyObj) -> VmResult<String> {
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

pub(super) fn file_mode(s: &RawState) -> &'static str {
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
pub(super) fn raw_obj(o: &PyObj) -> VmResult<PyObj> {
    if o.is_a::<FileIO>() {
        return Ok(o.clone());
    }
    Ok(buf_state(o)?.raw.clone())
}

pub(super) fn bin_closed(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let o = args.one("closed")?;
    Ok(bool_obj(is_closed_raw(&raw_obj(o)?)))
}

pub(super) fn bin_name(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let o = args.one("name")?;
    let raw = raw_obj(o)?;
    let n = raw_state(&raw)?.name.clone();
    Ok(n)
}

pub(super) fn bin_mode(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let o = args.one("mode")?;
    let raw = raw_obj(o)?;
    let m = {
        let r = raw_state(&raw)?;
        file_mode(&r)
    };
    Ok(string::new(m))
}

pub(super) fn bin_raw(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let o = args.one("raw")?;
    raw_obj(o)
}

pub(super) fn bin_close(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
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

pub(super) fn bin_flush(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
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

pub(super) fn bin_enter(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let (o, _) = split(&args);
    if is_closed_raw(&raw_obj(&o)?) {
        return Err(closed_error());
    }
    Ok(o)
}

pub(super) fn bin_exit(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let (o, _) = split(&args);
    bin_close(rt, Args::positional(&[o]))
}

pub(super) fn bin_flags(o: &PyObj) -> VmResult<(bool, bool)> {
    let raw = raw_obj(o)?;
    let r = raw_state(&raw)?;
    if r.raw.is_none() {
        return Err(closed_error());
    }
    Ok((r.readable, r.writable))
}

pub(super) fn bin_readable(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let (o, _) = split(&args);
    Ok(bool_obj(bin_flags(&o)?.0))
}

pub(super) fn bin_writable(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let (o, _) = split(&args);
    Ok(bool_obj(bin_flags(&o)?.1))
}

pub(super) fn bin_fileno(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
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
