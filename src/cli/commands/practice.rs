//! `sdcoach practice`: a solo mock interview.

use super::sessions;
use crate::catalog::Catalog;
use crate::cli::output::emit;
use crate::cli::{exit, Config};
use crate::error::Error;
use crate::report::{self, SessionInfo};
use crate::session::{ensure_writable, Outcome, Practice, SystemClock};
use crate::transcript::{Mode, Store, Transcript};
use crate::Result;
use std::path::PathBuf;

/// Resolved options of `practice`.
pub struct Options {
    pub problem: Option<String>,
    pub random: bool,
    pub minutes: u32,
    pub timer: bool,
    pub resume: Option<Option<PathBuf>>,
    pub seed: Option<u64>,
}

pub fn exec(opts: Options, config: &Config) -> Result<i32> {
    let catalog = Catalog::open(config.data.as_deref())?;
    let interactive = sessions::interactive();
    let mut prompter = sessions::prompter(interactive);
    let store = Store::new(&config.transcripts);
    ensure_writable(&store.dir)?;
    let clock = SystemClock;
    let now = crate::session::Clock::now(&clock);

    let (path, transcript) = match opts.resume {
        Some(file) => sessions::resume(&store, file, Mode::Solo, "practice")?,
        None => {
            let seed = opts.seed.unwrap_or_else(sessions::time_seed);
            let id =
                match (opts.problem, opts.random) {
                    (Some(id), _) => catalog.problem(&id)?.id.clone(),
                    (None, true) => {
                        let ids = catalog.ids();
                        ids.get((seed as usize) % ids.len().max(1))
                            .cloned()
                            .ok_or_else(|| Error::Usage("no problems in the data".into()))?
                    }
                    (None, false) if interactive => {
                        let items: Vec<String> = catalog
                            .problems
                            .iter()
                            .map(|p| format!("{} — {} ({})", p.id, p.title, p.difficulty.as_str()))
                            .collect();
                        match prompter.pick("Pick a problem (type to filter)", &items)? {
                            Some(i) => catalog.problems[i].id.clone(),
                            None => return Ok(exit::OK),
                        }
                    }
                    (None, false) => return Err(Error::NoProblem {
                        how: "name one, e.g. `sdcoach practice url-shortener`, or pass `--random`"
                            .into(),
                        ids: catalog.ids(),
                    }),
                };
            let t = Transcript::new(&id, Mode::Solo, opts.minutes, opts.timer, seed, now);
            let path = store.new_path(&now.format("%Y-%m-%d").to_string(), &id);
            store.save(&path, &t)?;
            (path, t)
        }
    };
    sessions::guard_interrupts(&path, "practice");

    let problem = catalog.problem(&transcript.problem)?;
    let mut session = Practice {
        catalog: &catalog,
        problem,
        transcript,
        path: path.clone(),
        store,
        clock: &clock,
    };
    match session.run(prompter.as_mut())? {
        Outcome::Finished(grade) => {
            let info = SessionInfo {
                timing: crate::review::timing(&session.transcript),
                transcript: Some(path.display().to_string()),
            };
            emit(&format!(
                "\n{}",
                report::grade_text(&grade, Some(&info), config.style)
            ));
        }
        Outcome::Quit | Outcome::Eof => {}
    }
    Ok(exit::OK)
}
