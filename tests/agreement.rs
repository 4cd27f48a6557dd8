//! Floors on the agreement figures: the grade against an interviewer's
//! labels on answers the rubric authors never saw (`tests/agreement/`).
//! The floors sit slightly below what the grader reaches; a change that
//! lowers agreement fails here. Print the figures with
//! `cargo run --release --example agreement`.

#[path = "../examples/agreement.rs"]
#[allow(dead_code)]
mod agreement;

use sdcoach::catalog::Catalog;
use std::path::Path;

fn figures() -> agreement::Figures {
    let catalog = Catalog::embedded().expect("built-in data");
    let items = agreement::load(&catalog, Path::new("tests/agreement")).expect("agreement set");
    agreement::measure(&items)
}

#[test]
fn the_agreement_set_is_complete() {
    let f = figures();
    assert!(f.items >= 48, "{} labelled answers", f.items);
}

#[test]
fn agreement_stays_above_its_floors() {
    let f = figures();
    let mut fails = Vec::new();
    let mut floor = |what: &str, got: f64, min: f64| {
        if got < min {
            fails.push(format!("{what}: {got:.3} < floor {min}"));
        }
    };
    floor("topic recall", f.recall(), RECALL);
    floor("topic precision", f.precision(), PRECISION);
    for (level, exact, within) in BANDS {
        let (e, w) = f.band_shares(level);
        floor(&format!("{level} exact band"), e, exact);
        floor(&format!("{level} within one band"), w, within);
    }
    let held = f.order_checks - f.order_failures.len();
    floor(
        "ordering checks held",
        held as f64 / f.order_checks.max(1) as f64,
        ORDER,
    );
    assert!(fails.is_empty(), "{}", fails.join("\n"));
    assert!(
        f.false_red.len() <= MAX_FALSE_RED,
        "false red flags {:?}",
        f.false_red
    );
    assert!(
        f.red_on_clean <= MAX_RED_ON_CLEAN,
        "red flags on clean answers {:?}",
        f.false_red
    );
    assert!(
        f.false_green.len() <= MAX_FALSE_GREEN,
        "false green flags {:?}",
        f.false_green
    );
    let gap = f.plain_gap.unwrap_or(0.0);
    assert!(
        gap <= MAX_PLAIN_GAP,
        "expert ahead of plain words by {gap:.1}"
    );
}

const RECALL: f64 = 0.84;
const PRECISION: f64 = 0.87;
/// (level, exact share, within-one share).
const BANDS: [(&str, f64, f64); 3] = [
    ("new-grad", 0.77, 0.95),
    ("mid", 0.44, 0.90),
    ("senior", 0.43, 0.81),
];
const ORDER: f64 = 0.78;
const MAX_FALSE_RED: usize = 4;
const MAX_RED_ON_CLEAN: usize = 2;
const MAX_FALSE_GREEN: usize = 12;
const MAX_PLAIN_GAP: f64 = 8.0;
