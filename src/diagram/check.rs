//! The rubric's structure rules over a diagram: required boxes, required
//! routes and anti-patterns, each with the arrows that pass or break it.

use super::concept::{mentions_replication, says_replicated, words_of, Concept};
use super::model::{Diagram, Edge, Way};
use crate::catalog::{AntiPattern, ComponentRule, PathRule, Structure};
use serde::Serialize;
use std::collections::{HashSet, VecDeque};

/// What kind of rule a result is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CheckKind {
    Component,
    Path,
    AntiPattern,
}

/// One rule checked: `ok` when a required box or route is there, or when
/// an anti-pattern is absent. The evidence quotes the arrows.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CheckResult {
    pub id: String,
    pub ok: bool,
    pub evidence: String,
    pub label: String,
    pub kind: CheckKind,
    /// The `high_level` topic a passed component or route credits.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub topic: Option<String>,
    /// Credit a passed component (a box drawn: a mention) or route (a box
    /// in its place: a reasoned one) gives its topic.
    #[serde(skip)]
    pub credit: f64,
    /// Points a found anti-pattern takes.
    #[serde(skip)]
    pub points: f64,
    #[serde(skip)]
    pub advice: String,
    /// Arrows (indices into the diagram's edges) that pass or break it.
    #[serde(skip)]
    pub edges: Vec<usize>,
    /// Boxes it is about.
    #[serde(skip)]
    pub nodes: Vec<usize>,
}

/// Checks every rule of `rules` against a diagram. `prose` is the rest of
/// the answer: a store said to be replicated there is not a single copy.
/// An empty diagram is not checked (nothing was drawn).
pub fn check(d: &Diagram, rules: &Structure, prose: &str) -> Vec<CheckResult> {
    if d.edges.is_empty() {
        return Vec::new();
    }
    let mut out = Vec::new();
    out.extend(rules.components.iter().map(|r| component(d, r)));
    out.extend(rules.paths.iter().map(|r| path(d, r)));
    out.extend(rules.anti_patterns.iter().map(|r| anti(d, r, prose)));
    out
}

fn result(id: &str, label: &str, kind: CheckKind) -> CheckResult {
    CheckResult {
        id: id.to_string(),
        ok: false,
        evidence: String::new(),
        label: label.to_string(),
        kind,
        topic: None,
        credit: 0.0,
        points: 0.0,
        advice: String::new(),
        edges: Vec::new(),
        nodes: Vec::new(),
    }
}

/// Credit of a box drawn: as much as a topic named in prose without a reason.
pub const COMPONENT_CREDIT: f64 = 0.6;
/// Credit of a route drawn: the box placed where it does its job.
pub const PATH_CREDIT: f64 = 1.0;

/// The arrows touching a box: those pointing into it from a box that is
/// not a client first (the usual way a store is reached), then the rest.
fn touching(d: &Diagram, n: usize) -> Vec<usize> {
    let rank = |i: usize| {
        let e = &d.edges[i];
        match (e.to == n, d.nodes[e.from].concept == Concept::Client) {
            (true, false) => 0,
            (true, true) => 1,
            _ => 2,
        }
    };
    let mut all: Vec<usize> = (0..d.edges.len())
        .filter(|&i| d.edges[i].to == n || d.edges[i].from == n)
        .collect();
    all.sort_by_key(|&i| rank(i));
    all
}

fn component(d: &Diagram, r: &ComponentRule) -> CheckResult {
    let mut out = result(&r.id, &r.label, CheckKind::Component);
    out.topic = Some(r.topic.clone());
    out.credit = COMPONENT_CREDIT;
    let Some(c) = Concept::parse(&r.concept) else {
        out.evidence = format!("unknown kind `{}`", r.concept);
        return out;
    };
    match d.of(c).next() {
        Some(n) => {
            out.ok = true;
            out.nodes = vec![n];
            match touching(d, n).first() {
                Some(&e) => {
                    out.edges = vec![e];
                    out.evidence = d.quote(&d.edges[e]);
                }
                None => out.evidence = format!("{} (drawn without an arrow)", d.nodes[n].label),
            }
        }
        None => out.evidence = format!("no box reads as a {}", c.words()),
    }
    out
}

/// Which way arrows are followed in a search.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Follow {
    Forward,
    Backward,
    Any,
}

