//! `sdcoach practice` through the real binary: piped stdin, end of input,
//! resume, an unwritable folder, Ctrl-C, and a real pseudo-terminal.

use assert_cmd::Command;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::{Duration, Instant};

fn sdcoach(dir: &Path) -> Command {
    let mut c = Command::cargo_bin("sdcoach").expect("binary builds");
    c.current_dir(dir)
        .env("NO_COLOR", "1")
        .env("SDCOACH_SEED", "4")
        .env_remove("SDCOACH_DATA")
        .env_remove("SDCOACH_TRANSCRIPTS")
        .env_remove("EDITOR")
        .env_remove("VISUAL");
    c
}

/// A whole session in line mode, with a reply to each probe the answers
/// leave open (seed 4 picks two in the deep dive, after a curveball).
const SESSION: &str = "?How many new URLs are created per month?
?What is the read to write ratio?
I assume 100M new links a month and 100 redirects per link.
.
:hint
Create a short link from a long URL and redirect it; custom aliases optional; analytics out of scope.
.
Redirects p99 under 50 ms because they sit in front of every click; 99.99% availability.
.
Yes: a new link must redirect at once, so a fresh code is read from the primary.
.
Writes: 100M / 2.5M s = 40 writes per second.
Reads: 100 x 40 = 4,000 reads per second.
Storage over 5 years: 6B URLs x 500 bytes = 3 TB.
Cache memory: 20% of 333M daily redirects x 500 bytes = 33 GB.
.
A load balancer spreads requests over stateless app servers, because any server can answer any redirect.
A Redis cache in front of the key-value store keeps p99 low since reads dominate 100:1.
.
Codes are base62 of ids handed out in ranges by a key service so that two servers never collide.
.
A reported link is marked blocked in the database and purged from every cache and CDN edge, so the block reaches all regions within a minute.
.
A 302 so that every click reaches us and we can count it, at the cost of more traffic.
.
The redirect still works: on a Redis error we fall back to the database, which is slower but correct, and replicas with failover bring the cache back.
.
Hot links are a bottleneck: cache them at the edge; the trade-off is stale redirects after an edit.
If Redis crashes we fall back to the database, which is slower but correct.
.
Rate limits per IP and per account, with a CAPTCHA after a burst.
.
";

fn transcripts(dir: &Path) -> Vec<PathBuf> {
    let t = dir.join("transcripts");
    let mut files: Vec<PathBuf> = fs::read_dir(&t)
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

fn redact_times(s: &str) -> String {
    let re = regex::Regex::new(r"\b\d+:\d\d\b").expect("regex");
    let date = regex::Regex::new(r"\d{4}-\d{2}-\d{2}").expect("regex");
    debug_hints(&date.replace_all(&re.replace_all(s, "m:ss"), "DATE"))
}

/// Hints name the command of the build that runs them (`cargo run
/// --release --` under `cargo test --release`); snapshots hold the debug
/// build's.
fn debug_hints(s: &str) -> String {
    s.replace("cargo run --release --", "cargo run --")
}

#[test]
fn a_piped_session_runs_to_the_graded_report() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = sdcoach(dir.path())
        .args(["practice", "url-shortener"])
        .write_stdin(SESSION)
        .output()
        .expect("runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        stdout.contains("Interviewer: About 100 million"),
        "{stdout}"
    );
    assert!(stdout.contains("Hint 1/3"));
    assert!(stdout.contains("Score "));
    assert!(stdout.contains("Time per step"));
    assert!(stdout.contains("Practise next:"));
    // A follow-up drawn from the question bank is graded against its key points.
    assert!(stdout.contains("Follow-up questions (key points from the question bank)"));
    assert!(stdout.contains("/100 Your Redis cluster crashes. Does the redirect still work?"));
    let files = transcripts(dir.path());
    assert_eq!(files.len(), 1);
    let name = files[0]
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or_default()
        .to_string();
    assert!(name.ends_with("-url-shortener-1.yaml"), "{name}");
    assert!(stdout.contains(&format!("Transcript saved: transcripts/{name}")));
    let t = sdcoach::transcript::Store::load(&files[0]).expect("transcript loads");
    assert!(t.finished);
    assert_eq!(
        t.grade.as_ref().map(|g| g.score),
        stdout
            .split("Score ")
            .nth(1)
            .and_then(|s| s.split('/').next())
            .and_then(|s| s.parse().ok())
    );
    assert_eq!(t.steps[1].hints.len(), 1);
    assert_eq!(t.steps[5].probes.len(), 2);
    insta::assert_snapshot!(redact_times(&stdout));
}

