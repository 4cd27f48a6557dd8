//! Reading diagrams: the Mermaid subset, arrow lines, bad input, checks.

use super::*;
use crate::catalog::{AntiPattern, ComponentRule, PathRule, Structure};
use proptest::prelude::*;

fn edges(d: &Diagram) -> Vec<String> {
    d.edges.iter().map(|e| d.quote(e)).collect()
}

fn kinds(d: &Diagram) -> Vec<(String, &'static str)> {
    d.nodes
        .iter()
        .map(|n| (n.label.clone(), n.concept.as_str()))
        .collect()
}

fn issues(d: &Diagram) -> Vec<(usize, String)> {
    d.issues
        .iter()
        .map(|i| (i.line, i.message.clone()))
        .collect()
}

#[test]
fn a_mermaid_flowchart_with_shapes_labels_and_chains() {
    let d = read_one(
        "Here is the design:\n\
         ```mermaid\n\
         flowchart LR\n\
           C[Client] --> LB[Load balancer]\n\
           LB --> API(API servers)\n\
           API -- reads --> R[(Redis)] -->|miss| DB[(Postgres)]\n\
           API -.-> Q([Kafka]) ==> W[[Fan-out workers]]\n\
           W --- DB\n\
           API <--> S{Search}\n\
         ```",
    );
    assert!(d.issues.is_empty(), "{:?}", d.issues);
    assert_eq!(
        edges(&d),
        [
            "Client → Load balancer",
            "Load balancer → API servers",
            "API servers → Redis (reads)",
            "Redis → Postgres (miss)",
            "API servers → Kafka",
            "Kafka → Fan-out workers",
            "Fan-out workers — Postgres",
            "API servers ↔ Search",
        ]
    );
    let k = kinds(&d);
    // Redis drawn as a cylinder is a store.
    assert!(k.contains(&("Redis".into(), "database")), "{k:?}");
    assert!(k.contains(&("Kafka".into(), "queue")));
    assert!(k.contains(&("Fan-out workers".into(), "worker")));
    assert_eq!(d.nodes[0].id, "C");
    assert_eq!(d.direction, Direction::Lr);
}

#[test]
fn subgraphs_groups_semicolons_and_comments() {
    let d = read_one(
        "```mermaid\n\
         graph TD\n\
         %% the read path\n\
         subgraph edge [Edge layer]\n\
           cdn[CloudFront]\n\
         end\n\
         subgraph Storage\n\
           media[Media]\n\
         end\n\
         U1[iOS app] & U2[Web app] --> cdn; cdn --> media\n\
         classDef hot fill:#f00\n\
         class cdn hot\n\
         style media fill:#0f0\n\
         api-server[\"API<br/>servers\"]:::hot --> media\n\
         ```",
    );
    assert!(d.issues.is_empty(), "{:?}", d.issues);
    assert_eq!(d.direction, Direction::Td);
    assert_eq!(
        edges(&d),
        [
            "iOS app → CloudFront",
            "Web app → CloudFront",
            "CloudFront → Media",
            "API servers → Media",
        ]
    );
    // "Media" says nothing; its subgraph says storage.
    assert!(
        kinds(&d).contains(&("Media".into(), "database")),
        "{:?}",
        kinds(&d)
    );
    assert!(kinds(&d).contains(&("API servers".into(), "service")));
}

#[test]
fn bad_lines_are_reported_with_their_line_and_skipped() {
    let text = "intro\n\
        ```mermaid\n\
        flowchart LR\n\
        A[Load balancer --> B\n\
        A ~~> B\n\
        C[Client] -> D[API]\n\
        C --> \n\
        E[Edge] --> F[(Store)]\n\
        end\n\
        G -- reads B\n\
        H[API] -->|oops B\n\
        ```";
    let d = read_one(text);
    assert_eq!(edges(&d), ["Edge → Store"]);
    let got = issues(&d);
    let lines: Vec<usize> = got.iter().map(|(l, _)| *l).collect();
    assert_eq!(lines, [4, 5, 6, 7, 9, 10, 11], "{got:?}");
    assert!(got[0].1.contains("`[` is never closed"), "{got:?}");
    assert!(got[1].1.contains("`~~>` is not an arrow"), "{got:?}");
    assert!(got[2].1.contains("`->` is not an arrow"), "{got:?}");
    assert!(got[3].1.contains("a box on each side"), "{got:?}");
}

#[test]
fn a_loop_is_kept_and_an_arrow_to_itself_reported() {
    let d = read_one("```mermaid\nflowchart LR\nA[API] --> B[Redis] --> A\nA --> A\n```");
    assert_eq!(edges(&d), ["API → Redis", "Redis → API"]);
    assert_eq!(
        issues(&d),
        [(
            4,
            "`API` points at itself: the arrow is ignored".to_string()
        )]
    );
    // Searches over a loop end.
    assert!(check(&d, &rules(), "")[0].ok);
}

