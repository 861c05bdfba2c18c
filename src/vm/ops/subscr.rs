//! Subscripts: `obj[key]`, `obj[key] = v` and `del obj[key]` for the built-in types,
//! slices included, with CPython's messages and list_resize growth.

use crate::heap::PyObj;
use crate::objects::range::Range;
use crate::objects::slice::{adjust_indices, Slice};
use crate::objects::{ctx, dict, int, list, range, string, tuple, typeobj};

use crate::objects::typeobj::slotdefs::slots_of_type;

use super::super::Vm;
use super::iter::char_str;
use crate::objects::exceptions;
use crate::objects::exceptions::{Exc, VmResult};

/// A slice's (start, stop, step) as optional integers; step 0 is a ValueError.
fn slice_parts(s: &Slice) -> VmResult<(Option<i64>, Option<i64>, i64)> {
    let conv = |o: &PyObj| -> VmResult<Option<i64>> {
        if o.is(&crate::objects::ctx().none) {
            return Ok(None);
        }
        match int::value(o) {
            Some(v) => Ok(Some(v.to_i64().unwrap_or(if v.is_negative() {
                i64::MIN / 2
            } else {
                i64::MAX / 2
            }))),
            None => Err(exceptions::type_error(
                "slice indices must be integers or None or have an __index__ method",
            )),
        }
    };
    let step = conv(&s.step)?.unwrap_or(1);
    if step == 0 {
        return Err(exceptions::value_error("slice step cannot be zero"));
    }
    Ok((conv(&s.start)?, conv(&s.stop)?, step))
}

/// The positions a slice selects in a sequence of `len` items.
fn slice_positions(s: &Slice, len: usize) -> VmResult<(Vec<usize>, i64, i64)> {
    let (start, stop, step) = slice_parts(s)?;
    let (start, _, n) = adjust_indices(len as i64, start, stop, step);
    let pos = (0..n).map(|i| (start + i * step) as usize).collect();
    Ok((pos, start, step))
}

/// A sequence index: an int, wrapped once if negative; IndexError when outside.
fn seq_index(key: &PyObj, len: usize, msg: &str) -> VmResult<Option<usize>> {
    let Some(v) = int::value(key) else {
        return Ok(None);
    };
    let out_of_range = || exceptions::named("IndexError", msg);
    let Some(mut i) = v.to_i64() else {
        return Err(if v.bit_length() > 63 {
            exceptions::named("IndexError", "cannot fit 'int' into an index-sized integer")
        } else {
            out_of_range()
        });
    };
    if i < 0 {
        i += len as i64;
    }
    if i < 0 || i >= len as i64 {
        return Err(out_of_range());
    }
    Ok(Some(i as usize))
}

fn bad_index(what: &str, key: &PyObj) -> Exc {
    exceptions::type_error(format!(
        "{what} indices must be integers or slices, not {}",
        typeobj::type_name(key)
    ))
}

fn busy() -> Exc {
    exceptions::named("RuntimeError", "list modified during operation")
}

impl Vm {
    /// obj[key].
    pub fn getitem(&mut self, o: &PyObj, key: &PyObj) -> VmResult<PyObj> {
        if self.dispatches(o, "__getitem__") {
            if let Some(v) = self.item_special(o, key, None, false)? {
                return Ok(v);
            }
            return Err(exceptions::type_error(format!(
                "'{}' object is not subscriptable",
                typeobj::type_name(o)
            )));
        }
        if key.vtable().heap_type && !o.is_a::<dict::Dict>() {
            let k = self.index_arg(key)?;
            return self.getitem_builtin(o, &k);
        }
        if let Some(s) = key.get::<Slice>() {
            let parts = [s.start.clone(), s.stop.clone(), s.step.clone()];
            if parts.iter().any(|p| p.vtable().heap_type) {
                let mut conv = Vec::with_capacity(3);
                for p in &parts {
                    conv.push(self.index_arg(p)?);
                }
                let [a, b, c]: [PyObj; 3] = conv.try_into().expect("three parts");
                let k = crate::objects::slice::new(a, b, c);
                return self.getitem_builtin(o, &k);
            }
        }
        self.getitem_builtin(o, key)
    }

