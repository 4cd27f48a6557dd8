//! The shareable HTML report: one self-contained file (inline CSS and SVG,
//! no scripts, no external assets). Rendered with maud, which escapes every
//! interpolated value; transcript text is also sanitised first so control
//! characters never reach the page.

use super::review_text::{clip, meta_line, peer_step_parts, when};
use super::{clock, verdict_name};
use crate::estimation::EstimateVerdict;
use crate::framework::number::human;
use crate::framework::sanitize::{one_line, sanitize};
use crate::grading::{Grade, StepGrade};
use crate::review::compare::dimension_list;
use crate::review::Review;
use maud::{html, Markup, PreEscaped, DOCTYPE};

const CSS: &str = "
body{font:15px/1.5 system-ui,-apple-system,'Segoe UI',sans-serif;color:#1d2430;background:#fff;max-width:980px;margin:24px auto;padding:0 20px}
h1{font-size:26px;margin:0 0 4px}h2{font-size:19px;margin:28px 0 8px;border-bottom:1px solid #dde2ea;padding-bottom:4px}
h3{font-size:16px;margin:18px 0 6px}.meta{color:#5b6575}
.card{display:flex;gap:24px;align-items:center;margin:16px 0;padding:14px 18px;background:#f4f6fa;border-radius:10px}
.score{font-size:44px;font-weight:700}.band{font-size:18px;font-weight:600;text-transform:uppercase;letter-spacing:.04em}
.good{color:#1f7a3d}.fair{color:#a86400}.poor{color:#b3261e}
.note{background:#fff6e0;border-left:4px solid #e0a100;padding:8px 12px;margin:12px 0}
.charts{display:flex;flex-wrap:wrap;gap:24px;align-items:flex-start}
table{border-collapse:collapse;margin:8px 0}td,th{padding:4px 10px;border-bottom:1px solid #e6e9ef;text-align:left;vertical-align:top}
td.n,th.n{text-align:right}blockquote{margin:2px 0 6px 18px;color:#3b4656;font-style:italic}
ul{padding-left:20px}li{margin:3px 0}.miss{color:#b3261e}.hit{color:#1f7a3d}.muted{color:#6b7585}
.tbar{display:inline-block;height:10px;background:#4a78c2;border-radius:2px}.tbar.over{background:#d9822b}
footer{margin-top:36px;color:#8a93a3;font-size:13px}
.drawing{overflow-x:auto;border:1px solid #e6e9ef;border-radius:8px;padding:6px;margin:6px 0}.drawing svg{max-width:100%;height:auto}
";

fn class_of(score: u32) -> &'static str {
    match score {
        65.. => "good",
        40..=64 => "fair",
        _ => "poor",
    }
}

fn colour_of(score: u32) -> &'static str {
    match score {
        65.. => "#2e9e55",
        40..=64 => "#e0a100",
        _ => "#d2463b",
    }
}

/// Horizontal bars of the seven step scores.
fn steps_chart(steps: &[StepGrade]) -> Markup {
    let row = 30;
    let height = row * steps.len() + 10;
    html! {
        svg xmlns="http://www.w3.org/2000/svg" width="460" height=(height) viewBox={"0 0 460 " (height)} role="img" aria-label="Step scores" {
            @for (i, s) in steps.iter().enumerate() {
                @let y = i * row + 6;
                text x="0" y=(y + 15) font-size="13" fill="#1d2430" { (s.title) }
                rect x="235" y=(y) width="190" height="20" rx="3" fill="#e6e9ef" {}
                rect x="235" y=(y) width=(s.score.min(100) * 19 / 10) height="20" rx="3" fill=(colour_of(s.score)) {}
                text x="432" y=(y + 15) font-size="13" font-weight="600" fill="#1d2430" { (s.score) }
            }
        }
    }
}

/// The four dimensions as a radar chart (diamond) with the values marked.
fn dimensions_chart(g: &Grade) -> Markup {
    let (cx, cy, r) = (220.0_f64, 150.0_f64, 85.0_f64);
    let dims = dimension_list(&g.dimensions);
    // Up, right, down, left.
    let dirs = [(0.0, -1.0), (1.0, 0.0), (0.0, 1.0), (-1.0, 0.0)];
    let point = |i: usize, v: f64| {
        let (dx, dy) = dirs[i];
        format!("{:.1},{:.1}", cx + dx * r * v, cy + dy * r * v)
    };
    let ring = |v: f64| (0..4).map(|i| point(i, v)).collect::<Vec<_>>().join(" ");
    let shape = (0..4)
        .map(|i| point(i, f64::from(dims[i].1.min(100)) / 100.0))
        .collect::<Vec<_>>()
        .join(" ");
    let label_at = [
        (cx, cy - r - 12.0, "middle"),
        (cx + r + 8.0, cy + 4.0, "start"),
        (cx, cy + r + 22.0, "middle"),
        (cx - r - 8.0, cy + 4.0, "end"),
    ];
    html! {
        svg xmlns="http://www.w3.org/2000/svg" width="440" height="300" viewBox="0 0 440 300" role="img" aria-label="Dimensions" {
            @for v in [0.25, 0.5, 0.75, 1.0] {
                polygon points=(ring(v)) fill="none" stroke="#d5dae3" stroke-width="1" {}
            }
            line x1=(cx) y1=(cy - r) x2=(cx) y2=(cy + r) stroke="#d5dae3" {}
            line x1=(cx - r) y1=(cy) x2=(cx + r) y2=(cy) stroke="#d5dae3" {}
            polygon points=(shape) fill="#4a78c2" fill-opacity="0.35" stroke="#2f5da8" stroke-width="2" {}
            @for (i, (name, value)) in dims.iter().enumerate() {
                @let (x, y, anchor) = label_at[i];
                text x=(format!("{x:.0}")) y=(format!("{y:.0}")) font-size="12" text-anchor=(anchor) fill="#1d2430" {
                    (name) " " tspan font-weight="700" { (value) }
                }
            }
        }
    }
}

fn step_details(s: &StepGrade) -> Markup {
    html! {
        h3 { (s.title) " — " span class=(class_of(s.score)) { (s.score) "/100" } }
        ul {
            @for m in &s.matched {
                li.hit {
                    "✓ " strong { (m.label) }
                    @if m.credit < 0.5 { span.muted { " (listed only)" } }
                    @else if m.credit < 0.99 { span.muted { " (no reason given)" } }
                    blockquote { "“" (one_line(&m.evidence)) "”" }
                }
            }
            @for m in &s.to_study {
                li.miss { "✗ " strong { (m.label) } span.muted { " — study “" (m.study) "”" } }
            }
        }
    }
}

/// The diagram as read: the drawing, then every structure rule.
fn diagram(g: &Grade) -> Markup {
    use crate::diagram::CheckKind;
    html! {
        @if let Some(d) = &g.diagram {
            h3 { "Diagram as read " span.muted { "(" (d.nodes.len()) " boxes, " (d.edges.len()) " arrows)" } }
            @if !d.edges.is_empty() { div.drawing { (super::diagram_svg::diagram_svg(d, &g.structure)) } }
            ul {
                @for r in &g.structure {
                    @let (cls, mark) = match (r.ok, r.kind) {
                        (true, _) => ("hit", "✓ "),
                        (false, CheckKind::AntiPattern) => ("miss", "✗ "),
                        (false, _) => ("muted", "· "),
                    };
                    li class=(cls) {
                        (mark)
                        @if r.ok && r.kind == CheckKind::AntiPattern { "not drawn: " }
                        strong { (r.label) } ": " span.muted { (one_line(&r.evidence)) }
                    }
                }
                @for i in &d.issues {
                    li.fair { "! " (i.step.info().title) ", line " (i.line) ": " (one_line(&i.message)) }
                }
            }
        }
    }
}

fn estimates(g: &Grade) -> Markup {
    html! {
        @if !g.estimates.is_empty() {
            h2 { "Estimates" }
            table {
                tr { th { "quantity" } th.n { "yours" } th.n { "reference" } th { "verdict" } th { "worked" } }
                @for e in &g.estimates {
                    @let cls = match e.verdict { EstimateVerdict::Close => "good", EstimateVerdict::OrderOfMagnitude => "fair", _ => "poor" };
                    tr {
                        td { (e.label) }
                        td.n { (e.found.map(|v| format!("{} {}", human(v), e.unit)).unwrap_or_else(|| "—".into())) }
                        td.n { (human(e.reference)) " " (e.unit) }
                        td class=(cls) { (verdict_name(&e.verdict)) }
                        td.muted { (e.calculation) }
                    }
                }
            }
        }
        @let wrong: Vec<_> = g.arithmetic.iter().filter(|a| a.verdict == crate::estimation::ArithVerdict::Wrong).collect();
        @let unverified = g.arithmetic.iter().filter(|a| a.verdict == crate::estimation::ArithVerdict::Unverified).count();
        @if !g.arithmetic.is_empty() {
            p { "Arithmetic: " (g.arithmetic.len() - wrong.len() - unverified) "/" (g.arithmetic.len() - unverified) " lines check out" @if unverified > 0 { ", " (unverified) " not verified" } "." }
            ul { @for a in wrong { li.miss { "“" (one_line(&a.text)) "”: " (one_line(&a.explanation)) } } }
        }
    }
}

fn flags(g: &Grade) -> Markup {
    html! {
        @for (title, list, cls, sign) in [("Red flags", &g.flags.red, "miss", "−"), ("Green flags", &g.flags.green, "hit", "+")] {
            @if !list.is_empty() {
                h2 { (title) }
                ul {
                    @for f in list {
                        li class=(cls) {
                            strong { (f.label) } " (" (sign) (f.points) ")"
                            blockquote { "“" (one_line(&f.evidence)) "”" }
                            @if !f.advice.is_empty() { span.muted { "→ " (f.advice) } }
                        }
                    }
                }
            }
        }
    }
}

fn curveball(g: &Grade) -> Markup {
    html! {
        @if let Some(c) = &g.curveball {
            h2 { "Curveball — " (c.score) "/100" }
            p { "Interviewer: " (one_line(&c.say)) }
            ul {
                @for m in &c.matched {
                    li.hit { strong { (m.label) } blockquote { "“" (one_line(&m.evidence)) "”" } }
                }
                @for label in &c.missed { li.miss { (label) } }
            }
        }
    }
}

fn session_record(r: &Review) -> Markup {
    html! {
        h2 { "Time per step" }
        table {
            tr { th { "step" } th.n { "used" } th.n { "budget" } th { "" } }
            @for t in &r.timing {
                @let over = t.used_secs > t.budget_secs;
                @let scale = t.budget_secs.max(t.used_secs).max(1);
                tr {
                    td { (t.step.info().title) }
                    td.n class=[over.then_some("fair")] { (clock(t.used_secs)) }
                    td.n { (clock(t.budget_secs)) }
                    td { span class=(if over { "tbar over" } else { "tbar" }) style=(format!("width:{}px", t.used_secs * 160 / scale)) {} }
                }
            }
        }
        @if !r.questions.is_empty() {
            h2 { "Clarifying questions" }
            ul { @for q in &r.questions { li { strong { (one_line(&q.question)) } br; span.muted { (clip(&q.answer, 300)) } } } }
        }
        @if !r.probes.is_empty() {
            h2 { "Follow-up questions" }
            ul {
                @for sp in &r.probes { @for p in &sp.probes {
                    li { span.muted { (sp.step.info().title) ": " } strong { (one_line(&p.ask)) }
                        blockquote { @if p.reply.trim().is_empty() { "(skipped)" } @else { (clip(&p.reply, 400)) } } }
                } }
            }
        }
        h2 { "Hints used: " (r.hints_used()) }
        @if !r.hints.is_empty() {
            ul { @for h in &r.hints { @for text in &h.hints { li { span.muted { (h.step.info().title) ": " } (clip(text, 300)) } } } }
        }
    }
}

fn peer(r: &Review) -> Markup {
    html! {
        @if let Some(p) = &r.peer {
            h2 { "Interviewer's record" }
            @if let Some(c) = &p.session.candidate { p { "Candidate: " strong { (one_line(c)) } } }
            @if let Some(b) = p.session.recommendation { p { "Recommendation: " strong { (b.as_str()) } " (the grade says " (r.grade.band.as_str()) ")" } }
            @if !p.session.ratings.is_empty() {
                table {
                    tr { th { "dimension" } th.n { "rating" } th { "why" } }
                    @for rt in &p.session.ratings {
                        tr { td { (one_line(&rt.dimension)) } td.n { (rt.score) "/4" } td { (one_line(&rt.why)) } }
                    }
                }
            }
            @if !p.session.notes.trim().is_empty() { blockquote { (sanitize(p.session.notes.trim())) } }
            @for (step, ps) in &p.steps {
                h3 { (step.info().title) }
                ul { @for (label, text) in peer_step_parts(ps) { li { span.muted { (label) ": " } (text) } } }
            }
        }
    }
}

/// The review as one self-contained HTML page.
pub fn review_html(r: &Review) -> String {
    let g = &r.grade;
    let (score, band) = r.headline();
    let page = html! {
        (DOCTYPE)
        html lang="en" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (g.title) " — sdcoach review" }
                style { (PreEscaped(CSS)) }
            }
            body {
                h1 { (g.title) " — review" }
                p.meta { (meta_line(&r.session)) br; "File: " (one_line(&r.session.file)) }
                div.card {
                    div class={"score " (class_of(score))} { (score) "/100" }
                    div { div.band { (band.as_str().replace('_', " ")) }
                        div.muted { @if r.as_saved && r.saved.is_some() { "as saved" } @else { "graded with today's rubric" } } }
                }
                @if !r.session.finished { p.note { "Unfinished session: graded on the steps answered so far." } }
                @if let Some(c) = &r.rubric_change {
                    div.note {
                        "The rubric has changed since this session was saved: saved " strong { (c.saved_score) "/100 (" (c.saved_band.as_str()) ")" }
                        " on " (c.graded_at.format("%Y-%m-%d")) ", today " strong { (c.today_score) "/100 (" (c.today_band.as_str()) ")" } "."
                        @if !c.steps.is_empty() {
                            table { tr { th { "step" } th.n { "saved" } th.n { "today" } }
                                @for s in &c.steps { tr { td { (s.step.info().title) } td.n { (s.saved) } td.n { (s.today) } } } }
                        }
                    }
                }
                div.charts {
                    div { h2 { "Steps" } (steps_chart(&g.steps)) }
                    div { h2 { "Dimensions" } (dimensions_chart(g)) }
                }
                (session_record(r))
                h2 { "Evidence per step" }
                @for s in &g.steps {
                    (step_details(s))
                    @if s.id == crate::framework::StepId::HighLevel { (diagram(g)) }
                }
                (estimates(g))
                (curveball(g))
                (flags(g))
                @if let Some(next) = super::grade_text::study_next(g) { h2 { "Practise next" } p { (next) } }
                (peer(r))
                footer { "Generated by sdcoach from the session of " (when(&r.session)) ". Offline grading: every point quotes the answer." }
            }
        }
    };
    page.into_string()
}
