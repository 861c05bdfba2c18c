//! The `glass` module through the real binary: exact text for deterministic programs
//! (text graph, growth table), the text map's structure, --max-memory, and every SVG
//! and HTML file glass writes, parsed (roxmltree for SVG, tl for HTML) and checked for
//! its structure: one rectangle per pool in use, one node per object, a legend.

use std::path::PathBuf;
use std::process::Command;

fn tmp(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("glasspy-glass-{}", std::process::id()));
    std::fs::create_dir_all(&d).expect("temp dir");
    d.join(name)
}

/// Run glasspy on `code` (with extra arguments first); (stdout, stderr, status).
fn run(args: &[&str], code: &str) -> (String, String, i32) {
    let out = Command::new(env!("CARGO_BIN_EXE_glasspy"))
        .args(args)
        .arg("-c")
        .arg(code)
        .env_remove("GLASSPY_MAX_MEMORY")
        .output()
        .expect("run glasspy");
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
        out.status.code().unwrap_or(-1),
    )
}

#[test]
fn the_repl_survives_memory_error_with_its_state() {
    use rexpect::reader::Options;
    use rexpect::session::spawn_with_options;
    let home = tmp("home");
    std::fs::create_dir_all(&home).unwrap();
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_glasspy"));
    cmd.arg("--max-memory")
        .arg("24M")
        .env("HOME", &home)
        .env("NO_COLOR", "1")
        .env("TERM", "xterm");
    let opts = Options::new()
        .timeout_ms(Some(10000))
        .strip_ansi_escape_codes(true);
    let mut p = spawn_with_options(cmd, opts).expect("spawn glasspy in a pty");
    p.exp_string(">>> ").expect("prompt");
    let line = |p: &mut rexpect::session::PtySession, s: &str| {
        p.send(s).unwrap();
        p.send("\r").unwrap();
        p.flush().unwrap();
        p.exp_string(">>> ").expect("prompt after entry")
    };
    line(&mut p, "kept = [1, 2, 3]");
    let out = line(&mut p, "hog = [bytearray(10000) for _ in range(100000)]");
    assert!(out.contains("MemoryError"), "{out:?}");
    let out = line(&mut p, "kept, 'hog' in dir()");
    assert!(out.contains("([1, 2, 3], False)"), "{out:?}");
    // Huge built-in requests are refused before they are served (served, the
    // str would write 10 GB and the entry would not come back within the timeout).
    for entry in [
        "big = 'x' * 10**10",
        "big = bytearray(10**10)",
        "big = [0] * 10**9",
    ] {
        let out = line(&mut p, entry);
        assert!(out.contains("MemoryError"), "{entry}: {out:?}");
    }
    let out = line(&mut p, "kept, 'big' in dir()");
    assert!(out.contains("([1, 2, 3], False)"), "{out:?}");
    let out = line(&mut p, "len([bytearray(10000) for _ in range(100)])");
    assert!(out.contains("100"), "{out:?}");
    p.send("exit()").unwrap();
    p.send("\r").unwrap();
    p.flush().unwrap();
    p.exp_eof().expect("end");
}

#[test]
fn text_graph_is_exact() {
    let (out, err, code) = run(
        &[],
        "import glass\nclass Pt:\n    def __init__(self):\n        self.x = 1.5\n        self.tags = ['a b', 'c d']\np = Pt()\nglass.graph(p, depth=2)\n",
    );
    assert_eq!(code, 0, "{err}");
    let want = "\
__main__.Pt <Pt object>  (56 B, refcount 1)
    .x -> float 1.5  (24 B, refcount 2)
    .tags -> list len 2  (72 B, refcount 1)
        [0] -> str 'a b'  (52 B, refcount 2)
        [1] -> str 'c d'  (52 B, refcount 2)
    __class__ -> type <class 'Pt'>  (1368 B, refcount 5)
";
    let got: String = out
        .lines()
        .filter(|l| !l.starts_with("        ") || l.contains("] -> str"))
        .map(|l| format!("{l}\n"))
        .collect();
    assert_eq!(got, want, "full output:\n{out}");
}

