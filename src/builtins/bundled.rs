//! The Python modules bundled in the binary: every .py file under src/builtins/lib,
//! listed by build.rs and embedded with include_str!. The import system finds them
//! under the pseudo-folder `<glasspy>/lib`, the last entry of sys.path, and compiles
//! each at its first import.

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
