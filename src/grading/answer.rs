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
    if has("non functional")
        || has("nonfunctional")
        || has("nfr")
        || has("quality attribute")
        || has("scale and performance")
    {
        Some(StepId::NonFunctional)
    } else if has("functional")
        || has("features")
        || has("use case")
        || has("scope")
        || has("core requirement")
    {
        Some(StepId::Functional)
    } else if has("estimat")
        || has("envelope")
        || has("capacity")
        || has("calculation")
        || has("back of")
        || has("numbers")
        || has("math")
    {
        Some(StepId::Estimation)
    } else if has("high level")
        || has("highlevel")
        || has("architecture")
        || has("overall design")
        || has("system design")
        || has("components")
    {
        Some(StepId::HighLevel)
    } else if has("deep dive")
        || has("deepdive")
        || has("detailed design")
        || has("design deep")
        || has("details")
        || has("detail")
    {
        Some(StepId::DeepDive)
    } else if has("bottleneck")
        || has("trade off")
        || has("tradeoff")
        || has("trade offs")
        || has("scaling")
        || has("failure")
        || has("wrap up")
    {
        Some(StepId::Bottlenecks)
    } else if has("requirement")
        || has("clarif")
        || has("question")
        || has("understand")
        || has("assumption")
    {
        Some(StepId::Requirements)
    } else {
        None
    }
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

/// Parses a Markdown answer.
pub fn parse_answer(text: &str) -> Answer {
    let (problem, body) = front_matter(text);
    // Sections by level-2 heading; text before the first goes with the first.
    let mut sections: Vec<(Option<StepId>, String)> = vec![(None, String::new())];
    let mut in_code = false;
    for line in body.split_inclusive('\n') {
        if line.trim_start().starts_with("```") {
            in_code = !in_code;
        }
        if !in_code {
            if let Some(h) = line.strip_prefix("## ") {
                sections.push((step_for_heading(h), String::new()));
                continue;
            }
        }
        if let Some(last) = sections.last_mut() {
            last.1.push_str(line);
        }
    }
    let mapped = sections.iter().filter(|(s, _)| s.is_some()).count();
    let mut answer = Answer {
        problem,
        ..Answer::default()
    };
    if mapped == 0 {
        answer.free_form = true;
        for slot in answer.steps.iter_mut() {
            *slot = body.to_string();
        }
        return answer;
    }
    // An unmapped section belongs to the step before it (or the first step).
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
        let a = parse_answer("---\nproblem: twitter\n---\n## Estimation\n1B / 86400 = 11,574\n");
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
        let a = parse_answer("## Deep Dive\nalpha\n## Short codes\nbeta\n## Bottlenecks\ngamma\n");
        assert!(a.step(StepId::DeepDive).contains("beta"));
        assert!(a.step(StepId::Bottlenecks).contains("gamma"));
    }
}
