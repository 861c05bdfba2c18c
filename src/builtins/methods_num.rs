//! The methods of tuple and range (index, count), int (bit_length, bit_count, conjugate,
//! as_integer_ratio) and float (is_integer, as_integer_ratio, hex, conjugate, and
//! the classmethod float.fromhex).

use super::methods_args::{slice_index, this};
use crate::heap::PyObj;
use crate::objects::args::Args;
use crate::objects::builtin_function::MethodDef;
use crate::objects::exceptions;
use crate::objects::exceptions::VmResult;
use crate::objects::numeric::float::{float_as_integer_ratio, float_hex, float_is_integer};
use crate::objects::numeric::Int;
use crate::objects::runtime::Runtime;
use crate::objects::{ctx, float, int, range, string, tuple};
use crate::vm::ops::{bool_obj, int_obj};
use crate::vm::Vm;

macro_rules! defs {
    ($($name:literal => $f:path),* $(,)?) => {
        &[$(MethodDef { name: $name, func: $f }),*]
    };
}

/// The methods of tuple.
pub static TUPLE_METHODS: &[MethodDef] = defs!["index" => tuple_index, "count" => tuple_count];

/// The methods of range.
pub static RANGE_METHODS: &[MethodDef] = defs!["index" => range_index, "count" => range_count];

/// The methods of int (and so of bool).
pub static INT_METHODS: &[MethodDef] = defs![
    "bit_length" => bit_length, "bit_count" => bit_count, "conjugate" => int_conjugate,
    "as_integer_ratio" => int_as_integer_ratio, "to_bytes" => to_bytes,
];

static FROM_BYTES: MethodDef = MethodDef {
    name: "from_bytes",
    func: from_bytes,
};

/// The methods of float.
pub static FLOAT_METHODS: &[MethodDef] = defs![
    "is_integer" => is_integer, "as_integer_ratio" => float_ratio, "hex" => hex,
    "conjugate" => float_conjugate,
];

static FROMHEX: MethodDef = MethodDef {
    name: "fromhex",
    func: fromhex,
};

/// Register the methods and float.fromhex (bound to the float type).
pub fn install() {
    let c = ctx();
    crate::objects::typeobj::add_methods(&c.tuple_type, TUPLE_METHODS);
    crate::objects::typeobj::add_methods(&c.range_type, RANGE_METHODS);
    crate::objects::typeobj::add_methods(&c.int_type, INT_METHODS);
    crate::objects::typeobj::add_methods(&c.float_type, FLOAT_METHODS);
    // Classmethods: bool.from_bytes gives a bool.
    crate::objects::typeobj::add_classmethods(&c.float_type, &[&FROMHEX]);
    crate::objects::typeobj::add_classmethods(&c.int_type, &[&FROM_BYTES]);
}

fn tuple_index(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let (t, args) = this(&args);
    let a = args.range("index", 1, 3)?;
    let items = tuple::items(t).unwrap_or(&[]).to_vec();
    let n = items.len() as i64;
    let adjust = |v: i64| if v < 0 { (v + n).max(0) } else { v.min(n) };
    let start = adjust(slice_index(a.get(1), false)?.unwrap_or(0));
    let stop = adjust(slice_index(a.get(2), false)?.unwrap_or(i64::MAX));
    for i in start..stop.max(start) {
        let x = &items[i as usize];
        if x.is(&a[0]) || vm.equal(x, &a[0])? {
            return Ok(int::new_i64(i));
        }
    }
    Err(exceptions::value_error("tuple.index(x): x not in tuple"))
}

fn tuple_count(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let (t, args) = this(&args);
    let v = args.one("tuple.count")?;
    let items = tuple::items(t).unwrap_or(&[]).to_vec();
    let mut c = 0;
    for x in &items {
        if x.is(v) || vm.equal(x, v)? {
            c += 1;
        }
    }
    Ok(int::new_i64(c))
}

