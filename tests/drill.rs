//! `sdcoach drill`, `drill stats` and `drill sheet` through the real binary:
//! a line-mode session, the worksheet and the drill agreeing, the days
//! after (wrong cards first), misses of saved sessions, bad input, and a
//! broken state file.

mod common;

use common::{output, sdcoach, Run};
use std::fs;
use std::path::Path;

const DAY1: &str = "2026-11-27T09:00:00+00:00";
const DAY2: &str = "2026-11-28T08:30:00+00:00";
const DAY4: &str = "2026-11-30T19:00:00+00:00";

/// `sdcoach --transcripts t ARGS` in `dir` at `now`, with `stdin` piped.
fn run(dir: &Path, now: &str, args: &[&str], stdin: &str) -> Run {
    output(
        sdcoach()
            .current_dir(dir)
            .env("SDCOACH_NOW", now)
            .env_remove("EDITOR")
            .env_remove("VISUAL")
            .args(["--transcripts", "t"])
            .args(args)
            .write_stdin(stdin),
    )
}

fn json(r: &Run) -> serde_json::Value {
    assert_eq!(r.code, 0, "{}", r.stderr);
    serde_json::from_str(&r.stdout).expect("JSON")
}

/// Ids of a worksheet's cards, in order.
fn sheet_ids(dir: &Path, now: &str, args: &[&str]) -> Vec<String> {
    let mut all = vec!["drill", "sheet", "--format", "json"];
    all.extend_from_slice(args);
    let v = json(&run(dir, now, &all, ""));
    v["cards"]
        .as_array()
        .expect("cards")
        .iter()
        .map(|c| c["id"].as_str().expect("id").to_string())
        .collect()
}

/// Card ids in the order a drill's output asks them.
fn asked(stdout: &str) -> Vec<String> {
    stdout
        .lines()
        .filter_map(|l| l.strip_prefix("── Card "))
        .filter_map(|l| l.split(" · ").nth(1))
        .map(str::to_string)
        .collect()
}

/// Seed 2 asks, in order: the UDP header (8 bytes), one billion a day per
/// second (11,574/s), seconds in a month (2.5M s), seconds in a day.
const SEED2: [&str; 4] = [
    "numbers/udp-header-bytes",
    "numbers/billion-per-day-rate",
    "numbers/seconds-per-month",
    "numbers/seconds-per-day",
];

