//! Room for buffers whose size the program decides (item arrays, string and byte
//! buffers): each growth is a fallible request, which the heap's memory limit refuses
//! before serving it and the system may refuse, and a refusal is MemoryError.

use crate::error::{PyErr, PyResult};
use crate::heap;

/// Make room for `additional` more items in `v`, exactly (`Vec::try_reserve_exact`).
#[inline]
pub fn reserve_exact<T>(v: &mut Vec<T>, additional: usize) -> PyResult<()> {
    if v.capacity() - v.len() >= additional {
        return Ok(());
    }
    heap::fallible(|| v.try_reserve_exact(additional)).map_err(|_| PyErr::memory())
}

/// Make room for `additional` more items in `v`, amortised (`Vec::try_reserve`).
#[inline]
pub fn reserve<T>(v: &mut Vec<T>, additional: usize) -> PyResult<()> {
    if v.capacity() - v.len() >= additional {
        return Ok(());
    }
    heap::fallible(|| v.try_reserve(additional)).map_err(|_| PyErr::memory())
}

/// An empty Vec with room for exactly `n` items.
#[inline]
pub fn vec_with_capacity<T>(n: usize) -> PyResult<Vec<T>> {
    let mut v = Vec::new();
    reserve_exact(&mut v, n)?;
    Ok(v)
}

/// Push `x` on `v`, growing it (amortised) as a fallible request.
#[inline]
pub fn push<T>(v: &mut Vec<T>, x: T) -> PyResult<()> {
    if v.len() == v.capacity() {
        reserve(v, 1)?;
    }
    v.push(x);
    Ok(())
}

/// Make room for `additional` more bytes in `s`, exactly.
#[inline]
pub fn reserve_str(s: &mut String, additional: usize) -> PyResult<()> {
    if s.capacity() - s.len() >= additional {
        return Ok(());
    }
    heap::fallible(|| s.try_reserve_exact(additional)).map_err(|_| PyErr::memory())
}

/// An empty String with room for exactly `n` bytes.
#[inline]
pub fn string_with_capacity(n: usize) -> PyResult<String> {
    let mut s = String::new();
    reserve_str(&mut s, n)?;
    Ok(s)
}

/// Is there room for `bytes` more under the memory limit? For results a library
/// computes with its own infallible allocations (big-int arithmetic): MemoryError
/// before starting when there is not.
#[inline]
pub fn check(bytes: usize) -> PyResult<()> {
    if heap::check_room(bytes) {
        Ok(())
    } else {
        Err(PyErr::memory())
    }
}
