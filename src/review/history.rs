//! Progress over every saved session: one small summary per transcript
//! (loaded, summarised and dropped, so memory follows the number of
//! summaries, not the size of the transcripts), then per-step averages,
//! trends, the weakest steps and the topics missed most often.

use super::regrade;
use crate::catalog::Catalog;
use crate::framework::StepId;
use crate::grading::Band;
use crate::transcript::{Mode, SavedGrade, Store, Transcript, VERSION};
use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::de::IgnoredAny;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// How many of the latest graded sessions are re-graded to find the topics
/// missed most often (a full re-grade of every session is too slow for
/// thousands of transcripts, and recent misses are the ones worth studying).
pub const TOPIC_WINDOW: usize = 20;
/// How many of the latest scores the trend charts show.
pub const CHART_WINDOW: usize = 20;
/// Below this many files one thread does the scanning.
const PARALLEL_FROM: usize = 64;
/// The size limit of `Store::load`, so both ways of reading agree.
use crate::transcript::MAX_TRANSCRIPT_BYTES;

/// Which sessions to include.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    pub problem: Option<String>,
    /// Sessions started on or after this day (in the session's own time zone).
    pub since: Option<NaiveDate>,
}

impl Filter {
    fn keeps(&self, t: &Transcript) -> bool {
        self.problem.as_ref().is_none_or(|p| *p == t.problem)
            && self.since.is_none_or(|d| t.started.date_naive() >= d)
    }
}

/// Where a session's score came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Graded {
    /// The grade stored when the session was saved.
    Saved,
    /// No grade was stored: re-graded with today's rubric.
    Regraded,
    /// Unfinished, or its problem is not in the catalogue.
    No,
}

/// One session in the history.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct SessionSummary {
    pub file: String,
    pub started: DateTime<FixedOffset>,
    pub problem: String,
    pub mode: Mode,
    pub finished: bool,
    pub duration_secs: u64,
    pub score: Option<u32>,
    pub band: Option<Band>,
    /// Step scores, in interview order (empty when ungraded).
    pub steps: BTreeMap<StepId, u32>,
    pub graded: Graded,
}

/// A transcript left out because it could not be read.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Skipped {
    pub file: String,
    pub reason: String,
}

/// One step over the graded sessions.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct StepTrend {
    pub step: StepId,
    pub title: String,
    pub average: Option<f64>,
    /// The latest scores, oldest first (at most [`CHART_WINDOW`]).
    pub recent: Vec<u32>,
    /// Mean of the newer half of `recent` minus the older half.
    pub trend: Option<i64>,
}

/// A topic missed in several of the latest sessions.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct MissedTopic {
    pub step: StepId,
    pub topic: String,
    pub label: String,
    pub study: String,
    /// Sessions (of [`History::topics_from`]) that missed it.
    pub count: usize,
}

/// The whole history.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct History {
    /// One entry per readable transcript that passes the filter, oldest first.
    pub sessions: Vec<SessionSummary>,
    /// Readable sessions the filter left out.
    pub filtered_out: usize,
    pub skipped: Vec<Skipped>,
    /// Overall scores of the latest graded sessions, oldest first.
    pub scores: Vec<u32>,
    pub score_trend: Option<i64>,
    pub steps: Vec<StepTrend>,
    /// Steps with the lowest averages, weakest first.
    pub weakest: Vec<StepId>,
    pub missed_topics: Vec<MissedTopic>,
    /// How many of the latest graded sessions were re-graded for topics.
    pub topics_from: usize,
}

/// What scanning one file gave.
enum Scan {
    Kept(SessionSummary),
    Filtered,
    Unreadable(Skipped),
}

