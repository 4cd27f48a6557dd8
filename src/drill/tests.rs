//! Tests of the drill: the schedule, the cards and their checks, plans and
//! the store.

use super::card::{Card, Check, Miss};
use super::check::{check, Reply};
use super::plan::Options;
use super::*;
use crate::catalog::Catalog;
use crate::estimation::EstimateVerdict;
use crate::framework::StepId;
use chrono::{DateTime, Duration, FixedOffset, NaiveDate};
use proptest::prelude::*;

fn at(s: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(s).expect("a valid time")
}

fn catalog() -> Catalog {
    Catalog::embedded().expect("built-in data")
}

fn numbers() -> Numbers {
    Numbers::open(None).expect("built-in figures")
}

/// Reviews a card with `rating` at `now` and returns its new state.
fn review(s: &Scheduler, card: &mut Option<CardState>, rating: Rating, now: DateTime<FixedOffset>) {
    let next = s.review(card.as_ref(), rating, now).expect("scheduled");
    let c = card.get_or_insert_with(|| CardState::new(Kind::Numbers, now));
    c.apply(rating, &next, now);
}

fn interval(card: &Option<CardState>, now: DateTime<FixedOffset>) -> i64 {
    let due = card.as_ref().and_then(|c| c.due).expect("due");
    (due - now.date_naive()).num_days()
}

#[test]
fn intervals_grow_after_good_and_reset_after_again() {
    let s = Scheduler::new().expect("fsrs");
    let mut card = None;
    let mut now = at("2026-11-27T09:00:00+01:00");
    let mut intervals = Vec::new();
    for _ in 0..5 {
        review(&s, &mut card, Rating::Good, now);
        let days = interval(&card, now);
        intervals.push(days);
        // The next review happens on the due date.
        now += Duration::days(days);
    }
    assert!(
        intervals.windows(2).all(|w| w[1] > w[0]),
        "Good must lengthen every interval: {intervals:?}"
    );
    let before = *intervals.last().expect("five reviews");
    assert!(before >= 20, "five Goods reach weeks: {intervals:?}");
    review(&s, &mut card, Rating::Again, now);
    assert_eq!(
        interval(&card, now),
        1,
        "Again brings the card back tomorrow"
    );
    now += Duration::days(1);
    review(&s, &mut card, Rating::Good, now);
    let relearnt = interval(&card, now);
    assert!(
        relearnt * 3 < before,
        "after a lapse the schedule starts low again: {relearnt} days against {before}"
    );
    review(&s, &mut card, Rating::Again, now);
    let c = card.expect("reviewed");
    assert_eq!((c.reps, c.lapses), (8, 2));
    assert_eq!(c.last_rating, Some(Rating::Again));
}

#[test]
fn a_new_card_is_due_sooner_after_again_than_after_good_and_easy() {
    let s = Scheduler::new().expect("fsrs");
    let now = at("2026-11-27T09:00:00+00:00");
    let days: Vec<i64> = s
        .preview(None, now)
        .expect("preview")
        .iter()
        .map(|n| n.interval_days)
        .collect();
    assert!(days.windows(2).all(|w| w[0] <= w[1]), "{days:?}");
    assert!(days[0] < days[2] && days[2] < days[3], "{days:?}");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// Whatever the ratings and whenever the reviews (early, late, the
    /// clock set back), a review never schedules a card in the past.
    #[test]
    fn no_rating_sequence_yields_a_due_date_in_the_past(
        steps in proptest::collection::vec((0usize..4, -3i64..60), 1..25)
    ) {
        let s = Scheduler::new().expect("fsrs");
        let mut card: Option<CardState> = None;
        let mut now = at("2026-01-01T12:00:00+00:00");
        for (r, gap) in steps {
            now += Duration::days(gap);
            let rating = Rating::ALL[r];
            review(&s, &mut card, rating, now);
            let c = card.as_ref().expect("reviewed");
            let due = c.due.expect("due");
            prop_assert!(due > now.date_naive(), "due {due} on {now}");
            prop_assert!(c.stability.is_some_and(|x| x.is_finite() && x > 0.0));
        }
    }
}

#[test]
fn the_figures_file_is_sound_and_every_key_is_close() {
    let catalog = catalog();
    let numbers = numbers();
    assert!(numbers.numbers.len() >= 30, "{}", numbers.numbers.len());
    for f in &numbers.numbers {
        if let Some(g) = &f.guide {
            assert!(
                catalog.guide.sections.contains(g),
                "{}: unknown guide section {g}",
                f.id
            );
        }
        let card = Card::numbers(&f.id);
        let inst = instance(&card, &catalog, &numbers, 1).expect("instance");
        assert_close(&inst, &catalog, &inst.answer);
    }
}

