//! The transcripts folder: naming, atomic saves, finding the latest session.

use super::{Mode, SessionLock, Transcript};
use crate::error::{did_you_mean, nearest, Error, Result};
use std::fs;
use std::io::{ErrorKind, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Mutex, MutexGuard};

/// Largest transcript read (a 55-minute session is a few dozen KB): room for
/// the most input a session reads (2 MiB) even when YAML escapes all of it.
pub const MAX_TRANSCRIPT_BYTES: u64 = 16 * 1024 * 1024;

/// Most files of one problem on one day before `create` gives up.
const MAX_SESSIONS_A_DAY: u32 = 10_000;

/// Serialises the saves of this process: a signal handler takes it so that
/// the program never exits in the middle of a save.
static SAVING: Mutex<()> = Mutex::new(());

/// Numbers the temporary files of this process.
static TEMP_SEQ: AtomicU64 = AtomicU64::new(0);

/// Holds off every save of this process while the guard lives.
pub fn hold_saves() -> MutexGuard<'static, ()> {
    SAVING
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// Writes `text` to a temporary file beside `path` whose name carries the
/// process id and a counter, so no other writer shares it; returns its path.
fn write_temp(path: &Path, text: &str) -> Result<PathBuf> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let seq = TEMP_SEQ.fetch_add(1, Ordering::Relaxed);
    let tmp = path.with_file_name(format!(".{name}.{}-{seq}.tmp", std::process::id()));
    let write_err = |source| Error::Write {
        path: path.to_path_buf(),
        source,
    };
    let written = fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&tmp)
        .and_then(|mut f| {
            f.write_all(text.as_bytes())?;
            f.sync_all()
        });
    match written {
        Ok(()) => Ok(tmp),
        Err(e) => {
            let _ = fs::remove_file(&tmp);
            Err(write_err(e))
        }
    }
}

/// Puts `text` at `path` only if nothing is there: a hard link of a complete
/// temporary file (atomic, fails when the name exists). `Ok(false)` when the
/// name is taken. Where the file system has no hard links, an exclusive
/// create and a write do the same, less atomically.
fn publish_new(path: &Path, text: &str) -> Result<bool> {
    let _saving = hold_saves();
    let tmp = write_temp(path, text)?;
    let linked = fs::hard_link(&tmp, path);
    let _ = fs::remove_file(&tmp);
    let write_err = |source| Error::Write {
        path: path.to_path_buf(),
        source,
    };
    match linked {
        Ok(()) => Ok(true),
        Err(e) if e.kind() == ErrorKind::AlreadyExists => Ok(false),
        Err(_) => match fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(path)
        {
            Ok(mut f) => {
                f.write_all(text.as_bytes())
                    .and_then(|_| f.sync_all())
                    .map_err(write_err)?;
                Ok(true)
            }
            Err(e) if e.kind() == ErrorKind::AlreadyExists => Ok(false),
            Err(e) => Err(write_err(e)),
        },
    }
}

/// Creates the folder when missing and proves it is writable, before anyone
/// types for 50 minutes into a session that cannot be saved.
pub fn check_writable(dir: &Path) -> Result<()> {
    let not_writable = |reason: String| Error::TranscriptsNotWritable {
        path: dir.to_path_buf(),
        reason,
    };
    fs::create_dir_all(dir).map_err(|e| not_writable(e.to_string()))?;
    let probe = dir.join(format!(".sdcoach-write-check-{}", std::process::id()));
    fs::File::create(&probe)
        .and_then(|mut f| f.write_all(b"ok"))
        .map_err(|e| not_writable(e.to_string()))?;
    let _ = fs::remove_file(&probe);
    Ok(())
}

/// A transcripts folder.
#[derive(Debug, Clone)]
pub struct Store {
    pub dir: PathBuf,
}

impl Store {
    /// A store over `dir` (not created until used).
    pub fn new(dir: impl Into<PathBuf>) -> Store {
        Store { dir: dir.into() }
    }

