//! Makes text from answers and transcripts harmless before it reaches a
//! terminal: control characters, escape sequences and bidi overrides are
//! replaced, so a file from someone else cannot move the cursor, change the
//! window title or hide text.

/// Replaces control characters (except newline and tab) with visible escapes
/// and drops bidi control characters.
pub fn sanitize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\n' | '\t' => out.push(c),
            '\u{1b}' => out.push('␛'),
            c if c.is_control() => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
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

/// Sanitises and folds the text onto one line.
pub fn one_line(text: &str) -> String {
    sanitize(text).replace(['\n', '\t'], " ")
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
}
