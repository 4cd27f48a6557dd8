//! Stance rules, one case each.

use super::*;
use crate::grading::text::sentences;

/// Stance of the first token whose word is `word`.
fn of(text: &str, word: &str) -> Stance {
    let s = sentences(text);
    for (si, sent) in s.iter().enumerate() {
        if let Some(at) = sent.tokens.iter().position(|t| t.word == word) {
            return stance_at(&s, text, si, at);
        }
    }
    panic!("{word} not in {text}");
}

#[test]
fn adopted_by_default() {
    assert_eq!(
        of("We shard the table by user id.", "shard"),
        Stance::Adopted
    );
    assert_eq!(
        of(
            "We add a cache because otherwise the database would melt.",
            "cache"
        ),
        Stance::Adopted
    );
    assert_eq!(of("Codes can never collide.", "collide"), Stance::Adopted);
}

#[test]
fn rejections_are_read() {
    assert_eq!(
        of("We hash the URL instead of a global counter.", "counter"),
        Stance::Rejected
    );
    assert_eq!(
        of(
            "A full table scan is far too slow at this size, so we index by cell.",
            "scan"
        ),
        Stance::Rejected
    );
    assert_eq!(
        of(
            "Keeping sessions in server memory would drop them when a server dies.",
            "sessions"
        ),
        Stance::Rejected
    );
    assert_eq!(
        of(
            "This is much faster than checking every driver.",
            "checking"
        ),
        Stance::Rejected
    );
    assert_eq!(
        of(
            "Option 1 is plain polling. It would waste battery.",
            "polling"
        ),
        Stance::Rejected
    );
    assert_eq!(of("One option is polling.", "polling"), Stance::Considered);
    assert_eq!(
        of("Immutable content you can cache forever.", "cache"),
        Stance::Considered
    );
    assert_eq!(of("We can cache it forever.", "cache"), Stance::Adopted);
    assert_eq!(
        of("Simple last-write-wins would destroy edits.", "wins"),
        Stance::Rejected
    );
    assert_eq!(
        of(
            "Having every device poll would mean a lot of traffic.",
            "poll"
        ),
        Stance::Considered
    );
    assert_eq!(
        of(
            "If the node dies, we would fail over to a replica.",
            "replica"
        ),
        Stance::Adopted
    );
    assert_eq!(
        of("It's tempting to write each ping to the database.", "ping"),
        Stance::Considered
    );
    assert_eq!(
        of(
            "**Doing the fanout synchronously.** I don't want that.",
            "synchronously"
        ),
        Stance::Considered
    );
    assert_eq!(
        of("**Fan-out.** We fan out synchronously.", "synchronously"),
        Stance::Adopted
    );
    assert_eq!(
        of("- **Polling every 5 s.** More on it below.", "polling"),
        Stance::Considered
    );
}

#[test]
fn negation_uncertainty_and_absolutes() {
    assert_eq!(
        of("Monitoring isn't necessary.", "monitoring"),
        Stance::Negated
    );
    assert_eq!(of("We don't need a cache.", "cache"), Stance::Negated);
    assert_eq!(of("Surge pricing: I don't know.", "surge"), Stance::Unsure);
    assert_eq!(
        of("The system has 100% uptime.", "uptime"),
        Stance::Absolute
    );
    assert_eq!(
        of("Zero latency for every read.", "latency"),
        Stance::Absolute
    );
    assert_eq!(
        of("It offers unlimited throughput.", "throughput"),
        Stance::Absolute
    );
    assert_eq!(
        of("There is never any data loss.", "data"),
        Stance::Absolute
    );
    assert_eq!(
        of(
            "Availability 99.99%, with zero-downtime deploys.",
            "availability"
        ),
        Stance::Adopted
    );
    assert_eq!(
        of("Once acknowledged, a message is never lost.", "message"),
        Stance::Adopted
    );
    assert_eq!(of("How many users are there?", "users"), Stance::Asked);
}

#[test]
fn negative_words_that_state_a_goal_are_requirements() {
    let cases = [
        ("Files must not be lost.", "lost"),
        ("We must never lose a message.", "message"),
        ("We must never lose any data.", "data"),
        ("The check shouldn't add noticeable delay.", "delay"),
        (
            "Codes not predictable, so links can't be enumerated.",
            "predictable",
        ),
        ("Don't waste bandwidth on unchanged parts.", "bandwidth"),
        (
            "It must work on slow networks and not drain the battery.",
            "battery",
        ),
        ("The short codes shouldn't be easy to guess.", "easy"),
        (
            "Rate-limit rebuilds to avoid a thundering herd.",
            "thundering",
        ),
        (
            "Coalescing misses prevents a stampede on hot keys.",
            "stampede",
        ),
    ];
    for (text, word) in cases {
        assert_eq!(of(text, word), Stance::Required, "{text}");
    }
    // A denial of a choice stays a denial, however close a harm word.
    assert_eq!(of("We don't need a cache.", "cache"), Stance::Negated);
    assert_eq!(
        of("We don't waste time on monitoring.", "monitoring"),
        Stance::Negated
    );
    // "never" without an obligation is a claim about the design.
    assert_eq!(of("S3 will never lose any data.", "data"), Stance::Absolute);
    assert_eq!(of("It must never go down.", "down"), Stance::Absolute);
    // A bare "avoid" still turns an approach down.
    assert_eq!(
        of("We avoid a global counter.", "counter"),
        Stance::Rejected
    );
    assert!(!Stance::Required.raises_red() && Stance::Required.earns_credit());
}

