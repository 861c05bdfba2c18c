//! The `_collections` module: collections.deque (objects::deque holds the layout and
//! CPython's block logic) with its iterators, type slots and methods, and
//! `_count_elements`, Counter's counting loop. The rest of `collections` is Python
//! (src/builtins/lib/collections/__init__.py).

use std::borrow::Cow;

use super::methods_args::{slice_index, this};
use crate::bytecode::opcode::{BinaryOp, CompareOp};
use crate::heap::{PMut, PRef, Payload, PyObj, TypeRef};
use crate::objects::args::{as_ssize_t, Args};
use crate::objects::builtin_function::MethodDef;
use crate::objects::deque::{Deque, DequeIter};
use crate::objects::exceptions::{self, type_error, value_error, Exc, VmResult};
use crate::objects::iter::self_iter;
use crate::objects::runtime::Runtime;
use crate::objects::typeobj::class_slots::hash_not_implemented;
use crate::objects::typeobj::slots::SlotTable;
use crate::objects::typeobj::{self, TypeInfo};
use crate::objects::{ctx, int, protocol, string, tuple};
use crate::vm::Vm;

use super::sys::new_module;

/// The types of `_collections`.
pub struct CollTypes {
    pub deque: TypeRef,
    pub deque_iter: TypeRef,
    pub deque_reviter: TypeRef,
}

fn new_type<T: Payload>(name: &'static str) -> TypeRef {
    let c = ctx();
    TypeRef::new::<TypeInfo, T>(
        &c.type_type,
        TypeInfo::new(Cow::Borrowed(name), Some(c.object_type.clone())),
    )
}

thread_local! {
    static TYPES: &'static CollTypes = Box::leak(Box::new(CollTypes {
        deque: new_type::<Deque>("collections.deque"),
        deque_iter: new_type::<DequeIter>("_collections._deque_iterator"),
        deque_reviter: new_type::<DequeIter>("_collections._deque_reverse_iterator"),
    }));
}

/// This thread's `_collections` types.
pub fn types() -> &'static CollTypes {
    TYPES.with(|t| *t)
}

macro_rules! defs {
    ($($name:literal => $f:path),* $(,)?) => {
        &[$(MethodDef { name: $name, func: $f }),*]
    };
}

static METHODS: &[MethodDef] = defs![
    "append" => append, "appendleft" => appendleft, "pop" => pop, "popleft" => popleft,
    "extend" => extend, "extendleft" => extendleft, "rotate" => rotate,
    "remove" => remove, "count" => count, "index" => index, "insert" => insert,
    "reverse" => reverse, "clear" => clear, "copy" => copy, "__copy__" => copy,
    "__reversed__" => reversed, "__init__" => init,
];

/// deque's getset descriptor.
static GETSETS: &[crate::objects::descr::GetSetDef] =
    &[crate::objects::descr::GetSetDef::getter("maxlen", maxlen)];

static ITER_METHODS: &[MethodDef] = defs!["__length_hint__" => length_hint];

static FUNCTIONS: &[MethodDef] = defs![
    "_count_elements" => count_elements, "_caller_module" => caller_module,
];

static NEW_DEQUE: MethodDef = MethodDef {
    name: "deque",
    func: new_deque,
};

const SLOTS: SlotTable = SlotTable {
    repr: Some(repr),
    hash: Some(hash_not_implemented),
    richcompare: Some(richcompare),
    iter: Some(iter),
    length: Some(length),
    concat: Some(concat),
    repeat: Some(repeat),
    inplace_concat: Some(inplace_concat),
    inplace_repeat: Some(inplace_repeat),
    contains: Some(contains),
    subscript: Some(subscript),
    ass_subscript: Some(ass_subscript),
    ..SlotTable::EMPTY
};

/// Register deque's slots, methods and constructor (once per thread).
pub fn install_types() {
    let t = types();
    typeobj::install_builtin_slots(&t.deque, &SLOTS);
    for (ty, next) in [
        (
            &t.deque_iter,
            iter_next as crate::objects::typeobj::slots::NextFn,
        ),
        (&t.deque_reviter, reviter_next),
    ] {
        typeobj::install_builtin_slots(
            ty,
            &SlotTable {
                iter: Some(self_iter),
                iternext: Some(next),
                ..SlotTable::EMPTY
            },
        );
        typeobj::add_methods(ty, ITER_METHODS);
    }
    typeobj::set_new(&t.deque, &NEW_DEQUE);
    crate::vm::allow_subclassing(&t.deque);
    typeobj::add_methods(&t.deque, METHODS);
    typeobj::add_getsets(&t.deque, GETSETS);
}

