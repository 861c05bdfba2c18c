//! Classes: `__build_class__`, type(name, bases, dict) (CPython's type_new: the C3
//! MRO, the instance layout with its `__slots__`, `__dict__` and `__weakref__` words,
//! `__set_name__`, `__init_subclass__`), calling a class (`__new__` then `__init__`),
//! and object.__new__ / object.__init__ with CPython's excess-argument rules.

use std::borrow::Cow;
use std::cell::RefCell;

use crate::heap::{Payload, PyObj, TypeRef, Vtable};
use crate::objects::code::Code;
use crate::objects::descr::{Descr, DescrKind, Instance, Wrapper};
use crate::objects::exception::ExcObj;
use crate::objects::function::Function;
use crate::objects::typeobj::{self, HeapType, TypeInfo};
use crate::objects::{cell, ctx, dict, string, tuple};

use super::call::ArgVec;
use super::Vm;
use crate::objects::args::Args;
use crate::objects::exceptions;
use crate::objects::exceptions::{Exc, VmResult};

fn type_error(msg: impl Into<String>) -> crate::objects::exceptions::Exc {
    exceptions::type_error(msg.into())
}

fn name_of(ty: &TypeRef) -> String {
    typeobj::info(ty).name.to_string()
}

/// CPython's _Py_Mangle: `__x` inside class `A` is `_A__x`.
pub fn mangle(class: &str, name: &str) -> String {
    if !name.starts_with("__") || name.ends_with("__") || name.contains('.') {
        return name.to_string();
    }
    let c = class.trim_start_matches('_');
    if c.is_empty() {
        return name.to_string();
    }
    format!("_{c}{name}")
}

thread_local! {
    /// Built-in types of the library's modules that classes may extend (deque,
    /// _random.Random), registered by the modules when their types are made.
    static EXTENDABLE: std::cell::RefCell<Vec<TypeRef>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Let classes extend the built-in type `ty` (its payload is made by its `__new__`).
pub fn allow_subclassing(ty: &TypeRef) {
    EXTENDABLE.with(|e| e.borrow_mut().push(ty.clone()));
}

/// The payload kinds a class may extend: object's, an exception's, and those of
/// int, float, str, tuple, list, dict, set and frozenset (and of their subclasses).
fn extendable(ty: &TypeRef) -> Result<(), String> {
    let registered = EXTENDABLE.with(|e| e.borrow().iter().any(|b| typeobj::is_subtype(ty, b)));
    if registered {
        return Ok(());
    }
    let c = ctx();
    let name = name_of(ty);
    let vt = ty.instance_vtable();
    let builtin_bases = [
        &c.int_type,
        &c.float_type,
        &c.str_type,
        &c.tuple_type,
        &c.list_type,
        &c.dict_type,
        &c.set_type,
        &c.frozenset_type,
        &c.bytes_type,
        &c.bytearray_type,
        &c.complex_type,
        &c.array_type,
    ];
    let ok = ty.is(&c.object_type)
        || typeobj::is_subtype(ty, &c.type_type)
        || vt.type_id() == Instance::VTABLE.type_id()
        || vt.type_id() == ExcObj::VTABLE.type_id()
        || (!ty.is(&c.bool_type) && builtin_bases.iter().any(|b| typeobj::is_subtype(ty, b)));
    if ok {
        return Ok(());
    }
    let final_types = [
        "bool",
        "NoneType",
        "NotImplementedType",
        "ellipsis",
        "range",
        "slice",
        "function",
        "method",
        "builtin_function_or_method",
        "code",
        "cell",
        "memoryview",
    ];
    if final_types.contains(&name.as_str()) {
        return Err(format!("type '{name}' is not an acceptable base type"));
    }
    Err(format!(
        "subclassing '{name}' is not supported by glasspy yet"
    ))
}

/// The base whose layout a class extends (CPython's solid_base), found by walking
/// `__base__` (a loop: class hierarchies can be as deep as a program makes them).
/// The base whose instance layout wins (CPython's best_base): `__base__`.
pub(crate) fn best_base(bases: &[TypeRef]) -> Result<TypeRef, &'static str> {
    let mut best: Option<(TypeRef, TypeRef)> = None;
    for b in bases {
        let s = solid_base(b);
        best = match best {
            None => Some((b.clone(), s)),
            Some((bb, bs)) => {
                if typeobj::is_subtype(&bs, &s) {
                    Some((bb, bs))
                } else if typeobj::is_subtype(&s, &bs) {
                    Some((b.clone(), s))
                } else {
                    return Err("multiple bases have instance lay-out conflict");
                }
            }
        };
    }
    best.map(|(b, _)| b).ok_or("at least one base")
}