#[test]
fn scope_lines_draw_the_scope() {
    assert_eq!(of("No editing in v1.", "editing"), Stance::Scoped);
    assert_eq!(of("Assume no editing.", "editing"), Stance::Scoped);
    assert_eq!(
        of("I'll assume no login for basic use.", "login"),
        Stance::Scoped
    );
    assert_eq!(
        of("We won't support comments at launch.", "comments"),
        Stance::Scoped
    );
    assert_eq!(
        of("No video in the first version.", "video"),
        Stance::Scoped
    );
    // Without a scope word a "no" still denies.
    assert_eq!(of("No cache for the feed.", "cache"), Stance::Negated);
    assert!(!Stance::Scoped.raises_red() && Stance::Scoped.earns_credit());
}

#[test]
fn than_turns_down_only_after_a_favouring_comparative() {
    assert_eq!(
        of("Pastes can be more than 100 GB in total.", "gb"),
        Stance::Adopted
    );
    assert_eq!(
        of("Saved to more than one machine before we reply.", "machine"),
        Stance::Adopted
    );
    assert_eq!(
        of("Following links matters more than making them.", "making"),
        Stance::Adopted
    );
    assert_eq!(
        of("Greedy matching is worse than batching.", "batching"),
        Stance::Adopted
    );
    assert_eq!(
        of(
            "Long polling is cheaper than asking every few seconds.",
            "asking"
        ),
        Stance::Rejected
    );
    assert_eq!(
        of("Cassandra is a better fit than SQL here.", "sql"),
        Stance::Rejected
    );
    assert_eq!(
        of("I'd rather show a stale feed than show an error.", "error"),
        Stance::Rejected
    );
}

#[test]
fn a_participle_not_negates_only_the_participle() {
    assert_eq!(
        of(
            "Move photos not viewed for a year to a cheaper storage class.",
            "cheaper"
        ),
        Stance::Adopted
    );
    assert_eq!(of("Photos not viewed stay hot.", "viewed"), Stance::Negated);
    assert_eq!(
        of("The file is not cached at the edge.", "cached"),
        Stance::Negated
    );
}

#[test]
fn never_after_a_must_is_a_requirement() {
    assert_eq!(of("Codes can never collide.", "collide"), Stance::Adopted);
    assert_eq!(
        of("A posted tweet is never lost.", "lost"),
        Stance::Required
    );
    assert_eq!(
        of(
            "A viewer should almost never see the spinning wheel.",
            "spinning"
        ),
        Stance::Required
    );
    assert_eq!(
        of("We can never lose a single byte.", "byte"),
        Stance::Adopted
    );
}

#[test]
fn a_doubled_maybe_is_deferred() {
    assert_eq!(
        of("We could maybe also add caching later.", "caching"),
        Stance::Deferred
    );
    assert_eq!(
        of("Maybe we can also add a cache later if needed.", "cache"),
        Stance::Deferred
    );
    assert_eq!(
        of("We could also use MD5 of the URL I guess.", "md5"),
        Stance::Deferred
    );
    // A maybe on the action itself, with no one taking it on.
    assert_eq!(of("Maybe add a cache.", "cache"), Stance::Deferred);
    assert_eq!(
        of(
            "We can use a bigger machine, and maybe add a load balancer.",
            "load"
        ),
        Stance::Deferred
    );
    assert_eq!(
        of("Maybe add a cache, and we shard by user id.", "shard"),
        Stance::Adopted
    );
    // One hedge is an option weighed or a guess at a choice.
    assert_eq!(
        of("Later we could use a maps API for real ETAs.", "maps"),
        Stance::Considered
    );
    assert_eq!(
        of("Reads are higher, maybe 100x, so we add a cache.", "cache"),
        Stance::Adopted
    );
    // The doubt must sit in the mention's clause.
    assert_eq!(
        of(
            "We shard by user id; maybe later we could add more.",
            "shard"
        ),
        Stance::Adopted
    );
    assert!(!Stance::Deferred.earns_credit() && !Stance::Deferred.raises_red());
}

#[test]
fn put_off_until_it_hurts_is_deferred() {
    for (text, word) in [
        ("We can also add a cache later if it gets slow.", "cache"),
        ("Could use caching later if needed", "caching"),
        ("If that is too slow, we could switch to websockets later.", "websockets"),
        ("We could move content to S3 later if it becomes a problem.", "s3"),
        ("So we can add a cache later when it's necessary.", "cache"),
        ("We could switch to WebSockets later if that's too slow, but then we'd have to manage lots of open connections.", "websockets"),
    ] {
        assert_eq!(of(text, word), Stance::Deferred, "{text}");
    }
    // A growth trigger is a plan for scale; no trigger, an option weighed.
    assert_eq!(
        of(
            "If the data grows too big, we can shard by code later.",
            "shard"
        ),
        Stance::Adopted
    );
    assert_eq!(
        of("We could shard it by user id later.", "shard"),
        Stance::Considered
    );
    // The deferral must reach the mention's clause.
    assert_eq!(
        of(
            "We cache hot links in Redis, and can add nodes later if needed.",
            "cache"
        ),
        Stance::Adopted
    );
    // Without "later" the option stands.
    assert_eq!(
        of("We could add rate limiting per IP if needed.", "rate"),
        Stance::Considered
    );
}

#[test]
fn not_knowing_right_after_a_mention_is_about_it() {
    assert_eq!(
        of(
            "For celebrities with lots of followers, I don't know, maybe it is slower.",
            "celebrities"
        ),
        Stance::Unsure
    );
    assert_eq!(
        of(
            "WhatsApp uses end-to-end encryption, but I don't know how that works.",
            "encryption"
        ),
        Stance::Unsure
    );
    // Doubt later in the sentence, not opening the next clause, is not.
    assert_eq!(
        of(
            "We shard by user id, which spreads load, and I don't know the rest.",
            "shard"
        ),
        Stance::Adopted
    );
}

