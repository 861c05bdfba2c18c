//! The built-in iterator types made by builtins: enumerate (72 bytes), zip (64), map
//! (48), filter (48), reversed and list_reverseiterator (48), dict_reversekeyiterator
//! (72), callable_iterator (48, the two-argument iter()) and longrange_iterator (48,
//! iterating a range whose bounds pass an i64), with CPython's sizes and messages.

use std::borrow::Cow;

use crate::heap::{Payload, PyObj, TypeRef, Visit};
use crate::objects::args::Args;
use crate::objects::builtin_function::MethodDef;
use crate::objects::exceptions;
use crate::objects::exceptions::{Exc, VmResult};
use crate::objects::numeric::Int;
use crate::objects::range::{self, Range};
use crate::objects::runtime::Runtime;
use crate::objects::typeobj::slotdefs::slots_of_type;
use crate::objects::typeobj::slots::{NextFn, SlotTable};
use crate::objects::typeobj::TypeInfo;
use crate::objects::{ctx, dict, int, list, string, tuple, typeobj};
use crate::vm::ops;
use crate::vm::{ArgVec, Vm};

use crate::objects::args::number_index;

/// The type objects of this file (one set per thread, as `ctx()`).
pub struct IterTypes {
    pub enumerate: TypeRef,
    pub zip: TypeRef,
    pub map: TypeRef,
    pub filter: TypeRef,
    pub reversed: TypeRef,
    pub list_reverseiterator: TypeRef,
    pub dict_reversekeyiterator: TypeRef,
    pub dict_reversevalueiterator: TypeRef,
    pub dict_reverseitemiterator: TypeRef,
    pub callable_iterator: TypeRef,
    pub longrange_iterator: TypeRef,
}

fn new_type<T: Payload>(name: &'static str) -> TypeRef {
    let c = ctx();
    TypeRef::new::<TypeInfo, T>(
        &c.type_type,
        TypeInfo::new(Cow::Borrowed(name), Some(c.object_type.clone())),
    )
}

thread_local! {
    static TYPES: &'static IterTypes = Box::leak(Box::new(IterTypes {
        enumerate: new_type::<Enumerate>("enumerate"),
        zip: new_type::<Zip>("zip"),
        map: new_type::<Map>("map"),
        filter: new_type::<Filter>("filter"),
        reversed: new_type::<RevIter>("reversed"),
        list_reverseiterator: new_type::<RevIter>("list_reverseiterator"),
        dict_reversekeyiterator: new_type::<DictRevIter>("dict_reversekeyiterator"),
        dict_reversevalueiterator: new_type::<DictRevIter>("dict_reversevalueiterator"),
        dict_reverseitemiterator: new_type::<DictRevIter>("dict_reverseitemiterator"),
        callable_iterator: new_type::<CallIter>("callable_iterator"),
        longrange_iterator: new_type::<LongRangeIter>("longrange_iterator"),
    }));
}

/// This thread's iterator types.
pub fn types() -> &'static IterTypes {
    TYPES.with(|t| *t)
}

fn busy() -> Exc {
    exceptions::named("RuntimeError", "iterator is already running")
}

fn visit_opt(o: &Option<PyObj>, visit: &mut dyn FnMut(&PyObj)) {
    if let Some(o) = o {
        visit(o);
    }
}

// ----- enumerate ------------------------------------------------------------------

/// enumerate: CPython's enumobject (en_index, en_sit, en_result, en_longindex, one).
pub struct Enumerate {
    index: i64,
    it: Option<PyObj>,
    /// The result tuple, refilled in place while nothing else holds it (CPython's
    /// en_result: `(None, None)` at first).
    result: Option<PyObj>,
    /// The index once it passes an i64 (or when `start` does).
    long_index: Option<PyObj>,
    /// CPython's borrowed `one`; unused, kept for the size.
    _one: Option<PyObj>,
}

impl Payload for Enumerate {
    type Item = ();
    const NAME: &'static str = "enumerate";
    const GC: bool = true;
    const MUTABLE: bool = true;
    fn traverse(&self, _: &[()], visit: Visit<'_>) {
        visit_opt(&self.it, visit);
        visit_opt(&self.result, visit);
        visit_opt(&self.long_index, visit);
    }
    fn clear(&mut self) {
        drop((self.it.take(), self.result.take(), self.long_index.take()));
    }
}

