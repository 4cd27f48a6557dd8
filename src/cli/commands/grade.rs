//! `sdcoach grade FILE`.

use crate::cli::args::format_parser;
use crate::cli::output::emit;
use crate::cli::{exit, Config};
use sdcoach::catalog::Catalog;
use sdcoach::error::Error;
use sdcoach::grading::{self, Extras};
use sdcoach::report::{self, Format, GradeView};
use sdcoach::Result;
use std::io::Read;
use std::path::{Path, PathBuf};

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

/// Arguments of `sdcoach grade`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The answer file, or `-` for stdin.
    file: PathBuf,
    /// Problem id (else taken from the answer's front matter).
    #[arg(long, short)]
    problem: Option<String>,
    /// Grade against a counter-question from the bank instead of a problem.
    #[arg(long, conflicts_with = "problem")]
    question: Option<String>,
    /// Output format.
    #[arg(long, value_parser = format_parser(), default_value = "text")]
    format: Format,
}

pub fn run(args: Args, config: &Config) -> Result<i32> {
    let Args {
        file,
        problem,
        question,
        format,
    } = args;
    let file = file.as_path();
    // A data folder is read first, as before; the built-in data cannot fail,
    // so it waits for the answer and only the graded problem is parsed.
    let data = config.data.as_deref().map(Catalog::from_dir).transpose()?;
    let text = read_answer(file)?;
    if let Some(q) = question {
        let catalog = data.map_or_else(Catalog::embedded, Ok)?;
        let g = grading::grade_question(&catalog, &q, &text)?;
        emit(&report::render(&g, format, config.style)?);
        return Ok(exit::OK);
    }
    let answer = grading::parse_answer(&text);
    let Some(id) = problem.or_else(|| answer.problem.clone()) else {
        return Err(Error::NoProblem {
            how: "pass `--problem ID` or name it in the answer's front matter (`problem: ID`)"
                .into(),
            ids: data.map_or_else(Catalog::embedded, Ok)?.ids(),
        });
    };
    let catalog = data.map_or_else(|| Catalog::embedded_for(&id), Ok)?;
    let g = grading::grade_at(&catalog, &id, &answer, &Extras::default(), config.level)?;
    let view = GradeView {
        grade: &g,
        session: None,
    };
    emit(&report::render(&view, format, config.style)?);
    Ok(exit::OK)
}