#[test]
fn an_option_endorsed_next_is_chosen() {
    assert_eq!(
        of(
            "Another way is to use the auto-increment id. That's also fine.",
            "auto"
        ),
        Stance::Adopted
    );
    assert_eq!(
        of(
            "One option is polling. It works well enough here.",
            "polling"
        ),
        Stance::Adopted
    );
    assert_eq!(
        of(
            "One option is polling. That's not fine at this scale.",
            "polling"
        ),
        Stance::Considered
    );
    assert_eq!(
        of("One option is polling. It would waste battery.", "polling"),
        Stance::Rejected
    );
}

#[test]
fn a_mention_inside_an_earlier_conditional_is_considered() {
    assert_eq!(
        of(
            "Asking every few seconds would drain batteries and, with 150M phones polling every 5 s, mean 30M requests.",
            "polling"
        ),
        Stance::Considered
    );
    assert_eq!(
        of(
            "A cache would cut reads, so we poll the cache every 5 s.",
            "poll"
        ),
        Stance::Adopted
    );
    assert_eq!(
        of("We would shard by user id and poll every 5 s.", "poll"),
        Stance::Adopted
    );
}

#[test]
fn a_cost_accepted_or_a_queue_drained_turns_nothing_down() {
    assert_eq!(
        of(
            "Move old photos to a cheaper storage class; accept a slower first view.",
            "cheaper"
        ),
        Stance::Adopted
    );
    assert_eq!(
        of(
            "Delivery falls back to APNs with a ping, and the client reconnects and drains its queue.",
            "apns"
        ),
        Stance::Adopted
    );
    assert_eq!(
        of("Polling every few seconds drains the battery.", "polling"),
        Stance::Rejected
    );
}

#[test]
fn an_ordinal_idea_is_put_forward_and_awkward_is_a_bad_outcome() {
    assert_eq!(
        of(
            "The second idea is an auto-increment id in a single database.",
            "auto"
        ),
        Stance::Considered
    );
    assert_eq!(
        of(
            "One big file per title forces one quality and makes seeking awkward.",
            "quality"
        ),
        Stance::Rejected
    );
    assert_eq!(
        of("We encode each title at one quality.", "quality"),
        Stance::Adopted
    );
}

#[test]
fn a_full_scan_named_as_the_outcome_turns_the_approach_down() {
    assert_eq!(
        of(
            "A box query on raw lat and lng is a full scan without a spatial index.",
            "box"
        ),
        Stance::Rejected
    );
    assert_eq!(
        of(
            "Expired rows are found through an index, not a full table scan.",
            "index"
        ),
        Stance::Adopted
    );
}

#[test]
fn a_harm_denied_after_a_mention_is_a_goal() {
    assert_eq!(
        of(
            "It has to work on slow 2G connections and not drain the battery.",
            "2g"
        ),
        Stance::Adopted
    );
    assert_eq!(
        of(
            "It has to work on slow 2G connections and not drain the battery.",
            "battery"
        ),
        Stance::Required
    );
}

#[test]
fn ideas_turned_down_by_their_heading_or_as_tempting() {
    let listed = "**rejected along the way (and why)**\n\
                  - *serve video from our own origin* → doesn't fit\n\
                  - *client downloads whole file then plays* → minutes to start → small segments\n";
    assert_eq!(of(listed, "downloads"), Stance::Rejected);
    // What follows the arrow is what is done instead.
    assert_eq!(of(listed, "segments"), Stance::Adopted);
    let body = "**rejected along the way (and why)**\n\
                - *serve video from our own origin data centers* → 125 Tbps doesn't fit through any set of DCs at sane cost\n\
                - *client downloads whole file then plays* → minutes to start, wastes bytes if user quits after 5 min. → small segments (~4 s), play after first few\n";
    assert_eq!(of(body, "downloads"), Stance::Rejected);
    let kept = "**what we build**\n- client downloads whole file then plays\n";
    assert_eq!(of(kept, "downloads"), Stance::Adopted);
    let tempting = "Last-writer-wins is tempting because it is one line of code, but it \
                    silently destroys a user's edits.";
    assert_eq!(of(tempting, "last"), Stance::Rejected);
    let chosen = "Last-writer-wins is tempting because it is one line of code, and it is \
                  what we use for titles.";
    assert_ne!(of(chosen, "last"), Stance::Rejected);
}

#[test]
fn hard_cases_and_hedged_targets_are_not_verdicts() {
    let hedged = of("The service should almost never be down.", "down");
    assert!(
        hedged != Stance::Absolute && hedged.earns_credit(),
        "{hedged:?}"
    );
    assert_eq!(of("The service is never down.", "down"), Stance::Absolute);
    let room = of("Pressing play virtually always works.", "play");
    assert!(room != Stance::Absolute && room.earns_credit(), "{room:?}");
    assert_eq!(of("Pressing play always works.", "play"), Stance::Absolute);
    assert_eq!(
        of(
            "Celebrities are the awkward case: they have millions of followers.",
            "celebrities"
        ),
        Stance::Adopted
    );
    assert_eq!(
        of("Last-write-wins is awkward: it drops edits.", "last"),
        Stance::Rejected
    );
}

