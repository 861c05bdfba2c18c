//! The type slots of bytes and bytearray (repr, hash, comparison, len, `in`,
//! iteration, subscripts, concatenation, repetition and printf-style formatting, and
//! the in-place forms), their constructors, and the methods only bytearray has
//! (append, extend, insert, pop, remove, reverse, clear, copy, __alloc__). Each
//! operation is one slot function of the types' slot tables.

use super::methods_args::this;
use super::methods_bytes::{buf, busy, byte_value, is_ba, make, need_buf, with_recv};
use crate::bytecode::opcode::CompareOp;
use crate::heap::{PyObj, TypeRef};
use crate::objects::args::{as_ssize_t, Args};
use crate::objects::buffer::BytesIter;
use crate::objects::builtin_function::MethodDef;
use crate::objects::bytearray::{self, ByteArray};
use crate::objects::bytes;
use crate::objects::bytes_algo as alg;
use crate::objects::exceptions::{self, type_error, Exc, VmResult};
use crate::objects::iter::self_iter;
use crate::objects::numeric::{format_float, format_int, Int};
use crate::objects::runtime::Runtime;
use crate::objects::slice::{adjust_indices, Slice};
use crate::objects::typeobj::class_slots::hash_not_implemented;
use crate::objects::typeobj::slots::SlotTable;
use crate::objects::{ctx, dict, float, int, list, string, tuple, typeobj};
use crate::vm::ops;
use crate::vm::Vm;

macro_rules! defs {
    ($($name:literal => $f:path),* $(,)?) => {
        &[$(MethodDef { name: $name, func: $f }),*]
    };
}

/// The methods only bytearray has.
pub static BYTEARRAY_ONLY: &[MethodDef] = defs![
    "append" => append, "extend" => extend, "insert" => insert, "pop" => pop,
    "remove" => remove, "reverse" => reverse, "clear" => clear, "copy" => copy,
    "__alloc__" => alloc,
];

static NEW_BYTES: MethodDef = MethodDef {
    name: "bytes",
    func: new_bytes,
};
static NEW_BYTEARRAY: MethodDef = MethodDef {
    name: "bytearray",
    func: new_bytearray,
};

/// bytes' type slots.
pub const BYTES_SLOTS: SlotTable = SlotTable {
    repr: Some(repr),
    hash: Some(hash),
    richcompare: Some(richcompare),
    iter: Some(iter),
    length: Some(length),
    contains: Some(contains),
    concat: Some(concat),
    repeat: Some(repeat),
    remainder: Some(remainder),
    subscript: Some(subscript),
    ..SlotTable::EMPTY
};

/// bytearray's type slots: bytes' plus the in-place and item-assignment ones, and no
/// hash.
pub const BYTEARRAY_SLOTS: SlotTable = SlotTable {
    hash: Some(hash_not_implemented),
    inplace_concat: Some(inplace_concat),
    inplace_repeat: Some(inplace_repeat),
    ass_subscript: Some(ass_subscript),
    ..BYTES_SLOTS
};

/// Register the slots, iterators, constructors and bytearray's methods.
pub fn install() {
    let c = ctx();
    typeobj::install_builtin_slots(&c.bytes_type, &BYTES_SLOTS);
    typeobj::install_builtin_slots(&c.bytearray_type, &BYTEARRAY_SLOTS);
    for ty in [&c.bytes_iter_type, &c.bytearray_iter_type] {
        typeobj::install_builtin_slots(ty, &ITER_SLOTS);
        typeobj::add_methods(ty, ITER_METHODS);
    }
    typeobj::set_new(&c.bytes_type, &NEW_BYTES);
    typeobj::set_new(&c.bytearray_type, &NEW_BYTEARRAY);
    typeobj::add_methods(&c.bytearray_type, BYTEARRAY_ONLY);
}

static ITER_METHODS: &[MethodDef] = defs!["__length_hint__" => iter_length_hint];

/// The slots of bytes_iterator and bytearray_iterator.
const ITER_SLOTS: SlotTable = SlotTable {
    iter: Some(self_iter),
    iternext: Some(iter_next),
    ..SlotTable::EMPTY
};

fn ba_mut(o: &PyObj) -> VmResult<crate::heap::PMut<'_, ByteArray>> {
    bytearray::borrow_mut(o).ok_or_else(busy)
}

fn name_of(o: &PyObj) -> &'static str {
    if is_ba(o) {
        "bytearray"
    } else {
        "bytes"
    }
}

// ----- indices ------------------------------------------------------------------------

