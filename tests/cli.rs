//! The real binary: problems, lint, grade, completions, and bad input.

mod common;

use assert_cmd::Command;
use common::{output, sdcoach, Run};
use std::fs;
use std::path::Path;

fn run(args: &[&str]) -> Run {
    output(sdcoach().args(args))
}

fn run_in(cmd: &mut Command) -> Run {
    output(cmd)
}

/// A copy of the built-in data in a temp folder, to break one thing at a time.
fn data_copy() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    for f in sdcoach::catalog::SourceFile::embedded() {
        let path = dir.path().join(&f.rel);
        fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        fs::write(path, f.text).expect("write");
    }
    dir
}

fn edit(dir: &Path, rel: &str, from: &str, to: &str) {
    let path = dir.join(rel);
    let text = fs::read_to_string(&path).expect("read");
    assert!(text.contains(from), "{rel} lacks {from:?}");
    fs::write(&path, text.replacen(from, to, 1)).expect("write");
}

fn lint(dir: &Path) -> Run {
    run_in(sdcoach().arg("--data").arg(dir).arg("lint"))
}

#[test]
fn problems_lists_all_eight() {
    let r = run(&["problems"]);
    assert_eq!(r.code, 0);
    insta::assert_snapshot!(r.stdout);
}

#[test]
fn problems_show_prints_prompt_and_budgets() {
    let r = run(&["problems", "show", "twitter"]);
    assert_eq!(r.code, 0);
    insta::assert_snapshot!(r.stdout);
}

#[test]
fn unknown_problem_suggests_the_nearest() {
    let r = run(&["problems", "show", "twiter"]);
    assert_eq!(r.code, 2);
    insta::assert_snapshot!(r.stderr, @"error: unknown problem `twiter`; did you mean `twitter`?");
}

#[test]
fn lint_is_clean_on_shipped_data() {
    let r = run(&["lint"]);
    assert_eq!(r.code, 0, "{}", r.stdout);
    insta::assert_snapshot!(r.stdout, @"ok: 8 problems, 8 rubrics, 21 questions in built-in data (20 files)");
}

#[test]
fn lint_reports_broken_data_precisely() {
    let dir = data_copy();
    let d = dir.path();
    // Each break is one finding.
    edit(d, "rubrics/twitter.yaml", "weight: 3", "weight: 0");
    edit(
        d,
        "rubrics/url-shortener.yaml",
        "phrases:",
        "patterns: ['(unclosed']\n        phrases:",
    );
    edit(
        d,
        "rubrics/pastebin.yaml",
        "  deep_dive:",
        "  deepdive:\n    topics: []\n  deep_dive:",
    );
    edit(d, "problems/uber.yaml", "unit: /s", "unit: ''");
    fs::write(
        d.join("rubrics/orphan.yaml"),
        "problem: orphan\nsteps: {}\n",
    )
    .expect("write");
    let r = lint(d);
    assert_eq!(r.code, 1);
    let text = r.stdout.replace(&d.display().to_string(), "DATA");
    insta::assert_snapshot!(text);
}

#[test]
fn lint_checks_the_structure_sections() {
    let dir = data_copy();
    let d = dir.path();
    let rel = "rubrics/twitter.yaml";
    edit(d, rel, "concept: database", "concept: databse");
    edit(d, rel, "topic: fanout_queue", "topic: no_such_topic");
    edit(d, rel, "path: [client, cache]", "path: [client]");
    edit(
        d,
        rel,
        "single: database",
        "single: database\n      edge: [client, cache]",
    );
    edit(d, rel, "id: cache_behind_database", "id: join_per_request");
    let r = lint(d);
    assert_eq!(r.code, 1, "{}", r.stdout);
    let text = r.stdout.replace(&d.display().to_string(), "DATA");
    let findings: Vec<&str> = text
        .lines()
        .filter(|l| l.contains("twitter.yaml"))
        .collect();
    for expected in [
        "structure rule `draws_tweet_store` has unknown kind `databse` in `concept`; did you mean `database`?",
        "structure rule `writes_fan_out_through_queue` credits topic `no_such_topic`, which the `high_level` step lacks",
        "path `timelines_from_cache` names 1 kind(s): a path needs at least two",
        "anti-pattern `single_database` needs exactly one of `edge`, `route` or `single`",
        "structure rule `join_per_request` has the id of a flag",
    ] {
        let line = findings
            .iter()
            .find(|l| l.contains(expected))
            .unwrap_or_else(|| panic!("no finding {expected:?} in:\n{text}"));
        // Every finding names the file and the line of the rule.
        assert!(line.starts_with("DATA/rubrics/twitter.yaml:"), "{line}");
    }
    assert_eq!(findings.len(), 5, "{text}");
}

