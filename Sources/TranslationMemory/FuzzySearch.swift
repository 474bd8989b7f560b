/// The side of a memory a text is matched on: the Chinese variants (indexed on
/// character pairs) or the others (indexed on words).
public enum MemorySide: Int, Sendable, CaseIterable {
    case chinese = 0
    case other = 1

    /// How this side is indexed.
    public var scheme: CandidateIndex.Scheme { self == .chinese ? .pairs : .tokens }

    /// The side a query belongs on: Chinese when it has any Chinese (or other CJK)
    /// character, such as a Chinese sentence around code or a URL.
    public static func detect(_ tokens: MatchTokens) -> MemorySide {
        tokens.tokens.contains { $0.kind == .ideograph } ? .chinese : .other
    }
}

/// A stored text as the candidate index hands it back for scoring.
public struct StoredText: Sendable {
    public var id: Int64
    /// The text as stored (inline codes as `Segment.placeholder`).
    public var text: String

    public init(id: Int64, text: String) {
        self.id = id
        self.text = text
    }
}

/// What the fuzzy search needs from a store: posting lists and stored texts.
public protocol CandidateSource {
    /// The number of entries in each of `items`' posting lists on `side` (missing items: 0).
    func postingCounts(_ items: [Int64], side: MemorySide) throws -> [Int64: Int]
    /// Calls `body` with each encoded block of `item`'s posting list, in increasing id order.
    func withPostings(_ item: Int64, side: MemorySide, _ body: (UnsafeRawBufferPointer) -> Void) throws
    /// The texts of `ids` on `side`.
    func texts(_ ids: [Int64], side: MemorySide) throws -> [StoredText]
    /// Says that the lists of `items` will be read next, so that a store across a network
    /// can fetch them in one round trip. Optional: the default does nothing.
    func prefetchPostings(_ items: [Int64], side: MemorySide) throws
}

extension CandidateSource {
    public func prefetchPostings(_ items: [Int64], side: MemorySide) throws {}
}

/// A scored match.
public struct FuzzyHit: Sendable {
    public var id: Int64
    public var score: MatchScore
    /// The stored text of the matched side.
    public var text: String
}

/// Finds every stored text scoring at least a minimum against a query, reading only
/// the posting lists of the query's rarest items (see `CandidateIndex`), then scoring
/// the candidates exactly. Returns the same hits as scoring every stored text.
public struct FuzzySearch {
    /// What the last search did, for `--verbose` and benchmarks.
    public struct Statistics: Sendable {
        public var items = 0
        public var listsRead = 0
        public var entriesRead = 0
        public var candidates = 0
        public var scored = 0
    }

    /// The lowest minimum the index serves losslessly.
    public static let lowestMinimum = 50

    public let query: String
    public let tokens: MatchTokens
    public let side: MemorySide
    public let minimum: Int
    public private(set) var statistics = Statistics()
    private let folding: MatchFolding

    /// Prepares a search for `query` (folded with `folding`) on `side` (detected when nil).
    public init(query: String, side: MemorySide? = nil, minimum: Int, folding: MatchFolding) {
        self.query = query
        tokens = MatchTokens(query, folding: folding)
        self.side = side ?? MemorySide.detect(tokens)
        self.minimum = max(Self.lowestMinimum, min(100, minimum))
        self.folding = folding
    }

