//! `glasspy --memory-report report.html script.py`: samples of the heap over the run
//! (taken when the heap grows by a quarter and after every collection), and, each
//! time the run reaches a new peak, the by-type table, the heap map, the lines that
//! allocated the live blocks (tracemalloc's traces) and the allocator's statistics.
//! At the end, one self-contained HTML page: inline SVG, CSS and script only.

use std::cell::RefCell;
use std::collections::HashMap;
use std::fmt::Write;
use std::time::Instant;

use super::map;
use super::svg::{self, esc};
use crate::heap::pymalloc;
use crate::heap::{self, trace, GcEvent};
use crate::vm::Vm;

/// One point of the plot.
struct Sample {
    /// Seconds since the start.
    t: f64,
    /// Bytes of the live traced blocks (tracemalloc's current).
    current: usize,
    /// Bytes the heap holds from the system (arenas + raw blocks).
    footprint: usize,
    /// The generation collected just before, if this sample follows a collection.
    gc: Option<usize>,
}

/// What the page shows of the heap at its peak.
struct Peak {
    t: f64,
    current: usize,
    by_type: Vec<(String, usize, usize)>,
    map_svg: String,
    top_lines: Vec<(String, u32, usize, usize)>,
    mallocstats: String,
}

struct State {
    start: Instant,
    samples: Vec<Sample>,
    /// Collections reported since the last sample (generation).
    gc_pending: Option<usize>,
    peak: Option<Peak>,
}

thread_local! {
    static REPORT: RefCell<Option<State>> = const { RefCell::new(None) };
}

/// Start recording for a report: tracemalloc on (1 frame), the collection hook, and
/// the heap's watch point.
pub fn start() {
    super::super::tracemalloc_mod::start_tracing(1);
    REPORT.with(|r| {
        *r.borrow_mut() = Some(State {
            start: Instant::now(),
            samples: Vec::new(),
            gc_pending: None,
            peak: None,
        })
    });
    heap::set_gc_report(Some(on_gc));
    crate::vm::memlimit::set_sample_hook(Some(|vm| sample(vm, None)));
    watch_from_now();
}

/// Ask for the next sample when the footprint has grown by a quarter.
fn watch_from_now() {
    if let Some(h) = pymalloc::global_heap() {
        let now = h.footprint();
        h.set_watch(now + now / 4 + (64 << 10));
    }
}

/// The collection hook: note the generation; the sample is taken at the next
/// instruction (no census may run inside a collection).
fn on_gc(ev: &GcEvent<'_>) {
    if let GcEvent::Done { generation, .. } = ev {
        let _ = REPORT.try_with(|r| {
            if let Ok(mut r) = r.try_borrow_mut() {
                if let Some(st) = r.as_mut() {
                    st.gc_pending = Some(*generation);
                    heap::set_pending(heap::PENDING_SAMPLE, true);
                }
            }
        });
    }
}

/// Take a sample (the eval loop calls this when `PENDING_SAMPLE` is set; `finish`
/// with `force` for the last one). A new peak, 10% over the last one shown, is
/// captured in full.
pub fn sample(vm: &mut Vm, force: Option<()>) {
    heap::set_pending(heap::PENDING_SAMPLE, false);
    let active = REPORT.with(|r| r.borrow().is_some());
    if !active {
        return;
    }
    vm.trace_flush();
    let (current, _) = trace::traced_memory();
    let footprint = pymalloc::global_heap().map_or(0, |h| h.footprint());
    let capture = trace::untraced(|| {
        REPORT.with(|r| {
            let mut r = r.borrow_mut();
            let st = r.as_mut().expect("active");
            let t = st.start.elapsed().as_secs_f64();
            let gc = st.gc_pending.take();
            st.samples.push(Sample {
                t,
                current,
                footprint,
                gc,
            });
            let shown = st.peak.as_ref().map_or(0, |p| p.current);
            (current > shown + shown / 10 || (force.is_some() && st.peak.is_none())).then_some(t)
        })
    });
    if let Some(t) = capture {
        // The report's own tables must not count as the program's allocations.
        let peak = trace::untraced(|| capture_peak(vm, t, current));
        REPORT.with(|r| {
            if let Some(st) = r.borrow_mut().as_mut() {
                st.peak = Some(peak);
            }
        });
    }
    watch_from_now();
}

