//! The Mermaid flowchart subset: `flowchart`/`graph` headers, boxes with
//! shapes and labels, arrows (`-->`, `---`, `-.->`, `==>`, `<-->`, longer
//! runs, `--x`, `--o`) with labels (`-- reads -->`, `-->|reads|`), chains
//! (`A --> B --> C`), `&` groups, subgraphs, `;` separators and `%%`
//! comments. Styling statements are skipped. A line that cannot be read is
//! reported with its number and ignored; the rest of the block is read.
//!
//! Each statement is scanned once from left to right; a search for the end
//! of a label or an arrow stops at the end of the statement, so reading is
//! linear in the length of the block.

use super::concept::Shape;
use super::model::{Builder, Direction, Problem, Seen, Way, MAX_LABEL};

/// Keywords whose statements carry no boxes or arrows.
const SKIPPED: &[&str] = &[
    "classDef",
    "class",
    "style",
    "linkStyle",
    "click",
    "accTitle",
    "accDescr",
    "direction",
    "title",
];

/// Reads a Mermaid block; `first_line` is the line number of its first line.
pub fn read(block: &str, first_line: usize, b: &mut Builder) {
    b.begin();
    let mut header_seen = false;
    let mut front_matter = false;
    let mut depth = 0usize;
    for (i, raw) in block.lines().enumerate() {
        if b.is_full() {
            return;
        }
        let line_no = first_line + i;
        let mut line = strip_comment(raw).trim();
        if line.is_empty() {
            continue;
        }
        // `---` front matter (a title, a config) before the header.
        if !header_seen && line == "---" {
            front_matter = !front_matter;
            continue;
        }
        if front_matter {
            continue;
        }
        if !header_seen {
            header_seen = true;
            let (kind, rest) = split_word(line);
            if kind == "flowchart" || kind == "graph" || kind == "flowchart-elk" {
                let (dir, after) = split_word(rest);
                let dir = dir.trim_end_matches(';');
                b.direction(match dir {
                    "TD" | "TB" | "BT" => Direction::Td,
                    _ => Direction::Lr,
                });
                line = if ["LR", "RL", "TD", "TB", "BT"].contains(&dir) {
                    after
                } else {
                    rest
                };
            } else if !looks_like_flowchart_line(line) {
                b.issue(
                    line_no,
                    Problem::NotAFlowchart {
                        kind: clip(kind, 30),
                    },
                );
                return;
            }
        }
        let mut rest = line;
        while !rest.trim().is_empty() {
            rest = statement(rest.trim_start(), line_no, &mut depth, b);
        }
    }
}

/// The first word of `s` and the rest after it.
fn split_word(s: &str) -> (&str, &str) {
    let s = s.trim_start();
    match s.find(char::is_whitespace) {
        Some(i) => (&s[..i], &s[i..]),
        None => (s, ""),
    }
}

/// A line without a header that still reads as a flowchart statement
/// (people often leave `flowchart LR` out).
fn looks_like_flowchart_line(line: &str) -> bool {
    line.contains("--") || line.contains("==") || line.starts_with("subgraph")
}

fn strip_comment(line: &str) -> &str {
    match line.find("%%") {
        Some(i) => &line[..i],
        None => line,
    }
}

/// `s` cut to `max` characters for a message.
fn clip(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_string()
    } else {
        format!("{}…", s.chars().take(max).collect::<String>())
    }
}

/// Reads one statement from `s`; returns what follows it on the line.
fn statement<'a>(s: &'a str, line: usize, depth: &mut usize, b: &mut Builder) -> &'a str {
    if let Some(rest) = s.strip_prefix(';') {
        return rest;
    }
    let word: String = s
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '-' || *c == '_')
        .collect();
    let after_word = &s[word.len()..];
    let word_ends = after_word.is_empty()
        || after_word.starts_with(char::is_whitespace)
        || after_word.starts_with(';')
        || after_word.starts_with(':');
    if word == "subgraph" && word_ends {
        let (title, rest) = until_semicolon(after_word);
        *depth += 1;
        b.set_group(Some(subgraph_title(title.trim())));
        return rest;
    }
    if word == "end" && word_ends {
        if *depth == 0 {
            b.issue(line, Problem::StrayEnd);
        } else {
            *depth -= 1;
        }
        if *depth == 0 {
            b.set_group(None);
        }
        return until_semicolon(after_word).1;
    }
    if SKIPPED.contains(&word.as_str()) && word_ends {
        return "";
    }
    match chain(s) {
        Ok((chain, rest)) => {
            commit(&chain, line, b);
            rest
        }
        Err(problem) => {
            b.issue(line, problem);
            ""
        }
    }
}

