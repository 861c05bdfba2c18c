//! The int value type: `Int`, kept normalised so that values inside i64 never touch
//! the big-integer library. Comparison, bit_length and conversions live here.

use std::borrow::Cow;
use std::cmp::Ordering;
use std::fmt;

use num_bigint::{BigInt, Sign};
use num_traits::ToPrimitive;

/// A Python int value.
///
/// Invariant N1: `Big` holds only values outside the i64 range, so every value has
/// exactly one representation and the derived `PartialEq`/`Hash` are value equality.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Int {
    Small(i64),
    Big(BigInt),
}

impl Int {
    pub const ZERO: Int = Int::Small(0);
    pub const ONE: Int = Int::Small(1);

    /// Normalising constructor from a BigInt (N1).
    pub fn from_bigint(v: BigInt) -> Int {
        match v.to_i64() {
            Some(i) => Int::Small(i),
            None => Int::Big(v),
        }
    }

    /// Normalising constructor from an i128 (used by the overflow paths).
    #[inline]
    pub fn from_i128(v: i128) -> Int {
        match i64::try_from(v) {
            Ok(i) => Int::Small(i),
            Err(_) => Int::Big(BigInt::from(v)),
        }
    }

    /// The value as a BigInt; borrows when already big.
    pub fn big(&self) -> Cow<'_, BigInt> {
        match self {
            Int::Small(i) => Cow::Owned(BigInt::from(*i)),
            Int::Big(b) => Cow::Borrowed(b),
        }
    }

    /// The value as an owned BigInt.
    pub fn to_bigint(&self) -> BigInt {
        self.big().into_owned()
    }

    /// `Some(v)` when the value fits an i64 (always the `Small` case, by N1).
    #[inline]
    pub fn to_i64(&self) -> Option<i64> {
        match self {
            Int::Small(i) => Some(*i),
            Int::Big(_) => None,
        }
    }

    /// The value as an i128 when it fits.
    pub fn to_i128(&self) -> Option<i128> {
        match self {
            Int::Small(i) => Some(*i as i128),
            Int::Big(b) => b.to_i128(),
        }
    }

    /// The value as a u64 when it fits (e.g. a shift count).
    pub fn to_u64(&self) -> Option<u64> {
        match self {
            Int::Small(i) => u64::try_from(*i).ok(),
            Int::Big(b) => b.to_u64(),
        }
    }

    #[inline]
    pub fn is_zero(&self) -> bool {
        matches!(self, Int::Small(0))
    }

    #[inline]
    pub fn is_negative(&self) -> bool {
        match self {
            Int::Small(i) => *i < 0,
            Int::Big(b) => b.sign() == Sign::Minus,
        }
    }

    /// -1, 0 or 1.
    pub fn signum(&self) -> i64 {
        match self {
            Int::Small(i) => i.signum(),
            Int::Big(b) => match b.sign() {
                Sign::Minus => -1,
                Sign::NoSign => 0,
                Sign::Plus => 1,
            },
        }
    }

    /// int.bit_length(): bits of |v|, 0 for zero.
    pub fn bit_length(&self) -> u64 {
        match self {
            Int::Small(i) => 64 - u64::from(i.unsigned_abs().leading_zeros()),
            Int::Big(b) => b.bits(),
        }
    }

    /// Whether the value is odd (used by pow and rounding).
    pub fn is_odd(&self) -> bool {
        match self {
            Int::Small(i) => i & 1 != 0,
            Int::Big(b) => b.bit(0),
        }
    }
}

impl From<i64> for Int {
    #[inline]
    fn from(v: i64) -> Int {
        Int::Small(v)
    }
}

impl From<i32> for Int {
    #[inline]
    fn from(v: i32) -> Int {
        Int::Small(v as i64)
    }
}

impl From<bool> for Int {
    #[inline]
    fn from(v: bool) -> Int {
        Int::Small(v as i64)
    }
}

impl From<u64> for Int {
    fn from(v: u64) -> Int {
        Int::from_i128(v as i128)
    }
}

impl From<usize> for Int {
    fn from(v: usize) -> Int {
        Int::from_i128(v as i128)
    }
}

impl From<i128> for Int {
    fn from(v: i128) -> Int {
        Int::from_i128(v)
    }
}

impl From<BigInt> for Int {
    fn from(v: BigInt) -> Int {
        Int::from_bigint(v)
    }
}

impl Ord for Int {
    fn cmp(&self, other: &Int) -> Ordering {
        match (self, other) {
            (Int::Small(a), Int::Small(b)) => a.cmp(b),
            // By N1 a Big value lies outside every Small value: its sign decides.
            (Int::Small(_), Int::Big(b)) => {
                if b.sign() == Sign::Minus {
                    Ordering::Greater
                } else {
                    Ordering::Less
                }
            }
            (Int::Big(a), Int::Small(_)) => {
                if a.sign() == Sign::Minus {
                    Ordering::Less
                } else {
                    Ordering::Greater
                }
            }
            (Int::Big(a), Int::Big(b)) => a.cmp(b),
        }
    }
}

impl PartialOrd for Int {
    fn partial_cmp(&self, other: &Int) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// Decimal digits with no conversion limit (the limit is applied by `intstr`).
impl fmt::Display for Int {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Int::Small(i) => fmt::Display::fmt(i, f),
            Int::Big(b) => fmt::Display::fmt(b, f),
        }
    }
}

impl Default for Int {
    fn default() -> Int {
        Int::ZERO
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalised_and_ordered() {
        let big = Int::from_bigint(BigInt::from(i64::MAX) + 1);
        assert!(matches!(big, Int::Big(_)));
        let back = Int::from_bigint(BigInt::from(i64::MAX));
        assert_eq!(back, Int::Small(i64::MAX));
        assert!(big > Int::Small(i64::MAX));
        let neg = Int::from_i128(i64::MIN as i128 - 1);
        assert!(matches!(neg, Int::Big(_)));
        assert!(neg < Int::Small(i64::MIN));
        assert!(neg < big);
        assert_eq!(Int::from(u64::MAX).to_i128(), Some(u64::MAX as i128));
    }

    #[test]
    fn bit_length_matches_i128() {
        for v in [
            0i128,
            1,
            -1,
            255,
            -256,
            1 << 62,
            -(1 << 63),
            1 << 63,
            1 << 100,
        ] {
            let want = 128 - v.unsigned_abs().leading_zeros() as u64;
            assert_eq!(Int::from_i128(v).bit_length(), want, "{v}");
        }
    }
}
