//! Iteration (iter / next for the built-in containers and their iterators), and the
//! bulk operations built on it: list.extend with CPython's preallocation, dict
//! update, set add and set algebra.

use crate::heap::PyObj;
use crate::objects::iter::{DictIter, DictIterKind, GetItemIter, SeqIter, SetIter};
use crate::objects::range::RangeIter;
use crate::objects::typeobj::slotdefs::slots_of_type;
use crate::objects::{ctx, dict, list, set, string, tuple, typeobj};

use super::super::Vm;
use crate::objects::exceptions;
use crate::objects::exceptions::VmResult;

impl Vm {
    /// iter(obj): the type's iter slot (its result must be an iterator), else a
    /// sequence iterator over `__getitem__`, else TypeError.
    pub fn iter(&mut self, o: &PyObj) -> VmResult<PyObj> {
        if o.is_type(&self.ctx.generator_type) {
            // A generator is its own iterator (no slot lookup; GET_ITER of `for x
            // in g(...)` and the draining builtins start here).
            return Ok(o.clone());
        }
        let ty = o.type_obj();
        let s = slots_of_type(&ty);
        if let Some(f) = s.iter.get() {
            let it = f(self, o)?;
            if slots_of_type(&it.type_obj()).iternext.get().is_none() {
                return Err(exceptions::type_error(format!(
                    "iter() returned non-iterator of type '{}'",
                    typeobj::type_name(&it)
                )));
            }
            return Ok(it);
        }
        if s.subscript.get().is_some() && !o.is_a::<dict::Dict>() {
            return Ok(PyObj::new(
                &ctx().getitem_iter_type,
                GetItemIter {
                    seq: Some(o.clone()),
                    index: 0,
                },
            ));
        }
        Err(exceptions::type_error(format!(
            "'{}' object is not iterable",
            typeobj::type_name(o)
        )))
    }

    /// An iterator over a dict's keys, values or items.
    pub fn dict_iter(&mut self, d: &PyObj, _n: usize, kind: DictIterKind) -> PyObj {
        crate::objects::iter::dict_iter(d, kind).unwrap_or_else(|_| ctx().none.clone())
    }

    /// next(iterator): Some(value), or None when exhausted. Built-in loops over an
    /// iterator (list(), set(), sorted(), join) check the memory limit at each step
    /// here, as the eval loop does at each instruction.
    pub fn next(&mut self, it: &PyObj) -> VmResult<Option<PyObj>> {
        if it.is_type(&self.ctx.generator_type) {
            // The generator type's iternext, without the type's reference and slot
            // lookup (sum, list, max, join... drive generators through here).
            let x = self.gen_iternext(it)?;
            super::super::memlimit::check()?;
            return Ok(x);
        }
        match slots_of_type(&it.type_obj()).iternext.get() {
            Some(f) => {
                let x = f(self, it)?;
                super::super::memlimit::check()?;
                Ok(x)
            }
            None => Err(exceptions::type_error(format!(
                "'{}' object is not an iterator",
                typeobj::type_name(it)
            ))),
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
            crate::objects::room::push(&mut out, x)?;
        }
        Ok(out)
    }

    /// __length_hint__ of an iterable, as PyObject_LengthHint with default 8.
    pub fn length_hint(&mut self, o: &PyObj) -> usize {
        if let Some(n) = super::len_of(o) {
            return n.unwrap_or(usize::MAX);
        }
        if let Some(f) = slots_of_type(&o.type_obj()).length.get() {
            return f(self, o).unwrap_or(0);
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
        crate::objects::list::extend(self, l, src)
    }

    /// set.add(x).
    pub fn set_add(&mut self, s: &PyObj, x: PyObj) -> VmResult<()> {
        if let Some(r) = set::quick_add(s, &x) {
            r?;
            return Ok(());
        }
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
        if m.is_a::<dict::Dict>() && dict::iterates_as_dict(m) {
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
        let clonable = dict::iterates_as_dict(d);
        dict::copy(d, clonable, &mut |a, b| self.equal(a, b))
    }
}

pub use crate::objects::iter::char_str;
