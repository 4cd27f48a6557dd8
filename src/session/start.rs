//! Opening a session: a new one for a problem (named, random or picked), or
//! the one to resume, checked for its mode; and how to tell a person to
//! come back to it.

use super::choose::{choose_problem, Choice};
use super::prompter::Prompter;
use crate::catalog::Catalog;
use crate::error::{Error, Result};
use crate::grading::{self, Answer, Extras};
use crate::transcript::{Mode, PeerSession, SessionLock, Store, Transcript};
use chrono::{DateTime, FixedOffset};
use std::path::{Path, PathBuf};

/// How a session was asked for.
#[derive(Debug, Clone, Default)]
pub struct StartOptions {
    pub problem: Option<String>,
    /// Pick a problem at random (solo only).
    pub random: bool,
    /// Total minutes the step budgets scale to.
    pub minutes: u32,
    pub timer: bool,
    /// `Some(None)`: the latest unfinished session; `Some(Some(f))`: that file.
    pub resume: Option<Option<PathBuf>>,
    /// Seed for the follow-up choice; `None` takes one from the clock.
    pub seed: Option<u64>,
    /// The candidate's name (peer only).
    pub candidate: Option<String>,
    /// No curveball in the deep dive (solo only).
    pub no_curveball: bool,
    /// The level the candidate is judged at.
    pub level: crate::grading::Level,
}

/// How the person started the program, so that hints name a command that
/// works for them: `sdcoach` when installed, `cargo run --release --` from a
/// checkout.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Invocation(pub String);

impl Default for Invocation {
    fn default() -> Self {
        Invocation("sdcoach".into())
    }
}

impl Invocation {
    /// Reads it off the running executable: a binary inside a cargo
    /// `target/release` or `target/debug` folder was started by cargo.
    pub fn detect() -> Invocation {
        let exe = std::env::current_exe().ok();
        let dir = exe.as_deref().and_then(Path::parent);
        let profile = dir.and_then(|d| d.file_name()).and_then(|n| n.to_str());
        let in_target = dir
            .and_then(Path::parent)
            .and_then(|d| d.file_name())
            .is_some_and(|n| n == "target");
        match (in_target, profile) {
            (true, Some("release")) => Invocation("cargo run --release --".into()),
            (true, Some("debug")) => Invocation("cargo run --".into()),
            _ => Invocation::default(),
        }
    }

    /// `<program> <args>`.
    pub fn command(&self, args: &str) -> String {
        format!("{} {args}", self.0)
    }
}

/// The subcommand that runs sessions of a mode.
pub fn command_of(mode: Mode) -> &'static str {
    match mode {
        Mode::Solo => "practice",
        Mode::Peer => "interview",
    }
}

/// A session ready to run: where it is saved, what it holds so far, and
/// its lock (held until dropped: one live session per transcript).
pub type Opened = (PathBuf, Transcript, SessionLock);

/// The session to run: a new one (saved at once, so it can be resumed) or
/// the one to resume. `None` when the person cancelled the picker.
pub fn open(
    catalog: &Catalog,
    store: &Store,
    mode: Mode,
    opts: StartOptions,
    picker: Option<&mut dyn Prompter>,
    now: DateTime<FixedOffset>,
    how: &Invocation,
) -> Result<Option<Opened>> {
    if let Some(file) = opts.resume {
        let (path, t, lock) = resume(store, file, mode, how)?;
        check_data(catalog, &t.problem)?;
        return Ok(Some((path, t, lock)));
    }
    let seed = opts.seed.unwrap_or_else(|| now_seed(now));
    let choice = match (opts.problem.as_deref(), opts.random, picker) {
        (Some(id), _, _) => Choice::Named(id),
        (None, true, _) => Choice::Random(seed),
        (None, false, Some(p)) => Choice::Pick(p),
        (None, false, None) => Choice::Missing,
    };
    let hint = match mode {
        Mode::Solo => format!(
            "name one, e.g. `{}`, or pass `--random`",
            how.command("practice url-shortener")
        ),
        Mode::Peer => format!(
            "name one, e.g. `{}`",
            how.command("interview url-shortener")
        ),
    };
    let Some(id) = choose_problem(catalog, choice, &hint)? else {
        return Ok(None);
    };
    check_data(catalog, &id)?;
    // The seed is unused in peer mode (the interviewer picks the probes).
    let seed = if mode == Mode::Solo { seed } else { 0 };
    let mut t = Transcript::new(&id, mode, opts.minutes, opts.timer, seed, now);
    t.level = opts.level;
    t.curveballs = !opts.no_curveball;
    if mode == Mode::Peer {
        t.peer = Some(PeerSession {
            candidate: opts
                .candidate
                .map(|c| c.trim().to_string())
                .filter(|c| !c.is_empty()),
            ..Default::default()
        });
    }
    let (path, lock) = store.create_locked(&t)?;
    Ok(Some((path, t, lock)))
}

