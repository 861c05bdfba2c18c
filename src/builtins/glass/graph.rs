//! glass.graph: the reference graph around an object, found breadth first with a
//! work list (bounded by depth and max_nodes, never by the Rust stack), shown as an
//! indented text tree, Graphviz DOT text, or an SVG drawn here with a layered layout.

use std::collections::HashMap;
use std::fmt::Write;

use super::census::{self, cut, Labels};
use super::svg::{self, esc};
use crate::heap::PyObj;
use crate::objects::args::Args;
use crate::objects::dict::Dict;
use crate::objects::exceptions::{self, VmResult};
use crate::objects::list::List;
use crate::objects::runtime::Runtime;
use crate::objects::{ctx, dict, int, string, tuple};
use crate::vm::Vm;

/// One object of the graph.
pub struct Node {
    /// Holds the object while the graph is drawn (counted in `refcount`).
    pub _held: PyObj,
    pub depth: usize,
    pub label: String,
    pub repr: String,
    pub size: usize,
    pub refcount: usize,
    pub cached: bool,
}

/// The graph: nodes (the start first) and edges (from, to, label), in discovery order.
pub struct Graph {
    pub nodes: Vec<Node>,
    pub edges: Vec<(usize, usize, String)>,
    pub backrefs: bool,
    /// Nodes left out because of max_nodes.
    pub truncated: bool,
}

/// The labelled references of `o`: list and tuple items by index, dict values by
/// key, instance attributes by name, then whatever else it refers to (unlabelled),
/// each once.
fn labelled_children(vm: &mut Vm, o: &PyObj) -> Vec<(String, PyObj)> {
    let mut out: Vec<(String, PyObj)> = Vec::new();
    let c = ctx();
    if o.is_type(&c.tuple_type) || tuple::items(o).is_some() {
        if let Some(items) = tuple::items(o) {
            for (i, x) in items.iter().enumerate() {
                out.push((format!("[{i}]"), x.clone()));
            }
        }
    } else if let Ok(l) = o.borrow::<List>() {
        for (i, x) in l.0.iter().enumerate() {
            out.push((format!("[{i}]"), x.clone()));
        }
    } else if o.is_a::<Dict>() {
        for (k, v) in dict::items(o).unwrap_or_default() {
            let key = census::short_repr(vm, &k, 24);
            if !is_atom(&k) {
                out.push(("key".to_string(), k.clone()));
            }
            out.push((format!("[{key}]"), v));
        }
    }
    for (name, v) in census::inline_attrs(o) {
        let n = string::as_str(&name).unwrap_or_default().into_owned();
        out.push((format!(".{n}"), v));
    }
    if let Some(d) = o.pre_words().first().and_then(|w| {
        let v = w.take();
        w.set(v.clone());
        v
    }) {
        out.push(("__dict__".to_string(), d));
    }
    let mut rest = Vec::new();
    o.visit_children(&mut |ch| rest.push(ch.clone()));
    for ch in rest {
        if !out.iter().any(|(_, x)| x.is(&ch)) {
            let label = if ch.is(o.type_obj().as_obj()) {
                "__class__".to_string()
            } else {
                String::new()
            };
            out.push((label, ch));
        }
    }
    out
}

/// str, int, float, bool, None: shown inside a dict's edge labels.
fn is_atom(o: &PyObj) -> bool {
    let c = ctx();
    o.is_type(&c.str_type) || o.is_type(&c.int_type) || o.is(&c.none) || int::as_i64(o).is_some()
}

