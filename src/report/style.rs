//! One colour decision for the whole program: colour only when the stream is
//! a terminal, `NO_COLOR` is unset or empty and `TERM` is not `dumb`.

pub use crate::framework::ColorChoice;
use std::io::IsTerminal;

/// Whether to colour output, decided once.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Style {
    pub color: bool,
}

impl Style {
    /// Decides from the environment for stdout, and tells `console` too.
    pub fn detect() -> Style {
        Style::decide(ColorChoice::Auto)
    }

    /// Decides once for the whole program: `always` and `never` as said;
    /// `auto` colours a terminal unless `NO_COLOR` is set or `TERM` is `dumb`.
    pub fn decide(choice: ColorChoice) -> Style {
        let auto = || {
            let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
            let dumb = std::env::var("TERM").is_ok_and(|t| t == "dumb");
            std::io::stdout().is_terminal() && !no_color && !dumb
        };
        let color = match choice {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => auto(),
        };
        let stderr = color && (choice == ColorChoice::Always || std::io::stderr().is_terminal());
        console::set_colors_enabled(color);
        console::set_colors_enabled_stderr(stderr);
        Style { color }
    }

    /// No colour (tests, files).
    pub fn plain() -> Style {
        Style { color: false }
    }

    fn paint(self, code: &str, s: &str) -> String {
        if self.color {
            format!("\u{1b}[{code}m{s}\u{1b}[0m")
        } else {
            s.to_string()
        }
    }

    pub fn bold(self, s: &str) -> String {
        self.paint("1", s)
    }
    pub fn green(self, s: &str) -> String {
        self.paint("32", s)
    }
    pub fn red(self, s: &str) -> String {
        self.paint("31", s)
    }
    pub fn yellow(self, s: &str) -> String {
        self.paint("33", s)
    }
    pub fn dim(self, s: &str) -> String {
        self.paint("2", s)
    }

    /// Colours a 0-100 score: green from 65, yellow from 40, red below.
    pub fn score(self, score: u32, s: &str) -> String {
        match score {
            65.. => self.green(s),
            40..=64 => self.yellow(s),
            _ => self.red(s),
        }
    }
}

/// A bar of `width` cells for a 0-100 value.
pub fn bar(value: u32, width: usize) -> String {
    let filled = (value.min(100) as usize * width + 50) / 100;
    format!("{}{}", "█".repeat(filled), "░".repeat(width - filled))
}
