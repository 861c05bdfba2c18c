//! The buffer protocol: the objects that export their bytes (bytes, bytearray,
//! array.array, and memoryview, which re-exports its exporter's), item formats (the
//! native single-character codes of the struct module), and read / write access to an
//! exporter's data. A bytearray or array counts its exports and refuses to change
//! size while any exist; bytes never change.
//!
//! Also the iterator payloads of bytes, bytearray, memoryview and array.

use crate::error::{ExcKind, PyErr, PyResult};
use crate::heap::{Payload, PyObj, Visit};

use super::array::{self, Array};
use super::bytearray::{self, ByteArray};
use super::bytes;
use super::memoryview::{self, MemoryView};

/// An item format: one of struct's native codes b B c ? h H i I l L q Q n N f d, or
/// array's u (a wchar_t, 4 bytes here).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct Format(pub u8);

/// One unpacked item.
#[derive(Clone, Copy, PartialEq, Debug)]
pub enum Item {
    Int(i128),
    Float(f64),
    Bool(bool),
    /// 'c': a one-byte bytes.
    Char(u8),
    /// 'u': a character.
    Wchar(u32),
}

impl Format {
    pub const BYTE: Format = Format(b'B');

    /// A format string as memoryview.cast and the buffer protocol give it ("B",
    /// "@i", ...): None when it is not a native single-item format.
    pub fn parse(s: &str) -> Option<Format> {
        let s = s.strip_prefix('@').unwrap_or(s);
        match s.as_bytes() {
            [c] if Format(*c).known() => Some(Format(*c)),
            _ => None,
        }
    }

    fn known(self) -> bool {
        matches!(
            self.0,
            b'b' | b'B'
                | b'c'
                | b'?'
                | b'h'
                | b'H'
                | b'i'
                | b'I'
                | b'l'
                | b'L'
                | b'q'
                | b'Q'
                | b'n'
                | b'N'
                | b'f'
                | b'd'
                | b'u'
                | b'w'
        )
    }

    /// The format as a str ("B").
    pub fn as_str(self) -> String {
        (self.0 as char).to_string()
    }

    /// Bytes per item.
    pub fn itemsize(self) -> usize {
        match self.0 {
            b'b' | b'B' | b'c' | b'?' => 1,
            b'h' | b'H' => 2,
            b'i' | b'I' | b'f' | b'u' | b'w' => 4,
            _ => 8,
        }
    }

    /// Is this an integer format (and its range)?
    pub fn int_range(self) -> Option<(i128, i128)> {
        let r = match self.0 {
            b'b' => (i8::MIN as i128, i8::MAX as i128),
            b'B' => (0, u8::MAX as i128),
            b'h' => (i16::MIN as i128, i16::MAX as i128),
            b'H' => (0, u16::MAX as i128),
            b'i' => (i32::MIN as i128, i32::MAX as i128),
            b'I' => (0, u32::MAX as i128),
            b'l' | b'q' | b'n' => (i64::MIN as i128, i64::MAX as i128),
            b'L' | b'Q' | b'N' => (0, u64::MAX as i128),
            _ => return None,
        };
        Some(r)
    }

    pub fn is_float(self) -> bool {
        matches!(self.0, b'f' | b'd')
    }

    /// The item stored in `b` (exactly `itemsize` bytes, native byte order).
    pub fn unpack(self, b: &[u8]) -> Item {
        let n = |k: usize| -> [u8; 8] {
            let mut a = [0u8; 8];
            a[..k].copy_from_slice(&b[..k]);
            a
        };
        match self.0 {
            b'b' => Item::Int(b[0] as i8 as i128),
            b'B' => Item::Int(b[0] as i128),
            b'c' => Item::Char(b[0]),
            b'?' => Item::Bool(b[0] != 0),
            b'h' => Item::Int(i16::from_ne_bytes([b[0], b[1]]) as i128),
            b'H' => Item::Int(u16::from_ne_bytes([b[0], b[1]]) as i128),
            b'i' => Item::Int(i32::from_ne_bytes([b[0], b[1], b[2], b[3]]) as i128),
            b'I' => Item::Int(u32::from_ne_bytes([b[0], b[1], b[2], b[3]]) as i128),
            b'u' | b'w' => Item::Wchar(u32::from_ne_bytes([b[0], b[1], b[2], b[3]])),
            b'f' => Item::Float(f32::from_ne_bytes([b[0], b[1], b[2], b[3]]) as f64),
            b'd' => Item::Float(f64::from_ne_bytes(n(8))),
            b'L' | b'Q' | b'N' => Item::Int(u64::from_ne_bytes(n(8)) as i128),
            _ => Item::Int(i64::from_ne_bytes(n(8)) as i128),
        }
    }