fn neighbours(d: &Diagram, v: usize, follow: Follow) -> Vec<(usize, usize)> {
    match follow {
        Follow::Forward => d.next(v, false).collect(),
        Follow::Backward => d.next(v, true).collect(),
        Follow::Any => d.next(v, false).chain(d.next(v, true)).collect(),
    }
}

/// A route found: the boxes in rule order and the arrows between them.
struct Route {
    nodes: Vec<usize>,
    edges: Vec<usize>,
    reverse: bool,
}

/// Breadth-first search over (box, how many kinds of the route are
/// reached): linear in boxes × route length × arrows.
fn find_route(d: &Diagram, kinds: &[Concept], avoid: &[Concept], follow: Follow) -> Option<Route> {
    let k = kinds.len();
    let n = d.nodes.len();
    if k < 2 || n == 0 {
        return None;
    }
    let state = |node: usize, stage: usize| node * (k + 1) + stage;
    // Parent state and the arrow taken, per state.
    let mut parent: Vec<Option<(usize, usize)>> = vec![None; n * (k + 1)];
    let mut seen = vec![false; n * (k + 1)];
    let mut queue = VecDeque::new();
    for s in d.of(kinds[0]) {
        seen[state(s, 1)] = true;
        queue.push_back((s, 1));
    }
    while let Some((v, stage)) = queue.pop_front() {
        for (w, e) in neighbours(d, v, follow) {
            let c = d.nodes[w].concept;
            let mut push = |stage2: usize, queue: &mut VecDeque<(usize, usize)>| {
                let st = state(w, stage2);
                if !seen[st] {
                    seen[st] = true;
                    parent[st] = Some((state(v, stage), e));
                    queue.push_back((w, stage2));
                }
            };
            if c == kinds[stage] {
                if stage + 1 == k {
                    push(k, &mut queue);
                    return Some(unwind(&parent, state(w, k), k, follow == Follow::Backward));
                }
                push(stage + 1, &mut queue);
            }
            if !avoid.contains(&c) {
                push(stage, &mut queue);
            }
        }
    }
    None
}

/// The route ending at state `end`, walked back to its start.
fn unwind(parent: &[Option<(usize, usize)>], end: usize, k: usize, reverse: bool) -> Route {
    let mut nodes = vec![end / (k + 1)];
    let mut edges = Vec::new();
    let mut at = end;
    // At most one step per state: no loop even on a malformed parent chain.
    for _ in 0..parent.len() {
        let Some((p, e)) = parent[at] else { break };
        edges.push(e);
        nodes.push(p / (k + 1));
        at = p;
    }
    nodes.reverse();
    edges.reverse();
    Route {
        nodes,
        edges,
        reverse,
    }
}

/// A route in request order, else in data order (every arrow reversed),
/// else, for `either_way`, with arrows as plain lines.
fn route(d: &Diagram, chain: &[Concept], avoid: &[Concept], either_way: bool) -> Option<Route> {
    find_route(d, chain, avoid, Follow::Forward)
        .or_else(|| find_route(d, chain, avoid, Follow::Backward))
        .or_else(|| {
            either_way
                .then(|| find_route(d, chain, avoid, Follow::Any))
                .flatten()
        })
}

fn route_text(d: &Diagram, r: &Route) -> String {
    let mut labels: Vec<&str> = r.nodes.iter().map(|&n| d.nodes[n].label.as_str()).collect();
    if r.reverse {
        labels.reverse();
    }
    labels.join(" → ")
}

fn kinds(names: &[String]) -> Option<Vec<Concept>> {
    names.iter().map(|n| Concept::parse(n)).collect()
}

fn path(d: &Diagram, r: &PathRule) -> CheckResult {
    let mut out = result(&r.id, &r.label, CheckKind::Path);
    out.topic = Some(r.topic.clone());
    out.credit = PATH_CREDIT;
    let (Some(chain), Some(avoid)) = (kinds(&r.path), kinds(&r.avoiding)) else {
        out.evidence = "the rule names an unknown kind".into();
        return out;
    };
    if let Some(found) = route(d, &chain, &avoid, r.either_way) {
        out.ok = true;
        out.evidence = route_text(d, &found);
        out.edges = found.edges;
        out.nodes = found.nodes;
        return out;
    }
    let words: Vec<&str> = chain.iter().map(|c| c.words()).collect();
    let unconstrained = route(d, &chain, &[], r.either_way);
    out.evidence = match (unconstrained, avoid.is_empty()) {
        (Some(found), false) => {
            let avoided: Vec<&str> = avoid.iter().map(|c| c.words()).collect();
            let text = format!(
                "only through the {}: {}",
                avoided.join(" or "),
                route_text(d, &found)
            );
            out.edges = found.edges;
            out.nodes = found.nodes;
            text
        }
        _ => match chain.iter().find(|&&c| d.of(c).next().is_none()) {
            Some(c) => format!("no box reads as a {}", c.words()),
            None => format!("no arrows lead {}", words.join(" → ")),
        },
    };
    out
}