fn solid_base(ty: &TypeRef) -> TypeRef {
    let mut cur = ty.clone();
    loop {
        let i = typeobj::info(&cur);
        let next = match &i.heap {
            Some(h) if !h.slot_names.is_empty() => None,
            Some(_) => Some(i.base().cloned().expect("classes have a base")),
            // A built-in type adds nothing to a base with the same payload (ValueError's
            // layout is BaseException's).
            None => i
                .base()
                .cloned()
                .filter(|b| b.instance_vtable().type_id() == cur.instance_vtable().type_id()),
        };
        match next {
            Some(b) => cur = b,
            None => return cur,
        }
    }
}

/// C3 linearisation of `bases` (each an MRO tuple's types), CPython's mro_implementation.
fn c3(bases: &[TypeRef]) -> Result<Vec<TypeRef>, String> {
    let mut seqs: Vec<Vec<TypeRef>> = bases
        .iter()
        .map(|b| {
            let m = typeobj::mro(b);
            typeobj::mro_types(&m).collect()
        })
        .collect();
    seqs.push(bases.to_vec());
    let mut out = Vec::new();
    let mut heads = vec![0usize; seqs.len()];
    loop {
        let mut empty = true;
        let mut chosen = None;
        'cand: for (i, s) in seqs.iter().enumerate() {
            if heads[i] >= s.len() {
                continue;
            }
            empty = false;
            let cand = &s[heads[i]];
            for (j, t) in seqs.iter().enumerate() {
                if t[heads[j].min(t.len())..]
                    .iter()
                    .skip(1)
                    .any(|x| x.is(cand))
                {
                    continue 'cand;
                }
            }
            chosen = Some(cand.clone());
            break;
        }
        if empty {
            return Ok(out);
        }
        let Some(c) = chosen else {
            // The message lists the bases still in the way, as CPython's
            // set_mro_error does (in order, no duplicates).
            let mut names: Vec<String> = Vec::new();
            for (i, s) in seqs.iter().enumerate().take(seqs.len() - 1) {
                if heads[i] < s.len() {
                    let n = name_of(&s[heads[i]]);
                    if !names.contains(&n) {
                        names.push(n);
                    }
                }
            }
            return Err(format!(
                "Cannot create a consistent method resolution\norder (MRO) for bases {}",
                names.join(", ")
            ));
        };
        for (i, s) in seqs.iter().enumerate() {
            if heads[i] < s.len() && s[heads[i]].is(&c) {
                heads[i] += 1;
            }
        }
        out.push(c);
    }
}

/// Does instances of `ty` carry a `__dict__` (a managed one, or an exception's own)?
fn has_dict(ty: &TypeRef) -> bool {
    match &typeobj::info(ty).heap {
        Some(h) => h.has_dict,
        // A type's `__dict__` is its own (tp_dict), as an exception's is.
        None => ty.instance_vtable().type_id() == ExcObj::VTABLE.type_id() || is_type_payload(ty),
    }
}

/// Are instances of `ty` type objects (`ty` is type or a subclass)?
fn is_type_payload(ty: &TypeRef) -> bool {
    ty.instance_vtable().type_id() == ctx().type_type.instance_vtable().type_id()
}

fn has_weakref(ty: &TypeRef) -> bool {
    match &typeobj::info(ty).heap {
        Some(h) => h.has_weakref,
        // set and frozenset have their own weakreflist (it is in their 200 bytes).
        None => {
            ty.instance_vtable().type_id() == crate::objects::set::Set::VTABLE.type_id()
                || is_type_payload(ty)
        }
    }
}

/// The `__slots__` names of a class body (str or an iterable of str), mangled.
fn slot_names(vm: &mut Vm, slots: &PyObj, class: &str) -> VmResult<Vec<String>> {
    let items = if string::view(slots).is_some() {
        vec![slots.clone()]
    } else {
        vm.collect_iter(slots)?
    };
    let mut out = Vec::new();
    for it in items {
        let Some(s) = string::as_str(&it) else {
            return Err(type_error(format!(
                "__slots__ items must be strings, not '{}'",
                typeobj::type_name(&it)
            )));
        };
        let valid = s
            .chars()
            .next()
            .is_some_and(|c| c == '_' || c.is_alphabetic())
            && s.chars().all(|c| c == '_' || c.is_alphanumeric());
        if !valid {
            return Err(type_error("__slots__ must be identifiers"));
        }
        out.push(mangle(class, &s));
    }
    Ok(out)
}

