//! The `_struct` module behind the bundled `struct`: format strings (byte order,
//! native sizes and alignment for '@', standard sizes for '=' '<' '>' '!'), pack,
//! unpack, calcsize, pack_into, unpack_from, iter_unpack, with CPython's messages.
//! `error`, the `Struct` class and `unpack_iterator` are made by a short Python part
//! (`STRUCT_PY`); Struct's methods are native method descriptors added to that class.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use crate::heap::{PyObj, TypeRef};
use crate::objects::args::{Args, Signature};
use crate::objects::builtin_function::MethodDef;
use crate::objects::exceptions::{self, new_exc, type_error, Exc, VmResult};
use crate::objects::memoryview::{self, MemoryView};
use crate::objects::numeric::Int;
use crate::objects::runtime::Runtime;
use crate::objects::{buffer, bytes, ctx, float, int, string, tuple, typeobj};
use crate::vm::ops;
use crate::vm::Vm;

use super::os::run_python_part;
use super::sys::new_module;

macro_rules! defs {
    ($($name:literal => $f:path),* $(,)?) => {
        &[$(MethodDef { name: $name, func: $f }),*]
    };
}

static FUNCTIONS: &[MethodDef] = defs![
    "pack" => pack, "unpack" => unpack, "calcsize" => calcsize,
    "pack_into" => pack_into, "unpack_from" => unpack_from,
    "iter_unpack" => iter_unpack, "_clearcache" => clearcache, "_parse" => parse_fmt,
];

static STRUCT_METHODS: &[MethodDef] = defs![
    "pack" => s_pack, "unpack" => s_unpack, "pack_into" => s_pack_into,
    "unpack_from" => s_unpack_from, "iter_unpack" => s_iter_unpack,
];

/// The parts written in Python: the error class, Struct (its methods are native,
/// added by `make`) and the iterator of iter_unpack.
const STRUCT_PY: &str = r#"
class error(Exception):
    pass
error.__module__ = 'struct'

class Struct:
    __slots__ = ('_format', '_size', '__weakref__')
    def __init__(self, format):
        self._format, self._size = _parse(format)
    @property
    def format(self):
        return self._format
    @property
    def size(self):
        return self._size

class unpack_iterator:
    __slots__ = ('_struct', '_data', '_offset')
    def __iter__(self):
        return self
    def __next__(self):
        data = self._data
        if data is None or self._offset + self._struct._size > len(data):
            self._data = None
            raise StopIteration
        r = self._struct.unpack_from(data, self._offset)
        self._offset += self._struct._size
        return r
    def __length_hint__(self):
        if self._data is None:
            return 0
        return (len(self._data) - self._offset) // self._struct._size

def _iterator(s, data):
    it = object.__new__(unpack_iterator)
    it._struct = s
    it._data = data
    it._offset = 0
    return it
"#;

/// Build the `_struct` module.
pub fn make(vm: &mut Vm) -> VmResult<PyObj> {
    let (m, d) = new_module(vm, "_struct", FUNCTIONS)?;
    let modules = vm.modules.clone();
    vm.dict_set_str(&modules, "_struct", m.clone())?;
    run_python_part(vm, &d, STRUCT_PY, "<frozen _struct>")?;
    if let Some(cls) = vm.dict_get_str(&d, "Struct") {
        if let Some(t) = TypeRef::from_obj::<typeobj::TypeInfo>(&cls) {
            typeobj::add_methods(&t, STRUCT_METHODS);
        }
    }
    Ok(m)
}

// ----- the format ----------------------------------------------------------------------

#[derive(Clone, Copy, PartialEq, Eq)]
enum Order {
    Native,
    Little,
    Big,
}

/// A run of `count` items of one code, the first at `offset`; 's' and 'p' are one
/// item of `size` bytes, 'x' no item.
#[derive(Clone, Copy)]
struct Run {
    code: u8,
    offset: usize,
    count: usize,
    size: usize,
}