fn range_index(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let (r, args) = this(&args);
    let v = args.one("index")?;
    if let Some(i) = range::arithmetic_key(v) {
        return match range::position(r, &i) {
            Some(p) => int::new(&p).ok_or_else(exceptions::memory_error),
            None => {
                let shown = rt.repr(v)?;
                Err(exceptions::value_error(format!("{shown} is not in range")))
            }
        };
    }
    let it = rt.iter(r)?;
    let mut i = 0i64;
    while let Some(x) = rt.next(&it)? {
        if x.is(v) || rt.equal(&x, v)? {
            return Ok(int::new_i64(i));
        }
        i += 1;
    }
    Err(exceptions::value_error(
        "sequence.index(x): x not in sequence",
    ))
}

fn range_count(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let (r, args) = this(&args);
    let v = args.one("count")?;
    if let Some(i) = range::arithmetic_key(v) {
        return Ok(int::new_i64(range::position(r, &i).is_some() as i64));
    }
    let it = rt.iter(r)?;
    let mut c = 0i64;
    while let Some(x) = rt.next(&it)? {
        if x.is(v) || rt.equal(&x, v)? {
            c += 1;
        }
    }
    Ok(int::new_i64(c))
}

fn int_value(o: &PyObj) -> Int {
    int::value(o).unwrap_or(Int::ZERO)
}

fn bit_length(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let (i, args) = this(&args);
    args.none("int.bit_length")?;
    Ok(int::new_i64(int_value(i).bit_length() as i64))
}

fn bit_count(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let (i, args) = this(&args);
    args.none("int.bit_count")?;
    let n = match int_value(i) {
        Int::Small(v) => u64::from(v.unsigned_abs().count_ones()),
        Int::Big(b) => b.magnitude().count_ones(),
    };
    Ok(int::new_i64(n as i64))
}

/// The int itself as an exact int (a bool becomes 0 or 1).
fn exact_int(i: &PyObj) -> VmResult<PyObj> {
    if i.is_type(&ctx().int_type) {
        return Ok(i.clone());
    }
    int_obj(&int_value(i))
}

fn int_conjugate(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let (i, args) = this(&args);
    args.none("int.conjugate")?;
    exact_int(i)
}

fn int_as_integer_ratio(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let (i, args) = this(&args);
    args.none("int.as_integer_ratio")?;
    Ok(tuple::pair(exact_int(i)?, int::new_i64(1)))
}

fn fval(o: &PyObj) -> f64 {
    float::value(o).unwrap_or(0.0)
}

fn is_integer(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let (f, args) = this(&args);
    args.none("float.is_integer")?;
    Ok(bool_obj(float_is_integer(fval(f))))
}

fn float_ratio(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let (f, args) = this(&args);
    args.none("float.as_integer_ratio")?;
    let (n, d) = float_as_integer_ratio(fval(f))?;
    Ok(tuple::pair(int_obj(&n)?, int_obj(&d)?))
}

fn hex(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let (f, args) = this(&args);
    args.none("float.hex")?;
    Ok(string::new(&float_hex(fval(f))))
}

fn float_conjugate(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let (f, args) = this(&args);
    args.none("float.conjugate")?;
    Ok(f.clone())
}

/// float.fromhex(string); `self` is the float type.
fn fromhex(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let (_ty, args) = this(&args);
    let s = args.one("float.fromhex")?;
    let Some(text) = string::as_str(s) else {
        return Err(exceptions::type_error(
            "bad argument type for built-in operation",
        ));
    };
    Ok(float::new(parse_hex_float(&text)?))
}

fn invalid() -> crate::objects::exceptions::Exc {
    exceptions::value_error("invalid hexadecimal floating-point string")
}