/// enumerate's arguments after the class: the iterable and the start, if given.
fn enumerate_args(args: &Args<'_>) -> VmResult<(PyObj, Option<Int>)> {
    let pos = &args.pos()[1..];
    let nargs = args.all.len() - 1;
    if nargs > 2 {
        return Err(exceptions::type_error(format!(
            "enumerate() takes at most 2 arguments ({nargs} given)"
        )));
    }
    // A keyword is taken only where its parameter is still open: `iterable` with no
    // positional argument, `start` once the iterable is given and start is not.
    // An unknown name is reported before a known one that does not fit.
    let iterable_kw = args.kw("iterable").is_some();
    let names = || {
        args.kwnames
            .iter()
            .map(|k| string::as_str(k).unwrap_or_default())
    };
    let unknown = names().find(|n| *n != "iterable" && *n != "start");
    for name in unknown.into_iter().chain(names()) {
        let open = match &*name {
            "iterable" => pos.is_empty(),
            "start" => pos.len() == 1 || (pos.is_empty() && iterable_kw),
            _ => false,
        };
        if !open {
            return Err(exceptions::type_error(format!(
                "'{name}' is an invalid keyword argument for enumerate()"
            )));
        }
    }
    let iterable = match (pos.first(), args.kw("iterable")) {
        (Some(_), Some(_)) => {
            return Err(exceptions::type_error(
                "argument for enumerate() given by name ('iterable') and position (1)",
            ))
        }
        (Some(x), None) | (None, Some(x)) => x.clone(),
        (None, None) => {
            return Err(exceptions::type_error(
                "enumerate() missing required argument 'iterable'",
            ))
        }
    };
    let start = match (pos.get(1), args.kw("start")) {
        (Some(_), Some(_)) => {
            return Err(exceptions::type_error(
                "argument for enumerate() given by name ('start') and position (2)",
            ))
        }
        (Some(x), None) | (None, Some(x)) => Some(number_index(x)?),
        (None, None) => None,
    };
    Ok((iterable, start))
}

/// enumerate(iterable, start=0)
fn enumerate_new(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    // The usual call, `enumerate(xs)`: nothing to parse.
    let (iterable, start) = match (args.all, args.kwnames.is_empty()) {
        ([_, x], true) => (x.clone(), None),
        _ => enumerate_args(&args)?,
    };
    let it = vm.iter(&iterable)?;
    let (index, long_index) = match start {
        None => (0, None),
        Some(Int::Small(v)) if v != i64::MAX => (v, None),
        Some(v) => (i64::MAX, Some(ops::int_obj(&v)?)),
    };
    let e = PyObj::new(
        &types().enumerate,
        Enumerate {
            index,
            it: Some(it),
            result: None,
            long_index,
            _one: None,
        },
    );
    // CPython makes the result tuple after the enumerate object and its iterator.
    let none = &ctx().none;
    e.borrow_mut::<Enumerate>().map_err(|_| busy())?.result =
        Some(tuple::pair(none.clone(), none.clone()));
    Ok(e)
}

fn enumerate_next(rt: &mut dyn Runtime, o: &PyObj) -> VmResult<Option<PyObj>> {
    let vm = Vm::of(rt);
    let mut e = o.borrow_mut::<Enumerate>().map_err(|_| busy())?;
    let Some(it) = &e.it else {
        return Ok(None);
    };
    // A list's or tuple's iterator is stepped under the one borrow.
    let item = match crate::objects::iter::next_running_no_code(vm, it) {
        Some(next) => match next? {
            Some(x) => x,
            None => return Ok(None),
        },
        None => {
            // Any other iterator may run Python code (a generator), which may use
            // this enumerate: no borrow held meanwhile.
            let it = it.clone();
            drop(e);
            let Some(item) = vm.next(&it)? else {
                return Ok(None);
            };
            e = o.borrow_mut::<Enumerate>().map_err(|_| busy())?;
            item
        }
    };
    let idx = if let Some(l) = e.long_index.clone() {
        let v = int::value(&l).expect("an int");
        e.long_index = Some(ops::int_obj(&(&v + &Int::Small(1)))?);
        l
    } else if e.index == i64::MAX {
        e.long_index = Some(ops::int_obj(&Int::from_i128(i64::MAX as i128 + 1))?);
        int::new_i64(i64::MAX)
    } else {
        e.index += 1;
        int::new_i64(e.index - 1)
    };
    let (r, old) = tuple::refill_pair(&mut e.result, idx, item);
    drop(e);
    // The old index and item go now, with no borrow held.
    drop(old);
    Ok(Some(r))
}

// ----- zip ------------------------------------------------------------------------

/// zip: CPython's zipobject (tuplesize, ittuple, result, strict).
pub struct Zip {
    tuplesize: usize,
    ittuple: Option<PyObj>,
    result: Option<PyObj>,
    strict: bool,
}

impl Payload for Zip {
    type Item = ();
    const NAME: &'static str = "zip";
    const GC: bool = true;
    const MUTABLE: bool = true;
    fn traverse(&self, _: &[()], visit: Visit<'_>) {
        visit_opt(&self.ittuple, visit);
        visit_opt(&self.result, visit);
    }
    fn clear(&mut self) {
        drop((self.ittuple.take(), self.result.take()));
    }
}

