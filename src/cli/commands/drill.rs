//! `sdcoach drill`: a drill session, `drill stats` and `drill sheet`.

use crate::cli::args::format_parser;
use crate::cli::output::emit;
use crate::cli::{exit, Config};
use chrono::{DateTime, FixedOffset};
use clap::builder::PossibleValuesParser;
use clap::Subcommand;
use sdcoach::catalog::Catalog;
use sdcoach::drill::{self, Kind, Numbers, Opened, Options, Scheduler};
use sdcoach::report::{self, Format, SheetView, StatsView};
use sdcoach::session::drill::Drill;
use sdcoach::session::{self, terminal, Clock, FakeClock, SystemClock};
use sdcoach::Result;

/// Arguments of `sdcoach drill`.
#[derive(Debug, clap::Args)]
#[command(args_conflicts_with_subcommands = true)]
pub struct Args {
    #[command(subcommand)]
    action: Option<Action>,
    #[command(flatten)]
    pick: Pick,
    /// Offer no new card after N minutes.
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..=600))]
    minutes: Option<u32>,
    /// The time to take as now (RFC 3339), to catch up on a missed day or for tests.
    #[arg(long, global = true, env = "SDCOACH_NOW", value_name = "TIME", value_parser = parse_now)]
    now: Option<DateTime<FixedOffset>>,
}

/// Which cards, how many, in what order.
#[derive(Debug, clap::Args)]
struct Pick {
    /// The kind of cards.
    #[arg(long, value_parser = PossibleValuesParser::new(Kind::NAMES), default_value = "all")]
    kind: String,
    /// Most cards (due ones first, then up to 10 new a day).
    #[arg(long, value_name = "N", default_value_t = drill::DEFAULT_COUNT as u32, value_parser = clap::value_parser!(u32).range(1..=1000))]
    count: u32,
    /// Only the cards of this problem: its estimates, its misses and the counter-questions it asks.
    #[arg(long, value_name = "ID")]
    problem: Option<String>,
    /// Seed for the order of new cards and the inputs of estimation cards [default: the day].
    #[arg(long, value_name = "N")]
    seed: Option<u64>,
}

#[derive(Debug, Subcommand)]
enum Action {
    /// Due today and this week, reviews, retention, streak, cards per kind.
    Stats {
        /// Output format.
        #[arg(long, value_parser = format_parser(), default_value = "text")]
        format: Format,
    },
    /// A printable worksheet with an answer key: the cards `drill` would ask, in its order.
    Sheet {
        #[command(flatten)]
        pick: Pick,
        /// Output format.
        #[arg(long, value_parser = format_parser(), default_value = "markdown")]
        format: Format,
    },
}

fn parse_now(s: &str) -> std::result::Result<DateTime<FixedOffset>, String> {
    DateTime::parse_from_rfc3339(s.trim()).map_err(|e| {
        format!("`{s}` is not an RFC 3339 time such as 2026-11-27T09:00:00+01:00 ({e})")
    })
}

pub fn run(args: Args, config: &Config) -> Result<i32> {
    let catalog = Catalog::open(config.data.as_deref())?;
    let numbers = Numbers::open(config.data.as_deref())?;
    let clock: Box<dyn Clock> = match args.now {
        Some(t) => Box::new(FakeClock::new(&t.to_rfc3339(), 0)),
        None => Box::new(SystemClock),
    };
    let now = clock.now();
    match args.action {
        Some(Action::Stats { format }) => {
            let opened = open(&catalog, &numbers, config, now, false)?;
            let log = opened.store.log()?;
            let s = drill::stats(&opened.deck, &opened.state, &log, now.date_naive());
            emit(&report::render(&StatsView(&s), format, config.style)?);
            Ok(exit::OK)
        }
        Some(Action::Sheet { pick, format }) => {
            let opened = open(&catalog, &numbers, config, now, false)?;
            let (opts, kind) = options(&pick, &catalog, now)?;
            let planned = drill::plan(
                &opened.deck,
                &catalog,
                &opened.state,
                &opts,
                now.date_naive(),
            );
            let sheet = drill::worksheet(
                &planned,
                &catalog,
                &numbers,
                opts.seed,
                now.date_naive(),
                kind,
                pick.problem.clone(),
            )?;
            emit(&report::render(&SheetView(&sheet), format, config.style)?);
            Ok(exit::OK)
        }
        None => {
            let (opts, _) = options(&args.pick, &catalog, now)?;
            session::ensure_writable(&config.transcripts)?;
            let opened = open(&catalog, &numbers, config, now, true)?;
            let planned = drill::plan(
                &opened.deck,
                &catalog,
                &opened.state,
                &opts,
                now.date_naive(),
            );
            let mut prompter = terminal::prompter(terminal::interactive());
            if !opened.harvest.added.is_empty() {
                let n = opened.harvest.added.len();
                prompter.say(&format!(
                    "{n} new {} from your saved sessions (kind misses).",
                    if n == 1 { "card" } else { "cards" }
                ));
            }
            terminal::guard_interrupts(&opened.store.dir, &config.how.command("drill"));
            let mut d = Drill {
                catalog: &catalog,
                numbers: &numbers,
                store: opened.store,
                state: opened.state,
                clock: clock.as_ref(),
                seed: opts.seed,
                minutes: args.minutes,
                scheduler: Scheduler::new()?,
            };
            d.run(&planned, prompter.as_mut())?;
            Ok(exit::OK)
        }
    }
}

/// Opens the drill folder, reporting a broken state file and unreadable
/// sessions on stderr.
fn open(
    catalog: &Catalog,
    numbers: &Numbers,
    config: &Config,
    now: DateTime<FixedOffset>,
    save: bool,
) -> Result<Opened> {
    let opened = drill::open(catalog, numbers, &config.transcripts, now, save)?;
    if let Some(notice) = &opened.notice {
        eprintln!("warning: {}", report::one_line(notice));
    }
    for (file, why) in &opened.harvest.skipped {
        eprintln!(
            "warning: skipped `{}` looking for misses: {}",
            report::one_line(file),
            report::one_line(why)
        );
    }
    Ok(opened)
}

/// The plan's options from the arguments; the kind asked for.
fn options(
    pick: &Pick,
    catalog: &Catalog,
    now: DateTime<FixedOffset>,
) -> Result<(Options, Option<Kind>)> {
    let kind = Kind::parse_filter(&pick.kind)?;
    if let Some(p) = &pick.problem {
        drill::check_problem(catalog, p)?;
    }
    Ok((
        Options {
            filter: drill::Filter {
                kind,
                problem: pick.problem.clone(),
            },
            count: pick.count as usize,
            seed: pick
                .seed
                .unwrap_or_else(|| drill::day_seed(now.date_naive())),
            new_per_day: drill::DEFAULT_NEW_PER_DAY,
        },
        kind,
    ))
}
