//! Command-line definitions and dispatch only; the work happens in the library.

mod args;
mod commands;
pub mod exit;
pub mod output;

pub use args::Cli;

use clap::Parser;
use sdcoach::grading::Level;
use sdcoach::report::Style;
use sdcoach::session::Invocation;
use sdcoach::settings::{self, Flags, Settings};
use std::ffi::OsString;
use std::path::PathBuf;

/// Global options resolved once; nothing after this reads flags or the environment.
#[derive(Debug, Clone)]
pub struct Config {
    pub data: Option<PathBuf>,
    pub transcripts: PathBuf,
    /// Default length of a session.
    pub minutes: u32,
    pub level: Level,
    /// The level when one was chosen (flag, environment or config file):
    /// reviews re-grade a saved session at it instead of the session's own.
    pub level_chosen: Option<Level>,
    /// Every setting with where it came from, for `sdcoach config`.
    pub settings: Settings,
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
    let flags = Flags {
        transcripts: cli.transcripts.clone(),
        minutes: None,
        level: cli.level,
        color: cli.color,
    };
    let settings = match settings::resolve(flags, &|k| std::env::var(k).ok()) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("error: {}", sdcoach::report::one_line(&e.to_string()));
            return e.exit_code();
        }
    };
    let config = Config {
        data: cli.data.clone(),
        transcripts: settings.transcripts.value.clone(),
        minutes: settings.minutes.value,
        level: settings.level.value,
        level_chosen: (settings.level.source != sdcoach::settings::Source::Default)
            .then_some(settings.level.value),
        style: Style::decide(settings.color.value),
        settings,
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