    /// The bytes of integer `v`; None when it is out of this format's range.
    pub fn pack_int(self, v: i128, out: &mut [u8]) -> Option<()> {
        let (lo, hi) = self.int_range()?;
        if v < lo || v > hi {
            return None;
        }
        let k = self.itemsize();
        let bytes = if lo < 0 {
            (v as i64).to_ne_bytes()
        } else {
            (v as u64).to_ne_bytes()
        };
        // Native (little-endian here) order: the low bytes come first.
        if cfg!(target_endian = "little") {
            out[..k].copy_from_slice(&bytes[..k]);
        } else {
            out[..k].copy_from_slice(&bytes[8 - k..]);
        }
        Some(())
    }

    /// The bytes of float `v` ('f' rounds to single precision).
    pub fn pack_float(self, v: f64, out: &mut [u8]) {
        if self.0 == b'f' {
            out[..4].copy_from_slice(&(v as f32).to_ne_bytes());
        } else {
            out[..8].copy_from_slice(&v.to_ne_bytes());
        }
    }
}

impl Item {
    /// Python equality of two items (numbers by value, NaN unequal to itself).
    pub fn py_eq(self, other: Item) -> bool {
        use Item::*;
        let num = |x: Item| match x {
            Int(i) => Some((Some(i), i as f64)),
            Bool(b) => Some((Some(b as i128), b as u8 as f64)),
            Float(f) => Some((None, f)),
            _ => None,
        };
        match (self, other) {
            (Char(a), Char(b)) => a == b,
            (Wchar(a), Wchar(b)) => a == b,
            _ => match (num(self), num(other)) {
                (Some((Some(a), _)), Some((Some(b), _))) => a == b,
                (Some((_, a)), Some((_, b))) => {
                    // An int against a float: exactly, as Python compares them.
                    match (self, other) {
                        (Int(i), Float(f)) | (Float(f), Int(i)) => {
                            f.is_finite() && f.fract() == 0.0 && (f as i128) == i && {
                                let back = i as f64;
                                back == f
                            }
                        }
                        _ => a == b,
                    }
                }
                _ => false,
            },
        }
    }
}

fn busy() -> PyErr {
    PyErr::new(ExcKind::RuntimeError, "buffer is being changed")
}

/// Does `obj` export a buffer (bytes, bytearray, array, memoryview)?
pub fn is_buffer(obj: &PyObj) -> bool {
    bytes::is_bytes(obj)
        || obj.is_a::<ByteArray>()
        || obj.is_a::<Array>()
        || obj.is_a::<MemoryView>()
}

/// An exporter's format, whether it is read-only, and its size in bytes (bytes,
/// bytearray, array; not a memoryview).
pub fn exporter_info(obj: &PyObj) -> Option<PyResult<(Format, bool, usize)>> {
    if let Some(d) = bytes::data(obj) {
        return Some(Ok((Format::BYTE, true, d.len())));
    }
    if obj.is_a::<ByteArray>() {
        return Some(
            bytearray::borrow(obj)
                .map(|b| (Format::BYTE, false, b.len()))
                .ok_or_else(busy),
        );
    }
    if obj.is_a::<Array>() {
        // array's 'u' (wchar_t) is exported as format 'w'.
        let export = |f: Format| if f.0 == b'u' { Format(b'w') } else { f };
        return Some(
            array::borrow(obj)
                .map(|a| (export(a.format), false, a.data().len()))
                .ok_or_else(busy),
        );
    }
    None
}

