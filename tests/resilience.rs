//! Resilience through the real binary: broken transcripts, sessions started
//! at the same moment, broken data, end of input, signals on a real
//! pseudo-terminal, kill -9 in a loop of saves and a bad-input matrix over
//! every command that reads a file. Each case is one row of the hardening
//! issue; none may end in a panic (exit 101).

mod common;

use common::{output, sdcoach, Run};
use sdcoach::framework::StepId;
use sdcoach::grading::Band;
use sdcoach::transcript::{Mode, PeerSession, Rating, Store, Transcript};
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Child, Stdio};

fn at() -> chrono::DateTime<chrono::FixedOffset> {
    chrono::DateTime::parse_from_rfc3339("2026-11-27T10:00:00+00:00").expect("date")
}

/// The `.yaml` files of a folder, sorted.
fn yaml_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = fs::read_dir(dir)
        .map(|r| {
            r.filter_map(|e| e.ok())
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|x| x == "yaml"))
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    files
}

/// Every file of a folder, hidden ones included.
fn all_files(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .map(|r| {
            r.filter_map(|e| e.ok())
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

fn run(dir: &Path, args: &[&str], stdin: &str) -> Run {
    output(
        sdcoach()
            .current_dir(dir)
            .env("SDCOACH_SEED", "4")
            .env_remove("EDITOR")
            .env_remove("VISUAL")
            .args(args)
            .write_stdin(stdin),
    )
}

fn no_panic(r: &Run, what: &str) {
    assert_ne!(r.code, 101, "{what} panicked: {}", r.stderr);
    assert!(!r.stderr.contains("panicked"), "{what}: {}", r.stderr);
}

/// A finished solo transcript with a saved grade.
fn graded(problem: &str) -> Transcript {
    let mut t = Transcript::new(problem, Mode::Solo, 55, true, 1, at());
    for s in &mut t.steps {
        s.answer = "We cache hot keys in Redis because reads dominate.".into();
        s.done = true;
    }
    t.finished = true;
    t
}

/// Broken variants of a good transcript: what a crash, a bad copy or a hand
/// edit could leave.
fn broken_transcripts() -> Vec<(&'static str, String)> {
    let good = graded("url-shortener").to_yaml();
    let cut_at = good.find("- step: non_functional").expect("third step");
    let three_steps = good[..cut_at].to_string();
    let no_steps = {
        let start = good.find("steps:").expect("steps");
        let end = good[start..]
            .find("\ngrade:")
            .map_or(good.len(), |e| start + e + 1);
        format!("{}steps: []\n{}", &good[..start], &good[end..])
    };
    let truncated = good[..good.len() * 2 / 3].to_string();
    let shuffled = good
        .replacen("step: requirements", "step: PLACEHOLDER", 1)
        .replacen("step: functional", "step: requirements", 1)
        .replacen("step: PLACEHOLDER", "step: functional", 1);
    vec![
        ("three-steps", three_steps),
        ("no-steps", no_steps),
        ("truncated", truncated),
        ("shuffled", shuffled),
    ]
}

#[test]
fn short_or_shuffled_transcripts_are_refused_with_one_line_naming_the_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    let t = dir.path().join("t");
    fs::create_dir_all(&t).expect("mkdir");
    Store::new(&t)
        .save(&t.join("good.yaml"), &graded("url-shortener"))
        .expect("save");
    for (name, text) in broken_transcripts() {
        let file = format!("t/{name}.yaml");
        fs::write(dir.path().join(&file), &text).expect("write");
        let mut unfinished = text.replace("finished: true", "finished: false");
        unfinished = unfinished.replace("done: true", "done: false");
        fs::write(dir.path().join(format!("t/{name}-open.yaml")), unfinished).expect("write");
        for args in [
            vec!["--transcripts", "t", "review", file.as_str()],
            vec!["--transcripts", "t", "review", "--format", "json", &file],
            vec![
                "--transcripts",
                "t",
                "practice",
                "--resume",
                &format!("t/{name}-open.yaml"),
            ],
            vec![
                "--transcripts",
                "t",
                "interview",
                "--resume",
                &format!("t/{name}-open.yaml"),
            ],
            vec![
                "--transcripts",
                "t",
                "review",
                "--compare",
                "t/good.yaml",
                &file,
            ],
        ] {
            let r = run(dir.path(), &args, "");
            no_panic(&r, &format!("{args:?} on {name}"));
            assert_ne!(r.code, 0, "{args:?} accepted {name}: {}", r.stdout);
            assert_eq!(r.stderr.lines().count(), 1, "{args:?}: {}", r.stderr);
            assert!(r.stderr.contains(name), "{args:?}: {}", r.stderr);
        }
    }
    // `history` skips every bad file with a warning and lists the good one.
    let r = run(dir.path(), &["--transcripts", "t", "history"], "");
    no_panic(&r, "history");
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(
        r.stderr.matches("warning: skipped").count(),
        8,
        "{}",
        r.stderr
    );
    assert!(r.stdout.contains("1 session"), "{}", r.stdout);
}

/// A session through piped stdin: one answer, then the input ends.
fn spawn_practice(dir: &Path, problem: &str) -> Child {
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("sdcoach"))
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .env_remove("SDCOACH_TRANSCRIPTS")
        .args(["--transcripts", "t", "practice", problem])
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawns");
    if let Some(mut stdin) = child.stdin.take() {
        let _ = stdin.write_all(b"I assume 1M pastes a day.\n.\n");
    }
    child
}

#[test]
fn two_sessions_started_at_once_never_fail_in_a_hundred_tries() {
    let dir = tempfile::tempdir().expect("tempdir");
    for round in 0..100 {
        let pair = [
            spawn_practice(dir.path(), "pastebin"),
            spawn_practice(dir.path(), "pastebin"),
        ];
        for child in pair {
            let out = child.wait_with_output().expect("waits");
            assert_eq!(
                out.status.code(),
                Some(0),
                "round {round}: {}",
                String::from_utf8_lossy(&out.stderr)
            );
        }
    }
    let files = yaml_files(&dir.path().join("t"));
    assert_eq!(files.len(), 200, "{files:?}");
    for f in &files {
        let t = Store::load(f).expect("every session loads");
        assert_eq!(t.steps[0].answer, "I assume 1M pastes a day.");
    }
    // No temporary file is left behind.
    let leftovers: Vec<String> = all_files(&dir.path().join("t"))
        .into_iter()
        .filter(|n| n.ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn a_broken_rubric_stops_practice_before_the_first_question() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path().join("data");
    for f in sdcoach::catalog::SourceFile::embedded() {
        let path = data.join(&f.rel);
        fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        fs::write(path, f.text).expect("write");
    }
    let rubric = data.join("rubrics/pastebin.yaml");
    let text = fs::read_to_string(&rubric).expect("read");
    assert!(text.contains("phrases:"));
    fs::write(
        &rubric,
        text.replacen("phrases:", "patterns: ['(unclosed']\n        phrases:", 1),
    )
    .expect("write");
    for mode in ["practice", "interview"] {
        let r = run(
            dir.path(),
            &["--data", "data", "--transcripts", "t", mode, "pastebin"],
            "I assume 1M pastes a day.\n.\n",
        );
        no_panic(&r, mode);
        assert_eq!(r.code, 3, "{mode}: {}\n{}", r.stdout, r.stderr);
        assert!(!r.stdout.contains("Step 1/7"), "{mode}: {}", r.stdout);
        assert!(r.stderr.contains("(unclosed"), "{mode}: {}", r.stderr);
        assert!(yaml_files(&dir.path().join("t")).is_empty());
    }
}

#[test]
fn a_peer_session_resumed_at_the_overall_notes_asks_for_them() {
    let dir = tempfile::tempdir().expect("tempdir");
    let folder = dir.path().join("t");
    fs::create_dir_all(&folder).expect("mkdir");
    let mut t = Transcript::new("url-shortener", Mode::Peer, 55, true, 0, at());
    for s in &mut t.steps {
        s.done = true;
    }
    t.peer = Some(PeerSession {
        candidate: Some("Candidate A".into()),
        ratings: [
            "communication",
            "technical_depth",
            "practical_experience",
            "problem_solving",
        ]
        .iter()
        .map(|d| Rating {
            dimension: d.to_string(),
            score: 3,
            why: "fine".into(),
        })
        .collect(),
        recommendation: Some(Band::Hire),
        notes: String::new(),
    });
    let path = folder.join("peer.yaml");
    Store::new(&folder).save(&path, &t).expect("save");
    let r = run(
        dir.path(),
        &["--transcripts", "t", "interview", "--resume", "t/peer.yaml"],
        "Practise failure modes.\n",
    );
    no_panic(&r, "resume");
    assert_eq!(r.code, 0, "{}\n{}", r.stdout, r.stderr);
    assert!(r.stdout.contains("Overall notes"), "{}", r.stdout);
    let back = Store::load(&path).expect("loads");
    assert!(back.finished);
    let session = back.peer.clone().expect("peer");
    assert_eq!(session.notes, "Practise failure modes.");
    assert!(back.step(StepId::DeepDive).done);
}

#[test]
fn a_session_whose_input_is_empty_saves_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    for mode in ["practice", "interview"] {
        let r = run(
            dir.path(),
            &["--transcripts", "t", mode, "url-shortener"],
            "",
        );
        no_panic(&r, mode);
        assert_eq!(r.code, 0, "{mode}: {}", r.stderr);
        assert!(r.stdout.contains("nothing saved"), "{mode}: {}", r.stdout);
        assert!(
            yaml_files(&dir.path().join("t")).is_empty(),
            "{mode}: {:?}",
            all_files(&dir.path().join("t"))
        );
    }
    let r = run(dir.path(), &["--transcripts", "t", "history"], "");
    assert!(r.stdout.contains("No sessions yet"), "{}", r.stdout);
    // One answer is worth keeping.
    let r = run(
        dir.path(),
        &["--transcripts", "t", "practice", "url-shortener"],
        "I assume 100M links a month.\n.\n",
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(yaml_files(&dir.path().join("t")).len(), 1);
}

/// A session with one saved answer, left unfinished: its path.
fn unfinished_session(dir: &Path) -> PathBuf {
    let r = run(
        dir,
        &["--transcripts", "t", "practice", "pastebin"],
        // The answer, then `:skip` for the probe on what it left out.
        "I assume 1M pastes a day.\n.\n:skip\n",
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let files = yaml_files(&dir.join("t"));
    assert_eq!(files.len(), 1, "{files:?}");
    files[0].clone()
}

fn wait_for(what: &str, mut done: impl FnMut() -> bool) {
    let start = std::time::Instant::now();
    while !done() {
        assert!(
            start.elapsed() < std::time::Duration::from_secs(20),
            "timed out waiting for {what}"
        );
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
}

#[test]
fn a_second_resume_is_refused_naming_the_holder_and_the_lock_goes_with_the_first() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = unfinished_session(dir.path());
    let lock = sdcoach::transcript::lock::lock_path(&path);
    let mut first = std::process::Command::new(assert_cmd::cargo::cargo_bin("sdcoach"))
        .current_dir(dir.path())
        .env("NO_COLOR", "1")
        .args(["--transcripts", "t", "practice", "--resume"])
        .arg(&path)
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawns");
    wait_for("the first resume's lock", || {
        sdcoach::transcript::lock::is_locked(&path)
    });
    let second = run(
        dir.path(),
        &["--transcripts", "t", "practice", "--resume"],
        "Post a paste, read it by its link.\n.\n",
    );
    no_panic(&second, "second resume");
    assert_eq!(second.code, 5, "{}", second.stderr);
    assert!(
        second.stderr.contains(&format!("pid {}", first.id())),
        "{}",
        second.stderr
    );
    assert_eq!(second.stderr.lines().count(), 1, "{}", second.stderr);
    // The first one goes on and saves; the refused one wrote nothing.
    let mut stdin = first.stdin.take().expect("stdin");
    stdin
        .write_all(b"Post a paste and read it back by its link.\n.\n")
        .expect("write");
    drop(stdin);
    let out = first.wait_with_output().expect("waits");
    assert_eq!(out.status.code(), Some(0));
    assert!(!lock.exists(), "the lock file is removed at the end");
    let t = Store::load(&path).expect("loads");
    assert_eq!(
        t.steps[1].answer,
        "Post a paste and read it back by its link."
    );
    // Free again: a resume now runs.
    let third = run(
        dir.path(),
        &["--transcripts", "t", "practice", "--resume"],
        ":quit\n",
    );
    assert_eq!(third.code, 0, "{}", third.stderr);
    assert!(!lock.exists());
}

/// Local and input modes of a terminal: what raw mode changes.
fn modes(
    pty: &impl std::os::fd::AsFd,
) -> (rustix::termios::LocalModes, rustix::termios::InputModes) {
    let t = rustix::termios::tcgetattr(pty).expect("tcgetattr");
    (t.local_modes, t.input_modes)
}

#[test]
fn signals_on_a_terminal_restore_it_keep_the_answers_and_exit_128_plus_the_signal() {
    use rexpect::process::signal::Signal;
    use rexpect::process::wait::WaitStatus;
    let bin = assert_cmd::cargo::cargo_bin("sdcoach");
    // The settings a fresh pseudo-terminal has before any program runs raw.
    let mut idle = rexpect::spawn("sleep 3", Some(5_000)).expect("spawns");
    std::thread::sleep(std::time::Duration::from_millis(200));
    let baseline = modes(&idle.process.pty);
    let _ = idle.process.exit();
    // `None`: the Ctrl-C key itself, which a raw-mode prompt reads as a key.
    for (signal, code, word) in [
        (Some(Signal::SIGTERM), 143, "terminated"),
        (Some(Signal::SIGHUP), 129, "hang-up"),
        (Some(Signal::SIGINT), 130, "interrupted"),
        (None, 130, "interrupted"),
    ] {
        let dir = tempfile::tempdir().expect("tempdir");
        let cmd = format!(
            "env NO_COLOR=1 TERM=xterm {} --transcripts {} practice url-shortener --no-timer",
            bin.display(),
            dir.path().join("t").display()
        );
        let mut p = rexpect::spawn(&cmd, Some(15_000)).expect("spawns in a pty");
        p.exp_string("Step 1/7").expect("first step");
        p.send_line("I assume 100M new links a month and 100 redirects per link.")
            .expect("send");
        p.send_line(".").expect("send");
        p.exp_string("Step 2/7").expect("second step");
        // Half a line typed: the prompt is reading keys in raw mode.
        p.send("Shorten a long").expect("send");
        p.flush().expect("flush");
        p.exp_string("Shorten a long").expect("echoed");
        assert_ne!(modes(&p.process.pty), baseline, "the prompt runs raw");
        match signal {
            Some(signal) => p.process.signal(signal).expect("signal"),
            None => p.send_control('c').expect("ctrl-c"),
        }
        let before = p
            .exp_string(&format!(
                "{word}: everything up to the last saved entry is in"
            ))
            .expect("says where the session is");
        assert!(
            !before.contains("Input ended"),
            "{signal:?}: an interrupted prompt is not the end of input: {before}"
        );
        p.exp_string("resume with").expect("and how to resume");
        let status = p.process.wait().expect("exits");
        assert!(
            matches!(status, WaitStatus::Exited(_, c) if c == code),
            "{signal:?}: {status:?}"
        );
        assert_eq!(
            modes(&p.process.pty),
            baseline,
            "{signal:?}: terminal restored"
        );
        let folder = dir.path().join("t");
        let files = yaml_files(&folder);
        assert_eq!(files.len(), 1, "{signal:?}");
        let t = Store::load(&files[0]).expect("loads");
        assert_eq!(
            t.steps[0].answer,
            "I assume 100M new links a month and 100 redirects per link."
        );
        assert!(!t.finished);
        assert!(
            !all_files(&folder).iter().any(|n| n.ends_with(".lock")),
            "{signal:?}: lock released: {:?}",
            all_files(&folder)
        );
    }
}

#[test]
fn ctrl_d_at_a_terminal_prompt_ends_the_input() {
    let dir = tempfile::tempdir().expect("tempdir");
    let cmd = format!(
        "env NO_COLOR=1 TERM=xterm {} --transcripts {} practice url-shortener --no-timer",
        assert_cmd::cargo::cargo_bin("sdcoach").display(),
        dir.path().join("t").display()
    );
    let mut p = rexpect::spawn(&cmd, Some(15_000)).expect("spawns in a pty");
    p.exp_string("Step 1/7").expect("first step");
    p.send_line("I assume 100M new links a month and 100 redirects per link.")
        .expect("send");
    p.send_line(".").expect("send");
    p.exp_string("Step 2/7").expect("second step");
    p.send_control('d').expect("ctrl-d");
    p.exp_string("Input ended: session saved as unfinished")
        .expect("ctrl-d is the end of input");
    p.exp_eof().expect("exits");
    let files = yaml_files(&dir.path().join("t"));
    let t = Store::load(&files[0]).expect("loads");
    assert_eq!(
        t.steps[0].answer,
        "I assume 100M new links a month and 100 redirects per link."
    );
}

#[test]
fn kill_9_in_a_loop_of_saves_never_leaves_a_broken_transcript_or_a_held_lock() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = unfinished_session(dir.path());
    let bin = assert_cmd::cargo::cargo_bin("sdcoach");
    let mut saved = 0;
    for round in 0..30u64 {
        let mut child = std::process::Command::new(&bin)
            .current_dir(dir.path())
            .env("NO_COLOR", "1")
            .args(["--transcripts", "t", "practice", "--resume"])
            .arg(&path)
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("spawns");
        let mut stdin = child.stdin.take().expect("stdin");
        // Every `?` line is a question, answered and saved at once.
        let feeder = std::thread::spawn(move || {
            for i in 0..2000 {
                if stdin
                    .write_all(format!("?how many pastes, take {i}\n").as_bytes())
                    .is_err()
                {
                    break;
                }
            }
        });
        std::thread::sleep(std::time::Duration::from_millis(40 + round * 7 % 90));
        child.kill().expect("kill -9");
        let _ = child.wait();
        let _ = feeder.join();
        let t = Store::load(&path).unwrap_or_else(|e| panic!("round {round}: {e}"));
        saved = t.steps[1].questions.len();
        // The lock of a killed process is stale: the next round takes it.
        let _ = sdcoach::transcript::SessionLock::acquire(&path).expect("stale lock taken");
    }
    assert!(saved > 0, "no save happened before the kills");
}

#[test]
fn a_full_disk_is_one_line_and_exit_4() {
    if !Path::new("/dev/full").exists() {
        return;
    }
    let dir = tempfile::tempdir().expect("tempdir");
    let path = unfinished_session(dir.path());
    let file = path.to_string_lossy().into_owned();
    let r = run(
        dir.path(),
        &[
            "--transcripts",
            "t",
            "review",
            &file,
            "--output",
            "/dev/full",
        ],
        "",
    );
    no_panic(&r, "review --output /dev/full");
    assert_eq!(r.code, 4, "{}", r.stderr);
    assert!(r.stderr.contains("No space left on device"), "{}", r.stderr);
    // Standard output on a full disk: said, not silently lost.
    let out = std::process::Command::new(assert_cmd::cargo::cargo_bin("sdcoach"))
        .args(["problems"])
        .stdout(fs::File::create("/dev/full").expect("open /dev/full"))
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(4));
    assert!(String::from_utf8_lossy(&out.stderr).contains("No space left on device"));
}

/// Bad files of every kind a command may be handed.
fn bad_inputs(dir: &Path) -> Vec<(String, PathBuf)> {
    let good = graded("url-shortener").to_yaml();
    let mut files: Vec<(&str, Vec<u8>)> = vec![
        ("empty", Vec::new()),
        ("binary", vec![0x89, b'P', b'N', b'G', 0, 0, 1]),
        ("latin1", b"caf\xe9 design\n".to_vec()),
        (
            "deep",
            format!("version: 1\nproblem: {}\n", "[".repeat(40_000)).into_bytes(),
        ),
        (
            "deep-map",
            format!("version: 1\nsteps: {}\n", "{a: ".repeat(40_000)).into_bytes(),
        ),
        ("no-version", b"problem: twitter\n".to_vec()),
        ("garbage", b"::: [ }\n\t- :\n".to_vec()),
        ("huge", "word ".repeat(4 * 1024 * 1024).into_bytes()),
    ];
    files.push(("short", good.as_bytes()[..good.len() / 3].to_vec()));
    let mut out: Vec<(String, PathBuf)> = files
        .into_iter()
        .map(|(name, bytes)| {
            let path = dir.join(format!("{name}.yaml"));
            fs::write(&path, bytes).expect("write");
            (name.to_string(), path)
        })
        .collect();
    let folder = dir.join("a-folder.yaml");
    fs::create_dir_all(&folder).expect("mkdir");
    out.push(("folder".into(), folder));
    out.push(("missing".into(), dir.join("missing.yaml")));
    if Path::new("/dev/zero").exists() {
        out.push(("dev-zero".into(), PathBuf::from("/dev/zero")));
    }
    out
}

#[test]
fn every_command_that_reads_a_file_refuses_bad_ones_in_one_line_and_quickly() {
    let dir = tempfile::tempdir().expect("tempdir");
    let folder = dir.path().join("t");
    fs::create_dir_all(&folder).expect("mkdir");
    let good = folder.join("good.yaml");
    Store::new(&folder)
        .save(&good, &graded("url-shortener"))
        .expect("save");
    let good = good.to_string_lossy().into_owned();
    for (name, path) in bad_inputs(&folder) {
        let file = path.to_string_lossy().into_owned();
        let runs: Vec<Vec<&str>> = vec![
            vec!["grade", "--problem", "twitter", &file],
            vec!["grade", "--question", "networking-http-stateless", &file],
            vec!["review", &file],
            vec!["review", "--format", "html", &file],
            vec!["review", "--compare", &good, &file],
            vec!["practice", "--resume", &file],
            vec!["interview", "--resume", &file],
        ];
        for args in runs {
            let start = std::time::Instant::now();
            let mut all = vec!["--transcripts", "t"];
            all.extend(&args);
            let r = run(dir.path(), &all, "");
            let took = start.elapsed();
            no_panic(&r, &format!("{args:?} on {name}"));
            assert!(
                took < std::time::Duration::from_secs(10),
                "{args:?} on {name} took {took:?}"
            );
            // Anything a grader can read is graded; the rest is refused.
            if r.code == 0 {
                assert!(args[0] == "grade", "{args:?} accepted {name}");
                continue;
            }
            assert!(
                [2, 3, 4].contains(&r.code),
                "{args:?} on {name}: {}",
                r.code
            );
            assert_eq!(
                r.stderr.lines().count(),
                1,
                "{args:?} on {name}: {}",
                r.stderr
            );
            assert!(r.stderr.starts_with("error: "), "{args:?}: {}", r.stderr);
        }
    }
    // The answer limit, stated: 1 MB from a device, a file or a pipe.
    let r = run(
        dir.path(),
        &["grade", "--problem", "twitter", "/dev/zero"],
        "",
    );
    assert!(r.stderr.contains("1048576-byte limit"), "{}", r.stderr);
    let r = output(
        sdcoach()
            .args(["grade", "--problem", "twitter", "-"])
            .write_stdin("a".repeat(2 * 1024 * 1024)),
    );
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("1048576-byte limit"), "{}", r.stderr);
    // `history` over the folder of bad files: warnings, never fatal.
    let r = run(dir.path(), &["--transcripts", "t", "history"], "");
    no_panic(&r, "history");
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stderr.contains("deep.yaml"), "{}", r.stderr);
    assert!(r.stdout.contains("1 session"), "{}", r.stdout);
}

