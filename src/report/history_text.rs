//! Terminal and Markdown rendering of the history: the sessions table,
//! sparklines of the scores, per-step averages and trends, weakest steps
//! and the topics missed most often.

use super::clock;
use super::review_text::signed;
use super::style::Style;
use crate::framework::plural;
use crate::framework::sanitize::one_line;
use crate::review::history::SessionSummary;
use crate::review::History;
use std::fmt::Write;

/// A sparkline of 0-100 values on an absolute scale, so that a line of
/// high bars means high scores, not just the best of a bad lot.
pub fn sparkline(values: &[u32]) -> String {
    const TICKS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];
    values
        .iter()
        .map(|&v| TICKS[(v.min(100) as usize * TICKS.len() / 101).min(TICKS.len() - 1)])
        .collect()
}

fn score_cell(s: &SessionSummary) -> (String, String) {
    match (s.score, s.band) {
        (Some(score), Some(band)) => (score.to_string(), band.as_str().to_string()),
        _ if !s.finished => ("—".into(), "unfinished".into()),
        _ => ("—".into(), "not graded".into()),
    }
}

fn counts(h: &History) -> String {
    let graded = h.sessions.iter().filter(|s| s.score.is_some()).count();
    let mut line = format!(
        "{} {} ({graded} graded, {} not)",
        h.sessions.len(),
        plural(h.sessions.len(), "session", "sessions"),
        h.sessions.len() - graded
    );
    if !h.skipped.is_empty() {
        let n = h.skipped.len();
        let _ = write!(
            line,
            ", {n} unreadable {} skipped",
            plural(n, "file", "files")
        );
    }
    line
}

/// Why the list is empty: no session at all, or none that passes the filter.
fn nothing_shown(h: &History) -> String {
    match h.filtered_out {
        0 => "No sessions yet: practise with `sdcoach practice PROBLEM`.".to_string(),
        n => format!(
            "No session matches the filter; {n} {} saved here: drop `--problem` or `--since` to see {}.",
            plural(n, "session is", "sessions are"),
            plural(n, "it", "them")
        ),
    }
}

fn average(v: Option<f64>) -> String {
    v.map_or_else(|| "—".into(), |a| format!("{a:.0}"))
}

/// The history for a terminal.
pub fn history_text(h: &History, folder: &str, st: Style) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{}",
        st.bold(&format!("History of {}: {}", one_line(folder), counts(h)))
    );
    if h.sessions.is_empty() {
        let _ = writeln!(out, "{}", nothing_shown(h));
        return out;
    }
    let _ = writeln!(
        out,
        "\n{:<16}  {:<14}  {:<4}  {:>8}  {:>5}  band",
        "date", "problem", "mode", "duration", "score"
    );
    for s in &h.sessions {
        let (score, band) = score_cell(s);
        let score = match s.score {
            Some(v) => st.score(v, &format!("{score:>5}")),
            None => format!("{score:>5}"),
        };
        let _ = writeln!(
            out,
            "{:<16}  {:<14}  {:<4}  {:>8}  {score}  {band}",
            s.started.format("%Y-%m-%d %H:%M"),
            one_line(&s.problem),
            s.mode.as_str(),
            clock(s.duration_secs),
        );
    }
    if h.scores.is_empty() {
        return out;
    }
    let trend = h.score_trend.map(signed).unwrap_or_else(|| "—".into());
    let _ = writeln!(
        out,
        "\n{} {}  latest {}, trend {trend}",
        st.bold("Overall"),
        sparkline(&h.scores),
        h.scores.last().copied().unwrap_or_default()
    );
    let _ = writeln!(
        out,
        "\n{:<34} {:>4} {:>6}  latest scores",
        "step", "avg", "trend"
    );
    for s in &h.steps {
        let trend = s.trend.map(signed).unwrap_or_else(|| "—".into());
        let _ = writeln!(
            out,
            "{:<34} {:>4} {:>6}  {}",
            s.title,
            average(s.average),
            trend,
            sparkline(&s.recent)
        );
    }
    if !h.weakest.is_empty() {
        let list: Vec<String> = h
            .weakest
            .iter()
            .filter_map(|id| h.steps.iter().find(|s| s.step == *id))
            .map(|s| format!("{} (avg {})", s.title, average(s.average)))
            .collect();
        let _ = writeln!(out, "\n{} {}", st.bold("Weakest steps:"), list.join(", "));
    }
    if !h.missed_topics.is_empty() {
        let _ = writeln!(
            out,
            "\n{} (in the latest {} graded session{})",
            st.bold("Most often missed"),
            h.topics_from,
            if h.topics_from == 1 { "" } else { "s" }
        );
        for m in &h.missed_topics {
            let _ = writeln!(
                out,
                "  {:>2}/{}  {}: {} — study \"{}\"",
                m.count,
                h.topics_from,
                m.step.info().title,
                m.label,
                m.study
            );
        }
    }
    out
}

/// A table cell: Markdown-escaped, `|` included.
fn cell(s: &str) -> String {
    crate::framework::sanitize::markdown_inline(s)
}

/// The history as Markdown.
pub fn history_markdown(h: &History, folder: &str) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# History of {}\n\n{}", cell(folder), counts(h));
    if h.sessions.is_empty() {
        let _ = writeln!(out, "\n{}", nothing_shown(h));
        return out;
    }
    let _ = writeln!(
        out,
        "\n| date | problem | mode | duration | score | band |\n|---|---|---|---:|---:|---|"
    );
    for s in &h.sessions {
        let (score, band) = score_cell(s);
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {score} | {band} |",
            s.started.format("%Y-%m-%d %H:%M"),
            cell(&s.problem),
            s.mode.as_str(),
            clock(s.duration_secs)
        );
    }
    if h.scores.is_empty() {
        return out;
    }
    let _ = writeln!(
        out,
        "\nOverall: `{}` trend {}\n\n| step | average | trend | latest |\n|---|---:|---:|---|",
        sparkline(&h.scores),
        h.score_trend.map(signed).unwrap_or_else(|| "—".into())
    );
    for s in &h.steps {
        let _ = writeln!(
            out,
            "| {} | {} | {} | `{}` |",
            s.title,
            average(s.average),
            s.trend.map(signed).unwrap_or_else(|| "—".into()),
            sparkline(&s.recent)
        );
    }
    if !h.missed_topics.is_empty() {
        let _ = writeln!(
            out,
            "\n## Most often missed (latest {} graded sessions)\n",
            h.topics_from
        );
        for m in &h.missed_topics {
            let _ = writeln!(
                out,
                "- {}/{} **{}** ({}) — study *{}*",
                m.count,
                h.topics_from,
                m.label,
                m.step.info().title,
                m.study
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::sparkline;

    #[test]
    fn sparkline_uses_an_absolute_scale() {
        assert_eq!(sparkline(&[0, 50, 100]), "▁▄█");
        assert_eq!(sparkline(&[]), "");
        assert_eq!(sparkline(&[200]), "█");
    }
}