    /// obj[key] for the built-in containers.
    fn getitem_builtin(&mut self, o: &PyObj, key: &PyObj) -> VmResult<PyObj> {
        if let Some(l) = list::borrow(o) {
            let len = l.0.len();
            if let Some(i) = seq_index(key, len, "list index out of range")? {
                return Ok(l.0[i].clone());
            }
            if let Some(s) = key.get::<Slice>() {
                let (pos, _, _) = slice_positions(s, len)?;
                return Ok(list::new_exact(
                    pos.into_iter().map(|i| l.0[i].clone()).collect(),
                ));
            }
            return Err(bad_index("list", key));
        }
        if let Some(items) = tuple::items(o) {
            if let Some(i) = seq_index(key, items.len(), "tuple index out of range")? {
                return Ok(items[i].clone());
            }
            if let Some(s) = key.get::<Slice>() {
                let (pos, _, step) = slice_positions(s, items.len())?;
                if step == 1 && pos.len() == items.len() && !o.vtable().heap_type {
                    return Ok(o.clone());
                }
                return Ok(tuple::new(
                    pos.into_iter().map(|i| items[i].clone()).collect(),
                ));
            }
            return Err(bad_index("tuple", key));
        }
        if let Some(v) = string::view(o) {
            if let Some(i) = seq_index(key, v.len(), "string index out of range")? {
                return Ok(char_str(v.char_at(i)));
            }
            if let Some(s) = key.get::<Slice>() {
                let (start, stop, step) = slice_parts(s)?;
                let (start, _, n) = adjust_indices(v.len() as i64, start, stop, step);
                if step == 1 && n as usize == v.len() && !o.vtable().heap_type {
                    return Ok(o.clone());
                }
                let buf = v.slice(start, step, n.max(0) as usize);
                return string::from_buf(&buf).ok_or_else(exceptions::memory_error);
            }
            return Err(exceptions::type_error(format!(
                "string indices must be integers, not '{}'",
                typeobj::type_name(key)
            )));
        }
        if o.is_a::<dict::Dict>() {
            return match self.dict_get(o, key)? {
                Some(v) => Ok(v),
                None if o.vtable().heap_type && self.overrides(&o.type_obj(), "__missing__") => {
                    // dict_subscript: a subclass's __missing__ answers for absent keys.
                    let r = self.call_special(o, "__missing__", std::slice::from_ref(key))?;
                    Ok(r.unwrap_or_else(|| ctx().none.clone()))
                }
                None => Err(Exc(exceptions::new_exc(
                    crate::objects::ctx().exc_type("KeyError"),
                    vec![key.clone()],
                ))),
            };
        }
        if o.is_a::<Range>() {
            return self.range_getitem(o, key);
        }
        if let Some(f) = slots_of_type(&o.type_obj()).subscript.get() {
            return f(self, o, key);
        }
        if let Some(ty) = crate::heap::TypeRef::from_obj::<typeobj::TypeInfo>(o) {
            // A class's `__class_getitem__` (list[int], a class's own hook); type[x]
            // is special-cased, as in CPython, so that int[x] fails.
            if ty.is(&ctx().type_type) {
                return Ok(crate::objects::genericalias::new(o.clone(), key.clone()));
            }
            match self.getattr(o, &string::intern_str("__class_getitem__")) {
                Ok(f) => {
                    return self.call(
                        &f,
                        crate::objects::args::Args::positional(std::slice::from_ref(key)),
                    )
                }
                Err(e) if !exceptions::matches(&e.0, ctx().exc_type("AttributeError")) => {
                    return Err(e)
                }
                Err(_) => {}
            }
            return Err(exceptions::type_error(format!(
                "type '{}' is not subscriptable",
                typeobj::info(&ty).name
            )));
        }
        Err(exceptions::type_error(format!(
            "'{}' object is not subscriptable",
            typeobj::type_name(o)
        )))
    }

