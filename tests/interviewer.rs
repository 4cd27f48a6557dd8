//! How well the interviewer understands clarifying questions it was not
//! written for: 208 questions over the eight problems, phrased as candidates
//! phrase them by someone who had not seen the fact sheets, labelled by
//! someone else with the facts that answer each part (`tests/interviewer/`).
//! A part is right when it gets one of its facts, or "your call" when it has
//! none; a fact outside the part's list is a wrong fact. Run with
//! `-- --nocapture` for the table.

use sdcoach::catalog::Catalog;
use sdcoach::grading::facts::understand;
use serde::Deserialize;
use std::fs;

#[derive(Deserialize)]
struct Labelled {
    q: String,
    parts: Vec<Vec<String>>,
}

#[derive(Default)]
struct Tally {
    questions: usize,
    right: usize,
    wrong: usize,
    compound: usize,
    compound_right: usize,
}

/// Scores one question: (all parts right, any wrong fact, replies shown).
fn judge(replies: &[(String, Option<String>)], parts: &[Vec<String>]) -> (bool, bool) {
    let given: Vec<&str> = replies.iter().filter_map(|(_, f)| f.as_deref()).collect();
    let allowed = |f: &str| parts.iter().any(|p| p.iter().any(|a| a == f));
    let wrong = given.iter().any(|f| !allowed(f));
    // Every part with facts got one of them; parts without facts got none
    // (the wrong check covers that), and the reply has as many parts.
    let answered = parts
        .iter()
        .filter(|p| !p.is_empty())
        .all(|p| given.iter().any(|g| p.iter().any(|a| a == g)));
    let all_parts_said = replies.len() >= parts.len();
    (answered && !wrong && all_parts_said, wrong)
}

/// Runs the labelled bank in `dir` (one `<problem>.yaml` per problem):
/// the tally, the table and the misses.
fn measure(dir: &str) -> (Tally, String) {
    let catalog = Catalog::embedded().expect("data");
    let mut total = Tally::default();
    let mut table =
        String::from("| problem | questions | right | wrong fact |\n|---|---:|---:|---:|\n");
    let mut misses = Vec::new();
    for id in catalog.ids() {
        let path = format!("{dir}/{id}.yaml");
        let text = fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
        let bank: Vec<Labelled> = serde_yaml::from_str(&text).expect("labels parse");
        let facts = &catalog.problem(&id).expect("problem").facts;
        let mut t = Tally::default();
        for l in &bank {
            let replies: Vec<(String, Option<String>)> = understand(&l.q, facts)
                .into_iter()
                .map(|r| (r.part, r.fact.map(|f| f.id.clone())))
                .collect();
            let (right, wrong) = judge(&replies, &l.parts);
            t.questions += 1;
            t.right += usize::from(right);
            t.wrong += usize::from(wrong);
            if l.parts.len() > 1 {
                t.compound += 1;
                t.compound_right += usize::from(right);
            }
            if !right {
                misses.push(format!(
                    "{}{id}: {:?} -> {:?} (want {:?})",
                    if wrong { "WRONG " } else { "" },
                    l.q,
                    replies,
                    l.parts
                ));
            }
        }
        table.push_str(&format!(
            "| {id} | {} | {} | {} |\n",
            t.questions, t.right, t.wrong
        ));
        total.questions += t.questions;
        total.right += t.right;
        total.wrong += t.wrong;
        total.compound += t.compound;
        total.compound_right += t.compound_right;
    }
    table.push_str(&format!(
        "| all | {} | {} ({:.1}%) | {} ({:.1}%) |\ncompound questions: {} of {} right\n",
        total.questions,
        total.right,
        total.accuracy() * 100.0,
        total.wrong,
        total.wrong_share() * 100.0,
        total.compound_right,
        total.compound
    ));
    eprintln!("{dir}\n{table}\n{}", misses.join("\n"));
    (total, table)
}