struct Layout {
    order: Order,
    runs: Vec<Run>,
    size: usize,
    nitems: usize,
}

/// (size, alignment) of a code, None for a bad char.
fn code_size(code: u8, native: bool) -> Option<usize> {
    Some(match code {
        b'x' | b'c' | b'b' | b'B' | b'?' | b's' | b'p' => 1,
        b'h' | b'H' | b'e' => 2,
        b'i' | b'I' | b'f' => 4,
        b'l' | b'L' => {
            if native {
                8
            } else {
                4
            }
        }
        b'q' | b'Q' | b'd' => 8,
        b'n' | b'N' | b'P' if native => 8,
        _ => return None,
    })
}

fn too_long(vm: &mut Vm) -> Exc {
    struct_error(vm, "total struct size too long")
}

/// CPython's prepare_s over the format's bytes.
fn parse_layout(vm: &mut Vm, f: &[u8]) -> VmResult<Layout> {
    let (order, rest) = match f.first() {
        Some(b'@') => (Order::Native, &f[1..]),
        Some(b'=' | b'<') => (Order::Little, &f[1..]),
        Some(b'>' | b'!') => (Order::Big, &f[1..]),
        _ => (Order::Native, f),
    };
    let native = order == Order::Native;
    let mut runs = Vec::new();
    let (mut size, mut nitems) = (0usize, 0usize);
    let mut i = 0;
    while i < rest.len() {
        let mut c = rest[i];
        i += 1;
        if c.is_ascii_whitespace() {
            continue;
        }
        let mut num = 1usize;
        if c.is_ascii_digit() {
            num = (c - b'0') as usize;
            loop {
                let Some(&d) = rest.get(i) else {
                    return Err(struct_error(
                        vm,
                        "repeat count given without format specifier",
                    ));
                };
                i += 1;
                if !d.is_ascii_digit() {
                    c = d;
                    break;
                }
                num = num
                    .checked_mul(10)
                    .and_then(|n| n.checked_add((d - b'0') as usize))
                    .filter(|n| *n <= isize::MAX as usize)
                    .ok_or_else(|| too_long(vm))?;
            }
        }
        if c == 0 {
            return Err(struct_error(vm, "embedded null character"));
        }
        let Some(sz) = code_size(c, native) else {
            return Err(struct_error(vm, "bad char in struct format"));
        };
        if native && sz > 1 {
            size = size
                .checked_add(sz - 1)
                .map(|s| s / sz * sz)
                .ok_or_else(|| too_long(vm))?;
        }
        let (count, item_size, items) = match c {
            b's' | b'p' => (1, num, 1),
            b'x' => (0, num, 0),
            _ => (num, sz, num),
        };
        let bytes_len = if c == b's' || c == b'p' || c == b'x' {
            num
        } else {
            num.checked_mul(sz).ok_or_else(|| too_long(vm))?
        };
        if count > 0 {
            runs.push(Run {
                code: c,
                offset: size,
                count,
                size: item_size,
            });
        }
        size = size
            .checked_add(bytes_len)
            .filter(|s| *s <= isize::MAX as usize)
            .ok_or_else(|| too_long(vm))?;
        nitems += items;
    }
    Ok(Layout {
        order,
        runs,
        size,
        nitems,
    })
}

thread_local! {
    static CACHE: RefCell<HashMap<Vec<u8>, Rc<Layout>>> = RefCell::new(HashMap::new());
}

/// The bytes of a format argument (str or bytes).
fn format_bytes(o: &PyObj) -> VmResult<Vec<u8>> {
    if let Some(s) = string::as_str(o) {
        return Ok(s.as_bytes().to_vec());
    }
    if let Some(b) = bytes::data(o) {
        return Ok(b.to_vec());
    }
    Err(type_error(format!(
        "Struct() argument 1 must be a str or bytes object, not {}",
        typeobj::type_name(o)
    )))
}

