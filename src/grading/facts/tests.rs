use super::*;

fn fact(id: &str, asks: &[&str], covers: &[&str], answer: &str) -> Fact {
    Fact {
        id: id.into(),
        topic: id.into(),
        asks: asks.iter().map(|s| s.to_string()).collect(),
        covers: covers.iter().map(|s| s.to_string()).collect(),
        answer: answer.into(),
        key: true,
    }
}

/// A small sheet for a made-up photo service, written for these tests.
fn facts() -> Vec<Fact> {
    vec![
        fact(
            "scale",
            &["how many users", "daily active"],
            &["user base", "traffic", "concurrent users"],
            "50 million daily users.",
        ),
        fact(
            "ratio",
            &["read write ratio"],
            &["reads per write", "read heavy", "views per photo"],
            "About 50 views for every upload.",
        ),
        fact(
            "retention",
            &["retention", "how long keep"],
            &["keep forever", "delete photos"],
            "Photos are kept until the owner deletes them.",
        ),
        fact(
            "photo_size",
            &["photo size", "how big photos"],
            &["max file size", "average photo size"],
            "Photos average 2 MB and are capped at 10 MB.",
        ),
        fact(
            "features",
            &["core features", "in scope"],
            &["upload photo", "comments", "likes"],
            "Upload photos, comment on them and like them.",
        ),
        fact(
            "out_of_scope",
            &["out of scope"],
            &["video", "direct messages", "search"],
            "Video, direct messages and search are out of scope.",
        ),
        fact(
            "latency",
            &["latency", "how fast"],
            &["response time", "load time", "feed load"],
            "The feed loads in under 300 ms.",
        ),
        fact(
            "freshness",
            &["consistency", "stale"],
            &["propagation", "eventual consistency"],
            "A new photo may take a few seconds to reach followers.",
        ),
        fact(
            "accounts",
            &["login", "anonymous"],
            &["sign up", "accounts"],
            "Viewing needs no account; uploading does.",
        ),
    ]
}

fn id(q: &str) -> Option<String> {
    let facts = facts();
    let found = match_fact(q, &facts).map(|f| f.id.clone());
    eprintln!("{}", explain(q, &facts));
    found
}

#[test]
fn questions_find_their_fact_by_any_of_its_words() {
    assert_eq!(id("How many users do we expect?").as_deref(), Some("scale"));
    assert_eq!(id("What's the read/write ratio?").as_deref(), Some("ratio"));
    assert_eq!(
        id("How long do we keep photos?").as_deref(),
        Some("retention")
    );
    // One feature named, not "features".
    assert_eq!(id("Do we need comments?").as_deref(), Some("features"));
    assert_eq!(id("Is search in scope?").as_deref(), Some("out_of_scope"));
    assert_eq!(id("Which colour is the logo?"), None);
}

#[test]
fn typos_are_mended_in_question_words_too() {
    assert_eq!(id("how mnay users?").as_deref(), Some("scale"));
    assert_eq!(id("How many daily actve users?").as_deref(), Some("scale"));
    assert_eq!(
        id("whats the avg photo size?").as_deref(),
        Some("photo_size")
    );
}

#[test]
fn near_words_meet_through_the_question_lexicon() {
    // "show up" and "propagate" are freshness, not the response time.
    assert_eq!(
        id("How soon should a new photo show up for followers?").as_deref(),
        Some("freshness")
    );
    assert_eq!(
        id("How quickly do new photos propagate to followers?").as_deref(),
        Some("freshness")
    );
    assert_eq!(
        id("Can unauthenticated users view photos?").as_deref(),
        Some("accounts")
    );
    assert_eq!(
        id("Can guests look around without signing in?").as_deref(),
        Some("accounts")
    );
    assert_eq!(
        id("How fast should the feed be?").as_deref(),
        Some("latency")
    );
}

#[test]
fn what_the_sheet_does_not_state_is_your_call() {
    // A feature no fact lists.
    assert_eq!(id("Do we need photo filters?"), None);
    // A maximum the sheet gives, and one it does not.
    assert_eq!(
        id("What's the largest photo allowed?").as_deref(),
        Some("photo_size")
    );
    assert_eq!(id("What's the longest comment allowed?"), None);
    // A per-account quantity the sheet does not give.
    assert_eq!(id("How many photos per account?"), None);
    // How it is built is the candidate's call.
    assert_eq!(id("What language should the backend be written in?"), None);
    assert_eq!(id("Should I use Postgres or Mongo?"), None);
}