impl Vm {
    /// `C.__bases__ = (...)`: new bases with the same instance layout, and the MRO
    /// computed again (`__base__` stays what the class was made with).
    pub(crate) fn set_bases(&mut self, ty: &TypeRef, value: PyObj) -> VmResult<()> {
        let name = name_of(ty);
        let Some(items) = tuple::items(&value).filter(|_| value.is_a::<tuple::Tuple>()) else {
            return Err(type_error(format!(
                "can only assign tuple to {name}.__bases__, not {}",
                typeobj::type_name(&value)
            )));
        };
        if items.is_empty() {
            return Err(type_error(format!(
                "can only assign non-empty tuple to {name}.__bases__, not ()"
            )));
        }
        let mut bases = Vec::with_capacity(items.len());
        for b in items {
            let Some(t) = TypeRef::from_obj::<TypeInfo>(b) else {
                return Err(type_error(format!(
                    "{name}.__bases__ must be tuple of classes, not '{}'",
                    typeobj::type_name(b)
                )));
            };
            if typeobj::is_subtype(&t, ty) {
                return Err(type_error("a __bases__ item causes an inheritance cycle"));
            }
            bases.push(t);
        }
        let old = typeobj::info(ty)
            .base()
            .cloned()
            .expect("classes have a base");
        if !solid_base(&bases[0]).is(&solid_base(&old)) {
            return Err(type_error(format!(
                "__bases__ assignment: '{}' object layout differs from '{}'",
                name_of(&bases[0]),
                name_of(&old)
            )));
        }
        let old_bases: Vec<TypeRef> = match &typeobj::info(ty).heap {
            Some(h) => h
                .bases
                .borrow()
                .as_ref()
                .and_then(tuple::items)
                .unwrap_or(&[])
                .iter()
                .filter_map(TypeRef::from_obj::<TypeInfo>)
                .collect(),
            None => Vec::new(),
        };
        if let Some(h) = &typeobj::info(ty).heap {
            *h.bases.borrow_mut() = Some(value.clone());
        }
        // The class's MRO and those of every class below it (CPython's
        // mro_hierarchy); on an error the old bases and MROs come back.
        match self.mro_hierarchy(ty) {
            Ok(()) => {}
            Err((e, saved)) => {
                for (t, m) in saved {
                    let old_mro = typeobj::info(&t).mro.borrow_mut().replace(m);
                    drop(old_mro);
                }
                if let Some(h) = &typeobj::info(ty).heap {
                    let bt = tuple::new(old_bases.iter().map(|t| t.as_obj().clone()).collect());
                    *h.bases.borrow_mut() = Some(bt);
                }
                crate::objects::dicttable::bump_type_epoch();
                return Err(e);
            }
        }
        for b in &old_bases {
            typeobj::subclasses::remove_subclass(b, ty);
        }
        for b in &bases {
            typeobj::subclasses::add_subclass(b, ty);
        }
        crate::objects::dicttable::bump_type_epoch();
        typeobj::slotdefs::bump_slot_epoch();
        Ok(())
    }

    /// Compute the MRO of `ty` again (its metaclass's `mro()`), then of its
    /// subclasses, theirs, ... with a work list. On an error, the exception and the
    /// (type, old MRO) pairs already replaced.
    #[allow(clippy::type_complexity)]
    fn mro_hierarchy(&mut self, ty: &TypeRef) -> Result<(), (Exc, Vec<(TypeRef, PyObj)>)> {
        let mut saved: Vec<(TypeRef, PyObj)> = Vec::new();
        let mut work = vec![ty.clone()];
        while let Some(t) = work.pop() {
            let m = match self.default_mro(&t) {
                Ok(m) => m,
                Err(e) => return Err((e, saved)),
            };
            let mro = tuple::new(m.iter().map(|t| t.as_obj().clone()).collect());
            if let Some(old) = typeobj::info(&t).mro.borrow_mut().replace(mro) {
                saved.push((t.clone(), old));
            }
            let meta = t.as_obj().type_obj();
            if !meta.is(&ctx().type_type) {
                if let Err(e) = self.custom_mro(&t, &meta) {
                    return Err((e, saved));
                }
            }
            // Subclasses are pushed in reverse so they are done oldest first.
            let subs = typeobj::subclasses::subclasses(&t);
            work.extend(subs.into_iter().rev());
        }
        Ok(())
    }