#[test]
fn growth_table_is_exact() {
    let (out, err, code) = run(
        &[],
        "import glass\nclass Node:\n    pass\nglass.growth(glass.snapshot())\ns = glass.snapshot()\nkeep = [Node() for _ in range(40)]\nprint(glass.growth(s))\n",
    );
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        out,
        "type           count  +count  bytes  +bytes\n__main__.Node     40     +40   2240   +2240\nlist               3      +1    616    +376\n"
    );
}

#[test]
fn text_map_has_one_character_per_block() {
    let (out, err, code) = run(
        &[],
        "import glass\nx = [float(i) for i in range(500)]\nglass.map()\n",
    );
    assert_eq!(code, 0, "{err}");
    assert!(
        !out.contains('\x1b'),
        "no colour when stdout is not a terminal"
    );
    let mut lines = out.lines();
    assert!(lines
        .next()
        .unwrap()
        .starts_with("heap map (seed geometry): "));
    let mut capacity = 0;
    let mut cells = 0;
    for l in out.lines() {
        if let Some(rest) = l.strip_prefix("  pool  ").filter(|r| r.contains('/')) {
            assert_eq!(cells, capacity, "the previous pool's characters");
            let frac = rest.split_whitespace().nth(3).unwrap();
            capacity = frac.split('/').nth(1).unwrap().parse::<usize>().unwrap();
            cells = 0;
        } else if let Some(rest) = l.strip_prefix("    ") {
            assert!(rest.len() <= 64);
            assert!(
                rest.chars().all(|c| "ifsbtldeFcTMox#*.".contains(c)),
                "{rest}"
            );
            cells += rest.len();
        }
    }
    assert_eq!(cells, capacity, "the last pool's characters");
    assert!(out
        .lines()
        .last()
        .unwrap()
        .starts_with("legend: i int / bool"));
}

#[test]
fn max_memory_raises_memory_error() {
    let prog = "x = []\ntry:\n    while True:\n        x.append(bytearray(10000))\nexcept MemoryError:\n    n = len(x)\n    del x\n    print('caught', n > 10)\ny = [bytearray(10000) for _ in range(10)]\nprint('after', len(y))\n";
    let (out, err, code) = run(&["--max-memory", "16M"], prog);
    assert_eq!(
        (out.as_str(), code),
        ("caught True\nafter 10\n", 0),
        "{err}"
    );
    // Uncaught: a traceback and status 1.
    let (_, err, code) = run(
        &["--max-memory=8M"],
        "x = [bytearray(10000) for _ in range(10000)]\n",
    );
    assert_eq!(code, 1);
    assert!(err.ends_with("MemoryError\n"), "{err}");
    let (_, err, code) = run(&["--max-memory", "lots"], "pass");
    assert_eq!(code, 2);
    assert!(err.contains("invalid --max-memory size: 'lots'"), "{err}");
    // The environment variable, and get_limit reporting it.
    let out = Command::new(env!("CARGO_BIN_EXE_glasspy"))
        .args(["-c", "import glass; print(glass.get_limit())"])
        .env("GLASSPY_MAX_MEMORY", "64M")
        .output()
        .unwrap();
    assert_eq!(String::from_utf8_lossy(&out.stdout), "67108864\n");
}

/// Count elements named `tag` whose class attribute's words include `class`.
fn count_class(doc: &roxmltree::Document, tag: &str, class: &str) -> usize {
    doc.descendants()
        .filter(|n| n.has_tag_name(tag))
        .filter(|n| {
            n.attribute("class")
                .is_some_and(|c| c.split(' ').any(|w| w == class))
        })
        .count()
}

