//! `sdcoach interview`: the peer flow through piped stdin (line mode), and
//! once through a pseudo-terminal to tick the dialoguer checklist.

use assert_cmd::Command;
use sdcoach::framework::StepId;
use sdcoach::grading::Band;
use sdcoach::transcript::{Mode, Store, Transcript};
use std::path::{Path, PathBuf};

fn sdcoach(dir: &Path) -> Command {
    let mut cmd = Command::cargo_bin("sdcoach").expect("binary builds");
    cmd.current_dir(dir)
        .env("NO_COLOR", "1")
        .env_remove("SDCOACH_TRANSCRIPTS")
        .env_remove("SDCOACH_DATA")
        .env_remove("VISUAL")
        .env_remove("EDITOR");
    cmd
}

fn only_transcript(dir: &Path) -> (PathBuf, Transcript) {
    let files: Vec<PathBuf> = std::fs::read_dir(dir.join("t"))
        .expect("transcripts folder")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "yaml"))
        .collect();
    assert_eq!(files.len(), 1, "{files:?}");
    let t = Store::load(&files[0]).expect("transcript loads");
    (files[0].clone(), t)
}

/// Dated transcript names vary by day: `t/DATE-url-shortener-1.yaml`.
/// Hints name the command of the build that runs them (`cargo run
/// --release --` under `cargo test --release`); snapshots hold the debug
/// build's.
fn redact_dates(s: &str) -> String {
    regex::Regex::new(r"\d{4}-\d{2}-\d{2}-")
        .expect("regex")
        .replace_all(s, "DATE-")
        .replace("cargo run --release --", "cargo run --")
}

/// The requirements step of a piped session.
const REQUIREMENTS: &str = "\
?How many URLs are created each month?
?Is it read heavy?
:reveal 10
Asked about scale first, then drew boxes.
.
:hint
:answer
How many URLs per month? Is it read heavy? Do links ever expire?
.
:next
.
4
";

fn later_steps() -> String {
    // Each step: a note, `.` to save it, `.` to reach the checklist, two
    // topics ticked, no flags.
    "Talked it through.\n.\n.\n1 2\n\n".repeat(6)
}

const SCORECARD: &str = "3\nGood questions\n2\nShallow deep dive\n3\nRight numbers\n2\nNo failure modes\nlean hire\nPractise failure modes.\n";

#[test]
fn line_mode_runs_a_whole_peer_interview_and_saves_it() {
    let dir = tempfile::tempdir().expect("tempdir");
    let input = format!("{REQUIREMENTS}{}{SCORECARD}", later_steps());
    let out = sdcoach(dir.path())
        .args([
            "--transcripts",
            "t",
            "interview",
            "url-shortener",
            "--candidate",
            "Candidate A",
            "--no-timer",
        ])
        .write_stdin(input)
        .output()
        .expect("runs");
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(
        out.status.success(),
        "{stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        stdout.contains("Say: \"Let's design a URL shortener"),
        "{stdout}"
    );
    assert!(stdout.contains("Fact 10. Latency — say:"), "{stdout}");
    // They asked about scale and the read/write ratio: the first rung, which
    // points at those, is passed over.
    assert!(stdout.contains("Hint 2/3 (offer it)"), "{stdout}");
    assert!(
        stdout.contains("Answer saved; it covers (pre-ticked in the checklist)"),
        "{stdout}"
    );
    assert!(
        !stdout.contains("Clock:"),
        "--no-timer hides the clock: {stdout}"
    );
    let card = &stdout[stdout.find("== Scorecard").expect("scorecard shown")..];
    insta::assert_snapshot!("line_mode_scorecard", redact_dates(card));

    let (_, t) = only_transcript(dir.path());
    assert_eq!(t.mode, Mode::Peer);
    assert!(t.finished);
    let req = t.step(StepId::Requirements);
    let peer = req.peer.as_ref().expect("peer step");
    assert_eq!(peer.revealed, vec!["scale", "read_write_ratio", "latency"]);
    assert!(peer.ticked.contains(&"asks_scale".to_string()), "{peer:?}");
    assert!(
        peer.ticked.contains(&"asks_expiry_retention".to_string()),
        "{peer:?}"
    );
    assert_eq!(peer.flags, vec!["clarifying_questions"]);
    assert_eq!(peer.notes, "Asked about scale first, then drew boxes.");
    assert_eq!(req.hints.len(), 1);
    assert!(req.answer.contains("Do links ever expire?"));
    let session = t.peer.as_ref().expect("peer session");
    assert_eq!(session.candidate.as_deref(), Some("Candidate A"));
    assert_eq!(session.ratings.len(), 4);
    assert_eq!(session.recommendation, Some(Band::LeanHire));
    assert_eq!(session.notes, "Practise failure modes.");
    assert!(t.grade.is_some());
}

