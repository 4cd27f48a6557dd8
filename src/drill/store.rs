//! The drill's files in `<transcripts>/drill/`: `state.yaml`, every card's
//! schedule (written atomically after every card), and `log.jsonl`, the
//! append-only review log. A state file that cannot be read is kept aside
//! under a new name and reported, never silently replaced.

use super::card::Miss;
use super::schedule::Next;
use super::{Kind, Rating};
use crate::catalog::read_text;
use crate::error::{Error, Result};
use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

/// Current state format version.
pub const VERSION: u32 = 1;
/// Largest state or log file read.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;
/// Longest answer kept in the log.
const MAX_LOGGED_ANSWER: usize = 4000;

/// Every card's schedule, and the sessions already searched for misses.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct State {
    pub version: u32,
    /// By card id: cards reviewed at least once, and misses not yet reviewed.
    #[serde(default)]
    pub cards: BTreeMap<String, CardState>,
    /// Saved sessions searched for misses: file name and the time the
    /// session was last updated, so a session is searched again only when
    /// it changed.
    #[serde(default)]
    pub harvested: BTreeMap<String, DateTime<FixedOffset>>,
}

impl Default for State {
    fn default() -> Self {
        State {
            version: VERSION,
            cards: BTreeMap::new(),
            harvested: BTreeMap::new(),
        }
    }
}

/// One card's schedule.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CardState {
    pub kind: Kind,
    /// Misses: what was missed (the sessions may be deleted since).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub miss: Option<Miss>,
    /// Misses: the saved sessions it was missed in.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub missed_in: Vec<String>,
    pub added: DateTime<FixedOffset>,
    /// Next due date; `None` until the first review.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stability: Option<f32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub difficulty: Option<f32>,
    #[serde(default)]
    pub reps: u32,
    /// Reviews rated Again after the card had been learnt.
    #[serde(default)]
    pub lapses: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_review: Option<DateTime<FixedOffset>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_review: Option<DateTime<FixedOffset>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_rating: Option<Rating>,
}

impl CardState {
    /// A card never reviewed.
    pub fn new(kind: Kind, now: DateTime<FixedOffset>) -> CardState {
        CardState {
            kind,
            miss: None,
            missed_in: Vec::new(),
            added: now,
            due: None,
            stability: None,
            difficulty: None,
            reps: 0,
            lapses: 0,
            first_review: None,
            last_review: None,
            last_rating: None,
        }
    }

    /// Whether the card was ever reviewed.
    pub fn reviewed(&self) -> bool {
        self.reps > 0
    }

    /// Applies a review.
    pub fn apply(&mut self, rating: Rating, next: &Next, now: DateTime<FixedOffset>) {
        if self.reviewed() && rating == Rating::Again {
            self.lapses += 1;
        }
        self.reps += 1;
        self.stability = Some(next.stability);
        self.difficulty = Some(next.difficulty);
        self.due = Some(next.due);
        self.first_review.get_or_insert(now);
        self.last_review = Some(now);
        self.last_rating = Some(rating);
    }
}

impl State {
    /// New cards first reviewed on `today`, for the daily cap.
    pub fn new_reviewed_on(&self, today: NaiveDate) -> usize {
        self.cards
            .values()
            .filter(|c| c.first_review.is_some_and(|f| f.date_naive() == today))
            .count()
    }
}

/// One review, as appended to the log.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LogEntry {
    pub at: DateTime<FixedOffset>,
    pub card: String,
    pub kind: Kind,
    /// The rating given (the proposal, or the person's override).
    pub rating: Rating,
    pub proposed: Rating,
    /// `close`, `off`, `72/100`, ...
    pub result: String,
    /// The card had never been reviewed.
    pub new: bool,
    pub elapsed_days: u32,
    pub due: NaiveDate,
    pub stability: f32,
    pub difficulty: f32,
    #[serde(default)]
    pub answer: String,
}

impl LogEntry {
    /// Trims a long answer to what the log keeps.
    pub fn keep_answer(answer: &str) -> String {
        let a = answer.trim();
        match a.char_indices().nth(MAX_LOGGED_ANSWER) {
            Some((i, _)) => format!("{}…", &a[..i]),
            None => a.to_string(),
        }
    }
}

/// The log as read: entries, and how many lines could not be read (a line
/// cut short by a crash, say).
#[derive(Debug, Clone, Default)]
pub struct Log {
    pub entries: Vec<LogEntry>,
    pub unreadable: usize,
}

/// `<transcripts>/drill/`.
#[derive(Debug, Clone)]
pub struct DrillStore {
    pub dir: PathBuf,
}

/// The state as loaded, with what to tell the person about it.
#[derive(Debug, Clone, Default)]
pub struct Loaded {
    pub state: State,
    /// Set when a broken state file was kept aside: say so.
    pub notice: Option<String>,
}

impl DrillStore {
    /// The drill folder inside a transcripts folder (not created until written).
    pub fn new(transcripts: &Path) -> DrillStore {
        DrillStore {
            dir: transcripts.join("drill"),
        }
    }

    /// `state.yaml`.
    pub fn state_path(&self) -> PathBuf {
        self.dir.join("state.yaml")
    }

