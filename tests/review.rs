//! `sdcoach review`: re-grading saved sessions, `--as-saved`, `--compare`,
//! the output formats, errors, the version-1 fixture and hostile transcripts.

mod common;

use common::Run;
use sdcoach::framework::StepId;
use sdcoach::transcript::Transcript;
use std::fs;
use std::path::Path;

const V1: &str = include_str!("fixtures/transcript-v1.yaml");
const PEER: &str = include_str!("fixtures/peer-v1.yaml");

fn run(dir: &Path, args: &[&str]) -> Run {
    common::in_folder(dir, args)
}

/// A folder holding `t/` with the solo and peer fixtures and a later,
/// better attempt at the same problem.
fn folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    let t = dir.path().join("t");
    fs::create_dir_all(&t).expect("mkdir");
    fs::write(t.join("2026-11-20-url-shortener-1.yaml"), V1).expect("write");
    fs::write(t.join("2026-11-24-url-shortener-1.yaml"), PEER).expect("write");
    let mut better = Transcript::from_yaml(V1, "v1").expect("fixture loads");
    better.started += chrono::Duration::days(2);
    better.updated += chrono::Duration::days(2);
    better.grade = None;
    better.step_mut(StepId::HighLevel).answer.push_str(
        "\nA counter service hands out ranges of ids to the shorten servers, so no request waits on a central component.\nRead replicas serve lookups so that the primary only takes writes.",
    );
    // Dropping the rate-limiting line makes one topic newly missed.
    let bottlenecks = &mut better.step_mut(StepId::Bottlenecks).answer;
    *bottlenecks = bottlenecks
        .lines()
        .filter(|l| !l.contains("rate limit"))
        .collect::<Vec<_>>()
        .join("\n");
    fs::write(t.join("2026-11-22-url-shortener-1.yaml"), better.to_yaml()).expect("write");
    dir
}

/// Control characters that must never reach a terminal.
fn assert_harmless(text: &str) {
    let bidi =
        |c: char| ('\u{202a}'..='\u{202e}').contains(&c) || ('\u{2066}'..='\u{2069}').contains(&c);
    for c in text.chars() {
        let bad = (c.is_control() && c != '\n') || bidi(c);
        assert!(!bad, "control character {c:?} in output:\n{text}");
    }
}

#[test]
fn version_1_fixture_keeps_loading() {
    let t =
        Transcript::from_yaml(V1, "tests/fixtures/transcript-v1.yaml").expect("version 1 loads");
    assert_eq!(t.version, 1);
    assert!(t.finished && t.grade.is_some());
    let p = Transcript::from_yaml(PEER, "tests/fixtures/peer-v1.yaml").expect("peer loads");
    assert!(p.peer.is_some());
}

