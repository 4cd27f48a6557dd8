//! Markdown rendering of a reviewed session and of a comparison.

use super::grade_md::grade_markdown;
use super::review_text::{clip, meta_line, peer_step_parts, signed};
use crate::framework::sanitize::{markdown_inline as md, one_line};
use crate::review::{Comparison, Review};
use crate::transcript::SessionInfo;
use std::fmt::Write;

/// A table cell: Markdown-escaped, `|` included.
fn cell(s: &str) -> String {
    md(s)
}

/// The review report as Markdown.
pub fn review_markdown(r: &Review) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "_Review of `{}`: {}_\n",
        one_line(&r.session.file).replace('`', "'"),
        meta_line(&r.session)
    );
    if let Some(c) = &r.rubric_change {
        let _ = writeln!(
            out,
            "> The rubric has changed since this session was saved: saved {}/100 (`{}`), today {}/100 (`{}`).\n",
            c.saved_score,
            c.saved_band.as_str(),
            c.today_score,
            c.today_band.as_str()
        );
        if !c.steps.is_empty() {
            let _ = writeln!(out, "| step | saved | today |\n|---|---:|---:|");
            for s in &c.steps {
                let _ = writeln!(
                    out,
                    "| {} | {} | {} |",
                    s.step.info().title,
                    s.saved,
                    s.today
                );
            }
            let _ = writeln!(out);
        }
    }
    let info = SessionInfo {
        timing: r.timing.clone(),
        transcript: None,
    };
    out.push_str(&grade_markdown(&r.grade, Some(&info)));
    if !r.questions.is_empty() {
        let _ = writeln!(out, "\n## Clarifying questions\n");
        for q in &r.questions {
            let _ = writeln!(
                out,
                "- **{}** — {}",
                md(&q.question),
                md(&clip(&q.answer, 240))
            );
        }
    }
    if !r.probes.is_empty() {
        let _ = writeln!(out, "\n## Follow-up questions\n");
        for sp in &r.probes {
            for p in &sp.probes {
                let _ = writeln!(
                    out,
                    "- _{}_ **{}** — {}",
                    sp.step.info().title,
                    md(&p.ask),
                    md(&clip(&p.reply, 240))
                );
            }
        }
    }
    let _ = writeln!(out, "\n**Hints used:** {}", r.hints_used());
    for h in &r.hints {
        for text in &h.hints {
            let _ = writeln!(out, "- {}: {}", h.step.info().title, md(&clip(text, 240)));
        }
    }
    if let Some(peer) = &r.peer {
        let s = &peer.session;
        let _ = writeln!(out, "\n## Interviewer's record\n");
        if let Some(c) = &s.candidate {
            let _ = writeln!(out, "Candidate: {}  ", md(c));
        }
        if let Some(b) = s.recommendation {
            let _ = writeln!(out, "Recommendation: `{}`  ", b.as_str());
        }
        if !s.ratings.is_empty() {
            let _ = writeln!(out, "\n| dimension | rating | why |\n|---|---:|---|");
            for rt in &s.ratings {
                let _ = writeln!(
                    out,
                    "| {} | {}/4 | {} |",
                    cell(&rt.dimension),
                    rt.score,
                    cell(&rt.why)
                );
            }
        }
        if !s.notes.trim().is_empty() {
            let _ = writeln!(out, "\n> {}", md(s.notes.trim()));
        }
        for (step, p) in &peer.steps {
            let _ = writeln!(out, "\n**{}**\n", step.info().title);
            for (label, text) in peer_step_parts(p) {
                let _ = writeln!(out, "- {label}: {}", md(&text));
            }
        }
    }
    out
}

/// Two attempts side by side as Markdown.
pub fn compare_markdown(c: &Comparison) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# Comparison\n");
    let _ = writeln!(
        out,
        "- A: `{}` — {}",
        one_line(&c.a.file).replace('`', "'"),
        meta_line(&c.a)
    );
    let _ = writeln!(
        out,
        "- B: `{}` — {}",
        one_line(&c.b.file).replace('`', "'"),
        meta_line(&c.b)
    );
    let _ = writeln!(out, "\n| | A | B | Δ |\n|---|---:|---:|---:|");
    let _ = writeln!(
        out,
        "| **Overall** | {} | {} | {} |",
        c.score.a,
        c.score.b,
        signed(c.score.delta)
    );
    let _ = writeln!(
        out,
        "| band | `{}` | `{}` | |",
        c.band_a.as_str(),
        c.band_b.as_str()
    );
    for (d, id) in c.steps.iter().zip(crate::framework::StepId::ALL) {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} |",
            id.info().title,
            d.a,
            d.b,
            signed(d.delta)
        );
    }
    for d in &c.dimensions {
        let _ = writeln!(
            out,
            "| _{}_ | {} | {} | {} |",
            d.name,
            d.a,
            d.b,
            signed(d.delta)
        );
    }
    if !c.same_problem {
        let _ = writeln!(out, "\n_Different problems: scores compared, topics not._");
        return out;
    }
    let _ = writeln!(out, "\n## Newly covered in B\n");
    for t in &c.newly_covered {
        let _ = writeln!(
            out,
            "- ✓ {}: **{}** — “{}”",
            t.step.info().title,
            md(&t.label),
            md(&t.evidence)
        );
    }
    let _ = writeln!(out, "\n## Newly missed in B\n");
    for t in &c.newly_missed {
        let _ = writeln!(
            out,
            "- ✗ {}: **{}** — study *{}*",
            t.step.info().title,
            md(&t.label),
            md(&t.study)
        );
    }
    out
}
