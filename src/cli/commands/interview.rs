//! `sdcoach interview`: peer interviewer mode, run by the interviewer.

use crate::cli::output::emit;
use crate::cli::{exit, Config};
use sdcoach::catalog::Catalog;
use sdcoach::report;
use sdcoach::session::{
    self, terminal, Clock, Core, Interview, PeerOutcome, StartOptions, SystemClock,
};
use sdcoach::transcript::{Mode, Store};
use sdcoach::Result;

pub fn exec(opts: StartOptions, config: &Config) -> Result<i32> {
    let catalog = Catalog::open(config.data.as_deref())?;
    let interactive = terminal::interactive();
    let mut prompter = terminal::prompter(interactive);
    let store = Store::new(&config.transcripts);
    session::ensure_writable(&store.dir)?;
    let clock = SystemClock;
    let Some((path, transcript, lock)) = session::start::open(
        &catalog,
        &store,
        Mode::Peer,
        opts,
        if interactive {
            Some(prompter.as_mut())
        } else {
            None
        },
        clock.now(),
        &config.how,
    )?
    else {
        return Ok(exit::OK);
    };
    let problem = catalog.problem(&transcript.problem)?;
    let rubric = catalog.rubric(&transcript.problem)?;
    let mut session = Interview {
        core: Core {
            catalog: &catalog,
            problem,
            transcript,
            path,
            store,
            clock: &clock,
            how: config.how.clone(),
        },
        rubric,
    };
    terminal::guard_interrupts(&session.core.path, &session.core.resume_command());
    let outcome = session.run(prompter.as_mut())?;
    // The session is over: release its lock before the report is printed.
    drop(lock);
    if let PeerOutcome::Finished(card) = outcome {
        emit(&format!(
            "\n{}\nTranscript saved in {}\n",
            report::scorecard_text(&card, config.style),
            session.core.path.display()
        ));
    }
    Ok(exit::OK)
}