/// A sequence index (an int), wrapped once if negative; IndexError `msg` when outside.
pub(super) fn seq_index(key: &PyObj, len: usize, msg: &str) -> VmResult<Option<usize>> {
    let Some(v) = int::value(key) else {
        return Ok(None);
    };
    let out = || exceptions::named("IndexError", msg);
    let Some(mut i) = v.to_i64() else {
        return Err(if v.bit_length() > 63 {
            exceptions::named("IndexError", "cannot fit 'int' into an index-sized integer")
        } else {
            out()
        });
    };
    if i < 0 {
        i += len as i64;
    }
    if i < 0 || i >= len as i64 {
        return Err(out());
    }
    Ok(Some(i as usize))
}

/// A slice's (start, step, slicelength) for a sequence of `len` items.
pub(super) fn slice_of(s: &Slice, len: usize) -> VmResult<(i64, i64, usize)> {
    let conv = |o: &PyObj| -> VmResult<Option<i64>> {
        if o.is(&ctx().none) {
            return Ok(None);
        }
        match int::value(o) {
            Some(v) => Ok(Some(v.to_i64().unwrap_or(if v.is_negative() {
                i64::MIN / 2
            } else {
                i64::MAX / 2
            }))),
            None => Err(type_error(
                "slice indices must be integers or None or have an __index__ method",
            )),
        }
    };
    let step = conv(&s.step)?.unwrap_or(1);
    if step == 0 {
        return Err(exceptions::value_error("slice step cannot be zero"));
    }
    let (start, _, n) = adjust_indices(len as i64, conv(&s.start)?, conv(&s.stop)?, step);
    Ok((start, step, n.max(0) as usize))
}

/// The bytes at the positions of a slice.
pub(super) fn take_slice(d: &[u8], start: i64, step: i64, n: usize) -> Vec<u8> {
    if step == 1 {
        let s = start as usize;
        return d[s..s + n].to_vec();
    }
    (0..n)
        .map(|i| d[(start + i as i64 * step) as usize])
        .collect()
}

// ----- slots --------------------------------------------------------------------------

fn repr(_rt: &mut dyn Runtime, o: &PyObj) -> VmResult<String> {
    let ba = is_ba(o);
    let r = with_recv(o, |d| alg::repr(d, ba))?;
    if !ba {
        return Ok(r);
    }
    let name = typeobj::info(&o.type_obj()).name.to_string();
    Ok(format!("{name}({r})"))
}

fn hash(_rt: &mut dyn Runtime, o: &PyObj) -> VmResult<i64> {
    Ok(bytes::hash(o).unwrap_or(0))
}

/// The length of a bytes or bytearray.
fn len(o: &PyObj) -> usize {
    with_recv(o, <[u8]>::len).unwrap_or(0)
}

fn length(_rt: &mut dyn Runtime, o: &PyObj) -> VmResult<usize> {
    with_recv(o, <[u8]>::len)
}

fn contains(rt: &mut dyn Runtime, o: &PyObj, item: &PyObj) -> VmResult<bool> {
    let vm = Vm::of(rt);
    let item = vm.index_arg(item)?;
    if let Some(b) = byte_value(&item)? {
        return with_recv(o, |d| d.contains(&b));
    }
    let sub = need_buf(&item)?;
    with_recv(o, |d| alg::contains(d, &sub))
}

fn iter(_rt: &mut dyn Runtime, o: &PyObj) -> VmResult<PyObj> {
    let c = ctx();
    let ty = if is_ba(o) {
        &c.bytearray_iter_type
    } else {
        &c.bytes_iter_type
    };
    Ok(PyObj::new(
        ty,
        BytesIter {
            index: 0,
            seq: Some(o.clone()),
        },
    ))
}

fn iter_next(_rt: &mut dyn Runtime, it: &PyObj) -> VmResult<Option<PyObj>> {
    let mut s = it.borrow_mut::<BytesIter>().map_err(|_| busy())?;
    let Some(seq) = s.seq.clone() else {
        return Ok(None);
    };
    let i = s.index;
    match with_recv(&seq, |d| d.get(i).copied())? {
        Some(b) => {
            s.index = i + 1;
            Ok(Some(int::new_i64(b as i64)))
        }
        None => {
            let old = s.seq.take();
            drop(s);
            drop(old);
            Ok(None)
        }
    }
}

