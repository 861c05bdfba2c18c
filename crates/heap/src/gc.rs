//! The generational cycle collector, after CPython 3.11's Modules/gcmodule.c: its
//! per-thread state, the tracking entry points the object layer calls, and the
//! `gc` module's API. The lists are in `gc/list.rs`, the collection in
//! `gc/collect.rs`.
//!
//! Three generations, each a circular doubly-linked list of GC headers with a sentinel
//! head, thresholds (700, 10, 10). Allocating a container adds one to count[0]; freeing
//! one takes one away. When count[0] exceeds threshold[0] the oldest generation whose
//! count exceeds its threshold is collected (generation 2 only once long_lived_pending
//! exceeds long_lived_total / 4). Collecting generation i resets count[0..=i] and adds
//! one to count[i+1].
//!
//! A collection of generation i (gc_collect_main):
//! 1. merge the younger generations into it: `young`;
//! 2. update_refs: gc_refs = refcount for each object in young, COLLECTING set;
//! 3. subtract_refs: for each reference from one young object to another, gc_refs -= 1.
//!    Now gc_refs counts the references from outside young;
//! 4. move_unreachable: objects with gc_refs > 0 are reachable, and so is everything
//!    they reach; the rest move to `unreachable`. After it, young holds exactly the
//!    reachable objects, with real prev pointers again;
//! 5. untrack_tuples (and untrack_dicts in full collections); young joins the older
//!    generation;
//! 6. finalize_garbage: run finalizers of unreachable objects not yet finalized;
//! 7. handle_resurrected_objects: redo 2-4 inside `unreachable`; objects a finalizer
//!    made reachable go to the older generation;
//! 8. delete_garbage: tp_clear each remaining object, which breaks the cycles so that
//!    reference counting frees them.
//!
//! The number returned is the number of unreachable objects found in step 8's list.
//!
//! Bits: `prev` bit 0 FINALIZED, bit 1 COLLECTING, gc_refs in the bits above while
//! COLLECTING; `next` bit 0 NEXT_MASK_UNREACHABLE while in move_unreachable's output.
//!
//! # Invariants of the lists (cited as C1..C3, with H2 of lib.rs)
//!
//! - **C1** A `GcPtr` points at a live GC header: a container's, right in front of its
//!   `ObHead`, or a list head. Its constructor is `unsafe` and promises this for as
//!   long as the value and its copies are used. A container's header is unlinked
//!   (`on_free`) before its block is freed; the generation heads are leaked per thread,
//!   and a collection's own heads are freed only once empty, at its end.
//! - **C2** In a list, the `next` and `prev` (flag bits removed) of the head and of every
//!   member point at live headers of the same circular list, and every member is a
//!   container's header, never a head. An untracked header has `next == null`.
//! - **C3** Outside a collection's busy window (steps 2-5, and 7), no `next` carries
//!   NEXT_MASK_UNREACHABLE and every `prev` holds a pointer. Inside it the collector
//!   alone touches links: `prev` of a COLLECTING header holds gc_refs from update_refs
//!   until move_unreachable writes a pointer back, and in move_unreachable's output
//!   every `next` is masked until clear_unreachable_mask. The only foreign code the
//!   window runs is payload callbacks (traverse, can_untrack); `track`, `untrack`,
//!   `on_free` and `walk_generation` check the `busy` flag and refuse (abort, or report
//!   to verify_heap) should one reach the lists, and a panic inside the window aborts.

use std::cell::Cell;

use crate::object::{object_of, pending, set_pending, PyObj, TypeRef, PENDING_COLLECT};

mod collect;
mod find;
mod list;

pub use find::{gc_generation_of, gc_get_permanent_objects, GcGeneration};

use list::{list_append, list_remove, new_head};
pub(crate) use list::{GcHead, GcPtr};

pub const NUM_GENERATIONS: usize = 3;

/// Statistics of one generation (gc.get_stats()).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct GcStats {
    pub collections: usize,
    pub collected: usize,
    pub uncollectable: usize,
}

struct Generation {
    /// The list head; None until the thread's first use (C1: then leaked).
    head: Cell<Option<GcPtr>>,
    threshold: Cell<usize>,
    count: Cell<usize>,
}