#[test]
fn compound_questions_get_one_reply_per_part() {
    let facts = facts();
    let replies = understand(
        "How many users, and how long do we keep their photos?",
        &facts,
    );
    assert_eq!(replies.len(), 2, "{replies:?}");
    assert_eq!(replies[0].fact.map(|f| f.id.as_str()), Some("scale"));
    assert_eq!(replies[1].fact.map(|f| f.id.as_str()), Some("retention"));
    let replies = understand("Do photos expire, and what language should I use?", &facts);
    assert_eq!(replies.len(), 2, "{replies:?}");
    assert!(replies[1].fact.is_none());
    assert_eq!(replies[1].part, "what language should I use");
    // A part that only says what kind of thing it asks is about the subject
    // of the part before.
    let replies = understand(
        "Do we delete photos, and for how long do we keep them?",
        &facts,
    );
    assert_eq!(replies.len(), 2, "{replies:?}");
    assert_eq!(replies[1].fact.map(|f| f.id.as_str()), Some("retention"));
}

#[test]
fn splitting_keeps_alternatives_and_short_pieces_together() {
    assert_eq!(
        split_question("Read and write ratio?"),
        ["Read and write ratio"]
    );
    assert_eq!(
        split_question("What is the scale? Also, do links expire?"),
        ["What is the scale", "Also, do links expire"]
    );
    assert_eq!(
        split_question("Do photos expire, or are they kept forever?"),
        ["Do photos expire, or are they kept forever"]
    );
    assert_eq!(
        split_question("How long can a caption be, and can it have links?"),
        ["How long can a caption be", "can it have links"]
    );
    assert_eq!(
        split_question("Do we store photos, and for how long?"),
        ["Do we store photos", "for how long"]
    );
    assert_eq!(
        split_question("Is it global, and why?"),
        ["Is it global, why"]
    );
    assert_eq!(split_question(""), [""]);
}

#[test]
fn explain_shows_the_ranking() {
    let text = explain("How many users?", &facts());
    assert!(text.contains("scale"), "{text}");
    assert!(text.contains("-> scale"), "{text}");
}

#[test]
fn design_choices_are_the_candidates_call() {
    use super::asks_for_a_choice;
    for q in [
        "Should I use Kafka for the location stream",
        "Which message queue should I use for the updates",
        "Which database should we pick",
        "What database do you recommend",
        "Would it be reasonable to keep timelines in Redis",
        "Is it up to me whether ids are random",
        "does it matter to you which one I pick for adaptive streaming",
        "Which one should we use for the feed",
    ] {
        assert!(asks_for_a_choice(q), "{q}");
    }
    for q in [
        "Should riders be able to schedule rides in advance",
        "Should playback resume on another device",
        "Which regions do we launch in",
        "What availability do we need",
        "Which one of the regions matters most",
    ] {
        assert!(!asks_for_a_choice(q), "{q}");
    }
}

#[test]
fn build_or_buy_asks_what_the_company_has() {
    use super::asks_for_a_choice;
    for q in [
        "Should I use Google Maps APIs or build our own routing",
        "Can we use third-party CDNs, or are we expected to build our own",
        "Should we build our own CDN, or is renting a commercial CDN fine",
    ] {
        assert!(!asks_for_a_choice(q), "{q}");
    }
    assert!(asks_for_a_choice(
        "Should we build the feed on read or on write"
    ));
}

/// The fact a question names among the fixture's facts and `extra`.
fn with_facts(extra: Vec<Fact>) -> impl Fn(&str) -> Option<String> {
    let mut facts = facts();
    facts.extend(extra);
    move |q| {
        eprintln!("{}", explain(q, &facts));
        match_fact(q, &facts).map(|f| f.id.clone())
    }
}

fn ids(q: &str) -> Vec<Option<String>> {
    let facts = facts();
    eprintln!("{}", explain(q, &facts));
    understand(q, &facts)
        .into_iter()
        .map(|r| r.fact.map(|f| f.id.clone()))
        .collect()
}

#[test]
fn dashes_colons_and_second_things_after_or_are_parts_of_their_own() {
    // A topic before a dash is what the question after it asks about; the
    // dash is kept, so that the question can be read on its own too.
    assert_eq!(
        split_question("Photo size — how big can they get?"),
        ["Photo size — how big can they get"]
    );
    assert_eq!(
        split_question("Do we need search — how fast must it be?"),
        ["Do we need search", "how fast must it be"]
    );
    assert_eq!(
        split_question("Comments: are they in scope?"),
        ["Comments", "are they in scope"]
    );
    assert_eq!(
        split_question("How many users, and roughly how many photos each?"),
        ["How many users", "roughly how many photos each"]
    );
    assert_eq!(
        split_question("Is there a budget, or existing servers we must reuse?"),
        ["Is there a budget", "existing servers we must reuse"]
    );
    // Alternative answers to one question stay one part.
    for q in [
        "Is video in scope, or just photos?",
        "Is video in scope, or photos only?",
        "Do photos expire, or do we keep them?",
        "Is search in scope — like finding photos by caption?",
        // A question before the colon, said again more closely after it.
        "How fast is upload: must a photo show up within a second?",
        // Options listed after a colon answer the question before it.
        "What happens when a payment fails: try again later, or cancel the order now?",
    ] {
        assert_eq!(split_question(q).len(), 1, "{q}");
    }
    // "What about" before a colon only names the topic.
    assert_eq!(
        split_question("What about groups: is there a size limit?").len(),
        2
    );
}