/// __length_hint__ of the bytes and bytearray iterators.
fn iter_length_hint(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let (it, args) = this(&args);
    args.none("__length_hint__")?;
    let n = match it.borrow::<BytesIter>() {
        Ok(s) => s.seq.as_ref().map_or(0, |q| len(q).saturating_sub(s.index)),
        Err(_) => 0,
    };
    Ok(int::new_i64(n as i64))
}

fn subscript(_rt: &mut dyn Runtime, o: &PyObj, key: &PyObj) -> VmResult<PyObj> {
    let n = len(o);
    let msg = if is_ba(o) {
        "bytearray index out of range"
    } else {
        "index out of range"
    };
    if let Some(i) = seq_index(key, n, msg)? {
        let b = with_recv(o, |d| d[i])?;
        return Ok(int::new_i64(b as i64));
    }
    if let Some(s) = key.get::<Slice>() {
        let (start, step, k) = slice_of(s, n)?;
        if step == 1 && k == n && o.is_type(&ctx().bytes_type) {
            return Ok(o.clone());
        }
        let v = with_recv(o, |d| take_slice(d, start, step, k))?;
        return make(o, &v);
    }
    Err(type_error(format!(
        "{} indices must be integers or slices, not {}",
        if is_ba(o) { "bytearray" } else { "byte" },
        typeobj::type_name(key)
    )))
}

/// The bytes assigned to a bytearray slice: a buffer, or an iterable of ints.
fn assigned_bytes(vm: &mut Vm, v: &PyObj) -> VmResult<Vec<u8>> {
    if let Some(b) = buf(v) {
        return Ok(b?.into_owned());
    }
    if int::value(v).is_some() || string::view(v).is_some() || vm.iter(v).is_err() {
        return Err(type_error(
            "can assign only bytes, buffers, or iterables of ints in range(0, 256)",
        ));
    }
    ints_to_bytes(vm, v)
}

/// The bytes of an iterable of ints in range(256) (bytes(iterable)).
pub(super) fn ints_to_bytes(vm: &mut Vm, v: &PyObj) -> VmResult<Vec<u8>> {
    let items = vm.collect_iter(v)?;
    let mut out = Vec::with_capacity(items.len());
    for x in &items {
        let x = vm.index_arg(x)?;
        let Some(i) = int::value(&x) else {
            return Err(type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                typeobj::type_name(&x)
            )));
        };
        match i.to_i64() {
            Some(b) if (0..256).contains(&b) => out.push(b as u8),
            _ => return Err(exceptions::value_error("byte must be in range(0, 256)")),
        }
    }
    Ok(out)
}

/// An int argument that must be a byte: TypeError for a non-int.
fn need_byte(vm: &mut Vm, v: &PyObj) -> VmResult<u8> {
    let v = vm.index_arg(v)?;
    match byte_value(&v)? {
        Some(b) => Ok(b),
        None => Err(type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            typeobj::type_name(&v)
        ))),
    }
}

fn ass_subscript(
    rt: &mut dyn Runtime,
    o: &PyObj,
    key: &PyObj,
    value: Option<PyObj>,
) -> VmResult<()> {
    let vm = Vm::of(rt);
    let n = len(o);
    if int::value(key).is_some() {
        let i = seq_index(key, n, "bytearray index out of range")?.expect("an int");
        match value {
            Some(v) => {
                let b = need_byte(vm, &v)?;
                ba_mut(o)?.data_mut()[i] = b;
            }
            None => ba_mut(o)?.replace_range(i, i + 1, b"")?,
        }
        return Ok(());
    }
    let Some(s) = key.get::<Slice>() else {
        return Err(type_error(format!(
            "bytearray indices must be integers or slices, not {}",
            typeobj::type_name(key)
        )));
    };
    let (start, step, k) = slice_of(s, n)?;
    let new = match &value {
        Some(v) => Some(assigned_bytes(vm, v)?),
        None => None,
    };
    let mut b = ba_mut(o)?;
    if step == 1 {
        let lo = start as usize;
        b.replace_range(lo, lo + k, new.as_deref().unwrap_or(b""))?;
        return Ok(());
    }
    let pos: Vec<usize> = (0..k).map(|i| (start + i as i64 * step) as usize).collect();
    match new {
        Some(new) => {
            if new.len() != k {
                return Err(exceptions::value_error(format!(
                    "attempt to assign bytes of size {} to extended slice of size {k}",
                    new.len()
                )));
            }
            let d = b.data_mut();
            for (p, v) in pos.iter().zip(new) {
                d[*p] = v;
            }
        }
        None => {
            let mut sorted = pos;
            sorted.sort_unstable();
            b.delete_positions(&sorted)?;
        }
    }
    Ok(())
}

