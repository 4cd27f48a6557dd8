//! Peer interviewer mode: the interviewer's script over the same steps and
//! transcript as solo practice. Per step it shows the opening line, the
//! clock, the fact sheet, the probes and the hint ladder; then reads the
//! interviewer's lines (notes, `?` questions, `:` commands, the candidate's
//! typed answer) until `:next`, when the topic and flag checklists are
//! ticked. The scorecard follows the last step. Talks only through a
//! [`Prompter`] and saves after every change.

mod checklist;
mod rating;
mod script;
#[cfg(test)]
mod tests;

use super::commands::{self, help, Command, Parsed};
use super::core::{Core, NextHint};
use super::prompter::Prompter;
use crate::catalog::{Rubric, Topic};
use crate::framework::StepId;
use crate::grading::scorecard::{scorecard, Scorecard};
use crate::transcript::{Mode, PeerSession, PeerStep, SavedGrade};
use crate::Result;

/// How a peer session ended.
#[derive(Debug)]
pub enum PeerOutcome {
    /// All steps and the scorecard done; the transcript is finished.
    Finished(Box<Scorecard>),
    /// `:quit`: saved, resumable.
    Quit,
    /// Input ended: saved as unfinished.
    Eof,
}

/// One line the interviewer typed.
#[derive(Debug, PartialEq)]
enum Input {
    /// A line holding only `.`.
    Dot,
    /// `?text`: a question the candidate asked.
    Ask(String),
    /// A `:` command with the rest of its line.
    Command(Command, String),
    /// `:name` that peer mode does not know.
    Unknown(String),
    Text(String),
}

fn parse_input(line: &str) -> Input {
    let t = line.trim();
    if t == "." {
        return Input::Dot;
    }
    if let Some(q) = t.strip_prefix('?') {
        if !q.trim().is_empty() {
            return Input::Ask(q.trim().to_string());
        }
    }
    match commands::parse(t, Mode::Peer) {
        Some(Parsed::Command(c, arg)) => Input::Command(c, arg),
        Some(Parsed::Unknown(name)) => Input::Unknown(name),
        None => Input::Text(line.trim_end_matches(['\n', '\r']).to_string()),
    }
}

/// What a step's loop ended with.
enum StepEnd {
    Checklist,
    Skip,
    Stop(PeerOutcome),
}

/// A peer interview session.
pub struct Interview<'a> {
    pub core: Core<'a>,
    pub rubric: &'a Rubric,
}

