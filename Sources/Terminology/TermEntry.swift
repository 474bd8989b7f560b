/// One row of a glossary: a Chinese term and one English rendering of it.
/// Several entries may share a `zh`, one per rendering.
public struct TermEntry: Hashable, Sendable, Codable {
    /// The Chinese term.
    public var zh: String
    /// The English rendering.
    public var en: String
    /// Tone-marked pinyin with spaces between syllables, such as `juǎn wáng`; empty when unknown.
    public var pinyin: String
    /// Whether the rendering is approved, a candidate, deprecated or forbidden.
    public var status: TermStatus
    /// A definition of the term, in English.
    public var definition: String
    /// A usage note.
    public var note: String
    /// A subject field such as `ai` or `policy`.
    public var domain: String
    /// Where the pair comes from.
    public var source: String
    /// Columns the glossary has that Shuyu does not know, by header name; kept when writing.
    public var extra: [String: String]

    /// Creates an entry.
    public init(zh: String, en: String, pinyin: String = "", status: TermStatus = .approved,
                definition: String = "", note: String = "", domain: String = "", source: String = "",
                extra: [String: String] = [:]) {
        self.zh = zh
        self.en = en
        self.pinyin = pinyin
        self.status = status
        self.definition = definition
        self.note = note
        self.domain = domain
        self.source = source
        self.extra = extra
    }
}
