//! Terminal rendering of a reviewed session and of a comparison. Every
//! string that came from a transcript goes through `one_line`/`sanitize`.

use super::clock;
use super::grade_text::grade_text;
use super::style::{bar, Style};
use crate::framework::sanitize::one_line;
use crate::review::{Comparison, Review, SessionMeta};
use crate::transcript::PeerStep;
use crate::transcript::SessionInfo;
use std::fmt::Write;

/// Longest follow-up reply quoted in a review.
const REPLY: usize = 240;

/// `2026-11-27 10:00`.
pub fn when(meta: &SessionMeta) -> String {
    meta.started.format("%Y-%m-%d %H:%M").to_string()
}

/// `+5`, `-3`, `0`.
pub fn signed(d: i64) -> String {
    if d > 0 {
        format!("+{d}")
    } else {
        d.to_string()
    }
}

fn paint_delta(st: Style, d: i64, s: &str) -> String {
    match d {
        1.. => st.green(s),
        0 => s.to_string(),
        _ => st.red(s),
    }
}

/// Cuts a sanitised one-line text to `max` characters.
pub fn clip(text: &str, max: usize) -> String {
    let line = one_line(text);
    match line.char_indices().nth(max) {
        Some((i, _)) => format!("{}…", line[..i].trim_end()),
        None => line,
    }
}

/// The one-line description of a session: problem, mode, date, time used.
pub fn meta_line(m: &SessionMeta) -> String {
    format!(
        "{} · {} · {} · {} of {}:00 · {}",
        one_line(&m.problem),
        m.mode.as_str(),
        when(m),
        clock(m.duration_secs),
        m.minutes,
        if m.finished { "finished" } else { "unfinished" }
    )
}

/// What a peer step recorded, as `label: items` parts.
pub fn peer_step_parts(p: &PeerStep) -> Vec<(&'static str, String)> {
    let mut parts = Vec::new();
    for (label, list) in [
        ("ticked", &p.ticked),
        ("revealed", &p.revealed),
        ("flags", &p.flags),
    ] {
        if !list.is_empty() {
            parts.push((label, one_line(&list.join(", "))));
        }
    }
    if !p.notes.trim().is_empty() {
        parts.push(("notes", one_line(p.notes.trim())));
    }
    parts
}

fn rubric_block(out: &mut String, r: &Review, st: Style) {
    let Some(saved) = &r.saved else {
        if r.as_saved {
            let _ = writeln!(
                out,
                "No grade was stored with this session: showing today's rubric."
            );
        }
        return;
    };
    let graded = saved.graded_at.format("%Y-%m-%d");
    match &r.rubric_change {
        None => {
            let _ = writeln!(
                out,
                "Saved grade {}/100 ({}, {graded}) matches today's rubric.",
                saved.score,
                saved.band.as_str()
            );
        }
        Some(c) => {
            let (first, second) = if r.as_saved {
                (
                    format!(
                        "Saved grade {}/100 ({}, {graded})",
                        c.saved_score,
                        c.saved_band.as_str()
                    ),
                    format!(
                        "today's rubric gives {}/100 ({})",
                        c.today_score,
                        c.today_band.as_str()
                    ),
                )
            } else {
                (
                    format!(
                        "Today's rubric gives {}/100 ({})",
                        c.today_score,
                        c.today_band.as_str()
                    ),
                    format!(
                        "the grade saved on {graded} was {}/100 ({})",
                        c.saved_score,
                        c.saved_band.as_str()
                    ),
                )
            };
            let _ = writeln!(
                out,
                "{}",
                st.yellow(&format!("{first}; {second}: the rubric has changed since."))
            );
            if !c.steps.is_empty() {
                let _ = writeln!(out, "  {:<34} {:>5} {:>5}", "step", "saved", "today");
                for s in &c.steps {
                    let _ = writeln!(
                        out,
                        "  {:<34} {:>5} {:>5}",
                        s.step.info().title,
                        s.saved,
                        s.today
                    );
                }
            }
        }
    }
    if r.as_saved {
        let _ = writeln!(out, "\nSaved step scores");
        for (id, score) in &saved.steps {
            let _ = writeln!(
                out,
                "  {:<34} {score:>3} {}",
                id.info().title,
                st.score(*score, &bar(*score, 20))
            );
        }
        let _ = writeln!(out, "\nThe evidence below comes from today's rubric.");
    }
}

fn peer_block(out: &mut String, r: &Review, st: Style) {
    let Some(peer) = &r.peer else { return };
    let _ = writeln!(out, "\n{}", st.bold("Interviewer's record (peer session)"));
    let s = &peer.session;
    if let Some(c) = &s.candidate {
        let _ = writeln!(out, "  Candidate: {}", one_line(c));
    }
    if let Some(b) = s.recommendation {
        let (_, computed) = r.headline();
        let _ = writeln!(
            out,
            "  Recommendation: {} (the {} says {})",
            st.bold(b.as_str()),
            if r.scorecard().is_some() {
                "checklist"
            } else {
                "grade"
            },
            computed.as_str()
        );
    }
    for rating in &s.ratings {
        let score = u32::from(rating.score.min(4));
        let _ = writeln!(
            out,
            "  {:<22} {}/4 {}  {}",
            one_line(&rating.dimension),
            rating.score,
            st.score(score * 25, &bar(score * 25, 8)),
            one_line(&rating.why)
        );
    }
    if !s.notes.trim().is_empty() {
        let _ = writeln!(out, "  Notes: {}", one_line(s.notes.trim()));
    }
    for (step, p) in &peer.steps {
        let _ = writeln!(out, "  {}", st.bold(step.info().title));
        for (label, text) in peer_step_parts(p) {
            let _ = writeln!(out, "    {label}: {text}");
        }
    }
    if let Some(card) = &peer.scorecard {
        let _ = writeln!(out);
        out.push_str(&super::scorecard_text(card, st));
    }
}

