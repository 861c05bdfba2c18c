//! `open()`: modes, encodings, the three layers of a text file, and the standard
//! streams.

use super::*;

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
pub(super) struct Mode {
    reading: bool,
    writing: bool,
    appending: bool,
    creating: bool,
    updating: bool,
    binary: bool,
}

pub(super) fn parse_mode(m: &str) -> VmResult<Mode> {
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
pub(super) fn opt_str(o: Option<&PyObj>, what: &str) -> VmResult<Option<String>> {
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
    let buffer = new_buffered(raw);
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
                std_buffer: None,
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

/// A FileIO over a standard stream and a buffered object over it.
fn std_buffer(raw: Raw, name: &str, readable: bool) -> PyObj {
    let t = types();
    let raw = PyObj::new(
        &t.file_io,
        FileIO {
            st: RefCell::new(RawState {
                raw: Some(raw),
                name: string::new(name),
                readable,
                writable: !readable,
                appending: false,
                created: false,
                closefd: false,
            }),
        },
    );
    new_buffered(raw)
}

/// A BufferedReader / BufferedWriter / BufferedRandom over `raw`, after its flags.
pub(super) fn new_buffered(raw: PyObj) -> PyObj {
    let t = types();
    let (readable, writable) = raw_state(&raw)
        .map(|r| (r.readable, r.writable))
        .unwrap_or((true, false));
    let bty = if readable && writable {
        &t.buffered_random
    } else if readable {
        &t.buffered_reader
    } else {
        &t.buffered_writer
    };
    PyObj::new(
        bty,
        Buffered {
            st: RefCell::new(BufState {
                raw,
                rbuf: Vec::new(),
                rpos: 0,
                wbuf: Vec::new(),
            }),
        },
    )
}

/// sys.stdin, sys.stdout and sys.stderr.
pub fn std_streams() -> [PyObj; 3] {
    let t = types();
    let text = |std: Std, name: &str, mode: &str, buffer: Option<PyObj>, sb: Option<PyObj>| {
        PyObj::new(
            &t.text_io,
            TextIO {
                st: RefCell::new(TextState {
                    buffer,
                    std_buffer: sb,
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
    let buf_in = std_buffer(Raw::Stdin, "<stdin>", true);
    let buf_out = std_buffer(Raw::Stdout, "<stdout>", false);
    let buf_err = std_buffer(Raw::Stderr, "<stderr>", false);
    [
        text(Std::No, "<stdin>", "r", Some(buf_in), None),
        text(Std::Out, "<stdout>", "w", None, Some(buf_out)),
        text(Std::Err, "<stderr>", "w", None, Some(buf_err)),
    ]
}
