//! The methods of list, with CPython 3.11's list_resize growth and shrinking, and
//! sort as CPython's: the items are taken out of the list while sorting ("list
//! modified during sort"), keys are computed first, reverse keeps stability.

use super::methods_args::{slice_index, this};
use super::none;
use crate::bytecode::CompareOp;
use crate::heap::PyObj;
use crate::objects::args::{as_c_int, as_ssize_t, Args, Signature};
use crate::objects::builtin_function::MethodDef;
use crate::objects::exceptions;
use crate::objects::exceptions::{Exc, VmResult};
use crate::objects::runtime::Runtime;
use crate::objects::typeobj::slots::{AnySlot, SlotId};
use crate::objects::{ctx, int, list, slice, typeobj};
use crate::vm::ops::compare_bool;
use crate::vm::Vm;

/// The methods of list.
pub static METHODS: &[MethodDef] = &[
    // A method as well as the subscript slot (CPython's METH_COEXIST).
    MethodDef {
        name: "__getitem__",
        func: getitem_method,
    },
    MethodDef {
        name: "append",
        func: append,
    },
    MethodDef {
        name: "extend",
        func: extend,
    },
    MethodDef {
        name: "insert",
        func: insert,
    },
    MethodDef {
        name: "pop",
        func: pop,
    },
    MethodDef {
        name: "remove",
        func: remove,
    },
    MethodDef {
        name: "index",
        func: index_,
    },
    MethodDef {
        name: "count",
        func: count,
    },
    MethodDef {
        name: "sort",
        func: sort,
    },
    MethodDef {
        name: "reverse",
        func: reverse,
    },
    MethodDef {
        name: "copy",
        func: copy,
    },
    MethodDef {
        name: "clear",
        func: clear,
    },
];

fn busy() -> Exc {
    exceptions::named("RuntimeError", "list modified during iteration")
}

fn mut_items(l: &PyObj) -> VmResult<crate::heap::PMut<'_, list::List>> {
    list::borrow_mut(l).ok_or_else(busy)
}

fn append(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let (l, args) = this(&args);
    let x = args.one("list.append")?;
    list::append(l, x.clone())?;
    Ok(none())
}

fn extend(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let (l, args) = this(&args);
    let x = args.one("list.extend")?;
    vm.list_extend(l, x)?;
    Ok(none())
}

/// ins1: list_resize to n + 1, then shift.
fn insert(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let (l, args) = this(&args);
    let a = args.range("insert", 2, 2)?;
    let i = as_ssize_t(&a[0])?;
    let mut b = mut_items(l)?;
    let v = &mut b.0;
    let n = v.len() as i64;
    let at = if i < 0 { (i + n).max(0) } else { i.min(n) } as usize;
    list::list_resize(v, v.len() + 1)?;
    v.insert(at, a[1].clone());
    Ok(none())
}

/// Remove item `i` (in range) with list_resize's shrinking.
fn remove_at(l: &PyObj, i: usize) -> VmResult<PyObj> {
    let mut b = mut_items(l)?;
    let v = &mut b.0;
    let x = v.remove(i);
    let n = v.len();
    list::list_resize(v, n)?;
    Ok(x)
}

fn pop(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let (l, args) = this(&args);
    let a = args.range("pop", 0, 1)?;
    let i = a.first().map(as_ssize_t).transpose()?.unwrap_or(-1);
    let n = list::borrow(l).ok_or_else(busy)?.0.len() as i64;
    if n == 0 {
        return Err(exceptions::named("IndexError", "pop from empty list"));
    }
    let j = if i < 0 { i + n } else { i };
    if j < 0 || j >= n {
        return Err(exceptions::named("IndexError", "pop index out of range"));
    }
    remove_at(l, j as usize)
}

/// The item at `i`, re-read on every step as CPython does (`__eq__` may mutate).
fn item(l: &PyObj, i: usize) -> VmResult<Option<PyObj>> {
    Ok(list::borrow(l).ok_or_else(busy)?.0.get(i).cloned())
}

