//! Errors raised below the VM, as (exception kind, CPython's message) pairs.
//! The VM turns them into real exception objects.

use std::fmt;

/// The built-in exception classes that code below the VM can raise.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExcKind {
    TypeError,
    ValueError,
    ZeroDivisionError,
    OverflowError,
    IndexError,
    KeyError,
    MemoryError,
    RuntimeError,
    RecursionError,
    AttributeError,
    UnicodeEncodeError,
    BufferError,
    NotImplementedError,
}

/// An exception to raise: its class and its message, word for word as CPython's.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PyErr {
    pub kind: ExcKind,
    pub msg: String,
}

impl PyErr {
    /// MemoryError (CPython raises it with no message).
    pub fn memory() -> Self {
        PyErr::new(ExcKind::MemoryError, "")
    }

    pub fn new(kind: ExcKind, msg: impl Into<String>) -> Self {
        PyErr {
            kind,
            msg: msg.into(),
        }
    }
}

impl fmt::Display for PyErr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?}: {}", self.kind, self.msg)
    }
}

pub type PyResult<T> = Result<T, PyErr>;