impl Interview<'_> {
    fn peer_step(&mut self, step: StepId) -> &mut PeerStep {
        self.core
            .transcript
            .step_mut(step)
            .peer
            .get_or_insert_with(PeerStep::default)
    }

    fn session(&mut self) -> &mut PeerSession {
        self.core
            .transcript
            .peer
            .get_or_insert_with(PeerSession::default)
    }

    fn topics(&self, step: StepId) -> &[Topic] {
        self.rubric
            .steps
            .get(step.as_str())
            .map(|s| s.topics.as_slice())
            .unwrap_or(&[])
    }

    /// Runs the session from the first step not yet done, then the scorecard.
    pub fn run(&mut self, p: &mut dyn Prompter) -> Result<PeerOutcome> {
        self.session();
        let who = self
            .core
            .transcript
            .peer
            .as_ref()
            .and_then(|s| s.candidate.clone())
            .map(|c| format!(" with {c}"))
            .unwrap_or_default();
        p.say(&format!(
            "Peer interview{who}: {} ({})\n\
             You are the interviewer: the candidate talks or draws, this screen is yours.\n\
             For each step read the opening line aloud, reveal a fact only when they ask for it,\n\
             offer a hint only when they are stuck, note what you see, then tick the checklist.\n\n{}",
            self.core.problem.title,
            self.core.problem.id,
            help(Mode::Peer)
        ));
        while let Some(step) = self.core.transcript.next_step() {
            if let Some(outcome) = self.run_step(step, p)? {
                return Ok(outcome);
            }
        }
        if let Some(outcome) = self.rate(p)? {
            return Ok(outcome);
        }
        let core = &mut self.core;
        let input = core.transcript.scorecard_input();
        let card = scorecard(core.catalog, core.problem, self.rubric, &input);
        core.transcript.grade = Some(SavedGrade::from_scorecard(&card, core.clock.now()));
        core.transcript.finished = true;
        core.save()?;
        Ok(PeerOutcome::Finished(Box::new(card)))
    }

    /// Runs one step; `Some` ends the session.
    fn run_step(&mut self, step: StepId, p: &mut dyn Prompter) -> Result<Option<PeerOutcome>> {
        self.peer_step(step);
        self.introduce(step, p);
        match self.step_loop(step, p)? {
            StepEnd::Stop(outcome) => Ok(Some(outcome)),
            StepEnd::Skip => {
                self.core.skip_step(step, p)?;
                Ok(None)
            }
            StepEnd::Checklist => self.checklists(step, p),
        }
    }

    /// Adds a finished block to the notes or the typed answer and saves.
    fn commit(
        &mut self,
        step: StepId,
        block: &mut Vec<String>,
        answering: bool,
        p: &mut dyn Prompter,
    ) -> Result<()> {
        if block.is_empty() {
            return Ok(());
        }
        let text = block.join("\n");
        block.clear();
        if answering {
            let rec = self.core.transcript.step_mut(step);
            if !rec.answer.is_empty() {
                rec.answer.push('\n');
            }
            rec.answer.push_str(text.trim_end());
            self.core.save()?;
            let hits = self.answer_hits(step)?;
            if hits.is_empty() {
                p.say("Answer saved; it matches none of this step's topics yet.");
            } else {
                let labels: Vec<String> = hits.iter().map(|h| h.label.clone()).collect();
                p.say(&format!(
                    "Answer saved; it covers (pre-ticked in the checklist): {}",
                    labels.join("; ")
                ));
            }
        } else {
            let notes = &mut self.peer_step(step).notes;
            if !notes.is_empty() {
                notes.push('\n');
            }
            notes.push_str(text.trim_end());
            self.core.save()?;
            p.say("Notes saved.");
        }
        Ok(())
    }

    fn step_loop(&mut self, step: StepId, p: &mut dyn Prompter) -> Result<StepEnd> {
        let mut started = self.core.clock.now();
        let mut block: Vec<String> = Vec::new();
        let mut answering = false;
        // The next block is the reply to a curveball just thrown.
        let mut curveball = false;
        loop {
            let line = p.line("")?;
            let (elapsed, now) = self.core.since(started);
            self.core.transcript.step_mut(step).seconds += elapsed;
            started = now;
            let Some(line) = line else {
                // Keep what was typed: input ended, the block would be lost.
                if curveball {
                    self.curveball_reply(&mut block, p)?;
                }
                self.commit(step, &mut block, answering, p)?;
                self.core.end_of_input(p)?;
                return Ok(StepEnd::Stop(PeerOutcome::Eof));
            };
            let command = match parse_input(&line) {
                Input::Dot if block.is_empty() && !answering => return Ok(StepEnd::Checklist),
                Input::Dot if curveball => {
                    self.curveball_reply(&mut block, p)?;
                    curveball = false;
                    continue;
                }
                Input::Dot => {
                    self.commit(step, &mut block, answering, p)?;
                    answering = false;
                    continue;
                }
                Input::Text(t) => {
                    block.push(t);
                    continue;
                }
                Input::Ask(q) => {
                    self.ask(step, &q, p)?;
                    continue;
                }
                Input::Unknown(name) => {
                    p.say(&format!(
                        "Unknown command `:{name}`; `:help` lists the commands."
                    ));
                    continue;
                }
                Input::Command(c, arg) => (c, arg),
            };
            match command {
                (Command::Next, _) => {
                    self.commit(step, &mut block, answering, p)?;
                    return Ok(StepEnd::Checklist);
                }
                (Command::Skip, _) => {
                    self.commit(step, &mut block, answering, p)?;
                    return Ok(StepEnd::Skip);
                }
                (Command::Quit, _) => {
                    self.commit(step, &mut block, answering, p)?;
                    self.core.quit(p)?;
                    return Ok(StepEnd::Stop(PeerOutcome::Quit));
                }
                (Command::Answer, _) => {
                    self.commit(step, &mut block, answering, p)?;
                    answering = true;
                    p.say("Type or paste the candidate's answer; end it with a line holding only `.`.");
                }
                (Command::Reveal, arg) => self.reveal_number(step, &arg, p)?,
                (Command::Curveball, arg) => {
                    self.commit(step, &mut block, answering, p)?;
                    answering = false;
                    curveball = self.throw_curveball(&arg, p)?;
                }
                (Command::Hint, _) => {
                    let so_far = self.core.work_so_far(step, &block.join("\n"));
                    match self.core.next_hint(step, &so_far)? {
                        NextHint::Rung { number, of, text } => {
                            p.say(&format!("Hint {number}/{of} (offer it): \"{text}\""))
                        }
                        NextHint::Covered => p.say(
                            "The remaining hints point at what they have already covered: no hint needed.",
                        ),
                        NextHint::None => p.say(
                            "No more hints for this step: let them state an assumption and move on.",
                        ),
                    }
                }
                (Command::Facts, _) => p.say(&self.fact_sheet(true)),
                (Command::Probes, _) => {
                    let covered = self.covered(step)?;
                    p.say(&self.probes_text(step, &covered));
                }
                (Command::Time, _) => p.say(&self.core.clock_line(step, 0)),
                (Command::Edit, _) => self.edit(step, &mut block, answering, p)?,
                (Command::Diagram, _) => {
                    self.commit(step, &mut block, answering, p)?;
                    answering = false;
                    self.diagram(step, p)?;
                }
                (Command::Help, _) => p.say(&help(Mode::Peer)),
            }
        }
    }

    /// `:diagram`: the candidate's drawing typed in the editor (their
    /// last Mermaid block of this step, else the template), saved as part of
    /// their answer; says what was read and the anti-patterns it shows.
    fn diagram(&mut self, step: StepId, p: &mut dyn Prompter) -> Result<()> {
        let answer = self.core.transcript.step(step).answer.clone();
        let drawing = match self.core.edit(crate::diagram::drawing_to_edit(&answer)) {
            Ok(text) => text,
            Err(msg) => {
                p.say(&format!("Cannot edit: {msg}"));
                return Ok(());
            }
        };
        let d = crate::diagram::read_one(&drawing);
        if d.edges.is_empty() && d.issues.is_empty() {
            p.say("No arrows drawn: their answer is unchanged.");
            return Ok(());
        }
        self.core.transcript.step_mut(step).answer =
            crate::diagram::with_drawing(&answer, &drawing);
        self.core.save()?;
        let found: Vec<_> = crate::diagram::check(&d, &self.rubric.structure, &drawing)
            .into_iter()
            .filter(|r| !r.ok && r.kind == crate::diagram::CheckKind::AntiPattern)
            .collect();
        p.say(&crate::report::diagram_read_back(&d, &found));
        let labels: Vec<String> = self
            .answer_hits(step)?
            .into_iter()
            .map(|h| h.label)
            .collect();
        if !labels.is_empty() {
            p.say(&format!(
                "Saved with their answer; it covers (pre-ticked in the checklist): {}",
                labels.join("; ")
            ));
        }
        Ok(())
    }

    fn edit(
        &mut self,
        step: StepId,
        block: &mut Vec<String>,
        answering: bool,
        p: &mut dyn Prompter,
    ) -> Result<()> {
        if answering {
            match self.core.edit(&block.join("\n")) {
                Ok(text) => {
                    *block = text.lines().map(str::to_string).collect();
                    p.say("Answer updated from the editor; end it with `.`.");
                }
                Err(msg) => p.say(&format!("Cannot edit: {msg}")),
            }
            return Ok(());
        }
        let mut notes = self.peer_step(step).notes.clone();
        if !block.is_empty() {
            if !notes.is_empty() {
                notes.push('\n');
            }
            notes.push_str(&block.join("\n"));
        }
        match self.core.edit(&notes) {
            Ok(text) => {
                block.clear();
                self.peer_step(step).notes = text;
                self.core.save()?;
                p.say("Notes updated from the editor.");
            }
            Err(msg) => p.say(&format!("Cannot edit: {msg}")),
        }
        Ok(())
    }
}