#[test]
fn a_data_folder_with_a_device_or_deep_nesting_is_refused_quickly() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path().join("data");
    for f in sdcoach::catalog::SourceFile::embedded() {
        let path = data.join(&f.rel);
        fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        fs::write(path, f.text).expect("write");
    }
    fs::write(
        data.join("rubrics/deep.yaml"),
        format!("problem: {}\n", "[".repeat(40_000)),
    )
    .expect("write");
    for args in [vec!["lint"], vec!["problems"], vec!["practice", "pastebin"]] {
        let start = std::time::Instant::now();
        let mut all = vec!["--data", "data", "--transcripts", "t"];
        all.extend(&args);
        let r = run(dir.path(), &all, "");
        no_panic(&r, &format!("{args:?}"));
        assert!(
            start.elapsed() < std::time::Duration::from_secs(5),
            "{args:?}"
        );
        assert_ne!(r.code, 0, "{args:?}");
        assert!(
            r.stdout.contains("nest") || r.stderr.contains("nest"),
            "{args:?}: {}{}",
            r.stdout,
            r.stderr
        );
    }
    fs::remove_file(data.join("rubrics/deep.yaml")).expect("rm");
    if Path::new("/dev/zero").exists() {
        std::os::unix::fs::symlink("/dev/zero", data.join("rubrics/zero.yaml")).expect("symlink");
        let r = run(dir.path(), &["--data", "data", "lint"], "");
        no_panic(&r, "lint over /dev/zero");
        assert_eq!(r.code, 2, "{}", r.stderr);
        assert!(r.stderr.contains("zero.yaml"), "{}", r.stderr);
    }
}

