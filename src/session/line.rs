//! Plain-line prompter for piped stdin: `.` ends an answer, `?` asks, `:` commands.

use super::prompter::{Event, LineAssembler, Prompter};
use crate::framework::sanitize;
use crate::Result;
use std::io::{BufRead, Write};

/// Reads lines from any reader and writes to any writer.
pub struct LinePrompter<R: BufRead, W: Write> {
    input: R,
    output: W,
    lines: LineAssembler,
}

impl<R: BufRead, W: Write> LinePrompter<R, W> {
    /// A prompter over a reader and a writer.
    pub fn new(input: R, output: W) -> Self {
        LinePrompter {
            input,
            output,
            lines: LineAssembler::default(),
        }
    }

    fn read_line(&mut self) -> Option<String> {
        read_line(&mut self.input)
    }
}

/// One line of input; `None` at its end.
fn read_line(input: &mut impl BufRead) -> Option<String> {
    let mut buf = Vec::new();
    match input.read_until(b'\n', &mut buf) {
        Ok(0) | Err(_) => None,
        // Invalid UTF-8 is replaced rather than lost or fatal.
        Ok(_) => Some(String::from_utf8_lossy(&buf).into_owned()),
    }
}

impl<R: BufRead, W: Write> Prompter for LinePrompter<R, W> {
    fn say(&mut self, text: &str) {
        let _ = writeln!(self.output, "{}", sanitize(text));
        let _ = self.output.flush();
    }

    fn next(&mut self, questions: bool) -> Result<Event> {
        let input = &mut self.input;
        Ok(self.lines.next_event(questions, || read_line(input)))
    }

    fn draft(&self) -> String {
        self.lines.draft()
    }

    fn set_draft(&mut self, text: String) {
        self.lines.set(text);
    }

    fn pick(&mut self, prompt: &str, items: &[String]) -> Result<Option<usize>> {
        self.say(prompt);
        for (i, item) in items.iter().enumerate() {
            self.say(&format!("  {}. {item}", i + 1));
        }
        let Some(line) = self.read_line() else {
            return Ok(None);
        };
        Ok(line
            .trim()
            .parse::<usize>()
            .ok()
            .filter(|n| (1..=items.len()).contains(n))
            .map(|n| n - 1))
    }

    fn checklist(&mut self, prompt: &str, items: &[String], ticked: &[bool]) -> Result<Vec<usize>> {
        self.say(&format!(
            "{prompt} (numbers separated by spaces; `.` keeps the marks shown)"
        ));
        for (i, item) in items.iter().enumerate() {
            let mark = if ticked.get(i).copied().unwrap_or(false) {
                "x"
            } else {
                " "
            };
            self.say(&format!("  [{mark}] {}. {item}", i + 1));
        }
        let keep: Vec<usize> = (0..items.len())
            .filter(|i| ticked.get(*i).copied().unwrap_or(false))
            .collect();
        let Some(line) = self.read_line() else {
            return Ok(keep);
        };
        let line = line.trim();
        if line == "." {
            return Ok(keep);
        }
        let mut out: Vec<usize> = line
            .split(|c: char| c == ',' || c.is_whitespace())
            .filter_map(|s| s.parse::<usize>().ok())
            .filter(|n| (1..=items.len()).contains(n))
            .map(|n| n - 1)
            .collect();
        out.sort_unstable();
        out.dedup();
        Ok(out)
    }

    fn line(&mut self, prompt: &str) -> Result<Option<String>> {
        // An empty prompt reads a bare line: piped output stays readable.
        if !prompt.is_empty() {
            self.say(prompt);
        }
        Ok(self
            .read_line()
            .map(|l| l.trim_end_matches(['\n', '\r']).to_string()))
    }
}
