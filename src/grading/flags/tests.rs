//! Flags on answers: each rule with a case that fires and one that does not.

use crate::catalog::Catalog;
use crate::grading::{grade, parse_answer, Extras};

/// (red, green) flag ids of a deep dive graded alone.
fn flags(problem: &str, deep_dive: &str) -> (Vec<String>, Vec<String>) {
    let catalog = Catalog::embedded().expect("built-in data");
    let text = format!("## Deep Dive\n\n{deep_dive}\n");
    let g = grade(&catalog, problem, &parse_answer(&text), &Extras::default()).expect("graded");
    let ids = |hits: Vec<super::FlagHit>| hits.into_iter().map(|h| h.id).collect();
    (ids(g.flags.red), ids(g.flags.green))
}

fn red(problem: &str, deep_dive: &str) -> Vec<String> {
    flags(problem, deep_dive).0
}

#[test]
fn a_habit_flag_needs_its_mentions() {
    let once = "If the cache fails we rebuild the feed from the database.";
    let twice = "If the cache fails we rebuild the feed from the database. \
                 If a worker dies, another one picks up its queue partition.";
    let failure = |t: &str| flags("twitter", t).1.contains(&"failure_modes".to_string());
    assert!(
        !failure(once),
        "one line is not yet a walk through failures"
    );
    assert!(failure(twice));
}

#[test]
fn working_out_why_an_option_loses_does_not_adopt_it() {
    let weighed = "Option 1 is plain HTTP polling every few seconds. With 100M phones \
                   polling every 5 s that is 20M requests/s, nearly all empty. So I'd \
                   keep one persistent connection per phone instead.";
    assert!(!red("whatsapp", weighed).contains(&"polling_for_messages".to_string()));
    let adopted = "Each phone polls the server every 5 seconds for new messages.";
    assert!(red("whatsapp", adopted).contains(&"polling_for_messages".to_string()));
}

/// Red and green flag ids of a whole answer.
fn whole(problem: &str, answer: &str) -> (Vec<String>, Vec<String>) {
    let catalog = Catalog::embedded().expect("built-in data");
    let g = grade(&catalog, problem, &parse_answer(answer), &Extras::default()).expect("graded");
    let ids = |hits: Vec<super::FlagHit>| hits.into_iter().map(|h| h.id).collect();
    (ids(g.flags.red), ids(g.flags.green))
}

fn has(ids: &[String], id: &str) -> bool {
    ids.iter().any(|i| i == id)
}

#[test]
fn a_problem_flag_fires_on_the_approach_adopted_in_plain_words() {
    let cases = [
        (
            "twitter",
            "fanout_write_everyone",
            "When a tweet is posted, the service saves it, then loops over the followers and adds its id to each list.",
        ),
        (
            "instagram",
            "synchronous_resize",
            "The server resizes the photo before replying to the app.",
        ),
        (
            "instagram",
            "images_through_app_servers",
            "When a user uploads, the API server receives the image and saves it to S3.",
        ),
        (
            "whatsapp",
            "keep_forever",
            "We keep messages forever so any phone can download the whole history.",
        ),
        (
            "whatsapp",
            "timestamp_ordering",
            "Messages are ordered by the timestamp the phone attaches.",
        ),
        (
            "google-drive",
            "last_write_wins",
            "If two devices edit a file, the last one to upload wins.",
        ),
        (
            "google-drive",
            "whole_file_reupload",
            "When a file changes, the client uploads the new version and the server updates the row.",
        ),
        (
            "uber",
            "every_ping_to_sql",
            "The location service updates the driver's row each time a new location comes in.",
        ),
        (
            "uber",
            "scan_all_drivers",
            "Matching queries drivers whose lat and lng are within a small box around the rider.",
        ),
        (
            "url-shortener",
            "autoincrement_as_code",
            "Every new URL gets an auto-increment id and we convert it to base62.",
        ),
    ];
    for (problem, id, text) in cases {
        assert!(has(&red(problem, text), id), "{id} on: {text}");
    }
}