#[test]
fn a_list_is_asked_thing_by_thing_when_one_of_its_things_has_a_fact() {
    assert_eq!(
        coordinated("What latency and availability do we need"),
        ["What latency do we need", "What availability do we need"]
    );
    assert_eq!(
        coordinated("Are comments, likes and video in scope").len(),
        3
    );
    // The verb after its subject is shared by the things, not one of them.
    assert_eq!(
        coordinated("how long do we store trip records and the driver's route"),
        [
            "how long do we store trip records",
            "how long do we store driver's route"
        ]
    );
    // Things that qualify another, and alternatives offered, are not split.
    assert!(coordinated("Do we need chat between riders and drivers").is_empty());
    assert!(coordinated("Do riders and drivers rate each other after the trip").is_empty());
    assert!(coordinated("Do we need likes and comments, or just uploads").is_empty());
    // States of one thing, named once at the end.
    assert_eq!(
        coordinated("Do we need sent, delivered and read receipts"),
        [
            "Do we need sent receipts",
            "Do we need delivered receipts",
            "Do we need read receipts"
        ]
    );
    // Two facts: two replies.
    assert_eq!(
        ids("How fast should the feed load and how many users are there?").len(),
        2
    );
    assert_eq!(
        ids("Are comments and video in scope?"),
        [
            Some("features".to_string()),
            Some("out_of_scope".to_string())
        ]
    );
    // One fact for both: each thing asked still has its part (the session
    // says the fact once).
    assert_eq!(
        ids("Do we need comments and likes?"),
        [Some("features".to_string()), Some("features".to_string())]
    );
}

#[test]
fn a_quantity_is_answered_only_by_a_fact_that_gives_it() {
    // How many at once: the sheet gives daily users, not concurrent ones.
    assert_eq!(id("How many users are online at the same time?"), None);
    assert_eq!(id("How many concurrent users?").as_deref(), Some("scale"));
    // A peak is stated by a fact that gives one; this sheet gives none.
    assert_eq!(id("How many concurrent users at peak?"), None);
    // What a quantity is asked of must be what the fact counts.
    assert_eq!(id("How much growth should we plan for over 5 years?"), None);
    // "How big" needs a size; "per account" needs that unit.
    assert_eq!(id("How big is a photo?").as_deref(), Some("photo_size"));
    assert_eq!(id("How big is the latency budget?"), None);
    assert_eq!(id("How many photos per account?"), None);
}

#[test]
fn the_answer_saying_two_of_the_questions_words_together_is_evidence() {
    let facts = facts();
    let sheet = super::sheet::Sheet::new(&facts);
    let ts = sheet.read("Can followers see new photos a few seconds late?");
    let text: Vec<&str> = ts.iter().map(|t| t.text.as_str()).collect();
    let at = |w: &str| text.iter().position(|t| *t == w).expect("term");
    // "A new photo may take a few seconds to reach followers."
    let fresh = &sheet.facts[7];
    let pairs = super::rank::paired(fresh, &ts);
    assert!(
        pairs[at("followers")] && pairs[at("photos")],
        "{text:?} {pairs:?}"
    );
    // "50 million daily users." says neither.
    let scale = &sheet.facts[0];
    assert!(!super::rank::paired(scale, &ts).iter().any(|p| *p));
}

#[test]
fn questions_about_a_systems_parts_are_the_candidates_call() {
    use super::asks_for_a_choice;
    for q in [
        "Should photos go through a separate service",
        "Should the feed be cached in Redis",
        "Would you rather I shard by user",
        "Do you have a preference for the queue",
        "Is it my choice which store holds comments",
    ] {
        assert!(asks_for_a_choice(q), "{q}");
    }
    assert!(!asks_for_a_choice("Should the feed be chronological"));
}

#[test]
fn a_figure_of_something_else_is_not_the_answer() {
    // The sheet counts daily users, not sign-ups: every word that names what
    // is measured must be explained.
    assert_eq!(id("How many users sign up per day?"), None);
    assert_eq!(id("How many users are banned per day?"), None);
    assert_eq!(id("How many users do we have?").as_deref(), Some("scale"));
    // "How often" needs a fact that gives a frequency.
    assert_eq!(id("How often do users upload photos?"), None);
    // A number in the answer just before the thing counted gives it.
    let found = with_facts(vec![fact(
        "feed_order",
        &["feed order"],
        &["newest first", "page size"],
        "Newest first, about 20 photos per page.",
    )]);
    assert_eq!(
        found("How many photos per page?").as_deref(),
        Some("feed_order")
    );
}

