//! The graph a diagram is read into, the problems found while reading it,
//! and the builder both parsers fill: it merges boxes drawn twice, keeps
//! the limits and classifies every box once the whole drawing is read.

use super::concept::{classify, Concept, Shape};
use crate::framework::StepId;
use serde::Serialize;
use std::collections::HashMap;
use thiserror::Error;

/// Most boxes read from one answer; the rest is reported and ignored.
pub const MAX_NODES: usize = 120;
/// Most arrows read from one answer.
pub const MAX_EDGES: usize = 300;
/// Most problems listed for one answer; the rest are not.
pub const MAX_ISSUES: usize = 20;
/// Longest label read, in characters; a longer one is reported and its
/// statement ignored.
pub const MAX_LABEL: usize = 80;

/// A box.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Node {
    pub id: String,
    pub label: String,
    pub concept: Concept,
    #[serde(skip)]
    pub shape: Shape,
    /// Title of the subgraph it was drawn in.
    #[serde(skip)]
    pub group: Option<String>,
}

/// Which way an arrow may be followed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Way {
    /// `-->`: from `from` to `to`.
    #[default]
    Forward,
    /// `<-->`: both ways.
    Both,
    /// `---`: a line without a head, followed both ways.
    Line,
}

/// An arrow between two boxes (indices into [`Diagram::nodes`]).
#[derive(Debug, Clone, PartialEq)]
pub struct Edge {
    pub from: usize,
    pub to: usize,
    pub label: Option<String>,
    pub way: Way,
    /// Where it was drawn.
    pub step: StepId,
    pub line: usize,
}

/// What was wrong with a line of a diagram. The line is ignored; the rest
/// of the drawing and of the answer is still read.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum Problem {
    #[error("`{open}` is never closed: close it with `{close}`")]
    Unclosed { open: String, close: String },
    #[error("`{found}` is not an arrow Mermaid knows: use `-->`, `---`, `-.->` or `==>`")]
    UnknownArrow { found: String },
    #[error("an arrow needs a box on each side")]
    MissingBox,
    #[error("a label of {chars} characters is too long (at most {MAX_LABEL}): shorten it")]
    LabelTooLong { chars: usize },
    #[error("more than {MAX_NODES} boxes: the rest of the drawing is ignored")]
    TooManyNodes,
    #[error("more than {MAX_EDGES} arrows: the rest of the drawing is ignored")]
    TooManyEdges,
    #[error("only Mermaid flowcharts are read (`flowchart LR` or `graph TD`), not `{kind}`")]
    NotAFlowchart { kind: String },
    #[error("`end` without a `subgraph`")]
    StrayEnd,
    #[error("`{label}` points at itself: the arrow is ignored")]
    SelfLoop { label: String },
    #[error("a ```mermaid block is never closed: end it with ```")]
    UnclosedFence,
}

/// A problem with the step and line (within that step's text) it was on.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Issue {
    pub step: StepId,
    pub line: usize,
    pub message: String,
    #[serde(skip)]
    pub problem: Problem,
}

/// Which way the drawing runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum Direction {
    #[default]
    Lr,
    Td,
}

/// A diagram read from an answer: the boxes, the arrows and what could not
/// be read. Its JSON is `{nodes [{id, label, concept}], edges [{from, to,
/// label}], issues [{step, line, message}]}`, arrows naming boxes by id.
#[derive(Debug, Clone, Default)]
pub struct Diagram {
    pub nodes: Vec<Node>,
    pub edges: Vec<Edge>,
    pub issues: Vec<Issue>,
    pub direction: Direction,
}

/// An arrow as JSON shows it.
#[derive(Serialize)]
struct EdgeJson<'a> {
    from: &'a str,
    to: &'a str,
    label: Option<&'a str>,
    /// Omitted for an ordinary arrow; `both` or `line` otherwise.
    #[serde(skip_serializing_if = "Option::is_none")]
    way: Option<&'static str>,
}

