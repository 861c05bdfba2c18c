//! The pure numeric core under int and float objects: the `Int` value type and CPython's
//! 30-bit digit storage, arithmetic with Python semantics, string conversions, hashes,
//! float formatting and rounding. No heap objects here: the object layer calls in.
//!
//! Files: int (value type), digits (30-bit storage, sizes), arith (+ - * // % ** divmod),
//! bits (~ & | ^ << >>), convert (int <-> float, true division), float (float ops,
//! round), floatstr (float repr and parsing),
//! format (the format-spec mini-language), intstr (int <-> str, digit limit), pystr (str helpers for parsing and error
//! messages), hash (CPython 3.11 hashes).

pub mod arith;
pub mod bits;
pub mod convert;
pub mod digits;
pub mod float;
pub mod floatstr;
pub mod format;
pub mod hash;
pub mod int;
pub mod intstr;
pub mod pystr;

pub use arith::{round_int, IntPow, MAX_INT_BITS};
pub use digits::{from_digits, ndigits, sizeof_int, small_digits, write_digits, write_digits_into};
pub use float::{
    float_as_integer_ratio, float_div, float_divmod, float_floordiv, float_hex, float_is_integer,
    float_mod, float_pow, float_round, float_round_ndigits, FloatPow,
};
pub use floatstr::{float_from_str, float_repr};
pub use format::{format_float, format_int, parse_format_spec, FormatSpec};
pub use hash::{hash_float, hash_int, hash_pointer, tuple_hash};
pub use int::Int;
pub use intstr::{
    int_from_str, int_max_str_digits, int_to_decimal, int_to_prefixed, set_int_max_str_digits,
};