#[test]
fn where_after_a_thing_named_does_not_ask_for_a_place() {
    let found = with_facts(vec![
        fact(
            "regions",
            &["where users", "regions"],
            &["countries"],
            "Users are in Europe and Asia.",
        ),
        fact(
            "analytics",
            &["analytics"],
            &["stats", "dashboard"],
            "Stats dashboards are out of scope.",
        ),
    ]);
    assert_eq!(found("Where are the users?").as_deref(), Some("regions"));
    assert_eq!(
        found("Is there a dashboard where users see their stats?").as_deref(),
        Some("analytics")
    );
    // After a comma too, unless a verb asks after it.
    assert_eq!(
        found("Is the dashboard, where users see stats, in scope?").as_deref(),
        Some("analytics")
    );
    assert_eq!(
        found("And the users, where are they?").as_deref(),
        Some("regions")
    );
}

#[test]
fn one_of_the_things_online_is_the_unit_of_a_quantity() {
    // "Every online driver's app" gives a figure per driver.
    let found = with_facts(vec![
        fact(
            "pings",
            &["location updates", "how often"],
            &["gps updates", "driver location", "phone sends location"],
            "Every online driver's app sends its position every 4 seconds.",
        ),
        fact(
            "scale",
            &["how many drivers"],
            &["drivers online"],
            "1 million drivers are online at the busiest hour.",
        ),
    ]);
    assert_eq!(
        found("How often does a driver's phone send its location?").as_deref(),
        Some("pings")
    );
}

#[test]
fn a_term_read_several_ways_is_closer_to_the_fact_that_meets_more_of_them() {
    // "Expiration date" is an expiry and, through the shared concept
    // lexicon, a retention too; the expiry fact meets both readings.
    let found = with_facts(vec![fact(
        "expiry",
        &["expiry"],
        &["expire", "set expiration"],
        "Photos never expire unless the owner sets a date.",
    )]);
    assert_eq!(
        found("Can we set an expiration date?").as_deref(),
        Some("expiry")
    );
    assert_eq!(
        found("How long do we keep photos?").as_deref(),
        Some("retention")
    );
}

#[test]
fn a_list_item_may_open_with_an_article() {
    assert_eq!(
        coordinated("Do we need comments or a discussion thread"),
        ["Do we need comments", "Do we need discussion thread"]
    );
}

#[test]
fn a_short_tail_after_and_asks_the_part_before_again() {
    assert_eq!(
        split_question("How long do we keep trip data, and the GPS traces?"),
        ["How long do we keep trip data", "and the GPS traces"]
    );
    // A list, a tail with a question of its own, an example: not a tail.
    assert_eq!(
        split_question("Do we need likes, comments, and shares?").len(),
        1
    );
    assert_eq!(
        split_question("Is the feed ranked, and how many posts per page?"),
        ["Is the feed ranked", "how many posts per page"]
    );
    // The tail is read with the part before, its subject replaced: how
    // long we keep comments, which the sheet does not say.
    assert_eq!(
        ids("How long do we keep photos, and comments?"),
        [Some("retention".to_string()), None]
    );
    assert_eq!(
        ids("What is the latency target, and the freshness?"),
        [Some("latency".to_string()), Some("freshness".to_string())]
    );
}

#[test]
fn a_kind_of_requirement_asked_needs_a_fact_of_that_kind() {
    // The feed is named by a fact of another kind: a wrong answer, so
    // "your call".
    assert_eq!(id("Is the feed encrypted?"), None);
    assert_eq!(
        id("How long do we keep photos?").as_deref(),
        Some("retention")
    );
    // "Sharing of files" is a feature, not a share of something.
    assert_eq!(id("Do we need sharing of photos?").as_deref(), None);
}

#[test]
fn figures_contractions_and_ways_of_building_weigh_little() {
    use super::words::is_filler;
    assert!(is_filler("i'd") && is_filler("they're") && !is_filler("photo's"));
    let ws =
        |t: &str| -> Vec<String> { super::words::words(t).into_iter().map(|w| w.word).collect() };
    assert_eq!(ws("60% of pastes"), ["60", "percent", "of", "pastes", "$"]);
    assert_eq!(
        ws("50M users, 2GB"),
        ["50", "million", "users", "$", "2", "gb", "$"]
    );
    assert!(asks_for_a_choice("How should I generate the photo ids"));
    assert!(!asks_for_a_choice("How should the feed be ordered"));
    // A figure alone is not what a question is about.
    assert_eq!(
        split_question("Is it read heavy? Something like 10:1?").len(),
        1
    );
}