#[test]
fn lint_names_file_line_and_column_of_yaml_errors() {
    let dir = data_copy();
    edit(
        dir.path(),
        "problems/pastebin.yaml",
        "title:",
        "title: [unclosed\nbroken:",
    );
    edit(
        dir.path(),
        "rubrics/netflix.yaml",
        "problem: netflix",
        "problem: netflix\ncolour: blue",
    );
    let r = lint(dir.path());
    assert_eq!(r.code, 1);
    let text = r.stdout.replace(&dir.path().display().to_string(), "DATA");
    insta::assert_snapshot!(text);
}

#[test]
fn broken_data_stops_other_commands_with_exit_3() {
    let dir = data_copy();
    edit(
        dir.path(),
        "problems/pastebin.yaml",
        "difficulty: easy",
        "difficulty: trivial",
    );
    let r = run_in(sdcoach().arg("--data").arg(dir.path()).arg("problems"));
    assert_eq!(r.code, 3);
    let text = r.stderr.replace(&dir.path().display().to_string(), "DATA");
    insta::assert_snapshot!(text);
}

#[test]
fn duplicate_topic_ids_are_found() {
    let dir = data_copy();
    let path = dir.path().join("rubrics/twitter.yaml");
    let text = fs::read_to_string(&path).expect("read");
    let first = text
        .lines()
        .find_map(|l| l.trim().strip_prefix("- id: "))
        .expect("a topic")
        .to_string();
    let second = text
        .lines()
        .filter_map(|l| l.trim().strip_prefix("- id: "))
        .nth(1)
        .expect("two topics")
        .to_string();
    fs::write(
        &path,
        text.replacen(&format!("- id: {second}"), &format!("- id: {first}"), 1),
    )
    .expect("write");
    let r = lint(dir.path());
    assert_eq!(r.code, 1);
    assert!(
        r.stdout.contains(&format!("duplicate topic id `{first}`")),
        "{}",
        r.stdout
    );
}