/// Build the `_collections` module.
pub fn make(vm: &mut Vm) -> VmResult<PyObj> {
    let (m, d) = new_module(vm, "_collections", FUNCTIONS)?;
    let t = types();
    vm.dict_set_str(&d, "deque", t.deque.as_obj().clone())?;
    vm.dict_set_str(&d, "_deque_iterator", t.deque_iter.as_obj().clone())?;
    vm.dict_set_str(
        &d,
        "_deque_reverse_iterator",
        t.deque_reviter.as_obj().clone(),
    )?;
    Ok(m)
}

fn none() -> PyObj {
    ctx().none.clone()
}

fn busy() -> Exc {
    exceptions::named("RuntimeError", "deque is being used")
}

fn mutated() -> Exc {
    exceptions::named("RuntimeError", "deque mutated during iteration")
}

fn dq(o: &PyObj) -> VmResult<PRef<'_, Deque>> {
    o.borrow::<Deque>().map_err(|_| {
        if o.is_a::<Deque>() {
            busy()
        } else {
            type_error(format!(
                "descriptor requires a 'collections.deque' object but received a '{}'",
                typeobj::type_name(o)
            ))
        }
    })
}

fn dq_mut(o: &PyObj) -> VmResult<PMut<'_, Deque>> {
    o.borrow_mut::<Deque>().map_err(|_| busy())
}

fn len_of(o: &PyObj) -> VmResult<usize> {
    Ok(dq(o)?.len())
}

/// Item `i` and the deque's state (None when the deque is shorter now).
fn item_state(o: &PyObj, i: usize) -> VmResult<(Option<PyObj>, u64)> {
    let d = dq(o)?;
    Ok((d.get(i).cloned(), d.state))
}

// ----- construction -----------------------------------------------------------------

/// deque.__new__: an empty deque; for deque itself, filled as __init__ does.
fn new_deque(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let ty = super::constructors::called_type(&args, "deque")?;
    let t = types();
    if !ty.is(&t.deque) {
        super::subclass::check_subtype(&ty, &t.deque)?;
    }
    let o = PyObj::new(&ty, Deque::new(-1));
    if ty.is(&t.deque) {
        let (_, rest) = this(&args);
        init_with(Vm::of(rt), &o, rest)?;
    }
    Ok(o)
}

fn init(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let (s, rest) = this(&args);
    dq(s)?;
    init_with(Vm::of(rt), s, rest)?;
    Ok(none())
}

/// deque_init: deque(iterable=(), maxlen=None).
fn init_with(vm: &mut Vm, s: &PyObj, args: Args<'_>) -> VmResult<()> {
    let a = args.clinic("deque", &["iterable", "maxlen"], 0)?;
    let mut maxlen = -1;
    if let Some(m) = a[1].filter(|m| !m.is(&ctx().none)) {
        if int::value(m).is_none() {
            return Err(type_error("an integer is required"));
        }
        maxlen = as_ssize_t(m)?;
        if maxlen < 0 {
            return Err(value_error("maxlen must be non-negative"));
        }
    }
    let old = {
        let mut d = dq_mut(s)?;
        d.maxlen = maxlen;
        d.take_all()
    };
    drop(old);
    if let Some(it) = a[0] {
        extend_with(vm, s, it, false)?;
    }
    Ok(())
}

/// extend / extendleft.
fn extend_with(vm: &mut Vm, s: &PyObj, iterable: &PyObj, left: bool) -> VmResult<()> {
    if s.is(iterable) {
        let items = crate::objects::list::new_exact(dq(s)?.items());
        return extend_with(vm, s, &items, left);
    }
    let it = vm.iter(iterable)?;
    if dq(s)?.maxlen == 0 {
        while vm.next(&it)?.is_some() {}
        return Ok(());
    }
    {
        let mut d = dq_mut(s)?;
        if left {
            d.start_extendleft();
        } else {
            d.start_extend();
        }
    }
    while let Some(x) = vm.next(&it)? {
        let out = {
            let mut d = dq_mut(s)?;
            if left {
                d.appendleft(x)
            } else {
                d.append(x)
            }
        };
        drop(out);
    }
    Ok(())
}

