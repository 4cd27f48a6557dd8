//! `sdcoach problems [show ID]`.

use crate::cli::args::ProblemsAction;
use crate::cli::output::emit;
use crate::cli::{exit, Config};
use sdcoach::catalog::Catalog;
use sdcoach::report::{self, Format, ProblemList, ProblemShow};
use sdcoach::Result;

pub fn exec(action: Option<ProblemsAction>, format: Format, config: &Config) -> Result<i32> {
    let catalog = Catalog::open(config.data.as_deref())?;
    let text = match action {
        None => report::render(&ProblemList(&catalog.problems), format, config.style)?,
        Some(ProblemsAction::Show { id }) => {
            report::render(&ProblemShow(catalog.problem(&id)?), format, config.style)?
        }
    };
    emit(&text);
    Ok(exit::OK)
}
