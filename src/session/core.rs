//! What solo practice and peer interviews share: the session on disk, the
//! clock, hints and the editor, and the one way a step ends, a session is
//! saved, quit or cut short by the end of input.

use super::clock::Clock;
use super::editor;
use super::prompter::Prompter;
use super::start::{command_of, Invocation};
use crate::catalog::{Catalog, Problem};
use crate::framework::{clock, StepId};
use crate::transcript::{Mode, Store, Transcript};
use crate::Result;
use chrono::{DateTime, FixedOffset};
use std::path::PathBuf;

/// The state every session engine runs on.
pub struct Core<'a> {
    pub catalog: &'a Catalog,
    pub problem: &'a Problem,
    pub transcript: Transcript,
    /// Where the transcript is saved.
    pub path: PathBuf,
    pub store: Store,
    pub clock: &'a dyn Clock,
    /// How the program was started, for the resume hint.
    pub how: Invocation,
}

impl Core<'_> {
    /// Saves the transcript with the time of this change.
    pub fn save(&mut self) -> Result<()> {
        self.transcript.updated = self.clock.now();
        self.store.save(&self.path, &self.transcript)
    }

    /// The command that continues this session.
    pub fn resume_command(&self) -> String {
        self.how.command(&format!(
            "{} --resume {}",
            command_of(self.transcript.mode),
            self.path.display()
        ))
    }

    /// Seconds since `start` (never negative) and the time now.
    pub fn since(&self, start: DateTime<FixedOffset>) -> (u64, DateTime<FixedOffset>) {
        let now = self.clock.now();
        ((now - start).num_seconds().max(0) as u64, now)
    }

    /// `:quit`: saves and says how to come back.
    pub fn quit(&mut self, p: &mut dyn Prompter) -> Result<()> {
        self.save()?;
        p.say(&format!(
            "Saved in {}; resume with: {}",
            self.path.display(),
            self.resume_command()
        ));
        Ok(())
    }

    /// Input ended: saves as unfinished and says how to resume. A session
    /// in which nothing was recorded is not kept: its file is removed, so
    /// `practice < /dev/null` leaves no empty session in the history.
    pub fn end_of_input(&mut self, p: &mut dyn Prompter) -> Result<()> {
        if self.transcript.is_blank() {
            self.store.discard(&self.path)?;
            p.say("\nInput ended before any answer: nothing saved.");
            return Ok(());
        }
        self.save()?;
        p.say(&format!(
            "\nInput ended: session saved as unfinished in {}; resume with: {}",
            self.path.display(),
            self.resume_command()
        ));
        Ok(())
    }

    /// Marks a step done, saves, and points out time over its budget.
    pub fn finish_step(&mut self, step: StepId, p: &mut dyn Prompter) -> Result<()> {
        let over = self.transcript.finish_step(step);
        self.save()?;
        if let Some((over, budget)) = over {
            let advice = match self.transcript.mode {
                Mode::Solo => "Keep an eye on the clock.",
                Mode::Peer => "Move the candidate on sooner in the next one.",
            };
            p.say(&format!(
                "Time: {} over the {} budget for this step. {advice}",
                clock(over),
                clock(budget)
            ));
        }
        Ok(())
    }

    /// A step skipped: marks it and saves.
    pub fn skip_step(&mut self, step: StepId, p: &mut dyn Prompter) -> Result<()> {
        let rec = self.transcript.step_mut(step);
        rec.skipped = true;
        rec.done = true;
        self.save()?;
        p.say("Skipped.");
        Ok(())
    }

    /// The step's hint ladder from the problem file.
    pub fn hint_ladder(&self, step: StepId) -> &[String] {
        self.problem
            .hints
            .get(step.as_str())
            .map(Vec::as_slice)
            .unwrap_or(&[])
    }

    /// Records and returns the next hint of a step as (number, rungs, text);
    /// `None` when the ladder is used up.
    pub fn next_hint(&mut self, step: StepId) -> Result<Option<(usize, usize, String)>> {
        let ladder = self.hint_ladder(step);
        let used = self.transcript.step(step).hints.len();
        let Some(hint) = ladder.get(used).cloned() else {
            return Ok(None);
        };
        let rungs = ladder.len();
        self.transcript.step_mut(step).hints.push(hint.clone());
        self.save()?;
        Ok(Some((used + 1, rungs, hint)))
    }

    /// Opens the editor on `text`; the edited text, or why it could not.
    pub fn edit(&self, text: &str) -> std::result::Result<String, String> {
        editor::edit(text, &self.store.dir)
    }

    /// The clock for a step: this step and overall, against the budgets.
    pub fn clock_line(&self, step: StepId, extra: u64) -> String {
        let t = &self.transcript;
        format!(
            "Time: {} on this step (budget {}), {} in all (of {}).",
            clock(t.step(step).seconds.saturating_add(extra)),
            clock(t.budget_secs(step)),
            clock(t.seconds().saturating_add(extra)),
            clock(u64::from(t.minutes) * 60)
        )
    }
}
