//! Weak references: the `WeakRef` payload (CPython's PyWeakReference: 80 bytes with
//! its GC header) and the per-thread weak lists (CPython's tp_weaklist: an object's
//! weak references, in CPython's list order), which hold no strong reference to the
//! referent and are cleared when it dies (W1, W2 in lib.rs).
//!
//! An object that has weak references carries the `WEAKREFED` bit in its header; only
//! then does the free path (or a collection) look it up in the weak lists, so objects
//! that never had a weak reference cost one bit test when they die.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::ptr::NonNull;

use super::entries::payload_ptr;
use super::pending::queue_finalizer;
use super::vtable::{Payload, Visit};
use super::{refcnt_of, ObHead, PyObj, WEAKREFED};

/// The payload of a weak reference (weakref.ref, the proxies, and subclasses of ref).
pub struct WeakRef {
    /// The referent; None until attached and once it died (W1).
    target: Cell<Option<NonNull<ObHead>>>,
    /// Called with the weak reference when the referent dies (wr_callback).
    callback: Cell<Option<PyObj>>,
    /// The referent's hash once asked for (-1 until then), kept after its death.
    hash: Cell<i64>,
    /// CPython's wr_prev, wr_next and vectorcall: our list is kept apart.
    _reserved: [usize; 3],
}

impl Payload for WeakRef {
    type Item = ();
    const NAME: &'static str = "weakref.ReferenceType";
    const GC: bool = true;
    fn traverse(&self, _: &[()], visit: Visit<'_>) {
        let cb = self.callback.take();
        if let Some(c) = &cb {
            visit(c);
        }
        self.callback.set(cb);
    }
    fn clear_shared(&self, _: &[()]) {
        // CPython's gc_clear: a weak reference found to be garbage loses its callback.
        drop(self.callback.take());
    }
}

impl WeakRef {
    /// A weak reference to nothing yet (see `weakref_attach`).
    pub fn new(callback: Option<PyObj>) -> WeakRef {
        WeakRef {
            target: Cell::new(None),
            callback: Cell::new(callback),
            hash: Cell::new(-1),
            _reserved: [0; 3],
        }
    }

    /// The referent while it is alive (a new reference), None once it died.
    pub fn get(&self) -> Option<PyObj> {
        let p = self.target.get()?;
        // SAFETY: W1: a target that is Some heads a live object (count > 0).
        Some(unsafe { PyObj::from_borrowed(p) })
    }

    /// Is the referent still alive?
    pub fn is_alive(&self) -> bool {
        self.target.get().is_some()
    }

    /// The callback (a new reference), if any.
    pub fn callback(&self) -> Option<PyObj> {
        let cb = self.callback.take();
        self.callback.set(cb.clone());
        cb
    }

    /// Does this weak reference have a callback?
    pub fn has_callback(&self) -> bool {
        let cb = self.callback.take();
        let has = cb.is_some();
        self.callback.set(cb);
        has
    }

    /// Drop the callback (it ran, or it must not run).
    pub fn take_callback(&self) -> Option<PyObj> {
        self.callback.take()
    }

    /// The referent's hash once computed, -1 before.
    pub fn hash(&self) -> i64 {
        self.hash.get()
    }

    pub fn set_hash(&self, h: i64) {
        self.hash.set(h);
    }
}

/// Referent address -> the weak reference objects to it, in CPython's list order.
type WeakLists = HashMap<usize, Vec<NonNull<ObHead>>>;

thread_local! {
    static WEAK: RefCell<WeakLists> = RefCell::new(WeakLists::new());
}

impl Drop for WeakRef {
    /// A weak reference that dies before its referent leaves the referent's list.
    fn drop(&mut self) {
        let Some(t) = self.target.take() else {
            return;
        };
        let me: *const WeakRef = self;
        let _ = WEAK.try_with(|w| {
            let mut w = w.borrow_mut();
            let key = t.as_ptr().addr();
            let Some(list) = w.get_mut(&key) else {
                return;
            };
            // SAFETY: W2: each entry heads a weak reference object whose block is not
            // freed (this one's is being freed after this drop); only addresses are
            // compared, nothing is read.
            list.retain(|e| unsafe { payload_ptr::<WeakRef>(*e) }.cast_const() != me);
            if list.is_empty() {
                w.remove(&key);
                // SAFETY: W1: the target was Some, so it is alive; its flags are a Cell.
                let f = unsafe { &t.as_ref().flags };
                f.set(f.get() & !WEAKREFED);
            }
        });
    }
}

