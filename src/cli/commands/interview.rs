//! `sdcoach interview`: peer interviewer mode, run by the interviewer.

use crate::cli::output::emit;
use crate::cli::{exit, Config};
use sdcoach::catalog::Catalog;
use sdcoach::report;
use sdcoach::session::{
    live::{open_live, Live},
    Interview, PeerOutcome, StartOptions, SystemClock,
};
use sdcoach::transcript::Mode;
use sdcoach::Result;
use std::path::PathBuf;

/// Arguments of `sdcoach interview`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Problem id (on a terminal, omit it to pick from a list).
    problem: Option<String>,
    /// The candidate's name, for the scorecard.
    #[arg(long, value_name = "NAME")]
    candidate: Option<String>,
    /// Total minutes; the step budgets scale to it (config `minutes`) [default: 55].
    #[arg(long, value_parser = clap::value_parser!(u32).range(5..=600))]
    minutes: Option<u32>,
    /// Do not show the clock or over-time notices.
    #[arg(long)]
    no_timer: bool,
    /// Continue the latest unfinished peer session, or FILE.
    #[arg(long, value_name = "FILE", num_args = 0..=1, conflicts_with_all = ["problem", "candidate"])]
    resume: Option<Option<PathBuf>>,
}

pub fn run(args: Args, config: &Config) -> Result<i32> {
    let opts = StartOptions {
        problem: args.problem,
        candidate: args.candidate,
        minutes: args.minutes.unwrap_or(config.minutes),
        timer: !args.no_timer,
        resume: args.resume,
        level: config.level,
        ..StartOptions::default()
    };
    let catalog = Catalog::open(config.data.as_deref())?;
    let clock = SystemClock;
    let Some(Live {
        core,
        mut prompter,
        lock,
    }) = open_live(
        &catalog,
        &clock,
        &config.transcripts,
        Mode::Peer,
        opts,
        &config.how,
    )?
    else {
        return Ok(exit::OK);
    };
    let rubric = catalog.rubric(&core.problem.id)?;
    let mut session = Interview { core, rubric };
    let outcome = session.run(prompter.as_mut())?;
    // The session is over: release its lock before the report is printed.
    drop(lock);
    if let PeerOutcome::Finished(card) = outcome {
        emit(&format!(
            "\n{}\nTranscript saved in {}\n",
            report::scorecard_text(&card, config.style),
            session.core.path.display()
        ));
    }
    Ok(exit::OK)
}