/// The fields of a transcript the history needs. The answers are skipped
/// without being copied, which makes reading about 2.5 times faster than a
/// full load; unknown fields are still refused, as a full load does.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Light {
    version: Option<u32>,
    problem: String,
    mode: Mode,
    started: DateTime<FixedOffset>,
    #[serde(rename = "updated")]
    _updated: IgnoredAny,
    finished: bool,
    #[serde(rename = "minutes")]
    _minutes: IgnoredAny,
    #[serde(default, rename = "timer")]
    _timer: IgnoredAny,
    #[serde(default, rename = "seed")]
    _seed: IgnoredAny,
    steps: Vec<LightStep>,
    #[serde(default)]
    grade: Option<SavedGrade>,
    #[serde(default, rename = "peer")]
    _peer: IgnoredAny,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LightStep {
    step: StepId,
    #[serde(default)]
    seconds: u64,
    #[serde(default, rename = "answer")]
    _answer: IgnoredAny,
    #[serde(default, rename = "questions")]
    _questions: IgnoredAny,
    #[serde(default, rename = "probes")]
    _probes: IgnoredAny,
    #[serde(default, rename = "hints")]
    _hints: IgnoredAny,
    #[serde(default, rename = "done")]
    _done: IgnoredAny,
    #[serde(default, rename = "skipped")]
    _skipped: IgnoredAny,
    #[serde(default, rename = "peer")]
    _peer: IgnoredAny,
}

fn saved_summary(l: Light, file: String) -> SessionSummary {
    let (graded, score, band, steps) = match &l.grade {
        Some(g) => (
            Graded::Saved,
            Some(g.score),
            Some(g.band),
            g.steps.iter().copied().collect(),
        ),
        None => (Graded::No, None, None, BTreeMap::new()),
    };
    SessionSummary {
        file,
        started: l.started,
        problem: l.problem,
        mode: l.mode,
        finished: l.finished,
        duration_secs: l.steps.iter().map(|s| s.seconds).sum(),
        score,
        band,
        steps,
        graded,
    }
}

fn summarise(catalog: &Catalog, t: &Transcript, file: String) -> SessionSummary {
    let (graded, score, band, steps) = match &t.grade {
        Some(g) => (
            Graded::Saved,
            Some(g.score),
            Some(g.band),
            g.steps.iter().copied().collect(),
        ),
        None if t.finished => match regrade(catalog, t) {
            Ok(g) => (
                Graded::Regraded,
                Some(g.score),
                Some(g.band),
                g.steps.iter().map(|s| (s.id, s.score)).collect(),
            ),
            Err(_) => (Graded::No, None, None, BTreeMap::new()),
        },
        None => (Graded::No, None, None, BTreeMap::new()),
    };
    SessionSummary {
        file,
        started: t.started,
        problem: t.problem.clone(),
        mode: t.mode,
        finished: t.finished,
        duration_secs: t.seconds(),
        score,
        band,
        steps,
        graded,
    }
}

/// Loads one file into a summary: the quick way for the usual transcript
/// with a saved grade; a full load (and its exact error message, or a
/// re-grade) for anything else.
fn scan(catalog: &Catalog, path: &Path, filter: &Filter) -> Scan {
    let file = path.display().to_string();
    let light = crate::catalog::read_text(path, MAX_TRANSCRIPT_BYTES)
        .ok()
        // Deep nesting goes to the full load, which refuses it quickly.
        .filter(|text| {
            crate::catalog::depth::too_deep(text, crate::catalog::depth::MAX_FLOW_DEPTH).is_none()
        })
        .and_then(|text| serde_yaml::from_str::<Light>(&text).ok())
        .filter(|l| l.version == Some(VERSION) && (l.grade.is_some() || !l.finished))
        // A short or shuffled step list goes to the full load, which names the fault.
        .filter(|l| crate::transcript::check_steps(l.steps.iter().map(|s| s.step)).is_ok());
    if let Some(l) = light {
        let keep = filter.problem.as_ref().is_none_or(|p| *p == l.problem)
            && filter.since.is_none_or(|d| l.started.date_naive() >= d);
        return if keep {
            Scan::Kept(saved_summary(l, file))
        } else {
            Scan::Filtered
        };
    }
    match Store::load(path) {
        Ok(t) if filter.keeps(&t) => Scan::Kept(summarise(catalog, &t, file)),
        Ok(_) => Scan::Filtered,
        Err(e) => Scan::Unreadable(Skipped {
            file,
            reason: e.to_string(),
        }),
    }
}