fn until_semicolon(s: &str) -> (&str, &str) {
    match s.find(';') {
        Some(i) => (&s[..i], &s[i + 1..]),
        None => (s, ""),
    }
}

/// `id [Title]`, `id["Title"]` or a bare title.
fn subgraph_title(t: &str) -> String {
    match (t.find('['), t.rfind(']')) {
        (Some(a), Some(z)) if a < z => unquote(t[a + 1..z].trim()),
        _ => unquote(t),
    }
}

fn unquote(s: &str) -> String {
    let s = s.trim();
    let s = s
        .strip_prefix('"')
        .and_then(|x| x.strip_suffix('"'))
        .unwrap_or(s);
    let s = s
        .strip_prefix('`')
        .and_then(|x| x.strip_suffix('`'))
        .unwrap_or(s);
    tidy_label(s)
}

/// Labels as shown: `<br/>` and runs of spaces become one space.
fn tidy_label(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('<') {
        out.push_str(&rest[..i]);
        let tail = &rest[i..];
        let lower: String = tail.chars().take(6).collect::<String>().to_lowercase();
        if lower.starts_with("<br") {
            out.push(' ');
            rest = tail.find('>').map_or("", |j| &tail[j + 1..]);
        } else {
            out.push('<');
            rest = &tail[1..];
        }
    }
    out.push_str(rest);
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A parsed statement: groups of boxes joined by arrows.
struct Chain {
    groups: Vec<Vec<Seen>>,
    arrows: Vec<(Way, Option<String>)>,
}

fn commit(chain: &Chain, line: usize, b: &mut Builder) {
    let mut prev: Vec<usize> = Vec::new();
    for (i, group) in chain.groups.iter().enumerate() {
        let mut ids = Vec::new();
        for seen in group {
            match b.node(seen, line) {
                Some(id) => ids.push(id),
                None => return,
            }
        }
        if i > 0 {
            let (way, label) = &chain.arrows[i - 1];
            for &from in &prev {
                for &to in &ids {
                    b.edge(from, to, label.clone(), *way, line);
                }
            }
        }
        prev = ids;
    }
}

/// Parses `group (arrow group)*` up to the end of the statement.
fn chain(s: &str) -> Result<(Chain, &str), Problem> {
    let mut groups = Vec::new();
    let mut arrows = Vec::new();
    let (g, mut rest) = group(s)?;
    groups.push(g);
    loop {
        let t = rest.trim_start();
        if t.is_empty() {
            return Ok((Chain { groups, arrows }, ""));
        }
        if let Some(after) = t.strip_prefix(';') {
            return Ok((Chain { groups, arrows }, after));
        }
        let (way, label, after) = arrow(t)?;
        let t = after.trim_start();
        if t.is_empty() || t.starts_with(';') {
            return Err(Problem::MissingBox);
        }
        let (g, after) = group(t)?;
        arrows.push((way, label));
        groups.push(g);
        rest = after;
    }
}

/// `A & B & C`.
fn group(s: &str) -> Result<(Vec<Seen>, &str), Problem> {
    let mut out = Vec::new();
    let (n, mut rest) = node(s)?;
    out.push(n);
    loop {
        let t = rest.trim_start();
        match t.strip_prefix('&') {
            Some(after) => {
                let (n, after) = node(after.trim_start())?;
                out.push(n);
                rest = after;
            }
            None => return Ok((out, rest)),
        }
    }
}

fn is_id_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// A box: an id, then an optional shape with its label.
fn node(s: &str) -> Result<(Seen, &str), Problem> {
    let mut end = 0;
    let mut prev_id = false;
    let mut it = s.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        // A dash inside an id ("api-server"), never the start of an arrow.
        let inner_dash = c == '-' && prev_id && it.peek().is_some_and(|(_, n)| is_id_char(*n));
        if is_id_char(c) || inner_dash {
            end = i + c.len_utf8();
            prev_id = is_id_char(c);
        } else {
            break;
        }
    }
    if end == 0 {
        let found: String = s.chars().take(12).collect();
        return Err(if found.starts_with(['-', '=', '.', '<', '~', '>']) {
            Problem::MissingBox
        } else {
            Problem::UnknownArrow { found }
        });
    }
    let key = s[..end].to_string();
    let (label, shape, rest) = shape(&s[end..])?;
    let rest = skip_class(rest);
    if let Some(l) = &label {
        check_length(l)?;
    }
    Ok((Seen { key, label, shape }, rest))
}