#[test]
fn the_interviewer_types_the_candidates_diagram() {
    let dir = tempfile::tempdir().expect("tempdir");
    let drawing = dir.path().join("drawing.md");
    std::fs::write(
        &drawing,
        "```mermaid\nflowchart LR\n  c[Client] --> lb[LB] --> api[API servers]\n  c --> db[(Postgres)]\n  api --> r[(Redis cache)]\n```\n",
    )
    .expect("write");
    // Three steps of notes, then the high-level step: `:diagram`, `.` for
    // the checklist, `.` to keep the pre-ticked topics and flags.
    let input = format!(
        "{REQUIREMENTS}{}:diagram\n.\n.\n.\n:quit\n",
        "Talked it through.\n.\n.\n1 2\n\n".repeat(3)
    );
    let out = sdcoach(dir.path())
        .args([
            "--transcripts",
            "t",
            "interview",
            "url-shortener",
            "--no-timer",
        ])
        .env("EDITOR", format!("cp {}", drawing.display()))
        .write_stdin(input)
        .output()
        .expect("runs");
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(out.status.success(), "{stdout}");
    assert!(
        stdout.contains("`:diagram` opens a Mermaid template"),
        "{stdout}"
    );
    assert!(
        stdout.contains("Diagram read (5 boxes, 4 arrows)"),
        "{stdout}"
    );
    // The anti-pattern is shown to the interviewer with its arrow.
    assert!(
        stdout.contains("✗ A client talks to the database directly: Client → Postgres"),
        "{stdout}"
    );
    let (_, t) = only_transcript(dir.path());
    let hl = t.step(StepId::HighLevel);
    assert!(hl.answer.contains("c --> db[(Postgres)]"), "{}", hl.answer);
    let ticked = &hl.peer.as_ref().expect("peer step").ticked;
    for topic in ["hl_load_balancer", "hl_cache", "hl_request_flow"] {
        assert!(ticked.contains(&topic.to_string()), "{topic}: {ticked:?}");
    }
}