#[test]
fn a_problem_flag_stays_silent_when_the_approach_is_turned_down_or_handled() {
    let cases = [
        // A worker off a queue walks the list, not the post request.
        (
            "twitter",
            "fanout_write_everyone",
            "A fan-out worker reads the post from the queue and loops over the followers.",
        ),
        (
            "instagram",
            "synchronous_resize",
            "Resizing before replying would make every upload wait, so workers resize later.",
        ),
        (
            "instagram",
            "images_through_app_servers",
            "The client uploads the photo to the upload service with a pre-signed URL.",
        ),
        (
            "google-drive",
            "last_write_wins",
            "The newest upload wins, and the other edit is saved as a conflicted copy.",
        ),
        (
            "google-drive",
            "whole_file_reupload",
            "When a file changes, the client uploads the new version's changed chunks only.",
        ),
        (
            "uber",
            "every_ping_to_sql",
            "Each ping updates the driver's row in Redis, in memory.",
        ),
        (
            "url-shortener",
            "autoincrement_as_code",
            "An auto-increment id is shuffled with a reversible step before we convert it to base62.",
        ),
    ];
    for (problem, id, text) in cases {
        assert!(!has(&red(problem, text), id), "{id} on: {text}");
    }
}

#[test]
fn an_option_taken_up_in_the_next_sentence_raises_its_flag() {
    let endorsed = "Another way is to use the auto-increment id from MySQL and convert it to \
                    base62. That's also fine and avoids collisions.";
    assert!(has(
        &red("url-shortener", endorsed),
        "autoincrement_as_code"
    ));
    let weighed = "Another way is to use the auto-increment id from MySQL and convert it to \
                   base62. That would let anyone walk through every link.";
    assert!(!has(
        &red("url-shortener", weighed),
        "autoincrement_as_code"
    ));
}

#[test]
fn transport_encryption_alone_is_a_server_that_reads_messages() {
    assert!(has(
        &red("whatsapp", "Security: we use HTTPS so it's encrypted."),
        "server_reads_plaintext"
    ));
    assert!(!has(
        &red(
            "whatsapp",
            "Messages are end-to-end encrypted on the phones; we only use TLS for the connection."
        ),
        "server_reads_plaintext"
    ));
    // A remedy named only to be dropped cancels nothing.
    assert!(has(
        &red(
            "whatsapp",
            "WhatsApp uses end-to-end encryption, but I don't know how that works, so I'll just use HTTPS."
        ),
        "server_reads_plaintext"
    ));
}

#[test]
fn framework_flags_hear_plain_words() {
    let waved = "S3 is very durable, so we don't need to worry about losing files.";
    assert!(has(&red("google-drive", waved), "over_confidence"));
    let scoped = "We don't need to worry about ordering across chats, only within one.";
    assert!(!has(&red("whatsapp", scoped), "over_confidence"));
    let nosql = "MongoDB is NoSQL so it scales well.";
    assert!(has(&red("pastebin", nosql), "nosql_always_better"));
    let skipped = "## Clarifying questions\n\nI don't think I need to ask anything, so I'll jump \
                   right in.\n\n## High-level design\n\nThe app sends photos to one server that \
                   writes them to a database, and the feed reads them back sorted by date for \
                   every user who opens the app, with a cache in front of the database for speed.\n";
    assert!(has(&whole("instagram", skipped).0, "jumping_to_solution"));
}

#[test]
fn monitoring_is_operations_not_a_phone_alert_or_a_users_dashboard() {
    let green = |t: &str| has(&flags("uber", t).1, "monitoring_operations");
    assert!(!green(
        "An offer to a driver is also sent as a phone alert in case the connection is down."
    ));
    assert!(!green(
        "Logged-in riders also get a dashboard of their trips."
    ));
    assert!(!green(
        "During the trip we keep tracking the car on the map."
    ));
    assert!(green(
        "What I'd watch: time to match and no-driver-found rate; alert if matching takes over 5 s."
    ));
    assert!(green(
        "Monitoring on latency and error rates so we notice problems."
    ));
}

