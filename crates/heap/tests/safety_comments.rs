//! The heap crate's unsafe code keeps its paper trail: every `unsafe` block and
//! `unsafe impl` is preceded (in the comment lines right above it, or on its own line)
//! by a `// SAFETY:` comment that cites a numbered invariant defined in the crate
//! (H1.. in lib.rs, C1.. in gc.rs, P1.. and A1.. in pymalloc.rs, G1.. in
//! pymalloc/global.rs, ...), and every `unsafe fn` has a `# Safety` doc section.
//!
//! Invariants are defined as `**X9**` in doc comments, or as ` *    X9  ...` lines in
//! a block comment (pymalloc.rs).

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.expect("directory entry").path())
        .collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// A line split into its code, with the insides of string and char literals blanked
/// out, and its trailing `//` comment (empty if none). Literals are taken to end on
/// their line, as they do in this crate.
fn split_code(line: &str) -> (String, &str) {
    let b = line.as_bytes();
    let mut code = String::with_capacity(line.len());
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        let after_ident = i > 0 && (b[i - 1].is_ascii_alphanumeric() || b[i - 1] == b'_');
        // A raw string: r"..." or r#"..."#.
        if c == b'r' && !after_ident {
            let hashes = b[i + 1..].iter().take_while(|&&h| h == b'#').count();
            if b.get(i + 1 + hashes) == Some(&b'"') {
                let close = format!("\"{}", "#".repeat(hashes));
                let start = i + 2 + hashes;
                let end = line[start..].find(&close).map_or(b.len(), |k| start + k);
                code.push_str(&line[i..start]);
                code.push_str(&" ".repeat(end - start));
                code.push_str(&line[end..(end + close.len()).min(b.len())]);
                i = end + close.len();
                continue;
            }
        }
        if c == b'"' {
            code.push('"');
            i += 1;
            while i < b.len() && b[i] != b'"' {
                let n = if b[i] == b'\\' { 2 } else { 1 };
                code.push_str(&" ".repeat(n.min(b.len() - i)));
                i += n;
            }
            if i < b.len() {
                code.push('"');
            }
            i += 1;
            continue;
        }
        if c == b'\'' && b.get(i + 2) == Some(&b'\'') {
            code.push_str("' '");
            i += 3;
            continue;
        }
        if c == b'/' && b.get(i + 1) == Some(&b'/') {
            return (code, &line[i..]);
        }
        code.push(c as char);
        i += 1;
    }
    (code, "")
}

/// Does `code` contain the keyword sequence `words` (e.g. "unsafe {"), not as part of
/// a longer identifier?
fn has_token(code: &str, words: &str) -> bool {
    code.match_indices(words).any(|(i, _)| {
        i == 0 || {
            let c = code.as_bytes()[i - 1];
            !(c.is_ascii_alphanumeric() || c == b'_')
        }
    })
}

/// Invariant ids (a capital letter and digits, standing alone) in `text`.
fn ids(text: &str) -> Vec<String> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        let starts = b[i].is_ascii_uppercase()
            && (i == 0 || !(b[i - 1].is_ascii_alphanumeric() || b[i - 1] == b'_'));
        if starts {
            let mut j = i + 1;
            while j < b.len() && b[j].is_ascii_digit() {
                j += 1;
            }
            let ends = j == b.len() || !(b[j].is_ascii_alphanumeric() || b[j] == b'_');
            if j > i + 1 && ends {
                out.push(text[i..j].to_string());
            }
            i = j;
        } else {
            i += 1;
        }
    }
    out
}

/// Invariants defined in `text`: `**X9**`, or a block-comment line ` *    X9  ...`.
fn definitions(text: &str, out: &mut BTreeSet<String>) {
    for line in text.lines() {
        let t = line.trim_start();
        for part in t.split("**").skip(1).step_by(2) {
            if ids(part).len() == 1 && ids(part)[0] == part {
                out.insert(part.to_string());
            }
        }
        if let Some(rest) = t.strip_prefix('*') {
            let rest = rest.trim_start();
            if let Some(first) = rest.split("  ").next() {
                if ids(first).len() == 1 && ids(first)[0] == first {
                    out.insert(first.to_string());
                }
            }
        }
    }
}