/// zip(*iterables, strict=False)
fn zip_new(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let mut strict = false;
    for (k, v) in args.kwargs() {
        let k = string::as_str(k).unwrap_or_default();
        if k != "strict" {
            return Err(exceptions::type_error(format!(
                "'{k}' is an invalid keyword argument for zip()"
            )));
        }
        strict = vm.truthy(v)?;
    }
    let mut its = Vec::with_capacity(args.pos().len() - 1);
    for x in &args.pos()[1..] {
        its.push(vm.iter(x)?);
    }
    let n = its.len();
    let ittuple = tuple::new(its);
    // CPython's result tuple: one None per iterator, refilled while nothing else
    // holds it.
    let result = tuple::nones(n);
    Ok(PyObj::new(
        &types().zip,
        Zip {
            tuplesize: n,
            ittuple: Some(ittuple),
            result: Some(result),
            strict,
        },
    ))
}

fn zip_error(i: usize, what: &str) -> Exc {
    let plural = if i == 1 { " " } else { "s 1-" };
    exceptions::value_error(format!(
        "zip() argument {} is {what} than argument{plural}{i}",
        i + 1
    ))
}

fn zip_next(rt: &mut dyn Runtime, o: &PyObj) -> VmResult<Option<PyObj>> {
    let vm = Vm::of(rt);
    // The iterators' tuple held by one reference for the step (an iterator's next
    // may run code that drops the zip), its items read in place: no copy per step.
    // The result tuple, if nothing else holds it, is taken out of the zip for the
    // step and refilled item by item as CPython's is (a reentrant next() meanwhile
    // makes a tuple of its own, as CPython's does when the count is not 1).
    let (ittuple, strict, mut kept) = {
        let mut z = o.borrow_mut::<Zip>().map_err(|_| busy())?;
        if z.tuplesize == 0 {
            return Ok(None);
        }
        let kept = z.result.take_if(|r| r.is_sole());
        (z.ittuple.clone(), z.strict, kept)
    };
    let its = ittuple.as_ref().and_then(tuple::items).unwrap_or(&[]);
    let mut items = ArgVec::new();
    let mut end = None;
    let mut failed = None;
    for (i, it) in its.iter().enumerate() {
        let x = match vm.next(it) {
            Ok(Some(x)) => x,
            Ok(None) => {
                end = Some(i);
                break;
            }
            Err(e) => {
                failed = Some(e);
                break;
            }
        };
        let mut slot = [x];
        let Some(r) = &mut kept else {
            let [x] = slot;
            items.push(x);
            continue;
        };
        if tuple::refill(r, i, &mut slot) {
            // `slot` holds the old item: let go of it now, as CPython does.
            drop(slot);
            continue;
        }
        // Something took hold of the result meanwhile (gc.get_objects): go on with
        // a new tuple.
        items.extend(tuple::items(r).unwrap_or(&[])[..i].iter().cloned());
        let [x] = slot;
        items.push(x);
        zip_put_back(o, kept.take());
    }
    let done = end.is_some() || failed.is_some() || its.is_empty();
    let result = match kept {
        Some(r) => {
            let back = r.clone();
            zip_put_back(o, Some(back));
            (!done).then_some(r)
        }
        None => (!done).then(|| tuple::from_exact(items)),
    };
    if let Some(e) = failed {
        return Err(e);
    }
    if let (Some(i), true) = (end, strict) {
        if i > 0 {
            return Err(zip_error(i, "shorter"));
        }
        for (j, other) in its.iter().enumerate().skip(1) {
            if vm.next(other)?.is_some() {
                return Err(zip_error(j, "longer"));
            }
        }
    }
    Ok(result)
}

/// The result tuple back into its zip after a step.
fn zip_put_back(o: &PyObj, r: Option<PyObj>) {
    if let (Ok(mut z), Some(r)) = (o.borrow_mut::<Zip>(), r) {
        if z.result.is_none() {
            z.result = Some(r);
        }
    }
}

// ----- map ------------------------------------------------------------------------

/// map: CPython's mapobject (iters, func).
pub struct Map {
    iters: Option<PyObj>,
    func: Option<PyObj>,
}

impl Payload for Map {
    type Item = ();
    const NAME: &'static str = "map";
    const GC: bool = true;
    const MUTABLE: bool = true;
    fn traverse(&self, _: &[()], visit: Visit<'_>) {
        visit_opt(&self.iters, visit);
        visit_opt(&self.func, visit);
    }
    fn clear(&mut self) {
        drop((self.iters.take(), self.func.take()));
    }
}

