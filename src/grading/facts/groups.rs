//! The question lexicon's groups and what some of them mean for ranking:
//! plain data, so that `build.rs` reads the same phrases when it prepares
//! the lexicon and the built-in sheets.

/// Groups of general English for the things clarifying questions ask. A
/// phrase's words match by stem; `..` stands for up to four words, `$` for
/// the end of a clause. Written from how people ask, not from any one
/// problem: each group names a kind of requirement every problem has.
// Read by `build.rs`, which writes the lexicon's tables from them.
#[allow(dead_code)]
#[rustfmt::skip]
pub(super) const GROUPS: &[(&str, &[&str])] = &[
    // A quantity: how many of something, in total or per unit of time.
    ("count", &["how many", "how much", "number of", "amount of", "count of", "total", "volume",
        "per day", "per second", "per month", "per hour", "per year", "daily", "each day",
        "every day", "each second", "every second", "each month", "every month",
        "order of magnitude", "orders of magnitude"]),
    // How many things, asked in so many words: only a fact that counts
    // something answers it ("how many readers" is not where they are).
    ("many", &["how many", "number of", "count of"]),
    // A size or length.
    ("size", &["how big", "how large", "how long .. be $", "how long .. get $", "how long is .. $",
        "how long are .. $", "size", "sizes",
        "length", "bytes", "kb", "mb", "gb", "kilobytes", "megabytes", "gigabytes", "characters",
        "weigh", "weighs"]),
    // How big something is, asked in so many words: only a fact that gives
    // a size answers it.
    ("big", &["how big", "how large", "how huge", "how heavy"]),
    // A span of time, of keeping or of waiting.
    ("duration", &["how long", "duration", "how many days", "how many years", "period"]),
    // A maximum.
    ("max", &["max", "maximum", "largest", "biggest", "longest", "upper bound", "upper limit",
        "hard limit", "hard cap", "at most", "capped at",
        "highest", "most .. allowed", "dominant", "the bulk of",
        // "What's the ceiling for a file's size": the most it may be.
        "ceiling for", "ceiling on"]),
    // A limit set on something.
    ("limit", &["limit", "limits", "limited", "unlimited", "limitless", "cap", "capped",
        "ceiling", "quota"]),
    // An average.
    ("average", &["average", "mean", "on average", "median", "typical", "typically", "usual",
        "usually"]),
    // A peak.
    ("peak", &["peak", "peaks", "busiest", "busy hour", "rush hour", "prime time", "spike",
        "spikes", "burst", "bursts", "highest traffic"]),
    // Latency: how long something takes.
    ("speed", &["how fast", "how quick", "how quickly", "how soon", "how long .. take",
        "how long is acceptable", "how long is ok", "how long is okay", "how long is fine",
        "how long before", "how long until", "how long after",
        "how long .. wait", "how long .. load", "latency", "response time", "fast", "quick",
        "slow", "speed", "milliseconds", "ms", "p99", "p95", "p50", "percentile", "snappy",
        "instant", "instantly", "real time", "realtime", "wait",
        "latency budget", "time budget", "acceptable time", "how much time", "time it takes",
        "time until", "time from .. to",
        // A response time offered as a figure ("is 1 second OK for
        // delivery"); "a few seconds" and "seconds later" are freshness.
        "1 second", "under a second", "half a second", "sub second",
        "subsecond", "2 seconds", "two seconds", "3 seconds", "three seconds"]),
    // Freshness: how soon a change is seen elsewhere.
    ("fresh", &["propagate", "propagation", "visible", "show up", "shows up", "appear", "stale",
        "how current",
        "staleness", "fresh", "freshness", "up to date", "out of date", "lag", "lags",
        // Late, not "a full team behind it".
        "behind $", "behind by", "fall behind", "falls behind", "fallen behind", "how far behind",
        "running behind", "lagging behind",
        "eventual", "eventually", "consistency", "consistent", "in sync", "see .. change",
        "see .. update", "take effect", "takes effect", "reflect", "right away", "few seconds",
        "few minutes", "seconds later", "minutes later", "right after", "immediately after",
        "as soon as", "immediately", "immediate", "delay", "delayed", "reach",
        // How soon others see a change: a propagation, not a response time.
        "how soon .. see", "how soon .. seen", "how quickly .. see", "how quickly .. seen",
        "how long until .. see", "how long before .. see"]),
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
        "how long .. hold", "keep .. forever", "kept forever", "store .. forever",
        "is .. kept",
        "are .. kept", "still kept",
        "keep .. around", "kept around", "stick around", "hold on to", "archive", "archived",
        "archiving", "how far back", "go back", "goes back", "scroll back",
        // Kept or let go of ("keep a copy or drop it").
        "keep .. copy", "keep .. copies", "discard", "discarded", "throw .. away",
        "thrown away", "get rid of", "hang on to", "hold onto", "hang onto"]),
    // What the system does in an unusual case: sheets state requirements,
    // rarely the behaviour in each case.
    ("scenario", &["what happens if", "what happens when", "what if", "what should happen"]),
    // Deleting.
    ("delete", &["delete", "deleted", "deletion", "remove", "removed", "removal", "erase",
        "purge", "purged", "take down", "taken down", "takedown", "wipe"]),
    // Staying up.
    ("available", &["availability", "how available", "uptime", "downtime", "outage", "outages", "nines", "sla",
        "how many nines",
        "highly available", "high availability", "go .. down", "goes .. down", "reliable",
        "reliability", "fault tolerance", "fault tolerant", "resilient", "resilience", "fails",
        "failed", "failure", "failures", "crash", "crashes", "crashed", "dies", "died", "go dark", "goes dark", "went dark", "down for",
        "is down", "are down", "be down", "being down", "was down"]),
    // Never losing data.
    ("durable", &["durable", "durability", "lose", "lost", "loss", "never lose", "data loss"]),
    // Money.
    ("cost", &["budget", "cost", "costs", "money", "cheap", "expensive", "spend", "spending",
        "afford", "cloud bill", "price tag", "the bill", "our bill", "monthly bill",
        "hosting bill"]),
    // The people using it.
    ("person", &["user", "users", "account", "accounts", "people", "person", "customer",
        "customers", "subscriber", "subscribers", "viewer", "viewers", "folks", "folk"]),
    // The same thing happening twice.
    ("duplicate", &["twice", "identical", "duplicate", "duplicates", "duplicated", "more than once",
        "two times", "exactly once", "only once", "same", "dedup",
        "deduplicate", "deduplication"]),
    // Seeing one's own change at once.
    ("own_writes", &["read your writes", "read your own writes", "read own writes",
        "read after write", "see .. own", "sees .. own", "own .. immediately",
        "own .. right away"]),
    // Having an account and using it.
    ("login", &["log in", "logs in", "logged in", "login", "sign in", "signs in", "signed in",
        "sign up", "signs up", "signed up", "signup", "register", "registration",
        "need .. account", "have .. account", "create .. account", "account required",
        "require .. account", "requires .. account"]),
    // Films and shows.
    ("film", &["film", "films", "movie", "movies"]),
    // Pictures.
    ("image", &["image", "images", "picture", "pictures", "photo", "photos", "pic", "pics"]),
    // Who a message or a change is for.
    ("recipient", &["recipient", "recipients", "receiver", "receivers", "receiving end"]),
    // A place.
    ("where", &["where", "location", "located", "whereabouts"]),
    // Where a link leads.
    ("target", &["destination", "destinations", "where .. points", "where .. point",
        "where .. leads", "points to", "point to", "pointing to", "target url"]),
    // Where in the world.
    ("geo", &["region", "regions", "regional", "country", "countries", "city", "cities",
        "global", "globally", "worldwide", "around the world", "across the world",
        "all over the world", "spread across", "spread around", "spread out",
        "spread worldwide", "spread globally", "distributed across",
        "international", "internationally", "continent",
        "continents", "geography", "geographic", "geographically", "europe", "european", "eu",
        "asia", "americas", "north america", "latin america", "india", "brazil", "abroad",
        "overseas", "nationwide", "data residency", "data sovereignty", "multi region",
        "multiregion", "usa", "united states", "uk", "canada", "china", "japan", "africa",
        "australia", "indonesia", "everywhere", "spread evenly", "evenly spread",
        "evenly distributed", "concentrated in"]),
    // Encryption.
    ("encrypt", &["encrypt", "encrypted", "encrypting", "encryption", "decrypt", "decrypted",
        "decryption", "cipher", "ciphertext", "plaintext", "end to end encrypted", "end to end encryption", "e2e", "e2ee", "tls",
        "ssl"]),
    // Devices people use.
    ("device", &["device", "devices", "phone", "phones", "laptop", "laptops", "desktop",
        "desktops", "tablet", "tablets", "tv", "tvs", "browser", "browsers", "console",
        "consoles", "computer", "computers", "smartphone", "smartphones", "ipad", "iphone",
        "android", "ios", "mobile", "telly", "tellies"]),
    // The software people run.
    ("client", &["client", "clients", "player", "players", "client app", "mobile app",
        "desktop app", "web app", "frontend", "front end", "client side"]),
    // Without a network.
    ("offline", &["offline", "no connection", "no connectivity", "no internet", "no network",
        "no signal", "without internet", "without .. connection", "without .. network",
        "disconnected", "disconnect", "disconnects", "reconnect", "reconnects", "back online",
        "airplane", "tunnel", "tunnels", "flaky", "spotty", "dead zone",
        "lose connection", "loses connection", "lost connection", "connection drops",
        "lose connectivity", "loses connectivity", "lost connectivity", "lose signal",
        "loses signal", "lost signal",
        "dropped connection", "bad network", "bad networks", "poor connectivity",
        "phone .. off", "switched off", "turned off", "powered off", "out of battery",
        "unreliable", "reliable .. network", "reliable .. connection", "network .. reliable",
        "connection .. reliable", "network reliability",
        "patchy", "intermittent", "weak signal", "poor signal", "slow connection",
        "slow connections"]),
    // Hard to guess.
    ("guess", &["guessable", "unguessable", "to guess", "can .. guess", "could .. guess",
        "guess other", "guess someone", "be guessed", "predictable",
        "unpredictable", "enumerate", "enumerable", "enumeration", "sequential", "walk through",
        "scrape", "scraping", "brute force", "secret link"]),
    // How two quantities compare.
    ("ratio", &["ratio", "ratios", "more common than", "more often than", "outnumber",
        "outnumbers", "compared to", "compared with", "relative to", "proportion",
        "how much more", "how many more", "times more", "mostly reads", "mostly writes",
        "read heavy", "write heavy", "reads versus writes", "reads vs writes", "fraction",
        "read .. more than", "viewed .. more than", "clicked .. more than", "more reads than",
        "more views than", "reads or writes", "read or write", "writes or reads",
        "percentage", "percent", "what share", "the share of", "a share of",
        // Lopsided towards one side ("heavily read-skewed").
        "read skewed", "write skewed", "skewed ratio", "skewed toward", "skewed towards"]),
    // Finding things by what they contain.
    ("search", &["search", "searching", "searchable", "full text search", "keyword search",
        "find .. by keyword", "look up .. by keyword"]),
    // Carrying on where one stopped.
    ("resume", &["resume", "resumes", "resuming", "resumed", "pick up where", "picks up where",
        "left off", "leave off", "same spot", "same place", "same position", "same point",
        "where .. stopped", "where .. left", "continue watching", "carry on", "pick it up", "pick .. up on", "continue on"]),
    // Changing something after it was made.
    ("edit", &["edit", "edits", "edited", "editing", "editable", "modify", "modified",
        "modifying", "modification", "modifications", "mutable", "immutable", "immutability",
        "rewrite", "overwrite", "overwritten"]),
    // An order things are shown or delivered in.
    ("order", &["order", "ordering", "ordered", "sequence", "sequencing", "sort", "sorted",
        "sorting", "chronological", "chronologically", "newest first", "oldest first",
        "latest first", "most recent first", "ranked", "ranking", "in order", "out of order"]),
    // What a user reads when they open the app.
    ("feed", &["feed", "feeds", "timeline", "timelines", "news feed", "home feed",
        "home timeline"]),
    // Looking at something.
    ("view", &["view", "views", "viewed", "viewing", "look at", "looks at", "looked at",
        "looking at", "eyeballs"]),
    // Telling people something happened.
    ("notify", &["notification", "notifications", "notify", "notified", "notifying", "push",
        "alert", "alerts"]),
    // Whether numbers must be exact.
    ("exact", &["exact", "accurate", "accuracy", "precise", "precisely", "inaccurate",
        "approximate", "slightly off", "off by", "drift", "a bit off", "be off", "bit wrong"]),
    // Growing over time.
    ("growth", &["growth", "grow", "grows", "growing", "next few years", "years from now",
        "over the years", "scale up"]),
    // Following something as it moves ("watch the car approach on a map").
    ("track", &["track", "tracks", "tracking", "tracked", "live map", "on a map", "on the map",
        "watch .. approach", "watch .. arrive", "watch .. move", "see .. approach",
        "see .. coming", "see .. moving", "follow .. on"]),
    // Bad actors.
    ("abuse", &["abuse", "abusive", "spam", "spammer", "spammers", "spamming", "phishing",
        "malware", "malicious", "moderation", "moderate", "takedown", "take down", "illegal",
        "harmful", "bad actors", "bot", "bots", "scam", "scams", "fraud", "fraudulent"]),
    // Rules a law or a regulator sets on where data lives and how it is
    // kept: a fact about where users are does not say them.
    ("legal", &["data residency", "data sovereignty", "residency", "sovereignty", "compliance",
        "compliant", "gdpr", "hipaa", "regulation", "regulations", "regulatory", "regulator",
        "regulators", "law", "laws", "legal", "legally", "in country", "data locality",
        "data localization"]),
    // Machines to run it on.
    ("hardware", &["server", "servers", "machine", "machines", "hardware", "instances",
        "nodes", "fleet", "boxes"]),
    // Something someone else provides.
    ("external", &["third party", "third-party", "3rd party", "vendor", "vendors", "provider",
        "providers", "external service", "existing service", "off the shelf",
        "managed service", "managed services", "saas", "outsource", "partner", "partners",
        "partnering", "partnership", "commercial"]),
    // A conversation of two people ("one-on-one chat"), all of whose
    // words are otherwise filler.
    ("direct", &["one on one", "one to one", "1 on 1", "1 to 1"]),
    // People building it.
    ("team", &["team", "engineers", "engineering", "headcount", "staff", "staffing"]),
    // In or out of scope: the ways of asking whether something is built.
    ("scope", &["in scope", "scope", "mvp", "minimum viable product", "first version", "v1",
        "phase one", "do we need", "do we support", "should we support",
        "need to support", "have to support", "supported", "support", "include", "included",
        "includes", "feature", "features", "functionality", "must have", "nice to have",
        "should .. be able to", "be able to", "allowed to", "do we have to", "must support",
        "must do", "needed", "part of",
        // "Should I cover likes?", "do you want me to cover search?".
        "should i cover", "should we cover", "want me to cover", "need to cover",
        // "Are calls on the table?", "is video in play?": whether it is
        // built, said as a meeting would say it.
        "on the table", "in play"]),
    // Done at a time chosen ahead, not now: a feature asked this way ("book
    // a ride for later", "schedule a post") is another feature than the
    // plain one, answered only by a fact that says so.
    ("later", &["for later", "for a later time", "at a later time", "later date", "in advance",
        "ahead of time", "schedule", "scheduled", "scheduling", "pre book", "prebook",
        "pre booked", "preorder", "pre order", "reserve", "reservation", "reservations",
        "tomorrow", "future date", "future time", "next week"]),
    // A feature done another way than the plain one: for everyone, or
    // differently from place to place ("delete for everyone", "redirect
    // differently per country"). Only a fact that says so answers it; the
    // plain feature's fact is another answer. ("Along with", "alongside"
    // were tried: "store the original alongside the resized ones" asks the
    // plain thing; "differently" alone reads as "different", and "different
    // image sizes per device" asks the plain sizes.)
    ("variant", &["for everyone $", "for everybody $", "for all users $", "for both sides $",
        "different .. per country", "different .. per region", "different .. by country",
        "different .. by region", "different .. in each country", "different .. for each country",
        "depending on", "depends on", "vary by", "varies by", "vary per", "varies per",
        "on behalf of",
        // "Is the catalogue the same in every country?": does it vary.
        "same in every", "same in all", "same everywhere", "same across",
        // Several in one where the plain feature has one ("multiple stops in
        // one trip").
        "multiple .. in one", "several .. in one", "more than one .. in one",
        "multiple .. in a single", "several .. in a single"]),
    // Out of scope: what is left out.
    ("out", &["out of scope", "not in scope", "non goals", "not needed", "excluded",
        "excluded features", "left out", "leave out", "not part of", "skip", "ignore"]),
];