#[test]
fn map_svg_and_html_parse_with_one_rect_per_pool_in_use() {
    let svg = tmp("map.svg");
    let html = tmp("map.html");
    let prog = format!(
        "import glass\nx = [str(i) * 3 for i in range(300)]\ndef used():\n    return sum(1 for a in glass.arenas() for p in a if p[3])\nbefore = used()\nglass.map({:?})\nafter = used()\nglass.map({:?})\nlast = used()\nprint(before, after, last)\n",
        svg.to_str().unwrap(),
        html.to_str().unwrap()
    );
    let (out, err, code) = run(&[], &prog);
    assert_eq!(code, 0, "{err}");
    // Pools in use just before and just after the SVG was drawn (running code,
    // warming it up included, may take a pool or two of other size classes).
    let counts: Vec<usize> = out.split_whitespace().map(|n| n.parse().unwrap()).collect();
    let (lo, hi) = (counts[0].min(counts[1]), counts[0].max(counts[1]));
    let text = std::fs::read_to_string(&svg).unwrap();
    let doc = roxmltree::Document::parse(&text).expect("the map is well-formed XML");
    assert_eq!(doc.root_element().tag_name().name(), "svg");
    let pools = count_class(&doc, "rect", "pool");
    assert!(
        lo.saturating_sub(2) <= pools && pools <= hi + 2,
        "{pools} pool rects, {lo}..{hi} pools in use"
    );
    assert!(doc
        .descendants()
        .any(|n| n.attribute("id") == Some("legend")));
    let blocks = count_class(&doc, "rect", "block");
    assert!(blocks >= 300);
    assert!(doc
        .descendants()
        .filter(|n| n.attribute("class") == Some("block"))
        .all(|n| n.children().any(|c| c.has_tag_name("title"))));
    let page = std::fs::read_to_string(&html).unwrap();
    let dom = tl::parse(&page, tl::ParserOptions::default()).expect("the page parses");
    let p = dom.parser();
    assert!(dom.query_selector("svg").unwrap().next().is_some());
    let page_pools = dom.query_selector("rect.pool").unwrap().count();
    let (lo, hi) = (counts[1].min(counts[2]), counts[1].max(counts[2]));
    assert!(
        lo.saturating_sub(2) <= page_pools && page_pools <= hi + 2,
        "{page_pools} pool rects in the page, {lo}..{hi} pools in use"
    );
    assert!(dom.get_element_by_id("legend").is_some());
    assert!(dom.query_selector("script").unwrap().next().is_some());
    // Self-contained: no external script, style sheet or image.
    assert!(!page.contains("<script src") && !page.contains("<link") && !page.contains("<img"));
    let title = dom.query_selector("title").unwrap().next().unwrap();
    assert_eq!(title.get(p).unwrap().inner_text(p), "glasspy heap map");
}

#[test]
fn graph_svg_dot_html_have_one_node_per_object() {
    let svg = tmp("graph.svg");
    let dot = tmp("graph.dot");
    let html = tmp("graph.html");
    let prog = format!(
        "import glass\nd = {{'k': [1.5, 2.5], 't': ('x y', None)}}\nfor p in ({:?}, {:?}, {:?}):\n    glass.graph(d, p)\n",
        svg.to_str().unwrap(),
        dot.to_str().unwrap(),
        html.to_str().unwrap()
    );
    let (_, err, code) = run(&[], &prog);
    assert_eq!(code, 0, "{err}");
    // d, the list, two floats, the tuple, the str, None: 7 objects.
    let text = std::fs::read_to_string(&svg).unwrap();
    let doc = roxmltree::Document::parse(&text).expect("well-formed SVG");
    assert_eq!(count_class(&doc, "g", "node"), 7);
    assert_eq!(count_class(&doc, "g", "start"), 1);
    let edges = doc
        .descendants()
        .find(|n| n.attribute("id") == Some("edges"))
        .unwrap();
    assert_eq!(
        edges
            .children()
            .filter(|n| n.has_tag_name("line") || n.has_tag_name("path"))
            .count(),
        6
    );
    let labels: Vec<&str> = doc
        .descendants()
        .filter(|n| n.attribute("class") == Some("el"))
        .filter_map(|n| n.text())
        .collect();
    assert_eq!(labels, ["['k']", "['t']", "[0]", "[1]", "[0]", "[1]"]);
    let d = std::fs::read_to_string(&dot).unwrap();
    assert!(d.starts_with("digraph glass {"));
    assert_eq!(d.matches(" [label=").count() - d.matches(" -> ").count(), 7);
    assert_eq!(d.matches(" -> ").count(), 6);
    let page = std::fs::read_to_string(&html).unwrap();
    let dom = tl::parse(&page, tl::ParserOptions::default()).expect("the page parses");
    assert_eq!(dom.query_selector("g.node").unwrap().count(), 7);
}

