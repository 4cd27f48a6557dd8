//! The conventions of a well-kept command line: question ids can be found,
//! hints name a command that works, settings come from flags, environment,
//! a config file or defaults (and say which), partial credit reads as
//! partial, empty filters say why, plurals agree, a man page ships.

mod common;

use common::{in_folder, output, sdcoach, Run};
use sdcoach::catalog::Catalog;
use sdcoach::review::sample::sample_transcript;
use std::fs;
use std::path::Path;

fn run(args: &[&str]) -> Run {
    output(sdcoach().args(args))
}

#[test]
fn questions_can_be_listed_and_shown_with_the_answers_hidden_until_asked() {
    let r = run(&["questions"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let catalog = Catalog::embedded().expect("data");
    for q in &catalog.questions.questions {
        assert!(r.stdout.contains(&q.id), "{} missing", q.id);
    }
    let q = &catalog.questions.questions[0];
    let first_point = &q.points[0].label;
    let shown = run(&["questions", "show", &q.id]);
    assert_eq!(shown.code, 0, "{}", shown.stderr);
    assert!(shown.stdout.contains(&q.ask));
    assert!(
        !shown.stdout.contains(first_point.as_str()),
        "{}",
        shown.stdout
    );
    let answers = run(&["questions", "show", &q.id, "--answers"]);
    assert!(
        answers.stdout.contains(first_point.as_str()),
        "{}",
        answers.stdout
    );
    let json = run(&["questions", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&json.stdout).expect("json");
    assert_eq!(
        v.as_array().map(Vec::len),
        Some(catalog.questions.questions.len())
    );
    // An unknown id that is not even close still says where the ids are.
    let r = run(&[
        "grade",
        "--question",
        "zzz",
        "tests/calibration/twitter/weak.md",
    ]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("list them with `sdcoach questions`"),
        "{}",
        r.stderr
    );
}

/// Ends a piped practice session after one answer and returns what it said.
fn practice_then_stop(bin: &Path, dir: &Path) -> String {
    let out = std::process::Command::new(bin)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .env("XDG_CONFIG_HOME", "/nonexistent/sdcoach-tests")
        .args(["--transcripts", "t", "practice", "pastebin"])
        .stdin(fs::File::open("tests/fixtures/one-answer.txt").expect("fixture"))
        .output()
        .expect("runs");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn the_resume_hint_names_the_command_that_was_run() {
    let dir = tempfile::tempdir().expect("tempdir");
    let built = assert_cmd::cargo::cargo_bin("sdcoach");
    // Run from cargo's target folder: the hint goes through cargo, with the
    // profile the tests (and so the binary) were built with.
    let said = practice_then_stop(&built, dir.path());
    let cargo = if cfg!(debug_assertions) {
        "cargo run --"
    } else {
        "cargo run --release --"
    };
    assert!(
        said.contains(&format!("resume with: {cargo} practice --resume t/")),
        "{said}"
    );
    // Installed elsewhere: the hint names the binary.
    let installed = dir.path().join("bin").join("sdcoach");
    fs::create_dir_all(installed.parent().expect("parent")).expect("mkdir");
    fs::copy(&built, &installed).expect("copy");
    let said = practice_then_stop(&installed, dir.path());
    assert!(
        said.contains("resume with: sdcoach practice --resume t/"),
        "{said}"
    );
}

#[test]
fn markdown_marks_partial_credit_as_the_terminal_does() {
    let dir = tempfile::tempdir().expect("tempdir");
    let answer = dir.path().join("a.md");
    fs::write(
        &answer,
        "## High-level design\n\n- load balancer\n- cache\n- database\n",
    )
    .expect("write");
    let path = answer.to_string_lossy().into_owned();
    let md = run(&[
        "grade",
        "-p",
        "url-shortener",
        "--format",
        "markdown",
        &path,
    ]);
    let text = run(&["grade", "-p", "url-shortener", &path]);
    assert_eq!(md.code, 0, "{}", md.stderr);
    let marks = |s: &str, m: &str| s.lines().filter(|l| l.trim_start().starts_with(m)).count();
    // A bare list earns listed-only credit: `·`, never a full `✓`.
    assert!(marks(&text.stdout, "·") > 0, "{}", text.stdout);
    assert_eq!(
        marks(&md.stdout, "- ·"),
        marks(&text.stdout, "·"),
        "{}",
        md.stdout
    );
    assert_eq!(
        marks(&md.stdout, "- ✓"),
        marks(&text.stdout, "✓"),
        "{}",
        md.stdout
    );
}

#[test]
fn a_filter_that_matches_nothing_says_so_and_how_many_exist() {
    let dir = tempfile::tempdir().expect("tempdir");
    let t = dir.path().join("t");
    fs::create_dir_all(&t).expect("mkdir");
    let catalog = Catalog::embedded().expect("data");
    for n in 0..2 {
        let s = sample_transcript(&catalog, n * 70, 11, true).expect("sample");
        fs::write(t.join(format!("s{n}.yaml")), s.to_yaml()).expect("write");
    }
    let r = in_folder(dir.path(), &["history", "--since", "2099-01-01"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(!r.stdout.contains("No sessions yet"), "{}", r.stdout);
    assert!(
        r.stdout
            .contains("No session matches the filter; 2 sessions are saved here"),
        "{}",
        r.stdout
    );
    let md = in_folder(
        dir.path(),
        &["history", "--since", "2099-01-01", "--format", "markdown"],
    );
    assert!(
        md.stdout.contains("No session matches the filter"),
        "{}",
        md.stdout
    );
}

#[test]
fn counts_agree_with_their_nouns() {
    let dir = tempfile::tempdir().expect("tempdir");
    for sub in ["problems", "rubrics"] {
        fs::create_dir_all(dir.path().join(sub)).expect("mkdir");
    }
    for id in ["pastebin"] {
        for sub in ["problems", "rubrics"] {
            let text = fs::read_to_string(format!("{sub}/{id}.yaml")).expect("read");
            fs::write(dir.path().join(sub).join(format!("{id}.yaml")), text).expect("write");
        }
    }
    let rubric = dir.path().join("rubrics/pastebin.yaml");
    let text = fs::read_to_string(&rubric).expect("read");
    fs::write(&rubric, text.replacen("weight: 2", "weight: -1", 1)).expect("write");
    let r = output(sdcoach().arg("--data").arg(dir.path()).arg("lint"));
    assert_eq!(r.code, 1, "{}{}", r.stdout, r.stderr);
    assert_eq!(r.stderr.trim(), "1 finding");
    let show = run(&["problems", "show", "pastebin"]);
    assert!(!show.stdout.contains(" 1 facts") && !show.stdout.contains(" 1 questions"));
}

#[test]
fn settings_come_from_flags_environment_file_or_defaults_and_say_which() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("config.toml");
    fs::write(
        &file,
        "transcripts = \"sessions\"\nminutes = 45\nlevel = \"mid\"\n",
    )
    .expect("write");
    let with_file = |cmd: &mut assert_cmd::Command| {
        cmd.env("SDCOACH_CONFIG", &file);
    };
    let mut cmd = sdcoach();
    with_file(&mut cmd);
    let r = output(cmd.args(["config", "--format", "json"]));
    assert_eq!(r.code, 0, "{}", r.stderr);
    let v: serde_json::Value = serde_json::from_str(&r.stdout).expect("json");
    assert_eq!(v["minutes"]["value"], 45);
    assert_eq!(v["minutes"]["source"]["kind"], "file");
    assert_eq!(v["level"]["value"], "mid");
    assert_eq!(v["color"]["source"]["kind"], "env");
    assert_eq!(
        v["transcripts"]["value"],
        dir.path().join("sessions").display().to_string()
    );

    // The environment beats the file; a flag beats both.
    let mut cmd = sdcoach();
    with_file(&mut cmd);
    let r = output(cmd.env("SDCOACH_TRANSCRIPTS", "env-t").arg("config"));
    assert!(
        r.stdout.contains("environment SDCOACH_TRANSCRIPTS"),
        "{}",
        r.stdout
    );
    let mut cmd = sdcoach();
    with_file(&mut cmd);
    let r =
        output(
            cmd.env("SDCOACH_TRANSCRIPTS", "env-t")
                .args(["--transcripts", "flag-t", "config"]),
        );
    assert!(
        r.stdout.contains("flag-t") && r.stdout.contains("flag --transcripts"),
        "{}",
        r.stdout
    );

    // A session started with the file's settings is saved where it says, at its length.
    let mut cmd = sdcoach();
    with_file(&mut cmd);
    let r = output(
        cmd.current_dir(dir.path())
            .args(["practice", "pastebin"])
            .write_stdin("I assume 1M pastes a day.\n.\n"),
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let saved: Vec<_> = fs::read_dir(dir.path().join("sessions"))
        .expect("the file's folder")
        .flatten()
        .collect();
    assert_eq!(saved.len(), 1);
    let t = sdcoach::transcript::Store::load(&saved[0].path()).expect("loads");
    assert_eq!(t.minutes, 45);

    // A broken file is an error naming it.
    fs::write(&file, "minutes = \"many\"\n").expect("write");
    let mut cmd = sdcoach();
    with_file(&mut cmd);
    let r = output(cmd.arg("problems"));
    assert_eq!(r.code, 3);
    assert!(r.stderr.contains("config.toml:1"), "{}", r.stderr);
}

#[test]
fn a_man_page_is_generated_from_the_command_definitions() {
    let r = run(&["man"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stdout.contains(".TH sdcoach 1"),
        "{}",
        &r.stdout[..200.min(r.stdout.len())]
    );
    for sub in ["practice", "interview", "questions", "config"] {
        assert!(r.stdout.contains(sub), "{sub} not in the man page");
    }
    let help = run(&["--help"]);
    assert!(help.stdout.contains("sdcoach man"), "{}", help.stdout);
}