#[test]
fn a_bare_list_entry_earns_no_green_flag_but_a_stated_one_does() {
    let g = |t: &str| has(&flags("twitter", t).1, "monitoring_operations");
    assert!(!g("- Monitoring"));
    assert!(!g("- Grafana, Prometheus, 5 monitoring dashboards"));
    let assumed = |t: &str| has(&flags("twitter", t).1, "stated_assumptions");
    assert!(assumed("- Let's assume 100M users"));
    assert!(assumed(
        "Assume 2B accounts, 1B DAU, 50 messages a day each."
    ));
    assert!(g("- Monitoring: alert when p99 passes 200 ms"));
}

#[test]
fn figures_count_as_concrete_once_some_are_worked_out() {
    let lone = "## Estimation\n\nSay 10M new URLs per day. Reads are maybe 100x. Codes are 7 \
                characters, 62 letters, 3 replicas, 2 regions.\n";
    let (red, green) = whole("url-shortener", lone);
    assert!(!has(&green, "concrete_numbers"), "no figure is worked");
    assert!(
        !has(&red, "ignoring_scale"),
        "many figures, none worked: neither flag"
    );
    let worked = "## Estimation\n\n100M new URLs per day / 86,400 s = 1,157 writes/s. Reads are \
                  100x, so 115,700 reads/s. 7 characters of 62 letters, 3 replicas.\n";
    assert!(has(&whole("url-shortener", worked).1, "concrete_numbers"));
}

#[test]
fn a_product_worked_in_words_is_a_sizing_and_a_wrong_one_is_not() {
    let right = "## Estimation\n\n100M users with maybe 5 GB each is 500 PB.\n";
    assert!(!has(&whole("google-drive", right).0, "ignoring_scale"));
    let wrong = "## Estimation\n\nMaybe 1 million users with 1 GB each, so about 1 TB.\n";
    assert!(has(&whole("google-drive", wrong).0, "ignoring_scale"));
}

#[test]
fn a_rate_drawn_in_words_with_a_is_worked() {
    // "a" is not a token, so "two thousand a second" reads "thousand second".
    let drawn = "If 100M users post a couple of times a day, that's 200M tweets a day, \
                 which is around two thousand a second.";
    assert!(!has(&whole("twitter", drawn).0, "ignoring_scale"));
    let expression =
        "Spread over a day, 200M hours × 3,600 s / 86,400 s gives about eight million \
                      streams at once.";
    assert!(!has(&whole("netflix", expression).0, "ignoring_scale"));
    let stated = "We have 100M users and 200M tweets a day, two thousand a second.";
    assert!(has(&whole("twitter", stated).0, "ignoring_scale"));
}

#[test]
fn a_backup_alone_is_no_failure_handling() {
    let backups = "## Deep Dive\n\nBackups once a week to be safe. We can retrieve old files \
                   from the archive.\n";
    assert!(has(
        &whole("google-drive", backups).0,
        "forgetting_failures"
    ));
    let handled = "## Deep Dive\n\nIf a storage node fails, a replica takes over.\n";
    assert!(!has(
        &whole("google-drive", handled).0,
        "forgetting_failures"
    ));
}

