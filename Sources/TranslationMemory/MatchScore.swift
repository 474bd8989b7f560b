import SourceText

/// How similar a stored source is to a query, from 0 to 100, with the parts of the
/// score spelled out.
///
/// The base is `100 × (1 − d / max(|q|, |s|))`, rounded down, where `d` is the edit
/// distance between the token sequences (characters for Chinese, words for English;
/// see `MatchTokens`) of the folded texts. Then 2 points come off for each number that
/// is in one text but not the other, and 1 for each inline code one has more than the
/// other. Only an identical source scores 100: one that differs in folding alone
/// (width, case, traditional forms, spacing) scores 99.
public struct MatchScore: Hashable, Sendable {
    /// The final score, 0–100.
    public var score: Int
    /// The similarity of the token sequences alone, 0–100.
    public var similarity: Int
    /// The edit distance, in tokens.
    public var distance: Int
    /// Tokens in the query and in the stored source.
    public var queryTokens: Int
    public var sourceTokens: Int
    /// Points taken off for numbers that differ.
    public var numberPenalty: Int
    /// Points taken off for inline codes that differ in count.
    public var placeholderPenalty: Int
    /// True when the stored source is exactly the query.
    public var identical: Bool

    /// Points off per number present in only one of the texts.
    public static let pointsPerNumber = 2
    /// Points off per inline code present in only one of the texts.
    public static let pointsPerPlaceholder = 1

    /// The largest edit distance that can still reach `minimum` when the longer text has
    /// `length` tokens.
    public static func distanceLimit(length: Int, minimum: Int) -> Int {
        length * (100 - minimum) / 100
    }

    /// Scores `source` against `query`, or returns `nil` when the score is below `minimum`.
    /// - Parameters:
    ///   - identical: whether the original texts are equal (not just their folds).
    public static func score(query: MatchTokens, source: MatchTokens, identical: Bool, minimum: Int) -> MatchScore? {
        let longer = max(query.count, source.count)
        guard longer > 0 else { return nil }
        let limit = distanceLimit(length: longer, minimum: minimum)
        guard let distance = EditDistance.distance(query.ids, source.ids, limit: limit) else { return nil }
        let similarity = (longer - distance) * 100 / longer
        let numbers = unmatchedCount(query.numbers, source.numbers)
        let placeholders = abs(query.placeholderCount - source.placeholderCount)
        var score = similarity - numbers * pointsPerNumber - placeholders * pointsPerPlaceholder
        if !identical { score = min(score, 99) }
        score = max(0, score)
        guard score >= minimum else { return nil }
        return MatchScore(score: score, similarity: similarity, distance: distance, queryTokens: query.count,
                          sourceTokens: source.count, numberPenalty: numbers * pointsPerNumber,
                          placeholderPenalty: placeholders * pointsPerPlaceholder, identical: identical)
    }

    /// Items of `a` and `b` left over when each is paired with an equal one of the other.
    private static func unmatchedCount(_ a: [UInt64], _ b: [UInt64]) -> Int {
        if a.isEmpty || b.isEmpty { return a.count + b.count }
        var counts: [UInt64: Int] = [:]
        for id in a { counts[id, default: 0] += 1 }
        for id in b { counts[id, default: 0] -= 1 }
        return counts.values.reduce(0) { $0 + abs($1) }
    }
}