/// Scans `files` on up to `threads` threads, calling `tick` once per file.
fn scan_all(
    catalog: &Catalog,
    files: &[PathBuf],
    filter: &Filter,
    threads: usize,
    tick: &(dyn Fn() + Sync),
) -> Vec<Scan> {
    let work = |chunk: &[PathBuf]| -> Vec<Scan> {
        chunk
            .iter()
            .map(|p| {
                let s = scan(catalog, p, filter);
                tick();
                s
            })
            .collect()
    };
    let threads = threads.max(1);
    if threads == 1 || files.len() < PARALLEL_FROM {
        return work(files);
    }
    let size = files.len().div_ceil(threads);
    std::thread::scope(|scope| {
        let handles: Vec<_> = files
            .chunks(size)
            .map(|chunk| scope.spawn(move || work(chunk)))
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_default())
            .collect()
    })
}

fn mean(xs: &[u32]) -> Option<f64> {
    (!xs.is_empty()).then(|| xs.iter().map(|&x| f64::from(x)).sum::<f64>() / xs.len() as f64)
}

/// The newer half of the latest ten against the older half.
fn trend(series: &[u32]) -> Option<i64> {
    let last = &series[series.len().saturating_sub(10)..];
    if last.len() < 2 {
        return None;
    }
    let (old, new) = last.split_at(last.len() / 2);
    Some((mean(new)? - mean(old)?).round() as i64)
}

fn tail(series: &[u32], n: usize) -> Vec<u32> {
    series[series.len().saturating_sub(n)..].to_vec()
}

