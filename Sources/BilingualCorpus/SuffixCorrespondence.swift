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
        let han = hanText(zh)
        return table.contains { han.hasSuffix($0.chinese) && han.count > $0.chinese.count }
    }

    private static func hanText(_ zh: String) -> String {
        String(String.UnicodeScalarView(zh.unicodeScalars.filter(CharacterClass.isHan)))
    }

    /// Whether `word` (lower-cased) renders the original `zh` together with its final suffix.
    static func rendersSuffix(_ word: String, of zh: String) -> Bool {
        let han = hanText(zh)
        for (chinese, endings) in table where han.hasSuffix(chinese) && han.count > chinese.count {
            for ending in endings where word.count >= ending.count + 3 && word.hasSuffix(ending) {
                return true
            }
            return false
        }
        return false
    }
}
