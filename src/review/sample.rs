//! Realistic generated transcripts for benchmarks and tests: answers built
//! from the problem's own facts, rubric topics and reference figures, with
//! reasons, bare lists and filler mixed the way real answers mix them. The
//! same `(catalog, n, seed)` always gives the same transcript.

use crate::catalog::Probe;
use crate::catalog::{Catalog, Problem};
use crate::framework::human;
use crate::framework::StepId;
use crate::transcript::{Exchange, Mode, ProbeReply, SavedGrade, Transcript};
use chrono::{DateTime, Duration, FixedOffset};
use std::fmt::Write;

/// A small deterministic generator (splitmix64): no dependency, stable
/// across platforms.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
    /// Uniform in [0, 1).
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> Option<&'a T> {
        (!items.is_empty()).then(|| &items[self.below(items.len())])
    }
}

const REASONS: [&str; 6] = [
    "because reads outnumber writes by far",
    "so that a single node failure does not take the service down",
    "because it keeps p99 latency low under peak load",
    "at the cost of some extra operational work",
    "instead of a single database, which would not keep up",
    "so that we can scale each part independently",
];

const FILLER: [&str; 8] = [
    "Let me think about this for a moment.",
    "I want to keep the first version simple and grow it later.",
    "This is the part I would discuss with the team before committing.",
    "We can revisit this once we see real traffic.",
    "I am not completely sure here, but this is my best guess.",
    "The main goal is a good experience for the typical user.",
    "Let me write this down step by step.",
    "I will come back to this in the deep dive.",
];

fn topic_sentences(
    out: &mut String,
    catalog: &Catalog,
    id: &str,
    step: StepId,
    skill: f64,
    rng: &mut Rng,
) {
    let Some(rubric) = catalog.rubrics.get(id) else {
        return;
    };
    let Some(topics) = rubric.steps.get(step.as_str()) else {
        return;
    };
    let mut listed = Vec::new();
    for t in &topics.topics {
        if !rng.chance(skill) {
            continue;
        }
        let phrases: Vec<&String> = t.phrases.iter().chain(&t.synonyms).collect();
        let Some(phrase) = rng.pick(&phrases) else {
            continue;
        };
        match rng.below(3) {
            0 if rng.chance(skill) => {
                let reason = rng.pick(&REASONS).copied().unwrap_or_default();
                let _ = writeln!(out, "We use {phrase} {reason}.");
            }
            1 => {
                let _ = writeln!(out, "There is also {phrase} to think about here.");
            }
            _ => listed.push(phrase.as_str()),
        }
        if rng.chance(0.3) {
            let _ = writeln!(out, "{}", rng.pick(&FILLER).copied().unwrap_or_default());
        }
    }
    for item in listed {
        let _ = writeln!(out, "- {item}");
    }
}

fn requirements(t: &mut Transcript, problem: &Problem, skill: f64, rng: &mut Rng) {
    let rec = t.step_mut(StepId::Requirements);
    for f in &problem.facts {
        if !rng.chance(skill) {
            continue;
        }
        let ask = rng.pick(&f.asks).cloned().unwrap_or_default();
        rec.questions.push(Exchange {
            question: format!("What about {ask}?"),
            answer: f.answer.trim().to_string(),
            fact: Some(f.id.clone()),
        });
        let _ = writeln!(
            rec.answer,
            "I'll assume what you said about {}.",
            f.topic.to_lowercase()
        );
    }
    if rng.chance(0.3) {
        rec.questions.push(Exchange {
            question: "Which cloud provider do we use?".into(),
            answer: "Your call: state an assumption and move on.".into(),
            fact: None,
        });
    }
}