    /// The MRO type.mro() computes: the class, then the C3 merge of its bases' MROs
    /// (a built-in type: its base chain).
    pub(crate) fn default_mro(&mut self, ty: &TypeRef) -> VmResult<Vec<TypeRef>> {
        let Some(h) = &typeobj::info(ty).heap else {
            return Ok(typeobj::base_chain(ty).collect());
        };
        let bases: Vec<TypeRef> = h
            .bases
            .borrow()
            .as_ref()
            .and_then(tuple::items)
            .unwrap_or(&[])
            .iter()
            .filter_map(TypeRef::from_obj::<TypeInfo>)
            .collect();
        let mut m = vec![ty.clone()];
        m.extend(c3(&bases).map_err(type_error)?);
        Ok(m)
    }

    /// Run a class body function with `ns` as its local namespace.
    pub(super) fn run_class_body(&mut self, func: &PyObj, ns: &PyObj) -> VmResult<PyObj> {
        self.push_function_frame(func, Args::positional(&[]))?;
        let f = self.frames.last_mut().expect("frame");
        f.locals = Some(ns.clone());
        f.entry = true;
        self.run_frame()
    }

    /// type() takes classes only: a base with `__mro_entries__` is an error (the
    /// class statement and types.new_class resolve them).
    pub(crate) fn refuse_mro_entries(&mut self, base_objs: &[PyObj]) -> VmResult<()> {
        for b in base_objs {
            if TypeRef::from_obj::<TypeInfo>(b).is_none()
                && self
                    .getattr(b, &string::intern_str("__mro_entries__"))
                    .is_ok()
            {
                return Err(type_error(
                    "type() doesn't support MRO entry resolution; use types.new_class()",
                ));
            }
        }
        Ok(())
    }

    /// type.__new__(meta, name, bases, dict): make a class whose type is the most
    /// derived of `meta` and its bases' metaclasses.
    pub fn type_new(
        &mut self,
        meta: &TypeRef,
        name: &PyObj,
        base_objs: &[PyObj],
        ns: &PyObj,
        kwds: &[(PyObj, PyObj)],
    ) -> VmResult<TypeRef> {
        let c = ctx();
        let cname = string::as_str(name).unwrap_or_default().into_owned();
        if cname.contains('\0') {
            return Err(exceptions::value_error(
                "type name must not contain null characters",
            ));
        }
        self.refuse_mro_entries(base_objs)?;
        let winner = self.calculate_metaclass(meta, base_objs)?;
        let meta = &winner;
        let mut bases: Vec<TypeRef> = Vec::with_capacity(base_objs.len());
        for b in base_objs {
            match TypeRef::from_obj::<TypeInfo>(b) {
                Some(t) => bases.push(t),
                None => {
                    return Err(type_error(format!(
                        "bases must be types, not {}",
                        typeobj::type_name(b)
                    )))
                }
            }
        }
        for (i, b) in bases.iter().enumerate() {
            if bases[..i].iter().any(|x| x.is(b)) {
                return Err(type_error(format!("duplicate base class {}", name_of(b))));
            }
        }
        if bases.is_empty() {
            bases.push(c.object_type.clone());
        }
        for b in &bases {
            extendable(b).map_err(type_error)?;
        }
        let base = best_base(&bases).map_err(type_error)?;
        let mro = c3(&bases).map_err(type_error)?;

        // The namespace becomes the class dict (a copy, as CPython's).
        let d = self.dict_copy(ns)?;
        let qualname = match self.dict_get_str(&d, "__qualname__") {
            Some(q) => {
                if string::view(&q).is_none() {
                    return Err(type_error(format!(
                        "type __qualname__ must be a str, not {}",
                        typeobj::type_name(&q)
                    )));
                }
                self.dict_delete_name(&d, &string::intern_str("__qualname__"))?;
                q
            }
            None => name.clone(),
        };
        if self.dict_get_str(&d, "__module__").is_none() {
            let module = (!self.frames.is_empty())
                .then(|| self.frame_globals(self.frames.len() - 1))
                .and_then(|g| self.dict_get_str(&g, "__name__"));
            if let Some(m) = module {
                self.dict_set(&d, string::intern_str("__module__"), m)?;
            }
        }

        // __slots__ and the instance layout.
        let base_vt = base.instance_vtable();
        let payload_vt: &'static Vtable = match &typeobj::info(&base).heap {
            Some(h) => h.payload_vt,
            None if base.is(&c.object_type) => Instance::VTABLE,
            None => base_vt,
        };
        let base_dict = bases.iter().any(has_dict);
        let base_weak = bases.iter().any(has_weakref);
        // Var-sized payloads (int, str, tuple here) take no words after their items:
        // no `__weakref__` word (CPython adds none for int and tuple either) and no
        // `__slots__` values; the `__dict__` goes in the pre-header.
        // (A type object is var-sized in CPython: its subclasses take no slots either.)
        let var = base_vt.is_var() || is_type_payload(&base);
        let (mut add_dict, mut add_weak) = (!base_dict, !base_weak && !var);
        let mut slots: Vec<String> = Vec::new();
        if let Some(s) = self.dict_get_str(&d, "__slots__") {
            add_dict = false;
            add_weak = false;
            let names = slot_names(self, &s, &cname)?;
            if var && !names.is_empty() {
                let by = if base.is(&c.str_type) || typeobj::is_subtype(&base, &c.str_type) {
                    " by glasspy"
                } else {
                    ""
                };
                return Err(type_error(format!(
                    "nonempty __slots__ not supported for subtype of '{}'{by}",
                    name_of(&base)
                )));
            }
            for n in names {
                match n.as_str() {
                    "__dict__" => {
                        if base_dict || add_dict {
                            return Err(type_error("__dict__ slot disallowed: we already got one"));
                        }
                        add_dict = true;
                    }
                    "__weakref__" => {
                        if base_weak || add_weak {
                            return Err(type_error(
                                "__weakref__ slot disallowed: either we already got one, or __itemsize__ != 0",
                            ));
                        }
                        add_weak = true;
                    }
                    _ => {
                        if self.dict_get_str(&d, &n).is_some() {
                            return Err(exceptions::value_error(format!(
                                "'{n}' in __slots__ conflicts with class variable"
                            )));
                        }
                        slots.push(n)
                    }
                }
            }
            slots.sort();
            slots.dedup();
        }
        let base_words = base_vt.n_words;
        let add_dict = add_dict && !base_dict;
        let is_exc = payload_vt.type_id() == ExcObj::VTABLE.type_id() || is_type_payload(&base);
        let pre_words = if !is_exc && (base_dict || add_dict) {
            2
        } else {
            0
        };
        let n_words = base_words + slots.len() + usize::from(add_weak);
        let finalize = base_vt.finalize || self.dict_get_str(&d, "__del__").is_some();
        let vt = Vtable::derived(payload_vt, pre_words, n_words, finalize);

