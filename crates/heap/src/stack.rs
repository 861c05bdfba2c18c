//! The interpreter's stack: a large one (1 GiB for glasspy, so that the Rust paths the
//! recursion limit bounds have room at `sys.setrecursionlimit(100000)`), on the thread
//! that asks for it. Until session 16 the binary started a second thread with that
//! stack and waited for it; switching the calling thread onto a fresh mapping instead
//! saves the thread's start and the wake-up of another CPU, which on a loaded machine
//! was a large part of an empty script's start-up time (docs/performance.md).
//!
//! The switch itself is the `psm` crate's (a few instructions of assembly per target);
//! this module maps the stack, puts a guard page below it, and carries a panic back to
//! the caller's stack. Where psm cannot switch (another architecture, Miri) or the
//! mapping is refused, it falls back to a thread with that stack size.

use std::panic::{catch_unwind, resume_unwind, AssertUnwindSafe};

/// Run `f` on a stack of `size` bytes (rounded up to whole pages; a guard page below
/// it) and return its result. A panic in `f` unwinds on into the caller.
pub fn run_on_stack<R, F>(size: usize, f: F) -> R
where
    R: Send + 'static,
    F: FnOnce() -> R + Send + 'static,
{
    match switched::run(size, f) {
        Ok(r) => r,
        Err(f) => std::thread::Builder::new()
            .name("glasspy".into())
            .stack_size(size)
            .spawn(f)
            .expect("could not start the interpreter thread")
            .join()
            .unwrap_or_else(|p| resume_unwind(p)),
    }
}

/// Where psm cannot switch stacks: always the thread.
#[cfg(not(all(
    target_os = "linux",
    not(miri),
    any(target_arch = "x86_64", target_arch = "aarch64")
)))]
mod switched {
    pub(super) fn run<R, F: FnOnce() -> R>(_size: usize, f: F) -> Result<R, F> {
        Err(f)
    }
}

#[cfg(all(
    target_os = "linux",
    not(miri),
    any(target_arch = "x86_64", target_arch = "aarch64")
))]
mod switched {
    use super::{catch_unwind, resume_unwind, AssertUnwindSafe};

    /// `f` run on a new mapping of `size` bytes; `f` back if none could be made.
    pub(super) fn run<R, F: FnOnce() -> R>(size: usize, f: F) -> Result<R, F> {
        let Some(stack) = Mapping::new(size) else {
            return Err(f);
        };
        let call = || catch_unwind(AssertUnwindSafe(f));
        // SAFETY: S1: `stack.low..stack.low + stack.size` is a fresh read-write mapping
        // of whole pages (so aligned for any target), owned by `stack` until it drops
        // after the switch has returned; `call` does not unwind (catch_unwind) and
        // returns normally.
        let out = unsafe { psm::on_stack(stack.low, stack.size, call) };
        drop(stack);
        Ok(out.unwrap_or_else(|p| resume_unwind(p)))
    }

    /// An anonymous mapping with its lowest page made inaccessible: a stack of `size`
    /// bytes above it, unmapped on drop.
    struct Mapping {
        /// The start of the whole mapping (the guard page).
        base: *mut u8,
        /// The mapping's length, guard page included.
        len: usize,
        /// The lowest byte of the usable stack.
        low: *mut u8,
        /// The usable stack's size, a whole number of pages.
        size: usize,
    }

    impl Mapping {
        fn new(size: usize) -> Option<Mapping> {
            // SAFETY: S1: sysconf reads a constant of the system.
            let page = usize::try_from(unsafe { libc::sysconf(libc::_SC_PAGESIZE) }).ok()?;
            if !page.is_power_of_two() {
                return None;
            }
            let size = size.checked_next_multiple_of(page)?.max(page);
            let len = size.checked_add(page)?;
            if isize::try_from(len).is_err() {
                return None;
            }
            // SAFETY: S1: a new anonymous private mapping asks nothing of existing memory;
            // NORESERVE because only the pages a deep recursion touches are ever used.
            let base = unsafe {
                libc::mmap(
                    std::ptr::null_mut(),
                    len,
                    libc::PROT_READ | libc::PROT_WRITE,
                    libc::MAP_PRIVATE | libc::MAP_ANONYMOUS | libc::MAP_NORESERVE | libc::MAP_STACK,
                    -1,
                    0,
                )
            };
            if base == libc::MAP_FAILED {
                return None;
            }
            let base = base.cast::<u8>();
            // SAFETY: S1: the first page of the mapping just made, which nothing uses.
            if unsafe { libc::mprotect(base.cast(), page, libc::PROT_NONE) } != 0 {
                // SAFETY: S1: the whole mapping just made, not yet used.
                unsafe { libc::munmap(base.cast(), len) };
                return None;
            }
            Some(Mapping {
                base,
                len,
                // SAFETY: S1: `page < len`: the byte after the guard page is in the mapping.
                low: unsafe { base.add(page) },
                size,
            })
        }
    }

    impl Drop for Mapping {
        fn drop(&mut self) {
            // SAFETY: S1: the mapping `new` made, once; the switch onto it has returned and
            // nothing refers into it.
            unsafe { libc::munmap(self.base.cast(), self.len) };
        }
    }
}

#[cfg(test)]
mod tests {
    use super::run_on_stack;

    /// A frame of about 4 KiB per level, 32 K levels deep: 128 MiB, more than a
    /// default thread or main stack holds.
    #[inline(never)]
    fn deep(n: u32) -> u64 {
        let pad = [n as u8; 4096];
        std::hint::black_box(&pad);
        if n == 0 {
            return 0;
        }
        deep(n - 1) + 1
    }

    // Under Miri run_on_stack is std's thread (Miri runs neither mmap nor psm's
    // assembly), and 128 MiB of interpreted frames would take it hours.
    #[test]
    #[cfg_attr(miri, ignore)]
    fn runs_deep_recursion_and_returns_its_value() {
        assert_eq!(run_on_stack(256 << 20, || deep(32 << 10)), 32 << 10);
    }

    #[test]
    fn a_panic_reaches_the_caller() {
        let r = std::panic::catch_unwind(|| run_on_stack(1 << 20, || -> u8 { panic!("inside") }));
        let msg = r.expect_err("the panic comes back");
        assert_eq!(msg.downcast_ref::<&str>(), Some(&"inside"));
    }

    #[test]
    fn runs_again_after_returning() {
        for i in 0..3u32 {
            assert_eq!(run_on_stack(64 << 10, move || i * 2), i * 2);
        }
    }
}