/// PyObject_RichCompareBool(x, value, Py_EQ): identity first.
fn same(vm: &mut Vm, x: &PyObj, value: &PyObj) -> VmResult<bool> {
    Ok(x.is(value) || vm.equal(x, value)?)
}

fn remove(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let (l, args) = this(&args);
    let value = args.one("list.remove")?;
    let mut i = 0;
    while let Some(x) = item(l, i)? {
        if same(vm, &x, value)? {
            let removed = remove_at(l, i)?;
            drop(removed);
            return Ok(none());
        }
        i += 1;
    }
    Err(exceptions::value_error("list.remove(x): x not in list"))
}

fn index_(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let (l, args) = this(&args);
    let a = args.range("index", 1, 3)?;
    let value = &a[0];
    let n = list::borrow(l).ok_or_else(busy)?.0.len() as i64;
    let adjust = |v: i64| if v < 0 { (v + n).max(0) } else { v };
    let start = adjust(slice_index(a.get(1), false)?.unwrap_or(0));
    let mut stop = adjust(slice_index(a.get(2), false)?.unwrap_or(i64::MAX));
    let mut i = start;
    loop {
        // The length is re-read each step, as CPython's loop does.
        let len = list::borrow(l).ok_or_else(busy)?.0.len() as i64;
        stop = stop.min(len.max(i));
        if i >= stop {
            break;
        }
        let Some(x) = item(l, i as usize)? else { break };
        if same(vm, &x, value)? {
            return Ok(int::new_i64(i));
        }
        i += 1;
    }
    let r = vm.repr(value)?;
    Err(exceptions::value_error(format!("{r} is not in list")))
}

fn count(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let (l, args) = this(&args);
    let value = args.one("list.count")?;
    let (mut i, mut c) = (0, 0);
    while let Some(x) = item(l, i)? {
        if same(vm, &x, value)? {
            c += 1;
        }
        i += 1;
    }
    Ok(int::new_i64(c))
}

fn reverse(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let (l, args) = this(&args);
    args.none("list.reverse")?;
    mut_items(l)?.0.reverse();
    Ok(none())
}

fn copy(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let (l, args) = this(&args);
    args.none("list.copy")?;
    let items = list::borrow(l).ok_or_else(busy)?.0.clone();
    Ok(list::new_exact(items))
}

fn clear(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let (l, args) = this(&args);
    args.none("list.clear")?;
    let old = std::mem::take(&mut mut_items(l)?.0);
    drop(old); // after the borrow: freeing items may run arbitrary code
    Ok(none())
}

/// list.sort(*, key=None, reverse=False)
fn sort(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let (l, args) = this(&args);
    sort_with(vm, l, &args)?;
    Ok(none())
}

/// list.sort's arguments `args` (without `self`) applied to list `l`; sorted() passes
/// its keywords on here, as CPython's does.
pub(super) fn sort_with(vm: &mut Vm, l: &PyObj, args: &Args<'_>) -> VmResult<()> {
    let a = args.parse(&Signature {
        fname: "sort",
        names: &["key", "reverse"],
        posonly: 0,
        maxpos: 0,
        required: 0,
    })?;
    let key = a[0].filter(|k| !k.is(&ctx().none)).cloned();
    let rev = a[1].map(as_c_int).transpose()?.unwrap_or(0) != 0;
    sort_list(vm, l, key.as_ref(), rev)
}

/// Sort list `l` as list.sort does: the items are taken out while they are sorted
/// (the list is empty meanwhile, as CPython's); if it was changed in the meantime,
/// ValueError "list modified during sort".
pub(super) fn sort_list(vm: &mut Vm, l: &PyObj, key: Option<&PyObj>, rev: bool) -> VmResult<()> {
    let mut items = std::mem::take(&mut mut_items(l)?.0);
    let r = sort_items(vm, &mut items, key, rev);
    let mut b = mut_items(l)?;
    let modified = !b.0.is_empty() || b.0.capacity() != 0;
    let intruders = std::mem::replace(&mut b.0, items);
    drop(b);
    drop(intruders);
    r?;
    if modified {
        return Err(exceptions::value_error("list modified during sort"));
    }
    Ok(())
}