    /// `log.jsonl`.
    pub fn log_path(&self) -> PathBuf {
        self.dir.join("log.jsonl")
    }

    /// Reads the state; none yet is an empty one. A file that cannot be
    /// parsed is renamed `state.broken-<time>.yaml` and reported, and an
    /// empty state is used: the old schedule is never overwritten.
    pub fn load(&self, now: DateTime<FixedOffset>) -> Result<Loaded> {
        let path = self.state_path();
        if !path.exists() {
            return Ok(Loaded::default());
        }
        let text = read_text(&path, MAX_FILE_BYTES);
        let why = match text.map(|t| parse_state(&t)) {
            Ok(Ok(state)) => {
                return Ok(Loaded {
                    state,
                    notice: None,
                })
            }
            // A newer sdcoach's file is not broken: leave it where it is.
            Ok(Err(Broken::Newer(v))) => {
                return Err(Error::Transcript(format!(
                    "{}: drill state version {v} is newer than this sdcoach understands ({VERSION}): upgrade sdcoach",
                    path.display()
                )))
            }
            Ok(Err(Broken::Unreadable(why))) => why,
            Err(e) => e.to_string(),
        };
        let aside = self
            .dir
            .join(format!("state.broken-{}.yaml", now.format("%Y%m%dT%H%M%S")));
        fs::rename(&path, &aside).map_err(|source| Error::Write {
            path: aside.clone(),
            source,
        })?;
        Ok(Loaded {
            state: State::default(),
            notice: Some(format!(
                "the drill state `{}` could not be read ({why}); it is kept as `{}` and a new state was started: fix that file and move it back to restore your schedule",
                path.display(),
                aside.display()
            )),
        })
    }

    /// Reads the state without changing anything: an empty state when there
    /// is none or it cannot be read (a drill reports that one).
    pub fn peek(&self) -> State {
        read_text(&self.state_path(), MAX_FILE_BYTES)
            .ok()
            .and_then(|t| parse_state(&t).ok())
            .unwrap_or_default()
    }

    /// Writes the state atomically: a temporary file, then a rename.
    pub fn save(&self, state: &State) -> Result<()> {
        let path = self.state_path();
        let write_err = |source| Error::Write {
            path: path.clone(),
            source,
        };
        fs::create_dir_all(&self.dir).map_err(write_err)?;
        let text = serde_yaml::to_string(state).map_err(|e| {
            Error::Transcript(format!(
                "{}: cannot write the drill state: {e}",
                path.display()
            ))
        })?;
        let tmp = self.dir.join(".state.yaml.tmp");
        let mut f = fs::File::create(&tmp).map_err(write_err)?;
        f.write_all(text.as_bytes()).map_err(write_err)?;
        f.sync_all().map_err(write_err)?;
        fs::rename(&tmp, &path).map_err(write_err)?;
        Ok(())
    }

    /// Appends one review to the log, as one line in one write.
    pub fn append(&self, entry: &LogEntry) -> Result<()> {
        let path = self.log_path();
        let write_err = |source| Error::Write {
            path: path.clone(),
            source,
        };
        fs::create_dir_all(&self.dir).map_err(write_err)?;
        let mut line = serde_json::to_string(entry).map_err(|e| {
            Error::Transcript(format!(
                "{}: cannot write the review log: {e}",
                path.display()
            ))
        })?;
        line.push('\n');
        let mut f = fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(&path)
            .map_err(write_err)?;
        f.write_all(line.as_bytes()).map_err(write_err)?;
        f.sync_all().map_err(write_err)?;
        Ok(())
    }

    /// Reads the log; none yet is an empty one.
    pub fn log(&self) -> Result<Log> {
        let path = self.log_path();
        if !path.exists() {
            return Ok(Log::default());
        }
        let text = read_text(&path, MAX_FILE_BYTES)?;
        let mut log = Log::default();
        for line in text.lines().filter(|l| !l.trim().is_empty()) {
            match serde_json::from_str::<LogEntry>(line) {
                Ok(e) => log.entries.push(e),
                Err(_) => log.unreadable += 1,
            }
        }
        Ok(log)
    }
}

/// Why a state file was not read.
enum Broken {
    /// Written by a newer sdcoach.
    Newer(u32),
    /// Not a state file this sdcoach can read, and why.
    Unreadable(String),
}

/// Parses a state file, checking its version.
fn parse_state(text: &str) -> std::result::Result<State, Broken> {
    #[derive(Deserialize)]
    struct Probe {
        version: Option<u32>,
    }
    let located = |e: serde_yaml::Error| {
        let msg = e.to_string();
        let msg = msg.split(" at line ").next().unwrap_or(&msg).to_string();
        Broken::Unreadable(match e.location() {
            Some(l) => format!("line {}: {msg}", l.line()),
            None => msg,
        })
    };
    let probe: Probe = serde_yaml::from_str(text).map_err(located)?;
    match probe.version {
        Some(VERSION) => serde_yaml::from_str(text).map_err(located),
        Some(v) if v > VERSION => Err(Broken::Newer(v)),
        Some(v) => Err(Broken::Unreadable(format!(
            "version {v}, this sdcoach reads version {VERSION}"
        ))),
        None => Err(Broken::Unreadable("no `version` field".into())),
    }
}
