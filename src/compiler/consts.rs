//! Constants of one compilation unit: compile-time values (`CVal`), CPython's AST
//! constant folding on them, and the cache that makes equal constants one object.

use std::collections::HashMap;

use crate::heap::PyObj;
use crate::objects::numeric::{self, FloatPow, Int, IntPow};
use crate::objects::settable::SetTable;
use crate::objects::{ctx, float, int, protocol, set, string, tuple};
use crate::parser::ast::{Constant, Operator, UnaryOp};

/// CPython's limits on folded results (ast_opt.c).
const MAX_INT_SIZE: u64 = 128;
const MAX_COLLECTION_SIZE: usize = 256;
const MAX_STR_SIZE: usize = 4096;

/// A compile-time value.
#[derive(Clone, Debug)]
pub enum CVal {
    None,
    True,
    False,
    Ellipsis,
    Int(Int),
    Float(f64),
    /// A complex (real, imag).
    Complex(f64, f64),
    Str(String),
    Bytes(Vec<u8>),
    /// An identifier used as a constant (keyword names, import names): the same
    /// constant as the equal `Str`, but always interned, as CPython's identifiers are.
    Ident(String),
    Tuple(Vec<CVal>),
    /// Elements in insertion order, duplicates already removed.
    FrozenSet(Vec<CVal>),
}

/// The identity of a constant: type and exact value (floats by their bits).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum ConstKey {
    None,
    True,
    False,
    Ellipsis,
    Int(Int),
    Float(u64),
    Complex(u64, u64),
    Str(String),
    Bytes(Vec<u8>),
    Tuple(Vec<ConstKey>),
    FrozenSet(Vec<ConstKey>),
    /// A code object: never shared.
    Code(usize),
}

impl CVal {
    pub fn key(&self) -> ConstKey {
        match self {
            CVal::None => ConstKey::None,
            CVal::True => ConstKey::True,
            CVal::False => ConstKey::False,
            CVal::Ellipsis => ConstKey::Ellipsis,
            CVal::Int(i) => ConstKey::Int(i.clone()),
            CVal::Float(f) => ConstKey::Float(f.to_bits()),
            CVal::Complex(r, i) => ConstKey::Complex(r.to_bits(), i.to_bits()),
            CVal::Str(s) | CVal::Ident(s) => ConstKey::Str(s.clone()),
            CVal::Bytes(b) => ConstKey::Bytes(b.clone()),
            CVal::Tuple(v) => ConstKey::Tuple(v.iter().map(CVal::key).collect()),
            CVal::FrozenSet(v) => ConstKey::FrozenSet(v.iter().map(CVal::key).collect()),
        }
    }

    /// The value of a literal.
    pub fn from_constant(c: &Constant) -> Option<CVal> {
        Some(match c {
            Constant::None => CVal::None,
            Constant::True => CVal::True,
            Constant::False => CVal::False,
            Constant::Ellipsis => CVal::Ellipsis,
            Constant::Int(b) => CVal::Int(Int::from_bigint(b.clone())),
            Constant::Float(f) => CVal::Float(*f),
            Constant::Str(s) => CVal::Str(s.clone()),
            Constant::Bytes(b) => CVal::Bytes(b.clone()),
            Constant::Complex(f) => CVal::Complex(0.0, *f),
        })
    }

    /// Python truth value, where it is known at compile time.
    pub fn truthy(&self) -> bool {
        match self {
            CVal::None | CVal::False => false,
            CVal::True | CVal::Ellipsis => true,
            CVal::Int(i) => !i.is_zero(),
            CVal::Float(f) => *f != 0.0,
            CVal::Complex(r, i) => *r != 0.0 || *i != 0.0,
            CVal::Str(s) | CVal::Ident(s) => !s.is_empty(),
            CVal::Bytes(b) => !b.is_empty(),
            CVal::Tuple(v) | CVal::FrozenSet(v) => !v.is_empty(),
        }
    }

    /// An int view of ints and bools (for unary operators).
    fn as_int(&self) -> Option<Int> {
        match self {
            CVal::Int(i) => Some(i.clone()),
            CVal::True => Some(Int::ONE),
            CVal::False => Some(Int::ZERO),
            _ => None,
        }
    }

