public import ICUText

/// Folds text for fuzzy matching, one scalar at a time: NFKC (full-width letters,
/// digits and punctuation to ASCII, the ideographic space to a space), traditional
/// characters to simplified, and lower case. `捲王，ＡＩ` folds to `卷王,ai`.
///
/// Each distinct scalar is folded by ICU once and remembered, so folding costs
/// a table lookup per scalar after warm-up. Opening ICU's transform takes about
/// 25 ms, so a folding made from a `simplifiedTable()` (which a translation memory
/// keeps) opens it only for characters outside the table's blocks.
/// Not thread-safe: one per task.
public final class MatchFolding {
    private var simplifying: Transliterator?
    /// Folds of BMP scalars: 0 when not yet computed, `UInt32.max` when the fold is
    /// not a single scalar (see `other`), else the folded scalar.
    private var bmp = [UInt32](repeating: 0, count: 0x10000)
    private var other: [UInt32: [Unicode.Scalar]] = [:]

    /// Opens ICU's `Traditional-Simplified` transform.
    /// - Throws: `ICUError` when ICU's transform data is missing.
    public init() throws(ICUError) {
        simplifying = try Transliterator(id: "Traditional-Simplified")
    }

    /// A folding that takes the simplified forms of the CJK Unified Ideographs (and
    /// Extension A) from `table`, made by `simplifiedTable()`, and opens ICU's
    /// transform only when another character needs it.
    public init(simplified table: [UInt32: UInt32]) {
        for block in Self.tableBlocks {
            for value in block { bmp[Int(value)] = value }
        }
        for (traditional, simplified) in table where Self.tableBlocks.contains(where: { $0.contains(traditional) }) {
            bmp[Int(traditional)] = simplified
        }
    }

    /// The blocks a simplified table covers: CJK Unified Ideographs and Extension A,
    /// where NFKC and lower-casing change nothing.
    static let tableBlocks: [ClosedRange<UInt32>] = [0x3400...0x4DBF, 0x4E00...0x9FFF]

    /// The characters of `tableBlocks` whose simplified form differs, with that form
    /// (about 2,700 pairs), computed with ICU's `Traditional-Simplified`.
    public func simplifiedTable() throws(ICUError) -> [UInt32: UInt32] {
        let transform = try transliterator()
        // Only the characters ICU says it may change (about a fifth of the blocks).
        let changing = try transform.sourceRanges()
        var table: [UInt32: UInt32] = [:]
        for block in Self.tableBlocks {
            let values = changing.filter { $0.overlaps(block) }.flatMap { $0.clamped(to: block) }
            // One call per block; a line break after each character keeps them aligned.
            var text = String.UnicodeScalarView()
            for value in values {
                text.append(Unicode.Scalar(value)!)
                text.append("\n")
            }
            let lines = transform.transform(String(text)).split(separator: "\n", omittingEmptySubsequences: false)
            for (value, line) in zip(values, lines) {
                let scalars = Array(line.unicodeScalars)
                if scalars.count == 1, scalars[0].value != value { table[value] = scalars[0].value }
            }
        }
        return table
    }

    private func transliterator() throws(ICUError) -> Transliterator {
        if let simplifying { return simplifying }
        let made = try Transliterator(id: "Traditional-Simplified")
        simplifying = made
        return made
    }

    /// `text` folded.
    public func fold(_ text: String) -> String {
        var folded = String.UnicodeScalarView()
        for scalar in text.unicodeScalars { fold(scalar) { folded.append($0) } }
        return String(folded)
    }

    /// Calls `body` with each scalar `scalar` folds to (usually one, sometimes none or several).
    @inline(__always)
    public func fold(_ scalar: Unicode.Scalar, _ body: (Unicode.Scalar) -> Void) {
        let value = scalar.value
        if value < 0x80 {
            body(value >= 0x41 && value <= 0x5A ? Unicode.Scalar(UInt8(value + 0x20)) : scalar)
            return
        }
        if value < 0x10000 {
            let cached = bmp[Int(value)]
            if cached != 0 && cached != UInt32.max {
                body(Unicode.Scalar(cached)!)
                return
            }
        }
        if cached(value) == nil { compute(scalar) }
        if value < 0x10000, bmp[Int(value)] != UInt32.max {
            body(Unicode.Scalar(bmp[Int(value)])!)
        } else {
            for folded in other[value] ?? [] { body(folded) }
        }
    }

    /// Chinese punctuation NFKC leaves alone, folded to the ASCII mark it stands for.
    private static let punctuation: [UInt32: UInt32] = [
        0x3002: 0x2E, 0xFF61: 0x2E, 0x3001: 0x2C, 0xFF64: 0x2C, // 。｡ 、､
        0x201C: 0x22, 0x201D: 0x22, 0x300C: 0x22, 0x300D: 0x22, 0x300E: 0x22, 0x300F: 0x22, // “”「」『』
        0x2018: 0x27, 0x2019: 0x27, // ‘’
        0x3010: 0x5B, 0x3011: 0x5D, 0x3014: 0x5B, 0x3015: 0x5D, 0x3016: 0x5B, 0x3017: 0x5D, // 【】〔〕〖〗
        0x2014: 0x2D, 0x2013: 0x2D, 0x2026: 0x2E, // — – …
    ]

    private func cached(_ value: UInt32) -> Bool? {
        if value < 0x10000 { return bmp[Int(value)] == 0 ? nil : true }
        return other[value] == nil ? nil : true
    }

    private func compute(_ scalar: Unicode.Scalar) {
        if let punctuation = Self.punctuation[scalar.value] {
            if scalar.value < 0x10000 { bmp[Int(scalar.value)] = punctuation } else { other[scalar.value] = [Unicode.Scalar(punctuation)!] }
            return
        }
        var text = normalize(String(scalar), .nfkc)
        if text.unicodeScalars.contains(where: { $0.value >= 0x2E80 }) {
            // Without ICU's transform data, characters are compared as they are.
            if let transform = try? transliterator() { text = transform.transform(text) }
        }
        let scalars = Array(text.lowercased().unicodeScalars)
        if scalar.value < 0x10000, scalars.count == 1, scalars[0].value != 0 {
            bmp[Int(scalar.value)] = scalars[0].value
        } else {
            if scalar.value < 0x10000 { bmp[Int(scalar.value)] = UInt32.max }
            other[scalar.value] = scalars
        }
    }
}