fn assert_close(inst: &Instance, catalog: &Catalog, answer: &str) {
    match check(inst, catalog, answer).expect("checked") {
        Reply::Graded(g) => match g.result {
            check::Result::Quantity { verdict, .. } => assert_eq!(
                verdict,
                EstimateVerdict::Close,
                "{}: `{answer}` for {} ({})",
                inst.id,
                inst.prompt,
                g.why
            ),
            other => panic!("{}: not a figure: {other:?}", inst.id),
        },
        Reply::Retry(why) => panic!("{}: `{answer}` refused: {why}", inst.id),
    }
}

#[test]
fn estimation_cards_with_fresh_inputs_accept_their_own_key() {
    let catalog = catalog();
    let numbers = numbers();
    let cards: Vec<Card> = deck(&catalog, &numbers, &State::default())
        .into_iter()
        .filter(|c| c.kind == Kind::Estimation)
        .collect();
    assert!(cards.len() >= 40, "{} estimation cards", cards.len());
    let mut changed = 0;
    for seed in 0..25u64 {
        for card in &cards {
            let inst = instance(card, &catalog, &numbers, seed).expect("instance");
            let Check::Quantity(q) = &inst.check else {
                panic!("{} is not a figure", card.id)
            };
            let e = &q.problem.estimates[0];
            if (q.expected - e.value).abs() > 1e-9 * e.value.abs() {
                panic!("{}: the check's estimate is not the card's", card.id);
            }
            let reference = catalog
                .problem(&q.problem.id)
                .ok()
                .and_then(|p| p.estimates.iter().find(|x| x.id == e.id))
                .map(|x| x.value)
                .expect("reference");
            if (q.expected / reference - 1.0).abs() > 0.01 {
                changed += 1;
            }
            assert_close(&inst, &catalog, &inst.answer);
        }
    }
    // Fresh inputs change the expected value almost every time.
    assert!(changed * 10 >= cards.len() * 25 * 8, "{changed}");
}

#[test]
fn a_figure_without_its_unit_or_of_another_dimension_is_asked_again() {
    let catalog = catalog();
    let numbers = numbers();
    let inst = instance(
        &Card::estimation("url-shortener", "write_qps"),
        &catalog,
        &numbers,
        3,
    )
    .expect("instance");
    let retry = |answer: &str| match check(&inst, &catalog, answer).expect("checked") {
        Reply::Retry(why) => why,
        Reply::Graded(g) => panic!("`{answer}` was graded: {}", g.why),
    };
    assert!(retry("").starts_with("Empty answer"), "{}", retry(""));
    assert!(retry("about forty").starts_with("No number"));
    let no_unit = retry("120");
    assert!(no_unit.contains("has no unit"), "{no_unit}");
    assert!(no_unit.contains("/s"), "{no_unit}");
    let wrong = retry("120 GB");
    assert!(wrong.contains("is bytes"), "{wrong}");
    assert!(wrong.contains("a rate (per second)"), "{wrong}");
    // A figure in its right unit is graded, whatever its size.
    let graded = |a: &str| match check(&inst, &catalog, a).expect("checked") {
        Reply::Graded(g) => g.proposed,
        Reply::Retry(why) => panic!("{why}"),
    };
    assert_eq!(graded(&inst.answer), Rating::Good);
    assert_eq!(graded("1/s"), Rating::Again);
}

#[test]
fn latency_figures_read_nanoseconds_and_microseconds() {
    let catalog = catalog();
    let numbers = numbers();
    let inst =
        instance(&Card::numbers("latency-main-memory"), &catalog, &numbers, 0).expect("instance");
    assert_close(&inst, &catalog, "100 ns");
    assert_close(&inst, &catalog, "about 0.1 microseconds");
    let inst = instance(
        &Card::numbers("latency-memory-read-1mb"),
        &catalog,
        &numbers,
        0,
    )
    .expect("instance");
    assert_close(&inst, &catalog, "250 microseconds");
}

