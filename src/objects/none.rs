//! None, NotImplemented and Ellipsis: payload-less singletons of 16 bytes (a bare
//! object header), as in CPython.

use crate::heap::Payload;

/// The payload of None, NotImplemented and Ellipsis: nothing beyond the header.
pub struct Singleton;

impl Payload for Singleton {
    type Item = ();
    const NAME: &'static str = "singleton";
}
