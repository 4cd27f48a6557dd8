//! Library error types and the exit codes they map to. Every variant names
//! the file (and line where known) and says how to fix it.

use std::path::PathBuf;
use thiserror::Error;

/// Errors from loading data files, reading answers and saving transcripts.
#[derive(Debug, Error)]
pub enum Error {
    #[error("{file}:{line}:{column}: {message}")]
    Yaml {
        file: String,
        line: usize,
        column: usize,
        message: String,
    },
    #[error("{file}: {message}")]
    Data { file: String, message: String },
    #[error("cannot read `{}`: {source}", path.display())]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("`{}` is not UTF-8 text (first bad byte at offset {offset}): save it as UTF-8 and try again", path.display())]
    NotUtf8 { path: PathBuf, offset: usize },
    /// `size` is `None` when the file does not say (a device, a pipe).
    #[error("`{}` {}: grade a shorter answer", path.display(), too_large(*size, *limit))]
    TooLarge {
        path: PathBuf,
        size: Option<u64>,
        limit: u64,
    },
    #[error("`{}` holds no answer text: write your answer under the seven `## ` step headings", path.display())]
    EmptyAnswer { path: PathBuf },
    #[error("`{}` looks like a binary file, not a Markdown answer", path.display())]
    Binary { path: PathBuf },
    #[error("unknown problem `{id}`{}", did_you_mean(suggestions))]
    UnknownProblem {
        id: String,
        suggestions: Vec<String>,
    },
    #[error("no problem given: {how}; ids: {}", ids.join(", "))]
    NoProblem { how: String, ids: Vec<String> },
    #[error("{0}")]
    Usage(String),
    #[error(
        "unknown question `{id}`{}; list them with `sdcoach questions`",
        did_you_mean(suggestions)
    )]
    UnknownQuestion {
        id: String,
        suggestions: Vec<String>,
    },
    #[error("transcripts folder `{}` is not writable ({reason}): pass `--transcripts DIR` or set SDCOACH_TRANSCRIPTS to a folder you can write", path.display())]
    TranscriptsNotWritable { path: PathBuf, reason: String },
    #[error("cannot write `{}`: {source}", path.display())]
    Write {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{0}")]
    Transcript(String),
    #[error("`{}` is open in another sdcoach session ({holder}): finish it or `:quit` it there first, then resume", path.display())]
    Locked { path: PathBuf, holder: String },
    #[error("interrupted")]
    Interrupted,
}

/// Exit codes, in one place (documented in the README and `--help`).
pub mod exit {
    /// Success.
    pub const OK: i32 = 0;
    /// `lint` found problems in the data files.
    pub const FINDINGS: i32 = 1;
    /// Bad usage or input: unknown id, unreadable or unsuitable answer file.
    pub const USAGE: i32 = 2;
    /// The problem or rubric files are broken.
    pub const DATA: i32 = 3;
    /// Transcripts could not be written or read.
    pub const STORAGE: i32 = 4;
    /// The session is open in another sdcoach (its lock is held).
    pub const BUSY: i32 = 5;
    /// Hang-up (SIGHUP: the terminal was closed): 128 + 1.
    pub const HANGUP: i32 = 129;
    /// Interrupted (Ctrl-C, SIGINT): 128 + 2.
    pub const INTERRUPTED: i32 = 130;
    /// Terminated (SIGTERM, `kill PID`): 128 + 15.
    pub const TERMINATED: i32 = 143;
}

impl Error {
    /// The exit code a program ending with this error returns.
    pub fn exit_code(&self) -> i32 {
        match self {
            Error::Yaml { .. } | Error::Data { .. } => exit::DATA,
            Error::TranscriptsNotWritable { .. } | Error::Write { .. } | Error::Transcript(_) => {
                exit::STORAGE
            }
            Error::Interrupted => exit::INTERRUPTED,
            Error::Locked { .. } => exit::BUSY,
            Error::Read { .. }
            | Error::NotUtf8 { .. }
            | Error::TooLarge { .. }
            | Error::EmptyAnswer { .. }
            | Error::Binary { .. }
            | Error::UnknownProblem { .. }
            | Error::NoProblem { .. }
            | Error::Usage(_)
            | Error::UnknownQuestion { .. } => exit::USAGE,
        }
    }
}

/// "is N bytes, over the L-byte limit", or, when the size is unknown, what
/// reading found.
fn too_large(size: Option<u64>, limit: u64) -> String {
    match size {
        Some(size) => format!("is {size} bytes, over the {limit}-byte limit"),
        None => format!(
            "holds more than the {limit}-byte limit (it kept coming: a device or an endless pipe?)"
        ),
    }
}

/// Formats "; did you mean `a` or `b`?" (empty without suggestions).
pub fn did_you_mean(suggestions: &[String]) -> String {
    match suggestions {
        [] => String::new(),
        [one] => format!("; did you mean `{one}`?"),
        many => {
            let quoted: Vec<String> = many.iter().map(|s| format!("`{s}`")).collect();
            format!("; did you mean {}?", quoted.join(" or "))
        }
    }
}

/// Library result.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// The ids nearest to `wanted` (Jaro-Winkler >= 0.8 or a substring), best first.
pub fn nearest<'a>(wanted: &str, candidates: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    let wanted = wanted.to_lowercase();
    let mut scored: Vec<(f64, &str)> = candidates
        .into_iter()
        .map(|c| {
            let mut s = strsim::jaro_winkler(&wanted, &c.to_lowercase());
            if !wanted.is_empty() && (c.contains(wanted.as_str()) || wanted.contains(c)) {
                s = s.max(0.9);
            }
            (s, c)
        })
        .filter(|(s, _)| *s >= 0.8)
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.cmp(b.1)));
    scored
        .into_iter()
        .take(3)
        .map(|(_, c)| c.to_string())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_close_ids_only() {
        let ids = ["url-shortener", "twitter", "pastebin"];
        assert_eq!(nearest("twiter", ids), vec!["twitter"]);
        assert_eq!(nearest("url", ids), vec!["url-shortener"]);
        assert!(nearest("kubernetes", ids).is_empty());
    }

    #[test]
    fn did_you_mean_formats() {
        assert_eq!(did_you_mean(&[]), "");
        assert_eq!(did_you_mean(&["a".into()]), "; did you mean `a`?");
        assert_eq!(
            did_you_mean(&["a".into(), "b".into()]),
            "; did you mean `a` or `b`?"
        );
    }
}
