//! verify_heap(): recount what the heap's invariants say (Lua's lua_checkmemory).
//!
//! Walks the three generation lists checking their links (H2), that every member is a
//! live container, and that no object is referenced by more tracked containers than its
//! refcount allows (H1).

use std::collections::HashMap;

use super::gc::{generation_heads, list_next, list_prev, NUM_GENERATIONS};
use super::object::{from_gc, live_objects, vtable_of, PyObj};

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

/// Check the heap of this thread. Must not run during a collection.
pub fn verify_heap() -> HeapReport {
    let mut report = HeapReport {
        live_objects: live_objects(),
        ..HeapReport::default()
    };
    let mut seen: HashMap<usize, usize> = HashMap::new();
    let mut internal: HashMap<usize, (usize, usize)> = HashMap::new(); // id -> (refs, refcnt)
    for (gen, head) in generation_heads().into_iter().enumerate() {
        let mut g = list_next(head);
        let mut steps = 0usize;
        while g != head {
            steps += 1;
            if steps > report.live_objects + 1 {
                report
                    .problems
                    .push(format!("generation {gen} list does not close"));
                break;
            }
            if list_prev(list_next(g)) != g {
                report
                    .problems
                    .push(format!("generation {gen}: broken prev link"));
            }
            let op = from_gc(std::ptr::NonNull::new(g).expect("non-null list member"));
            // SAFETY: H2: members of a generation list are live objects.
            let o = unsafe { PyObj::from_borrowed(op) };
            let vt = vtable_of(op);
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
            g = list_next(g);
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
