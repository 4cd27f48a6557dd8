//! The drill's output: a card as asked, its grade, the rating it got, the
//! end of a drill, `drill stats` and `drill sheet`.

use super::style::Style;
use super::view::{json_of, View};
use crate::drill::check::{Graded, Result as CheckResult};
use crate::drill::schedule::Next;
use crate::drill::stats::Stats;
use crate::drill::{Instance, Rating, Sheet};
use crate::estimation::EstimateVerdict;
use crate::framework::{one_line, plural};
use chrono::NaiveDate;
use std::fmt::Write;

/// A card as asked: its place in the drill, where it comes from, the
/// question and how to answer.
pub fn card_text(n: usize, of: usize, inst: &Instance, due: Option<NaiveDate>) -> String {
    let status = match due {
        Some(d) => format!("due {d}"),
        None => "new".to_string(),
    };
    format!(
        "\n── Card {n}/{of} · {} · {status} · {}\n{}\nAnswer with {}; end with a line holding only `.`.",
        inst.id, inst.context, inst.prompt, inst.how
    )
}

/// The grade of an answer: the verdict or the points, the worked
/// calculation, and the proposed rating with its reason.
pub fn graded_text(g: &Graded, st: Style) -> String {
    let mut out = String::new();
    match &g.result {
        CheckResult::Quantity {
            verdict, worked, ..
        } => {
            let word = match verdict {
                EstimateVerdict::Close => st.green("Close"),
                EstimateVerdict::OrderOfMagnitude => st.yellow("Order of magnitude"),
                _ => st.red("Off"),
            };
            let _ = writeln!(out, "{word}: {}", g.why);
            if let Some((first, rest)) = worked.split_first() {
                let _ = writeln!(out, "  Worked: {first}");
                for line in rest {
                    let _ = writeln!(out, "          {line}");
                }
            }
        }
        CheckResult::Points {
            score,
            matched,
            missed,
        } => {
            let _ = writeln!(out, "{}", st.score(*score, &g.why));
            for m in matched {
                let mark = if m.credit >= 0.99 {
                    st.green("✓")
                } else {
                    st.yellow("~")
                };
                let reason = if m.credit >= 0.99 {
                    ""
                } else {
                    " (say why for full credit)"
                };
                let _ = writeln!(
                    out,
                    "  {mark} {}: \"{}\"{reason}",
                    m.label,
                    one_line(&m.evidence)
                );
            }
            for m in missed {
                let _ = writeln!(out, "  {} {} — study \"{}\"", st.red("✗"), m.label, m.study);
            }
        }
    }
    let _ = write!(out, "Proposed rating: {}", st.bold(g.proposed.name()));
    out
}

/// The question after a grade: keep the proposal or give another, with
/// when each would bring the card back.
pub fn rating_prompt(proposed: Rating, outcomes: &[Next; 4], today: NaiveDate) -> String {
    let choices: Vec<String> = Rating::ALL
        .iter()
        .zip(outcomes)
        .map(|(r, n)| {
            format!(
                "{} {} {}",
                r.key(),
                r.name(),
                in_days((n.due - today).num_days())
            )
        })
        .collect();
    format!(
        "Rating: enter keeps {}, or press {}",
        proposed.name(),
        choices.join(" · ")
    )
}

/// "1d", "3w", "4mo": a short interval.
fn in_days(days: i64) -> String {
    match days {
        ..=13 => format!("{days}d"),
        14..=59 => format!("{}w", (days + 3) / 7),
        60..=729 => format!("{}mo", (days + 15) / 30),
        _ => format!("{}y", (days + 182) / 365),
    }
}

/// What a rating did to the card.
pub fn rated_text(rating: Rating, next: &Next, today: NaiveDate) -> String {
    let days = (next.due - today).num_days();
    format!(
        "{}: next on {} (in {days} {}).",
        rating.name(),
        next.due,
        plural(usize::try_from(days).unwrap_or(0), "day", "days")
    )
}

/// How a drill ended, for its last lines.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ending {
    /// Every planned card was asked.
    Done,
    /// `:quit`.
    Quit,
    /// The input ended.
    Eof,
    /// `--minutes` ran out.
    TimeUp,
    /// Nothing was due and no new cards were left today.
    Nothing,
}

/// The end of a drill: what was rated, what is left, where it is saved.
pub fn summary_text(
    ending: Ending,
    rated: &[Rating],
    skipped: usize,
    left: usize,
    saved_in: &str,
    next_due: Option<NaiveDate>,
) -> String {
    let mut out = String::new();
    if ending == Ending::Nothing {
        let _ = write!(
            out,
            "\nNothing to drill: no card is due and no new card is left for today."
        );
        if let Some(d) = next_due {
            let _ = write!(out, " Next card due on {d}.");
        }
        return out;
    }
    let lead = match ending {
        Ending::Done => "Drill done",
        Ending::Quit => "Drill stopped",
        Ending::Eof => "Input ended",
        Ending::TimeUp => "Time is up",
        Ending::Nothing => "Nothing to drill",
    };
    let counts: Vec<String> = Rating::ALL
        .iter()
        .map(|r| (r, rated.iter().filter(|x| *x == r).count()))
        .filter(|(_, n)| *n > 0)
        .map(|(r, n)| format!("{} {n}", r.name()))
        .collect();
    let _ = write!(
        out,
        "\n{lead}: {} {} rated",
        rated.len(),
        plural(rated.len(), "card", "cards")
    );
    if !counts.is_empty() {
        let _ = write!(out, " ({})", counts.join(", "));
    }
    if skipped > 0 {
        let _ = write!(out, ", {skipped} skipped");
    }
    if left > 0 {
        let _ = write!(out, ", {left} left for later");
    }
    let _ = write!(out, "; saved in {saved_in}.");
    if let Some(d) = next_due {
        let _ = write!(out, "\nNext card due on {d}.");
    }
    out
}