/// deque_copy: a new deque of the same class holding the same items.
fn copy_of(vm: &mut Vm, s: &PyObj) -> VmResult<PyObj> {
    let t = types();
    let maxlen = dq(s)?.maxlen;
    if s.is_type(&t.deque) {
        let o = PyObj::new(&t.deque, Deque::new(maxlen));
        let items = dq(s)?.items();
        if items.len() == 1 {
            let out = dq_mut(&o)?.append(items[0].clone());
            drop(out);
        } else {
            let l = crate::objects::list::new_exact(items);
            extend_with(vm, &o, &l, false)?;
        }
        return Ok(o);
    }
    let cls = s.type_obj().as_obj().clone();
    if maxlen < 0 {
        vm.call(&cls, Args::positional(std::slice::from_ref(s)))
    } else {
        vm.call(&cls, Args::positional(&[s.clone(), int::new_i64(maxlen)]))
    }
}

// ----- methods ----------------------------------------------------------------------

fn append(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let (s, args) = this(&args);
    let x = args.one("deque.append")?;
    let out = dq_mut(s)?.append(x.clone());
    drop(out);
    Ok(none())
}

fn appendleft(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let (s, args) = this(&args);
    let x = args.one("deque.appendleft")?;
    let out = dq_mut(s)?.appendleft(x.clone());
    drop(out);
    Ok(none())
}

fn pop(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let (s, args) = this(&args);
    args.none("deque.pop")?;
    let x = dq_mut(s)?.pop();
    x.ok_or_else(|| exceptions::named("IndexError", "pop from an empty deque"))
}

fn popleft(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let (s, args) = this(&args);
    args.none("deque.popleft")?;
    let x = dq_mut(s)?.popleft();
    x.ok_or_else(|| exceptions::named("IndexError", "pop from an empty deque"))
}

fn extend(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let (s, args) = this(&args);
    let x = args.one("deque.extend")?;
    extend_with(Vm::of(rt), s, x, false)?;
    Ok(none())
}

fn extendleft(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let (s, args) = this(&args);
    let x = args.one("deque.extendleft")?;
    extend_with(Vm::of(rt), s, x, true)?;
    Ok(none())
}

fn rotate(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let (s, args) = this(&args);
    let a = args.range("deque.rotate", 0, 1)?;
    let n = match a.first() {
        Some(x) => as_ssize_t(&vm.index_arg(x)?)?,
        None => 1,
    };
    dq_mut(s)?.rotate(n);
    Ok(none())
}

/// The old-style argument count messages of insert / index.
fn arg_count(fname: &str, n: usize, min: usize, max: usize) -> VmResult<()> {
    if n >= min && n <= max {
        return Ok(());
    }
    let (what, k) = match (n < min, min == max) {
        (_, true) => ("exactly", min),
        (true, false) => ("at least", min),
        (false, false) => ("at most", max),
    };
    Err(type_error(format!(
        "{fname}() takes {what} {k} argument{} ({n} given)",
        if k == 1 { "" } else { "s" }
    )))
}

fn insert(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let (s, args) = this(&args);
    args.no_kw("insert")?;
    let a = args.pos();
    arg_count("insert", a.len(), 2, 2)?;
    let index = as_ssize_t(&vm.index_arg(&a[0])?)?;
    let mut d = dq_mut(s)?;
    let n = d.len() as i64;
    if d.maxlen == n {
        return Err(exceptions::named(
            "IndexError",
            "deque already at its maximum size",
        ));
    }
    let x = a[1].clone();
    let out = if index >= n {
        d.append(x)
    } else if index <= -n || index == 0 {
        d.appendleft(x)
    } else {
        d.rotate(-index);
        let out = if index < 0 {
            d.append(x)
        } else {
            d.appendleft(x)
        };
        d.rotate(index);
        out
    };
    drop(d);
    drop(out);
    Ok(none())
}

/// deque_del_item: rotate the item to the left end, pop it, rotate back.
fn del_item(s: &PyObj, i: usize) -> VmResult<()> {
    let mut d = dq_mut(s)?;
    d.rotate(-(i as i64));
    let x = d.popleft();
    d.rotate(i as i64);
    drop(d);
    drop(x);
    Ok(())
}

fn remove(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let (s, args) = this(&args);
    let v = args.one("deque.remove")?;
    let (n, start) = {
        let d = dq(s)?;
        (d.len(), d.state)
    };
    for i in 0..n {
        let (item, _) = item_state(s, i)?;
        let Some(item) = item else {
            return Err(exceptions::named(
                "IndexError",
                "deque mutated during iteration",
            ));
        };
        let eq = vm.equal(&item, v)?;
        if dq(s)?.state != start {
            return Err(exceptions::named(
                "IndexError",
                "deque mutated during iteration",
            ));
        }
        if eq {
            del_item(s, i)?;
            return Ok(none());
        }
    }
    let r = vm.repr(v)?;
    Err(value_error(format!("{r} is not in deque")))
}

