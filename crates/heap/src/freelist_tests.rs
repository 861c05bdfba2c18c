//! Unit tests of the type free lists (object/freelist.rs) and the table free list
//! (table.rs), with small payloads that ask for short lists. They run under Miri too.

use super::*;

struct Meta;
impl Payload for Meta {
    type Item = ();
    const NAME: &'static str = "type";
}

/// A float-like atom that keeps up to 3 freed objects.
struct Num(#[allow(dead_code)] f64);
impl Payload for Num {
    type Item = ();
    const NAME: &'static str = "num";
    const FREE_LIST_MAX: usize = 3;
}

/// A tuple-like container: 2 freed objects per length, for lengths 1 and 2.
struct Tup;
impl Payload for Tup {
    type Item = PyObj;
    const NAME: &'static str = "tup";
    const GC: bool = true;
    const FREE_LIST_MAX: usize = 2;
    const FREE_LIST_ITEMS: usize = 2;
    fn traverse(&self, items: &[PyObj], visit: Visit<'_>) {
        items.iter().for_each(visit);
    }
}

/// A list-like mutable container that keeps 2 freed objects; its items are let go of
/// from the first to the last.
struct Lst(Vec<PyObj>);
impl Payload for Lst {
    type Item = ();
    const NAME: &'static str = "lst";
    const GC: bool = true;
    const MUTABLE: bool = true;
    const FREE_LIST_MAX: usize = 2;
    fn traverse(&self, _: &[()], visit: Visit<'_>) {
        self.0.iter().for_each(visit);
    }
    fn clear(&mut self) {
        self.0 = Vec::new();
    }
}

struct Types {
    meta: TypeRef,
    num: TypeRef,
    tup: TypeRef,
    lst: TypeRef,
}

fn types() -> Types {
    let meta = TypeRef::new_metatype(Meta);
    Types {
        num: TypeRef::new_with_free_lists::<Meta, Num>(&meta, Meta),
        tup: TypeRef::new_with_free_lists::<Meta, Tup>(&meta, Meta),
        lst: TypeRef::new_with_free_lists::<Meta, Lst>(&meta, Meta),
        meta,
    }
}

fn num(t: &Types, v: f64) -> PyObj {
    PyObj::new(&t.num, Num(v))
}

fn tup(t: &Types, items: Vec<PyObj>) -> PyObj {
    let n = items.len();
    PyObj::new_var(&t.tup, false, Tup, n, items).unwrap()
}

fn lst(t: &Types, items: Vec<PyObj>) -> PyObj {
    PyObj::new(&t.lst, Lst(items))
}

fn parked(ty: &TypeRef, items: Option<usize>) -> usize {
    let name = ty.instance_vtable().name;
    free_list_stats()
        .iter()
        .filter(|s| s.type_name == name && s.items == items)
        .map(|s| s.count)
        .sum()
}

#[test]
fn freed_objects_come_back_last_in_first_out() {
    let t = types();
    let base = live_objects();
    let objs: Vec<PyObj> = (0..5).map(|i| num(&t, i as f64)).collect();
    let ids: Vec<usize> = objs.iter().map(PyObj::id).collect();
    drop(objs); // frees 0, 1, 2 onto the list (3 at most), then 3 and 4 to pymalloc
    assert_eq!(parked(&t.num, None), 3);
    assert_eq!(live_objects(), base, "parked blocks are no objects");
    let again: Vec<PyObj> = (0..3).map(|i| num(&t, i as f64)).collect();
    let got: Vec<usize> = again.iter().map(PyObj::id).collect();
    assert_eq!(got, [ids[2], ids[1], ids[0]]);
    assert_eq!(parked(&t.num, None), 0);
}

#[test]
fn the_exact_constructor_parks_and_takes_back_as_new_does() {
    // `new_exact` takes a parking type's block from its list inline, and from
    // pymalloc (out of line) once the list is empty; `dealloc` parks inline until the
    // list is full, then gives the block back to pymalloc.
    let t = types();
    let exact = ExactType::<Num>::new(&t.num).unwrap();
    let base = live_objects();
    let objs: Vec<PyObj> = (0..5)
        .map(|i| PyObj::new_exact(&exact, Num(i as f64)))
        .collect();
    let ids: Vec<usize> = objs.iter().map(PyObj::id).collect();
    assert_eq!(live_objects(), base + 5);
    drop(objs);
    assert_eq!(parked(&t.num, None), 3);
    assert_eq!(live_objects(), base);
    let again: Vec<PyObj> = (0..4)
        .map(|i| PyObj::new_exact(&exact, Num(i as f64)))
        .collect();
    let got: Vec<usize> = again.iter().map(PyObj::id).collect();
    assert_eq!(got[..3], [ids[2], ids[1], ids[0]]);
    assert_eq!(parked(&t.num, None), 0);
    assert_eq!(live_objects(), base + 4);
    drop(again);
    assert_eq!(live_objects(), base);
}

#[test]
fn only_types_made_with_free_lists_park() {
    let t = types();
    let plain = TypeRef::new::<Meta, Num>(&t.meta, Meta);
    let a = PyObj::new(&plain, Num(1.0));
    drop(a);
    assert_eq!(parked(&t.num, None), 0);
    // Instances of a class (a derived vtable) are never parked either.
    let derived = Vtable::derived(Num::VTABLE, 0, 1, false);
    let sub = TypeRef::with_vtable(&t.meta, derived, Meta);
    drop(PyObj::new(&sub, Num(2.0)));
    assert_eq!(parked(&t.num, None), 0);
    drop(num(&t, 3.0));
    assert_eq!(parked(&t.num, None), 1);
}

#[test]
fn var_sized_objects_park_by_item_count() {
    let t = types();
    let one = |v| tup(&t, vec![num(&t, v)]);
    let a = one(1.0);
    let a_id = a.id();
    let pair = tup(&t, vec![num(&t, 1.0), num(&t, 2.0)]);
    let pair_id = pair.id();
    let three = tup(&t, vec![num(&t, 1.0), num(&t, 2.0), num(&t, 3.0)]);
    drop((a, pair, three)); // lengths 1 and 2 kept; length 3 has no list
    assert_eq!(parked(&t.tup, Some(1)), 1);
    assert_eq!(parked(&t.tup, Some(2)), 1);
    assert_eq!(parked(&t.tup, Some(3)), 0);
    let p2 = tup(&t, vec![num(&t, 5.0), num(&t, 6.0)]);
    assert_eq!(p2.id(), pair_id, "a 2-tuple takes the parked 2-tuple");
    let p1 = one(7.0);
    assert_eq!(p1.id(), a_id);
    assert!(p2.gc_is_tracked() && p1.gc_is_tracked());
    // An empty object is never parked.
    drop(tup(&t, vec![]));
    assert_eq!(
        free_list_stats()
            .iter()
            .filter(|s| s.items == Some(0))
            .count(),
        0
    );
}

#[test]
fn parking_and_taking_back_leave_the_gen0_count_alone() {
    let t = types();
    gc_set_enabled(false);
    collect(2);
    let keep: Vec<PyObj> = (0..4).map(|_| lst(&t, vec![])).collect();
    assert_eq!(gc_get_count()[0], 4);
    drop(keep); // 2 parked (count unchanged), 2 freed (count - 2)
    assert_eq!(gc_get_count()[0], 2);
    let again: Vec<PyObj> = (0..3).map(|_| lst(&t, vec![])).collect();
    assert_eq!(gc_get_count()[0], 3, "two taken back, one new");
    drop(again);
    gc_set_enabled(true);
}

#[test]
fn a_container_is_released_after_its_items() {
    let t = types();
    let a = lst(&t, vec![]);
    let b = lst(&t, vec![]);
    let (a_id, b_id) = (a.id(), b.id());
    let outer = lst(&t, vec![a, b]);
    let outer_id = outer.id();
    // Lst lets go of a, then b: both are parked (the list holds 2) before the outer
    // list's block is released, which then finds the list full.
    drop(outer);
    assert_eq!(parked(&t.lst, None), 2);
    let x = lst(&t, vec![]);
    let y = lst(&t, vec![]);
    assert_eq!((x.id(), y.id()), (b_id, a_id));
    assert_ne!(x.id(), outer_id);
}

#[test]
fn items_are_freed_in_the_order_they_are_let_go_of() {
    let t = types();
    let inner = |v| tup(&t, vec![num(&t, v)]);
    let first = tup(&t, vec![inner(1.0)]);
    let second = tup(&t, vec![inner(2.0)]);
    let second_id = second.id();
    let second_inner = second.items::<Tup>().unwrap()[0].id();
    // A tuple lets go of its items from the last to the first (CPython's tupledealloc),
    // each freed with all that dies with it before the next: second's inner tuple is
    // parked, then second; the length-1 list (2 places) is then full, so first's
    // inner tuple and first go back to pymalloc.
    drop(tup(&t, vec![first, second]));
    assert_eq!(parked(&t.tup, Some(1)), 2);
    let x = inner(3.0);
    let y = inner(4.0);
    assert_eq!((x.id(), y.id()), (second_id, second_inner));
}

#[test]
fn a_full_collection_empties_the_lists() {
    let t = types();
    drop((num(&t, 1.0), lst(&t, vec![]), tup(&t, vec![num(&t, 2.0)])));
    assert!(parked(&t.num, None) > 0 && parked(&t.lst, None) == 1);
    collect(0);
    collect(1);
    assert_eq!(parked(&t.lst, None), 1, "younger collections keep them");
    collect(2);
    assert_eq!(parked(&t.num, None), 0);
    assert_eq!(parked(&t.lst, None), 0);
    assert_eq!(parked(&t.tup, Some(1)), 0);
}

#[test]
fn stats_report_each_list_with_its_object_size() {
    let t = types();
    drop(num(&t, 1.0));
    let s: Vec<FreeListStat> = free_list_stats()
        .into_iter()
        .filter(|s| s.type_name == "num" || s.type_name == "tup")
        .collect();
    assert_eq!(s.len(), 3, "one list for num, two for tup");
    assert_eq!(s[0].count, 1);
    assert_eq!(s[0].object_size, 24, "header + f64");
    assert_eq!(s[1].items, Some(1));
    assert_eq!(s[1].object_size, 24 + 8, "header, ob_size, one item");
    assert_eq!(s[2].object_size, 24 + 16);
}

#[test]
fn a_static_type_outlives_its_handles_with_its_parked_blocks() {
    let meta = TypeRef::new_metatype(Meta);
    let ty = TypeRef::new_with_free_lists::<Meta, Num>(&meta, Meta);
    drop((PyObj::new(&ty, Num(1.0)), PyObj::new(&ty, Num(2.0))));
    assert_eq!(parked(&ty, None), 2);
    drop(ty); // pinned (H11): the type and its free lists stay
    assert!(free_list_stats()
        .iter()
        .any(|s| s.type_name == "num" && s.count >= 2));
}

#[test]
fn parkable_tables_come_back() {
    type T = table::Table<[u64; 2], u64, u32>;
    table::clear_table_free_list();
    let a = T::new_parkable([0, 0], 8, 0xff, 5, true).unwrap();
    let b = T::new_parkable([0, 0], 8, 0xff, 5, true).unwrap();
    let (pa, pb) = (a.addr(), b.addr());
    drop(a);
    drop(b);
    assert_eq!(table::table_free_list_len(), 2);
    let c = T::new_parkable([1, 2], 8, 0xff, 5, true).unwrap();
    assert_eq!(c.addr(), pb, "last in, first out");
    assert_eq!(c.len(), 5);
    // A table of another shape neither takes a parked block nor is parked.
    let other = T::new_parkable([0, 0], 16, 0xff, 10, true).unwrap();
    assert!(other.addr() != pa);
    drop(other);
    assert_eq!(table::table_free_list_len(), 1);
    // Plain tables are never parked.
    drop(T::new([0, 0], 8, 0xff, 5, true).unwrap());
    assert_eq!(table::table_free_list_len(), 1);
    drop(c);
    table::clear_table_free_list();
    assert_eq!(table::table_free_list_len(), 0);
}

/// Parks objects of 1 and 2 items, takes back those of 1 item only (as CPython 3.11
/// does with 20-tuples).
struct Sink;
impl Payload for Sink {
    type Item = PyObj;
    const NAME: &'static str = "sink";
    const GC: bool = true;
    const FREE_LIST_MAX: usize = 2;
    const FREE_LIST_ITEMS: usize = 2;
    const FREE_LIST_TAKE_ITEMS: usize = 1;
    fn traverse(&self, items: &[PyObj], visit: Visit<'_>) {
        items.iter().for_each(visit);
    }
}

#[test]
fn a_list_that_is_never_taken_from_only_fills() {
    let t = types();
    let ty = TypeRef::new_with_free_lists::<Meta, Sink>(&t.meta, Meta);
    let make = |n: usize| {
        let items: Vec<PyObj> = (0..n).map(|i| num(&t, i as f64)).collect();
        PyObj::new_var(&ty, false, Sink, n, items).unwrap()
    };
    let (one, two) = (make(1), make(2));
    let (one_id, two_id) = (one.id(), two.id());
    drop((one, two));
    assert_eq!((parked(&ty, Some(1)), parked(&ty, Some(2))), (1, 1));
    let (one, two) = (make(1), make(2));
    assert_eq!(one.id(), one_id);
    assert_ne!(two.id(), two_id);
    assert_eq!((parked(&ty, Some(1)), parked(&ty, Some(2))), (0, 1));
    drop((one, two));
    assert_eq!(parked(&ty, Some(2)), 2);
}

/// A one-object cache that collections leave alone (CPython's slice cache).
struct Cached(#[allow(dead_code)] u64);
impl Payload for Cached {
    type Item = ();
    const NAME: &'static str = "cached";
    const FREE_LIST_MAX: usize = 1;
    const FREE_LIST_GC_CLEARS: bool = false;
}

#[test]
fn a_list_collections_keep_survives_a_full_collection() {
    let t = types();
    let ty = TypeRef::new_with_free_lists::<Meta, Cached>(&t.meta, Meta);
    let a = PyObj::new(&ty, Cached(1));
    let a_id = a.id();
    drop((a, PyObj::new(&ty, Cached(2)))); // the first is kept, the second freed
    assert_eq!(parked(&ty, None), 1);
    collect(2);
    assert_eq!(parked(&ty, None), 1);
    assert_eq!(PyObj::new(&ty, Cached(3)).id(), a_id);
}

#[test]
fn the_exact_var_constructors_park_and_take_back_by_item_count() {
    // `new_var_array` and `new_var_exact` take a lean container's block from its
    // list for the item count inline (take_lean), start it tracked, and `free_lean`
    // parks it again on the list for its count, or gives it back when that is full.
    let t = types();
    let exact = ExactType::<Tup>::new(&t.tup).unwrap();
    let base = live_objects();
    let gen0 = gc_get_count()[0];
    let made: Vec<PyObj> = (0..3)
        .map(|_| PyObj::new_var_array(&exact, Tup, [num(&t, 1.0), num(&t, 2.0)]).unwrap())
        .collect();
    assert!(made.iter().all(PyObj::gc_is_tracked));
    let ids: Vec<usize> = made.iter().map(PyObj::id).collect();
    drop(made); // two parked (the list's limit), the third to pymalloc
    assert_eq!(parked(&t.tup, Some(2)), 2);
    assert_eq!(parked(&t.tup, Some(1)), 0);
    assert_eq!(live_objects(), base);
    let gen0_after_free = gc_get_count()[0];
    let one = PyObj::new_var_exact(&exact, false, Tup, 1, [num(&t, 3.0)]).unwrap();
    assert_eq!(
        parked(&t.tup, Some(2)),
        2,
        "a 1-tuple takes nothing of the 2-list"
    );
    let again = PyObj::new_var_array(&exact, Tup, [num(&t, 4.0), one.clone()]).unwrap();
    assert_eq!(again.id(), ids[1], "last parked, first taken back");
    assert_eq!(again.items::<Tup>().unwrap().len(), 2);
    assert!(again.gc_is_tracked());
    assert_eq!(
        gc_get_count()[0],
        gen0_after_free + 1,
        "taking back is not counted by gen 0; the fresh 1-tuple is"
    );
    assert!(gen0_after_free < gen0 + 3);
    drop((again, one));
    assert_eq!(parked(&t.tup, Some(1)), 1);
    assert_eq!(live_objects(), base);
}