#[test]
fn sizes_accounts_and_scope_questions_read_as_people_ask_them() {
    // The size of each thing is its size, not a quantity per a unit.
    assert_eq!(
        id("How much does each photo weigh?").as_deref(),
        Some("photo_size")
    );
    // Needing an account is about signing in, not about people.
    assert_eq!(id("Do users need an account?").as_deref(), Some("accounts"));
    // An everyday word beside the way of asking changes nothing.
    assert_eq!(
        id("What's explicitly out of scope?").as_deref(),
        Some("out_of_scope")
    );
}

#[test]
fn what_happens_in_a_case_is_asked_of_the_case() {
    let found = with_facts(vec![fact(
        "offline",
        &["offline"],
        &["offline recipients", "reconnect"],
        "Messages wait on the server until the phone reconnects.",
    )]);
    // The case is what the question is about.
    assert_eq!(
        found("What happens when the recipient is offline?").as_deref(),
        Some("offline")
    );
    // Every word naming the case must be explained; a denied case is not
    // the case described.
    assert_eq!(
        found("What happens if a photo server crashes?").as_deref(),
        None
    );
    assert_eq!(
        found("What happens if no follower is online?").as_deref(),
        None
    );
}

#[test]
fn everyday_words_a_fact_says_together_name_a_thing() {
    let found = with_facts(vec![fact(
        "presence",
        &["presence"],
        &["online status", "last seen"],
        "Show online and last seen; it may be a few seconds stale.",
    )]);
    assert_eq!(found("Is last seen in scope?").as_deref(), Some("presence"));
}

#[test]
fn a_second_figure_assumed_is_a_part_of_its_own() {
    assert_eq!(
        split_question("Can I assume 50M users and 2 MB per photo?"),
        ["Can I assume 50M users", "2 MB per photo"]
    );
    assert_eq!(
        ids("Can I assume 50M daily users and 2 MB photos?"),
        [Some("scale".to_string()), Some("photo_size".to_string())]
    );
}

#[test]
fn everyday_words_are_everyday_in_any_form() {
    use super::words::is_general;
    for w in ["changes", "changed", "serving", "running", "reached"] {
        assert!(is_general(w), "{w}");
    }
    // Another word that shares a stem is not ("likes" is not "likely").
    for w in ["likes", "following", "uploads"] {
        assert!(!is_general(w), "{w}");
    }
}

#[test]
fn a_second_question_after_a_comma_is_a_part_of_its_own() {
    let parts =
        split_question("Are we serving a global audience, what availability are we aiming for?");
    assert_eq!(parts.len(), 2, "{parts:?}");
    assert!(parts[1].starts_with("what availability"), "{parts:?}");
    // A lead-in clause is not a question of its own.
    let parts = split_question("When both people are online, how quickly should a message arrive?");
    assert_eq!(parts.len(), 1, "{parts:?}");
    // The other option of a choice is the same question.
    let parts = split_question(
        "Should I push new posts into feeds at write time, or build the feed when someone opens the app?",
    );
    assert_eq!(parts.len(), 1, "{parts:?}");
}

#[test]
fn the_ask_after_a_lead_in_statement_is_read_on_its_own() {
    let q = "Our phones are old, the networks patchy and the marketing team is loud. \
             How many users do we expect?";
    assert_eq!(ids(q), vec![Some("scale".to_string())]);
    assert_eq!(
        super::asked_sentence("How many users, e.g. daily ones?"),
        None
    );
}

#[test]
fn a_figure_offered_in_words_is_only_a_proposal() {
    // "a million" is not one of many, and the sheet's own figures need not
    // match the candidate's guess.
    assert_eq!(
        id("How many daily users do we have, around a million?").as_deref(),
        Some("scale")
    );
    assert_eq!(
        id("How many daily users, something like five hundred million?").as_deref(),
        Some("scale")
    );
}

#[test]
fn everyday_asks_of_a_tolerance_and_a_named_person_find_the_fact() {
    // "How much" of a kind of requirement asks how much of it is borne.
    assert_eq!(
        id("How much staleness is tolerable?").as_deref(),
        Some("freshness")
    );
    // A named person and their place stand for any user.
    assert_eq!(
        id("If Maria in Lisbon uploads a photo, how stale can it be for her followers?").as_deref(),
        Some("freshness")
    );
    // Losing data is a kind only a fact that speaks of loss answers.
    assert_eq!(id("Is it ever acceptable to lose a photo?"), None);
}

#[test]
fn a_question_after_a_story_is_read_on_its_own() {
    // The story before the dash would drown the ask in words no fact has.
    assert_eq!(
        id("A customer complains the app feels sluggish on trains -- what feed load time are we supposed to hit?")
            .as_deref(),
        Some("latency")
    );
    // An ask that judges what was said, or names nothing, is the lead-in's.
    assert_eq!(
        id("Albums of several photos -- is that something we offer?"),
        None
    );
    assert_eq!(
        id("I'd like to cache every feed in memory -- is that expected, or is it too costly?"),
        None
    );
}

