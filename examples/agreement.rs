//! How well the grade agrees with an interviewer, on answers the rubric
//! authors never saw. Run: `cargo run --release --example agreement [DIR]`
//! (DIR defaults to `tests/agreement`; it holds `answers/<problem>/<kind>.md`
//! and `labels/<problem>/<kind>.yaml`, described in its README).
//!
//! Prints exact and within-one band agreement per level, topic precision and
//! recall, false red and green flags, the plain-words vs jargon gap and the
//! ordering checks. `tests/agreement.rs` holds floors on the same figures.

use sdcoach::catalog::Catalog;
use sdcoach::grading::{grade_at, parse_answer, Band, Extras, Level};
use serde::Deserialize;
use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

/// One label file: what an interviewer says about one answer.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Label {
    pub problem: String,
    pub kind: String,
    /// Band per level (`new-grad`, `mid`, `senior`).
    #[serde(default)]
    pub band: BTreeMap<String, Band>,
    #[serde(default)]
    pub topics: Vec<String>,
    #[serde(default)]
    pub red_flags: Vec<String>,
    /// `None`: green flags were not labelled, so none is counted as false.
    #[serde(default)]
    pub green_flags: Option<Vec<String>>,
    /// Free text from the labeller; not used in the figures.
    #[serde(default)]
    pub notes: Option<String>,
}

/// What the grader said about one labelled answer.
#[derive(Debug)]
pub struct Item {
    pub problem: String,
    pub kind: String,
    pub label: Label,
    /// (level, score, band) per level.
    pub graded: Vec<(Level, u32, Band)>,
    pub topics: BTreeSet<String>,
    pub red: Vec<String>,
    /// Diagram anti-patterns raised: red flags of the rubric's `structure:`
    /// section, outside the label schema (framework-wide and problem
    /// flags), so shown apart and never counted as false.
    pub drawn: Vec<String>,
    pub green: Vec<String>,
    /// Flag id to the quote that raised it.
    pub evidence: BTreeMap<String, String>,
    /// Credited topic id to its quote.
    pub topic_evidence: BTreeMap<String, String>,
}

/// The figures over a whole agreement set.
#[derive(Debug, Default)]
pub struct Figures {
    pub items: usize,
    /// Per level: (compared, exact, within one).
    pub bands: BTreeMap<String, (usize, usize, usize)>,
    /// Per kind, at the default level: (compared, exact, within one).
    pub bands_by_kind: BTreeMap<String, (usize, usize, usize)>,
    pub topic_true_pos: usize,
    pub topic_credited: usize,
    pub topic_labelled: usize,
    /// Red flags raised that the label does not give: (problem/kind, id).
    pub false_red: Vec<(String, String)>,
    /// Red flags raised on answers labelled with no red flag at all.
    pub red_on_clean: usize,
    /// Red flags the label gives that were not raised.
    pub missed_red: Vec<(String, String)>,
    pub false_green: Vec<(String, String)>,
    /// Mean of (expert - plain-strong) score over problems with both.
    pub plain_gap: Option<f64>,
    /// Ordering checks that failed, and how many were made.
    pub order_failures: Vec<String>,
    pub order_checks: usize,
}

impl Figures {
    /// Topic precision: credited topics the label also gives.
    pub fn precision(&self) -> f64 {
        ratio(self.topic_true_pos, self.topic_credited)
    }
    /// Topic recall: labelled topics the grader credits.
    pub fn recall(&self) -> f64 {
        ratio(self.topic_true_pos, self.topic_labelled)
    }
    /// Exact and within-one shares at a level.
    pub fn band_shares(&self, level: &str) -> (f64, f64) {
        let (n, e, w) = self.bands.get(level).copied().unwrap_or_default();
        (ratio(e, n), ratio(w, n))
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        1.0
    } else {
        a as f64 / b as f64
    }
}

fn band_rank(b: Band) -> i32 {
    match b {
        Band::StrongHire => 4,
        Band::Hire => 3,
        Band::LeanHire => 2,
        Band::LeanNoHire => 1,
        Band::NoHire => 0,
    }
}

