//! API-level checks that the CPython corpus does not cover.  Expected values
//! here are structural (agreement between entry points, no crash), not
//! CPython results, which live in cases.txt.

use sre::{flags, ErrorKind, Mode, Regex, Scratch};

fn cps(s: &str) -> Vec<u32> {
    s.chars().map(|c| c as u32).collect()
}

#[test]
fn deep_nesting_is_an_error_not_a_crash() {
    let p = "(".repeat(5000) + &")".repeat(5000);
    let e = Regex::compile_str(&cps(&p), 0).unwrap_err();
    assert_eq!(e.kind, ErrorKind::Recursion);
    let p = "(".repeat(200) + "a" + &")".repeat(200);
    let re = Regex::compile_str(&cps(&p), 0).unwrap();
    assert_eq!(re.groups(), 200);
    assert!(re.match_at(&cps("a")[..], 0, 1).is_some());
}

#[test]
fn subject_types_agree() {
    let re = Regex::compile_str(&cps(r"(\w+)@(\w+)"), flags::IGNORECASE).unwrap();
    let text = "x joe@example y";
    let a = re.search(&cps(text)[..], 0, 100);
    let chars: Vec<char> = text.chars().collect();
    let b = re.search(&chars[..], 0, 100);
    let bytes = text.as_bytes();
    let c = re.search(bytes, 0, 100);
    assert_eq!(a, b);
    assert_eq!(a, c);
    assert!(a.is_some());
}

#[test]
fn scratch_reuse_gives_same_results() {
    let re = Regex::compile_str(&cps(r"(a)|(b)|(c)"), 0).unwrap();
    let s = cps("cba");
    let mut sc = Scratch::default();
    for pos in 0..3 {
        let fresh = re.search(&s[..], pos, 3);
        let reused = re.exec(&mut sc, &s[..], pos, 3, Mode::Search, false);
        assert_eq!(fresh, reused);
    }
}

#[test]
fn names_and_lastgroup() {
    let re = Regex::compile_str(&cps(r"(?P<first>a)(?P<second>b)?"), 0).unwrap();
    assert_eq!(re.group_index("second"), Some(2));
    assert_eq!(re.group_name(1), Some("first"));
    let m = re.match_at(&cps("ab")[..], 0, 2).unwrap();
    assert_eq!(m.lastindex.and_then(|i| re.group_name(i)), Some("second"));
}

#[test]
fn error_display_and_line_col() {
    let pat = cps("abc\n(?P<x\n");
    let e = Regex::compile_str(&pat, 0).unwrap_err();
    assert_eq!(
        e.to_string(),
        format!("{} at position {}", e.msg, e.pos.unwrap())
    );
    let (line, col) = e.line_col(&pat).unwrap();
    assert_eq!(line, 2);
    assert_eq!(col, e.pos.unwrap() - 3);
}

#[test]
fn named_character_lookup() {
    let lookup = |name: &str| {
        if name == "SNOWMAN" {
            Some(0x2603)
        } else {
            None
        }
    };
    let re = Regex::compile(&cps(r"\N{SNOWMAN}+"), true, 0, Some(&lookup)).unwrap();
    assert!(re.fullmatch(&cps("\u{2603}\u{2603}")[..], 0, 2).is_some());
    let e = Regex::compile(&cps(r"\N{NOPE}"), true, 0, Some(&lookup)).unwrap_err();
    assert_eq!(e.msg, "undefined character name 'NOPE'");
}

#[test]
fn template_literal_and_expand() {
    let re = Regex::compile_str(&cps(r"(\w)(\d)?"), 0).unwrap();
    let t = re.parse_template(&cps(r"<\2\1>")).unwrap();
    assert_eq!(t.literal(), None);
    let s = cps("a");
    let m = re.match_at(&s[..], 0, 1).unwrap();
    // expanding one match agrees with sub() over the same subject
    assert_eq!(t.expand(&m, &s[..]), re.sub(&t, &s[..], 0).0);
    let lit = re.parse_template(&cps(r"x\ty")).unwrap();
    assert_eq!(lit.literal(), Some(cps("x\ty")));
}

#[test]
fn long_subjects_do_not_overflow() {
    // run on a thread with a small stack: nothing may recurse per character
    std::thread::Builder::new()
        .stack_size(256 * 1024)
        .spawn(|| {
            let s: Vec<u8> = b"ab".repeat(200_000);
            for p in [
                r"(a|b)*",
                r"(?:(a)|b)*?$",
                r"((ab)+)+",
                r"(?:a(?=b)|b)+",
                r"(?>(ab|a)*)",
            ] {
                let re = Regex::compile_str(&cps(p), 0).unwrap();
                assert!(re.match_at(&s[..], 0, s.len()).is_some(), "{p}");
            }
        })
        .unwrap()
        .join()
        .unwrap();
}
