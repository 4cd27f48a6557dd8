//! The question lexicon's groups: plain data, so that `build.rs` reads the
//! same phrases when it prepares the lexicon.

/// Groups of general English for the things clarifying questions ask. A
/// phrase's words match by stem; `..` stands for up to four words, `$` for
/// the end of a clause. Written from how people ask, not from any one
/// problem: each group names a kind of requirement every problem has.
#[rustfmt::skip]
pub(super) const GROUPS: &[(&str, &[&str])] = &[
    // A quantity: how many of something, in total or per unit of time.
    ("count", &["how many", "how much", "number of", "amount of", "count of", "total", "volume",
        "per day", "per second", "per month", "per hour", "per year", "daily", "each day",
        "every day", "each second", "every second", "each month", "every month"]),
    // A size or length.
    ("size", &["how big", "how large", "how long .. be $", "how long .. get $", "how long is .. $",
        "how long are .. $", "size", "sizes",
        "length", "bytes", "kb", "mb", "gb", "kilobytes", "megabytes", "gigabytes", "characters"]),
    // A span of time, of keeping or of waiting.
    ("duration", &["how long", "duration", "how many days", "how many years", "period"]),
    // A maximum.
    ("max", &["max", "maximum", "largest", "biggest", "longest", "upper bound", "at most",
        "highest", "most .. allowed"]),
    // A limit set on something.
    ("limit", &["limit", "limits", "limited", "unlimited", "limitless", "cap", "capped",
        "ceiling", "quota"]),
    // An average.
    ("average", &["average", "mean", "on average", "median"]),
    // A peak.
    ("peak", &["peak", "peaks", "busiest", "busy hour", "rush hour", "prime time", "spike",
        "spikes", "burst", "bursts", "highest traffic"]),
    // Latency: how long something takes.
    ("speed", &["how fast", "how quick", "how quickly", "how soon", "how long .. take",
        "how long is acceptable", "how long is ok", "how long is okay", "how long is fine",
        "how long before", "how long until", "how long after",
        "how long .. wait", "how long .. load", "latency", "response time", "fast", "quick",
        "slow", "speed", "milliseconds", "ms", "p99", "p95", "p50", "percentile", "snappy",
        "instant", "instantly", "real time", "realtime", "wait"]),
    // Freshness: how soon a change is seen elsewhere.
    ("fresh", &["propagate", "propagation", "visible", "show up", "shows up", "appear", "stale",
        "staleness", "fresh", "freshness", "up to date", "out of date", "lag", "lags", "behind",
        "eventual", "eventually", "consistency", "consistent", "in sync", "see .. change",
        "see .. update", "take effect", "takes effect", "reflect", "right away", "few seconds",
        "few minutes", "seconds later", "minutes later", "right after", "immediately after",
        "as soon as", "immediately", "immediate", "delay", "delayed", "reach"]),
    // A frequency.
    ("often", &["how often", "how frequently", "frequency", "frequent", "interval", "every .. second",
        "every .. minute", "refresh", "refreshed", "refreshes", "per .. second"]),
    // Several at the same moment.
    ("concurrent", &["concurrent", "concurrently", "simultaneous", "simultaneously", "at once",
        "at the same time", "same time", "in parallel", "parallel", "concurrency"]),
    // Without an account.
    ("anonymous", &["anonymous", "anonymously", "unauthenticated", "guest", "guests",
        "without .. sign in", "without .. sign up", "without .. log in", "without .. login",
        "without .. account", "logged out", "not logged in", "signed out", "not signed in",
        "no account", "unregistered", "without .. register"]),
    // Playback that stops to load.
    ("stall", &["stall", "stalls", "buffering", "buffer", "rebuffer", "rebuffering", "freeze",
        "freezes", "stutter", "spinner"]),
    // Things that stop existing after a while.
    ("expire", &["expire", "expires", "expiry", "expiration", "ttl", "time to live", "timeout",
        "time out", "times out", "stop working", "stops working", "self destruct",
        "auto delete", "go away", "goes away"]),
    // How long things are kept.
    ("retain", &["forever", "permanent", "permanently", "indefinitely", "retention", "retain",
        "how long .. keep", "how long .. kept", "how long .. store", "how long .. stored",
        "how long .. last", "how long .. stay", "how long .. live", "how long .. around",
        "how long .. hold", "keep .. forever", "kept forever", "store .. forever", "keep", "kept",
        "stick around", "hold on to"]),
    // What the system does in an unusual case: sheets state requirements,
    // rarely the behaviour in each case.
    ("scenario", &["what happens if", "what happens when", "what if", "what should happen"]),
    // Deleting.
    ("delete", &["delete", "deleted", "deletion", "remove", "removed", "removal", "erase",
        "purge", "purged", "take down", "takedown", "wipe"]),
    // Staying up.
    ("available", &["availability", "how available", "uptime", "downtime", "outage", "outages", "nines", "sla",
        "highly available", "high availability", "go .. down", "goes .. down", "reliable",
        "reliability", "fault tolerance", "fault tolerant", "resilient", "resilience"]),
    // Never losing data.
    ("durable", &["durable", "durability", "lose", "lost", "loss", "never lose", "data loss"]),
    // Money.
    ("cost", &["budget", "cost", "costs", "money", "cheap", "expensive", "spend", "spending",
        "afford", "cloud bill", "price tag"]),
    // The people using it.
    ("person", &["user", "users", "account", "accounts", "people", "person", "customer",
        "customers", "subscriber", "subscribers", "viewer", "viewers"]),
    // The same thing happening twice.
    ("duplicate", &["twice", "identical", "duplicate", "duplicates", "duplicated", "more than once",
        "double", "doubled", "two times", "exactly once", "only once"]),
    // Seeing one's own change at once.
    ("own_writes", &["read your writes", "read your own writes", "read own writes",
        "read after write", "see .. own", "sees .. own", "own .. immediately",
        "own .. right away"]),
    // Having an account and using it.
    ("login", &["log in", "logs in", "logged in", "login", "sign in", "signs in", "signed in",
        "sign up", "signs up", "signed up", "signup", "register", "registration"]),
    // Pictures.
    ("image", &["image", "images", "picture", "pictures", "photo", "photos", "pic", "pics"]),
    // Who a message or a change is for.
    ("recipient", &["recipient", "recipients", "receiver", "receivers", "receiving end"]),
    // A place.
    ("where", &["where", "location", "located", "whereabouts"]),
    // People building it.
    ("team", &["team", "engineers", "engineering", "headcount", "staff", "staffing"]),
    // In or out of scope: the ways of asking whether something is built.
    ("scope", &["in scope", "scope", "do we need", "do we support", "should we support",
        "need to support", "have to support", "supported", "support", "include", "included",
        "includes", "feature", "features", "functionality", "must have", "nice to have",
        "should .. be able to", "be able to", "allowed to", "do we have to", "must support",
        "must do", "needed", "part of"]),
    // Out of scope: what is left out.
    ("out", &["out of scope", "not in scope", "non goals", "not needed", "excluded",
        "excluded features", "left out", "leave out", "not part of", "skip", "ignore"]),
];