fn count(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let (s, args) = this(&args);
    let v = args.one("deque.count")?;
    let (n, start) = {
        let d = dq(s)?;
        (d.len(), d.state)
    };
    let mut c = 0;
    for i in 0..n {
        let (item, _) = item_state(s, i)?;
        let Some(item) = item else {
            return Err(mutated());
        };
        if vm.equal(&item, v)? {
            c += 1;
        }
        if dq(s)?.state != start {
            return Err(mutated());
        }
    }
    Ok(int::new_i64(c))
}

fn index(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let (s, args) = this(&args);
    args.no_kw("index")?;
    let a = args.pos();
    arg_count("index", a.len(), 1, 3)?;
    let (n, st) = {
        let d = dq(s)?;
        (d.len() as i64, d.state)
    };
    let mut start = slice_index(a.get(1), false)?.unwrap_or(0);
    let mut stop = slice_index(a.get(2), false)?.unwrap_or(n);
    if start < 0 {
        start = (start + n).max(0);
    }
    if stop < 0 {
        stop = (stop + n).max(0);
    }
    stop = stop.min(n);
    start = start.min(stop);
    for i in start..stop {
        let (item, _) = item_state(s, i as usize)?;
        let Some(item) = item else {
            return Err(mutated());
        };
        if vm.equal(&item, &a[0])? {
            return Ok(int::new_i64(i));
        }
        if dq(s)?.state != st {
            return Err(mutated());
        }
    }
    let r = vm.repr(&a[0])?;
    Err(value_error(format!("{r} is not in deque")))
}

fn reverse(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let (s, args) = this(&args);
    args.none("deque.reverse")?;
    dq_mut(s)?.reverse();
    Ok(none())
}

fn clear(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let (s, args) = this(&args);
    args.none("deque.clear")?;
    let old = dq_mut(s)?.take_all();
    drop(old);
    Ok(none())
}

fn copy(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let (s, args) = this(&args);
    args.none("deque.copy")?;
    copy_of(Vm::of(rt), s)
}

fn reversed(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let (s, args) = this(&args);
    args.none("deque.__reversed__")?;
    make_iter(s, &types().deque_reviter)
}

fn maxlen(_rt: &mut dyn Runtime, s: &PyObj) -> VmResult<PyObj> {
    let m = dq(s)?.maxlen;
    Ok(if m < 0 { none() } else { int::new_i64(m) })
}

// ----- slots ------------------------------------------------------------------------

fn repr(rt: &mut dyn Runtime, o: &PyObj) -> VmResult<String> {
    let name = typeobj::info(&o.type_obj())
        .name
        .rsplit('.')
        .next()
        .unwrap_or("deque")
        .to_string();
    let (items, maxlen) = {
        let d = dq(o)?;
        (d.items(), d.maxlen)
    };
    let inner = if items.is_empty() {
        "[]".to_string()
    } else {
        tuple::container_repr(rt, o, "[...]", |rt| {
            Ok(format!("[{}]", tuple::join_reprs(rt, &items)?))
        })?
    };
    if inner == "[...]" {
        return Ok(inner);
    }
    Ok(if maxlen >= 0 {
        format!("{name}({inner}, maxlen={maxlen})")
    } else {
        format!("{name}({inner})")
    })
}

fn length(_rt: &mut dyn Runtime, o: &PyObj) -> VmResult<usize> {
    len_of(o)
}

fn richcompare(rt: &mut dyn Runtime, a: &PyObj, b: &PyObj, op: CompareOp) -> VmResult<PyObj> {
    if !a.is_a::<Deque>() || !b.is_a::<Deque>() {
        return Ok(ctx().not_implemented.clone());
    }
    let (x, y) = (dq(a)?.items(), dq(b)?.items());
    tuple::sequence_richcompare(rt, &x, &y, op)
}

