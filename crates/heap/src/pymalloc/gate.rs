//! Who may work on a pymalloc instance's state, one thread at a time (L1): the
//! instance's owner thread with plain loads and stores, every other thread with the
//! spin lock and a membarrier(2) that forces the owner out (O1-O3 in pymalloc.rs).
//!
//! The owner's way in costs no atomic read-modify-write and no fence: it announces
//! itself (`inside = true`), then reads `wants`; if no one else wants in, it works on
//! the state and takes the announcement back with a release store. Another thread
//! takes the lock, sets `wants`, and makes every thread of the process pass a full
//! memory barrier (membarrier PRIVATE_EXPEDITED) before it reads `inside`: after
//! that, either it sees the owner inside (and waits for it to leave) or the owner's
//! next check sees `wants` (and the owner goes through the lock). Without membarrier
//! (an old kernel, valgrind without the call, another system) no thread can own an
//! instance and everyone takes the lock, as before.

use std::cell::Cell;
use std::marker::PhantomData;
use std::sync::atomic::{compiler_fence, AtomicBool, Ordering, Ordering::*};

/// The way into one instance's state.
pub(super) struct Gate {
    lock: SpinLock,
    /// A thread owns the instance. Written only with the lock held (O1).
    owned: AtomicBool,
    /// The owner is working on the state without the lock. Written only by the owner.
    inside: AtomicBool,
    /// A thread holding the lock waits for the owner to stay out. Written only with
    /// the lock held.
    wants: AtomicBool,
}

thread_local! {
    /// The address of the gate this thread owns; 0: none. A const-initialised Cell
    /// with no destructor: reading it is one load, and it can be read at any time,
    /// thread exit included.
    static OWNS: Cell<usize> = const { Cell::new(0) };
}

/// The orderings of the owner's announcement and of its check of `wants`. The
/// processor's ordering of the two comes from membarrier (O2), so the owner's are a
/// plain store and load (Acquire: the state written by a thread that had the lock is
/// seen, O3). Under Miri, which has no membarrier, both sides use sequentially
/// consistent accesses instead: a symmetric Dekker, which Miri can check.
const ANNOUNCE: Ordering = if cfg!(miri) { SeqCst } else { Relaxed };
const CHECK: Ordering = if cfg!(miri) { SeqCst } else { Acquire };

impl Gate {
    pub(super) const fn new() -> Gate {
        Gate {
            lock: SpinLock::new(),
            owned: AtomicBool::new(false),
            inside: AtomicBool::new(false),
            wants: AtomicBool::new(false),
        }
    }

    #[inline(always)]
    fn id(&self) -> usize {
        (self as *const Gate).addr()
    }

    /// The owner's way in: true if the calling thread owns the instance and no
    /// other thread wants in; it is then the only one working on the state, with
    /// `inside` set, until it calls `leave` (L1). False: take `enter_slow`.
    #[inline(always)]
    pub(super) fn enter_owner(&self) -> bool {
        if OWNS.get() != self.id() {
            return false;
        }
        self.inside.store(true, ANNOUNCE);
        // O2: the store above comes before the load below in the compiler's output;
        // membarrier orders them for the processor.
        compiler_fence(SeqCst);
        if !self.wants.load(CHECK) {
            return true;
        }
        // Release, as in `leave`: a thread that reads this false must see the state
        // this thread wrote before (O3).
        self.inside.store(false, Release);
        false
    }

    /// Through the lock: a thread that does not own the instance, or the owner while
    /// another thread wants in (`enter_owner` said false). Afterwards the calling
    /// thread is the only one working on the state until it calls `leave` (L1).
    #[cold]
    #[inline(never)]
    pub(super) fn enter_slow(&self) {
        self.lock.lock();
        if !self.foreign() {
            return;
        }
        // O2: announce, make the owner's announcement (if any) visible, then wait for
        // it to leave; from now on the owner's checks see `wants` until we clear it.
        self.wants.store(true, ANNOUNCE);
        barrier::heavy();
        let mut spins = 0u32;
        while self.inside.load(CHECK) {
            if spins < 64 {
                spins += 1;
                std::hint::spin_loop();
            } else {
                std::thread::yield_now();
            }
        }
    }

    /// With the lock held: is the instance owned by another thread (so that the
    /// caller must keep the owner out with `wants`)? Fixed while the lock is held
    /// (O1).
    #[inline]
    fn foreign(&self) -> bool {
        self.owned.load(Relaxed) && OWNS.get() != self.id()
    }

    /// Leave: `owner` is what `enter_owner` said (false: the thread came in by
    /// `enter_slow`, which `leave_slow` knows again from `owned` and OWNS, fixed while
    /// the lock is held).
    #[inline(always)]
    pub(super) fn leave(&self, owner: bool) {
        if owner {
            // O3: the state written inside is seen by the next thread that reads
            // `inside` as false.
            self.inside.store(false, Release);
        } else {
            self.leave_slow();
        }
    }

    #[cold]
    #[inline(never)]
    fn leave_slow(&self) {
        if self.foreign() {
            // O3: the owner's next check (Acquire) sees what we wrote.
            self.wants.store(false, Release);
        }
        self.lock.unlock();
    }

