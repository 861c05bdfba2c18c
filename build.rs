//! Build steps: the LR parser from grammar/python.lalrpop (rerun only when grammar/
//! changes), and the table of the Python modules bundled in the binary (every .py file
//! under src/builtins/lib, embedded with include_str!; adding a module is adding a file).

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

/// OUT_DIR/bundled.rs: `BUNDLED`, (relative path with '/', source) sorted by path.
fn bundled_table() {
    let manifest = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets it"));
    let root = manifest.join("src").join("builtins").join("lib");
    println!("cargo:rerun-if-changed=src/builtins/lib");
    let mut files = Vec::new();
    python_files(&root, &root, &mut files);
    // Sorted by the '/'-joined path, which is how the table is searched.
    files.sort_by_key(|f| slash_path(f));
    let mut out = String::from(
        "/// The bundled modules' sources: (path under the library root, text), sorted.\n\
         pub static BUNDLED: &[(&str, &str)] = &[\n",
    );
    for f in &files {
        let full = root.join(f);
        // Folders count as changes too (a file added to a package).
        if let Some(parent) = full.parent() {
            println!("cargo:rerun-if-changed={}", parent.display());
        }
        println!("cargo:rerun-if-changed={}", full.display());
        out.push_str(&format!(
            "    ({:?}, include_str!({:?})),\n",
            slash_path(f),
            full.display().to_string()
        ));
    }
    out.push_str("];\n");
    let dest = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets it")).join("bundled.rs");
    std::fs::write(dest, out).expect("write bundled.rs");
}

fn main() {
    println!("cargo:rerun-if-changed=grammar");
    bundled_table();
    lalrpop::Configuration::new()
        .set_in_dir("grammar")
        .process()
        .expect("lalrpop failed on grammar/python.lalrpop");
}