/// sq_concat: `a + b` with `a` a bytes or bytearray and `b` any buffer.
fn concat(_rt: &mut dyn Runtime, a: &PyObj, b: &PyObj) -> VmResult<PyObj> {
    let Some(other) = buf(b) else {
        return Err(type_error(format!(
            "can't concat {} to {}",
            typeobj::type_name(b),
            name_of(a)
        )));
    };
    let other = other?;
    if other.is_empty() && a.is_type(&ctx().bytes_type) {
        return Ok(a.clone());
    }
    let mut v = with_recv(a, <[u8]>::to_vec)?;
    v.extend_from_slice(&other);
    make(a, &v)
}

/// sq_inplace_concat: `ba += b` extends the bytearray.
fn inplace_concat(_rt: &mut dyn Runtime, a: &PyObj, b: &PyObj) -> VmResult<PyObj> {
    let Some(other) = buf(b) else {
        return Err(type_error(format!(
            "can't concat {} to {}",
            typeobj::type_name(b),
            name_of(a)
        )));
    };
    let other = other?.into_owned();
    ba_mut(a)?.extend_from(&other)?;
    Ok(a.clone())
}

/// sq_repeat: `seq * n` (n < 0 repeats nothing).
fn repeat(_rt: &mut dyn Runtime, seq: &PyObj, n: i64) -> VmResult<PyObj> {
    let n = n.max(0) as usize;
    if n == 1 && seq.is_type(&ctx().bytes_type) {
        return Ok(seq.clone());
    }
    let d = with_recv(seq, <[u8]>::to_vec)?;
    let total = d
        .len()
        .checked_mul(n)
        .filter(|t| *t < isize::MAX as usize / 2)
        .ok_or_else(exceptions::memory_error)?;
    let mut v = Vec::new();
    crate::objects::room::reserve_exact(&mut v, total)?;
    for _ in 0..n {
        v.extend_from_slice(&d);
    }
    make(seq, &v)
}

/// sq_inplace_repeat: `ba *= n` repeats the bytearray in place.
fn inplace_repeat(_rt: &mut dyn Runtime, a: &PyObj, n: i64) -> VmResult<PyObj> {
    let n = n.max(0) as usize;
    let d = with_recv(a, <[u8]>::to_vec)?;
    let total = d
        .len()
        .checked_mul(n)
        .ok_or_else(exceptions::memory_error)?;
    let mut bm = ba_mut(a)?;
    if total != d.len() {
        bm.resize(total)?;
    }
    if !d.is_empty() {
        for chunk in bm.data_mut().chunks_mut(d.len()) {
            chunk.copy_from_slice(&d);
        }
    }
    Ok(a.clone())
}

/// nb_remainder: `fmt % args` when `fmt` is a bytes or bytearray.
fn remainder(rt: &mut dyn Runtime, a: &PyObj, b: &PyObj) -> VmResult<PyObj> {
    if !bytes::is_bytes(a) && !is_ba(a) {
        return Ok(ctx().not_implemented.clone());
    }
    percent_format(Vm::of(rt), a, b)
}

/// tp_richcompare: bytes with bytes; a bytearray with any buffer; NotImplemented
/// otherwise.
fn richcompare(_rt: &mut dyn Runtime, a: &PyObj, b: &PyObj, op: CompareOp) -> VmResult<PyObj> {
    let ok = if is_ba(a) {
        crate::objects::buffer::is_buffer(b)
    } else {
        bytes::is_bytes(b)
    };
    if !ok {
        return Ok(ctx().not_implemented.clone());
    }
    let x = need_buf(a)?.into_owned();
    let y = need_buf(b)?;
    Ok(ops::bool_obj(op.holds(Some(alg::compare(&x, &y)))))
}

// ----- printf-style formatting --------------------------------------------------------

fn not_enough() -> Exc {
    type_error("not enough arguments for format string")
}

/// The bytes of %s / %b: a buffer, or what `__bytes__` returns.
fn percent_bytes(vm: &mut Vm, arg: &PyObj) -> VmResult<Vec<u8>> {
    if let Some(b) = buf(arg) {
        return Ok(b?.into_owned());
    }
    if arg.vtable().heap_type {
        if let Some(r) = vm.call_special(arg, "__bytes__", &[])? {
            if let Some(d) = bytes::data(&r) {
                return Ok(d.to_vec());
            }
            return Err(type_error(format!(
                "__bytes__ returned non-bytes (type {})",
                typeobj::type_name(&r)
            )));
        }
    }
    Err(type_error(format!(
        "%b requires a bytes-like object, or an object that implements __bytes__, not '{}'",
        typeobj::type_name(arg)
    )))
}

