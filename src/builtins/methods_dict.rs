//! The methods of dict (get, setdefault, update, pop, popitem, copy, clear, fromkeys,
//! keys / values / items) and the view types dict_keys, dict_values and dict_items
//! (len, iteration, `in`, repr) registered with the VM's type slots.

use std::cell::OnceCell;

use super::methods_args::this;
use super::none;
use crate::bytecode::opcode::BinaryOp;
use crate::heap::{PyObj, TypeRef};
use crate::objects::args::{check_positional, Args};
use crate::objects::builtin_function::MethodDef;
use crate::objects::dict::{self, DictView, MappingProxy};
use crate::objects::exceptions;
use crate::objects::exceptions::{Exc, VmResult};
use crate::objects::iter::DictIterKind;
use crate::objects::runtime::Runtime;
use crate::objects::typeobj::slots::SlotTable;
use crate::objects::typeobj::{type_dict_raw, TypeInfo};
use crate::objects::{ctx, list, tuple, typeobj};
use crate::vm::Vm;

/// The methods of dict.
pub static METHODS: &[MethodDef] = &[
    // A method as well as the subscript slot (CPython's METH_COEXIST).
    MethodDef {
        name: "__getitem__",
        func: getitem_method,
    },
    MethodDef {
        name: "get",
        func: get,
    },
    MethodDef {
        name: "setdefault",
        func: setdefault,
    },
    MethodDef {
        name: "update",
        func: update,
    },
    MethodDef {
        name: "pop",
        func: pop,
    },
    MethodDef {
        name: "popitem",
        func: popitem,
    },
    MethodDef {
        name: "copy",
        func: copy,
    },
    MethodDef {
        name: "clear",
        func: clear,
    },
    MethodDef {
        name: "keys",
        func: keys,
    },
    MethodDef {
        name: "values",
        func: values,
    },
    MethodDef {
        name: "items",
        func: items,
    },
    MethodDef {
        name: "__sizeof__",
        func: sizeof,
    },
];

/// dict.fromkeys, bound to the dict type (CPython's classmethod).
static FROMKEYS: MethodDef = MethodDef {
    name: "fromkeys",
    func: fromkeys,
};

/// Register the methods, the classmethod and the view types.
pub fn install() {
    let c = ctx();
    crate::objects::typeobj::add_methods(&c.dict_type, METHODS);
    install_slots();
    // A classmethod, so `D.fromkeys(...)` makes a D for a subclass D of dict.
    crate::objects::typeobj::add_classmethods(&c.dict_type, &[&FROMKEYS]);
    // The three view types live for the thread: make them now, with the other types.
    // Their dicts too, so none is first made (and left behind) by a program.
    for kind in [
        DictIterKind::Keys,
        DictIterKind::Values,
        DictIterKind::Items,
    ] {
        let t = view_type(kind);
        let set_like = kind != DictIterKind::Values;
        let mut slots = SlotTable {
            iter: Some(view_iter),
            length: Some(view_len),
            repr: Some(view_repr),
            contains: Some(view_contains),
            ..SlotTable::EMPTY
        };
        if set_like {
            // keys and items views are set-like: compared as sets, unhashable, with
            // the set operators.
            slots.richcompare = Some(view_richcompare);
            slots.hash = Some(crate::objects::typeobj::class_slots::hash_not_implemented);
            slots.and = Some(view_and);
            slots.or = Some(view_or);
            slots.subtract = Some(view_sub);
            slots.xor = Some(view_xor);
        }
        typeobj::install_builtin_slots(&t, &slots);
        if set_like {
            crate::objects::typeobj::add_methods(&t, SET_VIEW_METHODS);
        }
        let _ = type_dict_raw(&t);
    }
    for t in [
        &c.dict_keyiter_type,
        &c.dict_valueiter_type,
        &c.dict_itemiter_type,
    ] {
        crate::objects::typeobj::add_methods(t, ITER_METHODS);
    }
    let proxy = dict::mappingproxy_type();
    typeobj::install_builtin_slots(
        &proxy,
        &SlotTable {
            iter: Some(proxy_iter),
            length: Some(proxy_len),
            repr: Some(proxy_repr),
            str: Some(proxy_str),
            contains: Some(proxy_contains),
            subscript: Some(proxy_getitem),
            richcompare: Some(proxy_richcompare),
            hash: Some(crate::objects::typeobj::class_slots::hash_not_implemented),
            or: Some(proxy_or),
            inplace_or: Some(proxy_ior),
            ..SlotTable::EMPTY
        },
    );
    crate::objects::typeobj::add_methods(&proxy, PROXY_METHODS);
    typeobj::set_new(&proxy, &NEW_PROXY);
    let _ = type_dict_raw(&proxy);
}