#[test]
fn orders_comparisons_and_shares_of_places_are_read_for_what_they_ask() {
    assert_eq!(
        id("Give me the average photo size.").as_deref(),
        Some("photo_size")
    );
    assert_eq!(id("uploads vs views?").as_deref(), Some("ratio"));
    // "view vs edit" tells two things apart; it asks no ratio.
    assert_ne!(id("view vs edit rights?").as_deref(), Some("ratio"));
    // A share of users in a place asks where they are: no fact says.
    assert_eq!(id("What fraction of users are in Europe?"), None);
}

/// A made-up link service's sheet for the ask9 forms: service levels,
/// asides at a clause's end, preferences about money, lost connectivity.
fn service_facts() -> Vec<Fact> {
    vec![
        fact(
            "availability",
            &["availability", "uptime", "sla"],
            &["nines", "downtime"],
            "Redirects must be up 99.99% of the time.",
        ),
        fact(
            "latency",
            &["latency", "how fast"],
            &["redirect latency", "response time"],
            "A redirect takes under 50 ms at p99.",
        ),
        fact(
            "url_size",
            &["url length", "url size"],
            &["long url length"],
            "Long URLs average 100 characters.",
        ),
        fact(
            "budget",
            &["budget", "cost"],
            &["storage cost", "bandwidth cost", "small team"],
            "A small team; storage and bandwidth dominate the bill.",
        ),
        fact(
            "clients",
            &["mobile network", "offline"],
            &["connectivity", "tunnels"],
            "Phones drop off the network in tunnels.",
        ),
        fact(
            "scale",
            &["how many users", "daily active"],
            &["users at peak", "peak users"],
            "10 million daily users, 2 million of them at the peak hour.",
        ),
        fact(
            "regions",
            &["regions", "countries"],
            &["where users", "how many countries"],
            "Users are spread over 40 countries.",
        ),
    ]
}

fn service_id(q: &str) -> Option<String> {
    let facts = service_facts();
    let found = match_fact(q, &facts).map(|f| f.id.clone());
    eprintln!("{}", explain(q, &facts));
    found
}

#[test]
fn a_service_level_said_of_another_kind_asks_for_that_kinds_target() {
    assert_eq!(
        service_id("What's the SLO on redirect latency?").as_deref(),
        Some("latency")
    );
    // Alone, a service level is still the uptime.
    assert_eq!(
        service_id("What's the SLA?").as_deref(),
        Some("availability")
    );
}

#[test]
fn an_aside_at_the_end_of_a_clause_leaves_the_clause_whole() {
    // "How long are …" ends its clause before the bracket: a length.
    assert_eq!(
        service_id("How long are the URLs (on average)?").as_deref(),
        Some("url_size")
    );
}

#[test]
fn a_preference_about_money_asks_what_the_budget_favours() {
    assert_eq!(
        service_id("Would you rather I cut storage cost or bandwidth cost?").as_deref(),
        Some("budget")
    );
    // A preference about how to build it stays the candidate's call.
    assert_eq!(
        service_id("Would you rather I use Postgres or Mongo for the links?"),
        None
    );
}

#[test]
fn losing_connectivity_is_going_offline_not_losing_data() {
    assert_eq!(
        service_id("Do phones lose connectivity often?").as_deref(),
        Some("clients")
    );
}

#[test]
fn a_team_behind_a_project_is_no_lag() {
    assert_eq!(
        service_id("Is it a tight budget, with a small team behind it?").as_deref(),
        Some("budget")
    );
}

#[test]
fn a_later_part_counting_a_thing_of_its_own_carries_nothing_over() {
    let facts = service_facts();
    // "Active at peak" is asked of the users, not of the countries.
    let replies = understand(
        "How many users are active at peak, and across how many countries?",
        &facts,
    );
    assert_eq!(replies.len(), 2, "{replies:?}");
    assert_eq!(
        replies[1].fact.map(|f| f.id.as_str()),
        Some("regions"),
        "{replies:?}"
    );
}

#[test]
fn how_much_a_requirement_matters_is_asked_of_the_requirement() {
    // "How much" weighs the requirement; it counts nothing.
    assert_eq!(
        id("How much do we care about feed load time on slow phones?").as_deref(),
        Some("latency")
    );
    assert_eq!(
        id("How much does it matter that a new photo reaches followers within seconds?").as_deref(),
        Some("freshness")
    );
    // The opening alone asks about nothing.
    assert_eq!(id("How much do we care about it?"), None);
    assert_eq!(
        context::without_weighing("how much should we worry about spam links"),
        Some("spam links")
    );
    assert_eq!(context::without_weighing("how much storage per user"), None);
}