fn estimation(out: &mut String, problem: &Problem, skill: f64, rng: &mut Rng) {
    for a in &problem.assumptions {
        if rng.chance(skill) {
            let _ = writeln!(out, "- {}: {} {}", a.label, human(a.value), a.unit);
        }
    }
    for e in &problem.estimates {
        if rng.chance(skill) {
            // Off by up to a factor of three either way, as real estimates are.
            let factor = 3f64.powf(rng.unit() * 2.0 - 1.0);
            let _ = writeln!(
                out,
                "- {}: about {} {}",
                e.label,
                human(e.value * factor),
                e.unit
            );
        }
    }
}

/// The `n`-th session of a generated practice series: a finished,
/// realistic transcript whose skill drifts upward with `n`. With `graded`,
/// the grade is computed and stored as a real session would store it
/// (about 10 ms per transcript).
pub fn sample_transcript(
    catalog: &Catalog,
    n: u64,
    seed: u64,
    graded: bool,
) -> crate::Result<Transcript> {
    let mut rng = Rng(seed ^ n.wrapping_mul(0x2545_f491_4f6c_dd1d));
    let problem = rng
        .pick(&catalog.problems)
        .ok_or_else(|| crate::Error::Usage("no problems in the catalogue".into()))?;
    let base: DateTime<FixedOffset> = DateTime::parse_from_rfc3339("2025-01-06T09:00:00+00:00")
        .map_err(|e| crate::Error::Usage(e.to_string()))?;
    let started = base + Duration::hours(2 * n as i64);
    let skill = (0.25 + 0.5 * ((n % 400) as f64 / 400.0) + 0.2 * rng.unit()).min(0.95);
    let mut t = Transcript::new(&problem.id, Mode::Solo, 55, true, rng.next(), started);
    requirements(&mut t, problem, skill, &mut rng);
    for step in StepId::ALL {
        let mut text = std::mem::take(&mut t.step_mut(step).answer);
        if step == StepId::Estimation {
            estimation(&mut text, problem, skill, &mut rng);
        }
        topic_sentences(&mut text, catalog, &problem.id, step, skill, &mut rng);
        let budget = t.budget_secs(step) as f64;
        let rec = t.step_mut(step);
        rec.answer = text.trim_end().to_string();
        rec.seconds = (budget * (0.5 + rng.unit())) as u64;
        rec.done = true;
        if rng.chance(0.15) {
            if let Some(h) = problem.hints.get(step.as_str()).and_then(|l| l.first()) {
                rec.hints.push(h.text.clone());
            }
        }
    }
    let probes = problem
        .probes
        .get(StepId::DeepDive.as_str())
        .map(Vec::as_slice)
        .unwrap_or(&[]);
    for p in Probe::choose(probes, t.seed) {
        let mut reply = String::new();
        topic_sentences(
            &mut reply,
            catalog,
            &problem.id,
            StepId::Bottlenecks,
            skill / 2.0,
            &mut rng,
        );
        t.step_mut(StepId::DeepDive).probes.push(ProbeReply {
            ask: p.ask.clone(),
            question: p.question.clone(),
            reply: reply.trim_end().to_string(),
        });
    }
    t.finished = true;
    t.updated = started + Duration::seconds(t.seconds() as i64);
    if graded {
        let g = super::regrade(catalog, &t)?;
        t.grade = Some(SavedGrade::from_grade(&g, t.updated));
    }
    Ok(t)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn samples_are_deterministic_and_look_real() {
        let catalog = Catalog::embedded().expect("catalog");
        let a = sample_transcript(&catalog, 7, 1, true).expect("sample");
        let b = sample_transcript(&catalog, 7, 1, true).expect("sample");
        assert_eq!(a, b);
        assert!(a.grade.is_some());
        let yaml = a.to_yaml();
        assert!(yaml.len() > 1500, "only {} bytes", yaml.len());
        let back = Transcript::from_yaml(&yaml, "x.yaml").expect("loads");
        assert_eq!(back, a);
        assert_ne!(
            sample_transcript(&catalog, 8, 1, false)
                .expect("sample")
                .started,
            a.started
        );
    }
}