#[test]
fn a_suggestion_refused_and_an_action_weighed_are_not_adopted() {
    let refused = "The first thing people often suggest is storing the image bytes in the posts \
                   table as a blob. I don't want that: it would make the database huge.";
    assert_eq!(of(refused, "blob"), Stance::Rejected);
    let weighed = "Measuring the distance to every online driver on each request means a million \
                   calculations per request.";
    assert_eq!(of(weighed, "distance"), Stance::Considered);
}

#[test]
fn options_people_reach_for_and_then_refuse_are_rejected() {
    let reach = "The first thing people reach for is a table with a BLOB column holding the file. \
                 That would bloat the database and its backups.";
    assert_eq!(of(reach, "blob"), Stance::Rejected);
    let which = "Another is last-writer-wins, which silently throws away someone's work.";
    assert_eq!(of(which, "last"), Stance::Rejected);
    let thought = "I did think about having the app poll the server every couple of seconds, \
                   since it's the simplest thing over HTTP, but I don't like what it does to \
                   batteries.";
    assert_eq!(of(thought, "poll"), Stance::Rejected);
    let kept = "We keep a cache, which prevents the database from melting.";
    assert_eq!(of(kept, "cache"), Stance::Adopted);
    let accepted = "On a Redis error we fall back to the database, which is slower but correct.";
    assert_eq!(of(accepted, "fall"), Stance::Adopted);
}

#[test]
fn shortcuts_called_wrong_and_imagined_cases_are_not_adopted() {
    let wrong = "The opposite shortcut, transcoding on the fly when someone presses play, is also \
                 wrong for on-demand.";
    assert_eq!(of(wrong, "transcoding"), Stance::Rejected);
    assert_eq!(
        of(
            "Per-conversation order only; global order is meaningless.",
            "global"
        ),
        Stance::Rejected
    );
    let imagined = "With 300M online phones polling every few seconds we'd get 100M requests a \
                    second that mostly return nothing.";
    assert_ne!(of(imagined, "polling"), Stance::Adopted);
    assert_eq!(
        of("Phones poll the server every few seconds.", "poll"),
        Stance::Adopted
    );
}

#[test]
fn a_question_answered_no_draws_the_scope_and_a_colon_gives_a_reason() {
    assert_eq!(
        of("- Can a link be changed later? → No.", "changed"),
        Stance::Scoped
    );
    assert_eq!(
        of(
            "- Can a link be changed later? → Yes, by its owner.",
            "changed"
        ),
        Stance::Adopted
    );
    assert_eq!(
        of(
            "- Notifications? → Nothing fancy, email only.",
            "notifications"
        ),
        Stance::Adopted
    );
    let reason = of(
        "It must keep working: one broken link breaks every place it was posted.",
        "working",
    );
    assert!(reason.earns_credit(), "{reason:?}");
}

#[test]
fn tenth_set_turn_downs_are_read() {
    // An option's own aside judges it.
    assert_eq!(
        of(
            "There are three ways: short polling (ask every N seconds; wasteful, delay N/2), long polling, and a socket.",
            "short"
        ),
        Stance::Rejected
    );
    // "The first instinct is X. I'd reject that: …"
    assert_eq!(
        of(
            "The first instinct is to store files as blobs in the database. I'd reject that: backups suffer.",
            "blobs"
        ),
        Stance::Rejected
    );
    // A past choice told with what it cost.
    assert_eq!(
        of(
            "At my last job photos were stored as BLOB columns in MySQL, and it hurt: backups took hours.",
            "blob"
        ),
        Stance::Rejected
    );
    assert_eq!(
        of(
            "Last-writer-wins is simpler and I have read the support tickets it makes; never again.",
            "last"
        ),
        Stance::Rejected
    );
    assert_eq!(
        of(
            "An auto-increment column on a single database is the easy answer, but it turns one machine into a bottleneck.",
            "auto"
        ),
        Stance::Rejected
    );
    // Goals with room in them adopt nothing.
    assert_eq!(
        of("Playback almost never fails.", "never"),
        Stance::Required
    );
    assert_eq!(of("Never fail the whole page.", "never"), Stance::Required);
    // A cost accepted in an aside is no verdict.
    assert_eq!(
        of("We use a cache (so the database is not hammered).", "cache"),
        Stance::Adopted
    );
}

#[test]
fn verdicts_from_outside_the_clause_are_read() {
    assert_eq!(
        of(
            "One version I'd avoid: the handler saves the tweet and loops over every follower.",
            "loops"
        ),
        Stance::Rejected
    );
    assert_eq!(
        of("To avoid hot keys: we shard by user id.", "shard"),
        Stance::Adopted
    );
    assert_eq!(
        of(
            "It is tempting because auth is easy there, but then servers become bandwidth machines.",
            "bandwidth"
        ),
        Stance::Rejected
    );
}

#[test]
fn a_cost_set_against_a_gain_keeps_the_choice() {
    assert_eq!(
        of("AV1 needs 30% fewer bits, but encoding is slower.", "av1"),
        Stance::Adopted
    );
    assert_eq!(
        of(
            "Last-write-wins is simpler, but it silently loses edits.",
            "last"
        ),
        Stance::Rejected
    );
}

#[test]
fn an_option_set_out_with_its_gain_and_a_but_is_weighed() {
    assert_eq!(
        of(
            "Auto-increment id in base62: simple, but the links become sequential.",
            "auto"
        ),
        Stance::Considered
    );
    assert_eq!(
        of(
            "An auto-increment id is tempting because it's unique and short, but it's sequential.",
            "auto"
        ),
        Stance::Considered
    );
    // Chosen in so many words, the option stays adopted.
    assert_eq!(
        of(
            "We use an auto-increment id because it is simple, but we shuffle it.",
            "auto"
        ),
        Stance::Adopted
    );
    assert_eq!(
        of(
            "The first thing that comes to mind is an auto-increment id.",
            "auto"
        ),
        Stance::Considered
    );
}