/// Sentences a strong answer writes near each widened red flag: none of
/// them adopts the flagged approach.
#[test]
fn strong_answers_near_a_red_flag_raise_none() {
    let cases = [
        ("google-drive", "For renames the latest rename wins, which is harmless."),
        ("google-drive", "A new device syncs all of the user's files on first login, then only changes."),
        ("google-drive", "File contents live in a blob store; the database keeps only the chunk list."),
        ("google-drive", "We push the updated file list to the other devices over the socket."),
        ("google-drive", "When a file changes the client uploads the changed blocks only, by hash."),
        ("google-drive", "Storing file bytes as BLOBs in Postgres would bloat backups, so bytes go to object storage."),
        ("google-drive", "The desktop client keeps the newest copy with the latest version number and saves the other as a conflicted copy."),
        ("instagram", "The upload service stores the photo metadata row and enqueues a resize job."),
        ("instagram", "The client uploads the photo to object storage with a pre-signed URL, then calls the API server."),
        ("instagram", "Workers resize each photo after the upload request returns, off a queue."),
        ("instagram", "The API server receives the caption and the object key, never the image bytes."),
        ("twitter", "For each follower the fan-out worker appends the tweet id to their cached list."),
        ("twitter", "Fan-out happens after the tweet is acknowledged: a service loops over the followers from a queue."),
        ("uber", "The driver app sends its position to the server every 4 seconds over the open connection."),
        ("uber", "The trip service updates the row each time the trip state changes."),
        ("uber", "Each ping updates the driver's entry in the in-memory geo index."),
        ("uber", "A bounding box on raw lat and lng within a small box is a full scan without a spatial index."),
        ("whatsapp", "The phone sends a heartbeat every 30 seconds to keep the connection alive."),
        ("whatsapp", "The chat list is ordered by time of the last message."),
        ("whatsapp", "Messages carry a server-assigned sequence number; we never sort by the phone's timestamp."),
        ("whatsapp", "Message bodies are end-to-end encrypted; the connection itself only uses TLS."),
        ("whatsapp", "Stories are out of scope, so I'd leave them out."),
        ("url-shortener", "An auto-increment id converted to base62 gives sequential codes anyone can walk through, so we shuffle it."),
        ("url-shortener", "A counter hands out ids in ranges; each id is scrambled with a reversible step before base62."),
        ("netflix", "The origin server fetches the file from object storage and streams it to the edge box."),
        ("netflix", "Each rendition is one file per bitrate, cut into 4-second segments."),
        ("pastebin", "Pastes under 4 KB are stored as a row column inline; larger ones go to S3."),
        ("pastebin", "We pick a wide-column NoSQL store so it scales writes horizontally."),
        ("pastebin", "S3 is durable, so we don't need to worry about losing pastes once written."),
        ("pastebin", "We don't need to worry about ordering between pastes."),
    ];
    for (problem, text) in cases {
        let reds = red(problem, text);
        let phrase_reds: Vec<&String> = reds
            .iter()
            .filter(|id| {
                !matches!(
                    id.as_str(),
                    "ignoring_scale"
                        | "no_trade_offs"
                        | "forgetting_failures"
                        | "jumping_to_solution"
                )
            })
            .collect();
        assert!(phrase_reds.is_empty(), "{phrase_reds:?} on: {text}");
    }
}

#[test]
fn a_cost_named_after_a_gain_is_a_trade_off() {
    for said in [
        "Not storing history: a big storage and privacy win; the cost is that backup and \
         multi-device are harder.",
        "Not keeping history saves storage and helps privacy, but users must back up \
         their own phones, and adding a second device is harder.",
    ] {
        assert!(
            !red("whatsapp", said).contains(&"no_trade_offs".to_string()),
            "{said}"
        );
    }
    let none = "Not keeping history saves storage and helps privacy.";
    assert!(red("whatsapp", none).contains(&"no_trade_offs".to_string()));
}

#[test]
fn options_turned_down_in_other_words_raise_no_flag() {
    for (problem, said, flag) in [
        (
            "whatsapp",
            "Another easy choice is to keep every message forever in one big relational \
             database, so history and search are simple.",
            "keep_forever",
        ),
        (
            "instagram",
            "Sending the image through the API server is also something I'd avoid; it ties \
             up app servers with slow uploads.",
            "images_through_app_servers",
        ),
        (
            "google-drive",
            "Last-writer-wins is simple but silently throws away someone's edits.",
            "last_write_wins",
        ),
        (
            "google-drive",
            "If the notifier is unavailable, clients fall back to polling every 60 s with jitter.",
            "tight_polling",
        ),
        (
            "netflix",
            "Chaos testing, because the only way you learn your fallbacks don't work is by \
             killing things.",
            "over_confidence",
        ),
    ] {
        assert!(!red(problem, said).contains(&flag.to_string()), "{said}");
    }
    assert!(
        red("google-drive", "Clients poll every 5 seconds for changes.")
            .contains(&"tight_polling".to_string())
    );
    assert!(red(
        "netflix",
        "A single region is the only way to keep this simple."
    )
    .contains(&"over_confidence".to_string()));
}