struct GcState {
    gens: [Generation; NUM_GENERATIONS],
    enabled: Cell<bool>,
    collecting: Cell<bool>,
    /// Inside a collection's busy window (C3).
    busy: Cell<bool>,
    long_lived_total: Cell<usize>,
    long_lived_pending: Cell<usize>,
    stats: [Cell<GcStats>; NUM_GENERATIONS],
    /// The permanent generation (gc.freeze); None until first used (C1: then leaked).
    permanent: Cell<Option<GcPtr>>,
    /// What a collection reports (gc.set_debug's DEBUG_STATS and DEBUG_COLLECTABLE).
    report: Cell<Option<Report>>,
    /// Where unreachable objects go instead of being cleared (DEBUG_SAVEALL).
    save: Cell<Option<Save>>,
    /// Asked when an automatic collection is due: should the interpreter run it?
    defer: Cell<Option<DeferAutomatic>>,
    /// The interpreter is running a collection's callbacks: no automatic collection
    /// starts meanwhile (CPython's `collecting` flag covers its callbacks too).
    held: Cell<bool>,
}

const fn generation(threshold: usize) -> Generation {
    Generation {
        head: Cell::new(None),
        threshold: Cell::new(threshold),
        count: Cell::new(0),
    }
}

thread_local! {
    static GC: GcState = const {
        GcState {
            gens: [generation(700), generation(10), generation(10)],
            enabled: Cell::new(true),
            collecting: Cell::new(false),
            busy: Cell::new(false),
            long_lived_total: Cell::new(0),
            long_lived_pending: Cell::new(0),
            stats: [
                Cell::new(GcStats { collections: 0, collected: 0, uncollectable: 0 }),
                Cell::new(GcStats { collections: 0, collected: 0, uncollectable: 0 }),
                Cell::new(GcStats { collections: 0, collected: 0, uncollectable: 0 }),
            ],
            permanent: Cell::new(None),
            report: Cell::new(None),
            save: Cell::new(None),
            defer: Cell::new(None),
            held: Cell::new(false),
        }
    };
}

/// The head of generation `i`'s list, made (for all three) at the first use. Inline:
/// `track` runs it for every container made; the first use goes out of line.
#[inline]
fn gen_head(st: &GcState, i: usize) -> GcPtr {
    match st.gens[i].head.get() {
        Some(h) => h,
        None => make_gen_heads(st, i),
    }
}

/// `gen_head`'s first use on this thread: make the three heads, answer generation `i`'s.
#[cold]
#[inline(never)]
fn make_gen_heads(st: &GcState, i: usize) -> GcPtr {
    for g in &st.gens {
        g.head.set(Some(new_head()));
    }
    st.gens[i].head.get().expect("just made")
}

/// The busy window of a collection (C3): set while alive; a panic that unwinds out of
/// it (from a payload's traverse or can_untrack) aborts, since it would leave the
/// lists holding numbers and masked links.
struct BusyWindow {
    /// The thread was already unwinding when the window opened (a destructor run by
    /// the unwinding allocated a container): only a new panic is fatal.
    was_panicking: bool,
}

impl BusyWindow {
    fn enter() -> BusyWindow {
        GC.with(|st| st.busy.set(true));
        BusyWindow {
            was_panicking: std::thread::panicking(),
        }
    }
}

impl Drop for BusyWindow {
    fn drop(&mut self) {
        if std::thread::panicking() && !self.was_panicking {
            eprintln!("glasspy-heap: panic in a payload callback during a collection");
            std::process::abort();
        }
        GC.with(|st| st.busy.set(false));
    }
}

/// C3: a payload callback reached the lists during a collection's busy window.
#[cold]
#[inline(never)]
fn refuse_busy() -> ! {
    eprintln!(
        "glasspy-heap: a payload's traverse or can_untrack tracked, untracked or freed a \
         container during a collection"
    );
    std::process::abort()
}

// ----- tracking ------------------------------------------------------------------------

/// Append to generation 0 (_PyObject_GC_TRACK). No-op if already tracked.
pub(crate) fn track(g: GcPtr) {
    if g.is_tracked() {
        return;
    }
    GC.with(|st| {
        if st.busy.get() {
            refuse_busy();
        }
        list_append(g, gen_head(st, 0));
    });
}

/// `track` for a container just made: its header is untracked (written so by its
/// allocation, C2), so no test of it is needed.
#[inline(always)]
pub(crate) fn track_fresh(g: GcPtr) {
    debug_assert!(!g.is_tracked());
    GC.with(|st| {
        if st.busy.get() {
            refuse_busy();
        }
        list_append(g, gen_head(st, 0));
    });
}

