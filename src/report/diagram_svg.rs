//! The diagram drawn as SVG for the HTML report, with a small layered
//! layout of its own: loops are broken by turning their last arrow round,
//! boxes go into layers by the longest path from a source, a few sweeps
//! order each layer by the mean place of its neighbours, and arrows are
//! straight lines clipped to the boxes (curved when they run backwards).
//! Arrows on a passed route are green; boxes and arrows of a found
//! anti-pattern are red.

use crate::diagram::{CheckKind, CheckResult, Concept, Diagram, Direction, Way};
use crate::framework::sanitize::one_line;
use maud::{html, Markup};
use std::collections::HashSet;

const BOX_H: f64 = 44.0;
const MARGIN: f64 = 16.0;
/// Gap between layers, and between boxes of a layer.
const LAYER_GAP: f64 = 70.0;
const SIBLING_GAP: f64 = 26.0;
/// Characters of a label drawn in a box.
const LABEL_CHARS: usize = 26;
/// Rough width of one character at the label's size.
const CHAR_W: f64 = 7.0;

/// Where each box sits.
struct Layout {
    /// (x, y, width, height) of each box, then of each waypoint that a
    /// long arrow passes in the layers it crosses.
    boxes: Vec<(f64, f64, f64, f64)>,
    /// Waypoints of each arrow (indices into `boxes`), empty for an arrow
    /// between neighbouring layers.
    via: Vec<Vec<usize>>,
    width: f64,
    height: f64,
    /// Arrows turned round to break loops.
    back: HashSet<usize>,
}

/// Height (across a layer) of a waypoint's slot.
const WAYPOINT: f64 = 10.0;

fn short(label: &str) -> String {
    let s = one_line(label);
    if s.chars().count() <= LABEL_CHARS {
        s
    } else {
        format!("{}…", s.chars().take(LABEL_CHARS - 1).collect::<String>())
    }
}

fn box_width(label: &str) -> f64 {
    (short(label).chars().count() as f64 * CHAR_W + 24.0).clamp(84.0, 210.0)
}

/// Arrows that close a loop in a depth-first walk (iterative: a long chain
/// cannot overflow the stack).
fn back_edges(d: &Diagram, out: &[Vec<usize>]) -> HashSet<usize> {
    let n = d.nodes.len();
    let mut state = vec![0u8; n];
    let mut back = HashSet::new();
    for root in 0..n {
        if state[root] != 0 {
            continue;
        }
        state[root] = 1;
        let mut stack = vec![(root, 0usize)];
        while let Some(top) = stack.last_mut() {
            let (v, k) = *top;
            if let Some(&e) = out[v].get(k) {
                top.1 += 1;
                let w = d.edges[e].to;
                match state[w] {
                    0 => {
                        state[w] = 1;
                        stack.push((w, 0));
                    }
                    1 => {
                        back.insert(e);
                    }
                    _ => {}
                }
            } else {
                state[v] = 2;
                stack.pop();
            }
        }
    }
    back
}

/// The layer of each box: the longest path to it from a source over the
/// arrows that are not back edges (Kahn's order).
fn layers(d: &Diagram, out: &[Vec<usize>], back: &HashSet<usize>) -> Vec<usize> {
    let n = d.nodes.len();
    let mut indegree = vec![0usize; n];
    for (i, e) in d.edges.iter().enumerate() {
        if !back.contains(&i) {
            indegree[e.to] += 1;
        }
    }
    let mut layer = vec![0usize; n];
    let mut ready: Vec<usize> = (0..n).filter(|&v| indegree[v] == 0).collect();
    while let Some(v) = ready.pop() {
        for &e in &out[v] {
            if back.contains(&e) {
                continue;
            }
            let w = d.edges[e].to;
            layer[w] = layer[w].max(layer[v] + 1);
            indegree[w] -= 1;
            if indegree[w] == 0 {
                ready.push(w);
            }
        }
    }
    layer
}