#[test]
fn question_and_miss_keys_cover_every_point() {
    let catalog = catalog();
    let numbers = numbers();
    let mut cards: Vec<Card> = catalog
        .questions
        .questions
        .iter()
        .map(|q| Card::question(&q.id))
        .collect();
    let rubric = catalog.rubric("url-shortener").expect("rubric");
    for (step, s) in &rubric.steps {
        let step = StepId::parse(step).expect("step id");
        for t in &s.topics {
            cards.push(Card::miss(Miss::Topic {
                problem: "url-shortener".into(),
                step,
                topic: t.id.clone(),
            }));
        }
    }
    let mut bad = Vec::new();
    for card in cards {
        let inst = instance(&card, &catalog, &numbers, 0).expect("instance");
        match check(&inst, &catalog, &inst.answer).expect("checked") {
            Reply::Graded(g) => match g.result {
                check::Result::Points { missed, .. } if !missed.is_empty() => bad.push(format!(
                    "{}: the key `{}` misses {:?}",
                    card.id,
                    inst.answer,
                    missed.iter().map(|m| &m.topic).collect::<Vec<_>>()
                )),
                check::Result::Points { .. } => {}
                other => panic!("{other:?}"),
            },
            Reply::Retry(why) => panic!("{why}"),
        }
    }
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

fn learnt(kind: Kind, due: &str, now: DateTime<FixedOffset>) -> CardState {
    CardState {
        due: Some(due.parse().expect("date")),
        stability: Some(3.0),
        difficulty: Some(5.0),
        reps: 1,
        first_review: Some(now - Duration::days(5)),
        last_review: Some(now - Duration::days(3)),
        ..CardState::new(kind, now)
    }
}

#[test]
fn plans_take_due_cards_first_then_new_ones_up_to_the_day_cap() {
    let catalog = catalog();
    let numbers = numbers();
    let now = at("2026-11-27T09:00:00+00:00");
    let today = now.date_naive();
    let mut state = State::default();
    state.cards.insert(
        "numbers/uuid-bytes".into(),
        learnt(Kind::Numbers, "2026-11-20", now),
    );
    state.cards.insert(
        "numbers/seconds-per-day".into(),
        learnt(Kind::Numbers, "2026-11-26", now),
    );
    state.cards.insert(
        "numbers/two-to-the-10".into(),
        learnt(Kind::Numbers, "2026-12-20", now),
    );
    let cards = deck(&catalog, &numbers, &state);
    let opts = Options {
        filter: Filter {
            kind: Some(Kind::Numbers),
            problem: None,
        },
        count: 50,
        seed: 7,
        new_per_day: 4,
    };
    let p = plan(&cards, &catalog, &state, &opts, today);
    let ids: Vec<&str> = p.iter().map(|x| x.card.id.as_str()).collect();
    assert_eq!(ids[..2], ["numbers/uuid-bytes", "numbers/seconds-per-day"]);
    assert_eq!(p.len(), 6, "two due and four new: {ids:?}");
    assert!(p[2..].iter().all(|x| x.due.is_none()));
    assert!(!ids.contains(&"numbers/two-to-the-10"), "not due yet");
    // The same inputs give the same plan; another seed, other new cards.
    assert_eq!(plan(&cards, &catalog, &state, &opts, today), p);
    let other = plan(
        &cards,
        &catalog,
        &state,
        &Options {
            seed: 8,
            ..opts.clone()
        },
        today,
    );
    assert_eq!(other[..2], p[..2]);
    assert_ne!(other[2..], p[2..]);
    // Four new cards reviewed today use up the cap.
    for x in &p[2..] {
        let mut c = learnt(Kind::Numbers, "2026-11-28", now);
        c.first_review = Some(now);
        state.cards.insert(x.card.id.clone(), c);
    }
    let after = plan(&cards, &catalog, &state, &opts, today);
    assert_eq!(after.len(), 2, "{after:?}");
}

#[test]
fn misses_come_before_other_new_cards_and_follow_the_problem_filter() {
    let catalog = catalog();
    let numbers = numbers();
    let now = at("2026-11-27T09:00:00+00:00");
    let mut state = State::default();
    let miss = Miss::Topic {
        problem: "url-shortener".into(),
        step: StepId::DeepDive,
        topic: "dd_counter".into(),
    };
    harvest::add_misses(&mut state, vec![miss.clone()], "a.yaml", now);
    let gone = Miss::Topic {
        problem: "url-shortener".into(),
        step: StepId::DeepDive,
        topic: "no_such_topic".into(),
    };
    harvest::add_misses(&mut state, vec![gone], "a.yaml", now);
    let cards = deck(&catalog, &numbers, &state);
    assert!(!cards.iter().any(|c| c.id.ends_with("no_such_topic")));
    let opts = Options {
        filter: Filter {
            kind: None,
            problem: Some("url-shortener".into()),
        },
        count: 5,
        seed: 1,
        new_per_day: 10,
    };
    let p = plan(&cards, &catalog, &state, &opts, now.date_naive());
    assert_eq!(p[0].card.id, miss.id());
    assert!(
        p.iter()
            .all(|x| x.card.belongs_to(&catalog, "url-shortener")),
        "{p:?}"
    );
    assert!(p.iter().all(|x| x.card.kind != Kind::Numbers));
}

#[test]
fn the_state_round_trips_and_a_broken_file_is_kept_aside() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = DrillStore::new(dir.path());
    let now = at("2026-11-27T09:00:00+00:00");
    assert_eq!(store.load(now).expect("none yet").state, State::default());
    let mut state = State::default();
    state.cards.insert(
        "numbers/uuid-bytes".into(),
        learnt(Kind::Numbers, "2026-11-30", now),
    );
    store.save(&state).expect("saved");
    let loaded = store.load(now).expect("loaded");
    assert_eq!(loaded.state, state);
    assert!(loaded.notice.is_none());

    std::fs::write(store.state_path(), "version: 1\ncards: [oops\n").expect("write");
    let loaded = store.load(now).expect("kept aside");
    assert_eq!(loaded.state, State::default());
    let notice = loaded.notice.expect("reported");
    assert!(notice.contains("could not be read"), "{notice}");
    let aside = store.dir.join("state.broken-20261127T090000.yaml");
    assert!(notice.contains(&aside.display().to_string()), "{notice}");
    assert_eq!(
        std::fs::read_to_string(&aside).expect("kept"),
        "version: 1\ncards: [oops\n"
    );
    assert!(!store.state_path().exists());

    std::fs::write(store.state_path(), "version: 9\n").expect("write");
    let err = store.load(now).expect_err("newer");
    assert!(err.to_string().contains("upgrade sdcoach"), "{err}");
    assert!(
        store.state_path().exists(),
        "a newer file stays where it is"
    );
}