#[test]
fn a_temptation_named_is_an_option() {
    assert_ne!(
        of(
            "Next temptation: upload the whole file every time it changes.",
            "upload"
        ),
        Stance::Adopted
    );
}

#[test]
fn fine_here_and_terrible_there_turns_the_option_down() {
    let text = "Another easy option is to re-upload the whole file every time it changes. \
                That's fine for a 200 KB note and terrible for a 2 GB video.";
    assert_eq!(of(text, "upload"), Stance::Rejected);
    // Endorsed without a verdict against it, the option is taken.
    let text = "Another easy option is to re-upload the whole file every time it changes. \
                That's fine for our small notes.";
    assert_eq!(of(text, "upload"), Stance::Adopted);
}

#[test]
fn a_verdict_on_another_case_leaves_the_mention() {
    assert_eq!(
        of(
            "Ingest is 1.2 GB/s, fine for object storage, horrible if it went through app servers.",
            "ingest"
        ),
        Stance::Adopted
    );
}

#[test]
fn neither_nor_negates() {
    assert_eq!(
        of(
            "Global order is neither needed nor achievable cheaply.",
            "global"
        ),
        Stance::Negated
    );
    assert_eq!(
        of("We need neither polling nor a global lock.", "polling"),
        Stance::Negated
    );
}

#[test]
fn a_name_for_a_bad_idea_turns_it_down() {
    for (text, word) in [
        (
            "Ignoring hash collisions is a trap at this size.",
            "ignoring",
        ),
        ("A global sequencer is a non-starter here.", "sequencer"),
        ("Server-side decryption is off the table.", "decryption"),
        (
            "Sequential ids are a footgun for private links.",
            "sequential",
        ),
        (
            "Sticky sessions are a no-go once servers scale in and out.",
            "sticky",
        ),
        ("A cron sweep alone is a bad idea.", "sweep"),
    ] {
        assert_eq!(of(text, word), Stance::Rejected, "{text}");
    }
    // A trap avoided is a reason, not a verdict on the choice.
    assert_eq!(
        of(
            "We add jitter to the retries to avoid the trap of a thundering herd.",
            "jitter"
        ),
        Stance::Adopted
    );
}

#[test]
fn keeping_away_from_an_approach_turns_it_down() {
    for (text, word) in [
        (
            "I'd steer clear of a global lock around id generation.",
            "lock",
        ),
        ("We stay away from polling on mobile.", "polling"),
        ("We moved away from storing blobs in MySQL.", "blobs"),
    ] {
        assert_eq!(of(text, word), Stance::Rejected, "{text}");
    }
    // Distance, not a choice.
    assert_eq!(
        of("Edge servers sit far away from the origin cache.", "cache"),
        Stance::Adopted
    );
}

#[test]
fn a_past_attempt_told_with_its_failure_is_turned_down() {
    for (text, word) in [
        (
            "We tried short polling in the first version; the load balancers were drowning.",
            "polling",
        ),
        (
            "We started with inline resizing and uploads timed out under load.",
            "resizing",
        ),
        (
            "I once tried last-writer-wins for a notes app. Users lost edits every week.",
            "writer",
        ),
        (
            "We used to keep sessions in memory. We replaced that with Redis.",
            "sessions",
        ),
    ] {
        assert_eq!(of(text, word), Stance::Rejected, "{text}");
    }
    // An attempt that stayed is adopted.
    assert_eq!(
        of("We tried a read-through cache and kept it.", "cache"),
        Stance::Adopted
    );
    assert_eq!(
        of(
            "We tried consistent hashing. It spreads keys evenly.",
            "hashing"
        ),
        Stance::Adopted
    );
}

#[test]
fn a_verdict_after_a_colon_turns_the_lead_down() {
    for (text, word) in [
        (
            "A global sequencer for all chats: unnecessary and a bottleneck.",
            "sequencer",
        ),
        (
            "Strong consistency across regions: not worth the latency.",
            "strong",
        ),
        (
            "Long-lived TTLs at the edge: no, deletes must show.",
            "ttls",
        ),
        (
            "What doesn't work: sorting by the phone's clock.",
            "sorting",
        ),
        (
            "The classic mistake: one bitrate for every screen.",
            "bitrate",
        ),
    ] {
        assert_eq!(of(text, word), Stance::Rejected, "{text}");
    }
    // A lead the candidate acts in, and a colon that gives a reason.
    assert_eq!(
        of(
            "We keep a cache in front: a miss costs one database read.",
            "cache"
        ),
        Stance::Adopted
    );
    assert_eq!(
        of(
            "Consistent hashing: adding a node moves few keys.",
            "hashing"
        ),
        Stance::Adopted
    );
}

#[test]
fn a_limit_or_a_warning_turns_it_down() {
    for (text, word) in [
        (
            "A single counter only works until the first shard split.",
            "counter",
        ),
        (
            "Tight polling is a recipe for millions of empty requests.",
            "polling",
        ),
        (
            "One auto-increment column gets you into trouble at scale.",
            "column",
        ),
    ] {
        assert_eq!(of(text, word), Stance::Rejected, "{text}");
    }
    assert_eq!(
        of("A queue works until the consumers catch up.", "queue"),
        Stance::Adopted
    );
}

