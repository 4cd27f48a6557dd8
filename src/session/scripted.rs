//! A prompter that plays a script (tests and demos) and records what it was told.

use super::prompter::{Event, Prompter};
use crate::Result;
use std::collections::VecDeque;

/// Plays events in order; `Eof` when the script runs out.
#[derive(Debug, Default)]
pub struct ScriptedPrompter {
    pub events: VecDeque<Event>,
    /// Answers to `pick`, `checklist` and `line`, in order.
    pub replies: VecDeque<String>,
    /// Everything the session said.
    pub said: Vec<String>,
    draft: String,
}

impl ScriptedPrompter {
    /// A prompter that will play these events.
    pub fn new(events: impl IntoIterator<Item = Event>) -> Self {
        ScriptedPrompter {
            events: events.into_iter().collect(),
            ..Default::default()
        }
    }

    /// Everything said, joined.
    pub fn transcript(&self) -> String {
        self.said.join("\n")
    }
}

impl Prompter for ScriptedPrompter {
    fn say(&mut self, text: &str) {
        self.said.push(text.to_string());
    }

    fn next(&mut self, questions: bool) -> Result<Event> {
        let event = self.events.pop_front().unwrap_or(Event::Eof);
        Ok(match event {
            Event::Question(q) if !questions => Event::Answer(format!("?{q}")),
            Event::Answer(a) => {
                let full = if self.draft.is_empty() {
                    a
                } else {
                    format!("{}\n{a}", std::mem::take(&mut self.draft))
                };
                Event::Answer(full)
            }
            e => e,
        })
    }

    fn draft(&self) -> String {
        self.draft.clone()
    }

    fn set_draft(&mut self, text: String) {
        self.draft = text;
    }

    fn pick(&mut self, _prompt: &str, items: &[String]) -> Result<Option<usize>> {
        Ok(self
            .replies
            .pop_front()
            .and_then(|r| items.iter().position(|i| *i == r || i.starts_with(&r))))
    }

    fn checklist(
        &mut self,
        _prompt: &str,
        items: &[String],
        ticked: &[bool],
    ) -> Result<Vec<usize>> {
        match self.replies.pop_front() {
            // `.` keeps the marks shown, as in line mode.
            Some(r) if r.trim() != "." => Ok(r
                .split_whitespace()
                .filter_map(|s| s.parse::<usize>().ok())
                .filter(|n| *n >= 1 && *n <= items.len())
                .map(|n| n - 1)
                .collect()),
            _ => Ok((0..items.len())
                .filter(|i| ticked.get(*i).copied().unwrap_or(false))
                .collect()),
        }
    }

    fn line(&mut self, _prompt: &str) -> Result<Option<String>> {
        Ok(self.replies.pop_front())
    }
}
