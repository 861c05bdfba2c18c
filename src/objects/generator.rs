//! generator: a suspended Python frame kept on the heap (CPython's PyGenObject with
//! its _PyInterpreterFrame allocated inline).
//!
//! The object is var-sized: its items are the frame's slots (fast locals, cells, then
//! the operand stack), one word each, `nlocals + ncells + max_stack` of them, as
//! CPython allocates `co_nlocalsplus + co_stacksize` words after its frame specials.
//! While the frame runs, its slots live on the VM's shared stack and the items are
//! empty, and its globals and builtins are the running frame's (their cells are
//! empty); `Vm::gen_yield` moves all of them back. All state sits in cells, so the payload is
//! immutable for the heap (H6: items change only through their cells).

use std::cell::{Cell, RefCell};
use std::collections::VecDeque;

use crate::heap::{Payload, PyObj, Visit};

use super::context::ctx;
use crate::objects::exceptions::VmResult;
use crate::objects::runtime::Runtime;
use crate::objects::typeobj::slots::SlotTable;

/// Where a generator is in its life (CPython's gi_frame_state, reduced).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GenState {
    /// Made by the call, not started yet.
    Created,
    /// Stopped at a yield; its frame is in the items.
    Suspended,
    /// Its frame is on the VM's frame stack (gi_running).
    Running,
    /// Returned or raised; the frame is gone.
    Completed,
}

/// One saved frame slot.
pub type Slot = Cell<Option<PyObj>>;

/// The payload of a generator object.
pub struct Generator {
    pub code: PyObj,
    /// The function whose call made the generator (CPython's frame's f_func), held
    /// until the generator finishes.
    pub func: Slot,
    /// gi_name and gi_qualname (the function's, when the generator was made).
    pub name: PyObj,
    pub qualname: PyObj,
    pub globals: Slot,
    pub builtins: Slot,
    /// gi_exc_state: while suspended, the exception the generator is handling (if
    /// any); while running, the exception its resumer was handling.
    pub exc_state: Slot,
    /// Index of the instruction to resume at.
    pub ip: Cell<u32>,
    /// How many items hold saved slots.
    pub saved: Cell<u32>,
    pub state: Cell<GenState>,
    /// Whether the running frame was resumed by the SEND of another generator's
    /// `yield from` (vm/gen.rs hands a yield up that chain without the eval loop);
    /// clear while it is suspended.
    pub by_send: Cell<bool>,
    /// The rest of CPython's frame specials (f_locals, frame_obj, previous,
    /// prev_instr, ...) and gi_weakreflist / gi_origin_or_finalizer, which glasspy
    /// does not use; kept so that the block is as big as CPython's.
    _specials: [usize; 7],
}

// CPython 3.11: offsetof(PyGenObject, gi_iframe) + offsetof(localsplus) = 152 bytes
// after the 16-byte GC header; ours: ObHead 16 + ob_size 8 + this payload.
const _: () = assert!(std::mem::size_of::<Generator>() == 128);

fn visit_slot(s: &Slot, visit: Visit<'_>) {
    let v = s.take();
    if let Some(o) = &v {
        visit(o);
    }
    s.set(v);
}

/// Does `PENDING_CLOSE` have generators for the VM to close? (A bit of the heap's
/// pending-work cell, which the eval loop tests once per instruction.)
#[inline]
pub fn close_pending() -> bool {
    crate::heap::pending(crate::heap::PENDING_CLOSE)
}

fn set_close_pending(on: bool) {
    crate::heap::set_pending(crate::heap::PENDING_CLOSE, on);
}

thread_local! {
    /// Whether a VM is running a program that will close handed-off generators.
    static CLOSE_ENABLED: Cell<bool> = const { Cell::new(false) };
    /// Frames of freed unfinished generators, moved into fresh generator objects, for
    /// the VM to close (run their except / finally blocks) at its next instruction.
    static PENDING_CLOSE: RefCell<VecDeque<PyObj>> = const { RefCell::new(VecDeque::new()) };
}

/// Let freed generators be handed to the VM for closing (`Vm::run_main` turns this
/// on while a program runs; without it their frames are just dropped).
pub fn set_close_enabled(on: bool) {
    CLOSE_ENABLED.set(on);
}

/// The collector's finalizer (tp_finalize) for generators in cyclic garbage: an
/// unfinished generator is closed as CPython closes it (its frame handed to the VM
/// when it stopped inside a try block, else dropped). Either way the cycle through
/// its frame is broken, so, as in CPython, gc.collect() does not count it.
pub fn gc_finalize(o: &PyObj) -> bool {
    let (Some(gen), Some(items)) = (o.get::<Generator>(), o.items::<Generator>()) else {
        return false;
    };
    if !matches!(gen.state.get(), GenState::Created | GenState::Suspended) {
        return false;
    }
    if !gen.hand_off_for_close(items) {
        drop(gen.finish(items));
    }
    true
}

/// The next generator waiting to be closed (first freed, first closed), if any.
pub fn take_pending_close() -> Option<PyObj> {
    let g = PENDING_CLOSE.with(|q| q.borrow_mut().pop_front());
    if g.is_none() {
        set_close_pending(false);
    }
    g
}

/// Drop the generators waiting to be closed without running them (no VM is left to
/// run them: interpreter teardown).
pub fn discard_pending_closes() {
    while let Some(g) = PENDING_CLOSE.with(|q| q.borrow_mut().pop_front()) {
        if let (Some(gen), Some(items)) = (g.get::<Generator>(), g.items::<Generator>()) {
            drop(gen.finish(items));
        }
    }
    set_close_pending(false);
}

