//! The managed heap: the pymalloc-style allocator, object headers and handles, the
//! non-recursive free path, and the generational cycle collector.
//!
//! This is the one crate of the workspace where `unsafe` is allowed. Everything above it (object types,
//! VM, builtins) uses the safe API re-exported here: allocate an object with a payload,
//! a `PyObj` handle whose Clone is an incref and whose Drop is a decref, typed access to
//! the payload through `get` (immutable payloads) or run-time checked `borrow` /
//! `borrow_mut` (mutable payloads).
//!
//! # Invariants of the object layer (cited by the `// SAFETY:` comments as H1..H11)
//!
//! Every `unsafe` block and `unsafe impl` of the crate names, in its `// SAFETY:`
//! comment, the numbered invariants it relies on: H1..H11, W1, W2, F1, F2 here; C1..C3 (the collector's
//! lists) in gc.rs; P1..P6, A1..A4, L1, L2, O1..O3 and B1 (pools, arenas, the gate, the
//! callers' blocks) in pymalloc.rs; G1, G2 (the process's allocator) in pymalloc/global.rs; K1..K4
//! (table blocks) in table.rs; T1 in the allocator's tests. `tests/safety_comments.rs` checks that each one does.
//!
//! - **H1** An object's refcount equals the number of live `PyObj` handles to it, plus
//!   one for every object whose header names it as its type and whose vtable says
//!   `heap_type` (an instance of a class: CPython 3.11 counts the type of heap types
//!   only), plus the pin of a static type (H11). It is at least 1 while the
//!   object is alive; the block is freed exactly when it reaches 0. A count that
//!   saturates at `u32::MAX` marks the object immortal: it is never decremented again.
//! - **H2** Every tracked container is in exactly one generation list (or, during a
//!   collection, in exactly one of the collector's working lists). An untracked
//!   container has `next == null`. Only objects whose vtable says `gc` have a GC header,
//!   right in front of their `ObHead` (the links themselves: C1..C3 in gc.rs).
//! - **H3** An object's block was allocated with exactly `Vtable::block_layout(n)` where
//!   `n` is the item count recorded in its var header (0 for fixed-size objects); the
//!   `PyObj` points at the `ObHead`, which sits `Vtable::block_pre` bytes into the block
//!   (pre words, then the GC header). A vtable's words (pre words and the words after a
//!   fixed-size payload) are `Cell<Option<PyObj>>`s, zeroed (None) at allocation and
//!   only ever read or written through the Cell, except the pre-header's second word
//!   (2 pre words: CPython's managed dict), which is a `table::ValuesSlot`, written
//!   None at allocation and likewise only reached through its Cell. The header's
//!   flags carry `MANAGED` exactly when the vtable it was allocated with has those 2
//!   pre words (set by the allocation, never changed).
//! - **H4** The header's type pointer names a live type object whose payload is a
//!   `TypeObject<_>`, which begins with the vtable of its instances, right after the
//!   type's `ObHead` (type data is never aligned beyond the header: checked at compile
//!   time); the vtable's `type_id` is the `TypeId` of the payload stored in every
//!   instance. That vtable is written when the type object is made and never
//!   replaced, so a type checked once to hold `T` (`ExactType`) holds it for good.
//! - **H5** A payload is only reached through a `&T` while the header's borrow state is
//!   shared (or the payload is immutable), and through a `&mut T` only while the borrow
//!   state is exclusive. Immutable payloads (`Payload::MUTABLE == false`) never get a
//!   `&mut` after construction (`PyObj::resize_var` replaces the payload of an object
//!   whose one handle it consumes: remaking it, nothing else can see it). The heap's own reads of a mutable payload (traverse,
//!   can_untrack, extra_size) hold a shared borrow state while the payload's code runs.
//! - **H6** The items of a var-sized object are all initialised, and are never mutated
//!   after construction (var-sized payloads are immutable), except through interior
//!   mutability of the item type itself (a generator's `Cell` slots), which only ever
//!   hands out shared references, and by `PyObj::resize_var`, which remakes an object
//!   whose only reference it holds (count 1, no `Borrowed`, no weak references): its
//!   block is reallocated for the new item count (H3 holds after it) and the items
//!   past the kept ones are written before anyone else can see them, and by
//!   `PyObj::swap_items_sole`, which swaps items in place through the one handle of
//!   an object that nothing else names (count 1, no `Borrowed`, no weak references,
//!   no payload borrow), held mutably, with no code run during the swap.
//! - **H7** Objects are confined to the thread that allocated them (`PyObj` is neither
//!   Send nor Sync), so the per-thread heap state needs no locks.
//! - **H8** An object is freed once, in its turn, and frees nest on the Rust stack to a
//!   bounded depth only: at most `NEST_MAX` (50) frees run one inside another's payload
//!   drop per thread (the depth counter in object/free.rs). An object whose count
//!   reaches 0 during a free is freed at once, nested, only while the depth is below
//!   the bound and nothing that died before it in the drops under way waits on the
//!   pending list; otherwise it waits there, and the outermost free empties the list
//!   in a loop, so freeing a long chain uses a loop, not the Rust stack. The pending
//!   list keeps CPython's recursive free order: a free's waiting objects and its
//!   block's release are freed after what died before them and before what dies
//!   after them.
//! - **H9** Layouts agree: every vtable whose `type_id` names payload type `T` places
//!   the payload and items at the offsets `Vtable::new::<T>()` computes (an impl that
//!   overrides `Payload::VTABLE` cannot move them), and every vtable installed in a type
//!   object passed `Vtable::check`: its words lie inside its block, after fixed-size
//!   payloads only; the bytes before the `ObHead` keep it and the payload aligned; the
//!   block size does not overflow; only containers are finalized; and `small_items`
//!   is what the layout gives (`n < small_items` exactly when the block of `n` items
//!   is 8..=`SMALL_OBJECT` bytes at an alignment of at most 8, which pymalloc serves
//!   from a size class under every geometry).
//! - **H10** An object marked `CACHED` (object/borrowed.rs) keeps the mark until its
//!   count reaches 0, and `dealloc` moves its thread's deaths counter on before
//!   anything else of such an object goes (resurrected or not). A `Borrowed` made
//!   while the counter read d names an object that is alive while the counter still
//!   reads d.
//! - **H11** A static type (a type object whose instance vtable is not `heap_type`:
//!   every type but a class) is pinned: `TypeRef`'s constructors take one reference
//!   to it that is never given back, so its count never reaches 0 and it outlives
//!   every instance, whose header names it without counting (H1). A vtable installed
//!   in a type says `heap_type` only if it is not `simple` (checked by
//!   `Vtable::check`), so the inline paths of simple objects never touch the count.
//! - **W1** A `WeakRef` payload's target is Some(p) exactly while the weak reference
//!   object is listed in p's weak list (object/weak.rs), and then p is alive (a
//!   positive count, outside the instant of dealloc before its weak references are
//!   cleared) and carries `WEAKREFED`; an object carries `WEAKREFED` exactly while it
//!   has a weak list. A weak list holds no reference: when p dies (dealloc, or a
//!   collection finds it unreachable) its list is removed and each target set to None,
//!   first.
//! - **W2** Every entry of a weak list heads a weak reference object (payload
//!   `WeakRef`) whose block is not freed: dropping a `WeakRef` removes its entry.
//! - **V1** A `Vec`'s length is set (`set_len`) only to a count whose elements are all
//!   initialised and owned by the Vec, within its capacity; elements cut off by a
//!   shorter length have been moved out (each read once) and are not dropped by the Vec
//!   (object/stack_slots.rs).
//! - **F1** A block on a type's free list (object/freelist.rs) was allocated by pymalloc
//!   with that type's instance layout for the list's item count, is not freed, and holds
//!   no object: nothing refers to it, its payload, items and words were dropped, and the
//!   first word of its `ObHead` links to the next parked block of the list (null at the
//!   end). A list's length counts its blocks and never exceeds the payload's
//!   `FREE_LIST_MAX`.
//! - **F2** A type's `FreeLists` box is owned by its type object's `FreeSlot` and lives
//!   exactly as long as it; it is in its thread's registry exactly while it lives, and
//!   is only reached through shared references (its state is in Cells). It holds
//!   `free_lists` lists of its vtable, at least one.
//! - **S1** The interpreter's stack (stack.rs) is a mapping made for it alone, its
//!   lowest page inaccessible (the guard); it is unmapped once, after the switch onto it
//!   has returned, when nothing refers into it.

