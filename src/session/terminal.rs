//! The process side of a live session: whether there is a terminal, which
//! prompter to use, and what happens on Ctrl-C (SIGINT), `kill` (SIGTERM) or
//! a closed terminal window (SIGHUP). A thread waits for those signals; on
//! one it lets a save in progress finish, puts the terminal back as it was
//! (echo, line editing, a visible cursor), removes a session file in which
//! nothing was recorded, releases the session's lock, says where the
//! session is saved and exits with 128 + the signal's number.

use super::line::LinePrompter;
use super::prompter::Prompter;
use super::tty::TtyPrompter;
use crate::error::exit;
use crate::transcript::{hold_saves, lock, Store};
use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Mutex, Once};

/// The session a signal must account for.
struct Live {
    path: PathBuf,
    /// The command that continues it.
    resume: String,
}

static LIVE: Mutex<Option<Live>> = Mutex::new(None);
/// The terminal's settings before the program touched them.
static SAVED_TERMINAL: Mutex<Option<rustix::termios::Termios>> = Mutex::new(None);
static INSTALL: Once = Once::new();
/// Set as soon as a signal is being handled: the program then ends in the
/// signal thread, with the signal's exit code, and nowhere else.
static SIGNALLED: AtomicBool = AtomicBool::new(false);

/// Whether a signal is being handled (the program is about to exit with
/// its code).
pub fn signalled() -> bool {
    SIGNALLED.load(Ordering::SeqCst)
}

/// Asks for the Ctrl-C treatment from the signal thread: a raw-mode prompt
/// reads Ctrl-C as a key, and a signal arriving while it waits (which
/// interrupts the wait) reads the same way.
pub fn interrupt_self() {
    let _ = rustix::process::kill_process(rustix::process::getpid(), rustix::process::Signal::INT);
}

/// The signal to act on among those that arrived together: a prompt that a
/// SIGTERM or SIGHUP interrupts raises SIGINT after it, and the first one
/// says what happened.
fn gravest(signals: impl IntoIterator<Item = i32>) -> i32 {
    signals
        .into_iter()
        .max_by_key(|&s| match s {
            SIGHUP => 3,
            SIGTERM => 2,
            _ => 1,
        })
        .unwrap_or(SIGINT)
}

/// Starts the thread that handles SIGINT, SIGTERM and SIGHUP, and records
/// the terminal's settings to restore them. Idempotent.
pub fn install_signal_handlers() {
    INSTALL.call_once(|| {
        if std::io::stdin().is_terminal() {
            if let Ok(t) = rustix::termios::tcgetattr(std::io::stdin()) {
                if let Ok(mut saved) = SAVED_TERMINAL.lock() {
                    *saved = Some(t);
                }
            }
        }
        let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGINT, SIGTERM, SIGHUP]) else {
            return;
        };
        let _ = std::thread::Builder::new()
            .name("signals".into())
            .spawn(move || {
                if let Some(first) = signals.forever().next() {
                    SIGNALLED.store(true, Ordering::SeqCst);
                    // A moment for the signal that caused this one to show up.
                    std::thread::sleep(std::time::Duration::from_millis(20));
                    let more: Vec<i32> = signals.pending().collect();
                    on_signal(gravest(std::iter::once(first).chain(more)));
                }
            });
    });
}

/// Puts the terminal back: the settings saved at start (a raw-mode prompt
/// turns off echo and line editing) and a visible cursor.
pub fn restore_terminal() {
    if let Some(saved) = SAVED_TERMINAL.lock().ok().and_then(|s| s.clone()) {
        let _ = rustix::termios::tcsetattr(
            std::io::stdin(),
            rustix::termios::OptionalActions::Now,
            &saved,
        );
        let _ = console::Term::stdout().show_cursor();
    }
}

fn on_signal(signal: i32) -> ! {
    // Waits for a save in progress, and keeps any other from starting.
    let _saving = hold_saves();
    restore_terminal();
    let (what, code) = match signal {
        SIGTERM => ("terminated", exit::TERMINATED),
        SIGHUP => ("hang-up", exit::HANGUP),
        _ => ("interrupted", exit::INTERRUPTED),
    };
    let live = LIVE.lock().ok().and_then(|mut l| l.take());
    let message = match live {
        Some(live) => settle(&live, what),
        None => what.to_string(),
    };
    lock::release_all();
    // The terminal may be gone (SIGHUP): a failed write must not panic.
    let _ = writeln!(std::io::stderr(), "\n{message}");
    std::process::exit(code);
}

/// What a signal leaves of the session, said in one line; a session file
/// holding nothing is removed, as at the end of input.
fn settle(live: &Live, what: &str) -> String {
    let blank = Store::load(&live.path).is_ok_and(|t| t.is_blank());
    if blank && std::fs::remove_file(&live.path).is_ok() {
        return format!("{what} before any answer: nothing saved");
    }
    format!(
        "{what}: everything up to the last saved entry is in {} (unfinished); resume with: {}",
        live.path.display(),
        live.resume
    )
}

/// Handles signals for a session saved at `path`; `resume` is the command
/// that continues it.
pub fn guard_interrupts(path: &Path, resume: &str) {
    install_signal_handlers();
    if let Ok(mut m) = LIVE.lock() {
        *m = Some(Live {
            path: path.to_path_buf(),
            resume: resume.to_string(),
        });
    }
}

/// Whether both stdin and stdout are terminals (dialoguer prompts), else plain lines.
pub fn interactive() -> bool {
    std::io::stdin().is_terminal() && std::io::stdout().is_terminal()
}

/// The terminal prompter when interactive, else the plain-line one over
/// stdin. Signal handling starts here, before any prompt can change the
/// terminal's settings.
pub fn prompter(interactive: bool) -> Box<dyn Prompter> {
    install_signal_handlers();
    if interactive {
        Box::new(TtyPrompter::default())
    } else {
        Box::new(LinePrompter::new(
            std::io::stdin().lock(),
            std::io::stdout(),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_terminating_signal_wins_over_the_interrupt_it_caused() {
        assert_eq!(gravest([SIGINT, SIGTERM]), SIGTERM);
        assert_eq!(gravest([SIGINT, SIGHUP]), SIGHUP);
        assert_eq!(gravest([SIGINT]), SIGINT);
        assert_eq!(gravest([]), SIGINT);
    }
}