        // Wrap __new__ (a staticmethod) and __init_subclass__ (a classmethod).
        for (n, as_class) in [
            ("__new__", false),
            ("__init_subclass__", true),
            ("__class_getitem__", true),
        ] {
            if let Some(f) = self.dict_get_str(&d, n) {
                if f.is_a::<Function>() {
                    let ty = if as_class {
                        &c.classmethod_type
                    } else {
                        &c.staticmethod_type
                    };
                    let w = PyObj::new(
                        ty,
                        Wrapper {
                            callable: f,
                            dict: None,
                        },
                    );
                    self.dict_set(&d, string::intern_str(n), w)?;
                }
            }
        }
        // A class that defines __eq__ but not __hash__ is unhashable (the entry is
        // made after the descriptors below, where CPython's type_ready puts it).
        let unhashable = self.dict_get_str(&d, "__eq__").is_some()
            && self.dict_get_str(&d, "__hash__").is_none();

        let mut info = TypeInfo::new(Cow::Owned(cname.clone()), Some(base.clone()));
        *info.dict.get_mut() = Some(d.clone());
        info.heap = Some(Box::new(HeapType {
            qualname: RefCell::new(qualname),
            bases: RefCell::new(Some(tuple::new(
                bases.iter().map(|b| b.as_obj().clone()).collect(),
            ))),
            payload_vt,
            has_dict: base_dict || add_dict,
            has_weakref: base_weak || add_weak,
            slot_names: slots.iter().map(|s| string::intern_str(s)).collect(),
            // ht_cached_keys, for instances with a managed __dict__.
            cached_keys: if pre_words == 2 {
                crate::objects::dicttable::new_class_keys()
            } else {
                None
            },
            new_slot: std::cell::Cell::new(self.dict_get_str(&d, "__new__").is_some()),
        }));
        let cls = TypeRef::with_vtable(meta, vt, info);
        let mut full = vec![cls.as_obj().clone()];
        full.extend(mro.iter().map(|t| t.as_obj().clone()));
        *typeobj::info(&cls).mro.borrow_mut() = Some(tuple::new(full));
        if !meta.is(&c.type_type) {
            self.custom_mro(&cls, meta)?;
        }
        for b in &bases {
            typeobj::subclasses::add_subclass(b, &cls);
        }