/// The layout of a format, from the cache (cleared at 100 entries, as CPython's).
fn layout_of(vm: &mut Vm, fmt: &PyObj) -> VmResult<Rc<Layout>> {
    let key = format_bytes(fmt)?;
    if let Some(l) = CACHE.with(|c| c.borrow().get(&key).cloned()) {
        return Ok(l);
    }
    let l = Rc::new(parse_layout(vm, &key)?);
    CACHE.with(|c| {
        let mut c = c.borrow_mut();
        if c.len() >= 100 {
            c.clear();
        }
        c.insert(key, l.clone());
    });
    Ok(l)
}

/// The layout of a Struct instance.
fn layout_of_struct(vm: &mut Vm, s: &PyObj) -> VmResult<Rc<Layout>> {
    let f = vm.getattr(s, &string::intern_str("_format"))?;
    layout_of(vm, &f)
}

// ----- errors --------------------------------------------------------------------------

/// A struct.error with `msg`.
fn struct_error(vm: &mut Vm, msg: &str) -> Exc {
    let modules = vm.modules.clone();
    let m = match vm.dict_get_str(&modules, "_struct") {
        Some(m) => Ok(m),
        None => vm.import(&string::intern_str("_struct")),
    };
    let cls = m.and_then(|m| vm.getattr(&m, &string::intern_str("error")));
    match cls
        .ok()
        .and_then(|c| TypeRef::from_obj::<typeobj::TypeInfo>(&c))
    {
        Some(t) => Exc(new_exc(&t, vec![string::new(msg)])),
        None => exceptions::named("RuntimeError", msg),
    }
}

// ----- packing -------------------------------------------------------------------------

fn put_int(order: Order, v: u64, out: &mut [u8]) {
    let n = out.len();
    let big = match order {
        Order::Big => true,
        Order::Little => false,
        Order::Native => cfg!(target_endian = "big"),
    };
    for (k, b) in out.iter_mut().enumerate() {
        let shift = if big { (n - 1 - k) * 8 } else { k * 8 };
        *b = (v >> shift) as u8;
    }
}

fn get_int(order: Order, d: &[u8]) -> u64 {
    let n = d.len();
    let big = match order {
        Order::Big => true,
        Order::Little => false,
        Order::Native => cfg!(target_endian = "big"),
    };
    let mut v = 0u64;
    for (k, b) in d.iter().enumerate() {
        let shift = if big { (n - 1 - k) * 8 } else { k * 8 };
        v |= (*b as u64) << shift;
    }
    v
}

/// The int value of an argument (get_pylong): an int or an object with __index__.
fn int_arg(vm: &mut Vm, v: &PyObj) -> VmResult<Int> {
    if let Some(i) = int::value(v) {
        return Ok(i);
    }
    if v.vtable().heap_type && crate::objects::protocol::index_check(v) {
        let r = vm.index_arg(v)?;
        if let Some(i) = int::value(&r) {
            return Ok(i);
        }
    }
    Err(struct_error(vm, "required argument is not an integer"))
}

/// The float value of an argument (PyFloat_AsDouble).
fn float_arg(vm: &mut Vm, v: &PyObj) -> VmResult<f64> {
    if let Some(x) = float::value(v) {
        return Ok(x);
    }
    if let Some(i) = int::value(v) {
        return Ok(i.to_f64()?);
    }
    if v.vtable().heap_type {
        if let Some(r) = vm.convert_special(v, "__float__", &[])? {
            if let Some(x) = float::value(&r) {
                return Ok(x);
            }
        }
        if crate::objects::protocol::index_check(v) {
            let r = vm.index_arg(v)?;
            if let Some(i) = int::value(&r) {
                return Ok(i.to_f64()?);
            }
        }
    }
    Err(struct_error(vm, "required argument is not a float"))
}

fn out_of_range(vm: &mut Vm) -> Exc {
    struct_error(vm, "argument out of range")
}

