//! Exit codes, in one place (documented in the README).

use crate::error::Error;

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
/// Interrupted (Ctrl-C).
pub const INTERRUPTED: i32 = 130;

/// The exit code for an error.
pub fn code(err: &Error) -> i32 {
    match err {
        Error::Yaml { .. } | Error::Data { .. } => DATA,
        Error::TranscriptsNotWritable { .. } | Error::Write { .. } | Error::Transcript(_) => {
            STORAGE
        }
        Error::Interrupted => INTERRUPTED,
        Error::Read { .. }
        | Error::NotUtf8 { .. }
        | Error::TooLarge { .. }
        | Error::EmptyAnswer { .. }
        | Error::Binary { .. }
        | Error::UnknownProblem { .. }
        | Error::NoProblem { .. }
        | Error::Usage(_)
        | Error::UnknownQuestion { .. } => USAGE,
    }
}
