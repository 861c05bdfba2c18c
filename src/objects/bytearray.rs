//! bytearray: CPython 3.11's PyByteArrayObject, 56 bytes (header, then the buffer's
//! pointer, length and capacity, the logical start and the export count) plus the
//! separately allocated buffer, whose capacity is CPython's `ob_alloc`:
//! sys.getsizeof is 56 + ob_alloc.
//!
//! The buffer is a `Vec<u8>` holding `start` dead bytes and then the contents;
//! its capacity is `ob_alloc` exactly. Deleting from the front only advances `start`
//! (as CPython's ob_start), and `resize` is CPython's PyByteArray_Resize policy:
//!
//! ```text
//!   fits (size + start + 1 <= alloc):  keep, unless size < alloc / 2: alloc = size + 1
//!   grows by at most 1/8 of alloc:     alloc = size + size / 8 + (3 if size < 9 else 6)
//!   grows more:                        alloc = size + 1
//! ```
//!
//! so appends give ob_alloc 2, 5, 8, 12, 19, 27, 36, ... While a memoryview (or any
//! buffer export) exists, changing the size is a BufferError.

use std::cell::Cell;

use crate::error::{ExcKind, PyErr, PyResult};
use crate::heap::{PMut, PRef, Payload, PyObj, TypeRef};

use super::context::ctx;

/// The payload of a bytearray.
pub struct ByteArray {
    /// `start` dead bytes, then the contents; capacity = ob_alloc.
    buf: Vec<u8>,
    /// CPython's ob_start - ob_bytes: bytes deleted from the front, not yet reclaimed.
    start: usize,
    /// Live buffer exports (memoryviews).
    exports: Cell<usize>,
}

impl Payload for ByteArray {
    type Item = ();
    const NAME: &'static str = "bytearray";
    const MUTABLE: bool = true;
    fn extra_size(&self) -> usize {
        self.buf.capacity()
    }
}

fn resize_error() -> PyErr {
    PyErr::new(
        ExcKind::BufferError,
        "Existing exports of data: object cannot be re-sized",
    )
}

impl ByteArray {
    /// An empty bytearray (ob_alloc 0).
    pub fn empty() -> ByteArray {
        ByteArray {
            buf: Vec::new(),
            start: 0,
            exports: Cell::new(0),
        }
    }

    /// A bytearray holding `data` with ob_alloc = len + 1 (PyByteArray_FromStringAndSize);
    /// ob_alloc 0 when empty.
    pub fn from_slice(data: &[u8]) -> PyResult<ByteArray> {
        let mut b = ByteArray::empty();
        if !data.is_empty() {
            b.set_alloc_exact(data.len() + 1)?;
            b.buf.extend_from_slice(data);
        }
        Ok(b)
    }

    /// The contents.
    #[inline]
    pub fn data(&self) -> &[u8] {
        &self.buf[self.start..]
    }

    /// The contents, to write in place (no change of size).
    #[inline]
    pub fn data_mut(&mut self) -> &mut [u8] {
        &mut self.buf[self.start..]
    }

    #[inline]
    pub fn len(&self) -> usize {
        self.buf.len() - self.start
    }

    #[inline]
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// CPython's ob_alloc.
    pub fn alloc(&self) -> usize {
        self.buf.capacity()
    }

    /// Live buffer exports.
    pub fn exports(&self) -> usize {
        self.exports.get()
    }

    /// A memoryview (or other export) starts or stops using the buffer.
    pub fn add_export(&self, delta: isize) {
        let n = self.exports.get() as isize + delta;
        self.exports.set(n.max(0) as usize);
    }

    /// BufferError unless the size may change (no exports).
    pub fn check_resizable(&self) -> PyResult<()> {
        if self.exports.get() > 0 {
            return Err(resize_error());
        }
        Ok(())
    }