#[test]
fn a_line_mode_drill() {
    let dir = tempfile::tempdir().expect("tempdir");
    // Right and kept; no unit, then wrong; empty, then right and made Easy;
    // skipped; then the input ends.
    let script = "8 bytes\n.\n\n11574\n.\n1000 per second\n.\n\n.\n2.6M s\n.\ne\n:skip\n";
    let r = run(
        dir.path(),
        DAY1,
        &["drill", "--kind", "numbers", "--count", "4", "--seed", "2"],
        script,
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(asked(&r.stdout), SEED2);
    insta::assert_snapshot!("line_mode_drill", r.stdout);
    let log = fs::read_to_string(dir.path().join("t/drill/log.jsonl")).expect("log");
    assert_eq!(log.lines().count(), 3, "{log}");
    assert!(
        log.contains("\"rating\":\"easy\",\"proposed\":\"good\""),
        "{log}"
    );
}

/// The worksheet of `args` and the drill of the same arguments fed the
/// sheet's key: the same cards in the same order, and every key accepted.
fn sheet_and_drill_agree(dir: &Path, args: &[&str]) -> Vec<String> {
    let mut sheet_args = vec!["drill", "sheet", "--format", "json"];
    sheet_args.extend_from_slice(args);
    let sheet = json(&run(dir, DAY1, &sheet_args, ""));
    let cards = sheet["cards"].as_array().expect("cards");
    assert!(!cards.is_empty());
    // The key, card after card, each rating kept.
    let mut script = String::new();
    for c in cards {
        script.push_str(c["answer"].as_str().expect("answer"));
        script.push_str("\n.\n\n");
    }
    let mut drill = vec!["drill"];
    drill.extend_from_slice(args);
    let r = run(dir, DAY1, &drill, &script);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let ids: Vec<String> = cards
        .iter()
        .map(|c| c["id"].as_str().expect("id").to_string())
        .collect();
    assert_eq!(asked(&r.stdout), ids);
    for c in cards {
        let prompt = c["prompt"].as_str().expect("prompt");
        assert!(r.stdout.contains(prompt), "the drill asks `{prompt}`");
    }
    let figures = ids
        .iter()
        .filter(|id| {
            id.starts_with("estimation/") || id.starts_with("numbers/") || id.contains("/estimate/")
        })
        .count();
    assert_eq!(
        r.stdout.matches("\nClose: ").count(),
        figures,
        "{}",
        r.stdout
    );
    assert!(
        !r.stdout.contains("  ✗ "),
        "a key point missed:\n{}",
        r.stdout
    );
    assert!(!r.stdout.contains("Proposed rating: Again"), "{}", r.stdout);
    let done = format!("Drill done: {} cards rated", ids.len());
    assert!(r.stdout.contains(&done), "{}", r.stdout);
    ids
}

#[test]
fn the_worksheet_lists_what_the_drill_asks_and_its_key_is_accepted() {
    // Every kind but misses, mixed by the seed.
    let dir = tempfile::tempdir().expect("tempdir");
    let ids = sheet_and_drill_agree(dir.path(), &["--count", "12", "--seed", "9"]);
    assert_eq!(ids.len(), 10, "ten new cards a day: {ids:?}");
    for kind in ["question/", "estimation/", "numbers/"] {
        assert!(ids.iter().any(|i| i.starts_with(kind)), "{kind} in {ids:?}");
    }
    // The misses of a saved session come first among new cards.
    let dir = tempfile::tempdir().expect("tempdir");
    fs::create_dir(dir.path().join("t")).expect("mkdir");
    fs::copy(
        "tests/fixtures/transcript-v1.yaml",
        dir.path().join("t/2026-11-20-url-shortener-1.yaml"),
    )
    .expect("copy");
    let ids = sheet_and_drill_agree(dir.path(), &["--count", "6", "--seed", "4"]);
    assert!(ids.iter().all(|i| i.starts_with("misses/")), "{ids:?}");
}

#[test]
fn wrong_cards_come_back_first_and_right_ones_wait_longer() {
    let dir = tempfile::tempdir().expect("tempdir");
    // Day one: right, wrong, right, wrong.
    let script = "8 bytes\n.\n\n1/s\n.\n\n2.5M s\n.\n\n3 s\n.\n\n";
    let r = run(
        dir.path(),
        DAY1,
        &["drill", "--kind", "numbers", "--count", "4", "--seed", "2"],
        script,
    );
    assert!(
        r.stdout
            .contains("Drill done: 4 cards rated (Again 2, Good 2)"),
        "{}",
        r.stdout
    );
    let (right, wrong) = ([SEED2[0], SEED2[2]], [SEED2[1], SEED2[3]]);

    // The next day only the wrong ones are due; new cards follow them.
    let next_day = sheet_ids(dir.path(), DAY2, &["--kind", "numbers", "--seed", "2"]);
    assert_eq!(next_day[..2], wrong);
    for id in right {
        assert!(
            !next_day.contains(&id.to_string()),
            "{id} waits: {next_day:?}"
        );
    }
    // Three days on, all four are due: the wrong ones (overdue longer) first.
    let later = sheet_ids(dir.path(), DAY4, &["--kind", "numbers", "--seed", "2"]);
    assert_eq!(later[..2], wrong);
    assert_eq!(later[2..4], right);

    let stats = json(&run(
        dir.path(),
        DAY2,
        &["drill", "stats", "--format", "json"],
        "",
    ));
    assert_eq!(stats["due_today"], 2);
    assert_eq!(stats["due_this_week"], 4);
    assert_eq!(stats["reviewed"], 4);
    assert_eq!(stats["streak"], 1);
    let due = |id: &str| {
        stats["cards"]
            .as_array()
            .expect("cards")
            .iter()
            .find(|c| c["id"] == id)
            .and_then(|c| c["due"].as_str())
            .expect("due")
            .to_string()
    };
    for (w, g) in wrong.iter().zip(right) {
        assert!(due(w) < due(g), "{w} {} before {g} {}", due(w), due(g));
    }
    for field in [
        "id",
        "kind",
        "due",
        "stability",
        "difficulty",
        "reps",
        "lapses",
    ] {
        assert!(stats["cards"][0].get(field).is_some(), "{field}");
    }

    // Day two: the wrong ones answered right; the text stats follow.
    let r = run(
        dir.path(),
        DAY2,
        &["drill", "--kind", "numbers", "--count", "2", "--seed", "2"],
        "11574/s\n.\n\n86400 s\n.\n\n",
    );
    assert_eq!(asked(&r.stdout), wrong);
    let text = run(dir.path(), DAY2, &["drill", "stats"], "");
    assert!(
        text.stdout
            .contains("Reviewed 6 (2 today), retention 100%, streak 2 days"),
        "{}",
        text.stdout
    );
}

#[test]
fn a_practice_sessions_misses_become_cards_and_the_review_says_how_many() {
    let dir = tempfile::tempdir().expect("tempdir");
    fs::create_dir(dir.path().join("t")).expect("mkdir");
    fs::copy(
        "tests/fixtures/transcript-v1.yaml",
        dir.path().join("t/2026-11-20-url-shortener-1.yaml"),
    )
    .expect("copy");
    let review = run(dir.path(), DAY1, &["review", "--latest"], "");
    let last = review
        .stdout
        .trim_end()
        .lines()
        .last()
        .unwrap_or("")
        .to_string();
    assert!(
        last.ends_with("new cards from this session: drill them with `cargo run -- drill --kind misses --problem url-shortener`"),
        "{last}"
    );
    let n: usize = last
        .split_whitespace()
        .next()
        .and_then(|w| w.parse().ok())
        .expect("a count");
    let ids = sheet_ids(dir.path(), DAY1, &["--kind", "misses", "--count", "200"]);
    assert_eq!(
        ids.len(),
        n.min(10),
        "new misses, up to the day's cap: {ids:?}"
    );
    assert!(
        ids.iter().all(|i| i.starts_with("misses/url-shortener/")),
        "{ids:?}"
    );
    // After a drill has taken them in, the session adds nothing new.
    let r = run(dir.path(), DAY1, &["drill", "--kind", "misses"], "");
    assert!(
        r.stdout
            .starts_with(&format!("{n} new cards from your saved sessions")),
        "{}",
        r.stdout
    );
    let again = run(dir.path(), DAY1, &["review", "--latest"], "");
    assert!(
        !again.stdout.contains("from this session"),
        "{}",
        again.stdout
    );
    // The drill folder is not read as a session.
    let history = run(dir.path(), DAY1, &["history"], "");
    assert_eq!(history.code, 0);
    assert!(history.stderr.is_empty(), "{}", history.stderr);
}

#[test]
fn quit_and_skip_keep_the_schedule_consistent() {
    let dir = tempfile::tempdir().expect("tempdir");
    let args = ["drill", "--kind", "numbers", "--count", "4", "--seed", "2"];
    let r = run(dir.path(), DAY1, &args, ":skip\n11574/s\n.\n:quit\n");
    assert!(
        r.stdout
            .contains("Drill stopped: 1 card rated (Good 1), 1 skipped, 2 left for later"),
        "{}",
        r.stdout
    );
    let stats = json(&run(
        dir.path(),
        DAY1,
        &["drill", "stats", "--format", "json"],
        "",
    ));
    let ids: Vec<&str> = stats["cards"]
        .as_array()
        .expect("cards")
        .iter()
        .filter_map(|c| c["id"].as_str())
        .collect();
    assert_eq!(ids, ["numbers/billion-per-day-rate"]);
    // The skipped card is still new: asked again first among the new ones.
    let r = run(dir.path(), DAY1, &args, "");
    assert_eq!(asked(&r.stdout)[..1], [SEED2[0]]);
}

#[test]
fn bad_input_exits_2_naming_the_valid_values() {
    let dir = tempfile::tempdir().expect("tempdir");
    let r = run(dir.path(), DAY1, &["drill", "--kind", "trivia"], "");
    assert_eq!(r.code, 2);
    assert!(
        r.stderr
            .contains("question, estimation, numbers, misses, all"),
        "{}",
        r.stderr
    );
    let r = run(
        dir.path(),
        DAY1,
        &["drill", "sheet", "--problem", "twiter"],
        "",
    );
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("did you mean `twitter`"), "{}", r.stderr);
    assert!(r.stderr.contains("url-shortener, pastebin"), "{}", r.stderr);
    let r = run(dir.path(), "yesterday", &["drill", "stats"], "");
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("not an RFC 3339 time"), "{}", r.stderr);
}

