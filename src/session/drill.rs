//! A drill session: the planned cards one after the other, each answered,
//! graded, rated (the proposal or the person's key) and saved before the
//! next. It talks only through a [`Prompter`]; `:skip`, `:quit`, `:help`,
//! `:time` and `:edit` come from the one command table.

use super::clock::Clock;
use super::commands::{self, help, Command, Parsed, Table};
use super::editor;
use super::prompter::{Event, Prompter};
use crate::catalog::Catalog;
use crate::drill::check::{check, Reply};
use crate::drill::{
    instance, CardState, DrillStore, Instance, LogEntry, Numbers, Planned, Rating, Scheduler, State,
};
use crate::framework::clock;
pub use crate::report::drill::Ending;
use crate::report::drill::{card_text, graded_text, rated_text, rating_prompt, summary_text};
use crate::report::Style;
use crate::Result;
use chrono::{DateTime, FixedOffset};

/// A drill over planned cards.
pub struct Drill<'a> {
    pub catalog: &'a Catalog,
    pub numbers: &'a Numbers,
    pub store: DrillStore,
    pub state: State,
    pub clock: &'a dyn Clock,
    /// The seed the cards were planned and are asked with.
    pub seed: u64,
    /// Stop offering cards after this many minutes.
    pub minutes: Option<u32>,
    pub scheduler: Scheduler,
}

/// What a drill did.
#[derive(Debug, Clone, PartialEq)]
pub struct Outcome {
    pub ending: Ending,
    /// Ratings given, in order.
    pub rated: Vec<(String, Rating)>,
    pub skipped: usize,
    /// Planned cards not asked.
    pub left: usize,
}

/// What became of one card.
enum Step {
    Rated(Rating),
    Skipped,
    /// Rated (or not) and the drill ends.
    End(Ending, Option<Rating>),
}

impl Drill<'_> {
    /// Asks the planned cards in order; the state is saved after every card.
    pub fn run(&mut self, cards: &[Planned], p: &mut dyn Prompter) -> Result<Outcome> {
        let started = self.clock.now();
        let mut out = Outcome {
            ending: Ending::Done,
            rated: Vec::new(),
            skipped: 0,
            left: 0,
        };
        if cards.is_empty() {
            out.ending = Ending::Nothing;
        } else {
            p.say(&help(Table::Drill));
        }
        for (i, planned) in cards.iter().enumerate() {
            if let Some(limit) = self.minutes {
                let used = (self.clock.now() - started).num_seconds();
                if used >= i64::from(limit) * 60 && i > 0 {
                    out.ending = Ending::TimeUp;
                    out.left = cards.len() - i;
                    break;
                }
            }
            let inst = instance(&planned.card, self.catalog, self.numbers, self.seed)?;
            p.say(&card_text(i + 1, cards.len(), &inst, planned.due));
            let step = self.card(&inst, started, p)?;
            let (rating, end) = match step {
                Step::Rated(r) => (Some(r), None),
                Step::Skipped => (None, None),
                Step::End(e, r) => (r, Some(e)),
            };
            match rating {
                Some(r) => out.rated.push((inst.id.clone(), r)),
                None if end.is_none() => out.skipped += 1,
                None => {}
            }
            if let Some(e) = end {
                out.ending = e;
                out.left = cards.len() - i - usize::from(rating.is_some());
                break;
            }
        }
        let today = self.clock.now().date_naive();
        let next_due = self
            .state
            .cards
            .values()
            .filter(|c| c.reviewed())
            .filter_map(|c| c.due)
            .filter(|d| *d > today)
            .min();
        let rated: Vec<Rating> = out.rated.iter().map(|(_, r)| *r).collect();
        p.say(&summary_text(
            out.ending,
            &rated,
            out.skipped,
            out.left,
            &self.store.dir.display().to_string(),
            next_due,
        ));
        Ok(out)
    }

    /// One card: answers until one is graded, then the rating.
    fn card(
        &mut self,
        inst: &Instance,
        started: DateTime<FixedOffset>,
        p: &mut dyn Prompter,
    ) -> Result<Step> {
        loop {
            match p.next(false)? {
                Event::Answer(text) => match check(inst, self.catalog, &text)? {
                    Reply::Retry(why) => p.say(&why),
                    Reply::Graded(g) => {
                        p.say(&graded_text(&g, Style::plain()));
                        let graded = Answered {
                            inst,
                            proposed: g.proposed,
                            result: g.result.summary(),
                            answer: &text,
                            now: self.clock.now(),
                        };
                        return self.rate(&graded, p);
                    }
                },
                Event::Question(q) => p.say(&format!(
                    "`?{q}`: a drill has no interviewer to ask; answer the card, or `:skip`."
                )),
                Event::Command(cmd) => match cmd {
                    Command::Skip => {
                        p.set_draft(String::new());
                        p.say("Skipped: not rated, its schedule is unchanged.");
                        return Ok(Step::Skipped);
                    }
                    Command::Quit => return Ok(Step::End(Ending::Quit, None)),
                    Command::Time => {
                        let used = (self.clock.now() - started).num_seconds().max(0);
                        let limit = self.minutes.map_or(String::new(), |m| {
                            format!(" of {}", clock(u64::from(m) * 60))
                        });
                        p.say(&format!(
                            "Time: {}{limit} in this drill.",
                            clock(used as u64)
                        ));
                    }
                    Command::Edit => {
                        let dir = &self.store.dir;
                        let _ = std::fs::create_dir_all(dir);
                        match editor::edit(&p.draft(), dir) {
                            Ok(text) => {
                                p.say("Answer updated from the editor; add more or end with `.`.");
                                p.set_draft(text);
                            }
                            Err(why) => p.say(&why),
                        }
                    }
                    Command::Help => p.say(&help(Table::Drill)),
                    other => {
                        let name = commands::TABLE
                            .iter()
                            .find(|s| s.command == other)
                            .map_or("that", |s| s.names[0]);
                        p.say(&format!(
                            "`:{name}` has no use in a drill.\n{}",
                            help(Table::Drill)
                        ));
                    }
                },
                Event::Eof => return Ok(Step::End(Ending::Eof, None)),
            }
        }
    }

    /// Asks for the rating (Enter keeps the proposal), then applies it.
    fn rate(&mut self, a: &Answered, p: &mut dyn Prompter) -> Result<Step> {
        let (proposed, today) = (a.proposed, a.now.date_naive());
        let outcomes = self
            .scheduler
            .preview(self.state.cards.get(&a.inst.id), a.now)?;
        loop {
            let Some(reply) = p.key(&rating_prompt(proposed, &outcomes, today))? else {
                // The answer was complete: it counts with the proposal.
                self.apply(a, proposed, p)?;
                return Ok(Step::End(Ending::Eof, Some(proposed)));
            };
            let reply = reply.trim();
            if reply.is_empty() || reply == "." {
                self.apply(a, proposed, p)?;
                return Ok(Step::Rated(proposed));
            }
            if let Some(r) = Rating::parse(reply) {
                self.apply(a, r, p)?;
                return Ok(Step::Rated(r));
            }
            match commands::parse(reply, Table::Drill) {
                Some(Parsed::Command(Command::Quit, _)) => {
                    self.apply(a, proposed, p)?;
                    return Ok(Step::End(Ending::Quit, Some(proposed)));
                }
                Some(Parsed::Command(Command::Skip, _)) => {
                    p.say("Skipped: not rated, its schedule is unchanged.");
                    return Ok(Step::Skipped);
                }
                Some(_) => p.say(&help(Table::Drill)),
                // A stray key: ask again.
                None if reply.chars().count() == 1 => p.say(&format!(
                    "`{reply}` is not a rating: press a, h, g or e, or enter to keep {}.",
                    proposed.name()
                )),
                // A line of text: the proposal stands and the line starts
                // the next answer.
                None => {
                    self.apply(a, proposed, p)?;
                    p.set_draft(reply.to_string());
                    return Ok(Step::Rated(proposed));
                }
            }
        }
    }

    /// Schedules the card, appends the review to the log and saves the state.
    fn apply(&mut self, a: &Answered, rating: Rating, p: &mut dyn Prompter) -> Result<()> {
        let id = &a.inst.id;
        let before = self.state.cards.get(id);
        let new = before.is_none_or(|c| !c.reviewed());
        let next = self.scheduler.review(before, rating, a.now)?;
        let card = self
            .state
            .cards
            .entry(id.clone())
            .or_insert_with(|| CardState::new(a.inst.kind, a.now));
        card.apply(rating, &next, a.now);
        self.store.append(&LogEntry {
            at: a.now,
            card: id.clone(),
            kind: a.inst.kind,
            rating,
            proposed: a.proposed,
            result: a.result.clone(),
            new,
            elapsed_days: next.elapsed_days,
            due: next.due,
            stability: next.stability,
            difficulty: next.difficulty,
            answer: LogEntry::keep_answer(a.answer),
        })?;
        self.store.save(&self.state)?;
        p.say(&rated_text(rating, &next, a.now.date_naive()));
        Ok(())
    }
}