#[test]
fn the_log_appends_and_skips_a_line_cut_short() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = DrillStore::new(dir.path());
    let now = at("2026-11-27T09:00:00+00:00");
    let entry = LogEntry {
        at: now,
        card: "numbers/uuid-bytes".into(),
        kind: Kind::Numbers,
        rating: Rating::Good,
        proposed: Rating::Good,
        result: "close".into(),
        new: true,
        elapsed_days: 0,
        due: NaiveDate::from_ymd_opt(2026, 11, 29).expect("date"),
        stability: 2.3,
        difficulty: 2.1,
        answer: "16 B".into(),
    };
    store.append(&entry).expect("appended");
    store.append(&entry).expect("appended");
    let mut text = std::fs::read_to_string(store.log_path()).expect("log");
    text.push_str("{\"at\": \"2026-11");
    std::fs::write(store.log_path(), text).expect("write");
    let log = store.log().expect("read");
    assert_eq!((log.entries.len(), log.unreadable), (2, 1));
    assert_eq!(log.entries[0], entry);
}

#[test]
fn the_drill_folder_is_not_a_transcript() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = DrillStore::new(dir.path());
    store.save(&State::default()).expect("saved");
    let transcripts = crate::transcript::Store::new(dir.path());
    assert!(transcripts.files().expect("listed").is_empty());
}

#[test]
fn kinds_and_ratings_read_what_people_type() {
    assert_eq!(Kind::parse_filter("all").expect("all"), None);
    assert_eq!(
        Kind::parse_filter("Numbers").expect("numbers"),
        Some(Kind::Numbers)
    );
    let err = Kind::parse_filter("trivia").expect_err("unknown");
    assert!(err
        .to_string()
        .contains("question, estimation, numbers, misses, all"));
    assert_eq!(Rating::parse("g"), Some(Rating::Good));
    assert_eq!(Rating::parse("1"), Some(Rating::Again));
    assert_eq!(Rating::parse("Easy"), Some(Rating::Easy));
    assert_eq!(Rating::parse("x"), None);
    let err = check_problem(&catalog(), "twiter").expect_err("unknown");
    assert!(err.to_string().contains("did you mean `twitter`"), "{err}");
    assert!(err.to_string().contains("url-shortener"), "{err}");
}