/// The bits of an integer item (both byte orders' rules), with CPython's messages.
fn int_bits(vm: &mut Vm, code: u8, size: usize, big: bool, v: &PyObj) -> VmResult<u64> {
    let i = int_arg(vm, v)?;
    let x = i.to_i128();
    if code == b'P' {
        return match x {
            Some(x) if x >= i64::MIN as i128 && x <= u64::MAX as i128 => Ok(x as u64),
            _ => Err(struct_error(vm, "int too large to convert")),
        };
    }
    let signed = code.is_ascii_lowercase();
    let Some(x) = x else {
        return Err(out_of_range(vm));
    };
    let small = |vm: &mut Vm, name: &str, lo: i128, hi: i128| -> VmResult<u64> {
        if x < i64::MIN as i128 || x > i64::MAX as i128 {
            return Err(out_of_range(vm));
        }
        if x < lo || x > hi {
            return Err(struct_error(
                vm,
                &format!("{name} format requires {lo} <= number <= {hi}"),
            ));
        }
        Ok(x as u64)
    };
    // On a little-endian machine '<' and '=' share the native code's packers where
    // the sizes agree (CPython's module init), so their messages are the native ones;
    // '>' and '!' have their own for 'h', 'H', 'q' and 'Q'.
    match (code, big) {
        (b'b', _) => return small(vm, "byte", -128, 127),
        (b'B', _) => return small(vm, "ubyte", 0, 255),
        (b'h', false) => return small(vm, "short", -32768, 32767),
        (b'H', false) => return small(vm, "ushort", 0, 65535),
        (b'q' | b'Q', true) => {
            let fits = if signed {
                x >= i64::MIN as i128 && x <= i64::MAX as i128
            } else {
                x >= 0 && x <= u64::MAX as i128
            };
            if !fits {
                return Err(struct_error(vm, "int too large to convert"));
            }
            return Ok(x as u64);
        }
        _ => {}
    }
    if signed {
        if x < i64::MIN as i128 || x > i64::MAX as i128 {
            return Err(out_of_range(vm));
        }
        if size < 8 {
            let hi = (1i128 << (size * 8 - 1)) - 1;
            let lo = -hi - 1;
            if x < lo || x > hi {
                let c = code as char;
                return Err(struct_error(
                    vm,
                    &format!("'{c}' format requires {lo} <= number <= {hi}"),
                ));
            }
        }
    } else {
        if x < 0 || x > u64::MAX as i128 {
            return Err(out_of_range(vm));
        }
        if size < 8 {
            let hi = (1i128 << (size * 8)) - 1;
            if x > hi {
                let c = code as char;
                return Err(struct_error(
                    vm,
                    &format!("'{c}' format requires 0 <= number <= {hi}"),
                ));
            }
        }
    }
    Ok(x as u64)
}

/// frexp for a finite nonzero x: (m, e) with x = m * 2**e, 0.5 <= |m| < 1.
fn frexp(x: f64) -> (f64, i32) {
    let (x, adj) = if x.abs() < f64::MIN_POSITIVE {
        (x * 2f64.powi(64), -64)
    } else {
        (x, 0)
    };
    let bits = x.to_bits();
    let e = ((bits >> 52) & 0x7ff) as i32 - 1022;
    let m = f64::from_bits((bits & !(0x7ffu64 << 52)) | (1022u64 << 52));
    (m, e + adj)
}

fn ldexp(x: f64, e: i32) -> f64 {
    // Two steps keep each power of two representable.
    let h = e / 2;
    x * 2f64.powi(h) * 2f64.powi(e - h)
}