/// CPython's float_fromhex: [sign] (inf | infinity | nan | [0x] hex digits [. digits]
/// [p exponent]), surrounded by optional whitespace; correctly rounded (half to even).
fn parse_hex_float(text: &str) -> VmResult<f64> {
    let s = text.trim_matches(|c: char| c.is_ascii_whitespace());
    let (neg, body) = match s.as_bytes().first() {
        Some(b'-') => (true, &s[1..]),
        Some(b'+') => (false, &s[1..]),
        _ => (false, s),
    };
    let lower = body.to_ascii_lowercase();
    let signed = |x: f64| if neg { -x } else { x };
    if lower == "inf" || lower == "infinity" {
        return Ok(signed(f64::INFINITY));
    }
    if lower == "nan" {
        return Ok(signed(f64::NAN));
    }
    let b = lower.as_bytes();
    let mut p = 0;
    if b.len() >= 2 && b[0] == b'0' && b[1] == b'x' {
        p = 2;
    }
    // Mantissa digits (integer and fraction parts), as one big integer.
    let mut digits: Vec<u8> = Vec::new();
    let mut frac_digits: i64 = 0;
    let mut seen_point = false;
    let mut any = false;
    while p < b.len() {
        let c = b[p];
        if c == b'.' && !seen_point {
            seen_point = true;
        } else if let Some(d) = (c as char).to_digit(16) {
            digits.push(d as u8);
            any = true;
            if seen_point {
                frac_digits += 1;
            }
        } else {
            break;
        }
        p += 1;
    }
    if !any {
        return Err(invalid());
    }
    let mut exp: i64 = 0;
    if p < b.len() && b[p] == b'p' {
        p += 1;
        let (eneg, q) = match b.get(p) {
            Some(b'-') => (true, p + 1),
            Some(b'+') => (false, p + 1),
            _ => (false, p),
        };
        let start = q;
        let mut q = q;
        while q < b.len() && b[q].is_ascii_digit() {
            exp = exp
                .saturating_mul(10)
                .saturating_add(i64::from(b[q] - b'0'));
            q += 1;
        }
        if q == start {
            return Err(invalid());
        }
        if eneg {
            exp = -exp;
        }
        p = q;
    }
    if p != b.len() {
        return Err(invalid());
    }
    // Value = mantissa * 2^(exp - 4 * frac_digits).
    let first = digits.iter().position(|&d| d != 0);
    let Some(first) = first else {
        return Ok(signed(0.0));
    };
    let digits = &digits[first..];
    let e2 = exp.saturating_sub(4 * frac_digits);
    // Bit length of the mantissa and the binary exponent of its top bit.
    let top_bits = 32 - i64::from(u32::from(digits[0]).leading_zeros()); // 1..=4
    let nbits = top_bits + 4 * (digits.len() as i64 - 1);
    let top_exp = e2.saturating_add(nbits - 1); // value in [2^top_exp, 2^(top_exp+1))
    if top_exp > 1023 {
        return Err(exceptions::named(
            "OverflowError",
            "hexadecimal value too large to represent as a float",
        ));
    }
    // Keep 53 significant bits (fewer for subnormals), round half to even.
    let keep = if top_exp < -1022 {
        53 - (-1022 - top_exp)
    } else {
        53
    };
    let bit = |i: i64| -> u64 {
        // Bit i of the mantissa counted from the top (0 = the top bit).
        if i < 0 || i >= nbits {
            return 0;
        }
        let pos = i + (4 - top_bits); // position in the digit string's bit stream
        let d = digits[(pos / 4) as usize];
        u64::from((d >> (3 - pos % 4)) & 1)
    };
    if keep <= 0 {
        // Below half the smallest subnormal, or rounding to it.
        let half_or_more = keep == 0 && (bit(0) == 1);
        let above_half = half_or_more && (1..nbits).any(|i| bit(i) == 1);
        let tiny = f64::from_bits(1);
        return Ok(signed(if above_half { tiny } else { 0.0 }));
    }
    let mut m: u64 = 0;
    for i in 0..keep {
        m = (m << 1) | bit(i);
    }
    let round = bit(keep);
    let sticky = (keep + 1..nbits).any(|i| bit(i) == 1);
    if round == 1 && (sticky || m & 1 == 1) {
        m += 1;
    }
    // m has `keep` (or keep + 1 after a carry) bits; value = m * 2^(top_exp - keep + 1).
    let scale = top_exp - keep + 1;
    let v = crate::objects::numeric::convert::ldexp(m as f64, scale);
    if v.is_infinite() {
        return Err(exceptions::named(
            "OverflowError",
            "hexadecimal value too large to represent as a float",
        ));
    }
    Ok(signed(v))
}

