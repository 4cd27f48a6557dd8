//! JSON that is safe to print on a terminal: serde_json escapes the C0
//! controls inside strings; this also escapes DEL and the C1 controls
//! (U+009B is a one-character escape sequence on some terminals), the
//! Unicode line and paragraph separators (line breaks to JavaScript and to
//! some viewers), the zero-width characters and the bidi controls, which
//! could reorder or hide what a terminal shows. The escaped form decodes to
//! the same text, so the data stays exact.

use serde::Serialize;

/// Pretty JSON with control, separator, invisible and bidi characters
/// escaped as `\uXXXX` (they only ever occur inside strings).
pub fn safe_json<T: Serialize>(value: &T) -> String {
    let text = super::json(value);
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\u{7f}'..='\u{9f}'
            | '\u{ad}'
            | '\u{200b}'..='\u{200f}'
            | '\u{2028}'..='\u{202e}'
            | '\u{2060}'
            | '\u{2066}'..='\u{2069}'
            | '\u{feff}'
            | '\u{061c}' => {
                out.push_str(&format!("\\u{:04x}", c as u32));
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
    fn bidi_is_escaped_and_round_trips() {
        let s = "a\u{202e}b\u{1b}c";
        let j = safe_json(&s);
        assert!(!j.contains('\u{202e}') && !j.contains('\u{1b}'));
        let back: String = serde_json::from_str(&j).expect("valid json");
        assert_eq!(back, s);
    }

    #[test]
    fn del_c1_separators_and_zero_width_are_escaped_and_round_trip() {
        let s = "a\u{7f}b\u{9b}c\u{85}d\u{2028}e\u{200b}f\u{feff}g<img onerror=x>";
        let j = safe_json(&s);
        for c in [
            '\u{7f}', '\u{9b}', '\u{85}', '\u{2028}', '\u{200b}', '\u{feff}',
        ] {
            assert!(!j.contains(c), "{c:?} in {j}");
        }
        assert!(j.contains("\\u009b") && j.contains("\\u007f"), "{j}");
        let back: String = serde_json::from_str(&j).expect("valid json");
        assert_eq!(back, s);
    }
}
