public import BilingualCorpus

/// Pairs found in a corpus, grouped by Chinese term: every rendering with its
/// count and first source, definitions, and whether renderings conflict.
public struct CandidateGlossary: Sendable {
    /// One rendering of a term.
    public struct Rendering: Sendable, Hashable {
        /// The English, as first written.
        public var en: String
        /// How many times it was found.
        public var count: Int
        /// Where it was first found: `file:line`.
        public var firstSource: String
        /// The best confidence among its occurrences.
        public var confidence: Double
        /// `renderingKey(en)`, kept so that adding a pair does not recompute every key.
        let key: String
    }

    /// One Chinese term and what was found for it.
    public struct Term: Sendable, Hashable {
        /// The Chinese term.
        public var zh: String
        /// Its renderings, most frequent first.
        public var renderings: [Rendering]
        /// Definitions found for it (footnotes).
        public var definitions: [String]
        /// Whether any occurrence was marked as a translator's query.
        public var uncertain: Bool
        /// Whether the renderings differ (beyond case and plural).
        public var hasConflict: Bool { Set(renderings.map(\.key)).count > 1 }
    }

    private var order: [String] = []
    private var terms: [String: Term] = [:]

    /// An empty collection.
    public init() {}

    /// Adds a pair (sentence pairs from parallel sources are not terms and are ignored).
    public mutating func add(_ pair: AlignedPair) {
        guard pair.kind != .parallel, !pair.en.isEmpty else { return }
        let source = "\(pair.source):\(pair.zhLocation.line)"
        if terms[pair.zh] == nil {
            order.append(pair.zh)
            terms[pair.zh] = Term(zh: pair.zh, renderings: [], definitions: [], uncertain: false)
        }
        var term = terms[pair.zh]!
        let key = Self.renderingKey(pair.en)
        if let k = term.renderings.firstIndex(where: { $0.key == key }) {
            term.renderings[k].count += 1
            term.renderings[k].confidence = max(term.renderings[k].confidence, pair.confidence)
        } else {
            term.renderings.append(Rendering(en: pair.en, count: 1, firstSource: source, confidence: pair.confidence, key: key))
        }
        if !pair.definition.isEmpty, !term.definitions.contains(pair.definition) { term.definitions.append(pair.definition) }
        if pair.uncertain { term.uncertain = true }
        terms[pair.zh] = term
    }

    /// The terms in order of first appearance, each with renderings most frequent first.
    public var allTerms: [Term] {
        order.compactMap { zh in
            guard var term = terms[zh] else { return nil }
            term.renderings = term.renderings.enumerated().sorted {
                $0.element.count != $1.element.count ? $0.element.count > $1.element.count : $0.offset < $1.offset
            }.map(\.element)
            return term
        }
    }

    /// A key under which renderings differing only in case, plural or spacing are the same.
    public static func renderingKey(_ en: String) -> String {
        // Most renderings (and CC-CEDICT's 122,143 first senses, keyed at every index
        // build) are ASCII: the same key from bytes, several times faster.
        en.utf8.allSatisfy({ $0 < 0x80 }) ? asciiRenderingKey(en) : unicodeRenderingKey(en)
    }

    /// `renderingKey` for any text.
    static func unicodeRenderingKey(_ en: String) -> String {
        let words = en.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber })
        return words.map { word -> String in
            var w = String(word)
            if w.count > 3 && w.hasSuffix("ies") { w = String(w.dropLast(3)) + "y" } else if w.count > 3 && w.hasSuffix("s") && !w.hasSuffix("ss") { w.removeLast() }
            return w
        }.joined(separator: " ")
    }

    /// `renderingKey` for ASCII text: letters and digits are the word characters.
    static func asciiRenderingKey(_ en: String) -> String {
        var key: [UInt8] = []
        key.reserveCapacity(en.utf8.count)
        var word: [UInt8] = []
        func endWord() {
            guard !word.isEmpty else { return }
            let n = word.count
            if n > 3 && word[n - 3] == 0x69 && word[n - 2] == 0x65 && word[n - 1] == 0x73 { // ies → y
                word.removeLast(3)
                word.append(0x79)
            } else if n > 3 && word[n - 1] == 0x73 && word[n - 2] != 0x73 { // s, not ss
                word.removeLast()
            }
            if !key.isEmpty { key.append(0x20) }
            key.append(contentsOf: word)
            word.removeAll(keepingCapacity: true)
        }
        for byte in en.utf8 {
            switch byte {
            case 0x41...0x5A: word.append(byte + 0x20)
            case 0x61...0x7A, 0x30...0x39: word.append(byte)
            default: endWord()
            }
        }
        endWord()
        return String(decoding: key, as: UTF8.self)
    }
}