static NEW_PROXY: MethodDef = MethodDef {
    name: "mappingproxy",
    func: new_proxy,
};

/// mappingproxy(mapping): a read-only view of any mapping (an object with a
/// subscript slot that is not a list or tuple), as mappingproxy_new.
fn new_proxy(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let (_, rest) = this(&args);
    let a = rest.clinic("mappingproxy", &["mapping"], 1)?;
    let m = a[0].expect("required");
    let ty = m.type_obj();
    let subscript = crate::objects::typeobj::slotdefs::slots_of_type(&ty)
        .subscript
        .get()
        .is_some()
        || m.is_a::<dict::Dict>()
        || m.is_a::<MappingProxy>();
    if !subscript || m.is_a::<crate::objects::list::List>() || tuple::items(m).is_some() {
        return Err(exceptions::type_error(format!(
            "mappingproxy() argument must be a mapping, not {}",
            typeobj::type_name(m)
        )));
    }
    Ok(dict::new_mappingproxy(m.clone()))
}

/// The methods of the dict iterators.
static ITER_METHODS: &[MethodDef] = &[MethodDef {
    name: "__length_hint__",
    func: iter_length_hint,
}];

/// dictiter_len: the items left, 0 once the dict changed size or is exhausted.
fn iter_length_hint(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let (it, args) = this(&args);
    args.none("__length_hint__")?;
    let n = it
        .borrow::<crate::objects::iter::DictIter>()
        .ok()
        .and_then(|s| {
            let d = s.dict.as_ref()?;
            (dict::len(d) == Some(s.used)).then_some(s.len)
        })
        .unwrap_or(0);
    Ok(crate::objects::int::new_i64(n as i64))
}

/// The methods of dict_keys and dict_items.
static SET_VIEW_METHODS: &[MethodDef] = &[MethodDef {
    name: "isdisjoint",
    func: isdisjoint,
}];

/// The methods of mappingproxy: the read-only ones of its mapping.
static PROXY_METHODS: &[MethodDef] = &[
    MethodDef {
        name: "get",
        func: proxy_get,
    },
    MethodDef {
        name: "keys",
        func: proxy_keys,
    },
    MethodDef {
        name: "values",
        func: proxy_values,
    },
    MethodDef {
        name: "items",
        func: proxy_items,
    },
    MethodDef {
        name: "copy",
        func: proxy_copy,
    },
    MethodDef {
        name: "__reversed__",
        func: proxy_reversed,
    },
];

/// A METH_FASTCALL method's arguments: no keywords ("dict.pop() takes no keyword
/// arguments"), then one or two positional ones ("pop expected at least 1 argument").
fn positional<'a>(args: &Args<'a>, name: &str) -> VmResult<&'a [PyObj]> {
    if !args.kwnames.is_empty() {
        args.no_kw(&format!("dict.{name}"))?;
    }
    check_positional(name, args.pos().len(), 1, 2)?;
    Ok(args.pos())
}

fn busy() -> Exc {
    exceptions::named("RuntimeError", "dictionary changed size during iteration")
}

fn key_error(key: PyObj) -> Exc {
    Exc(exceptions::new_exc(ctx().exc_type("KeyError"), vec![key]))
}

fn get(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let (d, args) = this(&args);
    let a = positional(&args, "get")?;
    Ok(vm
        .dict_get(d, &a[0])?
        .unwrap_or_else(|| a.get(1).cloned().unwrap_or_else(none)))
}

fn setdefault(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let (d, args) = this(&args);
    let a = positional(&args, "setdefault")?;
    if let Some(v) = vm.dict_get(d, &a[0])? {
        return Ok(v);
    }
    let v = a.get(1).cloned().unwrap_or_else(none);
    vm.dict_set(d, a[0].clone(), v.clone())?;
    Ok(v)
}

/// dict_update_arg + the keyword arguments.
fn update(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let (d, args) = this(&args);
    let pos = args.pos();
    check_positional("update", pos.len(), 0, 1)?;
    if let Some(other) = pos.first() {
        update_from(vm, d, other)?;
    }
    for (k, v) in args.kwargs() {
        vm.dict_set(d, k.clone(), v.clone())?;
    }
    Ok(none())
}

/// d.update(other) for a dict or an iterable of pairs (dict_merge /
/// PyDict_MergeFromSeq2).
fn update_from(vm: &mut Vm, d: &PyObj, other: &PyObj) -> VmResult<()> {
    vm.dict_update_arg(d, other)
}

