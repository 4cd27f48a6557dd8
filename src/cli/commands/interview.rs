//! `sdcoach interview`: peer interviewer mode, run by the interviewer.

use super::sessions;
use crate::catalog::Catalog;
use crate::cli::output::emit;
use crate::cli::{exit, Config};
use crate::error::Error;
use crate::report;
use crate::session::{ensure_writable, Clock, Interview, PeerOutcome, SystemClock};
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
            let id = match opts.problem {
                Some(id) => catalog.problem(&id)?.id.clone(),
                None if interactive => {
                    let items: Vec<String> = catalog
                        .problems
                        .iter()
                        .map(|p| format!("{} — {} ({})", p.id, p.title, p.difficulty.as_str()))
                        .collect();
                    match prompter
                        .pick("Pick the problem to interview on (type to filter)", &items)?
                    {
                        Some(i) => catalog.problems[i].id.clone(),
                        None => return Ok(exit::OK),
                    }
                }
                None => {
                    return Err(Error::NoProblem {
                        how: "name one, e.g. `sdcoach interview url-shortener`".into(),
                        ids: catalog.ids(),
                    })
                }
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
            let path = store.new_path(&now.format("%Y-%m-%d").to_string(), &id);
            store.save(&path, &t)?;
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
