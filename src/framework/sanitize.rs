//! Makes text from answers and transcripts harmless before it reaches a
//! terminal: control characters, escape sequences and bidi overrides are
//! replaced, so a file from someone else cannot move the cursor, change the
//! window title or hide text.

/// Replaces control characters (C0, DEL and C1, except newline and tab)
/// and invisible ones (zero-width spaces and joiners, the word joiner, the
/// byte-order mark) with visible escapes, turns the Unicode line and
/// paragraph separators into newlines, and drops bidi control characters.
pub fn sanitize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\n' | '\t' => out.push(c),
            '\u{2028}' | '\u{2029}' => out.push('\n'),
            '\u{1b}' => out.push('␛'),
            c if c.is_control() || is_invisible(c) => {
                out.push_str(&format!("\\u{{{:x}}}", c as u32))
            }
            '\u{202a}'..='\u{202e}'
            | '\u{2066}'..='\u{2069}'
            | '\u{200e}'
            | '\u{200f}'
            | '\u{061c}' => {}
            _ => out.push(c),
        }
    }
    out
}

/// Characters that take no room on screen and could hide a difference
/// between two texts that look the same.
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200b}'..='\u{200d}' | '\u{2060}' | '\u{feff}' | '\u{00ad}'
    )
}

/// Sanitises and folds the text onto one line.
pub fn one_line(text: &str) -> String {
    sanitize(text).replace(['\n', '\t'], " ")
}

/// One line for Markdown: sanitised and folded, with `<` written as an
/// entity (a viewer that renders HTML shows `<img onerror=…>` as text
/// instead of running it) and `|` escaped (no table cell can be forged).
/// Not for code spans, where all is literal.
pub fn markdown_inline(text: &str) -> String {
    let line = one_line(text);
    let mut out = String::with_capacity(line.len());
    for c in line.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '|' => {
                out.push('\\');
                out.push(c);
            }
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_cannot_reach_the_terminal() {
        let hostile = "ok\u{1b}]0;pwned\u{7}\u{1b}[2J\u{1b}[8mhidden\r\u{202e}evil\u{8}";
        let clean = sanitize(hostile);
        assert!(!clean
            .chars()
            .any(|c| c.is_control() && c != '\n' && c != '\t'));
        assert!(!clean.contains('\u{202e}'));
        assert!(clean.contains("hidden"));
        assert_eq!(sanitize("plain\ntext"), "plain\ntext");
    }

    #[test]
    fn invisible_and_separator_characters_are_made_visible() {
        let clean = sanitize("a\u{2028}b\u{200b}c\u{7f}d\u{9b}e\u{feff}");
        assert_eq!(clean, "a\nb\\u{200b}c\\u{7f}d\\u{9b}e\\u{feff}");
        assert_eq!(one_line("a\u{2029}b"), "a b");
    }

    #[test]
    fn markdown_shows_html_and_links_as_text() {
        assert_eq!(
            markdown_inline("<img src=x onerror=alert(1)> & [a](b) | c"),
            "&lt;img src=x onerror=alert(1)> & [a](b) \\| c"
        );
    }
}
