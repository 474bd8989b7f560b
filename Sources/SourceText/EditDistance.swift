/// Levenshtein distance between token sequences (insertions, deletions and
/// substitutions all cost 1): translation-memory tokens, or the scalars of two strings.
public enum EditDistance {
    /// The distance between the Unicode scalars of `a` and `b`.
    public static func distance(_ a: String, _ b: String) -> Int {
        // No distance exceeds the longer length, so that limit never cuts the scan short.
        let longest = max(a.unicodeScalars.count, b.unicodeScalars.count)
        return distance(a, b, limit: longest) ?? longest
    }

    /// The distance between the Unicode scalars of `a` and `b` if it is at most `limit`, else `nil`.
    public static func distance(_ a: String, _ b: String, limit: Int) -> Int? {
        distance(a.unicodeScalars.map { UInt64($0.value) }, b.unicodeScalars.map { UInt64($0.value) }, limit: limit)
    }

    /// The distance between `a` and `b` if it is at most `limit`, else `nil`.
    ///
    /// - Complexity: O(`limit` × max(`a.count`, `b.count`)): only the diagonal band
    ///   that can stay within `limit` is computed, and the scan stops as soon as a
    ///   whole row exceeds it.
    public static func distance(_ a: [UInt64], _ b: [UInt64], limit: Int) -> Int? {
        if abs(a.count - b.count) > limit { return nil }
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        let width = b.count + 1
        let over = limit + 1
        var previous = [Int](repeating: over, count: width)
        var current = [Int](repeating: over, count: width)
        for j in 0...min(limit, b.count) { previous[j] = j }
        for i in 1...a.count {
            let low = max(1, i - limit), high = min(b.count, i + limit)
            if low > high { return nil }
            current[low - 1] = low - 1 == 0 && i <= limit ? i : over
            var rowMinimum = current[low - 1]
            let ai = a[i - 1]
            for j in low...high {
                var value = previous[j - 1] + (ai == b[j - 1] ? 0 : 1)
                let deletion = previous[j] + 1
                if deletion < value { value = deletion }
                let insertion = current[j - 1] + 1
                if insertion < value { value = insertion }
                if value > over { value = over }
                current[j] = value
                if value < rowMinimum { rowMinimum = value }
            }
            if high < b.count { current[high + 1] = over }
            if rowMinimum > limit { return nil }
            swap(&previous, &current)
        }
        let result = previous[b.count]
        return result <= limit ? result : nil
    }

    /// One step of an alignment of `a` to `b`.
    public enum Step: Equatable, Sendable {
        /// `a[i]` equals `b[j]`.
        case equal(Int, Int)
        /// `a[i]` was replaced by `b[j]`.
        case substitute(Int, Int)
        /// `a[i]` is not in `b`.
        case delete(Int)
        /// `b[j]` is not in `a`.
        case insert(Int)
    }

    /// A cheapest alignment of `a` to `b`, in order.
    /// - Complexity: O(`a.count` × `b.count`); meant for the few matches shown.
    public static func alignment(_ a: [UInt64], _ b: [UInt64]) -> [Step] {
        let rows = a.count + 1, columns = b.count + 1
        var table = [Int](repeating: 0, count: rows * columns)
        for i in 0..<rows { table[i * columns] = i }
        for j in 0..<columns { table[j] = j }
        if !a.isEmpty && !b.isEmpty {
            for i in 1..<rows {
                for j in 1..<columns {
                    let substitution = table[(i - 1) * columns + j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                    table[i * columns + j] = min(substitution, table[(i - 1) * columns + j] + 1, table[i * columns + j - 1] + 1)
                }
            }
        }
        var steps: [Step] = []
        var i = a.count, j = b.count
        while i > 0 || j > 0 {
            let here = table[i * columns + j]
            if i > 0, j > 0, here == table[(i - 1) * columns + j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1) {
                steps.append(a[i - 1] == b[j - 1] ? .equal(i - 1, j - 1) : .substitute(i - 1, j - 1))
                i -= 1
                j -= 1
            } else if i > 0, here == table[(i - 1) * columns + j] + 1 {
                steps.append(.delete(i - 1))
                i -= 1
            } else {
                steps.append(.insert(j - 1))
                j -= 1
            }
        }
        return steps.reversed()
    }
}
