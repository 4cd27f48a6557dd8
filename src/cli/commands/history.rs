//! `sdcoach history`: every saved session and the progress they show.

use crate::cli::args::format_parser;
use crate::cli::output::emit;
use crate::cli::{exit, Config};
use chrono::NaiveDate;
use sdcoach::catalog::Catalog;
use sdcoach::error::Error;
use sdcoach::report::{self, Format, HistoryView};
use sdcoach::review::{self, Filter};
use sdcoach::transcript::Store;
use sdcoach::Result;
use std::io::IsTerminal;

/// Below this many files the scan is too quick for a progress bar.
const BAR_FROM: usize = 200;

fn progress_bar(len: usize) -> Option<indicatif::ProgressBar> {
    if len < BAR_FROM || !std::io::stderr().is_terminal() {
        return None;
    }
    let bar = indicatif::ProgressBar::new(len as u64);
    if let Ok(style) = indicatif::ProgressStyle::with_template(
        "reading transcripts {bar:30} {pos}/{len} ({eta} left)",
    ) {
        bar.set_style(style);
    }
    Some(bar)
}

/// Arguments of `sdcoach history`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Only sessions of this problem.
    #[arg(long, short)]
    problem: Option<String>,
    /// Only sessions started on or after DATE (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    since: Option<NaiveDate>,
    /// Output format.
    #[arg(long, value_parser = format_parser(), default_value = "text")]
    format: Format,
}

pub fn run(args: Args, config: &Config) -> Result<i32> {
    let Args {
        problem,
        since,
        format,
    } = args;
    let catalog = Catalog::open(config.data.as_deref())?;
    if let Some(p) = &problem {
        catalog.problem(p)?;
    }
    let store = Store::new(&config.transcripts);
    let files = store.files().map_err(|e| match e {
        Error::Read { path, source } => Error::Transcript(format!(
            "cannot read the transcripts folder `{}`: {source}: check its permissions or pass `--transcripts DIR`",
            path.display()
        )),
        other => other,
    })?;
    let bar = progress_bar(files.len());
    let tick = || {
        if let Some(b) = &bar {
            b.inc(1);
        }
    };
    let threads = std::thread::available_parallelism().map_or(2, |n| n.get().min(8));
    let h = review::history(&catalog, &files, &Filter { problem, since }, threads, &tick);
    if let Some(b) = bar {
        b.finish_and_clear();
    }
    for s in &h.skipped {
        let reason = report::one_line(&s.reason);
        if reason.contains(&s.file) {
            eprintln!("warning: skipped an unreadable transcript: {reason}");
        } else {
            eprintln!("warning: skipped `{}`: {reason}", report::one_line(&s.file));
        }
    }
    let folder = store.dir.display().to_string();
    let view = HistoryView {
        history: &h,
        folder: &folder,
    };
    emit(&report::render(&view, format, config.style)?);
    Ok(exit::OK)
}
