//! `sdcoach lint`.

use crate::cli::output::emitln;
use crate::cli::{exit, Config};
use sdcoach::catalog::SourceFile;
use sdcoach::Result;

pub fn run(config: &Config) -> Result<i32> {
    let (files, origin) = match &config.data {
        Some(dir) => (SourceFile::from_dir(dir)?, dir.display().to_string()),
        None => (SourceFile::embedded(), "built-in".to_string()),
    };
    let (catalog, findings) = sdcoach::lint::lint_sources(&files, &origin);
    for f in &findings {
        emitln(&sdcoach::report::one_line(&f.to_string()));
    }
    if findings.is_empty() {
        emitln(&format!(
            "ok: {} problems, {} rubrics, {} questions in {} data ({} files)",
            catalog.problems.len(),
            catalog.rubrics.len(),
            catalog.questions.questions.len(),
            origin,
            files.len()
        ));
        Ok(exit::OK)
    } else {
        let n = findings.len();
        eprintln!(
            "{n} {}",
            sdcoach::framework::plural(n, "finding", "findings")
        );
        Ok(exit::FINDINGS)
    }
}
