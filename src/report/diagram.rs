//! The diagram as read, shown back: a compact adjacency listing (`Client →
//! Load balancer → API servers`) with the kind of each box, the structure
//! rules with their arrows, and the lines that could not be read.

use super::style::Style;
use crate::diagram::{CheckKind, CheckResult, Diagram, Way};
use crate::framework::sanitize::one_line;
use std::collections::HashSet;
use std::fmt::Write;

/// Longest box label shown in the listing.
const LABEL: usize = 40;

fn clip(s: &str) -> String {
    let s = one_line(s);
    if s.chars().count() <= LABEL {
        s
    } else {
        format!("{}…", s.chars().take(LABEL - 1).collect::<String>())
    }
}

/// The listing: one line per chain of arrows, each edge once; a box whose
/// arrows fan out ends its line with the targets joined by commas. A box
/// is followed by its kind in brackets the first time it appears.
pub fn listing(d: &Diagram) -> Vec<String> {
    let mut shown: HashSet<usize> = HashSet::new();
    let mut used = vec![false; d.edges.len()];
    let mut name = |n: usize| {
        let node = &d.nodes[n];
        let label = clip(&node.label);
        if shown.insert(n) {
            format!("{label} [{}]", node.concept.words())
        } else {
            label
        }
    };
    let arrow = |i: usize| {
        let e = &d.edges[i];
        let head = match e.way {
            Way::Forward => "→",
            Way::Both => "↔",
            Way::Line => "—",
        };
        match &e.label {
            Some(l) => format!(" -{}{head} ", clip(l)),
            None => format!(" {head} "),
        }
    };
    let mut lines = Vec::new();
    for start in 0..d.edges.len() {
        if used[start] {
            continue;
        }
        let mut line = name(d.edges[start].from);
        let mut cur = d.edges[start].from;
        loop {
            let outs: Vec<usize> = (0..d.edges.len())
                .filter(|&i| !used[i] && d.edges[i].from == cur)
                .collect();
            match outs.as_slice() {
                [] => break,
                [one] => {
                    used[*one] = true;
                    line.push_str(&arrow(*one));
                    cur = d.edges[*one].to;
                    line.push_str(&name(cur));
                }
                many => {
                    // Fan-out: the targets share one arrow when none is labelled.
                    let plain = many
                        .iter()
                        .all(|&i| d.edges[i].label.is_none() && d.edges[i].way == Way::Forward);
                    if plain {
                        line.push_str(" → ");
                        let targets: Vec<String> =
                            many.iter().map(|&i| name(d.edges[i].to)).collect();
                        line.push_str(&targets.join(", "));
                    } else {
                        let parts: Vec<String> = many
                            .iter()
                            .map(|&i| format!("{}{}", arrow(i).trim_start(), name(d.edges[i].to)))
                            .collect();
                        line.push(' ');
                        line.push_str(&parts.join(", "));
                    }
                    for &i in many {
                        used[i] = true;
                    }
                    break;
                }
            }
        }
        lines.push(line);
    }
    // Boxes drawn without an arrow.
    let lonely: Vec<String> = (0..d.nodes.len())
        .filter(|&n| !d.edges.iter().any(|e| e.from == n || e.to == n))
        .collect::<Vec<_>>()
        .into_iter()
        .map(&mut name)
        .collect();
    if !lonely.is_empty() {
        lines.push(format!("(no arrows) {}", lonely.join(", ")));
    }
    lines
}

/// `✓ label: evidence` for every rule, anti-patterns found marked as red.
fn rule_line(r: &CheckResult, st: Style) -> String {
    let mark = match (r.ok, r.kind) {
        (true, _) => st.green("✓"),
        (false, CheckKind::AntiPattern) => st.red("✗"),
        (false, _) => st.yellow("·"),
    };
    let label = match (r.ok, r.kind) {
        (true, CheckKind::AntiPattern) => format!("not drawn: {}", r.label),
        _ => r.label.clone(),
    };
    format!("{mark} {}: {}", one_line(&label), one_line(&r.evidence))
}

/// The diagram section of the terminal report.
pub fn diagram_text(out: &mut String, d: &Diagram, rules: &[CheckResult], st: Style) {
    let _ = writeln!(
        out,
        "\n{} {}",
        st.bold("Diagram as read"),
        st.dim(&format!(
            "({} boxes, {} arrows)",
            d.nodes.len(),
            d.edges.len()
        ))
    );
    for line in listing(d) {
        let _ = writeln!(out, "  {line}");
    }
    for r in rules {
        let _ = writeln!(out, "  {}", rule_line(r, st));
    }
    for i in &d.issues {
        let _ = writeln!(
            out,
            "  {} {}, line {}: {}",
            st.yellow("!"),
            i.step.info().title,
            i.line,
            one_line(&i.message)
        );
    }
}

/// A short read-back for a session: the listing, the rules given (peer
/// mode shows the anti-patterns found) and the lines that could not be read.
pub fn read_back(d: &Diagram, rules: &[CheckResult]) -> String {
    let mut out = String::new();
    diagram_text(&mut out, d, rules, Style::plain());
    out.trim_start()
        .replacen("Diagram as read", "Diagram read", 1)
}

/// The diagram section of the Markdown report.
pub fn diagram_markdown(out: &mut String, d: &Diagram, rules: &[CheckResult]) {
    let _ = writeln!(
        out,
        "\n## Diagram as read ({} boxes, {} arrows)\n\n```text",
        d.nodes.len(),
        d.edges.len()
    );
    for line in listing(d) {
        let _ = writeln!(out, "{}", line.replace("```", "'''"));
    }
    let _ = writeln!(out, "```\n");
    for r in rules {
        let _ = writeln!(out, "- {}", rule_line(r, Style::plain()));
    }
    for i in &d.issues {
        let _ = writeln!(
            out,
            "- ! {}, line {}: {}",
            i.step.info().title,
            i.line,
            one_line(&i.message)
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagram::read_one;

    #[test]
    fn chains_fan_outs_and_kinds_read_back() {
        let d = read_one(
            "Client -> LB -> API servers -> Redis\nAPI servers -> Postgres\nAPI servers -> Kafka -> Fan-out workers",
        );
        assert_eq!(
            listing(&d),
            [
                "Client [client] → LB [load balancer] → API servers [service] → Redis [cache], Postgres [database], Kafka [queue]",
                "Kafka → Fan-out workers [worker]",
            ]
        );
    }

    #[test]
    fn labels_ways_and_lonely_boxes_are_shown() {
        let d = read_one(
            "```mermaid\nflowchart LR\nA[API] -- reads --> R[(Redis cache)]\nA <--> S[Search]\nL[Lonely DB]\n```",
        );
        assert_eq!(
            listing(&d),
            [
                "API [service] -reads→ Redis cache [cache], ↔ Search [search]",
                "(no arrows) Lonely DB [database]",
            ]
        );
    }
}
