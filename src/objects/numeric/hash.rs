//! Hashes of numbers and tuples exactly as CPython 3.11 on 64-bit: int and bool modulo
//! the Mersenne prime 2**61 - 1, _Py_HashDouble for float, _Py_HashPointer for NaN,
//! and tuplehash's xxHash-based combination.

use super::int::Int;

/// _PyHASH_BITS.
pub const HASH_BITS: u32 = 61;
/// _PyHASH_MODULUS = 2**61 - 1.
pub const HASH_MODULUS: u64 = (1 << HASH_BITS) - 1;
/// _PyHASH_INF.
pub const HASH_INF: i64 = 314159;

/// hash(int) (and hash(bool), which is the int's).
/// hash() of a machine integer: itself below the modulus (no division), else its
/// residue, with -1 (an error in CPython's C API) mapped to -2.
#[inline]
pub fn hash_i64(i: i64) -> i64 {
    let a = i.unsigned_abs();
    let m = if a < HASH_MODULUS {
        a
    } else {
        a % HASH_MODULUS
    } as i64;
    let h = if i < 0 { -m } else { m };
    if h == -1 {
        -2
    } else {
        h
    }
}

/// hash() of an i128 (the ints between 64 and 127 bits, read without a big integer).
pub fn hash_i128(i: i128) -> i64 {
    let m = (i.unsigned_abs() % u128::from(HASH_MODULUS)) as i64;
    let h = if i < 0 { -m } else { m };
    if h == -1 {
        -2
    } else {
        h
    }
}

pub fn hash_int(v: &Int) -> i64 {
    let (negative, m) = match v {
        Int::Small(i) => return hash_i64(*i),
        Int::Big(b) => {
            // Horner over 64-bit limbs, most significant first: 2**64 = 8 (mod P).
            let mut r: u128 = 0;
            for limb in b.iter_u64_digits().rev() {
                r = ((r << 64) | u128::from(limb)) % u128::from(HASH_MODULUS);
            }
            (b.sign() == num_bigint::Sign::Minus, r as u64)
        }
    };
    let h = if negative { -(m as i64) } else { m as i64 };
    if h == -1 {
        -2
    } else {
        h
    }
}

/// _Py_HashPointer: the hash of an object identity (its address).
pub fn hash_pointer(identity: usize) -> i64 {
    let y = (identity as u64).rotate_right(4);
    let h = y as i64;
    if h == -1 {
        -2
    } else {
        h
    }
}

/// hash(float). `identity` (the object's address) is used only for NaN, whose hash in
/// 3.11 is the object's pointer hash.
pub fn hash_float(v: f64, identity: usize) -> i64 {
    if !v.is_finite() {
        if v.is_infinite() {
            return if v > 0.0 { HASH_INF } else { -HASH_INF };
        }
        return hash_pointer(identity);
    }
    let (mut m, mut e) = frexp(v);
    let mut sign = 1i64;
    if m < 0.0 {
        sign = -1;
        m = -m;
    }
    // Take 28 bits of the mantissa at a time, reducing modulo P as CPython does.
    let mut x: u64 = 0;
    while m != 0.0 {
        x = ((x << 28) & HASH_MODULUS) | (x >> (HASH_BITS - 28));
        m *= 268435456.0; // 2**28
        e -= 28;
        let y = m as u64;
        m -= y as f64;
        x += y;
        if x >= HASH_MODULUS {
            x -= HASH_MODULUS;
        }
    }
    let e = if e >= 0 {
        e % HASH_BITS as i32
    } else {
        HASH_BITS as i32 - 1 - ((-1 - e) % HASH_BITS as i32)
    } as u32;
    x = ((x << e) & HASH_MODULUS) | (x >> (HASH_BITS - e));
    let h = (x as i64) * sign;
    if h == -1 {
        -2
    } else {
        h
    }
}

/// C's frexp for finite x: x = m * 2**e with 0.5 <= |m| < 1 (m = 0 for zero).
fn frexp(x: f64) -> (f64, i32) {
    if x == 0.0 {
        return (x, 0);
    }
    let bits = x.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32;
    if exp == 0 {
        // Subnormal: scale into the normal range first.
        let (m, e) = frexp(x * 2f64.powi(64));
        return (m, e - 64);
    }
    let m = f64::from_bits((bits & !(0x7ff << 52)) | (1022 << 52));
    (m, exp - 1022)
}

const XXPRIME_1: u64 = 11400714785074694791;
const XXPRIME_2: u64 = 14029467366897019727;
const XXPRIME_5: u64 = 2870177450012600261;

/// hash(tuple) from the hashes of its items (CPython 3.11 tuplehash).
pub fn tuple_hash(item_hashes: impl Iterator<Item = i64>) -> i64 {
    let mut acc = XXPRIME_5;
    let mut len: u64 = 0;
    for h in item_hashes {
        let lane = h as u64;
        acc = acc.wrapping_add(lane.wrapping_mul(XXPRIME_2));
        acc = acc.rotate_left(31);
        acc = acc.wrapping_mul(XXPRIME_1);
        len += 1;
    }
    acc = acc.wrapping_add(len ^ (XXPRIME_5 ^ 3527539));
    if acc == u64::MAX {
        return 1546275796;
    }
    acc as i64
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::objects::numeric::intstr::int_from_str;

    // From python3 3.11 (scripts/numeric/hashes.py): (decimal text, hash(int(text))).
    #[test]
    fn int_hashes_match_cpython() {
        let cases: &[(&str, i64)] = &include!("testdata/hash_int.in");
        for (text, want) in cases {
            let v = int_from_str(text, 10).unwrap();
            assert_eq!(hash_int(&v), *want, "hash({text})");
            if let Some(i) = v.to_i128() {
                assert_eq!(hash_i128(i), *want, "hash_i128({text})");
            }
        }
        // python3: hash(True), hash(False)
        assert_eq!(hash_int(&Int::from(true)), 1);
        assert_eq!(hash_int(&Int::from(false)), 0);
    }

    // From python3 3.11 (scripts/numeric/hashes.py): (x, hash(x)) for floats.
    #[test]
    fn float_hashes_match_cpython() {
        let cases: &[(f64, i64)] = &include!("testdata/hash_float.in");
        for (x, want) in cases {
            assert_eq!(hash_float(*x, 0), *want, "hash({x:e})");
        }
        // An integral float hashes like the int.
        assert_eq!(hash_float(1e20, 0), hash_int(&Int::from_f64(1e20).unwrap()));
        // NaN: the identity's pointer hash. python3 3.11: x = float('nan');
        // hash(x) == (id(x) >> 4) | ((id(x) << 60) & (2**64 - 1)) as a signed value.
        let id = 0x7f12_3456_7890usize;
        assert_eq!(hash_float(f64::NAN, id), 0x7f1_2345_6789);
        assert_eq!(hash_pointer(0x18), (0x8000_0000_0000_0001u64) as i64);
    }

    // From python3 3.11 (scripts/numeric/hashes.py): hash() of tuples of ints.
    #[test]
    fn tuple_hashes_match_cpython() {
        let cases: &[(&[i64], i64)] = &include!("testdata/hash_tuple.in");
        for (items, want) in cases {
            let hs = items.iter().map(|i| hash_int(&Int::from(*i)));
            assert_eq!(tuple_hash(hs), *want, "hash({items:?})");
        }
        // Nested: hash(((1, 2), 3.5)) from python3, composed from the parts.
        let inner = tuple_hash([1i64, 2].into_iter());
        let outer = tuple_hash([inner, hash_float(3.5, 0)].into_iter());
        assert_eq!(outer, include!("testdata/hash_nested.in"));
    }
}
