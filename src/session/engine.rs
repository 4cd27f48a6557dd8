//! The interview engine: a state machine over the seven steps that knows the
//! problem, the clock and the answers so far. It talks only through a
//! [`Prompter`] and saves the transcript after every answer.

use super::commands::{help, Command};
use super::core::Core;
use super::prompter::{Event, Prompter};
use crate::catalog::Probe;
use crate::estimation::{compare_estimates, EstimateVerdict};
use crate::framework::clock;
use crate::framework::StepId;
use crate::grading::{self, facts::match_facts, Grade};
use crate::transcript::{Exchange, Mode, ProbeReply, SavedGrade, SessionInfo};
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
/// Most key figures asked for after the estimation answer.
const MAX_FIGURE_ASKS: usize = 3;

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
        let g = grading::grade(
            core.catalog,
            &problem.id,
            &core.transcript.answer(),
            &core.transcript.extras(),
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

    /// Answers a `?` question from the fact sheet, one exchange per fact so
    /// each revealed fact is on record.
    fn ask(&mut self, step: StepId, q: String, p: &mut dyn Prompter) {
        let facts = match_facts(&q, &self.core.problem.facts);
        let rec = self.core.transcript.step_mut(step);
        if facts.is_empty() {
            let answer = "Your call: state an assumption and move on.".to_string();
            p.say(&format!("Interviewer: {answer}"));
            rec.questions.push(Exchange {
                question: q,
                answer,
                fact: None,
            });
            return;
        }
        for f in facts {
            let answer = f.answer.trim().to_string();
            p.say(&format!("Interviewer: {answer}"));
            rec.questions.push(Exchange {
                question: q.clone(),
                answer,
                fact: Some(f.id.clone()),
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
            Command::Hint => match self.core.next_hint(step)? {
                Some((n, of, h)) => p.say(&format!("Hint {n}/{of}: {h}")),
                None => p.say("No more hints for this step: write what you can and end with `.`."),
            },
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

    /// Asks what an interviewer would ask after the answer.
    fn follow_ups(&mut self, step: StepId, p: &mut dyn Prompter) -> Result<Option<Outcome>> {
        let asks: Vec<(String, Option<String>)> = match step {
            StepId::Estimation => {
                let text = self.core.transcript.step(step).answer.clone();
                let weights: Vec<(String, f64)> = self
                    .core
                    .problem
                    .estimates
                    .iter()
                    .filter(|e| e.key)
                    .map(|e| (e.id.clone(), 1.0))
                    .collect();
                compare_estimates(&text, self.core.problem, &weights)
                    .into_iter()
                    .filter(|r| r.verdict == EstimateVerdict::Missing)
                    .take(MAX_FIGURE_ASKS)
                    .map(|r| (format!("I don't see your figure for {}. What is it, and how did you get it?", r.label.to_lowercase()), None))
                    .collect()
            }
            StepId::DeepDive => {
                let probes = self
                    .core
                    .problem
                    .probes
                    .get(step.as_str())
                    .map(Vec::as_slice)
                    .unwrap_or(&[]);
                Probe::choose(probes, self.core.transcript.seed)
                    .into_iter()
                    .map(|pr| (pr.ask.clone(), pr.question.clone()))
                    .collect()
            }
            _ => Vec::new(),
        };
        let already = self.core.transcript.step(step).probes.len();
        for (ask, question) in asks.into_iter().skip(already) {
            p.say(&format!("Interviewer: {ask}"));
            let mut started = self.core.clock.now();
            loop {
                let event = p.next(false)?;
                let (elapsed, now) = self.core.since(started);
                match event {
                    Event::Answer(reply) => {
                        let rec = self.core.transcript.step_mut(step);
                        let reply = if step == StepId::Estimation {
                            format!("{ask}\n{reply}")
                        } else {
                            reply
                        };
                        rec.probes.push(ProbeReply {
                            ask: ask.clone(),
                            question: question.clone(),
                            reply,
                        });
                        rec.seconds += elapsed;
                        self.core.save()?;
                        break;
                    }
                    Event::Question(_) => {}
                    Event::Command(Command::Skip) => {
                        let rec = self.core.transcript.step_mut(step);
                        rec.probes.push(ProbeReply {
                            ask: ask.clone(),
                            question: question.clone(),
                            reply: String::new(),
                        });
                        rec.seconds += elapsed;
                        self.core.save()?;
                        p.say("Skipped.");
                        break;
                    }
                    Event::Command(cmd) => {
                        if let Some(outcome) = self.command(cmd, step, elapsed, p)? {
                            return Ok(Some(outcome));
                        }
                        self.core.transcript.step_mut(step).seconds += elapsed;
                        started = now;
                    }
                    Event::Eof => {
                        self.core.transcript.step_mut(step).seconds += elapsed;
                        self.core.end_of_input(p)?;
                        return Ok(Some(Outcome::Eof));
                    }
                }
            }
        }
        Ok(None)
    }
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
    use crate::catalog::Catalog;
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
            answer(ESTIMATES),
            answer("A load balancer, stateless app servers, a Redis cache and a key-value store, because reads dominate."),
            answer("Codes are base62 of ids handed out in ranges by a key service so that two servers never collide."),
            answer("A 302 so that we can count clicks, at the cost of more redirects reaching us."),
            answer("If Redis crashes we fall back to the database, which is slower but correct."),
            answer("Hot links: cache them at the edge; the trade-off is stale redirects after an edit."),
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
        let mut p = ScriptedPrompter::new(vec![answer("Assume 1M pastes a day.")]);
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
