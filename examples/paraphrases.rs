//! Paraphrase probes: for each rubric topic, sentences a candidate might
//! write (in jargon, in plain words, as a worked figure) that must earn the
//! topic, and sentences that must not. Each sentence is graded alone under
//! its topic's step heading. The data is read from the working tree, so a
//! rubric edit needs no rebuild:
//! `cargo run --release --example paraphrases -- [problem]`.

use sdcoach::catalog::Catalog;
use sdcoach::framework::StepId;
use sdcoach::grading::{grade, parse_answer, Extras};
use serde::Deserialize;
use std::path::Path;

/// One probe: `says` must earn `topic`; `not` must not.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Probe {
    pub topic: String,
    #[serde(default)]
    pub says: Option<String>,
    #[serde(default)]
    pub not: Option<String>,
}

/// A probe that did not hold: (problem, topic, sentence, what went wrong).
pub type Miss = (String, String, String, String);

/// Runs every probe of `problems` against the rubrics under `data`;
/// returns the number of probes and the misses.
pub fn run(data: &Path, problems: &[String]) -> Result<(usize, Vec<Miss>), String> {
    let catalog = Catalog::from_dir(data).map_err(|e| e.to_string())?;
    let mut count = 0;
    let mut misses = Vec::new();
    for id in problems {
        let path = Path::new("tests/paraphrases").join(format!("{id}.yaml"));
        let text = std::fs::read_to_string(&path)
            .map_err(|e| format!("{}: {e} (every problem needs its probes)", path.display()))?;
        let probes: Vec<Probe> =
            serde_yaml::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))?;
        let rubric = catalog.rubric(id).map_err(|e| e.to_string())?;
        for p in probes {
            let step = rubric
                .steps
                .iter()
                .find(|(_, s)| s.topics.iter().any(|t| t.id == p.topic))
                .and_then(|(k, _)| StepId::parse(k))
                .ok_or_else(|| format!("{}: no topic {} in the rubric", path.display(), p.topic))?;
            for (sentence, wanted) in [(&p.says, true), (&p.not, false)] {
                let Some(sentence) = sentence else { continue };
                count += 1;
                let text = format!("## {}\n\n{sentence}\n", step.info().title);
                let g = grade(&catalog, id, &parse_answer(&text), &Extras::default())
                    .map_err(|e| e.to_string())?;
                let hit = g
                    .steps
                    .iter()
                    .flat_map(|s| &s.matched)
                    .any(|m| m.topic == p.topic);
                if hit != wanted {
                    let what = if wanted { "not credited" } else { "credited" };
                    misses.push((id.clone(), p.topic.clone(), sentence.clone(), what.into()));
                }
            }
        }
    }
    Ok((count, misses))
}

#[allow(dead_code)]
fn main() {
    let data = Path::new(".");
    let problems: Vec<String> = match std::env::args().nth(1) {
        Some(p) => vec![p],
        None => Catalog::from_dir(data).map(|c| c.ids()).unwrap_or_default(),
    };
    match run(data, &problems) {
        Ok((count, misses)) => {
            for (p, t, s, what) in &misses {
                println!("{p} {t}: {what}: {s}");
            }
            println!("{} of {count} probes hold", count - misses.len());
        }
        Err(e) => {
            eprintln!("error: {e}");
            std::process::exit(1);
        }
    }
}