/// PyFloat_Pack2: the bits of a half float, None on overflow.
fn pack_half(x: f64) -> Option<u16> {
    let sign: u16 = if x.is_sign_negative() { 1 } else { 0 };
    if x == 0.0 {
        return Some(sign << 15);
    }
    if x.is_infinite() {
        return Some((sign << 15) | 0x7c00);
    }
    if x.is_nan() {
        return Some((sign << 15) | 0x7e00);
    }
    let (mut f, mut e) = frexp(x.abs());
    f *= 2.0;
    e -= 1;
    if e >= 16 {
        return None;
    } else if e < -25 {
        f = 0.0;
        e = 0;
    } else if e < -14 {
        f = ldexp(f, 14 + e);
        e = 0;
    } else {
        e += 15;
        f -= 1.0;
    }
    f *= 1024.0;
    let mut bits = f as u16;
    f -= bits as f64;
    if f > 0.5 || (f == 0.5 && bits % 2 == 1) {
        bits += 1;
        if bits == 1024 {
            bits = 0;
            e += 1;
            if e == 31 {
                return None;
            }
        }
    }
    Some(bits | ((e as u16) << 10) | (sign << 15))
}

/// PyFloat_Unpack2.
fn unpack_half(h: u16) -> f64 {
    let neg = h & 0x8000 != 0;
    let e = ((h >> 10) & 0x1f) as i32;
    let f = (h & 0x3ff) as f64;
    let x = if e == 0x1f {
        if f == 0.0 {
            f64::INFINITY
        } else {
            f64::NAN
        }
    } else if e == 0 {
        ldexp(f / 1024.0, -14)
    } else {
        ldexp(1.0 + f / 1024.0, e - 15)
    };
    if neg {
        -x
    } else {
        x
    }
}

/// Pack one item of `code` into `out` (out.len() is its size).
fn pack_item(vm: &mut Vm, order: Order, code: u8, v: &PyObj, out: &mut [u8]) -> VmResult<()> {
    let native = order == Order::Native;
    match code {
        b'c' => match bytes::data(v) {
            Some([b]) => out[0] = *b,
            _ => {
                return Err(struct_error(
                    vm,
                    "char format requires a bytes object of length 1",
                ))
            }
        },
        b's' | b'p' => {
            let data = if bytes::is_bytes(v) || v.is_a::<crate::objects::bytearray::ByteArray>() {
                buffer::to_vec(v).unwrap_or(Ok(Vec::new()))?
            } else {
                let c = code as char;
                return Err(struct_error(
                    vm,
                    &format!("argument for '{c}' must be a bytes object"),
                ));
            };
            if code == b's' {
                let n = data.len().min(out.len());
                out[..n].copy_from_slice(&data[..n]);
            } else if !out.is_empty() {
                let n = data.len().min(out.len() - 1);
                out[1..1 + n].copy_from_slice(&data[..n]);
                out[0] = n.min(255) as u8;
            }
        }
        b'?' => out[0] = vm.truthy(v)? as u8,
        b'e' => {
            let x = float_arg(vm, v)?;
            let Some(h) = pack_half(x) else {
                return Err(exceptions::named(
                    "OverflowError",
                    "float too large to pack with e format",
                ));
            };
            put_int(order, h as u64, out);
        }
        b'f' => {
            let x = float_arg(vm, v)?;
            let y = x as f32;
            if !native && y.is_infinite() && x.is_finite() {
                return Err(exceptions::named(
                    "OverflowError",
                    "float too large to pack with f format",
                ));
            }
            put_int(order, y.to_bits() as u64, out);
        }
        b'd' => {
            let x = float_arg(vm, v)?;
            put_int(order, x.to_bits(), out);
        }
        _ => {
            let bits = int_bits(vm, code, out.len(), order == Order::Big, v)?;
            put_int(order, bits, out);
        }
    }
    Ok(())
}

/// Pack `args` by `l` into `out` (l.size bytes, zeroed).
fn pack_all(vm: &mut Vm, l: &Layout, args: &[PyObj], out: &mut [u8], fname: &str) -> VmResult<()> {
    if args.len() != l.nitems {
        let msg = format!(
            "{fname} expected {} items for packing (got {})",
            l.nitems,
            args.len()
        );
        return Err(struct_error(vm, &msg));
    }
    let mut k = 0;
    for r in &l.runs {
        for j in 0..r.count {
            let at = r.offset + j * r.size;
            pack_item(vm, l.order, r.code, &args[k], &mut out[at..at + r.size])?;
            k += 1;
        }
    }
    Ok(())
}

