//! One file per subcommand; each turns parsed options into a library call.

mod completions;
mod grade;
mod history;
mod interview;
mod lint;
mod practice;
mod problems;
mod review;
mod sessions;

use super::args::{Command, FormatArg};
use super::Config;
use crate::report::Format;
use crate::Result;

/// Runs a subcommand; returns the exit code on success.
pub fn dispatch(command: Command, config: &Config) -> Result<i32> {
    match command {
        Command::Problems { action, format } => problems::exec(action, format.into(), config),
        Command::Lint => lint::exec(config),
        Command::Grade {
            file,
            problem,
            question,
            level,
            format,
        } => grade::exec(&file, problem, question, level, format.into(), config),
        Command::Completions { shell } => completions::exec(shell),
        Command::Review {
            file,
            // Without FILE the latest session is reviewed anyway.
            latest: _,
            as_saved,
            compare,
            format,
            output,
        } => review::exec(
            review::Options {
                file,
                as_saved,
                compare,
                format,
                output,
            },
            config,
        ),
        Command::History {
            problem,
            since,
            format,
        } => history::exec(problem, since, format.into(), config),
        Command::Interview {
            problem,
            candidate,
            minutes,
            no_timer,
            resume,
        } => interview::exec(
            interview::Options {
                problem,
                candidate,
                minutes,
                timer: !no_timer,
                resume,
            },
            config,
        ),
        Command::Practice {
            problem,
            random,
            minutes,
            no_timer,
            resume,
            seed,
        } => practice::exec(
            practice::Options {
                problem,
                random,
                minutes,
                timer: !no_timer,
                resume,
                seed,
            },
            config,
        ),
    }
}

impl From<FormatArg> for Format {
    fn from(f: FormatArg) -> Format {
        match f {
            FormatArg::Text => Format::Text,
            FormatArg::Markdown => Format::Markdown,
            FormatArg::Json => Format::Json,
        }
    }
}
