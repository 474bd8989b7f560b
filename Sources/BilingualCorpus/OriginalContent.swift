/// The parts of a bracket that holds a Chinese original: the Chinese span, a
/// query mark, and other renderings given beside it (pinyin, a literal gloss).
struct OriginalContent {
    var zhRange: Range<Int>
    var uncertain: Bool
    var alternatives: [String]
    /// English joined to the Chinese by a slash inside the bracket, `(Choosing to be a
    /// Woman/身为女性的选择)`: the slash form, which may render the original itself.
    var slashEnglish: Range<Int>?
    /// Whether the English before the Chinese is introduced as a literal gloss (`lit.`,
    /// `literally`): a second rendering, not the original's own.
    var glossFirst = false

    /// Parses `line[range]` (a bracket's content); nil when it holds no Han.
    static func parse(_ line: [Unicode.Scalar], _ range: Range<Int>) -> OriginalContent? {
        guard let firstHan = range.first(where: { CharacterClass.isHan(line[$0]) }) else { return nil }
        var start = firstHan
        // Digits or Latin letters glued to the Chinese belong to it (571工程纪要, AI原住民).
        while start > range.lowerBound, CharacterClass.isDigit(line[start - 1]) || CharacterClass.isLatinLetter(line[start - 1]) {
            start -= 1
        }
        var end = firstHan + 1
        var i = end
        while i < range.upperBound {
            let c = line[i]
            if CharacterClass.isHan(c) || CharacterClass.chinesePunctuation.contains(c) && !CharacterClass.queryMarks.contains(c) {
                i += 1
                if CharacterClass.isHan(c) { end = i }
                continue
            }
            if CharacterClass.isDigit(c) {
                // Digits inside the Chinese (第2辑) but not dates after it.
                var j = i
                while j < range.upperBound, CharacterClass.isDigit(line[j]) { j += 1 }
                if j < range.upperBound, CharacterClass.isHan(line[j]) { i = j; continue }
                break
            }
            if CharacterClass.isSpace(c) || ",.;:-".unicodeScalars.contains(c) {
                // Punctuation or a space between two Chinese items: 混种子, 杂种 / 妇女学 或 女性学.
                var j = i
                while j < range.upperBound, CharacterClass.isSpace(line[j]) || ",.;:-".unicodeScalars.contains(line[j]) { j += 1 }
                if j < range.upperBound, CharacterClass.isHan(line[j]) { i = j; continue }
                break
            }
            if CharacterClass.emphasisMarks.contains(c) {
                i += 1
                continue
            }
            break
        }
        // Trim trailing Chinese punctuation and quotes from the span.
        while end > start, CharacterClass.chinesePunctuation.contains(line[end - 1]) || CharacterClass.quoteMarks.contains(line[end - 1]) {
            end -= 1
        }
        while start < end, CharacterClass.quoteMarks.contains(line[start]) || CharacterClass.emphasisMarks.contains(line[start]) {
            start += 1
        }
        let uncertain = range.contains(where: { CharacterClass.queryMarks.contains(line[$0]) })
            || Self.contains("TODO", in: line, range) || Self.contains("TBD", in: line, range)
        // Latin text beside the Chinese: pinyin, a gloss, `lit. "..."`.
        var alternatives: [String] = []
        var glossFirst = false
        for part in [range.lowerBound..<start, end..<range.upperBound] where !part.isEmpty {
            var words = EnglishWords.tokens(line, part).filter(\.isWord).map(\.text)
            while let first = words.first, ["lit", "literally", "i.e", "ie", "or", "note"].contains(first.lowercased()) {
                if part.lowerBound == range.lowerBound, first.lowercased().hasPrefix("lit") { glossFirst = true }
                words.removeFirst()
            }
            let joined = words.joined(separator: " ")
            if !joined.isEmpty, joined.unicodeScalars.contains(where: CharacterClass.isLatinLetter),
               !joined.unicodeScalars.allSatisfy({ CharacterClass.isDigit($0) || $0 == " " }) {
                alternatives.append(joined)
            }
        }
        return OriginalContent(zhRange: start..<end, uncertain: uncertain, alternatives: alternatives,
                               slashEnglish: slashEnglish(line, range.lowerBound..<start), glossFirst: glossFirst)
    }

    /// `before` (what stands before the Chinese in the bracket) without the emphasis and
    /// spaces around it, when it is English words ending in a slash glued to the Chinese.
    static func slashEnglish(_ line: [Unicode.Scalar], _ before: Range<Int>) -> Range<Int>? {
        var end = before.upperBound
        while end > before.lowerBound, CharacterClass.isSpace(line[end - 1]) || CharacterClass.emphasisMarks.contains(line[end - 1]) { end -= 1 }
        guard end > before.lowerBound, line[end - 1] == "/" || line[end - 1] == "／" else { return nil }
        end -= 1
        var start = before.lowerBound
        while start < end, CharacterClass.isSpace(line[start]) || CharacterClass.emphasisMarks.contains(line[start]) || CharacterClass.quoteMarks.contains(line[start]) { start += 1 }
        while end > start, CharacterClass.isSpace(line[end - 1]) || CharacterClass.emphasisMarks.contains(line[end - 1]) || CharacterClass.quoteMarks.contains(line[end - 1]) { end -= 1 }
        guard start < end, CharacterClass.isLatinLetter(line[start]),
              line[start..<end].allSatisfy({ EnglishWords.isWordScalar($0) || CharacterClass.isSpace($0) || "'’-".unicodeScalars.contains($0) })
        else { return nil }
        return start..<end
    }

    /// Whether `line[range]` contains the ASCII `word`.
    static func contains(_ word: StaticString, in line: [Unicode.Scalar], _ range: Range<Int>) -> Bool {
        word.withUTF8Buffer { bytes in
            guard bytes.count <= range.count else { return false }
            return (range.lowerBound...(range.upperBound - bytes.count)).contains { start in
                bytes.indices.allSatisfy { line[start + $0].value == UInt32(bytes[$0]) }
            }
        }
    }
}