/// "N new cards from this session" and the command that drills them; empty
/// when there are none.
pub fn new_cards_line(n: usize, command: &str) -> String {
    if n == 0 {
        return String::new();
    }
    format!(
        "{n} new {} from this session: drill {} with `{command}`\n",
        plural(n, "card", "cards"),
        plural(n, "it", "them")
    )
}

/// `drill stats`.
pub struct StatsView<'a>(pub &'a Stats);

impl View for StatsView<'_> {
    fn what(&self) -> &'static str {
        "the drill statistics"
    }

    fn text(&self, st: Style) -> String {
        let s = self.0;
        let mut out = String::new();
        let _ = writeln!(out, "{}", st.bold(&format!("Drill on {}", s.today)));
        let _ = writeln!(
            out,
            "Due today {}, due this week {}",
            s.due_today, s.due_this_week
        );
        let retention = s
            .retention
            .map_or("no reviews of learnt cards yet".to_string(), |r| {
                format!("{:.0}%", r * 100.0)
            });
        let _ = writeln!(
            out,
            "Reviewed {} ({} today), retention {retention}, streak {} {}",
            s.reviewed,
            s.reviewed_today,
            s.streak,
            plural(s.streak as usize, "day", "days")
        );
        let _ = writeln!(
            out,
            "{:<12} {:>6} {:>9} {:>10}",
            "kind", "cards", "reviewed", "due today"
        );
        for k in &s.kinds {
            let _ = writeln!(
                out,
                "{:<12} {:>6} {:>9} {:>10}",
                k.kind.as_str(),
                k.cards,
                k.reviewed,
                k.due_today
            );
        }
        if s.unreadable_log_lines > 0 {
            let _ = writeln!(
                out,
                "({} unreadable {} of the review log skipped)",
                s.unreadable_log_lines,
                plural(s.unreadable_log_lines, "line", "lines")
            );
        }
        out
    }

    fn json(&self) -> Option<String> {
        json_of(self.0)
    }
}

/// `drill sheet`.
pub struct SheetView<'a>(pub &'a Sheet);

impl SheetView<'_> {
    fn heading(&self) -> String {
        let s = self.0;
        let problem = s
            .problem
            .as_deref()
            .map_or(String::new(), |p| format!(", problem {p}"));
        format!(
            "Drill worksheet {}: {} {} (kind {}{problem}, seed {})",
            s.date,
            s.cards.len(),
            plural(s.cards.len(), "card", "cards"),
            s.kind,
            s.seed
        )
    }
}

impl View for SheetView<'_> {
    fn what(&self) -> &'static str {
        "a worksheet"
    }

    fn text(&self, _: Style) -> String {
        let s = self.0;
        let mut out = format!("{}\n", self.heading());
        if s.cards.is_empty() {
            out.push_str("\nNo cards: nothing is due and no new cards are left today.\n");
            return out;
        }
        for (i, c) in s.cards.iter().enumerate() {
            let _ = write!(out, "\n{}. [{}] {}\n", i + 1, c.kind, c.context);
            for line in c.prompt.lines() {
                let _ = writeln!(out, "   {line}");
            }
            let _ = writeln!(out, "   (answer with {})", c.how);
        }
        out.push_str("\nAnswer key\n");
        for (i, c) in s.cards.iter().enumerate() {
            let _ = writeln!(out, "{}. {}", i + 1, c.answer);
            for w in &c.worked {
                let _ = writeln!(out, "   {w}");
            }
        }
        out
    }

    fn markdown(&self) -> Option<String> {
        let s = self.0;
        let mut out = format!("# {}\n\n", self.heading());
        if s.cards.is_empty() {
            out.push_str("No cards: nothing is due and no new cards are left today.\n");
            return Some(out);
        }
        out.push_str(
            "Answer each card in a few lines, or as a number with its unit. The key is at the end.\n",
        );
        for (i, c) in s.cards.iter().enumerate() {
            let _ = write!(out, "\n{}. **{}** · {}  \n", i + 1, c.kind, md(&c.context));
            let prompt: Vec<String> = c.prompt.lines().map(|l| md(l.trim())).collect();
            let _ = writeln!(out, "   {}  ", prompt.join("  \n   "));
            let _ = writeln!(out, "   *Answer with {}.*", md(&c.how));
        }
        out.push_str("\n---\n\n## Answer key\n\n");
        for (i, c) in s.cards.iter().enumerate() {
            let _ = writeln!(out, "{}. {}", i + 1, md(&c.answer));
            for w in &c.worked {
                let _ = writeln!(out, "   - {}", md(w));
            }
        }
        Some(out)
    }

    fn json(&self) -> Option<String> {
        json_of(self.0)
    }
}

/// Escapes what Markdown would read as formatting in data text.
fn md(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in one_line(s).chars() {
        if matches!(
            c,
            '*' | '_' | '`' | '[' | ']' | '<' | '>' | '#' | '|' | '\\'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}
