//! Word lists that judge what follows a mention: a bad outcome ("far too
//! slow"), harm done ("throws away edits") or a reason ("because otherwise").

/// Words that say a mention's outcome is bad: "would silently discard",
/// "far too slow", "doesn't scale", "becomes a bottleneck".
pub(super) fn is_bad_outcome(w: &str, next: Option<&str>) -> bool {
    // "fine for object storage, horrible if it went through app servers":
    // the verdict is on another case, named by the "if".
    if next == Some("if") {
        return false;
    }
    matches!(
        w,
        "rejected"
            | "discard"
            | "discards"
            | "lose"
            | "loses"
            | "drop"
            | "drops"
            | "overload"
            | "overloads"
            | "melt"
            | "melts"
            | "hammer"
            | "hammers"
            | "waste"
            | "wastes"
            | "wasteful"
            | "unacceptable"
            | "impractical"
            | "infeasible"
            | "overkill"
            | "breaks"
            | "break"
            | "explode"
            | "explodes"
            | "slower"
            | "kills"
            | "destroy"
            | "destroys"
            | "hammering"
            | "unreliable"
            | "fragile"
            | "brittle"
            | "dangerous"
            | "pointless"
            | "mistake"
            | "clumsy"
            | "wrong"
            | "meaningless"
            | "useless"
            | "crush"
            | "crushes"
            | "absurd"
            | "impossible"
            | "terrible"
            | "awful"
            | "horrible"
            | "disastrous"
    ) || (matches!(w, "awkward" | "painful")
        // "Celebrities are the awkward case": a hard case named, not an
        // option turned down.
        && !matches!(next, Some("case" | "cases" | "part" | "parts" | "bit" | "one" | "ones" | "thing" | "problem")))
        || (w == "too"
        && next.is_some_and(|n| {
            matches!(
                n,
                "slow"
                    | "expensive"
                    | "costly"
                    | "big"
                    | "large"
                    | "many"
                    | "much"
                    | "heavy"
                    | "risky"
                    | "complex"
            )
        }))
        || (w == "far" && next == Some("too"))
        || (matches!(w, "doesn't" | "won't" | "wouldn't" | "can't" | "cannot")
            && next.is_some_and(|n| matches!(n, "scale" | "work" | "survive" | "keep" | "fit" | "cut")))
        || (w == "falls" && next == Some("over"))
        // "silently throws away someone's edits".
        || (matches!(w, "throw" | "throws" | "throwing") && next == Some("away"))
        // "drains the battery", not "drains its queue".
        || (matches!(w, "drain" | "drains")
            && next.is_some_and(|n| matches!(n, "battery" | "batteries" | "phone" | "phones")))
        // "blocks the request threads", "stalls API workers": the serving
        // threads held up, not "blocks a slot".
        || (matches!(w, "blocks" | "block" | "stalls" | "hogs")
            && next.is_some_and(|n| {
                matches!(
                    n,
                    "api" | "request" | "requests" | "thread" | "threads" | "worker" | "workers" | "web" | "event"
                )
            }))
        || is_dismissal(w, next)
}

/// A name for an idea turned down: "X is a trap", "a footgun", "a
/// non-starter", "off the table", "a no-go", "a bad idea", "a recipe for
/// …", "gets you into trouble". Articles are
/// dropped and hyphens split words, so "off the table" reads "off table".
fn is_dismissal(w: &str, next: Option<&str>) -> bool {
    matches!(
        w,
        "trap"
            | "footgun"
            | "nonstarter"
            | "dealbreaker"
            | "antipattern"
            | "nogo"
            | "trouble"
            | "myth"
            | "fallacy"
            | "misconception"
    ) || matches!(
        (w, next),
        ("non", Some("starter" | "starters"))
            | ("no", Some("go"))
            | ("off", Some("table"))
            | ("dead", Some("end"))
            // "out of the question": "of" is kept, "the" dropped.
            | ("out" | "of", Some("question"))
            | ("anti", Some("pattern"))
            | ("bad", Some("idea" | "fit"))
            | ("recipe", Some("for"))
    )
}

/// A past attempt that went wrong: "users lost edits", "uploads timed
/// out", "it fell over", "the load balancers were drowning".
pub(super) fn is_past_failure(w: &str, next: Option<&str>) -> bool {
    matches!(
        w,
        "lost"
            | "killed"
            | "throttled"
            | "failed"
            | "crashed"
            | "died"
            | "choked"
            | "drowned"
            | "drowning"
            | "melted"
            | "collapsed"
            | "exploded"
            | "struggled"
            | "hurt"
            | "broke"
            | "buckled"
    ) || (w == "timed" && next == Some("out"))
        || (w == "fell" && next == Some("over"))
        || (w == "bit" && next == Some("us"))
        || is_bad_outcome(w, next)
}

/// Words telling that an approach was given up for another: "replaced",
/// "switched to", "moved off", "ripped it out".
pub(super) fn is_replacement(w: &str) -> bool {
    matches!(
        w,
        "replaced"
            | "switched"
            | "moved"
            | "dropped"
            | "abandoned"
            | "ditched"
            | "scrapped"
            | "migrated"
            | "rewrote"
            | "retired"
    )
}

/// Harm done, not a cost paid: "throws away", "drops", "loses",
/// "destroys".
pub(super) fn is_harm(w: &str, next: Option<&str>) -> bool {
    matches!(
        w,
        "drops"
            | "loses"
            | "lose"
            | "destroys"
            | "breaks"
            | "kills"
            | "wastes"
            | "discards"
            | "corrupts"
            | "overloads"
            | "melts"
    ) || (matches!(w, "throw" | "throws") && next == Some("away"))
}

/// Words that make what follows a reason for the mention, not a verdict on
/// it: "a cache, because otherwise the database would melt".
pub(super) fn is_reason_turn(w: &str) -> bool {
    matches!(
        w,
        "because"
            | "otherwise"
            | "so"
            | "since"
            | "else"
            | "without"
            | "prevent"
            | "prevents"
            | "avoid"
            | "avoids"
            | "unless"
            | "if"
            | "when"
            | "to"
            | "which"
            | "that"
            // A cost taken on knowingly: "…, accepting a slower first view".
            | "accept"
            | "accepting"
            | "tolerate"
            | "trading"
    )
}
