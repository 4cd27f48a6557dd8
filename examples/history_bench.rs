//! Benchmark of `sdcoach history` over many realistic generated transcripts.
//!
//! ```text
//! cargo build --release && cargo run --release --example history_bench -- 10000 20000
//! ```
//!
//! For each count, generates the transcripts once into
//! `target/history-bench/<count>/` (reused on later runs), then runs the
//! release binary's `history` over them, reporting wall time and peak
//! resident memory (from `/usr/bin/time -v` when present). Generation grades
//! a pool of distinct transcripts for real and spreads them over the series
//! with their own dates, so every file has a realistic size and a saved
//! grade, as sessions saved by `practice` do.

use sdcoach::catalog::Catalog;
use sdcoach::review::sample::sample_transcript;
use sdcoach::transcript::Transcript;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

/// Distinct graded transcripts the series is built from.
const POOL: u64 = 400;
const SEED: u64 = 20_26;

fn pool(catalog: &Catalog) -> Vec<Transcript> {
    let half = POOL / 2;
    std::thread::scope(|s| {
        let parts: Vec<_> = [0..half, half..POOL]
            .into_iter()
            .map(|range| {
                s.spawn(move || {
                    range
                        .map(|n| sample_transcript(catalog, n, SEED, true).expect("sample"))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        parts
            .into_iter()
            .flat_map(|h| h.join().expect("generator thread"))
            .collect()
    })
}

fn generate(dir: &Path, count: usize, pool: &[Transcript]) {
    std::fs::create_dir_all(dir).expect("create bench folder");
    let base = chrono::DateTime::parse_from_rfc3339("2024-01-01T08:00:00+00:00").expect("date");
    for i in 0..count {
        let mut t = pool[i % pool.len()].clone();
        let shift = base + chrono::Duration::hours(3 * i as i64) - t.started;
        t.started += shift;
        t.updated += shift;
        if let Some(g) = t.grade.as_mut() {
            g.graded_at += shift;
        }
        let name = format!("{}-{}-{i}.yaml", t.started.format("%Y-%m-%d"), t.problem);
        std::fs::write(dir.join(name), t.to_yaml()).expect("write transcript");
    }
}

fn yaml_count(dir: &Path) -> usize {
    std::fs::read_dir(dir).map_or(0, |r| {
        r.filter_map(Result::ok)
            .filter(|e| e.path().extension().is_some_and(|x| x == "yaml"))
            .count()
    })
}

fn folder_bytes(dir: &Path) -> u64 {
    std::fs::read_dir(dir).map_or(0, |r| {
        r.filter_map(Result::ok)
            .filter_map(|e| e.metadata().ok())
            .map(|m| m.len())
            .sum()
    })
}

/// Runs `sdcoach history` on `dir`; returns (seconds, peak RSS in KB).
fn run_history(bin: &Path, dir: &Path) -> (f64, Option<u64>) {
    let timed = Path::new("/usr/bin/time").exists();
    let mut cmd = if timed {
        let mut c = Command::new("/usr/bin/time");
        c.arg("-v").arg(bin);
        c
    } else {
        Command::new(bin)
    };
    cmd.arg("--transcripts")
        .arg(dir)
        .arg("history")
        .env("NO_COLOR", "1")
        .stdout(Stdio::null())
        .stderr(Stdio::piped());
    let start = Instant::now();
    let out = cmd.output().expect("run sdcoach history");
    let secs = start.elapsed().as_secs_f64();
    assert!(
        out.status.success(),
        "history failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let peak = String::from_utf8_lossy(&out.stderr)
        .lines()
        .find_map(|l| {
            l.trim()
                .strip_prefix("Maximum resident set size (kbytes): ")
                .map(str::to_string)
        })
        .and_then(|v| v.trim().parse().ok());
    (secs, peak)
}

fn main() {
    let counts: Vec<usize> = std::env::args()
        .skip(1)
        .filter_map(|a| a.parse().ok())
        .collect();
    let counts = if counts.is_empty() {
        vec![10_000, 20_000]
    } else {
        counts
    };
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target");
    let bin = root.join("release/sdcoach");
    assert!(
        bin.exists(),
        "build the binary first: cargo build --release"
    );
    let catalog = Catalog::embedded().expect("catalog");
    let mut pool_cache: Option<Vec<Transcript>> = None;
    for count in counts {
        let dir = root.join(format!("history-bench/{count}"));
        if yaml_count(&dir) != count {
            let _ = std::fs::remove_dir_all(&dir);
            let start = Instant::now();
            let pool = pool_cache.get_or_insert_with(|| pool(&catalog));
            generate(&dir, count, pool);
            eprintln!(
                "generated {count} transcripts in {:.1} s",
                start.elapsed().as_secs_f64()
            );
        }
        let mb = folder_bytes(&dir) as f64 / 1e6;
        // Best of three, after one run that warms the page cache.
        run_history(&bin, &dir);
        let runs: Vec<(f64, Option<u64>)> = (0..3).map(|_| run_history(&bin, &dir)).collect();
        let best = runs.iter().map(|r| r.0).fold(f64::INFINITY, f64::min);
        let peak = runs.iter().filter_map(|r| r.1).max();
        println!(
            "history over {count} transcripts ({mb:.0} MB): {best:.2} s (best of 3), peak RSS {}",
            peak.map_or_else(
                || "unknown".into(),
                |kb| format!("{:.1} MB", kb as f64 / 1024.0)
            )
        );
    }
}
