//! A product named for comparison ("like Dropbox, does it sync?", "can I
//! pick my own alias, like bit.ly does?"): the name says what kind of thing
//! is asked, not what is asked. Left in, a name the sheet never mentions
//! counts against every fact, so the name and its "like" are dropped and
//! the rest of the question is read as if it were not there.

/// Whether a word, as written, is a product's name: a capital letter in
/// it ("Dropbox", "iMessage", "TikTok") or a dot between letters
/// ("bit.ly").
fn is_name(raw: &str) -> bool {
    let w = raw.trim_matches(|c: char| !c.is_alphanumeric());
    let dotted = w.contains('.') && !w.ends_with('.') && w.chars().any(char::is_alphabetic);
    !w.is_empty() && (w.chars().any(|c| c.is_uppercase()) || dotted) && w != "I" && w != "I'm"
}

/// Whether a word opens a comparison: "like" where a clause starts (at the
/// start of the question, after a comma or a bracket).
fn opens(words: &[&str], i: usize) -> bool {
    i == 0
        || words[i - 1].ends_with([',', ';', ':', '-'])
        || words[i - 1] == "-"
        || words[i].starts_with('(')
}

/// Words that may open a question before its comparison and say nothing
/// more ("is it like bit.ly, where …", "so this is like Dropbox, …").
const COPULA: &[&str] = &[
    "is",
    "it",
    "it's",
    "its",
    "this",
    "that",
    "that's",
    "so",
    "basically",
];

/// Words between "like" and the name it compares with ("like on Mastodon,
/// …", "like in Gmail, …").
const BEFORE_NAME: &[&str] = &["on", "in", "with", "at"];

/// Where the first name after "like" at `i` is, if one follows it.
fn first_name(words: &[&str], i: usize) -> Option<usize> {
    let next = words.get(i + 1)?;
    let at = if BEFORE_NAME.contains(&next.to_lowercase().as_str()) {
        i + 2
    } else {
        i + 1
    };
    words.get(at).is_some_and(|w| is_name(w)).then_some(at)
}

/// Whether everything before `i` only opens the question ("is it like …").
fn only_copula(words: &[&str], i: usize) -> bool {
    i > 0
        && words[..i]
            .iter()
            .all(|w| COPULA.contains(&w.to_lowercase().replace('’', "'").as_str()))
}

/// Where the names after "like" at `i` end, with a "does" closing them.
fn names_end(words: &[&str], i: usize) -> usize {
    let mut end = i + 1;
    while end < words.len() && is_name(words[end]) && end - i <= 3 {
        end += 1;
    }
    if let Some(w) = words.get(end) {
        let bare = w
            .trim_end_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase();
        if DOES.contains(&bare.as_str())
            && (end + 1 == words.len() || w.ends_with([',', '?', '.', ')']))
        {
            end += 1;
        }
    }
    end
}

/// Verbs that may end a comparison ("like Dropbox does").
const DOES: &[&str] = &["does", "do", "did", "has", "have", "had"];

/// The question without the product names it compares with, when it
/// names any the sheet does not know (`known`: "like Google Docs" names
/// the co-editing a sheet may rule out); `None` when it names none.
pub(super) fn without_comparison(question: &str, known: impl Fn(&str) -> bool) -> Option<String> {
    let words: Vec<&str> = question.split_whitespace().collect();
    // "like" and a name where a clause starts ("…, like Dropbox?"); not
    // an example of what was just named ("a big city like NYC"), which
    // says what is asked of.
    // "Is it like bit.ly, where anyone can …": the opening that only
    // leads to the comparison goes with it, and so does the "where" that
    // turns to what is asked.
    let (i, end) = (0..words.len().saturating_sub(1))
        .filter(|&i| {
            words[i]
                .trim_start_matches('(')
                .eq_ignore_ascii_case("like")
                && (opens(&words, i) || only_copula(&words, i))
        })
        .filter_map(|i| first_name(&words, i).map(|n| (i, names_end(&words, n - 1))))
        .find(|&(i, end)| !words[i + 1..end].iter().any(|w| known(w)))?;
    let (i, end) = if only_copula(&words, i) {
        let turn = words
            .get(end)
            .is_some_and(|w| w.eq_ignore_ascii_case("where"));
        (0, if turn { end + 1 } else { end })
    } else {
        (i, end)
    };
    // The punctuation that closed the last word dropped still closes.
    let closing: String = words[end - 1]
        .chars()
        .rev()
        .take_while(|c| !c.is_alphanumeric())
        .filter(|c| *c != ')' && *c != '\'')
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    let mut out: Vec<String> = words[..i].iter().map(|w| w.to_string()).collect();
    if let Some(last) = out.last_mut() {
        // "…, like Dropbox?": the comma before it goes with it.
        if end == words.len() || closing.contains(['?', '.', '!']) {
            let trimmed = last.trim_end_matches([',', '-', ';', ':']).to_string();
            *last = trimmed;
        }
        if !closing.is_empty() && closing != "," {
            last.push_str(&closing);
        }
    }
    let rest = &words[end..];
    // What is left of a leading comparison ("like Twitter's trending
    // sidebar, do we build it?") keeps its common words.
    let mut text = out.join(" ");
    if !rest.is_empty() {
        if !text.is_empty() {
            text.push(' ');
        }
        text.push_str(&rest.join(" "));
    }
    let text = text.trim().trim_start_matches([',', '-', ' ']).to_string();
    (!text.is_empty()).then_some(text)
}

#[cfg(test)]
mod tests {
    use super::without_comparison;

    #[test]
    fn a_product_named_for_comparison_is_left_out() {
        let cases = [
            (
                "like Dropbox, does it sync across devices?",
                Some("does it sync across devices?"),
            ),
            (
                "can I pick my own alias, like bit.ly does?",
                Some("can I pick my own alias?"),
            ),
            (
                "like Twitter's trending sidebar, do we build that?",
                Some("trending sidebar, do we build that?"),
            ),
            ("do we need stories like Snapchat?", None),
            ("how many drivers in a big city like NYC?", None),
            ("like Google Docs, real-time editing?", None),
            (
                "do we need stories, like Snapchat?",
                Some("do we need stories?"),
            ),
            ("would you like me to estimate?", None),
            ("things like images, are they in?", None),
            (
                "Is it like bit.ly, where anyone can shorten a link?",
                Some("anyone can shorten a link?"),
            ),
            (
                "like on Mastodon, can posts include images?",
                Some("can posts include images?"),
            ),
            ("is it like a queue?", None),
            ("is the limit like 10 MB?", None),
        ];
        for (q, want) in cases {
            assert_eq!(
                without_comparison(q, |w| w.trim_end_matches(',') == "Docs").as_deref(),
                want,
                "{q}"
            );
        }
    }
}