/// An answer graded, waiting for its rating.
struct Answered<'x> {
    inst: &'x Instance,
    proposed: Rating,
    /// `close`, `72/100`, for the log.
    result: String,
    answer: &'x str,
    now: DateTime<FixedOffset>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::drill::{Card, Kind};
    use crate::session::{FakeClock, ScriptedPrompter};

    #[test]
    fn a_line_after_the_grade_that_is_no_rating_starts_the_next_answer() {
        let catalog = Catalog::embedded().expect("data");
        let numbers = Numbers::open(None).expect("figures");
        let dir = tempfile::tempdir().expect("tempdir");
        let clock = FakeClock::new("2026-11-27T09:00:00+00:00", 0);
        let mut d = Drill {
            catalog: &catalog,
            numbers: &numbers,
            store: DrillStore::new(dir.path()),
            state: State::default(),
            clock: &clock,
            seed: 1,
            minutes: None,
            scheduler: Scheduler::new().expect("fsrs"),
        };
        let cards: Vec<Planned> = ["uuid-bytes", "seconds-per-day"]
            .iter()
            .map(|id| Planned {
                card: Card::numbers(id),
                due: None,
            })
            .collect();
        let mut p = ScriptedPrompter::new([
            Event::Command(Command::Hint),
            Event::Answer("16 bytes".into()),
            Event::Answer(String::new()),
        ]);
        // The rating line is text: Good stands and it begins the next answer.
        p.replies.push_back("86400 s".into());
        p.replies.push_back("x".into());
        p.replies.push_back("h".into());
        let out = d.run(&cards, &mut p).expect("runs");
        let said = p.transcript();
        assert!(said.contains("`:hint` has no use in a drill."), "{said}");
        assert!(said.contains("you said 86,400 s"), "{said}");
        assert!(said.contains("`x` is not a rating"), "{said}");
        assert_eq!(
            out.rated,
            vec![
                ("numbers/uuid-bytes".to_string(), Rating::Good),
                ("numbers/seconds-per-day".to_string(), Rating::Hard)
            ]
        );
        assert_eq!(out.ending, Ending::Done);
        let saved = d.store.load(clock.now()).expect("saved").state;
        assert_eq!(saved.cards.len(), 2);
        assert!(saved.cards.values().all(|c| c.kind == Kind::Numbers));
    }
}
