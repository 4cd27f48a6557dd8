//! `sdcoach lint`: every check a data file must pass beyond its schema, one
//! finding per line. It sits above `estimation` (units and formulas are
//! checked with the engine that reads them) and below everything that runs
//! sessions, so a session can refuse broken data before the first question.

use crate::catalog::{Catalog, Finding, Flag, Problem, SourceFile, Topic};
use crate::estimation::{eval_formula, parse_unit};
use crate::framework::StepId;
use std::collections::{HashMap, HashSet};

mod structure;

/// Collects findings for one file, locating items by searching its text.
struct Reporter<'a> {
    files: &'a [SourceFile],
    findings: Vec<Finding>,
}

impl Reporter<'_> {
    fn push(&mut self, rel: &str, needle: Option<&str>, message: String) {
        let file = self.files.iter().find(|f| f.rel == rel);
        let display = file.map_or_else(|| rel.to_string(), |f| f.display.clone());
        let line = match (file, needle) {
            (Some(f), Some(n)) => line_of(&f.text, n),
            _ => None,
        };
        self.findings.push(Finding {
            file: display,
            line,
            column: None,
            message,
        });
    }
}

/// 1-based line of the first `id: NEEDLE` (or the bare needle) in `text`.
fn line_of(text: &str, needle: &str) -> Option<usize> {
    let keyed = [
        format!("id: {needle}"),
        format!("id: \"{needle}\""),
        format!("id: '{needle}'"),
    ];
    for (i, line) in text.lines().enumerate() {
        let t = line.trim_start().trim_start_matches("- ");
        if keyed
            .iter()
            .any(|k| t == k.as_str() || t.starts_with(&format!("{k} ")))
        {
            return Some(i + 1);
        }
    }
    text.lines().position(|l| l.contains(needle)).map(|i| i + 1)
}

/// Parses and lints source files, collecting every finding.
pub fn lint_sources(files: &[SourceFile], origin: &str) -> (Catalog, Vec<Finding>) {
    let (catalog, mut findings) = Catalog::parse_sources(files, origin);
    findings.extend(lint(&catalog, files));
    (catalog, findings)
}