/// byteorder: 'little' (true) or 'big'.
fn byteorder(o: Option<&PyObj>) -> VmResult<bool> {
    let Some(o) = o else { return Ok(false) };
    match string::as_str(o).as_deref() {
        Some("little") => Ok(true),
        Some("big") => Ok(false),
        Some(_) => Err(exceptions::value_error(
            "byteorder must be either 'little' or 'big'",
        )),
        None => Err(exceptions::type_error(format!(
            "to_bytes() argument 'byteorder' must be str, not {}",
            crate::objects::typeobj::type_name(o)
        ))),
    }
}

/// int.to_bytes(length=1, byteorder='big', *, signed=False).
fn to_bytes(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let (i, args) = this(&args);
    let a = args.parse(&crate::objects::args::Signature {
        fname: "to_bytes",
        names: &["length", "byteorder", "signed"],
        posonly: 0,
        maxpos: 2,
        required: 0,
    })?;
    let length = match a[0] {
        Some(l) => crate::objects::args::as_ssize_t(&vm.index_arg(l)?)?,
        None => 1,
    };
    if length < 0 {
        return Err(exceptions::value_error(
            "length argument must be non-negative",
        ));
    }
    let little = byteorder(a[1])?;
    let signed = match a[2] {
        Some(s) => vm.truthy(s)?,
        None => false,
    };
    let v = int_value(i);
    if v.is_negative() && !signed {
        return Err(exceptions::named(
            "OverflowError",
            "can't convert negative int to unsigned",
        ));
    }
    // The shortest little-endian form (two's complement when signed); 0 needs none.
    let big = v.big();
    let mut le = if v.is_zero() {
        Vec::new()
    } else if signed {
        big.to_signed_bytes_le()
    } else {
        big.magnitude().to_bytes_le()
    };
    let n = length as usize;
    let fill = if v.is_negative() { 0xff } else { 0 };
    if le.len() > n {
        return Err(exceptions::named("OverflowError", "int too big to convert"));
    }
    le.resize(n, fill);
    if !little {
        le.reverse();
    }
    crate::objects::bytes::try_new(&le).ok_or_else(exceptions::memory_error)
}

/// int.from_bytes(bytes, byteorder='big', *, signed=False); `self` is the class.
fn from_bytes(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let (cls, args) = this(&args);
    let a = args.parse(&crate::objects::args::Signature {
        fname: "from_bytes",
        names: &["bytes", "byteorder", "signed"],
        posonly: 0,
        maxpos: 2,
        required: 1,
    })?;
    let src = a[0].expect("required");
    let data = match crate::objects::buffer::to_vec(src) {
        Some(d) => d?,
        None if string::view(src).is_some() => {
            return Err(exceptions::type_error(
                "cannot convert 'str' object to bytes",
            ))
        }
        None => {
            let b = vm.call(
                ctx().bytes_type.as_obj(),
                Args::positional(std::slice::from_ref(src)),
            )?;
            crate::objects::bytes::data(&b).unwrap_or(&[]).to_vec()
        }
    };
    let little = byteorder(a[1])?;
    let signed = match a[2] {
        Some(s) => vm.truthy(s)?,
        None => false,
    };
    let mut le = data;
    if !little {
        le.reverse();
    }
    let big = if signed {
        num_bigint::BigInt::from_signed_bytes_le(&le)
    } else {
        num_bigint::BigInt::from_bytes_le(num_bigint::Sign::Plus, &le)
    };
    let v = int_obj(&Int::from_bigint(big))?;
    if cls.is(ctx().int_type.as_obj()) {
        return Ok(v);
    }
    vm.call(cls, Args::positional(std::slice::from_ref(&v)))
}