/// Unlink from its list (_PyObject_GC_UNTRACK). No-op if not tracked.
pub(crate) fn untrack(g: GcPtr) {
    if !g.is_tracked() {
        return;
    }
    // At thread exit the state may be gone; no collection runs then.
    if GC.try_with(|st| st.busy.get()).unwrap_or(false) {
        refuse_busy();
    }
    list_remove(g);
}

/// A container's block goes back to the allocator (PyObject_GC_Del): gen 0 counts
/// one allocation less. (It was untracked when its contents were dropped; a container
/// parked on a free list is not counted here, as CPython's are not.)
pub(crate) fn forget_container() {
    let _ = GC.try_with(|st| {
        let c = &st.gens[0].count;
        if c.get() > 0 {
            c.set(c.get() - 1);
        }
    });
}

/// Mark a container finalized (PEP 442: `__del__` runs at most once); true if it was
/// not already.
pub(crate) fn mark_finalized(g: GcPtr) -> bool {
    let was = g.is_finalized();
    g.set_finalized();
    !was
}

/// Called before a container is allocated (_PyObject_GC_Link): counts it and runs a
/// collection when generation 0 is over its threshold.
///
/// When the interpreter asks for it (`set_gc_defer`: gc.callbacks is not empty) the
/// collection is not run here but flagged with `PENDING_COLLECT`; the eval loop then
/// runs it before its next instruction, between the callbacks (`take_due_collection`).
pub(crate) fn before_gc_alloc() {
    let (run, defer) = GC.with(|st| {
        let c = &st.gens[0].count;
        c.set(c.get() + 1);
        let t = st.gens[0].threshold.get();
        let stress = cfg!(feature = "gc-stress");
        let run = (stress || (c.get() > t && t != 0))
            && st.enabled.get()
            && !st.collecting.get()
            && !st.held.get();
        (run, st.defer.get())
    });
    if !run || pending(PENDING_COLLECT) {
        return;
    }
    if defer.is_some_and(|wants| wants()) {
        set_pending(PENDING_COLLECT, true);
    } else {
        collect::collect_generations();
    }
}

/// Asked when an automatic collection is due; `true` leaves it to the interpreter
/// (flagged with `PENDING_COLLECT`). It must not run Python or allocate containers.
pub type DeferAutomatic = fn() -> bool;

/// Install (or remove) the hook that decides whether automatic collections are left
/// to the interpreter.
pub fn set_gc_defer(f: Option<DeferAutomatic>) {
    GC.with(|st| st.defer.set(f));
}

/// Clear `PENDING_COLLECT` and say which generation the automatic collection flagged
/// by it should collect (CPython's collect_generations choice, made now), or None if
/// none is due any more (frees or gc.disable() since) or one is already running. The
/// caller runs it with `collect_with`.
pub fn take_due_collection() -> Option<usize> {
    set_pending(PENDING_COLLECT, false);
    GC.with(|st| {
        if !st.enabled.get() || st.collecting.get() || st.held.get() {
            return None;
        }
        let t = st.gens[0].threshold.get();
        let c = st.gens[0].count.get();
        if !(cfg!(feature = "gc-stress") || (c > t && t != 0)) {
            return None;
        }
        collect::due_generation(st)
    })
}

/// Hold automatic collections off (`true`) while the interpreter runs a collection's
/// callbacks, or allow them again (`false`).
pub fn gc_hold_automatic(on: bool) {
    GC.with(|st| st.held.set(on));
}

/// Run `f` as if the objects it makes had been made before the program started:
/// generation 0's count is the same after it as before, and no automatic collection
/// runs inside it. For objects CPython makes ahead of time (a built-in type's slot
/// wrappers) that glasspy makes on first use, so gc.get_count() and the collections
/// a program sees do not depend on when that use comes.
pub fn gc_uncounted<R>(f: impl FnOnce() -> R) -> R {
    struct Restore {
        count: usize,
        held: bool,
    }
    impl Drop for Restore {
        fn drop(&mut self) {
            let _ = GC.try_with(|st| {
                st.gens[0].count.set(self.count);
                st.held.set(self.held);
            });
        }
    }
    let _restore = GC.with(|st| Restore {
        count: st.gens[0].count.get(),
        held: st.held.replace(true),
    });
    f()
}