/// Checks everything a parsed catalog must satisfy beyond its schema.
pub fn lint(catalog: &Catalog, files: &[SourceFile]) -> Vec<Finding> {
    let mut r = Reporter {
        files,
        findings: Vec::new(),
    };
    let sections: HashSet<&str> = catalog.guide.sections.iter().map(String::as_str).collect();
    let question_ids: HashSet<&str> = catalog
        .questions
        .questions
        .iter()
        .map(|q| q.id.as_str())
        .collect();

    for p in &catalog.problems {
        let rel = format!("problems/{}.yaml", p.id);
        if !files.iter().any(|f| f.rel == rel) {
            r.push(
                &format!("problems/{}", p.id),
                None,
                format!(
                    "problem id `{}` does not match its file name: name the file `{rel}`",
                    p.id
                ),
            );
        }
        // A rubric file that failed to parse is already a finding: no cascade.
        let rubric_file = files
            .iter()
            .any(|f| f.rel == format!("rubrics/{}.yaml", p.id));
        if !catalog.rubrics.contains_key(&p.id) && !rubric_file {
            r.push(
                &rel,
                None,
                format!(
                    "problem `{}` has no rubric: add rubrics/{}.yaml",
                    p.id, p.id
                ),
            );
        }
        duplicates(&mut r, &rel, "fact", p.facts.iter().map(|f| f.id.as_str()));
        duplicates(
            &mut r,
            &rel,
            "assumption",
            p.assumptions.iter().map(|a| a.id.as_str()),
        );
        duplicates(
            &mut r,
            &rel,
            "estimate",
            p.estimates.iter().map(|e| e.id.as_str()),
        );
        for f in &p.facts {
            if f.asks.iter().all(|a| a.trim().is_empty()) {
                r.push(
                    &rel,
                    Some(&f.id),
                    format!(
                        "fact `{}` has no `asks`: add the ways a candidate asks for it",
                        f.id
                    ),
                );
            }
        }
        let mut vars = HashMap::new();
        for a in &p.assumptions {
            if a.unit.trim().is_empty() {
                r.push(
                    &rel,
                    Some(&a.id),
                    format!(
                        "assumption `{}` has no unit: add `unit:` (e.g. `users`, `/day`, `KB`)",
                        a.id
                    ),
                );
            }
            vars.insert(a.id.clone(), a.value);
        }
        for e in &p.estimates {
            if e.unit.trim().is_empty() {
                r.push(
                    &rel,
                    Some(&e.id),
                    format!(
                        "estimate `{}` has no unit: add `unit:` (e.g. `/s`, `TB/year`, `GB/s`)",
                        e.id
                    ),
                );
            } else if parse_unit(&e.unit).is_none() {
                r.push(&rel, Some(&e.id), format!("estimate `{}` has unit `{}` that cannot be read: use a size (`TB`), a noun (`users`) and/or a period (`/s`, `/day`)", e.id, e.unit));
            }
            if !(e.value.is_finite() && e.value > 0.0) {
                r.push(
                    &rel,
                    Some(&e.id),
                    format!(
                        "estimate `{}` has value {} : it must be a positive number",
                        e.id, e.value
                    ),
                );
            }
            if e.tolerance.is_some_and(|t| !(t > 1.0 && t.is_finite())) {
                r.push(
                    &rel,
                    Some(&e.id),
                    format!(
                        "estimate `{}` has tolerance {:?}: a factor above 1 (e.g. 2)",
                        e.id, e.tolerance
                    ),
                );
            }
            if e.cues.is_empty() {
                r.push(
                    &rel,
                    Some(&e.id),
                    format!(
                        "estimate `{}` has no `cues`: add the words that name it",
                        e.id
                    ),
                );
            }
            if let Some(formula) = &e.formula {
                match eval_formula(formula, &vars) {
                    Ok(v) if e.value > 0.0 && ((v - e.value) / e.value).abs() > 0.01 => r.push(
                        &rel,
                        Some(&e.id),
                        format!("estimate `{}`: formula `{formula}` gives {v}, not the value {}: fix one of them", e.id, e.value),
                    ),
                    Ok(_) => {}
                    Err(err) => r.push(&rel, Some(&e.id), format!("estimate `{}`: formula `{formula}`: {err}", e.id)),
                }
            }
        }
        for (step, probes) in &p.probes {
            check_step_id(&mut r, &rel, step, "probes");
            if !catalog.rubrics.contains_key(&p.id) {
                continue;
            }
            let topics: HashSet<&str> = catalog
                .rubrics
                .get(&p.id)
                .and_then(|rb| rb.steps.get(step))
                .map(|s| s.topics.iter().map(|t| t.id.as_str()).collect())
                .unwrap_or_default();
            for probe in probes {
                for t in &probe.topics {
                    if !topics.contains(t.as_str()) {
                        r.push(&rel, Some(t), format!("probe in `{step}` names topic `{t}`, which the rubric's `{step}` step lacks"));
                    }
                }
                if let Some(q) = &probe.question {
                    if !question_ids.contains(q.as_str()) {
                        r.push(&rel, Some(q), format!("probe in `{step}` names question `{q}`, which rubrics/questions.yaml lacks"));
                    }
                }
            }
        }
        for step in p.hints.keys() {
            check_step_id(&mut r, &rel, step, "hints");
        }
        check_ladders_and_curveballs(&mut r, &rel, p, catalog);
    }

    for rubric in catalog.rubrics.values() {
        let rel = format!("rubrics/{}.yaml", rubric.problem);
        let problem = catalog.problems.iter().find(|p| p.id == rubric.problem);
        let problem_file = files
            .iter()
            .any(|f| f.rel == format!("problems/{}.yaml", rubric.problem));
        if problem.is_none() && !problem_file {
            r.push(
                &rel,
                Some("problem:"),
                format!(
                    "rubric for `{}` has no problem: add problems/{}.yaml or fix `problem:`",
                    rubric.problem, rubric.problem
                ),
            );
        }
        let mut all_topics = Vec::new();
        for (step, sr) in &rubric.steps {
            check_step_id(&mut r, &rel, step, "steps");
            if sr.topics.is_empty() {
                r.push(
                    &rel,
                    Some(&format!("{step}:")),
                    format!("step `{step}` has no topics"),
                );
            }
            for t in &sr.topics {
                check_topic(&mut r, &rel, &format!("step `{step}` topic"), t, &sections);
                all_topics.push(t.id.as_str());
            }
        }
        for step in StepId::ALL {
            if !rubric.steps.contains_key(step.as_str()) {
                r.push(
                    &rel,
                    None,
                    format!(
                        "step `{step}` is missing: add `{step}:` with its topics under `steps:`"
                    ),
                );
            }
        }
        duplicates(&mut r, &rel, "topic", all_topics.into_iter());
        for flag in rubric.red_flags.iter().chain(&rubric.green_flags) {
            check_flag(&mut r, &rel, flag);
        }
        let flag_ids: HashSet<&str> = catalog
            .flags(rubric)
            .into_iter()
            .map(|(f, _)| f.id.as_str())
            .collect();
        structure::check_structure(&mut r, &rel, rubric, &flag_ids);
        for check in &rubric.estimates {
            if check.weight.is_nan() || check.weight <= 0.0 {
                r.push(
                    &rel,
                    Some(&check.id),
                    format!(
                        "estimate check `{}` has weight {}: weights must be positive",
                        check.id, check.weight
                    ),
                );
            }
            if let Some(p) = problem {
                if !p.estimates.iter().any(|e| e.id == check.id) {
                    r.push(
                        &rel,
                        Some(&check.id),
                        format!(
                            "estimate check `{}` names no estimate of problems/{}.yaml",
                            check.id, p.id
                        ),
                    );
                }
            }
        }
    }

    let common = "rubrics/common.yaml";
    for flag in catalog
        .common
        .red_flags
        .iter()
        .chain(&catalog.common.green_flags)
    {
        check_flag(&mut r, common, flag);
    }

    let bank = "rubrics/questions.yaml";
    duplicates(
        &mut r,
        bank,
        "question",
        catalog.questions.questions.iter().map(|q| q.id.as_str()),
    );
    for q in &catalog.questions.questions {
        if !sections.contains(q.study.as_str()) {
            r.push(bank, Some(&q.id), format!("question `{}` has study pointer `{}`, which is no section in rubrics/guide.yaml", q.id, q.study));
        }
        if q.points.is_empty() {
            r.push(
                bank,
                Some(&q.id),
                format!("question `{}` has no `points`", q.id),
            );
        }
        duplicates(
            &mut r,
            bank,
            &format!("point of `{}`", q.id),
            q.points.iter().map(|p| p.id.as_str()),
        );
        for p in &q.points {
            check_topic(
                &mut r,
                bank,
                &format!("question `{}` point", q.id),
                p,
                &sections,
            );
        }
    }
    check_grading_v2(&mut r, catalog);
    r.findings
}