/// The integer of %d / %x / %o (a float is truncated for %d, as CPython).
fn percent_int(vm: &mut Vm, arg: &PyObj, conv: u8) -> VmResult<Int> {
    if let Some(f) = float::value(arg) {
        if matches!(conv, b'd' | b'i' | b'u') {
            return Ok(Int::from_f64(f.trunc())?);
        }
        return Err(type_error(format!(
            "%{} format: an integer is required, not float",
            conv as char
        )));
    }
    let a = vm.index_arg(arg)?;
    if let Some(v) = int::value(&a) {
        return Ok(v);
    }
    let what = if matches!(conv, b'd' | b'i' | b'u') {
        "a real number"
    } else {
        "an integer"
    };
    Err(type_error(format!(
        "%{} format: {what} is required, not {}",
        conv as char,
        typeobj::type_name(arg)
    )))
}

/// Pad `s` to `width` (left-justified with '-').
fn pad_to(s: Vec<u8>, width: usize, left: bool) -> Vec<u8> {
    if s.len() >= width {
        return s;
    }
    let fill = vec![b' '; width - s.len()];
    if left {
        [s, fill].concat()
    } else {
        [fill, s].concat()
    }
}

/// `fmt % args` for a bytes or bytearray `fmt` (CPython's _PyBytes_FormatEx).
fn percent_format(vm: &mut Vm, fmt: &PyObj, args: &PyObj) -> VmResult<PyObj> {
    let text = with_recv(fmt, <[u8]>::to_vec)?;
    let is_mapping = args.is_a::<dict::Dict>()
        || (args.vtable().heap_type
            && tuple::items(args).is_none()
            && !bytes::is_bytes(args)
            && string::view(args).is_none());
    let mapping = is_mapping.then(|| args.clone());
    let values: Vec<PyObj> = match tuple::items(args) {
        Some(t) => t.to_vec(),
        None => vec![args.clone()],
    };
    let is_tuple = tuple::items(args).is_some();
    let mut next = 0usize;
    let mut out: Vec<u8> = Vec::with_capacity(text.len() + 16);
    let mut i = 0;
    let b = &text;
    while i < b.len() {
        if b[i] != b'%' {
            let j = memchr::memchr(b'%', &b[i..]).map_or(b.len(), |k| i + k);
            out.extend_from_slice(&b[i..j]);
            i = j;
            continue;
        }
        i += 1;
        let mut keyed: Option<PyObj> = None;
        if b.get(i) == Some(&b'(') {
            let Some(m) = &mapping else {
                return Err(type_error("format requires a mapping"));
            };
            let mut depth = 1;
            let kstart = i + 1;
            i += 1;
            while i < b.len() && depth > 0 {
                match b[i] {
                    b'(' => depth += 1,
                    b')' => depth -= 1,
                    _ => {}
                }
                i += 1;
            }
            if depth > 0 {
                return Err(exceptions::value_error("incomplete format key"));
            }
            let k = bytes::try_new(&b[kstart..i - 1]).ok_or_else(exceptions::memory_error)?;
            keyed = Some(vm.getitem(m, &k)?);
        }
        let mut flags = Vec::new();
        while let Some(&f) = b.get(i).filter(|c| b"-+ #0".contains(c)) {
            flags.push(f);
            i += 1;
        }
        let mut take = |keyed: &mut Option<PyObj>| -> VmResult<PyObj> {
            if let Some(k) = keyed.take() {
                return Ok(k);
            }
            let v = values.get(next).cloned().ok_or_else(not_enough)?;
            next += 1;
            Ok(v)
        };
        let mut width: Option<usize> = None;
        if b.get(i) == Some(&b'*') {
            let w = take(&mut None)?;
            let w = int::as_i64(&w).ok_or_else(|| type_error("* wants int"))?;
            if w < 0 {
                flags.push(b'-');
            }
            width = Some(w.unsigned_abs() as usize);
            i += 1;
        } else {
            let start = i;
            while b.get(i).is_some_and(u8::is_ascii_digit) {
                i += 1;
            }
            if i > start {
                width = std::str::from_utf8(&b[start..i])
                    .ok()
                    .and_then(|s| s.parse().ok());
            }
        }
        let mut precision: Option<usize> = None;
        if b.get(i) == Some(&b'.') {
            i += 1;
            if b.get(i) == Some(&b'*') {
                let p = take(&mut None)?;
                let p = int::as_i64(&p).ok_or_else(|| type_error("* wants int"))?;
                precision = Some(p.max(0) as usize);
                i += 1;
            } else {
                let start = i;
                while b.get(i).is_some_and(u8::is_ascii_digit) {
                    i += 1;
                }
                precision = Some(
                    std::str::from_utf8(&b[start..i])
                        .ok()
                        .and_then(|s| s.parse().ok())
                        .unwrap_or(0),
                );
            }
        }
        while matches!(b.get(i), Some(b'h' | b'l' | b'L')) {
            i += 1;
        }
        let Some(&conv) = b.get(i) else {
            return Err(exceptions::value_error("incomplete format"));
        };
        i += 1;
        if conv == b'%' {
            out.push(b'%');
            continue;
        }
        let arg = take(&mut keyed)?;
        let left = flags.contains(&b'-');
        let w = width.unwrap_or(0);
        let align = if left { "<" } else { "" };
        let sign = if flags.contains(&b'+') {
            "+"
        } else if flags.contains(&b' ') {
            " "
        } else {
            ""
        };
        let alt = if flags.contains(&b'#') { "#" } else { "" };
        let zero = if flags.contains(&b'0') && !left {
            "0"
        } else {
            ""
        };
        let wtxt = width.map(|w| w.to_string()).unwrap_or_default();
        let piece: Vec<u8> = match conv {
            b's' | b'b' => {
                let mut d = percent_bytes(vm, &arg)?;
                if let Some(p) = precision {
                    d.truncate(p);
                }
                pad_to(d, w, left)
            }
            b'r' | b'a' => {
                let r = vm.repr(&arg)?;
                let mut d = ops::ascii_escape(&r).into_bytes();
                if let Some(p) = precision {
                    d.truncate(p);
                }
                pad_to(d, w, left)
            }
            b'd' | b'i' | b'u' | b'x' | b'X' | b'o' => {
                let v = percent_int(vm, &arg, conv)?;
                let ty = match conv {
                    b'd' | b'i' | b'u' => 'd',
                    c => c as char,
                };
                let s = if let Some(p) = precision {
                    let digits = format_int(&v.abs(), &ty.to_string())?;
                    let mut d = "0".repeat(p.saturating_sub(digits.len()));
                    d.push_str(&digits);
                    let s = if v.is_negative() {
                        format!("-{d}")
                    } else {
                        format!("{sign}{d}")
                    };
                    let prefix = if alt.is_empty() || ty == 'd' {
                        String::new()
                    } else {
                        format!("0{ty}")
                    };
                    let s = match s.strip_prefix('-') {
                        Some(r) => format!("-{prefix}{r}"),
                        None => format!("{prefix}{s}"),
                    };
                    String::from_utf8(pad_to(s.into_bytes(), w, left)).unwrap_or_default()
                } else {
                    format_int(&v, &format!("{align}{sign}{alt}{zero}{wtxt}{ty}"))?
                };
                s.into_bytes()
            }
            b'e' | b'E' | b'f' | b'F' | b'g' | b'G' => {
                let x = match float::value(&arg) {
                    Some(f) => f,
                    None => match int::value(&arg) {
                        Some(v) => v.to_f64()?,
                        None => {
                            return Err(type_error(format!(
                                "float argument required, not {}",
                                typeobj::type_name(&arg)
                            )))
                        }
                    },
                };
                let prec = format!(".{}", precision.unwrap_or(6));
                format_float(
                    x,
                    &format!("{align}{sign}{alt}{zero}{wtxt}{prec}{}", conv as char),
                )?
                .into_bytes()
            }
            b'c' => {
                let c = if let Some(d) = bytes::data(&arg).filter(|d| d.len() == 1) {
                    d[0]
                } else if let Some(d) =
                    bytearray::borrow(&arg).and_then(|d| (d.len() == 1).then(|| d.data()[0]))
                {
                    d
                } else if let Some(v) = int::value(&arg) {
                    match v.to_i64() {
                        Some(x) if (0..256).contains(&x) => x as u8,
                        _ => {
                            return Err(exceptions::named(
                                "OverflowError",
                                "%c arg not in range(256)",
                            ))
                        }
                    }
                } else {
                    return Err(type_error(
                        "%c requires an integer in range(256) or a single byte",
                    ));
                };
                pad_to(vec![c], w, left)
            }
            other => {
                return Err(exceptions::value_error(format!(
                    "unsupported format character '{}' (0x{:x}) at index {}",
                    other as char,
                    other,
                    i - 1
                )))
            }
        };
        out.extend_from_slice(&piece);
    }
    if mapping.is_none() && next < values.len() && (is_tuple || next == 0) {
        return Err(type_error(
            "not all arguments converted during bytes formatting",
        ));
    }
    make(fmt, &out)
}

