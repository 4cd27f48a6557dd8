//! Every paraphrase probe in `tests/paraphrases/` holds: the sentences a
//! candidate might write for a topic earn it, the look-alikes do not.
//! `cargo run --release --example paraphrases` lists the ones that fail.

#[path = "../examples/paraphrases.rs"]
#[allow(dead_code)]
mod paraphrases;

use sdcoach::catalog::Catalog;
use std::path::Path;

#[test]
fn every_paraphrase_probe_holds() {
    let ids = Catalog::embedded().expect("built-in data").ids();
    let (count, misses) = paraphrases::run(Path::new("."), &ids).expect("probes load");
    assert!(count > 0, "no probes under tests/paraphrases/");
    assert!(
        misses.is_empty(),
        "{} of {count} probes fail:\n{misses:#?}",
        misses.len()
    );
}