/// Runs the bank in `dir` and holds its floors: at least `least`
/// questions, the share right at least `accuracy`, the share of wrong facts
/// at most `wrong`.
fn holds(dir: &str, least: usize, accuracy: f64, wrong: f64) {
    let (total, table) = measure(dir);
    assert!(
        total.questions >= least,
        "{dir}: {} questions",
        total.questions
    );
    let (got, wrong_got) = (total.accuracy(), total.wrong_share());
    assert!(got >= accuracy, "accuracy {got:.3}\n{table}");
    assert!(wrong_got <= wrong, "wrong facts {wrong_got:.3}\n{table}");
}

impl Tally {
    fn accuracy(&self) -> f64 {
        self.right as f64 / self.questions.max(1) as f64
    }

    fn wrong_share(&self) -> f64 {
        self.wrong as f64 / self.questions.max(1) as f64
    }
}

#[test]
fn clarifying_questions_get_the_right_fact_or_an_honest_your_call() {
    let (total, table) = measure("tests/interviewer");
    assert!(total.questions >= 200);
    // Floors at what the matcher reaches today (issue 17 asks for 0.92 and
    // 0.02): 202 of 208 right, no wrong fact, 22 of 23 compound questions
    // (199 and 20 before the third round: the concept lexicon's expiry tied
    // "how long do we keep them" between expiry and retention). Ninth
    // round (ask9: service levels said of a kind, asides at a clause's
    // end, comparisons opening a question): 202 right (97.1%) from 201.
    // Eleventh round (the first side of "do X, or are they Y?"): 203 (97.5%).
    // Fourteenth round (build-or-buy, explaining clauses, hedges): 205 (98.5%).
    let (accuracy, wrong) = (total.accuracy(), total.wrong_share());
    assert!(accuracy >= 0.985, "accuracy {accuracy:.3}\n{table}");
    assert!(wrong <= 0.005, "wrong facts {wrong:.3}\n{table}");
    assert!(
        total.compound_right * 100 >= total.compound * 95,
        "compound {} of {}\n{table}",
        total.compound_right,
        total.compound
    );
}

/// A second bank (`tests/interviewer/heldout/`, 112 questions) written and
/// labelled the same way after the matcher was first built; the second
/// round tuned on it too.
#[test]
fn held_out_questions_get_the_right_fact_or_an_honest_your_call() {
    let (total, table) = measure("tests/interviewer/heldout");
    assert!(total.questions >= 100);
    let (accuracy, wrong) = (total.accuracy(), total.wrong_share());
    assert!(
        accuracy >= HELD_OUT_ACCURACY,
        "accuracy {accuracy:.3}\n{table}"
    );
    assert!(wrong <= HELD_OUT_WRONG, "wrong facts {wrong:.3}\n{table}");
    assert!(
        total.compound_right * 100 >= total.compound * 97,
        "compound {} of {}\n{table}",
        total.compound_right,
        total.compound
    );
}

/// Floors on the second bank: first measured at 69 of 112 right (61.6%)
/// with 5 wrong facts (4.5%); 72 right and 2 wrong once design choices were
/// "your call". It has since been tuned on too (splitting, the lexicon's
/// groups, covers written from the answers): 105 right, no wrong fact, 34
/// of 36 compound questions; 106, none wrong and 35 of 36 after the third
/// round; 105 once "is it up to me whether …" anywhere in a question read
/// as a choice (its label names the fact that rules out a counter).
/// Fifth round: a peak asked is answered only by a fact that states a
/// peak. The banks' labellers disagree on "peak redirects per second" with
/// a read/write fact that gives no peak: the first, held-out, fresh and
/// seventh banks accept it (one question each now "your call", floors
/// lowered to match), the sixth and tenth call it a wrong fact (one wrong
/// fact fewer each). A wrong fact said confidently is the worse outcome.
/// Eighth round: a near-tie won by the better of two facts that both answer
/// ("resume on the phone"): 105 right (93.7%). Ninth round (one account
/// on several devices at once): 106 right (94.6%).
const HELD_OUT_ACCURACY: f64 = 0.955;
const HELD_OUT_WRONG: f64 = 0.005;

