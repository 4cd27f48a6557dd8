//! `sdcoach config`: the settings in effect and where each came from.

use crate::cli::output::emit;
use crate::cli::{exit, Config};
use sdcoach::report::{self, Format};
use sdcoach::Result;

pub fn exec(format: Format, config: &Config) -> Result<i32> {
    emit(&report::render(&config.settings, format, config.style)?);
    Ok(exit::OK)
}