#[test]
fn reports_escape_c1_del_html_and_invisible_characters_and_name_no_private_path() {
    let dir = tempfile::tempdir().expect("tempdir");
    let folder = dir.path().join("t");
    fs::create_dir_all(&folder).expect("mkdir");
    let mut t = graded("url-shortener");
    let evil = "\u{9b}31m\u{7f}<img src=x onerror=alert(1)>\u{2028}line\u{200b}gap";
    for s in &mut t.steps {
        s.answer = format!("We cache hot keys in Redis because reads dominate {evil}.");
    }
    let path = folder.join("evil.yaml");
    Store::new(&folder).save(&path, &t).expect("save");
    let abs = path.to_string_lossy().into_owned();
    let folder_text = folder.to_string_lossy().into_owned();
    let review = |format: &str| {
        let r = run(
            dir.path(),
            &[
                "--transcripts",
                &folder_text,
                "review",
                "--format",
                format,
                &abs,
            ],
            "",
        );
        assert_eq!(r.code, 0, "{format}: {}", r.stderr);
        assert!(
            !r.stdout.contains(&folder_text),
            "{format} names the private folder"
        );
        r.stdout
    };
    let json = review("json");
    for c in ['\u{9b}', '\u{7f}', '\u{2028}', '\u{200b}'] {
        assert!(!json.contains(c), "json carries {c:?} raw");
    }
    assert!(json.contains("\\u009b"), "escaped, so the data stays exact");
    let md = review("markdown");
    assert!(!md.contains("<img"), "markdown passes HTML through");
    assert!(md.contains("&lt;img"), "{md}");
    let text = review("text");
    for c in ['\u{9b}', '\u{7f}', '\u{2028}', '\u{200b}'] {
        assert!(!text.contains(c), "the terminal gets {c:?}");
    }
    let html = review("html");
    assert!(html.contains("evil.yaml"));
    assert!(!html.contains("<img src=x"));
}
