//! The interview engine: a state machine over the seven steps that knows the
//! problem, the clock and the answers so far. It talks only through a
//! [`Prompter`] and saves the transcript after every answer.

use super::clock::Clock;
use super::editor;
use super::prompter::{Command, Event, Prompter, HELP};
use crate::catalog::{Catalog, Probe, Problem};
use crate::estimation::{compare_estimates, EstimateVerdict};
use crate::framework::StepId;
use crate::grading::{self, facts::match_fact, Extras, Grade};
use crate::report::clock;
use crate::transcript::{Exchange, ProbeReply, SavedGrade, Store, Transcript};
use crate::{Error, Result};
use std::path::{Path, PathBuf};

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
    pub catalog: &'a Catalog,
    pub problem: &'a Problem,
    pub transcript: Transcript,
    pub path: PathBuf,
    pub store: Store,
    pub clock: &'a dyn Clock,
}

/// Chooses two or three probes of a step, varied by the seed.
pub fn choose_probes(probes: &[Probe], seed: u64) -> Vec<&Probe> {
    let mut order: Vec<usize> = (0..probes.len()).collect();
    let mut x = seed ^ 0x9e37_79b9_7f4a_7c15;
    for i in (1..order.len()).rev() {
        // xorshift64: small, deterministic, good enough to vary the order.
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        order.swap(i, (x % (i as u64 + 1)) as usize);
    }
    let k = (2 + (seed % 2) as usize).min(probes.len());
    order.into_iter().take(k).map(|i| &probes[i]).collect()
}

/// Saves a transcript, naming the path in any error.
pub fn save(store: &Store, path: &Path, t: &Transcript) -> Result<()> {
    store.save(path, t)
}

