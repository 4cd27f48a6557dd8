//! The fuzz targets' bodies (`fuzz/src/lib.rs`) over the committed corpus
//! (`fuzz/corpus/TARGET/`, minimised) and every input that once crashed one
//! (`fuzz/regressions/TARGET/`): what fuzzing found stays fixed, and CI
//! replays it on the stable toolchain.

#[path = "../fuzz/src/lib.rs"]
mod bodies;

use std::path::Path;

/// Runs `body` over every file of the target's corpus and regressions;
/// returns how many it ran.
fn replay(target: &str, body: fn(&[u8])) -> usize {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz");
    let mut n = 0;
    for dir in ["corpus", "regressions"] {
        let Ok(entries) = std::fs::read_dir(root.join(dir).join(target)) else {
            continue;
        };
        let mut files: Vec<_> = entries.filter_map(|e| e.ok()).map(|e| e.path()).collect();
        files.sort();
        for file in files {
            let data = std::fs::read(&file).expect("readable");
            let outcome = std::panic::catch_unwind(|| body(&data));
            assert!(outcome.is_ok(), "{target} panics on {}", file.display());
            n += 1;
        }
    }
    n
}

#[test]
fn answer_grader() {
    assert!(replay("answer_grader", bodies::answer_grader) > 0);
}

#[test]
fn quantities() {
    assert!(replay("quantities", bodies::quantities) > 0);
}

#[test]
fn transcript_loader() {
    assert!(replay("transcript_loader", bodies::transcript_loader) > 0);
}

#[test]
fn data_loader() {
    assert!(replay("data_loader", bodies::data_loader) > 0);
}

#[test]
fn diagram() {
    assert!(replay("diagram", bodies::diagram) > 0);
}
