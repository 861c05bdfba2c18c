//! The Python modules bundled in the binary: every .py file under src/builtins/lib,
//! listed by build.rs and embedded with include_str!. The import system finds them
//! under the pseudo-folder `<glasspy>/lib`, the last entry of sys.path. Each comes with
//! its code compiled ahead of time (src/builtins/frozen/*.gpc, embedded with
//! include_bytes!; the format is compiler/frozen.rs), which the first import thaws
//! instead of compiling the source. A frozen form is used only if it carries the key
//! build.rs computed from the module's source and the compiler's sources; a stale one
//! is ignored (the source is compiled, correct but slower) and the test below fails
//! until it is made again:
//!
//! ```text
//! GLASSPY_REFREEZE=1 cargo test --release --lib bundled_code_is_frozen
//! ```

include!(concat!(env!("OUT_DIR"), "/bundled.rs"));

/// The top-level names of the bundled modules and packages (sys.stdlib_module_names
/// lists them with the built-in modules).
pub fn top_level_names() -> Vec<&'static str> {
    let mut names: Vec<&'static str> = BUNDLED
        .iter()
        .map(|(p, _)| {
            let first = p.split('/').next().unwrap_or(p);
            first.strip_suffix(".py").unwrap_or(first)
        })
        .collect();
    names.dedup();
    names
}

/// The frozen file of the bundled module at `rel` (as build.rs names it).
#[cfg(test)]
fn frozen_name(rel: &str) -> String {
    let stem = rel.strip_suffix(".py").unwrap_or(rel);
    format!("{}.gpc", stem.replace('/', "."))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compiler::frozen;

    /// Every bundled module's frozen form is the one this compiler makes from its
    /// source today (so imports thaw rather than compile). With GLASSPY_REFREEZE set,
    /// the stale forms are written again instead (then rebuild).
    #[test]
    fn bundled_code_is_frozen() {
        let write = std::env::var_os("GLASSPY_REFREEZE").is_some();
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/builtins/frozen");
        let mut stale = Vec::new();
        for (&(rel, source), &(key, data)) in BUNDLED.iter().zip(FROZEN) {
            let file = format!("{}/{rel}", crate::vm::import::BUNDLED_ROOT);
            let code = crate::compiler::compile_source(source, &file)
                .unwrap_or_else(|e| panic!("{rel} does not compile: {e:?}"));
            let fresh = frozen::freeze(&code, key)
                .unwrap_or_else(|| panic!("{rel} holds a constant the format cannot carry"));
            if fresh == data {
                // What is embedded thaws to code that freezes to the same bytes.
                let back = frozen::thaw(data, key, &file).expect("thaws");
                assert_eq!(frozen::freeze(&back, key).as_deref(), Some(data), "{rel}");
                continue;
            }
            if write {
                std::fs::create_dir_all(&dir).expect("make the frozen folder");
                std::fs::write(dir.join(frozen_name(rel)), &fresh).expect("write");
            }
            stale.push(rel);
        }
        // A frozen file whose module is gone is stale too.
        let known: Vec<String> = BUNDLED.iter().map(|(rel, _)| frozen_name(rel)).collect();
        for e in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
            let name = e.file_name().to_string_lossy().into_owned();
            if !known.contains(&name) {
                if write {
                    std::fs::remove_file(e.path()).expect("remove");
                }
                stale.push("(a module that is gone)");
            }
        }
        assert!(
            write || stale.is_empty(),
            "stale frozen code for {stale:?}: run \
             `GLASSPY_REFREEZE=1 cargo test --release --lib bundled_code_is_frozen`, \
             then rebuild"
        );
    }
}
