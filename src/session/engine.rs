//! The interview engine: a state machine over the seven steps that knows the
//! problem, the clock and the answers so far. It talks only through a
//! [`Prompter`] and saves the transcript after every answer.

use super::commands::{help, Command};
use super::core::{Core, NextHint};
use super::probes::{self, FollowUp};
use super::prompter::{Event, Prompter};
use crate::framework::clock;
use crate::framework::StepId;
use crate::grading::{self, facts::understand, Grade};
use crate::transcript::{CurveballReply, Exchange, Mode, ProbeReply, SavedGrade, SessionInfo};
use crate::{Error, Result};
use std::path::Path;

/// How a session ended.
#[derive(Debug)]
pub enum Outcome {
    /// All steps done; the grade was saved with the transcript.
    Finished(Box<Grade>),
    /// `:quit`: saved, resumable.
    Quit,
    /// Input ended: saved as unfinished.
    Eof,
}

/// Steps where `?` lines are questions to the interviewer.
const ASKING_STEPS: [StepId; 3] = [
    StepId::Requirements,
    StepId::Functional,
    StepId::NonFunctional,
];

/// A solo practice session.
pub struct Practice<'a> {
    pub core: Core<'a>,
}

impl Practice<'_> {
    /// What the report adds for this session: time per step and the file.
    pub fn info(&self) -> SessionInfo {
        SessionInfo {
            timing: self.core.transcript.timing(),
            transcript: Some(self.core.path.display().to_string()),
        }
    }

    /// Runs the session from the first step not yet done.
    pub fn run(&mut self, p: &mut dyn Prompter) -> Result<Outcome> {
        let problem = self.core.problem;
        p.say(&format!(
            "{}\n\n{}\n\n{}\n",
            problem.title,
            problem.prompt.trim(),
            help(Mode::Solo)
        ));
        while let Some(step) = self.core.transcript.next_step() {
            if let Some(outcome) = self.run_step(step, p)? {
                return Ok(outcome);
            }
        }
        let core = &mut self.core;
        let g = grading::grade_at(
            core.catalog,
            &problem.id,
            &core.transcript.answer(),
            &core.transcript.extras(),
            core.transcript.level,
        )?;
        core.transcript.finished = true;
        core.transcript.grade = Some(SavedGrade::from_grade(&g, core.clock.now()));
        core.save()?;
        Ok(Outcome::Finished(Box::new(g)))
    }

    fn header(&self, step: StepId) -> String {
        let info = step.info();
        let t = &self.core.transcript;
        let timer = if t.timer {
            format!(
                " — budget {}, used so far {} of {}",
                clock(t.budget_secs(step)),
                clock(t.seconds()),
                clock(u64::from(t.minutes) * 60)
            )
        } else {
            String::new()
        };
        format!(
            "\n== Step {}/7: {}{timer}\n{}",
            step.index() + 1,
            info.title,
            info.covers
        )
    }

    /// Answers a `?` question from the fact sheet: each thing it asks gets
    /// its fact, or "your call" when no fact answers it with confidence. One
    /// exchange per reply, so each revealed fact is on record.
    fn ask(&mut self, step: StepId, q: String, p: &mut dyn Prompter) {
        let mut replies = understand(&q, &self.core.problem.facts);
        // Two parts that land on one fact ("how many users, and how many
        // are active?") get its answer once.
        let mut said: Vec<&str> = Vec::new();
        replies.retain(|r| match r.fact {
            Some(f) if said.contains(&f.id.as_str()) => false,
            Some(f) => {
                said.push(&f.id);
                true
            }
            None => true,
        });
        let single = replies.len() == 1;
        let rec = self.core.transcript.step_mut(step);
        for r in replies {
            let (answer, fact) = match r.fact {
                Some(f) => (f.answer.trim().to_string(), Some(f.id.clone())),
                None if single => (
                    "Your call: state an assumption and move on.".to_string(),
                    None,
                ),
                None => (
                    format!("Your call on \"{}\": state an assumption.", r.part),
                    None,
                ),
            };
            p.say(&format!("Interviewer: {answer}"));
            rec.questions.push(Exchange {
                question: q.clone(),
                answer,
                fact,
            });
        }
    }

    /// Runs one step; `Some(outcome)` ends the session.
    fn run_step(&mut self, step: StepId, p: &mut dyn Prompter) -> Result<Option<Outcome>> {
        p.say(&self.header(step));
        if step == StepId::Requirements {
            p.say("Ask me anything with a line starting with `?`; then write your assumptions and end with `.`.");
        }
        if step == StepId::HighLevel {
            p.say(crate::diagram::HOW_TO_DRAW);
        }
        let mut started = self.core.clock.now();
        let asking = ASKING_STEPS.contains(&step);
        loop {
            let event = p.next(asking)?;
            let (elapsed, now) = self.core.since(started);
            match event {
                Event::Question(q) => {
                    self.ask(step, q, p);
                    self.core.transcript.step_mut(step).seconds += elapsed;
                    started = now;
                    self.core.save()?;
                }
                Event::Command(cmd) => {
                    if let Some(outcome) = self.command(cmd, step, elapsed, p)? {
                        return Ok(Some(outcome));
                    }
                    if cmd == Command::Skip {
                        return Ok(None);
                    }
                }
                Event::Answer(text) => {
                    let rec = self.core.transcript.step_mut(step);
                    if !rec.answer.is_empty() && !text.trim().is_empty() {
                        rec.answer.push('\n');
                    }
                    rec.answer.push_str(text.trim_end());
                    rec.seconds += elapsed;
                    self.core.save()?;
                    if let Some(outcome) = self.follow_ups(step, p)? {
                        return Ok(Some(outcome));
                    }
                    self.core.finish_step(step, p)?;
                    return Ok(None);
                }
                Event::Eof => {
                    self.core.transcript.step_mut(step).seconds += elapsed;
                    self.core.end_of_input(p)?;
                    return Ok(Some(Outcome::Eof));
                }
            }
        }
    }

    /// Handles a `:` command; `Some` ends the session.
    fn command(
        &mut self,
        cmd: Command,
        step: StepId,
        elapsed: u64,
        p: &mut dyn Prompter,
    ) -> Result<Option<Outcome>> {
        match cmd {
            Command::Time => p.say(&self.core.clock_line(step, elapsed)),
            Command::Hint => {
                let so_far = self.core.work_so_far(step, &p.draft());
                match self.core.next_hint(step, &so_far)? {
                    NextHint::Rung { number, of, text } => {
                        p.say(&format!("Hint {number}/{of}: {text}"))
                    }
                    NextHint::Covered => p.say(
                        "You have already covered what the remaining hints point at: keep going, and end with `.`.",
                    ),
                    NextHint::None => {
                        p.say("No more hints for this step: write what you can and end with `.`.")
                    }
                }
            }
            Command::Skip => {
                let draft = p.draft();
                p.set_draft(String::new());
                let rec = self.core.transcript.step_mut(step);
                if !draft.trim().is_empty() {
                    rec.answer.push_str(draft.trim_end());
                }
                rec.seconds += elapsed;
                self.core.skip_step(step, p)?;
            }
            Command::Edit => match self.core.edit(&p.draft()) {
                Ok(text) => {
                    p.say("Answer updated from the editor; add more or end with `.`.");
                    p.set_draft(text);
                }
                Err(msg) => p.say(&format!("Cannot edit: {msg}")),
            },
            Command::Diagram => {
                let draft = p.draft();
                match self.core.edit(crate::diagram::drawing_to_edit(&draft)) {
                    Ok(drawing) => {
                        let d = crate::diagram::read_one(&drawing);
                        if d.edges.is_empty() && d.issues.is_empty() {
                            p.say("No arrows drawn: your answer is unchanged.");
                        } else {
                            p.set_draft(crate::diagram::with_drawing(&draft, &drawing));
                            p.say(&format!(
                                "{}\nAdded to your answer; add more or end with `.`.",
                                crate::report::diagram_read_back(&d, &[])
                            ));
                        }
                    }
                    Err(msg) => p.say(&format!("Cannot edit: {msg}")),
                }
            }
            Command::Quit => {
                self.core.transcript.step_mut(step).seconds += elapsed;
                self.core.quit(p)?;
                return Ok(Some(Outcome::Quit));
            }
            // Help, and peer commands the solo parser never produces.
            _ => p.say(&help(Mode::Solo)),
        }
        Ok(None)
    }

    /// Asks what an interviewer would ask after the answer, and in the deep
    /// dive throws the curveball at a moment the seed picks.
    fn follow_ups(&mut self, step: StepId, p: &mut dyn Prompter) -> Result<Option<Outcome>> {
        let core = &self.core;
        let rubric = core.catalog.rubric(&core.problem.id)?;
        // The questions asked in the step are part of its answer: "How many
        // links a month?" covers the scale a requirements step is about.
        let record = core.transcript.step(step);
        let mut text = record.answer.clone();
        for q in &record.questions {
            text.push('\n');
            text.push_str(&q.question);
        }
        let seed = core.transcript.seed;
        let mut asks: Vec<Next> = Vec::new();
        for f in probes::after_answer(
            &core.catalog.concepts,
            core.problem,
            rubric,
            step,
            &text,
            seed,
        )? {
            match f {
                FollowUp::Ask { ask, question } => asks.push(Next::Probe(ask, question)),
                FollowUp::Nudge(say) => p.say(&format!("Interviewer: {say}")),
            }
        }
        if step == StepId::DeepDive
            && core.transcript.curveballs
            && !core.problem.curveballs.is_empty()
        {
            // Before the probes or after them.
            let at = if seed % 2 == 0 { 0 } else { asks.len() };
            let which = (seed / 2 % core.problem.curveballs.len() as u64) as usize;
            asks.insert(at, Next::Curveball(which));
        }
        let mut probes_done = self.core.transcript.step(step).probes.len();
        for next in asks {
            let ask = match &next {
                Next::Probe(..) if probes_done > 0 => {
                    probes_done -= 1;
                    continue;
                }
                Next::Probe(ask, _) => ask.clone(),
                Next::Curveball(_) if self.core.transcript.curveball.is_some() => continue,
                Next::Curveball(i) => format!(
                    "Change of plan: {}",
                    self.core.problem.curveballs[*i].say.trim()
                ),
            };
            p.say(&format!("Interviewer: {ask}"));
            let reply = match self.reply(step, p)? {
                Ok(r) => r,
                Err(outcome) => return Ok(Some(outcome)),
            };
            match next {
                Next::Probe(ask, question) => {
                    let reply = match (&reply, step) {
                        (Some(r), StepId::Estimation) => format!("{ask}\n{r}"),
                        (Some(r), _) => r.clone(),
                        (None, _) => String::new(),
                    };
                    self.core.transcript.step_mut(step).probes.push(ProbeReply {
                        ask,
                        question,
                        reply,
                    });
                }
                Next::Curveball(i) => {
                    let c = &self.core.problem.curveballs[i];
                    self.core.transcript.curveball = Some(CurveballReply {
                        id: c.id.clone(),
                        say: c.say.trim().to_string(),
                        reply: reply.unwrap_or_default(),
                    });
                }
            }
            self.core.save()?;
        }
        Ok(None)
    }

    /// Reads the reply to a follow-up: `Ok(Some(text))`, `Ok(None)` when
    /// skipped, `Err(outcome)` when the session stops.
    fn reply(
        &mut self,
        step: StepId,
        p: &mut dyn Prompter,
    ) -> Result<std::result::Result<Option<String>, Outcome>> {
        let mut started = self.core.clock.now();
        loop {
            let event = p.next(false)?;
            let (elapsed, now) = self.core.since(started);
            match event {
                Event::Answer(reply) => {
                    self.core.transcript.step_mut(step).seconds += elapsed;
                    return Ok(Ok(Some(reply)));
                }
                Event::Question(_) => {}
                Event::Command(Command::Skip) => {
                    self.core.transcript.step_mut(step).seconds += elapsed;
                    p.say("Skipped.");
                    return Ok(Ok(None));
                }
                Event::Command(cmd) => {
                    if let Some(outcome) = self.command(cmd, step, elapsed, p)? {
                        return Ok(Err(outcome));
                    }
                    self.core.transcript.step_mut(step).seconds += elapsed;
                    started = now;
                }
                Event::Eof => {
                    self.core.transcript.step_mut(step).seconds += elapsed;
                    self.core.end_of_input(p)?;
                    return Ok(Err(Outcome::Eof));
                }
            }
        }
    }
}