/// The payload of a weak reference object of the list.
///
/// # Safety
/// `e` is an entry of a weak list (W2).
unsafe fn payload_of<'a>(e: NonNull<ObHead>) -> &'a WeakRef {
    // SAFETY: W2: `e` heads a weak reference object whose block is not freed, so its
    // payload is a WeakRef (H4); payloads of weak references are immutable (H5), only
    // changed through their Cells.
    unsafe { &*payload_ptr::<WeakRef>(e) }
}

/// Make `wr` (a weak reference object not attached yet) refer to `target`, at
/// position `at` of the target's list (clamped to its length). False, doing nothing,
/// if `wr` is not an unattached weak reference.
pub fn weakref_attach(wr: &PyObj, target: &PyObj, at: usize) -> bool {
    if !wr.is_a::<WeakRef>() {
        return false;
    }
    // SAFETY: H4: the payload type was checked just now; H5: WeakRef is immutable.
    let payload = unsafe { &*payload_ptr::<WeakRef>(wr.as_nonnull()) };
    if payload.target.get().is_some() {
        return false;
    }
    WEAK.with(|w| {
        let mut w = w.borrow_mut();
        let list = w.entry(target.id()).or_default();
        let at = at.min(list.len());
        list.insert(at, wr.as_nonnull());
    });
    payload.target.set(Some(target.as_nonnull()));
    let f = &target.head().flags;
    f.set(f.get() | WEAKREFED);
    true
}

/// The live weak reference objects to `target`, in list order.
pub fn weakrefs_of(target: &PyObj) -> Vec<PyObj> {
    if target.head().flags.get() & WEAKREFED == 0 {
        return Vec::new();
    }
    WEAK.with(|w| {
        let w = w.borrow();
        let Some(list) = w.get(&target.id()) else {
            return Vec::new();
        };
        list.iter()
            // SAFETY: W2: entries head weak reference objects whose blocks are not
            // freed; one whose count is 0 is waiting to be freed and is skipped.
            .filter(|e| unsafe { refcnt_of(**e) } > 0)
            // SAFETY: as above, and its count is positive (H1).
            .map(|e| unsafe { PyObj::from_borrowed(*e) })
            .collect()
    })
}

/// The number of live weak references to `target`.
pub fn weakref_count(target: &PyObj) -> usize {
    weakrefs_of(target).len()
}

/// Clear the weak references to `p`, which is dying, and hand out those whose
/// callback is due: `due(e)` decides for each weak reference object `e` (the free
/// path: always; a collection: unless `e` is itself garbage).
///
/// # Safety
/// `p` heads an object whose block is not freed, that carries `WEAKREFED`.
pub(crate) unsafe fn clear_weakrefs(
    p: NonNull<ObHead>,
    mut due: impl FnMut(NonNull<ObHead>) -> bool,
) -> Vec<PyObj> {
    // SAFETY: W1: the block is not freed (caller); its flags are a Cell.
    let f = unsafe { &p.as_ref().flags };
    f.set(f.get() & !WEAKREFED);
    let list = WEAK
        .try_with(|w| w.borrow_mut().remove(&p.as_ptr().addr()))
        .ok()
        .flatten()
        .unwrap_or_default();
    let mut out = Vec::new();
    for e in list {
        // SAFETY: W2: `e` was an entry of the list.
        let wr = unsafe { payload_of(e) };
        wr.target.set(None);
        // SAFETY: W2: the block of `e` is not freed; a count of 0 means it is waiting
        // to be freed, and gets no callback.
        if wr.has_callback() && unsafe { refcnt_of(e) } > 0 && due(e) {
            // SAFETY: as above, with a positive count (H1).
            out.push(unsafe { PyObj::from_borrowed(e) });
        }
    }
    out
}

/// The free path's part: clear the weak references to `p` (its count reached 0 and
/// it was not resurrected) and queue their callbacks for the VM.
///
/// # Safety
/// As `clear_weakrefs`.
pub(super) unsafe fn clear_on_dealloc(p: NonNull<ObHead>) {
    // SAFETY: W1, forwarded from the caller.
    for wr in unsafe { clear_weakrefs(p, |_| true) } {
        queue_finalizer(wr);
    }
}