/// Build the graph around `start`.
pub fn build(vm: &mut Vm, start: &PyObj, depth: usize, backrefs: bool, max_nodes: usize) -> Graph {
    let mut index: HashMap<usize, usize> = HashMap::new();
    let mut objs: Vec<(PyObj, usize)> = vec![(start.clone(), 0)];
    index.insert(start.id(), 0);
    let mut edges: Vec<(usize, usize, String)> = Vec::new();
    let mut truncated = false;
    // Referrers come from one census, kept only while the graph is built.
    let all = if backrefs {
        census::census(vm, None)
    } else {
        Vec::new()
    };
    let mut next = 0;
    while next < objs.len() {
        let (o, d) = (objs[next].0.clone(), objs[next].1);
        let from = next;
        next += 1;
        if d >= depth {
            continue;
        }
        let neighbours: Vec<(String, PyObj)> = if backrefs {
            let mut found = Vec::new();
            for r in &all {
                if r.is(&o) || r.is(start) && from != 0 {
                    continue;
                }
                let mut refers = false;
                r.visit_children(&mut |ch| refers |= ch.is(&o));
                if refers {
                    let label = labelled_children(vm, r)
                        .into_iter()
                        .find(|(_, x)| x.is(&o))
                        .map(|(l, _)| l)
                        .unwrap_or_default();
                    found.push((label, r.clone()));
                }
            }
            found
        } else {
            labelled_children(vm, &o)
        };
        for (label, ch) in neighbours {
            if ch.is(&ctx().null) {
                continue;
            }
            let to = match index.get(&ch.id()) {
                Some(&i) => i,
                None => {
                    if objs.len() >= max_nodes {
                        truncated = true;
                        continue;
                    }
                    objs.push((ch.clone(), d + 1));
                    index.insert(ch.id(), objs.len() - 1);
                    objs.len() - 1
                }
            };
            if backrefs {
                edges.push((to, from, label));
            } else {
                edges.push((from, to, label));
            }
        }
    }
    drop(all);
    let mut labels = Labels::default();
    let mut nodes = Vec::with_capacity(objs.len());
    for (k, (o, d)) in objs.into_iter().enumerate() {
        // Held by `nodes` (this handle) and, for the start, by the call's argument.
        let held = if k == 0 { 2 } else { 1 };
        let mut refcount = o.refcnt().saturating_sub(held);
        if string::is_interned(&o) {
            refcount = refcount.saturating_sub(1);
        }
        nodes.push(Node {
            label: labels.of(vm, &o),
            repr: census::short_repr(vm, &o, 40),
            size: o.sizeof(),
            cached: census::is_cached(&o),
            refcount,
            depth: d,
            _held: o,
        });
    }
    Graph {
        nodes,
        edges,
        backrefs,
        truncated,
    }
}

impl Node {
    /// "list [1, 2] 88 B, refcount 1" (cached objects say "cached" instead of their
    /// count, which depends on the whole interpreter).
    pub fn caption(&self) -> String {
        let count = if self.cached || self.refcount > u32::MAX as usize / 2 {
            "cached".to_string()
        } else {
            format!("refcount {}", self.refcount)
        };
        format!("{} {}  ({} B, {count})", self.label, self.repr, self.size)
    }
}

/// The indented text tree: each node under the node that led to it, with the edge's
/// label; a node met again is named, not expanded.
pub fn text(g: &Graph) -> String {
    let mut s = String::new();
    let mut out_edges: Vec<Vec<(usize, &str)>> = vec![Vec::new(); g.nodes.len()];
    for (a, b, l) in &g.edges {
        if g.backrefs {
            out_edges[*b].push((*a, l));
        } else {
            out_edges[*a].push((*b, l));
        }
    }
    let mut shown = vec![false; g.nodes.len()];
    // (node, indent, edge label), popped last first.
    let mut stack: Vec<(usize, usize, String)> = vec![(0, 0, String::new())];
    let arrow = if g.backrefs { "<-" } else { "->" };
    while let Some((n, indent, label)) = stack.pop() {
        let pad = "    ".repeat(indent);
        let lead = if indent == 0 {
            String::new()
        } else if label.is_empty() {
            format!("{arrow} ")
        } else if g.backrefs {
            format!("{arrow} {label} of ")
        } else {
            format!("{label} {arrow} ")
        };
        if shown[n] {
            let _ = writeln!(
                s,
                "{pad}{lead}{} {} (shown above)",
                g.nodes[n].label, g.nodes[n].repr
            );
            continue;
        }
        shown[n] = true;
        let _ = writeln!(s, "{pad}{lead}{}", g.nodes[n].caption());
        for (to, l) in out_edges[n].iter().rev() {
            stack.push((*to, indent + 1, l.to_string()));
        }
    }
    if g.truncated {
        s.push_str("(more objects left out: max_nodes reached)\n");
    }
    s
}

