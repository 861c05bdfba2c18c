//! verify_heap(): recount what the heap's invariants say (Lua's lua_checkmemory).
//!
//! Walks the three generation lists checking their links (H2, C2), that every member is
//! a live container, and that no object is referenced by more tracked containers than
//! its refcount allows (H1). Safe code only: the walk itself is `gc::walk_generation`.

use std::collections::HashMap;

use super::gc::{walk_generation, WalkError, NUM_GENERATIONS};
use super::object::live_objects;

/// What verify_heap() found.
#[derive(Debug, Default)]
pub struct HeapReport {
    /// Tracked containers per generation.
    pub tracked: [usize; NUM_GENERATIONS],
    /// Objects allocated on this thread and not yet freed.
    pub live_objects: usize,
    /// Each broken invariant, described; empty when the heap is sound.
    pub problems: Vec<String>,
}

impl HeapReport {
    pub fn is_ok(&self) -> bool {
        self.problems.is_empty()
    }
}

/// Check the heap of this thread. Must not run during a collection (from a payload's
/// traverse it reports that, and checks nothing).
pub fn verify_heap() -> HeapReport {
    let mut report = HeapReport {
        live_objects: live_objects(),
        ..HeapReport::default()
    };
    let mut seen: HashMap<usize, usize> = HashMap::new();
    let mut internal: HashMap<usize, (usize, usize)> = HashMap::new(); // id -> (refs, refcnt)
    for gen in 0..NUM_GENERATIONS {
        let limit = report.live_objects + 1;
        let walked = walk_generation(gen, limit, |o, prev_ok| {
            if !prev_ok {
                report
                    .problems
                    .push(format!("generation {gen}: broken prev link"));
            }
            let vt = o.vtable();
            if !vt.gc {
                report.problems.push(format!(
                    "{} in a generation list is not a container",
                    vt.name
                ));
            }
            if let Some(prev_gen) = seen.insert(o.id(), gen) {
                report.problems.push(format!(
                    "{} at {:#x} is in generations {prev_gen} and {gen}",
                    vt.name,
                    o.id()
                ));
            }
            report.tracked[gen] += 1;
            // refcnt minus the temporary handle `o`
            internal.entry(o.id()).or_insert((0, o.refcnt() - 1));
            o.visit_children(&mut |child| {
                let e = internal.entry(child.id()).or_insert((0, child.refcnt()));
                e.0 += 1;
            });
        });
        match walked {
            Ok(()) => {}
            Err(WalkError::NotClosed) => report
                .problems
                .push(format!("generation {gen} list does not close")),
            Err(WalkError::Untracked) => report.problems.push(format!(
                "generation {gen}: a member was untracked while it was checked"
            )),
            Err(WalkError::Busy) => {
                report
                    .problems
                    .push("verify_heap called during a collection".to_string());
                return report;
            }
        }
    }
    for (id, (refs, refcnt)) in internal {
        if refs > refcnt {
            report.problems.push(format!(
                "object at {id:#x}: {refs} references from tracked containers but refcount {refcnt}"
            ));
        }
    }
    report
}