/// Sort `items` in place (stably), by `key` if given; on error the items stay in
/// whatever order the sort had reached.
fn sort_items(vm: &mut Vm, items: &mut Vec<PyObj>, key: Option<&PyObj>, rev: bool) -> VmResult<()> {
    if items.len() < 2 {
        // CPython still calls the key function on a lone item.
        if let (Some(f), [x]) = (key, items.as_slice()) {
            vm.call(f, Args::positional(std::slice::from_ref(x)))?;
        }
        return Ok(());
    }
    // Keys first, in the list's order; then CPython reverses keys and items before
    // and after a forward sort, so equal items keep their order.
    let mut keys = Vec::new();
    if let Some(f) = key {
        keys.reserve_exact(items.len());
        for x in items.iter() {
            keys.push(vm.call(f, Args::positional(std::slice::from_ref(x)))?);
        }
    }
    if rev {
        items.reverse();
        keys.reverse();
    }
    let by = if key.is_some() { &keys[..] } else { &items[..] };
    let r = if let Some(order) = NumericOrder::of(by) {
        // Keys are permuted too: they are let go of in sorted order, as CPython's.
        order.apply(items);
        order.apply(&mut keys);
        drop(order);
        drop(keys);
        Ok(())
    } else if key.is_none() {
        let mut pairs: Vec<(PyObj, ())> = items.drain(..).map(|x| (x, ())).collect();
        let r = timsort(vm, &mut pairs);
        items.extend(pairs.into_iter().map(|(x, ())| x));
        r
    } else {
        let mut pairs: Vec<(PyObj, PyObj)> = keys.into_iter().zip(items.drain(..)).collect();
        let r = timsort(vm, &mut pairs);
        items.extend(pairs.into_iter().map(|(_, x)| x));
        r
    };
    if rev {
        items.reverse();
    }
    r
}

fn lt(vm: &mut Vm, a: &PyObj, b: &PyObj) -> VmResult<bool> {
    compare_bool(vm, a, b, CompareOp::Lt)
}

/// merge_compute_minrun.
fn minrun(mut n: usize) -> usize {
    let mut r = 0;
    while n >= 64 {
        r |= n & 1;
        n >>= 1;
    }
    n + r
}

/// CPython's timsort run detection and binary insertion, so that the comparisons
/// (and so a TypeError's operand order) match for lists under 64 items; longer runs
/// are merged by a plain stable merge, which orders equally.
fn timsort<V>(vm: &mut Vm, v: &mut [(PyObj, V)]) -> VmResult<()> {
    let n = v.len();
    let min = minrun(n);
    let mut runs: Vec<(usize, usize)> = Vec::new();
    let mut lo = 0;
    while lo < n {
        let (mut run, descending) = count_run(vm, &v[lo..])?;
        if descending {
            v[lo..lo + run].reverse();
        }
        if run < min {
            let force = min.min(n - lo);
            binary_sort(vm, &mut v[lo..lo + force], run)?;
            run = force;
        }
        runs.push((lo, lo + run));
        lo += run;
    }
    // Merge neighbouring runs until one is left.
    while runs.len() > 1 {
        let mut next = Vec::with_capacity(runs.len().div_ceil(2));
        for pair in runs.chunks(2) {
            match pair {
                [(a, m), (_, b)] => {
                    merge(vm, &mut v[*a..*b], m - a)?;
                    next.push((*a, *b));
                }
                [r] => next.push(*r),
                _ => {}
            }
        }
        runs = next;
    }
    Ok(())
}

