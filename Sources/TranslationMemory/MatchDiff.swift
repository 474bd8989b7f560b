import SourceText

/// The differences between a stored source and the query it matched, as runs of
/// the stored text: kept, replaced (with the query's words), removed (in the stored
/// text only) or added (in the query only).
public struct MatchDiff: Sendable, Equatable {
    /// One run.
    public enum Run: Sendable, Equatable {
        /// Stored text that is also in the query.
        case same(String)
        /// Stored text the query does not have.
        case removed(String)
        /// Query text the stored source does not have.
        case added(String)
    }

    public var runs: [Run]

    /// Compares `stored` with `query`; both are folded with `folding` only to compare,
    /// and the runs show the original texts.
    public init(stored: String, query: String, folding: MatchFolding) {
        let storedTokens = MatchTokens(stored, folding: folding)
        let queryTokens = MatchTokens(query, folding: folding)
        let storedScalars = Array(stored.unicodeScalars), queryScalars = Array(query.unicodeScalars)
        var runs: [Run] = []
        var removed = "", added = ""
        func flush() {
            // Spaces before a change belong to the text around it.
            let changed = removed + added
            let lead = changed.prefix { $0 == " " }.count
            if lead > 0, removed.hasPrefix(String(repeating: " ", count: lead)) || removed.isEmpty,
               added.hasPrefix(String(repeating: " ", count: lead)) || added.isEmpty {
                appendSame(String(repeating: " ", count: lead))
                removed = String(removed.dropFirst(removed.isEmpty ? 0 : lead))
                added = String(added.dropFirst(added.isEmpty ? 0 : lead))
            }
            if !removed.isEmpty { runs.append(.removed(removed)) }
            if !added.isEmpty { runs.append(.added(added)) }
            removed = ""
            added = ""
        }
        func appendSame(_ text: String) {
            if case .same(let before)? = runs.last { runs[runs.count - 1] = .same(before + text) } else { runs.append(.same(text)) }
        }
        func append(_ run: Run) {
            switch run {
            case .same(let text):
                flush()
                appendSame(text)
            case .removed(let text): removed += text
            case .added(let text): added += text
            }
        }
        func text(_ scalars: [Unicode.Scalar], _ range: Range<Int>) -> String {
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[range.clamped(to: 0..<scalars.count)])
            return String(view)
        }
        var storedEnd = 0, queryEnd = 0
        // Gaps between tokens (spaces) go with the run that follows them.
        func storedPiece(_ index: Int) -> String {
            let range = storedTokens.tokens[index].range
            let piece = text(storedScalars, storedEnd..<max(storedEnd, range.upperBound))
            storedEnd = max(storedEnd, range.upperBound)
            return piece
        }
        func queryPiece(_ index: Int) -> String {
            let range = queryTokens.tokens[index].range
            let piece = text(queryScalars, queryEnd..<max(queryEnd, range.upperBound))
            queryEnd = max(queryEnd, range.upperBound)
            return piece
        }
        // Compare stored → query: the alignment's deletions are stored-only tokens.
        for step in EditDistance.alignment(storedTokens.ids, queryTokens.ids) {
            switch step {
            case .equal(let i, let j):
                append(.same(storedPiece(i)))
                _ = queryPiece(j)
            case .substitute(let i, let j):
                append(.removed(storedPiece(i)))
                append(.added(queryPiece(j)))
            case .delete(let i):
                append(.removed(storedPiece(i)))
            case .insert(let j):
                append(.added(queryPiece(j)))
            }
        }
        if storedEnd < storedScalars.count { append(.same(text(storedScalars, storedEnd..<storedScalars.count))) }
        flush()
        self.runs = runs
    }

    /// The stored text with word-diff marks: `[-removed-]` for stored text the query
    /// lacks, `{+added+}` for query text the stored source lacks.
    public var marked: String {
        runs.map { run in
            switch run {
            case .same(let text): text
            case .removed(let text): "[-\(text)-]"
            case .added(let text): "{+\(text)+}"
            }
        }.joined()
    }
}
