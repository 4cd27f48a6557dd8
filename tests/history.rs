//! `sdcoach history`: the sessions table, trends, filters, unreadable files
//! and folders, JSON, and hostile transcripts.

mod common;

use common::Run;
use sdcoach::catalog::Catalog;
use sdcoach::review::sample::sample_transcript;
use std::fs;
use std::path::Path;

const V1: &str = include_str!("fixtures/transcript-v1.yaml");
const PEER: &str = include_str!("fixtures/peer-v1.yaml");

fn run(dir: &Path, args: &[&str]) -> Run {
    common::in_folder(dir, args)
}

/// The two fixtures, six generated sessions, one unfinished and one broken file.
fn folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    let t = dir.path().join("t");
    fs::create_dir_all(&t).expect("mkdir");
    fs::write(t.join("2026-11-20-url-shortener-1.yaml"), V1).expect("write");
    fs::write(t.join("2026-11-24-url-shortener-1.yaml"), PEER).expect("write");
    let catalog = Catalog::embedded().expect("catalog");
    for n in 0..6 {
        let s = sample_transcript(&catalog, n * 70, 11, true).expect("sample");
        fs::write(t.join(format!("gen-{n}.yaml")), s.to_yaml()).expect("write");
    }
    let mut unfinished = sample_transcript(&catalog, 500, 11, false).expect("sample");
    unfinished.finished = false;
    fs::write(t.join("unfinished.yaml"), unfinished.to_yaml()).expect("write");
    fs::write(t.join("broken.yaml"), "version: 1\nproblem: [\n").expect("write");
    dir
}

fn assert_harmless(text: &str) {
    let bidi =
        |c: char| ('\u{202a}'..='\u{202e}').contains(&c) || ('\u{2066}'..='\u{2069}').contains(&c);
    for c in text.chars() {
        let bad = (c.is_control() && c != '\n') || bidi(c);
        assert!(!bad, "control character {c:?} in output:\n{text}");
    }
}

#[test]
fn history_lists_sessions_trends_and_misses() {
    let dir = folder();
    let r = run(dir.path(), &["history"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    insta::assert_snapshot!("history_text", r.stdout);
    insta::assert_snapshot!("history_warning", r.stderr);
    let r = run(dir.path(), &["history", "--format", "markdown"]);
    insta::assert_snapshot!("history_markdown", r.stdout);
}

#[test]
fn json_has_one_entry_per_readable_transcript() {
    let dir = folder();
    let r = run(dir.path(), &["history", "--format", "json"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let v: serde_json::Value = serde_json::from_str(&r.stdout).expect("json");
    let sessions = v["sessions"].as_array().expect("sessions array");
    assert_eq!(sessions.len(), 9);
    assert_eq!(v["skipped"].as_array().map(Vec::len), Some(1));
    assert!(sessions
        .iter()
        .any(|s| s["finished"] == false && s["score"].is_null()));
    assert!(sessions.iter().any(|s| s["mode"] == "peer"));
    assert_eq!(v["steps"].as_array().map(Vec::len), Some(7));
}

#[test]
fn filters_by_problem_and_date() {
    let dir = folder();
    let r = run(
        dir.path(),
        &[
            "history",
            "--format",
            "json",
            "--problem",
            "url-shortener",
            "--since",
            "2026-11-21",
        ],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let v: serde_json::Value = serde_json::from_str(&r.stdout).expect("json");
    let sessions = v["sessions"].as_array().expect("sessions");
    assert_eq!(sessions.len(), 1);
    assert_eq!(sessions[0]["mode"], "peer");

    let r = run(dir.path(), &["history", "--problem", "twiter"]);
    assert_eq!(r.code, 2);
    insta::assert_snapshot!("history_unknown_problem", r.stderr);
    let r = run(dir.path(), &["history", "--since", "last week"]);
    assert_eq!(r.code, 2);
}

#[test]
fn empty_missing_and_unreadable_folders() {
    let dir = tempfile::tempdir().expect("tempdir");
    let r = run(dir.path(), &["history"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    insta::assert_snapshot!("history_empty", r.stdout);
    fs::write(dir.path().join("t"), "not a folder").expect("write");
    let r = run(dir.path(), &["history"]);
    assert_eq!(r.code, 4);
    assert!(
        r.stderr.contains("cannot read the transcripts folder `t`"),
        "{}",
        r.stderr
    );
}

#[test]
fn hostile_transcripts_and_names_are_harmless() {
    let dir = folder();
    let evil = "\u{1b}]0;pwned\u{7}\u{1b}[2J\r\u{202e}";
    // YAML escapes: ESC, BEL, CR and a right-to-left override in the problem id.
    let hostile = V1.replace(
        "problem: url-shortener",
        r#"problem: "gone\e]0;pwned\a\e[2J\r\u202e""#,
    );
    fs::write(dir.path().join(format!("t/evil{evil}.yaml")), hostile).expect("write");
    fs::write(dir.path().join(format!("t/bad{evil}.yaml")), "version: [").expect("write");
    for format in ["text", "markdown", "json"] {
        let r = run(dir.path(), &["history", "--format", format]);
        assert_eq!(r.code, 0, "{}", r.stderr);
        assert!(r.stdout.contains("gone"), "{format}: the session is listed");
        assert_harmless(&r.stdout);
        assert_harmless(&r.stderr);
        assert!(r.stderr.contains("warning: skipped"));
    }
}
