//! clap definitions.

use super::commands::{
    completions, config, drill, grade, history, interview, practice, problems, questions, review,
};
use clap::builder::TypedValueParser;
use clap::{Parser, Subcommand};
use sdcoach::grading::Level;
use sdcoach::report::Format;
use sdcoach::settings::ColorChoice;
use std::path::PathBuf;

/// An offline coach for system-design interviews: practise, interview a peer, grade with evidence.
#[derive(Debug, Parser)]
#[command(
    name = "sdcoach",
    version,
    about,
    long_about = None,
    propagate_version = true,
    after_help = "Settings: flags beat environment variables, which beat the config file ($XDG_CONFIG_HOME/sdcoach/config.toml, or SDCOACH_CONFIG); `sdcoach config` shows each and where it came from.\nManual page: `sdcoach man > sdcoach.1 && man ./sdcoach.1`.\nExit codes: 0 success; 1 lint found problems; 2 bad usage or input; 3 broken problem or rubric files; 4 transcripts not writable or readable; 130 interrupted."
)]
pub struct Cli {
    /// Load problems and rubrics from DIR (holding `problems/` and `rubrics/`) instead of the built-in ones.
    #[arg(long, global = true, env = "SDCOACH_DATA", value_name = "DIR")]
    pub data: Option<PathBuf>,
    /// Folder for saved sessions (env SDCOACH_TRANSCRIPTS, config `transcripts`) [default: ./transcripts].
    #[arg(long, global = true, value_name = "DIR")]
    pub transcripts: Option<PathBuf>,
    /// The level answers are judged at (config `level`) [default: new-grad].
    #[arg(long, global = true, value_name = "LEVEL", value_parser = level_parser())]
    pub level: Option<Level>,
    /// When to colour output (NO_COLOR means never; config `color`) [default: auto].
    #[arg(long, global = true, value_name = "WHEN", value_parser = color_parser())]
    pub color: Option<ColorChoice>,
    #[command(subcommand)]
    pub command: Command,
}

/// The one `--format` of every command that reports; a command refuses a
/// format its report does not have, naming the ones it has.
pub fn format_parser() -> impl TypedValueParser<Value = Format> {
    clap::builder::PossibleValuesParser::new(Format::NAMES).try_map(|s| s.parse::<Format>())
}

fn level_parser() -> impl TypedValueParser<Value = Level> {
    clap::builder::PossibleValuesParser::new(["new-grad", "mid", "senior"])
        .try_map(|s| s.parse::<Level>())
}

fn color_parser() -> impl TypedValueParser<Value = ColorChoice> {
    clap::builder::PossibleValuesParser::new(ColorChoice::NAMES)
        .try_map(|s| s.parse::<ColorChoice>())
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// List the problems, or show one.
    Problems(problems::Args),
    /// Check every problem and rubric file; exit 1 with one line per finding.
    Lint,
    /// Grade a written answer (Markdown; `-` reads stdin).
    Grade(grade::Args),
    /// Run a timed mock interview: the interviewer answers questions, asks follow-ups and grades the result.
    Practice(practice::Args),
    /// Interview a peer: your script, the fact sheet, probes, hints, a checklist, a timer and a scorecard.
    ///
    /// Run by the interviewer; the candidate talks or draws. Without a terminal,
    /// reads plain lines: notes end with `.`, `?question` reveals a fact,
    /// `:answer` takes the candidate's typed answer, `:next` ticks the checklist.
    Interview(interview::Args),
    /// Re-grade a saved session against today's rubric and show the report (the latest without FILE).
    Review(review::Args),
    /// Every saved session: scores, per-step trends, the weakest steps and the topics missed most often.
    History(history::Args),
    /// Ten minutes a day on what you keep missing: cards scheduled with spaced repetition (FSRS).
    ///
    /// Cards are counter-questions, estimates with fresh inputs, numbers to know
    /// and the misses of your saved sessions. Due cards come first, then up to 10
    /// new ones a day. Without a terminal, reads plain lines: an answer ends at a
    /// line holding only `.`, then a line keeps the proposed rating (empty) or
    /// gives another (a, h, g, e); end of input saves and exits 0.
    Drill(drill::Args),
    /// List the counter-questions of the bank (for `grade --question ID`), or show one.
    Questions(questions::Args),
    /// Show the settings in effect and where each came from (flag, environment, config file, default).
    Config(config::Args),
    /// Print the manual page (roff): `sdcoach man > sdcoach.1 && man ./sdcoach.1`.
    Man,
    /// Print shell completions.
    Completions(completions::Args),
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn cli_definition_is_consistent() {
        Cli::command().debug_assert();
    }
}