impl Practice<'_> {
    fn save(&mut self) -> Result<()> {
        self.transcript.updated = self.clock.now();
        self.store.save(&self.path, &self.transcript)
    }

    fn resume_hint(&self) -> String {
        format!(
            "resume with: sdcoach practice --resume {}",
            self.path.display()
        )
    }

    /// Runs the session from the first step not yet done.
    pub fn run(&mut self, p: &mut dyn Prompter) -> Result<Outcome> {
        p.say(&format!(
            "{}\n\n{}\n\n{HELP}\n",
            self.problem.title,
            self.problem.prompt.trim()
        ));
        while let Some(step) = self.transcript.next_step() {
            match self.run_step(step, p)? {
                Some(outcome) => return Ok(outcome),
                None => continue,
            }
        }
        let g = grading::grade(
            self.catalog,
            &self.problem.id,
            &self.transcript.answer(),
            &Extras {
                hints: self.transcript.hints(),
                revealed: Some(self.transcript.revealed_facts()),
            },
        )?;
        self.transcript.finished = true;
        self.transcript.grade = Some(SavedGrade::from_grade(&g, self.clock.now()));
        self.save()?;
        Ok(Outcome::Finished(Box::new(g)))
    }

    fn header(&self, step: StepId) -> String {
        let info = step.info();
        let t = &self.transcript;
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

    /// Runs one step; `Some(outcome)` ends the session.
    fn run_step(&mut self, step: StepId, p: &mut dyn Prompter) -> Result<Option<Outcome>> {
        p.say(&self.header(step));
        if step == StepId::Requirements {
            p.say("Ask me anything with a line starting with `?`; then write your assumptions and end with `.`.");
        }
        let mut started = self.clock.now();
        let asking = ASKING_STEPS.contains(&step);
        loop {
            let event = p.next(asking)?;
            let now = self.clock.now();
            let elapsed = (now - started).num_seconds().max(0) as u64;
            match event {
                Event::Question(q) => {
                    let (answer, fact) = match match_fact(&q, &self.problem.facts) {
                        Some(f) => (f.answer.trim().to_string(), Some(f.id.clone())),
                        None => (
                            "Your call: state an assumption and move on.".to_string(),
                            None,
                        ),
                    };
                    p.say(&format!("Interviewer: {answer}"));
                    let rec = self.transcript.step_mut(step);
                    rec.questions.push(Exchange {
                        question: q,
                        answer,
                        fact,
                    });
                    rec.seconds += elapsed;
                    started = now;
                    self.save()?;
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
                    let rec = self.transcript.step_mut(step);
                    if !rec.answer.is_empty() && !text.trim().is_empty() {
                        rec.answer.push('\n');
                    }
                    rec.answer.push_str(text.trim_end());
                    rec.seconds += elapsed;
                    self.save()?;
                    if let Some(outcome) = self.follow_ups(step, p)? {
                        return Ok(Some(outcome));
                    }
                    let rec = self.transcript.step_mut(step);
                    rec.done = true;
                    let (used, budget) = (rec.seconds, self.transcript.budget_secs(step));
                    self.save()?;
                    if self.transcript.timer && used > budget {
                        p.say(&format!(
                            "Time: {} over the {} budget for this step. Keep an eye on the clock.",
                            clock(used - budget),
                            clock(budget)
                        ));
                    }
                    return Ok(None);
                }
                Event::Eof => {
                    self.transcript.step_mut(step).seconds += elapsed;
                    self.save()?;
                    p.say(&format!(
                        "\nInput ended: session saved as unfinished in {}; {}",
                        self.path.display(),
                        self.resume_hint()
                    ));
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
            Command::Help => p.say(HELP),
            Command::Time => {
                let t = &self.transcript;
                let used = t.step(step).seconds + elapsed;
                p.say(&format!(
                    "Time: {} on this step (budget {}), {} in all (of {}).",
                    clock(used),
                    clock(t.budget_secs(step)),
                    clock(t.seconds() + elapsed),
                    clock(u64::from(t.minutes) * 60)
                ));
            }
            Command::Hint => {
                let ladder = self
                    .problem
                    .hints
                    .get(step.as_str())
                    .cloned()
                    .unwrap_or_default();
                let used = self.transcript.step(step).hints.len();
                match ladder.get(used) {
                    Some(h) => {
                        p.say(&format!("Hint {}/{}: {h}", used + 1, ladder.len()));
                        self.transcript.step_mut(step).hints.push(h.clone());
                        self.save()?;
                    }
                    None => {
                        p.say("No more hints for this step: write what you can and end with `.`.")
                    }
                }
            }
            Command::Skip => {
                let draft = p.draft();
                p.set_draft(String::new());
                let rec = self.transcript.step_mut(step);
                if !draft.trim().is_empty() {
                    rec.answer.push_str(draft.trim_end());
                }
                rec.seconds += elapsed;
                rec.skipped = true;
                rec.done = true;
                self.save()?;
                p.say("Skipped.");
            }
            Command::Edit => {
                let dir = self.store.dir.clone();
                match editor::edit(&p.draft(), &dir) {
                    Ok(text) => {
                        p.say("Answer updated from the editor; add more or end with `.`.");
                        p.set_draft(text);
                    }
                    Err(msg) => p.say(&format!("Cannot edit: {msg}")),
                }
            }
            Command::Quit => {
                self.transcript.step_mut(step).seconds += elapsed;
                self.save()?;
                p.say(&format!(
                    "Saved in {}; {}",
                    self.path.display(),
                    self.resume_hint()
                ));
                return Ok(Some(Outcome::Quit));
            }
        }
        Ok(None)
    }

    /// Asks what an interviewer would ask after the answer.
    fn follow_ups(&mut self, step: StepId, p: &mut dyn Prompter) -> Result<Option<Outcome>> {
        let asks: Vec<(String, Option<String>)> = match step {
            StepId::Estimation => {
                let text = self.transcript.step(step).answer.clone();
                let weights: Vec<(String, f64)> = self
                    .problem
                    .estimates
                    .iter()
                    .filter(|e| e.key)
                    .map(|e| (e.id.clone(), 1.0))
                    .collect();
                compare_estimates(&text, self.problem, &weights)
                    .into_iter()
                    .filter(|r| r.verdict == EstimateVerdict::Missing)
                    .take(MAX_FIGURE_ASKS)
                    .map(|r| (format!("I don't see your figure for {}. What is it, and how did you get it?", r.label.to_lowercase()), None))
                    .collect()
            }
            StepId::DeepDive => {
                let probes = self
                    .problem
                    .probes
                    .get(step.as_str())
                    .map(Vec::as_slice)
                    .unwrap_or(&[]);
                choose_probes(probes, self.transcript.seed)
                    .into_iter()
                    .map(|pr| (pr.ask.clone(), pr.question.clone()))
                    .collect()
            }
            _ => Vec::new(),
        };
        let already = self.transcript.step(step).probes.len();
        for (ask, question) in asks.into_iter().skip(already) {
            p.say(&format!("Interviewer: {ask}"));
            let mut started = self.clock.now();
            loop {
                let event = p.next(false)?;
                let now = self.clock.now();
                let elapsed = (now - started).num_seconds().max(0) as u64;
                match event {
                    Event::Answer(reply) => {
                        let rec = self.transcript.step_mut(step);
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
                        self.save()?;
                        break;
                    }
                    Event::Question(_) => {}
                    Event::Command(Command::Skip) => {
                        let rec = self.transcript.step_mut(step);
                        rec.probes.push(ProbeReply {
                            ask: ask.clone(),
                            question: question.clone(),
                            reply: String::new(),
                        });
                        rec.seconds += elapsed;
                        self.save()?;
                        p.say("Skipped.");
                        break;
                    }
                    Event::Command(cmd) => {
                        if let Some(outcome) = self.command(cmd, step, elapsed, p)? {
                            return Ok(Some(outcome));
                        }
                        self.transcript.step_mut(step).seconds += elapsed;
                        started = now;
                    }
                    Event::Eof => {
                        self.transcript.step_mut(step).seconds += elapsed;
                        self.save()?;
                        p.say(&format!(
                            "\nInput ended: session saved as unfinished in {}; {}",
                            self.path.display(),
                            self.resume_hint()
                        ));
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