/// Count one more (delta 1) or one fewer (-1) export of a bytearray or array.
pub fn add_export(obj: &PyObj, delta: isize) {
    if let Some(b) = bytearray::borrow(obj) {
        b.add_export(delta);
    } else if let Some(a) = array::borrow(obj) {
        a.add_export(delta);
    }
}

/// `f` over all the data of an exporter (bytes, bytearray, array).
pub fn with_export<R>(obj: &PyObj, f: impl FnOnce(&[u8]) -> R) -> PyResult<R> {
    if let Some(d) = bytes::data(obj) {
        return Ok(f(d));
    }
    if obj.is_a::<ByteArray>() {
        let b = bytearray::borrow(obj).ok_or_else(busy)?;
        return Ok(f(b.data()));
    }
    let a = array::borrow(obj).ok_or_else(busy)?;
    Ok(f(a.data()))
}

/// `f` over all the data of a writable exporter (bytearray, array).
pub fn with_export_mut<R>(obj: &PyObj, f: impl FnOnce(&mut [u8]) -> R) -> PyResult<R> {
    if obj.is_a::<ByteArray>() {
        let mut b = bytearray::borrow_mut(obj).ok_or_else(busy)?;
        return Ok(f(b.data_mut()));
    }
    let mut a = array::borrow_mut(obj).ok_or_else(busy)?;
    Ok(f(a.data_mut()))
}

/// `f` over the bytes of any bytes-like object, contiguous (a strided memoryview's
/// items are gathered first). None when `obj` has no buffer; an error for a
/// released memoryview.
pub fn with_bytes<R>(obj: &PyObj, f: impl FnOnce(&[u8]) -> R) -> Option<PyResult<R>> {
    if let Some(d) = bytes::data(obj) {
        return Some(Ok(f(d)));
    }
    if obj.is_a::<ByteArray>() || obj.is_a::<Array>() {
        return Some(with_export(obj, f));
    }
    if obj.is_a::<MemoryView>() {
        return Some(memoryview::with_view_bytes(obj, f));
    }
    None
}

/// A copy of the bytes of any bytes-like object (see `with_bytes`).
pub fn to_vec(obj: &PyObj) -> Option<PyResult<Vec<u8>>> {
    with_bytes(obj, <[u8]>::to_vec)
}

/// The items of a buffer as a format and their values (for comparisons).
pub fn items(obj: &PyObj) -> Option<PyResult<(Format, Vec<Item>)>> {
    if obj.is_a::<MemoryView>() {
        return Some(memoryview::items(obj));
    }
    let info = match exporter_info(obj)? {
        Ok(i) => i,
        Err(e) => return Some(Err(e)),
    };
    let fmt = info.0;
    Some(with_export(obj, |d| {
        (
            fmt,
            d.chunks_exact(fmt.itemsize())
                .map(|c| fmt.unpack(c))
                .collect(),
        )
    }))
}

// ----- iterators ---------------------------------------------------------------------

/// bytes_iterator and bytearray_iterator: an index into the sequence (48 bytes).
pub struct BytesIter {
    pub index: usize,
    /// The sequence; None once exhausted.
    pub seq: Option<PyObj>,
}

impl Payload for BytesIter {
    type Item = ();
    const NAME: &'static str = "bytes_iterator";
    const GC: bool = true;
    const MUTABLE: bool = true;
    fn traverse(&self, _: &[()], visit: Visit<'_>) {
        if let Some(s) = &self.seq {
            visit(s);
        }
    }
    fn clear(&mut self) {
        drop(self.seq.take());
    }
}

/// memory_iterator (64 bytes: CPython's keeps the length and the format too).
pub struct MemIter {
    pub index: usize,
    pub seq: Option<PyObj>,
    pub len: usize,
    _fmt: usize,
}