/// CPython's pre-sort check (unsafe_long_compare / unsafe_float_compare): when every
/// key is a built-in int that fits an i64, or every key a built-in float and none
/// NaN, the comparisons can neither fail nor run code and the order is total, so any
/// stable sort gives timsort's result. The keys are then sorted as numbers, each
/// paired with its position (so equal keys keep their order and an unstable in-place
/// sort, which needs no scratch buffer, is stable), packed into one u64 where the
/// numbers' range leaves room for the position's bits: 8 bytes per item, where
/// CPython's merges need up to 4 (timsort's temporary array of n / 2 pointers).
enum NumericOrder {
    /// (key - min) << shift | position.
    Packed(Vec<u64>, u32),
    /// (the key mapped to a u64 of the same order, position).
    Wide(Vec<(u64, u32)>),
}

impl NumericOrder {
    /// The sorted order of `keys`, if they are all ints or all floats as above.
    fn of(keys: &[PyObj]) -> Option<NumericOrder> {
        let c = crate::objects::ctx();
        let first = keys.first()?;
        let n = u32::try_from(keys.len()).ok()?;
        if first.is_type(&c.int_type) || first.is_type(&c.bool_type) {
            let int_of = |k: &PyObj| {
                if k.is_type(&c.int_type) || k.is_type(&c.bool_type) {
                    crate::objects::int::as_i64(k)
                } else {
                    None
                }
            };
            let (mut lo, mut hi) = (i64::MAX, i64::MIN);
            for k in keys {
                let x = int_of(k)?;
                lo = lo.min(x);
                hi = hi.max(x);
            }
            // n >= 2 (shorter lists are not sorted), so 1 <= shift <= 32.
            let shift = u32::BITS - (n - 1).leading_zeros();
            if hi.abs_diff(lo) >> (u64::BITS - shift) == 0 {
                let mut v: Vec<u64> = keys
                    .iter()
                    .zip(0u64..)
                    .map(|(k, i)| int_of(k).map_or(0, |x| x.abs_diff(lo)) << shift | i)
                    .collect();
                v.sort_unstable();
                return Some(NumericOrder::Packed(v, shift));
            }
            let flip = |x: i64| (x as u64) ^ (1 << 63);
            let mut v: Vec<(u64, u32)> = keys
                .iter()
                .zip(0u32..)
                .map(|(k, i)| (int_of(k).map_or(0, flip), i))
                .collect();
            v.sort_unstable();
            return Some(NumericOrder::Wide(v));
        }
        if first.is_type(&c.float_type) {
            let mut v = Vec::with_capacity(keys.len());
            for (k, i) in keys.iter().zip(0u32..) {
                match crate::objects::float::value(k) {
                    Some(x) if k.is_type(&c.float_type) && !x.is_nan() => {
                        // -0.0 == 0.0: both take the same key, so they keep their order.
                        let b = if x == 0.0 { 0 } else { x.to_bits() };
                        let ordered = if b >> 63 == 1 { !b } else { b | 1 << 63 };
                        v.push((ordered, i));
                    }
                    _ => return None,
                }
            }
            v.sort_unstable();
            return Some(NumericOrder::Wide(v));
        }
        None
    }

    /// Rearrange `v` (as long as the keys, or empty) into the sorted order.
    fn apply<T>(&self, v: &mut [T]) {
        if v.is_empty() {
            return;
        }
        match self {
            NumericOrder::Packed(o, shift) => {
                let mask = (1u64 << shift) - 1;
                apply_permutation(v, |i| (o[i] & mask) as usize)
            }
            NumericOrder::Wide(o) => apply_permutation(v, |i| o[i].1 as usize),
        }
    }
}

/// count_run: the length of the run at the start of `v` and whether it strictly
/// descends.
fn count_run<V>(vm: &mut Vm, v: &[(PyObj, V)]) -> VmResult<(usize, bool)> {
    if v.len() == 1 {
        return Ok((1, false));
    }
    let mut n = 2;
    if lt(vm, &v[1].0, &v[0].0)? {
        while n < v.len() && lt(vm, &v[n].0, &v[n - 1].0)? {
            n += 1;
        }
        return Ok((n, true));
    }
    while n < v.len() && !lt(vm, &v[n].0, &v[n - 1].0)? {
        n += 1;
    }
    Ok((n, false))
}

