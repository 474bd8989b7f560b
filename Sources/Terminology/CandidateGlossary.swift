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
        let words = en.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber })
        return words.map { word -> String in
            var w = String(word)
            if w.count > 3 && w.hasSuffix("ies") { w = String(w.dropLast(3)) + "y" } else if w.count > 3 && w.hasSuffix("s") && !w.hasSuffix("ss") { w.removeLast() }
            return w
        }.joined(separator: " ")
    }
}