    /// Is this value hashable with equality CPython's (for frozenset constants)?
    fn python_eq(&self, other: &CVal) -> bool {
        match (self.numeric(), other.numeric()) {
            (Some(a), Some(b)) => a == b,
            (None, None) => match (self, other) {
                (CVal::None, CVal::None) | (CVal::Ellipsis, CVal::Ellipsis) => true,
                (CVal::Str(a) | CVal::Ident(a), CVal::Str(b) | CVal::Ident(b)) => a == b,
                (CVal::Bytes(a), CVal::Bytes(b)) => a == b,
                (CVal::Complex(a, b), CVal::Complex(c, d)) => a == c && b == d,
                (CVal::Tuple(a), CVal::Tuple(b)) | (CVal::FrozenSet(a), CVal::FrozenSet(b)) => {
                    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x.python_eq(y))
                }
                _ => false,
            },
            _ => false,
        }
    }

    /// Numeric value as an exact comparable number (ints exactly, floats by value).
    fn numeric(&self) -> Option<Num> {
        match self {
            CVal::Float(f) => Some(Num::F(*f)),
            CVal::Complex(r, i) if *i == 0.0 => Some(Num::F(*r)),
            CVal::Complex(..) => None,
            _ => self.as_int().map(Num::I),
        }
    }
}

/// A number for python equality between ints and floats.
enum Num {
    I(Int),
    F(f64),
}

impl PartialEq for Num {
    fn eq(&self, other: &Num) -> bool {
        match (self, other) {
            (Num::I(a), Num::I(b)) => a == b,
            (Num::F(a), Num::F(b)) => a == b,
            (Num::I(a), Num::F(b)) | (Num::F(b), Num::I(a)) => {
                numeric::compare_int_float(a, *b) == Some(std::cmp::Ordering::Equal)
            }
        }
    }
}

/// A frozenset constant from its elements (duplicates by Python equality dropped).
pub fn frozenset_of(items: Vec<CVal>) -> CVal {
    let mut out: Vec<CVal> = Vec::new();
    for v in items {
        if !out.iter().any(|o| o.python_eq(&v)) {
            out.push(v);
        }
    }
    CVal::FrozenSet(out)
}

/// `op v` folded, or None when CPython would not fold it (or it would raise).
pub fn fold_unary(op: UnaryOp, v: &CVal) -> Option<CVal> {
    match op {
        UnaryOp::Not => Some(if v.truthy() { CVal::False } else { CVal::True }),
        UnaryOp::USub => match v {
            CVal::Float(f) => Some(CVal::Float(-f)),
            CVal::Complex(r, i) => Some(CVal::Complex(-r, -i)),
            _ => Some(CVal::Int(-&v.as_int()?)),
        },
        UnaryOp::UAdd => match v {
            CVal::Float(f) => Some(CVal::Float(*f)),
            CVal::Complex(r, i) => Some(CVal::Complex(*r, *i)),
            _ => Some(CVal::Int(v.as_int()?)),
        },
        UnaryOp::Invert => Some(CVal::Int(!&v.as_int()?)),
    }
}

/// `v[i]` folded, both constants, as CPython's optimizer folds a subscript whose value
/// and index are constants; None where the subscript would raise (an index out of
/// range or not an int) or the value is not a str, bytes or tuple.
pub fn fold_subscript(v: &CVal, i: &CVal) -> Option<CVal> {
    let Int::Small(i) = i.as_int()? else {
        return None;
    };
    let at = |len: usize| {
        let j = if i < 0 { i.checked_add(len as i64)? } else { i };
        usize::try_from(j).ok().filter(|&j| j < len)
    };
    match v {
        CVal::Str(s) => {
            let c = s.chars().nth(at(str_len(s))?)?;
            Some(CVal::Str(c.to_string()))
        }
        CVal::Bytes(b) => Some(CVal::Int(Int::Small(i64::from(b[at(b.len())?])))),
        CVal::Tuple(t) => t.get(at(t.len())?).cloned(),
        _ => None,
    }
}

fn bits(i: &Int) -> u64 {
    i.bit_length()
}

fn str_len(s: &str) -> usize {
    s.chars().count()
}

