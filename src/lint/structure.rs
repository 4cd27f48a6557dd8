//! The `structure:` section of a rubric: the diagram rules.

use super::{duplicates, Reporter};
use crate::catalog::Rubric;
use crate::diagram::Concept;
use crate::framework::StepId;
use std::collections::HashSet;

/// The `structure:` section: kinds the diagram reader knows, `high_level`
/// topics that exist, ids unique among the rules and apart from the flags
/// (a found anti-pattern is reported as a red flag), one shape per
/// anti-pattern.
pub(super) fn check_structure(
    r: &mut Reporter,
    rel: &str,
    rubric: &Rubric,
    flag_ids: &HashSet<&str>,
) {
    let s = &rubric.structure;
    let topics: HashSet<&str> = rubric
        .steps
        .get(StepId::HighLevel.as_str())
        .map(|st| st.topics.iter().map(|t| t.id.as_str()).collect())
        .unwrap_or_default();
    let ids = s
        .components
        .iter()
        .map(|c| c.id.as_str())
        .chain(s.paths.iter().map(|p| p.id.as_str()))
        .chain(s.anti_patterns.iter().map(|a| a.id.as_str()));
    duplicates(r, rel, "structure rule", ids.clone());
    let kind = |r: &mut Reporter, id: &str, field: &str, name: &str| {
        if Concept::parse(name).is_none() {
            let names = Concept::ALL.iter().map(|c| c.as_str());
            let near = crate::error::nearest(name, names);
            r.push(
                rel,
                Some(id),
                format!(
                    "structure rule `{id}` has unknown kind `{name}` in `{field}`{}",
                    crate::error::did_you_mean(&near)
                ),
            );
        }
    };
    let topic = |r: &mut Reporter, id: &str, t: &str| {
        if !topics.contains(t) {
            r.push(
                rel,
                Some(id),
                format!(
                    "structure rule `{id}` credits topic `{t}`, which the `high_level` step lacks"
                ),
            );
        }
    };
    for id in ids.filter(|id| flag_ids.contains(id)) {
        r.push(
            rel,
            Some(id),
            format!("structure rule `{id}` has the id of a flag: a found anti-pattern is reported as a red flag, so give it an id of its own"),
        );
    }
    for c in &s.components {
        kind(r, &c.id, "concept", &c.concept);
        topic(r, &c.id, &c.topic);
    }
    for p in &s.paths {
        if p.path.len() < 2 {
            r.push(
                rel,
                Some(&p.id),
                format!(
                    "path `{}` names {} kind(s): a path needs at least two (`[client, cache]`)",
                    p.id,
                    p.path.len()
                ),
            );
        }
        for k in p.path.iter().chain(&p.avoiding) {
            kind(r, &p.id, "path", k);
        }
        if let Some(both) = p.avoiding.iter().find(|a| p.path.contains(a)) {
            r.push(
                rel,
                Some(&p.id),
                format!(
                    "path `{}` both follows and avoids `{both}`: drop it from `avoiding`",
                    p.id
                ),
            );
        }
        topic(r, &p.id, &p.topic);
    }
    for a in &s.anti_patterns {
        let shapes = [!a.edge.is_empty(), !a.route.is_empty(), a.single.is_some()];
        if shapes.iter().filter(|x| **x).count() != 1 {
            r.push(
                rel,
                Some(&a.id),
                format!(
                    "anti-pattern `{}` needs exactly one of `edge`, `route` or `single`",
                    a.id
                ),
            );
        }
        if !a.edge.is_empty() && a.edge.len() != 2 {
            r.push(
                rel,
                Some(&a.id),
                format!(
                    "anti-pattern `{}` has an `edge` of {} kinds: give `[from, to]`",
                    a.id,
                    a.edge.len()
                ),
            );
        }
        if a.either_way && a.edge.is_empty() {
            r.push(
                rel,
                Some(&a.id),
                format!(
                    "anti-pattern `{}` sets `either_way` without an `edge`",
                    a.id
                ),
            );
        }
        if !a.route.is_empty() && (a.route.len() < 2 || a.only_through.is_empty()) {
            r.push(
                rel,
                Some(&a.id),
                format!("anti-pattern `{}` needs a `route` of at least two kinds and the kinds in `only_through`", a.id),
            );
        }
        if a.route.is_empty() && !a.only_through.is_empty() {
            r.push(
                rel,
                Some(&a.id),
                format!(
                    "anti-pattern `{}` sets `only_through` without a `route`",
                    a.id
                ),
            );
        }
        for (field, list) in [
            ("edge", &a.edge),
            ("route", &a.route),
            ("only_through", &a.only_through),
        ] {
            for k in list {
                kind(r, &a.id, field, k);
            }
        }
        if let Some(k) = &a.single {
            kind(r, &a.id, "single", k);
            if Concept::parse(k).is_some_and(|c| !c.is_store()) {
                r.push(
                    rel,
                    Some(&a.id),
                    format!("anti-pattern `{}`: `single: {k}` is not a store (database, cache, object_storage or queue)", a.id),
                );
            }
        }
        if !(a.points >= 0.0 && a.points.is_finite()) {
            r.push(
                rel,
                Some(&a.id),
                format!(
                    "anti-pattern `{}` has points {}: use a non-negative number",
                    a.id, a.points
                ),
            );
        }
    }
}
