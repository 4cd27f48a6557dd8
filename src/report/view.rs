//! One way to print anything: a [`View`] says which formats it has, and
//! [`render`] picks one or refuses with a message naming the ones it has.
//! Adding a format is one variant of [`Format`], one method of [`View`] and
//! the implementations that have it.

use super::safe_json::safe_json;
use super::style::Style;
use crate::error::Error;
use serde::Serialize;
use std::str::FromStr;

/// Output formats of every command that reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Format {
    #[default]
    Text,
    Markdown,
    Json,
    /// One self-contained page (inline CSS and SVG, no scripts).
    Html,
}

impl Format {
    /// Every format, in the order help lists them.
    pub const ALL: [Format; 4] = [Format::Text, Format::Markdown, Format::Json, Format::Html];
    /// Their names on the command line.
    pub const NAMES: [&'static str; 4] = ["text", "markdown", "json", "html"];

    /// The name on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Markdown => "markdown",
            Format::Json => "json",
            Format::Html => "html",
        }
    }
}

impl FromStr for Format {
    type Err = String;

    fn from_str(s: &str) -> Result<Format, String> {
        Format::ALL
            .into_iter()
            .find(|f| f.as_str().eq_ignore_ascii_case(s.trim()))
            .ok_or_else(|| format!("unknown format `{s}`: use {}", Format::NAMES.join(", ")))
    }
}

/// Something a command prints. Text is always there; the other formats
/// return `None` when the view does not have them.
pub trait View {
    /// What it is, for the message when a format is missing ("a grade").
    fn what(&self) -> &'static str;
    /// Terminal text, coloured when `st` says so.
    fn text(&self, st: Style) -> String;
    fn markdown(&self) -> Option<String> {
        None
    }
    fn json(&self) -> Option<String> {
        None
    }
    fn html(&self) -> Option<String> {
        None
    }
}

/// JSON for a view whose data is the JSON contract: pretty, with control
/// and bidi characters escaped, and a final newline.
pub fn json_of<T: Serialize>(value: &T) -> Option<String> {
    Some(safe_json(value) + "\n")
}

/// Renders a view in a format, or says which formats it has.
pub fn render(view: &dyn View, format: Format, st: Style) -> crate::Result<String> {
    let out = match format {
        Format::Text => Some(view.text(st)),
        Format::Markdown => view.markdown(),
        Format::Json => view.json(),
        Format::Html => view.html(),
    };
    out.ok_or_else(|| {
        let has: Vec<&str> = Format::ALL
            .into_iter()
            .filter(|f| match f {
                Format::Text => true,
                Format::Markdown => view.markdown().is_some(),
                Format::Json => view.json().is_some(),
                Format::Html => view.html().is_some(),
            })
            .map(Format::as_str)
            .collect();
        Error::Usage(format!(
            "`--format {}` is not available for {}: use {}",
            format.as_str(),
            view.what(),
            has.join(", ")
        ))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Plain;
    impl View for Plain {
        fn what(&self) -> &'static str {
            "a plain view"
        }
        fn text(&self, _: Style) -> String {
            "text\n".into()
        }
        fn json(&self) -> Option<String> {
            json_of(&"a\u{202e}b")
        }
    }

    #[test]
    fn a_missing_format_is_refused_naming_the_ones_there() {
        let st = Style::plain();
        assert_eq!(render(&Plain, Format::Text, st).expect("text"), "text\n");
        assert!(render(&Plain, Format::Json, st)
            .expect("json")
            .contains("\\u202e"));
        let err = render(&Plain, Format::Html, st).expect_err("no html");
        assert_eq!(
            err.to_string(),
            "`--format html` is not available for a plain view: use text, json"
        );
        assert_eq!("Markdown".parse::<Format>(), Ok(Format::Markdown));
        assert!("pdf".parse::<Format>().is_err());
    }
}
