//! `_glass`, the native half of the `glass` module (src/builtins/lib/glass.py gives
//! its records and tables their reprs): where an object lives in pymalloc's arenas,
//! pools and blocks, the heap by type, the arenas and their pools, snapshots and
//! growth, the heap map, reference graphs and the memory limit.

mod census;
mod graph;
mod map;
pub mod report;
mod svg;

use super::none;
use super::sys::{new_module, usize_obj};
use crate::heap::pymalloc::{self, Location};
use crate::heap::{self, GcGeneration, PyObj};
use crate::objects::args::{number_index, Args};
use crate::objects::builtin_function::MethodDef;
use crate::objects::exceptions::{self, VmResult};
use crate::objects::runtime::Runtime;
use crate::objects::{ctx, dict, int, list, string, tuple};
use crate::vm::ops::bool_obj;
use crate::vm::Vm;

pub use census::census;

static FUNCTIONS: &[MethodDef] = &[
    MethodDef {
        name: "info",
        func: info,
    },
    MethodDef {
        name: "heap",
        func: heap_table,
    },
    MethodDef {
        name: "arenas",
        func: arenas,
    },
    MethodDef {
        name: "snapshot",
        func: snapshot,
    },
    MethodDef {
        name: "growth",
        func: growth,
    },
    MethodDef {
        name: "map",
        func: map::map,
    },
    MethodDef {
        name: "graph",
        func: graph::graph,
    },
    MethodDef {
        name: "set_limit",
        func: set_limit,
    },
    MethodDef {
        name: "get_limit",
        func: get_limit,
    },
    MethodDef {
        name: "footprint",
        func: footprint,
    },
];

pub fn make(vm: &mut Vm) -> VmResult<PyObj> {
    Ok(new_module(vm, "_glass", FUNCTIONS)?.0)
}

fn opt_usize(v: Option<usize>) -> PyObj {
    v.map_or_else(none, usize_obj)
}

/// Where a block lives: (arena, pool, block, size class, block size), all None but
/// the size for a block of the raw allocator (`bytes`: its size).
fn place(addr: usize, bytes: usize) -> (Option<Location>, usize) {
    match pymalloc::global_heap().and_then(|h| h.locate(addr)) {
        Some(loc) => {
            let size = loc.block_size;
            (Some(loc), size)
        }
        None => (None, bytes),
    }
}

/// The fields of a place as Python values, in the record's order.
fn place_fields(loc: &Option<Location>) -> [PyObj; 4] {
    [
        opt_usize(loc.map(|l| l.szidx)),
        opt_usize(loc.map(|l| l.arena_index)),
        opt_usize(loc.map(|l| l.pool)),
        opt_usize(loc.map(|l| l.block)),
    ]
}

/// A new str that is not interned (keys of the dicts glass builds).
fn text(s: &str) -> PyObj {
    string::new(s)
}

/// glass.info(obj): the record glass.Info shows.
fn info(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let o = args.one("info")?;
    // What sys.getrefcount would say, less its own argument (this call's).
    let mut refcount = o.refcnt().saturating_sub(1);
    let interned = string::is_interned(o);
    if interned {
        refcount = refcount.saturating_sub(1);
    }
    let n = o.ob_size().unsigned_abs();
    let own = o.vtable().block_size(n).unwrap_or(0);
    let (loc, block_size) = place(o.block_addr(), own);
    let generation = match heap::gc_generation_of(o) {
        Some(GcGeneration::Young(g)) => usize_obj(g),
        Some(GcGeneration::Permanent) => text("permanent"),
        None => none(),
    };
    let mut bufs = Vec::new();
    for (what, addr, bytes) in census::buffers(o) {
        let (bl, bsize) = place(addr, bytes);
        let [sc, ar, po, bk] = place_fields(&bl);
        bufs.push(tuple::new(vec![
            text(what),
            usize_obj(addr),
            usize_obj(bytes),
            usize_obj(bsize),
            sc,
            ar,
            po,
            bk,
        ]));
    }
    let ty = census::type_label(vm, &o.type_obj());
    let [sc, ar, po, bk] = place_fields(&loc);
    let fields: Vec<(&str, PyObj)> = vec![
        ("address", usize_obj(o.id())),
        ("type", text(&ty)),
        ("size", usize_obj(o.sizeof())),
        ("block_size", usize_obj(block_size)),
        ("size_class", sc),
        ("arena", ar),
        ("pool", po),
        ("block", bk),
        ("refcount", usize_obj(refcount)),
        ("generation", generation),
        ("tracked", bool_obj(o.gc_is_tracked())),
        ("interned", bool_obj(interned)),
        ("cached", bool_obj(census::is_cached(o))),
        ("buffers", list::new_exact(bufs)),
        ("repr", text(&census::short_repr(vm, o, 60))),
    ];
    let d = dict::new();
    for (k, v) in fields {
        vm.dict_set(&d, text(k), v)?;
    }
    let m = vm.import(&string::intern_str("glass"))?;
    let cls = vm.getattr(&m, &string::intern_str("Info"))?;
    vm.call(&cls, Args::positional(&[d]))
}

/// Count and bytes per type label over a census, largest bytes first (then name).
pub(super) fn by_type(vm: &mut Vm, objs: &[PyObj]) -> Vec<(String, usize, usize)> {
    let mut labels = census::Labels::default();
    let mut acc: std::collections::HashMap<String, (usize, usize)> = Default::default();
    for o in objs {
        let e = acc.entry(labels.of(vm, o)).or_default();
        e.0 += 1;
        e.1 += o.sizeof();
    }
    let mut rows: Vec<(String, usize, usize)> =
        acc.into_iter().map(|(k, (c, b))| (k, c, b)).collect();
    rows.sort_by(|a, b| b.2.cmp(&a.2).then_with(|| a.0.cmp(&b.0)));
    rows
}

