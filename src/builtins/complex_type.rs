//! complex: its type slots (repr, truth, + - * / ** with ints, floats and complexes,
//! unary - and +, the real / imag attributes, format), its methods (conjugate,
//! __getnewargs__, __complex__) and its constructor, with CPython's messages.

use crate::bytecode::opcode::CompareOp;
use crate::heap::PyObj;
use crate::objects::args::Args;
use crate::objects::builtin_function::MethodDef;
use crate::objects::complex;
use crate::objects::exceptions::{self, type_error, VmResult};
use crate::objects::numeric::complex::{self as cx, C};
use crate::objects::runtime::Runtime;
use crate::objects::typeobj::slots::SlotTable;
use crate::objects::unicode::ctype::transform_decimal_and_space_to_ascii;
use crate::objects::unicode::repr::repr_view;
use crate::objects::{ctx, float, int, string, tuple, typeobj};
use crate::vm::ops::bool_obj;
use crate::vm::Vm;

use super::methods_args::this;

macro_rules! defs {
    ($($name:literal => $f:path),* $(,)?) => {
        &[$(MethodDef { name: $name, func: $f }),*]
    };
}

/// The methods of complex.
pub static METHODS: &[MethodDef] = defs![
    "conjugate" => conjugate, "__getnewargs__" => getnewargs, "__complex__" => dunder_complex,
];

static NEW_COMPLEX: MethodDef = MethodDef {
    name: "complex",
    func: new_complex,
};

/// complex's type slots.
pub const SLOTS: SlotTable = SlotTable {
    repr: Some(repr),
    hash: Some(hash),
    richcompare: Some(richcompare),
    bool: Some(truth),
    add: Some(add),
    subtract: Some(subtract),
    multiply: Some(multiply),
    true_divide: Some(true_divide),
    power: Some(power),
    negative: Some(negative),
    positive: Some(positive),
    absolute: Some(absolute),
    ..SlotTable::EMPTY
};

/// Register complex's slots, methods and constructor.
pub fn install() {
    let c = ctx();
    typeobj::install_builtin_slots(&c.complex_type, &SLOTS);
    typeobj::set_new(&c.complex_type, &NEW_COMPLEX);
    typeobj::add_methods(&c.complex_type, METHODS);
}

fn val(o: &PyObj) -> C {
    complex::value(o).unwrap_or(C::new(0.0, 0.0))
}

fn not_implemented() -> PyObj {
    ctx().not_implemented.clone()
}

fn repr(_rt: &mut dyn Runtime, o: &PyObj) -> VmResult<String> {
    Ok(cx::repr(val(o)))
}

fn hash(_rt: &mut dyn Runtime, o: &PyObj) -> VmResult<i64> {
    Ok(complex::hash(o).unwrap_or(0))
}

/// == and != with ints, floats and complexes; no ordering.
fn richcompare(_rt: &mut dyn Runtime, a: &PyObj, b: &PyObj, op: CompareOp) -> VmResult<PyObj> {
    if !matches!(op, CompareOp::Eq | CompareOp::Ne) {
        return Ok(not_implemented());
    }
    match complex::eq(val(a), b) {
        Some(eq) => Ok(bool_obj(eq == (op == CompareOp::Eq))),
        None => Ok(not_implemented()),
    }
}

fn truth(_rt: &mut dyn Runtime, o: &PyObj) -> VmResult<bool> {
    let z = val(o);
    Ok(z.re != 0.0 || z.im != 0.0)
}

/// The operands of a number slot as complex values; None for NotImplemented.
fn operands(a: &PyObj, b: &PyObj) -> VmResult<Option<(C, C)>> {
    match (complex::coerce(a), complex::coerce(b)) {
        (Some(x), Some(y)) => Ok(Some((x?, y?))),
        _ => Ok(None),
    }
}

fn arith(a: &PyObj, b: &PyObj, f: fn(C, C) -> VmResult<C>) -> VmResult<PyObj> {
    match operands(a, b)? {
        Some((x, y)) => Ok(complex::from_c(f(x, y)?)),
        None => Ok(not_implemented()),
    }
}

fn add(_rt: &mut dyn Runtime, a: &PyObj, b: &PyObj) -> VmResult<PyObj> {
    arith(a, b, |x, y| Ok(cx::add(x, y)))
}

fn subtract(_rt: &mut dyn Runtime, a: &PyObj, b: &PyObj) -> VmResult<PyObj> {
    arith(a, b, |x, y| Ok(cx::sub(x, y)))
}

fn multiply(_rt: &mut dyn Runtime, a: &PyObj, b: &PyObj) -> VmResult<PyObj> {
    arith(a, b, |x, y| Ok(cx::mul(x, y)))
}

fn true_divide(_rt: &mut dyn Runtime, a: &PyObj, b: &PyObj) -> VmResult<PyObj> {
    arith(a, b, |x, y| Ok(cx::div(x, y)?))
}

/// nb_power: a modulus is a ValueError.
fn power(_rt: &mut dyn Runtime, a: &PyObj, b: &PyObj, m: &PyObj) -> VmResult<PyObj> {
    if operands(a, b)?.is_none() {
        return Ok(not_implemented());
    }
    if !m.is(&ctx().none) {
        return Err(exceptions::value_error("complex modulo"));
    }
    arith(a, b, |x, y| Ok(cx::pow(x, y)?))
}

fn negative(_rt: &mut dyn Runtime, o: &PyObj) -> VmResult<PyObj> {
    Ok(complex::from_c(cx::neg(val(o))))
}

