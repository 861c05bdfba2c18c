//! The set behaviour of dict_keys and dict_items views (CPython's dictviews_*):
//! `&`, `|`, `-`, `^` with any iterable on either side (the result is a set), rich
//! comparison with sets and other set-like views (their richcompare slot, set by
//! builtins/methods_dict.rs), and `isdisjoint`; and mappingproxy's `|`, its mapping's.

use crate::bytecode::opcode::{BinaryOp, CompareOp};
use crate::heap::PyObj;
use crate::objects::args::Args;
use crate::objects::dict::{self, DictView, MappingProxy};
use crate::objects::iter::DictIterKind;
use crate::objects::{ctx, set, string, tuple};

use super::super::Vm;
use crate::objects::exceptions::VmResult;

fn is_anyset(o: &PyObj) -> bool {
    o.is_a::<set::Set>()
}

fn view_parts(v: &PyObj) -> (PyObj, DictIterKind) {
    let dv = v.get::<DictView>().expect("a dict view");
    (dv.dict.clone(), dv.kind)
}

impl Vm {
    fn call_method(&mut self, o: &PyObj, name: &str, args: &[PyObj]) -> VmResult<PyObj> {
        let f = self.getattr(o, &string::intern_str(name))?;
        self.call(&f, Args::positional(args))
    }

    /// len() of a set or a view.
    fn size_of(&mut self, o: &PyObj) -> VmResult<usize> {
        self.len(o)
    }

    /// dictviews_to_set: a new set of the operand's items (a keys view of a dict: its
    /// dict, which set() takes whole).
    fn view_to_set(&mut self, o: &PyObj) -> VmResult<PyObj> {
        let src = match o.get::<DictView>() {
            Some(v) if v.kind == DictIterKind::Keys && !v.dict.vtable().heap_type => v.dict.clone(),
            _ => o.clone(),
        };
        let set_type = ctx().set_type.as_obj().clone();
        self.call(&set_type, Args::positional(&[src]))
    }

    /// `x in view` for a keys or items view (dictkeys_contains, dictitems_contains).
    fn view_has(&mut self, v: &PyObj, x: &PyObj) -> VmResult<bool> {
        let (d, kind) = view_parts(v);
        match kind {
            DictIterKind::Items => {
                let Some([k, val]) = tuple::items(x).and_then(|t| <&[PyObj; 2]>::try_from(t).ok())
                else {
                    return Ok(false);
                };
                match self.dict_get(&d, k)? {
                    Some(found) => Ok(found.is(val) || self.equal(&found, val)?),
                    None => Ok(false),
                }
            }
            _ => Ok(self.dict_get(&d, x)?.is_some()),
        }
    }

    /// `a op b` when one of them is a keys or items view: Some(the new set).
    pub(crate) fn dict_view_binary(
        &mut self,
        a: &PyObj,
        b: &PyObj,
        op: BinaryOp,
    ) -> VmResult<Option<PyObj>> {
        if let (Some(pa), Some(pb)) = (a.get::<MappingProxy>(), b.get::<MappingProxy>()) {
            if op == BinaryOp::Or {
                let (x, y) = (pa.mapping.clone(), pb.mapping.clone());
                return super::binary_op(self, &x, &y, op, false).map(Some);
            }
        }
        if op == BinaryOp::Or {
            // mappingproxy_or: the operation of the mappings.
            let unwrap = |o: &PyObj| match o.get::<MappingProxy>() {
                Some(p) => (p.mapping.clone(), true),
                None => (o.clone(), false),
            };
            let ((x, px), (y, py)) = (unwrap(a), unwrap(b));
            if px || py {
                return super::binary_op(self, &x, &y, op, false).map(Some);
            }
        }
        if !dict::is_set_view(a) && !dict::is_set_view(b) {
            return Ok(None);
        }
        let r = match op {
            BinaryOp::And => self.view_intersect(a, b)?,
            BinaryOp::Or => {
                let s = self.view_to_set(a)?;
                self.call_method(&s, "update", std::slice::from_ref(b))?;
                s
            }
            BinaryOp::Subtract => {
                let s = self.view_to_set(a)?;
                self.call_method(&s, "difference_update", std::slice::from_ref(b))?;
                s
            }
            BinaryOp::Xor => {
                let items = |o: &PyObj| {
                    o.get::<DictView>()
                        .is_some_and(|v| v.kind == DictIterKind::Items)
                };
                if items(a) && items(b) {
                    self.items_xor(a, b)?
                } else {
                    let s = self.view_to_set(a)?;
                    self.call_method(&s, "symmetric_difference_update", std::slice::from_ref(b))?;
                    s
                }
            }
            _ => return Ok(None),
        };
        Ok(Some(r))
    }

