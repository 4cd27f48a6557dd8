//! Typed maths in answers: LaTeX written for Markdown renderers
//! (`100 \space million \times 10`) read as the plain text it shows.

/// Replaces common LaTeX commands and `$` delimiters with what they render as.
pub fn plain(text: &str) -> String {
    if !text.contains('\\') && !text.contains('$') {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find(['\\', '$']) {
        out.push_str(&rest[..i]);
        let tail = &rest[i..];
        if let Some(after) = tail.strip_prefix('$') {
            rest = after;
            continue;
        }
        let name_len = tail[1..]
            .bytes()
            .take_while(u8::is_ascii_alphabetic)
            .count();
        let name = &tail[1..1 + name_len];
        if name == "frac" {
            // \frac{a}{b} reads as (a) / (b).
            let after = &tail[1 + name_len..];
            if let Some((num, rest1)) = group(after) {
                if let Some((den, rest2)) = group(rest1) {
                    out.push_str(&format!("({}) / ({})", plain(num), plain(den)));
                    rest = rest2;
                    continue;
                }
            }
        }
        let replacement = match name {
            "times" | "cdot" => Some(" × "),
            "div" => Some(" / "),
            "approx" => Some(" ≈ "),
            "sim" => Some(" ~"),
            "space" | "quad" | "qquad" => Some(" "),
            "text" | "mathrm" | "textrm" | "mathit" => Some(""),
            "" if tail[1..].starts_with([',', ';', '!', ' ']) => Some(" "),
            _ => None,
        };
        match replacement {
            Some(r) => {
                out.push_str(r);
                let skip = if name.is_empty() { 2 } else { 1 + name_len };
                rest = &tail[skip..];
            }
            None => {
                out.push('\\');
                rest = &tail[1..];
            }
        }
    }
    out.push_str(rest);
    // Collapse the spaces the commands leave, so `12 \space billion` reads
    // as `12 billion`; line breaks stay.
    let mut clean = String::with_capacity(out.len());
    for c in out.chars().filter(|c| !matches!(c, '{' | '}')) {
        if c == ' ' && clean.ends_with(' ') {
            continue;
        }
        clean.push(c);
    }
    clean
}

/// The text of a `{...}` group at the start of `s` (after spaces), and what follows.
fn group(s: &str) -> Option<(&str, &str)> {
    let s = s.trim_start();
    let body = s.strip_prefix('{')?;
    let mut depth = 1usize;
    for (i, c) in body.char_indices() {
        match c {
            '{' => depth += 1,
            '}' => {
                depth -= 1;
                if depth == 0 {
                    return Some((&body[..i], &body[i + 1..]));
                }
            }
            _ => {}
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::plain;

    #[test]
    fn latex_reads_as_text() {
        assert_eq!(
            plain(r"$100 \space million \times 10\space years = 1 \space billion$")
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" "),
            "100 million × 10 years = 1 billion"
        );
        assert_eq!(
            plain(r"= \sim 1,825 \space PB")
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" "),
            "= ~ 1,825 PB"
        );
        assert_eq!(plain(r"\text{40 writes/s}"), "40 writes/s");
        assert_eq!(
            plain(
                r"\frac{1 \space billion}{(24 \space hrs \times 3600 \space seconds)} = \sim 12K"
            ),
            "(1 billion) / ((24 hrs × 3600 seconds)) = ~ 12K"
        );
        assert!(plain(r"\frac{1}{").contains("frac"));
        assert_eq!(plain("no maths here"), "no maths here");
        assert!(plain(r"odd \unknown \ end\").contains(r"\unknown"));
    }
}
