//! `sdcoach config`: the settings in effect and where each came from.

use crate::cli::args::format_parser;
use crate::cli::output::emit;
use crate::cli::{exit, Config};
use sdcoach::report::{self, Format};
use sdcoach::Result;

/// Arguments of `sdcoach config`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Output format.
    #[arg(long, value_parser = format_parser(), default_value = "text")]
    format: Format,
}

pub fn run(Args { format }: Args, config: &Config) -> Result<i32> {
    emit(&report::render(&config.settings, format, config.style)?);
    Ok(exit::OK)
}
