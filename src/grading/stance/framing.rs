//! Ways of turning an option down that frame it rather than judge it in
//! words: a table row or list item marked ✗, a struck-through ~~option~~,
//! "X is fine for the demo, not for production", "X sounds simple until
//! …", "we went back and forth on X and landed on Y", "the textbook answer
//! is X, but …", "X works, but we'd pay for it in …".

use crate::grading::text::{Sentence, Token};

/// Marks that strike an option out.
const CROSSES: [char; 5] = ['✗', '✘', '❌', '🚫', '⛔'];
/// Marks that pick an option.
const TICKS: [char; 4] = ['✓', '✔', '✅', '☑'];

/// A table cell or list item that is only a verdict against its row:
/// "✗", "no", "rejected", "✗ stale in 4 s anyway".
fn crossing_cell(cell: &str) -> bool {
    let c = cell
        .trim_matches(|ch: char| ch.is_whitespace() || "*_~.()".contains(ch))
        .to_lowercase();
    c.starts_with(CROSSES)
        || matches!(
            c.as_str(),
            "no" | "rejected"
                | "reject"
                | "dropped"
                | "avoid"
                | "false"
                | "not chosen"
                | "ruled out"
        )
        || c.starts_with("rejected")
}

/// A cell that picks its row: "✓", "yes", "chosen".
fn ticking_cell(cell: &str) -> bool {
    let c = cell
        .trim_matches(|ch: char| ch.is_whitespace() || "*_~.()".contains(ch))
        .to_lowercase();
    c.starts_with(TICKS)
        || matches!(
            c.as_str(),
            "yes" | "chosen" | "pick" | "picked" | "selected" | "adopted"
        )
        || c.starts_with("chosen")
}

/// The mention sits in a table row or a list item that is struck out: a
/// row whose verdict cell (the last, or the only one that judges) is a ✗,
/// "no" or "rejected"; an item holding a ✗ and no ✓; or text between
/// `~~` marks.
pub(super) fn marked_off(s: &Sentence, source: &str, tok: &Token) -> bool {
    let Some(raw) = source.get(s.span.clone()) else {
        return false;
    };
    if struck_through(raw, tok.pos) || unticked(raw, tok.pos) {
        return true;
    }
    let line = raw.trim_start();
    if let Some(row) = line.strip_prefix('|') {
        let cells: Vec<&str> = row
            .split('|')
            .map(str::trim)
            .filter(|c| !c.is_empty())
            .collect();
        let Some(last) = cells.last() else {
            return false;
        };
        // "| Polling | yes | no |": the verdict column comes last.
        return cells.len() > 1
            && (crossing_cell(last)
                || (cells.iter().any(|c| crossing_cell(c))
                    && !cells.iter().any(|c| ticking_cell(c))));
    }
    s.list_item && raw.contains(CROSSES) && !raw.contains(TICKS)
}

/// The nearest checkbox before byte offset `pos` of `raw` is left empty:
/// "- [ ] Store image bytes in the database" names an option not taken,
/// where "[x]" marks what is done.
fn unticked(raw: &str, pos: usize) -> bool {
    let before = raw.get(..pos).unwrap_or("");
    let empty = before.rfind("[ ]");
    let ticked = ["[x]", "[X]"].iter().filter_map(|b| before.rfind(b)).max();
    match (empty, ticked) {
        (Some(e), Some(t)) => e > t,
        (Some(_), None) => true,
        _ => false,
    }
}

/// Byte offset `pos` of `raw` lies between a pair of `~~` marks.
fn struck_through(raw: &str, pos: usize) -> bool {
    let mut open = None;
    let mut from = 0;
    while let Some(i) = raw[from..].find("~~") {
        let at = from + i;
        match open {
            None => open = Some(at),
            Some(start) => {
                if (start..at).contains(&pos) {
                    return true;
                }
                open = None;
            }
        }
        from = at + 2;
    }
    false
}

