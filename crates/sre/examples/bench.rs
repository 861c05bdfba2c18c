//! Times the engine on ~300 KB of text; tools/bench.py runs the same cases
//! under CPython.  Run:  cargo run --release -p glasspy-sre --example bench
use sre::{Regex, Template};
use std::time::Instant;

const WORDS: [&str; 20] = [
    "lorem",
    "ipsum",
    "dolor",
    "sit",
    "amet",
    "Consectetur",
    "adipiscing",
    "elit",
    "sed",
    "do",
    "eiusmod",
    "tempor",
    "incididunt",
    "ut",
    "labore",
    "et",
    "dolore",
    "magna",
    "aliqua",
    "caf\u{e9}",
];

fn text() -> String {
    let mut out: Vec<String> = Vec::new();
    let mut x: u64 = 12345;
    let mut n = 0;
    while n < 300_000 {
        x = (x * 1103515245 + 12345) % (1 << 31);
        let mut w = WORDS[(x % 20) as usize].to_string();
        if x.is_multiple_of(7) {
            w = format!("2024-{:02}-{:02}", x % 12 + 1, x % 28 + 1);
        } else if x.is_multiple_of(11) {
            w.push(',');
        }
        n += w.chars().count() + 1;
        out.push(w);
    }
    out.join(" ") + " quux7"
}

fn main() {
    let t = text();
    let s32: Vec<u32> = t.chars().map(|c| c as u32).collect();
    // what glasspy holds for a str whose code points are all < 256
    let s8: Vec<u8> = s32.iter().map(|&c| c as u8).collect();
    println!("text length: {}", s32.len());
    let cases = [
        ("findall", r"\w+"),
        ("findall", r"\d{4}-\d{2}-\d{2}"),
        ("search", r"(?:foo|bar|quux)\d"),
        ("search", r"(?i)QUUX\d"),
        ("findall", r"[A-Z][a-z]+"),
        ("findall", r"(\w+) (\w+),"),
        ("search", r"(a|b|c)*z"),
        ("sub", r"\s+"),
        ("findall", r"(?m)^\w+|\w+$"),
        ("findall", r"\b\w+or\b"),
        ("findall", r"(?i)lorem|dolor(e)?"),
        ("findall", r"\s*,\s*"),
        ("findall", r"[^ ]+a[^ ]*"),
    ];
    for (kind, p) in cases {
        let pat: Vec<u32> = p.chars().map(|c| c as u32).collect();
        let re = Regex::compile_str(&pat, 0).unwrap();
        let tpl: Template = re.parse_template(&[' ' as u32]).unwrap();
        let mut res = String::new();
        let mut times = [f64::MAX; 2];
        for (k, time) in times.iter_mut().enumerate() {
            for _ in 0..5 {
                let t0 = Instant::now();
                res = if k == 0 {
                    run(&re, &tpl, kind, &s8[..])
                } else {
                    run(&re, &tpl, kind, &s32[..])
                };
                *time = time.min(t0.elapsed().as_secs_f64());
            }
        }
        println!(
            "{kind:<8} {p:<24} {:8.2} ms  (u32 subject: {:6.2} ms)  {res}",
            times[0] * 1e3,
            times[1] * 1e3
        );
    }
}

fn run<S: sre::Subject + ?Sized>(re: &Regex, tpl: &Template, kind: &str, s: &S) -> String {
    match kind {
        "findall" => re.find_iter(s, 0, s.len()).count().to_string(),
        "search" => format!(
            "{:?}",
            re.search(s, 0, s.len()).map(|m| (m.start(), m.end()))
        ),
        _ => re.sub(tpl, s, 0).0.len().to_string(),
    }
}
