//! The settings a run uses and where each came from: a command-line flag,
//! an environment variable, the config file, or the built-in default (in
//! that order of precedence). Resolved once, before anything runs.
//!
//! The config file is `$XDG_CONFIG_HOME/sdcoach/config.toml` on Linux (the
//! platform's config folder elsewhere), or the file `SDCOACH_CONFIG` names:
//!
//! ```toml
//! transcripts = "~/sdcoach/transcripts"   # relative paths: from the file's folder
//! minutes = 45
//! level = "mid"                           # new-grad, mid or senior
//! color = "auto"                          # auto, always or never
//! ```

use crate::error::{Error, Result};
pub use crate::framework::ColorChoice;
use crate::framework::TOTAL_MINUTES;
use crate::grading::Level;
use serde::{Deserialize, Serialize};
use std::fmt;
use std::path::{Path, PathBuf};

/// Largest config file read.
const MAX_CONFIG_BYTES: u64 = 64 * 1024;

/// Where a setting's value came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "kind", content = "name")]
pub enum Source {
    /// A command-line flag (`--transcripts`).
    Flag(String),
    /// An environment variable (`SDCOACH_TRANSCRIPTS`).
    Env(String),
    /// The config file.
    File(PathBuf),
    Default,
}

impl fmt::Display for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Source::Flag(name) => write!(f, "flag {name}"),
            Source::Env(name) => write!(f, "environment {name}"),
            Source::File(path) => write!(f, "file {}", path.display()),
            Source::Default => f.write_str("default"),
        }
    }
}

/// A value and where it came from.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Setting<T> {
    pub value: T,
    pub source: Source,
}

/// Everything a run is configured with.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Settings {
    /// The config file looked for, and whether it was there.
    pub file: Option<PathBuf>,
    pub file_found: bool,
    /// Where sessions are saved and read.
    pub transcripts: Setting<PathBuf>,
    /// Default length of a session; step budgets scale to it.
    pub minutes: Setting<u32>,
    /// The level answers are judged at.
    pub level: Setting<Level>,
    pub color: Setting<ColorChoice>,
}

/// What the command line said (`None` where it said nothing).
#[derive(Debug, Clone, Default)]
pub struct Flags {
    pub transcripts: Option<PathBuf>,
    pub minutes: Option<u32>,
    pub level: Option<Level>,
    pub color: Option<ColorChoice>,
}

/// The config file's fields; all optional.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileSettings {
    transcripts: Option<PathBuf>,
    minutes: Option<u32>,
    level: Option<String>,
    color: Option<String>,
}

/// The config file: `SDCOACH_CONFIG`, else the platform's config folder.
pub fn config_path(env: &dyn Fn(&str) -> Option<String>) -> Option<PathBuf> {
    if let Some(p) = env("SDCOACH_CONFIG").filter(|p| !p.is_empty()) {
        return Some(PathBuf::from(p));
    }
    directories::ProjectDirs::from("", "", "sdcoach").map(|d| d.config_dir().join("config.toml"))
}

/// `~/x` from the home folder, a relative path from the config file's folder.
fn resolve_path(path: &Path, file: &Path, env: &dyn Fn(&str) -> Option<String>) -> PathBuf {
    if let Ok(rest) = path.strip_prefix("~") {
        if let Some(home) = env("HOME") {
            return Path::new(&home).join(rest);
        }
    }
    if path.is_relative() {
        if let Some(dir) = file.parent() {
            return dir.join(path);
        }
    }
    path.to_path_buf()
}

fn read_file(path: &Path) -> Result<Option<FileSettings>> {
    let text = match crate::catalog::read_text(path, MAX_CONFIG_BYTES) {
        Ok(t) => t,
        Err(Error::Read { source, .. }) if source.kind() == std::io::ErrorKind::NotFound => {
            return Ok(None)
        }
        Err(e) => return Err(e),
    };
    toml::from_str(&text).map(Some).map_err(|e| {
        let line = e
            .span()
            .map(|s| text.bytes().take(s.start).filter(|b| *b == b'\n').count() + 1);
        Error::Data {
            file: match line {
                Some(l) => format!("{}:{l}", path.display()),
                None => path.display().to_string(),
            },
            message: format!(
                "{} (the file takes transcripts, minutes, level and color)",
                e.message()
            ),
        }
    })
}