/// binarysort: v[..start] is sorted; insert the rest one by one.
fn binary_sort<V>(vm: &mut Vm, v: &mut [(PyObj, V)], start: usize) -> VmResult<()> {
    for s in start.max(1)..v.len() {
        let (mut l, mut r) = (0, s);
        while l < r {
            let p = l + ((r - l) >> 1);
            if lt(vm, &v[s].0, &v[p].0)? {
                r = p;
            } else {
                l = p + 1;
            }
        }
        v[l..=s].rotate_right(1);
    }
    Ok(())
}

/// Stable merge of v[..mid] and v[mid..]. On error the slice keeps a permutation of
/// its items.
fn merge<V>(vm: &mut Vm, v: &mut [(PyObj, V)], mid: usize) -> VmResult<()> {
    let mut left: std::collections::VecDeque<usize> = (0..mid).collect();
    let mut right: std::collections::VecDeque<usize> = (mid..v.len()).collect();
    let mut order = Vec::with_capacity(v.len());
    let mut err = None;
    while let (Some(&a), Some(&b)) = (left.front(), right.front()) {
        match lt(vm, &v[b].0, &v[a].0) {
            Ok(true) => order.push(right.pop_front().unwrap_or(b)),
            Ok(false) => order.push(left.pop_front().unwrap_or(a)),
            Err(e) => {
                err = Some(e);
                break;
            }
        }
    }
    order.extend(left);
    order.extend(right);
    apply_permutation(v, |i| order[i]);
    err.map_or(Ok(()), Err)
}

/// Rearrange `v` so that new position i holds old item order(i) (cycle by cycle).
fn apply_permutation<T>(v: &mut [T], order: impl Fn(usize) -> usize) {
    // One bit per position: placed already.
    let mut done = vec![0u64; v.len().div_ceil(64)];
    for start in 0..v.len() {
        if done[start / 64] >> (start % 64) & 1 == 1 {
            continue;
        }
        // Invariant: the item at `i` is the old v[start].
        let mut i = start;
        loop {
            done[i / 64] |= 1 << (i % 64);
            let src = order(i);
            if src == start {
                break;
            }
            v.swap(i, src);
            i = src;
        }
    }
}

// ----- subscripts (mp_subscript / mp_ass_subscript) ----------------------------------

/// A list borrowed by an operation in progress.
fn busy_op() -> Exc {
    exceptions::named("RuntimeError", "list modified during operation")
}

/// list.__getitem__(i).
fn getitem_method(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let (s, rest) = this(&args);
    let a = rest.range("__getitem__", 1, 1)?;
    subscript(rt, s, &a[0])
}

/// list[i], list[a:b:c] (list_subscript).
fn subscript(rt: &mut dyn Runtime, o: &PyObj, key: &PyObj) -> VmResult<PyObj> {
    // The usual slice (None or exact int parts; slice has no subclasses): nothing to
    // convert, the run copied straight into the new list.
    if let Some(s) = key.get::<slice::Slice>() {
        let l = list::borrow(o).ok_or_else(busy_op)?;
        if let Some((start, n, 1)) = slice::plain_span(s, l.0.len()) {
            return Ok(list::new_exact(l.0[start..start + n].to_vec()));
        }
    }
    let key = slice::index_key(rt, key)?;
    let l = list::borrow(o).ok_or_else(busy_op)?;
    let len = l.0.len();
    if let Some(i) = slice::seq_index(&key, len, "list index out of range")? {
        return Ok(l.0[i].clone());
    }
    if let Some(s) = key.get::<slice::Slice>() {
        let (start, n, step) = slice::span(s, len)?;
        let items = match step {
            // A contiguous run (`l[:]`, `l[a:b]`): copied as one slice.
            1 => l.0[start..start + n].to_vec(),
            _ => slice::selected(&l.0, start, n, step).collect(),
        };
        return Ok(list::new_exact(items));
    }
    Err(slice::bad_index("list", &key))
}

