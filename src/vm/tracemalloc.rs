//! The VM's half of tracemalloc: the heap records each traced block with a pending
//! traceback (crates/heap/src/trace.rs) and sets `PENDING_TRACE`; the eval loop, at
//! its next instruction, gives those blocks the current Python stack, at most the
//! traceback limit's frames of (co_filename, line of the last instruction run).

use crate::heap::trace;
use crate::objects::code::Code;
use crate::objects::string;

use super::Vm;

impl Vm {
    /// Give the blocks allocated since the last call the stack of frames
    /// `frames[..=top]` (their saved `ip`s: the next instruction of each).
    #[cold]
    #[inline(never)]
    pub(crate) fn trace_pending(&self, top: usize) {
        let Some(limit) = trace::limit() else {
            trace::take_pending(&[], 0);
            return;
        };
        trace::untraced(|| {
            let n = if self.frames.is_empty() {
                0
            } else {
                top.min(self.frames.len() - 1) + 1
            };
            let mut frames = Vec::with_capacity(limit.min(n).max(1));
            for f in self.frames[..n].iter().rev().take(limit) {
                let Some(code) = f.code.get::<Code>() else {
                    continue;
                };
                let line = code
                    .locations
                    .get(f.ip.saturating_sub(1))
                    .map_or(0, |l| l.line);
                let file = string::as_str(&code.filename).unwrap_or_default();
                frames.push((trace::file_id(&file), line));
            }
            if frames.is_empty() {
                frames.push((trace::file_id("<unknown>"), 0));
            }
            let total = u32::try_from(n.max(1)).unwrap_or(u32::MAX);
            trace::take_pending(&frames, total);
        })
    }

    /// From native code (a builtin called by CALL, whose frame saved its `ip`): give
    /// pending blocks the current stack.
    pub(crate) fn trace_flush(&self) {
        if crate::heap::pending(crate::heap::PENDING_TRACE) {
            self.trace_pending(usize::MAX);
        }
    }
}