#[test]
fn lint_wants_three_rungs_that_point_at_real_topics_and_curveballs_that_can_match() {
    let dir = tempfile::tempdir().expect("tempdir");
    for sub in ["problems", "rubrics"] {
        fs::create_dir_all(dir.path().join(sub)).expect("mkdir");
        let text = fs::read_to_string(format!("{sub}/pastebin.yaml")).expect("read");
        fs::write(dir.path().join(sub).join("pastebin.yaml"), text).expect("write");
    }
    let problem = dir.path().join("problems/pastebin.yaml");
    let text = fs::read_to_string(&problem).expect("read");
    // Drop the third rung of the first ladder, point a rung at a missing
    // topic, and give a curveball topic nothing to match.
    let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
    let hints = lines.iter().position(|l| l == "hints:").expect("hints");
    let third = hints + 6;
    assert!(
        lines[third].trim_start().starts_with("- text:"),
        "{}",
        lines[third]
    );
    lines.drain(third..third + 2);
    let topics = lines[hints + 3].clone();
    lines[hints + 3] = topics.replacen('[', "[no_such_topic, ", 1);
    let text = lines.join("\n");
    let first_phrases = text.find("        phrases: [").expect("a curveball topic");
    let end = text[first_phrases..].find('\n').expect("line end") + first_phrases;
    let text = format!(
        "{}        phrases: []{}",
        &text[..first_phrases],
        &text[end..]
    );
    let syn = text[first_phrases..]
        .find("        synonyms: [")
        .expect("synonyms")
        + first_phrases;
    let end = text[syn..].find('\n').expect("line end") + syn;
    let text = format!("{}        synonyms: []{}", &text[..syn], &text[end..]);
    fs::write(&problem, text).expect("write");
    let out = std::process::Command::new(assert_cmd::cargo::cargo_bin("sdcoach"))
        .arg("--data")
        .arg(dir.path())
        .arg("lint")
        .output()
        .expect("runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{stdout}");
    assert!(
        stdout.contains("hints for `requirements` have 2 rungs"),
        "{stdout}"
    );
    assert!(stdout.contains("names topic `no_such_topic`"), "{stdout}");
    assert!(stdout.contains("it can never match"), "{stdout}");
}

/// A third bank (`tests/interviewer/unseen/`, 96 questions), written and
/// labelled the same way while the second round of the matcher was being
/// built, and measured only after it: the honest figure for a new user.
#[test]
fn unseen_questions_get_the_right_fact_or_an_honest_your_call() {
    holds(
        "tests/interviewer/unseen",
        90,
        UNSEEN_ACCURACY,
        UNSEEN_WRONG,
    );
}

/// Floors on the unseen bank: 82 of 96 right (85.4%) and 2 wrong facts
/// before the second round, 91 right (94.8%) and 2 wrong (2.1%) after it;
/// the third round tuned on it: 93 right (96.9%), no wrong fact, 24 of 24
/// compound questions. Ninth round (how many people in a group, clients
/// that stay in sync): 95 right (98.9%).
const UNSEEN_ACCURACY: f64 = 0.989;
const UNSEEN_WRONG: f64 = 0.005;

/// A fourth bank (`tests/interviewer/fresh/`, 96 questions), written and
/// labelled the same way after the question reader's second round was
/// merged, and measured before anything was tuned on it.
#[test]
fn fresh_questions_get_the_right_fact_or_an_honest_your_call() {
    holds("tests/interviewer/fresh", 90, FRESH_ACCURACY, FRESH_WRONG);
}

/// Floors on the fresh bank: 80 of 96 right (83.3%) and 2 wrong facts at
/// its first, blind measure; 78 once the third round was merged; 80 and no
/// wrong fact once "which one I pick" read as a choice and "acceptable
/// time" as a latency. Ninth round (several devices at once, ride
/// requests as trips, a later part counting a thing of its own, messages
/// in the order sent): 84 (87.5%).
const FRESH_ACCURACY: f64 = 0.937;
const FRESH_WRONG: f64 = 0.005;

