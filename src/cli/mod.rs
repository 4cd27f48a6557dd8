//! Command-line definitions and dispatch only; the work happens in the library.

mod args;
mod commands;
pub mod exit;
pub mod output;

pub use args::Cli;

use clap::Parser;
use sdcoach::report::Style;
use sdcoach::session::Invocation;
use std::ffi::OsString;
use std::path::PathBuf;

/// Global options resolved once; nothing after this reads flags or the environment.
#[derive(Debug, Clone)]
pub struct Config {
    pub data: Option<PathBuf>,
    pub transcripts: PathBuf,
    pub style: Style,
    /// How the program was started, for hints that name a command.
    pub how: Invocation,
}

/// Runs the program with these arguments and returns the exit code.
pub fn run<I: IntoIterator<Item = OsString>>(args: I) -> i32 {
    let cli = match Cli::try_parse_from(args) {
        Ok(c) => c,
        Err(e) => {
            let code = if e.use_stderr() {
                exit::USAGE
            } else {
                exit::OK
            };
            let _ = e.print();
            return code;
        }
    };
    let config = Config {
        data: cli.data.clone(),
        transcripts: cli
            .transcripts
            .clone()
            .unwrap_or_else(|| PathBuf::from("transcripts")),
        style: Style::detect(),
        how: Invocation::detect(),
    };
    match commands::dispatch(cli.command, &config) {
        Ok(code) => code,
        Err(e) => {
            let msg = sdcoach::report::one_line(&e.to_string());
            eprintln!("{} {msg}", config.style_err("error:"));
            e.exit_code()
        }
    }
}

impl Config {
    fn style_err(&self, s: &str) -> String {
        if console::colors_enabled_stderr() {
            format!("\u{1b}[1;31m{s}\u{1b}[0m")
        } else {
            s.to_string()
        }
    }
}