#[test]
fn limits_hold_for_huge_drawings_and_labels() {
    let mut big = String::from("```mermaid\nflowchart LR\n");
    for i in 0..500 {
        big.push_str(&format!("N{i}[Box {i}] --> N{}[Box {}]\n", i + 1, i + 1));
    }
    big.push_str("```\n");
    let d = read_one(&big);
    assert_eq!(d.nodes.len(), model::MAX_NODES);
    assert_eq!(d.issues.len(), 1, "{:?}", issues(&d));
    assert!(d.issues[0].message.contains("more than"));

    let long = format!(
        "```mermaid\nflowchart LR\nA[{}] --> B[API]\nC[Client] --> D[API]\n```",
        "x".repeat(10_000)
    );
    let d = read_one(&long);
    assert_eq!(edges(&d), ["Client → API"]);
    assert_eq!(d.issues[0].line, 3);
    assert!(d.issues[0].message.contains("10000 characters"));
}

#[test]
fn other_mermaid_diagrams_and_unclosed_fences_are_reported() {
    let d = read_one("```mermaid\nsequenceDiagram\nA->>B: hi\n```");
    assert!(d.edges.is_empty());
    assert!(d.issues[0].message.contains("not `sequenceDiagram`"));
    let d = read_one("```mermaid\nflowchart LR\nC[Client] --> L[LB]");
    assert_eq!(edges(&d), ["Client → LB"]);
    assert_eq!(d.issues[0].line, 1);
}

#[test]
fn arrow_lines_and_mermaid_add_to_one_graph() {
    let d = read(&[
        (
            crate::framework::StepId::HighLevel,
            "```mermaid\nflowchart LR\nc[Client] --> lb[Load balancer] --> api[API servers]\n```\nAPI servers -> Redis -> Postgres",
        ),
        (
            crate::framework::StepId::DeepDive,
            "Plain block:\n```\nAPI server -> Kafka -> Fan-out workers\n```",
        ),
    ]);
    assert_eq!(d.nodes.len(), 7, "{:?}", kinds(&d));
    assert_eq!(
        edges(&d)[2..],
        [
            "API servers → Redis",
            "Redis → Postgres",
            "API servers → Kafka",
            "Kafka → Fan-out workers"
        ]
    );
    assert_eq!(d.edges[4].step, crate::framework::StepId::DeepDive);
}

#[test]
fn the_mermaid_block_of_a_draft_is_found_for_editing() {
    let text = "Words.\n```mermaid\nflowchart LR\nA --> B\n```\nMore words.";
    let r = mermaid_block(text).expect("a block");
    assert!(text[r.clone()].starts_with("```mermaid"));
    assert!(text[r].ends_with("```"));
    assert_eq!(mermaid_block("no block"), None);
    // The template itself holds no drawing.
    assert!(!has_drawing(TEMPLATE));
    assert_eq!(drawing_to_edit("no block"), TEMPLATE);
    let drawn = "```mermaid\nflowchart LR\nA --> C\n```";
    assert_eq!(
        with_drawing(text, drawn),
        "Words.\n```mermaid\nflowchart LR\nA --> C\n```\nMore words."
    );
    assert_eq!(
        with_drawing("Words.\n", drawn),
        format!("Words.\n\n{drawn}")
    );
    assert_eq!(with_drawing("", drawn), drawn);
}

fn rules() -> Structure {
    let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
    Structure {
        components: vec![ComponentRule {
            id: "has_cache".into(),
            label: "A cache".into(),
            concept: "cache".into(),
            topic: "hl_cache".into(),
        }],
        paths: vec![PathRule {
            id: "cache_first".into(),
            label: "Reads meet the cache before the database".into(),
            path: s(&["client", "cache"]),
            avoiding: s(&["database"]),
            either_way: false,
            topic: "hl_request_flow".into(),
        }],
        anti_patterns: vec![
            AntiPattern {
                id: "client_db".into(),
                label: "Client talks to the database".into(),
                edge: s(&["client", "database"]),
                either_way: true,
                route: Vec::new(),
                only_through: Vec::new(),
                single: None,
                points: 4.0,
                advice: String::new(),
            },
            AntiPattern {
                id: "single_db".into(),
                label: "One database, no replica".into(),
                edge: Vec::new(),
                either_way: false,
                route: Vec::new(),
                only_through: Vec::new(),
                single: Some("database".into()),
                points: 2.0,
                advice: String::new(),
            },
            AntiPattern {
                id: "cache_behind".into(),
                label: "The cache sits behind the database".into(),
                edge: Vec::new(),
                either_way: false,
                route: s(&["client", "cache"]),
                only_through: s(&["database"]),
                single: None,
                points: 2.0,
                advice: String::new(),
            },
        ],
    }
}

fn verdicts(text: &str, prose: &str) -> Vec<(String, bool, String)> {
    check(&read_one(text), &rules(), prose)
        .into_iter()
        .map(|r| (r.id, r.ok, r.evidence))
        .collect()
}