    /// _PyDictView_Intersect: iterate the smaller side, keep what the view holds.
    fn view_intersect(&mut self, a: &PyObj, b: &PyObj) -> VmResult<PyObj> {
        let (mut this, mut other) = if dict::is_set_view(a) {
            (a.clone(), b.clone())
        } else {
            (b.clone(), a.clone())
        };
        let len_self = self.size_of(&this)?;
        if other.is_type(&ctx().set_type) && len_self <= self.size_of(&other)? {
            return self.call_method(&other, "intersection", &[this]);
        }
        if dict::is_set_view(&other) && self.size_of(&other)? > len_self {
            std::mem::swap(&mut this, &mut other);
        }
        let result = set::new();
        let it = self.iter(&other)?;
        while let Some(x) = self.next(&it)? {
            if self.view_has(&this, &x)? {
                self.set_add(&result, x)?;
            }
        }
        Ok(result)
    }

    /// dictitems_xor: the items of one dict not equal in the other.
    fn items_xor(&mut self, a: &PyObj, b: &PyObj) -> VmResult<PyObj> {
        let (d1, _) = view_parts(a);
        let (d2, _) = view_parts(b);
        let temp = self.dict_copy(&d1)?;
        let result = set::new();
        for (k, v2) in dict::items(&d2).unwrap_or_default() {
            let delete = match self.dict_get(&temp, &k)? {
                Some(v1) => v1.is(&v2) || self.equal(&v1, &v2)?,
                None => false,
            };
            if delete {
                self.dict_del(&temp, &k)?;
            } else {
                self.set_add(&result, tuple::pair(k, v2))?;
            }
        }
        for (k, v) in dict::items(&temp).unwrap_or_default() {
            self.set_add(&result, tuple::pair(k, v))?;
        }
        Ok(result)
    }

    /// dictview_richcompare of the keys or items view `v` with `other`: None
    /// (NotImplemented) unless `other` is a set or a set-like view.
    pub(crate) fn dict_view_richcompare(
        &mut self,
        v: &PyObj,
        other: &PyObj,
        op: CompareOp,
    ) -> VmResult<Option<bool>> {
        if !dict::is_set_view(v) || !(is_anyset(other) || dict::is_set_view(other)) {
            return Ok(None);
        }
        let (ls, lo) = (self.size_of(v)?, self.size_of(other)?);
        let r = match op {
            CompareOp::Eq => ls == lo && self.all_contained_in(v, other)?,
            CompareOp::Ne => !(ls == lo && self.all_contained_in(v, other)?),
            CompareOp::Lt => ls < lo && self.all_contained_in(v, other)?,
            CompareOp::Le => ls <= lo && self.all_contained_in(v, other)?,
            CompareOp::Gt => ls > lo && self.all_contained_in(other, v)?,
            CompareOp::Ge => ls >= lo && self.all_contained_in(other, v)?,
        };
        Ok(Some(r))
    }

    fn all_contained_in(&mut self, a: &PyObj, b: &PyObj) -> VmResult<bool> {
        let it = self.iter(a)?;
        while let Some(x) = self.next(&it)? {
            if !self.contains(b, &x)? {
                return Ok(false);
            }
        }
        Ok(true)
    }

    /// view.isdisjoint(other) (dictviews_isdisjoint): iterate the smaller side when
    /// the other is set-like.
    pub fn dict_view_isdisjoint(&mut self, v: &PyObj, other: &PyObj) -> VmResult<bool> {
        if v.is(other) {
            return Ok(self.size_of(v)? == 0);
        }
        let (mut this, mut other) = (v.clone(), other.clone());
        if is_anyset(&other) || dict::is_set_view(&other) {
            let (ls, lo) = (self.size_of(&this)?, self.size_of(&other)?);
            if lo > ls {
                std::mem::swap(&mut this, &mut other);
            }
        }
        let it = self.iter(&other)?;
        while let Some(x) = self.next(&it)? {
            if self.contains(&this, &x)? {
                return Ok(false);
            }
        }
        Ok(true)
    }
}