/// map(function, iterable, *iterables)
fn map_new(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    args.no_kw("map")?;
    let pos = &args.pos()[1..];
    if pos.len() < 2 {
        return Err(exceptions::type_error(
            "map() must have at least two arguments.",
        ));
    }
    let mut its = Vec::with_capacity(pos.len() - 1);
    for x in &pos[1..] {
        its.push(vm.iter(x)?);
    }
    Ok(PyObj::new(
        &types().map,
        Map {
            iters: Some(tuple::new(its)),
            func: Some(pos[0].clone()),
        },
    ))
}

fn map_next(rt: &mut dyn Runtime, o: &PyObj) -> VmResult<Option<PyObj>> {
    let vm = Vm::of(rt);
    let (its, func) = {
        let m = o.borrow::<Map>().map_err(|_| busy())?;
        let its = m.iters.as_ref().and_then(tuple::items).unwrap_or(&[]);
        (its.to_vec(), m.func.clone())
    };
    let Some(func) = func else { return Ok(None) };
    let mut items = Vec::with_capacity(its.len());
    for it in &its {
        match vm.next(it)? {
            Some(x) => items.push(x),
            None => return Ok(None),
        }
    }
    vm.call(&func, Args::positional(&items)).map(Some)
}

// ----- filter ---------------------------------------------------------------------

/// filter: CPython's filterobject (func, it).
pub struct Filter {
    func: Option<PyObj>,
    it: Option<PyObj>,
}

impl Payload for Filter {
    type Item = ();
    const NAME: &'static str = "filter";
    const GC: bool = true;
    const MUTABLE: bool = true;
    fn traverse(&self, _: &[()], visit: Visit<'_>) {
        visit_opt(&self.func, visit);
        visit_opt(&self.it, visit);
    }
    fn clear(&mut self) {
        drop((self.func.take(), self.it.take()));
    }
}

/// filter(function or None, iterable)
fn filter_new(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    args.no_kw("filter")?;
    let pos = &args.pos()[1..];
    if pos.len() != 2 {
        return Err(exceptions::type_error(format!(
            "filter expected 2 arguments, got {}",
            pos.len()
        )));
    }
    let it = vm.iter(&pos[1])?;
    Ok(PyObj::new(
        &types().filter,
        Filter {
            func: Some(pos[0].clone()),
            it: Some(it),
        },
    ))
}

fn filter_next(rt: &mut dyn Runtime, o: &PyObj) -> VmResult<Option<PyObj>> {
    let vm = Vm::of(rt);
    let (func, it) = {
        let f = o.borrow::<Filter>().map_err(|_| busy())?;
        (f.func.clone(), f.it.clone())
    };
    let (Some(func), Some(it)) = (func, it) else {
        return Ok(None);
    };
    let c = ctx();
    let plain = func.is(&c.none) || func.is(c.bool_type.as_obj());
    while let Some(item) = vm.next(&it)? {
        let keep = if plain {
            vm.truthy(&item)?
        } else {
            let r = vm.call(&func, Args::positional(std::slice::from_ref(&item)))?;
            vm.truthy(&r)?
        };
        if keep {
            return Ok(Some(item));
        }
    }
    Ok(None)
}

// ----- reversed -------------------------------------------------------------------

/// reversed over a tuple or str, and list_reverseiterator: an index counting down and
/// the sequence, dropped once exhausted (CPython's reversedobject / listreviterobject).
pub struct RevIter {
    index: isize,
    seq: Option<PyObj>,
}

impl Payload for RevIter {
    type Item = ();
    const NAME: &'static str = "reversed";
    const GC: bool = true;
    const MUTABLE: bool = true;
    fn traverse(&self, _: &[()], visit: Visit<'_>) {
        visit_opt(&self.seq, visit);
    }
    fn clear(&mut self) {
        drop(self.seq.take());
    }
}

/// len() of a list, tuple or str.
fn seq_len(seq: &PyObj) -> Option<usize> {
    if let Some(l) = list::borrow(seq) {
        return Some(l.0.len());
    }
    tuple::items(seq)
        .map(<[PyObj]>::len)
        .or_else(|| string::len(seq))
}

/// reversed(sequence)
fn reversed_new(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    args.no_kw("reversed")?;
    let pos = &args.pos()[1..];
    if pos.len() != 1 {
        return Err(exceptions::type_error(format!(
            "reversed expected 1 argument, got {}",
            pos.len()
        )));
    }
    let seq = &pos[0];
    // `__reversed__` of the type (list's, dict's, range's, a class's), as CPython's
    // reversed_new_impl; None there means "not reversible".
    let ty = seq.type_obj();
    if let Some(m) = vm.type_lookup_static(&ty, "__reversed__")? {
        if m.is(&crate::objects::ctx().none) {
            return Err(not_reversible(seq));
        }
        let bound = vm.bind_descriptor(m, Some(seq), &ty)?;
        return vm.call(&bound, Args::positional(&[]));
    }
    reversed_of(vm, seq)
}

