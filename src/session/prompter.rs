//! The only way a session talks to a person.

use super::commands::{self, Parsed};
use crate::transcript::Mode;
use crate::Result;

pub use super::commands::Command;

/// What the person did at a prompt.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Event {
    /// A finished answer (the draft is cleared).
    Answer(String),
    /// A question to the interviewer (`?` lines).
    Question(String),
    /// A `:` command; the draft so far stays with the prompter.
    Command(Command),
    /// Input ended (closed terminal, end of piped input).
    Eof,
}

/// How a session reads and writes. Implemented for a terminal (dialoguer),
/// plain lines (piped stdin) and scripts (tests).
pub trait Prompter {
    /// Shows text to the person.
    fn say(&mut self, text: &str);
    /// Reads the next event; `questions` says whether `?` lines are questions.
    fn next(&mut self, questions: bool) -> Result<Event>;
    /// The answer typed so far (for `:edit`).
    fn draft(&self) -> String;
    /// Replaces the answer typed so far (after `:edit`).
    fn set_draft(&mut self, text: String);
    /// Lets the person choose one item; `None` when cancelled.
    fn pick(&mut self, prompt: &str, items: &[String]) -> Result<Option<usize>>;
    /// Lets the person tick items; returns the ticked indices.
    fn checklist(&mut self, prompt: &str, items: &[String], ticked: &[bool]) -> Result<Vec<usize>>;
    /// Reads one line (a name, a rating); `None` at end of input.
    fn line(&mut self, prompt: &str) -> Result<Option<String>>;
    /// Reads a one-key choice: a single key press on a terminal (Enter is
    /// an empty string), a line elsewhere; `None` at end of input.
    fn key(&mut self, prompt: &str) -> Result<Option<String>> {
        self.line(prompt)
    }
}

/// Shared line-handling of the line and terminal prompters: turns raw lines
/// into events using the `.` / `?` / `:` conventions.
#[derive(Debug, Default)]
pub struct LineAssembler {
    draft: Vec<String>,
}

impl LineAssembler {
    /// Feeds one line; returns an event when the line completes one.
    pub fn feed(&mut self, line: &str, questions: bool) -> Option<Event> {
        let line = line.trim_end_matches(['\n', '\r']);
        let trimmed = line.trim();
        if trimmed == "." {
            let text = self.draft.join("\n");
            self.draft.clear();
            return Some(Event::Answer(text));
        }
        if let Some(Parsed::Command(cmd, _)) = commands::parse(trimmed, Mode::Solo) {
            return Some(Event::Command(cmd));
        }
        if questions {
            if let Some(q) = trimmed.strip_prefix('?') {
                if !q.trim().is_empty() {
                    return Some(Event::Question(q.trim().to_string()));
                }
            }
        }
        self.draft.push(line.to_string());
        None
    }

    /// Reads lines from `read` until one completes an event; `Eof` when
    /// `read` has no more.
    pub fn next_event(
        &mut self,
        questions: bool,
        mut read: impl FnMut() -> Option<String>,
    ) -> Event {
        loop {
            let Some(line) = read() else {
                return Event::Eof;
            };
            if let Some(event) = self.feed(&line, questions) {
                return event;
            }
        }
    }

    /// The text typed so far.
    pub fn draft(&self) -> String {
        self.draft.join("\n")
    }

    /// Replaces the draft.
    pub fn set(&mut self, text: String) {
        self.draft = text.lines().map(str::to_string).collect();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_become_events() {
        let mut a = LineAssembler::default();
        assert_eq!(a.feed("We shard by user.", true), None);
        assert_eq!(
            a.feed("?how many users", true),
            Some(Event::Question("how many users".into()))
        );
        assert_eq!(a.feed(":hint", true), Some(Event::Command(Command::Hint)));
        assert_eq!(a.feed("Second line", true), None);
        assert_eq!(
            a.feed(".", true),
            Some(Event::Answer("We shard by user.\nSecond line".into()))
        );
        assert_eq!(a.feed("?not a question here", false), None);
        assert_eq!(a.draft(), "?not a question here");
    }
}