// ----- constructors -------------------------------------------------------------------

/// What bytes(...) / bytearray(...) hold: source, encoding, errors (CPython's
/// messages for each wrong combination).
fn source_bytes(vm: &mut Vm, args: &Args<'_>, fname: &str) -> VmResult<Option<SourceData>> {
    let a = args.clinic(fname, &["source", "encoding", "errors"], 0)?;
    let str_arg = |o: Option<&PyObj>, what: &str| -> VmResult<Option<String>> {
        match o {
            None => Ok(None),
            Some(x) => match string::as_str(x) {
                Some(t) => Ok(Some(t.into_owned())),
                None => Err(type_error(format!(
                    "{fname}() argument '{what}' must be str, not {}",
                    typeobj::type_name(x)
                ))),
            },
        }
    };
    let encoding = str_arg(a[1], "encoding")?;
    let errors = str_arg(a[2], "errors")?;
    let Some(x) = a[0] else {
        if encoding.is_some() {
            return Err(type_error("encoding without a string argument"));
        }
        if errors.is_some() {
            return Err(type_error("errors without a string argument"));
        }
        return Ok(None);
    };
    if string::view(x).is_some() {
        let Some(enc) = encoding else {
            return Err(type_error("string argument without an encoding"));
        };
        let errors = errors.unwrap_or_else(|| "strict".into());
        let d = super::methods_bytes::encode_str(x, &enc, &errors)?;
        return Ok(Some(SourceData::Data(d)));
    }
    if encoding.is_some() {
        return Err(type_error("encoding without a string argument"));
    }
    if errors.is_some() {
        return Err(type_error("errors without a string argument"));
    }
    if let Some(b) = buf(x) {
        return Ok(Some(SourceData::Data(b?.into_owned())));
    }
    if x.vtable().heap_type {
        if let Some(r) = vm.call_special(x, "__bytes__", &[])? {
            return match bytes::data(&r) {
                Some(d) => Ok(Some(SourceData::Data(d.to_vec()))),
                None => Err(type_error(format!(
                    "__bytes__ returned non-bytes (type {})",
                    typeobj::type_name(&r)
                ))),
            };
        }
    }
    let xi = vm.index_arg(x)?;
    if let Some(n) = int::value(&xi) {
        let n = match n.to_i64() {
            Some(n) if n < 0 => return Err(exceptions::value_error("negative count")),
            Some(n) => n as usize,
            None if n.is_negative() => return Err(exceptions::value_error("negative count")),
            None => {
                return Err(exceptions::named(
                    "OverflowError",
                    "cannot fit 'int' into an index-sized integer",
                ))
            }
        };
        return Ok(Some(SourceData::Zeros(n)));
    }
    if vm.iter(x).is_err() {
        return Err(type_error(format!(
            "cannot convert '{}' object to {fname}",
            typeobj::type_name(x)
        )));
    }
    let list_like = tuple::items(x).is_some() || x.is_a::<list::List>();
    let d = ints_to_bytes(vm, x).map_err(|e| {
        if fname == "bytes" && exceptions::matches(&e.0, ctx().exc_type("ValueError")) {
            exceptions::value_error("bytes must be in range(0, 256)")
        } else {
            e
        }
    })?;
    Ok(Some(if list_like {
        SourceData::Data(d)
    } else {
        SourceData::Iterated(d)
    }))
}