/// Grading v2 data: candidate levels in `rubrics/common.yaml`, the concept
/// lexicon and the topics' references to it. Kept in one function so it
/// moves with the grading data, not with the rest of lint.
fn check_grading_v2(r: &mut Reporter, catalog: &Catalog) {
    let lexicon = "rubrics/concepts.yaml";
    let concepts = &catalog.concepts;
    duplicates(
        r,
        lexicon,
        "concept",
        concepts.concepts.iter().map(|c| c.id.as_str()),
    );
    for c in &concepts.concepts {
        if c.jargon.is_empty() && c.plain.is_empty() {
            r.push(
                lexicon,
                Some(&c.id),
                format!(
                    "concept `{}` has no jargon or plain forms: it can never match",
                    c.id
                ),
            );
        }
    }
    for s in &concepts.senses {
        for g in &s.not {
            let words: Vec<String> = g
                .to_lowercase()
                .split(|c: char| !c.is_alphanumeric() && c != '\'')
                .filter(|w| !w.is_empty())
                .map(str::to_string)
                .collect();
            if !words.iter().any(|w| *w == s.word.to_lowercase()) {
                r.push(
                    lexicon,
                    Some(g),
                    format!("sense guard `{g}` does not hold its word `{}`", s.word),
                );
            }
        }
    }
    let mut refs: Vec<(String, &str, &str)> = Vec::new();
    for (id, rubric) in &catalog.rubrics {
        for step in rubric.steps.values() {
            for t in &step.topics {
                refs.extend(
                    t.concepts
                        .iter()
                        .map(|c| (format!("rubrics/{id}.yaml"), t.id.as_str(), c.as_str())),
                );
            }
        }
    }
    for q in &catalog.questions.questions {
        for p in &q.points {
            refs.extend(p.concepts.iter().map(|c| {
                (
                    "rubrics/questions.yaml".to_string(),
                    p.id.as_str(),
                    c.as_str(),
                )
            }));
        }
    }
    for (rel, topic, concept) in refs {
        if concepts.concept(concept).is_none() {
            r.push(
                &rel,
                Some(topic),
                format!(
                    "topic `{topic}` names concept `{concept}`, which rubrics/concepts.yaml lacks"
                ),
            );
        }
    }
    let common = "rubrics/common.yaml";
    for (name, level) in &catalog.common.levels {
        if !matches!(name.as_str(), "new-grad" | "mid" | "senior") {
            r.push(
                common,
                Some(name),
                format!("level `{name}` is unknown: use new-grad, mid or senior"),
            );
        }
        let b = &level.bands;
        if !(b.strong_hire > b.hire && b.hire > b.lean_hire && b.lean_hire > b.lean_no_hire)
            || b.strong_hire > 100
        {
            r.push(
                common,
                Some(name),
                format!("level `{name}` band thresholds must fall from strong_hire to lean_no_hire, within 0-100"),
            );
        }
        for (step, w) in &level.step_weights {
            check_step_id(r, common, step, &format!("level `{name}` step_weights"));
            if !(w.is_finite() && *w >= 0.0) {
                r.push(
                    common,
                    Some(name),
                    format!(
                        "level `{name}` gives step `{step}` weight {w}: use a number of 0 or more"
                    ),
                );
            }
        }
    }
}

