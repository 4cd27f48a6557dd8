//! A bound on how deeply YAML flow collections (`[...]`, `{...}`) nest,
//! checked before the parser sees the text: the YAML parser's time grows
//! with the square of that depth (40,000 `[` took seconds), while no
//! sdcoach file nests more than two or three. Block nesting by indentation
//! costs the parser nothing much and needs no bound.
//!
//! The scan is linear and knows just enough YAML to tell a bracket that
//! opens a collection from one inside a quoted string, a comment or a block
//! scalar (`|`, `>`), so answers full of brackets pass.

/// Deepest flow nesting accepted.
pub const MAX_FLOW_DEPTH: usize = 64;

/// Where the text first nests deeper than `max`: 1-based line and column.
pub fn too_deep(text: &str, max: usize) -> Option<(usize, usize)> {
    let mut s = Scan::default();
    for (n, line) in text.lines().enumerate() {
        if let Some(col) = s.line(line, max) {
            return Some((n + 1, col + 1));
        }
    }
    None
}

#[derive(Default)]
struct Scan {
    /// Open flow collections.
    depth: usize,
    in_double: bool,
    in_single: bool,
    /// Indentation of the line that opened a block scalar, while inside it.
    block_scalar: Option<usize>,
}

impl Scan {
    /// Scans one line; the column (in chars) where the depth went over `max`.
    fn line(&mut self, line: &str, max: usize) -> Option<usize> {
        let indent = line.len() - line.trim_start_matches(' ').len();
        if let Some(parent) = self.block_scalar {
            if line.trim().is_empty() || indent > parent {
                return None;
            }
            self.block_scalar = None;
        }
        let chars: Vec<char> = line.chars().collect();
        // Whether a node may start here (block context only).
        let mut node_start = true;
        let mut i = 0;
        while i < chars.len() {
            let c = chars[i];
            let next = chars.get(i + 1).copied();
            let prev_space = i == 0 || chars[i - 1] == ' ' || chars[i - 1] == '\t';
            if self.in_double {
                match c {
                    '\\' => i += 1,
                    '"' => self.in_double = false,
                    _ => {}
                }
                i += 1;
                continue;
            }
            if self.in_single {
                if c == '\'' {
                    if next == Some('\'') {
                        i += 1;
                    } else {
                        self.in_single = false;
                    }
                }
                i += 1;
                continue;
            }
            if c == '#' && prev_space {
                return None;
            }
            if self.depth > 0 {
                match c {
                    '[' | '{' => {
                        self.depth += 1;
                        if self.depth > max {
                            return Some(i);
                        }
                    }
                    ']' | '}' => {
                        self.depth -= 1;
                        node_start = false;
                    }
                    '"' => self.in_double = true,
                    '\'' => self.in_single = true,
                    _ => {}
                }
                i += 1;
                continue;
            }
            let blank_after = next.is_none_or(|n| n == ' ' || n == '\t');
            if node_start {
                match c {
                    ' ' | '\t' => {}
                    '-' | '?' | ':' if blank_after => {}
                    '[' | '{' => {
                        self.depth = 1;
                        if self.depth > max {
                            return Some(i);
                        }
                        node_start = false;
                    }
                    '"' => {
                        self.in_double = true;
                        node_start = false;
                    }
                    '\'' => {
                        self.in_single = true;
                        node_start = false;
                    }
                    '|' | '>' => {
                        self.block_scalar = Some(indent);
                        return None;
                    }
                    // An anchor or a tag: the node itself follows.
                    '&' | '!' => {
                        while i + 1 < chars.len() && chars[i + 1] != ' ' {
                            i += 1;
                        }
                    }
                    _ => node_start = false,
                }
            } else if c == ':' && blank_after {
                // `key: value`: the value is a new node.
                node_start = true;
            }
            i += 1;
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deep_flow_nesting_is_found_where_it_starts() {
        let deep = format!("steps: {}", "[".repeat(100));
        assert_eq!(too_deep(&deep, 64), Some((1, 8 + 64)));
        let mapping = format!("a:\n  b: {}", "{x: ".repeat(70));
        assert!(too_deep(&mapping, 64).is_some());
        let nested = format!("- {}1{}", "[".repeat(64), "]".repeat(64));
        assert_eq!(too_deep(&nested, 64), None);
        // Closing and opening again does not add up.
        let wide = "[[1], [2], [3]]\n".repeat(1000);
        assert_eq!(too_deep(&wide, 2), None);
    }

    #[test]
    fn brackets_in_text_do_not_count() {
        let many = "[".repeat(200);
        for text in [
            format!("answer: \"{many}\"\n"),
            format!("answer: '{many} it''s'\n"),
            format!("answer: |-\n  {many}\n  more {many}\nnext: 1\n"),
            format!("answer: text with {many}\n"),
            format!("# {many}\nkey: 1 # {many}\n"),
            format!("answer: \"line one\n  {many}\"\n"),
        ] {
            assert_eq!(too_deep(&text, 64), None, "{text}");
        }
        // After a block scalar ends, a real collection counts again.
        let after = format!("a: >\n  [[[\nb: {}\n", "[".repeat(70));
        assert_eq!(too_deep(&after, 64).map(|(l, _)| l), Some(3));
    }

    #[test]
    fn shipped_files_pass() {
        for f in crate::catalog::SourceFile::embedded() {
            assert_eq!(too_deep(&f.text, MAX_FLOW_DEPTH), None, "{}", f.rel);
        }
    }
}