fn pop(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let (d, args) = this(&args);
    let a = positional(&args, "pop")?;
    let removed = vm.dict_del(d, &a[0])?;
    match removed {
        Some((_k, v)) => Ok(v),
        None => match a.get(1) {
            Some(default) => Ok(default.clone()),
            None => Err(key_error(a[0].clone())),
        },
    }
}

fn popitem(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let (d, args) = this(&args);
    args.none("dict.popitem")?;
    match dict::popitem(d)? {
        Some((k, v)) => Ok(tuple::pair(k, v)),
        None => Err(exceptions::named("KeyError", dict::POPITEM_EMPTY)),
    }
}

fn copy(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let (d, args) = this(&args);
    args.none("dict.copy")?;
    vm.dict_copy(d)
}

fn clear(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let (d, args) = this(&args);
    args.none("dict.clear")?;
    dict::clear(d)?;
    Ok(none())
}

/// dict.fromkeys(iterable, value=None); `self` is the dict type.
fn fromkeys(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let (cls, args) = this(&args);
    let a = positional(&args, "fromkeys")?;
    let value = a.get(1).cloned().unwrap_or_else(none);
    // dict_fromkeys: an exact dict is filled directly; any other class is called
    // with no arguments and filled with d[key] = value.
    let exact = cls.is(ctx().dict_type.as_obj());
    let d = if exact {
        dict::new()
    } else {
        vm.call(cls, Args::positional(&[]))?
    };
    // _PyDict_FromKeys: an exact dict or set as the source is taken in one resize.
    if d.is_type(&ctx().dict_type) && dict::len(&d) == Some(0) {
        let src = &a[0];
        let set_items = if src.is_type(&ctx().set_type) || src.is_type(&ctx().frozenset_type) {
            crate::objects::set::borrow(src)
                .map(|s| s.0.iter_hashed().map(|(k, h)| (k.clone(), h)).collect())
        } else {
            None
        };
        let from_dict = src.is_type(&ctx().dict_type);
        if set_items.is_some() || from_dict {
            let mut eq = |x: &PyObj, y: &PyObj| vm.equal(x, y);
            if dict::fromkeys_fast(&d, src, &value, set_items, &mut eq)? {
                return Ok(d);
            }
        }
    }
    let it = vm.iter(&a[0])?;
    while let Some(k) = vm.next(&it)? {
        if exact {
            vm.dict_set(&d, k, value.clone())?;
        } else {
            vm.setitem(&d, &k, value.clone())?;
        }
    }
    Ok(d)
}

// ---- views ----

thread_local! {
    static VIEW_TYPES: OnceCell<[TypeRef; 3]> = const { OnceCell::new() };
}

/// The view type for `kind` (made once per thread).
fn view_type(kind: DictIterKind) -> TypeRef {
    VIEW_TYPES.with(|t| {
        let types = t.get_or_init(|| {
            let c = ctx();
            let mk = |name: &'static str| {
                TypeRef::new::<TypeInfo, DictView>(
                    &c.type_type,
                    TypeInfo::new(
                        std::borrow::Cow::Borrowed(name),
                        Some(c.object_type.clone()),
                    ),
                )
            };
            let types = [mk("dict_keys"), mk("dict_values"), mk("dict_items")];
            for t in &types {
                crate::objects::typeobj::add_getsets(t, VIEW_GETSETS);
            }
            types
        });
        types[kind as usize].clone()
    })
}

fn view_mapping(_: &mut dyn Runtime, o: &PyObj) -> VmResult<PyObj> {
    let v = crate::objects::descr::expect::<DictView>(o, "dict_keys")?;
    Ok(crate::objects::dict::new_mappingproxy(v.dict.clone()))
}

/// The views' getset descriptor.
static VIEW_GETSETS: &[crate::objects::descr::GetSetDef] =
    &[crate::objects::descr::GetSetDef::getter(
        "mapping",
        view_mapping,
    )];

fn view(args: Args<'_>, fname: &str, kind: DictIterKind) -> VmResult<PyObj> {
    let (d, args) = this(&args);
    args.none(fname)?;
    Ok(PyObj::new(
        &view_type(kind),
        DictView {
            dict: d.clone(),
            kind,
        },
    ))
}

fn keys(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    view(args, "dict.keys", DictIterKind::Keys)
}

fn values(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    view(args, "dict.values", DictIterKind::Values)
}

fn items(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    view(args, "dict.items", DictIterKind::Items)
}

