//! The end of a peer step: the topic checklist pre-ticked from the
//! candidate's typed answer, then the flags its wording raises.

use super::{Interview, PeerOutcome};
use crate::catalog::Topic;
use crate::framework::StepId;
use crate::grading::text::sentences;
use crate::grading::{score_topics_in, step_flags, TopicHit};
use crate::session::prompter::Prompter;
use crate::Result;

impl Interview<'_> {
    /// Topics the candidate's typed answer for the step covers.
    pub(super) fn answer_hits(&self, step: StepId) -> Result<Vec<TopicHit>> {
        let text = &self.core.transcript.step(step).answer;
        if text.trim().is_empty() {
            return Ok(Vec::new());
        }
        let topics: Vec<&Topic> = self.topics(step).iter().collect();
        let file = format!("rubrics/{}.yaml", self.core.problem.id);
        let (_, mut hits, _) = score_topics_in(
            &self.core.catalog.concepts,
            &topics,
            text,
            &sentences(text),
            &file,
        )?;
        // A diagram in the typed answer credits the high-level topics its
        // structure rules pass, as in a graded answer.
        if step == StepId::HighLevel {
            let d = crate::diagram::read_one(text);
            let results = crate::diagram::check(&d, &self.rubric.structure, text);
            for h in crate::grading::structure::hits(&results, self.rubric) {
                if !hits.iter().any(|x| x.topic == h.topic) {
                    hits.push(h);
                }
            }
        }
        Ok(hits)
    }

    /// The topic checklist (pre-ticked from the typed answer), then the flags.
    pub(super) fn checklists(
        &mut self,
        step: StepId,
        p: &mut dyn Prompter,
    ) -> Result<Option<PeerOutcome>> {
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
            self.core.save()?;
        }
        let flags: Vec<(String, String)> = self
            .core
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
            let text = self.core.transcript.step(step).answer.clone();
            let raised = if text.trim().is_empty() {
                Vec::new()
            } else {
                step_flags(self.core.catalog, self.rubric, step, &text)?
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
        self.core.finish_step(step, p)?;
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
