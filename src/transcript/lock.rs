//! One live session per transcript. A session holds `.NAME.lock` beside its
//! transcript: an advisory lock (`flock`) on that file, which the kernel
//! drops when the process ends however it ends (kill -9 included), and
//! inside it the holder's pid and start time, for the message that refuses
//! a second resume. A lock file nobody holds is stale and simply taken over.
//! Where the file system has no `flock`, the pid alone decides: the lock is
//! stale when that process is gone.

use crate::error::{Error, Result};
use std::fs::{self, File};
use std::io::{Read, Seek, Write};
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// Lock files this process holds, so that a signal handler that ends the
/// program (no destructors run) can still remove them.
static HELD: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

/// Tries before giving up when the lock file keeps being replaced under us.
const TRIES: usize = 20;

/// The lock of one session; released (and its file removed) when dropped.
#[derive(Debug)]
pub struct SessionLock {
    /// The lock file.
    path: PathBuf,
    /// Open while held: closing it releases the `flock`.
    _file: File,
}

/// Outcome of one attempt on the lock file.
enum Attempt {
    Held(SessionLock),
    /// Held by another live process; what its lock file says.
    Busy(String),
    /// The file was removed or replaced meanwhile: try again.
    Again,
}

/// The lock file of a transcript: `.NAME.lock` in the same folder.
pub fn lock_path(transcript: &Path) -> PathBuf {
    let name = transcript
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    transcript.with_file_name(format!(".{name}.lock"))
}

impl SessionLock {
    /// Takes the lock of `transcript`, or says which process holds it.
    pub fn acquire(transcript: &Path) -> Result<SessionLock> {
        let path = lock_path(transcript);
        for _ in 0..TRIES {
            match attempt(&path)? {
                Attempt::Held(lock) => return Ok(lock),
                Attempt::Busy(holder) => {
                    return Err(Error::Locked {
                        path: transcript.to_path_buf(),
                        holder,
                    })
                }
                Attempt::Again => continue,
            }
        }
        Err(Error::Locked {
            path: transcript.to_path_buf(),
            holder: "a process that keeps replacing its lock file".into(),
        })
    }

    /// The lock file.
    pub fn path(&self) -> &Path {
        &self.path
    }
}

impl Drop for SessionLock {
    fn drop(&mut self) {
        // Removed while still held, so nobody can take it between the two.
        let _ = fs::remove_file(&self.path);
        forget(&self.path);
    }
}

/// Removes every lock file this process holds: for a signal handler about
/// to end the program. The `flock`s go with the process itself.
pub fn release_all() {
    let held = match HELD.lock() {
        Ok(mut h) => std::mem::take(&mut *h),
        Err(poisoned) => std::mem::take(&mut *poisoned.into_inner()),
    };
    for path in held {
        let _ = fs::remove_file(path);
    }
}

fn remember(path: &Path) {
    if let Ok(mut h) = HELD.lock() {
        h.push(path.to_path_buf());
    }
}

fn forget(path: &Path) {
    if let Ok(mut h) = HELD.lock() {
        h.retain(|p| p != path);
    }
}

fn write_err(path: &Path) -> impl Fn(std::io::Error) -> Error + '_ {
    move |source| Error::Write {
        path: path.to_path_buf(),
        source,
    }
}

