//! Parses a file and prints the AST dump or the rendered SyntaxError (a debugging aid).
fn main() {
    let path = std::env::args().nth(1).expect("usage: parse_dump FILE");
    let src = std::fs::read_to_string(&path).expect("readable file");
    match glasspy::parser::parse_module(&src, &glasspy::parser::script_path(&path)) {
        Ok(m) => println!("{}", glasspy::parser::dump::dump_module(&m)),
        Err(e) => eprint!("{}", e.render()),
    }
}