#[test]
fn grade_explains_with_quotes_text_and_json() {
    let r = run(&[
        "grade",
        "--problem",
        "url-shortener",
        "tests/calibration/url-shortener/medium.md",
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    insta::assert_snapshot!("grade_medium_text", r.stdout);
    let r = run(&[
        "grade",
        "-p",
        "url-shortener",
        "--format",
        "json",
        "tests/calibration/url-shortener/medium.md",
    ]);
    assert_eq!(r.code, 0);
    let v: serde_json::Value = serde_json::from_str(&r.stdout).expect("json");
    for key in [
        "problem",
        "score",
        "band",
        "steps",
        "dimensions",
        "flags",
        "estimates",
        "arithmetic",
    ] {
        assert!(v.get(key).is_some(), "json lacks {key}");
    }
    let step = &v["steps"][0];
    assert!(step["id"].is_string() && step["score"].is_u64() && step["missed"].is_array());
    assert!(step["matched"][0]["topic"].is_string() && step["matched"][0]["evidence"].is_string());
    let e = &v["estimates"][0];
    assert!(e["reference"].is_number() && e["verdict"].is_string() && e.get("found").is_some());
    insta::assert_json_snapshot!("grade_medium_json", v);
}

#[test]
fn grade_markdown_renders() {
    let r = run(&[
        "grade",
        "-p",
        "twitter",
        "--format",
        "markdown",
        "tests/calibration/twitter/strong.md",
    ]);
    assert_eq!(r.code, 0);
    insta::assert_snapshot!(r.stdout);
}

#[test]
fn grade_reads_stdin_and_front_matter() {
    let answer = "---\nproblem: pastebin\n---\n## Deep Dive\nWe store paste bodies in object storage because they can be large.\n";
    let r = run_in(sdcoach().args(["grade", "-"]).write_stdin(answer));
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.starts_with("Design Pastebin (pastebin)"));
}

#[test]
fn free_form_documents_are_graded_as_one_text() {
    let doc = "# Notes\n\nWe keep hot links in memory because most clicks go to a few links. \
               Codes are base62 counters handed out in blocks so two servers never collide.\n";
    let r = run_in(
        sdcoach()
            .args(["grade", "-p", "url-shortener", "-"])
            .write_stdin(doc),
    );
    assert_eq!(r.code, 0);
    assert!(r.stdout.contains("free-form answer"));
}

#[test]
fn grade_without_a_problem_lists_ids() {
    let r = run_in(
        sdcoach()
            .args(["grade", "-"])
            .write_stdin("## Deep dive\nsharding\n"),
    );
    assert_eq!(r.code, 2);
    insta::assert_snapshot!(r.stderr);
}

#[test]
fn bad_answer_files_get_one_line_errors() {
    let dir = tempfile::tempdir().expect("tempdir");
    let p = |n: &str| dir.path().join(n);
    fs::write(p("empty.md"), "  \n\n").expect("write");
    fs::write(p("binary.md"), [0x89, b'P', b'N', b'G', 0, 0, 1]).expect("write");
    fs::write(p("latin1.md"), b"caf\xe9 design\n").expect("write");
    fs::write(p("huge.md"), "word ".repeat(2 * 1024 * 1024)).expect("write");
    let mut lines = Vec::new();
    for name in [
        "empty.md",
        "binary.md",
        "latin1.md",
        "huge.md",
        "missing.md",
    ] {
        let r = run_in(
            sdcoach()
                .current_dir(dir.path())
                .args(["grade", "-p", "twitter", name]),
        );
        assert_eq!(r.code, 2, "{name}: {}", r.stderr);
        assert_eq!(
            r.stderr.lines().count(),
            1,
            "{name}: one line: {}",
            r.stderr
        );
        assert!(r.stderr.contains(name));
        lines.push(r.stderr.trim_end().to_string());
    }
    let r = run(&["grade", "-p", "twiter", "tests/calibration/twitter/weak.md"]);
    assert_eq!(r.code, 2);
    lines.push(r.stderr.trim_end().to_string());
    insta::assert_snapshot!(lines.join("\n"));
}

#[test]
fn invalid_regex_in_a_rubric_is_named_when_grading() {
    let dir = data_copy();
    edit(
        dir.path(),
        "rubrics/twitter.yaml",
        "phrases:",
        "patterns: ['(oops']\n        phrases:",
    );
    let r = run_in(sdcoach().arg("--data").arg(dir.path()).args([
        "grade",
        "-p",
        "twitter",
        "tests/calibration/twitter/weak.md",
    ]));
    assert_eq!(r.code, 3);
    assert!(
        r.stderr.contains("invalid regex `(oops`") && r.stderr.contains("rubrics/twitter.yaml"),
        "{}",
        r.stderr
    );
}

#[test]
fn question_answers_grade_against_the_bank() {
    let r = run(&[
        "grade",
        "--question",
        "caching-redis-crashes",
        "tests/calibration/questions/caching-redis-crashes.strong.md",
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.contains("Score"));
    let r = run(&[
        "grade",
        "--question",
        "caching-redis-crash",
        "tests/calibration/questions/caching-redis-crashes.strong.md",
    ]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("did you mean `caching-redis-crashes`"));
}

#[test]
fn completions_print_for_each_shell() {
    for shell in ["bash", "zsh", "fish"] {
        let r = run(&["completions", shell]);
        assert_eq!(r.code, 0);
        assert!(r.stdout.contains("sdcoach"), "{shell}");
    }
}

/// The report of a grade on a real terminal, with `NO_COLOR` set or unset.
fn grade_on_a_terminal(no_color: &str) -> String {
    let bin = assert_cmd::cargo::cargo_bin("sdcoach");
    let cmd = format!(
        "env -u NO_COLOR {no_color} TERM=xterm {} grade -p twitter tests/calibration/twitter/medium.md",
        bin.display()
    );
    let mut p = rexpect::spawn(&cmd, Some(15_000)).expect("spawns in a pty");
    p.exp_eof().expect("exits")
}

#[test]
fn colour_only_on_a_terminal_and_never_with_no_color() {
    // Piped, with NO_COLOR unset: plain.
    let piped = output(sdcoach().env_remove("NO_COLOR").env("TERM", "xterm").args([
        "grade",
        "-p",
        "twitter",
        "tests/calibration/twitter/medium.md",
    ]));
    assert_eq!(piped.code, 0, "{}", piped.stderr);
    assert!(piped.stdout.contains("Score"));
    assert!(!piped.stdout.contains('\u{1b}'));
    // On a terminal: coloured, unless NO_COLOR is set or TERM is dumb.
    assert!(grade_on_a_terminal("").contains("\u{1b}["));
    let no_color = grade_on_a_terminal("NO_COLOR=1");
    assert!(no_color.contains("Score") && !no_color.contains("\u{1b}["));
}

#[test]
fn every_report_takes_the_same_formats_or_says_which_it_has() {
    let r = run(&["problems", "show", "twitter", "--format", "json"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let v: serde_json::Value = serde_json::from_str(&r.stdout).expect("json");
    assert_eq!(v["id"], "twitter");
    assert_eq!(v["steps"].as_array().map(Vec::len), Some(7));
    let r = run(&["problems", "show", "twitter", "--format", "markdown"]);
    assert!(r.stdout.starts_with("# Design Twitter"), "{}", r.stdout);
    let r = run(&[
        "grade",
        "--question",
        "caching-redis-crashes",
        "--format",
        "markdown",
        "tests/calibration/questions/caching-redis-crashes.strong.md",
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.starts_with("## "), "{}", r.stdout);
    let r = run(&[
        "grade",
        "-p",
        "twitter",
        "--format",
        "html",
        "tests/calibration/twitter/medium.md",
    ]);
    assert_eq!(r.code, 2);
    assert!(r
        .stderr
        .contains("not available for a grade: use text, markdown, json"));
}

#[test]
fn readme_example_grades() {
    let r = run(&[
        "grade",
        "--problem",
        "url-shortener",
        "examples/url-shortener.md",
    ]);
    assert_eq!(r.code, 0);
    assert!(r.stdout.contains("Score"));
}