impl Payload for Generator {
    type Item = Slot;
    const NAME: &'static str = "generator";
    const GC: bool = true;
    fn traverse(&self, items: &[Slot], visit: Visit<'_>) {
        visit(&self.code);
        visit_slot(&self.func, visit);
        visit(&self.name);
        visit(&self.qualname);
        visit_slot(&self.globals, visit);
        visit_slot(&self.builtins, visit);
        visit_slot(&self.exc_state, visit);
        for s in items {
            visit_slot(s, visit);
        }
    }
    /// CPython finalizes (closes) an unfinished generator when it is freed.
    fn before_free(&self, items: &[Slot]) {
        self.hand_off_for_close(items);
    }
    fn clear_shared(&self, items: &[Slot]) {
        if self.state.get() == GenState::Running {
            return; // its frame is on the stack: not garbage
        }
        drop(self.finish(items));
    }
}

impl Generator {
    /// Closing only runs code when the yield the generator stopped at is inside a
    /// try block; then (while a VM runs) its frame moves into a new generator that
    /// the VM closes at its next instruction, and this one is left finished.
    /// Returns true if it did.
    fn hand_off_for_close(&self, items: &[Slot]) -> bool {
        if self.state.get() != GenState::Suspended || !CLOSE_ENABLED.get() {
            return false;
        }
        let ip = self.ip.get();
        let code = self.code.get::<crate::objects::code::Code>();
        let in_try = code.is_some_and(|c| ip > 0 && c.handler_for(ip - 1).is_some());
        if !in_try {
            return false;
        }
        let n = self.saved.replace(0) as usize;
        self.state.set(GenState::Completed);
        let slots: Vec<PyObj> = items[..n].iter().filter_map(Cell::take).collect();
        let payload = Generator {
            code: self.code.clone(),
            func: Cell::new(self.func.take()),
            name: self.name.clone(),
            qualname: self.qualname.clone(),
            globals: Cell::new(Generator::peek(&self.globals)),
            builtins: Cell::new(Generator::peek(&self.builtins)),
            exc_state: Cell::new(self.exc_state.take()),
            ip: Cell::new(ip),
            saved: Cell::new(0),
            state: Cell::new(GenState::Suspended),
            by_send: Cell::new(false),
            _specials: [0; 7],
        };
        match new(payload, items.len(), slots) {
            Some(g) => {
                PENDING_CLOSE.with(|q| q.borrow_mut().push_back(g));
                set_close_pending(true);
                true
            }
            None => false,
        }
    }

    /// Leave the generator finished: its saved slots, saved exception state and
    /// function taken out, returned to be dropped by the caller (once no borrow of
    /// the generator is held).
    pub fn finish(&self, items: &[Slot]) -> Vec<PyObj> {
        self.state.set(GenState::Completed);
        self.saved.set(0);
        let mut dropped: Vec<PyObj> = items.iter().filter_map(Cell::take).collect();
        dropped.extend(self.exc_state.take());
        dropped.extend(self.func.take());
        dropped
    }

    /// The payload for a frame of `code` about to be saved (its function set apart).
    pub fn new(code: PyObj, name: PyObj, qualname: PyObj, globals: PyObj, builtins: PyObj) -> Self {
        Generator {
            code,
            func: Cell::new(None),
            name,
            qualname,
            globals: Cell::new(Some(globals)),
            builtins: Cell::new(Some(builtins)),
            exc_state: Cell::new(None),
            ip: Cell::new(0),
            saved: Cell::new(0),
            state: Cell::new(GenState::Created),
            by_send: Cell::new(false),
            _specials: [0; 7],
        }
    }

    /// A clone of a slot's object (the slot keeps its own).
    pub fn peek(s: &Slot) -> Option<PyObj> {
        let v = s.take();
        let r = v.clone();
        s.set(v);
        r
    }
}

/// A generator of `n` frame slots, the first ones `slots` (moved); None if the
/// memory cannot be had.
pub fn new(payload: Generator, n: usize, mut slots: Vec<PyObj>) -> Option<PyObj> {
    payload.saved.set(slots.len() as u32);
    PyObj::new_var_from_stack(&ctx().generator_type, payload, n, &mut slots, 0)
}

fn gen_repr(_rt: &mut dyn Runtime, g: &PyObj) -> VmResult<String> {
    let q = g
        .get::<Generator>()
        .map(|x| {
            super::string::as_str(&x.qualname)
                .unwrap_or_default()
                .into_owned()
        })
        .unwrap_or_default();
    Ok(format!("<generator object {q} at 0x{:x}>", g.id()))
}

/// generator's slots.
pub const SLOTS: SlotTable = SlotTable {
    repr: Some(gen_repr),
    iter: Some(super::iter::self_iter),
    iternext: Some(gen_next),
    ..SlotTable::EMPTY
};

fn gen_next(rt: &mut dyn Runtime, g: &PyObj) -> VmResult<Option<PyObj>> {
    rt.gen_next(g)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn block_is_cpythons_generator_size() {
        // python3 3.11: sys.getsizeof of a generator is 168 + 8 * (co_nlocalsplus +
        // co_stacksize): 176 for `def g(): yield 1` (0 locals, stack 1), 216 with
        // `a = b = c = d = 0` (4 locals, stack 2), 200 for `(i for i in range(3))`
        // (.0 and i, stack 2).
        let vt = Generator::VTABLE;
        assert_eq!(vt.block_size(1), Some(176));
        assert_eq!(vt.block_size(6), Some(216));
        assert_eq!(vt.block_size(4), Some(200));
    }
}
