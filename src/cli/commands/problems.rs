//! `sdcoach problems [show ID]`.

use crate::cli::args::format_parser;
use crate::cli::output::emit;
use crate::cli::{exit, Config};
use clap::Subcommand;
use sdcoach::catalog::Catalog;
use sdcoach::report::{self, Format, ProblemList, ProblemShow};
use sdcoach::Result;

/// Arguments of `sdcoach problems`.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(subcommand)]
    action: Option<ProblemsAction>,
    /// Output format.
    #[arg(long, global = true, value_parser = format_parser(), default_value = "text")]
    format: Format,
}

#[derive(Debug, Subcommand)]
pub enum ProblemsAction {
    /// Show a problem's prompt and the steps with their budgets.
    Show {
        /// Problem id.
        id: String,
    },
}

pub fn run(Args { action, format }: Args, config: &Config) -> Result<i32> {
    let catalog = Catalog::open_problems(config.data.as_deref())?;
    let text = match action {
        None => report::render(&ProblemList(&catalog.problems), format, config.style)?,
        Some(ProblemsAction::Show { id }) => {
            report::render(&ProblemShow(catalog.problem(&id)?), format, config.style)?
        }
    };
    emit(&text);
    Ok(exit::OK)
}