/// Reads and grades every answer that has a label.
pub fn load(catalog: &Catalog, dir: &Path) -> Result<Vec<Item>, String> {
    let labels = dir.join("labels");
    let mut items = Vec::new();
    let Ok(problems) = fs::read_dir(&labels) else {
        return Ok(items);
    };
    let mut problem_dirs: Vec<PathBuf> =
        problems.filter_map(|e| e.ok()).map(|e| e.path()).collect();
    problem_dirs.sort();
    for pdir in problem_dirs.iter().filter(|p| p.is_dir()) {
        let mut files: Vec<PathBuf> = fs::read_dir(pdir)
            .map_err(|e| format!("{}: {e}", pdir.display()))?
            .filter_map(|e| e.ok())
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "yaml"))
            .collect();
        files.sort();
        for file in files {
            let text = fs::read_to_string(&file).map_err(|e| format!("{}: {e}", file.display()))?;
            let label: Label =
                serde_yaml::from_str(&text).map_err(|e| format!("{}: {e}", file.display()))?;
            let answer_path = dir
                .join("answers")
                .join(&label.problem)
                .join(format!("{}.md", label.kind));
            let answer_text = fs::read_to_string(&answer_path)
                .map_err(|e| format!("{}: {e}", answer_path.display()))?;
            let answer = parse_answer(&answer_text);
            let mut graded = Vec::new();
            let mut last = None;
            for level in Level::ALL {
                let g = grade_at(catalog, &label.problem, &answer, &Extras::default(), level)
                    .map_err(|e| format!("{}: {e}", answer_path.display()))?;
                graded.push((level, g.score, g.band));
                last = Some(g);
            }
            let Some(g) = last else { continue };
            // Topics and flags do not depend on the level.
            let topics = g
                .steps
                .iter()
                .flat_map(|s| s.matched.iter().map(|m| m.topic.clone()))
                .collect();
            items.push(Item {
                problem: label.problem.clone(),
                kind: label.kind.clone(),
                graded,
                topics,
                evidence: g
                    .flags
                    .red
                    .iter()
                    .chain(&g.flags.green)
                    .map(|f| (f.id.clone(), f.evidence.clone()))
                    .collect(),
                topic_evidence: g
                    .steps
                    .iter()
                    .flat_map(|s| {
                        s.matched
                            .iter()
                            .map(|m| (m.topic.clone(), format!("[{:.2}] {}", m.credit, m.evidence)))
                    })
                    .collect(),
                red: g
                    .flags
                    .red
                    .iter()
                    .filter(|f| !is_drawn(catalog, &label.problem, &f.id))
                    .map(|f| f.id.clone())
                    .collect(),
                drawn: g
                    .flags
                    .red
                    .iter()
                    .filter(|f| is_drawn(catalog, &label.problem, &f.id))
                    .map(|f| f.id.clone())
                    .collect(),
                green: g.flags.green.iter().map(|f| f.id.clone()).collect(),
                label,
            });
        }
    }
    Ok(items)
}

/// Whether a red flag is one of the problem's diagram anti-patterns.
fn is_drawn(catalog: &Catalog, problem: &str, id: &str) -> bool {
    catalog
        .rubric(problem)
        .is_ok_and(|r| r.structure.anti_patterns.iter().any(|a| a.id == id))
}

/// The agreement figures over graded items.
pub fn measure(items: &[Item]) -> Figures {
    let mut f = Figures {
        items: items.len(),
        ..Figures::default()
    };
    for it in items {
        let name = format!("{}/{}", it.problem, it.kind);
        for (level, _, band) in &it.graded {
            if let Some(want) = it.label.band.get(level.as_str()) {
                let d = (band_rank(*band) - band_rank(*want)).abs();
                let e = f.bands.entry(level.as_str().to_string()).or_default();
                e.0 += 1;
                e.1 += usize::from(d == 0);
                e.2 += usize::from(d <= 1);
                if *level == Level::default() {
                    let k = f.bands_by_kind.entry(it.kind.clone()).or_default();
                    k.0 += 1;
                    k.1 += usize::from(d == 0);
                    k.2 += usize::from(d <= 1);
                }
            }
        }
        let labelled: BTreeSet<&str> = it.label.topics.iter().map(String::as_str).collect();
        f.topic_labelled += labelled.len();
        f.topic_credited += it.topics.len();
        f.topic_true_pos += it
            .topics
            .iter()
            .filter(|t| labelled.contains(t.as_str()))
            .count();
        for r in &it.red {
            if !it.label.red_flags.contains(r) {
                f.false_red.push((name.clone(), r.clone()));
                if it.label.red_flags.is_empty() {
                    f.red_on_clean += 1;
                }
            }
        }
        for r in &it.label.red_flags {
            if !it.red.contains(r) {
                f.missed_red.push((name.clone(), r.clone()));
            }
        }
        if let Some(greens) = &it.label.green_flags {
            for g in it.green.iter().filter(|g| !greens.contains(g)) {
                f.false_green.push((name.clone(), g.clone()));
            }
        }
    }
    // Ordering and the plain-words gap, per problem, at the default level.
    let score = |p: &str, k: &str| {
        items
            .iter()
            .find(|i| i.problem == p && i.kind == k)
            .and_then(|i| i.graded.iter().find(|g| g.0 == Level::default()))
            .map(|g| g.1)
    };
    let problems: BTreeSet<&str> = items.iter().map(|i| i.problem.as_str()).collect();
    let mut gaps = Vec::new();
    for p in &problems {
        if let (Some(plain), Some(expert)) = (score(p, "plain-strong"), score(p, "expert")) {
            gaps.push(f64::from(expert) - f64::from(plain));
        }
        let pairs = [
            ("plain-strong", "medium"),
            ("expert", "medium"),
            ("rejects", "medium"),
            ("medium", "weak"),
        ];
        for (hi, lo) in pairs {
            if let (Some(h), Some(l)) = (score(p, hi), score(p, lo)) {
                f.order_checks += 1;
                if h <= l {
                    f.order_failures.push(format!("{p}: {hi} {h} <= {lo} {l}"));
                }
            }
        }
    }
    // Plain-words strong above every medium answer of every problem.
    let max_medium = problems.iter().filter_map(|p| score(p, "medium")).max();
    if let Some(m) = max_medium {
        for p in &problems {
            if let Some(s) = score(p, "plain-strong") {
                f.order_checks += 1;
                if s <= m {
                    f.order_failures
                        .push(format!("{p}: plain-strong {s} <= the best medium {m}"));
                }
            }
        }
    }
    if !gaps.is_empty() {
        f.plain_gap = Some(gaps.iter().sum::<f64>() / gaps.len() as f64);
    }
    f
}