// ----- for verify_heap -------------------------------------------------------------------

/// Why `walk_generation` stopped early.
pub(crate) enum WalkError {
    /// Called from a payload callback inside a collection's busy window (C3).
    Busy,
    /// More than `limit` members: the list does not close.
    NotClosed,
    /// The member just visited was untracked by `f`.
    Untracked,
}

/// Walk generation `gen`'s list for verify_heap: call `f` with a handle to each member
/// and whether the next member's prev link points back at it (C2).
pub(crate) fn walk_generation(
    gen: usize,
    limit: usize,
    mut f: impl FnMut(&PyObj, bool),
) -> Result<(), WalkError> {
    let (head, busy) = GC.with(|st| (gen_head(st, gen), st.busy.get()));
    if busy {
        return Err(WalkError::Busy);
    }
    let mut g = head.next();
    let mut steps = 0usize;
    while g != head {
        steps += 1;
        if steps > limit {
            return Err(WalkError::NotClosed);
        }
        let prev_ok = g.next().prev() == g;
        // SAFETY: C2: a member of a generation list is a live container's header;
        // the handle keeps it alive while `f` runs (H1).
        let o = unsafe { PyObj::from_borrowed(object_of(g)) };
        f(&o, prev_ok);
        if !g.is_tracked() {
            return Err(WalkError::Untracked);
        }
        g = g.next();
    }
    Ok(())
}

// ----- the gc module's API ---------------------------------------------------------------

/// What a collection tells its `Report` hook (CPython prints these under DEBUG_STATS
/// and DEBUG_COLLECTABLE).
pub enum GcEvent<'a> {
    /// A collection of `generation` starts; the sizes of the generation lists and of
    /// the permanent generation before it.
    Start {
        generation: usize,
        counts: [usize; NUM_GENERATIONS],
        permanent: usize,
    },
    /// An unreachable object found (before finalizers run).
    Collectable(&'a PyObj),
    /// The collection is over.
    Done {
        generation: usize,
        unreachable: usize,
        uncollectable: usize,
        elapsed: f64,
    },
}