/// The `sixth/` bank (128 questions), written and
/// labelled the same way once the fresh bank had been measured, and
/// measured before anything was tuned on it.
#[test]
fn sixth_questions_get_the_right_fact_or_an_honest_your_call() {
    holds("tests/interviewer/sixth", 120, SIXTH_ACCURACY, SIXTH_WRONG);
}

/// Floors on the sixth bank at its blind measure: 107 of 128 right (83.6%),
/// 5 wrong facts (3.9%), 31 of 37 compound questions. (Main before the third
/// round scored 106 and 10 wrong facts, which chose the third round.) 110
/// right and 3 wrong once the parts after a heading asked about it. Ninth
/// round (ride requests as trips, a later part counting a thing of its
/// own, the order sent, never lost after sent): 114 right (89.0%); 115
/// (89.8%) and 2 wrong once "strongly consistent" matching read as the
/// consistency it names. Eleventh round (the first side of "can it be
/// edited, or is it immutable?"): 116 right (90.6%).
const SIXTH_ACCURACY: f64 = 0.953;
const SIXTH_WRONG: f64 = 0.016;

/// The `seventh/` bank (128 questions, two writers
/// asked for freer forms: context before the ask, statements to confirm,
/// two-word asks), measured before anything was tuned on it.
#[test]
fn seventh_questions_get_the_right_fact_or_an_honest_your_call() {
    holds(
        "tests/interviewer/seventh",
        120,
        SEVENTH_ACCURACY,
        SEVENTH_WRONG,
    );
}

/// Floors on the seventh bank: 92 of 128 right (71.9%) and 7 wrong facts
/// (5.5%) at its blind measure; tuned on since (a lead-in statement before
/// the ask, hedges and intensifiers as filler, "each other" not split);
/// 103 right and 4 wrong once a feature asked "for later" needed a fact
/// that says so; 103 right and 2 wrong once the parts after a heading asked
/// about it and a patchy network was no budget. Ninth round (one driver
/// for two riders at once, several devices at once, the order they were
/// sent, one of the drivers online as a unit): 107 right (83.5%).
/// Eleventh round (the first side of "…, or is it immutable?"): 108 right
/// (84.3%).
const SEVENTH_ACCURACY: f64 = 0.906;
const SEVENTH_WRONG: f64 = 0.016;

/// The `eighth/` bank (128 questions, two writers
/// asked for chat filler, questions that refer back, numbers to confirm and
/// everyday product words), measured before anything was tuned on it.
#[test]
fn eighth_questions_get_the_right_fact_or_an_honest_your_call() {
    holds(
        "tests/interviewer/eighth",
        120,
        EIGHTH_ACCURACY,
        EIGHTH_WRONG,
    );
}

/// Floors on the eighth bank: 102 of 128 right (79.7%) and 8 wrong facts
/// (6.2%) at its blind measure; tuned on since (a second question after a
/// comma, the other option of "should I …, or …", "up to me", figures the
/// candidate proposes weigh nothing, a topic before a dash read with the
/// question after it, "each person" as "per user"); 110 right and 4 wrong
/// once "is a few seconds acceptable?" confirmed the question before it.
/// Ninth round (a phone and a laptop at the same time): 112 right (87.5%).
/// Eleventh round (ingesting and encoding new titles as a feature): 113
/// right (88.2%), 3 wrong (2.3%).
const EIGHTH_ACCURACY: f64 = 0.914;
const EIGHTH_WRONG: f64 = 0.024;

/// The `ninth/` bank (128 questions: very short
/// asks, lead-in context, statements and figures to confirm, one named
/// feature, long questions with two or three asks), measured once at the end
/// of the round it judged, tuned on since.
#[test]
fn ninth_questions_get_the_right_fact_or_an_honest_your_call() {
    holds("tests/interviewer/ninth", 120, NINTH_ACCURACY, NINTH_WRONG);
}

