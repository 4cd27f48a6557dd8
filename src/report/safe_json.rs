//! JSON that is safe to print on a terminal: serde_json already escapes
//! control characters inside strings; this also escapes the bidi controls,
//! which could reorder what a terminal shows. The escaped form decodes to
//! the same text, so the data stays exact.

use serde::Serialize;

/// Pretty JSON with control and bidi characters escaped as `\uXXXX`.
pub fn safe_json<T: Serialize>(value: &T) -> String {
    let text = super::json(value);
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\u{202a}'..='\u{202e}'
            | '\u{2066}'..='\u{2069}'
            | '\u{200e}'
            | '\u{200f}'
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
}