fn contains(rt: &mut dyn Runtime, o: &PyObj, v: &PyObj) -> VmResult<bool> {
    let (n, start, from) = {
        let d = dq(o)?;
        // The items that compare without Python code, in one borrow; the first that
        // needs Python code starts the loop below.
        let mut from = d.len();
        for i in 0..d.len() {
            match d.get(i).and_then(|item| protocol::quick_eq(item, v)) {
                Some(true) => return Ok(true),
                Some(false) => {}
                None => {
                    from = i;
                    break;
                }
            }
        }
        (d.len(), d.state, from)
    };
    for i in from..n {
        let (item, _) = item_state(o, i)?;
        let Some(item) = item else {
            return Err(mutated());
        };
        if rt.equal(&item, v)? {
            return Ok(true);
        }
        if dq(o)?.state != start {
            return Err(mutated());
        }
    }
    Ok(false)
}

/// The index of `d[key]`: an int in range (IndexError otherwise).
fn item_index(rt: &mut dyn Runtime, o: &PyObj, key: &PyObj) -> VmResult<usize> {
    let vm = Vm::of(rt);
    let k = if int::value(key).is_some() {
        key.clone()
    } else if has_special(vm, key, "__index__") {
        vm.index_arg(key)?
    } else {
        return Err(type_error(format!(
            "sequence index must be integer, not '{}'",
            typeobj::type_name(key)
        )));
    };
    let Some(mut i) = int::as_i64(&k) else {
        return Err(exceptions::named(
            "IndexError",
            format!(
                "cannot fit '{}' into an index-sized integer",
                typeobj::type_name(key)
            ),
        ));
    };
    let n = len_of(o)? as i64;
    if i < 0 {
        i += n;
    }
    if i < 0 || i >= n {
        return Err(exceptions::named("IndexError", "deque index out of range"));
    }
    Ok(i as usize)
}

fn subscript(rt: &mut dyn Runtime, o: &PyObj, key: &PyObj) -> VmResult<PyObj> {
    let i = item_index(rt, o, key)?;
    dq(o)?
        .get(i)
        .cloned()
        .ok_or_else(|| exceptions::named("IndexError", "deque index out of range"))
}

fn ass_subscript(
    rt: &mut dyn Runtime,
    o: &PyObj,
    key: &PyObj,
    value: Option<PyObj>,
) -> VmResult<()> {
    let i = item_index(rt, o, key)?;
    match value {
        Some(v) => {
            let old = dq_mut(o)?.set(i, v);
            drop(old);
            Ok(())
        }
        None => del_item(o, i),
    }
}

fn concat(rt: &mut dyn Runtime, a: &PyObj, b: &PyObj) -> VmResult<PyObj> {
    if !b.is_a::<Deque>() {
        return Err(type_error(format!(
            "can only concatenate deque (not \"{}\") to deque",
            typeobj::type_name(b)
        )));
    }
    let vm = Vm::of(rt);
    let new = copy_of(vm, a)?;
    extend_with(vm, &new, b, false)?;
    Ok(new)
}

fn inplace_concat(rt: &mut dyn Runtime, a: &PyObj, b: &PyObj) -> VmResult<PyObj> {
    extend_with(Vm::of(rt), a, b, false)?;
    Ok(a.clone())
}

fn repeat(rt: &mut dyn Runtime, a: &PyObj, n: i64) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let new = copy_of(vm, a)?;
    inplace_repeat(vm, &new, n)
}

/// deque_inplace_repeat.
fn inplace_repeat(rt: &mut dyn Runtime, a: &PyObj, n: i64) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let (size, maxlen) = {
        let d = dq(a)?;
        (d.len() as i64, d.maxlen)
    };
    if size == 0 || n == 1 {
        return Ok(a.clone());
    }
    if n <= 0 {
        let old = dq_mut(a)?.take_all();
        drop(old);
        return Ok(a.clone());
    }
    if size == 1 {
        let mut n = n;
        if maxlen >= 0 && n > maxlen {
            n = maxlen;
        }
        let mut d = dq_mut(a)?;
        let item = d.get(0).cloned().expect("one item");
        d.repeat_one(&item, (n - 1) as usize);
        return Ok(a.clone());
    }
    if size
        .checked_mul(n)
        .is_none_or(|t| t > isize::MAX as i64 / 8)
    {
        return Err(exceptions::memory_error());
    }
    let seq = crate::objects::list::new_exact(dq(a)?.items());
    let mut n = n;
    if maxlen >= 0 && n * size > maxlen {
        n = (maxlen + size - 1) / size;
    }
    for _ in 0..n - 1 {
        extend_with(vm, a, &seq, false)?;
    }
    Ok(a.clone())
}

// ----- iterators --------------------------------------------------------------------

