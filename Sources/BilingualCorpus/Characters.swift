/// Character classes the extractor needs, without calling ICU per character.
public enum CharacterClass {
    /// Han ideographs: the URO, Extension A, compatibility ideographs, Extensions B–H, and 〇.
    @inlinable @inline(__always)
    public static func isHan(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        return within(v, 0x4E00, 0x9FFF) || within(v, 0x3400, 0x4DBF) || within(v, 0xF900, 0xFAFF)
            || within(v, 0x20000, 0x323AF) || v == 0x3007
    }

    /// Whether `low <= value <= high`, in one comparison: what `(low...high).contains(value)`
    /// says, which the optimizer leaves as a call in these per-scalar tests.
    @inlinable @inline(__always)
    public static func within(_ value: UInt32, _ low: UInt32, _ high: UInt32) -> Bool {
        value &- low <= high &- low
    }

    /// ASCII and Latin-1/Extended letters (`é`, `ü`, `ō`), full-width Latin letters.
    @inlinable @inline(__always)
    public static func isLatinLetter(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x80 { return within(v | 0x20, 0x61, 0x7A) }
        if within(v, 0xC0, 0x24F) { return v != 0xD7 && v != 0xF7 }
        if within(v, 0x1E00, 0x1EFF) { return true }
        return within(v, 0xFF21, 0xFF3A) || within(v, 0xFF41, 0xFF5A)
    }

    /// Whether `scalars[k]` begins `_ _` inside one word: emphasis that a converter closed and
    /// reopened before a non-ASCII letter (`_n_ _üxing zhuyi_` for nüxing zhuyi, `_Kaiz_ _ō_`
    /// for Kaizō, `_Introducci_ _ón_`). A letter stands before, a non-ASCII letter after.
    static func isSplitWordJoint<Scalars: RandomAccessCollection<Unicode.Scalar>>(_ scalars: Scalars, at k: Int) -> Bool
    where Scalars.Index == Int {
        k > 0 && k + 3 < scalars.count && scalars[k] == "_" && scalars[k + 1] == " " && scalars[k + 2] == "_"
            && isLatinLetter(scalars[k - 1]) && scalars[k + 3].value >= 0x80 && isLatinLetter(scalars[k + 3])
    }

    @inlinable @inline(__always)
    public static func isDigit(_ s: Unicode.Scalar) -> Bool {
        within(s.value, 0x30, 0x39) || within(s.value, 0xFF10, 0xFF19)
    }

    @inlinable @inline(__always)
    public static func isSpace(_ s: Unicode.Scalar) -> Bool {
        s == " " || s == "\t" || s == "\u{3000}" || s == "\u{A0}" || s == "\u{200B}"
    }

    /// Chinese (full-width) punctuation that may stand inside an original: `，、。；：！？“”‘’《》「」——…·`.
    public static let chinesePunctuation: Set<Unicode.Scalar> = [
        "，", "、", "。", "；", "：", "！", "？", "“", "”", "‘", "’", "《", "》", "〈", "〉", "「", "」",
        "『", "』", "—", "…", "·", "・", "～", "／", "－",
    ]

    /// Query marks a translator leaves in an original.
    public static let queryMarks: Set<Unicode.Scalar> = ["?", "？"]

    /// Quote and emphasis marks that may wrap a term.
    static let quoteMarks: Set<Unicode.Scalar> = ["\"", "“", "”", "‘", "’", "'", "「", "」", "『", "』", "《", "》", "〈", "〉"]
    static let emphasisMarks: Set<Unicode.Scalar> = ["_", "*"]

    /// The mark that opens what `closing` closes: “ for ”, ‘ for ’, 「 for 」, 『 for 』,
    /// 《 for 》, 〈 for 〉. A mark used on both sides (`"`, `_`, `*`) opens itself.
    static func openingMark(for closing: Unicode.Scalar) -> Unicode.Scalar {
        switch closing {
        case "”": "“"
        case "’": "‘"
        case "」": "「"
        case "』": "『"
        case "》": "《"
        case "〉": "〈"
        default: closing
        }
    }

    /// The value of an ASCII or full-width digit (`7`, `７`), or nil.
    @inlinable @inline(__always)
    public static func decimalDigit(_ s: Unicode.Scalar) -> Int? {
        switch s.value {
        case 0x30...0x39: Int(s.value - 0x30)
        case 0xFF10...0xFF19: Int(s.value - 0xFF10)
        default: nil
        }
    }

