//! Every card there is: the bank's questions, each problem's estimates that
//! a formula recomputes, the figures file, and the misses kept in the state.

use super::card::{Card, Miss};
use super::estimate::inputs_of;
use super::numbers::Numbers;
use super::store::State;
use crate::catalog::Catalog;

/// All cards, in a stable order: questions, estimation, numbers, misses.
/// A miss whose topic or estimate is gone from today's data is left out.
pub fn deck(catalog: &Catalog, numbers: &Numbers, state: &State) -> Vec<Card> {
    let mut cards: Vec<Card> = catalog
        .questions
        .questions
        .iter()
        .map(|q| Card::question(&q.id))
        .collect();
    for p in &catalog.problems {
        for e in &p.estimates {
            if inputs_of(p, e).is_some() {
                cards.push(Card::estimation(&p.id, &e.id));
            }
        }
    }
    cards.extend(numbers.numbers.iter().map(|f| Card::numbers(&f.id)));
    cards.extend(
        state
            .cards
            .values()
            .filter_map(|c| c.miss.clone())
            .filter(|m| miss_exists(catalog, m))
            .map(Card::miss),
    );
    cards
}

/// Whether a miss still points at a topic or estimate of today's data.
pub fn miss_exists(catalog: &Catalog, miss: &Miss) -> bool {
    match miss {
        Miss::Topic {
            problem,
            step,
            topic,
        } => catalog.rubrics.get(problem).is_some_and(|r| {
            r.steps
                .get(step.as_str())
                .is_some_and(|s| s.topics.iter().any(|t| t.id == *topic))
        }),
        Miss::Estimate { problem, estimate } => catalog
            .problem(problem)
            .is_ok_and(|p| p.estimates.iter().any(|e| e.id == *estimate)),
    }
}
