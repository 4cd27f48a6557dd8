//! Reading data files from the binary or a folder and parsing them.

use super::Finding;
use super::{practice_rank, Catalog, Common, GuideIndex, Problem, QuestionBank, Rubric};
use crate::error::{Error, Result};
use serde::de::DeserializeOwned;
use std::fs;
use std::io::Read;
use std::path::Path;

include!(concat!(env!("OUT_DIR"), "/embedded.rs"));

/// Data files over this size are refused (a rubric is a few dozen KB).
pub const MAX_DATA_FILE_BYTES: u64 = 2 * 1024 * 1024;

/// One data file: where it came from and its text.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// Path shown in messages (`rubrics/twitter.yaml` or `DIR/rubrics/twitter.yaml`).
    pub display: String,
    /// Path relative to the data root (`rubrics/twitter.yaml`).
    pub rel: String,
    pub text: String,
    /// The same content as JSON (built-in files only), for a fast start.
    pub json: Option<&'static str>,
}

pub(crate) fn embedded_sources() -> Vec<SourceFile> {
    EMBEDDED
        .iter()
        .map(|(rel, text, json)| SourceFile {
            display: rel.to_string(),
            rel: rel.to_string(),
            text: text.to_string(),
            json: *json,
        })
        .collect()
}

/// The files every problem shares.
pub(crate) const SHARED: [&str; 4] = [
    "rubrics/common.yaml",
    "rubrics/questions.yaml",
    "rubrics/guide.yaml",
    "rubrics/concepts.yaml",
];

/// Reads a data folder; files it lacks among `common.yaml`, `questions.yaml`
/// `guide.yaml` and `concepts.yaml` come from the built-in data.
pub(crate) fn dir_sources(dir: &Path) -> Result<Vec<SourceFile>> {
    if !dir.is_dir() {
        return Err(Error::Data {
            file: dir.display().to_string(),
            message: "not a folder: `--data` needs a folder holding `problems/` and `rubrics/`"
                .into(),
        });
    }
    let mut files = Vec::new();
    for sub in ["problems", "rubrics"] {
        let path = dir.join(sub);
        if !path.is_dir() {
            return Err(Error::Data {
                file: path.display().to_string(),
                message: format!("missing folder: `--data` needs `{sub}/` inside it"),
            });
        }
        let mut names: Vec<_> = fs::read_dir(&path)
            .map_err(|source| Error::Read {
                path: path.clone(),
                source,
            })?
            .filter_map(|e| e.ok())
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "yaml" || x == "yml"))
            .collect();
        names.sort();
        for file in names {
            let name = file
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            files.push(SourceFile {
                display: file.display().to_string(),
                rel: format!("{sub}/{name}"),
                text: read_text(&file, MAX_DATA_FILE_BYTES)?,
                json: None,
            });
        }
    }
    for shared in SHARED {
        if !files.iter().any(|f| f.rel == shared) {
            files.extend(embedded_sources().into_iter().filter(|f| f.rel == shared));
        }
    }
    Ok(files)
}

/// Reads a text file with a size limit, refusing binary and non-UTF-8
/// content. The limit holds for what is read, not for what the file system
/// claims: a device (`/dev/zero`) or an endless pipe stops at the limit.
pub fn read_text(path: &Path, limit: u64) -> Result<String> {
    let read_err = |source| Error::Read {
        path: path.to_path_buf(),
        source,
    };
    let file = fs::File::open(path).map_err(read_err)?;
    let claimed = file
        .metadata()
        .ok()
        .filter(|m| m.is_file())
        .map(|m| m.len());
    if let Some(size) = claimed.filter(|&size| size > limit) {
        return Err(Error::TooLarge {
            path: path.to_path_buf(),
            size: Some(size),
            limit,
        });
    }
    let mut bytes = Vec::new();
    file.take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(read_err)?;
    if bytes.len() as u64 > limit {
        return Err(Error::TooLarge {
            path: path.to_path_buf(),
            size: None,
            limit,
        });
    }
    decode_text(path, bytes)
}

/// Checks bytes are UTF-8 text (no NUL bytes) and returns them as a string.
pub fn decode_text(path: &Path, bytes: Vec<u8>) -> Result<String> {
    if bytes.contains(&0) {
        return Err(Error::Binary {
            path: path.to_path_buf(),
        });
    }
    String::from_utf8(bytes).map_err(|e| Error::NotUtf8 {
        path: path.to_path_buf(),
        offset: e.utf8_error().valid_up_to(),
    })
}