    /// A transcript named by a person: the path as given, else the same name
    /// inside the folder; an error suggests the nearest file names.
    pub fn resolve(&self, file: &Path) -> Result<PathBuf> {
        if file.is_file() {
            return Ok(file.to_path_buf());
        }
        let inside = self.dir.join(file);
        if file.is_relative() && inside.is_file() {
            return Ok(inside);
        }
        let names: Vec<String> = self
            .files()
            .unwrap_or_default()
            .iter()
            .filter_map(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
            .collect();
        let wanted = file
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let suggestions = nearest(&wanted, names.iter().map(String::as_str));
        Err(Error::Usage(format!(
            "no transcript `{}` (nor in `{}`){}; list the sessions with `sdcoach history`",
            file.display(),
            self.dir.display(),
            did_you_mean(&suggestions)
        )))
    }

    /// How a report names a transcript: relative to the transcripts folder
    /// when it is inside it, else by its file name alone, so that a shared
    /// report carries no private path.
    pub fn display_name(&self, path: &Path) -> String {
        if let (Ok(dir), Ok(file)) = (fs::canonicalize(&self.dir), fs::canonicalize(path)) {
            if let Ok(rel) = file.strip_prefix(&dir) {
                return rel.display().to_string();
            }
        }
        path.file_name().map_or_else(
            || path.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        )
    }

    /// The first file name not taken: `YYYY-MM-DD-<problem>-<n>.yaml`. Only
    /// a hint: [`Store::create`] claims a name atomically.
    pub fn new_path(&self, date: &str, problem: &str) -> PathBuf {
        (1..)
            .map(|n| self.numbered(date, problem, n))
            .find(|p| !p.exists())
            .unwrap_or_else(|| self.dir.join(format!("{date}-{problem}.yaml")))
    }

    fn numbered(&self, date: &str, problem: &str, n: u32) -> PathBuf {
        self.dir.join(format!("{date}-{problem}-{n}.yaml"))
    }

    /// Saves a new session under a fresh name (date of its start, problem,
    /// counter) and returns the path. The name is claimed with create-new
    /// semantics, so two sessions started at the same moment get two files.
    pub fn create(&self, t: &Transcript) -> Result<PathBuf> {
        self.create_locked(t).map(|(path, _)| path)
    }

    /// [`Store::create`], holding the new session's lock, taken before the
    /// file appears so that no other process can resume it meanwhile.
    pub fn create_locked(&self, t: &Transcript) -> Result<(PathBuf, SessionLock)> {
        let date = t.started.format("%Y-%m-%d").to_string();
        let text = t.to_yaml();
        for n in 1..=MAX_SESSIONS_A_DAY {
            let path = self.numbered(&date, &t.problem, n);
            if path.exists() {
                continue;
            }
            let lock = match SessionLock::acquire(&path) {
                Ok(lock) => lock,
                // Another process is claiming this name right now.
                Err(Error::Locked { .. }) => continue,
                Err(e) => return Err(e),
            };
            if publish_new(&path, &text)? {
                return Ok((path, lock));
            }
        }
        Err(Error::Write {
            path: self.dir.clone(),
            source: std::io::Error::other(format!(
                "{MAX_SESSIONS_A_DAY} sessions of `{}` on {date} already: move some away",
                t.problem
            )),
        })
    }

    /// Writes the transcript atomically: a temporary file of this process,
    /// then a rename, so a reader sees the old file or the new one, never a
    /// part; saves of one process are serialised (see [`hold_saves`]).
    pub fn save(&self, path: &Path, t: &Transcript) -> Result<()> {
        let _saving = hold_saves();
        let tmp = write_temp(path, &t.to_yaml())?;
        fs::rename(&tmp, path).map_err(|source| {
            let _ = fs::remove_file(&tmp);
            Error::Write {
                path: path.to_path_buf(),
                source,
            }
        })
    }

    /// Removes a session file in which nothing was recorded (a missing file
    /// is fine: there is nothing to remove).
    pub fn discard(&self, path: &Path) -> Result<()> {
        let _saving = hold_saves();
        match fs::remove_file(path) {
            Ok(()) => Ok(()),
            Err(e) if e.kind() == ErrorKind::NotFound => Ok(()),
            Err(source) => Err(Error::Write {
                path: path.to_path_buf(),
                source,
            }),
        }
    }

    /// Reads one transcript.
    pub fn load(path: &Path) -> Result<Transcript> {
        let text = crate::catalog::read_text(path, MAX_TRANSCRIPT_BYTES)?;
        Transcript::from_yaml(&text, &path.display().to_string())
    }

    /// Every `.yaml` file in the folder, sorted by name.
    pub fn files(&self) -> Result<Vec<PathBuf>> {
        if !self.dir.exists() {
            return Ok(Vec::new());
        }
        let read = fs::read_dir(&self.dir).map_err(|source| Error::Read {
            path: self.dir.clone(),
            source,
        })?;
        let mut files: Vec<PathBuf> = read
            .filter_map(|e| e.ok())
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "yaml") && p.is_file())
            .filter(|p| {
                !p.file_name()
                    .is_some_and(|n| n.to_string_lossy().starts_with('.'))
            })
            .collect();
        files.sort();
        Ok(files)
    }

    /// The most recently updated unfinished session of `mode`, skipping unreadable files.
    pub fn latest_unfinished(&self, mode: Mode) -> Result<Option<(PathBuf, Transcript)>> {
        self.latest_where(|t| !t.finished && t.mode == mode)
    }

    /// The most recently updated session, finished or not.
    pub fn latest(&self) -> Result<Option<(PathBuf, Transcript)>> {
        self.latest_where(|_| true)
    }

    fn latest_where(
        &self,
        keep: impl Fn(&Transcript) -> bool,
    ) -> Result<Option<(PathBuf, Transcript)>> {
        let mut best: Option<(PathBuf, Transcript)> = None;
        for path in self.files()? {
            let Ok(t) = Store::load(&path) else { continue };
            if keep(&t) && best.as_ref().is_none_or(|(_, b)| t.updated >= b.updated) {
                best = Some((path, t));
            }
        }
        Ok(best)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::DateTime;

    #[test]
    fn saves_atomically_and_finds_latest_unfinished() {
        let dir = tempfile::tempdir().expect("tempdir");
        let store = Store::new(dir.path().join("t"));
        check_writable(&store.dir).expect("writable");
        let at = DateTime::parse_from_rfc3339("2026-11-27T10:00:00+00:00").expect("date");
        let t = Transcript::new("twitter", Mode::Solo, 55, true, 1, at);
        let p1 = store.new_path("2026-11-27", "twitter");
        store.save(&p1, &t).expect("save");
        let p2 = store.new_path("2026-11-27", "twitter");
        assert!(p2.to_string_lossy().ends_with("2026-11-27-twitter-2.yaml"));
        let mut done = t.clone();
        done.finished = true;
        store.save(&p2, &done).expect("save");
        fs::write(store.dir.join("broken.yaml"), "version: [").expect("write");
        let (path, _) = store
            .latest_unfinished(Mode::Solo)
            .expect("scan")
            .expect("found");
        assert_eq!(path, p1);
        assert_eq!(store.files().expect("files").len(), 3);
    }

    #[test]
    fn create_claims_a_fresh_name_even_when_the_first_is_taken_meanwhile() {
        let dir = tempfile::tempdir().expect("tempdir");
        let store = Store::new(dir.path());
        let at = DateTime::parse_from_rfc3339("2026-11-27T10:00:00+00:00").expect("date");
        let t = Transcript::new("twitter", Mode::Solo, 55, true, 1, at);
        let first = store.create(&t).expect("create");
        assert!(first.ends_with("2026-11-27-twitter-1.yaml"));
        // Another writer's file is never replaced: create-new semantics.
        assert!(!publish_new(&first, "other").expect("publish"));
        assert_eq!(Store::load(&first).expect("load"), t);
        let threads: Vec<_> = (0..8)
            .map(|_| {
                let store = store.clone();
                let t = t.clone();
                std::thread::spawn(move || store.create(&t).expect("create"))
            })
            .collect();
        let mut paths: Vec<PathBuf> = threads
            .into_iter()
            .map(|h| h.join().expect("joins"))
            .collect();
        paths.sort();
        paths.dedup();
        assert_eq!(paths.len(), 8);
        let names: Vec<String> = fs::read_dir(dir.path())
            .expect("dir")
            .filter_map(|e| e.ok())
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect();
        assert!(names.iter().all(|n| !n.ends_with(".tmp")), "{names:?}");
    }
}