fn not_reversible(seq: &PyObj) -> crate::objects::exceptions::Exc {
    exceptions::type_error(format!(
        "'{}' object is not reversible",
        typeobj::type_name(seq)
    ))
}

/// list.__reversed__, dict.__reversed__, range.__reversed__ (the descriptor has
/// checked self's type).
fn reversed_method(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let s = args.one("__reversed__")?;
    reversed_of(vm, s)
}

static REVERSED_METHOD: &[MethodDef] = &[MethodDef {
    name: "__reversed__",
    func: reversed_method,
}];

/// A reverse iterator over a range, a list, a tuple, a str, a dict or a dict view,
/// or over anything with the sequence protocol (`__getitem__` and `__len__`).
fn reversed_of(vm: &mut Vm, seq: &PyObj) -> VmResult<PyObj> {
    let t = types();
    if let Some(r) = seq.get::<Range>().filter(|_| !seq.vtable().heap_type) {
        return reversed_range(r);
    }
    let seq_ty = seq.type_obj();
    let ty_slots = slots_of_type(&seq_ty);
    let protocol = ty_slots.subscript.get().is_some()
        && ty_slots.length.get().is_some()
        && !seq.is_a::<dict::Dict>();
    // A list, tuple or str, or the sequence protocol of a type with item and length
    // slots (bytes, bytearray, array, memoryview).
    let n = match seq_len(seq) {
        Some(n) => Some(n),
        None if protocol => Some(vm.len(seq)?),
        None => None,
    };
    if let Some(n) = n {
        let ty = if seq.is_a::<list::List>() {
            &t.list_reverseiterator
        } else {
            &t.reversed
        };
        return Ok(PyObj::new(
            ty,
            RevIter {
                index: n as isize - 1,
                seq: Some(seq.clone()),
            },
        ));
    }
    // A dict, or a view of one (their __reversed__).
    let (d, kind) = match seq.get::<dict::DictView>() {
        Some(v) => (v.dict.clone(), v.kind as usize),
        None => (seq.clone(), 0),
    };
    if let Some(n) = dict::len(&d) {
        let positions = dict::borrow(&d).map_or(0, |d| d.0.positions());
        let ty = [
            &t.dict_reversekeyiterator,
            &t.dict_reversevalueiterator,
            &t.dict_reverseitemiterator,
        ][kind];
        let it = PyObj::new(
            ty,
            DictRevIter {
                dict: Some(d),
                used: n,
                pos: positions as u32,
                kind: kind as u8,
                len: n,
                result: None,
            },
        );
        if kind == 2 {
            // As CPython's, an items iterator keeps a result tuple, made after it.
            it.borrow_mut::<DictRevIter>().map_err(|_| busy())?.result = Some(tuple::nones(2));
        }
        return Ok(it);
    }
    let _ = vm;
    Err(not_reversible(seq))
}

/// reversed(range): a range iterator from the last item with the step negated.
fn reversed_range(r: &Range) -> VmResult<PyObj> {
    let (start, step, len) = (
        int::value(&r.start).expect("int"),
        int::value(&r.step).expect("int"),
        int::value(&r.length).expect("int"),
    );
    let last = &start + &(&(&len - &Int::Small(1)) * &step);
    let neg = -&step;
    if let (Some(a), Some(s), Some(n)) = (last.to_i64(), neg.to_i64(), len.to_i64()) {
        return Ok(range::iter(a, s, n));
    }
    long_range_iter(&last, &neg, &len)
}

fn rev_next(rt: &mut dyn Runtime, o: &PyObj) -> VmResult<Option<PyObj>> {
    let mut r = o.borrow_mut::<RevIter>().map_err(|_| busy())?;
    let Some(seq) = r.seq.clone() else {
        return Ok(None);
    };
    let i = r.index;
    let item = if i < 0 {
        None
    } else if let Some(l) = list::borrow(&seq) {
        l.0.get(i as usize).cloned()
    } else if let Some(t) = tuple::items(&seq) {
        t.get(i as usize).cloned()
    } else if let Some(v) = string::view(&seq) {
        ((i as usize) < v.len()).then(|| ops::char_str(v.char_at(i as usize)))
    } else {
        drop(r);
        let x = rt.getitem(&seq, &int::new_i64(i as i64))?;
        r = o.borrow_mut::<RevIter>().map_err(|_| busy())?;
        Some(x)
    };
    match item {
        Some(x) => {
            r.index = i - 1;
            Ok(Some(x))
        }
        None => {
            r.index = -1;
            let old = r.seq.take();
            drop(r);
            drop(old);
            Ok(None)
        }
    }
}