/// glass.heap() (native part): [(type, count, bytes)], largest first.
fn heap_table(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    args.none("heap")?;
    let objs = census(vm, None);
    let rows = by_type(vm, &objs);
    drop(objs);
    Ok(rows_obj(rows))
}

fn rows_obj(rows: Vec<(String, usize, usize)>) -> PyObj {
    list::new_exact(
        rows.into_iter()
            .map(|(t, c, b)| tuple::new(vec![text(&t), usize_obj(c), usize_obj(b)]))
            .collect(),
    )
}

/// glass.arenas() (native part): [(arena, address, [(pool, size class, block size,
/// used, free, state)])], by arena index.
fn arenas(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    args.none("arenas")?;
    let Some(h) = pymalloc::global_heap() else {
        return Ok(list::new_empty());
    };
    let w = h.walk();
    let mut out = Vec::new();
    for (a, av) in w.arenas.iter().enumerate() {
        let pools: Vec<PyObj> = w
            .pools_of(a)
            .iter()
            .map(|p| {
                tuple::new(vec![
                    usize_obj(p.index),
                    opt_usize(p.szidx),
                    usize_obj(p.block_size),
                    usize_obj(p.count),
                    usize_obj(p.capacity - p.count),
                    text(p.state()),
                ])
            })
            .collect();
        out.push(tuple::new(vec![
            usize_obj(av.arena_index),
            usize_obj(av.address),
            list::new_exact(pools),
        ]));
    }
    Ok(list::new_exact(out))
}

/// glass.snapshot(): {type: (count, bytes)} of the live objects now.
fn snapshot(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    args.none("snapshot")?;
    let objs = census(vm, None);
    let rows = by_type(vm, &objs);
    drop(objs);
    let d = dict::new();
    for (t, c, b) in rows {
        let pair = tuple::pair(usize_obj(c), usize_obj(b));
        // Untracked (as a collection would leave a tuple of ints), so that only the
        // dict leads to it and growth() can leave the snapshot's own objects out.
        pair.gc_untrack();
        vm.dict_set(&d, text(&t), pair)?;
    }
    Ok(d)
}

fn as_usize(o: &PyObj) -> usize {
    int::as_i64(o).map_or(0, |v| v.max(0) as usize)
}

/// glass.growth(snapshot) (native part): the types with more objects than in the
/// snapshot, as [(type, count, +count, bytes, +bytes)], most grown first. The
/// snapshot dict itself (and what only it holds) is left out of the count.
fn growth(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let snap = args.one("growth")?;
    let Some(before) = dict::items(snap) else {
        return Err(exceptions::type_error(
            "growth() takes the dict glass.snapshot() returned",
        ));
    };
    let mut old: std::collections::HashMap<String, (usize, usize)> = Default::default();
    for (k, v) in before {
        let (Some(k), Some(t)) = (string::as_str(&k), tuple::items(&v)) else {
            continue;
        };
        if let [c, b] = t {
            old.insert(k.into_owned(), (as_usize(c), as_usize(b)));
        }
    }
    let objs = census(vm, Some(snap));
    let rows = by_type(vm, &objs);
    drop(objs);
    let mut grown: Vec<(String, usize, usize, usize, isize)> = rows
        .into_iter()
        .filter_map(|(t, c, b)| {
            let (oc, ob) = old.get(&t).copied().unwrap_or((0, 0));
            (c > oc).then(|| (t, c, c - oc, b, b as isize - ob as isize))
        })
        .collect();
    grown.sort_by(|a, b| b.2.cmp(&a.2).then_with(|| a.0.cmp(&b.0)));
    Ok(list::new_exact(
        grown
            .into_iter()
            .map(|(t, c, dc, b, db)| {
                tuple::new(vec![
                    text(&t),
                    usize_obj(c),
                    usize_obj(dc),
                    usize_obj(b),
                    int::new_i64(db as i64),
                ])
            })
            .collect(),
    ))
}

/// glass.set_limit(n): the heap's memory limit in bytes (None or 0: no limit).
fn set_limit(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let o = args.one("set_limit")?;
    let n = if o.is(&ctx().none) {
        0
    } else {
        let v = number_index(o)?;
        match v.to_i64() {
            Some(v) if v >= 0 => v as usize,
            _ => {
                return Err(exceptions::value_error(
                    "limit must be a size in bytes >= 0",
                ))
            }
        }
    };
    set_memory_limit(n);
    Ok(none())
}

/// Set the process heap's memory limit (0: none); the command line, the embedding
/// API and glass.set_limit come here.
pub fn set_memory_limit(bytes: usize) {
    if let Some(h) = pymalloc::global_heap() {
        h.set_limit(bytes);
    }
    crate::vm::memlimit::reset();
}

/// glass.get_limit(): the limit in bytes, None when there is none.
fn get_limit(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    args.none("get_limit")?;
    let l = pymalloc::global_heap().map_or(0, |h| h.limit());
    Ok(if l == 0 { none() } else { usize_obj(l) })
}

/// glass.footprint(): bytes the heap holds from the system (arenas + raw blocks),
/// what the limit is compared with.
fn footprint(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    args.none("footprint")?;
    Ok(usize_obj(
        pymalloc::global_heap().map_or(0, |h| h.footprint()),
    ))
}