#[test]
fn checks_pass_on_a_good_design_with_the_arrows_quoted() {
    let v = verdicts(
        "Client -> LB -> API servers -> Redis -> Postgres primary + replicas",
        "",
    );
    assert_eq!(
        v,
        [
            ("has_cache".into(), true, "API servers → Redis".into()),
            (
                "cache_first".into(),
                true,
                "Client → LB → API servers → Redis".into()
            ),
            (
                "client_db".into(),
                true,
                "no arrow from a client to a database".into()
            ),
            (
                "single_db".into(),
                true,
                "the database is replicated".into()
            ),
            (
                "cache_behind".into(),
                true,
                "Client → LB → API servers → Redis".into()
            ),
        ]
    );
    // Cache-aside (the cache beside the database) passes too.
    let v = verdicts("Client -> API -> Redis\nAPI -> Postgres", "read replicas");
    assert!(v.iter().all(|(_, ok, _)| *ok), "{v:?}");
}

#[test]
fn the_cache_behind_the_database_and_a_client_on_the_database_fail() {
    let v = verdicts("Client -> API servers -> Postgres -> Redis", "");
    assert!(!v[1].1);
    assert_eq!(
        v[1].2,
        "only through the database: Client → API servers → Postgres → Redis"
    );
    assert_eq!(
        v[3],
        ("single_db".into(), false, "API servers → Postgres".into())
    );
    let v = verdicts("Mobile app -> Postgres\nMobile app -> API -> Redis", "");
    assert_eq!(
        v[2],
        ("client_db".into(), false, "Mobile app → Postgres".into())
    );
    // A data-flow drawing (arrows towards the client) is read backwards.
    let v = verdicts("Redis -> API servers -> Client", "");
    assert!(v[1].1, "{v:?}");
}

#[test]
fn a_write_path_may_fill_the_cache_after_the_store() {
    let behind = |text: &str| {
        verdicts(text, "")
            .into_iter()
            .find(|(id, _, _)| id == "cache_behind")
    };
    let write = "Write path: Client -> API servers -> Postgres -> fan-out workers -> Redis";
    let (_, ok, evidence) = behind(write).expect("the rule is checked");
    assert!(ok);
    assert!(evidence.starts_with("only on a write path:"), "{evidence}");
    // A read path behind the store is still flagged.
    let read = "Read path: Client -> API servers -> Postgres -> Redis";
    assert_eq!(behind(read).map(|v| v.1), Some(false));
}

#[test]
fn a_remark_after_the_last_box_is_not_part_of_it() {
    let d = read_one(
        "Read path: client -> timeline service -> timeline cache -> tweet store on a miss; \
         images from object storage via a CDN.",
    );
    assert_eq!(
        kinds(&d).last(),
        Some(&("tweet store on a miss".to_string(), "database"))
    );
    assert_eq!(
        kinds(&read_one("API -> event log -> workers"))[1].1,
        "queue"
    );
}

#[test]
fn an_either_way_route_takes_arrows_drawn_both_ways_round() {
    let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
    let media = Structure {
        paths: vec![PathRule {
            id: "media".into(),
            label: "Media through a CDN from object storage".into(),
            path: s(&["client", "cdn", "object_storage"]),
            avoiding: s(&["service", "load_balancer"]),
            either_way: true,
            topic: "t".into(),
        }],
        ..Structure::default()
    };
    let ok = |text: &str| check(&read_one(text), &media, "")[0].ok;
    assert!(ok("Client -> CDN -> S3"));
    assert!(ok("Client -> CDN\nS3 -> CDN"));
    assert!(ok("S3 -> CDN -> Client"));
    // Media served by the app servers is not through the CDN.
    assert!(!ok("Client -> CDN\nClient -> API servers -> S3"));
}

#[test]
fn nothing_drawn_means_nothing_checked() {
    assert!(verdicts("We use a cache and a database.", "").is_empty());
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, .. ProptestConfig::default() })]

    #[test]
    fn reading_never_panics(text in "\\PC{0,300}") {
        let d = read_one(&text);
        let _ = check(&d, &rules(), &text);
    }

    #[test]
    fn mermaid_like_input_never_panics(
        body in proptest::collection::vec(
            "[A-Cx o]{0,3}[\\[\\](){}<>|\"&;:@/\\\\-]{0,4}[-.=~<>x|]{0,5}[A-C ]{0,3}[a-z ]{0,4}",
            0..30,
        ),
        header in prop_oneof![Just("flowchart LR\n"), Just("graph TD\n"), Just("")],
    ) {
        let text = format!("```mermaid\n{header}{}\n```\nA -> B -> Redis\n", body.join("\n"));
        let d = read_one(&text);
        prop_assert!(d.nodes.len() <= model::MAX_NODES);
        prop_assert!(d.edges.iter().all(|e| e.from < d.nodes.len() && e.to < d.nodes.len()));
        let _ = check(&d, &rules(), "");
    }
}
