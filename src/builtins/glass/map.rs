//! glass.map: the arenas and pools of pymalloc, one cell per block, coloured by the
//! type of the object in it. Text on a terminal (one character per block), an SVG
//! picture, or an HTML page with that picture.

use std::collections::HashMap;
use std::fmt::Write;

use super::census::{self, Labels, LETTERS};
use super::svg::{self, esc};
use crate::heap::pymalloc::{self, HeapWalk, PoolView};
use crate::heap::PyObj;
use crate::objects::args::Args;
use crate::objects::exceptions::VmResult;
use crate::objects::runtime::Runtime;
use crate::vm::Vm;

/// Blocks per line of the text map, and per row of a pool in the picture.
const PER_LINE: usize = 64;
const PER_ROW: usize = 32;
/// Side of a block's square in the picture, in pixels.
const CELL: usize = 4;
const POOLS_PER_ROW: usize = 8;

/// What is in one block in use.
pub struct BlockUse {
    pub letter: char,
    /// Tooltip: type, size and a short repr (objects), or whose buffer it is.
    pub tip: String,
}

/// Everything a map shows, gathered once.
pub struct MapData {
    pub walk: HeapWalk,
    pub blocks: HashMap<usize, BlockUse>,
    /// Objects served by the raw allocator (over 512 bytes): count and bytes.
    pub raw: (usize, usize),
    pub geometry: &'static str,
}

impl MapData {
    /// The letter and tooltip of block `i` of pool `p` ('.' free, '*' in use by
    /// something that is no object nor an object's buffer: the interpreter's own).
    pub fn cell(&self, p: &PoolView, i: usize) -> (char, Option<&str>) {
        if p.is_free(i) {
            return ('.', None);
        }
        match self.blocks.get(&p.block_address(i)) {
            Some(b) => (b.letter, Some(&b.tip)),
            None => ('*', None),
        }
    }

    pub fn pools_in_use(&self) -> usize {
        self.walk.pools.iter().filter(|p| p.count > 0).count()
    }
}

/// Walk the heap and name what is in each block.
pub fn gather(vm: &mut Vm) -> MapData {
    // Built-in types' dicts full first, as they would be had start-up made them.
    crate::objects::typeobj::lazy_dict::fill_all();
    // The pools first: the census's own tables must not show on the map.
    let heap = pymalloc::global_heap();
    let walk = heap.map(|h| h.walk()).unwrap_or_default();
    let objs = census::census(vm, None);
    let mut labels = Labels::default();
    let mut blocks = HashMap::new();
    let mut raw = (0, 0);
    for o in &objs {
        let label = labels.of(vm, o);
        let size = o.sizeof();
        let n = o.ob_size().unsigned_abs();
        let own = o.vtable().block_size(n).unwrap_or(0);
        let small = heap.is_some_and(|h| h.geometry().size_class(own).is_some());
        if !small {
            raw.0 += 1;
            raw.1 += own;
        }
        let tip = format!("{label}, {size} bytes: {}", census::short_repr(vm, o, 40));
        blocks.insert(
            o.block_addr(),
            BlockUse {
                letter: census::letter(o),
                tip,
            },
        );
        for (what, addr, bytes) in census::buffers(o) {
            blocks.entry(addr).or_insert_with(|| BlockUse {
                letter: '#',
                tip: format!("{what} of a {label}, {bytes} bytes"),
            });
        }
    }
    drop(objs);
    MapData {
        walk,
        blocks,
        raw,
        geometry: heap.map_or("malloc", |h| h.geometry().name),
    }
}