    fn range_getitem(&mut self, o: &PyObj, key: &PyObj) -> VmResult<PyObj> {
        let Some((start, step, n)) = range::parts(o) else {
            return Err(exceptions::named("OverflowError", "range too large"));
        };
        if let Some(i) = seq_index(key, n as usize, "range object index out of range")? {
            return Ok(int::new_i64(start + i as i64 * step));
        }
        if let Some(s) = key.get::<Slice>() {
            let (a, b, st) = slice_parts(s)?;
            let (a, _, len) = adjust_indices(n, a, b, st);
            let new_start = start + a * step;
            let new_step = step * st;
            return Ok(range::new(new_start, new_start + len * new_step, new_step));
        }
        Err(exceptions::type_error(format!(
            "range indices must be integers or slices, not {}",
            typeobj::type_name(key)
        )))
    }

    /// obj[key] = value.
    pub fn setitem(&mut self, o: &PyObj, key: &PyObj, value: PyObj) -> VmResult<()> {
        if self.dispatches(o, "__setitem__") {
            if self.item_special(o, key, Some(value), false)?.is_some() {
                return Ok(());
            }
            return Err(exceptions::type_error(format!(
                "'{}' object does not support item assignment",
                typeobj::type_name(o)
            )));
        }
        if o.is_a::<list::List>() {
            let len = list::borrow(o).ok_or_else(busy)?.0.len();
            if let Some(i) = seq_index(key, len, "list assignment index out of range")? {
                let old = std::mem::replace(&mut list::borrow_mut(o).ok_or_else(busy)?.0[i], value);
                drop(old);
                return Ok(());
            }
            if let Some(s) = key.get::<Slice>() {
                let items = self.collect_iter(&value)?;
                return self.list_assign_slice(o, s, Some(items));
            }
            return Err(bad_index("list", key));
        }
        if o.is_a::<dict::Dict>() {
            return self.dict_set(o, key.clone(), value);
        }
        if let Some(f) = slots_of_type(&o.type_obj()).ass_subscript.get() {
            return f(self, o, key, Some(value));
        }
        Err(exceptions::type_error(format!(
            "'{}' object does not support item assignment",
            typeobj::type_name(o)
        )))
    }

    /// del obj[key].
    pub fn delitem(&mut self, o: &PyObj, key: &PyObj) -> VmResult<()> {
        if self.dispatches(o, "__delitem__") {
            if self.item_special(o, key, None, true)?.is_some() {
                return Ok(());
            }
            return Err(exceptions::type_error(format!(
                "'{}' object doesn't support item deletion",
                typeobj::type_name(o)
            )));
        }
        if o.is_a::<list::List>() {
            let len = list::borrow(o).ok_or_else(busy)?.0.len();
            if let Some(i) = seq_index(key, len, "list assignment index out of range")? {
                let mut l = list::borrow_mut(o).ok_or_else(busy)?;
                let old = l.0.remove(i);
                let n = l.0.len();
                list::list_resize(&mut l.0, n)?;
                drop(l);
                drop(old);
                return Ok(());
            }
            if let Some(s) = key.get::<Slice>() {
                return self.list_assign_slice(o, s, None);
            }
            return Err(bad_index("list", key));
        }
        if o.is_a::<dict::Dict>() {
            return match self.dict_del(o, key)? {
                Some(_) => Ok(()),
                None => Err(Exc(exceptions::new_exc(
                    crate::objects::ctx().exc_type("KeyError"),
                    vec![key.clone()],
                ))),
            };
        }
        if let Some(f) = slots_of_type(&o.type_obj()).ass_subscript.get() {
            return f(self, o, key, None);
        }
        Err(exceptions::type_error(format!(
            "'{}' object doesn't support item deletion",
            typeobj::type_name(o)
        )))
    }

    /// `l[slice] = items` (or `del l[slice]` when `items` is None), as CPython's
    /// list_ass_slice / list_ass_subscript.
    fn list_assign_slice(
        &mut self,
        o: &PyObj,
        s: &Slice,
        items: Option<Vec<PyObj>>,
    ) -> VmResult<()> {
        let mut l = list::borrow_mut(o).ok_or_else(busy)?;
        let len = l.0.len();
        let (start, stop, step) = slice_parts(s)?;
        let (lo, hi, n) = adjust_indices(len as i64, start, stop, step);
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
}
