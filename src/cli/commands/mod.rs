//! One file per subcommand; each turns parsed options into a library call.

pub mod completions;
pub mod config;
pub mod drill;
pub mod grade;
pub mod history;
pub mod interview;
pub mod lint;
pub mod man;
pub mod practice;
pub mod problems;
pub mod questions;
pub mod review;

use super::args::Command;
use super::Config;
use sdcoach::Result;

/// Runs a subcommand; returns the exit code on success.
pub fn dispatch(command: Command, config: &Config) -> Result<i32> {
    match command {
        Command::Problems(args) => problems::run(args, config),
        Command::Lint => lint::run(config),
        Command::Grade(args) => grade::run(args, config),
        Command::Practice(args) => practice::run(args, config),
        Command::Interview(args) => interview::run(args, config),
        Command::Review(args) => review::run(args, config),
        Command::History(args) => history::run(args, config),
        Command::Drill(args) => drill::run(args, config),
        Command::Questions(args) => questions::run(args, config),
        Command::Config(args) => config::run(args, config),
        Command::Man => man::run(),
        Command::Completions(args) => completions::run(args),
    }
}