/// Re-grades the latest graded sessions and counts the topics they missed.
fn missed_topics(
    catalog: &Catalog,
    sessions: &[SessionSummary],
    threads: usize,
) -> (Vec<MissedTopic>, usize) {
    let latest: Vec<PathBuf> = sessions
        .iter()
        .rev()
        .filter(|s| s.score.is_some() && catalog.problem(&s.problem).is_ok())
        .take(TOPIC_WINDOW)
        .map(|s| PathBuf::from(&s.file))
        .collect();
    let grade_one = |p: &PathBuf| Store::load(p).ok().and_then(|t| regrade(catalog, &t).ok());
    let size = latest.len().div_ceil(threads.max(1)).max(1);
    let grades: Vec<_> = std::thread::scope(|scope| {
        let handles: Vec<_> = latest
            .chunks(size)
            .map(|chunk| {
                scope.spawn(move || chunk.iter().filter_map(grade_one).collect::<Vec<_>>())
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_default())
            .collect()
    });
    let mut counts: BTreeMap<(StepId, String), MissedTopic> = BTreeMap::new();
    for g in &grades {
        for s in &g.steps {
            for m in &s.to_study {
                counts
                    .entry((s.id, m.topic.clone()))
                    .or_insert_with(|| MissedTopic {
                        step: s.id,
                        topic: m.topic.clone(),
                        label: m.label.clone(),
                        study: m.study.clone(),
                        count: 0,
                    })
                    .count += 1;
            }
        }
    }
    let mut list: Vec<MissedTopic> = counts.into_values().collect();
    // Most often first; interview order breaks ties so the output is stable.
    list.sort_by(|a, b| b.count.cmp(&a.count).then(a.step.cmp(&b.step)));
    list.truncate(5);
    (list, grades.len())
}

/// Summarises every transcript in `files` that passes the filter. Unreadable
/// files are listed in [`History::skipped`], never fatal. `tick` is called
/// once per file scanned (for a progress bar).
pub fn history(
    catalog: &Catalog,
    files: &[PathBuf],
    filter: &Filter,
    threads: usize,
    tick: &(dyn Fn() + Sync),
) -> History {
    let mut sessions = Vec::new();
    let mut skipped = Vec::new();
    let mut filtered_out = 0;
    for s in scan_all(catalog, files, filter, threads, tick) {
        match s {
            Scan::Kept(s) => sessions.push(s),
            Scan::Unreadable(s) => skipped.push(s),
            Scan::Filtered => filtered_out += 1,
        }
    }
    sessions.sort_by(|a, b| a.started.cmp(&b.started).then_with(|| a.file.cmp(&b.file)));
    skipped.sort_by(|a, b| a.file.cmp(&b.file));

    let scores: Vec<u32> = sessions.iter().filter_map(|s| s.score).collect();
    let steps: Vec<StepTrend> = StepId::ALL
        .iter()
        .map(|&id| {
            let series: Vec<u32> = sessions
                .iter()
                .filter_map(|s| s.steps.get(&id).copied())
                .collect();
            StepTrend {
                step: id,
                title: id.info().title.to_string(),
                average: mean(&series),
                recent: tail(&series, CHART_WINDOW),
                trend: trend(&series),
            }
        })
        .collect();
    let mut ranked: Vec<(f64, StepId)> = steps
        .iter()
        .filter_map(|s| s.average.map(|a| (a, s.step)))
        .collect();
    ranked.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
    let (missed_topics, topics_from) = missed_topics(catalog, &sessions, threads);
    History {
        score_trend: trend(&scores),
        scores: tail(&scores, CHART_WINDOW),
        steps,
        weakest: ranked.into_iter().take(2).map(|(_, id)| id).collect(),
        missed_topics,
        topics_from,
        sessions,
        filtered_out,
        skipped,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::transcript::SavedGrade;

    fn at(day: u32) -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339(&format!("2026-11-{day:02}T10:00:00+00:00")).expect("date")
    }

    #[test]
    fn summarises_skips_and_filters() {
        let catalog = Catalog::embedded().expect("catalog");
        let dir = tempfile::tempdir().expect("tempdir");
        let store = Store::new(dir.path());
        for (day, score) in [(1, 40), (2, 50), (3, 70)] {
            let mut t = Transcript::new("url-shortener", Mode::Solo, 55, true, 1, at(day));
            t.finished = true;
            t.grade = Some(SavedGrade {
                score,
                band: Band::from_score(score),
                steps: StepId::ALL.iter().map(|&s| (s, score)).collect(),
                graded_at: at(day),
            });
            store
                .save(&dir.path().join(format!("s{day}.yaml")), &t)
                .expect("save");
        }
        let mut other = Transcript::new("twitter", Mode::Solo, 55, true, 1, at(4));
        other.finished = true;
        store
            .save(&dir.path().join("s4.yaml"), &other)
            .expect("save");
        std::fs::write(dir.path().join("bad.yaml"), "version: [").expect("write");
        let files = store.files().expect("files");
        let count = std::sync::atomic::AtomicUsize::new(0);
        let tick = || {
            count.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        };
        let h = history(&catalog, &files, &Filter::default(), 2, &tick);
        assert_eq!(count.into_inner(), 5);
        assert_eq!(h.sessions.len(), 4);
        assert_eq!(h.skipped.len(), 1);
        assert!(h.skipped[0].file.ends_with("bad.yaml"));
        assert_eq!(h.sessions[3].graded, Graded::Regraded);
        assert_eq!(h.topics_from, 4);
        assert!(!h.missed_topics.is_empty());

        // The quick reader refuses what a full load refuses.
        let typo = std::fs::read_to_string(dir.path().join("s1.yaml"))
            .expect("read")
            .replace("finished: true", "finished: true\nfinshed: true");
        std::fs::write(dir.path().join("typo.yaml"), typo).expect("write");
        let files = store.files().expect("files");
        let h = history(&catalog, &files, &Filter::default(), 1, &|| {});
        assert_eq!(h.skipped.len(), 2);
        assert!(h.skipped.iter().any(|s| s.reason.contains("finshed")));

        let only = Filter {
            problem: Some("url-shortener".into()),
            since: NaiveDate::from_ymd_opt(2026, 11, 2),
        };
        let h = history(&catalog, &files, &only, 1, &|| {});
        assert_eq!(h.scores, vec![50, 70]);
        assert_eq!(h.score_trend, Some(20));
        assert_eq!(h.steps[0].average, Some(60.0));
    }
}
