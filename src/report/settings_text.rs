//! `sdcoach config`: the settings in effect and where each came from.

use super::style::Style;
use super::view::{json_of, View};
use crate::framework::one_line;
use crate::settings::Settings;
use std::fmt::Write;

fn rows(s: &Settings) -> [(&'static str, String, String); 4] {
    [
        (
            "transcripts",
            s.transcripts.value.display().to_string(),
            s.transcripts.source.to_string(),
        ),
        (
            "minutes",
            s.minutes.value.to_string(),
            s.minutes.source.to_string(),
        ),
        (
            "level",
            s.level.value.to_string(),
            s.level.source.to_string(),
        ),
        (
            "color",
            s.color.value.as_str().to_string(),
            s.color.source.to_string(),
        ),
    ]
}

fn file_line(s: &Settings) -> String {
    match (&s.file, s.file_found) {
        (Some(f), true) => format!("Config file: {}", one_line(&f.display().to_string())),
        (Some(f), false) => format!(
            "Config file: {} (not there; create it to change the defaults)",
            one_line(&f.display().to_string())
        ),
        (None, _) => "Config file: none (no home folder found)".to_string(),
    }
}

impl View for Settings {
    fn what(&self) -> &'static str {
        "the settings"
    }

    fn text(&self, st: Style) -> String {
        let mut out = format!("{}\n\n", file_line(self));
        let _ = writeln!(
            out,
            "{}",
            st.bold(&format!("{:<12} {:<40} from", "setting", "value"))
        );
        for (name, value, source) in rows(self) {
            let _ = writeln!(
                out,
                "{name:<12} {:<40} {}",
                one_line(&value),
                one_line(&source)
            );
        }
        out
    }

    fn markdown(&self) -> Option<String> {
        let mut out = format!(
            "{}\n\n| setting | value | from |\n|---|---|---|\n",
            file_line(self)
        );
        for (name, value, source) in rows(self) {
            let _ = writeln!(
                out,
                "| {name} | `{}` | {} |",
                one_line(&value),
                one_line(&source)
            );
        }
        Some(out)
    }

    fn json(&self) -> Option<String> {
        json_of(self)
    }
}