/// Grades an empty answer to the problem: everything the grade at the end
/// needs (the rubric, its regexes, the flags) is compiled now, so broken
/// data stops the session before the first question, not after the last.
pub fn check_data(catalog: &Catalog, id: &str) -> Result<()> {
    catalog.problem(id)?;
    catalog.rubric(id)?;
    let empty = Answer::from_steps(Some(id.to_string()), Default::default());
    grading::grade(catalog, id, &empty, &Extras::default()).map(|_| ())
}

/// A seed from the start time, down to the nanosecond.
fn now_seed(now: DateTime<FixedOffset>) -> u64 {
    now.timestamp_nanos_opt().map_or(0, |n| n as u64)
}

/// The session to resume, locked: `file`, or the latest unfinished session
/// of `mode`. A session open in another sdcoach is refused, naming it.
pub fn resume(
    store: &Store,
    file: Option<PathBuf>,
    mode: Mode,
    how: &Invocation,
) -> Result<Opened> {
    let command = command_of(mode);
    let (path, lock, t) = match file {
        Some(f) => {
            let path = store.resolve(&f)?;
            let lock = SessionLock::acquire(&path)?;
            // Read under the lock: what another session saved last is here.
            let t = Store::load(&path)?;
            (path, lock, t)
        }
        None => {
            let (path, _) = store.latest_unfinished(mode)?.ok_or_else(|| {
            Error::Usage(format!(
                "no unfinished {} session in `{}`: start one with `{}` (or pass `--transcripts DIR`)",
                mode.as_str(),
                store.dir.display(),
                how.command(&format!("{command} PROBLEM"))
            ))
            })?;
            let lock = SessionLock::acquire(&path)?;
            let t = Store::load(&path)?;
            (path, lock, t)
        }
    };
    if t.finished {
        return Err(Error::Usage(format!(
            "`{}` is already finished: start a new session with `{}`",
            path.display(),
            how.command(&format!("{command} PROBLEM"))
        )));
    }
    if t.mode != mode {
        return Err(Error::Usage(format!(
            "`{}` is a {} session: resume it with `{}`",
            path.display(),
            t.mode.as_str(),
            how.command(&format!(
                "{} --resume {}",
                command_of(t.mode),
                path.display()
            ))
        )));
    }
    Ok((path, t, lock))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hints_name_the_command_that_started_the_program() {
        let how = Invocation("cargo run --release --".into());
        assert_eq!(
            how.command("practice --resume a.yaml"),
            "cargo run --release -- practice --resume a.yaml"
        );
        assert_eq!(Invocation::default().command("lint"), "sdcoach lint");
    }

    #[test]
    fn a_session_of_the_other_mode_is_not_resumed() {
        let dir = tempfile::tempdir().expect("tempdir");
        let store = Store::new(dir.path());
        let at = DateTime::parse_from_rfc3339("2026-11-27T10:00:00+00:00").expect("date");
        let t = Transcript::new("twitter", Mode::Peer, 55, true, 0, at);
        let path = store.create(&t).expect("saved");
        let err =
            resume(&store, Some(path), Mode::Solo, &Invocation::default()).expect_err("wrong mode");
        assert!(
            err.to_string()
                .contains("resume it with `sdcoach interview --resume"),
            "{err}"
        );
        let err =
            resume(&store, None, Mode::Solo, &Invocation::default()).expect_err("none unfinished");
        assert!(
            err.to_string().contains("no unfinished solo session"),
            "{err}"
        );
    }
}