/// What comes after an answer: a probe (the ask and its bank question), or
/// the curveball (its index in the problem).
enum Next {
    Probe(String, Option<String>),
    Curveball(usize),
}

/// Refuses to start a session whose transcript cannot be saved.
pub fn ensure_writable(dir: &Path) -> Result<()> {
    crate::transcript::check_writable(dir).map_err(|e| match e {
        Error::TranscriptsNotWritable { .. } => e,
        other => Error::TranscriptsNotWritable {
            path: dir.to_path_buf(),
            reason: other.to_string(),
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::{Catalog, Probe};
    use crate::session::{FakeClock, Invocation, ScriptedPrompter};
    use crate::transcript::{Store, Transcript};

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

    fn answer(s: &str) -> Event {
        Event::Answer(s.to_string())
    }

    fn run(
        setup: &Setup,
        t: Transcript,
        events: Vec<Event>,
    ) -> (Outcome, Transcript, ScriptedPrompter) {
        let clock = FakeClock::new("2026-11-27T10:00:00+00:00", 30);
        let store = Store::new(setup.dir.path());
        let path = setup.dir.path().join("session.yaml");
        let problem = setup.catalog.problem(&t.problem).expect("problem");
        let mut s = Practice {
            core: Core {
                catalog: &setup.catalog,
                problem,
                transcript: t,
                path,
                store,
                clock: &clock,
                how: Invocation::default(),
            },
        };
        let mut p = ScriptedPrompter::new(events);
        let outcome = s.run(&mut p).expect("session runs");
        (outcome, s.core.transcript, p)
    }

    fn fresh(problem: &str, seed: u64) -> Transcript {
        let at = chrono::DateTime::parse_from_rfc3339("2026-11-27T10:00:00+00:00").expect("date");
        Transcript::new(problem, Mode::Solo, 55, true, seed, at)
    }

    /// All four key figures of the url-shortener, so no follow-up is asked.
    const ESTIMATES: &str = "Writes: 100M / 2.5M s = 40 writes per second.\n\
        Reads: 100 x 40 = 4,000 reads per second.\n\
        Storage over 5 years: 6B URLs x 500 bytes = 3 TB.\n\
        Cache memory: 20% of 333M daily redirects x 500 bytes = 33 GB.";

    fn full_script() -> Vec<Event> {
        vec![
            Event::Question("How many new URLs per month?".into()),
            Event::Question("What colour is the logo?".into()),
            answer("I assume 100M new URLs a month, read-heavy at 100:1."),
            Event::Command(Command::Hint),
            answer("Shorten a long URL, redirect a short one; analytics out of scope."),
            answer("Redirect p99 under 50 ms because redirects sit in front of every click; 99.99% available."),
            // The probe on a key topic the answer left out.
            answer("Yes: a new link must redirect at once, so reads of fresh links go to the primary."),
            answer(ESTIMATES),
            answer("A load balancer, stateless app servers, a Redis cache and a key-value store, because reads dominate."),
            answer("Codes are base62 of ids handed out in ranges by a key service so that two servers never collide."),
            // Seed 4 throws a curveball before the deep-dive probes.
            answer("Re-estimate: ten times the traffic is 40,000 redirects a second, so we add cache replicas and app servers behind the load balancer."),
            answer("A 302 so that we can count clicks, at the cost of more redirects reaching us."),
            answer("If Redis crashes we fall back to the database, which is slower but correct."),
            answer("Hot links: cache them at the edge; the trade-off is stale redirects after an edit."),
            answer("Rate limits per IP and per account, with a CAPTCHA after a burst."),
        ]
    }

    #[test]
    fn a_full_session_answers_questions_asks_follow_ups_and_grades() {
        let setup = setup();
        let (outcome, t, p) = run(&setup, fresh("url-shortener", 4), full_script());
        let Outcome::Finished(grade) = outcome else {
            panic!("session should finish: {}", p.transcript())
        };
        assert!(t.finished && t.grade.is_some());
        let said = p.transcript();
        assert!(said.contains("Interviewer: About 100 million"), "{said}");
        assert!(said.contains("Your call: state an assumption"));
        assert!(said.contains("Hint 1/3"));
        assert_eq!(t.step(StepId::Functional).hints.len(), 1);
        assert_eq!(grade.steps[StepId::Functional.index()].hints, 1);
        // Two or three deep-dive probes, recorded with their replies.
        let probes = &t.step(StepId::DeepDive).probes;
        assert!((2..=3).contains(&probes.len()), "{probes:?}");
        assert!(t
            .revealed_facts()
            .iter()
            .any(|f| f.contains("scale") || f.contains("volume") || !f.is_empty()));
        // 30 s per clock reading: every step took time.
        assert!(t.steps.iter().all(|s| s.seconds > 0));
        assert!(grade.score > 0);
    }

    #[test]
    fn the_questions_asked_count_as_part_of_the_steps_answer() {
        let setup = setup();
        let events = vec![
            Event::Question("How many links a month? Also, do links expire?".into()),
            answer("I assume 100M a month."),
        ];
        let (_, _, p) = run(&setup, fresh("url-shortener", 0), events);
        assert!(
            !p.said.iter().any(|s| s.contains("does not address")),
            "{:?}",
            p.said
        );
        // Off-topic words with no question still get the nudge.
        let events = vec![answer("Pizza is tasty and I like it a lot.")];
        let (_, _, p) = run(&setup, fresh("url-shortener", 0), events);
        assert!(
            p.said.iter().any(|s| s.contains("does not address")),
            "{:?}",
            p.said
        );
    }

    #[test]
    fn two_parts_on_one_fact_get_its_answer_once_and_the_rest_your_call() {
        let setup = setup();
        let q = "How many users do we have, and how many of them are active each month, \
                 and what colour is the logo?";
        let problem = setup.catalog.problem("url-shortener").expect("problem");
        let replies = understand(q, &problem.facts);
        let facts: Vec<Option<&str>> = replies
            .iter()
            .map(|r| r.fact.map(|f| f.id.as_str()))
            .collect();
        assert_eq!(facts, [Some("scale"), Some("scale"), None], "{replies:?}");
        let events = vec![Event::Question(q.into())];
        let (_, t, p) = run(&setup, fresh("url-shortener", 0), events);
        let said: Vec<&String> = p
            .said
            .iter()
            .filter(|s| s.starts_with("Interviewer:"))
            .collect();
        let scale = &problem
            .facts
            .iter()
            .find(|f| f.id == "scale")
            .expect("fact");
        let once = format!("Interviewer: {}", scale.answer.trim());
        assert_eq!(said.iter().filter(|s| **s == &once).count(), 1, "{said:?}");
        assert!(
            said.iter()
                .any(|s| s.contains("Your call on \"what colour is the logo\"")),
            "{said:?}"
        );
        let asked = &t.step(StepId::Requirements).questions;
        assert_eq!(asked.len(), 2, "{asked:?}");
        assert_eq!(asked[0].fact.as_deref(), Some("scale"));
        assert_eq!(asked[1].fact, None);
    }

    #[test]
    fn a_curveball_arrives_in_the_deep_dive_and_is_graded_on_its_own() {
        let setup = setup();
        let (outcome, t, p) = run(&setup, fresh("url-shortener", 4), full_script());
        let Outcome::Finished(grade) = outcome else {
            panic!("session should finish: {}", p.transcript())
        };
        let thrown = t.curveball.as_ref().expect("a curveball was thrown");
        let problem = setup.catalog.problem("url-shortener").expect("problem");
        assert!(problem.curveballs.iter().any(|c| c.id == thrown.id));
        assert!(
            thrown.reply.contains("ten times the traffic"),
            "{thrown:?}\n{}",
            p.transcript()
        );
        assert!(p.transcript().contains("Interviewer: Change of plan: "));
        let graded = grade.curveball.as_ref().expect("graded");
        assert_eq!(graded.id, thrown.id);
        assert!(
            graded.matched.len() + graded.missed.len() >= 3,
            "{graded:?}"
        );
        // Off: the same script has one reply too many, and no curveball.
        let mut off = fresh("url-shortener", 4);
        off.curveballs = false;
        let (_, t, _) = run(&setup, off, full_script());
        assert!(t.curveball.is_none());
    }

    #[test]
    fn missing_key_figures_are_asked_for() {
        let setup = setup();
        let partial = ESTIMATES.lines().take(3).collect::<Vec<_>>().join("\n");
        let events = vec![
            Event::Command(Command::Skip),
            Event::Command(Command::Skip),
            Event::Command(Command::Skip),
            answer(&partial),
            answer("About 33 GB of cache memory for the hot 20%."),
        ];
        let (_, t, p) = run(&setup, fresh("url-shortener", 0), events);
        let asked: Vec<&str> = p
            .said
            .iter()
            .filter(|s| s.starts_with("Interviewer: I don't see"))
            .map(String::as_str)
            .collect();
        assert_eq!(asked.len(), 1, "{asked:?}");
        assert!(asked[0].contains("cache"), "{asked:?}");
        assert!(t.step(StepId::Estimation).probes[0].reply.contains("33 GB"));
    }

    #[test]
    fn probes_vary_with_the_seed_and_repeat_with_it() {
        let catalog = Catalog::embedded().expect("data");
        let probes = &catalog.problem("twitter").expect("twitter").probes["deep_dive"];
        let pick = |seed| {
            Probe::choose(probes, seed)
                .iter()
                .map(|p| p.ask.clone())
                .collect::<Vec<_>>()
        };
        assert_eq!(pick(7), pick(7));
        let distinct: std::collections::HashSet<Vec<String>> = (0..10).map(pick).collect();
        assert!(
            distinct.len() > 3,
            "ten seeds gave only {} choices",
            distinct.len()
        );
        assert!((0..10).all(|s| (2..=3).contains(&pick(s).len())));
    }

    #[test]
    fn quit_saves_and_resume_continues_where_it_stopped() {
        let setup = setup();
        let events = vec![
            answer("I assume 100M URLs a month."),
            Event::Command(Command::Quit),
        ];
        let (outcome, t, p) = run(&setup, fresh("url-shortener", 4), events);
        assert!(matches!(outcome, Outcome::Quit));
        assert!(p.transcript().contains("resume with"));
        let saved = Store::load(&setup.dir.path().join("session.yaml")).expect("saved");
        assert_eq!(saved, t);
        assert!(!saved.finished);
        assert_eq!(saved.next_step(), Some(StepId::Functional));

        let mut rest = full_script();
        rest.drain(..4); // two questions, the requirements answer, the hint
        let (outcome, t, _) = run(&setup, saved, rest);
        assert!(matches!(outcome, Outcome::Finished(_)), "{t:?}");
        assert_eq!(
            t.step(StepId::Requirements).answer,
            "I assume 100M URLs a month."
        );
    }

    #[test]
    fn end_of_input_keeps_everything_up_to_the_last_answer() {
        let setup = setup();
        let events = vec![answer("Assume 1M users."), answer("Post and read tweets.")];
        let (outcome, _, p) = run(&setup, fresh("twitter", 2), events);
        assert!(matches!(outcome, Outcome::Eof));
        assert!(p.transcript().contains("saved as unfinished"));
        let saved = Store::load(&setup.dir.path().join("session.yaml")).expect("saved");
        assert_eq!(
            saved.step(StepId::Functional).answer,
            "Post and read tweets."
        );
        assert!(saved.step(StepId::Functional).done);
        assert!(!saved.finished);
    }

    #[test]
    fn skip_and_help_and_time_work_at_any_prompt() {
        let setup = setup();
        let events = vec![
            Event::Command(Command::Help),
            Event::Command(Command::Time),
            Event::Command(Command::Skip),
            Event::Command(Command::Hint),
            Event::Command(Command::Hint),
            Event::Command(Command::Hint),
            Event::Command(Command::Hint),
        ];
        let (_, t, p) = run(&setup, fresh("twitter", 2), events);
        let said = p.transcript();
        assert!(said.contains("Commands:\n  :hint"), "{said}");
        assert!(said.contains("Time: "));
        assert!(t.step(StepId::Requirements).skipped);
        assert_eq!(t.step(StepId::Functional).hints.len(), 3);
        assert!(said.contains("No more hints"));
    }

    #[test]
    fn the_high_level_step_says_a_diagram_can_be_read() {
        let setup = setup();
        let skips = vec![Event::Command(Command::Skip); 4];
        let mut events = skips;
        events.push(answer(
            "Client -> Load balancer -> API servers -> Redis -> Postgres",
        ));
        let (_, t, p) = run(&setup, fresh("url-shortener", 0), events);
        let said = p.transcript();
        let at = said.find("Step 5/7").expect("the high-level step");
        assert!(said[at..].contains("```mermaid flowchart block"), "{said}");
        assert!(!said[..at].contains("```mermaid"));
        assert!(t.step(StepId::HighLevel).answer.contains("-> Redis"));
    }

    #[test]
    fn an_over_budget_step_gets_a_notice() {
        let setup = setup();
        let clock = FakeClock::new("2026-11-27T10:00:00+00:00", 400);
        let store = Store::new(setup.dir.path());
        let path = setup.dir.path().join("s.yaml");
        let catalog = &setup.catalog;
        let problem = catalog.problem("pastebin").expect("pastebin");
        let mut s = Practice {
            core: Core {
                catalog,
                problem,
                transcript: fresh("pastebin", 0),
                path,
                store,
                clock: &clock,
                how: Invocation::default(),
            },
        };
        // The answer, then `:skip` for the probe on what it left out.
        let mut p = ScriptedPrompter::new(vec![
            answer("Assume 1M pastes a day."),
            Event::Command(Command::Skip),
        ]);
        let outcome = s.run(&mut p).expect("runs");
        // The script ends after the first answer: saved as unfinished.
        assert!(matches!(outcome, Outcome::Eof), "{outcome:?}");
        assert!(
            p.transcript().contains("over the 5:00 budget"),
            "{}",
            p.transcript()
        );
    }
}