static REV_METHODS: &[MethodDef] = &[MethodDef {
    name: "__length_hint__",
    func: rev_length_hint_method,
}];

static DICT_REV_METHODS: &[MethodDef] = &[MethodDef {
    name: "__length_hint__",
    func: dict_rev_length_hint_method,
}];

fn rev_length_hint_method(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let o = args.one("__length_hint__")?;
    Ok(int::new_i64(rev_length_hint(o) as i64))
}

fn dict_rev_length_hint_method(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let o = args.one("__length_hint__")?;
    Ok(int::new_i64(dict_rev_length_hint(o) as i64))
}

fn rev_length_hint(o: &PyObj) -> usize {
    let Ok(r) = o.borrow::<RevIter>() else {
        return 0;
    };
    match &r.seq {
        Some(s) if r.index >= 0 => {
            let n = seq_len(s).unwrap_or(0);
            let position = r.index as usize + 1;
            if n < position {
                0
            } else {
                position
            }
        }
        _ => 0,
    }
}

/// dict_reversekeyiterator, dict_reversevalueiterator, dict_reverseitemiterator: walk
/// the dict's iteration positions from the end.
pub struct DictRevIter {
    dict: Option<PyObj>,
    used: usize,
    /// One past the next entry position to look at (a keys object's entries are
    /// counted in 32 bits): one word with `kind`, so that the iterator is CPython's
    /// 72 bytes.
    pos: u32,
    kind: u8,
    len: usize,
    /// The items iterator's result tuple, refilled in place while nothing else holds
    /// it (CPython's di_result).
    result: Option<PyObj>,
}

impl Payload for DictRevIter {
    type Item = ();
    const NAME: &'static str = "dict_reversekeyiterator";
    const GC: bool = true;
    const MUTABLE: bool = true;
    fn traverse(&self, _: &[()], visit: Visit<'_>) {
        visit_opt(&self.dict, visit);
        visit_opt(&self.result, visit);
    }
    fn clear(&mut self) {
        drop((self.dict.take(), self.result.take()));
    }
}

fn dict_rev_next(_rt: &mut dyn Runtime, o: &PyObj) -> VmResult<Option<PyObj>> {
    let mut r = o.borrow_mut::<DictRevIter>().map_err(|_| busy())?;
    let Some(d) = r.dict.clone() else {
        return Ok(None);
    };
    let t = dict::borrow(&d).ok_or_else(busy)?;
    if t.0.len() != r.used {
        r.used = usize::MAX;
        return Err(exceptions::named(
            "RuntimeError",
            "dictionary changed size during iteration",
        ));
    }
    let kind = r.kind;
    let step = t.0.prev_item_with(r.pos as usize, |k, v| match kind {
        0 => (k.clone(), None),
        1 => (v.clone(), None),
        _ => (k.clone(), Some(v.clone())),
    });
    if let Some((p, (first, second))) = step {
        drop(t);
        r.pos = p as u32;
        r.len = r.len.saturating_sub(1);
        let Some(v) = second else {
            return Ok(Some(first));
        };
        let (pair, old) = tuple::refill_pair(&mut r.result, first, v);
        drop(r);
        // The old key and value go now, with no borrow held.
        drop(old);
        return Ok(Some(pair));
    }
    r.pos = 0;
    drop(t);
    let old = r.dict.take();
    drop(r);
    drop(old);
    Ok(None)
}

fn dict_rev_length_hint(o: &PyObj) -> usize {
    o.borrow::<DictRevIter>()
        .map_or(0, |r| if r.dict.is_some() { r.len } else { 0 })
}

// ----- iter(callable, sentinel) ---------------------------------------------------

/// callable_iterator: calls `callable` until it returns `sentinel`, then lets go of
/// both (CPython's calliterobject).
pub struct CallIter {
    callable: Option<PyObj>,
    sentinel: Option<PyObj>,
}

impl Payload for CallIter {
    type Item = ();
    const NAME: &'static str = "callable_iterator";
    const GC: bool = true;
    const MUTABLE: bool = true;
    fn traverse(&self, _: &[()], visit: Visit<'_>) {
        visit_opt(&self.callable, visit);
        visit_opt(&self.sentinel, visit);
    }
    fn clear(&mut self) {
        drop((self.callable.take(), self.sentinel.take()));
    }
}

/// iter(callable, sentinel).
pub fn call_iter(callable: PyObj, sentinel: PyObj) -> PyObj {
    PyObj::new(
        &types().callable_iterator,
        CallIter {
            callable: Some(callable),
            sentinel: Some(sentinel),
        },
    )
}