#[test]
fn review_text_of_a_saved_session() {
    let dir = folder();
    let r = run(dir.path(), &["review", "t/2026-11-20-url-shortener-1.yaml"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.contains("Time per step (used / budget)"));
    assert!(r.stdout.contains("Hints used: 2"));
    insta::assert_snapshot!("review_text", r.stdout);
}

#[test]
fn a_bare_name_is_found_in_the_folder() {
    let dir = folder();
    let r = run(dir.path(), &["review", "2026-11-20-url-shortener-1.yaml"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    // Named relative to the transcripts folder: no private path in a report.
    assert!(r
        .stdout
        .starts_with("Review of 2026-11-20-url-shortener-1.yaml"));
}

#[test]
fn as_saved_leads_with_the_stored_grade() {
    let dir = folder();
    let r = run(
        dir.path(),
        &["review", "--as-saved", "t/2026-11-20-url-shortener-1.yaml"],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.contains("Saved step scores"));
    let head: String = r.stdout.lines().take(14).collect::<Vec<_>>().join("\n");
    insta::assert_snapshot!("review_as_saved_head", head);
}

#[test]
fn latest_is_a_peer_session_with_the_interviewers_record() {
    let dir = folder();
    let r = run(dir.path(), &["review", "--latest"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let peer = &r.stdout[r.stdout.find("Interviewer's record").expect("peer block")..];
    insta::assert_snapshot!("review_peer_block", peer);
}

#[test]
fn markdown_and_json() {
    let dir = folder();
    let r = run(
        dir.path(),
        &[
            "review",
            "--format",
            "markdown",
            "t/2026-11-24-url-shortener-1.yaml",
        ],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    insta::assert_snapshot!("review_markdown", r.stdout);
    let r = run(
        dir.path(),
        &[
            "review",
            "--format",
            "json",
            "t/2026-11-24-url-shortener-1.yaml",
        ],
    );
    let v: serde_json::Value = serde_json::from_str(&r.stdout).expect("json");
    assert_eq!(v["session"]["mode"], "peer");
    assert_eq!(v["peer"]["candidate"], "Candidate B");
    assert_eq!(v["saved"]["score"], 72);
    assert_eq!(v["grade"]["steps"].as_array().map(Vec::len), Some(7));
    assert_eq!(v["timing"][5]["used_secs"], 1290);
}

#[test]
fn compare_two_attempts() {
    let dir = folder();
    let r = run(
        dir.path(),
        &[
            "review",
            "--compare",
            "t/2026-11-20-url-shortener-1.yaml",
            "t/2026-11-22-url-shortener-1.yaml",
        ],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.contains("Newly covered in B"));
    insta::assert_snapshot!("compare_text", r.stdout);
    let r = run(
        dir.path(),
        &[
            "review",
            "--format",
            "json",
            "--compare",
            "2026-11-20-url-shortener-1.yaml",
            "2026-11-22-url-shortener-1.yaml",
        ],
    );
    let v: serde_json::Value = serde_json::from_str(&r.stdout).expect("json");
    assert!(v["score"]["delta"].as_i64().expect("delta") > 0);
    assert!(!v["newly_covered"].as_array().expect("list").is_empty());
    let r = run(
        dir.path(),
        &[
            "review",
            "--format",
            "markdown",
            "--compare",
            "2026-11-20-url-shortener-1.yaml",
            "2026-11-22-url-shortener-1.yaml",
        ],
    );
    insta::assert_snapshot!("compare_markdown", r.stdout);
}

#[test]
fn html_goes_to_a_file_without_scripts_or_external_assets() {
    let dir = folder();
    let r = run(
        dir.path(),
        &[
            "review",
            "--format",
            "html",
            "--output",
            "report.html",
            "t/2026-11-24-url-shortener-1.yaml",
        ],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.stdout, "Wrote report.html\n");
    let html = fs::read_to_string(dir.path().join("report.html")).expect("written");
    assert!(html.starts_with("<!DOCTYPE html>"));
    for banned in ["<script", "src=", "href=", "@import", "url("] {
        assert!(!html.contains(banned), "{banned} in the page");
    }
    assert!(html.contains("<svg") && html.contains("Interviewer"));
}

#[test]
fn errors_name_the_problem_and_exit_codes_hold() {
    let dir = folder();
    let r = run(dir.path(), &["review", "t/2026-11-20-url-shortener-9.yaml"]);
    assert_eq!(r.code, 2);
    insta::assert_snapshot!("error_missing_file", r.stderr);

    let r = run(
        dir.path(),
        &["review", "--latest", "t/2026-11-20-url-shortener-1.yaml"],
    );
    assert_eq!(r.code, 2, "FILE with --latest is a usage error");

    let r = run(
        dir.path(),
        &[
            "review",
            "--format",
            "html",
            "--compare",
            "2026-11-20-url-shortener-1.yaml",
            "2026-11-22-url-shortener-1.yaml",
        ],
    );
    assert_eq!(r.code, 2);
    insta::assert_snapshot!("error_compare_html", r.stderr);

    fs::write(
        dir.path().join("t/newer.yaml"),
        V1.replace("version: 1", "version: 7"),
    )
    .expect("write");
    let r = run(dir.path(), &["review", "t/newer.yaml"]);
    assert_eq!(r.code, 4);
    insta::assert_snapshot!("error_newer_version", r.stderr);

    fs::write(dir.path().join("t/broken.yaml"), "version: 1\nproblem: [").expect("write");
    let r = run(dir.path(), &["review", "t/broken.yaml"]);
    assert_eq!(r.code, 4);

    let empty = tempfile::tempdir().expect("tempdir");
    let r = run(empty.path(), &["review"]);
    assert_eq!(r.code, 2);
    insta::assert_snapshot!("error_no_sessions", r.stderr);
}

/// A transcript written by someone else, full of terminal escapes.
fn hostile() -> String {
    let evil = "\u{1b}]0;pwned\u{7}\u{1b}[2J\u{1b}[8mhidden\u{1b}[0m\r\u{202e}desrever\u{8}<script>alert(1)</script>";
    let mut t = Transcript::from_yaml(PEER, "peer").expect("fixture");
    t.step_mut(StepId::DeepDive).answer =
        format!("We shard by user id because it spreads load {evil}.");
    t.step_mut(StepId::Requirements).questions[0].question = format!("How many users {evil}?");
    t.step_mut(StepId::Requirements).questions[0].answer = format!("Many {evil}");
    t.step_mut(StepId::Requirements).hints[0] = format!("hint {evil}");
    t.step_mut(StepId::DeepDive).probes[0].reply = format!("reply {evil}");
    let peer = t.peer.as_mut().expect("peer");
    peer.candidate = Some(format!("Mallory {evil}"));
    peer.notes = format!("notes {evil}");
    peer.ratings[0].why = format!("why {evil}");
    peer.ratings[0].dimension = format!("communication {evil}");
    t.to_yaml()
}

#[test]
fn hostile_transcripts_cannot_drive_the_terminal() {
    let dir = folder();
    fs::write(dir.path().join("t/evil\u{1b}[2J.yaml"), hostile()).expect("write");
    for format in ["text", "markdown"] {
        let r = run(
            dir.path(),
            &["review", "--format", format, "t/evil\u{1b}[2J.yaml"],
        );
        assert_eq!(r.code, 0, "{}", r.stderr);
        assert!(r.stdout.contains("Mallory"));
        assert!(
            r.stdout.contains("␛]0;pwned"),
            "escapes are shown, not obeyed"
        );
        assert_harmless(&r.stdout);
    }
    let r = run(
        dir.path(),
        &[
            "review",
            "--compare",
            "t/evil\u{1b}[2J.yaml",
            "t/2026-11-20-url-shortener-1.yaml",
        ],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_harmless(&r.stdout);
    let r = run(
        dir.path(),
        &["review", "--format", "json", "t/evil\u{1b}[2J.yaml"],
    );
    assert_harmless(&r.stdout);
    let r = run(
        dir.path(),
        &["review", "--format", "html", "t/evil\u{1b}[2J.yaml"],
    );
    assert_harmless(&r.stdout);
    assert!(!r.stdout.contains("<script>"), "transcript HTML is escaped");
    assert!(r.stdout.contains("&lt;script&gt;"));
    // Errors quoting a hostile name are harmless too.
    let r = run(dir.path(), &["review", "t/\u{1b}]0;x\u{7}missing.yaml"]);
    assert_eq!(r.code, 2);
    assert_harmless(&r.stderr);
}
