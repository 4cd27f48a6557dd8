//! Boxes and arrows: the candidate's diagram read from an answer and
//! checked against the rubric's `structure:` rules.
//!
//! - `mermaid`: the Mermaid flowchart subset in ```` ```mermaid ```` blocks;
//! - `arrows`: plain arrow lines (`Client -> LB -> API servers`);
//! - `model`: the graph both fill, its limits and the problems found;
//! - `concept`: what each box is (client, cache, database, ...);
//! - `check`: the structure rules (required boxes, required paths,
//!   anti-patterns) with the arrows that pass or break them.
//!
//! Nothing here panics on any input, and reading is linear in its length:
//! a line that cannot be read is reported with its number and skipped.
//! Layer: below `lint` (which validates `structure:` sections) and above
//! `estimation`; it imports only `catalog`, `framework` and `error`.

mod arrows;
pub mod check;
pub mod concept;
mod mermaid;
pub mod model;

pub use check::{check, CheckKind, CheckResult};
pub use concept::Concept;
pub use model::{Diagram, Direction, Edge, Issue, Node, Problem, Way};

use crate::framework::StepId;
use model::Builder;

/// Whether a fence line opens or closes a code block: (fence, info).
fn fence(line: &str) -> Option<(&str, &str)> {
    let t = line.trim_start();
    if line.len() - t.len() > 3 {
        return None;
    }
    for mark in ["```", "~~~"] {
        if t.starts_with(mark) {
            let run = t
                .chars()
                .take_while(|&c| c == mark.as_bytes()[0] as char)
                .count();
            return Some((&t[..run], t[run..].trim()));
        }
    }
    None
}

/// Reads every drawing in one text: Mermaid blocks and arrow lines.
fn read_text(text: &str, b: &mut Builder) {
    let lines: Vec<&str> = text.lines().collect();
    let mut i = 0;
    while i < lines.len() && !b.is_full() {
        let line = lines[i];
        let Some((mark, info)) = fence(line) else {
            arrows::read_line(line, i + 1, b);
            i += 1;
            continue;
        };
        let is_mermaid = info
            .split_whitespace()
            .next()
            .is_some_and(|w| w.eq_ignore_ascii_case("mermaid"));
        let start = i + 1;
        let close = (start..lines.len()).find(|&j| {
            fence(lines[j]).is_some_and(|(m, rest)| m.starts_with(mark) && rest.is_empty())
        });
        let end = close.unwrap_or(lines.len());
        if is_mermaid {
            if close.is_none() {
                b.issue(i + 1, Problem::UnclosedFence);
            }
            mermaid::read(&lines[start..end].join("\n"), start + 1, b);
        } else {
            // Arrow lines inside a plain code block are drawings too.
            for (j, l) in lines[start..end].iter().enumerate() {
                arrows::read_line(l, start + j + 1, b);
            }
        }
        i = end + 1;
    }
}

/// Reads the diagram of an answer from its step texts. Every step is read
/// (a drawing may sit under any heading); a free-form answer passes its one
/// text once.
pub fn read(steps: &[(StepId, &str)]) -> Diagram {
    let mut b = Builder::default();
    for (step, text) in steps {
        b.step = Some(*step);
        read_text(text, &mut b);
    }
    b.finish()
}

/// Reads the drawings of one text (written under the high-level heading).
pub fn read_one(text: &str) -> Diagram {
    read(&[(StepId::HighLevel, text)])
}

/// Whether a text holds a drawing (a Mermaid block or an arrow line).
pub fn has_drawing(text: &str) -> bool {
    !read_one(text).edges.is_empty()
}

/// What the interviewer says about drawing in the high-level step.
pub const HOW_TO_DRAW: &str = "I can read a diagram: a ```mermaid flowchart block (`c[Client] --> lb[Load balancer]`) or arrow lines (`Client -> Load balancer -> API servers -> Redis -> Postgres`). `:diagram` opens a Mermaid template in your editor.";

/// The template `:diagram` opens in the editor.
pub const TEMPLATE: &str = "```mermaid
flowchart LR
  %% Draw your design: one arrow per line, then save and close the editor.
  %% Boxes:  c[Client]  lb[Load balancer]  api[API servers]  cache[(Redis)]  db[(Postgres)]
  %% Arrows: c --> lb   api -- reads --> cache   api -->|writes| db   api -.-> q[Queue]
  %% Lines starting with %% are ignored.
```";

/// The text with `drawing` put in place of its last Mermaid block, or
/// added after it when it has none.
pub fn with_drawing(text: &str, drawing: &str) -> String {
    let drawing = drawing.trim_end();
    match mermaid_block(text) {
        Some(r) => format!("{}{drawing}{}", &text[..r.start], &text[r.end..]),
        None if text.trim().is_empty() => drawing.to_string(),
        None => format!("{}\n\n{drawing}", text.trim_end()),
    }
}

/// What `:diagram` opens: the last Mermaid block of the text, else the
/// template.
pub fn drawing_to_edit(text: &str) -> &str {
    mermaid_block(text).map_or(TEMPLATE, |r| &text[r])
}

/// The Mermaid block of a text that `:diagram` edits: its byte range, the
/// last block when there are several.
pub fn mermaid_block(text: &str) -> Option<std::ops::Range<usize>> {
    let mut found = None;
    let mut offset = 0;
    let mut open: Option<(usize, String)> = None;
    for line in text.split_inclusive('\n') {
        if let Some((mark, info)) = fence(line.trim_end_matches(['\n', '\r'])) {
            match &open {
                None if info.eq_ignore_ascii_case("mermaid") => {
                    open = Some((offset, mark.to_string()));
                }
                Some((start, m)) if mark.starts_with(m.as_str()) && info.is_empty() => {
                    let end = offset + line.trim_end_matches(['\n', '\r']).len();
                    found = Some(*start..end);
                    open = None;
                }
                _ => {}
            }
        }
        offset += line.len();
    }
    found
}

#[cfg(test)]
mod tests;