fn attempt(path: &Path) -> Result<Attempt> {
    let mut file = fs::OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(path)
        .map_err(write_err(path))?;
    use rustix::fs::{flock, FlockOperation};
    match flock(&file, FlockOperation::NonBlockingLockExclusive) {
        Ok(()) => {}
        Err(e) if e == rustix::io::Errno::WOULDBLOCK => {
            return Ok(Attempt::Busy(holder_of(&mut file)));
        }
        // No flock on this file system: the pid in the file decides.
        Err(_) => {
            let text = read_small(&mut file);
            if let Some(pid) = pid_of(&text) {
                if pid != std::process::id() && alive(pid) {
                    return Ok(Attempt::Busy(describe(&text)));
                }
            }
        }
    }
    // The file may have been removed by its last holder between our open and
    // our lock: then this lock guards nothing and we start again.
    let same = match (file.metadata(), fs::metadata(path)) {
        (Ok(a), Ok(b)) => a.ino() == b.ino() && a.dev() == b.dev(),
        _ => false,
    };
    if !same {
        return Ok(Attempt::Again);
    }
    let started = chrono::Local::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
    file.set_len(0)
        .and_then(|_| file.rewind())
        .and_then(|_| writeln!(file, "{}\n{started}", std::process::id()))
        .and_then(|_| file.sync_all())
        .map_err(write_err(path))?;
    remember(path);
    Ok(Attempt::Held(SessionLock {
        path: path.to_path_buf(),
        _file: file,
    }))
}

/// The first 256 bytes of the lock file, as text.
fn read_small(file: &mut File) -> String {
    let mut buf = Vec::new();
    let _ = file.rewind();
    let _ = Read::by_ref(file).take(256).read_to_end(&mut buf);
    String::from_utf8_lossy(&buf).into_owned()
}

fn pid_of(text: &str) -> Option<u32> {
    text.lines().next()?.trim().parse().ok()
}

/// "pid 123, since 2026-11-27T10:00:00+01:00" from the lock file's text.
fn describe(text: &str) -> String {
    let since = text.lines().nth(1).map(str::trim).filter(|s| !s.is_empty());
    match (pid_of(text), since) {
        (Some(pid), Some(since)) => format!("pid {pid}, since {since}"),
        (Some(pid), None) => format!("pid {pid}"),
        _ => "a process that has not written its pid yet".into(),
    }
}

fn holder_of(file: &mut File) -> String {
    describe(&read_small(file))
}

/// Whether a process with this pid exists (`kill(pid, 0)`: a process of
/// another user still counts).
fn alive(pid: u32) -> bool {
    let Some(pid) = i32::try_from(pid)
        .ok()
        .and_then(rustix::process::Pid::from_raw)
    else {
        return false;
    };
    match rustix::process::test_kill_process(pid) {
        Ok(()) => true,
        Err(e) => e == rustix::io::Errno::PERM,
    }
}

/// Whether `path`'s lock file exists and is held by a live process.
pub fn is_locked(transcript: &Path) -> bool {
    let path = lock_path(transcript);
    let Ok(file) = File::open(&path) else {
        return false;
    };
    use rustix::fs::{flock, FlockOperation};
    match flock(&file, FlockOperation::NonBlockingLockShared) {
        Ok(()) => false,
        Err(e) => e == rustix::io::Errno::WOULDBLOCK,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_holder_is_refused_naming_the_first_and_drop_releases() {
        let dir = tempfile::tempdir().expect("tempdir");
        let t = dir.path().join("s.yaml");
        let lock = SessionLock::acquire(&t).expect("first");
        assert!(lock.path().exists());
        assert!(is_locked(&t));
        let err = SessionLock::acquire(&t).expect_err("second");
        let msg = err.to_string();
        assert!(
            msg.contains(&format!("pid {}", std::process::id())),
            "{msg}"
        );
        drop(lock);
        assert!(!lock_path(&t).exists());
        assert!(!is_locked(&t));
        let again = SessionLock::acquire(&t).expect("free again");
        drop(again);
    }

    #[test]
    fn a_lock_file_nobody_holds_is_stale_and_taken_over() {
        let dir = tempfile::tempdir().expect("tempdir");
        let t = dir.path().join("s.yaml");
        // What kill -9 leaves: the file, with a pid, and no flock.
        fs::write(lock_path(&t), "999999999\n2026-11-27T10:00:00Z\n").expect("write");
        let lock = SessionLock::acquire(&t).expect("stale lock taken over");
        let text = fs::read_to_string(lock.path()).expect("read");
        assert!(text.starts_with(&std::process::id().to_string()), "{text}");
        assert!(!alive(999_999_999));
        assert!(alive(std::process::id()));
    }
}