/// The text map; with `colour`, each letter in its ANSI colour.
pub fn text(m: &MapData, colour: bool) -> String {
    let mut s = String::new();
    let _ = writeln!(
        s,
        "heap map ({} geometry): {} arena{}, {} pools in use; one character per block",
        m.geometry,
        m.walk.arenas.len(),
        if m.walk.arenas.len() == 1 { "" } else { "s" },
        m.pools_in_use()
    );
    for (a, av) in m.walk.arenas.iter().enumerate() {
        let pools = m.walk.pools_of(a);
        let used = pools.iter().filter(|p| p.count > 0).count();
        let _ = writeln!(
            s,
            "arena {} at {:#x}: {} pools, {} in use",
            av.arena_index,
            av.address,
            pools.len(),
            used
        );
        let mut empty_from: Option<usize> = None;
        for (k, p) in pools.iter().enumerate() {
            if p.count == 0 {
                empty_from.get_or_insert(k);
                if k + 1 < pools.len() {
                    continue;
                }
            }
            if let Some(e) = empty_from.take() {
                let last = if p.count == 0 { k } else { k - 1 };
                if e == last {
                    let _ = writeln!(s, "  pool  {e:>2}  empty");
                } else {
                    let _ = writeln!(s, "  pools {e:>2}-{last} empty");
                }
                if p.count == 0 {
                    continue;
                }
            }
            let _ = writeln!(
                s,
                "  pool  {:>2}  {:>3}-byte blocks  {:>3}/{:<3} {}",
                p.index,
                p.block_size,
                p.count,
                p.capacity,
                p.state()
            );
            let mut line = String::new();
            let mut last_code = "";
            for i in 0..p.capacity {
                if i % PER_LINE == 0 {
                    if i > 0 {
                        finish_line(&mut s, &mut line, colour, &mut last_code);
                    }
                    line.push_str("    ");
                }
                let (c, _) = m.cell(p, i);
                if colour {
                    let code = svg::ansi(c);
                    if code != last_code {
                        let _ = write!(line, "\x1b[{code}m");
                        last_code = code;
                    }
                }
                line.push(c);
            }
            finish_line(&mut s, &mut line, colour, &mut last_code);
        }
    }
    if m.raw.0 > 0 {
        let _ = writeln!(
            s,
            "raw allocator (objects over 512 bytes): {} objects, {} bytes",
            m.raw.0, m.raw.1
        );
    }
    s.push_str("legend:");
    for (i, (c, name)) in LETTERS.iter().enumerate() {
        let sep = if i == 0 { " " } else { ", " };
        if colour {
            let _ = write!(s, "{sep}\x1b[{}m{c}\x1b[0m {name}", svg::ansi(*c));
        } else {
            let _ = write!(s, "{sep}{c} {name}");
        }
    }
    s.push('\n');
    s
}

fn finish_line(s: &mut String, line: &mut String, colour: bool, last: &mut &'static str) {
    s.push_str(line);
    if colour {
        s.push_str("\x1b[0m");
        *last = "";
    }
    s.push('\n');
    line.clear();
}

/// Pixel size of one pool's box: (width, height).
fn pool_box(m: &MapData) -> (usize, usize) {
    let cap = m
        .walk
        .pools
        .iter()
        .map(|p| p.capacity)
        .max()
        .unwrap_or(PER_ROW);
    (PER_ROW * CELL, cap.div_ceil(PER_ROW).max(1) * CELL)
}

