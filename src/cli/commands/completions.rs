//! `sdcoach completions SHELL`.

use crate::cli::args::Cli;
use crate::cli::exit;
use clap::CommandFactory;
use clap::ValueEnum;
use clap_complete::{generate, Shell};
use sdcoach::Result;

/// Shells for completions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ShellArg {
    Bash,
    Zsh,
    Fish,
}

/// Arguments of `sdcoach completions`.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[arg(value_enum)]
    shell: ShellArg,
}

pub fn run(Args { shell }: Args) -> Result<i32> {
    let shell = match shell {
        ShellArg::Bash => Shell::Bash,
        ShellArg::Zsh => Shell::Zsh,
        ShellArg::Fish => Shell::Fish,
    };
    generate(
        shell,
        &mut Cli::command(),
        "sdcoach",
        &mut std::io::stdout(),
    );
    Ok(exit::OK)
}
