//! `sdcoach man`: the manual page, generated from the clap definitions.

use crate::cli::args::Cli;
use crate::cli::exit;
use crate::cli::output::emit;
use clap::CommandFactory;
use sdcoach::error::Error;
use sdcoach::Result;

pub fn run() -> Result<i32> {
    let mut page = Vec::new();
    clap_mangen::Man::new(Cli::command())
        .render(&mut page)
        .map_err(|source| Error::Write {
            path: "<stdout>".into(),
            source,
        })?;
    emit(&String::from_utf8_lossy(&page));
    Ok(exit::OK)
}
