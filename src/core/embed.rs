//! The embed builder's choices (on the authoring page) and the snippets they make: an iframe, a
//! direct mount, a custom element and the SCORM command, as README "Embedding" documents them.

/// The bank's topic ids, offered as presets when the built-in bank is chosen (a test checks
/// them against `data/deck.json`).
pub const BANK_TOPICS: [(&str, &str); 8] = [
    ("http", "HTTP, Web & Networking Fundamentals"),
    ("api", "REST API Design & API Architecture"),
    ("security", "Authentication, Authorization & Security"),
    ("databases", "Databases \u{2013} SQL & NoSQL"),
    ("performance", "Performance, Caching & Optimization"),
    ("architecture", "Backend Architecture & System Design"),
    ("async", "Async Processing, Queues & Background Jobs"),
    ("devops", "DevOps, Deployment & Monitoring"),
];

/// The bank's cards, and the questions of the source lists they cover (some cards answer two).
pub const BANK_CARDS: usize = 110;
pub const BANK_QUESTIONS: usize = 124;

/// How the builder names the built-in bank (a test checks it against `data/deck.json`).
pub fn bank_label() -> String {
    format!("The built-in bank: {BANK_CARDS} cards ({BANK_QUESTIONS} questions)")
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DeckChoice {
    Bank,
    /// A deck file the author hosts beside the widget, by its file name or address.
    File(String),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Embed {
    pub deck: DeckChoice,
    /// Topic ids; empty for all.
    pub topics: Vec<String>,
    /// `easy`, `medium`, `hard`; empty for all.
    pub difficulties: Vec<String>,
    /// `session` (the default: today's study session), `practice` (every card in order),
    /// `review` or `mock`.
    pub mode: String,
    /// `auto` (the default), `light` or `dark`.
    pub theme: String,
    pub compact: bool,
    /// Its own saved progress (empty: the deck's).
    pub instance: String,
}

impl Default for Embed {
    fn default() -> Self {
        Embed {
            deck: DeckChoice::Bank,
            topics: Vec::new(),
            difficulties: Vec::new(),
            mode: "session".into(),
            theme: "auto".into(),
            compact: true,
            instance: String::new(),
        }
    }
}

/// Text for an HTML attribute value in double quotes.
pub fn attr(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// Percent-encodes a query value (everything but unreserved characters, `,`, `/`, `.` and `:`).
pub fn query_value(text: &str) -> String {
    let mut out = String::new();
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.~,/:".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Quotes a word for a POSIX shell when it needs it.
fn shell(word: &str) -> String {
    if !word.is_empty()
        && word
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"-_./:,=".contains(&b))
    {
        word.to_string()
    } else {
        format!("'{}'", word.replace('\'', "'\\''"))
    }
}

impl Embed {
    /// The presets as (name, value) pairs, defaults left out.
    pub fn presets(&self) -> Vec<(&'static str, String)> {
        let mut out = Vec::new();
        if let DeckChoice::File(file) = &self.deck {
            out.push(("deck", file.clone()));
        }
        if !self.topics.is_empty() {
            out.push(("topic", self.topics.join(",")));
        }
        if !self.difficulties.is_empty() {
            out.push(("difficulty", self.difficulties.join(",")));
        }
        if self.mode != "session" {
            out.push(("mode", self.mode.clone()));
        }
        if self.theme != "auto" {
            out.push(("theme", self.theme.clone()));
        }
        if self.compact {
            out.push(("layout", "embed".into()));
        }
        if !self.instance.is_empty() {
            out.push(("instance", self.instance.clone()));
        }
        out
    }

    /// The page's query string, with its `?` (empty without presets).
    pub fn query(&self) -> String {
        let pairs: Vec<String> = self
            .presets()
            .iter()
            .map(|(k, v)| format!("{k}={}", query_value(v)))
            .collect();
        if pairs.is_empty() {
            String::new()
        } else {
            format!("?{}", pairs.join("&"))
        }
    }

    /// `base` is where the widget's files are (ending in `/`).
    pub fn iframe(&self, base: &str) -> String {
        format!(
            "<iframe src=\"{}\" data-interview-cards-frame\n        title=\"Interview practice\" style=\"width:100%;border:0\" allow=\"microphone\" loading=\"lazy\"></iframe>\n<script src=\"{}\" defer></script>",
            attr(&format!("{base}{}", self.query())),
            attr(&format!("{base}resizer.js"))
        )
    }

    fn attributes(&self, prefix: &str) -> String {
        self.presets()
            .iter()
            .map(|(k, v)| format!(" {prefix}{k}=\"{}\"", attr(v)))
            .collect()
    }

    pub fn mount(&self, base: &str) -> String {
        format!(
            "<div data-interview-cards{}></div>\n<script type=\"module\" src=\"{}\"></script>",
            self.attributes("data-"),
            attr(&format!("{base}embed.js"))
        )
    }

    pub fn element(&self, base: &str) -> String {
        format!(
            "<interview-cards{}></interview-cards>\n<script type=\"module\" src=\"{}\"></script>",
            self.attributes(""),
            attr(&format!("{base}embed.js"))
        )
    }

    /// The command that packs this deck and these presets for a course platform. The package
    /// carries no theme, layout or instance (the platform's learner has their own progress).
    pub fn scorm_command(&self) -> String {
        let mut out = String::from("scripts/scorm.sh");
        if let DeckChoice::File(file) = &self.deck {
            out.push_str(&format!(" --deck {}", shell(file.trim_start_matches("./"))));
        }
        for (flag, values) in [("topic", &self.topics), ("difficulty", &self.difficulties)] {
            if !values.is_empty() {
                out.push_str(&format!(" --{flag} {}", shell(&values.join(","))));
            }
        }
        if self.mode != "session" {
            out.push_str(&format!(" --mode {}", shell(&self.mode)));
        }
        out
    }
}