fn unpack_item(order: Order, code: u8, d: &[u8]) -> VmResult<PyObj> {
    Ok(match code {
        b'c' => bytes::new(d),
        b's' => bytes::new(d),
        b'p' => {
            if d.is_empty() {
                bytes::new(b"")
            } else {
                let n = (d[0] as usize).min(d.len() - 1);
                bytes::new(&d[1..1 + n])
            }
        }
        b'?' => ops::bool_obj(d[0] != 0),
        b'e' => float::new(unpack_half(get_int(order, d) as u16)),
        b'f' => float::new(f32::from_bits(get_int(order, d) as u32) as f64),
        b'd' => float::new(f64::from_bits(get_int(order, d))),
        _ => {
            let u = get_int(order, d);
            let n = d.len() * 8;
            let v: i128 = if code.is_ascii_lowercase() && n < 128 {
                let s = 64 - n as u32;
                (((u << s) as i64) >> s) as i128
            } else {
                u as i128
            };
            ops::int_obj(&Int::from_i128(v))?
        }
    })
}

fn unpack_all(l: &Layout, d: &[u8]) -> VmResult<PyObj> {
    let mut items = Vec::with_capacity(l.nitems);
    for r in &l.runs {
        for j in 0..r.count {
            let at = r.offset + j * r.size;
            items.push(unpack_item(l.order, r.code, &d[at..at + r.size])?);
        }
    }
    Ok(tuple::new(items))
}

// ----- buffers -------------------------------------------------------------------------

/// A copy of the bytes of a bytes-like argument.
fn read_buffer(o: &PyObj) -> VmResult<Vec<u8>> {
    match buffer::to_vec(o) {
        Some(r) => Ok(r?),
        None => Err(type_error(format!(
            "a bytes-like object is required, not '{}'",
            typeobj::type_name(o)
        ))),
    }
}