        // Descriptors for the words this class added.
        // Members (the `__slots__` words) first, then the getsets, as type_ready
        // fills a dict; `__doc__` and `__hash__ = None` after them.
        let mut descrs: Vec<(String, DescrKind)> = Vec::new();
        for (i, s) in slots.iter().enumerate() {
            descrs.push((s.clone(), DescrKind::Slot(base_words + i)));
        }
        if add_dict {
            descrs.push(("__dict__".into(), DescrKind::Dict));
        }
        if add_weak {
            descrs.push(("__weakref__".into(), DescrKind::Weakref));
        }
        for (n, kind) in descrs {
            let ty = match kind {
                DescrKind::Slot(_) => &c.member_descriptor_type,
                _ => &c.getset_descriptor_type,
            };
            let key = string::intern_str(&n);
            let descr = PyObj::new(
                ty,
                Descr {
                    owner: cls.clone(),
                    name: key.clone(),
                    qualname: None,
                    kind,
                },
            );
            self.dict_set(&d, key, descr)?;
        }
        if self.dict_get_str(&d, "__doc__").is_none() {
            self.dict_set(&d, string::intern_str("__doc__"), c.none.clone())?;
        }
        if unhashable {
            self.dict_set(&d, string::intern_str("__hash__"), c.none.clone())?;
        }