#![deny(unsafe_op_in_unsafe_fn)]
#![deny(clippy::undocumented_unsafe_blocks, clippy::missing_safety_doc)]

/// The heap's own unit tests run with pymalloc as the global allocator, as the
/// glasspy binary does.
#[cfg(test)]
#[global_allocator]
static TEST_ALLOCATOR: pymalloc::GlobalPymalloc = pymalloc::GlobalPymalloc;

#[cfg(test)]
mod free_tests;
#[cfg(test)]
mod freelist_tests;
mod gc;
mod object;
pub mod pymalloc;
mod stack;
pub mod table;
#[cfg(test)]
mod tests;
pub mod trace;
mod verify;

pub use gc::{
    collect, collect_with, defer, gc_freeze, gc_freeze_count, gc_get_count, gc_get_objects,
    gc_get_threshold, gc_hold_automatic, gc_is_enabled, gc_list_sizes, gc_set_enabled,
    gc_set_threshold, gc_stats, gc_uncounted, gc_unfreeze, set_finalizer, set_gc_defer,
    set_gc_report, set_gc_save, set_late_finalizer, take_due_collection, DeferAutomatic, Finalize,
    Finalizer, GcEvent, GcStats, LateFinalizer, Report, Save, NUM_GENERATIONS,
};
pub use gc::{gc_generation_of, gc_get_permanent_objects, GcGeneration};
pub use object::{
    clear_free_lists, finalizers_pending, free_list_stats, live_objects, pending, push_built,
    set_pending, stash_stack_tail, take_finalizers, weakref_attach, weakref_count, weakrefs_of,
    work_pending, BorrowError, Borrowed, BorrowedSlot, ExactType, FreeListStat, PMut, PRef,
    Payload, PyObj, TypeObject, TypeRef, Untrack, Visit, Vtable, WeakRef, Word, PENDING_CLOSE,
    PENDING_COLLECT, PENDING_FINALIZE, PENDING_MEMORY, PENDING_SAMPLE, PENDING_TRACE,
};
pub use pymalloc::{check_room, fallible, served};
pub use stack::run_on_stack;
pub use verify::{verify_heap, HeapReport};
