//! Build steps: the LR parser from grammar/python.lalrpop (rerun only when grammar/
//! changes), and the table of the Python modules bundled in the binary (every .py file
//! under src/builtins/lib, embedded with include_str!; adding a module is adding a file),
//! each with its frozen code (src/builtins/frozen, embedded with include_bytes!) and the
//! key that code must carry to be used: a hash of the module's source and of the
//! compiler's own sources, so that a frozen form made by another compiler or from other
//! source is never loaded (see src/compiler/frozen.rs).

use std::path::{Path, PathBuf};

/// Every .py file under `dir`, as paths relative to `root`, sorted.
fn python_files(root: &Path, dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            python_files(root, &p, out);
        } else if p.extension().is_some_and(|x| x == "py") {
            out.push(p.strip_prefix(root).expect("under root").to_path_buf());
        }
    }
}

/// A relative path with '/' between its parts.
fn slash_path(p: &Path) -> String {
    let parts: Vec<String> = p
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    parts.join("/")
}

/// FNV-1a, 64 bits: a stable hash (the same on every build and machine).
fn fnv(mut h: u64, bytes: &[u8]) -> u64 {
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

const FNV_START: u64 = 0xcbf2_9ce4_8422_2325;

/// Every file under `dir` (recursively), sorted, for hashing.
fn all_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            all_files(&p, out);
        } else {
            out.push(p);
        }
    }
}

/// The hash of everything that decides what the compiler makes of a source: the
/// grammar, the parser, the compiler (the frozen format, compiler/frozen.rs, included)
/// and the bytecode definitions. Unit-test files are left out: editing a test does not
/// change the output.
fn compiler_hash(manifest: &Path) -> u64 {
    let mut files = Vec::new();
    for dir in ["grammar", "src/parser", "src/compiler", "src/bytecode"] {
        println!("cargo:rerun-if-changed={dir}");
        all_files(&manifest.join(dir), &mut files);
    }
    files.sort();
    let mut h = FNV_START;
    for f in files {
        if f.file_name().is_some_and(|n| n == "tests.rs") {
            continue;
        }
        let rel = f.strip_prefix(manifest).expect("under the manifest");
        h = fnv(h, slash_path(rel).as_bytes());
        h = fnv(h, &std::fs::read(&f).expect("read a compiler source"));
    }
    h
}

/// OUT_DIR/bundled.rs: `BUNDLED`, (relative path with '/', source) sorted by path, and
/// `FROZEN`, (key, frozen code or empty) in the same order.
fn bundled_table() {
    let manifest = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets it"));
    let root = manifest.join("src").join("builtins").join("lib");
    let frozen_root = manifest.join("src").join("builtins").join("frozen");
    println!("cargo:rerun-if-changed=src/builtins/lib");
    println!("cargo:rerun-if-changed=src/builtins/frozen");
    let compiler = compiler_hash(&manifest);
    let mut files = Vec::new();
    python_files(&root, &root, &mut files);
    // Sorted by the '/'-joined path, which is how the table is searched.
    files.sort_by_key(|f| slash_path(f));
    // The paths are slices of one string, so that searching them touches a page or
    // two of the binary: as separate literals each sat just before its source text,
    // and a search faulted in pages all over the sources (about 0.4 MiB of RSS).
    let paths: Vec<String> = files.iter().map(|f| slash_path(f)).collect();
    let mut out = format!(
        "/// Every bundled path, one after the other.\n\
         const PATHS: &str = {:?};\n\
         /// PATHS[start..end], in a constant.\n\
         const fn path(start: usize, end: usize) -> &'static str {{\n\
         \x20   PATHS.split_at(start).1.split_at(end - start).0\n\
         }}\n\
         /// The bundled modules' sources: (path under the library root, text), sorted.\n\
         pub static BUNDLED: &[(&str, &str)] = &[\n",
        paths.concat()
    );
    let mut start = 0;
    for (f, rel) in files.iter().zip(&paths) {
        let full = root.join(f);
        // Folders count as changes too (a file added to a package).
        if let Some(parent) = full.parent() {
            println!("cargo:rerun-if-changed={}", parent.display());
        }
        println!("cargo:rerun-if-changed={}", full.display());
        out.push_str(&format!(
            "    (path({start}, {}), include_str!({:?})),\n",
            start + rel.len(),
            full.display().to_string()
        ));
        start += rel.len();
    }
    out.push_str("];\n");
    out.push_str(
        "/// Per bundled module: the key its frozen code must carry, and the frozen code\n\
         /// (empty when there is none).\n\
         pub static FROZEN: &[(u64, &[u8])] = &[\n",
    );
    for f in &files {
        let source = std::fs::read(root.join(f)).expect("read a bundled module");
        let key = fnv(fnv(FNV_START, &compiler.to_le_bytes()), &source);
        let rel = slash_path(f);
        let frozen = frozen_root.join(frozen_name(&rel));
        if frozen.exists() {
            println!("cargo:rerun-if-changed={}", frozen.display());
            out.push_str(&format!(
                "    ({key:#018x}, include_bytes!({:?})),\n",
                frozen.display().to_string()
            ));
        } else {
            out.push_str(&format!("    ({key:#018x}, &[]),\n"));
        }
    }
    out.push_str("];\n");
    let dest = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets it")).join("bundled.rs");
    std::fs::write(dest, out).expect("write bundled.rs");
}

/// The frozen file of a bundled module: its path with `.py` made `.gpc` and '/' made
/// '.' (one flat folder): `collections/__init__.py` -> `collections.__init__.gpc`.
fn frozen_name(rel: &str) -> String {
    let stem = rel.strip_suffix(".py").unwrap_or(rel);
    format!("{}.gpc", stem.replace('/', "."))
}

/// Link choices that make the process start sooner (docs/performance-history.md, "Session 8:
/// start-up"), for GNU/Linux targets only.
///
/// - The glasspy binary is linked as a position-dependent executable (`-no-pie`): a
///   PIE binary has its ~10,000 pointers in static data (vtables, the types' and
///   modules' method tables, `&str`s in tables) patched by the dynamic loader at every
///   start, which writes (and so copies) each page of `.data.rel.ro`, about 36 page
///   faults; position-dependent, they are final in the file. The code stays
///   position-independent (only the link changes), and test binaries keep the default.
/// - The unwinder (used by panics) is linked from the static `libgcc_eh` rather than
///   the shared `libgcc_s`: one shared library fewer for the loader to map and
///   relocate, and its start-up CPU probe (a CPUID instruction, slow in a VM) gone.
fn link_for_startup() {
    let os = std::env::var("CARGO_CFG_TARGET_OS").unwrap_or_default();
    let env = std::env::var("CARGO_CFG_TARGET_ENV").unwrap_or_default();
    if os == "linux" && env == "gnu" {
        println!("cargo:rustc-link-arg-bins=-no-pie");
        println!("cargo:rustc-link-lib=static:-bundle=gcc_eh");
    }
}

fn main() {
    println!("cargo:rerun-if-changed=grammar");
    link_for_startup();
    bundled_table();
    lalrpop::Configuration::new()
        .set_in_dir("grammar")
        .process()
        .expect("lalrpop failed on grammar/python.lalrpop");
}
