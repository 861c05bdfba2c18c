//! `_io.FileIO` and the buffered objects as Python sees them: repr, names, modes,
//! closing, flags (their byte methods are in bufio.rs).

use super::*;

// ----- FileIO and buffered objects: attributes and closing ---------------------------

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

/// readable() / writable(): a buffered object answers False for what its kind lacks
/// without asking whether it is closed; a FileIO asks first.
fn bin_flag(o: &PyObj, want_write: bool) -> VmResult<bool> {
    let raw = raw_obj(o)?;
    let r = raw_state(&raw)?;
    let flag = if want_write { r.writable } else { r.readable };
    if !flag && o.is_a::<Buffered>() {
        return Ok(false);
    }
    if r.raw.is_none() {
        return Err(closed_error_raw());
    }
    Ok(flag)
}

pub(super) fn bin_readable(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    no_args(&args, "readable")?;
    let (o, _) = split(&args);
    Ok(bool_obj(bin_flag(&o, false)?))
}

pub(super) fn bin_writable(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    no_args(&args, "writable")?;
    let (o, _) = split(&args);
    Ok(bool_obj(bin_flag(&o, true)?))
}

pub(super) fn bin_fileno(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let (o, _) = split(&args);
    let raw = raw_obj(&o)?;
    let r = raw_state(&raw)?;
    match &r.raw {
        Some(raw) => Ok(int::new_i64(raw.fileno())),
        None => Err(closed_error_raw()),
    }
}