/// Floors on the ninth bank at its one blind measure: 103 of 128 right
/// (80.5%), 2 wrong facts (1.6%), 32 of 38 compound questions. Main at the
/// start of that round scored 97 (75.8%) with 5 wrong facts. Tuned on
/// since: 108 right (84.4%), 1 wrong. Ninth round (a phone and a laptop
/// at the same time, a team "behind" a project is no lag, never lost
/// after it was sent): 111 right (86.7%). Eleventh round (the first side
/// of "…, or is it immutable?"): 112 right (87.5%).
const NINTH_ACCURACY: f64 = 0.906;
const NINTH_WRONG: f64 = 0.0;

/// The `tenth/` bank (128 questions: non-native phrasing, a user's point of
/// view, negative confirmations, either/or asks, the candidate's plan told
/// before the ask, passive voice), measured once before it was tuned on.
#[test]
fn tenth_questions_get_the_right_fact_or_an_honest_your_call() {
    holds("tests/interviewer/tenth", 120, TENTH_ACCURACY, TENTH_WRONG);
}

/// Floors on the tenth bank: 104 of 128 right (81.2%) and 6 wrong facts
/// (4.7%) at its blind measure; tuned on since (adverbs of manner, a plan
/// told before the ask, figures offered for one value, a feature asked for
/// later, peaks, a product named for comparison): 109 right (85.2%), 2 wrong.
/// Eighth round (near-ties won by the better fact): 110 right (85.9%).
/// Ninth round (the driver's app sending to the server, several devices
/// at once): 112 right (87.5%); 113 (88.2%) once "on-demand only" asked
/// what is left out.
const TENTH_ACCURACY: f64 = 0.921;
const TENTH_WRONG: f64 = 0.016;

/// The `eleventh/` bank (128 questions: terse with abbreviations, numbers in
/// words, a known product named for comparison, edge cases, "how many / how
/// often / how long" of one quantity, thinking aloud), measured once at the
/// end of the round it judged, tuned on since.
#[test]
fn eleventh_questions_get_the_right_fact_or_an_honest_your_call() {
    holds(
        "tests/interviewer/eleventh",
        120,
        ELEVENTH_ACCURACY,
        ELEVENTH_WRONG,
    );
}

/// Floors on the eleventh bank at its one blind measure: 99 of 128 right
/// (77.3%), 5 wrong facts (3.9%), 21 of 32 compound questions. Tuned on
/// since (a tolerance asked as "how much downtime", loss as a kind, keeping
/// a copy or dropping it, asides in a list, parts under a heading): 106
/// right (82.8%), 2 wrong. Ninth round (the order they were sent, a post
/// showing up in a feed, one of the drivers online as a unit): 109 right
/// (85.1%). Eleventh round (the first side of "…, or is it immutable?"):
/// 110 right (85.9%).
const ELEVENTH_ACCURACY: f64 = 0.914;
const ELEVENTH_WRONG: f64 = 0.008;

/// The `twelfth/` bank (128 questions: imperatives, tag questions, a word
/// of the prompt quoted, terse "X vs Y", very polite asks, "what's the
/// expectation around X", "what if it grows 10x"), measured once at the
/// end of the round it judged, tuned on since.
#[test]
fn twelfth_questions_get_the_right_fact_or_an_honest_your_call() {
    holds(
        "tests/interviewer/twelfth",
        120,
        TWELFTH_ACCURACY,
        TWELFTH_WRONG,
    );
}

/// Floors on the twelfth bank: at its one blind measure 97 of 128 right
/// (75.8%), 1 wrong fact (0.8%), 27 of 39 compound questions; main at the
/// start of that round scored 95 (74.2%) with 1 wrong. Tuned on since (a
/// question after a dash that ends a story, "creates vs views" as a ratio,
/// orders without their verb, polite words, "what sort of"): 106 right
/// (82.8%), 1 wrong, 29 of 39 compound questions. Eighth round (near-ties,
/// a figure in seconds as latency, following a car on a map): 107 right
/// (83.5%), 1 wrong. Ninth round ("where" after a comma as a relative
/// word): 108 right (84.3%). Eleventh round (a rule on where data lives
/// is no fact about where users are): 0 wrong.
const TWELFTH_ACCURACY: f64 = 0.875;
const TWELFTH_WRONG: f64 = 0.0;

