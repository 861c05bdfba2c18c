//! The pure string core of glasspy's str: PEP 393 kinds and sizes, borrowed views,
//! hashing, repr, Unicode character tables and the str methods, with no heap objects.
//!
//! The str object stores its characters inline after a fixed header exactly as
//! CPython's compact strings: `kind::header_size` + `kind::data_size` bytes, the data
//! in the narrowest kind (`kind::classify`) with a terminating NUL unit. It reads them
//! back through `view::StrView` (O(1) `len` / `char_at`) and hashes them with
//! `hash::hash_view`. Methods take `&str` (UTF-8, borrowed for ASCII via
//! `StrView::to_str`) with indices in code points, and return borrowed slices where
//! CPython would return pieces of the original.

pub mod case_tables;
pub mod ctype;
pub mod hash;
pub mod kind;
pub mod methods;
pub mod methods_case;
pub mod methods_format;
pub mod methods_view;
pub mod prop_tables;
pub mod repr;
#[cfg(test)]
mod test_data;
pub mod view;

pub use hash::{hash_str, hash_view, init_hash_secret, HashSecret, HashSeed, HashSeedError};
pub use kind::{classify, data_size, header_size, sizeof, Kind};
pub use repr::{repr_str, repr_str_200, repr_view};
pub use view::{StrBuf, StrView};
