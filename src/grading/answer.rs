//! Reading a Markdown answer: optional YAML front matter, level-2 headings
//! mapped to steps, or one free-form text.

use crate::framework::StepId;
use serde::Deserialize;

/// A written answer split into steps.
#[derive(Debug, Clone, Default)]
pub struct Answer {
    /// Problem named in the front matter, if any.
    pub problem: Option<String>,
    /// Text per step in interview order (empty when the step is absent).
    pub steps: [String; 7],
    /// No heading mapped to a step: the whole text is graded against every step.
    pub free_form: bool,
}

impl Answer {
    /// Builds an answer from step texts (sessions and transcripts).
    pub fn from_steps(problem: Option<String>, steps: [String; 7]) -> Answer {
        Answer {
            problem,
            steps,
            free_form: false,
        }
    }

    /// Text of one step.
    pub fn step(&self, id: StepId) -> &str {
        &self.steps[id.index()]
    }

    /// Total words over all steps.
    pub fn word_count(&self) -> usize {
        self.steps
            .iter()
            .map(|s| s.split_whitespace().count())
            .sum()
    }
}

#[derive(Deserialize)]
struct FrontMatter {
    problem: Option<String>,
}

/// Maps a heading to a step: "1. Understand Requirements", "Clarifying
/// questions", "Back-of-the-envelope", "Bottlenecks & Trade-offs", ...
pub fn step_for_heading(heading: &str) -> Option<StepId> {
    let h: String = heading
        .to_lowercase()
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect();
    let words: Vec<&str> = h.split_whitespace().collect();
    let joined = format!(" {} ", words.join(" "));
    let has = |needle: &str| joined.contains(&format!(" {needle}"));
    let any = |needles: &[&str]| needles.iter().any(|n| has(n));
    if any(&[
        "non functional",
        "nonfunctional",
        "nfr",
        "quality attribute",
        "scale and performance",
        "consistency",
        "availability",
        "latency",
        "reliability",
        "performance requirement",
        "how well",
        "besides features",
        "qualities",
    ]) {
        Some(StepId::NonFunctional)
    } else if any(&[
        "functional",
        "features",
        "use case",
        "scope",
        "core requirement",
        "must do",
        "has to do",
        "what it does",
        "what we re building",
        "goals",
    ]) {
        Some(StepId::Functional)
    } else if any(&[
        "estimat",
        "envelope",
        "capacity",
        "calculation",
        "back of",
        "numbers",
        "math",
        "traffic",
        "storage and bandwidth",
        "sizing",
    ]) {
        Some(StepId::Estimation)
    } else if any(&[
        "deep dive",
        "deepdive",
        "detailed design",
        "design deep",
        "details",
        "detail",
        "deep",
        "closer look",
        "zoom in",
    ]) {
        Some(StepId::DeepDive)
    } else if any(&[
        "bottleneck",
        "trade off",
        "tradeoff",
        "trade offs",
        "scaling",
        "scale the",
        "scale out",
        "failure",
        "wrap up",
        "identify and address",
        "weak spot",
        "what breaks",
        "things break",
        "could hurt",
        "strain",
        "risks",
        "resilience",
    ]) {
        Some(StepId::Bottlenecks)
    } else if any(&[
        "high level",
        "highlevel",
        "architecture",
        "overall design",
        "components",
        "api",
        "data model",
        "database schema",
        "schema",
        "database design",
        "overall shape",
        "main pieces",
        "main parts",
        "big picture",
    ]) {
        Some(StepId::HighLevel)
    } else if any(&[
        "requirement",
        "clarif",
        "question",
        "understand",
        "assumption",
        "constraints",
        "pin down",
        "before designing",
        "asked first",
    ]) {
        Some(StepId::Requirements)
    } else {
        None
    }
}

/// Fewer distinct steps than this under headings: the headings are the
/// author's own outline, so the document is graded free-form.
pub const MIN_MAPPED_STEPS: usize = 4;

/// A Markdown heading of level 1 to 3: (level, text).
fn heading(line: &str) -> Option<(usize, &str)> {
    let level = line.bytes().take_while(|b| *b == b'#').count();
    let rest = line.get(level..)?;
    ((1..=3).contains(&level) && rest.starts_with(' ')).then(|| (level, rest.trim()))
}

/// Splits off `---` front matter; returns (problem, body).
fn front_matter(text: &str) -> (Option<String>, &str) {
    let Some(rest) = text
        .strip_prefix("---\n")
        .or_else(|| text.strip_prefix("---\r\n"))
    else {
        return (None, text);
    };
    let end = rest
        .find("\n---\n")
        .or_else(|| rest.find("\n---\r\n"))
        .map(|i| (i, 5));
    let end = end.or_else(|| rest.strip_suffix("\n---").map(|r| (r.len(), 4)));
    match end {
        Some((i, skip)) => {
            let yaml = &rest[..i];
            let body = rest.get(i + skip..).unwrap_or("");
            let fm: Option<FrontMatter> = serde_yaml::from_str(yaml).ok();
            (fm.and_then(|f| f.problem), body)
        }
        None => (None, text),
    }
}

/// The number a heading starts with ("3. How well it must do it": 3).
fn heading_number(h: &str) -> Option<usize> {
    let digits: String = h.chars().take_while(char::is_ascii_digit).collect();
    let rest = h.get(digits.len()..)?;
    (!digits.is_empty() && rest.starts_with(['.', ')', ' ', ':']))
        .then(|| digits.parse().ok())
        .flatten()
}

/// When the headings number the seven steps 1 to 7 in order, the number
/// says which step a heading in the author's own words is.
fn numbered_outline(body: &str) -> bool {
    let numbers: Vec<usize> = body
        .lines()
        .filter_map(heading)
        .filter_map(|(_, h)| heading_number(h))
        .collect();
    numbers == (1..=StepId::ALL.len()).collect::<Vec<_>>()
}