impl Serialize for Diagram {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let edges: Vec<EdgeJson> = self
            .edges
            .iter()
            .map(|e| EdgeJson {
                from: &self.nodes[e.from].id,
                to: &self.nodes[e.to].id,
                label: e.label.as_deref(),
                way: match e.way {
                    Way::Forward => None,
                    Way::Both => Some("both"),
                    Way::Line => Some("line"),
                },
            })
            .collect();
        let mut st = s.serialize_struct("Diagram", 4)?;
        st.serialize_field("direction", &self.direction)?;
        st.serialize_field("nodes", &self.nodes)?;
        st.serialize_field("edges", &edges)?;
        st.serialize_field("issues", &self.issues)?;
        st.end()
    }
}

impl Diagram {
    /// Whether anything was drawn.
    pub fn is_empty(&self) -> bool {
        self.nodes.is_empty()
    }

    /// `Client → Load balancer (reads)`: an arrow as quoted in evidence.
    pub fn quote(&self, e: &Edge) -> String {
        let arrow = match e.way {
            Way::Forward => "→",
            Way::Both => "↔",
            Way::Line => "—",
        };
        let mut s = format!(
            "{} {arrow} {}",
            self.nodes[e.from].label, self.nodes[e.to].label
        );
        if let Some(l) = &e.label {
            s.push_str(&format!(" ({l})"));
        }
        s
    }

    /// Neighbours reached from `n` along the arrows (`reverse`: against them).
    pub fn next(&self, n: usize, reverse: bool) -> impl Iterator<Item = (usize, usize)> + '_ {
        self.edges.iter().enumerate().filter_map(move |(i, e)| {
            let forward = !reverse || e.way != Way::Forward;
            let backward = reverse || e.way != Way::Forward;
            if e.from == n && forward {
                Some((e.to, i))
            } else if e.to == n && backward {
                Some((e.from, i))
            } else {
                None
            }
        })
    }

    /// Nodes of a concept.
    pub fn of(&self, c: Concept) -> impl Iterator<Item = usize> + '_ {
        (0..self.nodes.len()).filter(move |&i| self.nodes[i].concept == c)
    }
}

/// A box as a parser saw it.
#[derive(Debug, Clone, Default)]
pub struct Seen {
    /// The key boxes are merged by within one drawing (the Mermaid id, or
    /// the label of an arrow line).
    pub key: String,
    pub label: Option<String>,
    pub shape: Shape,
}

/// Fills a [`Diagram`] from one or more drawings. Boxes are merged within a
/// drawing by key and across drawings by label, so arrow lines and Mermaid
/// blocks add to one graph.
#[derive(Debug, Default)]
pub struct Builder {
    diagram: Diagram,
    /// Key within the current drawing → node.
    keys: HashMap<String, usize>,
    /// Normalised label → node, across drawings.
    labels: HashMap<String, usize>,
    /// (from, to, label) of the arrows already added.
    seen_edges: HashMap<(usize, usize, Option<String>), ()>,
    full: bool,
    pub step: Option<StepId>,
    direction_set: bool,
    group: Option<String>,
}