/// A data file as the parser sees it, borrowed: the built-in files are
/// parsed from the binary's own bytes, without copying half a megabyte of
/// YAML at every start.
#[derive(Clone, Copy)]
pub(crate) struct FileRef<'a> {
    display: &'a str,
    pub(crate) rel: &'a str,
    text: &'a str,
    json: Option<&'a str>,
}

impl<'a> From<&'a SourceFile> for FileRef<'a> {
    fn from(f: &'a SourceFile) -> FileRef<'a> {
        FileRef {
            display: &f.display,
            rel: &f.rel,
            text: &f.text,
            json: f.json,
        }
    }
}

/// The built-in files, borrowed.
pub(crate) fn embedded_refs() -> impl Iterator<Item = FileRef<'static>> {
    EMBEDDED.iter().map(|(rel, text, json)| FileRef {
        display: rel,
        rel,
        text,
        json: *json,
    })
}

fn parse<T: DeserializeOwned>(file: FileRef) -> std::result::Result<T, Finding> {
    // The JSON twin is only a speed-up: on any error the YAML is read again
    // so that the message carries its line and column.
    if let Some(Ok(value)) = file.json.map(serde_json::from_str::<T>) {
        return Ok(value);
    }
    if let Some((line, column)) = super::depth::too_deep(file.text, super::depth::MAX_FLOW_DEPTH) {
        return Err(Finding {
            file: file.display.to_string(),
            line: Some(line),
            column: Some(column),
            message: format!(
                "`[` and `{{` nest more than {} levels deep here: no data file needs that",
                super::depth::MAX_FLOW_DEPTH
            ),
        });
    }
    serde_yaml::from_str(file.text).map_err(|e| {
        let (line, column) = e
            .location()
            .map(|l| (Some(l.line()), Some(l.column())))
            .unwrap_or((None, None));
        // serde_yaml appends " at line L column C"; the location is shown in front instead.
        let msg = e.to_string();
        let msg = msg
            .split(" at line ")
            .next()
            .unwrap_or(msg.as_str())
            .to_string();
        Finding {
            file: file.display.to_string(),
            line,
            column,
            message: format!("{msg}: fix the YAML (see README, \"Data files\")"),
        }
    })
}

/// Parses every file into a catalog; unparsable files become findings.
pub(crate) fn parse_all<'a>(
    files: impl IntoIterator<Item = FileRef<'a>>,
    origin: &str,
) -> (Catalog, Vec<Finding>) {
    let mut catalog = Catalog {
        origin: origin.to_string(),
        ..Catalog::default()
    };
    let mut findings = Vec::new();
    for file in files {
        let rel = file.rel;
        match rel {
            "rubrics/common.yaml" => match parse::<Common>(file) {
                Ok(c) => catalog.common = c,
                Err(f) => findings.push(f),
            },
            "rubrics/questions.yaml" => match parse::<QuestionBank>(file) {
                Ok(q) => catalog.questions = q,
                Err(f) => findings.push(f),
            },
            "rubrics/guide.yaml" => match parse::<GuideIndex>(file) {
                Ok(g) => catalog.guide = g,
                Err(f) => findings.push(f),
            },
            "rubrics/concepts.yaml" => match parse::<super::Lexicon>(file) {
                Ok(l) => catalog.concepts = l,
                Err(f) => findings.push(f),
            },
            _ if rel.starts_with("problems/") => match parse::<Problem>(file) {
                Ok(p) => catalog.problems.push(p),
                Err(f) => findings.push(f),
            },
            _ if rel.starts_with("rubrics/") => match parse::<Rubric>(file) {
                Ok(r) => {
                    catalog.rubrics.insert(r.problem.clone(), r);
                }
                Err(f) => findings.push(f),
            },
            _ => {}
        }
    }
    catalog.problems.sort_by_key(practice_rank);
    (catalog, findings)
}

impl SourceFile {
    /// The data files compiled into the binary.
    pub fn embedded() -> Vec<SourceFile> {
        embedded_sources()
    }

    /// The data files of a folder (see [`Catalog::from_dir`]).
    pub fn from_dir(dir: &Path) -> Result<Vec<SourceFile>> {
        dir_sources(dir)
    }
}