    /// The hits from `source`, best first (then lowest id), at most `limit`.
    public mutating func run(in source: some CandidateSource, limit: Int) throws -> [FuzzyHit] {
        let length = tokens.count
        let scheme = side.scheme
        guard length > 0, let needed = CandidateIndex.minimumShared(queryLength: length, minimum: minimum, scheme: scheme) else {
            return []
        }
        let lengths = CandidateIndex.lengthRange(queryLength: length, minimum: minimum)
        let items = CandidateIndex.items(tokens.ids, scheme: scheme)
        let counts = try source.postingCounts(items, side: side)
        let ordered = items.sorted { (counts[$0] ?? 0, $0) < (counts[$1] ?? 0, $1) }
        statistics.items = ordered.count
        let prefix = ordered.count - needed + 1
        guard prefix > 0 else { return [] }

        // Candidates: every text in a prefix list, within the length range.
        var hits: [Int64: (count: Int, length: Int)] = [:]
        try source.prefetchPostings(ordered.prefix(prefix).filter { (counts[$0] ?? 0) > 0 }, side: side)
        for item in ordered.prefix(prefix) where (counts[item] ?? 0) > 0 {
            statistics.listsRead += 1
            try source.withPostings(item, side: side) { block in
                PostingList.decode(block) { id, textLength in
                    statistics.entriesRead += 1
                    guard lengths.contains(textLength) else { return }
                    hits[id, default: (0, textLength)].count += 1
                }
            }
        }
        statistics.candidates = hits.count

        // Probe the next lists for the candidates' counts while that is cheap, and drop
        // those that can no longer share enough items.
        var remaining = ordered.count - prefix
        var prefetched = prefix
        for (offset, item) in ordered.dropFirst(prefix).enumerated() {
            if hits.count <= 32 { break }
            let listCount = counts[item] ?? 0
            let bound = max(20_000, hits.count * 8)
            if listCount > bound { break }
            remaining -= 1
            // The lists that would be probed next if the candidates did not shrink, a few
            // at a time.
            if prefix + offset >= prefetched {
                let next = ordered[(prefix + offset)...].prefix(4).prefix { (counts[$0] ?? 0) <= bound }
                try source.prefetchPostings(next.filter { (counts[$0] ?? 0) > 0 }, side: side)
                prefetched = prefix + offset + next.count
            }
            if listCount > 0 {
                statistics.listsRead += 1
                try source.withPostings(item, side: side) { block in
                    PostingList.decode(block) { id, _ in
                        statistics.entriesRead += 1
                        if hits[id] != nil { hits[id]!.count += 1 }
                    }
                }
            }
            hits = hits.filter { entry in
                entry.value.count + remaining >= CandidateIndex.shared(length, entry.value.length, minimum: minimum, scheme: scheme)
            }
        }
        // Score the survivors exactly, most promising first: each candidate's shared items
        // bound its score from above, so once `limit` hits are found, candidates whose
        // bound is below the worst of them cannot enter and are never read.
        var ranked = hits.map { (id: $0.key, bound: Self.scoreBound(queryLength: length, length: $0.value.length,
                                                                      shared: $0.value.count + remaining, scheme: scheme)) }
        ranked.removeAll { $0.bound < minimum }
        ranked.sort { ($0.bound, -$0.id) > ($1.bound, -$1.id) }
        var found: [FuzzyHit] = []
        var start = 0
        while start < ranked.count {
            if found.count >= limit {
                found = Self.best(found, limit: limit)
                if ranked[start].bound < found[limit - 1].score.score { break }
            }
            let chunk = ranked[start..<min(ranked.count, start + 64)]
            start += chunk.count
            statistics.scored += chunk.count
            found += try source.texts(chunk.map(\.id), side: side).compactMap(hit)
        }
        return Self.best(found, limit: limit)
    }

    /// The highest similarity a text of `length` tokens sharing at most `shared` items
    /// with a query of `queryLength` tokens can have.
    static func scoreBound(queryLength: Int, length: Int, shared: Int, scheme: CandidateIndex.Scheme) -> Int {
        let longer = max(queryLength, length)
        guard longer > 0 else { return 0 }
        var distance = abs(queryLength - length)
        switch scheme {
        case .pairs: distance = max(distance, (longer + 1 - shared + 1) / 2)
        case .tokens: distance = max(distance, longer - shared)
        }
        return (longer - distance) * 100 / longer
    }

    /// Scores every text of `texts`: the reference the index must agree with.
    public func scan(_ texts: some Sequence<StoredText>, limit: Int) -> [FuzzyHit] {
        Self.best(texts.compactMap(hit), limit: limit)
    }

    /// `stored` scored against the query, if it reaches the minimum.
    private func hit(_ stored: StoredText) -> FuzzyHit? {
        MatchScore.score(query: tokens, source: MatchTokens(stored.text, folding: folding), identical: stored.text == query, minimum: minimum)
            .map { FuzzyHit(id: stored.id, score: $0, text: stored.text) }
    }

    private static func best(_ hits: [FuzzyHit], limit: Int) -> [FuzzyHit] {
        let sorted = hits.sorted { ($0.score.score, -$0.id) > ($1.score.score, -$1.id) }
        return Array(sorted.prefix(limit))
    }
}