/// Lower-case alphanumeric words, a final plural `s` dropped: "API servers"
/// and "api server" are one box.
pub fn normalise(label: &str) -> String {
    let words = super::concept::words_of(label);
    let n = words.len();
    words
        .into_iter()
        .enumerate()
        .map(|(i, w)| {
            if i + 1 == n && w.len() > 3 && w.ends_with('s') && !w.ends_with("ss") {
                w[..w.len() - 1].to_string()
            } else {
                w
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

impl Builder {
    /// Starts a new drawing: keys no longer merge with the previous one.
    pub fn begin(&mut self) {
        self.keys.clear();
        self.group = None;
    }

    fn step(&self) -> StepId {
        self.step.unwrap_or(StepId::HighLevel)
    }

    /// Records a problem on `line`.
    pub fn issue(&mut self, line: usize, problem: Problem) {
        if self.diagram.issues.len() >= MAX_ISSUES {
            return;
        }
        self.diagram.issues.push(Issue {
            step: self.step(),
            line,
            message: problem.to_string(),
            problem,
        });
    }

    /// Sets the drawing's direction (the first drawing's wins).
    pub fn direction(&mut self, d: Direction) {
        if !self.direction_set {
            self.diagram.direction = d;
            self.direction_set = true;
        }
    }

    /// The subgraph boxes are drawn in from now on.
    pub fn set_group(&mut self, title: Option<String>) {
        self.group = title;
    }

    /// Whether a limit was reached: the parsers stop reading.
    pub fn is_full(&self) -> bool {
        self.full
    }

    /// The node for a box, created or merged; `None` past the limit.
    pub fn node(&mut self, seen: &Seen, line: usize) -> Option<usize> {
        if let Some(&i) = self.keys.get(&seen.key) {
            let n = &mut self.diagram.nodes[i];
            if let Some(l) = &seen.label {
                n.label = l.clone();
            }
            if seen.shape != Shape::Box {
                n.shape = seen.shape;
            }
            return Some(i);
        }
        let label = seen.label.clone().unwrap_or_else(|| seen.key.clone());
        let norm = normalise(&label);
        if let Some(&i) = self.labels.get(&norm).filter(|_| !norm.is_empty()) {
            self.keys.insert(seen.key.clone(), i);
            return Some(i);
        }
        if self.full {
            return None;
        }
        if self.diagram.nodes.len() >= MAX_NODES {
            self.full = true;
            self.issue(line, Problem::TooManyNodes);
            return None;
        }
        let i = self.diagram.nodes.len();
        self.diagram.nodes.push(Node {
            id: self.fresh_id(&seen.key),
            label,
            concept: Concept::Other,
            shape: seen.shape,
            group: self.group.clone(),
        });
        self.keys.insert(seen.key.clone(), i);
        if !norm.is_empty() {
            self.labels.insert(norm, i);
        }
        Some(i)
    }

    /// An id unique in the diagram, from the key (`API servers` → `api_servers`).
    fn fresh_id(&self, key: &str) -> String {
        let mut base: String = key
            .chars()
            .map(|c| if c.is_alphanumeric() { c } else { '_' })
            .collect::<String>()
            .trim_matches('_')
            .to_string();
        if key.contains(' ') {
            base = base.to_lowercase();
        }
        if base.is_empty() {
            base = "box".into();
        }
        let taken = |id: &str| self.diagram.nodes.iter().any(|n| n.id == id);
        if !taken(&base) {
            return base;
        }
        (2..)
            .map(|k| format!("{base}_{k}"))
            .find(|id| !taken(id))
            .unwrap_or(base)
    }

    /// Adds an arrow (a repeated one is kept once, one from a box to
    /// itself is reported and ignored).
    pub fn edge(&mut self, from: usize, to: usize, label: Option<String>, way: Way, line: usize) {
        if self.full {
            return;
        }
        if from == to {
            let label = self.diagram.nodes[from].label.clone();
            self.issue(line, Problem::SelfLoop { label });
            return;
        }
        if self.diagram.edges.len() >= MAX_EDGES {
            self.full = true;
            self.issue(line, Problem::TooManyEdges);
            return;
        }
        if self
            .seen_edges
            .insert((from, to, label.clone()), ())
            .is_some()
        {
            return;
        }
        self.diagram.edges.push(Edge {
            from,
            to,
            label,
            way,
            step: self.step(),
            line,
        });
    }

    /// The finished diagram, every box classified. Loops through several
    /// boxes stay: a request and its reply, a bus feeding the servers that
    /// fill it are designs, not mistakes; searches visit each box once and
    /// the drawing shows a loop's last arrow as a back edge.
    pub fn finish(mut self) -> Diagram {
        for n in &mut self.diagram.nodes {
            n.concept = classify(&n.label, n.shape, n.group.as_deref());
        }
        self.diagram
    }
}