/// Flags first, then the environment, then the file, then the defaults.
pub fn resolve(flags: Flags, env: &dyn Fn(&str) -> Option<String>) -> Result<Settings> {
    let file = config_path(env);
    let from_file = match &file {
        Some(f) => read_file(f)?,
        None => None,
    };
    let file_found = from_file.is_some();
    let parsed = from_file.unwrap_or_default();
    let file_path = file.clone().unwrap_or_default();
    let in_file = || Source::File(file_path.clone());
    let bad = |field: &str, msg: String| Error::Data {
        file: file_path.display().to_string(),
        message: format!("`{field}`: {msg}"),
    };

    let transcripts = if let Some(v) = flags.transcripts {
        Setting {
            value: v,
            source: Source::Flag("--transcripts".into()),
        }
    } else if let Some(v) = env("SDCOACH_TRANSCRIPTS").filter(|v| !v.is_empty()) {
        Setting {
            value: v.into(),
            source: Source::Env("SDCOACH_TRANSCRIPTS".into()),
        }
    } else if let Some(v) = &parsed.transcripts {
        Setting {
            value: resolve_path(v, &file_path, env),
            source: in_file(),
        }
    } else {
        Setting {
            value: PathBuf::from("transcripts"),
            source: Source::Default,
        }
    };

    let minutes = if let Some(v) = flags.minutes {
        Setting {
            value: v,
            source: Source::Flag("--minutes".into()),
        }
    } else if let Some(v) = parsed.minutes {
        if !(5..=600).contains(&v) {
            return Err(bad("minutes", format!("{v} is outside 5-600")));
        }
        Setting {
            value: v,
            source: in_file(),
        }
    } else {
        Setting {
            value: TOTAL_MINUTES,
            source: Source::Default,
        }
    };

    let level = if let Some(v) = flags.level {
        Setting {
            value: v,
            source: Source::Flag("--level".into()),
        }
    } else if let Some(v) = &parsed.level {
        let value = v
            .parse::<Level>()
            .map_err(|e| bad("level", e.to_string()))?;
        Setting {
            value,
            source: in_file(),
        }
    } else {
        Setting {
            value: Level::default(),
            source: Source::Default,
        }
    };

    let color = if let Some(v) = flags.color {
        Setting {
            value: v,
            source: Source::Flag("--color".into()),
        }
    } else if env("NO_COLOR").is_some_and(|v| !v.is_empty()) {
        Setting {
            value: ColorChoice::Never,
            source: Source::Env("NO_COLOR".into()),
        }
    } else if let Some(v) = &parsed.color {
        let value = v.parse::<ColorChoice>().map_err(|e| bad("color", e))?;
        Setting {
            value,
            source: in_file(),
        }
    } else {
        Setting {
            value: ColorChoice::Auto,
            source: Source::Default,
        }
    };

    Ok(Settings {
        file,
        file_found,
        transcripts,
        minutes,
        level,
        color,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn env_of(pairs: &[(&str, &str)]) -> impl Fn(&str) -> Option<String> {
        let map: HashMap<String, String> = pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        move |k| map.get(k).cloned()
    }

    #[test]
    fn flags_beat_the_environment_which_beats_the_file() {
        let dir = tempfile::tempdir().expect("tempdir");
        let file = dir.path().join("config.toml");
        std::fs::write(
            &file,
            "transcripts = \"sessions\"\nminutes = 45\nlevel = \"mid\"\ncolor = \"never\"\n",
        )
        .expect("written");
        let path = file.display().to_string();
        let env = env_of(&[("SDCOACH_CONFIG", &path)]);
        let s = resolve(Flags::default(), &env).expect("resolves");
        assert!(s.file_found);
        assert_eq!(s.transcripts.value, dir.path().join("sessions"));
        assert_eq!(s.transcripts.source, Source::File(file.clone()));
        assert_eq!(s.minutes.value, 45);
        assert_eq!(s.level.value, Level::Mid);
        assert_eq!(s.color.value, ColorChoice::Never);

        let env = env_of(&[("SDCOACH_CONFIG", &path), ("SDCOACH_TRANSCRIPTS", "/x")]);
        let flags = Flags {
            minutes: Some(30),
            ..Flags::default()
        };
        let s = resolve(flags, &env).expect("resolves");
        assert_eq!(s.transcripts.value, PathBuf::from("/x"));
        assert_eq!(
            s.transcripts.source,
            Source::Env("SDCOACH_TRANSCRIPTS".into())
        );
        assert_eq!(s.minutes.source, Source::Flag("--minutes".into()));
    }

    #[test]
    fn without_a_file_the_defaults_hold() {
        let env = env_of(&[("SDCOACH_CONFIG", "/nonexistent/sdcoach.toml")]);
        let s = resolve(Flags::default(), &env).expect("resolves");
        assert!(!s.file_found);
        assert_eq!(s.transcripts.value, PathBuf::from("transcripts"));
        assert_eq!(s.minutes.value, 55);
        assert_eq!(s.level.source, Source::Default);
    }

    #[test]
    fn a_bad_file_names_the_file_line_and_field() {
        let dir = tempfile::tempdir().expect("tempdir");
        let file = dir.path().join("c.toml");
        std::fs::write(&file, "minutes = 45\ncolour = \"blue\"\n").expect("written");
        let env = env_of(&[("SDCOACH_CONFIG", file.to_str().expect("utf-8"))]);
        let err = resolve(Flags::default(), &env).expect_err("unknown field");
        let msg = err.to_string();
        assert!(msg.contains("c.toml:2"), "{msg}");
        assert!(msg.contains("colour"), "{msg}");
        std::fs::write(&file, "level = \"expert\"\n").expect("written");
        let err = resolve(Flags::default(), &env).expect_err("bad level");
        assert!(
            err.to_string().contains("`level`: unknown level `expert`"),
            "{err}"
        );
    }
}
