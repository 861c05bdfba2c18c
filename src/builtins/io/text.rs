//! The text layer (`_io.TextIOWrapper`): decoding, newline translation, its methods
//! and attributes.

use super::*;

// ----- the text layer ---------------------------------------------------------------

pub(super) fn text(o: &PyObj) -> VmResult<&TextIO> {
    o.get::<TextIO>().ok_or_else(|| {
        type_error(format!(
            "descriptor requires a '_io.TextIOWrapper' object but received a '{}'",
            typeobj::type_name(o)
        ))
    })
}

pub(super) fn text_state(o: &PyObj) -> VmResult<RefMut<'_, TextState>> {
    text(o)?.st.try_borrow_mut().map_err(|_| busy())
}

pub(super) fn text_closed(s: &TextState) -> bool {
    match &s.buffer {
        Some(b) => b
            .get::<Buffered>()
            .and_then(|b| b.st.try_borrow().ok().map(|x| is_closed_raw(&x.raw)))
            .unwrap_or(true),
        None => s.closed,
    }
}

pub(super) fn check_open(s: &TextState) -> VmResult<()> {
    if text_closed(s) {
        return Err(closed_error());
    }
    Ok(())
}

pub(super) fn raw_flags(s: &TextState) -> (bool, bool) {
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
pub(super) fn next_char(s: &mut TextState, b: &mut BufState) -> VmResult<Option<u32>> {
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
pub(super) fn peek_byte(b: &mut BufState) -> Option<u8> {
    if b.rpos >= b.rbuf.len() && fill_buf(b).unwrap_or(0) == 0 {
        return None;
    }
    b.rbuf.get(b.rpos).copied()
}

/// Read characters up to and including a line end (or `limit` characters).
pub(super) fn read_line_chars(
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

pub(super) fn str_from(chars: &[u32]) -> VmResult<PyObj> {
    if chars.is_empty() {
        return Ok(ctx().empty_str.clone());
    }
    string::from_buf(&StrBuf::from_code_points(chars)).ok_or_else(exceptions::memory_error)
}

/// Universal-newline translation of decoded text.
pub(super) fn translate_newlines(chars: Vec<u32>) -> Vec<u32> {
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
pub(super) fn reading<'a>(vm: &mut Vm, s: &'a TextState) -> VmResult<&'a PyObj> {
    check_open(s)?;
    let (readable, _) = raw_flags(s);
    match &s.buffer {
        Some(b) if readable => Ok(b),
        _ => Err(unsupported(vm, "not readable")),
    }
}

pub(super) fn buf_state(b: &PyObj) -> VmResult<RefMut<'_, BufState>> {
    b.get::<Buffered>()
        .ok_or_else(|| wrong_self(b, "_io.BufferedReader"))?
        .st
        .try_borrow_mut()
        .map_err(|_| busy())
}

/// TypeError unless a method got no arguments besides `self`.
pub(super) fn no_args(args: &Args<'_>, qualname: &str) -> VmResult<()> {
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
pub(super) fn split(args: &Args<'_>) -> (PyObj, Vec<PyObj>) {
    let pos = args.pos();
    (pos[0].clone(), pos[1..].to_vec())
}

pub(super) fn method_args<'a>(args: &Args<'a>) -> Args<'a> {
    Args {
        all: &args.all[1..],
        kwnames: args.kwnames,
    }
}

