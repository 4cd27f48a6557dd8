//! The transcripts folder: naming, atomic saves, finding the latest session.

use super::{Mode, Transcript};
use crate::error::{did_you_mean, nearest, Error, Result};
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

/// Largest transcript read (a 55-minute session is a few dozen KB).
pub const MAX_TRANSCRIPT_BYTES: u64 = 4 * 1024 * 1024;

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

    /// A fresh file name: `YYYY-MM-DD-<problem>-<n>.yaml` with the first free n.
    pub fn new_path(&self, date: &str, problem: &str) -> PathBuf {
        (1..)
            .map(|n| self.dir.join(format!("{date}-{problem}-{n}.yaml")))
            .find(|p| !p.exists())
            .unwrap_or_else(|| self.dir.join(format!("{date}-{problem}.yaml")))
    }

    /// Saves a new session under a fresh name (date of its start, problem,
    /// counter) and returns the path.
    pub fn create(&self, t: &Transcript) -> Result<PathBuf> {
        let path = self.new_path(&t.started.format("%Y-%m-%d").to_string(), &t.problem);
        self.save(&path, t)?;
        Ok(path)
    }

    /// Writes the transcript atomically: a temporary file, then a rename.
    pub fn save(&self, path: &Path, t: &Transcript) -> Result<()> {
        let write_err = |source| Error::Write {
            path: path.to_path_buf(),
            source,
        };
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let tmp = path.with_file_name(format!(".{name}.tmp"));
        let mut f = fs::File::create(&tmp).map_err(write_err)?;
        f.write_all(t.to_yaml().as_bytes()).map_err(write_err)?;
        f.sync_all().map_err(write_err)?;
        fs::rename(&tmp, path).map_err(write_err)?;
        Ok(())
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
}
