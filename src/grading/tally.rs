//! Topic tallying: the best-credited mention of every topic over the step
//! texts, and a step's score with its evidence and what to study.

use super::fx::FxMap;
use super::matcher::{self, Matcher};
use super::score;
use super::text::Sentence;
use super::topics;
use super::types::{Missed, TopicHit, QUOTE};
use crate::catalog::{Lexicon, Topic};
use crate::error::{Error, Result};
use crate::framework::StepId;

/// Each topic's phrases (its own, its synonyms, and the jargon and plain
/// forms of the concepts it names) and patterns.
pub(crate) fn topic_targets<'a>(
    topics: &[&'a Topic],
    lexicon: &'a Lexicon,
) -> Vec<(Vec<&'a str>, Vec<&'a str>)> {
    // A topic whose phrases name a concept's jargon term means that
    // concept, so it also hears the concept's plain forms. Concepts by id
    // and by jargon (ASCII lower case), so a topic looks up its phrases
    // instead of comparing them with every concept's terms.
    let mut by_name: FxMap<String, Vec<usize>> = FxMap::default();
    let mut by_id: FxMap<&str, Vec<usize>> = FxMap::default();
    for (ci, c) in lexicon.concepts.iter().enumerate() {
        by_id.entry(c.id.as_str()).or_default().push(ci);
        for j in &c.jargon {
            by_name.entry(j.to_ascii_lowercase()).or_default().push(ci);
        }
    }
    let mut lower = String::new();
    topics
        .iter()
        .map(|t| {
            let mut named: Vec<usize> = Vec::new();
            for id in &t.concepts {
                named.extend(by_id.get(id.as_str()).into_iter().flatten());
            }
            for p in &t.phrases {
                lower.clear();
                lower.push_str(p);
                lower.make_ascii_lowercase();
                named.extend(by_name.get(&lower).into_iter().flatten());
            }
            // In the lexicon's order, each concept once.
            named.sort_unstable();
            named.dedup();
            let concepts = named
                .iter()
                .map(|&ci| &lexicon.concepts[ci])
                .flat_map(|c| c.jargon.iter().chain(&c.plain));
            (
                t.phrases
                    .iter()
                    .chain(&t.synonyms)
                    .chain(concepts)
                    .map(String::as_str)
                    .collect(),
                t.patterns.iter().map(String::as_str).collect(),
            )
        })
        .collect()
}

pub(crate) fn regex_error(file: &str, what: &str, id: &str, pattern: &str, err: &str) -> Error {
    let reason = err.lines().last().unwrap_or(err).trim();
    Error::Data {
        file: file.to_string(),
        message: format!(
            "{what} `{id}` has an invalid regex `{pattern}`: {reason}; run `sdcoach lint`"
        ),
    }
}

/// Share of credit a topic earns when it is covered under another step's
/// heading: the content counts, the structure less so.
pub const OTHER_STEP_FACTOR: f64 = 0.6;

/// The share when the mention elsewhere is substantive (a reasoned
/// sentence, a question): an interviewer credits the content wherever it
/// was said, and only the order of the interview suffers.
pub const OTHER_STEP_REASONED: f64 = 0.9;

/// A text searched for topics, and the step it was written under (`None`:
/// it counts for every step, as a free-form answer does).
pub struct Source<'a> {
    pub text: &'a str,
    pub sentences: &'a [Sentence],
    pub step: Option<StepId>,
}

/// Best mention per topic: (credit, source index, sentence index).
pub(crate) type Best = Option<(f64, usize, usize)>;

/// How a mention ranks as evidence: its credit, then whether it was said
/// under the topic's own step, then how many words the match spans ("Q:
/// Which features are in scope?" over a line that says "out of scope" in
/// passing).
type Rank = (f64, bool, usize);

/// True when `r` beats the best so far.
fn better(r: Rank, best: Option<Rank>) -> bool {
    let (c, own, words) = r;
    best.is_none_or(|(b, bown, bw)| {
        if (c - b).abs() > 1e-9 {
            c > b
        } else if own != bown {
            own
        } else {
            words > bw
        }
    })
}