#[test]
fn an_interrupted_interview_resumes_where_it_stopped() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = sdcoach(dir.path())
        .args(["--transcripts", "t", "interview", "url-shortener"])
        .write_stdin(REQUIREMENTS)
        .output()
        .expect("runs");
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(out.status.success());
    assert!(
        stdout.contains("Input ended: session saved as unfinished"),
        "{stdout}"
    );
    let (path, t) = only_transcript(dir.path());
    assert!(!t.finished);
    assert_eq!(t.next_step(), Some(StepId::Functional));

    // `practice` does not resume a peer session.
    let rel = path.strip_prefix(dir.path()).expect("inside the temp dir");
    let out = sdcoach(dir.path())
        .args(["--transcripts", "t", "practice", "--resume"])
        .arg(rel)
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    insta::assert_snapshot!(
        "practice_resume_of_a_peer_session",
        redact_dates(&String::from_utf8_lossy(&out.stderr))
    );

    let out = sdcoach(dir.path())
        .args(["--transcripts", "t", "interview", "--resume"])
        .write_stdin(format!("{}{SCORECARD}", later_steps()))
        .output()
        .expect("runs");
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(out.status.success(), "{stdout}");
    assert!(stdout.contains("== Step 2/7"), "{stdout}");
    assert!(!stdout.contains("== Step 1/7"), "{stdout}");
    assert!(
        stdout.contains("Scorecard: Design a URL Shortener"),
        "{stdout}"
    );
    let t = Store::load(&path).expect("loads");
    assert!(t.finished);

    // A finished session cannot be resumed.
    let out = sdcoach(dir.path())
        .args(["--transcripts", "t", "interview", "--resume"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    insta::assert_snapshot!(
        "resume_nothing_left",
        redact_dates(&String::from_utf8_lossy(&out.stderr))
    );
}

#[test]
fn usage_errors_name_the_fix() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = sdcoach(dir.path())
        .args(["--transcripts", "t", "interview"])
        .write_stdin("")
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    insta::assert_snapshot!(
        "no_problem",
        redact_dates(&String::from_utf8_lossy(&out.stderr))
    );

    let out = sdcoach(dir.path())
        .args(["--transcripts", "t", "interview", "url-shortner"])
        .write_stdin("")
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    insta::assert_snapshot!("unknown_problem", String::from_utf8_lossy(&out.stderr));

    std::fs::write(dir.path().join("file"), "not a folder").expect("write");
    let out = sdcoach(dir.path())
        .args(["--transcripts", "file", "interview", "url-shortener"])
        .write_stdin("")
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(4));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("transcripts folder `file` is not writable"),
        "{err}"
    );
}

#[cfg(unix)]
#[test]
fn the_terminal_checklist_ticks_topics_with_space_and_enter() {
    use std::time::Duration;
    let dir = tempfile::tempdir().expect("tempdir");
    let bin = assert_cmd::cargo::cargo_bin("sdcoach");
    let line = format!(
        "{} --transcripts {} interview url-shortener --no-timer --candidate candidate-a",
        bin.display(),
        dir.path().join("t").display()
    );
    let mut p = rexpect::spawn(&line, Some(20_000)).expect("spawns in a pty");
    let pause = || std::thread::sleep(Duration::from_millis(250));
    // `send` is buffered: flush so the program sees each key.
    let press = |p: &mut rexpect::session::PtySession, keys: &str| {
        p.send(keys).expect("send");
        p.flush().expect("flush");
        pause();
    };
    p.exp_string("`:next` when the step is done.")
        .expect("step 1 script");
    pause();
    press(&mut p, ":next\r");
    p.exp_string("Topics the candidate covered")
        .expect("topic checklist");
    pause();
    // Tick the first two topics: space, down, space, enter.
    for key in [" ", "j", " ", "\r"] {
        press(&mut p, key);
    }
    p.exp_string("Flags you observed").expect("flag checklist");
    pause();
    press(&mut p, "\r");
    p.exp_string("Step 2/7").expect("next step");
    p.exp_string("`:next` when the step is done.")
        .expect("step 2 script");
    pause();
    press(&mut p, ":quit\r");
    p.exp_string("resume with").expect("quit message");
    p.exp_eof().expect("exits");

    let files: Vec<PathBuf> = std::fs::read_dir(dir.path().join("t"))
        .expect("folder")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    assert_eq!(files.len(), 1, "{files:?}");
    let t = Store::load(&files[0]).expect("loads");
    let peer = t
        .step(StepId::Requirements)
        .peer
        .clone()
        .expect("peer step");
    assert_eq!(peer.ticked, vec!["asks_scale", "asks_read_write_ratio"]);
    assert!(peer.flags.is_empty());
    assert!(t.step(StepId::Requirements).done);
    assert!(!t.step(StepId::Functional).done);
}
