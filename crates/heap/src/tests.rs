//! Unit tests of the object layer and the collector, with small test payload types.
//! They also run under Miri (`cargo +nightly miri test --lib heap::`).

use super::*;

/// Extension data of the test type objects.
struct Meta;
impl Payload for Meta {
    type Item = ();
    const NAME: &'static str = "type";
}

/// An immutable atom (like a float).
struct Atom(#[allow(dead_code)] i64);
impl Payload for Atom {
    type Item = ();
    const NAME: &'static str = "atom";
}

/// An immutable var-sized container (like a tuple).
struct Tup;
impl Payload for Tup {
    type Item = PyObj;
    const NAME: &'static str = "tup";
    const GC: bool = true;
    const UNTRACK: Untrack = Untrack::Young;
    fn traverse(&self, items: &[PyObj], visit: Visit<'_>) {
        items.iter().for_each(visit);
    }
    fn can_untrack(&self, items: &[PyObj]) -> bool {
        items.iter().all(|o| !o.gc_may_be_tracked())
    }
}

/// An immutable var-sized object of plain data (like an int's digits).
struct Digits;
impl Payload for Digits {
    type Item = u32;
    const NAME: &'static str = "digits";
}

/// A mutable container (like a list).
struct Lst(Vec<PyObj>);
impl Payload for Lst {
    type Item = ();
    const NAME: &'static str = "lst";
    const GC: bool = true;
    const MUTABLE: bool = true;
    fn traverse(&self, _: &[()], visit: Visit<'_>) {
        self.0.iter().for_each(visit);
    }
    fn clear(&mut self) {
        self.0 = Vec::new();
    }
    fn extra_size(&self) -> usize {
        self.0.capacity() * 8
    }
}

/// A container with a finalizer flag (like an instance with __del__).
struct Fin(Vec<PyObj>);
impl Payload for Fin {
    type Item = ();
    const NAME: &'static str = "fin";
    const GC: bool = true;
    const MUTABLE: bool = true;
    fn traverse(&self, _: &[()], visit: Visit<'_>) {
        self.0.iter().for_each(visit);
    }
    fn clear(&mut self) {
        self.0 = Vec::new();
    }
}

pub(crate) struct Types {
    meta: TypeRef,
    atom: TypeRef,
    tup: TypeRef,
    lst: TypeRef,
    fin: TypeRef,
    digits: TypeRef,
}

pub(crate) fn types() -> Types {
    let meta = TypeRef::new_metatype(Meta);
    Types {
        atom: TypeRef::new::<Meta, Atom>(&meta, Meta),
        tup: TypeRef::new::<Meta, Tup>(&meta, Meta),
        lst: TypeRef::new::<Meta, Lst>(&meta, Meta),
        fin: TypeRef::with_vtable(&meta, Vtable::derived(Fin::VTABLE, 0, 0, true), Meta),
        digits: TypeRef::new::<Meta, Digits>(&meta, Meta),
        meta,
    }
}

pub(crate) fn lst(t: &Types, items: Vec<PyObj>) -> PyObj {
    PyObj::new(&t.lst, Lst(items))
}

fn push(l: &PyObj, x: PyObj) {
    l.borrow_mut::<Lst>().unwrap().0.push(x);
}

fn tup(t: &Types, items: Vec<PyObj>) -> PyObj {
    let n = items.len();
    PyObj::new_var(&t.tup, false, Tup, n, items).unwrap()
}

#[test]
fn clone_is_incref_drop_is_decref() {
    let t = types();
    let base = live_objects();
    let a = PyObj::new(&t.atom, Atom(7));
    assert_eq!(live_objects(), base + 1);
    assert_eq!(a.refcnt(), 1);
    let b = a.clone();
    assert_eq!(a.refcnt(), 2);
    assert!(a.is(&b));
    drop(b);
    assert_eq!(a.refcnt(), 1);
    drop(a);
    assert_eq!(live_objects(), base);
}

#[test]
fn a_static_type_is_pinned_and_not_counted_by_its_instances() {
    let t = types();
    // H11: the handle in `t` and the pin.
    assert_eq!(t.atom.refcnt(), 2);
    let a = PyObj::new(&t.atom, Atom(1));
    let d = PyObj::new_var_copied(&t.digits, false, Digits, [1, 2], 2).unwrap();
    let l = lst(&t, vec![]);
    assert_eq!(t.atom.refcnt(), 2);
    assert_eq!(t.digits.refcnt(), 2);
    assert_eq!(t.lst.refcnt(), 2);
    assert!(a.is_type(&t.atom));
    assert!(a.type_obj().is(&t.atom));
    drop((a, d, l));
    assert_eq!(t.atom.refcnt(), 2);
    // the metatype is its own type, and does not count itself
    assert!(t.meta.type_obj().is(&t.meta));
    assert_eq!(t.meta.refcnt(), 2);
}

#[test]
fn an_instance_of_a_class_counts_its_class() {
    let t = types();
    let base = live_objects();
    let cls = TypeRef::with_vtable(&t.meta, Vtable::derived(Atom::VTABLE, 0, 1, false), Meta);
    // A class is not pinned: only this handle.
    assert_eq!(cls.refcnt(), 1);
    let a = PyObj::new(&cls, Atom(1));
    let b = PyObj::new(&cls, Atom(2));
    assert_eq!(cls.refcnt(), 3);
    drop(a);
    assert_eq!(cls.refcnt(), 2);
    // the class dies with its last instance
    drop(cls);
    drop(b);
    assert_eq!(live_objects(), base);
}

#[test]
fn sizes_follow_the_layout() {
    let t = types();
    // header 16 + i64 8
    assert_eq!(PyObj::new(&t.atom, Atom(1)).sizeof(), 24);
    // GC 16 + header 16 + ob_size 8 + 8 per item: CPython's tuple formula 40 + 8n
    let a = PyObj::new(&t.atom, Atom(1));
    assert_eq!(tup(&t, vec![]).sizeof(), 40);
    assert_eq!(tup(&t, vec![a.clone(), a.clone(), a.clone()]).sizeof(), 64);
    // GC 16 + header 16 + Vec 24 = 56, plus 8 per allocated slot: CPython's list
    let l = lst(&t, Vec::with_capacity(4));
    assert_eq!(l.sizeof(), 56 + 32);
}

#[test]
fn payload_access_is_typed_and_borrow_checked() {
    let t = types();
    let a = PyObj::new(&t.atom, Atom(5));
    assert!(a.get::<Atom>().is_some());
    assert!(a.items::<Tup>().is_none());
    let l = lst(&t, vec![a.clone()]);
    assert_eq!(l.borrow::<Atom>().err(), Some(BorrowError::WrongType));
    {
        let r1 = l.borrow::<Lst>().unwrap();
        let r2 = l.borrow::<Lst>().unwrap();
        assert_eq!(r1.0.len() + r2.0.len(), 2);
        assert_eq!(l.borrow_mut::<Lst>().err(), Some(BorrowError::Busy));
    }
    {
        let mut w = l.borrow_mut::<Lst>().unwrap();
        w.0.push(a.clone());
        assert_eq!(l.borrow::<Lst>().err(), Some(BorrowError::Busy));
    }
    assert_eq!(l.borrow::<Lst>().unwrap().0.len(), 2);
    assert_eq!(a.refcnt(), 3);
}

#[test]
fn type_flag_reads_the_type_objects_flag() {
    let t = types();
    let a = PyObj::new(&t.atom, Atom(1));
    let before = t.atom.refcnt();
    assert!(!a.type_flag(3));
    t.atom.as_obj().set_obj_flag(3, true);
    assert!(a.type_flag(3));
    assert!(!a.obj_flag(3)); // the object's own flags are not the type's
    t.atom.as_obj().set_obj_flag(3, false);
    assert!(!a.type_flag(3));
    assert_eq!(t.atom.refcnt(), before); // no reference taken
}

#[test]
fn exact_type_reads_through_one_type_compare() {
    let t = types();
    assert!(ExactType::<Atom>::new(&t.digits).is_none());
    let atom = ExactType::<Atom>::new(&t.atom).unwrap();
    let digits = ExactType::<Digits>::new(&t.digits).unwrap();
    assert!(atom.type_ref().is(&t.atom));
    let a = PyObj::new(&t.atom, Atom(7));
    assert_eq!(a.get_exact(&atom).map(|x| x.0), Some(7));
    let d = PyObj::new_var_copied(&t.digits, true, Digits, [3, 4, 0], 2).unwrap();
    assert_eq!(d.var_exact(&digits), Some((-2, &[3u32, 4][..])));
    // another type with the same payload, or another payload: no read
    let other = ExactType::<Atom>::new(&TypeRef::new::<Meta, Atom>(&t.meta, Meta)).unwrap();
    assert!(a.get_exact(&other).is_none());
    assert!(d
        .var_exact(&ExactType::<Tup>::new(&t.tup).unwrap())
        .is_none());
}

#[test]
fn borrow_exact_checks_the_type_and_the_borrow_state() {
    let t = types();
    let lst_exact = ExactType::<Lst>::new(&t.lst).unwrap();
    let l = lst(&t, vec![PyObj::new(&t.atom, Atom(3))]);
    assert_eq!(l.borrow_exact(&lst_exact).map(|r| r.0.len()), Some(1));
    {
        let r1 = l.borrow_exact(&lst_exact).unwrap();
        let r2 = l.borrow::<Lst>().unwrap();
        assert_eq!(r1.0.len() + r2.0.len(), 2);
        assert_eq!(l.borrow_mut::<Lst>().err(), Some(BorrowError::Busy));
    }
    {
        let mut w = l.borrow_mut::<Lst>().unwrap();
        assert!(l.borrow_exact(&lst_exact).is_none());
        w.0.clear();
    }
    assert_eq!(l.borrow_exact(&lst_exact).map(|r| r.0.len()), Some(0));
    // another type holding the same payload: no borrow
    let other = ExactType::<Lst>::new(&TypeRef::new::<Meta, Lst>(&t.meta, Meta)).unwrap();
    assert!(l.borrow_exact(&other).is_none());
    assert!(l.borrow_mut::<Lst>().is_ok());
}

#[test]
fn exact_constructors_make_what_the_checked_ones_make() {
    let t = types();
    let base = live_objects();
    let atom = ExactType::<Atom>::new(&t.atom).unwrap();
    let digits = ExactType::<Digits>::new(&t.digits).unwrap();
    let a = PyObj::new_exact(&atom, Atom(9));
    assert!(a.type_obj().is(&t.atom));
    assert_eq!(a.get_exact(&atom).map(|x| x.0), Some(9));
    let d = PyObj::new_var_copied_exact(&digits, false, Digits, [5, 6, 7], 3).unwrap();
    assert_eq!(d.var_exact(&digits), Some((3, &[5u32, 6, 7][..])));
    assert_eq!(live_objects(), base + 2);
    drop((a, d));
    assert_eq!(live_objects(), base);
}

#[test]
fn plain_var_objects_are_freed_on_every_path() {
    // A small plain object (an int's digits) is allocated inline and freed straight
    // to pymalloc when it dies alone; a large one takes the general paths; one that
    // dies while another object is being freed waits its turn on the pending list.
    let t = types();
    let base = live_objects();
    let digits = ExactType::<Digits>::new(&t.digits).unwrap();
    let one = |v: u32| PyObj::new_var_copied_exact(&digits, false, Digits, [v], 1).unwrap();
    let a = one(1);
    let b = PyObj::new_var_copied_exact(&digits, true, Digits, [2, 3], 2).unwrap();
    assert_eq!(b.var_exact(&digits), Some((-2, &[2u32, 3][..])));
    assert_eq!(live_objects(), base + 2);
    drop((a, b));
    assert_eq!(live_objects(), base);
    let big = PyObj::new_var_filled(&t.digits, false, Digits, 300, |d| d.fill(7)).unwrap();
    assert_eq!(
        big.items::<Digits>().map(|d| (d.len(), d[299])),
        Some((300, 7))
    );
    drop(big);
    assert_eq!(live_objects(), base);
    let pair = tup(&t, vec![one(4), one(5)]);
    assert_eq!(live_objects(), base + 3);
    drop(pair);
    assert_eq!(live_objects(), base);
}

#[test]
fn var_items_are_kept_and_freed() {
    let t = types();
    let base = live_objects();
    let a = PyObj::new(&t.atom, Atom(1));
    let tp = tup(&t, vec![a.clone(), a.clone()]);
    assert_eq!(a.refcnt(), 3);
    assert_eq!(tp.items::<Tup>().unwrap().len(), 2);
    assert_eq!(tp.ob_size(), 2);
    drop(tp);
    assert_eq!(a.refcnt(), 1);
    // a short iterator gives None and frees what it wrote
    let short = PyObj::new_var(&t.tup, false, Tup, 3, vec![a.clone()]);
    assert!(short.is_none());
    assert_eq!(a.refcnt(), 1);
    drop(a);
    assert_eq!(live_objects(), base);
}

#[test]
fn plain_items_are_zeroed_then_filled_in_place() {
    let t = types();
    let base = live_objects();
    let d = PyObj::new_var_filled(&t.digits, true, Digits, 5, |items: &mut [u32]| {
        assert!(items.iter().all(|&x| x == 0));
        for (i, x) in items.iter_mut().enumerate() {
            *x = i as u32 * 3;
        }
    })
    .unwrap();
    assert_eq!(d.items::<Digits>().unwrap(), &[0, 3, 6, 9, 12]);
    assert_eq!(d.ob_size(), -5);
    assert_eq!(d.sizeof(), 16 + 8 + 5 * 4);
    drop(d);
    assert_eq!(live_objects(), base);
}

#[test]
fn concatenated_items_are_copied_part_after_part() {
    let t = types();
    let base = live_objects();
    let d = PyObj::new_var_concat(&t.digits, false, Digits, &[&[1, 2], &[], &[3, 4, 5]]).unwrap();
    assert_eq!(d.items::<Digits>().unwrap(), &[1, 2, 3, 4, 5]);
    assert_eq!(d.ob_size(), 5);
    assert_eq!(d.sizeof(), 16 + 8 + 5 * 4);
    let empty = PyObj::new_var_concat::<Digits>(&t.digits, true, Digits, &[]).unwrap();
    assert_eq!(empty.items::<Digits>().unwrap(), &[] as &[u32]);
    drop((d, empty));
    assert_eq!(live_objects(), base);
}

#[test]
fn immortal_objects_are_never_freed() {
    let t = types();
    let a = PyObj::new(&t.atom, Atom(1));
    a.make_immortal();
    let b = a.clone();
    drop(b);
    drop(a.clone());
    assert_eq!(a.refcnt(), u32::MAX as usize);
}

const DEEP: usize = if cfg!(miri) { 2_000 } else { 1_000_000 };

#[test]
fn a_deep_chain_of_lists_frees_without_recursion() {
    let t = types();
    let base = live_objects();
    let mut head = lst(&t, vec![]);
    for _ in 0..DEEP {
        head = lst(&t, vec![head]);
    }
    assert_eq!(live_objects(), base + DEEP + 1);
    drop(head);
    assert_eq!(live_objects(), base);
}

#[test]
fn a_deep_chain_of_tuples_frees_without_recursion() {
    let t = types();
    let base = live_objects();
    let a = PyObj::new(&t.atom, Atom(0));
    let mut head = tup(&t, vec![a.clone()]);
    for _ in 0..DEEP {
        head = tup(&t, vec![a.clone(), head]);
    }
    drop(head);
    drop(a);
    assert_eq!(live_objects(), base);
}

#[test]
fn many_objects_return_to_baseline() {
    let t = types();
    let base = live_objects();
    let n = if cfg!(miri) { 1_000 } else { 1_000_000 };
    let big = lst(&t, (0..n).map(|i| PyObj::new(&t.atom, Atom(i))).collect());
    assert_eq!(live_objects(), base + n as usize + 1);
    drop(big);
    assert_eq!(live_objects(), base);
    assert!(verify_heap().is_ok());
}

#[test]
fn collect_finds_list_cycles() {
    let t = types();
    gc_set_enabled(false);
    collect(2);
    let base = live_objects();
    // a self-referencing list
    let a = lst(&t, vec![]);
    push(&a, a.clone());
    drop(a);
    assert_eq!(live_objects(), base + 1);
    assert_eq!(collect(2), 1);
    assert_eq!(live_objects(), base);
    // N cycles of two lists: 2 per cycle (reference/gc.txt)
    for n in [1, 10, 100] {
        for _ in 0..n {
            let a = lst(&t, vec![]);
            let b = lst(&t, vec![a.clone()]);
            push(&a, b);
        }
        assert_eq!(collect(2), 2 * n);
        assert_eq!(live_objects(), base);
    }
    gc_set_enabled(true);
}

#[test]
fn reachable_objects_survive_and_age() {
    let t = types();
    gc_set_enabled(false);
    collect(2);
    let a = lst(&t, vec![]);
    push(&a, a.clone()); // a cycle, but `a` is still referenced from here
    let inner = lst(&t, vec![]);
    push(&a, inner.clone());
    drop(inner);
    assert_eq!(collect(0), 0);
    assert_eq!(a.borrow::<Lst>().unwrap().0.len(), 2);
    let report = verify_heap();
    assert!(report.is_ok(), "{:?}", report.problems);
    assert!(
        report.tracked[1] >= 2,
        "survivors move to the next generation"
    );
    push(&a, lst(&t, vec![]));
    assert_eq!(collect(2), 0);
    assert!(verify_heap().tracked[2] >= 3);
    a.borrow_mut::<Lst>().unwrap().0.clear();
    drop(a);
    assert_eq!(collect(2), 0, "broken by refcounting, not the collector");
    gc_set_enabled(true);
}

#[test]
fn tuples_of_atoms_are_untracked_by_a_collection() {
    let t = types();
    let a = PyObj::new(&t.atom, Atom(1));
    let tp = tup(&t, vec![a.clone()]);
    assert!(tp.gc_is_tracked());
    let holder = tup(&t, vec![tp.clone()]);
    let with_list = tup(&t, vec![lst(&t, vec![])]);
    collect(0);
    assert!(!tp.gc_is_tracked());
    assert!(
        !holder.gc_is_tracked(),
        "its only element is an untracked tuple"
    );
    assert!(with_list.gc_is_tracked());
}

#[test]
fn a_cycle_through_a_tuple_is_collected() {
    let t = types();
    collect(2);
    let base = live_objects();
    let l = lst(&t, vec![]);
    let tp = tup(&t, vec![l.clone()]);
    push(&l, tp);
    drop(l);
    assert_eq!(collect(2), 2);
    assert_eq!(live_objects(), base);
}

#[test]
fn counts_follow_cpython_rules() {
    let t = types();
    gc_set_enabled(false);
    collect(2);
    assert_eq!(gc_get_count(), [0, 0, 0]);
    let keep: Vec<PyObj> = (0..5).map(|_| lst(&t, vec![])).collect();
    assert_eq!(gc_get_count()[0], 5);
    let _atom = PyObj::new(&t.atom, Atom(1)); // not a container: not counted
    assert_eq!(gc_get_count()[0], 5);
    drop(keep);
    assert_eq!(gc_get_count()[0], 0);
    collect(0);
    assert_eq!(gc_get_count(), [0, 1, 0]);
    collect(1);
    assert_eq!(gc_get_count(), [0, 0, 1]);
    gc_set_enabled(true);
}

#[test]
fn automatic_collections_follow_the_schedule() {
    if cfg!(miri) {
        return; // thousands of allocations: too slow under Miri, covered natively
    }
    let t = types();
    gc_set_enabled(true);
    collect(2);
    let before = gc_stats();
    let mut keep = Vec::new();
    // 700 allocations stay under the threshold; the 701st triggers generation 0.
    for _ in 0..700 {
        keep.push(lst(&t, vec![]));
    }
    assert_eq!(gc_stats()[0].collections, before[0].collections);
    keep.push(lst(&t, vec![]));
    assert_eq!(gc_stats()[0].collections, before[0].collections + 1);
    // 11 gen-0 collections, then a gen-1 one (reference/gc.txt: period 12)
    for _ in 0..(701 * 11) {
        keep.push(lst(&t, vec![]));
    }
    let after = gc_stats();
    assert_eq!(after[0].collections - before[0].collections, 11);
    assert_eq!(after[1].collections - before[1].collections, 1);
}

#[test]
fn a_mutably_borrowed_container_postpones_collection() {
    let t = types();
    collect(2);
    let a = lst(&t, vec![]);
    push(&a, a.clone());
    let guard = a.borrow_mut::<Lst>().unwrap();
    assert_eq!(collect(2), 0);
    drop(guard);
    a.borrow_mut::<Lst>().unwrap().0.clear();
}

#[test]
fn finalizers_run_once_and_may_resurrect() {
    let t = types();
    collect(2);
    let base = live_objects();
    let a = PyObj::new(&t.fin, Fin(vec![]));
    a.borrow_mut::<Fin>().unwrap().0.push(a.clone());
    drop(a);
    // The finalizer keeps what it is given: resurrected, so nothing is collected.
    let mut kept = Vec::new();
    assert_eq!(
        collect_with(2, &mut |o| kept.push(o)),
        0,
        "resurrected by its finalizer"
    );
    assert_eq!(kept.len(), 1);
    drop(kept);
    // The second time the finalizer does not run again (PEP 442).
    let mut runs = 0;
    assert_eq!(collect_with(2, &mut |_| runs += 1), 1);
    assert_eq!(runs, 0);
    assert_eq!(live_objects(), base);
}

#[test]
fn finalizer_that_does_not_resurrect_lets_the_cycle_go_in_the_same_collection() {
    let t = types();
    collect(2);
    let base = live_objects();
    let a = PyObj::new(&t.fin, Fin(vec![]));
    let b = PyObj::new(&t.fin, Fin(vec![a.clone()]));
    a.borrow_mut::<Fin>().unwrap().0.push(b.clone());
    drop((a, b));
    let mut runs = 0;
    assert_eq!(collect_with(2, &mut |_| runs += 1), 2);
    assert_eq!(runs, 2);
    assert_eq!(live_objects(), base);
}

#[test]
fn count_zero_queues_the_finalizer_once() {
    let t = types();
    let base = live_objects();
    let a = PyObj::new(&t.fin, Fin(vec![]));
    drop(a);
    assert!(finalizers_pending());
    assert_eq!(live_objects(), base + 1, "kept alive for its finalizer");
    let q = take_finalizers();
    assert_eq!(q.len(), 1);
    assert!(!finalizers_pending());
    drop(q); // finalized already: freed now, not queued again
    assert!(!finalizers_pending());
    assert_eq!(live_objects(), base);
}

/// Instance-like layout: a zero-sized payload with a 2-word pre-header (managed dict)
/// and 3 words after the header (two slots and a weakref slot).
struct Inst;
impl Payload for Inst {
    type Item = ();
    const NAME: &'static str = "inst";
    const GC: bool = true;
}

#[test]
fn derived_layouts_add_words_and_traverse_them() {
    let t = types();
    collect(2);
    let base = live_objects();
    let vt = Vtable::derived(Inst::VTABLE, 2, 3, false);
    assert!(
        std::ptr::eq(vt, Vtable::derived(Inst::VTABLE, 2, 3, false)),
        "cached"
    );
    let ty = TypeRef::with_vtable(&t.meta, vt, Meta);
    let x = PyObj::new(&ty, Inst);
    // 16 pre + 16 GC + 16 header + 3 * 8 words: CPython's 32 + 8 * slots + 16 + 8.
    assert_eq!(x.sizeof(), 72);
    assert_eq!(x.words().len(), 3);
    assert_eq!(x.pre_words().len(), 1);
    assert!(x.values_slot().is_some_and(|v| v.take().is_none()));
    // Without the 2 pre words there is no values slot (the header's MANAGED flag).
    {
        let plain = Vtable::derived(Inst::VTABLE, 0, 3, false);
        let plain_ty = TypeRef::with_vtable(&t.meta, plain, Meta);
        assert!(PyObj::new(&plain_ty, Inst).values_slot().is_none());
    }
    assert!(x.words().iter().all(|w| w.take().is_none()));
    assert!(x.gc_is_tracked());
    // A cycle through a word: collected.
    x.words()[0].set(Some(x.clone()));
    let d = lst(&t, vec![x.clone()]);
    x.pre_words()[0].set(Some(d));
    drop(x);
    assert_eq!(collect(2), 2);
    drop(ty);
    assert_eq!(live_objects(), base);
}

#[test]
fn owned_containers_are_traversed_through_their_owner() {
    let t = types();
    collect(2);
    let base = live_objects();
    let ty = TypeRef::with_vtable(&t.meta, Vtable::derived(Inst::VTABLE, 2, 0, false), Meta);
    let x = PyObj::new(&ty, Inst);
    let d = lst(&t, vec![x.clone()]);
    d.set_owned(true);
    assert!(!d.gc_is_tracked());
    d.gc_track();
    assert!(!d.gc_is_tracked(), "an owned container is never tracked");
    x.pre_words()[0].set(Some(d));
    drop(x);
    // Only the instance is found: its owned list is part of it (CPython's values).
    assert_eq!(collect(2), 1);
    drop(ty);
    assert_eq!(live_objects(), base);
}

#[test]
fn freeing_an_object_drops_its_words() {
    let t = types();
    let base = live_objects();
    let ty = TypeRef::with_vtable(&t.meta, Vtable::derived(Inst::VTABLE, 2, 1, false), Meta);
    let x = PyObj::new(&ty, Inst);
    x.words()[0].set(Some(lst(&t, vec![])));
    let mut v = crate::table::InlineValues::new(0, 3, 0).unwrap();
    v.entries_mut()[2] = Some(lst(&t, vec![]));
    x.values_slot().unwrap().set(Some(v));
    drop((x, ty));
    assert_eq!(live_objects(), base);
}

#[test]
fn new_instance_is_news_object() {
    let t = types();
    collect(2);
    let base = live_objects();
    for (pre, words) in [(2, 0), (2, 1), (2, 2), (2, 3), (0, 0), (0, 1)] {
        let ty = TypeRef::with_vtable(
            &t.meta,
            Vtable::derived(Inst::VTABLE, pre, words, false),
            Meta,
        );
        let a = PyObj::new(&ty, Inst);
        let b = PyObj::new_instance(&ty, Inst);
        assert_eq!(a.sizeof(), b.sizeof());
        assert_eq!(b.words().len(), words);
        assert!(b.words().iter().all(|w| w.take().is_none()));
        assert_eq!(b.pre_words().len(), a.pre_words().len());
        assert!(b.pre_words().iter().all(|w| w.take().is_none()));
        assert_eq!(b.values_slot().is_some(), pre == 2);
        assert!(b.gc_is_tracked());
        if let Some(slot) = b.values_slot() {
            assert!(slot.take().is_none());
            let mut v = crate::table::InlineValues::new_empty(3).unwrap();
            v.entries_mut()[1] = Some(lst(&t, vec![]));
            slot.set(Some(v));
        }
        if words > 0 {
            b.words()[words - 1].set(Some(lst(&t, vec![])));
        }
        drop((a, b, ty));
        assert_eq!(live_objects(), base);
    }
}

#[test]
fn instance_values_are_traversed_and_cleared() {
    let t = types();
    collect(2);
    let base = live_objects();
    let ty = TypeRef::with_vtable(&t.meta, Vtable::derived(Inst::VTABLE, 2, 0, false), Meta);
    let x = PyObj::new(&ty, Inst);
    let y = PyObj::new(&ty, Inst);
    // x and y refer to each other through their values (no dict objects).
    for (a, b) in [(&x, &y), (&y, &x)] {
        let mut v = crate::table::InlineValues::new(0, 2, 0).unwrap();
        v.entries_mut()[1] = Some(b.clone());
        a.values_slot().unwrap().set(Some(v));
    }
    drop((x, y));
    assert_eq!(collect(2), 2);
    drop(ty);
    assert_eq!(live_objects(), base);
}

#[test]
fn exact_borrows_and_in_place_reads() {
    let t = types();
    let exact = ExactType::<Lst>::new(&t.lst).unwrap();
    let other = ExactType::<Lst>::new(&TypeRef::new::<Meta, Lst>(&t.meta, Meta)).unwrap();
    let base = live_objects();
    let a = PyObj::new(&t.atom, Atom(1));
    let l = lst(&t, vec![a.clone()]);
    assert!(l.borrow_exact(&other).is_none());
    assert!(l.borrow_mut_exact(&other).is_none());
    {
        let r = l.borrow_exact(&exact).unwrap();
        assert_eq!(r.0.len(), 1);
        assert!(l.borrow_mut_exact(&exact).is_none(), "shared borrow held");
        assert!(l.borrow_exact(&exact).is_some());
    }
    {
        let mut w = l.borrow_mut_exact(&exact).unwrap();
        w.0.push(a.clone());
        assert!(l.borrow_exact(&exact).is_none(), "exclusive borrow held");
        assert_eq!(l.borrow::<Lst>().err(), Some(BorrowError::Busy));
    }
    assert_eq!(l.borrow_exact(&exact).unwrap().0.len(), 2);
    // Words and instance values read in place: a new reference, the slot unchanged.
    let ty = TypeRef::with_vtable(&t.meta, Vtable::derived(Inst::VTABLE, 2, 1, false), Meta);
    let x = PyObj::new(&ty, Inst);
    assert!(PyObj::clone_from_slot(&x.words()[0]).is_none());
    x.words()[0].set(Some(a.clone()));
    let before = a.refcnt();
    let w = PyObj::clone_from_slot(&x.words()[0]).unwrap();
    assert!(w.is(&a) && a.refcnt() == before + 1);
    drop(w);
    let slot = x.values_slot().unwrap();
    assert!(!crate::table::values_present(slot));
    assert!(crate::table::values_entry(slot, 0).is_none());
    let mut v = crate::table::InlineValues::new(0, 2, 0).unwrap();
    v.entries_mut()[1] = Some(a.clone());
    slot.set(Some(v));
    assert!(crate::table::values_present(slot));
    assert!(crate::table::values_entry(slot, 0).is_none());
    assert!(crate::table::values_entry(slot, 2).is_none());
    let e = crate::table::values_entry(slot, 1).unwrap();
    assert!(e.is(&a) && a.refcnt() == before + 2);
    drop((e, x, ty, l, a));
    assert_eq!(live_objects(), base);
}

// ----- what the safe API must not be able to do (H5, H9, C3) --------------------------

#[test]
fn a_visitor_cannot_mutably_borrow_the_payload_being_traversed() {
    let t = types();
    let base = live_objects();
    let l = lst(&t, vec![]);
    push(&l, l.clone()); // a list that contains itself
    let mut seen = 0;
    l.visit_children(&mut |child| {
        seen += 1;
        // The traverse is iterating over the list's Vec: it may be read, not changed.
        assert!(child.is(&l));
        assert!(child.borrow::<Lst>().is_ok());
        assert_eq!(child.borrow_mut::<Lst>().err(), Some(BorrowError::Busy));
    });
    assert_eq!(seen, 1);
    assert!(
        l.borrow_mut::<Lst>().is_ok(),
        "the shared state is given back"
    );
    let inner = std::mem::take(&mut l.borrow_mut::<Lst>().unwrap().0);
    drop(inner);
    drop(l);
    assert_eq!(live_objects(), base);
}

/// A payload whose `VTABLE` names another payload's (var-sized) layout.
struct Pair(u64, u64);
impl Payload for Pair {
    type Item = ();
    const NAME: &'static str = "pair";
    const VTABLE: &'static Vtable = Digits::VTABLE;
}

#[test]
fn an_overridden_vtable_does_not_move_the_payload() {
    let t = types();
    let base = live_objects();
    // The heap finds a Pair where Vtable::new::<Pair>() put it, whatever Pair::VTABLE
    // says (H9).
    let vt: &'static Vtable = Box::leak(Box::new(Vtable::new::<Pair>()));
    let ty = TypeRef::with_vtable(&t.meta, vt, Meta);
    let p = PyObj::new(&ty, Pair(1, 2));
    let got = p.get::<Pair>().unwrap();
    assert_eq!((got.0, got.1), (1, 2));
    assert_eq!(p.sizeof(), 32);
    drop((p, ty));
    assert_eq!(live_objects(), base + 1, "the type is pinned (H11)");
}

#[test]
#[should_panic(expected = "do not fit")]
fn a_vtable_whose_words_do_not_fit_is_refused() {
    let t = types();
    let mut vt = *Atom::VTABLE;
    vt.n_words = 4; // a public field: the block has no room for them
    TypeRef::with_vtable(&t.meta, Box::leak(Box::new(vt)), Meta);
}

#[test]
#[should_panic(expected = "must be containers")]
fn a_finalized_layout_without_a_gc_header_is_refused() {
    let t = types();
    let mut vt = *Vtable::derived(Inst::VTABLE, 0, 0, true);
    vt.gc = false; // the FINALIZED bit lives in the GC header
    TypeRef::with_vtable(&t.meta, Box::leak(Box::new(vt)), Meta);
}

/// A container aligned beyond the 16-byte GC header in front of its ObHead.
#[repr(align(32))]
struct Wide;
impl Payload for Wide {
    type Item = ();
    const NAME: &'static str = "wide";
    const GC: bool = true;
}

#[test]
#[should_panic(expected = "misalign")]
fn a_layout_that_would_misalign_its_payload_is_refused() {
    let t = types();
    TypeRef::new::<Meta, Wide>(&t.meta, Meta);
}

thread_local! {
    /// What Spy's traverse saw when it called verify_heap (armed: Some).
    static SPY: std::cell::RefCell<Option<Vec<String>>> = const { std::cell::RefCell::new(None) };
}

/// A container whose traverse calls verify_heap, once, when armed.
struct Spy;
impl Payload for Spy {
    type Item = ();
    const NAME: &'static str = "spy";
    const GC: bool = true;
    fn traverse(&self, _: &[()], _: Visit<'_>) {
        SPY.with(|s| {
            if let Some(seen) = s.borrow_mut().as_mut().filter(|v| v.is_empty()) {
                seen.extend(verify_heap().problems);
            }
        });
    }
}

#[test]
fn verify_heap_from_a_traverse_during_a_collection_reports_it() {
    let t = types();
    collect(2);
    let base = live_objects();
    let ty = TypeRef::new::<Meta, Spy>(&t.meta, Meta);
    let s = PyObj::new(&ty, Spy);
    SPY.with(|s| *s.borrow_mut() = Some(Vec::new()));
    collect(0);
    let seen = SPY.with(|s| s.borrow_mut().take()).unwrap();
    assert_eq!(seen, ["verify_heap called during a collection"]);
    assert!(verify_heap().is_ok());
    drop((s, ty));
    assert_eq!(live_objects(), base + 1, "the type is pinned (H11)");
}

/// A container whose traverse untracks the container it holds (C3 forbids it).
struct Meddler(PyObj);
impl Payload for Meddler {
    type Item = ();
    const NAME: &'static str = "meddler";
    const GC: bool = true;
    fn traverse(&self, _: &[()], visit: Visit<'_>) {
        self.0.gc_untrack();
        visit(&self.0);
    }
}

const CHILD: &str = "GLASSPY_HEAP_TEST_ABORT_CHILD";

/// Run test `name` of this binary again in a child process with CHILD set, expect it to
/// fail, and return what it wrote to stderr.
fn run_in_child(name: &str) -> String {
    let out = std::process::Command::new(std::env::current_exe().unwrap())
        .args([
            "--exact",
            &format!("tests::{name}"),
            "--test-threads=1",
            "--nocapture",
        ])
        .env(CHILD, "1")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(!out.status.success(), "the child did not fail: {stderr}");
    stderr
}

#[test]
#[cfg_attr(miri, ignore)] // runs the test binary again, to see it abort
fn a_traverse_that_untracks_during_a_collection_aborts() {
    if std::env::var_os(CHILD).is_some() {
        let t = types();
        let ty = TypeRef::new::<Meta, Meddler>(&t.meta, Meta);
        let _m = PyObj::new(&ty, Meddler(lst(&t, vec![])));
        collect(0);
        unreachable!("the collection should have aborted");
    }
    let stderr = run_in_child("a_traverse_that_untracks_during_a_collection_aborts");
    assert!(
        stderr.contains("untracked or freed a container during a collection"),
        "{stderr}"
    );
}

/// A container whose traverse panics.
struct Panicker;
impl Payload for Panicker {
    type Item = ();
    const NAME: &'static str = "panicker";
    const GC: bool = true;
    fn traverse(&self, _: &[()], _: Visit<'_>) {
        panic!("traverse failed");
    }
}

#[test]
#[cfg_attr(miri, ignore)] // runs the test binary again, to see it abort
fn a_panic_in_a_traverse_during_a_collection_aborts() {
    if std::env::var_os(CHILD).is_some() {
        let t = types();
        let ty = TypeRef::new::<Meta, Panicker>(&t.meta, Meta);
        let _p = PyObj::new(&ty, Panicker);
        let _ = std::panic::catch_unwind(|| collect(0));
        unreachable!("the collection should have aborted");
    }
    let stderr = run_in_child("a_panic_in_a_traverse_during_a_collection_aborts");
    assert!(
        stderr.contains("panic in a payload callback during a collection"),
        "{stderr}"
    );
}

/// A class given a finalizer after it was made: the late check decides, on the count
/// reaching 0 and in a collection, for instances whose vtable says none.
#[test]
fn a_late_finalizer_queues_instances_of_classes_made_without_one() {
    fn only_fin_payloads(ty: &TypeRef) -> bool {
        ty.instance_vtable().type_id() == Fin::VTABLE.type_id()
    }
    let t = types();
    let late = TypeRef::with_vtable(&t.meta, Vtable::derived(Fin::VTABLE, 0, 0, false), Meta);
    let base = live_objects();
    drop(PyObj::new(&late, Fin(vec![])));
    assert!(!finalizers_pending(), "no check installed: freed at once");
    assert_eq!(live_objects(), base);
    crate::set_late_finalizer(Some(only_fin_payloads));
    drop(PyObj::new(&late, Fin(vec![])));
    assert!(finalizers_pending());
    assert_eq!(live_objects(), base + 1, "kept alive for its finalizer");
    drop(take_finalizers());
    assert_eq!(live_objects(), base);
    // In a cycle: the collection finalizes it once, then frees it.
    let a = PyObj::new(&late, Fin(vec![]));
    a.borrow_mut::<Fin>().unwrap().0.push(a.clone());
    drop(a);
    let mut runs = 0;
    collect_with(2, &mut |o: PyObj| {
        runs += 1;
        drop(o);
    });
    assert_eq!(runs, 1);
    collect_with(2, &mut |_| panic!("finalized once only"));
    crate::set_late_finalizer(None);
    assert_eq!(live_objects(), base);
}

// ----- weak references ------------------------------------------------------------------

fn weak_type(t: &Types) -> TypeRef {
    TypeRef::new::<Meta, WeakRef>(&t.meta, Meta)
}

fn weak(ty: &TypeRef, target: &PyObj, cb: Option<PyObj>, at: usize) -> PyObj {
    let w = PyObj::new(ty, WeakRef::new(cb));
    assert!(weakref_attach(&w, target, at));
    assert!(!weakref_attach(&w, target, at), "attached once only");
    w
}

#[test]
fn a_weak_reference_is_80_bytes_and_holds_no_reference() {
    let t = types();
    let wt = weak_type(&t);
    let base = live_objects();
    let x = lst(&t, vec![]);
    let w = weak(&wt, &x, None, 0);
    assert_eq!(w.sizeof(), 80);
    assert_eq!(x.refcnt(), 1);
    let got = w.get::<WeakRef>().unwrap().get().unwrap();
    assert!(got.is(&x));
    drop(got);
    assert_eq!(weakref_count(&x), 1);
    drop(x);
    assert!(!w.get::<WeakRef>().unwrap().is_alive());
    assert!(!finalizers_pending(), "no callback: nothing queued");
    drop(w);
    assert_eq!(live_objects(), base);
}

#[test]
fn callbacks_are_queued_in_list_order_when_the_referent_dies() {
    let t = types();
    let wt = weak_type(&t);
    let base = live_objects();
    let x = lst(&t, vec![]);
    let cb1 = lst(&t, vec![]);
    let cb2 = lst(&t, vec![]);
    let w1 = weak(&wt, &x, Some(cb1.clone()), 0);
    let w2 = weak(&wt, &x, Some(cb2.clone()), 0);
    let plain = weak(&wt, &x, None, 0);
    let order = weakrefs_of(&x);
    assert!(order[0].is(&plain) && order[1].is(&w2) && order[2].is(&w1));
    drop(order);
    // A weak reference that dies first leaves the list.
    let w3 = weak(&wt, &x, Some(cb1.clone()), 3);
    drop(w3);
    assert_eq!(weakref_count(&x), 3);
    drop(x);
    let q = take_finalizers();
    assert_eq!(q.len(), 2);
    assert!(q[0].is(&w2) && q[1].is(&w1));
    assert!(q[0].get::<WeakRef>().unwrap().callback().unwrap().is(&cb2));
    drop((q, w1, w2, plain, cb1, cb2));
    assert_eq!(live_objects(), base);
}

#[test]
fn a_collection_clears_weak_references_to_garbage_and_skips_garbage_callbacks() {
    let t = types();
    let wt = weak_type(&t);
    let base = live_objects();
    let a = lst(&t, vec![]);
    let b = lst(&t, vec![a.clone()]);
    push(&a, b.clone());
    let cb = lst(&t, vec![]);
    let outside = weak(&wt, &a, Some(cb.clone()), 0);
    // A weak reference that is itself part of the garbage: its callback never runs.
    let inside = weak(&wt, &b, Some(cb.clone()), 0);
    push(&a, inside);
    drop((a, b));
    let mut due = Vec::new();
    assert_eq!(collect_with(2, &mut |o| due.push(o)), 3);
    assert_eq!(due.len(), 1);
    assert!(due[0].is(&outside));
    assert!(!outside.get::<WeakRef>().unwrap().is_alive());
    drop((due, outside, cb));
    assert_eq!(live_objects(), base);
}

// ----- gc module support: freeze, DEBUG_SAVEALL, the report hook -------------------------

#[test]
fn frozen_objects_are_not_collected_until_unfrozen() {
    let t = types();
    let base = live_objects();
    collect(2);
    let a = lst(&t, vec![]);
    push(&a, a.clone());
    drop(a);
    gc_freeze();
    assert!(gc_freeze_count() >= 1);
    assert_eq!(gc_list_sizes(), [0, 0, 0]);
    assert_eq!(collect(2), 0, "the permanent generation is ignored");
    gc_unfreeze();
    assert_eq!(gc_freeze_count(), 0);
    assert_eq!(collect(2), 1);
    assert_eq!(live_objects(), base);
}

thread_local! {
    static SAVED: std::cell::RefCell<Vec<PyObj>> = const { std::cell::RefCell::new(Vec::new()) };
    static EVENTS: std::cell::RefCell<Vec<String>> = const { std::cell::RefCell::new(Vec::new()) };
}

fn save_to_vec(o: PyObj) {
    SAVED.with(|s| s.borrow_mut().push(o));
}

fn record(e: &GcEvent<'_>) {
    let line = match e {
        GcEvent::Start { generation, .. } => format!("start {generation}"),
        GcEvent::Collectable(o) => format!("collectable {}", o.vtable().name),
        GcEvent::Done { unreachable, .. } => format!("done {unreachable}"),
    };
    EVENTS.with(|v| v.borrow_mut().push(line));
}

#[test]
fn saveall_keeps_the_garbage_and_the_report_sees_it() {
    let t = types();
    let base = live_objects();
    collect(2);
    set_gc_save(Some(save_to_vec));
    set_gc_report(Some(record));
    let a = lst(&t, vec![]);
    push(&a, a.clone());
    drop(a);
    assert_eq!(collect(2), 1);
    set_gc_save(None);
    set_gc_report(None);
    let saved = SAVED.with(|s| std::mem::take(&mut *s.borrow_mut()));
    assert_eq!(saved.len(), 1);
    assert_eq!(saved[0].borrow::<Lst>().unwrap().0.len(), 1, "not cleared");
    let events = EVENTS.with(|v| std::mem::take(&mut *v.borrow_mut()));
    assert_eq!(events, ["start 2", "collectable lst", "done 1"]);
    drop(saved);
    assert_eq!(collect(2), 1);
    assert_eq!(live_objects(), base);
}

#[test]
fn borrowed_answers_until_a_cached_object_dies() {
    let t = types();
    let a = PyObj::new(&t.atom, Atom(1));
    let b = PyObj::new(&t.atom, Atom(2));
    let ba = Borrowed::new(&a);
    assert_eq!(a.refcnt(), 1, "a Borrowed holds no count");
    let got = ba.get().expect("nothing died");
    assert!(got.is(&a));
    assert_eq!(a.refcnt(), 2);
    drop(got);
    // An object that is not named by any Borrowed dies: no effect.
    drop(PyObj::new(&t.atom, Atom(3)));
    assert!(ba.get().is_some());
    // A named object dies: every Borrowed stops answering.
    let bb = Borrowed::new(&b);
    drop(b);
    assert!(bb.get().is_none());
    assert!(ba.get().is_none());
    assert_eq!(a.refcnt(), 1);
    let again = Borrowed::new(&a);
    assert!(again.get().is_some_and(|x| x.is(&a)));
}

#[test]
fn a_zeroed_borrowed_slot_is_empty_and_a_slot_gives_back_its_borrowed() {
    let t = types();
    let empty: BorrowedSlot = bytemuck::Zeroable::zeroed();
    assert!(empty.get().is_none());
    assert!(BorrowedSlot::new(None).get().is_none());
    let a = PyObj::new(&t.atom, Atom(1));
    let slot = BorrowedSlot::new(Some(Borrowed::new(&a)));
    let got = slot.get().and_then(|b| b.get()).expect("nothing died");
    assert!(got.is(&a));
    drop(got);
    drop(a);
    assert!(slot.get().is_some_and(|b| b.get().is_none()));
}