#[test]
fn on_the_table_asks_whether_a_feature_is_built() {
    assert_eq!(
        id("Is search on the table?").as_deref(),
        Some("out_of_scope")
    );
    assert_eq!(
        id("Are direct messages on the table, or just photos?").as_deref(),
        Some("out_of_scope")
    );
    assert_eq!(id("Is search in play?").as_deref(), Some("out_of_scope"));
}

#[test]
fn a_rule_on_where_data_lives_is_answered_only_by_a_fact_that_states_one() {
    let regions = |covers: &[&str], answer: &str| {
        fact("regions", &["where users", "regions"], covers, answer)
    };
    // Where the users are says nothing of a law on where their data lives.
    let found = with_facts(vec![regions(
        &["countries"],
        "Users are in Europe and Asia.",
    )]);
    assert_eq!(
        found("Which countries are the users in?").as_deref(),
        Some("regions")
    );
    assert_eq!(
        found("Are there data residency rules for some countries?"),
        None
    );
    assert_eq!(
        found("Do any countries require their data to stay in-country?"),
        None
    );
    // "At once" of places is when they launch, not a concurrency.
    assert_eq!(
        found("Are we launching in many countries at once?").as_deref(),
        Some("regions")
    );
    // A sheet that states the rule answers it.
    let found = with_facts(vec![regions(
        &["countries", "data residency", "compliance"],
        "Users are in Europe and Asia; EU files must stay in the EU.",
    )]);
    assert_eq!(
        found("Are there data residency rules for some countries?").as_deref(),
        Some("regions")
    );
}

#[test]
fn a_word_of_four_letters_is_no_typo_of_a_longer_one() {
    // "cash" is a word of its own, not "crash" mistyped.
    let found = with_facts(vec![fact(
        "availability",
        &["availability", "uptime"],
        &["crash", "outage"],
        "99.9% uptime; a crash may lose a minute of writes.",
    )]);
    assert_eq!(
        found("What happens on a crash?").as_deref(),
        Some("availability")
    );
    assert_eq!(found("Do we need to support cash?"), None);
}

#[test]
fn an_example_after_the_ask_does_not_choose_its_fact() {
    // The example's words name features; the ask is how long photos stay.
    assert_eq!(
        id("How long do we keep photos, for example one with lots of comments and likes?")
            .as_deref(),
        Some("retention")
    );
    assert_eq!(
        context::before_example("How strict is it on the feed, e.g. a like seen late?"),
        Some("How strict is it on the feed")
    );
    // Too little before the example to be an ask of its own.
    assert_eq!(context::before_example("Say, for example, photos?"), None);
    assert_eq!(context::before_example("How long do we keep photos?"), None);
}

#[test]
fn the_other_side_of_a_yes_or_no_question_is_not_read_first() {
    assert_eq!(
        context::before_other_side("Can a photo be edited after upload, or is it immutable?"),
        Some("Can a photo be edited after upload")
    );
    assert_eq!(
        context::before_other_side("Do photos expire, or are they kept forever?"),
        Some("Do photos expire")
    );
    // A second ask of its own after "or" is no opposite.
    assert_eq!(
        context::before_other_side("Do we need comments, or is search more important here?"),
        None
    );
    // "…, or is that up to me?" leaves the choice to the candidate.
    assert_eq!(
        id("Should I keep photos in one table, or is that up to me?"),
        None
    );
}

#[test]
fn a_reason_given_before_the_ask_is_context() {
    assert_eq!(
        context::after_reason(
            "Since only developers use it, I don't need to worry about spam, right?"
        ),
        Some("I don't need to worry about spam, right?")
    );
    assert_eq!(
        context::after_reason("As a user, can I delete my photos?"),
        Some("can I delete my photos?")
    );
    assert_eq!(
        context::after_reason("How long do we keep photos, since uploads are big?"),
        None
    );
    assert_eq!(context::after_reason("Since launch, any limits?"), None);
    // The reason names the feed's speed; the ask is about signing up.
    assert_eq!(
        id("Since the feed loads fast anyway, do viewers need to sign up?").as_deref(),
        Some("accounts")
    );
}

#[test]
fn explaining_clauses_are_context() {
    use super::context::without_explaining;
    assert_eq!(
        without_explaining("Is shared riding, where strangers split a car, in play").as_deref(),
        Some("Is shared riding in play")
    );
    assert_eq!(
        without_explaining("Do we need adaptive bitrate so quality drops instead of stalling")
            .as_deref(),
        Some("Do we need adaptive bitrate")
    );
    assert_eq!(
        without_explaining("Is a second or so fine for delivery"),
        None
    );
    assert_eq!(without_explaining("How many users are there"), None);
    assert_eq!(
        without_explaining("I assume we keep photos forever so people can search them").as_deref(),
        Some("I assume we keep photos forever")
    );
}

