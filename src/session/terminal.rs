//! The process side of a live session: whether there is a terminal, which
//! prompter to use, and what Ctrl-C says before the program exits.

use super::line::LinePrompter;
use super::prompter::Prompter;
use super::tty::TtyPrompter;
use crate::error::exit;
use std::io::IsTerminal;
use std::path::Path;
use std::sync::Mutex;

/// What Ctrl-C prints: where the session is saved and how to resume it.
static ON_INTERRUPT: Mutex<Option<String>> = Mutex::new(None);

fn on_interrupt() {
    let _ = console::Term::stdout().show_cursor();
    match ON_INTERRUPT.lock().ok().and_then(|m| m.clone()) {
        Some(message) => eprintln!("\n{message}"),
        None => eprintln!("\ninterrupted"),
    }
    std::process::exit(exit::INTERRUPTED);
}

/// Installs the Ctrl-C handler for a session saved at `path`; `resume` is
/// the command that continues it.
pub fn guard_interrupts(path: &Path, resume: &str) {
    if let Ok(mut m) = ON_INTERRUPT.lock() {
        *m = Some(format!(
            "interrupted: everything up to the last saved entry is in {} (unfinished); resume with: {resume}",
            path.display()
        ));
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
