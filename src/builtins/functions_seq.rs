//! The numeric and reducing builtins: abs, round, divmod, pow, any, all, sum, min,
//! max and sorted (list.sort's sort), with CPython 3.11's algorithms where they show:
//! sum's int and float fast paths (plain float addition, as 3.11), min/max keeping
//! the first of equal items.

use crate::bytecode::opcode::{BinaryOp, CompareOp};
use crate::heap::PyObj;
use crate::objects::args::{check_positional, number_index, Args, Signature};
use crate::objects::exceptions;
use crate::objects::exceptions::type_error;
use crate::objects::exceptions::VmResult;
use crate::objects::numeric::{float_round, float_round_ndigits, round_int};
use crate::objects::runtime::Runtime;
use crate::objects::{ctx, float, int, list, string, typeobj};
use crate::vm::ops::{self, binary_op, bool_obj, compare_bool};
use crate::vm::Vm;

use super::methods_args::this;
use super::methods_list;

// ----- numbers --------------------------------------------------------------------

/// abs(x)
pub fn abs(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let x = args.one("abs")?;
    ops::absolute(Vm::of(rt), x)
}

/// round(number, ndigits=None)
pub fn round(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let a = args.clinic("round", &["number", "ndigits"], 1)?;
    let x = a[0].expect("required");
    let nd = a[1].filter(|n| !n.is(&ctx().none));
    if x.vtable().heap_type {
        let extra: Vec<PyObj> = nd.into_iter().cloned().collect();
        if let Some(r) = vm.convert_special(x, "__round__", &extra)? {
            return Ok(r);
        }
    }
    if let Some(f) = float::value(x) {
        return match nd {
            None => ops::int_obj(&float_round(f)?),
            Some(n) => Ok(float::new(float_round_ndigits(f, &number_index(n)?)?)),
        };
    }
    if let Some(v) = int::value(x) {
        return match nd {
            None if x.is_type(&ctx().int_type) => Ok(x.clone()),
            None => ops::int_obj(&v),
            Some(n) => ops::int_obj(&round_int(&v, &number_index(n)?)?),
        };
    }
    Err(type_error(format!(
        "type {} doesn't define __round__ method",
        typeobj::type_name(x)
    )))
}

/// divmod(a, b)
pub fn divmod(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let p = args.range("divmod", 2, 2)?;
    ops::divmod(vm, &p[0], &p[1])
}

/// pow(base, exp, mod=None)
pub fn pow(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let a = args.clinic("pow", &["base", "exp", "mod"], 2)?;
    let (base, exp) = (a[0].expect("required"), a[1].expect("required"));
    match a[2] {
        Some(m) => ops::power3(vm, base, exp, m),
        None => binary_op(vm, base, exp, BinaryOp::Power, false),
    }
}

// ----- reductions -----------------------------------------------------------------

/// any(iterable)
pub fn any(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let it = vm.iter(args.one("any")?)?;
    while let Some(x) = vm.next(&it)? {
        if vm.truthy(&x)? {
            return Ok(bool_obj(true));
        }
    }
    Ok(bool_obj(false))
}

/// all(iterable)
pub fn all(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let it = vm.iter(args.one("all")?)?;
    while let Some(x) = vm.next(&it)? {
        if !vm.truthy(&x)? {
            return Ok(bool_obj(false));
        }
    }
    Ok(bool_obj(true))
}