/// The contents of a new bytes or bytearray.
enum SourceData {
    /// Bytes copied from a buffer, an encoded str or a list / tuple of ints.
    Data(Vec<u8>),
    /// `n` zero bytes.
    Zeros(usize),
    /// Ints from another iterable, appended one at a time (bytearray grows as it
    /// would by appends).
    Iterated(Vec<u8>),
}

/// bytes(source=b'', encoding=..., errors=...).
fn new_bytes(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let ty = super::constructors::called_type(&args, "bytes")?;
    let (_, rest) = this(&args);
    let src = source_bytes(vm, &rest, "bytes")?;
    let exact = ty.is(&ctx().bytes_type);
    let made = match src {
        None => bytes::new_typed(&ty, b""),
        Some(SourceData::Zeros(n)) if exact => bytes::zeroed(n),
        Some(SourceData::Zeros(n)) => bytes::new_typed(&ty, &vec![0; n]),
        Some(SourceData::Data(d) | SourceData::Iterated(d)) => bytes::new_typed(&ty, &d),
    };
    if !exact {
        super::subclass::check_subtype(&ty, &ctx().bytes_type)?;
    }
    made.ok_or_else(exceptions::memory_error)
}

/// bytearray(source=b'', encoding=..., errors=...).
fn new_bytearray(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let ty = super::constructors::called_type(&args, "bytearray")?;
    if !ty.is(&ctx().bytearray_type) {
        super::subclass::check_subtype(&ty, &ctx().bytearray_type)?;
    }
    let (_, rest) = this(&args);
    let src = source_bytes(vm, &rest, "bytearray")?;
    bytearray_from(&ty, src)
}