/// Graphviz DOT text.
pub fn dot(g: &Graph) -> String {
    let mut s = String::from(
        "digraph glass {\n  rankdir=TB;\n  node [shape=box, fontname=\"sans-serif\", fontsize=10];\n  edge [fontname=\"sans-serif\", fontsize=9];\n",
    );
    let q = |t: &str| t.replace('\\', "\\\\").replace('"', "\\\"");
    for (i, n) in g.nodes.iter().enumerate() {
        let count = if n.cached {
            "cached".to_string()
        } else {
            format!("refcount {}", n.refcount)
        };
        let style = if i == 0 {
            ", style=filled, fillcolor=\"#ffe9a8\""
        } else {
            ""
        };
        let _ = writeln!(
            s,
            "  n{i} [label=\"{}\\n{}\\n{} B, {}\"{style}];",
            q(&n.label),
            q(&n.repr),
            n.size,
            count
        );
    }
    for (a, b, l) in &g.edges {
        let _ = writeln!(s, "  n{a} -> n{b} [label=\"{}\"];", q(l));
    }
    s.push_str("}\n");
    s
}

const NODE_W: usize = 190;
const NODE_H: usize = 50;
const COL_GAP: usize = 30;
const ROW_GAP: usize = 70;

/// A layered drawing: one row per depth, nodes of a row ordered by the mean position
/// of their neighbours in the row above (one barycentre pass), edges as lines with
/// arrowheads and their labels at the middle. Each node is a `<g class="node">`.
pub fn svg_picture(g: &Graph) -> String {
    let maxd = g.nodes.iter().map(|n| n.depth).max().unwrap_or(0);
    let mut rows: Vec<Vec<usize>> = vec![Vec::new(); maxd + 1];
    for (i, n) in g.nodes.iter().enumerate() {
        rows[n.depth].push(i);
    }
    let mut pos: Vec<f64> = vec![0.0; g.nodes.len()];
    for (k, &i) in rows[0].iter().enumerate() {
        pos[i] = k as f64;
    }
    for (d, row) in rows.iter_mut().enumerate().skip(1) {
        let mut keyed: Vec<(f64, usize)> = row
            .iter()
            .map(|&i| {
                let ps: Vec<f64> = g
                    .edges
                    .iter()
                    .filter_map(|(a, b, _)| {
                        let other = if *a == i {
                            *b
                        } else if *b == i {
                            *a
                        } else {
                            return None;
                        };
                        (g.nodes[other].depth + 1 == d).then(|| pos[other])
                    })
                    .collect();
                let key = if ps.is_empty() {
                    f64::MAX
                } else {
                    ps.iter().sum::<f64>() / ps.len() as f64
                };
                (key, i)
            })
            .collect();
        keyed.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
        *row = keyed.iter().map(|&(_, i)| i).collect();
        for (k, &i) in row.iter().enumerate() {
            pos[i] = k as f64;
        }
    }
    let widest = rows.iter().map(|r| r.len()).max().unwrap_or(1);
    let width = widest * (NODE_W + COL_GAP) + COL_GAP;
    let height = rows.len() * (NODE_H + ROW_GAP) + 40;
    let mut xy = vec![(0usize, 0usize); g.nodes.len()];
    for (d, r) in rows.iter().enumerate() {
        let row_w = r.len() * (NODE_W + COL_GAP) - COL_GAP;
        let x0 = (width - row_w) / 2;
        for (k, &i) in r.iter().enumerate() {
            xy[i] = (x0 + k * (NODE_W + COL_GAP), 40 + d * (NODE_H + ROW_GAP));
        }
    }
    let mut s = String::new();
    let _ = writeln!(
        s,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" font-family=\"sans-serif\">"
    );
    s.push_str(
        "<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"#555\"/></marker></defs>\n\
         <style>.node rect{fill:#f4f7fb;stroke:#4e79a7}.start rect{fill:#ffe9a8}.edge{stroke:#555;fill:none}\
         .t1{font-size:12px;font-weight:bold}.t2{font-size:10px}.el{font-size:9px;fill:#a33}</style>\n",
    );
    let _ =
        writeln!(
        s,
        "<text x=\"10\" y=\"20\" font-size=\"13\">glasspy reference graph: {} objects{}{}</text>",
        g.nodes.len(),
        if g.backrefs { ", what refers to the start" } else { ", what the start refers to" },
        if g.truncated { " (max_nodes reached)" } else { "" }
    );
    s.push_str("<g id=\"edges\">\n");
    for (a, b, l) in &g.edges {
        let (ax, ay) = xy[*a];
        let (bx, by) = xy[*b];
        let (x1, y1, x2, y2) = if by > ay {
            (ax + NODE_W / 2, ay + NODE_H, bx + NODE_W / 2, by)
        } else if by < ay {
            (ax + NODE_W / 2, ay, bx + NODE_W / 2, by + NODE_H)
        } else {
            (ax + NODE_W / 2, ay + NODE_H, bx + NODE_W / 2, by + NODE_H)
        };
        if a == b || (by == ay) {
            let bend = y1.max(y2) + 30;
            let _ = writeln!(
                s,
                "<path class=\"edge\" d=\"M{x1},{y1} C{x1},{bend} {x2},{bend} {x2},{y2}\" marker-end=\"url(#arrow)\"/>"
            );
        } else {
            let _ = writeln!(
                s,
                "<line class=\"edge\" x1=\"{x1}\" y1=\"{y1}\" x2=\"{x2}\" y2=\"{y2}\" marker-end=\"url(#arrow)\"/>"
            );
        }
        if !l.is_empty() {
            let _ = writeln!(
                s,
                "<text class=\"el\" x=\"{}\" y=\"{}\">{}</text>",
                (x1 + x2) / 2 + 3,
                (y1 + y2) / 2,
                esc(&cut(l, 28))
            );
        }
    }
    s.push_str("</g>\n");
    for (i, n) in g.nodes.iter().enumerate() {
        let (x, y) = xy[i];
        let class = if i == 0 { "node start" } else { "node" };
        let count = if n.cached {
            "cached".to_string()
        } else {
            format!("refcount {}", n.refcount)
        };
        let _ = writeln!(
            s,
            "<g class=\"{class}\" id=\"node-{i}\"><title>{}</title><rect x=\"{x}\" y=\"{y}\" width=\"{NODE_W}\" height=\"{NODE_H}\" rx=\"5\"/><text class=\"t1\" x=\"{}\" y=\"{}\">{}</text><text class=\"t2\" x=\"{}\" y=\"{}\">{}</text><text class=\"t2\" x=\"{}\" y=\"{}\">{} B, {}</text></g>",
            esc(&n.caption()),
            x + 6,
            y + 15,
            esc(&cut(&n.label, 28)),
            x + 6,
            y + 30,
            esc(&cut(&n.repr, 32)),
            x + 6,
            y + 44,
            n.size,
            count
        );
    }
    s.push_str("</svg>\n");
    s
}

fn opt_int(o: Option<&PyObj>, default: usize, what: &str) -> VmResult<usize> {
    match o {
        None => Ok(default),
        Some(v) => match int::as_i64(v) {
            Some(n) if n >= 0 => Ok(n as usize),
            _ => Err(exceptions::value_error(format!(
                "graph() {what} must be an int >= 0"
            ))),
        },
    }
}

/// glass.graph(obj, path=None, depth=3, backrefs=False, max_nodes=100).
pub fn graph(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let a = args.clinic(
        "graph",
        &["obj", "path", "depth", "backrefs", "max_nodes"],
        1,
    )?;
    let start = a[0].expect("required");
    let path = svg::path_arg(a[1], "graph", &[".svg", ".dot", ".html", ".htm"])?;
    let depth = opt_int(a[2], 3, "depth")?;
    let backrefs = match a[3] {
        Some(b) => vm.truthy(b)?,
        None => false,
    };
    let max_nodes = opt_int(a[4], 100, "max_nodes")?.max(1);
    let g = build(vm, start, depth, backrefs, max_nodes);
    match path {
        None => {
            let t = text(&g);
            drop(g);
            svg::print_text(vm, &t)?;
        }
        Some(p) => {
            let lower = p.to_ascii_lowercase();
            let out = if lower.ends_with(".dot") {
                dot(&g)
            } else if lower.ends_with(".svg") {
                svg_picture(&g)
            } else {
                svg::html_page(
                    "glasspy reference graph",
                    "Each box is one object; arrows are references, labelled by index, key or attribute.",
                    &svg_picture(&g),
                )
            };
            drop(g);
            svg::write_file(vm, &p, &out)?;
        }
    }
    Ok(super::none())
}
