//! The one table of `:` commands for solo and peer sessions: what each is
//! called, which sessions take it, and what its help line says. Parsing and
//! the help text both come from this table, so they cannot drift apart.

use crate::transcript::Mode;

/// A `:` command typed at a prompt.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Command {
    Hint,
    Skip,
    Edit,
    Time,
    Quit,
    Help,
    /// Peer: tick the checklist and go on.
    Next,
    /// Peer: the next block is the candidate's typed answer.
    Answer,
    /// Peer: mark fact N revealed.
    Reveal,
    /// Peer: show the whole fact sheet.
    Facts,
    /// Peer: show the probes still open.
    Probes,
    /// Peer: throw curveball N; the next block is the candidate's reply.
    Curveball,
    /// Draw the design: the editor opens on a Mermaid template.
    Diagram,
}

/// One row of the table.
pub struct Spec {
    pub command: Command,
    /// Full name first, then the short form.
    pub names: [&'static str; 2],
    /// What follows the name, for the help line (`N`).
    pub arg: &'static str,
    /// Help in solo practice; `None` when solo does not take it.
    pub solo: Option<&'static str>,
    /// Help in peer mode; `None` when peer mode does not take it.
    pub peer: Option<&'static str>,
}

/// Every command, in the order the help lists them.
pub const TABLE: &[Spec] = &[
    Spec {
        command: Command::Hint,
        names: ["hint", "h"],
        arg: "",
        solo: Some("the next hint (costs a little score)"),
        peer: Some("the next hint of the ladder, to offer when they are stuck (recorded)"),
    },
    Spec {
        command: Command::Answer,
        names: ["answer", "a"],
        arg: "",
        solo: None,
        peer: Some("the next block, up to a `.` line, is the candidate's typed answer: it is graded and pre-ticks the checklist"),
    },
    Spec {
        command: Command::Next,
        names: ["next", "n"],
        arg: "",
        solo: None,
        peer: Some("(or `.` on an empty block) tick the checklist, then the flags, then go on"),
    },
    Spec {
        command: Command::Reveal,
        names: ["reveal", "r"],
        arg: " N",
        solo: None,
        peer: Some("mark fact N of the fact sheet revealed"),
    },
    Spec {
        command: Command::Facts,
        names: ["facts", "f"],
        arg: "",
        solo: None,
        peer: Some("show the whole fact sheet again"),
    },
    Spec {
        command: Command::Probes,
        names: ["probes", "p"],
        arg: "",
        solo: None,
        peer: Some("show the probes not yet covered"),
    },
    Spec {
        command: Command::Curveball,
        names: ["curveball", "c"],
        arg: " N",
        solo: None,
        peer: Some("throw curveball N (deep dive); the next block, up to a `.` line, is their reply: it is graded"),
    },
    Spec {
        command: Command::Skip,
        names: ["skip", "s"],
        arg: "",
        solo: Some("move on to the next step"),
        peer: Some("skip the step"),
    },
    Spec {
        command: Command::Edit,
        names: ["edit", "e"],
        arg: "",
        solo: Some("open $VISUAL/$EDITOR on the answer so far"),
        peer: Some("edit this step's notes (or the answer being typed) in $VISUAL/$EDITOR"),
    },
    Spec {
        command: Command::Diagram,
        names: ["diagram", "d"],
        arg: "",
        solo: Some("draw your design: open $VISUAL/$EDITOR on a Mermaid template (or the diagram in your answer)"),
        peer: Some("type the candidate's diagram in $VISUAL/$EDITOR (a Mermaid template): it is saved as their answer and pre-ticks what it shows"),
    },
    Spec {
        command: Command::Time,
        names: ["time", "t"],
        arg: "",
        solo: Some("time used on this step and in all"),
        peer: Some("show the clock"),
    },
    Spec {
        command: Command::Quit,
        names: ["quit", "q"],
        arg: "",
        solo: Some("save and leave; resume with --resume"),
        peer: Some("save and leave; resume with --resume"),
    },
    Spec {
        command: Command::Help,
        names: ["help", "?"],
        arg: "",
        solo: Some("this help"),
        peer: Some("this help"),
    },
];

impl Spec {
    fn help(&self, mode: Mode) -> Option<&'static str> {
        match mode {
            Mode::Solo => self.solo,
            Mode::Peer => self.peer,
        }
    }
}

