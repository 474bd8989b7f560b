/// Chinese word-forming suffixes that English renders as a suffix of one word:
/// 保守主义 conservatism, 追溯性 traceability, 现代化 modernization, 社会学 sociology.
///
/// When the original ends in such a suffix and the English word before it ends in a
/// matching one, that word alone translates both parts of the original, so a noun
/// phrase needs no more words to cover it (`intellectual conservatism (保守主义)` →
/// `conservatism`).
enum SuffixCorrespondence {
    /// Chinese suffix → English endings that render it.
    static let table: [(chinese: String, english: [String])] = [
        ("主义者", ["ist", "ists"]),
        ("主义", ["ism", "isms"]),
        ("性", ["ity", "ities", "ness"]),
        ("化", ["ization", "isation", "ize", "ise", "ification", "ified"]),
        ("学", ["ology", "ologies", "ics", "graphy"]),
        ("论", ["ism", "ology"]),
        ("者", ["er", "ers", "or", "ors", "ist", "ists"]),
        ("家", ["ist", "ists", "ian", "ians"]),
    ]

    /// Whether the original ends in one of the suffixes, after at least one other character.
    static func endsInSuffix(_ zh: String) -> Bool {
        suffix(of: zh) != nil
    }

    /// Whether `word` (lower-cased) renders the original `zh` together with its final suffix.
    static func rendersSuffix(_ word: String, of zh: String) -> Bool {
        suffix(of: zh)?.english.contains { word.count >= $0.count + 3 && word.hasSuffix($0) } ?? false
    }

    /// The table's entry for the suffix `zh` ends in (the longest first: 主义者 before 者).
    private static func suffix(of zh: String) -> (chinese: String, english: [String])? {
        let han = String(String.UnicodeScalarView(zh.unicodeScalars.filter(CharacterClass.isHan)))
        return table.first { han.hasSuffix($0.chinese) && han.count > $0.chinese.count }
    }
}