fn layout(d: &Diagram) -> Layout {
    let n = d.nodes.len();
    let mut out: Vec<Vec<usize>> = vec![Vec::new(); n];
    for (i, e) in d.edges.iter().enumerate() {
        out[e.from].push(i);
    }
    let back = back_edges(d, &out);
    let mut layer = layers(d, &out, &back);
    // A waypoint in every layer a long arrow crosses, so the ordering keeps
    // the arrow clear of the boxes there.
    let mut via: Vec<Vec<usize>> = vec![Vec::new(); d.edges.len()];
    let mut segments: Vec<(usize, usize)> = Vec::new();
    for (i, e) in d.edges.iter().enumerate() {
        let (a, z) = if back.contains(&i) {
            (e.to, e.from)
        } else {
            (e.from, e.to)
        };
        let mut prev = a;
        for l in layer[a] + 1..layer[z].max(layer[a] + 1) {
            let w = layer.len();
            layer.push(l);
            via[i].push(w);
            segments.push((prev, w));
            prev = w;
        }
        segments.push((prev, z));
        if back.contains(&i) {
            via[i].reverse();
        }
    }
    let total = layer.len();
    let rows_n = layer.iter().max().map_or(0, |m| m + 1);
    let mut rows: Vec<Vec<usize>> = vec![Vec::new(); rows_n];
    for v in 0..total {
        rows[layer[v]].push(v);
    }
    order_layers(total, &segments, &mut rows);

    let widths: Vec<f64> = (0..total)
        .map(|v| d.nodes.get(v).map_or(WAYPOINT, |b| box_width(&b.label)))
        .collect();
    let heights: Vec<f64> = (0..total)
        .map(|v| if v < n { BOX_H } else { WAYPOINT })
        .collect();
    let mut boxes = vec![(0.0, 0.0, 0.0, 0.0); total];
    let (width, height) = match d.direction {
        Direction::Lr => {
            let span = |row: &Vec<usize>| {
                row.iter().map(|&v| heights[v] + SIBLING_GAP).sum::<f64>() - SIBLING_GAP
            };
            let tallest = rows.iter().map(span).fold(0.0, f64::max);
            let mut x = MARGIN;
            for row in &rows {
                let col = row.iter().map(|&v| widths[v]).fold(0.0, f64::max);
                let mut y = MARGIN + (tallest - span(row)) / 2.0;
                for &v in row {
                    boxes[v] = (x + (col - widths[v]) / 2.0, y, widths[v], heights[v]);
                    y += heights[v] + SIBLING_GAP;
                }
                x += col + LAYER_GAP;
            }
            (x - LAYER_GAP + MARGIN, tallest + 2.0 * MARGIN)
        }
        Direction::Td => {
            let span = |row: &Vec<usize>| {
                row.iter().map(|&v| widths[v] + SIBLING_GAP).sum::<f64>() - SIBLING_GAP
            };
            let widest = rows.iter().map(span).fold(0.0, f64::max);
            let mut y = MARGIN;
            for row in &rows {
                let mut x = MARGIN + (widest - span(row)) / 2.0;
                for &v in row {
                    let top = y + (BOX_H - heights[v]) / 2.0;
                    boxes[v] = (x, top, widths[v], heights[v]);
                    x += widths[v] + SIBLING_GAP;
                }
                y += BOX_H + LAYER_GAP * 0.7;
            }
            (widest + 2.0 * MARGIN, y - LAYER_GAP * 0.7 + MARGIN)
        }
    };
    Layout {
        boxes,
        via,
        width: width.max(120.0),
        height: height.max(60.0),
        back,
    }
}