/// Finds the best-credited mention of every topic over all sources in one
/// pass per source. A topic found under another step's heading earns
/// [`OTHER_STEP_REASONED`] of its credit when the mention is reasoned, else
/// [`OTHER_STEP_FACTOR`].
pub(crate) fn best_mentions(
    topics: &[(&Topic, Option<StepId>)],
    sources: &[Source],
    file: &str,
    lexicon: &Lexicon,
) -> Result<Vec<Best>> {
    let plain: Vec<&Topic> = topics.iter().map(|(t, _)| *t).collect();
    let matcher = Matcher::with_lexicon(
        &topic_targets(&plain, lexicon),
        matcher::Lexicon::from_catalog(lexicon),
    )
    .map_err(|(i, pat, err)| regex_error(file, "topic", &plain[i].id, &pat, &err))?;
    // Best mention per topic overall, and under the topic's own heading:
    // (rank, source index, sentence index).
    type Pick = (Rank, usize, usize);
    let mut best: Vec<Option<Pick>> = vec![None; topics.len()];
    let mut own: Vec<Option<Pick>> = vec![None; topics.len()];
    for (si, src) in sources.iter().enumerate() {
        for m in matcher.find(src.text, src.sentences) {
            if !m.stance.earns_credit() {
                continue;
            }
            // An estimate is a figure: said outside the estimation step, a
            // sentence with no quantity at all ("WebSockets use less
            // bandwidth", "clients hold persistent connections") only names
            // what an estimate would be about.
            if topics[m.target].1 == Some(StepId::Estimation)
                && src.step != Some(StepId::Estimation)
                && !has_quantity(&src.sentences[m.sentence], src.text)
            {
                continue;
            }
            let base = topics::credit(src.sentences, m.sentence);
            let s = &src.sentences[m.sentence];
            if passing_estimate(topics[m.target].1, src.step, base, s) {
                continue;
            }
            let elsewhere = matches!((src.step, topics[m.target].1), (Some(a), Some(b)) if a != b);
            // A clarifying question that names a design topic is not yet
            // design work: elsewhere it counts as a plain mention.
            let factor = if !elsewhere {
                1.0
            } else if base >= topics::CREDIT_REASONED && !s.asks() {
                OTHER_STEP_REASONED
            } else {
                OTHER_STEP_FACTOR
            };
            let pick = ((base * factor, !elsewhere, m.words), si, m.sentence);
            let t = m.target;
            if better(pick.0, best[t].map(|p| p.0)) {
                best[t] = Some(pick);
            }
            if !elsewhere && better(pick.0, own[t].map(|p| p.0)) {
                own[t] = Some(pick);
            }
        }
    }
    // The credit is the best mention's; the quote is the one under the
    // topic's own heading when that one holds at least half the credit:
    // it is where the reader looks, and a reasoned line elsewhere often
    // only brushes the topic.
    Ok(best
        .into_iter()
        .zip(own)
        .map(|(b, o)| {
            b.map(|((c, _, _), si, sent)| match o {
                Some(((oc, _, _), osi, osent)) if oc * 2.0 >= c => (c, osi, osent),
                _ => (c, si, sent),
            })
        })
        .collect())
}

/// An estimate named under another step's heading in a sentence that
/// gives no figure and no reason, and asks nothing ("the handler puts a
/// copy into each member's inbox", "hundreds of servers behind the
/// balancer"): a design sentence that brushes a quantity, not the
/// estimate. A figure counts as a reason, so any sentence with a number
/// still counts.
fn passing_estimate(
    topic: Option<StepId>,
    said: Option<StepId>,
    credit: f64,
    s: &Sentence,
) -> bool {
    topic == Some(StepId::Estimation)
        && matches!(said, Some(step) if step != StepId::Estimation)
        && credit < topics::CREDIT_REASONED
        && !s.asks()
}

/// The sentence states a quantity: a figure ("20M", "4 KB", "~35k"), a
/// number word ("two", "hundreds", "millions"), a multiplier ("triple",
/// "twice"), a share ("half", "most",
/// "10%"), a size or rate unit ("petabytes", "Mbps", "every second"), a
/// count by item ("one connection per device", "each phone") or a fit ("fits
/// in memory").
fn has_quantity(s: &Sentence, source: &str) -> bool {
    let raw = source.get(s.span.clone()).unwrap_or("");
    let rate = s.tokens.windows(2).any(|w| {
        matches!(w[0].word.as_str(), "every" | "per" | "each")
            && matches!(
                w[1].word.as_str(),
                "second" | "sec" | "minute" | "min" | "hour" | "day"
            )
    });
    rate || raw.contains('%')
        || s.tokens.iter().any(|t| {
            let w = t.word.as_str();
            w.bytes().any(|b| b.is_ascii_digit())
                || matches!(
                    w.trim_end_matches('s'),
                    "two"
                        | "three"
                        | "four"
                        | "five"
                        | "six"
                        | "seven"
                        | "eight"
                        | "nine"
                        | "ten"
                        | "twelve"
                        | "twenty"
                        | "thirty"
                        | "forty"
                        | "fifty"
                        | "hundred"
                        | "thousand"
                        | "million"
                        | "billion"
                        | "trillion"
                        | "dozen"
                        | "half"
                        | "third"
                        | "quarter"
                        | "fifth"
                        | "tenth"
                        | "handful"
                        | "percent"
                        | "byte"
                        | "kb"
                        | "mb"
                        | "gb"
                        | "tb"
                        | "pb"
                        | "kilobyte"
                        | "megabyte"
                        | "gigabyte"
                        | "terabyte"
                        | "petabyte"
                        | "exabyte"
                        | "kbp"
                        | "mbp"
                        | "gbp"
                        | "tbp"
                        | "qp"
                        | "rp"
                        | "magnitude"
                        | "double"
                        | "triple"
                        | "quadruple"
                        | "twice"
                        | "thrice"
                        | "tenfold"
                        | "fit"
                        | "fits"
                        | "each"
                        | "every"
                        | "per"
                        | "most"
                        | "all"
                )
        })
}