    /// Reallocate to exactly `alloc` bytes holding the contents truncated to `keep`,
    /// dropping the dead front bytes.
    fn realloc_to(&mut self, alloc: usize, keep: usize) -> PyResult<()> {
        let keep = keep.min(self.len());
        if self.start == 0 {
            self.buf.truncate(keep);
            self.set_alloc_exact(alloc)
        } else {
            let mut v: Vec<u8> = Vec::new();
            crate::objects::room::reserve_exact(&mut v, alloc)?;
            v.extend_from_slice(&self.buf[self.start..self.start + keep]);
            self.buf = v;
            self.start = 0;
            Ok(())
        }
    }

    /// Make the capacity exactly `alloc` (>= the buffer's length).
    fn set_alloc_exact(&mut self, alloc: usize) -> PyResult<()> {
        let cap = self.buf.capacity();
        if alloc > cap {
            let more = alloc - self.buf.len();
            crate::objects::room::reserve_exact(&mut self.buf, more)?;
        } else if alloc < cap {
            self.buf.shrink_to(alloc);
        }
        Ok(())
    }

    /// PyByteArray_Resize: make the size `size`, new bytes zero, with CPython's
    /// allocation policy (see the module comment). BufferError while exported.
    pub fn resize(&mut self, size: usize) -> PyResult<()> {
        let old = self.len();
        if size == old {
            return Ok(());
        }
        self.check_resizable()?;
        if size > isize::MAX as usize - 16 {
            return Err(PyErr::memory());
        }
        let alloc = self.alloc();
        let need = size + self.start + 1;
        if need <= alloc {
            if size < alloc / 2 {
                self.realloc_to(size + 1, size)?;
            } else {
                self.buf.truncate(self.start + size.min(old));
            }
        } else {
            let new_alloc = if (size as f64) <= alloc as f64 * 1.125 {
                size + (size >> 3) + if size < 9 { 3 } else { 6 }
            } else {
                size + 1
            };
            self.realloc_to(new_alloc, size.min(old))?;
        }
        if size > self.len() {
            self.buf.resize(self.start + size, 0);
        }
        Ok(())
    }

    /// Replace bytes `lo..hi` by `new` (CPython's bytearray_setslice_linear): a
    /// deletion at the front advances the logical start; other changes move the tail.
    pub fn replace_range(&mut self, lo: usize, hi: usize, new: &[u8]) -> PyResult<()> {
        let size = self.len();
        let hi = hi.clamp(lo, size);
        let removed = hi - lo;
        if new.len() < removed {
            self.check_resizable()?;
            let shrink = removed - new.len();
            if lo == 0 {
                // The first `shrink` bytes become dead front bytes.
                self.start += shrink;
                let d = self.data_mut();
                d[..new.len()].copy_from_slice(new);
            } else {
                let s = self.start;
                self.buf.copy_within(s + hi..s + size, s + lo + new.len());
                self.buf[s + lo..s + lo + new.len()].copy_from_slice(new);
                self.buf.truncate(s + size - shrink);
                // The buffer now holds `size - shrink` bytes; resize decides on the
                // allocation from here.
            }
            // Resize from the new size to itself applies only the allocation policy.
            let newsize = size - shrink;
            self.shrink_policy(newsize)
        } else if new.len() > removed {
            let growth = new.len() - removed;
            self.resize(size + growth)?;
            let s = self.start;
            self.buf.copy_within(s + hi..s + size, s + lo + new.len());
            self.buf[s + lo..s + lo + new.len()].copy_from_slice(new);
            Ok(())
        } else {
            let s = self.start;
            self.buf[s + lo..s + hi].copy_from_slice(new);
            Ok(())
        }
    }

    /// After a shrink to `size` bytes already done in the buffer: CPython's resize
    /// policy for the allocation (the shrink counted from the old size).
    fn shrink_policy(&mut self, size: usize) -> PyResult<()> {
        let alloc = self.alloc();
        if size + self.start < alloc && size < alloc / 2 {
            self.realloc_to(size + 1, size)?;
        } else {
            self.buf.truncate(self.start + size);
        }
        Ok(())
    }