/// Parses a Markdown answer. Headings of level 1 to 3 that name a step start
/// that step; other headings stay inside the step before them. In an outline
/// numbered 1 to 7, a heading's number names its step when its words do not.
pub fn parse_answer(text: &str) -> Answer {
    let (problem, body) = front_matter(text);
    let numbered = numbered_outline(body);
    let mut sections: Vec<(Option<StepId>, String)> = vec![(None, String::new())];
    let mut in_code = false;
    for line in body.split_inclusive('\n') {
        if line.trim_start().starts_with("```") {
            in_code = !in_code;
        }
        if !in_code {
            if let Some((_, h)) = heading(line) {
                let by_number = || {
                    heading_number(h)
                        .filter(|_| numbered)
                        .and_then(|n| StepId::ALL.get(n.wrapping_sub(1)).copied())
                };
                if let Some(step) = step_for_heading(h).or_else(by_number) {
                    sections.push((Some(step), String::new()));
                    continue;
                }
            }
        }
        if let Some(last) = sections.last_mut() {
            last.1.push_str(line);
        }
    }
    let mut mapped: Vec<StepId> = sections.iter().filter_map(|(s, _)| *s).collect();
    mapped.sort();
    mapped.dedup();
    let mut answer = Answer {
        problem,
        ..Answer::default()
    };
    if mapped.len() < MIN_MAPPED_STEPS {
        answer.free_form = true;
        for slot in answer.steps.iter_mut() {
            *slot = body.to_string();
        }
        return answer;
    }
    // Text before the first step heading goes with the first step.
    let mut current = StepId::Requirements;
    for (step, text) in sections {
        if let Some(s) = step {
            current = s;
        }
        let slot = &mut answer.steps[current.index()];
        if !slot.is_empty() && !text.trim().is_empty() {
            slot.push('\n');
        }
        slot.push_str(&text);
    }
    answer
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_map_tolerantly() {
        let cases = [
            ("1. Understand Requirements", Some(StepId::Requirements)),
            ("Clarifying questions", Some(StepId::Requirements)),
            ("2. Functional Requirements", Some(StepId::Functional)),
            (
                "3. Non-Functional Requirements",
                Some(StepId::NonFunctional),
            ),
            ("Back-of-the-envelope", Some(StepId::Estimation)),
            ("Estimation", Some(StepId::Estimation)),
            ("Capacity estimates", Some(StepId::Estimation)),
            ("5. High-Level Design", Some(StepId::HighLevel)),
            ("Architecture", Some(StepId::HighLevel)),
            ("6. Deep Dive", Some(StepId::DeepDive)),
            ("Bottlenecks & Trade-offs", Some(StepId::Bottlenecks)),
            ("Tradeoffs", Some(StepId::Bottlenecks)),
            ("Appendix", None),
        ];
        for (h, want) in cases {
            assert_eq!(step_for_heading(h), want, "{h}");
        }
    }

    #[test]
    fn front_matter_names_the_problem() {
        let a = parse_answer("---\nproblem: twitter\n---\n## Requirements\nq\n## Functional\nf\n## High-level design\nh\n## Estimation\n1B / 86400 = 11,574\n");
        assert_eq!(a.problem.as_deref(), Some("twitter"));
        assert!(a.step(StepId::Estimation).contains("11,574"));
        assert!(!a.free_form);
    }

    #[test]
    fn free_form_documents_grade_as_one_text() {
        let a = parse_answer("# My design\n\nWe shard by user id.\n\n## Appendix\nmore\n");
        assert!(a.free_form);
        assert!(a.steps.iter().all(|s| s.contains("shard")));
    }

    #[test]
    fn unmapped_sections_join_the_previous_step() {
        let a = parse_answer("## Requirements\nr\n## Estimation\ne\n## Deep Dive\nalpha\n## Short codes\nbeta\n## Bottlenecks\ngamma\n");
        assert!(a.step(StepId::DeepDive).contains("beta"));
        assert!(a.step(StepId::Bottlenecks).contains("gamma"));
    }

    #[test]
    fn nested_headings_map_too() {
        let a = parse_answer(
            "# Design\n## Requirements\n### Functional requirements\nf\n### Non-functional requirements\nn\n## Estimation\ne\n## Detailed design\nd\n",
        );
        assert!(!a.free_form);
        assert!(a.step(StepId::Functional).contains('f'));
        assert!(a.step(StepId::NonFunctional).contains('n'));
        assert!(a.step(StepId::DeepDive).contains('d'));
    }

    #[test]
    fn an_outline_numbered_one_to_seven_names_its_steps() {
        let text = "## 1. Questions to pin down the problem\nq\n## 2. What it must do\nf\n## 3. How well\nn\n## 4. Rough figures\ne\n## 5. The shape of it\nh\n## 6. Playback up close\nd\n## 7. Where it bends\nb\n";
        let a = parse_answer(text);
        assert!(!a.free_form);
        for (i, want) in ["q", "f", "n", "e", "h", "d", "b"].iter().enumerate() {
            assert!(a.steps[i].contains(want), "step {i}: {:?}", a.steps[i]);
        }
        // Numbers that skip a step are no outline of the seven.
        let b = parse_answer("## 1. Intro\nx\n## 2. Storage\ny\n## 4. Misc\nz\n");
        assert!(b.free_form);
    }

    #[test]
    fn an_outline_of_the_authors_own_is_graded_free_form() {
        let a = parse_answer("## Overview\nx\n## Storage\ny\n## Deep dive\nz\n");
        assert!(a.free_form);
    }
}