fn bytearray_from(ty: &TypeRef, src: Option<SourceData>) -> VmResult<PyObj> {
    let mut b = ByteArray::empty();
    match src {
        None => {}
        Some(SourceData::Zeros(n)) => b.resize(n)?,
        Some(SourceData::Data(d)) => {
            b.resize(d.len())?;
            b.data_mut().copy_from_slice(&d);
        }
        Some(SourceData::Iterated(d)) => {
            for x in d {
                b.push(x)?;
            }
        }
    }
    Ok(bytearray::new_typed(ty, b))
}

// ----- bytearray's own methods --------------------------------------------------------

fn append(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let (s, args) = this(&args);
    let x = args.one("append")?;
    let b = need_byte(vm, x)?;
    ba_mut(s)?.push(b)?;
    Ok(ctx().none.clone())
}

fn extend(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let (s, args) = this(&args);
    let x = args.one("extend")?;
    let data = if let Some(d) = buf(x) {
        d?.into_owned()
    } else {
        if vm.iter(x).is_err() {
            return Err(type_error(format!(
                "can't extend bytearray with {}",
                typeobj::type_name(x)
            )));
        }
        ints_to_bytes(vm, x)?
    };
    ba_mut(s)?.extend_from(&data)?;
    Ok(ctx().none.clone())
}

fn insert(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let (s, args) = this(&args);
    let a = args.range("insert", 2, 2)?;
    let i = as_ssize_t(&vm.index_arg(&a[0])?)?;
    let b = need_byte(vm, &a[1])?;
    let mut m = ba_mut(s)?;
    let n = m.len() as i64;
    let i = if i < 0 { (i + n).max(0) } else { i.min(n) } as usize;
    m.replace_range(i, i, &[b])?;
    Ok(ctx().none.clone())
}

fn pop(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let (s, args) = this(&args);
    let a = args.range("pop", 0, 1)?;
    let i = match a.first() {
        Some(x) => as_ssize_t(&vm.index_arg(x)?)?,
        None => -1,
    };
    let mut m = ba_mut(s)?;
    let n = m.len() as i64;
    if n == 0 {
        return Err(exceptions::named("IndexError", "pop from empty bytearray"));
    }
    let j = if i < 0 { i + n } else { i };
    if j < 0 || j >= n {
        return Err(exceptions::named("IndexError", "pop index out of range"));
    }
    let j = j as usize;
    let v = m.data()[j];
    m.replace_range(j, j + 1, b"")?;
    Ok(int::new_i64(v as i64))
}

fn remove(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let (s, args) = this(&args);
    let b = need_byte(vm, args.one("remove")?)?;
    let mut m = ba_mut(s)?;
    let Some(j) = memchr::memchr(b, m.data()) else {
        return Err(exceptions::value_error("value not found in bytearray"));
    };
    m.replace_range(j, j + 1, b"")?;
    Ok(ctx().none.clone())
}

fn reverse(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let (s, args) = this(&args);
    args.none("reverse")?;
    ba_mut(s)?.data_mut().reverse();
    Ok(ctx().none.clone())
}

fn clear(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let (s, args) = this(&args);
    args.none("clear")?;
    ba_mut(s)?.resize(0)?;
    Ok(ctx().none.clone())
}

fn copy(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let (s, args) = this(&args);
    args.none("copy")?;
    let d = with_recv(s, <[u8]>::to_vec)?;
    Ok(bytearray::new(&d)?)
}

fn alloc(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let (s, args) = this(&args);
    args.none("__alloc__")?;
    let n = bytearray::borrow(s).ok_or_else(busy)?.alloc();
    Ok(int::new_i64(n as i64))
}