fn positive(_rt: &mut dyn Runtime, o: &PyObj) -> VmResult<PyObj> {
    if o.is_type(&ctx().complex_type) {
        return Ok(o.clone());
    }
    Ok(complex::from_c(val(o)))
}

fn absolute(_rt: &mut dyn Runtime, o: &PyObj) -> VmResult<PyObj> {
    Ok(float::new(cx::abs(val(o))?))
}

fn conjugate(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let (s, args) = this(&args);
    args.none("conjugate")?;
    let z = val(s);
    Ok(complex::new(z.re, -z.im))
}

fn getnewargs(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let (s, args) = this(&args);
    args.none("__getnewargs__")?;
    let z = val(s);
    Ok(tuple::pair(float::new(z.re), float::new(z.im)))
}

fn dunder_complex(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let (s, args) = this(&args);
    args.none("__complex__")?;
    if s.is_type(&ctx().complex_type) {
        return Ok(s.clone());
    }
    Ok(complex::from_c(val(s)))
}

/// complex(text): underscores between digits dropped, Unicode digits and spaces made
/// ASCII, then CPython's grammar.
pub(super) fn complex_from_str(text: &str) -> VmResult<C> {
    let ascii = transform_decimal_and_space_to_ascii(text);
    let s: &str = &ascii;
    if s.contains('_') {
        let b = s.as_bytes();
        for (i, &c) in b.iter().enumerate() {
            if c == b'_' {
                let before = i > 0 && b[i - 1].is_ascii_digit();
                let after = b.get(i + 1).is_some_and(u8::is_ascii_digit);
                if !(before && after) {
                    let shown = repr_view(crate::objects::unicode::view::StrView::Ascii(b));
                    return Err(exceptions::value_error(format!(
                        "could not convert string to complex: {}",
                        if text.is_ascii() {
                            shown
                        } else {
                            crate::objects::unicode::repr::repr_str(text)
                        }
                    )));
                }
            }
        }
        let cleaned: String = s.chars().filter(|&c| c != '_').collect();
        return Ok(cx::parse(&cleaned)?);
    }
    Ok(cx::parse(s)?)
}

/// A number argument of complex() as a complex (and whether it was one), through
/// `__complex__`, `__float__` or `__index__` for instances of classes; None when it
/// is not a number.
fn number_arg(vm: &mut Vm, o: &PyObj) -> VmResult<Option<(C, bool)>> {
    if o.vtable().heap_type {
        if let Some(r) = vm.convert_special(o, "__complex__", &[])? {
            return match complex::value(&r) {
                Some(z) => Ok(Some((z, true))),
                None => Err(type_error(format!(
                    "__complex__ returned non-complex (type {})",
                    typeobj::type_name(&r)
                ))),
            };
        }
        if let Some(r) = vm.convert_special(o, "__float__", &[])? {
            return match float::value(&r) {
                Some(f) => Ok(Some((C::new(f, 0.0), false))),
                None => Err(type_error(format!(
                    "{}.__float__ returned non-float (type {})",
                    typeobj::type_name(o),
                    typeobj::type_name(&r)
                ))),
            };
        }
        if crate::objects::protocol::index_check(o) {
            let i = vm.index_arg(o)?;
            let f = int::value(&i).expect("an int").to_f64()?;
            return Ok(Some((C::new(f, 0.0), false)));
        }
    }
    match complex::coerce(o) {
        Some(z) => Ok(Some((z?, complex::value(o).is_some()))),
        None => Ok(None),
    }
}

/// complex(real=0, imag=0).
fn new_complex(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let ty = super::constructors::called_type(&args, "complex")?;
    if !ty.is(&ctx().complex_type) {
        super::subclass::check_subtype(&ty, &ctx().complex_type)?;
    }
    let (_, rest) = this(&args);
    let a = rest.clinic("complex", &["real", "imag"], 0)?;
    let z = match (a[0], a[1]) {
        (None, None) => C::new(0.0, 0.0),
        (Some(r), i) if string::view(r).is_some() => {
            if i.is_some() {
                return Err(type_error(
                    "complex() can't take second arg if first is a string",
                ));
            }
            let text = string::view(r).expect("a str").to_str_lossy().into_owned();
            complex_from_str(&text)?
        }
        (r, i) => {
            if i.is_some_and(|i| string::view(i).is_some()) {
                return Err(type_error("complex() second arg can't be a string"));
            }
            let (re, re_cx) = match r {
                None => (C::new(0.0, 0.0), false),
                Some(r) => match number_arg(vm, r)? {
                    Some(z) => {
                        if i.is_none()
                            && r.is_type(&ctx().complex_type)
                            && ty.is(&ctx().complex_type)
                        {
                            return Ok(r.clone());
                        }
                        z
                    }
                    None => {
                        return Err(type_error(format!(
                            "complex() first argument must be a string or a number, not '{}'",
                            typeobj::type_name(r)
                        )))
                    }
                },
            };
            let (im, im_cx) = match i {
                None => (C::new(re.im, 0.0), false),
                Some(i) => match number_arg(vm, i)? {
                    Some(z) => z,
                    None => {
                        return Err(type_error(format!(
                            "complex() second argument must be a number, not '{}'",
                            typeobj::type_name(i)
                        )))
                    }
                },
            };
            // CPython's complex_new: real + imag * 1j, without touching a part that
            // neither argument's imaginary part changes (signed zeros survive).
            let mut real = re.re;
            let mut imag = im.re;
            if im_cx {
                real -= im.im;
            }
            if re_cx && i.is_some() {
                imag += re.im;
            }
            C::new(real, imag)
        }
    };
    Ok(complex::new_typed(&ty, z))
}