#[test]
fn a_free_form_answer_that_never_asks_or_assumes_jumped_to_a_solution() {
    let jumped = "We'll have a client app, a backend server and a database. The user uploads a \
                  file through the app and the server stores it in the database with its name. \
                  When the user opens another device it asks the server for the list of files \
                  and downloads the new ones. To scale we add more servers behind a load \
                  balancer, and the database keeps everything in one place for simplicity.";
    let (red, _) = whole("google-drive", jumped);
    assert!(has(&red, "jumping_to_solution"), "{red:?}");
    // An assumption, a question or an early figure each keep it silent.
    for opening in [
        "I'll assume 50M users with 10 GB each. ",
        "Do we need sharing? Let's say yes. ",
        "Scope: upload, download and sync. ",
        "About 100M users upload 2 files a day. ",
        "# Scope\n\n- upload\n- download\n- sync\n\n",
    ] {
        let (red, _) = whole("google-drive", &format!("{opening}{jumped}"));
        assert!(!has(&red, "jumping_to_solution"), "{opening}: {red:?}");
    }
    // Neither a part that asks another part nor the interviewer's own
    // question is the candidate asking.
    for opening in [
        "The phone apps ask the server every minute for changes. ",
        "Interviewer: Any questions about scope?\nMe: No, it's clear. ",
    ] {
        let (red, _) = whole("google-drive", &format!("{opening}{jumped}"));
        assert!(has(&red, "jumping_to_solution"), "{opening}: {red:?}");
    }
}

#[test]
fn a_technology_declared_better_in_every_case_is_over_confident() {
    let (red, _) = whole(
        "netflix",
        "We use Cassandra because NoSQL is always faster than SQL.",
    );
    assert!(has(&red, "over_confidence"), "{red:?}");
    let (red, _) = whole(
        "netflix",
        "NoSQL is not always faster than SQL, so we measure.",
    );
    assert!(!has(&red, "over_confidence"), "{red:?}");
}

#[test]
fn a_design_declared_done_is_over_confident() {
    for boast in [
        "This design is simple and should work well.",
        "I'm confident this is the best approach because it is simple.",
    ] {
        let (red, _) = whole("whatsapp", boast);
        assert!(has(&red, "over_confidence"), "{boast}: {red:?}");
    }
    // Hedged, or bounded by a figure: no boast.
    for claim in [
        "I think this design should work for most cases.",
        "This design should scale to 10x the traffic with more shards.",
    ] {
        let (red, _) = whole("whatsapp", claim);
        assert!(!has(&red, "over_confidence"), "{claim}: {red:?}");
    }
}

#[test]
fn plain_words_for_a_trade_off_count() {
    for said in [
        "We keep one copy per region in exchange for a slower first view.",
        "The catch is that a follower may see a post a few seconds late.",
        "Caching the list is worth it, since reads outnumber writes a hundred to one.",
        "We give up exact counts to keep the write path cheap.",
        "Ready-made lists make opening the app fast, but posts arrive with a short lag.",
        "Gathering the feed on open is cheap on posting but slow on reading.",
        "Speed over perfect agreement: for a photo feed that's the right trade.",
    ] {
        assert!(
            !red("twitter", said).contains(&"no_trade_offs".to_string()),
            "{said}"
        );
    }
}