#[test]
fn a_rate_asked_at_its_peak_is_answered_by_the_rate() {
    let found = with_facts(vec![fact(
        "uploads",
        &["uploads per day", "upload rate"],
        &["uploads per second", "new photos", "upload qps"],
        "About 1,000 uploads per second on average.",
    )]);
    assert_eq!(
        found("What upload QPS should we expect at peak?").as_deref(),
        Some("uploads")
    );
    assert_eq!(
        found("How many uploads per second at peak?").as_deref(),
        Some("uploads")
    );
    // A peak asked of no rate still needs a fact that speaks of peaks.
    assert_eq!(found("How big is the peak?"), None);
}

#[test]
fn hedges_on_a_guess_name_nothing_asked() {
    use super::context::without_hedges;
    assert_eq!(
        without_hedges("Is it Safe to assume 100:1, sound right?").as_deref(),
        Some("Is it assume 100:1, right?")
    );
    assert_eq!(without_hedges("Is the data safe?"), None);
    assert_eq!(
        id("Is it safe to assume reads outnumber writes 50 to 1?").as_deref(),
        Some("ratio")
    );
}

#[test]
fn everyday_phrases_of_ratios_places_and_maxima() {
    let found = with_facts(vec![
        fact(
            "chats",
            &["chat types"],
            &["one on one", "group chat"],
            "Both one-to-one and group chats.",
        ),
        fact(
            "regions",
            &["where users", "regions"],
            &["countries"],
            "Users are in Europe and Asia.",
        ),
    ]);
    assert_eq!(
        found("What's the ceiling for photo size?").as_deref(),
        Some("photo_size")
    );
    assert_eq!(
        found("Are one-on-one chats the core?").as_deref(),
        Some("chats")
    );
    assert_eq!(
        found("Are users spread evenly?").as_deref(),
        Some("regions")
    );
    assert_eq!(
        found("Are users spread worldwide?").as_deref(),
        Some("regions")
    );
    assert_eq!(
        found("Is it heavily read-skewed?").as_deref(),
        Some("ratio")
    );
}

#[test]
fn misspelt_and_suffixed_ways_of_asking_name_nothing() {
    assert_eq!(
        id("What feed latency are we targetting?").as_deref(),
        Some("latency")
    );
    assert_eq!(
        id("Feed latency-wise, what's the goal?").as_deref(),
        Some("latency")
    );
    // A budget said of a latency is one of time.
    assert_eq!(
        id("Feed load latency-wise, what budget do we have?").as_deref(),
        Some("latency")
    );
}

#[test]
fn a_budget_cap_asks_for_the_budget() {
    let found = with_facts(vec![fact(
        "budget",
        &["budget", "cost"],
        &["storage cost"],
        "Storage is the biggest cost; keep it lean.",
    )]);
    assert_eq!(
        found("Is there a budget cap on storage costs?").as_deref(),
        Some("budget")
    );
}

#[test]
fn a_cheap_device_is_a_kind_of_device_not_a_cost() {
    let found = with_facts(vec![fact(
        "network",
        &["network conditions"],
        &["phones", "slow connections", "mobile data"],
        "Many users are on old phones over slow mobile data.",
    )]);
    assert_eq!(
        found("Cheap phones with slow connections on mobile data?").as_deref(),
        Some("network")
    );
}

#[test]
fn a_frame_keeps_the_fact_of_a_subject_that_is_a_kind_of_requirement() {
    let catalog = crate::catalog::Catalog::embedded().expect("built-in data");
    let facts = &catalog.problem("uber").expect("uber").facts;
    let ids = |q: &str| -> Vec<String> {
        understand(q, facts)
            .into_iter()
            .filter_map(|r| r.fact.map(|f| f.id.clone()))
            .collect()
    };
    // "Reliability" asks for availability of its own.
    assert_eq!(
        ids("What would make you unhappy about reliability? Is a minute down a serious incident?"),
        ["availability"]
    );
    // "The map" only says what the question after it is about.
    assert!(!ids(
        "What would make you unhappy about the map? Is a car icon a few seconds behind acceptable?"
    )
    .contains(&"features_out".to_string()));
}

#[test]
fn a_frames_lent_subject_gets_no_reply_of_its_own() {
    let catalog = crate::catalog::Catalog::embedded().expect("built-in data");
    let facts = &catalog.problem("pastebin").expect("pastebin").facts;
    let replies = understand(
        "Where do you draw the line on paste size: what is the biggest one?",
        facts,
    );
    // One reply, the size; no "your call on paste size" before it.
    let said: Vec<Option<&str>> = replies
        .iter()
        .map(|r| r.fact.map(|f| f.id.as_str()))
        .collect();
    assert_eq!(said, [Some("paste_size")]);
}
