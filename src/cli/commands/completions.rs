//! `sdcoach completions SHELL`.

use crate::cli::args::{Cli, ShellArg};
use crate::cli::exit;
use clap::CommandFactory;
use clap_complete::{generate, Shell};
use sdcoach::Result;

pub fn exec(shell: ShellArg) -> Result<i32> {
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
