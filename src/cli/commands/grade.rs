//! `sdcoach grade FILE`.

use crate::cli::output::emit;
use crate::cli::{exit, Config};
use sdcoach::catalog::Catalog;
use sdcoach::error::Error;
use sdcoach::grading::{self, Extras};
use sdcoach::report::{self, Format, GradeView};
use sdcoach::Result;
use std::io::Read;
use std::path::Path;

/// Largest answer accepted (a 10,000-word answer is about 70 KB).
pub const MAX_ANSWER_BYTES: u64 = 1024 * 1024;

fn read_answer(file: &Path) -> Result<String> {
    let text = if file == Path::new("-") {
        let mut bytes = Vec::new();
        std::io::stdin()
            .take(MAX_ANSWER_BYTES + 1)
            .read_to_end(&mut bytes)
            .map_err(|source| Error::Read {
                path: file.into(),
                source,
            })?;
        if bytes.len() as u64 > MAX_ANSWER_BYTES {
            return Err(Error::TooLarge {
                path: "<stdin>".into(),
                size: None,
                limit: MAX_ANSWER_BYTES,
            });
        }
        sdcoach::catalog::decode_text(Path::new("<stdin>"), bytes)?
    } else {
        sdcoach::catalog::read_text(file, MAX_ANSWER_BYTES)?
    };
    if text.trim().is_empty() {
        return Err(Error::EmptyAnswer { path: file.into() });
    }
    Ok(text)
}

pub fn exec(
    file: &Path,
    problem: Option<String>,
    question: Option<String>,
    format: Format,
    config: &Config,
) -> Result<i32> {
    let catalog = Catalog::open(config.data.as_deref())?;
    let text = read_answer(file)?;
    if let Some(q) = question {
        let g = grading::grade_question(&catalog, &q, &text)?;
        emit(&report::render(&g, format, config.style)?);
        return Ok(exit::OK);
    }
    let answer = grading::parse_answer(&text);
    let id = problem
        .or_else(|| answer.problem.clone())
        .ok_or_else(|| Error::NoProblem {
            how: "pass `--problem ID` or name it in the answer's front matter (`problem: ID`)"
                .into(),
            ids: catalog.ids(),
        })?;
    let g = grading::grade(&catalog, &id, &answer, &Extras::default())?;
    let view = GradeView {
        grade: &g,
        session: None,
    };
    emit(&report::render(&view, format, config.style)?);
    Ok(exit::OK)
}