/// `a op b` folded, or None (not foldable, too big, or it would raise).
pub fn fold_binary(op: Operator, a: &CVal, b: &CVal) -> Option<CVal> {
    use Operator::*;
    match (a, b) {
        (CVal::Int(x), CVal::Int(y)) => fold_int(op, x, y),
        (CVal::Float(_), CVal::Int(_) | CVal::Float(_)) | (CVal::Int(_), CVal::Float(_)) => {
            let x = to_f64(a)?;
            let y = to_f64(b)?;
            fold_float(op, x, y)
        }
        (CVal::Complex(..), CVal::Int(_) | CVal::Float(_) | CVal::Complex(..))
        | (CVal::Int(_) | CVal::Float(_), CVal::Complex(..)) => fold_complex(op, a, b),
        (CVal::Str(x), CVal::Str(y)) if op == Add => Some(CVal::Str(format!("{x}{y}"))),
        (CVal::Bytes(x), CVal::Bytes(y)) if op == Add => {
            Some(CVal::Bytes([x.as_slice(), y.as_slice()].concat()))
        }
        (CVal::Bytes(s), CVal::Int(n)) | (CVal::Int(n), CVal::Bytes(s)) if op == Mult => {
            let n = n.to_i64()?;
            if n <= 0 || s.is_empty() {
                return Some(CVal::Bytes(Vec::new()));
            }
            let len = s.len().checked_mul(n as usize)?;
            (len <= MAX_STR_SIZE).then(|| CVal::Bytes(s.repeat(n as usize)))
        }
        (CVal::Str(s), CVal::Int(n)) | (CVal::Int(n), CVal::Str(s)) if op == Mult => {
            let n = n.to_i64()?;
            if n <= 0 || s.is_empty() {
                return Some(CVal::Str(String::new()));
            }
            let len = str_len(s).checked_mul(n as usize)?;
            (len <= MAX_STR_SIZE).then(|| CVal::Str(s.repeat(n as usize)))
        }
        (CVal::Tuple(x), CVal::Tuple(y)) if op == Add => {
            Some(CVal::Tuple(x.iter().chain(y).cloned().collect()))
        }
        (CVal::Tuple(t), CVal::Int(n)) | (CVal::Int(n), CVal::Tuple(t)) if op == Mult => {
            let n = n.to_i64()?;
            if n <= 0 || t.is_empty() {
                return Some(CVal::Tuple(Vec::new()));
            }
            let len = t.len().checked_mul(n as usize)?;
            if len > MAX_COLLECTION_SIZE {
                return None;
            }
            let mut out = Vec::with_capacity(len);
            for _ in 0..n {
                out.extend(t.iter().cloned());
            }
            Some(CVal::Tuple(out))
        }
        _ => None,
    }
}

/// Complex arithmetic on constants (the operations complex supports that do not
/// raise).
fn fold_complex(op: Operator, a: &CVal, b: &CVal) -> Option<CVal> {
    use crate::objects::numeric::complex as cx;
    let c = |v: &CVal| -> Option<cx::C> {
        match v {
            CVal::Complex(r, i) => Some(cx::C::new(*r, *i)),
            _ => Some(cx::C::new(to_f64(v)?, 0.0)),
        }
    };
    let (x, y) = (c(a)?, c(b)?);
    let r = match op {
        Operator::Add => cx::add(x, y),
        Operator::Sub => cx::sub(x, y),
        Operator::Mult => cx::mul(x, y),
        Operator::Div => cx::div(x, y).ok()?,
        Operator::Pow => cx::pow(x, y).ok()?,
        _ => return None,
    };
    Some(CVal::Complex(r.re, r.im))
}

fn to_f64(v: &CVal) -> Option<f64> {
    match v {
        CVal::Float(f) => Some(*f),
        CVal::Int(i) => i.to_f64().ok(),
        _ => None,
    }
}

fn fold_int(op: Operator, x: &Int, y: &Int) -> Option<CVal> {
    use Operator::*;
    let r = match op {
        Add => x + y,
        Sub => x - y,
        Mult => {
            if !x.is_zero() && !y.is_zero() && bits(x) + bits(y) > MAX_INT_SIZE {
                return None;
            }
            x * y
        }
        FloorDiv => x.floordiv(y).ok()?,
        Mod => x.modulo(y).ok()?,
        Div => return x.true_div(y).ok().map(CVal::Float),
        Pow => {
            if !x.is_zero() && !y.is_negative() && !y.is_zero() {
                let e = y.to_u64()?;
                if bits(x) > MAX_INT_SIZE / e {
                    return None;
                }
            }
            match x.pow(y).ok()? {
                IntPow::Int(i) => i,
                IntPow::Float(f) => return Some(CVal::Float(f)),
            }
        }
        LShift => {
            if !x.is_zero() && !y.is_negative() && !y.is_zero() {
                let w = y.to_u64()?;
                if w > MAX_INT_SIZE || bits(x) > MAX_INT_SIZE - w {
                    return None;
                }
            }
            x.lshift(y).ok()?
        }
        RShift => x.rshift(y).ok()?,
        BitAnd => x & y,
        BitOr => x | y,
        BitXor => x ^ y,
        MatMult => return None,
    };
    Some(CVal::Int(r))
}

fn fold_float(op: Operator, x: f64, y: f64) -> Option<CVal> {
    use Operator::*;
    let r = match op {
        Add => x + y,
        Sub => x - y,
        Mult => x * y,
        Div => numeric::float_div(x, y).ok()?,
        FloorDiv => numeric::float_floordiv(x, y).ok()?,
        Mod => numeric::float_mod(x, y).ok()?,
        Pow => match numeric::float_pow(x, y).ok()? {
            FloatPow::Float(f) => f,
            FloatPow::Complex => return None,
        },
        _ => return None,
    };
    Some(CVal::Float(r))
}

/// Is `s` identifier-like (CPython interns such constants): ASCII letters, digits, `_`.
pub fn all_name_chars(s: &str) -> bool {
    s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
}

