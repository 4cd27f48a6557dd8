//! The word lists of question understanding: words that only say how a
//! question is put, and the words typos are mended towards. Plain data, so
//! that `build.rs` reads the same lists when it prepares the lexicon.

/// Words that carry no topic in a clarifying question: function words, the
/// ways of asking, and the generic verbs and nouns every question uses
/// ("what are we designing for", "the system", "should we plan around").
/// They still take part in the phrases of the question lexicon ("how many",
/// "at once", "without signing in").
#[rustfmt::skip]
pub(super) const FILLER: &[&str] = &[
    // function words and ways of asking
    "what", "which", "who", "whom", "whose", "how", "when", "where", "why", "whether", "is",
    "are", "was", "were", "be", "been", "being", "am", "do", "does", "did", "done", "doing",
    "we", "you", "i", "he", "she", "it", "they", "them", "their", "theirs", "our", "ours",
    "your", "yours", "my", "mine", "me", "us", "its", "his", "her", "one", "ones", "there",
    "here", "this", "that", "these", "those", "of", "to", "for", "in", "on", "at", "by",
    "with", "from", "as", "into", "onto", "over", "under", "about", "around", "across",
    "through", "via", "per", "than", "then", "the", "a", "an", "and", "or", "nor", "but",
    "so", "if", "also", "too", "either", "any", "some", "each", "every", "all", "both",
    "much", "many", "such", "just", "only", "even", "still", "yet", "already", "really",
    "very", "quite", "pretty", "rather", "more", "most", "less", "least", "else",
    "other", "another", "own", "ever", "again", "there's", "can", "could", "should",
    "would", "will", "shall", "may", "might", "must", "need", "needs", "needed", "have",
    "has", "had", "having", "get", "gets", "got", "getting", "let", "let's", "i'm", "we're",
    "you're", "it's", "that's", "what's", "don't", "doesn't", "isn't", "aren't", "can't",
    "won't", "shouldn't", "not", "no", "yes", "ok", "okay", "fine", "right", "like", "way",
    "ways", "kind", "sort", "lot", "lots", "bit", "thing", "things", "stuff", "something",
    "anything", "everything", "someone", "anyone", "everyone", "somebody", "anybody",
    "how's", "up", "out", "off", "down", "back", "well", "now", "today", "currently", "whats",
    "hows", "wheres", "whos", "super", "extremely", "highly", "totally", "fairly",
    "completely", "entirely", "ourselves", "yourself", "myself", "itself", "themselves",
    "mainly", "primarily", "largely", "during", "between", "within", "without", "until",
    "since", "against", "upon", "among", "along", "alongside", "beyond", "towards", "toward",
    "whose", "plus", "because", "cause", "due", "somewhere", "anywhere", "elsewhere",
    "nowhere",
    "versus",
    // how bad a case would be, and what is aimed at: the way of asking
    "tolerable", "tolerate", "tolerated", "stomach", "bearable", "disaster", "disastrous",
    "tight", "fixed", "strict", "bad", "worse", "worst", "mindful", "insist", "insists", "optimising", "optimizing", "optimise", "optimize", "prioritise", "prioritize",
    // the people a case is put in ("my mum", "her brother"): anyone
    "mum", "mom", "dad", "brother", "sister", "colleague", "colleagues", "coworker", "buddy",
    // intensifiers and hedges: how sure or how strongly, never what about
    "vastly", "hugely", "massively", "heavily", "presumably", "inevitably", "terribly",
    "awfully", "kindly", "please",
    "honestly", "obviously", "clearly", "definitely", "certainly", "surely", "guessing",
    "guessed", "assumed", "imagine", "imagining", "wonder", "wondering", "curious",
    "clarify", "confirm", "correct", "maybe", "perhaps", "possibly",
    // words that say which kind of thing is asked, never what about
    "long", "longer", "longest", "big", "bigger", "biggest", "large", "larger", "largest",
    "fast", "faster", "quick", "quickly", "soon", "often", "frequently", "max", "maximum",
    "min", "minimum", "average", "typical", "typically", "times", "high", "low", "support",
    "supports", "supported", "supporting", "include", "includes", "included", "including",
    "require", "requires", "required", "feature", "features", "functionality", "allowed",
    "allow", "allows",
    // generic verbs of asking and designing
    "assume", "assuming", "assumption", "suppose", "expect", "expected", "expecting",
    "expectation", "expectations", "want", "wants", "wanted", "think", "guess", "mean",
    "means", "talk", "talking", "design", "designing", "designed", "build", "building",
    "plan", "planning", "planned", "aim", "aiming", "target", "targets", "targeting",
    "targetting", "targeted", "targetted", "goal",
    "goals", "go", "going", "goes", "come", "comes", "make", "makes", "made", "making",
    "look", "looking", "consider", "considering", "care", "cares", "worry", "mind",
    "matter", "matters", "handle", "handled", "handling", "deal", "cover", "covered",
    "focus", "know", "tell", "say", "said", "ask", "asking", "try", "trying", "able",
    "happen", "happens", "happening", "ensure", "sure", "acceptable", "take", "takes",
    "took", "taking", "use", "used", "using", "set", "few", "after", "before", "reasonable", "realistic",
    "roughly", "approximately", "approximate", "approx", "ballpark", "estimate",
    "rough", "exactly", "basically", "generally", "general", "overall", "specific",
    "particular", "particularly", "important", "actually", "probably", "usually",
    // the thing being designed
    "system", "systems", "service", "services", "app", "apps", "application", "platform",
    "product", "site", "website", "solution", "interview", "requirement", "requirements",
    "whatsapp", "twitter", "netflix", "uber", "instagram", "insta", "pastebin", "bitly",
    "dropbox", "gdrive",
    "question", "questions", "case", "scenario", "numbers", "number", "scope",
    // judging a figure offered ("is 5 MB a fair maximum", "what are we
    // supposed to hit"): how it is asked, never what about
    "fair", "supposed", "sane", "sensible", "decent",
    // a case told from support's side ("a customer complains it feels
    // slow"): the story around the ask
    "complain", "complains", "complained", "complaining", "complaint", "complaints",
    "feel", "feels", "felt", "says", "saying", "reckon", "reckons", "asked", "asks",
    // "latency-wise": what follows is about the word before
    "wise",
];