fn check_length(label: &str) -> Result<(), Problem> {
    let chars = label.chars().count();
    if chars > MAX_LABEL {
        Err(Problem::LabelTooLong { chars })
    } else {
        Ok(())
    }
}

/// `:::className` after a box.
fn skip_class(s: &str) -> &str {
    match s.strip_prefix(":::") {
        Some(r) => r.trim_start_matches(|c: char| is_id_char(c) || c == '-'),
        None => s,
    }
}

/// The shapes: opening, closing, and what they are.
const SHAPES: &[(&str, &str, Shape)] = &[
    ("(((", ")))", Shape::Circle),
    ("([", "])", Shape::Round),
    ("[(", ")]", Shape::Cylinder),
    ("[[", "]]", Shape::Other),
    ("((", "))", Shape::Circle),
    ("{{", "}}", Shape::Other),
    ("[/", "/]", Shape::Other),
    ("[/", "\\]", Shape::Other),
    ("[\\", "\\]", Shape::Other),
    ("[\\", "/]", Shape::Other),
    ("[", "]", Shape::Box),
    ("(", ")", Shape::Round),
    ("{", "}", Shape::Other),
    (">", "]", Shape::Other),
];

/// The label and shape after an id, if any.
fn shape(s: &str) -> Result<(Option<String>, Shape, &str), Problem> {
    if let Some(meta) = s.strip_prefix("@{") {
        return metadata(meta);
    }
    let mut last_err = None;
    for (open, close, kind) in SHAPES {
        let Some(body) = s.strip_prefix(open) else {
            continue;
        };
        // `>` opens a shape only right after the id, never `-->`.
        if let Some(found) = label_end(body, close) {
            let label = unquote(&body[..found]);
            return Ok((Some(label), *kind, &body[found + close.len()..]));
        }
        last_err.get_or_insert(Problem::Unclosed {
            open: open.to_string(),
            close: close.to_string(),
        });
    }
    match last_err {
        Some(e) => Err(e),
        None => Ok((None, Shape::Box, s)),
    }
}

/// Where `close` ends a label in `body`: after a quoted part if the label
/// is quoted, never past the end of the statement.
fn label_end(body: &str, close: &str) -> Option<usize> {
    let start = match body.strip_prefix('"') {
        Some(quoted) => 1 + quoted.find('"')? + 1,
        None => 0,
    };
    body[start..].find(close).map(|i| start + i)
}

/// `@{ shape: cyl, label: "Orders" }` (Mermaid 11 metadata).
fn metadata(s: &str) -> Result<(Option<String>, Shape, &str), Problem> {
    let Some(end) = s.find('}') else {
        return Err(Problem::Unclosed {
            open: "@{".into(),
            close: "}".into(),
        });
    };
    let mut label = None;
    let mut kind = Shape::Box;
    for part in s[..end].split(',') {
        let Some((k, v)) = part.split_once(':') else {
            continue;
        };
        let v = unquote(v);
        match k.trim() {
            "label" => label = Some(v),
            "shape" => {
                kind = match v.as_str() {
                    "cyl" | "cylinder" | "db" | "database" | "das" | "lin-cyl" | "h-cyl" => {
                        Shape::Cylinder
                    }
                    "circle" | "circ" | "dbl-circ" => Shape::Circle,
                    "rounded" | "stadium" | "pill" => Shape::Round,
                    "rect" | "proc" | "process" => Shape::Box,
                    _ => Shape::Other,
                }
            }
            _ => {}
        }
    }
    Ok((label, kind, &s[end + 1..]))
}

