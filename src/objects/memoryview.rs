//! memoryview: a one-dimensional view of an exporter's bytes (bytes, bytearray,
//! array.array), 184 bytes as CPython's PyMemoryViewObject with its shape, strides and
//! suboffsets for one dimension. The view holds its exporter (keeping it alive) and
//! counts as one export of it until released or freed, so a bytearray or array under a
//! view cannot change size. Slicing makes a new view of the same exporter with another
//! start and stride; nothing is copied.
//!
//! CPython keeps a separate managed-buffer object between views and their exporter;
//! glasspy's views name the exporter directly, each counting one export.

use crate::error::{ExcKind, PyErr, PyResult};
use crate::heap::{PRef, Payload, PyObj, Visit};

use super::buffer::{self, Format, Item};
use super::context::ctx;

/// The payload of a memoryview.
pub struct MemoryView {
    /// The exporter; None once released.
    pub obj: Option<PyObj>,
    /// Byte offset of item 0 in the exporter's data.
    pub start: usize,
    /// Number of items (shape[0]).
    pub len: usize,
    /// Bytes from one item to the next (negative for a reversed slice).
    pub stride: isize,
    pub format: Format,
    pub readonly: bool,
    /// The format was given as "@x" (memoryview.format shows it so).
    pub at_prefix: bool,
    /// Cached hash (-1: not yet computed).
    pub hash: i64,
    /// CPython's view fields this layout does not use (mbuf, flags, exports, the
    /// Py_buffer's pointers, shape / strides / suboffsets storage), kept for the size.
    _rest: [usize; 13],
}

impl Payload for MemoryView {
    type Item = ();
    const NAME: &'static str = "memoryview";
    const GC: bool = true;
    const MUTABLE: bool = true;
    fn traverse(&self, _: &[()], visit: Visit<'_>) {
        if let Some(o) = &self.obj {
            visit(o);
        }
    }
    fn clear(&mut self) {
        if let Some(o) = self.obj.take() {
            buffer::add_export(&o, -1);
        }
    }
}

impl Drop for MemoryView {
    fn drop(&mut self) {
        if let Some(o) = self.obj.take() {
            buffer::add_export(&o, -1);
        }
    }
}

/// "operation forbidden on released memoryview object".
pub fn released_error() -> PyErr {
    PyErr::new(
        ExcKind::ValueError,
        "operation forbidden on released memoryview object",
    )
}

impl MemoryView {
    pub fn itemsize(&self) -> usize {
        self.format.itemsize()
    }

    /// len * itemsize.
    /// The format string ("B", or "@B" as a cast was given it).
    pub fn format_str(&self) -> String {
        let f = self.format.as_str();
        if self.at_prefix {
            format!("@{f}")
        } else {
            f
        }
    }

    pub fn nbytes(&self) -> usize {
        self.len * self.itemsize()
    }

    /// Are the items adjacent, in order?
    pub fn contiguous(&self) -> bool {
        self.len <= 1 || self.stride == self.itemsize() as isize
    }

    /// The exporter, or the released error.
    pub fn exporter(&self) -> PyResult<&PyObj> {
        self.obj.as_ref().ok_or_else(released_error)
    }

    /// Byte offset of item `i` in the exporter's data.
    pub fn offset(&self, i: usize) -> usize {
        (self.start as isize + i as isize * self.stride) as usize
    }

    /// A view of the same exporter (memoryview(m), slices, casts), counted as one
    /// more export.
    pub fn derive(
        &self,
        start: usize,
        len: usize,
        stride: isize,
        format: Format,
    ) -> PyResult<MemoryView> {
        let obj = self.exporter()?.clone();
        buffer::add_export(&obj, 1);
        Ok(MemoryView {
            obj: Some(obj),
            start,
            len,
            stride,
            format,
            readonly: self.readonly,
            at_prefix: self.at_prefix,
            hash: -1,
            _rest: [0; 13],
        })
    }
}

/// A view of all of an exporter (bytes, bytearray, array), counted as an export.
pub fn view_of(exporter: &PyObj) -> Option<PyResult<MemoryView>> {
    let info = match buffer::exporter_info(exporter)? {
        Ok(i) => i,
        Err(e) => return Some(Err(e)),
    };
    let (format, readonly, nbytes) = info;
    buffer::add_export(exporter, 1);
    Some(Ok(MemoryView {
        obj: Some(exporter.clone()),
        start: 0,
        len: nbytes / format.itemsize(),
        stride: format.itemsize() as isize,
        format,
        readonly,
        at_prefix: false,
        hash: -1,
        _rest: [0; 13],
    }))
}

/// A new memoryview object.
pub fn new(v: MemoryView) -> PyObj {
    PyObj::new(&ctx().memoryview_type, v)
}

/// Borrow a memoryview's fields.
pub fn borrow(obj: &PyObj) -> Option<PRef<'_, MemoryView>> {
    obj.borrow::<MemoryView>().ok()
}

/// Release the view: the exporter is let go and every later operation but
/// release() and repr() is a ValueError.
pub fn release(obj: &PyObj) {
    let taken = obj
        .borrow_mut::<MemoryView>()
        .ok()
        .and_then(|mut m| m.obj.take());
    if let Some(o) = taken {
        buffer::add_export(&o, -1);
    }
}

/// The view's geometry: (exporter, start, len, stride, format).
pub fn geometry(obj: &PyObj) -> PyResult<(PyObj, usize, usize, isize, Format)> {
    let m = borrow(obj).ok_or_else(|| PyErr::new(ExcKind::TypeError, "not a memoryview"))?;
    Ok((m.exporter()?.clone(), m.start, m.len, m.stride, m.format))
}

/// `f` over the view's bytes, contiguous (gathered first when strided).
pub fn with_view_bytes<R>(obj: &PyObj, f: impl FnOnce(&[u8]) -> R) -> PyResult<R> {
    let (exp, start, len, stride, format) = geometry(obj)?;
    let k = format.itemsize();
    if len <= 1 || stride == k as isize {
        return buffer::with_export(&exp, |all| f(&all[start..start + len * k]));
    }
    let gathered = buffer::with_export(&exp, |all| {
        let mut v = Vec::with_capacity(len * k);
        for i in 0..len {
            let o = (start as isize + i as isize * stride) as usize;
            v.extend_from_slice(&all[o..o + k]);
        }
        v
    })?;
    Ok(f(&gathered))
}

/// The view's items, unpacked.
pub fn items(obj: &PyObj) -> PyResult<(Format, Vec<Item>)> {
    let (exp, start, len, stride, format) = geometry(obj)?;
    let k = format.itemsize();
    buffer::with_export(&exp, |all| {
        let v = (0..len)
            .map(|i| {
                let o = (start as isize + i as isize * stride) as usize;
                format.unpack(&all[o..o + k])
            })
            .collect();
        (format, v)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// python3: sys.getsizeof(memoryview(b'abc')) is 184.
    #[test]
    fn size_is_cpythons() {
        let b = super::super::bytes::new(b"abc");
        let v = view_of(&b).expect("exports").expect("ok");
        assert_eq!(new(v).sizeof(), 184);
    }
}
