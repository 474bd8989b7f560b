import ChineseText
import SourceText
public import Terminology

/// Reads CC-CEDICT (`cedict_ts.u8`): `Traditional Simplified [pin1 yin1] /sense 1/sense 2/`.
/// Tone-number pinyin becomes tone marks (`u:` and `v` as `ü`); every reading of a
/// headword is kept as its own entry; `#` lines are comments.
public enum CEDICTReader {
    /// Parses `text` read from `source`, calling `body` for each entry in order.
    /// - Throws: `FormatError` with the line and column of a malformed line.
    public static func read(_ text: String, source: String, _ body: (DictionaryEntry) -> Void) throws(FormatError) {
        var lineNumber = 0
        for line in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }) {
            lineNumber += 1
            if line.isEmpty || line.first == "#" { continue }
            guard let entry = parse(line, lineNumber: lineNumber) else {
                let column = firstProblemColumn(line)
                throw FormatError(source: source, location: SourceLocation(line: lineNumber, column: column),
                                  message: "not a CC-CEDICT line; expected 'Traditional Simplified [pin1 yin1] /sense/'")
            }
            body(entry)
        }
    }

    /// All entries of `text`.
    public static func read(_ text: String, source: String) throws(FormatError) -> [DictionaryEntry] {
        var entries: [DictionaryEntry] = []
        try read(text, source: source) { entries.append($0) }
        return entries
    }

    static func parse(_ line: Substring, lineNumber: Int) -> DictionaryEntry? {
        guard let firstSpace = line.firstIndex(of: " ") else { return nil }
        let traditional = line[..<firstSpace]
        let rest = line[line.index(after: firstSpace)...]
        guard let secondSpace = rest.firstIndex(of: " ") else { return nil }
        let simplified = rest[..<secondSpace]
        let afterHeadwords = rest[rest.index(after: secondSpace)...]
        guard afterHeadwords.first == "[", let close = afterHeadwords.firstIndex(of: "]") else { return nil }
        let pinyin = afterHeadwords[afterHeadwords.index(after: afterHeadwords.startIndex)..<close]
        let sensesText = afterHeadwords[afterHeadwords.index(after: close)...].drop(while: { $0 == " " })
        guard sensesText.first == "/" else { return nil }
        let senses = sensesText.split(separator: "/").map { String($0) }.filter { !$0.trimmingCharacters(in: " ").isEmpty }
        guard !traditional.isEmpty, !simplified.isEmpty, !senses.isEmpty else { return nil }
        let marked = PinyinSyllable.split(String(pinyin)).map(PinyinSyllable.toneMarked).joined(separator: " ")
        return DictionaryEntry(traditional: String(traditional), simplified: String(simplified), pinyin: marked,
                               senses: senses, line: lineNumber)
    }

    /// The column where the line stops looking like CC-CEDICT: the headwords, the `[pinyin]`, or the `/senses/`.
    private static func firstProblemColumn(_ line: Substring) -> Int {
        let scalars = Array(line.unicodeScalars)
        guard let open = scalars.firstIndex(of: "[") else { return 1 }
        guard let close = scalars[open...].firstIndex(of: "]") else { return open + 1 }
        return scalars[close...].contains("/") ? 1 : close + 2
    }
}

extension StringProtocol {
    func trimmingCharacters(in set: Character) -> String {
        var s = Substring(self)
        while s.first == set { s.removeFirst() }
        while s.last == set { s.removeLast() }
        return String(s)
    }
}
