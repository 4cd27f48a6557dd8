//! `sdcoach interview`: peer interviewer mode, run by the interviewer.

use super::sessions;
use crate::catalog::Catalog;
use crate::cli::output::emit;
use crate::cli::{exit, Config};
use crate::report;
use crate::session::{
    choose_problem, ensure_writable, Choice, Clock, Interview, PeerOutcome, SystemClock,
};
use crate::transcript::{Mode, PeerSession, Store, Transcript};
use crate::Result;
use std::path::PathBuf;

/// Resolved options of `interview`.
pub struct Options {
    pub problem: Option<String>,
    pub candidate: Option<String>,
    pub minutes: u32,
    pub timer: bool,
    pub resume: Option<Option<PathBuf>>,
}

pub fn exec(opts: Options, config: &Config) -> Result<i32> {
    let catalog = Catalog::open(config.data.as_deref())?;
    let interactive = sessions::interactive();
    let mut prompter = sessions::prompter(interactive);
    let store = Store::new(&config.transcripts);
    ensure_writable(&store.dir)?;
    let clock = SystemClock;
    let now = clock.now();

    let (path, transcript) = match opts.resume {
        Some(file) => sessions::resume(&store, file, Mode::Peer, "interview")?,
        None => {
            let choice = match opts.problem.as_deref() {
                Some(id) => Choice::Named(id),
                None if interactive => Choice::Pick(prompter.as_mut()),
                None => Choice::Missing,
            };
            let Some(id) = choose_problem(
                &catalog,
                choice,
                "name one, e.g. `sdcoach interview url-shortener`",
            )?
            else {
                return Ok(exit::OK);
            };
            // The seed is unused in peer mode (the interviewer picks the probes).
            let mut t = Transcript::new(&id, Mode::Peer, opts.minutes, opts.timer, 0, now);
            t.peer = Some(PeerSession {
                candidate: opts
                    .candidate
                    .map(|c| c.trim().to_string())
                    .filter(|c| !c.is_empty()),
                ..Default::default()
            });
            let path = store.create(&t)?;
            (path, t)
        }
    };
    sessions::guard_interrupts(&path, "interview");

    let problem = catalog.problem(&transcript.problem)?;
    let rubric = catalog.rubric(&transcript.problem)?;
    let mut session = Interview {
        catalog: &catalog,
        problem,
        rubric,
        transcript,
        path: path.clone(),
        store,
        clock: &clock,
    };
    if let PeerOutcome::Finished(card) = session.run(prompter.as_mut())? {
        emit(&format!(
            "\n{}\nTranscript saved in {}\n",
            report::scorecard_text(&card, config.style),
            path.display()
        ));
    }
    Ok(exit::OK)
}
