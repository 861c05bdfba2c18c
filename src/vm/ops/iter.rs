//! Iteration (iter / next for the built-in containers and their iterators), and the
//! bulk operations built on it: list.extend with CPython's preallocation, dict
//! update, set add and set algebra.

use std::any::TypeId;

use crate::bytecode::opcode::BinaryOp;
use crate::heap::PyObj;
use crate::objects::iter::{seq_iter, DictIter, DictIterKind, SeqIter, SetIter};
use crate::objects::range::{self, RangeIter};
use crate::objects::settable::SetTable;
use crate::objects::typeobj::slotdefs::slots_of_type;
use crate::objects::{ctx, dict, list, protocol, set, string, tuple, typeobj};

use super::super::Vm;
use crate::objects::exceptions;
use crate::objects::exceptions::{Exc, VmResult};

/// next() of an iterator type defined outside this file (enumerate, zip, map, ...).
pub type NextFn = fn(&mut Vm, &PyObj) -> VmResult<Option<PyObj>>;

thread_local! {
    static NEXT_FNS: std::cell::RefCell<Vec<(TypeId, NextFn)>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Register the next() of an iterator payload type `T` (done by the builtins at
/// start-up).
pub fn register_iterator<T: crate::heap::Payload>(f: NextFn) {
    NEXT_FNS.with(|v| {
        let mut v = v.borrow_mut();
        if !v.iter().any(|(t, _)| *t == TypeId::of::<T>()) {
            v.push((TypeId::of::<T>(), f));
        }
    });
}

fn registered_next(o: &PyObj) -> Option<NextFn> {
    let id = o.vtable().type_id();
    NEXT_FNS.with(|v| v.borrow().iter().find(|(t, _)| *t == id).map(|(_, f)| *f))
}

fn changed(what: &str) -> Exc {
    exceptions::named(
        "RuntimeError",
        format!("{what} changed size during iteration"),
    )
}

fn busy() -> Exc {
    exceptions::named("RuntimeError", "container modified during iteration")
}

impl Vm {
    /// iter(obj).
    pub fn iter(&mut self, o: &PyObj) -> VmResult<PyObj> {
        let c = ctx();
        if self.dispatches(o, "__iter__") {
            return self.iter_special(o);
        }
        if o.is_a::<list::List>() {
            return Ok(seq_iter(&c.list_iter_type, o.clone()));
        }
        if tuple::items(o).is_some() {
            return Ok(seq_iter(&c.tuple_iter_type, o.clone()));
        }
        if string::view(o).is_some() {
            return Ok(seq_iter(&c.str_iter_type, o.clone()));
        }
        if let Some(n) = dict::len(o) {
            return Ok(self.dict_iter(o, n, DictIterKind::Keys));
        }
        if let Some(n) = set::len(o) {
            return Ok(PyObj::new(
                &c.set_iter_type,
                SetIter {
                    set: Some(o.clone()),
                    used: n,
                    pos: 0,
                    len: n,
                },
            ));
        }
        if let Some((start, step, n)) = range::parts(o) {
            return Ok(range::iter(start, step, n));
        }
        if o.is_a::<SeqIter>()
            || o.is_a::<DictIter>()
            || o.is_a::<SetIter>()
            || o.is_a::<RangeIter>()
            || registered_next(o).is_some()
        {
            return Ok(o.clone());
        }
        if let Some(f) = slots_of_type(&o.type_obj()).iter.get() {
            return f(self, o);
        }
        Err(exceptions::type_error(format!(
            "'{}' object is not iterable",
            typeobj::type_name(o)
        )))
    }

    /// Is `it` a built-in iterator (next() works on it)?
    pub(crate) fn next_is_defined(&self, it: &PyObj) -> bool {
        it.is_a::<SeqIter>()
            || it.is_a::<DictIter>()
            || it.is_a::<SetIter>()
            || it.is_a::<RangeIter>()
            || registered_next(it).is_some()
    }

    /// An iterator over a dict's keys, values or items.
    pub fn dict_iter(&mut self, d: &PyObj, n: usize, kind: DictIterKind) -> PyObj {
        let c = ctx();
        let ty = match kind {
            DictIterKind::Keys => &c.dict_keyiter_type,
            DictIterKind::Values => &c.dict_valueiter_type,
            DictIterKind::Items => &c.dict_itemiter_type,
        };
        PyObj::new(
            ty,
            DictIter {
                dict: Some(d.clone()),
                used: n,
                pos: 0,
                kind,
                len: n,
            },
        )
    }

    /// next(iterator): Some(value), or None when exhausted.
    pub fn next(&mut self, it: &PyObj) -> VmResult<Option<PyObj>> {
        if it.vtable().heap_type {
            return self.next_special(it);
        }
        if let Some(r) = it.get::<RangeIter>() {
            return Ok(range::iter_next(r).map(crate::objects::int::new_i64));
        }
        if it.is_a::<SeqIter>() {
            return self.seq_next(it);
        }
        if it.is_a::<DictIter>() {
            return self.dict_next(it);
        }
        if it.is_a::<SetIter>() {
            return self.set_next(it);
        }
        if let Some(f) = registered_next(it) {
            return f(self, it);
        }
        Err(exceptions::type_error(format!(
            "'{}' object is not an iterator",
            typeobj::type_name(it)
        )))
    }

    fn seq_next(&mut self, it: &PyObj) -> VmResult<Option<PyObj>> {
        let mut s = it.borrow_mut::<SeqIter>().map_err(|_| busy())?;
        let Some(seq) = s.seq.clone() else {
            return Ok(None);
        };
        let i = s.index;
        let item = if let Some(items) = tuple::items(&seq) {
            items.get(i).cloned()
        } else if let Some(l) = list::borrow(&seq) {
            l.0.get(i).cloned()
        } else if let Some(v) = string::view(&seq) {
            (i < v.len()).then(|| {
                let ch = v.char_at(i);
                char_str(ch)
            })
        } else {
            None
        };
        match item {
            Some(x) => {
                s.index = i + 1;
                Ok(Some(x))
            }
            None => {
                let old = s.seq.take();
                drop(s);
                drop(old);
                Ok(None)
            }
        }
    }

    fn dict_next(&mut self, it: &PyObj) -> VmResult<Option<PyObj>> {
        let mut s = it.borrow_mut::<DictIter>().map_err(|_| busy())?;
        let Some(d) = s.dict.clone() else {
            return Ok(None);
        };
        let t = dict::borrow(&d).ok_or_else(busy)?;
        if t.0.len() != s.used {
            s.used = usize::MAX; // stays broken, as CPython's di_used = -1
            return Err(changed("dictionary"));
        }
        match t.0.next_item(s.pos) {
            Some(_) if s.len == 0 => {
                // An item the iteration did not expect: keys came and went.
                drop(t);
                let old = s.dict.take();
                drop(s);
                drop(old);
                Err(exceptions::named(
                    "RuntimeError",
                    "dictionary keys changed during iteration",
                ))
            }
            Some((pos, k, v)) => {
                let r = match s.kind {
                    DictIterKind::Keys => k.clone(),
                    DictIterKind::Values => v.clone(),
                    DictIterKind::Items => tuple::new(vec![k.clone(), v.clone()]),
                };
                s.pos = pos + 1;
                s.len = s.len.saturating_sub(1);
                Ok(Some(r))
            }
            None => {
                drop(t);
                let old = s.dict.take();
                drop(s);
                drop(old);
                Ok(None)
            }
        }
    }

    fn set_next(&mut self, it: &PyObj) -> VmResult<Option<PyObj>> {
        let mut s = it.borrow_mut::<SetIter>().map_err(|_| busy())?;
        let Some(st) = s.set.clone() else {
            return Ok(None);
        };
        let t = set::borrow(&st).ok_or_else(busy)?;
        if t.0.len() != s.used {
            s.used = usize::MAX;
            return Err(changed("Set"));
        }
        match t.0.next_entry(s.pos) {
            Some((pos, k, _)) => {
                let k = k.clone();
                s.pos = pos + 1;
                s.len = s.len.saturating_sub(1);
                Ok(Some(k))
            }
            None => {
                drop(t);
                let old = s.set.take();
                drop(s);
                drop(old);
                Ok(None)
            }
        }
    }

    /// All items of an iterable, in order.
    pub fn collect_iter(&mut self, o: &PyObj) -> VmResult<Vec<PyObj>> {
        // Exact lists and tuples only (CPython's PySequence_Fast): a subclass may
        // override __iter__.
        if !o.vtable().heap_type {
            if let Some(items) = tuple::items(o) {
                return Ok(items.to_vec());
            }
            if let Some(l) = list::borrow(o) {
                return Ok(l.0.clone());
            }
        }
        let it = self.iter(o)?;
        let mut out = Vec::new();
        while let Some(x) = self.next(&it)? {
            out.push(x);
        }
        Ok(out)
    }

    /// __length_hint__ of an iterable, as PyObject_LengthHint with default 8.
    pub fn length_hint(&mut self, o: &PyObj) -> usize {
        if let Some(n) = super::len_of(o) {
            return n.unwrap_or(usize::MAX);
        }
        if let Some(r) = o.get::<RangeIter>() {
            return (r.len - r.index.get()).max(0) as usize;
        }
        if let Ok(s) = o.borrow::<SeqIter>() {
            let len = s.seq.as_ref().map_or(0, |q| {
                tuple::items(q)
                    .map(<[PyObj]>::len)
                    .or_else(|| list::borrow(q).map(|l| l.0.len()))
                    .or_else(|| string::len(q))
                    .unwrap_or(0)
            });
            return len.saturating_sub(s.index);
        }
        if let Ok(s) = o.borrow::<DictIter>() {
            return s.len;
        }
        if let Ok(s) = o.borrow::<SetIter>() {
            return s.len;
        }
        // A type's own __length_hint__ (the reversed iterators).
        let key = string::intern_str("__length_hint__");
        if let Ok(Some(f)) = self.type_lookup(&o.type_obj(), &key) {
            if let Ok(n) = self.call(
                &f,
                crate::objects::args::Args::positional(std::slice::from_ref(o)),
            ) {
                if let Some(n) = crate::objects::int::as_i64(&n) {
                    return n.max(0) as usize;
                }
            }
        }
        8
    }

    /// list.extend(iterable), allocating as CPython 3.11's list_extend.
    pub fn list_extend(&mut self, l: &PyObj, src: &PyObj) -> VmResult<()> {
        let sized =
            !src.vtable().heap_type && (tuple::items(src).is_some() || src.is_a::<list::List>());
        if let Some(Err(e)) = super::len_of(src) {
            return Err(e); // list(range(2**70)): OverflowError, as CPython
        }
        let hint = if sized { 0 } else { self.length_hint(src) };
        // Reserve before consuming the source: `list(range(10**12))` is a MemoryError
        // at once instead of an abort after filling memory.
        if !sized {
            let mut b = list::borrow_mut(l).ok_or_else(busy)?;
            if b.0.capacity() == 0 {
                list::preallocate_exact(&mut b.0, hint)?;
            } else if hint > 0 {
                let n = b.0.len() + hint;
                list::list_resize(&mut b.0, n)?;
            }
        }
        let items = self.collect_iter(src)?;
        let mut b = list::borrow_mut(l).ok_or_else(busy)?;
        let v = &mut b.0;
        if sized {
            if items.is_empty() {
                return Ok(());
            }
            if v.capacity() == 0 {
                list::preallocate_exact(v, items.len())?;
            } else {
                list::list_resize(v, v.len() + items.len())?;
            }
            v.extend(items);
            return Ok(());
        }
        for x in items {
            list::append_to(v, x)?;
        }
        if v.len() < v.capacity() {
            let n = v.len();
            list::list_resize(v, n)?;
        }
        Ok(())
    }

    /// set.add(x).
    pub fn set_add(&mut self, s: &PyObj, x: PyObj) -> VmResult<()> {
        let h = self.hash(&x)?;
        let answers = self.prepare_eq(s, &x, h)?;
        let mut eq = answers.eq();
        set::add(s, x, h, &mut eq)?;
        Ok(())
    }

    /// d.update(m) / `{**m}` (PyDict_Merge): a dict that iterates as a dict merges
    /// table to table (objects/dict.rs); any other mapping through `m.keys()` and
    /// `m[key]`. With `merge` (f(**a, **b)) a key already present is an error.
    pub fn dict_update(&mut self, d: &PyObj, m: &PyObj, merge: bool) -> VmResult<()> {
        let mode = if merge {
            dict::Merge::Unique
        } else {
            dict::Merge::Update
        };
        match self.dict_merge_mode(d, m, mode)? {
            Some(k) => Err(exceptions::type_error(format!(
                "got multiple values for keyword argument '{}'",
                string::as_str(&k).unwrap_or_default()
            ))),
            None => Ok(()),
        }
    }

    /// dict_merge: the key already present if `mode` is Unique (nothing after it is
    /// merged). A TypeError for an object that is not a mapping.
    fn dict_merge_mode(
        &mut self,
        d: &PyObj,
        m: &PyObj,
        mode: dict::Merge,
    ) -> VmResult<Option<PyObj>> {
        if m.is_a::<dict::Dict>() && !self.dispatches(m, "__iter__") {
            return dict::merge(d, m, mode, &mut |a, b| self.equal(a, b));
        }
        let keys_fn = match self.getattr(m, &string::intern_str("keys")) {
            Ok(f) => f,
            Err(e) if exceptions::matches(&e.0, ctx().exc_type("AttributeError")) => {
                return Err(exceptions::type_error(format!(
                    "'{}' object is not a mapping",
                    typeobj::type_name(m)
                )));
            }
            Err(e) => return Err(e),
        };
        let keys = self.call(&keys_fn, crate::objects::args::Args::positional(&[]))?;
        let keys = self.collect_iter(&keys)?;
        for k in keys {
            if mode != dict::Merge::Update && self.dict_get(d, &k)?.is_some() {
                if mode == dict::Merge::Unique {
                    return Ok(Some(k));
                }
                continue;
            }
            let v = self.getitem(m, &k)?;
            self.dict_set(d, k, v)?;
        }
        Ok(None)
    }

    /// DICT_MERGE of `f(..., **m)` into the keyword dict `d`: CPython's messages name
    /// the function called (format_kwargs_error).
    pub fn dict_merge_kwargs(&mut self, d: &PyObj, m: &PyObj, func: &PyObj) -> VmResult<()> {
        let is_mapping = m.is_a::<dict::Dict>() || self.has_attr(m, "keys")?;
        if !is_mapping {
            return Err(exceptions::type_error(format!(
                "{} argument after ** must be a mapping, not {}",
                self.function_str(func),
                typeobj::type_name(m)
            )));
        }
        match self.dict_merge_mode(d, m, dict::Merge::Unique)? {
            Some(k) => {
                let f = self.function_str(func);
                Err(exceptions::type_error(match string::as_str(&k) {
                    Some(name) if string::view(&k).is_some() => {
                        format!("{f} got multiple values for keyword argument '{name}'")
                    }
                    _ => format!("{f} keywords must be strings"),
                }))
            }
            None => Ok(()),
        }
    }

    /// _PyObject_FunctionStr: `module.qualname()`, or `qualname()` for a built-in.
    pub(crate) fn function_str(&mut self, f: &PyObj) -> String {
        let qualname = match self.getattr(f, &string::intern_str("__qualname__")) {
            Ok(q) => string::as_str(&q).unwrap_or_default().into_owned(),
            Err(_) => match f.get::<crate::objects::builtin_function::BuiltinFunction>() {
                // A built-in method's __qualname__: its type's name and its own.
                Some(b)
                    if b.self_.as_ref().is_some_and(|s| {
                        b.module.is_none() && !s.is_a::<crate::objects::module::Module>()
                    }) =>
                {
                    let s = b.self_.as_ref().expect("bound");
                    format!("{}.{}", typeobj::type_name(s), b.def.name)
                }
                _ => self.callable_name(f),
            },
        };
        if let Ok(m) = self.getattr(f, &string::intern_str("__module__")) {
            if let Some(m) = string::as_str(&m) {
                if m != "builtins" {
                    return format!("{m}.{qualname}()");
                }
            }
        }
        format!("{qualname}()")
    }

    /// dict_update_arg: `d.update(arg)` / `d |= arg`: a mapping (an exact dict, or
    /// anything with `keys`) is merged, anything else iterated as pairs.
    pub fn dict_update_arg(&mut self, d: &PyObj, arg: &PyObj) -> VmResult<()> {
        let exact = arg.is_a::<dict::Dict>() && !arg.vtable().heap_type;
        if exact || self.has_attr(arg, "keys")? {
            return self.dict_update(d, arg, false);
        }
        self.dict_merge_seq2(d, arg)
    }

    /// Does `o` have attribute `name` (an AttributeError says no)?
    fn has_attr(&mut self, o: &PyObj, name: &str) -> VmResult<bool> {
        match self.getattr(o, &string::intern_str(name)) {
            Ok(_) => Ok(true),
            Err(e) if exceptions::matches(&e.0, ctx().exc_type("AttributeError")) => Ok(false),
            Err(e) => Err(e),
        }
    }

    /// PyDict_MergeFromSeq2: `d[k] = v` for each pair of an iterable, with CPython's
    /// messages for items that are not pairs.
    pub fn dict_merge_seq2(&mut self, d: &PyObj, seq: &PyObj) -> VmResult<()> {
        let it = self.iter(seq)?;
        let mut i = 0usize;
        while let Some(item) = self.next(&it)? {
            let pair = if tuple::items(&item).is_some() || item.is_a::<list::List>() {
                self.collect_iter(&item)?
            } else {
                match self.iter(&item) {
                    Ok(pit) => {
                        let mut v = Vec::new();
                        while let Some(e) = self.next(&pit)? {
                            v.push(e);
                        }
                        v
                    }
                    Err(e) if exceptions::matches(&e.0, ctx().exc_type("TypeError")) => {
                        return Err(exceptions::type_error(format!(
                            "cannot convert dictionary update sequence element #{i} to a sequence"
                        )))
                    }
                    Err(e) => return Err(e),
                }
            };
            let [k, v] = <[PyObj; 2]>::try_from(pair).map_err(|items| {
                exceptions::value_error(format!(
                    "dictionary update sequence element #{i} has length {}; 2 is required",
                    items.len()
                ))
            })?;
            self.dict_set(d, k, v)?;
            i += 1;
        }
        Ok(())
    }

    /// PyDict_Copy: a new dict with d's items (a clone of its table when that is what
    /// CPython does; see objects/dict.rs).
    pub fn dict_copy(&mut self, d: &PyObj) -> VmResult<PyObj> {
        let clonable = !self.dispatches(d, "__iter__");
        dict::copy(d, clonable, &mut |a, b| self.equal(a, b))
    }

    /// `a | b`, `a & b`, `a - b`, `a ^ b` for sets (in place for |=, &=, -=, ^=).
    pub fn set_binary_op(
        &mut self,
        a: &PyObj,
        b: &PyObj,
        op: BinaryOp,
        inplace: bool,
    ) -> VmResult<PyObj> {
        let mut eq = |p: &PyObj, q: &PyObj| protocol::eq(p, q);
        let result: SetTable<PyObj> = {
            let x = set::borrow(a).ok_or_else(busy)?;
            let y = set::borrow(b).ok_or_else(busy)?;
            match op {
                BinaryOp::Or => x.0.union(&y.0, &mut eq)?,
                BinaryOp::And => x.0.intersection(&y.0, &mut eq)?,
                BinaryOp::Subtract => x.0.difference(&y.0, &mut eq)?,
                _ => x.0.symmetric_difference(&y.0, &mut eq)?,
            }
        };
        let frozen = typeobj::is_subtype(&a.type_obj(), &ctx().frozenset_type);
        if inplace && !frozen {
            let mut t = a.borrow_mut::<set::Set>().map_err(|_| busy())?;
            let old = std::mem::replace(&mut t.0, result);
            drop(t);
            drop(old);
            return Ok(a.clone());
        }
        if frozen {
            Ok(set::new_frozen(result))
        } else {
            Ok(PyObj::new(&ctx().set_type, set::Set(result)))
        }
    }
}

/// The one-character str for code point `ch` (cached for Latin-1).
pub fn char_str(ch: u32) -> PyObj {
    if ch < 256 {
        return ctx().latin1[ch as usize].clone();
    }
    let buf = crate::objects::unicode::view::StrBuf::from_code_points(&[ch]);
    string::from_buf(&buf).expect("tiny allocation")
}