#[test]
fn a_broken_state_file_is_kept_aside_and_reported() {
    let dir = tempfile::tempdir().expect("tempdir");
    fs::create_dir_all(dir.path().join("t/drill")).expect("mkdir");
    fs::write(
        dir.path().join("t/drill/state.yaml"),
        "version: 1\ncards: [\n",
    )
    .expect("write");
    let r = run(
        dir.path(),
        DAY1,
        &["drill", "--kind", "numbers", "--count", "1"],
        "",
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stderr.contains("could not be read"), "{}", r.stderr);
    assert!(
        r.stderr.contains("state.broken-20261127T090000.yaml"),
        "{}",
        r.stderr
    );
    let kept = fs::read_to_string(dir.path().join("t/drill/state.broken-20261127T090000.yaml"))
        .expect("kept aside");
    assert_eq!(kept, "version: 1\ncards: [\n");
}

#[test]
fn the_worksheet_prints_as_markdown_and_text() {
    let dir = tempfile::tempdir().expect("tempdir");
    let md = run(
        dir.path(),
        DAY1,
        &[
            "drill",
            "sheet",
            "--kind",
            "estimation",
            "--count",
            "2",
            "--seed",
            "5",
            "--problem",
            "url-shortener",
        ],
        "",
    );
    assert_eq!(md.code, 0, "{}", md.stderr);
    insta::assert_snapshot!("sheet_markdown", md.stdout);
    let text = run(
        dir.path(),
        DAY1,
        &[
            "drill",
            "sheet",
            "--kind",
            "estimation",
            "--count",
            "2",
            "--seed",
            "5",
            "--problem",
            "url-shortener",
            "--format",
            "text",
        ],
        "",
    );
    assert!(text.stdout.contains("Answer key"), "{}", text.stdout);
    let html = run(
        dir.path(),
        DAY1,
        &["drill", "sheet", "--format", "html"],
        "",
    );
    assert_eq!(html.code, 2);
    assert!(
        html.stderr.contains("use text, markdown, json"),
        "{}",
        html.stderr
    );
}