/// The review report for a terminal.
pub fn review_text(r: &Review, st: Style) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{}",
        st.bold(&format!("Review of {}", one_line(&r.session.file)))
    );
    let _ = writeln!(out, "{}", st.dim(&meta_line(&r.session)));
    if !r.session.finished {
        let _ = writeln!(
            out,
            "Unfinished session: graded on the steps answered so far."
        );
    }
    rubric_block(&mut out, r, st);
    let _ = writeln!(out);
    let info = SessionInfo {
        timing: r.timing.clone(),
        transcript: None,
    };
    out.push_str(&grade_text(&r.grade, Some(&info), st));

    if !r.questions.is_empty() {
        let _ = writeln!(
            out,
            "\n{} ({})",
            st.bold("Clarifying questions"),
            r.questions.len()
        );
        for q in &r.questions {
            let _ = writeln!(out, "  ? {}", one_line(&q.question));
            let _ = writeln!(out, "    {}", st.dim(&clip(&q.answer, REPLY)));
        }
    }
    if !r.probes.is_empty() {
        let _ = writeln!(out, "\n{}", st.bold("Follow-up questions"));
        for sp in &r.probes {
            for p in &sp.probes {
                let _ = writeln!(out, "  {}: {}", sp.step.info().title, one_line(&p.ask));
                let reply = if p.reply.trim().is_empty() {
                    "(skipped)".to_string()
                } else {
                    clip(&p.reply, REPLY)
                };
                let _ = writeln!(out, "    {}", st.dim(&reply));
            }
        }
    }
    let _ = writeln!(out, "\n{} {}", st.bold("Hints used:"), r.hints_used());
    for h in &r.hints {
        for text in &h.hints {
            let _ = writeln!(out, "  {}: {}", h.step.info().title, clip(text, REPLY));
        }
    }
    peer_block(&mut out, r, st);
    out
}

/// Two attempts side by side for a terminal.
pub fn compare_text(c: &Comparison, st: Style) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{}",
        st.bold("Comparison (both graded with today's rubric)")
    );
    let _ = writeln!(
        out,
        "  A: {}  {}",
        one_line(&c.a.file),
        st.dim(&meta_line(&c.a))
    );
    let _ = writeln!(
        out,
        "  B: {}  {}",
        one_line(&c.b.file),
        st.dim(&meta_line(&c.b))
    );
    if !c.same_problem {
        let _ = writeln!(out, "Different problems: scores compared, topics not.");
    }
    let row = |out: &mut String, name: &str, a: u32, b: u32, d: i64| {
        let delta = paint_delta(st, d, &format!("{:>5}", signed(d)));
        let _ = writeln!(out, "  {name:<34} {a:>4} {b:>4} {delta}");
    };
    let _ = writeln!(out, "\n  {:<34} {:>4} {:>4} {:>5}", "", "A", "B", "Δ");
    row(&mut out, "Overall", c.score.a, c.score.b, c.score.delta);
    let _ = writeln!(
        out,
        "  {:<34} {} → {}",
        "band",
        c.band_a.as_str(),
        c.band_b.as_str()
    );
    let _ = writeln!(out, "\n  Steps");
    for (d, id) in c.steps.iter().zip(crate::framework::StepId::ALL) {
        row(&mut out, id.info().title, d.a, d.b, d.delta);
    }
    let _ = writeln!(out, "\n  Dimensions");
    for d in &c.dimensions {
        row(&mut out, &d.name, d.a, d.b, d.delta);
    }
    if c.same_problem {
        let _ = writeln!(
            out,
            "\n{} ({})",
            st.bold("Newly covered in B"),
            c.newly_covered.len()
        );
        for t in &c.newly_covered {
            let _ = writeln!(
                out,
                "  {} {}: {}: \"{}\"",
                st.green("+"),
                t.step.info().title,
                t.label,
                one_line(&t.evidence)
            );
        }
        let _ = writeln!(
            out,
            "\n{} ({})",
            st.bold("Newly missed in B"),
            c.newly_missed.len()
        );
        for t in &c.newly_missed {
            let _ = writeln!(
                out,
                "  {} {}: {} — study \"{}\"",
                st.red("-"),
                t.step.info().title,
                t.label,
                t.study
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clips_and_signs() {
        assert_eq!(clip("abc\u{1b}[2Jdef", 100), "abc␛[2Jdef");
        assert_eq!(clip("abcdef", 3), "abc…");
        assert_eq!(signed(5), "+5");
        assert_eq!(signed(-2), "-2");
        assert_eq!(signed(0), "0");
    }
}
