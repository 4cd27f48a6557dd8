//! `sdcoach questions [show ID [--answers]]`.

use crate::cli::args::QuestionsAction;
use crate::cli::output::emit;
use crate::cli::{exit, Config};
use sdcoach::catalog::Catalog;
use sdcoach::report::{self, Format, QuestionList, QuestionShow};
use sdcoach::Result;

pub fn exec(action: Option<QuestionsAction>, format: Format, config: &Config) -> Result<i32> {
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