fn check_step_id(r: &mut Reporter, rel: &str, step: &str, field: &str) {
    if StepId::parse(step).is_none() {
        let near = crate::error::nearest(step, StepId::ALL.iter().map(|s| s.as_str()));
        r.push(
            rel,
            Some(&format!("{step}:")),
            format!(
                "unknown step id `{step}` in `{field}`{}",
                crate::error::did_you_mean(&near)
            ),
        );
    }
}

fn check_topic(r: &mut Reporter, rel: &str, what: &str, t: &Topic, sections: &HashSet<&str>) {
    if !(t.weight > 0.0 && t.weight.is_finite()) {
        r.push(
            rel,
            Some(&t.id),
            format!(
                "{what} `{}` has weight {}: weights must be positive",
                t.id, t.weight
            ),
        );
    }
    if t.phrases
        .iter()
        .chain(&t.synonyms)
        .all(|p| p.trim().is_empty())
        && t.patterns.is_empty()
    {
        r.push(
            rel,
            Some(&t.id),
            format!(
                "{what} `{}` has no phrases, synonyms or patterns: it can never match",
                t.id
            ),
        );
    }
    check_patterns(r, rel, &format!("{what} `{}`", t.id), &t.id, &t.patterns);
    if !sections.contains(t.study.as_str()) {
        r.push(
            rel,
            Some(&t.id),
            format!(
                "{what} `{}` has study pointer `{}`, which is no section in rubrics/guide.yaml",
                t.id, t.study
            ),
        );
    }
}