fn print(items: &[Item], f: &Figures, verbose: bool) {
    let quote = |a: &str, id: &str| {
        if !verbose {
            return String::new();
        }
        items
            .iter()
            .find(|i| format!("{}/{}", i.problem, i.kind) == a)
            .and_then(|i| i.evidence.get(id))
            .map(|e| format!(" — {e}"))
            .unwrap_or_default()
    };
    println!("| answer | level | score | band | label |");
    println!("|---|---|---:|---|---|");
    for it in items {
        for (level, score, band) in &it.graded {
            let want = it
                .label
                .band
                .get(level.as_str())
                .map_or("-", |b| b.as_str());
            println!(
                "| {}/{} | {} | {score} | {} | {want} |",
                it.problem,
                it.kind,
                level.as_str(),
                band.as_str()
            );
        }
    }
    println!();
    println!("labelled answers: {}", f.items);
    for (level, (n, e, w)) in &f.bands {
        println!(
            "band {level:>8}: exact {e}/{n} ({:.0}%), within one {w}/{n} ({:.0}%)",
            100.0 * ratio(*e, *n),
            100.0 * ratio(*w, *n)
        );
    }
    for (kind, (n, e, w)) in &f.bands_by_kind {
        println!("  {kind:>12} (new-grad): exact {e}/{n}, within one {w}/{n}");
    }
    println!(
        "topics: precision {:.2} ({} of {} credited), recall {:.2} ({} of {} labelled), false credit {:.2}",
        f.precision(),
        f.topic_true_pos,
        f.topic_credited,
        f.recall(),
        f.topic_true_pos,
        f.topic_labelled,
        1.0 - f.precision()
    );
    println!(
        "false red flags: {} ({} on answers labelled clean)",
        f.false_red.len(),
        f.red_on_clean
    );
    for (a, id) in &f.false_red {
        println!("  {a}: {id}{}", quote(a, id));
    }
    let drawn: Vec<String> = items
        .iter()
        .flat_map(|it| {
            it.drawn
                .iter()
                .map(move |id| format!("{}/{}: {id}", it.problem, it.kind))
        })
        .collect();
    println!(
        "diagram anti-patterns (outside the label schema): {}",
        drawn.len()
    );
    for line in &drawn {
        println!("  {line}");
    }
    println!("missed red flags: {}", f.missed_red.len());
    for (a, id) in &f.missed_red {
        println!("  {a}: {id}");
    }
    println!("false green flags: {}", f.false_green.len());
    for (a, id) in &f.false_green {
        println!("  {a}: {id}{}", quote(a, id));
    }
    if verbose {
        for it in items {
            let labelled: BTreeSet<&str> = it.label.topics.iter().map(String::as_str).collect();
            for (t, e) in &it.topic_evidence {
                if !labelled.contains(t.as_str()) {
                    println!("  false credit {}/{}: {t} — {e}", it.problem, it.kind);
                }
            }
            for t in labelled.iter().filter(|t| !it.topics.contains(**t)) {
                println!("  missed topic {}/{}: {t}", it.problem, it.kind);
            }
        }
    }
    match f.plain_gap {
        Some(g) => println!("plain-strong vs expert: expert {g:+.1} points on average"),
        None => println!("plain-strong vs expert: no problem has both"),
    }
    println!(
        "ordering: {} of {} checks hold",
        f.order_checks - f.order_failures.len(),
        f.order_checks
    );
    for o in &f.order_failures {
        println!("  {o}");
    }
}

#[allow(dead_code)]
fn main() {
    let dir = std::env::args()
        .nth(1)
        .map_or_else(|| PathBuf::from("tests/agreement"), PathBuf::from);
    let catalog = match Catalog::embedded() {
        Ok(c) => c,
        Err(e) => {
            eprintln!("error: {e}");
            std::process::exit(3);
        }
    };
    match load(&catalog, &dir) {
        Ok(items) if items.is_empty() => {
            println!("no labelled answers under {}", dir.display());
        }
        Ok(items) => print(
            &items,
            &measure(&items),
            std::env::var_os("AGREEMENT_VERBOSE").is_some(),
        ),
        Err(e) => {
            eprintln!("error: {e}");
            std::process::exit(1);
        }
    }
}