#[test]
fn a_subject_judged_by_its_verb_is_turned_down() {
    for (text, word) in [
        (
            "Computing the distance to every driver is a common mistake.",
            "computing",
        ),
        ("Writing every ping to Postgres is too expensive.", "ping"),
        (
            "Strong consistency on the home timeline is not going to scale.",
            "consistency",
        ),
        (
            "Strong consistency for the resume position isn't viable across regions.",
            "resume",
        ),
        (
            "A global total order causes a single hot sequencer.",
            "order",
        ),
    ] {
        assert_eq!(of(text, word), Stance::Rejected, "{text}");
    }
    // A verdict on something else, or a purpose after "to".
    for (text, word) in [
        (
            "Pushing events to a queue is cheap and keeps the API fast.",
            "queue",
        ),
        (
            "A cache in front of the database is how we keep reads fast.",
            "cache",
        ),
        (
            "Sharding by user is not a problem for celebrities here.",
            "sharding",
        ),
        (
            "We write every ping to Redis, which is too expensive on disk otherwise.",
            "ping",
        ),
    ] {
        assert_eq!(of(text, word), Stance::Adopted, "{text}");
    }
}

#[test]
fn as_opposed_to_and_unlike_turn_down() {
    assert_eq!(
        of("As opposed to dedup by file name, we hash chunks.", "name"),
        Stance::Rejected
    );
    assert_eq!(
        of(
            "Unlike short polling, a socket costs nothing when idle.",
            "polling"
        ),
        Stance::Rejected
    );
}

#[test]
fn a_table_cell_speaks_of_its_own_column() {
    assert_ne!(
        of(
            "| Cloud egress | $0.02-0.05 per GB | non-starter |",
            "egress"
        ),
        Stance::Rejected
    );
    assert_eq!(
        of("Cloud egress at $0.05 per GB is a non-starter.", "egress"),
        Stance::Rejected
    );
}

#[test]
fn a_proposal_voted_down_and_a_rejection_said_outright_are_rejected() {
    let voted = "Someone proposed last-writer-wins by timestamp. We said no: device clocks drift.";
    assert_eq!(of(voted, "last"), Stance::Rejected);
    let kept = "Someone proposed last-writer-wins by timestamp. We agreed, since edits are rare.";
    assert_ne!(of(kept, "last"), Stance::Rejected);
    assert_eq!(
        of("I also reject storing video in a database.", "storing"),
        Stance::Rejected
    );
    assert_eq!(
        of(
            "The first thing we rejected was keeping file bytes in the database.",
            "keeping"
        ),
        Stance::Rejected
    );
    // What the turn-down favours is not turned down.
    assert_eq!(
        of("We rejected polling in favour of long-polling.", "long"),
        Stance::Adopted
    );
    assert_eq!(
        of("Rejected requests get a 429 with a retry header.", "429"),
        Stance::Adopted
    );
}

#[test]
fn what_no_user_can_notice_is_not_needed() {
    assert_eq!(
        of("No user can perceive global order anyway.", "global"),
        Stance::Negated
    );
    assert_eq!(
        of("Users notice global order when it breaks.", "global"),
        Stance::Adopted
    );
}

#[test]
fn a_page_that_must_never_fail_to_load_is_a_priority_not_a_claim() {
    let priority = "A late post harms nobody, but the home page must never fail to load.";
    assert_ne!(of(priority, "page"), Stance::Absolute);
    assert_eq!(
        of("The home page will never fail.", "page"),
        Stance::Absolute
    );
}

#[test]
fn a_row_or_item_marked_off_is_weighed_not_adopted() {
    let table = "| Option | Cost | Verdict |\n| Polling every 5 s | 20M req/s | ✗ |\n| WebSocket | idle | ✓ |";
    assert_eq!(of(table, "polling"), Stance::Considered);
    assert_eq!(of(table, "websocket"), Stance::Adopted);
    // The verdict column comes last: "yes" for simple, "no" overall.
    assert_eq!(
        of(
            "| Option | Simple? | Pick? |\n| Polling | yes | no |",
            "polling"
        ),
        Stance::Considered
    );
    let list = "Options:\n- file name ✗ (names differ)\n- SHA-256 of each chunk ✓";
    assert_eq!(of(list, "name"), Stance::Considered);
    assert_eq!(of(list, "chunk"), Stance::Adopted);
    let struck = "Storage:\n- ~~file bytes in Postgres~~\n- object storage for chunks";
    assert_eq!(of(struck, "postgres"), Stance::Considered);
    // A multiplication sign is arithmetic, not a cross.
    assert_eq!(
        of("- 100M users × 2 posts a day in Postgres", "postgres"),
        Stance::Adopted
    );
}

#[test]
fn fine_only_elsewhere_is_not_chosen_here() {
    assert_eq!(
        of(
            "Polling is fine for the demo, not for production.",
            "polling"
        ),
        Stance::Considered
    );
    assert_eq!(
        of(
            "Putting image bytes in MySQL makes sense at 1/100th the scale.",
            "image"
        ),
        Stance::Considered
    );
    assert_eq!(
        of("Polling is fine for our traffic.", "polling"),
        Stance::Adopted
    );
}