#[test]
fn on_a_terminal_one_key_changes_the_rating() {
    let dir = tempfile::tempdir().expect("tempdir");
    let bin = assert_cmd::cargo::cargo_bin("sdcoach");
    let cmd = format!(
        "env NO_COLOR=1 TERM=xterm SDCOACH_NOW={DAY1} {} --transcripts {} drill --kind numbers --count 2 --seed 2",
        bin.display(),
        dir.path().join("t").display()
    );
    let mut p = rexpect::spawn(&cmd, Some(15_000)).expect("spawns in a pty");
    p.exp_string("How many bytes is a UDP header?")
        .expect("the first card");
    p.send_line("8 bytes").expect("send");
    p.send_line(".").expect("send");
    p.exp_string("Rating: enter keeps Good")
        .expect("the proposal");
    // One key, no Enter.
    p.send("e").expect("send");
    p.flush().expect("flush");
    p.exp_string("Easy: next on 2026-12-05")
        .expect("overridden");
    p.exp_string("One billion posts a day")
        .expect("the second card");
    p.send_line(":quit").expect("send");
    p.exp_string("Drill stopped: 1 card rated (Easy 1)")
        .expect("saved");
    p.exp_eof().expect("exits");
    let log = fs::read_to_string(dir.path().join("t/drill/log.jsonl")).expect("log");
    assert!(
        log.contains("\"rating\":\"easy\",\"proposed\":\"good\""),
        "{log}"
    );
}