/// Reads an arrow and its label: `-->`, `---`, `-.->`, `==>`, `<-->`,
/// `--x`, `-- text -->`, `-->|text|`, `~~~`.
fn arrow(s: &str) -> Result<(Way, Option<String>, &str), Problem> {
    let unknown = || Problem::UnknownArrow {
        found: s
            .chars()
            .take_while(|c| !c.is_alphanumeric())
            .take(8)
            .collect::<String>()
            .trim()
            .to_string(),
    };
    let (back, body) = match s.strip_prefix('<') {
        Some(r) => (true, r),
        None => (false, s),
    };
    let line_char = match body.chars().next() {
        Some(c @ ('-' | '=' | '~')) => c,
        _ => return Err(unknown()),
    };
    let run = body.chars().take_while(|&c| c == line_char).count();
    let after_run = &body[run..];
    let (head, label_inline, rest) = if line_char == '~' {
        if run < 3 {
            return Err(unknown());
        }
        (None, None, after_run)
    } else if line_char == '-' && after_run.starts_with('.') && run == 1 {
        dotted(after_run).ok_or_else(unknown)?
    } else if run < 2 {
        return Err(unknown());
    } else if let Some(h) = head_of(after_run) {
        (Some(h), None, &after_run[1..])
    } else if run >= 3 {
        (None, None, after_run)
    } else {
        inline_label(after_run, line_char).ok_or_else(|| Problem::Unclosed {
            open: format!("{line_char}{line_char} text"),
            close: format!("{line_char}{line_char}>"),
        })?
    };
    let way = match (back, head) {
        (true, Some(_)) => Way::Both,
        (false, Some(_)) => Way::Forward,
        _ => Way::Line,
    };
    if let Some(l) = &label_inline {
        check_length(l)?;
    }
    let (label, rest) = pipe_label(rest)?;
    Ok((way, label.or(label_inline), rest))
}

/// `>`, `x` or `o` ends an arrow when no id follows it directly.
fn head_of(s: &str) -> Option<char> {
    let mut cs = s.chars();
    match cs.next()? {
        '>' => Some('>'),
        c @ ('x' | 'o') if cs.next().is_none_or(|n| !is_id_char(n)) => Some(c),
        _ => None,
    }
}

/// After `-.`: `.->`, `..->`, `.-` or a label ` text .->`.
fn dotted(s: &str) -> Option<(Option<char>, Option<String>, &str)> {
    let dots = s.chars().take_while(|&c| c == '.').count();
    let after = &s[dots..];
    if let Some(r) = after.strip_prefix('-') {
        return match head_of(r) {
            Some(h) => Some((Some(h), None, &r[1..])),
            None => Some((None, None, r)),
        };
    }
    // A label: `-. text .->`.
    let close = after.find(".-")?;
    let label = after[..close].trim();
    let r = &after[close + 2..];
    let (head, r) = match head_of(r) {
        Some(h) => (Some(h), &r[1..]),
        None => (None, r),
    };
    Some((head, nonempty(label), r))
}

/// After `--` or `==`: ` text -->` or ` text ---`.
fn inline_label(s: &str, c: char) -> Option<(Option<char>, Option<String>, &str)> {
    let pair = format!("{c}{c}");
    let close = s.find(&pair)?;
    let label = s[..close].trim();
    let r = &s[close..];
    let run = r.chars().take_while(|&x| x == c).count();
    let r = &r[run..];
    match head_of(r) {
        Some(h) => Some((Some(h), nonempty(label), &r[1..])),
        None if run >= 3 => Some((None, nonempty(label), r)),
        None => None,
    }
}

fn nonempty(s: &str) -> Option<String> {
    let t = unquote(s);
    (!t.is_empty()).then_some(t)
}

/// `|text|` after an arrow.
fn pipe_label(s: &str) -> Result<(Option<String>, &str), Problem> {
    let t = s.trim_start();
    let Some(body) = t.strip_prefix('|') else {
        return Ok((None, s));
    };
    let end = body.find('|').ok_or(Problem::Unclosed {
        open: "|".into(),
        close: "|".into(),
    })?;
    let label = nonempty(&body[..end]);
    if let Some(l) = &label {
        check_length(l)?;
    }
    Ok((label, &body[end + 1..]))
}
