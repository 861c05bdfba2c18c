//! Allocation tracing for `tracemalloc`: while a thread traces, every block the
//! process's allocator hands to that thread (objects and their buffers, through
//! `GlobalPymalloc` and `object_alloc`) is recorded with its requested size, and
//! forgotten when it is freed.
//!
//! The allocation path pays one test of a thread-local flag (`ON`) when tracing is
//! off. When it is on, the hook records `address -> (size, PENDING)` and sets the
//! `PENDING_TRACE` bit; the eval loop, which tests the pending byte once per
//! instruction anyway, then computes the Python stack once (`take_pending`) and gives
//! every block allocated since its previous instruction that stack's traceback. The
//! heap never needs to know about frames, and the hook never calls into the VM.
//!
//! The tables are this module's own (a traceback is a list of opaque `(file, line)`
//! frames, files are interned strings); they are allocated with the hook switched off,
//! so tracing does not trace itself, and `stop` frees them.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use crate::object::{set_pending, PENDING_TRACE};

/// The traceback id of a block whose stack is not known yet (see `take_pending`).
const PENDING: u32 = u32::MAX;

thread_local! {
    /// Tracing, and not inside the hook: the one flag the allocation path tests.
    static ON: Cell<bool> = const { Cell::new(false) };
    /// The thread's traces, present while it traces (and until `stop`).
    static STATE: RefCell<Option<State>> = const { RefCell::new(None) };
}

/// A multiplicative hash for block addresses and small keys (no per-process seed, so
/// building a table does not touch the system's randomness).
#[derive(Default)]
struct AddrHasher(u64);

impl Hasher for AddrHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(0x517c_c1b7_2722_0a95);
        }
    }
    fn write_u32(&mut self, n: u32) {
        self.write_u64(u64::from(n));
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0.rotate_left(5) ^ n).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
    fn write_usize(&mut self, n: usize) {
        self.write_u64(n as u64);
    }
}

type Map<K, V> = HashMap<K, V, BuildHasherDefault<AddrHasher>>;

/// One frame of a traceback: an interned file (see `file_name`) and a line.
pub type Frame = (u32, u32);

/// One traced block: its requested size and the id of the traceback that made it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Trace {
    pub size: usize,
    pub traceback: u32,
}

/// A traceback: its frames, most recent first (at most the limit), and how many
/// frames the stack had.
#[derive(Debug, PartialEq, Eq, Hash, Clone)]
pub struct Traceback {
    pub frames: Box<[Frame]>,
    pub total: u32,
}

struct State {
    limit: usize,
    traces: Map<usize, Trace>,
    /// Blocks allocated since the last `take_pending`, in order (some may be freed).
    pending: Vec<usize>,
    current: usize,
    peak: usize,
    files: Vec<Box<str>>,
    file_ids: Map<Box<str>, u32>,
    tracebacks: Vec<Traceback>,
    traceback_ids: Map<Traceback, u32>,
}

impl State {
    fn new(limit: usize) -> State {
        State {
            limit,
            traces: Map::default(),
            pending: Vec::new(),
            current: 0,
            peak: 0,
            files: Vec::new(),
            file_ids: Map::default(),
            tracebacks: Vec::new(),
            traceback_ids: Map::default(),
        }
    }

    fn add(&mut self, addr: usize, size: usize) {
        if let Some(old) = self.traces.insert(
            addr,
            Trace {
                size,
                traceback: PENDING,
            },
        ) {
            self.current -= old.size;
        }
        self.pending.push(addr);
        self.current += size;
        self.peak = self.peak.max(self.current);
    }

    fn remove(&mut self, addr: usize) {
        if let Some(old) = self.traces.remove(&addr) {
            self.current -= old.size;
        }
    }

    fn clear(&mut self) {
        *self = State::new(self.limit);
    }

    /// Bytes of the tables (what get_tracemalloc_memory reports).
    fn memory(&self) -> usize {
        use std::mem::size_of;
        let slot = |k: usize, v: usize| k + v + 1;
        self.traces.capacity() * slot(size_of::<usize>(), size_of::<Trace>())
            + self.pending.capacity() * size_of::<usize>()
            + self.files.iter().map(|f| f.len() * 2).sum::<usize>()
            + self.files.capacity() * size_of::<Box<str>>()
            + self.file_ids.capacity() * slot(size_of::<Box<str>>(), 4)
            + self
                .tracebacks
                .iter()
                .map(|t| t.frames.len() * size_of::<Frame>() * 2)
                .sum::<usize>()
            + self.tracebacks.capacity() * size_of::<Traceback>()
            + self.traceback_ids.capacity() * slot(size_of::<Traceback>(), 4)
    }
}

/// Run `f` on the thread's state with the hook off, so the tables' own allocations
/// are not traced; None when the thread does not trace (or its state is gone).
fn with_state<R>(f: impl FnOnce(&mut State) -> R) -> Option<R> {
    let was = ON.with(|c| c.replace(false));
    let r = STATE
        .try_with(|s| match s.try_borrow_mut() {
            Ok(mut s) => s.as_mut().map(f),
            Err(_) => None,
        })
        .ok()
        .flatten();
    ON.with(|c| c.set(was));
    r
}

/// Is this thread tracing? The allocation path's one test.
#[inline(always)]
pub(crate) fn hooked() -> bool {
    ON.with(|c| c.get())
}

/// A block of `size` bytes was allocated at `ptr` (null: nothing was).
#[cold]
#[inline(never)]
pub(crate) fn on_alloc(ptr: *mut u8, size: usize) {
    if ptr.is_null() {
        return;
    }
    let addr = ptr as usize;
    with_state(|s| s.add(addr, size));
    set_pending(PENDING_TRACE, true);
}