fn make_iter(s: &PyObj, ty: &TypeRef) -> VmResult<PyObj> {
    let (state, n) = {
        let d = dq(s)?;
        (d.state, d.len())
    };
    Ok(PyObj::new(
        ty,
        DequeIter {
            deque: Some(s.clone()),
            index: 0,
            state,
            counter: n,
        },
    ))
}

fn iter(_rt: &mut dyn Runtime, o: &PyObj) -> VmResult<PyObj> {
    make_iter(o, &types().deque_iter)
}

fn step(it: &PyObj, reverse: bool) -> VmResult<Option<PyObj>> {
    let mut s = it.borrow_mut::<DequeIter>().map_err(|_| busy())?;
    let Some(d) = s.deque.clone() else {
        return Ok(None);
    };
    let dd = dq(&d)?;
    if dd.state != s.state {
        s.counter = 0;
        return Err(mutated());
    }
    if s.counter == 0 {
        drop(dd);
        let old = s.deque.take();
        drop(s);
        drop(old);
        return Ok(None);
    }
    let i = if reverse {
        s.counter - 1
    } else {
        dd.len() - s.counter
    };
    let item = dd.get(i).cloned();
    s.counter -= 1;
    s.index += 1;
    Ok(item)
}

fn iter_next(_rt: &mut dyn Runtime, it: &PyObj) -> VmResult<Option<PyObj>> {
    step(it, false)
}

fn reviter_next(_rt: &mut dyn Runtime, it: &PyObj) -> VmResult<Option<PyObj>> {
    step(it, true)
}

fn length_hint(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let (s, _) = this(&args);
    let n = s.borrow::<DequeIter>().map(|i| i.counter).unwrap_or(0);
    Ok(int::new_i64(n as i64))
}

// ----- Counter's loop -----------------------------------------------------------------

/// Does `ty` find dict's own attribute `name` (the same object dict's MRO finds)?
fn finds_dicts(vm: &mut Vm, ty: &TypeRef, name: &'static str) -> VmResult<bool> {
    let mine = vm.type_lookup_static(ty, name)?;
    let dicts = vm.type_lookup_static(&ctx().dict_type, name)?;
    Ok(matches!((mine, dicts), (Some(a), Some(b)) if a.is(&b)))
}

/// _count_elements(mapping, iterable): `mapping[x] = mapping.get(x, 0) + 1` for each
/// item; straight on the dict when the mapping's class keeps dict's get and
/// __setitem__.
fn count_elements(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let a = args.range("_count_elements", 2, 2)?;
    let (m, iterable) = (&a[0], &a[1]);
    let ty = m.type_obj();
    let fast = m.is_a::<crate::objects::dict::Dict>()
        && finds_dicts(vm, &ty, "get")?
        && finds_dicts(vm, &ty, "__setitem__")?;
    let it = vm.iter(iterable)?;
    let one = int::new_i64(1);
    let zero = int::new_i64(0);
    let get = if fast {
        None
    } else {
        Some(vm.getattr(m, &string::intern_str("get"))?)
    };
    while let Some(x) = vm.next(&it)? {
        let old = match &get {
            None => vm.dict_get(m, &x)?.unwrap_or_else(|| zero.clone()),
            Some(g) => vm.call(g, Args::positional(&[x.clone(), zero.clone()]))?,
        };
        let new = match int::as_i64(&old).and_then(|v| v.checked_add(1)) {
            Some(v) if old.is_type(&ctx().int_type) => int::new_i64(v),
            _ => vm.binary_op(&old, &one, BinaryOp::Add, false)?,
        };
        if fast {
            vm.dict_set(m, x, new)?;
        } else {
            vm.setitem(m, &x, new)?;
        }
    }
    Ok(none())
}

/// Does `o`'s class have the special method `name` (looked up on the type)?
fn has_special(vm: &mut Vm, o: &PyObj, name: &str) -> bool {
    let key = string::intern_str(name);
    let ty = o.type_obj();
    matches!(vm.type_lookup(&ty, &key), Ok(Some(_)))
}

/// _caller_module(depth): the `__name__` of the globals of the Python frame `depth`
/// levels below the caller's (0: the caller), None past the outermost frame (what
/// namedtuple and friends use for `__module__`, as CPython's sys._getframe(1)).
fn caller_module(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let a = args.range("_caller_module", 1, 1)?;
    let depth = as_ssize_t(&a[0])?.max(0) as usize;
    let n = vm.frames.len();
    if depth >= n {
        return Ok(none());
    }
    let g = vm.frame_globals(n - 1 - depth);
    Ok(vm.dict_get_str(&g, "__name__").unwrap_or_else(none))
}
