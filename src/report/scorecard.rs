//! The peer interview scorecard as it reads on a terminal; grading computes it.

use super::style::{bar, Style};
use crate::framework::sanitize::one_line;
use crate::grading::scorecard::{Scorecard, DISAGREEMENT};
use crate::grading::Band;
use std::fmt::Write;

fn list(out: &mut String, title: &str, items: &[String], none: &str, st: Style) {
    let _ = writeln!(out, "{}", st.bold(title));
    if items.is_empty() {
        let _ = writeln!(out, "  {}", st.dim(none));
    }
    for i in items {
        let _ = writeln!(out, "  - {}", one_line(i));
    }
}

/// The scorecard and feedback summary as terminal text.
pub fn scorecard_text(card: &Scorecard, st: Style) -> String {
    let mut out = String::new();
    let who = card
        .candidate
        .as_deref()
        .map(|c| format!(" — candidate: {}", one_line(c)))
        .unwrap_or_default();
    let _ = writeln!(
        out,
        "{}",
        st.bold(&format!(
            "Scorecard: {} ({}){who}",
            card.title, card.problem
        ))
    );

    let _ = writeln!(
        out,
        "\n{}",
        st.bold("Dimension               You        Checklist")
    );
    for d in &card.dimensions {
        let you = match (d.rating, d.rating_pct) {
            (Some(r), Some(p)) => format!("{r}/4 ({p:>3})"),
            _ => "—".to_string(),
        };
        let gap = d
            .rating_pct
            .map(|p| p.abs_diff(d.computed))
            .filter(|g| *g > DISAGREEMENT);
        let mark = gap.map_or(String::new(), |g| {
            st.yellow(&format!("  <- differs by {g} points"))
        });
        let _ = writeln!(
            out,
            "{:<23} {:<10} {} {:>3}{mark}",
            d.label,
            you,
            bar(d.computed, 10),
            d.computed
        );
        if !d.why.trim().is_empty() {
            let _ = writeln!(out, "  {}", st.dim(&format!("why: {}", one_line(&d.why))));
        }
    }
    let rec = card
        .recommendation
        .map_or("none given".to_string(), Band::words);
    let _ = writeln!(
        out,
        "\nYour recommendation: {}   Checklist: {} ({})",
        st.bold(&rec),
        st.score(card.computed, &format!("{}/100", card.computed)),
        card.computed_band.words()
    );

    let _ = writeln!(out, "\n{}", st.bold("Steps (topics ticked)"));
    for s in &card.steps {
        let extra = match (s.skipped, s.hints) {
            (true, _) => " (skipped)".to_string(),
            (false, 0) => String::new(),
            (false, 1) => " (1 hint)".to_string(),
            (false, n) => format!(" ({n} hints)"),
        };
        let _ = writeln!(
            out,
            "  {:<36} {:>2}/{:<2} {} {:>3}{extra}",
            s.title,
            s.ticked,
            s.total,
            bar(s.score, 10),
            s.score
        );
    }
    let _ = writeln!(
        out,
        "\nFacts revealed: {} of {}{}",
        card.facts_revealed,
        card.facts_total,
        if card.key_facts_missed.is_empty() {
            String::new()
        } else {
            format!(
                " (key facts never asked about: {})",
                card.key_facts_missed.join(", ")
            )
        }
    );
    let flags = |v: &[String]| {
        if v.is_empty() {
            "none".to_string()
        } else {
            v.join("; ")
        }
    };
    let _ = writeln!(out, "Red flags: {}", flags(&card.red_flags));
    let _ = writeln!(out, "Green flags: {}", flags(&card.green_flags));

    if !card.disagreements.is_empty() {
        let _ = writeln!(out);
        list(&mut out, "Look again", &card.disagreements, "", st);
    }

    let _ = writeln!(out, "\n{}", st.bold("Feedback"));
    let _ = writeln!(out, "{} {}", st.bold("Overall:"), one_line(&card.overall));
    list(&mut out, "Strengths:", &card.strengths, "none recorded", st);
    list(
        &mut out,
        "To improve:",
        &card.improvements,
        "none recorded",
        st,
    );
    let gaps: Vec<String> = card
        .gaps
        .iter()
        .map(|g| {
            format!(
                "{} ({}) — study \"{}\"",
                g.label,
                g.step.info().title,
                g.study
            )
        })
        .collect();
    list(
        &mut out,
        "Gaps to study:",
        &gaps,
        "none: every expected topic was ticked",
        st,
    );
    if !card.notes.trim().is_empty() {
        let _ = writeln!(out, "{} {}", st.bold("Notes:"), one_line(&card.notes));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bands_read_as_words() {
        assert_eq!(Band::LeanNoHire.words(), "lean no hire");
    }
}
