//! Scripted peer sessions: the whole flow without a terminal.

use super::*;
use crate::catalog::Catalog;
use crate::grading::scorecard::rating_pct;
use crate::grading::scorecard::DIMENSIONS;
use crate::grading::Band;
use crate::report::{scorecard_text, Style};
use crate::session::{FakeClock, Invocation, ScriptedPrompter};
use crate::transcript::Mode;
use crate::transcript::{Rating, Store, Transcript};

struct Setup {
    catalog: Catalog,
    dir: tempfile::TempDir,
}

fn setup() -> Setup {
    Setup {
        catalog: Catalog::embedded().expect("built-in data loads"),
        dir: tempfile::tempdir().expect("tempdir"),
    }
}

fn fresh(problem: &str) -> Transcript {
    let at = chrono::DateTime::parse_from_rfc3339("2026-11-27T10:00:00+00:00").expect("date");
    let mut t = Transcript::new(problem, Mode::Peer, 55, true, 0, at);
    t.peer = Some(PeerSession {
        candidate: Some("Candidate A".into()),
        ..Default::default()
    });
    t
}

fn run(
    setup: &Setup,
    t: Transcript,
    lines: &[&str],
) -> (PeerOutcome, Transcript, ScriptedPrompter) {
    let clock = FakeClock::new("2026-11-27T10:00:00+00:00", 30);
    let store = Store::new(setup.dir.path());
    let path = setup.dir.path().join("peer.yaml");
    let problem = setup.catalog.problem(&t.problem).expect("problem");
    let rubric = setup.catalog.rubric(&t.problem).expect("rubric");
    let mut s = Interview {
        core: Core {
            catalog: &setup.catalog,
            problem,
            transcript: t,
            path,
            store,
            clock: &clock,
            how: Invocation::default(),
        },
        rubric,
    };
    let mut p = ScriptedPrompter::default();
    p.replies = lines.iter().map(|l| l.to_string()).collect();
    let outcome = s.run(&mut p).expect("session runs");
    (outcome, s.core.transcript, p)
}

/// The requirements step: questions, a reveal, notes, a hint and a typed answer.
const REQUIREMENTS: [&str; 14] = [
    "?How many URLs are created per month?",
    "?What's the read write ratio?",
    ":reveal 10",
    "?What colour is the logo?",
    "Asked about scale before anything else.",
    ".",
    ":hint",
    ":answer",
    "How many URLs per month? Is it read heavy?",
    "Do links expire? Can users pick a custom alias?",
    ".",
    ":next",
    // Topics: keep the pre-ticked ones; flags: the first two.
    ".",
    "1 2",
];

const RATINGS: [&str; 11] = [
    "3",
    "Asked good questions early",
    "five",
    "2",
    "Deep dive stayed shallow",
    "3",
    "Numbers were right",
    "2",
    "Missed failure modes",
    "hire",
    "Practise the deep dive.",
];

fn full_script() -> Vec<&'static str> {
    let mut lines: Vec<&str> = REQUIREMENTS.to_vec();
    for _ in 1..7 {
        // Notes, then `.` on an empty block goes to the checklist; tick
        // the first two topics and no flags.
        lines.extend(["Talked it through.", ".", ".", "1 2", ""]);
    }
    lines.extend(RATINGS);
    lines
}

#[test]
fn a_full_peer_session_reveals_facts_ticks_the_checklist_and_scores() {
    let setup = setup();
    let (outcome, t, p) = run(&setup, fresh("url-shortener"), &full_script());
    let said = p.transcript();
    let PeerOutcome::Finished(card) = outcome else {
        panic!("session should finish: {said}")
    };
    assert!(
        said.contains("Say: \"Let's design a URL shortener"),
        "{said}"
    );
    assert!(said.contains("Fact sheet"), "{said}");
    assert!(said.contains("If they have not covered"), "{said}");
    assert!(
        said.contains("say: \"About 100 million new short URLs"),
        "{said}"
    );
    assert!(said.contains("No fact answers that"), "{said}");
    // The first rung points at scale and the read/write ratio, which they
    // had already asked about: it is passed over.
    assert!(said.contains("Hint 2/3 (offer it)"), "{said}");
    assert!(!said.contains("Hint 1/3"), "{said}");
    assert!(said.contains("Type 1, 2, 3 or 4."), "{said}");

    let req = t.step(StepId::Requirements);
    let peer = req.peer.as_ref().expect("peer step");
    for id in ["scale", "read_write_ratio", "latency"] {
        assert!(peer.revealed.contains(&id.to_string()), "{peer:?}");
    }
    // Pre-ticked from the typed answer and kept with `.`.
    for id in [
        "asks_scale",
        "asks_read_write_ratio",
        "asks_expiry_retention",
        "asks_custom_alias",
    ] {
        assert!(peer.ticked.contains(&id.to_string()), "{peer:?}");
    }
    assert_eq!(peer.flags.len(), 2);
    assert_eq!(peer.notes, "Asked about scale before anything else.");
    assert_eq!(req.hints.len(), 1);
    assert_eq!(req.questions.len(), 2);
    assert!(req.answer.contains("custom alias"));
    for step in &t.steps[1..] {
        let s = step.peer.as_ref().expect("peer step");
        assert_eq!(s.ticked.len(), 2, "{step:?}");
        assert!(s.flags.is_empty());
        assert_eq!(s.notes, "Talked it through.");
        assert!(step.seconds > 0);
    }

    let session = t.peer.as_ref().expect("peer session");
    assert_eq!(session.ratings.len(), 4);
    assert_eq!(session.ratings[1].score, 2);
    assert_eq!(session.recommendation, Some(Band::Hire));
    assert_eq!(session.notes, "Practise the deep dive.");
    assert!(t.finished);
    assert_eq!(t.grade.as_ref().map(|g| g.score), Some(card.computed));

    let saved = Store::load(&setup.dir.path().join("peer.yaml")).expect("saved");
    assert_eq!(saved, t);
    assert_eq!(saved.mode, Mode::Peer);

    assert_eq!(card.dimensions.len(), 4);
    assert!(!card.gaps.is_empty());
    insta::assert_snapshot!("peer_scorecard", scorecard_text(&card, Style::plain()));
}