/// An arrow labelled as carrying writes: "Write path", "writes", "upload",
/// "fan-out", "invalidate".
fn writes(e: &Edge) -> bool {
    e.label.as_deref().is_some_and(|l| {
        words_of(l).iter().any(|w| {
            w.starts_with("writ")
                || w.starts_with("upload")
                || w.starts_with("ingest")
                || w.starts_with("fan")
                || w.starts_with("publish")
                || w.starts_with("invalidat")
                || w.starts_with("populat")
        })
    })
}

fn anti(d: &Diagram, r: &AntiPattern, prose: &str) -> CheckResult {
    let mut out = result(&r.id, &r.label, CheckKind::AntiPattern);
    out.points = r.points;
    out.advice = r.advice.clone();
    out.ok = true;
    if let [a, b] = r.edge.as_slice() {
        let (Some(a), Some(b)) = (Concept::parse(a), Concept::parse(b)) else {
            return out;
        };
        let hit = d.edges.iter().position(|e| {
            let (f, t) = (d.nodes[e.from].concept, d.nodes[e.to].concept);
            let both = e.way != Way::Forward || r.either_way;
            (f == a && t == b) || (both && f == b && t == a)
        });
        match hit {
            Some(i) => {
                let e = &d.edges[i];
                out.ok = false;
                out.evidence = d.quote(e);
                out.edges = vec![i];
                out.nodes = vec![e.from, e.to];
            }
            None => out.evidence = format!("no arrow from a {} to a {}", a.words(), b.words()),
        }
    }
    if !r.route.is_empty() {
        let (Some(chain), Some(through)) = (kinds(&r.route), kinds(&r.only_through)) else {
            return out;
        };
        let any = route(d, &chain, &[], false);
        let clear = route(d, &chain, &through, false);
        match (any, clear) {
            // A write path reaches the cache after the store on purpose (the
            // fan-out or an invalidation fills it); only reads are slowed.
            (Some(found), None) if found.edges.iter().any(|&e| writes(&d.edges[e])) => {
                out.evidence = format!("only on a write path: {}", route_text(d, &found));
            }
            (Some(found), None) => {
                out.ok = false;
                out.evidence = route_text(d, &found);
                out.edges = found.edges;
                out.nodes = found.nodes;
            }
            (Some(_), Some(found)) => out.evidence = route_text(d, &found),
            (None, _) => {
                let words: Vec<&str> = chain.iter().map(|c| c.words()).collect();
                out.evidence = format!("no arrows lead {}", words.join(" → "));
            }
        }
    }
    if let Some(kind) = r.single.as_deref().and_then(Concept::parse) {
        single(d, kind, prose, &mut out);
    }
    out
}

/// Flags a store of `kind` that something writes to when nothing says its
/// data is kept twice.
fn single(d: &Diagram, kind: Concept, prose: &str, out: &mut CheckResult) {
    let boxes: Vec<usize> = d.of(kind).collect();
    let written = boxes.iter().find_map(|&n| {
        d.edges
            .iter()
            .position(|e| e.to == n || (e.way != Way::Forward && e.from == n))
            .map(|e| (n, e))
    });
    let Some((n, e)) = written else {
        return;
    };
    let near: HashSet<usize> = boxes.iter().copied().collect();
    let replicated = boxes.iter().any(|&b| says_replicated(&d.nodes[b].label))
        || d.edges.iter().any(|e| {
            (near.contains(&e.from) || near.contains(&e.to))
                && e.label.as_deref().is_some_and(mentions_replication)
        })
        || mentions_replication(prose);
    if replicated {
        out.evidence = format!("the {} is replicated", kind.words());
        return;
    }
    out.ok = false;
    out.evidence = d.quote(&d.edges[e]);
    out.edges = vec![e];
    out.nodes = vec![n];
}
