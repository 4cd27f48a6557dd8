//! Peer interviewer mode: the interviewer's script over the same steps and
//! transcript as solo practice. Per step it shows the opening line, the
//! clock, the fact sheet, the probes and the hint ladder; then reads the
//! interviewer's lines (notes, `?` questions, `:` commands, the candidate's
//! typed answer) until `:next`, when the topic and flag checklists are
//! ticked. The scorecard follows the last step. Talks only through a
//! [`Prompter`] and saves after every change.

#[cfg(test)]
mod tests;

use super::clock::Clock;
use super::editor;
use super::prompter::Prompter;
use crate::catalog::{Catalog, Problem, Rubric, Topic};
use crate::framework::clock;
use crate::framework::StepId;
use crate::grading::facts::match_fact;
use crate::grading::scorecard::{scorecard, Scorecard, DIMENSIONS};
use crate::grading::text::sentences;
use crate::grading::{score_topics, step_flags, Band, TopicHit};
use crate::transcript::{Exchange, PeerSession, PeerStep, Rating, SavedGrade, Store, Transcript};
use crate::Result;
use std::path::PathBuf;

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

/// Commands of peer mode, shown at the start and by `:help`.
pub const PEER_HELP: &str = "\
Type notes on as many lines as you like; a line holding only `.` saves them.
  ?their question  find the fact that answers it, mark it revealed, show what to say
  :reveal N        mark fact N of the fact sheet revealed
  :hint            the next hint of the ladder, to offer when they are stuck (recorded)
  :answer          the next block, up to a `.` line, is the candidate's typed answer:
                   it is graded and pre-ticks the checklist
  :next            (or `.` on an empty block) tick the checklist, then the flags, then go on
  :facts :probes :time  show the fact sheet, the probes, the clock again
  :edit            edit this step's notes in $VISUAL/$EDITOR
  :skip            skip the step    :quit  save and leave (resume with --resume)    :help";

/// Steps whose fact sheet is shown: the candidate asks questions there.
const FACT_STEPS: [StepId; 3] = [
    StepId::Requirements,
    StepId::Functional,
    StepId::NonFunctional,
];

/// What the interviewer says to open a step (the first uses the problem's prompt).
fn opening(step: StepId) -> &'static str {
    match step {
        StepId::Requirements => "",
        StepId::Functional => "What should the system do? Which features are in scope for today, and which are out?",
        StepId::NonFunctional => "What qualities does it need: scale, latency, availability, consistency? Give me targets.",
        StepId::Estimation => "Let's size it. Roughly how many requests per second, and how much storage and bandwidth?",
        StepId::HighLevel => "Sketch the high-level design: the main components and how a request flows through them.",
        StepId::DeepDive => "Let's go deeper into the core of it. Pick the hardest part and walk me through it.",
        StepId::Bottlenecks => "Where does this break first as it grows, and what would you do about it?",
    }
}

/// One line the interviewer typed.
#[derive(Debug, PartialEq)]
enum Input {
    /// A line holding only `.`.
    Dot,
    /// `?text`: a question the candidate asked.
    Ask(String),
    /// `:name arg`.
    Command(String, String),
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
    if let Some(c) = t.strip_prefix(':') {
        let mut parts = c.splitn(2, char::is_whitespace);
        let name = parts.next().unwrap_or("").to_ascii_lowercase();
        if !name.is_empty() && name.chars().all(|ch| ch.is_ascii_alphabetic() || ch == '?') {
            return Input::Command(name, parts.next().unwrap_or("").trim().to_string());
        }
    }
    Input::Text(line.trim_end_matches(['\n', '\r']).to_string())
}

/// What a step's loop ended with.
enum StepEnd {
    Checklist,
    Skip,
    Stop(PeerOutcome),
}

/// A peer interview session.
pub struct Interview<'a> {
    pub catalog: &'a Catalog,
    pub problem: &'a Problem,
    pub rubric: &'a Rubric,
    pub transcript: Transcript,
    pub path: PathBuf,
    pub store: Store,
    pub clock: &'a dyn Clock,
}