/// Everyday words that name no feature of their own: when the sheet never
/// uses one, it is how the question is put ("accept", "original", "choose"),
/// not something the sheet lacks, so it counts neither way. When a fact
/// does use it, it counts like any word.
#[rustfmt::skip]
pub(super) const GENERAL: &[&str] = &[
    // verbs
    "accept", "accepted", "add", "added", "adding", "contain", "contains", "carry", "carries", "apply", "arrive", "arrives", "arrived",
    "become", "becomes", "begin", "bring", "call", "called", "change", "changed", "check",
    "choose", "chosen", "close", "closed", "connect", "connected", "continue", "create",
    "created", "creating", "decide", "depend", "depends", "do", "enable", "enabled", "end",
    "exist", "exists", "expect", "fail", "find", "finish", "give", "given", "grow",
    "happen", "help", "hit", "hits", "hold", "include", "leave", "left", "live",
    "manage", "meet", "move", "need", "offer", "open", "own", "owns", "pick", "provide",
    "put", "reach", "receive", "resolve", "return", "run", "running", "runs", "save", "see",
    "seen", "send", "sending", "serve", "show", "start", "starts", "started", "stop", "stay",
    "turn", "wait", "work", "works", "worked", "written", "fight", "keep", "keeps",
    "keeping", "launch", "launches", "launching", "launched", "treat", "treated", "tolerate",
    "tolerated", "enforce", "enforced", "reuse", "reused", "rely", "relies", "count on",
    "prevent", "avoid", "protect", "combat", "report", "reports", "reported", "saved",
    // adjectives and adverbs
    "able", "actual", "additional", "always", "available", "basic", "best", "better",
    "certain", "common", "complete", "current", "different", "early", "easy", "entire",
    "enough", "every", "everywhere", "exact", "existing", "extra", "final", "first", "full",
    "future", "good", "great", "hard", "initial", "last", "late", "later", "likely", "little",
    "main", "major", "multiple", "necessary", "never", "new", "newly", "next", "normal",
    "old", "original", "possible", "previous", "ready", "real", "regular", "same", "several",
    "short", "simple", "single", "small", "soon", "special", "standard", "sure", "true",
    "usual", "various", "whole", "wrong", "registered", "default", "once", "purely",
    "closer", "handful", "couple", "bunch", "constrained", "slightly", "workload", "data",
    "explicit", "kept", "specifically", "hundreds", "thousands", "dozens", "tens", "priority",
    "priorities", "concern", "concerns", "concerned", "older", "newer",
    "smaller", "smallest", "earlier", "earliest", "far", "double", "doubled",
    // nouns
    "area", "aspect", "choice", "detail", "details", "example", "fact", "idea", "issue",
    "issues", "level", "moment", "option", "options", "part", "parts", "piece", "place",
    "point", "problem", "problems", "process", "reason", "sense", "side", "step", "term",
    "terms", "time", "while", "world", "estimate", "estimates", "estimation",
];

/// The words used to ask any question, which typos are mended towards even
/// when no fact uses them.
// Read by `build.rs`, which adds them to the known words.
#[cfg_attr(not(test), allow(dead_code))]
pub(super) const ASKING: &[&str] = &[
    "registered",
    "available",
    "original",
    "different",
    "multiple",
    "many",
    "much",
    "long",
    "fast",
    "quickly",
    "often",
    "frequently",
    "large",
    "soon",
    "what",
    "which",
    "should",
    "would",
    "could",
    "does",
    "need",
    "support",
    "scope",
    "average",
    "maximum",
    "minimum",
    "typical",
    "expect",
    "assume",
    "there",
    "their",
    "about",
    "store",
    "keep",
    "users",
];