        // __set_name__ of the class attributes, then the parent's __init_subclass__.
        // An error in one is wrapped in a RuntimeError naming it (3.11's message).
        for (k, v) in dict::items(&d).unwrap_or_default() {
            if v.vtable().heap_type || v.is_a::<crate::objects::descr::Property>() {
                let args = [cls.as_obj().clone(), k.clone()];
                if let Err(e) = self.call_special(&v, "__set_name__", &args) {
                    let key = self.repr(&k)?;
                    let wrapped = exceptions::named(
                        "RuntimeError",
                        format!(
                            "Error calling __set_name__ on '{}' instance {key} in '{cname}'",
                            typeobj::type_name(&v)
                        ),
                    );
                    exceptions::set_context(&wrapped.0, e.0.clone());
                    exceptions::set_cause(&wrapped.0, Some(e.0));
                    return Err(wrapped);
                }
            }
        }
        self.init_subclass(&cls, kwds)?;
        Ok(cls)
    }

    /// super(cls, cls).__init_subclass__(**kwds).
    fn init_subclass(&mut self, cls: &TypeRef, kwds: &[(PyObj, PyObj)]) -> VmResult<()> {
        let key = string::intern_str("__init_subclass__");
        let m = typeobj::mro(cls);
        let mut found = None;
        for t in typeobj::mro_types(&m).skip(1) {
            let d = typeobj::type_dict(&t);
            if let Some(v) = self.dict_get(&d, &key)? {
                found = Some(v);
                break;
            }
        }
        match found {
            Some(w) if w.is_a::<Wrapper>() => {
                let f = w.get::<Wrapper>().expect("wrapper").callable.clone();
                let mut all: ArgVec = ArgVec::new();
                all.push(cls.as_obj().clone());
                let mut names = Vec::new();
                for (k, v) in kwds {
                    all.push(v.clone());
                    names.push(k.clone());
                }
                self.call(
                    &f,
                    Args {
                        all: &all,
                        kwnames: &names,
                    },
                )?;
                Ok(())
            }
            _ if !kwds.is_empty() => Err(type_error(format!(
                "{}.__init_subclass__() takes no keyword arguments",
                name_of(cls)
            ))),
            _ => Ok(()),
        }
    }

    /// Calling a class: `__new__(cls, *args)`, then `__init__(obj, *args)` when the
    /// result is an instance of the class (CPython's type_call).
    pub(crate) fn call_class(&mut self, cls: &TypeRef, args: Args<'_>) -> VmResult<PyObj> {
        // Static names through the type cache: no interning on this path.
        let new = self.type_lookup_static(cls, "__new__")?;
        let all: ArgVec = std::iter::once(cls.as_obj().clone())
            .chain(args.all.iter().cloned())
            .collect();
        let obj = match new {
            Some(n) => {
                let f = match n.get::<Wrapper>() {
                    Some(w) => w.callable.clone(),
                    None => n,
                };
                self.call(
                    &f,
                    Args {
                        all: &all,
                        kwnames: args.kwnames,
                    },
                )?
            }
            None => {
                return Err(type_error(format!(
                    "cannot create '{}' instances",
                    name_of(cls)
                )))
            }
        };
        if !typeobj::is_subtype(&obj.type_obj(), cls) {
            return Ok(obj);
        }
        let oty = obj.type_obj();
        if let Some(init) = self.type_lookup_static(&oty, "__init__")? {
            let all: ArgVec = std::iter::once(obj.clone())
                .chain(args.all.iter().cloned())
                .collect();
            let r = self.call(
                &init,
                Args {
                    all: &all,
                    kwnames: args.kwnames,
                },
            )?;
            if !r.is(&ctx().none) {
                return Err(type_error(format!(
                    "__init__() should return None, not '{}'",
                    typeobj::type_name(&r)
                )));
            }
        }
        // (object defines __init__, which checks excess arguments itself.)
        Ok(obj)
    }

    /// object.__new__(cls, *args) for a class.
    pub(crate) fn object_new(&mut self, cls: &TypeRef, nargs: usize) -> VmResult<PyObj> {
        if nargs > 0 {
            if typeobj::has_new_slot(cls) {
                return Err(type_error(
                    "object.__new__() takes exactly one argument (the type to instantiate)",
                ));
            }
            let object_init = crate::objects::object::init as *const () as usize;
            if typeobj::slotdefs::slots_of_type(cls)
                .init
                .get()
                .is_some_and(|f| f as usize == object_init)
            {
                return Err(type_error(format!("{}() takes no arguments", name_of(cls))));
            }
        }
        if cls.instance_vtable().type_id() != Instance::VTABLE.type_id() {
            // CPython names the first class up the base chain whose __new__ is not
            // a Python function of its own.
            let mut safe = cls.clone();
            while typeobj::is_heap_type(&safe) {
                let d = typeobj::type_dict(&safe);
                if self.dict_get_str(&d, "__new__").is_none() {
                    break;
                }
                match typeobj::info(&safe).base().cloned() {
                    Some(b) => safe = b,
                    None => break,
                }
            }
            return Err(type_error(format!(
                "object.__new__({}) is not safe, use {}.__new__()",
                name_of(cls),
                name_of(&safe)
            )));
        }
        self.check_not_abstract(cls)?;
        let o = PyObj::new_instance(cls, Instance);
        Self::init_values_of(&o, cls);
        Ok(o)
    }

    /// CPython's Py_TPFLAGS_IS_ABSTRACT test in object_new: a true
    /// `__abstractmethods__` in the class's own dict forbids instances.
    fn check_not_abstract(&mut self, cls: &TypeRef) -> VmResult<()> {
        if !typeobj::is_heap_type(cls) {
            return Ok(());
        }
        // Nowhere along the MRO (the cached common case): nothing to check.
        if self
            .type_lookup_static(cls, "__abstractmethods__")?
            .is_none()
        {
            return Ok(());
        }
        let d = typeobj::type_dict(cls);
        let Some(am) = self.dict_get_str(&d, "__abstractmethods__") else {
            return Ok(());
        };
        if !self.truthy(&am)? {
            return Ok(());
        }
        // sorted(), then ", ".join(): the names are strs (join's error otherwise).
        let items = self.collect_iter(&am)?;
        let mut names = Vec::with_capacity(items.len());
        for (i, it) in items.iter().enumerate() {
            match string::as_str(it) {
                Some(s) => names.push(s.to_string()),
                None => {
                    return Err(type_error(format!(
                        "sequence item {i}: expected str instance, {} found",
                        typeobj::type_name(it)
                    )))
                }
            }
        }
        names.sort_by(|a, b| a.chars().cmp(b.chars()));
        Err(type_error(format!(
            "Can't instantiate abstract class {} with abstract method{} {}",
            name_of(cls),
            if names.len() > 1 { "s" } else { "" },
            names.join(", ")
        )))
    }

    /// Run the `__del__` of every object whose finalizer is due (their count reached 0,
    /// or an automatic collection found them unreachable).
    pub fn run_finalizers(&mut self) {
        loop {
            if crate::heap::finalizers_pending() {
                for o in crate::heap::take_finalizers() {
                    self.finalize(o);
                }
            } else if crate::objects::generator::close_pending() {
                self.run_pending_closes();
            } else {
                break;
            }
        }
    }

    /// The automatic collection the heap left to the interpreter (PENDING_COLLECT):
    /// the gc module's hook runs it with its callbacks; without one it just runs.
    pub(crate) fn run_automatic_collection(&mut self) {
        if let Some(run) = self.auto_collect {
            run(self);
        } else if let Some(generation) = crate::heap::take_due_collection() {
            crate::heap::collect_with(generation, &mut |o| self.finalize(o));
            self.run_finalizers();
        }
    }

    /// Call `o.__del__()`; an exception it raises is printed and ignored, as CPython's
    /// PyErr_WriteUnraisable does.
    pub fn finalize(&mut self, o: PyObj) {
        if let Some(w) = o.get::<crate::heap::WeakRef>() {
            // A weak reference whose referent died: its callback (handle_callback).
            if let Some(cb) = w.take_callback() {
                self.unraisable_call(&cb, &o);
            }
            return;
        }
        let ty = o.type_obj();
        let key = string::intern_str("__del__");
        let Ok(Some(f)) = self.type_lookup(&ty, &key) else {
            return;
        };
        let saved = self.handled.take();
        let r = self.call(&f, Args::positional(std::slice::from_ref(&o)));
        self.handled = saved;
        if let Err(e) = r {
            self.flush();
            let what = self.repr(&f).unwrap_or_default();
            let text = self.format_exception(&e.0);
            eprint!("Exception ignored in: {what}\n{text}");
        }
        drop(o);
    }

    /// The functions registered with `atexit` (if it was imported), last first.
    fn run_atexit(&mut self) {
        let key = string::intern_str("atexit");
        let modules = self.modules.clone();
        let Some(m) = self.dict_get(&modules, &key).ok().flatten() else {
            return;
        };
        if let Ok(f) = self.getattr(&m, &string::intern_str("_run_exitfuncs")) {
            let _ = self.call(&f, Args::positional(&[]));
        }
        self.run_finalizers();
    }

    /// Call `f(arg)`; an exception is printed and ignored (PyErr_WriteUnraisable).
    pub fn unraisable_call(&mut self, f: &PyObj, arg: &PyObj) {
        let saved = self.handled.take();
        let r = self.call(f, Args::positional(std::slice::from_ref(arg)));
        self.handled = saved;
        if let Err(e) = r {
            self.flush();
            let what = self.repr(f).unwrap_or_default();
            let text = self.format_exception(&e.0);
            eprint!("Exception ignored in: {what}\n{text}");
        }
    }

    /// Interpreter shutdown for `__main__` (CPython's _PyModule_ClearDict): names
    /// starting with one underscore become None first, then the others, so objects
    /// die (and their `__del__` run) in that order; then the cycles are collected.
    pub fn clear_main(&mut self, globals: &PyObj) {
        self.run_atexit();
        let items = dict::items(globals).unwrap_or_default();
        let none = ctx().none.clone();
        for pass in 0..2 {
            for (k, _) in &items {
                let Some(n) = string::as_str(k) else { continue };
                let under = n.starts_with('_') && !n.starts_with("__");
                if n == "__builtins__" || (pass == 0) != under {
                    continue;
                }
                let _ = self.dict_set(globals, k.clone(), none.clone());
                self.run_finalizers();
            }
        }
        drop(items);
        self.run_finalizers();
        crate::heap::collect_with(2, &mut |o| self.finalize(o));
        self.run_finalizers();
    }

    /// The code object's name, for `super()` messages.
    pub(crate) fn zero_arg_super(&mut self) -> VmResult<(TypeRef, PyObj)> {
        let Some(f) = self.frames.last() else {
            return Err(exceptions::named("RuntimeError", "super(): no arguments"));
        };
        let code_obj = f.code.clone();
        let code = code_obj.get::<Code>().expect("code");
        let base = f.base;
        if code.argcount == 0 && code.flags & crate::bytecode::code::flags::VARARGS == 0 {
            return Err(exceptions::named("RuntimeError", "super(): no arguments"));
        }
        // The first argument: a fast local, or the cell it moved into.
        let mut first = self.stack[base].clone();
        if let Some(i) = code.cell2arg.iter().position(|a| *a == Some(0)) {
            if let Some(v) = cell::get(&self.stack[base + code.nlocals() + i]) {
                first = v;
            }
        }
        if first.is(&self.null) {
            return Err(exceptions::named("RuntimeError", "super(): arg[0] deleted"));
        }
        let Some(idx) = code
            .freevars
            .iter()
            .position(crate::objects::descr::is_class_name)
        else {
            return Err(exceptions::named(
                "RuntimeError",
                "super(): __class__ cell not found",
            ));
        };
        let c = &self.stack[base + code.nlocals() + code.cellvars.len() + idx];
        let Some(cls) = cell::get(c) else {
            return Err(exceptions::named(
                "RuntimeError",
                "super(): empty __class__ cell",
            ));
        };
        let Some(cls) = TypeRef::from_obj::<TypeInfo>(&cls) else {
            return Err(exceptions::named(
                "RuntimeError",
                "super(): __class__ is not a type (".to_string() + &typeobj::type_name(&cls) + ")",
            ));
        };
        Ok((cls, first))
    }
}