#[test]
fn quit_saves_and_resume_continues_with_the_next_step_and_the_scorecard() {
    let setup = setup();
    let (outcome, t, p) = run(&setup, fresh("url-shortener"), &REQUIREMENTS);
    assert!(matches!(outcome, PeerOutcome::Eof), "{}", p.transcript());
    assert!(p.transcript().contains("sdcoach interview --resume"));
    let saved = Store::load(&setup.dir.path().join("peer.yaml")).expect("saved");
    assert_eq!(saved, t);
    assert_eq!(saved.next_step(), Some(StepId::Functional));

    // Quit half-way through the ratings, then finish.
    let mut lines: Vec<&str> = Vec::new();
    for _ in 1..7 {
        lines.extend([":next", "", ""]);
    }
    lines.extend(["4", "Clear", ":quit"]);
    let (outcome, t, _) = run(&setup, saved, &lines);
    assert!(matches!(outcome, PeerOutcome::Quit));
    assert_eq!(t.peer.as_ref().map(|s| s.ratings.len()), Some(1));
    assert_eq!(t.next_step(), None);
    assert!(!t.finished);

    let (outcome, t, _) = run(&setup, t, &["1", "", "1", "", "1", "", "no hire", "."]);
    let PeerOutcome::Finished(card) = outcome else {
        panic!("resumed session should finish")
    };
    assert!(t.finished);
    assert_eq!(card.dimensions[0].rating, Some(4));
    assert_eq!(card.recommendation, Some(Band::NoHire));
    assert_eq!(t.peer.as_ref().map(|s| s.notes.as_str()), Some(""));
}

#[test]
fn end_of_input_keeps_the_block_being_typed() {
    let setup = setup();
    let (outcome, t, _) = run(
        &setup,
        fresh("twitter"),
        &["They drew boxes first.", "then asked about scale"],
    );
    assert!(matches!(outcome, PeerOutcome::Eof));
    let saved = Store::load(&setup.dir.path().join("peer.yaml")).expect("saved");
    assert_eq!(saved, t);
    let notes = &saved
        .step(StepId::Requirements)
        .peer
        .as_ref()
        .expect("peer")
        .notes;
    assert_eq!(notes, "They drew boxes first.\nthen asked about scale");
}

#[test]
fn skip_time_help_and_unknown_commands() {
    let setup = setup();
    let lines = [
        ":time",
        ":help",
        ":frobnicate",
        ":reveal 99",
        ":skip",
        ":hint",
        ":hint",
        ":hint",
        ":hint",
    ];
    let (_, t, p) = run(&setup, fresh("pastebin"), &lines);
    let said = p.transcript();
    assert!(said.contains("Time: 0:00 on this step"), "{said}");
    assert!(said.contains(":reveal N"), "{said}");
    assert!(said.contains("Unknown command `:frobnicate`"), "{said}");
    assert!(said.contains("takes a fact number from 1 to"), "{said}");
    assert!(t.step(StepId::Requirements).skipped);
    assert_eq!(t.step(StepId::Functional).hints.len(), 3);
    assert!(said.contains("No more hints"), "{said}");
}