/// The map as a self-contained SVG picture: each arena a box of pools, each pool in
/// use a rectangle (class "pool") holding its blocks in use (class "block", with a
/// tooltip), empty pools dimmed (class "pool-empty"), and a legend (id "legend").
/// `compact` (the memory report's map) draws a run of like blocks in a row as one
/// rectangle, with a count for tooltip, to keep the page small.
pub fn svg_picture(m: &MapData, compact: bool) -> String {
    let (pw, ph) = pool_box(m);
    let gap = 6;
    let arena_w = POOLS_PER_ROW * (pw + gap) + gap;
    let legend_h = 20 + LETTERS.len().div_ceil(4) * 18;
    let mut y = 30 + legend_h;
    let mut body = String::new();
    for (a, av) in m.walk.arenas.iter().enumerate() {
        let pools = m.walk.pools_of(a);
        let rows = pools.len().div_ceil(POOLS_PER_ROW);
        let arena_h = 24 + rows * (ph + gap + 12) + gap;
        let _ = writeln!(
            body,
            "<g class=\"arena\" id=\"arena-{}\"><rect class=\"arena-box\" x=\"10\" y=\"{y}\" width=\"{arena_w}\" height=\"{arena_h}\"/><text x=\"16\" y=\"{}\" class=\"label\">arena {} at {:#x}: {} pools, {} in use</text>",
            av.arena_index,
            y + 16,
            av.arena_index,
            av.address,
            pools.len(),
            pools.iter().filter(|p| p.count > 0).count()
        );
        for (k, p) in pools.iter().enumerate() {
            let px = 10 + gap + (k % POOLS_PER_ROW) * (pw + gap);
            let py = y + 24 + (k / POOLS_PER_ROW) * (ph + gap + 12);
            if p.count == 0 {
                let _ = writeln!(
                    body,
                    "<rect class=\"pool-empty\" x=\"{px}\" y=\"{}\" width=\"{pw}\" height=\"{ph}\"><title>pool {}: empty</title></rect>",
                    py + 12,
                    p.index
                );
                continue;
            }
            let _ = writeln!(
                body,
                "<g class=\"pool-group\"><text x=\"{px}\" y=\"{}\" class=\"small\">pool {} · {} B · {}/{}</text><rect class=\"pool\" x=\"{px}\" y=\"{}\" width=\"{pw}\" height=\"{ph}\"><title>pool {} of arena {}: {}-byte blocks, {} of {} in use ({})</title></rect>",
                py + 9,
                p.index,
                p.block_size,
                p.count,
                p.capacity,
                py + 12,
                p.index,
                av.arena_index,
                p.block_size,
                p.count,
                p.capacity,
                p.state()
            );
            let mut i = 0;
            while i < p.capacity {
                let (c, tip) = m.cell(p, i);
                // Compact: a run of blocks of one kind in a row is one rectangle.
                let mut run = 1;
                if compact {
                    while i + run < p.capacity
                        && (i + run) % PER_ROW != 0
                        && m.cell(p, i + run).0 == c
                    {
                        run += 1;
                    }
                }
                let at = i;
                i += run;
                if c == '.' {
                    continue;
                }
                let bx = px + (at % PER_ROW) * CELL;
                let by = py + 12 + (at / PER_ROW) * CELL;
                let tip = if compact {
                    let name = LETTERS.iter().find(|l| l.0 == c).map_or("", |l| l.1);
                    format!(
                        "{run} block{} of {} bytes: {name}",
                        if run == 1 { "" } else { "s" },
                        p.block_size
                    )
                } else {
                    tip.map_or_else(
                        || format!("{}-byte block in use by the interpreter", p.block_size),
                        |t| t.to_string(),
                    )
                };
                let _ = writeln!(
                    body,
                    "<rect class=\"block\" x=\"{bx}\" y=\"{by}\" width=\"{}\" height=\"{CELL}\" fill=\"{}\"><title>{}</title></rect>",
                    run * CELL,
                    svg::colour(c),
                    esc(&tip)
                );
            }
            body.push_str("</g>\n");
        }
        body.push_str("</g>\n");
        y += arena_h + 10;
    }
    let width = arena_w + 20;
    let height = y + 10;
    let mut s = String::with_capacity(body.len() + 4096);
    let _ = writeln!(
        s,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" font-family=\"sans-serif\">"
    );
    s.push_str(
        "<style>.arena-box{fill:#fafafa;stroke:#999}.pool{fill:#eeeeee;stroke:#777;stroke-width:0.5}\
         .pool-empty{fill:#ffffff;stroke:#ddd;stroke-dasharray:2 2}.label{font-size:12px}\
         .small{font-size:8px;fill:#555}.block{stroke:none}</style>\n",
    );
    let _ = writeln!(
        s,
        "<text x=\"10\" y=\"18\" class=\"label\">glasspy heap map ({} geometry): {} arenas, {} pools in use, one square per block</text>",
        m.geometry,
        m.walk.arenas.len(),
        m.pools_in_use()
    );
    s.push_str("<g id=\"legend\">\n");
    for (i, (c, name)) in LETTERS.iter().enumerate() {
        let lx = 10 + (i % 4) * 190;
        let ly = 30 + (i / 4) * 18;
        let _ = writeln!(
            s,
            "<rect class=\"legend-key\" x=\"{lx}\" y=\"{ly}\" width=\"12\" height=\"12\" fill=\"{}\" stroke=\"#777\"/><text x=\"{}\" y=\"{}\" class=\"label\">{} {}</text>",
            svg::colour(*c),
            lx + 16,
            ly + 11,
            esc(&c.to_string()),
            esc(name)
        );
    }
    s.push_str("</g>\n");
    s.push_str(&body);
    s.push_str("</svg>\n");
    s
}

/// glass.map(path=None).
pub fn map(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let a = args.clinic("map", &["path"], 0)?;
    let path = svg::path_arg(a[0], "map", &[".svg", ".html", ".htm"])?;
    let m = gather(vm);
    match path {
        None => {
            let colour = svg::stdout_is_terminal(vm);
            let t = text(&m, colour);
            svg::print_text(vm, &t)?;
        }
        Some(p) => {
            let pic = svg_picture(&m, false);
            let out = if p.to_ascii_lowercase().ends_with(".svg") {
                pic
            } else {
                svg::html_page(
                    "glasspy heap map",
                    "Each square is one block of pymalloc; hover for what it holds, zoom with the wheel or the buttons, drag to pan.",
                    &pic,
                )
            };
            svg::write_file(vm, &p, &out)?;
        }
    }
    Ok(super::none())
}