impl Interview<'_> {
    fn save(&mut self) -> Result<()> {
        self.transcript.updated = self.clock.now();
        self.store.save(&self.path, &self.transcript)
    }

    fn resume_hint(&self) -> String {
        format!(
            "resume with: sdcoach interview --resume {}",
            self.path.display()
        )
    }

    fn peer_step(&mut self, step: StepId) -> &mut PeerStep {
        self.transcript
            .step_mut(step)
            .peer
            .get_or_insert_with(PeerStep::default)
    }

    fn session(&mut self) -> &mut PeerSession {
        self.transcript
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

    /// Topics the candidate's typed answer for the step covers.
    fn answer_hits(&self, step: StepId) -> Result<Vec<TopicHit>> {
        let text = &self.transcript.step(step).answer;
        if text.trim().is_empty() {
            return Ok(Vec::new());
        }
        let topics: Vec<&Topic> = self.topics(step).iter().collect();
        let file = format!("rubrics/{}.yaml", self.problem.id);
        let (_, hits, _) = score_topics(&topics, text, &sentences(text), &file)?;
        Ok(hits)
    }

    /// Runs the session from the first step not yet done, then the scorecard.
    pub fn run(&mut self, p: &mut dyn Prompter) -> Result<PeerOutcome> {
        self.session();
        let who = self
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
             offer a hint only when they are stuck, note what you see, then tick the checklist.\n\n{PEER_HELP}",
            self.problem.title, self.problem.id
        ));
        while let Some(step) = self.transcript.next_step() {
            if let Some(outcome) = self.run_step(step, p)? {
                return Ok(outcome);
            }
        }
        if let Some(outcome) = self.rate(p)? {
            return Ok(outcome);
        }
        let input = self.transcript.scorecard_input();
        let card = scorecard(self.catalog, self.problem, self.rubric, &input);
        self.transcript.grade = Some(SavedGrade::from_scorecard(&card, self.clock.now()));
        self.transcript.finished = true;
        self.save()?;
        Ok(PeerOutcome::Finished(Box::new(card)))
    }

    fn clock_line(&self, step: StepId, extra: u64) -> String {
        let t = &self.transcript;
        format!(
            "Clock: this step {} of {}; overall {} of {}",
            clock(t.step(step).seconds + extra),
            clock(t.budget_secs(step)),
            clock(t.seconds() + extra),
            clock(u64::from(t.minutes) * 60)
        )
    }

    fn fact_sheet(&self, all: bool) -> String {
        let revealed = self.transcript.revealed_facts();
        let mut out = String::from(
            "Fact sheet: reveal a fact only when they ask (`?their question` or `:reveal N`); * = key fact",
        );
        let mut hidden = 0;
        for (i, f) in self.problem.facts.iter().enumerate() {
            let done = revealed.contains(&f.id);
            if done && !all {
                hidden += 1;
                continue;
            }
            let asks: Vec<String> = f.asks.iter().take(3).map(|a| format!("\"{a}\"")).collect();
            out.push_str(&format!(
                "\n  [{}] {:>2}. {}{} — unlocked by: {}",
                if done { "x" } else { " " },
                i + 1,
                f.topic,
                if f.key { "*" } else { "" },
                asks.join(", "),
            ));
            // The full sheet reads ahead what to say; later steps stay short.
            if all {
                out.push_str(&format!("\n         say: {}", f.answer.trim()));
            }
        }
        if hidden > 0 {
            out.push_str(&format!(
                "\n  ({hidden} already revealed; `:facts` shows them all)"
            ));
        }
        out
    }

    fn probes_text(&self, step: StepId, covered: &[String]) -> String {
        let probes = self
            .problem
            .probes
            .get(step.as_str())
            .map(Vec::as_slice)
            .unwrap_or(&[]);
        let mut out = String::new();
        let label = |id: &String| {
            self.topics(step)
                .iter()
                .find(|t| &t.id == id)
                .map_or(id.clone(), |t| t.label.clone())
        };
        for pr in probes {
            let open: Vec<String> = pr
                .topics
                .iter()
                .filter(|t| !covered.contains(t))
                .map(label)
                .collect();
            if !pr.topics.is_empty() && open.is_empty() {
                continue;
            }
            if open.is_empty() {
                out.push_str(&format!("\n  - Ask: \"{}\"", pr.ask));
            } else {
                out.push_str(&format!(
                    "\n  - If they have not covered {}: ask \"{}\"",
                    open.join("; "),
                    pr.ask
                ));
            }
        }
        if out.is_empty() {
            "Probes: none left for this step.".to_string()
        } else {
            format!("Probes (ask only what they have not covered):{out}")
        }
    }

    fn hint_ladder(&self, step: StepId) -> &[String] {
        self.problem
            .hints
            .get(step.as_str())
            .map(Vec::as_slice)
            .unwrap_or(&[])
    }

    /// Shows the step's script.
    fn introduce(&self, step: StepId, p: &mut dyn Prompter) {
        let info = step.info();
        p.say(&format!(
            "\n== Step {}/7: {}\n{}",
            step.index() + 1,
            info.title,
            info.covers
        ));
        if self.transcript.timer {
            p.say(&self.clock_line(step, 0));
        }
        let say = match step {
            StepId::Requirements => self.problem.prompt.trim(),
            other => opening(other),
        };
        p.say(&format!("Say: \"{say}\""));
        if FACT_STEPS.contains(&step) {
            p.say(&self.fact_sheet(step == StepId::Requirements));
        }
        let covered: Vec<String> = self
            .transcript
            .step(step)
            .peer
            .as_ref()
            .map(|s| s.ticked.clone())
            .unwrap_or_default();
        p.say(&self.probes_text(step, &covered));
        let ladder = self.hint_ladder(step).len();
        let used = self.transcript.step(step).hints.len();
        if ladder > 0 {
            p.say(&format!(
                "Hints: {} of {ladder} left; `:hint` shows the next one to offer when they are stuck.",
                ladder.saturating_sub(used)
            ));
        }
        p.say("Notes: type lines, `.` saves them; `:answer` to paste their typed answer; `:next` when the step is done.");
    }

    /// Runs one step; `Some` ends the session.
    fn run_step(&mut self, step: StepId, p: &mut dyn Prompter) -> Result<Option<PeerOutcome>> {
        self.peer_step(step);
        self.introduce(step, p);
        match self.step_loop(step, p)? {
            StepEnd::Stop(outcome) => Ok(Some(outcome)),
            StepEnd::Skip => {
                let rec = self.transcript.step_mut(step);
                rec.skipped = true;
                rec.done = true;
                self.save()?;
                p.say("Skipped.");
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
            let rec = self.transcript.step_mut(step);
            if !rec.answer.is_empty() {
                rec.answer.push('\n');
            }
            rec.answer.push_str(text.trim_end());
            self.save()?;
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
            self.save()?;
            p.say("Notes saved.");
        }
        Ok(())
    }

    fn step_loop(&mut self, step: StepId, p: &mut dyn Prompter) -> Result<StepEnd> {
        let mut started = self.clock.now();
        let mut block: Vec<String> = Vec::new();
        let mut answering = false;
        loop {
            let line = p.line("")?;
            let now = self.clock.now();
            self.transcript.step_mut(step).seconds += (now - started).num_seconds().max(0) as u64;
            started = now;
            let Some(line) = line else {
                // Keep what was typed: input ended, the block would be lost.
                self.commit(step, &mut block, answering, p)?;
                self.save()?;
                p.say(&format!(
                    "\nInput ended: session saved as unfinished in {}; {}",
                    self.path.display(),
                    self.resume_hint()
                ));
                return Ok(StepEnd::Stop(PeerOutcome::Eof));
            };
            match parse_input(&line) {
                Input::Dot if block.is_empty() && !answering => return Ok(StepEnd::Checklist),
                Input::Dot => {
                    self.commit(step, &mut block, answering, p)?;
                    answering = false;
                }
                Input::Text(t) => block.push(t),
                Input::Ask(q) => self.ask(step, &q, p)?,
                Input::Command(name, arg) => match name.as_str() {
                    "next" | "n" => {
                        self.commit(step, &mut block, answering, p)?;
                        return Ok(StepEnd::Checklist);
                    }
                    "skip" | "s" => {
                        self.commit(step, &mut block, answering, p)?;
                        return Ok(StepEnd::Skip);
                    }
                    "quit" | "q" => {
                        self.commit(step, &mut block, answering, p)?;
                        self.save()?;
                        p.say(&format!(
                            "Saved in {}; {}",
                            self.path.display(),
                            self.resume_hint()
                        ));
                        return Ok(StepEnd::Stop(PeerOutcome::Quit));
                    }
                    "answer" | "a" => {
                        self.commit(step, &mut block, answering, p)?;
                        answering = true;
                        p.say("Type or paste the candidate's answer; end it with a line holding only `.`.");
                    }
                    "reveal" | "r" => self.reveal_number(step, &arg, p)?,
                    "hint" | "h" => self.hint(step, p)?,
                    "facts" | "f" => p.say(&self.fact_sheet(true)),
                    "probes" | "p" => {
                        let mut covered: Vec<String> = self
                            .answer_hits(step)?
                            .into_iter()
                            .map(|h| h.topic)
                            .collect();
                        if let Some(s) = &self.transcript.step(step).peer {
                            covered.extend(s.ticked.iter().cloned());
                        }
                        p.say(&self.probes_text(step, &covered));
                    }
                    "time" | "t" => p.say(&self.clock_line(step, 0)),
                    "edit" | "e" => self.edit(step, &mut block, answering, p)?,
                    "help" | "?" => p.say(PEER_HELP),
                    other => p.say(&format!(
                        "Unknown command `:{other}`; `:help` lists the commands."
                    )),
                },
            }
        }
    }

    fn reveal(
        &mut self,
        step: StepId,
        index: usize,
        question: Option<&str>,
        p: &mut dyn Prompter,
    ) -> Result<()> {
        let Some(f) = self.problem.facts.get(index) else {
            return Ok(());
        };
        let (id, answer) = (f.id.clone(), f.answer.trim().to_string());
        p.say(&format!(
            "Fact {}. {} — say: \"{answer}\"",
            index + 1,
            f.topic
        ));
        if let Some(q) = question {
            self.transcript.step_mut(step).questions.push(Exchange {
                question: q.to_string(),
                answer,
                fact: Some(id.clone()),
            });
        }
        let revealed = &mut self.peer_step(step).revealed;
        if !revealed.contains(&id) {
            revealed.push(id);
        }
        self.save()
    }

    fn ask(&mut self, step: StepId, q: &str, p: &mut dyn Prompter) -> Result<()> {
        let found = match_fact(q, &self.problem.facts)
            .and_then(|f| self.problem.facts.iter().position(|x| x.id == f.id));
        match found {
            Some(i) => self.reveal(step, i, Some(q), p),
            None => {
                p.say("No fact answers that: say \"That's your call: state an assumption and move on.\" (or `:reveal N` from the fact sheet)");
                Ok(())
            }
        }
    }

    fn reveal_number(&mut self, step: StepId, arg: &str, p: &mut dyn Prompter) -> Result<()> {
        let n = self.problem.facts.len();
        match arg.trim().parse::<usize>() {
            Ok(i) if (1..=n).contains(&i) => self.reveal(step, i - 1, None, p),
            _ => {
                p.say(&format!(
                    "`:reveal N` takes a fact number from 1 to {n}; `:facts` shows the sheet."
                ));
                Ok(())
            }
        }
    }

    fn hint(&mut self, step: StepId, p: &mut dyn Prompter) -> Result<()> {
        let ladder = self.hint_ladder(step).to_vec();
        let used = self.transcript.step(step).hints.len();
        match ladder.get(used) {
            Some(h) => {
                p.say(&format!(
                    "Hint {}/{} (offer it): \"{h}\"",
                    used + 1,
                    ladder.len()
                ));
                self.transcript.step_mut(step).hints.push(h.clone());
                self.save()
            }
            None => {
                p.say("No more hints for this step: let them state an assumption and move on.");
                Ok(())
            }
        }
    }

    fn edit(
        &mut self,
        step: StepId,
        block: &mut Vec<String>,
        answering: bool,
        p: &mut dyn Prompter,
    ) -> Result<()> {
        let dir = self.store.dir.clone();
        if answering {
            match editor::edit(&block.join("\n"), &dir) {
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
        match editor::edit(&notes, &dir) {
            Ok(text) => {
                block.clear();
                self.peer_step(step).notes = text;
                self.save()?;
                p.say("Notes updated from the editor.");
            }
            Err(msg) => p.say(&format!("Cannot edit: {msg}")),
        }
        Ok(())
    }

    /// The topic checklist (pre-ticked from the typed answer), then the flags.
    fn checklists(&mut self, step: StepId, p: &mut dyn Prompter) -> Result<Option<PeerOutcome>> {
        let hits = self.answer_hits(step)?;
        for h in &hits {
            p.say(&format!(
                "  from their typed answer: {} — \"{}\"",
                h.label, h.evidence
            ));
        }
        let topics: Vec<(String, String)> = self
            .topics(step)
            .iter()
            .map(|t| (t.id.clone(), t.label.clone()))
            .collect();
        if !topics.is_empty() {
            let before = self.peer_step(step).ticked.clone();
            self.peer_step(step).ticked = tick(p, "Topics the candidate covered", &topics, |id| {
                before.iter().any(|b| b == id) || hits.iter().any(|h| h.topic == id)
            })?;
            self.save()?;
        }
        let flags: Vec<(String, String)> = self
            .catalog
            .flags(self.rubric)
            .into_iter()
            .filter(|(f, _)| f.in_checklist(step))
            .map(|(f, green)| {
                let colour = if green { "green" } else { "red" };
                (f.id.clone(), format!("{colour}: {}", f.label))
            })
            .collect();
        if !flags.is_empty() {
            // Flags the typed answer raises by its wording are pre-ticked too.
            let text = self.transcript.step(step).answer.clone();
            let raised = if text.trim().is_empty() {
                Vec::new()
            } else {
                step_flags(self.catalog, self.rubric, step, &text)?
            };
            for f in raised
                .iter()
                .filter(|f| flags.iter().any(|(id, _)| *id == f.id))
            {
                p.say(&format!(
                    "  flag from their typed answer: {} — \"{}\"",
                    f.label, f.evidence
                ));
            }
            let before = self.peer_step(step).flags.clone();
            self.peer_step(step).flags =
                tick(p, "Flags you observed in this step", &flags, |id| {
                    before.iter().any(|b| b == id) || raised.iter().any(|f| f.id == id)
                })?;
        }
        let over = self.transcript.finish_step(step);
        self.save()?;
        if let Some((over, budget)) = over {
            p.say(&format!(
                "Time: this step ran {} over its {} budget; move the candidate on sooner in the next one.",
                clock(over),
                clock(budget)
            ));
        }
        Ok(None)
    }

    /// Reads a line of the scorecard; `Err(outcome)` when the session stops.
    fn ask_line(
        &mut self,
        p: &mut dyn Prompter,
        prompt: &str,
    ) -> Result<std::result::Result<String, PeerOutcome>> {
        match p.line(prompt)? {
            None => {
                self.save()?;
                p.say(&format!(
                    "\nInput ended: session saved as unfinished in {}; {}",
                    self.path.display(),
                    self.resume_hint()
                ));
                Ok(Err(PeerOutcome::Eof))
            }
            Some(l) if matches!(l.trim(), ":quit" | ":q") => {
                self.save()?;
                p.say(&format!(
                    "Saved in {}; {}",
                    self.path.display(),
                    self.resume_hint()
                ));
                Ok(Err(PeerOutcome::Quit))
            }
            Some(l) => Ok(Ok(l.trim().to_string())),
        }
    }

    /// The interviewer's ratings, recommendation and overall notes.
    fn rate(&mut self, p: &mut dyn Prompter) -> Result<Option<PeerOutcome>> {
        p.say("\n== Scorecard\nRate each dimension 1-4 (1 poor, 2 mixed, 3 good, 4 excellent) and justify it in one line.");
        for (id, label) in DIMENSIONS {
            if self.session().ratings.iter().any(|r| r.dimension == id) {
                continue;
            }
            let score = loop {
                let line = match self.ask_line(p, &format!("{label} (1-4)"))? {
                    Ok(l) => l,
                    Err(o) => return Ok(Some(o)),
                };
                match line.parse::<u8>() {
                    Ok(n @ 1..=4) => break n,
                    _ => p.say("Type 1, 2, 3 or 4."),
                }
            };
            let why = match self.ask_line(
                p,
                &format!("Why {score} for {}? (one line)", label.to_lowercase()),
            )? {
                Ok(l) => l,
                Err(o) => return Ok(Some(o)),
            };
            self.session().ratings.push(Rating {
                dimension: id.to_string(),
                score,
                why: if why == "." { String::new() } else { why },
            });
            self.save()?;
        }
        if self.session().recommendation.is_none() {
            let band = loop {
                let line = match self.ask_line(
                    p,
                    "Recommendation: 1 strong hire, 2 hire, 3 lean hire, 4 lean no hire, 5 no hire",
                )? {
                    Ok(l) => l,
                    Err(o) => return Ok(Some(o)),
                };
                match Band::parse(&line) {
                    Some(b) => break b,
                    None => p.say("Type a number from 1 to 5 or a name such as `lean hire`."),
                }
            };
            self.session().recommendation = Some(band);
            self.save()?;
            let notes = match self.ask_line(
                p,
                "Overall notes for the candidate (one line; `.` for none)",
            )? {
                Ok(l) => l,
                Err(o) => return Ok(Some(o)),
            };
            if notes != "." {
                self.session().notes = notes;
            }
        }
        Ok(None)
    }
}

/// A checklist of (id, label) items with some pre-ticked; the ids ticked.
fn tick(
    p: &mut dyn Prompter,
    prompt: &str,
    items: &[(String, String)],
    preset: impl Fn(&str) -> bool,
) -> Result<Vec<String>> {
    let marks: Vec<bool> = items.iter().map(|(id, _)| preset(id)).collect();
    let labels: Vec<String> = items.iter().map(|(_, l)| l.clone()).collect();
    let chosen = p.checklist(prompt, &labels, &marks)?;
    Ok(chosen
        .into_iter()
        .filter_map(|i| items.get(i).map(|(id, _)| id.clone()))
        .collect())
}
