//! The numeric and reducing builtins: abs, round, divmod, pow, any, all, sum, min,
//! max and sorted (with the stable sort shared by dir()), with CPython 3.11's
//! algorithms where they show: sum's int and float fast paths (plain float addition,
//! as 3.11), min/max keeping the first of equal items, sort stability under reverse.

use crate::bytecode::opcode::{BinaryOp, CompareOp};
use crate::heap::PyObj;
use crate::objects::numeric::{float_divmod, float_round, float_round_ndigits, round_int};
use crate::objects::{ctx, float, int, list, string, tuple, typeobj};
use crate::vm::ops::{self, binary_op, bool_obj, compare_bool};
use crate::vm::{exceptions, Args, Vm, VmResult};

use super::functions::{index_value, type_error};

/// Parse CPython "clinic" style arguments: positional-or-keyword `names`, the first
/// `required` of them required. Returns one slot per name.
fn clinic<'a>(
    args: &Args<'a>,
    fname: &str,
    names: &[&str],
    required: usize,
) -> VmResult<Vec<Option<&'a PyObj>>> {
    let pos = args.pos();
    let total = args.all.len();
    if total > names.len() {
        return Err(type_error(format!(
            "{fname}() takes at most {} arguments ({total} given)",
            names.len()
        )));
    }
    let mut out: Vec<Option<&PyObj>> = pos.iter().map(Some).collect();
    out.resize(names.len(), None);
    let mut unknown = None;
    for (k, v) in args.kwargs() {
        let k = string::as_str(k).unwrap_or_default();
        match names.iter().position(|n| *n == k) {
            Some(i) if out[i].is_none() => out[i] = Some(v),
            Some(i) => {
                return Err(type_error(format!(
                    "argument for {fname}() given by name ('{k}') and position ({})",
                    i + 1
                )))
            }
            None => unknown = unknown.or(Some(k.into_owned())),
        }
    }
    // Missing required arguments are reported before unknown keywords, as CPython.
    for (i, name) in names.iter().enumerate().take(required) {
        if out[i].is_none() {
            return Err(type_error(format!(
                "{fname}() missing required argument '{name}' (pos {})",
                i + 1
            )));
        }
    }
    if let Some(k) = unknown {
        return Err(type_error(format!(
            "'{k}' is an invalid keyword argument for {fname}()"
        )));
    }
    Ok(out)
}

// ----- numbers --------------------------------------------------------------------

/// abs(x)
pub fn abs(_vm: &mut Vm, args: Args<'_>) -> VmResult<PyObj> {
    let x = args.one("abs")?;
    if let Some(v) = int::as_i64(x).filter(|v| *v != i64::MIN) {
        return Ok(int::new_i64(v.abs()));
    }
    if let Some(v) = int::value(x) {
        return ops::int_obj(&v.abs());
    }
    if let Some(f) = float::value(x) {
        return Ok(float::new(f.abs()));
    }
    Err(type_error(format!(
        "bad operand type for abs(): '{}'",
        typeobj::type_name(x)
    )))
}

/// round(number, ndigits=None)
pub fn round(_vm: &mut Vm, args: Args<'_>) -> VmResult<PyObj> {
    let a = clinic(&args, "round", &["number", "ndigits"], 1)?;
    let x = a[0].expect("required");
    let nd = a[1].filter(|n| !n.is(&ctx().none));
    if let Some(f) = float::value(x) {
        return match nd {
            None => ops::int_obj(&float_round(f)?),
            Some(n) => Ok(float::new(float_round_ndigits(f, &index_value(n)?)?)),
        };
    }
    if let Some(v) = int::value(x) {
        return match nd {
            None if x.is_type(&ctx().int_type) => Ok(x.clone()),
            None => ops::int_obj(&v),
            Some(n) => ops::int_obj(&round_int(&v, &index_value(n)?)?),
        };
    }
    Err(type_error(format!(
        "type {} doesn't define __round__ method",
        typeobj::type_name(x)
    )))
}

