//! Misses become cards: every rubric topic missed in an answered step, and
//! every estimate marked off, in the saved practice sessions.

use super::card::{Card, Miss};
use super::store::{CardState, DrillStore, State};
use super::Kind;
use crate::catalog::Catalog;
use crate::estimation::EstimateVerdict;
use crate::framework::StepId;
use crate::grading::Grade;
use crate::review::regrade;
use crate::transcript::{Mode, Store, Transcript};
use chrono::{DateTime, FixedOffset};
use std::path::Path;

/// What a search of the transcripts folder found.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Harvest {
    /// Sessions read (new or changed since the last search).
    pub searched: usize,
    /// Ids of the cards it added.
    pub added: Vec<String>,
    /// Files that could not be read or graded, with why.
    pub skipped: Vec<(String, String)>,
}

/// The steps a person answered (done, not skipped, with text).
pub fn answered_steps(t: &Transcript) -> Vec<StepId> {
    t.steps
        .iter()
        .filter(|s| s.done && !s.skipped && !s.answer.trim().is_empty())
        .map(|s| s.step)
        .collect()
}

/// The misses of a graded session: topics missed in the steps answered and
/// estimates off (more than 10x away), when the estimation step was answered.
pub fn misses_of_grade(grade: &Grade, answered: &[StepId]) -> Vec<Miss> {
    let mut out: Vec<Miss> = grade
        .steps
        .iter()
        .filter(|s| answered.contains(&s.id))
        .flat_map(|s| {
            s.missed.iter().map(move |topic| Miss::Topic {
                problem: grade.problem.clone(),
                step: s.id,
                topic: topic.clone(),
            })
        })
        .collect();
    if answered.contains(&StepId::Estimation) {
        out.extend(
            grade
                .estimates
                .iter()
                .filter(|e| e.verdict == EstimateVerdict::Off)
                .map(|e| Miss::Estimate {
                    problem: grade.problem.clone(),
                    estimate: e.id.clone(),
                }),
        );
    }
    out
}

/// How many of `misses` are not cards yet.
pub fn count_new(state: &State, misses: &[Miss]) -> usize {
    misses
        .iter()
        .filter(|m| !state.cards.contains_key(&m.id()))
        .count()
}

/// Adds misses found in `file` to the state; returns the ids of new cards.
pub fn add_misses(
    state: &mut State,
    misses: Vec<Miss>,
    file: &str,
    now: DateTime<FixedOffset>,
) -> Vec<String> {
    let mut added = Vec::new();
    for m in misses {
        let id = m.id();
        let card = state.cards.entry(id.clone()).or_insert_with(|| {
            added.push(id.clone());
            CardState {
                miss: Some(m.clone()),
                ..CardState::new(Kind::Misses, now)
            }
        });
        if !card.missed_in.iter().any(|f| f == file) {
            card.missed_in.push(file.to_string());
        }
    }
    added
}

/// Searches the solo sessions of the transcripts folder that are new or
/// changed since the last search, re-grading each against today's rubric,
/// and adds their misses to the state.
pub fn harvest(
    catalog: &Catalog,
    store: &Store,
    state: &mut State,
    now: DateTime<FixedOffset>,
) -> crate::Result<Harvest> {
    let mut out = Harvest::default();
    for path in store.files()? {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let t = match Store::load(&path) {
            Ok(t) => t,
            Err(e) => {
                out.skipped.push((name, e.to_string()));
                continue;
            }
        };
        if t.mode != Mode::Solo || state.harvested.get(&name) == Some(&t.updated) {
            continue;
        }
        out.searched += 1;
        let answered = answered_steps(&t);
        if !answered.is_empty() && catalog.problem(&t.problem).is_ok() {
            match regrade(catalog, &t) {
                Ok(g) => {
                    let misses = misses_of_grade(&g, &answered);
                    out.added.extend(add_misses(state, misses, &name, now));
                }
                Err(e) => {
                    out.skipped.push((name.clone(), e.to_string()));
                    continue;
                }
            }
        }
        state.harvested.insert(name, t.updated);
    }
    Ok(out)
}

/// The cards a session adds to the drill: its misses not already cards
/// (none for a peer session, whose answers are the interviewer's notes).
pub fn new_cards_of(state: &State, t: &Transcript, grade: &Grade) -> Vec<Card> {
    if t.mode != Mode::Solo {
        return Vec::new();
    }
    misses_of_grade(grade, &answered_steps(t))
        .into_iter()
        .filter(|m| !state.cards.contains_key(&m.id()))
        .map(Card::miss)
        .collect()
}

/// How many cards a saved session adds to the drill kept in the
/// `transcripts` folder; the drill state is read, never changed.
pub fn new_cards_count(transcripts: &Path, t: &Transcript, grade: &Grade) -> usize {
    new_cards_of(&DrillStore::new(transcripts).peek(), t, grade).len()
}