/// What a line starting with `:` is in a session of `mode`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Parsed {
    /// A command this mode takes, with the rest of the line.
    Command(Command, String),
    /// `:name` that this mode does not know (peer mode says so).
    Unknown(String),
}

/// Parses a `:` command line; `None` when the line is text. Solo practice
/// takes only a bare command (a line such as `:)` or `:12` stays part of the
/// answer); peer mode also takes an argument and reports unknown names.
pub fn parse(line: &str, mode: Mode) -> Option<Parsed> {
    let rest = line.trim().strip_prefix(':')?;
    let mut parts = rest.splitn(2, char::is_whitespace);
    let name = parts.next().unwrap_or("").to_ascii_lowercase();
    let arg = parts.next().unwrap_or("").trim().to_string();
    if name.is_empty() || !name.chars().all(|c| c.is_ascii_alphabetic() || c == '?') {
        return None;
    }
    let found = TABLE
        .iter()
        .find(|s| s.help(mode).is_some() && s.names.contains(&name.as_str()));
    match (found, mode) {
        (Some(s), Mode::Solo) if arg.is_empty() => Some(Parsed::Command(s.command, arg)),
        (Some(s), Mode::Peer) => Some(Parsed::Command(s.command, arg)),
        (None, Mode::Peer) => Some(Parsed::Unknown(name)),
        _ => None,
    }
}

/// The help shown at the start of a session and by `:help`.
pub fn help(mode: Mode) -> String {
    let mut out = String::from(match mode {
        Mode::Solo => concat!(
            "Type your answer over as many lines as you like and end it with a line holding only `.`.\n",
            "In the first three steps, a line starting with `?` asks the interviewer a question.\n",
            "Commands:"
        ),
        Mode::Peer => concat!(
            "Type notes on as many lines as you like; a line holding only `.` saves them.\n",
            "  ?their question  find the fact that answers it, mark it revealed, show what to say"
        ),
    });
    for spec in TABLE {
        if let Some(help) = spec.help(mode) {
            let name = format!(":{}{}", spec.names[0], spec.arg);
            out.push_str(&format!("\n  {name:<15}  {help}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_mode_takes_its_own_commands() {
        assert_eq!(
            parse(":hint", Mode::Solo),
            Some(Parsed::Command(Command::Hint, String::new()))
        );
        assert_eq!(
            parse(" :Q ", Mode::Solo),
            Some(Parsed::Command(Command::Quit, String::new()))
        );
        // Peer-only commands and arguments are text in solo practice.
        assert_eq!(parse(":next", Mode::Solo), None);
        assert_eq!(parse(":hint now", Mode::Solo), None);
        assert_eq!(parse(":)", Mode::Solo), None);
        assert_eq!(
            parse(":reveal 3", Mode::Peer),
            Some(Parsed::Command(Command::Reveal, "3".into()))
        );
        assert_eq!(
            parse(":frobnicate", Mode::Peer),
            Some(Parsed::Unknown("frobnicate".into()))
        );
        assert_eq!(parse(":12 is a time", Mode::Peer), None);
    }

    #[test]
    fn the_help_lists_every_command_of_the_mode() {
        for mode in [Mode::Solo, Mode::Peer] {
            let help = help(mode);
            for spec in TABLE.iter().filter(|s| s.help(mode).is_some()) {
                assert!(help.contains(&format!(":{}", spec.names[0])), "{help}");
            }
        }
        assert!(!help(Mode::Solo).contains(":reveal"));
    }
}
