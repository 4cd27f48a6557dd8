//! Which problem a new session is about: named, random, or picked.

use super::prompter::Prompter;
use crate::catalog::Catalog;
use crate::error::{Error, Result};

/// How the problem of a new session is chosen.
pub enum Choice<'a> {
    /// Named on the command line.
    Named(&'a str),
    /// At random, from this seed.
    Random(u64),
    /// From a list on a terminal.
    Pick(&'a mut dyn Prompter),
    /// Nothing to go on (no terminal): an error that says how to name one.
    Missing,
}

/// The problem id, or `None` when the person cancelled the picker.
/// `how` tells a person without a terminal how to name one.
pub fn choose_problem(catalog: &Catalog, choice: Choice, how: &str) -> Result<Option<String>> {
    match choice {
        Choice::Named(id) => Ok(Some(catalog.problem(id)?.id.clone())),
        Choice::Random(seed) => {
            let ids = catalog.ids();
            let i = (seed % ids.len().max(1) as u64) as usize;
            ids.get(i)
                .cloned()
                .map(Some)
                .ok_or_else(|| Error::Usage("no problems in the data".into()))
        }
        Choice::Pick(prompter) => {
            let items: Vec<String> = catalog
                .problems
                .iter()
                .map(|p| format!("{} — {} ({})", p.id, p.title, p.difficulty.as_str()))
                .collect();
            Ok(prompter
                .pick("Pick a problem (type to filter)", &items)?
                .map(|i| catalog.problems[i].id.clone()))
        }
        Choice::Missing => Err(Error::NoProblem {
            how: how.to_string(),
            ids: catalog.ids(),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::session::ScriptedPrompter;

    #[test]
    fn every_way_of_choosing() {
        let catalog = Catalog::embedded().expect("data");
        assert_eq!(
            choose_problem(&catalog, Choice::Named("uber"), "x")
                .expect("ok")
                .as_deref(),
            Some("uber")
        );
        assert!(choose_problem(&catalog, Choice::Named("ubr"), "x").is_err());
        let a = choose_problem(&catalog, Choice::Random(3), "x").expect("ok");
        assert_eq!(
            a,
            choose_problem(&catalog, Choice::Random(3), "x").expect("ok")
        );
        let mut p = ScriptedPrompter::default();
        p.replies.push_back("whatsapp".into());
        assert_eq!(
            choose_problem(&catalog, Choice::Pick(&mut p), "x")
                .expect("ok")
                .as_deref(),
            Some("whatsapp")
        );
        let err = choose_problem(
            &catalog,
            Choice::Missing,
            "name one, e.g. `sdcoach practice twitter`",
        )
        .expect_err("no problem");
        assert!(err.to_string().contains("`sdcoach practice twitter`"));
    }
}
