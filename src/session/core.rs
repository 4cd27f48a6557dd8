//! What solo practice and peer interviews share: the session on disk, the
//! clock, hints and the editor, and the one way a step ends, a session is
//! saved, quit or cut short by the end of input.

use super::clock::Clock;
use super::editor;
use super::prompter::Prompter;
use super::start::{command_of, Invocation};
use crate::catalog::{Catalog, Hint, Lexicon, Problem, Rubric, Topic};
use crate::framework::{clock, StepId};
use crate::grading::score_topics_in;
use crate::grading::text::sentences;
use crate::transcript::{Mode, Store, Transcript};
use crate::Result;
use chrono::{DateTime, FixedOffset};
use std::path::PathBuf;

/// What `:hint` gives.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NextHint {
    /// Rung `number` of `of`.
    Rung {
        number: usize,
        of: usize,
        text: String,
    },
    /// The rungs left point at what the candidate has already covered.
    Covered,
    /// The ladder is used up.
    None,
}

/// Topic ids of a step that the text covers at all.
pub fn covered_topics(
    concepts: &Lexicon,
    rubric: &Rubric,
    step: StepId,
    text: &str,
) -> Result<Vec<String>> {
    if text.trim().is_empty() {
        return Ok(Vec::new());
    }
    let topics: Vec<&Topic> = rubric
        .steps
        .get(step.as_str())
        .map(|s| s.topics.iter().collect())
        .unwrap_or_default();
    let file = format!("rubrics/{}.yaml", rubric.problem);
    let (_, hits, _) = score_topics_in(concepts, &topics, text, &sentences(text), &file)?;
    Ok(hits.into_iter().map(|h| h.topic).collect())
}

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
    pub fn hint_ladder(&self, step: StepId) -> &[Hint] {
        self.problem
            .hints
            .get(step.as_str())
            .map(Vec::as_slice)
            .unwrap_or(&[])
    }

    /// The next rung of a step's ladder that still helps: rungs already
    /// given, and rungs that point only at topics `so_far` (the candidate's
    /// work on the step) already covers, are passed over. The rung given is
    /// recorded (it costs a little score).
    pub fn next_hint(&mut self, step: StepId, so_far: &str) -> Result<NextHint> {
        let ladder = self.hint_ladder(step).to_vec();
        let given = self.transcript.step(step).hints.clone();
        let rubric = self.catalog.rubric(&self.problem.id)?;
        let covered = covered_topics(&self.catalog.concepts, rubric, step, so_far)?;
        let mut skipped = 0;
        for (i, rung) in ladder.iter().enumerate() {
            if given.contains(&rung.text) {
                continue;
            }
            if !rung.topics.is_empty() && rung.topics.iter().all(|t| covered.contains(t)) {
                skipped += 1;
                continue;
            }
            self.transcript.step_mut(step).hints.push(rung.text.clone());
            self.save()?;
            return Ok(NextHint::Rung {
                number: i + 1,
                of: ladder.len(),
                text: rung.text.clone(),
            });
        }
        Ok(if skipped > 0 {
            NextHint::Covered
        } else {
            NextHint::None
        })
    }

    /// What the candidate has done in a step so far: the questions asked,
    /// the answer saved and the text being typed.
    pub fn work_so_far(&self, step: StepId, typing: &str) -> String {
        let rec = self.transcript.step(step);
        let mut text: Vec<&str> = rec.questions.iter().map(|q| q.question.as_str()).collect();
        text.push(&rec.answer);
        text.push(typing);
        text.join("\n")
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