/// sum(iterable, /, start=0): CPython 3.11's builtin_sum_impl, with its i64 and
/// float accumulators before the generic `+`.
pub fn sum(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let a = args.parse(&Signature {
        fname: "sum",
        names: &["iterable", "start"],
        posonly: 1,
        maxpos: 2,
        required: 1,
    })?;
    let c = ctx();
    let mut result = match a[1] {
        Some(s) => {
            if string::view(s).is_some() {
                return Err(type_error(
                    "sum() can't sum strings [use ''.join(seq) instead]",
                ));
            }
            s.clone()
        }
        None => int::new_i64(0),
    };
    let it = vm.iter(a[0].expect("required"))?;
    let exact_int = |o: &PyObj| o.is_type(&c.int_type) || o.is_type(&c.bool_type);
    if result.is_type(&c.int_type) {
        if let Some(mut acc) = int::as_i64(&result) {
            loop {
                let Some(item) = vm.next(&it)? else {
                    return Ok(int::new_i64(acc));
                };
                if exact_int(&item) {
                    if let Some(s) = int::as_i64(&item).and_then(|b| acc.checked_add(b)) {
                        acc = s;
                        continue;
                    }
                }
                result = binary_op(vm, &int::new_i64(acc), &item, BinaryOp::Add, false)?;
                break;
            }
        }
    }
    if result.is_type(&c.float_type) {
        let mut acc = float::value(&result).expect("a float");
        loop {
            let Some(item) = vm.next(&it)? else {
                return Ok(float::new(acc));
            };
            if item.is_type(&c.float_type) {
                acc += float::value(&item).expect("a float");
                continue;
            }
            if let Some(v) = int::as_i64(&item) {
                acc += v as f64;
                continue;
            }
            result = binary_op(vm, &float::new(acc), &item, BinaryOp::Add, false)?;
            break;
        }
    }
    while let Some(item) = vm.next(&it)? {
        result = binary_op(vm, &result, &item, BinaryOp::Add, false)?;
    }
    Ok(result)
}

/// min() and max(): the first item for which no later one compares `op` to it.
fn min_max(vm: &mut Vm, args: Args<'_>, fname: &str, op: CompareOp) -> VmResult<PyObj> {
    let pos = args.pos();
    check_positional(fname, pos.len(), 1, usize::MAX)?;
    let none = &ctx().none;
    let mut key = None;
    let mut default = None;
    for (k, v) in args.kwargs() {
        match string::as_str(k).unwrap_or_default().as_ref() {
            "key" => key = Some(v).filter(|v| !v.is(none)),
            "default" => default = Some(v),
            other => {
                return Err(type_error(format!(
                    "'{other}' is an invalid keyword argument for {fname}()"
                )))
            }
        }
    }
    if default.is_some() && pos.len() > 1 {
        return Err(type_error(format!(
            "Cannot specify a default for {fname}() with multiple positional arguments"
        )));
    }
    let it = if pos.len() == 1 {
        Some(vm.iter(&pos[0])?)
    } else {
        None
    };
    let mut i = 0;
    let mut best: Option<(PyObj, PyObj)> = None;
    loop {
        let item = match &it {
            Some(it) => vm.next(it)?,
            None => {
                i += 1;
                pos.get(i - 1).cloned()
            }
        };
        let Some(item) = item else { break };
        let k = match key {
            Some(f) => vm.call(f, Args::positional(std::slice::from_ref(&item)))?,
            None => item.clone(),
        };
        best = match best {
            None => Some((k, item)),
            Some((bk, bv)) => {
                if compare_bool(vm, &k, &bk, op)? {
                    Some((k, item))
                } else {
                    Some((bk, bv))
                }
            }
        };
    }
    match (best, default) {
        (Some((_, v)), _) => Ok(v),
        (None, Some(d)) => Ok(d.clone()),
        (None, None) => Err(exceptions::value_error(format!(
            "{fname}() arg is an empty sequence"
        ))),
    }
}

/// min(iterable, *[, default, key]) / min(a, b, *args[, key])
pub fn min(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    min_max(vm, args, "min", CompareOp::Lt)
}

/// max(iterable, *[, default, key]) / max(a, b, *args[, key])
pub fn max(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    min_max(vm, args, "max", CompareOp::Gt)
}

// ----- sorting --------------------------------------------------------------------

/// sorted(iterable, /, *, key=None, reverse=False): list(iterable), then list.sort
/// with the keywords, as CPython.
pub fn sorted(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    check_positional("sorted", args.pos().len(), 1, 1)?;
    let (iterable, kwargs) = this(&args);
    let l = list::new_empty();
    vm.list_extend(&l, iterable)?;
    methods_list::sort_with(vm, &l, &kwargs)?;
    Ok(l)
}
