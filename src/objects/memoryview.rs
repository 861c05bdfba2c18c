//! memoryview: a one-dimensional view of an exporter's bytes (bytes, bytearray,
//! array.array), 184 bytes as CPython's PyMemoryViewObject with its shape, strides and
//! suboffsets for one dimension.
//!
//! As in CPython, views reach their exporter through a managed buffer (`managedbuffer`,
//! a 128-byte GC object): memoryview(x) makes one, which takes one export of `x`;
//! memoryview(view), slices, casts and toreadonly() share it. A view holds its managed
//! buffer until released or freed, and the managed buffer holds the exporter (keeping
//! it alive) and its export until the last view lets go, so a bytearray or array under
//! a view cannot change size. Slicing makes a new view with another start and stride;
//! nothing is copied.

use crate::error::{ExcKind, PyErr, PyResult};
use crate::heap::{PRef, Payload, PyObj, Visit};

use super::buffer::{self, Format, Item};
use super::context::ctx;

/// The payload of a managed buffer: the exporter of the views that share it, holding
/// one export of it.
pub struct ManagedBuffer {
    obj: Option<PyObj>,
    /// CPython's flags, export count and master Py_buffer, kept for the size.
    _master: [usize; 11],
}

impl ManagedBuffer {
    /// The exporter (None once cleared by the collector).
    pub fn exporter(&self) -> Option<&PyObj> {
        self.obj.as_ref()
    }
}

impl Payload for ManagedBuffer {
    type Item = ();
    const NAME: &'static str = "managedbuffer";
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

impl Drop for ManagedBuffer {
    fn drop(&mut self) {
        if let Some(o) = self.obj.take() {
            buffer::add_export(&o, -1);
        }
    }
}

/// A managed buffer over `exporter`, taking one export of it.
fn managed(exporter: &PyObj) -> PyObj {
    buffer::add_export(exporter, 1);
    PyObj::new(
        &ctx().managedbuffer_type,
        ManagedBuffer {
            obj: Some(exporter.clone()),
            _master: [0; 11],
        },
    )
}

/// The payload of a memoryview.
pub struct MemoryView {
    /// The managed buffer; None once released.
    pub mbuf: Option<PyObj>,
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
        if let Some(o) = &self.mbuf {
            visit(o);
        }
    }
    fn clear(&mut self) {
        drop(self.mbuf.take());
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

    /// Has the view been released?
    pub fn is_released(&self) -> bool {
        self.mbuf.is_none()
    }

    /// The exporter, or the released error.
    pub fn exporter(&self) -> PyResult<PyObj> {
        let m = self.mbuf.as_ref().ok_or_else(released_error)?;
        let b = m.borrow::<ManagedBuffer>().map_err(|_| released_error())?;
        b.exporter().cloned().ok_or_else(released_error)
    }

    /// Byte offset of item `i` in the exporter's data.
    pub fn offset(&self, i: usize) -> usize {
        (self.start as isize + i as isize * self.stride) as usize
    }

    /// A view of the same managed buffer (memoryview(m), slices, casts).
    pub fn derive(
        &self,
        start: usize,
        len: usize,
        stride: isize,
        format: Format,
    ) -> PyResult<MemoryView> {
        self.exporter()?;
        let mbuf = self.mbuf.clone().ok_or_else(released_error)?;
        Ok(MemoryView {
            mbuf: Some(mbuf),
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

/// A view of all of an exporter (bytes, bytearray, array), through a new managed
/// buffer.
pub fn view_of(exporter: &PyObj) -> Option<PyResult<MemoryView>> {
    let info = match buffer::exporter_info(exporter)? {
        Ok(i) => i,
        Err(e) => return Some(Err(e)),
    };
    let (format, readonly, nbytes) = info;
    Some(Ok(MemoryView {
        mbuf: Some(managed(exporter)),
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

/// Release the view: its managed buffer is let go (and with the last view the
/// exporter's export), and every later operation but release() and repr() is a
/// ValueError.
pub fn release(obj: &PyObj) {
    let taken = obj
        .borrow_mut::<MemoryView>()
        .ok()
        .and_then(|mut m| m.mbuf.take());
    drop(taken);
}

/// The view's geometry: (exporter, start, len, stride, format).
pub fn geometry(obj: &PyObj) -> PyResult<(PyObj, usize, usize, isize, Format)> {
    let m = borrow(obj).ok_or_else(|| PyErr::new(ExcKind::TypeError, "not a memoryview"))?;
    Ok((m.exporter()?, m.start, m.len, m.stride, m.format))
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

    /// python3: sys.getsizeof(memoryview(b'abc')) is 184; a managed buffer is 128
    /// bytes in CPython (16 GC + 112 _PyManagedBufferObject).
    #[test]
    fn size_is_cpythons() {
        let b = super::super::bytes::new(b"abc");
        let v = view_of(&b).expect("exports").expect("ok");
        let m = v.mbuf.clone().expect("a managed buffer");
        assert_eq!(m.sizeof(), 128);
        assert_eq!(new(v).sizeof(), 184);
    }
}