    /// The value of a superscript digit used as a footnote marker (`¹`, `⁶`), or nil.
    @inlinable @inline(__always)
    public static func superscriptDigit(_ s: Unicode.Scalar) -> Int? {
        switch s.value {
        case 0x2070: 0
        case 0xB9: 1
        case 0xB2: 2
        case 0xB3: 3
        case 0x2074...0x2079: Int(s.value - 0x2070)
        default: nil
        }
    }
}

/// A handful of scalars to test membership in: a search of a few array elements, where
/// `"…".unicodeScalars.contains(c)` decodes the literal's UTF-8 on every test (a few hundred
/// instructions, in loops that run once a scalar).
public struct ScalarList: Sendable {
    @usableFromInline let scalars: [Unicode.Scalar]

    public init(_ text: String) {
        scalars = Array(text.unicodeScalars)
    }

    @inlinable
    public func contains(_ scalar: Unicode.Scalar) -> Bool {
        scalars.withUnsafeBufferPointer { $0.contains(scalar) }
    }
}

extension Array where Element == Unicode.Scalar {
    /// The scalars in `range` as a `String`.
    public func string(_ range: Range<Int>) -> String {
        if range.isEmpty { return "" }
        return withUnsafeBufferPointer { $0.string(range) }
    }
}

extension UnsafeBufferPointer where Element == Unicode.Scalar {
    /// The scalars in `range` as a `String`.
    public func string(_ range: Range<Int>) -> String {
        if range.isEmpty { return "" }
        // The exact length: a string of up to 15 bytes is then built in place, with no
        // allocation (most words are that short), where a capacity of 4 bytes a scalar
        // would allocate for any word of four letters.
        var length = 0
        for k in range {
            let v = self[k].value
            length += v < 0x80 ? 1 : v < 0x800 ? 2 : v < 0x10000 ? 3 : 4
        }
        return String(unsafeUninitializedCapacity: length) { buffer in
            var n = 0
            for k in range {
                let v = self[k].value
                if v < 0x80 {
                    buffer[n] = UInt8(v); n += 1
                } else if v < 0x800 {
                    buffer[n] = UInt8(0xC0 | v >> 6); buffer[n + 1] = UInt8(0x80 | v & 0x3F); n += 2
                } else if v < 0x10000 {
                    buffer[n] = UInt8(0xE0 | v >> 12); buffer[n + 1] = UInt8(0x80 | v >> 6 & 0x3F)
                    buffer[n + 2] = UInt8(0x80 | v & 0x3F); n += 3
                } else {
                    buffer[n] = UInt8(0xF0 | v >> 18); buffer[n + 1] = UInt8(0x80 | v >> 12 & 0x3F)
                    buffer[n + 2] = UInt8(0x80 | v >> 6 & 0x3F); buffer[n + 3] = UInt8(0x80 | v & 0x3F); n += 4
                }
            }
            return n
        }
    }
}

extension StringProtocol {
    /// Whether every byte is ASCII.
    var isASCII: Bool {
        // (Through the bytes' storage when there is one: a word is tested many times a line.)
        utf8.withContiguousStorageIfAvailable { bytes in bytes.allSatisfy { $0 < 0x80 } } ?? utf8.allSatisfy { $0 < 0x80 }
    }
}

extension String {
    /// `hasSuffix(suffix)`, compared byte by byte when the string is ASCII: its characters are
    /// then its bytes (the suffixes compared per English word hold no line break), and the
    /// canonical equivalence that makes `hasSuffix` slow has nothing to do. Other strings go
    /// to `hasSuffix` itself, whose characters may join a mark to the letter before it
    /// (`-\u{301}`) or a prepended letter to the mark after it (`\u{D4E}’`).
    func hasSuffixQuickly(_ suffix: String) -> Bool {
        isASCII ? asciiHasSuffix(suffix) : hasSuffix(suffix)
    }

    /// `hasSuffix(suffix)` for a string known to be ASCII (see `hasSuffixQuickly`).
    func asciiHasSuffix(_ suffix: String) -> Bool {
        // (Compared from the end, byte by byte: no slices, no counts.)
        let bytes = utf8, ending = suffix.utf8
        var i = bytes.endIndex, j = ending.endIndex
        while j > ending.startIndex {
            guard i > bytes.startIndex else { return false }
            bytes.formIndex(before: &i)
            ending.formIndex(before: &j)
            guard bytes[i] == ending[j] else { return false }
        }
        return true
    }
}
