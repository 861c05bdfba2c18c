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

    /// next(iterator): Some(value), or None when exhausted.
    pub fn next(&mut self, it: &PyObj) -> VmResult<Option<PyObj>> {
        match slots_of_type(&it.type_obj()).iternext.get() {
            Some(f) => f(self, it),
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
            out.push(x);
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
        let h = self.hash(&x)?;
        let answers = self.prepare_eq(s, &x, h)?;
        let mut eq = answers.eq();
        set::add(s, x, h, &mut eq)?;
        Ok(())
    }

    /// d.update(m); with `merge`, a key already present is an error (f(**a, **b)).
    pub fn dict_update(&mut self, d: &PyObj, m: &PyObj, merge: bool) -> VmResult<()> {
        let Some(items) = dict::items(m) else {
            return Err(exceptions::type_error(format!(
                "'{}' object is not a mapping",
                typeobj::type_name(m)
            )));
        };
        for (k, v) in items {
            if merge && self.dict_get(d, &k)?.is_some() {
                let name = string::as_str(&k).unwrap_or_default().into_owned();
                return Err(exceptions::type_error(format!(
                    "got multiple values for keyword argument '{name}'"
                )));
            }
            self.dict_set(d, k, v)?;
        }
        Ok(())
    }

    /// A shallow copy of a dict.
    pub fn dict_copy(&mut self, d: &PyObj) -> VmResult<PyObj> {
        let out = dict::new();
        self.dict_update(&out, d, false)?;
        Ok(out)
    }
}

pub use crate::objects::iter::char_str;
