//! Sessions: the interview engine and the prompters it talks through.

pub mod choose;
pub mod clock;
pub mod commands;
pub mod core;
pub mod drill;
pub mod editor;
pub mod engine;
pub mod line;
pub mod live;
pub mod peer;
pub mod probes;
pub mod prompter;
pub mod scripted;
pub mod start;
pub mod terminal;
pub mod tty;

pub use choose::{choose_problem, Choice};
pub use clock::{Clock, FakeClock, SystemClock};
pub use commands::Command;
pub use core::Core;
pub use engine::{ensure_writable, Outcome, Practice};
pub use line::LinePrompter;
pub use peer::{Interview, PeerOutcome};
pub use prompter::{Event, Prompter};
pub use scripted::ScriptedPrompter;
pub use start::{Invocation, StartOptions};
pub use tty::TtyPrompter;
