//! The eval loop's side of the heap's watch points: MemoryError when an allocation
//! took the heap past its limit (`PENDING_MEMORY`, set by pymalloc's slow path), and
//! the memory report's sample hook (`PENDING_SAMPLE`). The `glass` module sets both.

use std::cell::Cell;

use super::Vm;
use crate::heap::{self, pymalloc};
use crate::objects::exceptions::{self, Exc};

/// A function the eval loop calls when the heap flags `PENDING_SAMPLE`.
pub type SampleHook = fn(&mut Vm);

thread_local! {
    /// The heap's footprint when this thread last raised MemoryError, while it has
    /// not gone back under the limit since.
    static RAISED_AT: Cell<Option<usize>> = const { Cell::new(None) };
    static SAMPLE: Cell<Option<SampleHook>> = const { Cell::new(None) };
}

/// Room given, past the limit, to the code that handles a MemoryError (an except
/// block prints, builds a traceback): another MemoryError is raised only once the
/// heap grows this much more, or after it went back under the limit.
fn headroom(limit: usize) -> usize {
    (limit / 16).max(1 << 20)
}

/// Forget the last MemoryError (the limit changed).
pub fn reset() {
    heap::set_pending(heap::PENDING_MEMORY, false);
    RAISED_AT.with(|r| r.set(None));
}

/// The MemoryError the eval loop raises when an allocation took the heap past its
/// limit; None when nothing is due. A flag found when the heap is back within its
/// limit (a temporary, or an unwinding, freed the memory first) raises nothing.
pub fn take_memory_error() -> Option<Exc> {
    if !heap::pending(heap::PENDING_MEMORY) {
        return None;
    }
    heap::set_pending(heap::PENDING_MEMORY, false);
    let h = pymalloc::global_heap()?;
    let (limit, now) = (h.limit(), h.footprint());
    if limit == 0 {
        return None;
    }
    if now <= limit {
        RAISED_AT.with(|r| r.set(None));
        return None;
    }
    // After a MemoryError the handler gets headroom, until the heap shrinks below
    // where it was raised (the unwinding freed what the failed code held).
    let raise = match RAISED_AT.with(|r| r.get()) {
        Some(at) => now > at + headroom(limit) || now < at,
        None => true,
    };
    if !raise {
        return None;
    }
    RAISED_AT.with(|r| r.set(Some(now)));
    Some(exceptions::memory_error())
}

/// For built-in loops that allocate as they go (collecting an iterator): the
/// MemoryError due if an allocation of this step took the heap past its limit.
#[inline]
pub fn check() -> Result<(), Exc> {
    if heap::pending(heap::PENDING_MEMORY) {
        if let Some(e) = take_memory_error() {
            return Err(e);
        }
    }
    Ok(())
}

/// Install (or remove) the sample hook.
pub fn set_sample_hook(f: Option<SampleHook>) {
    SAMPLE.with(|s| s.set(f));
}

/// The heap flagged `PENDING_SAMPLE`: clear it and call the hook, if any.
pub fn run_sample_hook(vm: &mut Vm) {
    heap::set_pending(heap::PENDING_SAMPLE, false);
    if let Some(f) = SAMPLE.with(|s| s.get()) {
        f(vm);
    }
}

/// Parse a memory size: `1000000`, `64k`, `100M`, `2G` (powers of 1024; `kb`, `KiB`
/// and the like too). None if it is not one.
pub fn parse_size(s: &str) -> Option<usize> {
    let t = s.trim();
    let digits_end = t
        .find(|c: char| !c.is_ascii_digit() && c != '_')
        .unwrap_or(t.len());
    let n: usize = t[..digits_end].replace('_', "").parse().ok()?;
    let unit = t[digits_end..].trim().to_ascii_lowercase();
    let mul: usize = match unit.as_str() {
        "" | "b" => 1,
        "k" | "kb" | "kib" => 1 << 10,
        "m" | "mb" | "mib" => 1 << 20,
        "g" | "gb" | "gib" => 1 << 30,
        _ => return None,
    };
    n.checked_mul(mul)
}

#[cfg(test)]
mod tests {
    use super::parse_size;

    #[test]
    fn sizes() {
        assert_eq!(parse_size("1000"), Some(1000));
        assert_eq!(parse_size("64k"), Some(65536));
        assert_eq!(parse_size("100M"), Some(100 << 20));
        assert_eq!(parse_size("2GiB"), Some(2 << 30));
        assert_eq!(parse_size("10x"), None);
        assert_eq!(parse_size("M"), None);
    }
}
