//! The interviewer's script for a step: the opening line, the fact sheet
//! and how facts are revealed, the probes still open, the hint ladder.

use super::Interview;
use crate::framework::StepId;
use crate::grading::curveball::curveball_grade;
use crate::grading::facts::understand;
use crate::session::prompter::Prompter;
use crate::transcript::{CurveballReply, Exchange};
use crate::Result;

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

impl Interview<'_> {
    pub(super) fn fact_sheet(&self, all: bool) -> String {
        let revealed = self.core.transcript.revealed_facts();
        let mut out = String::from(
            "Fact sheet: reveal a fact only when they ask (`?their question` or `:reveal N`); * = key fact",
        );
        let mut hidden = 0;
        for (i, f) in self.core.problem.facts.iter().enumerate() {
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

    pub(super) fn probes_text(&self, step: StepId, covered: &[String]) -> String {
        let probes = self
            .core
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

    /// Shows the step's script.
    pub(super) fn introduce(&self, step: StepId, p: &mut dyn Prompter) {
        let info = step.info();
        p.say(&format!(
            "\n== Step {}/7: {}\n{}",
            step.index() + 1,
            info.title,
            info.covers
        ));
        if self.core.transcript.timer {
            p.say(&self.core.clock_line(step, 0));
        }
        let say = match step {
            StepId::Requirements => self.core.problem.prompt.trim(),
            other => opening(other),
        };
        p.say(&format!("Say: \"{say}\""));
        if FACT_STEPS.contains(&step) {
            p.say(&self.fact_sheet(step == StepId::Requirements));
        }
        let covered: Vec<String> = self
            .core
            .transcript
            .step(step)
            .peer
            .as_ref()
            .map(|s| s.ticked.clone())
            .unwrap_or_default();
        p.say(&self.probes_text(step, &covered));
        if step == StepId::DeepDive {
            if let Some(sheet) = self.curveball_sheet() {
                p.say(&sheet);
            }
        }
        let ladder = self.core.hint_ladder(step).len();
        let used = self.core.transcript.step(step).hints.len();
        if ladder > 0 {
            p.say(&format!(
                "Hints: {} of {ladder} left; `:hint` shows the next one to offer when they are stuck.",
                ladder.saturating_sub(used)
            ));
        }
        p.say("Notes: type lines, `.` saves them; `:answer` to paste their typed answer; `:next` when the step is done.");
        if step == StepId::HighLevel {
            p.say("If they draw, `:diagram` opens a Mermaid template to type their diagram (arrow lines such as `Client -> LB -> API` after `:answer` work too): it is read and graded with their answer.");
        }
    }

    fn reveal(
        &mut self,
        step: StepId,
        index: usize,
        question: Option<&str>,
        p: &mut dyn Prompter,
    ) -> Result<()> {
        let Some(f) = self.core.problem.facts.get(index) else {
            return Ok(());
        };
        let (id, answer) = (f.id.clone(), f.answer.trim().to_string());
        p.say(&format!(
            "Fact {}. {} — say: \"{answer}\"",
            index + 1,
            f.topic
        ));
        if let Some(q) = question {
            self.core
                .transcript
                .step_mut(step)
                .questions
                .push(Exchange {
                    question: q.to_string(),
                    answer,
                    fact: Some(id.clone()),
                });
        }
        let revealed = &mut self.peer_step(step).revealed;
        if !revealed.contains(&id) {
            revealed.push(id);
        }
        self.core.save()
    }

    pub(super) fn ask(&mut self, step: StepId, q: &str, p: &mut dyn Prompter) -> Result<()> {
        let facts = &self.core.problem.facts;
        let replies: Vec<(String, Option<usize>)> = understand(q, facts)
            .into_iter()
            .map(|r| {
                (
                    r.part,
                    r.fact.and_then(|f| facts.iter().position(|x| x.id == f.id)),
                )
            })
            .collect();
        let single = replies.len() == 1;
        for (part, found) in replies {
            match found {
                Some(i) => self.reveal(step, i, Some(q), p)?,
                None if single => p.say("No fact answers that: say \"That's your call: state an assumption and move on.\" (or `:reveal N` from the fact sheet)"),
                None => p.say(&format!(
                    "No fact answers \"{part}\": say \"Your call on that part: state an assumption.\""
                )),
            }
        }
        Ok(())
    }

    pub(super) fn reveal_number(
        &mut self,
        step: StepId,
        arg: &str,
        p: &mut dyn Prompter,
    ) -> Result<()> {
        let n = self.core.problem.facts.len();
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

    /// The curveballs the interviewer may throw, numbered for `:curveball N`.
    pub(super) fn curveball_sheet(&self) -> Option<String> {
        let list = &self.core.problem.curveballs;
        if list.is_empty() {
            return None;
        }
        let mut out = String::from(
            "Curveballs (throw one if time allows: `:curveball N`, then type their reply and end it with `.`):",
        );
        for (i, c) in list.iter().enumerate() {
            out.push_str(&format!("\n  {}. {}", i + 1, c.say.trim()));
        }
        Some(out)
    }

    /// Records curveball `arg` as thrown; whether it was found.
    pub(super) fn throw_curveball(&mut self, arg: &str, p: &mut dyn Prompter) -> Result<bool> {
        let list = &self.core.problem.curveballs;
        let n = list.len();
        let Some(c) = arg
            .trim()
            .parse::<usize>()
            .ok()
            .and_then(|i| i.checked_sub(1))
            .and_then(|i| list.get(i))
        else {
            p.say(&format!("`:curveball N` takes a number from 1 to {n}."));
            return Ok(false);
        };
        p.say(&format!(
            "Say: \"{}\"\nType their reply; end it with a line holding only `.`.",
            c.say.trim()
        ));
        self.core.transcript.curveball = Some(CurveballReply {
            id: c.id.clone(),
            say: c.say.trim().to_string(),
            reply: String::new(),
        });
        self.core.save()?;
        Ok(true)
    }

    /// Saves the typed block as the reply to the curveball and grades it.
    pub(super) fn curveball_reply(
        &mut self,
        block: &mut Vec<String>,
        p: &mut dyn Prompter,
    ) -> Result<()> {
        let text = block.join("\n");
        block.clear();
        if let Some(c) = self.core.transcript.curveball.as_mut() {
            c.reply = text.trim_end().to_string();
        }
        self.core.save()?;
        let extras = self.core.transcript.extras();
        if let Some(g) = curveball_grade(&self.core.catalog.concepts, self.core.problem, &extras)? {
            let covered: Vec<&str> = g.matched.iter().map(|m| m.label.as_str()).collect();
            p.say(&format!(
                "Curveball reply saved: {}/100; covers: {}; missed: {}",
                g.score,
                if covered.is_empty() {
                    "nothing yet".to_string()
                } else {
                    covered.join("; ")
                },
                if g.missed.is_empty() {
                    "nothing".to_string()
                } else {
                    g.missed.join("; ")
                }
            ));
        }
        Ok(())
    }

    /// Topic ids the step has covered: ticked, or in the typed answer.
    pub(super) fn covered(&self, step: StepId) -> Result<Vec<String>> {
        let mut covered: Vec<String> = self
            .answer_hits(step)?
            .into_iter()
            .map(|h| h.topic)
            .collect();
        if let Some(s) = &self.core.transcript.step(step).peer {
            covered.extend(s.ticked.iter().cloned());
        }
        Ok(covered)
    }
}
