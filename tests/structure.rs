//! The shape of the code, checked: imports run one way down the layers
//! (CONTRIBUTING.md), no source file holds more than 700 lines outside its
//! tests, and the library knows nothing of the command line.

use std::fs;
use std::path::{Path, PathBuf};

/// The library's layers, top first: a module may import only those below it.
const LAYERS: [&str; 13] = [
    "session",
    "report",
    "drill",
    "review",
    "settings",
    "transcript",
    "grading",
    "lint",
    "diagram",
    "estimation",
    "catalog",
    "framework",
    "error",
];

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).expect("src is readable").flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

fn sources() -> Vec<PathBuf> {
    let mut files = Vec::new();
    rust_files(Path::new("src"), &mut files);
    files.sort();
    files
}

/// The top-level module a file belongs to (`src/grading/text.rs` → `grading`).
fn module_of(path: &Path) -> String {
    let rel = path.strip_prefix("src").expect("under src");
    let first = rel.components().next().expect("a component");
    first
        .as_os_str()
        .to_string_lossy()
        .trim_end_matches(".rs")
        .to_string()
}

/// `crate::name` paths in code (not in comments).
fn crate_paths(line: &str) -> Vec<String> {
    let code = line.split("//").next().unwrap_or("");
    code.match_indices("crate::")
        .map(|(i, _)| {
            code[i + 7..]
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect()
        })
        .collect()
}

#[test]
fn imports_run_one_way_down_the_layers() {
    let rank = |m: &str| LAYERS.iter().position(|l| *l == m);
    let mut upward = Vec::new();
    for file in sources() {
        let module = module_of(&file);
        let Some(own) = rank(&module) else { continue };
        let text = fs::read_to_string(&file).expect("readable");
        for (n, line) in text.lines().enumerate() {
            for target in crate_paths(line) {
                let target = match target.as_str() {
                    "Result" | "Error" => "error".to_string(),
                    other => other.to_string(),
                };
                if rank(&target).is_some_and(|r| r < own) {
                    upward.push(format!(
                        "{}:{}: {module} imports {target}",
                        file.display(),
                        n + 1
                    ));
                }
            }
        }
    }
    assert!(
        upward.is_empty(),
        "imports up the layers:\n{}",
        upward.join("\n")
    );
}

#[test]
fn every_library_module_has_a_layer() {
    let lib = fs::read_to_string("src/lib.rs").expect("lib.rs");
    for line in lib.lines().filter(|l| l.starts_with("pub mod ")) {
        let name = line.trim_start_matches("pub mod ").trim_end_matches(';');
        assert!(LAYERS.contains(&name), "`{name}` has no place in LAYERS");
    }
}

#[test]
fn no_source_file_is_over_700_lines_outside_tests() {
    let mut big = Vec::new();
    for file in sources() {
        if file.file_name().is_some_and(|n| n == "tests.rs") {
            continue;
        }
        let text = fs::read_to_string(&file).expect("readable");
        let code = text
            .lines()
            .take_while(|l| !l.starts_with("#[cfg(test)]"))
            .count();
        if code > 700 {
            big.push(format!("{} ({code} lines)", file.display()));
        }
    }
    assert!(big.is_empty(), "split these by what they do: {big:?}");
}

#[test]
fn only_the_binary_knows_the_command_line() {
    for file in sources() {
        let module = module_of(&file);
        if module == "cli" || module == "main" {
            continue;
        }
        let text = fs::read_to_string(&file).expect("readable");
        assert!(
            !text.contains("clap::") && !text.contains("use clap"),
            "{} uses clap",
            file.display()
        );
    }
}