/// The block at `ptr` was taken back from a type free list for a new object: if it is
/// traced, its trace (size unchanged) gets the stack that makes the new object, as
/// CPython's _PyTraceMalloc_NewReference does; an untraced block stays untraced.
#[cold]
#[inline(never)]
pub(crate) fn on_reuse(ptr: *mut u8) {
    let addr = ptr as usize;
    let traced = with_state(|s| match s.traces.get_mut(&addr) {
        Some(t) => {
            t.traceback = PENDING;
            s.pending.push(addr);
            true
        }
        None => false,
    });
    if traced == Some(true) {
        set_pending(PENDING_TRACE, true);
    }
}

/// The block at `ptr` is being freed.
#[cold]
#[inline(never)]
pub(crate) fn on_free(ptr: *mut u8) {
    let addr = ptr as usize;
    with_state(|s| s.remove(addr));
}

/// The block at `old` was resized to `size` bytes at `new` (null: it was not).
#[cold]
#[inline(never)]
pub(crate) fn on_realloc(old: *mut u8, new: *mut u8, size: usize) {
    if new.is_null() {
        return;
    }
    let (old, new) = (old as usize, new as usize);
    with_state(|s| {
        s.remove(old);
        s.add(new, size);
    });
    set_pending(PENDING_TRACE, true);
}

/// Start tracing this thread's allocations, keeping up to `limit` frames per
/// traceback. Does nothing when already tracing (as CPython's start).
pub fn start(limit: usize) {
    if is_tracing() {
        return;
    }
    let limit = limit.max(1);
    let _ = STATE.try_with(|s| {
        if let Ok(mut s) = s.try_borrow_mut() {
            *s = Some(State::new(limit));
        }
    });
    ON.with(|c| c.set(true));
}

/// Stop tracing and free every table.
pub fn stop() {
    ON.with(|c| c.set(false));
    let old = STATE
        .try_with(|s| s.try_borrow_mut().ok().and_then(|mut s| s.take()))
        .ok()
        .flatten();
    drop(old);
    set_pending(PENDING_TRACE, false);
}

/// Is this thread tracing?
pub fn is_tracing() -> bool {
    STATE
        .try_with(|s| s.try_borrow().map(|s| s.is_some()).unwrap_or(false))
        .unwrap_or(false)
}

/// The traceback limit in force (None when not tracing).
pub fn limit() -> Option<usize> {
    with_state(|s| s.limit)
}

/// Forget every trace and traceback; the traced memory and its peak go back to 0.
pub fn clear_traces() {
    with_state(State::clear);
    set_pending(PENDING_TRACE, false);
}

/// (current, peak) bytes of the traced blocks.
pub fn traced_memory() -> (usize, usize) {
    with_state(|s| (s.current, s.peak)).unwrap_or((0, 0))
}

/// Set the peak to the current size.
pub fn reset_peak() {
    with_state(|s| s.peak = s.current);
}

/// Bytes the tracing tables use (0 when not tracing).
pub fn tracemalloc_memory() -> usize {
    with_state(|s| s.memory()).unwrap_or(0)
}

/// Are blocks waiting for their traceback?
pub fn has_pending() -> bool {
    with_state(|s| !s.pending.is_empty()).unwrap_or(false)
}

/// Intern a file name for `Frame`s.
pub fn file_id(name: &str) -> u32 {
    with_state(|s| {
        if let Some(&id) = s.file_ids.get(name) {
            return id;
        }
        let id = u32::try_from(s.files.len()).unwrap_or(u32::MAX - 1);
        s.files.push(name.into());
        s.file_ids.insert(name.into(), id);
        id
    })
    .unwrap_or(0)
}

/// The name of an interned file.
pub fn file_name(id: u32) -> Option<String> {
    with_state(|s| s.files.get(id as usize).map(|f| f.to_string())).flatten()
}

/// Give the blocks allocated since the last call the traceback `frames` (most recent
/// first, already cut to the limit) of a stack `total` frames deep.
pub fn take_pending(frames: &[Frame], total: u32) {
    with_state(|s| {
        if s.pending.is_empty() {
            return;
        }
        let tb = Traceback {
            frames: frames.into(),
            total,
        };
        let id = match s.traceback_ids.get(&tb) {
            Some(&id) => id,
            None => {
                let id = u32::try_from(s.tracebacks.len()).unwrap_or(PENDING - 1);
                s.tracebacks.push(tb.clone());
                s.traceback_ids.insert(tb, id);
                id
            }
        };
        let pending = std::mem::take(&mut s.pending);
        for addr in &pending {
            if let Some(t) = s.traces.get_mut(addr) {
                if t.traceback == PENDING {
                    t.traceback = id;
                }
            }
        }
        // Keep the buffer for the next instruction's blocks.
        s.pending = pending;
        s.pending.clear();
    });
    set_pending(PENDING_TRACE, false);
}

/// The traceback of the block at `addr`, if it is traced.
pub fn block_traceback(addr: usize) -> Option<Traceback> {
    with_state(|s| {
        let t = s.traces.get(&addr)?;
        s.tracebacks.get(t.traceback as usize).cloned()
    })
    .flatten()
}

/// A copy of every trace as (size, traceback id), and of the tracebacks, taken with
/// the hook off.
pub fn snapshot() -> Option<(Vec<Trace>, Vec<Traceback>)> {
    with_state(|s| {
        let traces: Vec<Trace> = s.traces.values().copied().collect();
        (traces, s.tracebacks.clone())
    })
}

/// Run `f` with this thread's allocations untraced.
pub fn untraced<R>(f: impl FnOnce() -> R) -> R {
    let was = ON.with(|c| c.replace(false));
    let r = f();
    ON.with(|c| c.set(was));
    r
}