/// A size argument: None or an int (negative: everything).
pub(super) fn size_arg(o: Option<&PyObj>) -> VmResult<Option<usize>> {
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
pub(super) fn text_read(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
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

pub(super) fn readline_obj(vm: &mut Vm, o: &PyObj, limit: Option<usize>) -> VmResult<PyObj> {
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
pub(super) fn text_readline(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let (o, _) = split(&args);
    let a = method_args(&args).clinic("readline", &["size"], 0)?;
    let size = size_arg(a[0])?;
    readline_obj(vm, &o, size)
}

/// readlines(hint=-1) of a text file or StringIO: lines until their total size
/// reaches the hint.
pub(super) fn readlines_with(
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

pub(super) fn text_next_line(vm: &mut Vm, o: &PyObj) -> VmResult<PyObj> {
    readline_obj(vm, o, None)
}

/// TextIOWrapper.readlines(hint=-1)
pub(super) fn text_readlines(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let o = args.pos()[0].clone();
    readlines_with(vm, &o, &args, text_next_line)
}

/// next(file): the next line; the iteration ends at the end of the file.
pub(super) fn text_next(rt: &mut dyn Runtime, o: &PyObj) -> VmResult<Option<PyObj>> {
    let vm = Vm::of(rt);
    {
        let s = text_state(o)?;
        check_open(&s)?;
    }
    let l = readline_obj(vm, o, None)?;
    Ok((string::len(&l).unwrap_or(0) > 0).then_some(l))
}

pub(super) fn text_iter(_rt: &mut dyn Runtime, o: &PyObj) -> VmResult<PyObj> {
    let s = text_state(o)?;
    check_open(&s)?;
    Ok(o.clone())
}

/// Encode `chars` for a text file, newlines translated for writing.
pub(super) fn encode_for(s: &TextState, chars: &[u32]) -> VmResult<Vec<u8>> {
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
pub(super) fn text_write(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
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
pub(super) fn writelines_with(
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

pub(super) fn text_writelines(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    if let Some(o) = args.all.first() {
        let s = text_state(o)?;
        check_open(&s)?;
    }
    writelines_with(vm, &args, write_text)
}

/// The buffered object of an open text file, for seek / tell / truncate / flush.
pub(super) fn file_buffer(vm: &mut Vm, o: &PyObj, what: &str) -> VmResult<Option<PyObj>> {
    let s = text_state(o)?;
    check_open(&s)?;
    if s.buffer.is_none() && what != "flush" {
        drop(s);
        return Err(unsupported(vm, "underlying stream is not seekable"));
    }
    Ok(s.buffer.clone())
}

pub(super) fn seekable_buf(b: &PyObj) -> bool {
    let Ok(bs) = buf_state(b) else { return false };
    let raw = bs.raw.clone();
    drop(bs);
    raw_seek(&raw, SeekFrom::Current(0)).is_ok()
}

/// TextIOWrapper.seek(cookie, whence=0)
pub(super) fn text_seek(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
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
pub(super) fn text_tell(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
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
pub(super) fn text_truncate(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
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
pub(super) fn text_flush(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
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
pub(super) fn close_text(vm: &mut Vm, o: &PyObj) -> VmResult<()> {
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
pub(super) fn text_close(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    no_args(&args, "TextIOWrapper.close")?;
    let (o, _) = split(&args);
    close_text(vm, &o)?;
    Ok(none())
}

/// __enter__: the file itself (an error if it is closed).
pub(super) fn text_enter(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    no_args(&args, "TextIOWrapper.__enter__")?;
    let (o, _) = split(&args);
    {
        let s = text_state(&o)?;
        check_open(&s)?;
    }
    Ok(o)
}

/// __exit__(*exc_info): close the file.
pub(super) fn text_exit(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let (o, _) = split(&args);
    close_text(vm, &o)?;
    Ok(none())
}

pub(super) fn text_fileno(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
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
                Some(raw) => raw.fileno(),
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

pub(super) fn text_readable(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    no_args(&args, "TextIOWrapper.readable")?;
    let (o, _) = split(&args);
    let s = text_state(&o)?;
    check_open_raw(&s)?;
    Ok(bool_obj(raw_flags(&s).0))
}

pub(super) fn text_writable(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
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

pub(super) fn text_seekable(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    no_args(&args, "TextIOWrapper.seekable")?;
    let (o, _) = split(&args);
    let s = text_state(&o)?;
    check_open_raw(&s)?;
    let b = s.buffer.clone();
    drop(s);
    Ok(bool_obj(b.as_ref().is_some_and(seekable_buf)))
}

pub(super) fn text_isatty(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
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
            r.raw.as_ref().is_some_and(Raw::isatty)
        }
        _ => false,
    };
    Ok(bool_obj(tty))
}

// ----- TextIOWrapper attributes ------------------------------------------------------

pub(super) fn raw_of(s: &TextState) -> Option<PyObj> {
    let b = s.buffer.as_ref()?;
    let bs = b.get::<Buffered>()?.st.try_borrow().ok()?;
    Some(bs.raw.clone())
}

pub(super) fn text_name(o: &PyObj) -> VmResult<Option<PyObj>> {
    let s = text_state(o)?;
    if let Some(n) = &s.name {
        return Ok(Some(n.clone()));
    }
    Ok(raw_of(&s).and_then(|r| {
        r.get::<FileIO>()
            .and_then(|f| f.st.try_borrow().ok().map(|x| x.name.clone()))
    }))
}

pub(super) fn get_closed(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let o = args.one("closed")?;
    let s = text_state(o)?;
    Ok(bool_obj(text_closed(&s)))
}

pub(super) fn get_name(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let o = args.one("name")?;
    text_name(o)?.ok_or_else(|| {
        exceptions::named(
            "AttributeError",
            "'_io.TextIOWrapper' object has no attribute 'name'",
        )
    })
}

pub(super) fn get_mode(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let o = args.one("mode")?;
    let s = text_state(o)?;
    s.mode.clone().ok_or_else(|| {
        exceptions::named(
            "AttributeError",
            "'_io.TextIOWrapper' object has no attribute 'mode'",
        )
    })
}

pub(super) fn get_encoding(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let o = args.one("encoding")?;
    Ok(text_state(o)?.encoding.clone())
}

pub(super) fn get_errors(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let o = args.one("errors")?;
    Ok(text_state(o)?.errors.clone())
}

pub(super) fn get_buffer(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let o = args.one("buffer")?;
    let s = text_state(o)?;
    s.buffer
        .clone()
        .or_else(|| s.std_buffer.clone())
        .ok_or_else(|| {
            exceptions::named(
                "AttributeError",
                "'_io.TextIOWrapper' object has no attribute 'buffer'",
            )
        })
}

pub(super) fn get_line_buffering(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let o = args.one("line_buffering")?;
    Ok(bool_obj(text_state(o)?.line_buffering))
}

pub(super) fn get_newlines(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let _ = args.one("newlines")?;
    Ok(none())
}

pub(super) fn text_repr(rt: &mut dyn Runtime, o: &PyObj) -> VmResult<String> {
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