fn capture_peak(vm: &mut Vm, t: f64, current: usize) -> Peak {
    let m = map::gather(vm);
    let map_svg = map::svg_picture(&m, true);
    drop(m);
    let objs = super::census(vm, None);
    let by_type = super::by_type(vm, &objs);
    drop(objs);
    let mut lines: HashMap<(u32, u32), (usize, usize)> = HashMap::new();
    let mut names: HashMap<u32, String> = HashMap::new();
    if let Some((traces, tracebacks)) = trace::snapshot() {
        for tr in &traces {
            let Some(&(file, line)) = tracebacks
                .get(tr.traceback as usize)
                .and_then(|tb| tb.frames.first())
            else {
                continue;
            };
            let e = lines.entry((file, line)).or_default();
            e.0 += tr.size;
            e.1 += 1;
            names
                .entry(file)
                .or_insert_with(|| trace::file_name(file).unwrap_or_else(|| "<unknown>".into()));
        }
    }
    let mut top: Vec<(String, u32, usize, usize)> = lines
        .into_iter()
        .map(|((f, l), (b, n))| (names[&f].clone(), l, b, n))
        .collect();
    top.sort_by(|a, b| b.2.cmp(&a.2).then_with(|| (&a.0, a.1).cmp(&(&b.0, b.1))));
    top.truncate(20);
    Peak {
        t,
        current,
        by_type,
        map_svg,
        top_lines: top,
        mallocstats: pymalloc::global_debugmallocstats(),
    }
}

/// Stop recording and write the page to `path`.
pub fn finish(vm: &mut Vm, path: &str) -> std::io::Result<()> {
    sample(vm, Some(()));
    heap::set_gc_report(None);
    crate::vm::memlimit::set_sample_hook(None);
    if let Some(h) = pymalloc::global_heap() {
        h.set_watch(0);
    }
    let Some(st) = REPORT.with(|r| r.borrow_mut().take()) else {
        return Ok(());
    };
    std::fs::write(path, page(&st))
}

fn kib(n: usize) -> String {
    format!("{:.1} KiB", n as f64 / 1024.0)
}

/// The plot of traced bytes (current, and its running peak) and footprint over
/// time, with a tick per collection coloured by generation.
fn plot(st: &State) -> String {
    let (w, h, left, bottom) = (900.0, 300.0, 70.0, 30.0);
    let tmax = st.samples.iter().map(|s| s.t).fold(0.0, f64::max).max(1e-6);
    let ymax = st
        .samples
        .iter()
        .map(|s| s.current.max(s.footprint))
        .max()
        .unwrap_or(1)
        .max(1) as f64;
    let x = |t: f64| left + (w - left - 10.0) * t / tmax;
    let y = |v: usize| (h - bottom) - (h - bottom - 10.0) * v as f64 / ymax;
    let mut s = String::new();
    let _ = writeln!(
        s,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"plot\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\" font-family=\"sans-serif\" font-size=\"11\">"
    );
    let _ = writeln!(
        s,
        "<line x1=\"{left}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"#888\"/><line x1=\"{left}\" y1=\"10\" x2=\"{left}\" y2=\"{}\" stroke=\"#888\"/>",
        h - bottom,
        w - 10.0,
        h - bottom,
        h - bottom
    );
    for k in 0..=4 {
        let v = (ymax * k as f64 / 4.0) as usize;
        let _ = writeln!(
            s,
            "<text x=\"4\" y=\"{:.1}\">{}</text>",
            y(v) + 4.0,
            esc(&kib(v))
        );
    }
    let _ = writeln!(
        s,
        "<text x=\"{}\" y=\"{}\">{tmax:.3} s</text><text x=\"{left}\" y=\"{}\">0 s</text>",
        w - 60.0,
        h - 8.0,
        h - 8.0
    );
    let line = |f: &dyn Fn(&Sample) -> usize, colour: &str, class: &str| {
        let pts: Vec<String> = st
            .samples
            .iter()
            .map(|p| format!("{:.1},{:.1}", x(p.t), y(f(p))))
            .collect();
        format!(
            "<polyline class=\"{class}\" fill=\"none\" stroke=\"{colour}\" stroke-width=\"1.5\" points=\"{}\"/>\n",
            pts.join(" ")
        )
    };
    let mut run_peak = 0;
    let peaks: Vec<usize> = st
        .samples
        .iter()
        .map(|p| {
            run_peak = run_peak.max(p.current);
            run_peak
        })
        .collect();
    let pts: Vec<String> = st
        .samples
        .iter()
        .zip(&peaks)
        .map(|(p, &v)| format!("{:.1},{:.1}", x(p.t), y(v)))
        .collect();
    let _ = writeln!(
        s,
        "<polyline class=\"peak\" fill=\"none\" stroke=\"#e15759\" stroke-dasharray=\"4 3\" points=\"{}\"/>",
        pts.join(" ")
    );
    s.push_str(&line(&|p| p.footprint, "#bab0ac", "footprint"));
    s.push_str(&line(&|p| p.current, "#4e79a7", "current"));
    let gen_colour = ["#59a14f", "#f28e2b", "#b07aa1"];
    for p in &st.samples {
        if let Some(g) = p.gc {
            let _ = writeln!(
                s,
                "<line class=\"gc gen{g}\" x1=\"{:.1}\" y1=\"{}\" x2=\"{:.1}\" y2=\"{}\" stroke=\"{}\"><title>collection of generation {g} at {:.3} s</title></line>",
                x(p.t),
                h - bottom,
                x(p.t),
                h - bottom + 8.0,
                gen_colour[g.min(2)],
                p.t
            );
        }
    }
    let legend = [
        ("#4e79a7", "traced bytes (current)"),
        ("#e15759", "peak so far"),
        ("#bab0ac", "heap footprint (arenas + raw blocks)"),
        ("#59a14f", "gen 0 collection"),
        ("#f28e2b", "gen 1 collection"),
        ("#b07aa1", "gen 2 collection"),
    ];
    s.push_str("<g id=\"plot-legend\">");
    for (i, (c, name)) in legend.iter().enumerate() {
        let lx = left + 10.0 + (i % 3) as f64 * 250.0;
        let ly = 14.0 + (i / 3) as f64 * 14.0;
        let _ = write!(
            s,
            "<rect x=\"{lx}\" y=\"{}\" width=\"10\" height=\"10\" fill=\"{c}\"/><text x=\"{}\" y=\"{}\">{}</text>",
            ly - 9.0,
            lx + 14.0,
            ly,
            esc(name)
        );
    }
    s.push_str("</g>\n</svg>\n");
    s
}