/// list[i] = v, list[a:b:c] = items, del list[i], del list[a:b:c]
/// (list_ass_subscript), with list_resize's growth and shrinking.
fn ass_subscript(
    rt: &mut dyn Runtime,
    o: &PyObj,
    key: &PyObj,
    value: Option<PyObj>,
) -> VmResult<()> {
    let key = slice::index_key(rt, key)?;
    let len = list::borrow(o).ok_or_else(busy_op)?.0.len();
    if let Some(i) = slice::seq_index(&key, len, "list assignment index out of range")? {
        let mut l = list::borrow_mut(o).ok_or_else(busy_op)?;
        let old = match value {
            Some(v) => std::mem::replace(&mut l.0[i], v),
            None => {
                let old = l.0.remove(i);
                let n = l.0.len();
                list::list_resize(&mut l.0, n)?;
                old
            }
        };
        drop(l);
        drop(old);
        return Ok(());
    }
    if let Some(s) = key.get::<slice::Slice>() {
        let items = match value {
            Some(v) => Some(rt.collect_iter(&v)?),
            None => None,
        };
        return assign_slice(o, s, items);
    }
    Err(slice::bad_index("list", &key))
}

/// `l[slice] = items` (or `del l[slice]` when `items` is None), as CPython's
/// list_ass_slice.
fn assign_slice(o: &PyObj, s: &slice::Slice, items: Option<Vec<PyObj>>) -> VmResult<()> {
    let mut l = list::borrow_mut(o).ok_or_else(busy_op)?;
    let len = l.0.len();
    let (start, stop, step) = slice::parts(s)?;
    let (lo, hi, n) = slice::adjust_indices(len as i64, start, stop, step);
    let removed: Vec<PyObj>;
    if step == 1 {
        let lo = lo as usize;
        let hi = (hi.max(lo as i64)) as usize;
        let new = items.unwrap_or_default();
        if lo == 0 && hi == len && new.is_empty() {
            removed = std::mem::take(&mut l.0);
        } else {
            let d = new.len() as i64 - (hi - lo) as i64;
            if d > 0 {
                list::list_resize(&mut l.0, (len as i64 + d) as usize)?;
            }
            removed = l.0.splice(lo..hi, new).collect();
            if d < 0 {
                let n = l.0.len();
                list::list_resize(&mut l.0, n)?;
            }
        }
    } else {
        let pos: Vec<usize> = (0..n).map(|i| (lo + i * step) as usize).collect();
        match items {
            Some(new) => {
                if new.len() != pos.len() {
                    return Err(exceptions::value_error(format!(
                        "attempt to assign sequence of size {} to extended slice of size {}",
                        new.len(),
                        pos.len()
                    )));
                }
                removed = pos
                    .iter()
                    .zip(new)
                    .map(|(&p, v)| std::mem::replace(&mut l.0[p], v))
                    .collect();
            }
            None => {
                let mut sorted = pos.clone();
                sorted.sort_unstable();
                let mut i = 0usize;
                let mut k = 0usize;
                let gone: Vec<PyObj> =
                    l.0.extract_if(.., |_| {
                        let hit = k < sorted.len() && sorted[k] == i;
                        k += usize::from(hit);
                        i += 1;
                        hit
                    })
                    .collect();
                let n = l.0.len();
                list::list_resize(&mut l.0, n)?;
                removed = gone;
            }
        }
    }
    drop(l);
    drop(removed);
    Ok(())
}

/// list's subscript slots (after its methods, so `__getitem__` stays the method).
pub fn install_slots() {
    let t = &ctx().list_type;
    typeobj::add_slot(t, SlotId::subscript, AnySlot::Binary(subscript));
    typeobj::add_slot(t, SlotId::ass_subscript, AnySlot::AssSub(ass_subscript));
}
