//! Floors on the agreement figures: the grade against an interviewer's
//! labels on answers the rubric authors never saw (`tests/agreement/`).
//! The floors sit slightly below what the grader reaches; a change that
//! lowers agreement fails here. Print the figures with
//! `cargo run --release --example agreement`.

#[path = "../examples/agreement.rs"]
#[allow(dead_code)]
mod agreement;

use sdcoach::catalog::Catalog;
use std::path::Path;

fn figures(dir: &str) -> agreement::Figures {
    let catalog = Catalog::embedded().expect("built-in data");
    let items = agreement::load(&catalog, Path::new(dir)).expect("agreement set");
    agreement::measure(&items)
}

/// The least each figure may fall to on one set.
struct Floors {
    recall: f64,
    precision: f64,
    /// (level, exact share, within-one share).
    bands: [(&'static str, f64, f64); 3],
    order: f64,
    max_false_red: usize,
    max_red_on_clean: usize,
    max_false_green: usize,
    max_plain_gap: f64,
}

fn check(f: &agreement::Figures, at: &Floors) {
    let mut fails = Vec::new();
    let mut floor = |what: &str, got: f64, min: f64| {
        if got < min {
            fails.push(format!("{what}: {got:.3} < floor {min}"));
        }
    };
    floor("topic recall", f.recall(), at.recall);
    floor("topic precision", f.precision(), at.precision);
    for (level, exact, within) in at.bands {
        let (e, w) = f.band_shares(level);
        floor(&format!("{level} exact band"), e, exact);
        floor(&format!("{level} within one band"), w, within);
    }
    let held = f.order_checks - f.order_failures.len();
    floor(
        "ordering checks held",
        held as f64 / f.order_checks.max(1) as f64,
        at.order,
    );
    assert!(fails.is_empty(), "{}", fails.join("\n"));
    assert!(
        f.false_red.len() <= at.max_false_red,
        "false red flags {:?}",
        f.false_red
    );
    assert!(
        f.red_on_clean <= at.max_red_on_clean,
        "red flags on clean answers {:?}",
        f.false_red
    );
    assert!(
        f.false_green.len() <= at.max_false_green,
        "false green flags {:?}",
        f.false_green
    );
    let gap = f.plain_gap.unwrap_or(0.0);
    assert!(
        gap <= at.max_plain_gap,
        "expert ahead of plain words by {gap:.1}"
    );
}

#[test]
fn the_agreement_sets_are_complete() {
    assert!(figures("tests/agreement").items >= 48);
    assert!(figures("tests/heldout").items >= 32);
    assert!(figures("tests/unseen").items >= 40);
    assert!(figures("tests/fresh").items >= 40);
    assert!(figures("tests/fifth").items >= 40);
    assert!(figures("tests/sixth").items >= 40);
    assert!(figures("tests/seventh").items >= 40);
    assert!(figures("tests/eighth").items >= 40);
    assert!(figures("tests/ninth").items >= 40);
    assert!(figures("tests/tenth").items >= 40);
    assert!(figures("tests/eleventh").items >= 40);
    assert!(figures("tests/twelfth").items >= 40);
    assert!(figures("tests/thirteenth").items >= 40);
    assert!(figures("tests/fourteenth").items >= 40);
    assert!(figures("tests/fifteenth").items >= 40);
    assert!(figures("tests/sixteenth").items >= 40);
    assert!(figures("tests/seventeenth").items >= 40);
    assert!(figures("tests/eighteenth").items >= 40);
}

#[test]
fn agreement_stays_above_its_floors() {
    check(
        &figures("tests/agreement"),
        &Floors {
            recall: 0.95,
            precision: 0.9,
            // New-grad bands were refitted on all eight tuning sets (320
            // answers): 46 of these 48 before, 41 now, against +16 on the
            // other seven sets. Senior exact is 0.68, not 0.70: the Netflix
            // medium answer no longer earns the metadata-read estimate its
            // label lacks from a sentence with no figure ("the catalog is
            // read a lot, so cache it"), and its senior score falls from 66
            // to 65, one point under the label's band.
            bands: [
                ("new-grad", 0.85, 1.0),
                ("mid", 0.93, 0.97),
                ("senior", 0.729, 0.97),
            ],
            order: 1.0,
            max_false_red: 0,
            max_red_on_clean: 0,
            max_false_green: 6,
            max_plain_gap: 0.0,
        },
    );
}

/// The held-out set (`tests/heldout/`) arrived after the grader was tuned
/// on the first one. It was blind when first measured and has been tuned on
/// since, like the first set.
#[test]
fn held_out_agreement_stays_above_its_floors() {
    check(
        &figures("tests/heldout"),
        &Floors {
            recall: 0.96,
            precision: 0.9,
            bands: [
                ("new-grad", 0.93, 1.0),
                ("mid", 0.93, 1.0),
                ("senior", 0.84, 1.0),
            ],
            order: 1.0,
            max_false_red: 0,
            max_red_on_clean: 0,
            max_false_green: 2,
            max_plain_gap: 6.2,
        },
    );
}

/// The unseen set (`tests/unseen/`): blind when first measured, a tuning set
/// since the third round of plain words (read for the kinds of wording that
/// failed, never copied). Above all no red flag on a clean answer. Plain
/// words are within 8 points of jargon here; false credit (0.153) is held at
/// what the grader reaches, just above the 0.15.
#[test]
fn unseen_agreement_stays_above_its_floors() {
    check(
        &figures("tests/unseen"),
        &Floors {
            recall: 0.94,
            precision: 0.84,
            bands: [
                ("new-grad", 0.97, 1.0),
                ("mid", 0.97, 1.0),
                ("senior", 0.77, 1.0),
            ],
            order: 1.0,
            max_false_red: 1,
            max_red_on_clean: 0,
            max_false_green: 1,
            // One answer: pastebin/plain-strong 94 -> 93 once "a large,
            // cheap file store" stopped earning cost trade-offs, a false
            // credit that had lifted it (4.125 -> 4.25).
            max_plain_gap: 4.25,
        },
    );
}

/// The fresh set (`tests/fresh/`), written and labelled after the unseen set
/// was tuned on. Blind when first measured (7 red flags on clean answers,
/// all of kinds since fixed by general rules); tuned on since.
#[test]
fn fresh_agreement_stays_above_its_floors() {
    check(
        &figures("tests/fresh"),
        &Floors {
            recall: 0.945,
            precision: 0.87,
            bands: [
                ("new-grad", 0.97, 1.0),
                // One answer: twitter/medium falls to lean_no_hire at mid
                // once "a NoSQL database like Cassandra" stopped earning
                // likes and retweets, a false credit that had lifted it.
                ("mid", 0.90, 1.0),
                ("senior", 0.77, 1.0),
            ],
            order: 1.0,
            max_false_red: 0,
            max_red_on_clean: 0,
            max_false_green: 4,
            max_plain_gap: 3.6,
        },
    );
}

/// The fifth set (`tests/fifth/`): written and labelled while the fresh set
/// was being tuned on, and blind until the sixth set arrived (recall 0.90,
/// precision 0.85, plain words 8.2 points behind, one red flag on a clean
/// answer, 38 of 40 ordering checks). Tuned on since: its last red flag on a
/// clean answer and its last failed ordering check were fixed by general
/// rules.
#[test]
fn fifth_agreement_stays_above_its_floors() {
    check(
        &figures("tests/fifth"),
        &Floors {
            recall: 0.92,
            precision: 0.86,
            // Senior exact 0.82, not 0.85: the Uber answer that rejects
            // approaches reached the label's senior band with 80 points,
            // one of them a surge-pricing credit for "payments and surge
            // pricing are secondary and I'll only touch on them", which
            // names the feature without any pricing; without it the
            // answer scores 79, one point under the band. Then 0.775:
            // "a box dies: the device already has the next one" now gives
            // the failure its handling as a reason, which takes two plain
            // and rejecting answers whose labels say hire at senior a
            // point or two past the strong-hire line; the same reading
            // takes plain words closer to jargon on eight sets.
            bands: [
                ("new-grad", 0.92, 1.0),
                ("mid", 0.95, 1.0),
                ("senior", 0.775, 1.0),
            ],
            order: 1.0,
            max_false_red: 1,
            max_red_on_clean: 0,
            max_false_green: 5,
            max_plain_gap: 2.5,
        },
    );
}

/// The sixth set (`tests/sixth/`): written in four candidate voices (a
/// talk-aloud transcript, terse notes with arrows, a careful non-native
/// speaker, a formal design doc) and labelled after the fifth set was
/// measured. Blind at first: recall 0.90, precision 0.84, 6 red flags on
/// clean answers (ideas turned down under a "rejected" heading, as
/// "tempting … but", or in inline code), plain words 5.6 points behind,
/// 39 of 40 ordering checks. Tuned on since.
#[test]
fn sixth_agreement_stays_above_its_floors() {
    check(
        &figures("tests/sixth"),
        &Floors {
            recall: 0.92,
            precision: 0.85,
            bands: [
                ("new-grad", 0.85, 1.0),
                // 0.95 until paging alone stopped earning "API
                // endpoints": instagram/rejects lost that false credit.
                ("mid", 0.925, 1.0),
                ("senior", 0.7, 1.0),
            ],
            order: 1.0,
            max_false_red: 0,
            max_red_on_clean: 0,
            max_false_green: 2,
            // Expert answers gained correct failure-mode credits (2.4 before).
            max_plain_gap: 2.3,
        },
    );
}

/// The seventh set (`tests/seventh/`): new voices (long paragraphs without
/// headings, questions mixed into the design, numbered one-idea lists, an
/// opinionated senior, a nervous hedging candidate). Blind at first: recall
/// 0.90, precision 0.85, 5 red flags on clean answers, plain words 13.8
/// points behind, 37 of 40 ordering checks. Tuned on since: stance rules for
/// the ideas it turned down, and plain forms of the kinds that failed
/// (round 4): plain words 5.2 behind; round 5: 4.9 behind, 40 of 40.
#[test]
fn seventh_agreement_stays_above_its_floors() {
    check(
        &figures("tests/seventh"),
        &Floors {
            recall: 0.93,
            precision: 0.86,
            bands: [
                ("new-grad", 0.9, 1.0),
                ("mid", 0.8, 0.97),
                ("senior", 0.55, 0.95),
            ],
            order: 1.0,
            max_false_red: 5,
            max_red_on_clean: 0,
            max_false_green: 7,
            // 4.7 until the url-shortener expert earned its true credit for
            // the ranges of ids it leases ("lease .. range" in dd_counter): the
            // expert rose by that topic; the plain-words answer is unchanged.
            max_plain_gap: 5.0,
        },
    );
}

/// The eighth set (`tests/eighth/`): voices again new (designing from the
/// data model outward, the second person, a bootcamp graduate, a candidate
/// interviewing themselves, an API-and-flows answer). Blind at first: recall
/// 0.89, precision 0.86, 4 red flags on clean answers, plain words 10.2
/// points behind, 37 of 40 ordering checks. The stance rules it taught are
/// in; the fourth round of plain forms, written on the seventh set, moved
/// its plain-words gap by less than a point. Round 5 wrote the general
/// forms of the kinds it missed (second person, table-and-key records, parts
/// named by what they do, self-answered questions): recall 0.92, plain words
/// 2.5 behind, 39 of 40 ordering checks.
#[test]
fn eighth_agreement_stays_above_its_floors() {
    check(
        &figures("tests/eighth"),
        &Floors {
            recall: 0.93,
            precision: 0.87,
            bands: [
                ("new-grad", 0.92, 1.0),
                ("mid", 0.95, 0.97),
                ("senior", 0.75, 0.97),
            ],
            order: 1.0,
            max_false_red: 0,
            max_red_on_clean: 0,
            max_false_green: 3,
            // Expert answers gained correct failure-mode credits (2.7 before).
            max_plain_gap: 1.9,
        },
    );
}

/// The ninth set (`tests/ninth/`): bullet fragments under time pressure, a
/// candidate who over-explains the basics, one who starts with the deep
/// dive, one who thinks in failure scenarios, one who compares with systems
/// from work. Blind at the end of the round it judged: recall 0.92,
/// precision 0.84, 5 red flags on clean answers, plain words 7.4 behind, 40
/// of 40 ordering checks. Tuned on since (the option's own aside, "first
/// instinct … I'd reject that", "never fail the whole page"; plain forms,
/// round 6): recall 0.93, no red flag on a clean answer, plain words 5.8
/// behind. The plain-words gap may reach 6.3, not 6.2: the plain answers
/// lose estimate credits their labels lack, from design sentences with no
/// figure ("a big cheap file store for the text"), a little more than the
/// expert answers do.
#[test]
fn ninth_agreement_stays_above_its_floors() {
    check(
        &figures("tests/ninth"),
        &Floors {
            recall: 0.93,
            precision: 0.84,
            bands: [
                ("new-grad", 0.95, 1.0),
                ("mid", 0.9, 1.0),
                ("senior", 0.825, 0.97),
            ],
            order: 1.0,
            max_false_red: 1,
            max_red_on_clean: 0,
            max_false_green: 4,
            max_plain_gap: 6.0,
        },
    );
}

/// The tenth set (`tests/tenth/`): a candidate whose first language is not
/// English, everyday analogies, a dialogue with the interviewer, Markdown
/// tables, heavy hedging, money and cost first. Blind on arrival: recall
/// 0.87, precision 0.85, 6 red flags on clean answers, plain words 10.5
/// behind, 37 of 40 ordering checks. Tuned on since (a past choice told with
/// its cost, "never again", "the easy answer, but", turned-down approaches
/// as trade-offs weighed, "if X is down"; plain forms, round 6). The
/// new-grad exact floor is 0.90, not 0.92: the weak answer's "we could add
/// a cache later if it gets slow" no longer credits the two cache topics its
/// label does not hold, and its score falls from 30 to 22, one band under
/// the label's (within one still holds).
#[test]
fn tenth_agreement_stays_above_its_floors() {
    check(
        &figures("tests/tenth"),
        &Floors {
            recall: 0.89,
            precision: 0.85,
            bands: [
                ("new-grad", 0.90, 1.0),
                ("mid", 0.92, 1.0),
                ("senior", 0.775, 1.0),
            ],
            order: 1.0,
            max_false_red: 2,
            max_red_on_clean: 0,
            max_false_green: 5,
            // 1.9 until the url-shortener expert earned its true credit for
            // the ranges of ids it leases ("lease .. range" in dd_counter): the
            // expert rose by that topic; the plain-words answer is unchanged.
            max_plain_gap: 2.5,
        },
    );
}

/// The eleventh set (`tests/eleventh/`): a short design doc (goals,
/// non-goals, risks), a data-engineering background, a mobile developer
/// working inward from the phone, heavy abbreviations, ASCII boxes and
/// arrows, one request walked hop by hop. Blind at the end of the round it
/// judged (recall 0.91, precision 0.86, 2 red flags on clean answers, plain
/// words 6.1 behind, 40 of 40 ordering checks); tuned on since: recall
/// 0.92, precision 0.87, no red flag on a clean answer, plain words 5.2
/// behind.
#[test]
fn eleventh_agreement_stays_above_its_floors() {
    check(
        &figures("tests/eleventh"),
        &Floors {
            recall: 0.92,
            precision: 0.86,
            bands: [
                ("new-grad", 0.75, 1.0),
                ("mid", 0.87, 1.0),
                // 0.7 until paging alone stopped earning "API endpoints"
                // (instagram/expert 96 -> 95, a false credit removed).
                ("senior", 0.675, 1.0),
            ],
            order: 1.0,
            max_false_red: 1,
            max_red_on_clean: 0,
            max_false_green: 0,
            max_plain_gap: 4.7,
        },
    );
}

/// The twelfth set (`tests/twelfth/`): an operations and on-call voice, a
/// whiteboard narrator, pros and cons in running text, a past-tense report
/// of a system already run, a read path and a write path, threats first,
/// numbered footnotes, a time-boxed interview. Measured once, at the end of
/// the round it judged, never tuned on: recall 0.89, precision 0.85, 5 red
/// flags on clean answers, plain words 9.8 behind, 40 of 40 ordering
/// checks. Main at the start of that round read recall 0.89 (3 topics
/// fewer), the same 5 red flags and plain words 9.9 behind. A tuning set
/// since: the five red flags on clean answers are gone.
#[test]
fn twelfth_agreement_stays_above_its_floors() {
    check(
        &figures("tests/twelfth"),
        &Floors {
            recall: 0.9,
            precision: 0.85,
            bands: [
                ("new-grad", 0.85, 1.0),
                ("mid", 0.85, 0.97),
                // Plain words gained 22 topics; one plain answer now reaches
                // strong_hire at senior where the label says hire (24 -> 23).
                ("senior", 0.625, 0.95),
            ],
            order: 1.0,
            max_false_red: 2,
            max_red_on_clean: 0,
            max_false_green: 3,
            max_plain_gap: 4.6,
        },
    );
}

/// The thirteenth set (`tests/thirteenth/`): pseudo-code and config, a
/// frontend engineer, a devil's advocate, an FAQ, run-on sentences, a
/// trading-systems voice, a legal outline's numbering, decision records.
/// Measured once at the end of the round it judged, never tuned on before:
/// recall 0.91, precision 0.82, 3 red flags on clean answers, plain words
/// 8.1 behind, 40 of 40 ordering checks, bands 85 / 82 / 68%. Main at the
/// start of that round: recall 0.91 (2 topics more), precision 0.82, the
/// same 3 red flags, plain words 8.5 behind, bands 85 / 85 / 68%. A tuning
/// set since: a preface before a colon ("I went back and forth here: X is
/// simpler, but …") no longer chooses the option weighed after it (red
/// flags on clean answers 3 -> 2, plain words 7.5 behind); figures written
/// only in words ("two hundred million people") no longer read as "no
/// number anywhere" (2 -> 1, plain words 6.9 behind).
#[test]
fn thirteenth_agreement_stays_above_its_floors() {
    check(
        &figures("tests/thirteenth"),
        &Floors {
            recall: 0.9,
            precision: 0.81,
            bands: [
                ("new-grad", 0.875, 1.0),
                ("mid", 0.82, 1.0),
                ("senior", 0.7, 0.975),
            ],
            order: 1.0,
            max_false_red: 0,
            max_red_on_clean: 0,
            max_false_green: 4,
            // 6.3 until paging alone stopped earning "API endpoints".
            // 6.5 until the url-shortener expert earned its true credit for
            // the ranges of ids it leases ("lease .. range" in dd_counter): the
            // expert rose by that topic; the plain-words answer is unchanged.
            max_plain_gap: 6.7,
        },
    );
}

/// The fourteenth set (`tests/fourteenth/`): database internals, casual
/// lowercase chat, a build phased at 1x, 10x and 100x, headings that are
/// questions, if-then rules, one short sentence per idea. Measured once at
/// the end of the same round, blind: recall 0.88, precision 0.85, 9 red
/// flags on clean answers (10 in all), plain words 18.9 behind, 38 of 40
/// ordering checks, bands 82 / 80 / 40%. Main at the start of that round:
/// recall 0.88 (2 topics fewer), 8 red flags on clean answers (9 in all),
/// plain words 20.5 behind, bands 80 / 78 / 40%. A tuning set since: items
/// under a heading or intro that turns them down ("Ideas I'd turn down"
/// over "*2. Encode on demand.*" titles and bodies) took 4 red flags off
/// clean answers (9 -> 5) for 3 labelled topics; the body paragraph under
/// such a title raises no red flag either (5 -> 3). The plain forms its
/// strong answers use for the topics they missed ("megabytes a second",
/// "gigabytes a day", "six-sided tiles", "a line kept open to each phone",
/// "works almost all the time") took recall to 0.93 with no new false
/// credit here, plain words 18.9 -> 8.2 behind and 40 of 40 ordering checks.
/// A "never" promise about a failure the sentence names ("a lost push
/// delays sync and never loses data") took a red flag off a clean answer
/// (2 -> 1); more plain forms ("kept twice", "a posts list", "the next
/// 10,000 that are past due") keep plain words 7.4 behind.
#[test]
fn fourteenth_agreement_stays_above_its_floors() {
    check(
        &figures("tests/fourteenth"),
        &Floors {
            recall: 0.92,
            precision: 0.855,
            bands: [
                ("new-grad", 0.975, 1.0),
                ("mid", 0.95, 1.0),
                ("senior", 0.425, 0.975),
            ],
            order: 1.0,
            max_false_red: 0,
            max_red_on_clean: 0,
            max_false_green: 3,
            max_plain_gap: 7.4,
        },
    );
}

/// The fifteenth set (`tests/fifteenth/`): the journey of one file, a
/// checklist with boxes, a cost-minded engineer, paragraphs that open with a
/// number, tables of options, a mobile engineer working inward, analogies
/// for a non-technical reader, a formal passive-voice report. Measured once
/// at the end of the round it judged, blind: recall 0.89, precision 0.82, 9
/// red flags on clean answers (13 in all), plain words 16.4 behind, 37 of 40
/// ordering checks, bands 80 / 85 / 40%. Main at the start of that round:
/// the same topics, 10 red flags on clean answers (14 in all), plain words
/// 17.1 behind, 36 of 40 ordering checks, bands 80 / 82 / 40%.
#[test]
fn fifteenth_agreement_stays_above_its_floors() {
    check(
        &figures("tests/fifteenth"),
        &Floors {
            recall: 0.929,
            precision: 0.83,
            bands: [
                ("new-grad", 0.85, 1.0),
                ("mid", 0.9, 1.0),
                ("senior", 0.45, 1.0),
            ],
            order: 1.0,
            max_false_red: 4,
            max_red_on_clean: 0,
            max_false_green: 3,
            max_plain_gap: 7.5,
        },
    );
}

/// The sixteenth set (`tests/sixteenth/`): an on-call operations engineer,
/// a first draft and its revision, a dialogue with the interviewer, terse
/// shorthand notes, the second person walking through one action, an
/// English learner, a security- and abuse-minded engineer, a build plan by
/// milestones. Measured once at the end of the round it judged, blind:
/// recall 0.88, precision 0.81, 5 red flags on clean answers (9 in all),
/// plain words 20.1 behind, 33 of 40 ordering checks, bands 78 / 72 / 42%.
/// Main at the start of that round: one topic fewer, the rest the same.
#[test]
fn sixteenth_agreement_stays_above_its_floors() {
    check(
        &figures("tests/sixteenth"),
        &Floors {
            recall: 0.877,
            precision: 0.815,
            bands: [
                ("new-grad", 0.825, 0.975),
                ("mid", 0.725, 0.925),
                // Within one was 0.85 and the gap 19.6 until paging alone
                // stopped earning "API endpoints": the plain-words answers
                // for twitter and instagram lost that false credit.
                ("senior", 0.45, 0.825),
            ],
            order: 0.875,
            max_false_red: 3,
            max_red_on_clean: 0,
            max_false_green: 5,
            max_plain_gap: 19.9,
        },
    );
}

/// The seventeenth set (`tests/seventeenth/`): an archivist's vocabulary, a
/// data engineer's pipelines, lab notes, a product manager, one day of
/// traffic hour by hour, a news story headline first, a teacher to a class,
/// a network engineer counting bytes, British spelling, formulas, a
/// timestamped log, a risk register, must/should/could/won't, an exam
/// essay, a statistician. Measured once at the end of the round it judged,
/// blind: recall 0.90, precision 0.81, 3 red flags on clean answers (5 in
/// all), plain words 19.6 behind, 27 of 40 ordering checks, bands 70 / 55 /
/// 38%. Main at the start of that round: 1 topic more, mid exact 57%,
/// plain words 19.5 behind, the rest the same.
#[test]
fn seventeenth_agreement_stays_above_its_floors() {
    check(
        &figures("tests/seventeenth"),
        &Floors {
            recall: 0.908,
            precision: 0.823,
            bands: [
                ("new-grad", 0.725, 1.0),
                ("mid", 0.575, 0.825),
                ("senior", 0.425, 0.825),
            ],
            order: 0.75,
            max_false_red: 1,
            max_red_on_clean: 0,
            max_false_green: 8,
            max_plain_gap: 18.1,
        },
    );
}

/// The eighteenth set (`tests/eighteenth/`): a letter to the next
/// maintainer, domain events in the past tense, five whys, a slide deck, a
/// city planner, a data scientist's metrics, a pre-mortem, a changelog, a
/// recipe, an operations order, detective's notes, Given/When/Then, a
/// coach's game plan, a mathematician's lemmas, an assumption log,
/// invariants first, an ecosystem, queueing theory, a ticket backlog, a
/// game master, a hardware engineer's back-pressure, weighted scores, a
/// "shall" specification, mail forwarding, types first, a legal contract,
/// an orchestra, two colleagues at a whiteboard, a ledger, "because"
/// chains, a self-correcting thinker, a restaurant kitchen. Measured once
/// at the end of the round it judged, blind: recall 0.90, precision 0.81,
/// 6 red flags on clean answers (9 in all), plain words 14.8 behind, 37 of
/// 40 ordering checks, bands 88 / 78 / 57%. Main at the start of that round
/// gave the same figures with one false credit more.
#[test]
fn eighteenth_agreement_stays_above_its_floors() {
    check(
        &figures("tests/eighteenth"),
        &Floors {
            recall: 0.898,
            precision: 0.81,
            bands: [
                ("new-grad", 0.875, 1.0),
                ("mid", 0.775, 0.975),
                ("senior", 0.575, 0.95),
            ],
            order: 0.925,
            max_false_red: 9,
            max_red_on_clean: 6,
            max_false_green: 7,
            max_plain_gap: 14.9,
        },
    );
}
