//! Benchmark (not a test): lexes and parses FILE N times, prints the best MB/s.
//! Run through benches/parse_throughput.py, which times python3's compile() alongside.
use std::time::Instant;

fn main() {
    let mut args = std::env::args().skip(1);
    let path = args.next().expect("usage: parse_throughput FILE [RUNS]");
    let runs: usize = args
        .next()
        .map_or(5, |n| n.parse().expect("RUNS is a number"));
    let src = std::fs::read_to_string(&path).expect("readable file");
    let mut best = f64::MAX;
    for _ in 0..runs {
        let t = Instant::now();
        let m = glasspy::parser::parse_module(&src, &path).expect("the generated file parses");
        drop(m);
        best = best.min(t.elapsed().as_secs_f64());
    }
    let mb = src.len() as f64 / 1e6;
    println!(
        "glasspy parse_module: {:.3} MB in {:.1} ms = {:.1} MB/s",
        mb,
        best * 1e3,
        mb / best
    );
}