/// Three hint rungs per step, pointing at topics the step's rubric has;
/// curveballs with unique ids and topics that can match.
fn check_ladders_and_curveballs(r: &mut Reporter, rel: &str, p: &Problem, catalog: &Catalog) {
    let rubric = catalog.rubrics.get(&p.id);
    for step in StepId::ALL {
        let ladder = p.hints.get(step.as_str()).map_or(&[][..], Vec::as_slice);
        if ladder.len() != 3 {
            r.push(
                rel,
                Some("hints:"),
                format!(
                    "hints for `{step}` have {} rungs: write three (a nudge, a direction, a concrete pointer)",
                    ladder.len()
                ),
            );
        }
        let Some(steps) = rubric.map(|rb| &rb.steps) else {
            continue;
        };
        let topics: HashSet<&str> = steps
            .get(step.as_str())
            .map(|s| s.topics.iter().map(|t| t.id.as_str()).collect())
            .unwrap_or_default();
        for t in ladder.iter().flat_map(|h| &h.topics) {
            if !topics.contains(t.as_str()) {
                r.push(
                    rel,
                    Some(t),
                    format!("a hint in `{step}` names topic `{t}`, which the rubric's `{step}` step lacks"),
                );
            }
        }
    }
    duplicates(
        r,
        rel,
        "curveball",
        p.curveballs.iter().map(|c| c.id.as_str()),
    );
    for c in &p.curveballs {
        if c.topics.is_empty() {
            r.push(
                rel,
                Some(&c.id),
                format!(
                    "curveball `{}` has no topics: name what a good adaptation covers",
                    c.id
                ),
            );
        }
        for t in &c.topics {
            let what = format!("curveball `{}` topic `{}`", c.id, t.id);
            if !(t.weight > 0.0 && t.weight.is_finite()) {
                r.push(
                    rel,
                    Some(&t.id),
                    format!("{what} has weight {}: weights must be positive", t.weight),
                );
            }
            if t.phrases
                .iter()
                .chain(&t.synonyms)
                .all(|w| w.trim().is_empty())
                && t.patterns.is_empty()
            {
                r.push(
                    rel,
                    Some(&t.id),
                    format!("{what} has no phrases, synonyms or patterns: it can never match"),
                );
            }
            check_patterns(r, rel, &what, &t.id, &t.patterns);
        }
    }
}

/// One finding per pattern that does not compile, with the regex error's last line.
fn check_patterns(r: &mut Reporter, rel: &str, what: &str, id: &str, patterns: &[String]) {
    for pat in patterns {
        if let Err(e) = regex::Regex::new(pat) {
            let msg = e.to_string();
            let reason = msg.lines().last().unwrap_or("").trim();
            r.push(
                rel,
                Some(id),
                format!("{what} has an invalid regex `{pat}`: {reason}"),
            );
        }
    }
}

fn check_flag(r: &mut Reporter, rel: &str, flag: &Flag) {
    check_patterns(
        r,
        rel,
        &format!("flag `{}`", flag.id),
        &flag.id,
        &flag.patterns,
    );
    if flag.phrases.is_empty() && flag.patterns.is_empty() && flag.detector.is_none() {
        r.push(
            rel,
            Some(&flag.id),
            format!(
                "flag `{}` has no phrases, patterns or detector: it can never trigger",
                flag.id
            ),
        );
    }
    if !(flag.points >= 0.0 && flag.points.is_finite()) {
        r.push(
            rel,
            Some(&flag.id),
            format!(
                "flag `{}` has points {}: use a non-negative number",
                flag.id, flag.points
            ),
        );
    }
    for step in &flag.steps {
        check_step_id(r, rel, step, "steps");
    }
    for step in &flag.checklist {
        check_step_id(r, rel, step, "checklist");
    }
}

fn duplicates<'a>(r: &mut Reporter, rel: &str, what: &str, ids: impl Iterator<Item = &'a str>) {
    let mut seen = HashSet::new();
    for id in ids {
        if !seen.insert(id) {
            r.push(
                rel,
                Some(id),
                format!("duplicate {what} id `{id}`: ids must be unique"),
            );
        }
    }
}