    /// Delete the bytes at the sorted positions `pos` (an extended slice).
    pub fn delete_positions(&mut self, pos: &[usize]) -> PyResult<()> {
        if pos.is_empty() {
            return Ok(());
        }
        self.check_resizable()?;
        let s = self.start;
        let mut k = 0;
        let mut w = s;
        let n = self.len();
        for i in 0..n {
            if k < pos.len() && pos[k] == i {
                k += 1;
                continue;
            }
            self.buf[w] = self.buf[s + i];
            w += 1;
        }
        self.buf.truncate(w);
        self.shrink_policy(n - pos.len())
    }

    /// append(x): one more byte.
    pub fn push(&mut self, b: u8) -> PyResult<()> {
        let n = self.len();
        self.resize(n + 1)?;
        let s = self.start;
        self.buf[s + n] = b;
        Ok(())
    }

    /// Append `data` (extend / +=).
    pub fn extend_from(&mut self, data: &[u8]) -> PyResult<()> {
        if data.is_empty() {
            return Ok(());
        }
        let n = self.len();
        self.resize(n + data.len())?;
        let s = self.start;
        self.buf[s + n..].copy_from_slice(data);
        Ok(())
    }
}

/// A new bytearray object holding `data` (ob_alloc = len + 1).
pub fn new(data: &[u8]) -> PyResult<PyObj> {
    Ok(PyObj::new(
        &ctx().bytearray_type,
        ByteArray::from_slice(data)?,
    ))
}

/// A new bytearray of class `ty` with the payload `b`.
pub fn new_typed(ty: &TypeRef, b: ByteArray) -> PyObj {
    PyObj::new(ty, b)
}

/// Borrow a bytearray for reading, if `obj` is one.
pub fn borrow(obj: &PyObj) -> Option<PRef<'_, ByteArray>> {
    obj.borrow::<ByteArray>().ok()
}

/// Borrow a bytearray for writing, if `obj` is one and not in use.
pub fn borrow_mut(obj: &PyObj) -> Option<PMut<'_, ByteArray>> {
    obj.borrow_mut::<ByteArray>().ok()
}

/// Is `obj` a bytearray (or an instance of a subclass)?
pub fn is_bytearray(obj: &PyObj) -> bool {
    obj.is_a::<ByteArray>()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn allocs(ops: impl Fn(&mut ByteArray, usize)) -> Vec<usize> {
        let mut b = ByteArray::empty();
        (0..12)
            .map(|i| {
                ops(&mut b, i);
                b.alloc()
            })
            .collect()
    }

    /// python3: b = bytearray(); [b.append(1) or sys.getsizeof(b) - 56 for _ in range(12)]
    #[test]
    fn append_growth_is_cpythons() {
        let got = allocs(|b, _| b.push(1).expect("push"));
        assert_eq!(got, [2, 5, 5, 5, 8, 8, 8, 12, 12, 12, 12, 19]);
    }

    /// python3: b = bytearray(b'abcdefghij'); del b[:3] keeps 11, del b[:3] again
    /// shrinks to 5, an append grows to 8, del b[0] keeps 8.
    #[test]
    fn front_deletion_is_lazy() {
        let mut b = ByteArray::from_slice(b"abcdefghij").expect("alloc");
        assert_eq!(b.alloc(), 11);
        b.replace_range(0, 3, b"").expect("del");
        assert_eq!((b.alloc(), b.data()), (11, &b"defghij"[..]));
        b.replace_range(0, 3, b"").expect("del");
        assert_eq!((b.alloc(), b.data()), (5, &b"ghij"[..]));
        b.push(b'k').expect("push");
        assert_eq!((b.alloc(), b.data()), (8, &b"ghijk"[..]));
        b.replace_range(0, 1, b"").expect("del");
        assert_eq!((b.alloc(), b.data()), (8, &b"hijk"[..]));
    }
}
