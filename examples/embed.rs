//! Embedding glasspy in a Rust program: run Python in an interpreter, read values
//! back, hand Python a Rust function, and read memory numbers, which are CPython 3.11's.
//!
//!     cargo run --release --example embed

use glasspy::{Error, Interpreter, Options, Value};

/// Optional: with this line every allocation of the program (not only Python's
/// objects) comes from glasspy's pymalloc, as in the glasspy binary.
#[global_allocator]
static ALLOCATOR: glasspy::GlobalPymalloc = glasspy::GlobalPymalloc;

/// What the example prints.
fn report() -> Result<String, Error> {
    let mut py = Interpreter::new(Options::default())?;
    // A Rust function Python can call like any builtin.
    py.register("rust_sum_squares", |args| match args {
        [Value::List(items)] => {
            let mut total = 0i64;
            for v in items {
                match v {
                    Value::Int(i) => total += i * i,
                    _ => return Err(Error::new("TypeError", "expected a list of ints")),
                }
            }
            Ok(Value::Int(total))
        }
        _ => Err(Error::new("TypeError", "rust_sum_squares() takes one list")),
    });
    py.set("n", 1000);
    py.run_str(
        "import sys\n\
         nums = list(range(n))\n\
         total = rust_sum_squares(nums)\n\
         sizes = [sys.getsizeof(x) for x in (0, 2**30, 'hello', [], {}, nums)]\n",
        "<embedded>",
    )?;
    let mut out = String::new();
    out += &format!(
        "total = {:?}\n",
        py.get("total").expect("set by the script")
    );
    out += &format!(
        "sizes = {:?}\n",
        py.get("sizes").expect("set by the script")
    );
    out += &format!("eval  = {:?}\n", py.eval("nums[-1] * 2")?);
    match py.eval("rust_sum_squares('x')") {
        Err(e) => out += &format!("error = {}: {}\n", e.type_name, e.message),
        Ok(v) => out += &format!("unexpected {v:?}\n"),
    }
    Ok(out)
}

fn main() {
    match report() {
        Ok(text) => print!("{text}"),
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(1);
        }
    }
}

#[test]
fn prints_cpython_numbers() {
    // getsizeof as python3 reports it: 0 -> 28, 2**30 -> 32, 'hello' -> 54, [] -> 56,
    // {} -> 64 (glasspy's dict is 104 until the compact dict lands), list(range(1000))
    // -> 56 + 8 * 1000.
    let text = report().expect("runs");
    assert!(text.starts_with("total = Int(332833500)\n"), "{text}");
    assert!(text.contains("eval  = Int(1998)\n"), "{text}");
    assert!(
        text.contains("error = TypeError: rust_sum_squares() takes one list\n"),
        "{text}"
    );
    let sizes = text
        .lines()
        .find(|l| l.starts_with("sizes"))
        .expect("sizes line");
    assert!(
        sizes.contains("Int(28), Int(32), Int(54), Int(56)"),
        "{sizes}"
    );
    assert!(sizes.ends_with("Int(8056)])"), "{sizes}");
}