fn page(st: &State) -> String {
    let mut p = String::new();
    p.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>glasspy memory report</title>\n");
    p.push_str(svg::HTML_STYLE);
    p.push_str("</head>\n<body>\n<h1>glasspy memory report</h1>\n");
    let gcs = st.samples.iter().filter(|s| s.gc.is_some()).count();
    let peak = st.samples.iter().map(|s| s.current).max().unwrap_or(0);
    let _ = writeln!(
        p,
        "<p>{} samples, {gcs} collections marked; peak traced memory {} ({} bytes).</p>",
        st.samples.len(),
        esc(&kib(peak)),
        peak
    );
    p.push_str("<h2>Heap over the run</h2>\n");
    p.push_str(&plot(st));
    if let Some(pk) = &st.peak {
        let _ = writeln!(
            p,
            "<h2>At the peak ({:.3} s, {} traced, {:.0}% of the highest sample)</h2>\n<p>The heap is captured each time it passes the last capture by 10%.</p>\n<h3>Lines that allocated the live blocks</h3>\n<table id=\"top-lines\"><tr><th>file:line</th><th>bytes</th><th>blocks</th></tr>",
            pk.t,
            esc(&kib(pk.current)),
            100.0 * pk.current as f64 / peak.max(1) as f64
        );
        let cwd = std::env::current_dir()
            .map(|d| format!("{}/", d.display()))
            .unwrap_or_default();
        for (f, l, b, n) in &pk.top_lines {
            let f = f.strip_prefix(cwd.as_str()).unwrap_or(f);
            let _ = writeln!(
                p,
                "<tr><td>{}:{l}</td><td>{b}</td><td>{n}</td></tr>",
                esc(f)
            );
        }
        p.push_str("</table>\n<h3>Live objects by type</h3>\n<table id=\"by-type\"><tr><th>type</th><th>count</th><th>bytes</th><th>%</th></tr>\n");
        let total: usize = pk.by_type.iter().map(|r| r.2).sum::<usize>().max(1);
        for (t, c, b) in pk.by_type.iter().take(40) {
            let _ = writeln!(
                p,
                "<tr><td>{}</td><td>{c}</td><td>{b}</td><td>{:.1}</td></tr>",
                esc(t),
                100.0 * *b as f64 / total as f64
            );
        }
        p.push_str("</table>\n<h3>Heap map</h3>\n<div class=\"tools\"><button id=\"zin\">zoom in</button> <button id=\"zout\">zoom out</button> <button id=\"zreset\">reset</button> <span id=\"hover\">hover over a block</span></div>\n<div id=\"view\"><div id=\"stage\">\n");
        p.push_str(&pk.map_svg);
        p.push_str("</div></div>\n<h3>Allocator statistics</h3>\n<pre id=\"mallocstats\">");
        p.push_str(&esc(&pk.mallocstats));
        p.push_str("</pre>\n");
        p.push_str(svg::HTML_SCRIPT);
    }
    p.push_str("</body>\n</html>\n");
    p
}
