//! `sdcoach review`: re-grade a saved session, or compare two.

use crate::catalog::Catalog;
use crate::cli::args::ReviewFormatArg;
use crate::cli::output::{emit, emitln};
use crate::cli::{exit, Config};
use crate::error::{did_you_mean, nearest, Error};
use crate::report::{self, html, review_md, review_text, Style};
use crate::review;
use crate::transcript::{Store, Transcript};
use crate::Result;
use std::path::{Path, PathBuf};

/// Resolved options of `review`.
pub struct Options {
    /// None: the latest session.
    pub file: Option<PathBuf>,
    pub as_saved: bool,
    pub compare: Option<Vec<PathBuf>>,
    pub format: ReviewFormatArg,
    pub output: Option<PathBuf>,
}

/// A path as given, else the same name inside the transcripts folder.
fn resolve(file: &Path, store: &Store) -> Result<PathBuf> {
    if file.is_file() {
        return Ok(file.to_path_buf());
    }
    let inside = store.dir.join(file);
    if file.is_relative() && inside.is_file() {
        return Ok(inside);
    }
    let names: Vec<String> = store
        .files()
        .unwrap_or_default()
        .iter()
        .filter_map(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
        .collect();
    let wanted = file
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let suggestions = nearest(&wanted, names.iter().map(String::as_str));
    Err(Error::Usage(format!(
        "no transcript `{}` (nor in `{}`){}; list the sessions with `sdcoach history`",
        file.display(),
        store.dir.display(),
        did_you_mean(&suggestions)
    )))
}

fn load(path: &Path) -> Result<(Transcript, String)> {
    Ok((Store::load(path)?, path.display().to_string()))
}

fn deliver(text: String, output: Option<&Path>) -> Result<i32> {
    match output {
        None => emit(&text),
        Some(path) => {
            std::fs::write(path, text).map_err(|source| Error::Write {
                path: path.to_path_buf(),
                source,
            })?;
            emitln(&format!(
                "Wrote {}",
                report::one_line(&path.display().to_string())
            ));
        }
    }
    Ok(exit::OK)
}

pub fn exec(opts: Options, config: &Config) -> Result<i32> {
    let catalog = Catalog::open(config.data.as_deref())?;
    let store = Store::new(&config.transcripts);
    // A file gets no colour codes.
    let style = if opts.output.is_some() {
        Style::plain()
    } else {
        config.style
    };

    if let Some(pair) = &opts.compare {
        let [a, b] = pair.as_slice() else {
            return Err(Error::Usage(
                "`--compare` takes two transcripts: A B".into(),
            ));
        };
        let (ta, fa) = load(&resolve(a, &store)?)?;
        let (tb, fb) = load(&resolve(b, &store)?)?;
        let c = review::compare(&catalog, (&ta, &fa), (&tb, &fb))?;
        let text = match opts.format {
            ReviewFormatArg::Text => review_text::compare_text(&c, style),
            ReviewFormatArg::Markdown => review_md::compare_markdown(&c),
            ReviewFormatArg::Json => format!("{}\n", report::safe_json::safe_json(&c)),
            ReviewFormatArg::Html => {
                return Err(Error::Usage(
                    "`--format html` renders one session: review A and B separately, or compare with `--format markdown`".into(),
                ))
            }
        };
        return deliver(text, opts.output.as_deref());
    }

    let path = match &opts.file {
        Some(f) => resolve(f, &store)?,
        None => match store.latest()? {
            Some((p, _)) => p,
            None => {
                return Err(Error::Usage(format!(
                    "no saved sessions in `{}`: practise first with `sdcoach practice PROBLEM` (or pass `--transcripts DIR`)",
                    store.dir.display()
                )))
            }
        },
    };
    let (t, file) = load(&path)?;
    let r = review::review(&catalog, &t, &file, opts.as_saved)?;
    let text = match opts.format {
        ReviewFormatArg::Text => review_text::review_text(&r, style),
        ReviewFormatArg::Markdown => review_md::review_markdown(&r),
        ReviewFormatArg::Json => format!("{}\n", report::safe_json::safe_json(&r)),
        ReviewFormatArg::Html => html::review_html(&r),
    };
    deliver(text, opts.output.as_deref())
}
