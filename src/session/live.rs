//! A session on this process's terminal or piped stdin: everything
//! `practice` and `interview` do before the first question, said once.

use super::clock::Clock;
use super::core::Core;
use super::engine::ensure_writable;
use super::prompter::Prompter;
use super::start::{self, Invocation, StartOptions};
use super::terminal;
use crate::catalog::Catalog;
use crate::transcript::{Mode, SessionLock, Store};
use crate::Result;
use std::path::Path;

/// A session ready to run: its state, the prompter it talks through, and
/// the lock it holds until it ends.
pub struct Live<'a> {
    pub core: Core<'a>,
    pub prompter: Box<dyn Prompter>,
    pub lock: SessionLock,
}

/// Chooses the prompter, checks the transcripts folder, opens a new session
/// or the one to resume, and installs the signal handling that saves it.
/// `None` when the person cancelled the problem picker.
pub fn open_live<'a>(
    catalog: &'a Catalog,
    clock: &'a dyn Clock,
    transcripts: &Path,
    mode: Mode,
    opts: StartOptions,
    how: &Invocation,
) -> Result<Option<Live<'a>>> {
    let interactive = terminal::interactive();
    let mut prompter = terminal::prompter(interactive);
    let store = Store::new(transcripts);
    ensure_writable(&store.dir)?;
    let picker: Option<&mut dyn Prompter> = if interactive {
        Some(prompter.as_mut())
    } else {
        None
    };
    let Some((path, transcript, lock)) =
        start::open(catalog, &store, mode, opts, picker, clock.now(), how)?
    else {
        return Ok(None);
    };
    let problem = catalog.problem(&transcript.problem)?;
    let core = Core {
        catalog,
        problem,
        transcript,
        path,
        store,
        clock,
        how: how.clone(),
    };
    terminal::guard_interrupts(&core.path, &core.resume_command());
    Ok(Some(Live {
        core,
        prompter,
        lock,
    }))
}
