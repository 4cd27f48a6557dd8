//! Terminal prompter: dialoguer for line editing, pickers and checklists.

use super::prompter::{Event, LineAssembler, Prompter};
use crate::framework::sanitize;
use crate::Result;
use console::{measure_text_width, Key, Term};
use dialoguer::theme::ColorfulTheme;
use dialoguer::{FuzzySelect, MultiSelect};

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

/// What a key did to the line being edited.
#[derive(Debug, PartialEq, Eq)]
enum Edit {
    /// Keep reading (the line may have changed).
    More,
    /// Enter: the line is done.
    Done,
    /// Ctrl-D on an empty line: end of input, as on any terminal.
    End,
}

/// The line being typed and the cursor in it, in characters.
#[derive(Debug, Default)]
struct LineEdit {
    chars: Vec<char>,
    pos: usize,
}

impl LineEdit {
    /// Applies one key: insert, delete, move, Ctrl-U/K/W, Enter, Ctrl-D.
    fn apply(&mut self, key: Key) -> Edit {
        match key {
            Key::Enter => return Edit::Done,
            Key::Char('\u{4}') if self.chars.is_empty() => return Edit::End,
            Key::Char('\u{4}') | Key::Del if self.pos < self.chars.len() => {
                self.chars.remove(self.pos);
            }
            Key::Backspace if self.pos > 0 => {
                self.pos -= 1;
                self.chars.remove(self.pos);
            }
            Key::ArrowLeft => self.pos = self.pos.saturating_sub(1),
            Key::ArrowRight => self.pos = (self.pos + 1).min(self.chars.len()),
            Key::Home => self.pos = 0,
            Key::End => self.pos = self.chars.len(),
            // Ctrl-U: the line before the cursor; Ctrl-K: after it.
            Key::Char('\u{15}') => {
                self.chars.drain(..self.pos);
                self.pos = 0;
            }
            Key::Char('\u{b}') => self.chars.truncate(self.pos),
            // Ctrl-W: the word before the cursor.
            Key::Char('\u{17}') => {
                let end = self.pos;
                while self.pos > 0 && self.chars[self.pos - 1].is_whitespace() {
                    self.pos -= 1;
                }
                while self.pos > 0 && !self.chars[self.pos - 1].is_whitespace() {
                    self.pos -= 1;
                }
                self.chars.drain(self.pos..end);
            }
            Key::Tab => self.insert(' '),
            Key::Char(c) if !c.is_control() => self.insert(c),
            _ => {}
        }
        Edit::More
    }

    fn insert(&mut self, c: char) {
        self.chars.insert(self.pos, c);
        self.pos += 1;
    }

    fn text(&self) -> String {
        self.chars.iter().collect()
    }

    fn before_cursor(&self) -> String {
        self.chars[..self.pos].iter().collect()
    }
}

/// Draws the prompt and the line, wrapped over as many rows as it needs,
/// and puts the cursor in place; returns the cursor's row, counted from the
/// prompt's, for the next redraw.
fn draw(term: &Term, prompt: &str, edit: &LineEdit, cursor_row: usize) -> std::io::Result<usize> {
    let cols = usize::from(term.size().1).max(1);
    term.move_cursor_up(cursor_row)?;
    term.clear_to_end_of_screen()?;
    let shown = sanitize(&edit.text());
    term.write_str(&format!("{prompt}{shown}"))?;
    let end = measure_text_width(prompt) + measure_text_width(&shown);
    // At the right margin a terminal waits to wrap: wrap now, so the cursor
    // arithmetic below holds.
    if end > 0 && end % cols == 0 {
        term.write_str("\r\n")?;
    }
    let at = measure_text_width(prompt) + measure_text_width(&sanitize(&edit.before_cursor()));
    let (end_row, at_row) = (end / cols, at / cols);
    term.move_cursor_up(end_row - at_row)?;
    term.write_str("\r")?;
    term.move_cursor_right(at % cols)?;
    term.flush()?;
    Ok(at_row)
}

/// Reads one line with editing (arrows, Home/End, Backspace/Delete,
/// Ctrl-U/K/W); the line then stays on screen behind a gutter so the answer
/// so far remains visible. `None` at the end of input: Ctrl-D on an empty
/// line, or a terminal that is gone.
fn read_line(term: &Term, theme: &ColorfulTheme, prompt: &str) -> Option<String> {
    let prompt = format!(
        "{} {} ",
        theme.prompt_style.apply_to(prompt),
        theme.prompt_suffix
    );
    let mut edit = LineEdit::default();
    let mut row = draw(term, &prompt, &edit, 0).ok()?;
    let done = loop {
        let key = match term.read_key_raw() {
            // Ctrl-C, or a signal that interrupted the wait: the signal
            // thread ends the program; this one waits for it.
            Ok(Key::CtrlC) => {
                if !super::terminal::signalled() {
                    super::terminal::interrupt_self();
                }
                std::thread::sleep(std::time::Duration::from_millis(50));
                continue;
            }
            Ok(key) => key,
            Err(_) => break Edit::End,
        };
        match edit.apply(key) {
            Edit::More => row = draw(term, &prompt, &edit, row).ok()?,
            other => break other,
        }
    };
    let _ = term.move_cursor_up(row);
    let _ = term.clear_to_end_of_screen();
    if done == Edit::End {
        let _ = term.write_line("");
        return None;
    }
    let line = edit.text();
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
}

#[cfg(test)]
mod tests {
    use super::*;

    fn typed(keys: Vec<Key>) -> (LineEdit, Vec<Edit>) {
        let mut e = LineEdit::default();
        let outcomes = keys.into_iter().map(|k| e.apply(k)).collect();
        (e, outcomes)
    }

    #[test]
    fn ctrl_d_ends_input_on_an_empty_line_and_deletes_otherwise() {
        let (_, out) = typed(vec![Key::Char('\u{4}')]);
        assert_eq!(out, vec![Edit::End]);
        let (e, out) = typed(vec![
            Key::Char('a'),
            Key::Char('b'),
            Key::ArrowLeft,
            Key::Char('\u{4}'),
            Key::Enter,
        ]);
        assert_eq!(e.text(), "a");
        assert_eq!(out.last(), Some(&Edit::Done));
    }

    #[test]
    fn editing_keys_move_and_delete() {
        let mut keys: Vec<Key> = "cache the hot keys".chars().map(Key::Char).collect();
        keys.push(Key::Char('\u{17}')); // Ctrl-W: "keys"
        keys.extend([
            Key::Home,
            Key::Del,
            Key::Char('C'),
            Key::End,
            Key::Backspace,
        ]);
        let (e, _) = typed(keys);
        assert_eq!(e.text(), "Cache the hot");
        let (e, _) = typed(vec![
            Key::Char('x'),
            Key::Char('y'),
            Key::Home,
            Key::Char('\u{b}'),
        ]);
        assert_eq!(e.text(), "");
        let (e, _) = typed(vec![
            Key::Char('x'),
            Key::Char('\u{1b}'),
            Key::Char('\u{15}'),
        ]);
        assert_eq!(e.text(), "");
    }
}