#[test]
fn the_level_sets_the_bar_and_is_saved_for_reviews() {
    let dir = tempfile::tempdir().expect("tempdir");
    let run = |level: &str| {
        let out = sdcoach(dir.path())
            .args(["--level", level, "practice", "url-shortener"])
            .write_stdin(SESSION)
            .output()
            .expect("runs");
        assert_eq!(out.status.code(), Some(0));
        String::from_utf8_lossy(&out.stdout).to_string()
    };
    let junior = run("new-grad");
    let senior = run("senior");
    assert!(senior.contains("for a senior candidate"), "{senior}");
    assert!(!junior.contains("for a senior candidate"));
    let saved: Vec<_> = transcripts(dir.path())
        .iter()
        .map(|p| sdcoach::transcript::Store::load(p).expect("loads"))
        .collect();
    let levels: Vec<_> = saved.iter().map(|t| t.level).collect();
    assert!(
        levels.contains(&sdcoach::grading::Level::Senior),
        "{levels:?}"
    );
    // The senior bar is higher: the same answers earn a band no better
    // (bands are listed best first).
    let band = |l: sdcoach::grading::Level| {
        saved
            .iter()
            .find(|t| t.level == l)
            .and_then(|t| t.grade.as_ref())
            .map(|g| {
                let worse = sdcoach::grading::Band::ALL
                    .iter()
                    .position(|b| *b == g.band);
                (g.score, worse)
            })
            .expect("graded")
    };
    let (js, jb) = band(sdcoach::grading::Level::NewGrad);
    let (ss, sb) = band(sdcoach::grading::Level::Senior);
    assert!(
        sb >= jb && ss.abs_diff(js) <= 10,
        "{js}/{jb:?} vs {ss}/{sb:?}"
    );
    // A review re-grades at the session's own level unless one is chosen.
    let senior_file = transcripts(dir.path())
        .into_iter()
        .zip(&saved)
        .find(|(_, t)| t.level == sdcoach::grading::Level::Senior)
        .map(|(p, _)| p)
        .expect("senior session");
    let review = sdcoach(dir.path())
        .args(["review"])
        .arg(&senior_file)
        .output()
        .expect("runs");
    let text = String::from_utf8_lossy(&review.stdout);
    assert!(text.contains("for a senior candidate"), "{text}");
}

#[test]
fn end_of_input_saves_an_unfinished_session_and_resume_finishes_it() {
    let dir = tempfile::tempdir().expect("tempdir");
    let first: String = SESSION.lines().take(6).map(|l| format!("{l}\n")).collect();
    let out = sdcoach(dir.path())
        .args(["practice", "url-shortener"])
        .write_stdin(first)
        .output()
        .expect("runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0));
    assert!(
        stdout.contains("Input ended: session saved as unfinished"),
        "{stdout}"
    );
    let files = transcripts(dir.path());
    let t = sdcoach::transcript::Store::load(&files[0]).expect("loads");
    assert!(!t.finished);
    assert!(t.steps[0].done && !t.steps[1].done);
    assert_eq!(t.steps[1].hints.len(), 1, "the hint was saved");

    let rest: String = SESSION.lines().skip(5).map(|l| format!("{l}\n")).collect();
    let out = sdcoach(dir.path())
        .args(["practice", "--resume"])
        .write_stdin(rest)
        .output()
        .expect("runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{stdout}");
    assert!(
        stdout.contains("Step 2/7") && !stdout.contains("Step 1/7"),
        "{stdout}"
    );
    assert!(stdout.contains("Score "));
    let t = sdcoach::transcript::Store::load(&files[0]).expect("loads");
    assert!(t.finished);
    assert_eq!(
        transcripts(dir.path()).len(),
        1,
        "resume writes the same file"
    );

    let out = sdcoach(dir.path())
        .args(["practice", "--resume"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no unfinished solo session"));
}

#[test]
fn an_unwritable_transcripts_folder_fails_before_the_first_question() {
    let dir = tempfile::tempdir().expect("tempdir");
    fs::write(dir.path().join("not-a-folder"), "x").expect("write");
    let out = sdcoach(dir.path())
        .args(["--transcripts", "not-a-folder/sub", "practice", "twitter"])
        .write_stdin(SESSION)
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(4));
    assert!(!String::from_utf8_lossy(&out.stdout).contains("Step 1/7"));
    let stderr = String::from_utf8_lossy(&out.stderr);
    insta::assert_snapshot!(stderr.replace(&dir.path().display().to_string(), "TMP"));

    // A read-only folder (only meaningful when not running as root).
    let ro = dir.path().join("ro");
    fs::create_dir(&ro).expect("mkdir");
    let mut perms = fs::metadata(&ro).expect("meta").permissions();
    std::os::unix::fs::PermissionsExt::set_mode(&mut perms, 0o555);
    fs::set_permissions(&ro, perms).expect("chmod");
    if fs::write(ro.join("probe"), "x").is_err() {
        let out = sdcoach(dir.path())
            .args(["--transcripts", "ro", "practice", "twitter"])
            .write_stdin(SESSION)
            .output()
            .expect("runs");
        assert_eq!(out.status.code(), Some(4));
        assert!(String::from_utf8_lossy(&out.stderr).contains("--transcripts DIR"));
    }
}

#[test]
fn without_a_problem_and_without_a_terminal_it_lists_the_ids() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = sdcoach(dir.path())
        .arg("practice")
        .write_stdin("")
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    insta::assert_snapshot!(debug_hints(&String::from_utf8_lossy(&out.stderr)));
}

#[test]
fn an_unknown_problem_suggests_the_nearest() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = sdcoach(dir.path())
        .args(["practice", "pastebn"])
        .write_stdin("")
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("did you mean `pastebin`"));
}