/// The comment lines right above line `i` (attributes skipped), top to bottom.
fn comments_above(lines: &[&str], i: usize) -> Vec<String> {
    let mut out = Vec::new();
    let mut k = i;
    while k > 0 {
        k -= 1;
        let t = lines[k].trim_start();
        if t.starts_with("//") {
            out.push(t.to_string());
        } else if t.starts_with("#[") {
            continue;
        } else {
            break;
        }
    }
    out.reverse();
    out
}

#[test]
#[cfg_attr(miri, ignore)] // reads the sources from the file system
fn unsafe_code_cites_numbered_invariants() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    rust_files(&root.join("src"), &mut files);
    rust_files(&root.join("tests"), &mut files);
    let sources: Vec<(PathBuf, String)> = files
        .into_iter()
        .map(|p| {
            let text = std::fs::read_to_string(&p).expect("source file");
            (p, text)
        })
        .collect();
    let mut defined = BTreeSet::new();
    for (_, text) in &sources {
        definitions(text, &mut defined);
    }
    for family in ["H1", "C1", "P1", "A1", "G1"] {
        assert!(
            defined.contains(family),
            "invariant {family} is not defined"
        );
    }

    let mut problems = Vec::new();
    let mut blocks = 0;
    for (path, text) in &sources {
        let name = path
            .strip_prefix(root)
            .unwrap_or(path)
            .display()
            .to_string();
        let lines: Vec<&str> = text.lines().collect();
        for (i, line) in lines.iter().enumerate() {
            let (code, trailing) = split_code(line);
            let at = format!("{name}:{}", i + 1);
            if has_token(&code, "unsafe {") || has_token(&code, "unsafe impl") {
                blocks += 1;
                let mut comment = comments_above(&lines, i).join("\n");
                comment.push('\n');
                comment.push_str(trailing);
                let Some(k) = comment.find("SAFETY:") else {
                    problems.push(format!("{at}: unsafe without a SAFETY: comment"));
                    continue;
                };
                let cited = ids(&comment[k..]);
                if cited.is_empty() {
                    problems.push(format!("{at}: SAFETY: comment cites no invariant"));
                }
                for id in cited {
                    if !defined.contains(&id) {
                        problems.push(format!("{at}: cites {id}, which is not defined"));
                    }
                }
            }
            if has_token(&code, "unsafe fn ") {
                let docs = comments_above(&lines, i);
                if !docs
                    .iter()
                    .any(|l| l.starts_with("///") && l.contains("# Safety"))
                {
                    problems.push(format!("{at}: unsafe fn without a # Safety section"));
                }
            }
        }
    }
    assert!(
        blocks > 50,
        "found only {blocks} unsafe blocks: is the scan broken?"
    );
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_scanner_sees_what_it_should() {
    let blank = |n: usize| " ".repeat(n);
    let (code, comment) = split_code("let s = \"unsafe { // no\"; f(); // yes");
    assert_eq!(code, format!("let s = \"{}\"; f(); ", blank(14)));
    assert_eq!(comment, "// yes");
    let (code, comment) = split_code("let c = '\"'; let e = \"\\\" unsafe {\"; x");
    assert_eq!(code, format!("let c = ' '; let e = \"{}\"; x", blank(11)));
    assert_eq!(comment, "");
    let (code, _) = split_code("f(r#\"a \" unsafe { b\"#, r\"unsafe {\")");
    assert_eq!(code, format!("f(r#\"{}\"#, r\"{}\")", blank(14), blank(8)));
    assert!(has_token("let x = unsafe { f() };", "unsafe {"));
    assert!(!has_token("let x = not_unsafe { f() };", "unsafe {"));
    assert_eq!(
        ids("H1/H4, P5; A1-A3 but not X or UTF8"),
        ["H1", "H4", "P5", "A1", "A3"]
    );
    let mut d = BTreeSet::new();
    definitions(
        "//! - **H1** objects\n *    P2  a pool\n * text P3 here",
        &mut d,
    );
    assert_eq!(d.into_iter().collect::<Vec<_>>(), ["H1", "P2"]);
}