#[test]
fn large_disagreements_between_ratings_and_checklist_are_pointed_out() {
    let setup = setup();
    let problem = setup.catalog.problem("url-shortener").expect("problem");
    let rubric = setup.catalog.rubric("url-shortener").expect("rubric");
    let mut t = fresh("url-shortener");
    for step in StepId::ALL {
        t.step_mut(step).done = true;
    }
    let session = t.peer.get_or_insert_with(PeerSession::default);
    session.ratings = DIMENSIONS
        .iter()
        .map(|(id, _)| Rating {
            dimension: id.to_string(),
            score: 4,
            why: String::new(),
        })
        .collect();
    session.recommendation = Some(Band::StrongHire);
    let card = scorecard(&setup.catalog, problem, rubric, &t.scorecard_input());
    assert_eq!(card.computed, 0);
    // Four dimensions and the recommendation.
    assert_eq!(card.disagreements.len(), 5, "{:?}", card.disagreements);
    assert!(card.disagreements[0].contains("your rating is 100 points above the checklist"));
    assert_eq!(
        card.key_facts_missed.len(),
        problem.facts.iter().filter(|f| f.key).count()
    );
    let text = scorecard_text(&card, Style::plain());
    assert!(text.contains("differs by 100 points"), "{text}");
}

#[test]
fn lines_ratings_and_bands_parse() {
    assert_eq!(parse_input(" . "), Input::Dot);
    assert_eq!(
        parse_input("?how many users"),
        Input::Ask("how many users".into())
    );
    assert_eq!(
        parse_input(":reveal 3"),
        Input::Command(Command::Reveal, "3".into())
    );
    assert_eq!(parse_input(":zap"), Input::Unknown("zap".into()));
    assert_eq!(
        parse_input(":12 is a time"),
        Input::Text(":12 is a time".into())
    );
    assert_eq!(parse_input("?"), Input::Text("?".into()));
    assert_eq!(rating_pct(1), 0);
    assert_eq!(rating_pct(3), 67);
    assert_eq!(rating_pct(4), 100);
    assert_eq!(Band::parse("3"), Some(Band::LeanHire));
    assert_eq!(Band::parse("Lean-No hire"), Some(Band::LeanNoHire));
    assert_eq!(Band::parse("strong_hire"), Some(Band::StrongHire));
    assert_eq!(Band::parse("6"), None);
    assert_eq!(Band::parse("maybe"), None);
}

#[test]
fn every_step_offers_some_flags_but_not_all_of_them() {
    let catalog = Catalog::embedded().expect("data");
    let rubric = catalog.rubric("url-shortener").expect("rubric");
    let flags = catalog.flags(rubric);
    for step in StepId::ALL {
        let n = flags.iter().filter(|(f, _)| f.in_checklist(step)).count();
        assert!(
            n > 0 && n < flags.len() / 2 + 4,
            "{step}: {n} of {}",
            flags.len()
        );
    }
}

#[test]
fn a_typed_answer_pre_ticks_the_flags_its_wording_raises() {
    let setup = setup();
    // Skip to the high-level step, type an answer, keep the marks shown.
    let lines = [
        ":skip",
        ":skip",
        ":skip",
        ":skip",
        ":answer",
        "We will use a blockchain for the links. This is definitely the best approach.",
        ".",
        ":next",
        ".",
        ".",
        ":quit",
    ];
    let (_, t, p) = run(&setup, fresh("url-shortener"), &lines);
    let said = p.transcript();
    assert!(
        said.contains("flag from their typed answer: Blockchain without a need for it"),
        "{said}"
    );
    let flags = &t
        .step(StepId::HighLevel)
        .peer
        .as_ref()
        .expect("peer step")
        .flags;
    assert!(flags.contains(&"blockchain".to_string()), "{flags:?}");
    // Only the flags offered for this step are ticked.
    let rubric = setup.catalog.rubric("url-shortener").expect("rubric");
    assert!(flags.iter().all(|f| setup
        .catalog
        .flags(rubric)
        .iter()
        .any(|(g, _)| &g.id == f && g.in_checklist(StepId::HighLevel))));
}

#[test]
fn the_interviewer_can_throw_a_curveball_and_its_reply_is_graded() {
    let setup = setup();
    let lines = [
        ":skip",
        ":skip",
        ":skip",
        ":skip",
        ":skip",
        ":curveball 9",
        ":curveball 1",
        "Ten times the traffic: re-estimate to 40,000 redirects a second and add cache replicas.",
        ".",
        ":quit",
    ];
    let (_, t, p) = run(&setup, fresh("url-shortener"), &lines);
    let said = p.transcript();
    assert!(
        said.contains("Curveballs (throw one if time allows"),
        "{said}"
    );
    assert!(
        said.contains("`:curveball N` takes a number from 1 to 3"),
        "{said}"
    );
    assert!(said.contains("Curveball reply saved: "), "{said}");
    let c = t.curveball.as_ref().expect("recorded");
    let problem = setup.catalog.problem("url-shortener").expect("problem");
    assert_eq!(c.id, problem.curveballs[0].id);
    assert!(c.reply.starts_with("Ten times the traffic"), "{c:?}");
}