#[test]
fn appeal_until_debate_stock_answer_and_concession_weigh_an_option() {
    assert_eq!(
        of(
            "Polling sounds simple until you count 250M phones.",
            "polling"
        ),
        Stance::Considered
    );
    assert_eq!(
        of("We cache it until it expires.", "cache"),
        Stance::Adopted
    );
    // An appeal that ends the sentence leaves the verdict to what follows.
    assert_eq!(
        of("A global order looks clean.", "global"),
        Stance::Considered
    );
    assert_eq!(
        of("A global order looks clean, so we use it.", "global"),
        Stance::Adopted
    );
    assert_eq!(
        of("The write path looks like this.", "write"),
        Stance::Adopted
    );
    assert!(!of(
        "We went back and forth on polling and landed on long polling.",
        "polling"
    )
    .raises_red());
    assert_eq!(
        of(
            "The textbook answer is polling, but at 250M phones we push instead.",
            "polling"
        ),
        Stance::Considered
    );
    assert_eq!(
        of(
            "The simple approach is polling, but we also add jitter.",
            "polling"
        ),
        Stance::Adopted
    );
    assert_eq!(
        of(
            "Two-phase commit works, but we'd pay for it in latency.",
            "commit"
        ),
        Stance::Considered
    );
    assert_eq!(
        of("First thought: order by the phone's timestamp.", "order"),
        Stance::Considered
    );
}

#[test]
fn the_candidates_own_never_refuses() {
    assert_eq!(
        of("So we never sort by device time.", "sort"),
        Stance::Negated
    );
    assert_eq!(
        of("Never an UPDATE per click: the row gets hot.", "update"),
        Stance::Negated
    );
    assert_eq!(of("Codes can never collide.", "collide"), Stance::Adopted);
}

#[test]
fn more_verdicts_and_past_attempts() {
    assert_eq!(
        of(
            "A global lock, which is what many first designs do, breaks under load.",
            "global"
        ),
        Stance::Rejected
    );
    assert_eq!(
        of(
            "Measuring the distance to every driver is out of the question, so we use cells.",
            "distance"
        ),
        Stance::Rejected
    );
    assert_eq!(
        of(
            "The textbook mistake is one bitrate for everyone.",
            "bitrate"
        ),
        Stance::Rejected
    );
    assert_eq!(
        of(
            "The problem with transcoding at play time is the delay.",
            "transcoding"
        ),
        Stance::Rejected
    );
    assert_eq!(
        of(
            "Assuming random codes never collide isn't safe.",
            "assuming"
        ),
        Stance::Rejected
    );
    let story = "We tried a synchronous counter update once. A popular link became a hot row. \
                 Now the handler emits an event.";
    assert_eq!(of(story, "synchronous"), Stance::Rejected);
    let kept = "We tried a cache and kept it. It works well.";
    assert_eq!(of(kept, "cache"), Stance::Adopted);
}

#[test]
fn a_rule_that_turns_another_subject_away_rejects_nothing_named_before_it() {
    let rule = "Pastes up to 10 MB are accepted; bigger ones are rejected with an error.";
    assert_eq!(of(rule, "pastes"), Stance::Adopted);
    let verdict = "Storing files as BLOBs in the database; rejected because backups balloon.";
    assert_eq!(of(verdict, "blobs"), Stance::Rejected);
    let it = "Storing files as BLOBs in the database; it was rejected early.";
    assert_eq!(of(it, "blobs"), Stance::Rejected);
}

#[test]
fn items_under_a_heading_or_label_that_turns_them_down() {
    let titled = "**Approaches I'd turn down**\n\n\
                  *1. Stream from one data center.*\nSimple to reason about. But costly.\n\n\
                  *2. Encode on demand when someone presses play.*\nSaves storage. But slow.\n";
    assert_eq!(of(titled, "encode"), Stance::Rejected);
    let bold = "### Which designs would I avoid, and why?\n\n\
                **A relational join per timeline load.** It is the first thing everyone writes.\n";
    assert_eq!(of(bold, "join"), Stance::Rejected);
    // Only the title is turned down; its body says why.
    let body = "### Which designs would I avoid, and why?\n\n\
                **A join per load.** Instead we keep a cache of timelines.\n";
    assert_eq!(of(body, "cache"), Stance::Adopted);
    let intro = "ok, a few approaches that look good and that i'd turn down\n\n\
                 1. build the feed at read time\nfeels clean. but slow\n\n\
                 2. store the images in the main database as blobs\none place for everything\n";
    assert_eq!(of(intro, "blobs"), Stance::Rejected);
    // A list introduced on its own after the turned-down ones is the design.
    let after = "**Ideas I'd turn down**\n\n1. a global counter\n\n\
                 Here is what I'd build instead\n\n1. a cache of hot links\n";
    assert_eq!(of(after, "cache"), Stance::Adopted);
    let kept = "**What we build**\n\n*1. A cache of hot links.*\nIt absorbs reads.\n";
    assert_eq!(of(kept, "cache"), Stance::Adopted);
    let label = "- Rejected: *ordering by client timestamps.* Phone clocks drift.";
    assert_eq!(of(label, "timestamps"), Stance::Rejected);
    // The reason after the stop belongs to the label, however long.
    let long = "- Rejected: *ordering by client timestamps.* Phone clocks drift; two phones \
                disagree.";
    assert_eq!(of(long, "timestamps"), Stance::Rejected);
    let longer = "- Rejected: *ordering by client timestamps.* Phone clocks drift; two phones \
                  disagree about which of two messages came first.";
    assert_eq!(of(longer, "timestamps"), Stance::Rejected);
    assert_eq!(of(longer, "clocks"), Stance::Adopted);
    let decision = "- Decision: per-chat sequence numbers.";
    assert_eq!(of(decision, "sequence"), Stance::Adopted);
}