#[test]
fn technologies_given_their_jobs_are_a_design_not_a_list() {
    let jobs = "- Tweet service stores tweets in Cassandra, partitioned by tweet ID.\n\
                - User service stores users and follows in PostgreSQL.\n\
                - Timeline service uses Redis to keep each home timeline.\n\
                - Kafka queue between posting and timeline updates.\n\
                - S3 for images, Elasticsearch for tweet text.\n";
    let (red, _) = whole("twitter", jobs);
    assert!(!has(&red, "over_engineering"), "{red:?}");
    // Kinds of component are not jobs: this is the list the flag is for.
    let kinds = "- Kafka for messaging\n- Redis for caching\n- Cassandra for storage\n\
                 - Elasticsearch for search\n- Kubernetes for deployment\n- S3\n";
    let (red, _) = whole("twitter", kinds);
    assert!(has(&red, "over_engineering"), "{red:?}");
}

#[test]
fn the_only_way_to_find_out_is_a_lesson_not_a_boast() {
    let (red, _) = whole(
        "netflix",
        "Running evacuation drills is the only way you find out it actually works.",
    );
    assert!(!has(&red, "over_confidence"), "{red:?}");
    let (red, _) = whole("netflix", "A single region is the only way to do this.");
    assert!(has(&red, "over_confidence"), "{red:?}");
}

#[test]
fn a_verdict_after_a_match_with_its_own_when_is_read() {
    let has = |t: &str| red("netflix", t).contains(&"transcode_on_play".to_string());
    assert!(!has(
        "Transcoding when the user presses play doesn't cut it: titles are encoded ahead of time."
    ));
    assert!(has(
        "When the user presses play, the server transcodes the movie."
    ));
    // "better than SQL" inside the match turns SQL down, not the claim.
    assert!(red(
        "twitter",
        "We use NoSQL since it's always better than SQL at scale."
    )
    .contains(&"nosql_always_better".to_string()));
}

#[test]
fn figures_written_in_words_are_not_called_no_number() {
    let words = "## Estimation\n\nAround two hundred million people open it each day, ten \
                 times each: two billion reads a day, about twenty-three thousand a second, \
                 seventy thousand at peak.\n";
    assert!(!has(&whole("twitter", words).0, "ignoring_scale"));
    let none = "## Estimation\n\nLots of people read a lot, so it is big.\n";
    assert!(has(&whole("twitter", none).0, "ignoring_scale"));
}

#[test]
fn the_body_of_an_idea_turned_down_under_its_heading_raises_nothing() {
    let listed = "## Deep dive\n\n**Approaches I'd turn down**\n\n\
                  *3. One fixed ladder for every title.*\nA single bitrate either rebuffers on \
                  weak connections or looks bad on strong ones.\n";
    assert!(!has(&whole("netflix", listed).0, "single_bitrate"));
    let built = "## Deep dive\n\n**What we build**\n\n\
                 *3. One fixed ladder for every title.*\nWe encode a single bitrate for \
                 every device.\n";
    assert!(has(&whole("netflix", built).0, "single_bitrate"));
}

#[test]
fn asking_where_the_car_is_polls_for_no_offer() {
    let rider = "If a trip is active, the rider's app polls the server every 2 seconds for \
                 the driver's location.";
    assert!(!red("uber", rider).contains(&"polling_for_offers".to_string()));
    let driver = "The driver app polls the server every 2 seconds for new requests.";
    assert!(red("uber", driver).contains(&"polling_for_offers".to_string()));
    let assigned = "The rider app checks the server every 2 seconds to see if a driver has \
                    been assigned.";
    assert!(red("uber", assigned).contains(&"polling_for_offers".to_string()));
}

#[test]
fn never_failing_to_do_something_is_always_doing_it() {
    let has = |t: &str| red("instagram", t).contains(&"never_failures".to_string());
    for idiom in [
        "Your own post is read from the posts table, so you never fail to see it.",
        "The worker retries until the push goes out; it won't fail to deliver.",
    ] {
        assert!(!has(idiom), "{idiom}");
    }
    assert!(has("The feed service will never fail."));
    assert!(has("The feed service will never fail, too many replicas."));
}