/// The mention opens its clause as the subject: no "we" or "I" before it.
fn leads_clause(tokens: &[Token], at: usize) -> bool {
    let clause = tokens[at].clause;
    !tokens[..at].iter().any(|t| {
        t.clause == clause
            && matches!(
                t.word.as_str(),
                "we" | "i" | "we'll" | "i'll" | "we'd" | "i'd" | "our"
            )
    })
}

/// Words for a small or throwaway setting: "fine for the demo", "makes
/// sense at 1/100th the scale", "for a class project".
fn is_small_setting(w: &str) -> bool {
    matches!(
        w,
        "demo"
            | "demos"
            | "prototype"
            | "prototypes"
            | "prototyping"
            | "mvp"
            | "toy"
            | "poc"
            | "hackathon"
            | "homework"
            | "course"
            | "class"
            | "tiny"
            | "small"
            | "smaller"
            | "fraction"
    ) || w.ends_with("100th")
        || w.ends_with("1000th")
}

/// "X is fine for the demo, not for production", "X makes sense at
/// 1/100th the scale", "X makes sense for a course project, not at this
/// scale": the option is approved only for a setting that is not this
/// one. The approval follows the mention closely, the mention leads its
/// clause, and either a small setting is named or a "not for/at/in"
/// follows.
pub(super) fn fine_elsewhere(tokens: &[Token], at: usize) -> bool {
    if !leads_clause(tokens, at) {
        return false;
    }
    let clause = tokens[at].clause;
    let word = |i: usize| tokens.get(i).map(|t| t.word.as_str());
    let Some(ok) = (at + 1..tokens.len().min(at + 9)).find(|&j| {
        let w = tokens[j].word.as_str();
        matches!(
            w,
            "fine" | "ok" | "okay" | "acceptable" | "reasonable" | "works" | "work"
        ) || (w == "sense" && j > 0 && matches!(word(j - 1), Some("makes" | "make")))
    }) else {
        return false;
    };
    if tokens[at + 1..ok].iter().any(|t| {
        matches!(
            t.word.as_str(),
            "we" | "i" | "not" | "isn't" | "because" | "so" | "which" | "that"
        )
    }) || tokens[ok].clause != clause
    {
        return false;
    }
    let rest = &tokens[ok + 1..];
    // The approval names where it holds: "for", "at", "in", "on", "until".
    if !rest
        .first()
        .is_some_and(|t| matches!(t.word.as_str(), "for" | "at" | "in" | "on" | "until"))
    {
        return false;
    }
    rest.iter().take(10).any(|t| is_small_setting(&t.word))
        || rest.windows(2).any(|p| {
            p[0].word == "not"
                && matches!(
                    p[1].word.as_str(),
                    "for" | "at" | "in" | "on" | "here" | "production" | "ours"
                )
        })
}

/// "X sounds simple until someone edits a 5 GB video", "X looks great
/// until the first viral day": an appeal that holds only until something
/// this design must face. "A queue works until …" states a limit of a
/// choice kept, not an appeal.
pub(super) fn appeals_until(tokens: &[Token], at: usize) -> bool {
    if !leads_clause(tokens, at) {
        return false;
    }
    let clause = tokens[at].clause;
    let window: Vec<&Token> = tokens[at + 1..]
        .iter()
        .take(10)
        .take_while(|t| t.clause == clause)
        .collect();
    let Some(v) = window.iter().position(|t| {
        matches!(
            t.word.as_str(),
            "sounds" | "sound" | "looks" | "look" | "seems" | "seem" | "feels"
        )
    }) else {
        return false;
    };
    window[v + 1..].iter().take(4).any(|t| t.word == "until")
        || looks_and_stops(tokens, &window[v + 1..])
}

