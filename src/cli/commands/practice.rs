//! `sdcoach practice`: a solo mock interview.

use crate::cli::output::emit;
use crate::cli::{exit, Config};
use sdcoach::catalog::Catalog;
use sdcoach::drill;
use sdcoach::report;
use sdcoach::session::live::{open_live, Live};
use sdcoach::session::{Outcome, Practice, StartOptions, SystemClock};
use sdcoach::transcript::Mode;
use sdcoach::Result;
use std::path::PathBuf;

/// Arguments of `sdcoach practice`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Problem id (on a terminal, omit it to pick from a list).
    problem: Option<String>,
    /// Pick a problem at random.
    #[arg(long, conflicts_with = "problem")]
    random: bool,
    /// Total minutes; the step budgets scale to it (config `minutes`) [default: 55].
    #[arg(long, value_parser = clap::value_parser!(u32).range(5..=600))]
    minutes: Option<u32>,
    /// Do not show budgets or over-time notices.
    #[arg(long)]
    no_timer: bool,
    /// No change of requirement in the deep dive.
    #[arg(long)]
    no_curveball: bool,
    /// Continue the latest unfinished session, or FILE.
    #[arg(long, value_name = "FILE", num_args = 0..=1, conflicts_with_all = ["problem", "random"])]
    resume: Option<Option<PathBuf>>,
    /// Seed for the choice of follow-up questions (tests).
    #[arg(long, hide = true, env = "SDCOACH_SEED")]
    seed: Option<u64>,
}

pub fn run(args: Args, config: &Config) -> Result<i32> {
    let opts = StartOptions {
        problem: args.problem,
        random: args.random,
        minutes: args.minutes.unwrap_or(config.minutes),
        timer: !args.no_timer,
        resume: args.resume,
        seed: args.seed,
        candidate: None,
        no_curveball: args.no_curveball,
        level: config.level,
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
        Mode::Solo,
        opts,
        &config.how,
    )?
    else {
        return Ok(exit::OK);
    };
    let mut session = Practice { core };
    let outcome = session.run(prompter.as_mut())?;
    // The session is over: release its lock before the report is printed.
    drop(lock);
    if let Outcome::Finished(grade) = outcome {
        let info = session.info();
        let t = &session.core.transcript;
        let cards = drill::new_cards_count(&config.transcripts, t, &grade);
        let command = config
            .how
            .command(&format!("drill --kind misses --problem {}", t.problem));
        emit(&format!(
            "\n{}{}",
            report::grade_text(&grade, Some(&info), config.style),
            report::drill::new_cards_line(cards, &command)
        ));
    }
    Ok(exit::OK)
}
