//! Plain-line prompter for piped stdin: `.` ends an answer, `?` asks, `:` commands.

use super::prompter::{Event, LineAssembler, Prompter};
use crate::framework::sanitize;
use crate::Result;
use std::io::{BufRead, Read, Write};

/// Longest line read: far beyond any answer typed or pasted.
pub const MAX_LINE_BYTES: u64 = 1024 * 1024;
/// Most input one session reads, so that `yes |` or `< /dev/zero` cannot
/// grow memory or the transcript without bound.
pub const MAX_INPUT_BYTES: u64 = 2 * 1024 * 1024;

/// Reads lines from any reader and writes to any writer.
pub struct LinePrompter<R: BufRead, W: Write> {
    input: Bounded<R>,
    output: W,
    lines: LineAssembler,
}

/// A reader that ends, with a reason, at an over-long line or when the
/// session has read too much.
struct Bounded<R> {
    input: R,
    read: u64,
    /// Why the input was cut short, once it was.
    cut: Option<String>,
}

impl<R: BufRead> Bounded<R> {
    /// One line of input; `None` at its end or past a bound.
    fn line(&mut self) -> Option<String> {
        if self.cut.is_some() {
            return None;
        }
        let mut buf = Vec::new();
        let n = match Read::take(&mut self.input, MAX_LINE_BYTES + 1).read_until(b'\n', &mut buf) {
            Ok(0) | Err(_) => return None,
            Ok(n) => n as u64,
        };
        self.read += n;
        if n > MAX_LINE_BYTES && buf.last() != Some(&b'\n') {
            self.cut = Some(format!(
                "a line of input is over the {MAX_LINE_BYTES}-byte limit"
            ));
            return None;
        }
        if self.read > MAX_INPUT_BYTES {
            self.cut = Some(format!(
                "the input is over the {MAX_INPUT_BYTES}-byte limit of a session"
            ));
            return None;
        }
        // Invalid UTF-8 is replaced rather than lost or fatal.
        Some(String::from_utf8_lossy(&buf).into_owned())
    }
}

impl<R: BufRead, W: Write> LinePrompter<R, W> {
    /// A prompter over a reader and a writer.
    pub fn new(input: R, output: W) -> Self {
        LinePrompter {
            input: Bounded {
                input,
                read: 0,
                cut: None,
            },
            output,
            lines: LineAssembler::default(),
        }
    }

    /// One line; past a bound, says so once and reads as the end of input.
    fn read_line(&mut self) -> Option<String> {
        let line = self.input.line();
        if line.is_none() {
            self.say_cut();
        }
        line
    }

    fn say_cut(&mut self) {
        if let Some(why) = self.input.cut.as_mut().map(std::mem::take) {
            if !why.is_empty() {
                self.say(&format!(
                    "{why}: treated as the end of input; the answer being typed is dropped."
                ));
            }
        }
    }
}

impl<R: BufRead, W: Write> Prompter for LinePrompter<R, W> {
    fn say(&mut self, text: &str) {
        let _ = writeln!(self.output, "{}", sanitize(text));
        let _ = self.output.flush();
    }

    fn next(&mut self, questions: bool) -> Result<Event> {
        let input = &mut self.input;
        let event = self.lines.next_event(questions, || input.line());
        if event == Event::Eof {
            self.say_cut();
        }
        Ok(event)
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_endless_line_or_input_ends_the_session_with_a_message() {
        let zeros = std::io::repeat(0).take(MAX_LINE_BYTES * 3);
        let mut out = Vec::new();
        let mut p = LinePrompter::new(std::io::BufReader::new(zeros), &mut out);
        assert_eq!(p.next(true).expect("reads"), Event::Eof);
        assert_eq!(p.next(true).expect("reads"), Event::Eof);
        let said = String::from_utf8_lossy(&out).into_owned();
        assert_eq!(said.matches("over the").count(), 1, "{said}");
        assert!(said.contains("1048576-byte limit"), "{said}");

        let input = "y\n".repeat(MAX_INPUT_BYTES as usize);
        let mut out = Vec::new();
        let mut p = LinePrompter::new(input.as_bytes(), &mut out);
        assert_eq!(p.next(true).expect("reads"), Event::Eof);
        let said = String::from_utf8_lossy(&out).into_owned();
        assert!(said.contains("limit of a session"), "{said}");
    }
}
