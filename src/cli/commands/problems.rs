//! `sdcoach problems [show ID]`.

use crate::cli::args::ProblemsAction;
use crate::cli::output::emit;
use crate::cli::{exit, Config};
use sdcoach::catalog::Catalog;
use sdcoach::report::{self, Format};
use sdcoach::Result;

pub fn exec(action: Option<ProblemsAction>, format: Format, config: &Config) -> Result<i32> {
    let catalog = Catalog::open(config.data.as_deref())?;
    match action {
        None => emit(&report::problem_list(
            &catalog.problems,
            format,
            config.style,
        )),
        Some(ProblemsAction::Show { id }) => {
            let p = catalog.problem(&id)?;
            emit(&report::problem_show(p, config.style));
        }
    }
    Ok(exit::OK)
}