/// Orders each layer by the mean place of its neighbours in the layer
/// before (sweeping down) and after (sweeping up), four times.
fn order_layers(total: usize, segments: &[(usize, usize)], rows: &mut [Vec<usize>]) {
    let mut place = vec![0.0; total];
    let mut near: Vec<Vec<usize>> = vec![Vec::new(); total];
    for &(a, z) in segments {
        near[a].push(z);
        near[z].push(a);
    }
    let set_places = |rows: &[Vec<usize>], place: &mut Vec<f64>| {
        for row in rows {
            for (i, &v) in row.iter().enumerate() {
                place[v] = i as f64;
            }
        }
    };
    set_places(rows, &mut place);
    for sweep in 0..4 {
        let down = sweep % 2 == 0;
        let idx: Vec<usize> = if down {
            (1..rows.len()).collect()
        } else {
            (0..rows.len().saturating_sub(1)).rev().collect()
        };
        for li in idx {
            let other = if down { li - 1 } else { li + 1 };
            let neighbour_row: HashSet<usize> = rows[other].iter().copied().collect();
            let mut keyed: Vec<(f64, usize)> = rows[li]
                .iter()
                .map(|&v| {
                    let places: Vec<f64> = near[v]
                        .iter()
                        .filter(|o| neighbour_row.contains(o))
                        .map(|&o| place[o])
                        .collect();
                    let key = if places.is_empty() {
                        place[v]
                    } else {
                        places.iter().sum::<f64>() / places.len() as f64
                    };
                    (key, v)
                })
                .collect();
            keyed.sort_by(|a, b| a.0.total_cmp(&b.0));
            rows[li] = keyed.into_iter().map(|(_, v)| v).collect();
            set_places(rows, &mut place);
        }
    }
}

/// Where the line from the centre of a box towards (tx, ty) leaves it.
fn exit(b: (f64, f64, f64, f64), tx: f64, ty: f64) -> (f64, f64) {
    let (x, y, w, h) = b;
    let (cx, cy) = (x + w / 2.0, y + h / 2.0);
    let (dx, dy) = (tx - cx, ty - cy);
    if dx == 0.0 && dy == 0.0 {
        return (cx, cy);
    }
    let sx = if dx != 0.0 {
        (w / 2.0) / dx.abs()
    } else {
        f64::INFINITY
    };
    let sy = if dy != 0.0 {
        (BOX_H / 2.0) / dy.abs()
    } else {
        f64::INFINITY
    };
    let s = sx.min(sy);
    (cx + dx * s, cy + dy * s)
}

fn fill(c: Concept) -> &'static str {
    match c {
        Concept::Client => "#eef3fb",
        Concept::Dns | Concept::Cdn => "#eaf6f6",
        Concept::LoadBalancer => "#f1effa",
        Concept::Service | Concept::Worker => "#f4f6fa",
        Concept::Cache => "#fff6e0",
        Concept::Database | Concept::ObjectStorage => "#e9f5ec",
        Concept::Queue => "#fbeff3",
        Concept::Search => "#f6f1e8",
        Concept::Other => "#ffffff",
    }
}

fn f(v: f64) -> String {
    format!("{v:.1}")
}

fn centre(b: (f64, f64, f64, f64)) -> (f64, f64) {
    (b.0 + b.2 / 2.0, b.1 + b.3 / 2.0)
}

/// The SVG path of arrow `i` from box `a` to box `z` through its
/// waypoints, clipped to the boxes, and where its label goes. An arrow
/// between neighbouring layers bends by `bend` (back edges and the second
/// of two arrows between the same boxes).
fn edge_path(l: &Layout, i: usize, a: usize, z: usize, bend: f64) -> (String, (f64, f64)) {
    let mut pts: Vec<(f64, f64)> = std::iter::once(a)
        .chain(l.via[i].iter().copied())
        .chain(std::iter::once(z))
        .map(|v| centre(l.boxes[v]))
        .collect();
    let k = pts.len() - 1;
    pts[0] = exit(l.boxes[a], pts[1].0, pts[1].1);
    pts[k] = exit(l.boxes[z], pts[k - 1].0, pts[k - 1].1);
    let mid = k / 2;
    let (p, q) = (pts[mid], pts[mid + 1]);
    let (mx, my) = ((p.0 + q.0) / 2.0, (p.1 + q.1) / 2.0);
    if k == 1 && bend != 0.0 {
        let len = ((q.0 - p.0).powi(2) + (q.1 - p.1).powi(2)).sqrt().max(1.0);
        let (bx, by) = (mx - (q.1 - p.1) / len * bend, my + (q.0 - p.0) / len * bend);
        let d = format!(
            "M{},{} Q{},{} {},{}",
            f(p.0),
            f(p.1),
            f(bx),
            f(by),
            f(q.0),
            f(q.1)
        );
        return (d, ((mx + bx) / 2.0, (my + by) / 2.0));
    }
    let mut d = format!("M{},{}", f(pts[0].0), f(pts[0].1));
    for pt in &pts[1..] {
        d.push_str(&format!(" L{},{}", f(pt.0), f(pt.1)));
    }
    (d, (mx, my))
}