/// The writable target of pack_into: (exporter, start, length).
fn write_target(o: &PyObj) -> VmResult<(PyObj, usize, usize)> {
    let not_writable = || {
        type_error(format!(
            "argument must be read-write bytes-like object, not {}",
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

/// The checked start of an offset into a buffer of `len` bytes (pack_into's and
/// unpack_from's rules).
fn checked_offset(
    vm: &mut Vm,
    offset: i64,
    need: usize,
    len: usize,
    packing: bool,
) -> VmResult<usize> {
    let mut off = offset;
    if off < 0 {
        if off.unsigned_abs() as usize > len {
            return Err(struct_error(
                vm,
                &format!("offset {offset} out of range for {len}-byte buffer"),
            ));
        }
        off += len as i64;
        if ((len as i64) - off) < need as i64 {
            let msg = if packing {
                format!("no space to pack {need} bytes at offset {offset}")
            } else {
                format!("not enough data to unpack {need} bytes at offset {offset}")
            };
            return Err(struct_error(vm, &msg));
        }
        return Ok(off as usize);
    }
    let off = off as usize;
    if len < need || off > len - need {
        let msg = if packing {
            format!(
                "pack_into requires a buffer of at least {} bytes for packing {need} bytes at offset {off} (actual buffer size is {len})",
                need + off
            )
        } else {
            format!(
                "unpack_from requires a buffer of at least {} bytes for unpacking {need} bytes at offset {off} (actual buffer size is {len})",
                need + off
            )
        };
        return Err(struct_error(vm, &msg));
    }
    Ok(off)
}

fn offset_arg(o: &PyObj) -> VmResult<i64> {
    crate::objects::args::as_ssize_t(o)
}

// ----- the operations, shared by the functions and Struct's methods ---------------------

/// `n` zero bytes, or MemoryError when they cannot be had.
fn zeroed(n: usize) -> VmResult<Vec<u8>> {
    let mut v = Vec::new();
    crate::objects::room::reserve_exact(&mut v, n)?;
    v.resize(n, 0);
    Ok(v)
}

fn do_pack(vm: &mut Vm, l: &Layout, args: &[PyObj]) -> VmResult<PyObj> {
    if args.len() != l.nitems {
        let msg = format!(
            "pack expected {} items for packing (got {})",
            l.nitems,
            args.len()
        );
        return Err(struct_error(vm, &msg));
    }
    let mut out = zeroed(l.size)?;
    pack_all(vm, l, args, &mut out, "pack")?;
    Ok(bytes::new(&out))
}

fn do_unpack(vm: &mut Vm, l: &Layout, buf: &PyObj) -> VmResult<PyObj> {
    let d = read_buffer(buf)?;
    if d.len() != l.size {
        return Err(struct_error(
            vm,
            &format!("unpack requires a buffer of {} bytes", l.size),
        ));
    }
    unpack_all(l, &d)
}

fn do_unpack_from(vm: &mut Vm, l: &Layout, buf: &PyObj, off: Option<&PyObj>) -> VmResult<PyObj> {
    let d = read_buffer(buf)?;
    let off = match off {
        Some(o) => offset_arg(o)?,
        None => 0,
    };
    let at = checked_offset(vm, off, l.size, d.len(), false)?;
    unpack_all(l, &d[at..at + l.size])
}

fn do_pack_into(vm: &mut Vm, l: &Layout, rest: &[PyObj], fname: &str) -> VmResult<PyObj> {
    let (buf, off, items) = match rest {
        [] => return Err(struct_error(vm, "pack_into expected buffer argument")),
        [_] => return Err(struct_error(vm, "pack_into expected offset argument")),
        [b, o, items @ ..] => (b, o, items),
    };
    if items.len() != l.nitems {
        let msg = format!(
            "{fname} expected {} items for packing (got {})",
            l.nitems,
            items.len()
        );
        return Err(struct_error(vm, &msg));
    }
    let (exp, start, len) = write_target(buf)?;
    let off = offset_arg(off)?;
    let at = checked_offset(vm, off, l.size, len, true)?;
    let mut out = zeroed(l.size)?;
    pack_all(vm, l, items, &mut out, fname)?;
    buffer::with_export_mut(&exp, |all| {
        all[start + at..start + at + l.size].copy_from_slice(&out)
    })?;
    Ok(ctx().none.clone())
}

fn do_iter_unpack(vm: &mut Vm, l: &Layout, s: PyObj, buf: &PyObj) -> VmResult<PyObj> {
    let d = read_buffer(buf)?;
    if l.size == 0 {
        return Err(struct_error(
            vm,
            "cannot iteratively unpack with a struct of length 0",
        ));
    }
    if d.len() % l.size != 0 {
        let msg = format!(
            "iterative unpacking requires a buffer of a multiple of {} bytes",
            l.size
        );
        return Err(struct_error(vm, &msg));
    }
    let modules = vm.modules.clone();
    let m = match vm.dict_get_str(&modules, "_struct") {
        Some(m) => m,
        None => vm.import(&string::intern_str("_struct"))?,
    };
    let f = vm.getattr(&m, &string::intern_str("_iterator"))?;
    vm.call(&f, Args::positional(&[s, bytes::new(&d)]))
}

/// A new Struct for a format (the module functions' iter_unpack needs one).
fn new_struct(vm: &mut Vm, fmt: &PyObj) -> VmResult<PyObj> {
    let modules = vm.modules.clone();
    let m = match vm.dict_get_str(&modules, "_struct") {
        Some(m) => m,
        None => vm.import(&string::intern_str("_struct"))?,
    };
    let cls = vm.getattr(&m, &string::intern_str("Struct"))?;
    vm.call(&cls, Args::positional(std::slice::from_ref(fmt)))
}

// ----- module functions ----------------------------------------------------------------

fn pack(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    args.no_kw("pack")?;
    let Some((fmt, rest)) = args.pos().split_first() else {
        return Err(type_error("missing format argument"));
    };
    let l = layout_of(vm, fmt)?;
    do_pack(vm, &l, rest)
}

fn unpack(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let a = args.range("unpack", 2, 2)?;
    let l = layout_of(vm, &a[0])?;
    do_unpack(vm, &l, &a[1])
}

fn calcsize(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let f = args.one("calcsize")?;
    let l = layout_of(vm, f)?;
    Ok(int::new_i64(l.size as i64))
}

fn pack_into(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    args.no_kw("pack_into")?;
    let Some((fmt, rest)) = args.pos().split_first() else {
        return Err(type_error("missing format argument"));
    };
    let l = layout_of(vm, fmt)?;
    do_pack_into(vm, &l, rest, "pack_into")
}

fn unpack_from(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let a = args.parse(&Signature {
        fname: "unpack_from",
        names: &["format", "buffer", "offset"],
        posonly: 1,
        maxpos: 3,
        required: 2,
    })?;
    let (Some(fmt), Some(buf)) = (a[0], a[1]) else {
        return Err(type_error("unpack_from() missing required argument"));
    };
    let l = layout_of(vm, fmt)?;
    do_unpack_from(vm, &l, buf, a[2])
}

fn iter_unpack(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let a = args.range("iter_unpack", 2, 2)?;
    let l = layout_of(vm, &a[0])?;
    let s = new_struct(vm, &a[0])?;
    do_iter_unpack(vm, &l, s, &a[1])
}

fn clearcache(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    args.none("_clearcache")?;
    CACHE.with(|c| c.borrow_mut().clear());
    Ok(ctx().none.clone())
}

/// `_parse(format)`: (the format as str, its size), for Struct.__init__.
fn parse_fmt(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let f = args.one("_parse")?;
    let l = layout_of(vm, f)?;
    let text = match string::as_str(f) {
        Some(_) => f.clone(),
        None => string::new(&String::from_utf8_lossy(bytes::data(f).unwrap_or(b""))),
    };
    Ok(tuple::pair(text, int::new_i64(l.size as i64)))
}

// ----- Struct's methods ----------------------------------------------------------------

fn self_and_rest<'a>(args: &Args<'a>, fname: &str) -> VmResult<(&'a PyObj, &'a [PyObj])> {
    args.no_kw(fname)?;
    args.pos()
        .split_first()
        .ok_or_else(|| type_error(format!("{fname}() needs an argument")))
}

fn s_pack(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let (s, rest) = self_and_rest(&args, "pack")?;
    let l = layout_of_struct(vm, s)?;
    do_pack(vm, &l, rest)
}

fn s_unpack(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let (s, rest) = self_and_rest(&args, "unpack")?;
    let [buf] = rest else {
        return Err(type_error(format!(
            "Struct.unpack() takes exactly one argument ({} given)",
            rest.len()
        )));
    };
    let l = layout_of_struct(vm, s)?;
    do_unpack(vm, &l, buf)
}

fn s_unpack_from(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let a = args.parse(&Signature {
        fname: "unpack_from",
        names: &["self", "buffer", "offset"],
        posonly: 1,
        maxpos: 3,
        required: 2,
    })?;
    let (Some(s), Some(buf)) = (a[0], a[1]) else {
        return Err(type_error("unpack_from() missing required argument"));
    };
    let l = layout_of_struct(vm, s)?;
    do_unpack_from(vm, &l, buf, a[2])
}

fn s_pack_into(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let (s, rest) = self_and_rest(&args, "pack_into")?;
    let l = layout_of_struct(vm, s)?;
    do_pack_into(vm, &l, rest, "pack_into")
}

fn s_iter_unpack(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let (s, rest) = self_and_rest(&args, "iter_unpack")?;
    let [buf] = rest else {
        return Err(type_error(format!(
            "Struct.iter_unpack() takes exactly one argument ({} given)",
            rest.len()
        )));
    };
    let l = layout_of_struct(vm, s)?;
    do_iter_unpack(vm, &l, s.clone(), buf)
}