/// The constant objects of one compilation unit, one per distinct value.
#[derive(Default)]
pub struct ConstCache {
    objs: HashMap<ConstKey, PyObj>,
}

impl ConstCache {
    /// The one object for `v` in this unit.
    pub fn get(&mut self, v: &CVal) -> PyObj {
        let key = v.key();
        if let Some(o) = self.objs.get(&key) {
            return o.clone();
        }
        let obj = self.make(v);
        self.objs.insert(key, obj.clone());
        obj
    }

    fn make(&mut self, v: &CVal) -> PyObj {
        let c = ctx();
        match v {
            CVal::None => c.none.clone(),
            CVal::True => c.true_.clone(),
            CVal::False => c.false_.clone(),
            CVal::Ellipsis => c.ellipsis.clone(),
            CVal::Int(i) => int::new(i).expect("constant int allocation"),
            CVal::Float(f) => float::new(*f),
            CVal::Complex(r, i) => crate::objects::complex::new(*r, *i),
            CVal::Bytes(b) => crate::objects::bytes::new(b),
            CVal::Str(s) if all_name_chars(s) => string::intern_str(s),
            CVal::Ident(s) => string::intern_str(s),
            CVal::Str(s) => string::new(s),
            CVal::Tuple(items) if items.is_empty() => c.empty_tuple.clone(),
            CVal::Tuple(items) => {
                let objs = items.iter().map(|x| self.get(x)).collect();
                let t = tuple::new(objs);
                t.gc_untrack(); // constants are never tracked
                t
            }
            CVal::FrozenSet(items) => {
                let mut table = SetTable::new();
                for x in items {
                    let o = self.get(x);
                    let h = protocol::hash(&o).expect("constants are hashable");
                    let mut eq = |a: &PyObj, b: &PyObj| protocol::eq(a, b);
                    table.add(o, h, &mut eq).expect("constant comparison");
                }
                set::new_frozen(table)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn i(v: i64) -> CVal {
        CVal::Int(Int::Small(v))
    }

    #[test]
    fn folds_like_cpython() {
        use Operator::*;
        let k = |v: Option<CVal>| v.map(|v| v.key());
        assert_eq!(k(fold_binary(Add, &i(999), &i(1))), Some(i(1000).key()));
        assert_eq!(k(fold_binary(Div, &i(1), &i(0))), None);
        assert_eq!(k(fold_binary(Mod, &i(-7), &i(3))), Some(i(2).key()));
        assert_eq!(k(fold_binary(FloorDiv, &i(-7), &i(2))), Some(i(-4).key()));
        assert_eq!(k(fold_binary(Pow, &i(2), &i(128))), None); // 2 bits * 128 > 128
        assert!(fold_binary(Pow, &i(2), &i(64)).is_some());
        assert_eq!(
            k(fold_binary(Pow, &i(2), &i(-1))),
            Some(CVal::Float(0.5).key())
        );
        assert_eq!(k(fold_binary(LShift, &i(1), &i(200))), None);
        let a = CVal::Str("ab".into());
        assert_eq!(
            k(fold_binary(Mult, &a, &i(2048))),
            Some(CVal::Str("ab".repeat(2048)).key())
        );
        assert_eq!(k(fold_binary(Mult, &CVal::Str("a".into()), &i(4097))), None);
        assert_eq!(
            k(fold_unary(UnaryOp::USub, &CVal::Float(0.0))),
            Some(CVal::Float(-0.0).key())
        );
        assert_ne!(CVal::Float(-0.0).key(), CVal::Float(0.0).key());
        assert_ne!(CVal::True.key(), i(1).key());
        assert_eq!(
            k(fold_unary(UnaryOp::Invert, &CVal::True)),
            Some(i(-2).key())
        );
        assert_eq!(k(fold_unary(UnaryOp::USub, &a)), None);
    }

    #[test]
    fn one_object_per_value() {
        let mut c = ConstCache::default();
        let a = c.get(&i(1000));
        assert!(a.is(&c.get(&i(1000))));
        assert!(!c.get(&CVal::Float(1.0)).is(&c.get(&i(1))));
        let t = c.get(&CVal::Tuple(vec![i(1000), CVal::Str("hello world".into())]));
        assert!(tuple::items(&t).expect("tuple")[0].is(&a));
        assert!(!t.gc_is_tracked());
        let fs = frozenset_of(vec![i(1), CVal::Float(1.0), CVal::True, i(2)]);
        let o = c.get(&fs);
        assert_eq!(set::len(&o), Some(2));
        assert!(string::is_interned(&c.get(&CVal::Str("hello_1".into()))));
        assert!(!string::is_interned(
            &c.get(&CVal::Str("hello world".into()))
        ));
    }
}
