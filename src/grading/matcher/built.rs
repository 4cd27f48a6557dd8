//! The built-in rubrics' matchers, compiled by `build.rs` with the code of
//! `tables.rs` and `lexicon.rs`: every topic and flag matcher a grade of a
//! built-in problem makes. Compiling a rubric's two thousand phrases cost a
//! fifth of a grade; reading them back costs a few hundredths.

use super::lexicon::Lexicon;
use super::tables::{key, Tables, Targets};

// `BUILT_MATCHERS`: (key of the inputs, start and end in `DATA`) of each
// built matcher, sorted by key.
include!(concat!(env!("OUT_DIR"), "/matchers.rs"));

/// The built matchers' tables, one after the other (`Tables::write`).
static DATA: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/matchers.bin"));

/// Their strings.
static TEXT: &str = include_str!(concat!(env!("OUT_DIR"), "/matchers.txt"));

/// The tables the build compiled for these targets and lexicon, if it did.
pub(super) fn tables(targets: &Targets, lexicon: &Lexicon) -> Option<Tables> {
    if targets.iter().all(|(phrases, _)| phrases.is_empty()) {
        return None;
    }
    let k = key(targets, lexicon);
    let i = BUILT_MATCHERS.binary_search_by_key(&k, |e| e.0).ok()?;
    let &(_, start, end) = BUILT_MATCHERS.get(i)?;
    Tables::read(DATA.get(start as usize..end as usize)?, targets.len(), TEXT)
}

/// How many matchers the build compiled.
#[cfg(test)]
pub(super) fn count() -> usize {
    BUILT_MATCHERS.len()
}