    /// Make the calling thread the owner (O1). None if membarrier is unavailable, the
    /// instance has an owner, or this thread owns another instance.
    pub(super) fn own(&self) -> Option<Owner<'_>> {
        if OWNS.get() != 0 || !barrier::available() {
            return None;
        }
        self.lock.lock();
        let free = !self.owned.load(Relaxed);
        if free {
            self.owned.store(true, Relaxed);
        }
        self.lock.unlock();
        if !free {
            return None;
        }
        OWNS.set(self.id());
        Some(Owner {
            gate: self,
            _thread_bound: PhantomData,
        })
    }

    /// Does the calling thread own this instance?
    pub(super) fn owned_here(&self) -> bool {
        OWNS.get() == self.id()
    }
}

/// Ask the kernel once whether membarrier can serve an owner, registering the process
/// for it. Registering costs next to nothing while the process has one thread; with
/// more, the kernel waits for an RCU grace period (milliseconds), so a program calls
/// this at the start of main, before it starts a thread (`own` calls it too).
pub fn prepare_owner() -> bool {
    barrier::available()
}

/// The calling thread owns a gate while this lives (O1); not Send: ownership belongs
/// to the thread that registered.
pub struct Owner<'a> {
    gate: &'a Gate,
    _thread_bound: PhantomData<*const ()>,
}

impl Drop for Owner<'_> {
    fn drop(&mut self) {
        // O1: this thread stops taking the owner's way before the instance is marked
        // unowned (it is not inside: the owner leaves before it returns).
        OWNS.set(0);
        self.gate.lock.lock();
        self.gate.owned.store(false, Relaxed);
        self.gate.lock.unlock();
    }
}

/// The processor-wide barrier a non-owner issues (O2).
#[cfg(all(target_os = "linux", not(miri)))]
mod barrier {
    use std::sync::atomic::{AtomicU8, Ordering::Relaxed};

    // linux/membarrier.h
    const CMD_QUERY: libc::c_long = 0;
    const CMD_PRIVATE_EXPEDITED: libc::c_long = 1 << 3;
    const CMD_REGISTER_PRIVATE_EXPEDITED: libc::c_long = 1 << 4;

    const UNKNOWN: u8 = 0;
    const YES: u8 = 1;
    const NO: u8 = 2;
    static READY: AtomicU8 = AtomicU8::new(UNKNOWN);

    fn membarrier(cmd: libc::c_long) -> libc::c_long {
        // SAFETY: O2: membarrier(2) takes two integers and touches no memory of ours;
        // an unknown system call fails with ENOSYS.
        unsafe {
            libc::syscall(
                libc::SYS_membarrier,
                cmd,
                0 as libc::c_long,
                0 as libc::c_long,
            )
        }
    }

    /// Is membarrier PRIVATE_EXPEDITED usable by this process (registering it)?
    /// Asked of the kernel once.
    pub(super) fn available() -> bool {
        match READY.load(Relaxed) {
            YES => true,
            NO => false,
            _ => {
                let q = membarrier(CMD_QUERY);
                let both = CMD_PRIVATE_EXPEDITED | CMD_REGISTER_PRIVATE_EXPEDITED;
                let ok =
                    q >= 0 && q & both == both && membarrier(CMD_REGISTER_PRIVATE_EXPEDITED) == 0;
                READY.store(if ok { YES } else { NO }, Relaxed);
                ok
            }
        }
    }

    /// Every running thread of the process executes a full memory barrier before this
    /// returns. Only called while an owner exists, so after `available` said yes.
    pub(super) fn heavy() {
        if membarrier(CMD_PRIVATE_EXPEDITED) != 0 {
            // The registration is per address space: a child of fork(2) may need its
            // own.
            if membarrier(CMD_REGISTER_PRIVATE_EXPEDITED) != 0
                || membarrier(CMD_PRIVATE_EXPEDITED) != 0
            {
                super::super::arenas::check_failed("pymalloc: membarrier failed\n");
            }
        }
    }
}

/// Miri has no membarrier: the gate's accesses are sequentially consistent there
/// (ANNOUNCE, CHECK), and a fence stands for the barrier.
#[cfg(miri)]
mod barrier {
    pub(super) fn available() -> bool {
        true
    }

    pub(super) fn heavy() {
        std::sync::atomic::fence(std::sync::atomic::Ordering::SeqCst);
    }
}

/// No membarrier on this system: no thread owns an instance, everyone locks.
#[cfg(all(not(target_os = "linux"), not(miri)))]
mod barrier {
    pub(super) fn available() -> bool {
        false
    }

    pub(super) fn heavy() {
        std::sync::atomic::fence(std::sync::atomic::Ordering::SeqCst);
    }
}

/// A test-and-test-and-set spin lock: uncontended it costs one atomic exchange.
struct SpinLock(AtomicBool);

impl SpinLock {
    const fn new() -> SpinLock {
        SpinLock(AtomicBool::new(false))
    }

    #[inline]
    fn lock(&self) {
        if self
            .0
            .compare_exchange_weak(false, true, Acquire, Relaxed)
            .is_err()
        {
            self.lock_contended();
        }
    }

    #[cold]
    #[inline(never)]
    fn lock_contended(&self) {
        let mut spins = 0u32;
        loop {
            while self.0.load(Relaxed) {
                if spins < 64 {
                    spins += 1;
                    std::hint::spin_loop();
                } else {
                    // The holder may be descheduled (2 cores, many threads).
                    std::thread::yield_now();
                }
            }
            if self
                .0
                .compare_exchange_weak(false, true, Acquire, Relaxed)
                .is_ok()
            {
                return;
            }
        }
    }

    #[inline]
    fn unlock(&self) {
        self.0.store(false, Release);
    }
}
