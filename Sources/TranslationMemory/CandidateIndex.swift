/// The keys of the candidate index and the bounds that make it lossless.
///
/// Every stored text is indexed under *items*: for ideographic text, the pairs of
/// adjacent tokens with a start and an end marker (`^卷 卷王 王$`); for other text,
/// the tokens themselves. An item that occurs for the k-th time in a text is a
/// different item from its first occurrence, so that shared items count shared
/// occurrences.
///
/// Two texts within edit distance `d` share at least `max(|a|, |b|) + 1 − 2d`
/// padded pairs, or `max(|a|, |b|) − d` tokens (each edit destroys at most two pairs
/// or one token). `minimumShared` turns that into the least number of items a text
/// must share with the query to reach a score; a text that shares none of the query's
/// `count − minimumShared + 1` rarest items cannot reach it (the prefix filter), so
/// only those items' lists need reading to find every candidate.
public enum CandidateIndex {
    /// How a side of the index is keyed.
    public enum Scheme: Int, Sendable {
        /// Pairs of adjacent tokens, padded at both ends (Chinese and Japanese).
        case pairs = 0
        /// Single tokens (English and other languages written with spaces).
        case tokens = 1
    }

    /// The items of `tokens` under `scheme`, as 48-bit hashes (so that a store can pack
    /// an item, a side and a block number into one SQLite integer key). Two items may
    /// share a hash: their lists are then one list, which only adds candidates (an entry
    /// can then appear twice in a list, once per item), never loses one.
    public static func items(_ tokens: [UInt64], scheme: Scheme) -> [Int64] {
        // Occurrences are counted by looking back for short texts, with a table for long ones.
        var seen: [UInt64: UInt64] = [:]
        var grams: [UInt64] = []
        let useTable = tokens.count > 64
        var items: [Int64] = []
        items.reserveCapacity(tokens.count + 1)
        grams.reserveCapacity(useTable ? 0 : tokens.count + 1)
        func add(_ gram: UInt64) {
            var occurrence: UInt64 = 0
            if useTable {
                occurrence = seen[gram, default: 0]
                seen[gram] = occurrence + 1
            } else {
                for earlier in grams where earlier == gram { occurrence += 1 }
                grams.append(gram)
            }
            let mixed = (gram ^ (occurrence &* 0xD6E8_FEB8_6659_FD93)) &* 0x9E37_79B9_7F4A_7C15
            items.append(Int64(bitPattern: mixed >> 16))
        }
        switch scheme {
        case .tokens:
            for token in tokens { add(token) }
        case .pairs:
            guard !tokens.isEmpty else { return [] }
            let start: UInt64 = 0x5354_4152_545F_5F5F, end: UInt64 = 0x454E_445F_5F5F_5F5F
            var previous = start
            for token in tokens {
                add(previous &* 0x100_0000_01b3 ^ token)
                previous = token
            }
            add(previous &* 0x100_0000_01b3 ^ end)
        }
        return items
    }

    /// The least number of items a stored text must share with a query of `length`
    /// tokens to score `minimum` or more, over every stored length that can; `nil`
    /// when the bound says nothing (the index cannot serve that minimum).
    public static func minimumShared(queryLength length: Int, minimum: Int, scheme: Scheme) -> Int? {
        guard length > 0, minimum > 0 else { return nil }
        let range = lengthRange(queryLength: length, minimum: minimum)
        var least = Int.max
        for other in range {
            least = min(least, shared(length, other, minimum: minimum, scheme: scheme))
        }
        return least >= 1 ? least : nil
    }

    /// The items two texts of `a` and `b` tokens must share to be within the score `minimum`.
    public static func shared(_ a: Int, _ b: Int, minimum: Int, scheme: Scheme) -> Int {
        let longer = max(a, b)
        let limit = MatchScore.distanceLimit(length: longer, minimum: minimum)
        switch scheme {
        case .pairs: return longer + 1 - 2 * limit
        case .tokens: return longer - limit
        }
    }

    /// The stored lengths (in tokens) that can score `minimum` against a query of `length` tokens.
    public static func lengthRange(queryLength length: Int, minimum: Int) -> ClosedRange<Int> {
        var low = length, high = length
        while low > 1, canReach(length, low - 1, minimum: minimum) { low -= 1 }
        while canReach(length, high + 1, minimum: minimum) { high += 1 }
        return low...high
    }

    /// True when texts of `a` and `b` tokens can be within the score `minimum` (the
    /// length difference alone is within the distance limit).
    @inline(__always)
    public static func canReach(_ a: Int, _ b: Int, minimum: Int) -> Bool {
        abs(a - b) <= MatchScore.distanceLimit(length: max(a, b), minimum: minimum)
    }
}