impl MemIter {
    pub fn new(seq: PyObj, len: usize) -> MemIter {
        MemIter {
            index: 0,
            seq: Some(seq),
            len,
            _fmt: 0,
        }
    }
}

impl Payload for MemIter {
    type Item = ();
    const NAME: &'static str = "memory_iterator";
    const GC: bool = true;
    const MUTABLE: bool = true;
    fn traverse(&self, _: &[()], visit: Visit<'_>) {
        if let Some(s) = &self.seq {
            visit(s);
        }
    }
    fn clear(&mut self) {
        drop(self.seq.take());
    }
}

// ----- equality and hashing (dict keys, ==) ------------------------------------------

/// `a == b` when either is a bytes-like object: None when neither is, or when the pair
/// is not comparable (they are then unequal unless identical).
///
/// bytes equal bytes; a bytearray equals any buffer with the same bytes; a
/// memoryview compares its items by value with another buffer's (released views are
/// equal only to themselves); arrays compare items by value.
pub fn eq(a: &PyObj, b: &PyObj) -> Option<PyResult<bool>> {
    if !is_buffer(a) && !is_buffer(b) {
        return None;
    }
    if !is_buffer(a) || !is_buffer(b) {
        return Some(Ok(false));
    }
    let (mva, mvb) = (a.is_a::<MemoryView>(), b.is_a::<MemoryView>());
    let released = |o: &PyObj| memoryview::borrow(o).is_some_and(|m| m.is_released());
    if (mva && released(a)) || (mvb && released(b)) {
        return Some(Ok(a.is(b)));
    }
    if let (Some(x), Some(y)) = (bytes::data(a), bytes::data(b)) {
        return Some(Ok(x == y));
    }
    // The left operand's comparison runs first: a bytearray's compares raw bytes, a
    // memoryview's items; bytes and arrays leave other types to the right operand.
    let ba = |o: &PyObj| o.is_a::<ByteArray>();
    if ba(a) || (!mva && ba(b)) {
        // bytearray's comparison: the raw bytes of both.
        return Some((|| {
            let x = to_vec(a).expect("a buffer")?;
            with_bytes(b, |y| x == y).expect("a buffer")
        })());
    }
    if mva || mvb || (a.is_a::<Array>() && b.is_a::<Array>()) {
        return Some((|| {
            let (_, x) = items(a).expect("a buffer")?;
            let (_, y) = items(b).expect("a buffer")?;
            Ok(x.len() == y.len() && x.iter().zip(&y).all(|(p, q)| p.py_eq(*q)))
        })());
    }
    // bytes against an array: neither compares to the other.
    Some(Ok(false))
}

/// hash() of a bytes-like object: bytes by their data; a memoryview only when
/// read-only with a byte format. None for other objects (bytearray and array are
/// unhashable as mutable objects).
pub fn hash(obj: &PyObj) -> Option<PyResult<i64>> {
    if let Some(h) = bytes::hash(obj) {
        return Some(Ok(h));
    }
    if !obj.is_a::<MemoryView>() {
        return None;
    }
    Some((|| {
        let (readonly, format, cached) = {
            let m = memoryview::borrow(obj).ok_or_else(busy)?;
            m.exporter()?;
            (m.readonly, m.format, m.hash)
        };
        if cached != -1 {
            return Ok(cached);
        }
        if !readonly {
            return Err(PyErr::new(
                ExcKind::ValueError,
                "cannot hash writable memoryview object",
            ));
        }
        if !matches!(format.0, b'B' | b'b' | b'c') {
            return Err(PyErr::new(
                ExcKind::ValueError,
                "memoryview: hashing is restricted to formats 'B', 'b' or 'c'",
            ));
        }
        let h = memoryview::with_view_bytes(obj, |d| {
            super::unicode::hash::hash_bytes_with(super::unicode::hash::hash_secret(), d)
        })?;
        if let Ok(mut m) = obj.borrow_mut::<MemoryView>() {
            m.hash = h;
        }
        Ok(h)
    })())
}

// ----- data attributes ------------------------------------------------------------