#[test]
fn thirteenth_questions_get_the_right_fact_or_an_honest_your_call() {
    holds(
        "tests/interviewer/thirteenth",
        120,
        THIRTEENTH_ACCURACY,
        THIRTEENTH_WRONG,
    );
}

/// Floors on the thirteenth bank (fill-in-the-blank, "is it safe to
/// assume", worst cases, "can I ignore", multiple choice, "-wise", "Quick
/// one:"): at its one blind measure, at the end of the round it judged, 107
/// of 128 right (83.6%), 5 wrong facts (3.9%), 25 of 32 compound questions;
/// main at the start of that round scored 106 (82.8%) with the same 5 wrong.
/// Eleventh round (data residency rules; figures offered as options weigh
/// nothing; the first side of "…, or are they immutable?"): 110 right
/// (85.9%), 3 wrong (2.3%). A part with words carried from the one before
/// must explain its own words ("…, and do we need resumable uploads for
/// those"): 118 right (92.2%), 2 wrong (1.6%).
const THIRTEENTH_ACCURACY: f64 = 0.921;
const THIRTEENTH_WRONG: f64 = 0.016;

#[test]
fn fourteenth_questions_get_the_right_fact_or_an_honest_your_call() {
    holds(
        "tests/interviewer/fourteenth",
        120,
        FOURTEENTH_ACCURACY,
        FOURTEENTH_WRONG,
    );
}

/// Floors on the fourteenth bank ("do you want me to …", user stories,
/// "is X a thing / on the table / in play", "if X, do we also Y", caps and
/// ceilings, "how much do we care", mistaken assumptions): at its one blind
/// measure, at the end of the same round, 88 of 128 right (68.8%), 4 wrong
/// facts (3.1%), 24 of 34 compound questions; main at the start of that
/// round scored 87 (68.0%) with the same 4 wrong. Tenth round (the
/// opening that weighs a requirement, "how much do we care about …", asks
/// about the requirement): 93 right (72.6%), 4 wrong; 94 (73.4%) once
/// "on the table" asked whether a feature is built. Eleventh round ("cash"
/// is no typo of "crash"; the ask before ", for example"; the ask after a
/// reason, "since only developers use it, …"; "a cap on how many" asks for
/// the cap): 98 right (76.5%), 2 wrong (1.6%).
const FOURTEENTH_ACCURACY: f64 = 0.898;
const FOURTEENTH_WRONG: f64 = 0.0;

#[test]
fn fifteenth_questions_get_the_right_fact_or_an_honest_your_call() {
    holds(
        "tests/interviewer/fifteenth",
        120,
        FIFTEENTH_ACCURACY,
        FIFTEENTH_WRONG,
    );
}

/// Floors on the fifteenth bank ("should I assume", "what's the expectation
/// around", "for the purposes of this interview", a guessed number to
/// confirm, "what happens when", "are we talking X or Y", "roughly how"):
/// at its one blind measure, at the end of the round it judged, 101 of 128
/// right (78.9%), 6 wrong facts (4.7%), 24 of 33 compound questions; main
/// at the start of that round scored 98 (76.6%) with 7 wrong (5.5%), 22 of
/// 33 compound.
const FIFTEENTH_ACCURACY: f64 = 0.812;
const FIFTEENTH_WRONG: f64 = 0.032;

#[test]
fn sixteenth_questions_get_the_right_fact_or_an_honest_your_call() {
    holds(
        "tests/interviewer/sixteenth",
        120,
        SIXTEENTH_ACCURACY,
        SIXTEENTH_WRONG,
    );
}