/// divmod(a, b)
pub fn divmod(_vm: &mut Vm, args: Args<'_>) -> VmResult<PyObj> {
    let p = args.range("divmod", 2, 2)?;
    let (a, b) = (&p[0], &p[1]);
    if let (Some(x), Some(y)) = (int::value(a), int::value(b)) {
        let (q, r) = x.divmod(&y)?;
        return Ok(tuple::new(vec![ops::int_obj(&q)?, ops::int_obj(&r)?]));
    }
    let as_f = |o: &PyObj| -> Option<VmResult<f64>> {
        float::value(o)
            .map(Ok)
            .or_else(|| int::value(o).map(|i| i.to_f64().map_err(Into::into)))
    };
    if float::value(a).is_some() || float::value(b).is_some() {
        if let (Some(x), Some(y)) = (as_f(a), as_f(b)) {
            let (q, r) = float_divmod(x?, y?)?;
            return Ok(tuple::new(vec![float::new(q), float::new(r)]));
        }
    }
    Err(type_error(format!(
        "unsupported operand type(s) for divmod(): '{}' and '{}'",
        typeobj::type_name(a),
        typeobj::type_name(b)
    )))
}

/// pow(base, exp, mod=None)
pub fn pow(vm: &mut Vm, args: Args<'_>) -> VmResult<PyObj> {
    let a = clinic(&args, "pow", &["base", "exp", "mod"], 2)?;
    let (base, exp) = (a[0].expect("required"), a[1].expect("required"));
    let Some(m) = a[2].filter(|m| !m.is(&ctx().none)) else {
        return binary_op(vm, base, exp, BinaryOp::Power, false);
    };
    match (int::value(base), int::value(exp), int::value(m)) {
        (Some(b), Some(e), Some(md)) => ops::int_obj(&b.pow_mod(&e, &md)?),
        _ if [base, exp, m]
            .iter()
            .all(|o| int::value(o).is_some() || float::value(o).is_some()) =>
        {
            Err(type_error(
                "pow() 3rd argument not allowed unless all arguments are integers",
            ))
        }
        _ => Err(type_error(format!(
            "unsupported operand type(s) for ** or pow(): '{}', '{}', '{}'",
            typeobj::type_name(base),
            typeobj::type_name(exp),
            typeobj::type_name(m)
        ))),
    }
}

// ----- reductions -----------------------------------------------------------------

/// any(iterable)
pub fn any(vm: &mut Vm, args: Args<'_>) -> VmResult<PyObj> {
    let it = vm.iter(args.one("any")?)?;
    while let Some(x) = vm.next(&it)? {
        if vm.truthy(&x)? {
            return Ok(bool_obj(true));
        }
    }
    Ok(bool_obj(false))
}