/// The data attributes of a memoryview (nbytes, itemsize, format, ndim, shape,
/// strides, suboffsets, readonly, obj, the contiguity flags) and of an array
/// (typecode, itemsize): None when `obj` has no such attribute.
pub fn getattr(obj: &PyObj, name: &str) -> Option<PyResult<PyObj>> {
    use super::{ctx, int, string, tuple};
    let n = |x: usize| int::new_i64(x as i64);
    let b = |v: bool| {
        let c = ctx();
        if v {
            c.true_.clone()
        } else {
            c.false_.clone()
        }
    };
    if let Some(a) = array::borrow(obj) {
        return match name {
            "typecode" => Some(Ok(string::new(&a.format.as_str()))),
            "itemsize" => Some(Ok(n(a.itemsize()))),
            _ => None,
        };
    }
    if !obj.is_a::<MemoryView>() {
        return None;
    }
    const NAMES: [&str; 12] = [
        "obj",
        "nbytes",
        "itemsize",
        "format",
        "ndim",
        "shape",
        "strides",
        "suboffsets",
        "readonly",
        "c_contiguous",
        "f_contiguous",
        "contiguous",
    ];
    if !NAMES.contains(&name) {
        return None;
    }
    let Some(v) = memoryview::borrow(obj) else {
        return Some(Err(busy()));
    };
    let exp = match v.exporter() {
        Ok(e) => e,
        Err(e) => return Some(Err(e)),
    };
    Some(Ok(match name {
        "obj" => exp,
        "nbytes" => n(v.nbytes()),
        "itemsize" => n(v.itemsize()),
        "format" => string::new(&v.format_str()),
        "ndim" => n(1),
        "shape" => tuple::new(vec![n(v.len)]),
        "strides" => tuple::new(vec![int::new_i64(v.stride as i64)]),
        "suboffsets" => ctx().empty_tuple.clone(),
        "readonly" => b(v.readonly),
        _ => b(v.contiguous()),
    }))
}

/// A memoryview's or array's data attribute through `getattr` above.
fn read(o: &PyObj, name: &str) -> super::exceptions::VmResult<PyObj> {
    match getattr(o, name) {
        Some(r) => Ok(r?),
        None => Err(super::exceptions::type_error(format!(
            "descriptor '{name}' doesn't apply to a '{}' object",
            super::typeobj::type_name(o)
        ))),
    }
}

macro_rules! getters {
    ($($f:ident => $n:literal),* $(,)?) => {
        $(fn $f(
            _: &mut dyn super::runtime::Runtime,
            o: &PyObj,
        ) -> super::exceptions::VmResult<PyObj> {
            read(o, $n)
        })*
    };
}

getters![
    mv_obj => "obj", mv_nbytes => "nbytes", mv_itemsize => "itemsize",
    mv_format => "format", mv_ndim => "ndim", mv_shape => "shape",
    mv_strides => "strides", mv_suboffsets => "suboffsets", mv_readonly => "readonly",
    mv_c_contiguous => "c_contiguous", mv_f_contiguous => "f_contiguous",
    mv_contiguous => "contiguous", ar_typecode => "typecode", ar_itemsize => "itemsize",
];

use super::descr::GetSetDef as G;

/// memoryview's getset descriptors.
pub static MEMORYVIEW_GETSETS: &[G] = &[
    G::getter("obj", mv_obj),
    G::getter("nbytes", mv_nbytes),
    G::getter("readonly", mv_readonly),
    G::getter("itemsize", mv_itemsize),
    G::getter("format", mv_format),
    G::getter("ndim", mv_ndim),
    G::getter("shape", mv_shape),
    G::getter("strides", mv_strides),
    G::getter("suboffsets", mv_suboffsets),
    G::getter("c_contiguous", mv_c_contiguous),
    G::getter("f_contiguous", mv_f_contiguous),
    G::getter("contiguous", mv_contiguous),
];

/// array's getset descriptors.
pub static ARRAY_GETSETS: &[G] = &[
    G::getter("typecode", ar_typecode),
    G::getter("itemsize", ar_itemsize),
];