/// Step score, matched topics with evidence and missed topics with what to study.
pub(crate) fn tally(
    topics: &[&Topic],
    best: &[Best],
    sources: &[Source],
    own: Option<StepId>,
) -> (f64, Vec<TopicHit>, Vec<Missed>) {
    let total: f64 = topics.iter().map(|t| t.weight).sum();
    let mut earned = 0.0;
    let mut matched = Vec::new();
    let mut missed = Vec::new();
    for (t, b) in topics.iter().zip(best) {
        match *b {
            Some((c, si, sent)) => {
                earned += c * t.weight;
                let src = &sources[si];
                matched.push(TopicHit {
                    topic: t.id.clone(),
                    label: t.label.clone(),
                    evidence: src.sentences[sent].quote(src.text, QUOTE),
                    credit: c,
                    elsewhere: matches!((src.step, own), (Some(a), Some(b)) if a != b),
                });
            }
            None => missed.push(Missed {
                topic: t.id.clone(),
                label: t.label.clone(),
                study: t.study.clone(),
                weight: t.weight,
            }),
        }
    }
    let ratio = if total > 0.0 { earned / total } else { 0.0 };
    (score::coverage_score(ratio), matched, missed)
}

/// Scores topics over one text: best credit per topic with its evidence,
/// reading the topics' concept references and word senses through the
/// lexicon (every caller passes the catalog's, so a session's checklist and
/// the grade credit the same words).
pub fn score_topics_in(
    lexicon: &Lexicon,
    topics: &[&Topic],
    text: &str,
    sents: &[Sentence],
    file: &str,
) -> Result<(f64, Vec<TopicHit>, Vec<Missed>)> {
    let sources = [Source {
        text,
        sentences: sents,
        step: None,
    }];
    let tagged: Vec<(&Topic, Option<StepId>)> = topics.iter().map(|t| (*t, None)).collect();
    let best = best_mentions(&tagged, &sources, file, lexicon)?;
    Ok(tally(topics, &best, &sources, None))
}

#[cfg(test)]
mod tests {
    use super::{better, has_quantity, passing_estimate, topics, StepId};
    use crate::grading::text::sentences;

    #[test]
    fn a_quantity_is_a_figure_a_number_word_a_share_or_a_unit() {
        let q = |t: &str| sentences(t).iter().any(|s| has_quantity(s, t));
        for t in [
            "About 20M phones are online at once.",
            "Each paste is a few KB.",
            "Storage grows by petabytes a year.",
            "Hundreds of thousands of connections.",
            "Say half of them are online.",
            "Peak is 3x the average, 10% of users.",
            "Each stream is a few Mbps.",
            "Each phone polls every second.",
            "Traffic can triple during big events.",
            "The hot set fits in memory.",
        ] {
            assert!(q(t), "{t}");
        }
        for t in [
            "Clients hold persistent connections to a gateway.",
            "WebSockets use less bandwidth than polling.",
            "A URL is small so storage is not an issue.",
        ] {
            assert!(!q(t), "{t}");
        }
    }

    #[test]
    fn an_estimate_said_in_passing_under_another_step_earns_nothing() {
        let one = |t: &str| sentences(t).remove(0);
        let est = Some(StepId::Estimation);
        let hl = Some(StepId::HighLevel);
        let plain = one("The handler puts a copy into each member's inbox.");
        assert!(passing_estimate(est, hl, topics::CREDIT_PROSE, &plain));
        // Under its own heading, in a free-form answer, or for a design
        // topic, the mention stands.
        assert!(!passing_estimate(est, est, topics::CREDIT_PROSE, &plain));
        assert!(!passing_estimate(est, None, topics::CREDIT_PROSE, &plain));
        assert!(!passing_estimate(hl, hl, topics::CREDIT_PROSE, &plain));
        // A figure is a reason, and a question needs none.
        let figure = one("About 2,000 deliveries a second after group fan-out.");
        assert!(!passing_estimate(
            est,
            hl,
            topics::credit(std::slice::from_ref(&figure), 0),
            &figure
        ));
        let asked = one("How many messages a day?");
        assert!(!passing_estimate(est, hl, topics::CREDIT_PROSE, &asked));
    }

    #[test]
    fn more_credit_wins_then_the_own_step_then_a_longer_match() {
        assert!(better((0.6, false, 1), None));
        assert!(better((1.0, false, 1), Some((0.6, true, 5))));
        assert!(!better((0.6, true, 5), Some((1.0, false, 1))));
        assert!(better((0.6, true, 1), Some((0.6, false, 4))));
        assert!(better((1.0, true, 4), Some((1.0, true, 2))));
        assert!(
            !better((1.0, true, 2), Some((1.0, true, 2))),
            "the first of equals stays"
        );
    }
}
