//! What a box in a diagram is: a small table of component kinds with the
//! words people write on them, read from the label, the shape and the
//! subgraph the box sits in.
//!
//! This table stands in for the shared concept lexicon
//! (`rubrics/concepts.yaml`): once that lands, [`classify`] should take its
//! words from there and keep only the shape and head-noun rules here.

use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::fmt;
use std::sync::OnceLock;

/// The kind of component a box is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Concept {
    Client,
    Dns,
    Cdn,
    LoadBalancer,
    Service,
    Cache,
    Database,
    ObjectStorage,
    Queue,
    Worker,
    Search,
    /// A box whose label names none of the kinds above.
    Other,
}

impl Concept {
    /// Every concept a rubric may name, in drawing order (clients first).
    pub const ALL: [Concept; 12] = [
        Concept::Client,
        Concept::Dns,
        Concept::Cdn,
        Concept::LoadBalancer,
        Concept::Service,
        Concept::Cache,
        Concept::Database,
        Concept::ObjectStorage,
        Concept::Queue,
        Concept::Worker,
        Concept::Search,
        Concept::Other,
    ];

    /// The snake_case name used in rubrics and JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Concept::Client => "client",
            Concept::Dns => "dns",
            Concept::Cdn => "cdn",
            Concept::LoadBalancer => "load_balancer",
            Concept::Service => "service",
            Concept::Cache => "cache",
            Concept::Database => "database",
            Concept::ObjectStorage => "object_storage",
            Concept::Queue => "queue",
            Concept::Worker => "worker",
            Concept::Search => "search",
            Concept::Other => "other",
        }
    }

    /// A concept by its rubric name.
    pub fn parse(name: &str) -> Option<Concept> {
        Concept::ALL.into_iter().find(|c| c.as_str() == name.trim())
    }

    /// The words shown in reports ("load balancer").
    pub fn words(self) -> &'static str {
        match self {
            Concept::LoadBalancer => "load balancer",
            Concept::ObjectStorage => "object storage",
            Concept::Dns => "DNS",
            Concept::Cdn => "CDN",
            other => other.as_str(),
        }
    }

    /// Whether a box of this kind keeps state that is lost with the box.
    pub fn is_store(self) -> bool {
        matches!(
            self,
            Concept::Database | Concept::Cache | Concept::ObjectStorage | Concept::Queue
        )
    }
}

impl fmt::Display for Concept {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.words())
    }
}

/// How a word in a label names a kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Strength {
    /// "api", "server", "service": the box does work, but a stronger word
    /// says which kind ("cache server" is a cache).
    Weak,
    /// A product name ("Redis", "Kafka"): says the kind unless a kind word
    /// on the same label says otherwise ("Redis store").
    Product,
    /// A kind word ("cache", "queue", "database").
    Kind,
}

use Concept::*;
use Strength::*;

