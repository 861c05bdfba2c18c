//! The `glasspy` command line.

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("--version") | Some("-V") => println!("glasspy {}", env!("CARGO_PKG_VERSION")),
        _ => {
            eprintln!("glasspy: running scripts is not implemented yet (see issue 4)");
            std::process::exit(2);
        }
    }
}
