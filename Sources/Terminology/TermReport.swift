/// Everything known about one Chinese term, as `lookup` shows it.
public struct TermReport: Hashable, Sendable {
    /// One English rendering and where it was seen.
    public struct Rendering: Hashable, Sendable {
        /// The English.
        public var en: String
        /// The glossary status, when a glossary lists it.
        public var status: TermStatus?
        /// How many times the corpora use it.
        public var uses: Int
        /// Where: `file:line`, glossary rows first.
        public var sources: [String]

        /// Creates a rendering.
        public init(en: String, status: TermStatus?, uses: Int, sources: [String]) {
            self.en = en
            self.status = status
            self.uses = uses
            self.sources = sources
        }
    }

    /// A line of a corpus where the term is used, for concordance (KWIC) display.
    public struct Context: Hashable, Sendable {
        /// `file:line`.
        public var source: String
        /// The line, trimmed around the term.
        public var text: String

        /// Creates a context line.
        public init(source: String, text: String) {
            self.source = source
            self.text = text
        }
    }

    /// The Chinese term (simplified).
    public var zh: String
    /// Traditional forms, when a dictionary gives a different one.
    public var traditional: [String]
    /// Tone-marked pinyin.
    public var pinyin: String
    /// Renderings: approved first, then by use.
    public var renderings: [Rendering]
    /// Definitions from glossaries and footnotes.
    public var definitions: [String]
    /// Dictionary senses (CC-CEDICT), with their reading when it differs.
    public var senses: [String]
    /// Glossary notes.
    public var notes: [String]
    /// Terms that contain this one or are contained in it.
    public var related: [String]
    /// Concordance lines from the corpora.
    public var contexts: [Context]
    /// How the query matched: `exact`, `traditional`, `pinyin`, `english`, `containing`, `contained`, `initials`.
    public var match: String

    /// Creates a report.
    public init(zh: String, traditional: [String] = [], pinyin: String = "", renderings: [Rendering] = [],
                definitions: [String] = [], senses: [String] = [], notes: [String] = [], related: [String] = [],
                contexts: [Context] = [], match: String = "exact") {
        self.zh = zh
        self.traditional = traditional
        self.pinyin = pinyin
        self.renderings = renderings
        self.definitions = definitions
        self.senses = senses
        self.notes = notes
        self.related = related
        self.contexts = contexts
        self.match = match
    }
}