fn call_iter_next(rt: &mut dyn Runtime, o: &PyObj) -> VmResult<Option<PyObj>> {
    let vm = Vm::of(rt);
    let (f, s) = {
        let c = o.borrow::<CallIter>().map_err(|_| busy())?;
        (c.callable.clone(), c.sentinel.clone())
    };
    let (Some(f), Some(s)) = (f, s) else {
        return Ok(None);
    };
    let done = match vm.call(&f, Args::positional(&[])) {
        Ok(v) => {
            if v.is(&s) || vm.equal(&v, &s)? {
                true
            } else {
                return Ok(Some(v));
            }
        }
        Err(e) if exceptions::matches(&e.0, ctx().exc_type("StopIteration")) => true,
        Err(e) => return Err(e),
    };
    if done {
        let old = o.borrow_mut::<CallIter>().ok().map(|mut c| {
            let a = c.callable.take();
            let b = c.sentinel.take();
            (a, b)
        });
        drop(old);
    }
    Ok(None)
}

// ----- ranges beyond i64 ----------------------------------------------------------

/// longrange_iterator: iterates a range whose values do not fit an i64, with int
/// objects (CPython's longrangeiterobject: start, step, len, index).
pub struct LongRangeIter {
    start: PyObj,
    step: PyObj,
    len: PyObj,
    index: PyObj,
}

impl Payload for LongRangeIter {
    type Item = ();
    const NAME: &'static str = "longrange_iterator";
    const MUTABLE: bool = true;
}

fn long_range_iter(start: &Int, step: &Int, len: &Int) -> VmResult<PyObj> {
    Ok(PyObj::new(
        &types().longrange_iterator,
        LongRangeIter {
            start: ops::int_obj(start)?,
            step: ops::int_obj(step)?,
            len: ops::int_obj(len)?,
            index: int::new_i64(0),
        },
    ))
}

/// iter(range) for a range the VM's i64 fast path does not cover.
fn range_iter_slot(_rt: &mut dyn Runtime, o: &PyObj) -> VmResult<PyObj> {
    let r = o.get::<Range>().expect("registered for Range");
    // Read as i64 straight from the digits (no Int made per bound).
    let small = (
        int::as_i64(&r.start),
        int::as_i64(&r.step),
        int::as_i64(&r.length),
    );
    if let (Some(a), Some(s), Some(n)) = small {
        return Ok(range::iter(a, s, n));
    }
    let v = |x: &PyObj| int::value(x).expect("int");
    long_range_iter(&v(&r.start), &v(&r.step), &v(&r.length))
}

fn long_range_next(_rt: &mut dyn Runtime, o: &PyObj) -> VmResult<Option<PyObj>> {
    let mut r = o.borrow_mut::<LongRangeIter>().map_err(|_| busy())?;
    let v = |x: &PyObj| int::value(x).expect("int");
    let (i, n) = (v(&r.index), v(&r.len));
    if i >= n {
        return Ok(None);
    }
    let value = &v(&r.start) + &(&i * &v(&r.step));
    let next = ops::int_obj(&(&i + &Int::Small(1)))?;
    let old = std::mem::replace(&mut r.index, next);
    drop(r);
    drop(old);
    ops::int_obj(&value).map(Some)
}

// ----- registration ---------------------------------------------------------------

static NEW_ENUMERATE: MethodDef = MethodDef {
    name: "enumerate",
    func: enumerate_new,
};
static NEW_ZIP: MethodDef = MethodDef {
    name: "zip",
    func: zip_new,
};
static NEW_MAP: MethodDef = MethodDef {
    name: "map",
    func: map_new,
};
static NEW_FILTER: MethodDef = MethodDef {
    name: "filter",
    func: filter_new,
};
static NEW_REVERSED: MethodDef = MethodDef {
    name: "reversed",
    func: reversed_new,
};

