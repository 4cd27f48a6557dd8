//! Loading only part of the built-in data changes nothing that is shown:
//! `grade` parses the graded problem's files alone and `problems` the
//! problems alone (see `Catalog::embedded_for` and `Catalog::open_problems`).

use sdcoach::catalog::{Catalog, Problem};
use sdcoach::grading::{grade_at, parse_answer, Extras, Grade, Level};
use std::path::Path;

fn json(g: sdcoach::Result<Grade>) -> String {
    serde_json::to_string(&g.expect("grades")).expect("json")
}

/// Every calibration and agreement answer grades the same, to the last
/// quote, with only its problem's files parsed as with the whole catalog.
#[test]
fn one_problems_files_grade_as_the_whole_catalog_does() {
    let whole = Catalog::embedded().expect("built-in data");
    let mut graded = 0;
    for id in whole.ids() {
        let own = Catalog::embedded_for(&id).expect("built-in data");
        assert_eq!(own.ids(), std::slice::from_ref(&id));
        assert!(own.questions.questions.is_empty());
        for dir in ["tests/calibration", "tests/agreement/answers"] {
            let Ok(files) = std::fs::read_dir(Path::new(dir).join(&id)) else {
                continue;
            };
            for file in files.flatten() {
                let Ok(text) = std::fs::read_to_string(file.path()) else {
                    continue;
                };
                let answer = parse_answer(&text);
                for level in [Level::NewGrad, Level::Senior] {
                    let a = grade_at(&whole, &id, &answer, &Extras::default(), level);
                    let b = grade_at(&own, &id, &answer, &Extras::default(), level);
                    assert_eq!(json(a), json(b), "{}", file.path().display());
                    graded += 1;
                }
            }
        }
    }
    assert!(graded > 100, "{graded} grades compared");
    // An unknown id gets the whole catalog, and so its usual error.
    let all = Catalog::embedded_for("no-such-problem").expect("built-in data");
    assert_eq!(all.ids(), whole.ids());
}

#[test]
fn the_problems_alone_list_as_the_whole_catalog_does() {
    let whole = Catalog::embedded().expect("built-in data");
    let listed = Catalog::open_problems(None).expect("built-in data");
    let json = |p: &[Problem]| serde_json::to_string(p).expect("json");
    assert_eq!(json(&listed.problems), json(&whole.problems));
    assert!(listed.rubrics.is_empty());
}
