//! Terminal prompter: dialoguer for line editing, pickers and checklists.

use super::prompter::{Event, LineAssembler, Prompter};
use crate::framework::sanitize;
use crate::Result;
use console::{Key, Term};
use dialoguer::theme::ColorfulTheme;
use dialoguer::{FuzzySelect, Input, MultiSelect};

/// Reads from the terminal through dialoguer.
pub struct TtyPrompter {
    term: Term,
    theme: ColorfulTheme,
    lines: LineAssembler,
}

impl Default for TtyPrompter {
    fn default() -> Self {
        TtyPrompter {
            term: Term::stdout(),
            theme: ColorfulTheme::default(),
            lines: LineAssembler::default(),
        }
    }
}

impl TtyPrompter {
    fn read_line(&mut self, prompt: &str) -> Option<String> {
        read_line(&self.term, &self.theme, prompt)
    }
}

/// Reads one line with editing; the line stays on screen behind a gutter so
/// the answer so far remains visible.
fn read_line(term: &Term, theme: &ColorfulTheme, prompt: &str) -> Option<String> {
    let line = Input::<String>::with_theme(theme)
        .with_prompt(prompt)
        .allow_empty(true)
        .report(false)
        .interact_text_on(term)
        .ok()?;
    let _ = term.write_line(&format!("  │ {}", sanitize(&line)));
    Some(line)
}

impl Prompter for TtyPrompter {
    fn say(&mut self, text: &str) {
        let _ = self.term.write_line(&sanitize(text));
    }

    fn next(&mut self, questions: bool) -> Result<Event> {
        let prompt = if questions { "?/answer" } else { "answer" };
        let (term, theme) = (&self.term, &self.theme);
        Ok(self
            .lines
            .next_event(questions, || read_line(term, theme, prompt)))
    }

    fn draft(&self) -> String {
        self.lines.draft()
    }

    fn set_draft(&mut self, text: String) {
        if !text.is_empty() {
            let _ = self.term.write_line(&sanitize(&text));
        }
        self.lines.set(text);
    }

    fn pick(&mut self, prompt: &str, items: &[String]) -> Result<Option<usize>> {
        Ok(FuzzySelect::with_theme(&self.theme)
            .with_prompt(prompt)
            .items(items)
            .default(0)
            .interact_on_opt(&self.term)
            .ok()
            .flatten())
    }

    fn checklist(&mut self, prompt: &str, items: &[String], ticked: &[bool]) -> Result<Vec<usize>> {
        let checked: Vec<(String, bool)> = items
            .iter()
            .cloned()
            .zip(ticked.iter().copied().chain(std::iter::repeat(false)))
            .collect();
        let keep: Vec<usize> = (0..items.len())
            .filter(|i| ticked.get(*i).copied().unwrap_or(false))
            .collect();
        Ok(MultiSelect::with_theme(&self.theme)
            .with_prompt(format!("{prompt} (space ticks, enter confirms)"))
            .items_checked(&checked)
            .interact_on_opt(&self.term)
            .ok()
            .flatten()
            .unwrap_or(keep))
    }

    fn line(&mut self, prompt: &str) -> Result<Option<String>> {
        Ok(self.read_line(prompt))
    }

    fn key(&mut self, prompt: &str) -> Result<Option<String>> {
        let _ = self.term.write_str(&format!("{} ", sanitize(prompt)));
        // Raw mode swallows Ctrl-C: it ends the program here as it would
        // anywhere else (everything rated so far is saved).
        let key = match self.term.read_key() {
            Ok(Key::Char(c)) => c.to_string(),
            Ok(Key::CtrlC) => return Err(crate::Error::Interrupted),
            Ok(Key::Enter | Key::Escape) => String::new(),
            Ok(_) => "?".to_string(),
            Err(_) => return Ok(None),
        };
        let _ = self.term.write_line(&key);
        Ok(Some(key))
    }
}
