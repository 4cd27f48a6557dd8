//! How the interviewer reads a clarifying question: each part's terms (a
//! way of asking marked `^`, a required kind or unit `!`, with their
//! weights), the three best facts with the share of the question each
//! explains, and the reply. For authoring a fact's `covers:`.
//! Run: `cargo run --example ask -- twitter "How many tweets a day?"`

use sdcoach::catalog::Catalog;
use sdcoach::grading::facts::explain;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [problem, question] = args.as_slice() else {
        eprintln!("usage: ask <problem> <question>");
        std::process::exit(2);
    };
    let catalog = match Catalog::embedded() {
        Ok(c) => c,
        Err(e) => {
            eprintln!("error: {e}");
            std::process::exit(1);
        }
    };
    match catalog.problem(problem) {
        Ok(p) => print!("{}", explain(question, &p.facts)),
        Err(e) => {
            eprintln!("error: {e}");
            std::process::exit(2);
        }
    }
}