fn parts(v: &PyObj) -> (PyObj, DictIterKind) {
    let dv = v.get::<DictView>().expect("a dict view");
    (dv.dict.clone(), dv.kind)
}

fn view_len(_rt: &mut dyn Runtime, v: &PyObj) -> VmResult<usize> {
    Ok(dict::len(&parts(v).0).unwrap_or(0))
}

fn view_iter(rt: &mut dyn Runtime, v: &PyObj) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let (d, kind) = parts(v);
    let n = dict::len(&d).ok_or_else(busy)?;
    Ok(vm.dict_iter(&d, n, kind))
}

fn view_repr(rt: &mut dyn Runtime, v: &PyObj) -> VmResult<String> {
    let vm = Vm::of(rt);
    let items = vm.collect_iter(v)?;
    let l = list::new_exact(items);
    let inner = vm.repr(&l)?;
    Ok(format!("{}({inner})", typeobj::type_name(v)))
}

fn view_contains(rt: &mut dyn Runtime, v: &PyObj, item: &PyObj) -> VmResult<bool> {
    let vm = Vm::of(rt);
    let (d, kind) = parts(v);
    match kind {
        DictIterKind::Keys => Ok(vm.dict_get(&d, item)?.is_some()),
        DictIterKind::Items => {
            let Some([k, val]) = tuple::items(item).and_then(|t| <&[PyObj; 2]>::try_from(t).ok())
            else {
                return Ok(false);
            };
            match vm.dict_get(&d, k)? {
                Some(found) => Ok(found.is(val) || vm.equal(&found, val)?),
                None => Ok(false),
            }
        }
        DictIterKind::Values => {
            let it = vm.dict_iter(&d, dict::len(&d).unwrap_or(0), DictIterKind::Values);
            while let Some(x) = vm.next(&it)? {
                if x.is(item) || vm.equal(&x, item)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
    }
}

/// keys().isdisjoint(other) / items().isdisjoint(other) (dictviews_isdisjoint).
fn isdisjoint(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let (v, args) = this(&args);
    let other = args.one("isdisjoint")?;
    let r = vm.dict_view_isdisjoint(v, other)?;
    Ok(crate::vm::ops::bool_obj(r))
}

// ---- mappingproxy ----

fn proxied(p: &PyObj) -> PyObj {
    p.get::<MappingProxy>()
        .expect("a mappingproxy")
        .mapping
        .clone()
}

/// A method of the proxied mapping, called with the same arguments.
fn forward(rt: &mut dyn Runtime, args: Args<'_>, name: &str) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let (p, rest) = this(&args);
    let m = proxied(p);
    let f = vm.getattr(&m, &crate::objects::string::intern_str(name))?;
    vm.call(&f, rest)
}

fn proxy_get(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    forward(rt, args, "get")
}

fn proxy_keys(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    forward(rt, args, "keys")
}

fn proxy_values(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    forward(rt, args, "values")
}

fn proxy_items(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    forward(rt, args, "items")
}

fn proxy_copy(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    forward(rt, args, "copy")
}

fn proxy_reversed(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    forward(rt, args, "__reversed__")
}

fn proxy_len(rt: &mut dyn Runtime, p: &PyObj) -> VmResult<usize> {
    Vm::of(rt).len(&proxied(p))
}

fn proxy_iter(rt: &mut dyn Runtime, p: &PyObj) -> VmResult<PyObj> {
    Vm::of(rt).iter(&proxied(p))
}

fn proxy_repr(rt: &mut dyn Runtime, p: &PyObj) -> VmResult<String> {
    Ok(format!("mappingproxy({})", Vm::of(rt).repr(&proxied(p))?))
}

/// mappingproxy_str: its mapping's str.
fn proxy_str(rt: &mut dyn Runtime, p: &PyObj) -> VmResult<String> {
    Vm::of(rt).str(&proxied(p))
}

/// mappingproxy_getitem: its mapping's item.
fn proxy_getitem(rt: &mut dyn Runtime, p: &PyObj, key: &PyObj) -> VmResult<PyObj> {
    Vm::of(rt).getitem(&proxied(p), key)
}

fn proxy_contains(rt: &mut dyn Runtime, p: &PyObj, item: &PyObj) -> VmResult<bool> {
    Vm::of(rt).contains(&proxied(p), item)
}

/// mappingproxy_richcompare: its mapping compared.
fn proxy_richcompare(
    rt: &mut dyn Runtime,
    p: &PyObj,
    other: &PyObj,
    op: crate::bytecode::opcode::CompareOp,
) -> VmResult<PyObj> {
    crate::vm::ops::compare(Vm::of(rt), &proxied(p), other, op)
}

/// dictview_richcompare: keys and items views compare with sets and set-like views
/// as sets; anything else is NotImplemented.
fn view_richcompare(
    rt: &mut dyn Runtime,
    v: &PyObj,
    other: &PyObj,
    op: crate::bytecode::opcode::CompareOp,
) -> VmResult<PyObj> {
    match Vm::of(rt).dict_view_richcompare(v, other, op)? {
        Some(r) => Ok(crate::vm::ops::bool_obj(r)),
        None => Ok(ctx().not_implemented.clone()),
    }
}

/// A set operator of keys and items views (dictviews_and / _or / _sub / _xor), called
/// with the operands in their order, whichever of them is the view.
fn view_binary(rt: &mut dyn Runtime, a: &PyObj, b: &PyObj, op: BinaryOp) -> VmResult<PyObj> {
    match Vm::of(rt).dict_view_binary(a, b, op)? {
        Some(r) => Ok(r),
        None => Ok(ctx().not_implemented.clone()),
    }
}

fn view_and(rt: &mut dyn Runtime, a: &PyObj, b: &PyObj) -> VmResult<PyObj> {
    view_binary(rt, a, b, BinaryOp::And)
}

fn view_or(rt: &mut dyn Runtime, a: &PyObj, b: &PyObj) -> VmResult<PyObj> {
    view_binary(rt, a, b, BinaryOp::Or)
}

fn view_sub(rt: &mut dyn Runtime, a: &PyObj, b: &PyObj) -> VmResult<PyObj> {
    view_binary(rt, a, b, BinaryOp::Subtract)
}

fn view_xor(rt: &mut dyn Runtime, a: &PyObj, b: &PyObj) -> VmResult<PyObj> {
    view_binary(rt, a, b, BinaryOp::Xor)
}

/// mappingproxy_or: its mapping's `|`.
fn proxy_or(rt: &mut dyn Runtime, a: &PyObj, b: &PyObj) -> VmResult<PyObj> {
    view_binary(rt, a, b, BinaryOp::Or)
}

/// mappingproxy_ior: refused.
fn proxy_ior(_rt: &mut dyn Runtime, _a: &PyObj, _b: &PyObj) -> VmResult<PyObj> {
    Err(exceptions::type_error(
        "'|=' is not supported by mappingproxy; use '|' instead",
    ))
}

/// D.__sizeof__(): CPython's _PyDict_SizeOf, what sys.getsizeof reports without the
/// 16-byte GC header.
fn sizeof(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let (d, args) = this(&args);
    args.none("__sizeof__")?;
    Ok(crate::objects::int::new_i64(d.sizeof() as i64 - 16))
}

// ----- subscripts (mp_subscript / mp_ass_subscript) ----------------------------------

/// dict.__getitem__(key).
fn getitem_method(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let (s, rest) = this(&args);
    let a = rest.range("__getitem__", 1, 1)?;
    subscript(rt, s, &a[0])
}

/// d[key] (dict_subscript): a subclass's `__missing__` answers for absent keys.
fn subscript(rt: &mut dyn Runtime, o: &PyObj, key: &PyObj) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    if let Some(v) = vm.dict_get(o, key)? {
        return Ok(v);
    }
    if o.vtable().heap_type {
        if let Some(r) = vm.call_special(o, "__missing__", std::slice::from_ref(key))? {
            return Ok(r);
        }
    }
    Err(key_error(key.clone()))
}

/// d[key] = v, del d[key] (dict_ass_sub).
fn ass_subscript(
    rt: &mut dyn Runtime,
    o: &PyObj,
    key: &PyObj,
    value: Option<PyObj>,
) -> VmResult<()> {
    let vm = Vm::of(rt);
    match value {
        Some(v) => vm.dict_set(o, key.clone(), v),
        None => match vm.dict_del(o, key)? {
            Some(old) => {
                drop(old);
                Ok(())
            }
            None => Err(key_error(key.clone())),
        },
    }
}

/// dict's subscript slots (after its methods, so `__getitem__` stays the method).
pub fn install_slots() {
    let t = &ctx().dict_type;
    typeobj::add_slot(
        t,
        typeobj::slots::SlotId::subscript,
        typeobj::slots::AnySlot::Binary(subscript),
    );
    typeobj::add_slot(
        t,
        typeobj::slots::SlotId::ass_subscript,
        typeobj::slots::AnySlot::AssSub(ass_subscript),
    );
}
