//! Problem and rubric types and their loading (embedded or from a folder).

pub mod concepts;
pub mod depth;
mod finding;
mod load;
pub mod problem;
pub mod rubric;

pub use concepts::{Concept, Lexicon, Sense};
pub use finding::Finding;
pub use load::{decode_text, read_text, SourceFile, MAX_DATA_FILE_BYTES};
pub use problem::{Assumption, Curveball, Difficulty, Estimate, Fact, Hint, Probe, Problem};
pub use rubric::{
    AntiPattern, BandThresholds, Common, ComponentRule, Detector, EstimateCheck, Flag, GuideIndex,
    LevelRubric, PathRule, Question, QuestionBank, Rubric, StepRubric, Structure, Topic,
};

use crate::error::{nearest, Error, Result};
use std::collections::BTreeMap;
use std::path::Path;

/// All problems, rubrics, common flags, the question bank and the guide index.
#[derive(Debug, Clone, Default)]
pub struct Catalog {
    pub problems: Vec<Problem>,
    pub rubrics: BTreeMap<String, Rubric>,
    pub common: Common,
    pub questions: QuestionBank,
    pub guide: GuideIndex,
    /// The shared concept lexicon (`rubrics/concepts.yaml`).
    pub concepts: Lexicon,
    /// Where the files came from: `built-in` or the folder given.
    pub origin: String,
}

impl Catalog {
    /// The data compiled into the binary. Fails only if the shipped data is
    /// broken, which `sdcoach lint` and the tests rule out.
    pub fn embedded() -> Result<Catalog> {
        Self::strict(load::embedded_refs(), "built-in")
    }

    /// The built-in data that grading a written answer to `problem` reads:
    /// the shared files and the problem's own two, about a sixth of the data,
    /// so `sdcoach grade` parses no other problem. The question bank stays
    /// empty: no follow-up is graded from a file. An id with no files of its
    /// own gets the whole catalog, where it is reported with the nearest ids.
    pub fn embedded_for(problem: &str) -> Result<Catalog> {
        let own = [
            format!("problems/{problem}.yaml"),
            format!("rubrics/{problem}.yaml"),
        ];
        let is_own = |rel: &str| own.iter().any(|o| o == rel);
        if load::embedded_refs().filter(|f| is_own(f.rel)).count() < own.len() {
            return Self::embedded();
        }
        let files = load::embedded_refs().filter(|f| {
            is_own(f.rel) || (load::SHARED.contains(&f.rel) && f.rel != "rubrics/questions.yaml")
        });
        Self::strict(files, "built-in")
    }

    /// The problems alone, for listing and showing them: from the folder
    /// when given (all of it, as [`Catalog::open`]), else the built-in
    /// problems and shared files without the rubrics and the question bank,
    /// under half the data.
    pub fn open_problems(dir: Option<&Path>) -> Result<Catalog> {
        if let Some(d) = dir {
            return Self::from_dir(d);
        }
        let files = load::embedded_refs().filter(|f| {
            f.rel.starts_with("problems/")
                || (load::SHARED.contains(&f.rel) && f.rel != "rubrics/questions.yaml")
        });
        Self::strict(files, "built-in")
    }

    /// Loads `DIR/problems/*.yaml` and `DIR/rubrics/*.yaml`; `common.yaml`,
    /// `questions.yaml` and `guide.yaml` fall back to the built-in ones.
    pub fn from_dir(dir: &Path) -> Result<Catalog> {
        let files = load::dir_sources(dir)?;
        Self::strict(
            files.iter().map(load::FileRef::from),
            &dir.display().to_string(),
        )
    }

    /// The folder when given, else the built-in data.
    pub fn open(dir: Option<&Path>) -> Result<Catalog> {
        match dir {
            Some(d) => Self::from_dir(d),
            None => Self::embedded(),
        }
    }

    fn strict<'a>(
        files: impl IntoIterator<Item = load::FileRef<'a>>,
        origin: &str,
    ) -> Result<Catalog> {
        let (catalog, findings) = load::parse_all(files, origin);
        if let Some(first) = findings.into_iter().next() {
            return Err(first.into_error());
        }
        Ok(catalog)
    }

    /// Parses source files, collecting every schema finding instead of
    /// stopping at the first (`lint` adds its own checks on top).
    pub fn parse_sources(files: &[SourceFile], origin: &str) -> (Catalog, Vec<Finding>) {
        load::parse_all(files.iter().map(load::FileRef::from), origin)
    }

    /// Every red and green flag of a rubric (common ones first), each with
    /// `true` when it is green.
    pub fn flags<'a>(&'a self, rubric: &'a Rubric) -> Vec<(&'a Flag, bool)> {
        let red = self.common.red_flags.iter().chain(&rubric.red_flags);
        let green = self.common.green_flags.iter().chain(&rubric.green_flags);
        red.map(|f| (f, false))
            .chain(green.map(|f| (f, true)))
            .collect()
    }

    /// A problem by id, or an error suggesting the nearest ids.
    pub fn problem(&self, id: &str) -> Result<&Problem> {
        self.problems
            .iter()
            .find(|p| p.id == id)
            .ok_or_else(|| Error::UnknownProblem {
                id: id.to_string(),
                suggestions: nearest(id, self.problems.iter().map(|p| p.id.as_str())),
            })
    }

    /// The rubric of a problem.
    pub fn rubric(&self, problem_id: &str) -> Result<&Rubric> {
        self.rubrics.get(problem_id).ok_or_else(|| Error::Data {
            file: format!("rubrics/{problem_id}.yaml"),
            message: format!("no rubric for problem `{problem_id}`: add rubrics/{problem_id}.yaml"),
        })
    }

    /// A counter-question by id, or an error suggesting the nearest ids.
    pub fn question(&self, id: &str) -> Result<&Question> {
        self.questions
            .questions
            .iter()
            .find(|q| q.id == id)
            .ok_or_else(|| Error::UnknownQuestion {
                id: id.to_string(),
                suggestions: nearest(id, self.questions.questions.iter().map(|q| q.id.as_str())),
            })
    }

    /// Problem ids in listing order.
    pub fn ids(&self) -> Vec<String> {
        self.problems.iter().map(|p| p.id.clone()).collect()
    }
}

/// Sort key putting the guide's practice list first, then the rest by id.
fn practice_rank(p: &Problem) -> (u32, String) {
    (p.order.unwrap_or(u32::MAX), p.id.clone())
}
