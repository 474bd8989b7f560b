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
        guard let entry = suffix(of: zh) else { return false }
        let letters = word.unicodeScalars.count
        return entry.english.contains { letters >= $0.utf8.count + 3 && word.hasSuffixQuickly($0) }
    }

    /// The table's Chinese suffixes as scalars, in the table's order.
    private static let chineseScalars: [[Unicode.Scalar]] = table.map { Array($0.chinese.unicodeScalars) }

    /// The table's entry for the suffix `zh` ends in (the longest first: 主义者 before 者),
    /// counting Han characters only and needing one more before the suffix.
    private static func suffix(of zh: String) -> (chinese: String, english: [String])? {
        // Most originals end in a character no suffix ends in.
        guard let final = zh.unicodeScalars.last(where: CharacterClass.isHan),
              chineseScalars.contains(where: { $0.last == final }) else { return nil }
        // The last four Han characters are enough to compare with the longest suffix.
        var last: [Unicode.Scalar] = []
        for scalar in zh.unicodeScalars.reversed() where CharacterClass.isHan(scalar) {
            last.append(scalar)
            if last.count == 4 { break }
        }
        for (index, chinese) in chineseScalars.enumerated()
        where last.count > chinese.count && chinese.reversed().elementsEqual(last.prefix(chinese.count)) {
            return table[index]
        }
        return nil
    }
}
