//! The estimation engine through `sdcoach grade`: a deliberate slip is named
//! with the right figure; other assumptions carried through are not punished.

use assert_cmd::Command;

fn grade_json(problem: &str, answer: &str) -> serde_json::Value {
    let out = Command::cargo_bin("sdcoach")
        .expect("binary")
        .env("NO_COLOR", "1")
        .args(["grade", "-p", problem, "--format", "json", "-"])
        .write_stdin(answer)
        .output()
        .expect("runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("json")
}

fn grade_text(problem: &str, answer: &str) -> String {
    let out = Command::cargo_bin("sdcoach")
        .expect("binary")
        .env("NO_COLOR", "1")
        .args(["grade", "-p", problem, "-"])
        .write_stdin(answer)
        .output()
        .expect("runs");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn verdict<'a>(v: &'a serde_json::Value, id: &str) -> &'a str {
    v["estimates"]
        .as_array()
        .and_then(|a| a.iter().find(|e| e["id"] == id))
        .and_then(|e| e["verdict"].as_str())
        .unwrap_or("absent")
}

const SLIP: &str = "## Estimation
We have 100M DAU, each posting 10 tweets per day, so 1B tweets per day.
Write QPS: 1B / 86400 = 115,740 writes per second.
Storage per year: 1B x 1 KB = 1 TB per day, x 365 = 365 TB per year.
";

#[test]
fn a_ten_times_slip_is_named_with_the_right_figure() {
    let v = grade_json("twitter", SLIP);
    let wrong: Vec<&serde_json::Value> = v["arithmetic"]
        .as_array()
        .expect("array")
        .iter()
        .filter(|a| a["ok"] == false)
        .collect();
    let slip = wrong
        .iter()
        .find(|a| a["text"].as_str().is_some_and(|t| t.contains("115,740")))
        .expect("the slip is reported");
    let computed = slip["computed"].as_f64().expect("number");
    assert!((computed - 11_574.0).abs() < 5.0, "{slip}");
    assert_eq!(slip["stated"].as_f64(), Some(115_740.0));
    assert_ne!(verdict(&v, "write_qps"), "close");
    let text = grade_text("twitter", SLIP);
    assert!(
        text.contains("1B / 86400 = 11,574/s, not 115,740"),
        "{text}"
    );
    assert!(text.contains("10x too high"));
}

#[test]
fn other_assumptions_carried_through_are_not_marked_wrong() {
    let answer = "## Estimation
Assume 500M DAU, each posting 10 tweets per day: 500M x 10 = 5B tweets per day.
Write QPS: 5B / 86,400 ≈ 58K writes per second.
Read QPS: 100 reads per write, so 5.8M reads per second.
Storage per year: 5 TB per day, so 1,825 TB per year.
";
    let v = grade_json("twitter", answer);
    for id in ["write_qps", "read_qps", "storage_per_year"] {
        assert_eq!(verdict(&v, id), "close", "{id}: {}", v["estimates"]);
    }
    let text = grade_text("twitter", answer);
    assert!(
        text.contains("recomputed from your Daily active users = 500M"),
        "{text}"
    );
    let wrong = v["arithmetic"]
        .as_array()
        .expect("array")
        .iter()
        .filter(|a| a["ok"] == false)
        .count();
    assert_eq!(wrong, 0, "{}", v["arithmetic"]);
}

#[test]
fn absurd_numbers_do_not_break_grading() {
    let answer = format!(
        "## Estimation\n10^400 users. 1e-300 TB. {} requests. ((1 + 2) = 3. 5 / 0 = 1. 東京 ١٢٣ users.\n",
        "9".repeat(5000)
    );
    let v = grade_json("twitter", &answer);
    let score = v["score"].as_u64().expect("a whole score");
    assert!(score <= 100, "{score}");
    for a in v["arithmetic"].as_array().expect("array") {
        let stated = a["stated"].as_f64().expect("finite stated figure");
        let computed = a["computed"].as_f64().expect("finite computed figure");
        assert!(stated.is_finite() && computed.is_finite(), "{a}");
    }
    // "5 / 0 = 1" and "((1 + 2) = 3" are not reported as wrong.
    assert!(
        v["arithmetic"]
            .as_array()
            .expect("array")
            .iter()
            .all(|a| a["verdict"] != "wrong"),
        "{}",
        v["arithmetic"]
    );
}

#[test]
fn the_shipped_example_is_compared_as_stated() {
    let answer = std::fs::read_to_string("examples/url-shortener.md").expect("example");
    let v = grade_json("url-shortener", &answer);
    let storage = v["estimates"]
        .as_array()
        .and_then(|a| a.iter().find(|e| e["id"] == "storage_total"))
        .expect("storage_total graded");
    assert_eq!(storage["found"].as_f64(), Some(3.0), "{storage}");
    assert_eq!(storage["verdict"], "close");
    for a in v["arithmetic"].as_array().expect("array") {
        assert_ne!(a["verdict"], "wrong", "{a}");
        assert_eq!(a["ok"].as_bool(), Some(a["verdict"] == "ok"), "{a}");
    }
}