/// Floors on the sixteenth bank (a proposal to approve, terse shorthand,
/// "would it be fair to say", "do we need to worry about", "how strict is",
/// "is it OK if", a reason first and then the question): at its one blind
/// measure, at the end of the round it judged, 93 of 128 right (72.7%), 8
/// wrong facts (6.2%), 25 of 33 compound questions; main at the start of
/// that round scored 95 (74.2%) with the same 8 wrong and 25 compound. Of
/// the two it lost, "newest-first with no ranking" is back (a denied way of
/// ordering no longer hides the order asked): 94 right (73.4%). The other,
/// a studio's delivery named beside the pipeline, stays a tie: the cover
/// that causes it answers two freshness questions in older banks. A question
/// before a colon, and options listed after one, stay one question: 96
/// right (75.0%), 6 wrong (4.7%).
const SIXTEENTH_ACCURACY: f64 = 0.75;
const SIXTEENTH_WRONG: f64 = 0.047;

#[test]
fn seventeenth_questions_get_the_right_fact_or_an_honest_your_call() {
    holds(
        "tests/interviewer/seventeenth",
        120,
        SEVENTEENTH_ACCURACY,
        SEVENTEENTH_WRONG,
    );
}

/// Floors on the seventeenth bank ("help me understand", "what does
/// success look like", "ballpark", "I'll assume X unless you say
/// otherwise", negative questions, "walk me through", "I'm picturing X,
/// does that match?", "where do you draw the line on"): at its one blind
/// measure, at the end of the round it judged, 76 of 128 right (59.4%),
/// 9 wrong facts (7.0%), 20 of 42 compound questions; main at the start
/// of that round scored the same on all three. The way a question is put
/// read apart from what it asks (a loose lead-in, a confirming tail, a
/// picture put up for confirmation, a scale, a frame that lends its
/// subject): 90 right (70.3%), 7 wrong (5.5%), 24 of 42 compound. ", which
/// matters more" asks to choose rather than explaining, and a verb after
/// its subject is shared by the things listed after it ("do we store trip
/// records and the driver's route"): 92 right (71.9%), 4 wrong (3.1%), 25
/// of 42 compound. A count within one thing ("how many photos can go in
/// one post") is no rate, and "how much should X shape the design" weighs
/// X: 94 right (73.4%), 3 wrong (2.3%), 26 of 42 compound. A frame's
/// subject that is a kind of requirement ("what does success look like for
/// uptime?") keeps its own fact: 96 right (75.0%), 27 of 42 compound.
const SEVENTEENTH_ACCURACY: f64 = 0.75;
const SEVENTEENTH_WRONG: f64 = 0.024;

#[test]
fn eighteenth_questions_get_the_right_fact_or_an_honest_your_call() {
    holds(
        "tests/interviewer/eighteenth",
        120,
        EIGHTEENTH_ACCURACY,
        EIGHTEENTH_WRONG,
    );
}

/// Floors on the eighteenth bank ("Suppose a user …, what should happen?",
/// "Quick check:", telegraphic asks, "Would it be a problem if …", "Am I
/// right that …", a guess with a number, the support desk's and the
/// operator's view, a named feature for the general word, everyday words
/// for downtime): at its one blind measure, at the end of the round it
/// judged, 66 of 128 right (51.6%), 11 wrong facts (8.6%), 24 of 51
/// compound questions; main at the start of that round scored the same on
/// all three. Tuned since: a lead-in naming the speaker's own step
/// ("Before I size anything:") is dropped, and speed or load words in
/// another sense ("slow them down", "won't load") are put plainly: 67
/// right (52.3%), 9 wrong facts (7.0%); deleting a sent message "for
/// everyone" read as unsending it: 68 right (53.1%), 8 wrong (6.2%); a
/// count of people who only do one thing not answered by a ratio: 69 right
/// (53.9%), 7 wrong (5.5%).
const EIGHTEENTH_ACCURACY: f64 = 0.539;
const EIGHTEENTH_WRONG: f64 = 0.055;