#[test]
fn never_losing_data_after_a_named_failure_is_its_handling() {
    let handled = "Every client also polls every 60 s, so a lost push delays sync and never \
                   loses data.";
    assert!(!red("google-drive", handled).contains(&"never_failures".to_string()));
    let boast = "The database is replicated three times, so we never lose data.";
    assert!(red("google-drive", boast).contains(&"never_failures".to_string()));
}

#[test]
fn codes_unique_by_construction_need_no_collision_check() {
    let counter = "Each server takes ids from its own block. Codes are unique by \
                   construction with no collision checks.";
    assert!(!has(&red("url-shortener", counter), "collisions_ignored"));
    let random = "Codes are random strings. Codes are unique, so we do no collision checks.";
    assert!(has(&red("url-shortener", random), "collisions_ignored"));
}

#[test]
fn the_other_of_two_shortcuts_is_not_the_design() {
    let pair = "Two tempting shortcuts here. One is streaming uploads through the app \
                servers. The other is putting file contents as BLOBs in the same \
                relational database. My choice: presigned URLs to the block store.";
    assert!(!has(&red("google-drive", pair), "files_in_database"));
    let adopted = "We are putting file contents as BLOBs in the same relational database.";
    assert!(has(&red("google-drive", adopted), "files_in_database"));
}

#[test]
fn a_load_stated_as_too_much_for_a_part_is_a_trade_off_weighed() {
    let has = |t: &str| red("netflix", t).contains(&"no_trade_offs".to_string());
    let limit = "Progress updates are 100k writes per second, which is too much for MySQL. \
                 Put Redis in front and write to MySQL in the background.";
    assert!(!has(limit));
    let put_off = "If the database gets too slow for us we can buy a bigger server.";
    assert!(has(put_off), "a condition only puts the question off");
}

#[test]
fn a_doubt_with_a_plan_to_check_it_is_not_i_dont_know() {
    let has = |t: &str| red("uber", t).contains(&"i_dont_know".to_string());
    let plan = "I'm not sure how we'd keep this running in the background on iOS; \
                that's something I'd need to check.";
    assert!(!has(plan));
    let stop = "I'm not sure how we'd keep this running in the background on iOS.";
    assert!(has(stop));
}

#[test]
fn a_bold_title_heads_a_failure_section() {
    let has = |t: &str| red("pastebin", t).contains(&"forgetting_failures".to_string());
    let body = "- The cache is lost: reads go to the store behind a limiter.";
    assert!(!has(&format!("**What can go wrong**\n\n{body}")));
    assert!(has(body));
}

#[test]
fn a_hedged_loss_accepted_is_a_trade_off() {
    let has = |t: &str| red("pastebin", t).contains(&"no_trade_offs".to_string());
    let plain = "Writes go to one primary; a standby takes its place when it stops.";
    assert!(has(plain));
    assert!(!has(&format!(
        "{plain} We might lose the last second of writes."
    )));
}

#[test]
fn a_failure_given_as_the_reason_to_turn_an_idea_down_is_discussed() {
    let has = |t: &str| red("twitter", t).contains(&"forgetting_failures".to_string());
    let reason = "A single sequencer box would be a single point of failure, so that is rejected; \
                  each writer makes its own ids.";
    assert!(!has(reason));
    assert!(has("Each writer makes its own ids."));
}

#[test]
fn the_rider_asking_for_the_car_position_polls_for_no_offer() {
    let has = |t: &str| red("uber", t).contains(&"polling_for_offers".to_string());
    assert!(!has(
        "On the trip the rider app asks the server every 3 seconds for driver position."
    ));
}

#[test]
fn a_counter_column_bumped_on_each_redirect_is_a_synchronous_count() {
    let has = |t: &str| red("url-shortener", t).contains(&"sync_click_counting".to_string());
    assert!(has(
        "Stats: we increment a click counter column on each redirect."
    ));
    assert!(!has(
        "Stats: we increment a counter in Redis on each redirect."
    ));
}