/// The diagram as an SVG element, marked with the structure results.
pub fn diagram_svg(d: &Diagram, rules: &[CheckResult]) -> Markup {
    let l = layout(d);
    let bad_edges: HashSet<usize> = rules
        .iter()
        .filter(|r| !r.ok && r.kind == CheckKind::AntiPattern)
        .flat_map(|r| r.edges.iter().copied())
        .collect();
    let bad_nodes: HashSet<usize> = rules
        .iter()
        .filter(|r| !r.ok && r.kind == CheckKind::AntiPattern)
        .flat_map(|r| r.nodes.iter().copied())
        .collect();
    let good_edges: HashSet<usize> = rules
        .iter()
        .filter(|r| r.ok && r.kind == CheckKind::Path)
        .flat_map(|r| r.edges.iter().copied())
        .collect();
    // Arrows between the same two boxes fan out; a back edge bows.
    let bends: Vec<f64> = (0..d.edges.len())
        .map(|i| {
            let e = &d.edges[i];
            let twins = d.edges[..i]
                .iter()
                .filter(|o| (o.from, o.to) == (e.from, e.to) || (o.from, o.to) == (e.to, e.from))
                .count();
            let side = if twins % 2 == 0 { 1.0 } else { -1.0 };
            let base = if l.back.contains(&i) { 36.0 } else { 0.0 };
            base + side * 24.0 * twins.div_ceil(2) as f64
        })
        .collect();
    html! {
        svg xmlns="http://www.w3.org/2000/svg" width=(f(l.width)) height=(f(l.height)) viewBox={"0 0 " (f(l.width)) " " (f(l.height))} role="img" aria-label="The diagram as read" {
            defs {
                @for (id, colour) in [("arrow", "#6b7585"), ("arrow-ok", "#2e9e55"), ("arrow-bad", "#d2463b")] {
                    marker id=(id) viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse" {
                        path d="M0,0 L10,5 L0,10 z" fill=(colour) {}
                    }
                }
            }
            @for (i, e) in d.edges.iter().enumerate() {
                @let (colour, marker, widthpx) = if bad_edges.contains(&i) {
                    ("#d2463b", "arrow-bad", "2.5")
                } else if good_edges.contains(&i) {
                    ("#2e9e55", "arrow-ok", "2")
                } else {
                    ("#6b7585", "arrow", "1.3")
                };
                @let bend = bends[i];
                @let (route, (lx, ly)) = edge_path(&l, i, e.from, e.to, bend);
                path d=(route) fill="none" stroke=(colour) stroke-width=(widthpx)
                    stroke-dasharray=[(e.way == Way::Line).then_some("5 4")]
                    marker-end=[(e.way != Way::Line).then(|| format!("url(#{marker})"))]
                    marker-start=[(e.way == Way::Both).then(|| format!("url(#{marker})"))] {
                    title { (d.quote(e)) }
                }
                @if let Some(label) = &e.label {
                    @let text = short(label);
                    @let w = text.chars().count() as f64 * 6.0 + 8.0;
                    rect x=(f(lx - w / 2.0)) y=(f(ly - 8.0)) width=(f(w)) height="15" rx="3" fill="#ffffff" fill-opacity="0.9" {}
                    text x=(f(lx)) y=(f(ly + 3.5)) font-size="10.5" text-anchor="middle" fill="#3b4656" { (text) }
                }
            }
            @for (v, node) in d.nodes.iter().enumerate() {
                @let (x, y, w, _) = l.boxes[v];
                @let stroke = if bad_nodes.contains(&v) { "#d2463b" } else { "#8a93a3" };
                @let sw = if bad_nodes.contains(&v) { "2.5" } else { "1.2" };
                g {
                    title { (one_line(&node.label)) " (" (node.concept.words()) ")" }
                    @if matches!(node.concept, Concept::Database | Concept::ObjectStorage) {
                        @let e = 6.0;
                        path d={"M" (f(x)) "," (f(y + e)) " a" (f(w / 2.0)) "," (f(e)) " 0 0 0 " (f(w)) ",0 a" (f(w / 2.0)) "," (f(e)) " 0 0 0 " (f(-w)) ",0 v" (f(BOX_H - 2.0 * e)) " a" (f(w / 2.0)) "," (f(e)) " 0 0 0 " (f(w)) ",0 v" (f(-(BOX_H - 2.0 * e)))}
                            fill=(fill(node.concept)) stroke=(stroke) stroke-width=(sw) {}
                    } @else {
                        rect x=(f(x)) y=(f(y)) width=(f(w)) height=(f(BOX_H)) rx=(if node.concept == Concept::Client { "14" } else { "6" })
                            fill=(fill(node.concept)) stroke=(stroke) stroke-width=(sw)
                            stroke-dasharray=[(node.concept == Concept::Queue).then_some("4 3")] {}
                    }
                    text x=(f(x + w / 2.0)) y=(f(y + 20.0)) font-size="12.5" font-weight="600" text-anchor="middle" fill="#1d2430" { (short(&node.label)) }
                    text x=(f(x + w / 2.0)) y=(f(y + 34.0)) font-size="10" text-anchor="middle" fill="#6b7585" { (node.concept.words()) }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagram::read_one;

    #[test]
    fn layers_follow_the_arrows_and_loops_end() {
        let d = read_one(
            "Client -> LB -> API servers -> Redis\nAPI servers -> Postgres\nRedis -> API servers",
        );
        let l = layout(&d);
        let x = |label: &str| {
            let i = d.nodes.iter().position(|n| n.label == label).expect("box");
            l.boxes[i].0
        };
        assert!(l.via.iter().all(Vec::is_empty));
        assert!(x("Client") < x("LB") && x("LB") < x("API servers"));
        assert!(x("API servers") < x("Redis"));
        // Redis and Postgres share a layer.
        assert_eq!(x("Redis"), x("Postgres"));
        assert_eq!(l.back.len(), 1);
    }

    #[test]
    fn a_long_arrow_passes_waypoints_clear_of_the_boxes() {
        let d = read_one("Client -> LB -> API servers -> Redis\nClient -> Redis");
        let l = layout(&d);
        let long = d.edges.iter().position(|e| d.quote(e) == "Client → Redis");
        let via = &l.via[long.expect("the long arrow")];
        assert_eq!(via.len(), 2);
        // Its waypoints sit beside LB and API servers, not on them.
        for (&w, label) in via.iter().zip(["LB", "API servers"]) {
            let b = d.nodes.iter().position(|n| n.label == label).expect("box");
            let (wy, by) = (l.boxes[w].1, l.boxes[b].1);
            assert!((wy - by).abs() >= BOX_H - 1.0, "{label}: {wy} vs {by}");
        }
    }

    #[test]
    fn the_drawing_marks_anti_patterns_and_escapes_labels() {
        let d = read_one(
            "```mermaid\nflowchart LR\nc[\"Client <script>\"] --> db[(Postgres)]\nc --> api[API]\n```",
        );
        let rules = crate::diagram::check(
            &d,
            &crate::catalog::Structure {
                anti_patterns: vec![crate::catalog::AntiPattern {
                    id: "client_db".into(),
                    label: "Client on the database".into(),
                    edge: vec!["client".into(), "database".into()],
                    either_way: false,
                    route: Vec::new(),
                    only_through: Vec::new(),
                    single: None,
                    points: 4.0,
                    advice: String::new(),
                }],
                ..Default::default()
            },
            "",
        );
        let svg = diagram_svg(&d, &rules).into_string();
        // The arrow and both boxes of the anti-pattern are red.
        assert_eq!(svg.matches("stroke=\"#d2463b\"").count(), 3, "{svg}");
        assert!(svg.contains("url(#arrow-bad)"));
        assert!(!svg.contains("<script>"));
        assert!(svg.contains("&lt;script&gt;"));
        assert!(svg.contains("<svg"));
    }
}