/// A hook told about every collection (automatic ones too); it must not run Python.
pub type Report = fn(&GcEvent<'_>);

/// Where DEBUG_SAVEALL puts an unreachable object (gc.garbage) instead of clearing it.
pub type Save = fn(PyObj);

/// Install (or remove) the collection report hook.
pub fn set_gc_report(f: Option<Report>) {
    GC.with(|st| st.report.set(f));
}

/// Install (or remove) DEBUG_SAVEALL's destination.
pub fn set_gc_save(f: Option<Save>) {
    GC.with(|st| st.save.set(f));
}

fn permanent_head(st: &GcState) -> GcPtr {
    if let Some(h) = st.permanent.get() {
        return h;
    }
    let h = new_head();
    st.permanent.set(Some(h));
    h
}

/// gc.freeze(): move every tracked object into the permanent generation, which
/// collections ignore.
pub fn gc_freeze() {
    GC.with(|st| {
        if st.collecting.get() {
            return;
        }
        let perm = permanent_head(st);
        for i in 0..NUM_GENERATIONS {
            list::list_merge(gen_head(st, i), perm);
        }
        st.gens[0].count.set(0);
    })
}

/// gc.unfreeze(): move the permanent generation back into the oldest one.
pub fn gc_unfreeze() {
    GC.with(|st| {
        if st.collecting.get() {
            return;
        }
        let perm = permanent_head(st);
        list::list_merge(perm, gen_head(st, NUM_GENERATIONS - 1));
    })
}

/// gc.get_freeze_count().
pub fn gc_freeze_count() -> usize {
    GC.with(|st| st.permanent.get().map_or(0, list::list_size))
}

/// The number of objects in each generation list.
pub fn gc_list_sizes() -> [usize; NUM_GENERATIONS] {
    GC.with(|st| std::array::from_fn(|i| list::list_size(gen_head(st, i))))
}

/// gc.get_objects(generation): the tracked objects of one generation, or of all
/// three (not the permanent one), oldest list last as CPython's.
pub fn gc_get_objects(generation: Option<usize>) -> Vec<PyObj> {
    let mut out = Vec::new();
    let gens = match generation {
        Some(g) if g < NUM_GENERATIONS => g..g + 1,
        Some(_) => return out,
        None => 0..NUM_GENERATIONS,
    };
    for g in gens {
        let _ = walk_generation(g, usize::MAX, |o, _| out.push(o.clone()));
    }
    out
}

/// gc.collect(generation): collect generations 0..=generation and return the number
/// of unreachable objects found. Runs even while automatic collection is disabled.
pub fn collect(generation: usize) -> usize {
    collect_with(generation, &mut defer)
}

/// gc.collect(generation), running the finalizers of unreachable objects with `fin`
/// during the collection (CPython's finalize_garbage), so objects that stay
/// unreachable afterwards are counted and freed in this same collection.
pub fn collect_with(generation: usize, fin: Finalize<'_>) -> usize {
    assert!(generation < NUM_GENERATIONS, "invalid generation");
    collect::collect_main(generation, fin)
}

pub fn gc_is_enabled() -> bool {
    GC.with(|st| st.enabled.get())
}

pub fn gc_set_enabled(on: bool) {
    GC.with(|st| st.enabled.set(on))
}

pub fn gc_get_threshold() -> [usize; NUM_GENERATIONS] {
    GC.with(|st| std::array::from_fn(|i| st.gens[i].threshold.get()))
}

pub fn gc_set_threshold(t: [usize; NUM_GENERATIONS]) {
    GC.with(|st| {
        for (g, v) in st.gens.iter().zip(t) {
            g.threshold.set(v);
        }
    })
}

pub fn gc_get_count() -> [usize; NUM_GENERATIONS] {
    GC.with(|st| std::array::from_fn(|i| st.gens[i].count.get()))
}

pub fn gc_stats() -> [GcStats; NUM_GENERATIONS] {
    GC.with(|st| std::array::from_fn(|i| st.stats[i].get()))
}

// ----- finalizers ----------------------------------------------------------------------

/// What a collection does with an unreachable object that has a finalizer (`__del__`):
/// run it now (gc.collect() from the VM passes a closure that calls `__del__`), or
/// queue it for the VM to run at its next instruction (`defer`).
pub type Finalize<'a> = &'a mut dyn FnMut(PyObj);

/// A finalizer of a built-in payload that needs no VM at collection time (a suspended
/// generator hands its frame over to be closed): returns true if `obj` had one and it
/// ran. Objects whose vtable says `finalize` (classes with `__del__`) go through
/// `Finalize` instead.
pub type Finalizer = fn(&PyObj) -> bool;

thread_local! {
    static FINALIZER: Cell<Option<Finalizer>> = const { Cell::new(None) };
}

/// Install the built-in payloads' collection-time finalizer (see `Finalizer`).
pub fn set_finalizer(f: Option<Finalizer>) {
    FINALIZER.with(|c| c.set(f));
}

/// Whether an instance of a class has a finalizer although the vtable its class was
/// made with says it has none: a `__del__` assigned to the class, or to a base, after
/// the class was made (CPython updates tp_finalize then). It is given the object's type
/// only, never the object, which may be dying. The VM installs it the first time a
/// program does that, so until then freeing an instance asks nothing more.
pub type LateFinalizer = fn(&TypeRef) -> bool;

thread_local! {
    static LATE_FINALIZER: Cell<Option<LateFinalizer>> = const { Cell::new(None) };
}

/// Install the check for finalizers added to classes after they were made.
pub fn set_late_finalizer(f: Option<LateFinalizer>) {
    LATE_FINALIZER.with(|c| c.set(f));
}

/// Is a late-finalizer check installed? (None is until some class gets a `__del__`
/// after it was made: until then no instance of a class without one can have one.)
#[inline]
pub(crate) fn late_finalizer_hooked() -> bool {
    LATE_FINALIZER.with(|c| c.get().is_some())
}

/// Does an instance of `ty` (whose vtable says no finalizer) have one now?
pub(crate) fn late_finalizer(ty: &TypeRef) -> bool {
    LATE_FINALIZER.with(|c| c.get()).is_some_and(|f| f(ty))
}

/// Queue a finalizer for the VM (see `take_finalizers`); automatic collections and
/// objects whose count reaches 0 use this, as they run where the VM cannot be called.
pub fn defer(o: PyObj) {
    crate::object::defer_finalizer(o);
}
