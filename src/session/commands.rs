//! The one table of `:` commands for solo, peer and drill sessions: what
//! each is called, which sessions take it, and what its help line says.
//! Parsing and the help text both come from this table, so they cannot
//! drift apart.

use crate::transcript::Mode;

/// The kind of session reading a command: each has a help column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Table {
    Solo,
    Peer,
    Drill,
}

impl From<Mode> for Table {
    fn from(mode: Mode) -> Table {
        match mode {
            Mode::Solo => Table::Solo,
            Mode::Peer => Table::Peer,
        }
    }
}

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
    /// Help in a drill; `None` when a drill does not take it.
    pub drill: Option<&'static str>,
}

/// Every command, in the order the help lists them.
pub const TABLE: &[Spec] = &[
    Spec {
        command: Command::Hint,
        names: ["hint", "h"],
        arg: "",
        solo: Some("the next hint (costs a little score)"),
        peer: Some("the next hint of the ladder, to offer when they are stuck (recorded)"),
        drill: None,
    },
    Spec {
        command: Command::Answer,
        names: ["answer", "a"],
        arg: "",
        solo: None,
        peer: Some("the next block, up to a `.` line, is the candidate's typed answer: it is graded and pre-ticks the checklist"),
        drill: None,
    },
    Spec {
        command: Command::Next,
        names: ["next", "n"],
        arg: "",
        solo: None,
        peer: Some("(or `.` on an empty block) tick the checklist, then the flags, then go on"),
        drill: None,
    },
    Spec {
        command: Command::Reveal,
        names: ["reveal", "r"],
        arg: " N",
        solo: None,
        peer: Some("mark fact N of the fact sheet revealed"),
        drill: None,
    },
    Spec {
        command: Command::Facts,
        names: ["facts", "f"],
        arg: "",
        solo: None,
        peer: Some("show the whole fact sheet again"),
        drill: None,
    },
    Spec {
        command: Command::Probes,
        names: ["probes", "p"],
        arg: "",
        solo: None,
        peer: Some("show the probes not yet covered"),
        drill: None,
    },
    Spec {
        command: Command::Curveball,
        names: ["curveball", "c"],
        arg: " N",
        solo: None,
        peer: Some("throw curveball N (deep dive); the next block, up to a `.` line, is their reply: it is graded"),
        drill: None,
    },
    Spec {
        command: Command::Skip,
        names: ["skip", "s"],
        arg: "",
        solo: Some("move on to the next step"),
        peer: Some("skip the step"),
        drill: Some("leave this card for later: not rated, the schedule unchanged"),
    },
    Spec {
        command: Command::Edit,
        names: ["edit", "e"],
        arg: "",
        solo: Some("open $VISUAL/$EDITOR on the answer so far"),
        peer: Some("edit this step's notes (or the answer being typed) in $VISUAL/$EDITOR"),
        drill: Some("open $VISUAL/$EDITOR on the answer so far"),
    },
    Spec {
        command: Command::Diagram,
        names: ["diagram", "d"],
        arg: "",
        solo: Some("draw your design: open $VISUAL/$EDITOR on a Mermaid template (or the diagram in your answer)"),
        peer: Some("type the candidate's diagram in $VISUAL/$EDITOR (a Mermaid template): it is saved as their answer and pre-ticks what it shows"),
        drill: None,
    },
    Spec {
        command: Command::Time,
        names: ["time", "t"],
        arg: "",
        solo: Some("time used on this step and in all"),
        peer: Some("show the clock"),
        drill: Some("time used in this drill"),
    },
    Spec {
        command: Command::Quit,
        names: ["quit", "q"],
        arg: "",
        solo: Some("save and leave; resume with --resume"),
        peer: Some("save and leave; resume with --resume"),
        drill: Some("save and leave (every card rated so far is saved)"),
    },
    Spec {
        command: Command::Help,
        names: ["help", "?"],
        arg: "",
        solo: Some("this help"),
        peer: Some("this help"),
        drill: Some("this help"),
    },
];

impl Spec {
    fn help(&self, table: Table) -> Option<&'static str> {
        match table {
            Table::Solo => self.solo,
            Table::Peer => self.peer,
            Table::Drill => self.drill,
        }
    }
}

/// What a line starting with `:` is in a session of `table`'s kind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Parsed {
    /// A command this mode takes, with the rest of the line.
    Command(Command, String),
    /// `:name` that this mode does not know (peer mode says so).
    Unknown(String),
}

/// Parses a `:` command line; `None` when the line is text. Solo practice
/// and drills take only a bare command (a line such as `:)` or `:12` stays
/// part of the answer); peer mode also takes an argument and reports
/// unknown names.
pub fn parse(line: &str, table: impl Into<Table>) -> Option<Parsed> {
    let table = table.into();
    let rest = line.trim().strip_prefix(':')?;
    let mut parts = rest.splitn(2, char::is_whitespace);
    let name = parts.next().unwrap_or("").to_ascii_lowercase();
    let arg = parts.next().unwrap_or("").trim().to_string();
    if name.is_empty() || !name.chars().all(|c| c.is_ascii_alphabetic() || c == '?') {
        return None;
    }
    let found = TABLE
        .iter()
        .find(|s| s.help(table).is_some() && s.names.contains(&name.as_str()));
    match (found, table) {
        (Some(s), Table::Solo | Table::Drill) if arg.is_empty() => {
            Some(Parsed::Command(s.command, arg))
        }
        (Some(s), Table::Peer) => Some(Parsed::Command(s.command, arg)),
        (None, Table::Peer) => Some(Parsed::Unknown(name)),
        _ => None,
    }
}

/// The help shown at the start of a session and by `:help`.
pub fn help(table: impl Into<Table>) -> String {
    let table = table.into();
    let mut out = String::from(match table {
        Table::Solo => concat!(
            "Type your answer over as many lines as you like and end it with a line holding only `.`.\n",
            "In the first three steps, a line starting with `?` asks the interviewer a question.\n",
            "Commands:"
        ),
        Table::Peer => concat!(
            "Type notes on as many lines as you like; a line holding only `.` saves them.\n",
            "  ?their question  find the fact that answers it, mark it revealed, show what to say"
        ),
        Table::Drill => concat!(
            "Type your answer over as many lines as you like and end it with a line holding only `.`.\n",
            "After the grade, keep the proposed rating (enter) or give another: a(gain), h(ard), g(ood), e(asy).\n",
            "Commands:"
        ),
    });
    for spec in TABLE {
        if let Some(help) = spec.help(table) {
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
        for mode in [Table::Solo, Table::Peer, Table::Drill] {
            let help = help(mode);
            for spec in TABLE.iter().filter(|s| s.help(mode).is_some()) {
                assert!(help.contains(&format!(":{}", spec.names[0])), "{help}");
            }
        }
        assert!(!help(Mode::Solo).contains(":reveal"));
        assert!(!help(Table::Drill).contains(":hint"));
        assert_eq!(
            parse(":skip", Table::Drill),
            Some(Parsed::Command(Command::Skip, String::new()))
        );
        assert_eq!(parse(":next", Table::Drill), None);
    }
}