/// all(iterable)
pub fn all(vm: &mut Vm, args: Args<'_>) -> VmResult<PyObj> {
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
pub fn sum(vm: &mut Vm, args: Args<'_>) -> VmResult<PyObj> {
    let pos = args.pos();
    if pos.is_empty() {
        return Err(type_error(
            "sum() takes at least 1 positional argument (0 given)",
        ));
    }
    if args.all.len() > 2 {
        return Err(type_error(format!(
            "sum() takes at most 2 arguments ({} given)",
            args.all.len()
        )));
    }
    for (k, _) in args.kwargs() {
        let k = string::as_str(k).unwrap_or_default();
        if k != "start" {
            return Err(type_error(format!(
                "'{k}' is an invalid keyword argument for sum()"
            )));
        }
    }
    let c = ctx();
    let mut result = match pos.get(1).or_else(|| args.kw("start")) {
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
    let it = vm.iter(&pos[0])?;
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
    if pos.is_empty() {
        return Err(type_error(format!(
            "{fname} expected at least 1 argument, got 0"
        )));
    }
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
pub fn min(vm: &mut Vm, args: Args<'_>) -> VmResult<PyObj> {
    min_max(vm, args, "min", CompareOp::Lt)
}

/// max(iterable, *[, default, key]) / max(a, b, *args[, key])
pub fn max(vm: &mut Vm, args: Args<'_>) -> VmResult<PyObj> {
    min_max(vm, args, "max", CompareOp::Gt)
}

// ----- sorting --------------------------------------------------------------------

/// sorted(iterable, /, *, key=None, reverse=False): list(iterable), then sort.
pub fn sorted(vm: &mut Vm, args: Args<'_>) -> VmResult<PyObj> {
    let pos = args.pos();
    if pos.len() != 1 {
        return Err(type_error(format!(
            "sorted expected 1 argument, got {}",
            pos.len()
        )));
    }
    let none = &ctx().none;
    let mut key = None;
    let mut reverse = false;
    for (k, v) in args.kwargs() {
        match string::as_str(k).unwrap_or_default().as_ref() {
            "key" => key = Some(v.clone()).filter(|v| !v.is(none)),
            "reverse" => reverse = !index_value(v)?.is_zero(),
            other => {
                return Err(type_error(format!(
                    "'{other}' is an invalid keyword argument for sort()"
                )))
            }
        }
    }
    let l = list::new_empty();
    vm.list_extend(&l, &pos[0])?;
    sort_list(vm, &l, key.as_ref(), reverse)?;
    Ok(l)
}

/// Below this many items a run is sorted by binary insertion.
const MIN_RUN: usize = 32;

/// The stable order of `keys` (indices) by `<`; comparisons may raise.
fn stable_order(vm: &mut Vm, keys: &[PyObj]) -> VmResult<Vec<usize>> {
    let n = keys.len();
    let mut a: Vec<usize> = (0..n).collect();
    let lt = |vm: &mut Vm, x: usize, y: usize| compare_bool(vm, &keys[x], &keys[y], CompareOp::Lt);
    for start in (0..n).step_by(MIN_RUN) {
        let end = (start + MIN_RUN).min(n);
        for i in start + 1..end {
            let x = a[i];
            let (mut lo, mut hi) = (start, i);
            while lo < hi {
                let mid = (lo + hi) / 2;
                if lt(vm, x, a[mid])? {
                    hi = mid;
                } else {
                    lo = mid + 1;
                }
            }
            a[lo..=i].rotate_right(1);
        }
    }
    let mut buf = vec![0usize; n];
    let mut width = MIN_RUN;
    while width < n {
        for lo in (0..n).step_by(2 * width) {
            let mid = (lo + width).min(n);
            let hi = (lo + 2 * width).min(n);
            let (mut i, mut j, mut k) = (lo, mid, lo);
            while i < mid && j < hi {
                if lt(vm, a[j], a[i])? {
                    buf[k] = a[j];
                    j += 1;
                } else {
                    buf[k] = a[i];
                    i += 1;
                }
                k += 1;
            }
            buf[k..k + (mid - i)].copy_from_slice(&a[i..mid]);
            k += mid - i;
            buf[k..k + (hi - j)].copy_from_slice(&a[j..hi]);
        }
        std::mem::swap(&mut a, &mut buf);
        width *= 2;
    }
    Ok(a)
}

/// list.sort(key=None, reverse=False) on list `l`: stable; with `reverse` the items are
/// reversed, sorted, and reversed back, as CPython, so equal items keep their order.
/// The list is empty while its items are sorted (as CPython's); if it was changed
/// meanwhile, ValueError "list modified during sort".
pub fn sort_list(vm: &mut Vm, l: &PyObj, key: Option<&PyObj>, reverse: bool) -> VmResult<()> {
    let busy = || exceptions::value_error("list modified during sort");
    let mut items = {
        let mut b = list::borrow_mut(l).ok_or_else(busy)?;
        std::mem::take(&mut b.0)
    };
    let result = (|| -> VmResult<()> {
        if reverse {
            items.reverse();
        }
        let keys = match key {
            Some(f) => {
                let mut keys = Vec::with_capacity(items.len());
                for x in &items {
                    keys.push(vm.call(f, Args::positional(std::slice::from_ref(x)))?);
                }
                keys
            }
            None => items.clone(),
        };
        let order = stable_order(vm, &keys)?;
        let mut slots: Vec<Option<PyObj>> = items.drain(..).map(Some).collect();
        items.extend(
            order
                .iter()
                .map(|&i| slots[i].take().expect("a permutation")),
        );
        if reverse {
            items.reverse();
        }
        Ok(())
    })();
    // A failed key or comparison leaves the items in their original order (reversed
    // back if needed); CPython leaves some permutation.
    if result.is_err() && reverse && !items.is_empty() {
        // `items` was reversed before the failure and not drained.
        items.reverse();
    }
    let mut b = list::borrow_mut(l).ok_or_else(busy)?;
    let modified = !b.0.is_empty() || b.0.capacity() != 0;
    let stray = std::mem::replace(&mut b.0, items);
    drop(b);
    drop(stray);
    result?;
    if modified {
        return Err(busy());
    }
    Ok(())
}
