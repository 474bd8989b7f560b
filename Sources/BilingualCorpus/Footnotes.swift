/// A footnote definition that names a Chinese term: `卷王: the winner of ...`,
/// `2. 躺平：...`, `[3] 小镇做题家: ...`, `⁶ 佛系: ...`.
public struct FootnoteDefinition: Sendable {
    /// The note's number, when the line gives one.
    public var number: Int?
    /// The Chinese term it defines.
    public var zh: String
    /// The 1-based line.
    public var line: Int
    /// The 1-based column of the Chinese term.
    public var column: Int
    /// The definition, after the term and its separator.
    public var text: String
}

/// A footnote marker glued to an English term: `King1`, `King[1]`, `King¹`, `King^1`.
public struct FootnoteMarker: Sendable {
    /// The note's number.
    public var number: Int
    /// The 1-based line.
    public var line: Int
    /// The line up to the marker (the term ends there), for choosing the English span later.
    var prefix: [Unicode.Scalar]
    /// The column offset of `prefix[0]` in its line (0-based).
    var prefixOffset: Int
    /// The marker's scalars (`1`, `[1]`, `^1`, `¹`).
    var length: Int
    /// Where the marker starts in its line (0-based scalar offset).
    public var start: Int { prefixOffset + prefix.count }
    /// Where it ends (0-based, exclusive).
    public var end: Int { start + length }
}

public enum Footnotes {
    /// The definition on `line`, if the line is one.
    public static func definition(_ line: [Unicode.Scalar], lineNumber: Int) -> FootnoteDefinition? {
        var i = 0
        func skipSpaces() { while i < line.count, CharacterClass.isSpace(line[i]) { i += 1 } }
        skipSpaces()
        var number: Int?
        // Marker: [n], n. n) ^n, superscripts.
        if i < line.count, line[i] == "[" {
            var j = i + 1, n = 0, digits = 0
            while j < line.count, CharacterClass.isDigit(line[j]), digits < 4 { n = n * 10 + CharacterClass.decimalDigit(line[j])!; j += 1; digits += 1 }
            if digits > 0, j < line.count, line[j] == "]" { number = n; i = j + 1 }
        } else if i < line.count, line[i] == "^" || CharacterClass.isDigit(line[i]) {
            var j = line[i] == "^" ? i + 1 : i, n = 0, digits = 0
            while j < line.count, CharacterClass.isDigit(line[j]), digits < 4 { n = n * 10 + CharacterClass.decimalDigit(line[j])!; j += 1; digits += 1 }
            if digits > 0, j < line.count, line[j] == "." || line[j] == ")" || line[i] == "^" || CharacterClass.isSpace(line[j]) {
                number = n
                i = line[j] == "." || line[j] == ")" ? j + 1 : j
            }
        } else {
            var n = 0, digits = 0
            // Digits past the fourth are read but not added: no note number is that long.
            while i < line.count, let d = CharacterClass.superscriptDigit(line[i]) {
                if digits < 4 { n = n * 10 + d }
                i += 1
                digits += 1
            }
            if digits > 0 && digits <= 4 { number = n }
        }
        skipSpaces()
        let zhStart = i
        while i < line.count, CharacterClass.isHan(line[i]) || line[i] == "·" || line[i] == "、" { i += 1 }
        let zhEnd = i
        guard zhEnd > zhStart, zhEnd - zhStart <= 16 else { return nil }
        skipSpaces()
        guard i < line.count else { return nil }
        let separator = line[i]
        if [":", "：", "—", "–", "-"].contains(separator) {
            i += 1
            while i < line.count, line[i] == "—" || line[i] == "-" { i += 1 }
        } else if !(i > zhEnd) {
            return nil  // a Han run followed directly by more text is prose, not a definition
        }
        skipSpaces()
        let rest = line.string(i..<line.count)
        let latin = rest.unicodeScalars.filter(CharacterClass.isLatinLetter).count
        let han = rest.unicodeScalars.filter(CharacterClass.isHan).count
        guard latin >= 8, latin > han * 2 else { return nil }
        return FootnoteDefinition(number: number, zh: line.string(zhStart..<zhEnd), line: lineNumber, column: zhStart + 1, text: rest)
    }

    /// The footnote markers glued to words on `line` (outside `masked`).
    /// A digit, `[`, `^` or a superscript digit: what a marker glued to a word starts with.
    @inline(__always)
    static func canStartMarker(_ c: Unicode.Scalar) -> Bool {
        let v = c.value
        if v < 0x80 { return CharacterClass.within(v, 0x30, 0x39) || v == 0x5B || v == 0x5E }
        return v == 0xB9 || v == 0xB2 || v == 0xB3 || CharacterClass.within(v, 0x2070, 0x2079) || CharacterClass.within(v, 0xFF10, 0xFF19)
    }

    /// - Parameter wanted: whether a marker with this number, starting at this offset, is
    ///   wanted; asked before the marker (and its prefix, a copy of the text before it) is made.
    public static func markers(_ line: [Unicode.Scalar], masked: [Bool], lineNumber: Int,
                               where wanted: (_ number: Int, _ start: Int) -> Bool = { _, _ in true }) -> [FootnoteMarker] {
        var result: [FootnoteMarker] = []
        var i = 1
        while i < line.count {
            // Most scalars cannot start a marker: skip them in one tight loop first.
            i = line.withUnsafeBufferPointer { scalars in
                var k = i
                while k < scalars.count, !Self.canStartMarker(scalars[k]) { k += 1 }
                return k
            }
            guard i < line.count else { break }
            defer { i += 1 }
            let c = line[i]
            guard Self.canStartMarker(c), !masked[i], CharacterClass.isLatinLetter(line[i - 1]) else { continue }
            var j = i, n = 0, digits = 0
            if CharacterClass.isDigit(c) {
                while j < line.count, CharacterClass.isDigit(line[j]), digits < 3 { n = n * 10 + CharacterClass.decimalDigit(line[j])!; j += 1; digits += 1 }
                // Glued digits are a marker only at a word's end: King1, not GPT4o or COVID19-era text.
                if j < line.count, CharacterClass.isLatinLetter(line[j]) || CharacterClass.isDigit(line[j]) { continue }
                if line[i - 1].properties.isUppercase && i >= 2 && line[i - 2].properties.isUppercase { continue }
            } else if c == "[" || c == "^" {
                j = i + 1
                while j < line.count, CharacterClass.isDigit(line[j]), digits < 3 { n = n * 10 + CharacterClass.decimalDigit(line[j])!; j += 1; digits += 1 }
                if c == "[" { guard j < line.count, line[j] == "]" else { continue } }
            } else if let d = CharacterClass.superscriptDigit(c) {
                n = d
                digits = 1
                j = i + 1
                while j < line.count, let e = CharacterClass.superscriptDigit(line[j]) {
                    if digits < 4 { n = n * 10 + e }
                    j += 1
                    digits += 1
                }
                if digits > 3 { continue }
            } else {
                continue
            }
            guard digits > 0, n > 0, wanted(n, i) else { continue }
            let end = c == "[" ? j + 1 : j  // past the `]`
            result.append(FootnoteMarker(number: n, line: lineNumber, prefix: Array(line[max(0, i - 400)..<i]), prefixOffset: max(0, i - 400),
                                         length: end - i))
        }
        return result
    }
}
