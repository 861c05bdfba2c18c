//! array.array: CPython 3.11's arrayobject, 80 bytes (GC header, header, ob_size, the
//! item pointer, `allocated`, the type descriptor, the weak-reference list and the
//! export count) plus the separately allocated items: sys.getsizeof is
//! 80 + allocated * itemsize.
//!
//! The items are a `Vec<u8>` whose capacity is `allocated * itemsize` exactly. Growth
//! is CPython's array_resize: nothing moves while `allocated >= newsize` and the array
//! shrinks by fewer than 16 items; otherwise
//! `allocated = newsize + newsize / 16 + (3 if size < 8 else 7)` (0 for an empty
//! array), so appends give 4, 8, 16, 25, 34, 44, 54, 65, ... items.

use std::cell::Cell;

use crate::error::{ExcKind, PyErr, PyResult};
use crate::heap::{PMut, PRef, Payload, PyObj, Visit};

use super::buffer::Format;
use super::context::ctx;

/// The payload of an array.
pub struct Array {
    /// The items' bytes; capacity = allocated * itemsize.
    buf: Vec<u8>,
    /// Live buffer exports (memoryviews).
    exports: Cell<usize>,
    /// CPython's weakreflist (always empty: glasspy has no weak references).
    _weakreflist: Option<PyObj>,
    /// The typecode.
    pub format: Format,
}

impl Payload for Array {
    type Item = ();
    const NAME: &'static str = "array.array";
    const GC: bool = true;
    const MUTABLE: bool = true;
    fn traverse(&self, _: &[()], _visit: Visit<'_>) {}
    fn extra_size(&self) -> usize {
        self.buf.capacity()
    }
}

/// The typecodes array.array accepts.
pub const TYPECODES: &str = "bBuhHiIlLqQfd";

fn resize_error() -> PyErr {
    PyErr::new(
        ExcKind::BufferError,
        "cannot resize an array that is exporting buffers",
    )
}

impl Array {
    /// An array of `format` with exactly `n` zeroed items allocated (newarrayobject).
    pub fn with_len(format: Format, n: usize) -> PyResult<Array> {
        let bytes = n
            .checked_mul(format.itemsize())
            .filter(|b| *b <= isize::MAX as usize / 2)
            .ok_or_else(PyErr::memory)?;
        let mut buf = Vec::new();
        crate::objects::room::reserve_exact(&mut buf, bytes)?;
        buf.resize(bytes, 0);
        Ok(Array {
            buf,
            exports: Cell::new(0),
            _weakreflist: None,
            format,
        })
    }

    /// An array holding exactly `data` (allocated = its length).
    pub fn from_bytes_exact(format: Format, data: &[u8]) -> PyResult<Array> {
        let mut a = Array::with_len(format, 0)?;
        crate::objects::room::reserve_exact(&mut a.buf, data.len())?;
        a.buf.extend_from_slice(data);
        Ok(a)
    }

    pub fn itemsize(&self) -> usize {
        self.format.itemsize()
    }

    /// Number of items.
    pub fn len(&self) -> usize {
        self.buf.len() / self.itemsize()
    }

    pub fn is_empty(&self) -> bool {
        self.buf.is_empty()
    }

    /// CPython's `allocated` (in items).
    pub fn allocated(&self) -> usize {
        self.buf.capacity() / self.itemsize()
    }

    /// The items' bytes.
    pub fn data(&self) -> &[u8] {
        &self.buf
    }

    /// The items' bytes, to write in place.
    pub fn data_mut(&mut self) -> &mut [u8] {
        &mut self.buf
    }

    pub fn exports(&self) -> usize {
        self.exports.get()
    }

    /// A memoryview starts or stops using the items.
    pub fn add_export(&self, delta: isize) {
        let n = self.exports.get() as isize + delta;
        self.exports.set(n.max(0) as usize);
    }

    /// CPython's array_resize: make the length `newsize` items (new items zero).
    pub fn resize(&mut self, newsize: usize) -> PyResult<()> {
        let size = self.len();
        let k = self.itemsize();
        if self.exports.get() > 0 && newsize != size {
            return Err(resize_error());
        }
        if self.allocated() >= newsize && size < newsize + 16 && self.buf.capacity() > 0 {
            self.buf.resize(newsize * k, 0);
            return Ok(());
        }
        if newsize == 0 {
            self.buf = Vec::new();
            return Ok(());
        }
        let alloc = (newsize >> 4) + if size < 8 { 3 } else { 7 } + newsize;
        let bytes = alloc
            .checked_mul(k)
            .filter(|b| *b <= isize::MAX as usize / 2)
            .ok_or_else(PyErr::memory)?;
        self.buf.truncate(newsize.min(size) * k);
        if bytes > self.buf.capacity() {
            let more = bytes - self.buf.len();
            crate::objects::room::reserve_exact(&mut self.buf, more)?;
        } else {
            self.buf.shrink_to(bytes);
        }
        self.buf.resize(newsize * k, 0);
        Ok(())
    }

