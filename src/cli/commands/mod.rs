//! One file per subcommand; each turns parsed options into a library call.

mod completions;
mod config;
mod grade;
mod history;
mod interview;
mod lint;
mod man;
mod practice;
mod problems;
mod questions;
mod review;

use super::args::Command;
use super::Config;
use sdcoach::session::StartOptions;
use sdcoach::Result;

/// Runs a subcommand; returns the exit code on success.
pub fn dispatch(command: Command, config: &Config) -> Result<i32> {
    match command {
        Command::Problems { action, format } => problems::exec(action, format, config),
        Command::Lint => lint::exec(config),
        Command::Grade {
            file,
            problem,
            question,
            format,
        } => grade::exec(&file, problem, question, format, config),
        Command::Completions { shell } => completions::exec(shell),
        Command::Questions { action, format } => questions::exec(action, format, config),
        Command::Config { format } => config::exec(format, config),
        Command::Man => man::exec(),
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
        } => history::exec(problem, since, format, config),
        Command::Interview {
            problem,
            candidate,
            minutes,
            no_timer,
            resume,
        } => interview::exec(
            StartOptions {
                problem,
                candidate,
                minutes: minutes.unwrap_or(config.minutes),
                timer: !no_timer,
                resume,
                ..StartOptions::default()
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
            StartOptions {
                problem,
                random,
                minutes: minutes.unwrap_or(config.minutes),
                timer: !no_timer,
                resume,
                seed,
                candidate: None,
            },
            config,
        ),
    }
}
