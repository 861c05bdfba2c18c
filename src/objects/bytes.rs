//! bytes: CPython 3.11's PyBytesObject. One block: the object header, ob_size, the
//! cached hash, then the bytes inline and a NUL byte, so sys.getsizeof is 33 + n.
//!
//! b'' and the 256 one-byte strings are preallocated singletons (CPython's
//! `characters` cache): every bytes of length 0 or 1 made from data is one of them;
//! `bytes(1)` (a zero-filled new object) is not, as in CPython.

use std::cell::Cell;

use crate::heap::{Payload, PyObj, TypeRef};

use super::context::ctx;
use super::unicode::hash::{hash_bytes_with, hash_secret};

/// The fixed part of a bytes object (the bytes and the NUL are the inline items).
pub struct Bytes {
    /// Cached hash; -1 until first computed.
    hash: Cell<i64>,
}

impl Payload for Bytes {
    type Item = u8;
    const NAME: &'static str = "bytes";
}

/// Allocate a bytes object of type `ty` with `n` bytes written by `fill` (the NUL is
/// added). No singletons. None when the memory cannot be had.
pub fn alloc_with(ty: &TypeRef, n: usize, fill: impl FnOnce(&mut [u8])) -> Option<PyObj> {
    let total = n.checked_add(1)?;
    if total > isize::MAX as usize - 64 {
        return None;
    }
    let payload = Bytes {
        hash: Cell::new(-1),
    };
    PyObj::new_var_filled(ty, false, payload, total, |items: &mut [u8]| {
        fill(&mut items[..n]);
    })
}

/// The bytes holding `data`: a singleton for length 0 or 1. None if memory runs out.
pub fn try_new(data: &[u8]) -> Option<PyObj> {
    let c = ctx();
    match data {
        [] => Some(c.empty_bytes.clone()),
        [b] => Some(c.byte_chars[*b as usize].clone()),
        _ => copied(&c.bytes_type, data),
    }
}

/// As `try_new`; panics when memory runs out (for small, known sizes).
/// Past the memory limit a large one is still served (`heap::served`): MemoryError
/// comes at the next instruction.
pub fn new(data: &[u8]) -> PyObj {
    try_new(data)
        .or_else(|| crate::heap::served(|| try_new(data)))
        .expect("out of memory building a bytes")
}

/// A new bytes of `n` zero bytes (`bytes(n)`): only b'' is shared.
pub fn zeroed(n: usize) -> Option<PyObj> {
    if n == 0 {
        return Some(ctx().empty_bytes.clone());
    }
    alloc_with(&ctx().bytes_type, n, |_| {})
}

/// A new bytes of `n` bytes written by `fill`, through the singletons for n <= 1.
pub fn build(n: usize, fill: impl FnOnce(&mut [u8])) -> Option<PyObj> {
    if n <= 1 {
        let mut one = [0u8; 1];
        fill(&mut one[..n]);
        return try_new(&one[..n]);
    }
    alloc_with(&ctx().bytes_type, n, fill)
}

/// An object of class `ty` (bytes or a subclass) holding `data`; never a singleton
/// unless `ty` is bytes itself.
pub fn new_typed(ty: &TypeRef, data: &[u8]) -> Option<PyObj> {
    if ty.is(&ctx().bytes_type) {
        return try_new(data);
    }
    copied(ty, data)
}

/// A new object of `ty` holding `data` and its NUL, copied once (nothing zeroed
/// first). None when the memory cannot be had.
fn copied(ty: &TypeRef, data: &[u8]) -> Option<PyObj> {
    if data.len() >= isize::MAX as usize - 64 {
        return None;
    }
    let payload = Bytes {
        hash: Cell::new(-1),
    };
    PyObj::new_var_concat(ty, false, payload, &[data, b"\0"])
}

/// The bytes of a bytes object (or of an instance of a subclass).
#[inline]
pub fn data(obj: &PyObj) -> Option<&[u8]> {
    let items = obj.items::<Bytes>()?;
    Some(&items[..items.len() - 1])
}

/// Is `obj` a bytes (or an instance of a subclass of bytes)?
#[inline]
pub fn is_bytes(obj: &PyObj) -> bool {
    obj.is_a::<Bytes>()
}

/// hash(b): CPython's _Py_HashBytes (equal to the hash of the Latin-1 str of the
/// same characters), cached in the object.
pub fn hash(obj: &PyObj) -> Option<i64> {
    let b = obj.get::<Bytes>()?;
    let h = b.hash.get();
    if h != -1 {
        return Some(h);
    }
    let h = hash_bytes_with(hash_secret(), data(obj)?);
    b.hash.set(h);
    Some(h)
}

/// Build the b'' and one-byte singletons (called while the context is built).
pub(crate) fn make_singletons(ty: &TypeRef) -> (PyObj, Vec<PyObj>) {
    let empty = alloc_with(ty, 0, |_| {}).expect("tiny allocation");
    let chars = (0u16..256)
        .map(|c| alloc_with(ty, 1, |d| d[0] = c as u8).expect("tiny allocation"))
        .collect();
    (empty, chars)
}