    /// Replace items `lo..hi` by the items in `new` (bytes of this format), resizing
    /// once as CPython's slice assignment does.
    pub fn replace_items(&mut self, lo: usize, hi: usize, new: &[u8]) -> PyResult<()> {
        let k = self.itemsize();
        let size = self.len();
        let n_new = new.len() / k;
        let removed = hi - lo;
        if n_new < removed {
            if self.exports.get() > 0 {
                return Err(resize_error());
            }
            self.buf.copy_within(hi * k..size * k, (lo + n_new) * k);
            self.buf[lo * k..(lo + n_new) * k].copy_from_slice(new);
            // Shrink the length first, then let the policy decide on the memory.
            let newsize = size - (removed - n_new);
            self.buf.truncate(newsize * k);
            self.shrink_policy(size, newsize)
        } else if n_new > removed {
            self.resize(size + n_new - removed)?;
            self.buf.copy_within(hi * k..size * k, (lo + n_new) * k);
            self.buf[lo * k..(lo + n_new) * k].copy_from_slice(new);
            Ok(())
        } else {
            self.buf[lo * k..hi * k].copy_from_slice(new);
            Ok(())
        }
    }

    /// array_resize's decision after the items were already moved down to
    /// `newsize` (the array had `old` items).
    fn shrink_policy(&mut self, old: usize, newsize: usize) -> PyResult<()> {
        let k = self.itemsize();
        if self.allocated() >= newsize && old < newsize + 16 && self.buf.capacity() > 0 {
            return Ok(());
        }
        if newsize == 0 {
            self.buf = Vec::new();
            return Ok(());
        }
        let alloc = (newsize >> 4) + if old < 8 { 3 } else { 7 } + newsize;
        self.buf.shrink_to(alloc * k);
        Ok(())
    }

    /// Delete the items at the sorted positions `pos` (an extended slice).
    pub fn delete_positions(&mut self, pos: &[usize]) -> PyResult<()> {
        if pos.is_empty() {
            return Ok(());
        }
        if self.exports.get() > 0 {
            return Err(resize_error());
        }
        let k = self.itemsize();
        let n = self.len();
        let mut w = 0;
        let mut p = 0;
        for i in 0..n {
            if p < pos.len() && pos[p] == i {
                p += 1;
                continue;
            }
            self.buf.copy_within(i * k..(i + 1) * k, w * k);
            w += 1;
        }
        self.buf.truncate(w * k);
        self.shrink_policy(n, w)
    }

    /// Append the items in `data` (bytes of this format): one resize.
    pub fn extend_bytes(&mut self, data: &[u8]) -> PyResult<()> {
        let n = self.len();
        self.resize(n + data.len() / self.itemsize())?;
        let k = self.itemsize();
        self.buf[n * k..].copy_from_slice(data);
        Ok(())
    }

    /// Insert one item (its bytes) before position `i`.
    pub fn insert_item(&mut self, i: usize, item: &[u8]) -> PyResult<()> {
        let n = self.len();
        let k = self.itemsize();
        self.resize(n + 1)?;
        self.buf.copy_within(i * k..n * k, (i + 1) * k);
        self.buf[i * k..(i + 1) * k].copy_from_slice(item);
        Ok(())
    }
}

/// A new array object.
pub fn new(a: Array) -> PyObj {
    PyObj::new(&ctx().array_type, a)
}

pub fn borrow(obj: &PyObj) -> Option<PRef<'_, Array>> {
    obj.borrow::<Array>().ok()
}

pub fn borrow_mut(obj: &PyObj) -> Option<PMut<'_, Array>> {
    obj.borrow_mut::<Array>().ok()
}

/// array iterator (56 bytes: CPython's keeps the item getter too).
pub struct ArrayIter {
    pub index: usize,
    pub seq: Option<PyObj>,
    _getitem: usize,
}

impl ArrayIter {
    pub fn new(seq: PyObj) -> ArrayIter {
        ArrayIter {
            index: 0,
            seq: Some(seq),
            _getitem: 0,
        }
    }
}

impl Payload for ArrayIter {
    type Item = ();
    const NAME: &'static str = "arrayiterator";
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

#[cfg(test)]
mod tests {
    use super::*;

    /// python3: a = array.array('b'); sizes after each of 20 appends, minus 80.
    #[test]
    fn append_growth_is_cpythons() {
        let mut a = Array::with_len(Format(b'b'), 0).expect("alloc");
        let mut got = Vec::new();
        for i in 0..20 {
            a.resize(i + 1).expect("resize");
            got.push(a.allocated());
        }
        assert_eq!(
            got,
            [4, 4, 4, 4, 8, 8, 8, 8, 16, 16, 16, 16, 16, 16, 16, 16, 25, 25, 25, 25]
        );
    }
}