#[test]
fn an_emphasised_or_named_verdict_label_weighs_its_option() {
    let bold = "**Rejected: compute the timeline with a SQL join on every request.**\n\n\
                The join loses at this scale.";
    assert_eq!(of(bold, "join"), Stance::Considered);
    let italic = "*Rejected: clients poll the server for new messages.* It was rejected.";
    assert_eq!(of(italic, "poll"), Stance::Considered);
    let named = "1 rejected idea: use an auto-increment ID from the database and base62-encode \
                 it as the URL. It is simple.";
    assert_eq!(of(named, "increment"), Stance::Considered);
    // The reason after the stop is the label's own.
    let after = "*Rejected: clients poll the server.* Persistent connections are proposed.";
    assert_eq!(of(after, "persistent"), Stance::Adopted);
}

#[test]
fn an_unticked_box_marks_its_option_off() {
    let empty = "- [ ] Store image bytes in the relational database as BLOBs.";
    assert_eq!(of(empty, "blobs"), Stance::Considered);
    let ticked = "- [x] Store image bytes in object storage behind a CDN.";
    assert_eq!(of(ticked, "cdn"), Stance::Adopted);
    let both = "- [ ] Stories and video. [x] Feeds from a cache.";
    assert_eq!(of(both, "cache"), Stance::Adopted);
}

#[test]
fn a_heading_over_both_the_design_and_what_is_not_done_rejects_nothing() {
    let mixed = "**Design, and the things I'm not doing**\n\n\
                 1. Images go to an object store behind a CDN.\n\
                 2. Not storing images in the relational database.\n";
    assert_eq!(of(mixed, "cdn"), Stance::Adopted);
}

#[test]
fn a_verdict_label_before_a_reason_rejects_nothing_after_it() {
    let reason = "1. Tempting: one counter row per post.\n\
                  2. Rejected: a viral post gets thousands of likes a second and that row \
                  becomes a lock hotspot.\n";
    assert_eq!(of(reason, "hotspot"), Stance::Adopted);
    let instead = "**Stream from our origin servers?** Tempting, but impossible. Rejected: \
                   video comes from edge caches placed close to viewers.";
    assert_eq!(of(instead, "edge"), Stance::Adopted);
}

#[test]
fn a_preface_before_a_colon_does_not_choose_the_option_weighed_after_it() {
    let preface = "I went back and forth here: last write wins is simpler, but silently \
                   losing someone's edit is the worst thing this product can do.";
    assert_ne!(of(preface, "last"), Stance::Adopted);
    let chose = "Decision: we use last write wins because it is simpler, but coarse.";
    assert_eq!(of(chose, "last"), Stance::Adopted);
}

#[test]
fn prose_that_mentions_a_rejection_does_not_introduce_a_list() {
    let prose = "Custom aliases: insert it if free. The database rejects duplicates.\n\n\
                 **Expiry.** Expired links are removed by a background job.\n";
    assert_eq!(of(prose, "background"), Stance::Adopted);
}

#[test]
fn an_option_weighed_and_the_current_way_kept_is_turned_down() {
    let kept = "Large files could be split into chunks so a failed upload can resume, \
                though I'd keep whole-file upload for the first version.";
    assert_eq!(of(kept, "chunks"), Stance::Rejected);
    let added = "Large files could be split into chunks, and I'd keep the chunk list in \
                 the metadata store.";
    assert_ne!(of(added, "chunks"), Stance::Rejected);
}

#[test]
fn the_second_of_two_options_named_is_considered() {
    let pair = "Two tempting shortcuts here. One is streaming uploads through the API. \
                The other is putting file contents as BLOBs in the database.";
    assert_eq!(of(pair, "putting"), Stance::Considered);
    let own = "Other files go to S3. We are putting file contents as BLOBs in the database.";
    assert_eq!(of(own, "putting"), Stance::Adopted);
}

#[test]
fn entries_under_a_tempting_heading_are_weighed_not_adopted() {
    let listed = "**Tempting, but no**\n\n1. *A counter as the key.* Short. \
                  Rejected: anyone can walk them.\n";
    assert_eq!(of(listed, "counter"), Stance::Considered);
    // "It's tempting … Instead:" introduces the design itself.
    let instead = "It's tempting to keep it all in one database. Instead:\n\n\
                   - Photos go to a bucket behind a CDN.\n";
    assert_eq!(of(instead, "bucket"), Stance::Adopted);
}

#[test]
fn holding_up_the_serving_threads_turns_an_idea_down() {
    assert_eq!(
        of(
            "Inline thumbnailing blocks request threads.",
            "thumbnailing"
        ),
        Stance::Rejected
    );
    assert_eq!(
        of(
            "Inline thumbnailing blocks of a few pixels.",
            "thumbnailing"
        ),
        Stance::Adopted
    );
}

#[test]
fn a_denial_reaches_over_an_or_list() {
    assert_eq!(
        of("Didn't ask about analytics depth or abuse.", "abuse"),
        Stance::Negated
    );
    assert_eq!(
        of("We don't keep thumbnails of old posts or videos.", "videos"),
        Stance::Negated
    );
}

#[test]
fn what_a_gap_lead_lists_is_left_out() {
    for (text, word) in [
        ("Missed: abuse and phishing; expiry cleanup.", "expiry"),
        ("Gaps I know about: sizing the Redis cluster.", "redis"),
        (
            "Not covered: geo-restrictions and prefetching.",
            "prefetching",
        ),
        ("Left out: monitoring, rate limits.", "monitoring"),
    ] {
        assert_eq!(of(text, word), Stance::Negated, "{text}");
    }
    // A lead that names a design part, or a long sentence before a colon,
    // lists no gap.
    assert_eq!(
        of("Caching: Redis in front of the store.", "redis"),
        Stance::Adopted
    );
    assert_eq!(
        of(
            "The one thing we missed in the first version and then built later: a Redis cache.",
            "redis"
        ),
        Stance::Adopted
    );
}
