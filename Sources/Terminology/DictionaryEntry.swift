/// A headword of a reference dictionary such as CC-CEDICT: one reading of a
/// word with its English senses. Several entries may share a headword (one per reading).
public struct DictionaryEntry: Hashable, Sendable {
    /// The traditional form (`捲王`); the same as `simplified` when they do not differ.
    public var traditional: String
    /// The simplified form (`卷王`).
    public var simplified: String
    /// Tone-marked pinyin with spaces between syllables (`juǎn wáng`).
    public var pinyin: String
    /// The English senses, in dictionary order.
    public var senses: [String]
    /// The 1-based line in the dictionary file.
    public var line: Int

    /// Creates an entry.
    public init(traditional: String, simplified: String, pinyin: String, senses: [String], line: Int) {
        self.traditional = traditional
        self.simplified = simplified
        self.pinyin = pinyin
        self.senses = senses
        self.line = line
    }
}
