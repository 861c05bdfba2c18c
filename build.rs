//! Generates the LR parser from grammar/python.lalrpop (rerun only when grammar/ changes).

fn main() {
    println!("cargo:rerun-if-changed=grammar");
    lalrpop::Configuration::new()
        .set_in_dir("grammar")
        .process()
        .expect("lalrpop failed on grammar/python.lalrpop");
}