/// Kinds of fact that only a fact stating them can answer, when a question
/// asks for them in so many words, with the keys that state them: a
/// maximum the sheet does not give is "your call", and "how fast" asks for
/// a latency or a freshness, never for the feature itself.
pub(super) const REQUIRED: &[(&str, &[&str])] = &[
    ("@max", &["@max"]),
    ("@speed", &["@speed", "@fresh"]),
    ("@big", &["@size", "@max", "@big"]),
    ("@where", &["@where", "@geo"]),
    ("@many", &["@count", "@many"]),
    ("@often", &["@often"]),
];

/// Kinds that require a fact stating them only when asked with "how"
/// ("how quickly", not "taken down quickly").
pub(super) const HOW: &[&str] = &["@speed", "@often"];

/// The ways of asking what is in or out of scope.
pub(super) const SCOPE: &[&str] = &["@scope", "@out"];

/// Groups whose phrases are made of asking words but say what the question
/// is about, so they are not only a way of asking.
pub(super) const SUBJECTS: &[&str] = &[
    "@scenario",
    // "If redirects go down": what the case is about.
    "@available",
    "@guess",
    "@order",
    "@exact",
    "@resume",
    "@edit",
    "@later",
    "@variant",
    "@direct",
];

/// The lexicon's groups that name a kind of requirement (not a thing, like
/// people or devices, nor a way of asking).
#[rustfmt::skip]
pub(super) const KINDS: &[&str] = &[
    "@retain", "@expire", "@speed", "@fresh", "@available", "@cost", "@concurrent",
    "@anonymous", "@stall", "@delete", "@encrypt", "@offline", "@guess", "@ratio", "@search",
    "@resume", "@edit", "@order", "@notify", "@growth", "@abuse", "@duplicate", "@own_writes",
    "@login", "@limit", "@later", "@variant", "@peak", "@durable", "@legal",
];
