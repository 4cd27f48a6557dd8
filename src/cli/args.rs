//! clap definitions.

use clap::{Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

/// An offline coach for system-design interviews: practise, interview a peer, grade with evidence.
#[derive(Debug, Parser)]
#[command(
    name = "sdcoach",
    version,
    about,
    long_about = None,
    propagate_version = true,
    after_help = "Exit codes: 0 success; 1 lint found problems; 2 bad usage or input; 3 broken problem or rubric files; 4 transcripts not writable or readable; 130 interrupted."
)]
pub struct Cli {
    /// Load problems and rubrics from DIR (holding `problems/` and `rubrics/`) instead of the built-in ones.
    #[arg(long, global = true, env = "SDCOACH_DATA", value_name = "DIR")]
    pub data: Option<PathBuf>,
    /// Folder for saved sessions [default: ./transcripts].
    #[arg(long, global = true, env = "SDCOACH_TRANSCRIPTS", value_name = "DIR")]
    pub transcripts: Option<PathBuf>,
    #[command(subcommand)]
    pub command: Command,
}

/// Report formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FormatArg {
    Text,
    Markdown,
    Json,
}

/// Formats of `review`: the report formats plus a self-contained HTML page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReviewFormatArg {
    Text,
    Markdown,
    Json,
    Html,
}

/// Shells for completions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ShellArg {
    Bash,
    Zsh,
    Fish,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// List the problems, or show one.
    Problems {
        #[command(subcommand)]
        action: Option<ProblemsAction>,
        /// Output format.
        #[arg(long, value_enum, default_value = "text")]
        format: FormatArg,
    },
    /// Check every problem and rubric file; exit 1 with one line per finding.
    Lint,
    /// Grade a written answer (Markdown; `-` reads stdin).
    Grade {
        /// The answer file, or `-` for stdin.
        file: PathBuf,
        /// Problem id (else taken from the answer's front matter).
        #[arg(long, short)]
        problem: Option<String>,
        /// Grade against a counter-question from the bank instead of a problem.
        #[arg(long, conflicts_with = "problem")]
        question: Option<String>,
        /// Candidate level the band is judged at: new-grad, mid or senior.
        #[arg(long, default_value = "new-grad")]
        level: crate::grading::Level,
        /// Output format.
        #[arg(long, value_enum, default_value = "text")]
        format: FormatArg,
    },
    /// Run a timed mock interview: the interviewer answers questions, asks follow-ups and grades the result.
    Practice {
        /// Problem id (on a terminal, omit it to pick from a list).
        problem: Option<String>,
        /// Pick a problem at random.
        #[arg(long, conflicts_with = "problem")]
        random: bool,
        /// Total minutes; the step budgets scale to it.
        #[arg(long, default_value_t = 55, value_parser = clap::value_parser!(u32).range(5..=600))]
        minutes: u32,
        /// Do not show budgets or over-time notices.
        #[arg(long)]
        no_timer: bool,
        /// Continue the latest unfinished session, or FILE.
        #[arg(long, value_name = "FILE", num_args = 0..=1, conflicts_with_all = ["problem", "random"])]
        resume: Option<Option<PathBuf>>,
        /// Seed for the choice of follow-up questions (tests).
        #[arg(long, hide = true, env = "SDCOACH_SEED")]
        seed: Option<u64>,
    },
    /// Interview a peer: your script, the fact sheet, probes, hints, a checklist, a timer and a scorecard.
    ///
    /// Run by the interviewer; the candidate talks or draws. Without a terminal,
    /// reads plain lines: notes end with `.`, `?question` reveals a fact,
    /// `:answer` takes the candidate's typed answer, `:next` ticks the checklist.
    Interview {
        /// Problem id (on a terminal, omit it to pick from a list).
        problem: Option<String>,
        /// The candidate's name, for the scorecard.
        #[arg(long, value_name = "NAME")]
        candidate: Option<String>,
        /// Total minutes; the step budgets scale to it.
        #[arg(long, default_value_t = 55, value_parser = clap::value_parser!(u32).range(5..=600))]
        minutes: u32,
        /// Do not show the clock or over-time notices.
        #[arg(long)]
        no_timer: bool,
        /// Continue the latest unfinished peer session, or FILE.
        #[arg(long, value_name = "FILE", num_args = 0..=1, conflicts_with_all = ["problem", "candidate"])]
        resume: Option<Option<PathBuf>>,
    },
    /// Re-grade a saved session against today's rubric and show the report (the latest without FILE).
    Review {
        /// The transcript: a path, or a file name in the transcripts folder.
        #[arg(conflicts_with = "latest")]
        file: Option<PathBuf>,
        /// Review the most recently updated session.
        #[arg(long)]
        latest: bool,
        /// Lead with the grade stored when the session was saved (today's is shown when it differs).
        #[arg(long)]
        as_saved: bool,
        /// Compare two attempts side by side: A (earlier) and B (later).
        #[arg(long, num_args = 2, value_names = ["A", "B"], conflicts_with_all = ["file", "latest", "as_saved"])]
        compare: Option<Vec<PathBuf>>,
        /// Output format; `html` is one self-contained page to share.
        #[arg(long, value_enum, default_value = "text")]
        format: ReviewFormatArg,
        /// Write the report to PATH instead of stdout.
        #[arg(long, short, value_name = "PATH")]
        output: Option<PathBuf>,
    },
    /// Every saved session: scores, per-step trends, the weakest steps and the topics missed most often.
    History {
        /// Only sessions of this problem.
        #[arg(long, short)]
        problem: Option<String>,
        /// Only sessions started on or after DATE (YYYY-MM-DD).
        #[arg(long, value_name = "DATE")]
        since: Option<chrono::NaiveDate>,
        /// Output format.
        #[arg(long, value_enum, default_value = "text")]
        format: FormatArg,
    },
    /// Print shell completions.
    Completions {
        #[arg(value_enum)]
        shell: ShellArg,
    },
}

#[derive(Debug, Subcommand)]
pub enum ProblemsAction {
    /// Show a problem's prompt and the steps with their budgets.
    Show {
        /// Problem id.
        id: String,
    },
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