/// Label words: (words, kind, strength). Longer phrases win over shorter
/// ones, so "object store" is object storage and "app servers" a service.
const WORDS: &[(&str, Concept, Strength)] = &[
    // Clients.
    ("client", Client, Kind),
    ("clients", Client, Kind),
    ("user", Client, Weak),
    ("users", Client, Weak),
    ("browser", Client, Kind),
    ("browsers", Client, Kind),
    ("mobile", Client, Weak),
    ("mobile app", Client, Kind),
    ("web app", Client, Kind),
    ("app", Client, Weak),
    ("apps", Client, Weak),
    ("ios", Client, Product),
    ("android", Client, Product),
    ("phone", Client, Weak),
    ("phones", Client, Weak),
    ("rider", Client, Weak),
    ("driver", Client, Weak),
    ("viewer", Client, Weak),
    ("player", Client, Weak),
    ("sync client", Client, Kind),
    ("desktop client", Client, Kind),
    ("frontend", Client, Weak),
    // DNS.
    ("dns", Dns, Kind),
    ("route 53", Dns, Product),
    // CDN.
    ("cdn", Cdn, Kind),
    ("edge", Cdn, Kind),
    ("edge cache", Cdn, Kind),
    ("edge servers", Cdn, Kind),
    ("edge server", Cdn, Kind),
    ("cloudfront", Cdn, Product),
    ("akamai", Cdn, Product),
    ("fastly", Cdn, Product),
    ("cloudflare", Cdn, Product),
    ("open connect", Cdn, Product),
    // Load balancers.
    ("lb", LoadBalancer, Kind),
    ("lbs", LoadBalancer, Kind),
    ("load balancer", LoadBalancer, Kind),
    ("load balancers", LoadBalancer, Kind),
    ("balancer", LoadBalancer, Kind),
    ("alb", LoadBalancer, Product),
    ("elb", LoadBalancer, Product),
    ("nlb", LoadBalancer, Product),
    ("nginx", LoadBalancer, Product),
    ("haproxy", LoadBalancer, Product),
    ("envoy", LoadBalancer, Product),
    ("reverse proxy", LoadBalancer, Kind),
    ("api gateway", LoadBalancer, Kind),
    ("gateway", LoadBalancer, Weak),
    // Services.
    ("service", Service, Weak),
    ("services", Service, Weak),
    ("server", Service, Weak),
    ("servers", Service, Weak),
    ("api", Service, Weak),
    ("apis", Service, Weak),
    ("backend", Service, Weak),
    ("microservice", Service, Weak),
    ("microservices", Service, Weak),
    ("app server", Service, Kind),
    ("app servers", Service, Kind),
    ("application servers", Service, Kind),
    ("web server", Service, Kind),
    ("web servers", Service, Kind),
    ("api server", Service, Kind),
    ("api servers", Service, Kind),
    ("connection server", Service, Kind),
    ("connection servers", Service, Kind),
    ("connection gateway", Service, Kind),
    ("websocket gateway", Service, Kind),
    ("websocket server", Service, Kind),
    ("websocket servers", Service, Kind),
    ("chat server", Service, Kind),
    ("chat servers", Service, Kind),
    ("websocket", Service, Weak),
    ("apns", Service, Product),
    ("fcm", Service, Product),
    // Caches.
    ("cache", Cache, Kind),
    ("caches", Cache, Kind),
    ("caching", Cache, Kind),
    ("in memory", Cache, Kind),
    ("redis", Cache, Product),
    ("memcached", Cache, Product),
    ("memcache", Cache, Product),
    ("evcache", Cache, Product),
    ("varnish", Cache, Product),
    // Databases.
    ("db", Database, Kind),
    ("dbs", Database, Kind),
    ("database", Database, Kind),
    ("databases", Database, Kind),
    ("store", Database, Kind),
    ("datastore", Database, Kind),
    ("storage", Database, Kind),
    ("data store", Database, Kind),
    ("replica", Database, Kind),
    ("replicas", Database, Kind),
    ("primary", Database, Weak),
    ("shard", Database, Kind),
    ("shards", Database, Kind),
    ("table", Database, Kind),
    ("tables", Database, Kind),
    ("key value store", Database, Kind),
    ("kv store", Database, Kind),
    ("sql", Database, Product),
    ("nosql", Database, Product),
    ("postgres", Database, Product),
    ("postgresql", Database, Product),
    ("mysql", Database, Product),
    ("aurora", Database, Product),
    ("cassandra", Database, Product),
    ("scylla", Database, Product),
    ("dynamodb", Database, Product),
    ("dynamo", Database, Product),
    ("mongodb", Database, Product),
    ("mongo", Database, Product),
    ("hbase", Database, Product),
    ("bigtable", Database, Product),
    ("spanner", Database, Product),
    ("cockroachdb", Database, Product),
    ("rds", Database, Product),
    // Object storage.
    ("object storage", ObjectStorage, Kind),
    ("object store", ObjectStorage, Kind),
    ("blob storage", ObjectStorage, Kind),
    ("blob store", ObjectStorage, Kind),
    ("blob", ObjectStorage, Kind),
    ("blobs", ObjectStorage, Kind),
    ("file storage", ObjectStorage, Kind),
    ("bucket", ObjectStorage, Kind),
    ("s3", ObjectStorage, Product),
    ("gcs", ObjectStorage, Product),
    ("hdfs", ObjectStorage, Product),
    // Queues.
    ("queue", Queue, Kind),
    ("queues", Queue, Kind),
    ("message queue", Queue, Kind),
    ("stream", Queue, Kind),
    ("event stream", Queue, Kind),
    ("event bus", Queue, Kind),
    ("message bus", Queue, Kind),
    ("pub sub", Queue, Kind),
    ("pubsub", Queue, Kind),
    ("broker", Queue, Kind),
    ("change log", Queue, Kind),
    ("event log", Queue, Kind),
    ("commit log", Queue, Kind),
    ("topic", Queue, Kind),
    ("kafka", Queue, Product),
    ("sqs", Queue, Product),
    ("sns", Queue, Product),
    ("rabbitmq", Queue, Product),
    ("kinesis", Queue, Product),
    ("nats", Queue, Product),
    // Workers.
    ("worker", Worker, Kind),
    ("workers", Worker, Kind),
    ("consumer", Worker, Kind),
    ("consumers", Worker, Kind),
    ("job", Worker, Kind),
    ("jobs", Worker, Kind),
    ("cron", Worker, Kind),
    ("fan out", Worker, Kind),
    ("fanout", Worker, Kind),
    ("transcoder", Worker, Kind),
    ("transcoders", Worker, Kind),
    ("transcoding", Worker, Kind),
    ("encoder", Worker, Kind),
    ("encoders", Worker, Kind),
    ("encoding", Worker, Kind),
    ("processor", Worker, Kind),
    ("processors", Worker, Kind),
    ("resizer", Worker, Kind),
    ("thumbnailer", Worker, Kind),
    // Search and indexes.
    ("search", Search, Kind),
    ("index", Search, Kind),
    ("geo", Search, Kind),
    ("geo index", Search, Kind),
    ("geospatial index", Search, Kind),
    ("quadtree", Search, Kind),
    ("geohash", Search, Kind),
    ("elasticsearch", Search, Product),
    ("opensearch", Search, Product),
    ("solr", Search, Product),
];

