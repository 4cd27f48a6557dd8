//! The scorecard's questions: a 1-4 rating with a reason for each of the
//! guide's four dimensions, a recommendation and overall notes.

use super::{Interview, PeerOutcome};
use crate::grading::scorecard::DIMENSIONS;
use crate::grading::Band;
use crate::session::prompter::Prompter;
use crate::transcript::Rating;
use crate::Result;

impl Interview<'_> {
    /// Reads a line of the scorecard; `Err(outcome)` when the session stops.
    fn ask_line(
        &mut self,
        p: &mut dyn Prompter,
        prompt: &str,
    ) -> Result<std::result::Result<String, PeerOutcome>> {
        match p.line(prompt)? {
            None => {
                self.core.end_of_input(p)?;
                Ok(Err(PeerOutcome::Eof))
            }
            Some(l) if matches!(l.trim(), ":quit" | ":q") => {
                self.core.quit(p)?;
                Ok(Err(PeerOutcome::Quit))
            }
            Some(l) => Ok(Ok(l.trim().to_string())),
        }
    }

    /// The interviewer's ratings, recommendation and overall notes.
    pub(super) fn rate(&mut self, p: &mut dyn Prompter) -> Result<Option<PeerOutcome>> {
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
            self.core.save()?;
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
            self.core.save()?;
        }
        // Asked whenever the session is not finished: a session resumed at
        // this prompt has its recommendation saved but not yet its notes.
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
        Ok(None)
    }
}