#[test]
fn a_failing_or_missing_editor_is_reported_not_fatal() {
    let dir = tempfile::tempdir().expect("tempdir");
    let input = "draft line\n:edit\nmore\n.\n:quit\n";
    let out = sdcoach(dir.path())
        .args(["practice", "twitter"])
        .env("EDITOR", "")
        .write_stdin(input)
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stdout).contains("Cannot edit: no editor"));
    let out = sdcoach(dir.path())
        .args(["practice", "twitter"])
        .env("EDITOR", "false")
        .write_stdin(input)
        .output()
        .expect("runs");
    assert!(String::from_utf8_lossy(&out.stdout).contains("exited with"));
    // A working editor replaces the draft.
    let out = sdcoach(dir.path())
        .args(["practice", "twitter"])
        .env("EDITOR", "sed -i s/draft/edited/")
        .write_stdin(input)
        .output()
        .expect("runs");
    assert!(String::from_utf8_lossy(&out.stdout).contains("Answer updated from the editor"));
    let files = transcripts(dir.path());
    let t = sdcoach::transcript::Store::load(files.last().expect("a transcript")).expect("loads");
    assert_eq!(t.steps[0].answer, "edited line\nmore");
}

#[test]
fn ctrl_c_keeps_everything_up_to_the_last_finished_answer() {
    let dir = tempfile::tempdir().expect("tempdir");
    let bin = assert_cmd::cargo::cargo_bin("sdcoach");
    let mut child = std::process::Command::new(bin)
        .current_dir(dir.path())
        .env("NO_COLOR", "1")
        .args(["practice", "twitter"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawns");
    let mut stdin = child.stdin.take().expect("stdin");
    stdin
        .write_all(b"I assume 100M daily users.\n.\nhalf an answer that is being typ")
        .expect("write");
    stdin.flush().expect("flush");
    // Wait until the first answer is on disk.
    let start = Instant::now();
    loop {
        let saved = transcripts(dir.path())
            .first()
            .and_then(|p| sdcoach::transcript::Store::load(p).ok())
            .is_some_and(|t| t.steps[0].done);
        if saved {
            break;
        }
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "the first answer was never saved"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    let status = std::process::Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .expect("kill");
    assert!(status.success());
    let out = child.wait_with_output().expect("exits");
    drop(stdin);
    assert_eq!(out.status.code(), Some(130));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("interrupted: everything up to the last saved entry is in"),
        "{stderr}"
    );
    let t = sdcoach::transcript::Store::load(&transcripts(dir.path())[0]).expect("loads");
    assert!(!t.finished);
    assert_eq!(t.steps[0].answer, "I assume 100M daily users.");
    assert!(!t.steps[1].done);
}

#[test]
fn a_real_terminal_session_answers_through_dialoguer() {
    let dir = tempfile::tempdir().expect("tempdir");
    let bin = assert_cmd::cargo::cargo_bin("sdcoach");
    let cmd = format!(
        "env NO_COLOR=1 TERM=xterm SDCOACH_SEED=4 {} --transcripts {} practice url-shortener --no-timer",
        bin.display(),
        dir.path().join("t").display()
    );
    let mut p = rexpect::spawn(&cmd, Some(15_000)).expect("spawns in a pty");
    p.exp_string("Step 1/7").expect("first step");
    p.send_line("?How many new URLs are created per month?")
        .expect("send");
    p.exp_string("Interviewer: About 100 million")
        .expect("the interviewer answers");
    p.send_line("I assume 100M new links a month.")
        .expect("send");
    p.send_line(".").expect("send");
    p.exp_string("Step 2/7").expect("second step");
    p.send_line(":quit").expect("send");
    p.exp_string("resume with").expect("saved");
    p.exp_eof().expect("exits");
    let files: Vec<_> = fs::read_dir(dir.path().join("t"))
        .expect("folder")
        .filter_map(|e| e.ok())
        .collect();
    assert_eq!(files.len(), 1);
    let t = sdcoach::transcript::Store::load(&files[0].path()).expect("loads");
    assert_eq!(t.steps[0].answer, "I assume 100M new links a month.");
    assert_eq!(t.steps[0].questions.len(), 1);
}

#[test]
fn on_a_terminal_without_a_problem_a_fuzzy_picker_offers_them() {
    let dir = tempfile::tempdir().expect("tempdir");
    let bin = assert_cmd::cargo::cargo_bin("sdcoach");
    let cmd = format!(
        "env NO_COLOR=1 TERM=xterm {} --transcripts {} practice",
        bin.display(),
        dir.path().join("t").display()
    );
    let mut p = rexpect::spawn(&cmd, Some(15_000)).expect("spawns in a pty");
    p.exp_string("Pick a problem").expect("the picker opens");
    p.send("whats").expect("type a filter");
    p.flush().expect("flush");
    p.exp_string("whatsapp")
        .expect("the filter shows the match");
    p.send("\r").expect("enter");
    p.flush().expect("flush");
    p.exp_string("Design WhatsApp")
        .expect("the chosen problem starts");
    p.exp_string("Step 1/7").expect("first step");
    p.send_line(":quit").expect("send");
    p.exp_string("resume with").expect("saved");
    p.exp_eof().expect("exits");
}

/// A drawing an "editor" writes: `cp` over the file the session opens.
fn drawing_editor(dir: &Path) -> String {
    let file = dir.join("drawing.md");
    fs::write(
        &file,
        "```mermaid\nflowchart LR\n  c[Client] --> lb[LB] --> api[API servers]\n  api --> r[(Redis cache)]\n  api --> db[(Postgres)]\n```\n",
    )
    .expect("write the drawing");
    format!("cp {}", file.display())
}

#[test]
fn diagram_opens_the_editor_and_adds_the_drawing_to_the_answer() {
    let dir = tempfile::tempdir().expect("tempdir");
    let input = ":skip\n:skip\n:skip\n:skip\nThe design:\n:diagram\n.\n:quit\n";
    let out = sdcoach(dir.path())
        .args(["practice", "url-shortener"])
        .env("EDITOR", drawing_editor(dir.path()))
        .write_stdin(input)
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(0));
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(stdout.contains("I can read a diagram"), "{stdout}");
    assert!(
        stdout.contains("Diagram read (5 boxes, 4 arrows)"),
        "{stdout}"
    );
    assert!(
        stdout.contains("Client [client] → LB [load balancer] → API servers [service]"),
        "{stdout}"
    );
    let files = transcripts(dir.path());
    let t = sdcoach::transcript::Store::load(files.last().expect("a transcript")).expect("loads");
    let answer = &t.step(sdcoach::framework::StepId::HighLevel).answer;
    assert!(answer.starts_with("The design:\n\n```mermaid"), "{answer}");
    // The grade of the saved session reads the drawing back.
    let out = sdcoach(dir.path())
        .args(["review", "--latest"])
        .output()
        .expect("runs");
    let report = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(
        report.contains("Diagram as read (5 boxes, 4 arrows)"),
        "{report}"
    );
    assert!(
        report.contains(
            "Reads meet the cache before the database: Client → LB → API servers → Redis cache"
        ),
        "{report}"
    );
}