/// The shape a box is drawn with; a cylinder is a store.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Shape {
    #[default]
    Box,
    Round,
    Cylinder,
    Circle,
    Other,
}

/// Lower-case words of a label: letters and digits, everything else a gap
/// ("Fan-out workers" → `fan out workers`).
pub fn words_of(label: &str) -> Vec<String> {
    label
        .to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// A table phrase split into words, with what it names.
struct Phrase {
    words: Vec<&'static str>,
    concept: Concept,
    strength: Strength,
}

/// The table indexed by each phrase's first word, built once.
fn index() -> &'static HashMap<&'static str, Vec<Phrase>> {
    static INDEX: OnceLock<HashMap<&'static str, Vec<Phrase>>> = OnceLock::new();
    INDEX.get_or_init(|| {
        let mut map: HashMap<&'static str, Vec<Phrase>> = HashMap::new();
        for (phrase, concept, strength) in WORDS {
            let words: Vec<&'static str> = phrase.split(' ').collect();
            map.entry(words[0]).or_default().push(Phrase {
                words,
                concept: *concept,
                strength: *strength,
            });
        }
        map
    })
}

/// The best kind named in `words`: kind words beat product names beat
/// weak words; then the longer phrase; then the later one (the head noun:
/// "queue workers" are workers, "worker queue" a queue).
fn best_match(words: &[String]) -> Option<(Concept, Strength)> {
    let table = index();
    let mut best: Option<((Strength, usize, usize), Concept)> = None;
    for (start, w) in words.iter().enumerate() {
        let Some(phrases) = table.get(w.as_str()) else {
            continue;
        };
        for p in phrases {
            let n = p.words.len();
            let fits = words.len() >= start + n
                && words[start..start + n]
                    .iter()
                    .zip(&p.words)
                    .all(|(a, b)| a == b);
            let key = (p.strength, n, start + n);
            if fits && best.as_ref().is_none_or(|(k, _)| key > *k) {
                best = Some((key, p.concept));
            }
        }
    }
    best.map(|((s, _, _), c)| (c, s))
}

/// The kind of a box from its label, its shape and the title of the
/// subgraph it sits in (used when the label alone says nothing).
pub fn classify(label: &str, shape: Shape, group: Option<&str>) -> Concept {
    let words = words_of(label);
    let found = best_match(&words).or_else(|| group.and_then(|g| best_match(&words_of(g))));
    match (found, shape) {
        // A cylinder is a store: "Redis" (a cache or a store) drawn as one
        // is a database, an unnamed cylinder too; a cylinder named a cache,
        // or Memcached, stays a cache.
        (Some((Cache, Product)), Shape::Cylinder) if words.iter().any(|w| w == "redis") => Database,
        (Some((c, _)), Shape::Cylinder) if !c.is_store() && c != Search => Database,
        (None, Shape::Cylinder) => Database,
        (Some((c, _)), _) => c,
        (None, _) => Other,
    }
}

/// Words that say data is kept more than once ("replicas", "cluster").
pub fn mentions_replication(text: &str) -> bool {
    const MARKERS: &[&str] = &[
        "replica",
        "replicas",
        "replicated",
        "replication",
        "replicate",
        "replicates",
        "standby",
        "follower",
        "followers",
        "cluster",
        "clustered",
        "sharded",
        "shards",
        "quorum",
        "multi az",
        "failover",
    ];
    let joined = format!(" {} ", words_of(text).join(" "));
    MARKERS.iter().any(|m| joined.contains(&format!(" {m} ")))
}

/// Whether a box's label says it is more than one copy: replication words
/// or a count such as `x3` (only on labels: in prose "3x" is a ratio).
pub fn says_replicated(label: &str) -> bool {
    let counted = |w: &String| {
        w.strip_prefix('x')
            .or_else(|| w.strip_suffix('x'))
            .is_some_and(|n| n.parse::<u32>().is_ok_and(|n| n > 1))
    };
    mentions_replication(label) || words_of(label).iter().any(counted) || label.contains('×')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kind(label: &str) -> Concept {
        classify(label, Shape::Box, None)
    }

    #[test]
    fn labels_name_their_kind() {
        assert_eq!(kind("Client"), Client);
        assert_eq!(kind("Mobile app"), Client);
        assert_eq!(kind("LB"), LoadBalancer);
        assert_eq!(kind("Load balancer"), LoadBalancer);
        assert_eq!(kind("API servers"), Service);
        assert_eq!(kind("App servers"), Service);
        assert_eq!(kind("Redis"), Cache);
        assert_eq!(kind("Timeline cache (Redis)"), Cache);
        assert_eq!(kind("Postgres"), Database);
        assert_eq!(kind("Object store"), ObjectStorage);
        assert_eq!(kind("S3"), ObjectStorage);
        assert_eq!(kind("CDN"), Cdn);
        assert_eq!(kind("Kafka"), Queue);
        assert_eq!(kind("Fan-out workers"), Worker);
        assert_eq!(kind("Fan-out service"), Worker);
        assert_eq!(kind("Queue workers"), Worker);
        assert_eq!(kind("Worker queue"), Queue);
        assert_eq!(kind("Cache server"), Cache);
        assert_eq!(kind("Search service"), Search);
        assert_eq!(kind("API gateway"), LoadBalancer);
        assert_eq!(kind("WebSocket gateway"), Service);
        assert_eq!(kind("Tweet service"), Service);
        assert_eq!(kind("Redis GEO"), Search);
        assert_eq!(kind("Something else"), Other);
    }

    #[test]
    fn redis_is_a_cache_or_a_store_from_its_context() {
        assert_eq!(kind("Redis"), Cache);
        assert_eq!(kind("Redis store"), Database);
        assert_eq!(kind("Redis queue"), Queue);
        assert_eq!(classify("Redis", Shape::Cylinder, None), Database);
        assert_eq!(classify("Redis cache", Shape::Cylinder, None), Cache);
        assert_eq!(classify("EVCache", Shape::Cylinder, None), Cache);
        assert_eq!(classify("Users", Shape::Cylinder, None), Database);
        assert_eq!(classify("Media", Shape::Cylinder, None), Database);
        assert_eq!(classify("S3", Shape::Cylinder, None), ObjectStorage);
        assert_eq!(
            classify("Pastes", Shape::Box, Some("Object storage")),
            ObjectStorage
        );
        assert_eq!(classify("Redis", Shape::Box, Some("Storage")), Cache);
    }

    #[test]
    fn replication_is_read_from_words() {
        assert!(says_replicated("Postgres (primary + 2 replicas)"));
        assert!(says_replicated("Cassandra cluster"));
        assert!(says_replicated("DB x3"));
        assert!(!says_replicated("Postgres"));
        assert!(!says_replicated("API servers"));
    }

    #[test]
    fn names_round_trip() {
        for c in Concept::ALL {
            assert_eq!(Concept::parse(c.as_str()), Some(c));
        }
        assert_eq!(Concept::parse("spaceship"), None);
    }
}
