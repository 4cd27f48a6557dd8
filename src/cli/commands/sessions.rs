//! What `practice` and `interview` share: choosing the prompter, the Ctrl-C
//! message, and finding the session to resume.

use crate::cli::exit;
use crate::error::Error;
use crate::session::{LinePrompter, Prompter, TtyPrompter};
use crate::transcript::{Mode, Store, Transcript};
use crate::Result;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// The transcript being written and the subcommand writing it, for the Ctrl-C message.
static ACTIVE: Mutex<Option<(PathBuf, &'static str)>> = Mutex::new(None);

fn on_interrupt() {
    let _ = console::Term::stdout().show_cursor();
    let active = ACTIVE.lock().ok().and_then(|a| a.clone());
    match active {
        Some((p, command)) => eprintln!(
            "\ninterrupted: everything up to the last saved entry is in {} (unfinished); resume with: sdcoach {command} --resume {}",
            p.display(),
            p.display()
        ),
        None => eprintln!("\ninterrupted"),
    }
    std::process::exit(exit::INTERRUPTED);
}

/// Remembers the transcript being written and installs the Ctrl-C handler.
pub fn guard_interrupts(path: &Path, command: &'static str) {
    if let Ok(mut active) = ACTIVE.lock() {
        *active = Some((path.to_path_buf(), command));
    }
    // A second handler cannot be installed; that only happens in tests.
    let _ = ctrlc::set_handler(on_interrupt);
}

/// Whether both stdin and stdout are terminals (dialoguer prompts), else plain lines.
pub fn interactive() -> bool {
    std::io::stdin().is_terminal() && std::io::stdout().is_terminal()
}

/// The terminal prompter when interactive, else the plain-line one over stdin.
pub fn prompter(interactive: bool) -> Box<dyn Prompter> {
    if interactive {
        Box::new(TtyPrompter::default())
    } else {
        Box::new(LinePrompter::new(
            std::io::stdin().lock(),
            std::io::stdout(),
        ))
    }
}

/// Nanoseconds since the epoch, as a seed.
pub fn time_seed() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos() as u64)
}

/// The session to resume: `file`, or the latest unfinished session of `mode`.
pub fn resume(
    store: &Store,
    file: Option<PathBuf>,
    mode: Mode,
    command: &str,
) -> Result<(PathBuf, Transcript)> {
    let (path, t) = match file {
        Some(f) => {
            let t = Store::load(&f)?;
            (f, t)
        }
        None => store.latest_unfinished(mode)?.ok_or_else(|| {
                Error::Usage(format!(
                    "no unfinished {} session in `{}`: start one with `sdcoach {command} PROBLEM` (or pass `--transcripts DIR`)",
                    mode.as_str(),
                    store.dir.display()
                ))
            })?,
    };
    if t.finished {
        return Err(Error::Usage(format!(
            "`{}` is already finished: start a new session with `sdcoach {command} PROBLEM`",
            path.display()
        )));
    }
    if t.mode != mode {
        let other = match t.mode {
            Mode::Solo => "practice",
            Mode::Peer => "interview",
        };
        return Err(Error::Usage(format!(
            "`{}` is a {} session: resume it with `sdcoach {other} --resume {}`",
            path.display(),
            t.mode.as_str(),
            path.display()
        )));
    }
    Ok((path, t))
}
