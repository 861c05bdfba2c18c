//! The pure numeric core under int and float objects: the `Int` value type and CPython's
//! 30-bit digit storage, arithmetic with Python semantics, string conversions, hashes,
//! float formatting and rounding. No heap objects here: the object layer calls in.
//!
//! Files, one concern each:
//! - int: `Int` (Small(i64) | Big(BigInt), normalised), ordering, bit_length
//! - digits: CPython's sign + 30-bit digit storage, ob_size, sys.getsizeof
//! - arith: + - * (std ops on &Int), // % divmod ** pow(a, b, m), round(int, n)
//! - bits: ~ & | ^ (std ops on &Int), << >>
//! - convert: int -> float, float -> int, int / int, exact int-float comparison
//! - float: float / // % divmod **, round, is_integer, as_integer_ratio, hex
//! - floatstr: float repr and float(text)
//! - intstr: int(text, base), str(int), hex/oct/bin, the 4300-digit limit
//! - format: format(int, spec) and format(float, spec) (specs parsed by objects::format_spec)
//! - cmath, cmath_special: the cmath functions and their special values
//! - complex: complex arithmetic, abs, hash, repr, format and complex(text)
//! - hash: CPython 3.11 hashes of int, float, NaN identity and tuple
//!
//! Decisions: errors are `PyErr`s with CPython's exact messages; results Python gives
//! as another type are enums (`IntPow::Float`, `FloatPow::Complex`); ints beyond
//! `MAX_INT_BITS` raise MemoryError (CPython raises it when malloc fails); the
//! int <-> str digit limit is per thread (`set_int_max_str_digits`).

pub mod arith;
pub mod bits;
pub mod cmath;
pub mod cmath_special;
pub mod complex;
pub mod convert;
pub mod digits;
pub mod float;
pub mod floatstr;
pub mod format;
pub mod hash;
pub mod int;
pub mod intstr;

pub use arith::{round_int, IntPow, MAX_INT_BITS};
pub use convert::compare_int_float;
pub use digits::{
    from_digits, ndigits, ob_size, sizeof_int, small_digits, write_digits, write_digits_into,
};
pub use float::{
    float_as_integer_ratio, float_div, float_divmod, float_floordiv, float_hex, float_is_integer,
    float_mod, float_pow, float_round, float_round_ndigits, FloatPow,
};
pub use floatstr::{float_from_str, float_repr};
pub use format::{format_float, format_int};
pub use hash::{hash_float, hash_i64, hash_int, hash_pointer, tuple_hash};
pub use int::Int;
pub use intstr::{
    int_from_str, int_max_str_digits, int_to_decimal, int_to_prefixed, set_int_max_str_digits,
};
