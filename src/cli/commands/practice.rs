//! `sdcoach practice`: a solo mock interview.

use super::sessions;
use crate::catalog::Catalog;
use crate::cli::output::emit;
use crate::cli::{exit, Config};
use crate::report;
use crate::session::{choose_problem, ensure_writable, Choice, Outcome, Practice, SystemClock};
use crate::transcript::SessionInfo;
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
            let choice = match (opts.problem.as_deref(), opts.random) {
                (Some(id), _) => Choice::Named(id),
                (None, true) => Choice::Random(seed),
                (None, false) if interactive => Choice::Pick(prompter.as_mut()),
                (None, false) => Choice::Missing,
            };
            let how = "name one, e.g. `sdcoach practice url-shortener`, or pass `--random`";
            let Some(id) = choose_problem(&catalog, choice, how)? else {
                return Ok(exit::OK);
            };
            let t = Transcript::new(&id, Mode::Solo, opts.minutes, opts.timer, seed, now);
            let path = store.create(&t)?;
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
                timing: session.transcript.timing(),
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