/// Register the iterator types' next() and slots, and their constructors (once per
/// thread).
pub fn install_types() {
    let t = types();
    for (ty, next) in [
        (&t.enumerate, enumerate_next as NextFn),
        (&t.zip, zip_next),
        (&t.map, map_next),
        (&t.filter, filter_next),
        (&t.reversed, rev_next),
        (&t.list_reverseiterator, rev_next),
        (&t.dict_reversekeyiterator, dict_rev_next),
        (&t.dict_reversevalueiterator, dict_rev_next),
        (&t.dict_reverseitemiterator, dict_rev_next),
        (&t.callable_iterator, call_iter_next),
        (&t.longrange_iterator, long_range_next),
    ] {
        typeobj::install_builtin_slots(
            ty,
            &SlotTable {
                iter: Some(crate::objects::iter::self_iter),
                iternext: Some(next),
                ..SlotTable::EMPTY
            },
        );
    }
    typeobj::add_methods(&t.list_reverseiterator, REV_METHODS);
    typeobj::add_methods(&t.reversed, REV_METHODS);
    typeobj::add_methods(&t.dict_reversekeyiterator, DICT_REV_METHODS);
    typeobj::add_methods(&t.dict_reversevalueiterator, DICT_REV_METHODS);
    typeobj::add_methods(&t.dict_reverseitemiterator, DICT_REV_METHODS);
    typeobj::add_slot(
        &ctx().range_type,
        crate::objects::typeobj::slots::SlotId::iter,
        crate::objects::typeobj::slots::AnySlot::Unary(range_iter_slot),
    );
    // Every type's dict now, so none is first made (and left behind) by a program.
    for ty in [
        &t.enumerate,
        &t.zip,
        &t.map,
        &t.filter,
        &t.reversed,
        &t.list_reverseiterator,
        &t.dict_reversekeyiterator,
        &t.dict_reversevalueiterator,
        &t.dict_reverseitemiterator,
        &t.callable_iterator,
        &t.longrange_iterator,
    ] {
        let _ = typeobj::type_dict_raw(ty);
    }
    crate::objects::typeobj::set_new(&t.enumerate, &NEW_ENUMERATE);
    crate::objects::typeobj::set_new(&t.zip, &NEW_ZIP);
    crate::objects::typeobj::set_new(&t.map, &NEW_MAP);
    crate::objects::typeobj::set_new(&t.filter, &NEW_FILTER);
    crate::objects::typeobj::set_new(&t.reversed, &NEW_REVERSED);
    let c = crate::objects::ctx();
    for ty in [&c.list_type, &c.dict_type, &c.range_type] {
        crate::objects::typeobj::add_methods(ty, REVERSED_METHOD);
    }
}

/// The iterator types that are builtins names.
pub fn builtin_names() -> [(&'static str, &'static TypeRef); 5] {
    let t = types();
    [
        ("enumerate", &t.enumerate),
        ("zip", &t.zip),
        ("map", &t.map),
        ("filter", &t.filter),
        ("reversed", &t.reversed),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    /// sys.getsizeof of each iterator, from /work/shared/reference/sizes.tsv (python3
    /// 3.11): enumerate([]) 72, zip() 64, map(int, []) 48, filter(None, []) 48,
    /// reversed([]) 48, iter(range(2**70)) 48; reversed({}) 72 and iter(list, 1) 48 by
    /// `python3 -c 'import sys; print(sys.getsizeof(reversed({})), sys.getsizeof(iter(list, 1)))'`.
    #[test]
    fn sizes_match_cpython() {
        let mut vm = Vm::new(vec![], &crate::builtins::LIBRARY);
        let t = types();
        let l = list::new_empty();
        let call = |vm: &mut Vm, ty: &TypeRef, args: &[PyObj]| {
            vm.call(ty.as_obj(), Args::positional(args))
                .expect("constructs")
        };
        let int_ty = ctx().int_type.as_obj().clone();
        let none = ctx().none.clone();
        assert_eq!(
            call(&mut vm, &t.enumerate, std::slice::from_ref(&l)).sizeof(),
            72
        );
        assert_eq!(call(&mut vm, &t.zip, &[]).sizeof(), 64);
        assert_eq!(call(&mut vm, &t.map, &[int_ty, l.clone()]).sizeof(), 48);
        assert_eq!(call(&mut vm, &t.filter, &[none, l.clone()]).sizeof(), 48);
        assert_eq!(
            call(&mut vm, &t.reversed, std::slice::from_ref(&l)).sizeof(),
            48
        );
        assert_eq!(call(&mut vm, &t.reversed, &[dict::new()]).sizeof(), 72);
        assert_eq!(call_iter(l.clone(), l.clone()).sizeof(), 48);
        let big = long_range_iter(&Int::Small(0), &Int::Small(1), &Int::from_i128(1 << 70))
            .expect("allocates");
        assert_eq!(big.sizeof(), 48);
    }

    /// reversed() lets go of its sequence once exhausted, as CPython's.
    #[test]
    fn reversed_releases_its_sequence() {
        let mut vm = Vm::new(vec![], &crate::builtins::LIBRARY);
        let l = list::new_exact(vec![int::new_i64(1)]);
        let r = vm
            .call(
                types().reversed.as_obj(),
                Args::positional(std::slice::from_ref(&l)),
            )
            .expect("constructs");
        assert_eq!(l.refcnt(), 2);
        assert!(vm.next(&r).expect("next").is_some());
        assert!(vm.next(&r).expect("next").is_none());
        assert_eq!(l.refcnt(), 1);
    }
}