#[test]
fn graph_traversal_is_bounded_and_iterative() {
    // A 200000-deep nest: depth and max_nodes bound the walk, and nothing recurses.
    let (out, err, code) = run(
        &[],
        "import glass\nx = []\nfor _ in range(200000):\n    x = [x]\nglass.graph(x, depth=100000, max_nodes=50)\n",
    );
    assert_eq!(code, 0, "{err}");
    assert_eq!(out.lines().count(), 51);
    assert!(out.ends_with("(more objects left out: max_nodes reached)\n"));
}

#[test]
fn memory_report_is_one_self_contained_page() {
    let script = tmp("report_prog.py");
    std::fs::write(
        &script,
        "import gc\nrows = [[i, str(i)] for i in range(20000)]\ndel rows\nfor _ in range(3):\n    a = []\n    a.append(a)\n    del a\n    gc.collect()\nprint('done')\n",
    )
    .unwrap();
    let report = tmp("report.html");
    let out = Command::new(env!("CARGO_BIN_EXE_glasspy"))
        .arg("--memory-report")
        .arg(&report)
        .arg(&script)
        .output()
        .expect("run glasspy");
    assert_eq!(String::from_utf8_lossy(&out.stdout), "done\n");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let page = std::fs::read_to_string(&report).unwrap();
    assert!(!page.contains("<script src") && !page.contains("<link") && !page.contains("<img"));
    let dom = tl::parse(&page, tl::ParserOptions::default()).expect("the report parses");
    let p = dom.parser();
    let plot = dom.get_element_by_id("plot").expect("the plot");
    let plot_svg = plot.get(p).unwrap().outer_html(p);
    let doc = roxmltree::Document::parse(&plot_svg).expect("the plot is well-formed SVG");
    assert_eq!(count_class(&doc, "polyline", "current"), 1);
    assert_eq!(count_class(&doc, "polyline", "peak"), 1);
    // Three explicit collections, at least: each is a tick on the time axis.
    assert!(count_class(&doc, "line", "gc") >= 3);
    assert!(count_class(&doc, "line", "gen2") >= 3);
    // The peak: the comprehension's line allocated most, the table lists lists.
    let top = dom
        .get_element_by_id("top-lines")
        .unwrap()
        .get(p)
        .unwrap()
        .inner_text(p);
    assert!(top.contains("report_prog.py:2"), "{top}");
    let types = dom
        .get_element_by_id("by-type")
        .unwrap()
        .get(p)
        .unwrap()
        .inner_text(p);
    assert!(types.contains("list") && types.contains("str"), "{types}");
    assert!(
        dom.get_element_by_id("legend").is_some(),
        "the heap map's legend"
    );
    assert!(dom.query_selector("rect.pool").unwrap().count() > 0);
    let stats = dom
        .get_element_by_id("mallocstats")
        .unwrap()
        .get(p)
        .unwrap()
        .inner_text(p);
    assert!(stats.contains("arenas"), "{stats}");
}
