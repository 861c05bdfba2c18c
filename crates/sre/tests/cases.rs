//! Replays tests/cases.txt (CPython 3.11's answers, written by
//! tests/gen_cases.py) against the engine.

use sre::{ErrorKind, Match, Mode, Regex, Scratch};

fn decode(s: &str) -> Vec<u32> {
    let mut out = Vec::new();
    let mut it = s.chars().peekable();
    while let Some(c) = it.next() {
        if c == '\\' {
            assert_eq!(it.next(), Some('u'));
            assert_eq!(it.next(), Some('{'));
            let mut hex = String::new();
            for d in it.by_ref() {
                if d == '}' {
                    break;
                }
                hex.push(d);
            }
            out.push(u32::from_str_radix(&hex, 16).unwrap());
        } else {
            out.push(c as u32);
        }
    }
    out
}

fn encode(v: &[u32]) -> String {
    let mut s = String::new();
    for &c in v {
        if (0x20..=0x7e).contains(&c) && !"\\|~;\t".contains(char::from_u32(c).unwrap()) {
            s.push(char::from_u32(c).unwrap());
        } else {
            s.push_str(&format!("\\u{{{c:x}}}"));
        }
    }
    s
}

fn fmt_err(e: &sre::Error) -> String {
    let kind = match e.kind {
        ErrorKind::Re => "error",
        ErrorKind::Overflow => "OverflowError",
        ErrorKind::Value => "ValueError",
        ErrorKind::Index => "IndexError",
        ErrorKind::Recursion => "RecursionError",
    };
    let pos = e.pos.map_or("-".to_string(), |p| p.to_string());
    format!(
        "E:{kind}:{pos}:{}",
        encode(&e.msg.chars().map(|c| c as u32).collect::<Vec<_>>())
    )
}

fn fmt_match(m: &Option<Match>) -> String {
    match m {
        None => "N".into(),
        Some(m) => {
            let mut parts = vec![m.lastindex.map_or("-".to_string(), |l| l.to_string())];
            for s in &m.spans {
                parts.push(match s {
                    None => "-".into(),
                    Some((a, b)) => format!("{a},{b}"),
                });
            }
            parts.join("|")
        }
    }
}

fn run_case(line: &str) -> Result<(), String> {
    let f: Vec<&str> = line.split('\t').collect();
    assert_eq!(f.len(), 8, "bad line {line}");
    let (kind, typ, flags) = (f[0], f[1], f[2].parse::<u32>().unwrap());
    let pattern = decode(f[3]);
    let subject = decode(f[4]);
    let (a, b, expected) = (decode(f[5]), f[6], f[7]);
    let is_text = typ == "s";
    let compiled = Regex::compile(&pattern, is_text, flags, None);
    let got = if kind == "compile" {
        match &compiled {
            Err(e) => fmt_err(e),
            Ok(r) => {
                let names: Vec<String> = r
                    .group_names()
                    .iter()
                    .map(|(n, g)| {
                        format!(
                            "{}={g}",
                            encode(&n.chars().map(|c| c as u32).collect::<Vec<_>>())
                        )
                    })
                    .collect();
                format!("C:{}:{}:{}", r.groups(), r.flags(), names.join(","))
            }
        }
    } else {
        let r = match &compiled {
            Ok(r) => r,
            Err(e) => return Err(format!("compile failed: {e}")),
        };
        let num = |v: &[u32]| -> usize {
            v.iter()
                .map(|&c| char::from_u32(c).unwrap())
                .collect::<String>()
                .parse()
                .unwrap()
        };
        // run over [u32], and also over [u8] / [u16] when the subject fits,
        // checking that all agree
        match kind {
            "match" | "search" | "fullmatch" => {
                let mode = match kind {
                    "match" => Mode::Match,
                    "search" => Mode::Search,
                    _ => Mode::FullMatch,
                };
                let (pos, end) = (num(&a), b.parse::<usize>().unwrap());
                let m32 = r.exec(&mut Scratch::default(), &subject[..], pos, end, mode, false);
                if subject.iter().all(|&c| c < 256) {
                    let s8: Vec<u8> = subject.iter().map(|&c| c as u8).collect();
                    let m8 = r.exec(&mut Scratch::default(), &s8[..], pos, end, mode, false);
                    if m8 != m32 {
                        return Err("u8 subject disagrees with u32".into());
                    }
                }
                if subject.iter().all(|&c| c < 65536) {
                    let s16: Vec<u16> = subject.iter().map(|&c| c as u16).collect();
                    let m16 = r.exec(&mut Scratch::default(), &s16[..], pos, end, mode, false);
                    if m16 != m32 {
                        return Err("u16 subject disagrees with u32".into());
                    }
                }
                fmt_match(&m32)
            }
            "big" => {
                let spec: Vec<&str> = f[4].split('~').collect();
                let mut subject = Vec::new();
                for pair in spec.chunks(2) {
                    let piece = decode(pair[0]);
                    for _ in 0..pair[1].parse::<usize>().unwrap() {
                        subject.extend_from_slice(&piece);
                    }
                }
                let n = subject.len();
                let first = r.search(&subject[..], 0, n);
                let all: Vec<Match> = r.find_iter(&subject[..], 0, n).collect();
                format!(
                    "{};{};{}",
                    fmt_match(&first),
                    all.len(),
                    fmt_match(&all.last().cloned())
                )
            }
            "finditer" => {
                let (pos, end) = (num(&a), b.parse::<usize>().unwrap());
                r.find_iter(&subject[..], pos, end)
                    .map(|m| fmt_match(&Some(m)))
                    .collect::<Vec<_>>()
                    .join(";")
            }
            "sub" => match r.parse_template(&a) {
                Err(e) => fmt_err(&e),
                Ok(t) => {
                    let (res, n) = r.sub(&t, &subject[..], b.parse().unwrap());
                    format!("R:{n}:{}", encode(&res))
                }
            },
            "split" => {
                let pieces = r.split(&subject[..], num(&a));
                pieces
                    .iter()
                    .map(|p| p.as_ref().map_or("~".to_string(), |v| encode(v)))
                    .collect::<Vec<_>>()
                    .join("|")
            }
            _ => panic!("unknown kind {kind}"),
        }
    };
    if got == expected {
        Ok(())
    } else {
        Err(format!("expected {expected}\n      got {got}"))
    }
}

#[test]
fn cpython_cases() {
    // SRE_CASES=path replays another file (e.g. from gen_cases.py --fuzz)
    let extra = std::env::var("SRE_CASES")
        .ok()
        .map(|p| std::fs::read_to_string(p).unwrap());
    let data = extra.as_deref().unwrap_or(include_str!("cases.txt"));
    let mut failures = 0;
    let mut total = 0;
    std::panic::set_hook(Box::new(|_| {}));
    for line in data.lines().filter(|l| !l.is_empty()) {
        total += 1;
        let res = std::panic::catch_unwind(|| run_case(line));
        let res = match res {
            Ok(r) => r,
            Err(p) => Err(format!(
                "panicked: {}",
                p.downcast_ref::<String>()
                    .cloned()
                    .or_else(|| p.downcast_ref::<&str>().map(|s| s.to_string()))
                    .unwrap_or_default()
            )),
        };
        if let Err(msg) = res {
            failures += 1;
            if failures <= 60 {
                eprintln!("FAIL {line}\n      {msg}");
            }
        }
    }
    eprintln!("{} of {total} cases failed", failures);
    assert_eq!(failures, 0);
}