/// "A global order looks clean.": a sentence that only says how an option
/// looks grants it an appeal and leaves the verdict to what follows; "the
/// write path looks like this" describes, and "X looks clean, so we use
/// it" goes on to choose.
fn looks_and_stops(tokens: &[Token], after: &[&Token]) -> bool {
    let [adjective] = after else {
        return false;
    };
    let last = tokens.last().is_some_and(|t| std::ptr::eq(t, *adjective));
    last && matches!(
        adjective.word.as_str(),
        "clean"
            | "cleaner"
            | "simple"
            | "simpler"
            | "easy"
            | "easier"
            | "elegant"
            | "attractive"
            | "appealing"
            | "tempting"
            | "neat"
            | "nice"
            | "obvious"
            | "natural"
            | "straightforward"
    )
}

/// "We went back and forth on X and landed on Y", "we debated X and
/// settled on Y": an option argued over before the one chosen.
pub(super) fn debated_then_chose(tokens: &[Token], at: usize) -> bool {
    let debated = tokens[at.saturating_sub(8)..at]
        .iter()
        .enumerate()
        .any(|(i, t)| {
            let j = at.saturating_sub(8) + i;
            (t.word == "forth" && j >= 2 && tokens[j - 2].word == "back")
                || matches!(t.word.as_str(), "debated" | "argued")
        });
    debated
        && tokens[at + 1..].iter().enumerate().any(|(i, t)| {
            let next = tokens.get(at + 2 + i).map(|n| n.word.as_str());
            matches!(
                t.word.as_str(),
                "landed" | "settled" | "opted" | "chose" | "picked"
            ) || (t.word == "went" && next == Some("with"))
        })
}

/// Adjectives that frame an option as the one anyone would reach for.
fn is_stock(w: &str) -> bool {
    matches!(
        w,
        "textbook"
            | "simple"
            | "obvious"
            | "easy"
            | "naive"
            | "standard"
            | "usual"
            | "classic"
            | "common"
            | "natural"
            | "lazy"
            | "quick"
            | "intuitive"
            | "conventional"
            | "typical"
            | "default"
    )
}

/// "The textbook answer is X, but …", "The simple approach is X. But …":
/// an option framed as the stock one and then met with a "but" in its
/// sentence or at the start of the next. It is weighed, not chosen. A
/// "but" that only adds ("but we also add jitter") does not count.
pub(super) fn stock_then_but(sents: &[Sentence], si: usize, at: usize) -> bool {
    let Some(s) = sents.get(si) else {
        return false;
    };
    let tokens = &s.tokens;
    let framed = tokens[at.saturating_sub(8)..at].windows(2).any(|p| {
        is_stock(&p[0].word)
            && matches!(
                p[1].word.as_str(),
                "answer" | "solution" | "approach" | "idea" | "option" | "design" | "way" | "move"
            )
    });
    if !framed {
        return false;
    }
    let adds = |ts: &[Token]| {
        ts.iter()
            .take(6)
            .any(|t| matches!(t.word.as_str(), "also" | "add" | "adds" | "plus"))
    };
    if let Some(b) = tokens[at + 1..]
        .iter()
        .position(|t| matches!(t.word.as_str(), "but" | "however"))
    {
        return !adds(&tokens[at + 2 + b..]);
    }
    sents.get(si + 1).is_some_and(|n| {
        n.tokens
            .first()
            .is_some_and(|t| matches!(t.word.as_str(), "but" | "however"))
            && !adds(&n.tokens[1..])
    })
}

/// "X works, but we'd pay for it in bandwidth", "X would work, but at the
/// cost of …": the option granted that it works, then a "but" right after.
pub(super) fn conceded(tokens: &[Token], at: usize) -> bool {
    if !leads_clause(tokens, at) {
        return false;
    }
    let clause = tokens[at].clause;
    let Some(w) = tokens[at + 1..]
        .iter()
        .take(8)
        .take_while(|t| t.clause == clause)
        .position(|t| matches!(t.word.as_str(), "works" | "work"))
    else {
        return false;
    };
    let w = at + 1 + w;
    tokens.get(w + 1).is_some_and(|n| n.word == "but")
}
