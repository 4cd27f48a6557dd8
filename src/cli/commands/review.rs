//! `sdcoach review`: re-grade a saved session, or compare two.

use crate::cli::args::format_parser;
use crate::cli::output::{emit, emitln};
use crate::cli::{exit, Config};
use sdcoach::catalog::Catalog;
use sdcoach::drill;
use sdcoach::error::Error;
use sdcoach::grading::Level;
use sdcoach::report::{self, Format, Style};
use sdcoach::review;
use sdcoach::transcript::{Store, Transcript};
use sdcoach::Result;
use std::path::{Path, PathBuf};

/// Arguments of `sdcoach review`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The transcript: a path, or a file name in the transcripts folder.
    #[arg(conflicts_with = "latest")]
    file: Option<PathBuf>,
    /// Review the most recently updated session.
    #[arg(long)]
    latest: bool,
    /// Lead with the grade stored when the session was saved (today's is shown when it differs).
    #[arg(long)]
    as_saved: bool,
    /// Compare two attempts side by side: A (earlier) and B (later).
    #[arg(long, num_args = 2, value_names = ["A", "B"], conflicts_with_all = ["file", "latest", "as_saved"])]
    compare: Option<Vec<PathBuf>>,
    /// Output format; `html` is one self-contained page to share.
    #[arg(long, value_parser = format_parser(), default_value = "text")]
    format: Format,
    /// Write the report to PATH instead of stdout.
    #[arg(long, short, value_name = "PATH")]
    output: Option<PathBuf>,
}

/// A transcript and the name reports give it (relative to the folder).
/// Loads a transcript; a level chosen for this run replaces the session's own.
fn load(store: &Store, path: &Path, level: Option<Level>) -> Result<(Transcript, String)> {
    let mut t = Store::load(path)?;
    if let Some(l) = level {
        t.level = l;
    }
    Ok((t, store.display_name(path)))
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

pub fn run(opts: Args, config: &Config) -> Result<i32> {
    // Without FILE the latest session is reviewed anyway: `latest` only reads well.
    let _ = opts.latest;
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
        let (ta, fa) = load(&store, &store.resolve(a)?, config.level_chosen)?;
        let (tb, fb) = load(&store, &store.resolve(b)?, config.level_chosen)?;
        let c = review::compare(&catalog, (&ta, &fa), (&tb, &fb))?;
        let text = report::render(&c, opts.format, style)?;
        return deliver(text, opts.output.as_deref());
    }

    let path = match &opts.file {
        Some(f) => store.resolve(f)?,
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
    let (t, file) = load(&store, &path, config.level_chosen)?;
    let r = review::review(&catalog, &t, &file, opts.as_saved)?;
    let mut text = report::render(&r, opts.format, style)?;
    // Text and Markdown end with the session's new drill cards.
    if matches!(opts.format, Format::Text | Format::Markdown) {
        let cards = drill::new_cards_count(&config.transcripts, &t, &r.grade);
        let command = config
            .how
            .command(&format!("drill --kind misses --problem {}", t.problem));
        let line = report::drill::new_cards_line(cards, &command);
        if !line.is_empty() {
            text.push_str(if opts.format == Format::Markdown {
                "\n"
            } else {
                ""
            });
            text.push_str(&line);
        }
    }
    deliver(text, opts.output.as_deref())
}
