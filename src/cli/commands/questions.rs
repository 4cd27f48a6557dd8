//! `sdcoach questions [show ID [--answers]]`.

use crate::cli::args::format_parser;
use crate::cli::output::emit;
use crate::cli::{exit, Config};
use clap::Subcommand;
use sdcoach::catalog::Catalog;
use sdcoach::report::{self, Format, QuestionList, QuestionShow};
use sdcoach::Result;

/// Arguments of `sdcoach questions`.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(subcommand)]
    action: Option<QuestionsAction>,
    /// Output format.
    #[arg(long, global = true, value_parser = format_parser(), default_value = "text")]
    format: Format,
}

#[derive(Debug, Subcommand)]
pub enum QuestionsAction {
    /// Show a question; its key points only with `--answers`.
    Show {
        /// Question id.
        id: String,
        /// Also show the key points a good answer makes (the solution).
        #[arg(long)]
        answers: bool,
    },
}

pub fn run(Args { action, format }: Args, config: &Config) -> Result<i32> {
    let catalog = Catalog::open(config.data.as_deref())?;
    let text = match action {
        None => report::render(
            &QuestionList(&catalog.questions.questions),
            format,
            config.style,
        )?,
        Some(QuestionsAction::Show { id, answers }) => {
            let view = QuestionShow {
                question: catalog.question(&id)?,
                answers,
            };
            report::render(&view, format, config.style)?
        }
    };
    emit(&text);
    Ok(exit::OK)
}
