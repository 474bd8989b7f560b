import Foundation
import GRDB
public import TranslationMemory

/// A stored unit that matched a query.
public struct MemoryMatch: Sendable {
    /// The score and how it was reached.
    public var score: MatchScore
    /// The side the query was matched on.
    public var side: MemorySide
    /// The unit.
    public var unit: StoredUnit

    /// The matched text (on the query's side).
    public var source: TranslationVariant { unit.variant(side) }
    /// Its translation (the other side).
    public var target: TranslationVariant { unit.variant(side == .chinese ? .other : .chinese) }
}

/// The memory seen through one read transaction, as the fuzzy search reads it.
struct StoreCandidates: CandidateSource {
    let db: Database

    func postingCounts(_ items: [Int64], side: MemorySide) throws -> [Int64: Int] {
        let statement = try db.cachedStatement(sql: "SELECT coalesce(sum(count), 0) FROM postings WHERE key BETWEEN ? AND ?")
        var counts: [Int64: Int] = [:]
        for item in Set(items) {
            let low = TranslationMemoryStore.postingKey(item: item, side: side, block: 0)
            counts[item] = try Int.fetchOne(statement, arguments: [low, low | 255]) ?? 0
        }
        return counts
    }

    func withPostings(_ item: Int64, side: MemorySide, _ body: (UnsafeRawBufferPointer) -> Void) throws {
        let statement = try db.cachedStatement(sql: "SELECT data FROM postings WHERE key BETWEEN ? AND ? ORDER BY key")
        let low = TranslationMemoryStore.postingKey(item: item, side: side, block: 0)
        let rows = try Row.fetchCursor(statement, arguments: [low, low | 255])
        while let row = try rows.next() {
            try row.withUnsafeData(atIndex: 0) { data in
                data?.withUnsafeBytes { body($0) }
            }
        }
    }

    func texts(_ ids: [Int64], side: MemorySide) throws -> [StoredText] {
        guard !ids.isEmpty else { return [] }
        let column = side == .chinese ? "zh" : "other"
        let marks = Array(repeating: "?", count: ids.count).joined(separator: ",")
        return try Row.fetchAll(db, sql: "SELECT id, \(column) FROM units WHERE id IN (\(marks))",
                                arguments: StatementArguments(ids)!).map { row in
            StoredText(id: row[0], text: row[1])
        }
    }

    func units(_ ids: [Int64]) throws -> [Int64: StoredUnit] {
        guard !ids.isEmpty else { return [:] }
        let marks = Array(repeating: "?", count: ids.count).joined(separator: ",")
        var units: [Int64: StoredUnit] = [:]
        for row in try Row.fetchAll(db, sql: TranslationMemoryStore.selectUnit + " WHERE id IN (\(marks))", arguments: StatementArguments(ids)!) {
            let unit = try TranslationMemoryStore.unit(row)
            units[unit.id] = unit
        }
        return units
    }
}

extension TranslationMemoryStore {
    /// The stored units whose text on the query's side scores at least `minimum`
    /// against `query`, best first, at most `limit`.
    /// - Parameter side: the side to match on; detected from the query when nil.
    public func match(_ query: String, side: MemorySide? = nil, minimum: Int, limit: Int,
                      folding: MatchFolding) throws -> (matches: [MemoryMatch], statistics: FuzzySearch.Statistics) {
        try pool.read { db in
            let source = StoreCandidates(db: db)
            var search = FuzzySearch(query: query, side: side, minimum: minimum, folding: folding)
            let hits = try search.run(in: source, limit: limit)
            let units = try source.units(hits.map(\.id))
            let matches = hits.compactMap { hit in units[hit.id].map { MemoryMatch(score: hit.score, side: search.side, unit: $0) } }
            return (matches, search.statistics)
        }
    }

    /// Scores every stored text instead of using the index: the reference for tests
    /// and benchmarks.
    public func matchByScanning(_ query: String, side: MemorySide? = nil, minimum: Int, limit: Int,
                                folding: MatchFolding) throws -> [FuzzyHit] {
        try pool.read { db in
            let search = FuzzySearch(query: query, side: side, minimum: minimum, folding: folding)
            let column = search.side == .chinese ? "zh" : "other"
            let rows = try Row.fetchCursor(db, sql: "SELECT id, \(column) FROM units ORDER BY id")
            var texts: [StoredText] = []
            while let row = try rows.next() { texts.append(StoredText(id: row[0], text: row[1])) }
            return search.scan(texts, limit: limit)
        }
    }

    /// The units containing `term` on either side (folded: width, case and
    /// traditional forms do not matter; English whole words only), in import order.
    public func concordance(_ term: String, limit: Int, folding: MatchFolding) throws -> [(unit: StoredUnit, side: MemorySide)] {
        let folded = folding.fold(term).trimmingCharacters(in: .whitespaces)
        let tokens = MatchTokens(folded, folding: nil)
        guard tokens.count > 0 else { return [] }
        let side = MemorySide.detect(tokens)
        return try pool.read { db in
            let source = StoreCandidates(db: db)
            let column = side == .chinese ? "zh" : "other"
            // Every text containing the term contains its inner items (character pairs,
            // or words); intersect their lists, smallest first, then check the text.
            var items = CandidateIndex.items(tokens.ids, scheme: side.scheme)
            if side == .chinese { items = Array(items.dropFirst().dropLast()) }
            var candidates: [Int64]?
            if !items.isEmpty {
                let counts = try source.postingCounts(items, side: side)
                for item in items.sorted(by: { (counts[$0] ?? 0) < (counts[$1] ?? 0) }) {
                    var ids: [Int64] = []
                    try source.withPostings(item, side: side) { block in PostingList.decode(block) { id, _ in ids.append(id) } }
                    if let current = candidates {
                        let keep = Set(ids)
                        candidates = current.filter { keep.contains($0) }
                    } else {
                        candidates = ids
                    }
                    if candidates!.isEmpty { break }
                }
            }
            var found: [Int64] = []
            if let candidates {
                for text in try source.texts(Array(candidates.prefix(20_000)), side: side).sorted(by: { $0.id < $1.id })
                where Self.contains(folding.fold(text.text), folded, wholeWords: side == .other) {
                    found.append(text.id)
                    if found.count >= limit { break }
                }
            } else {
                // A single character: no pair to look up, so read the column.
                let rows = try Row.fetchCursor(db, sql: "SELECT id, \(column) FROM units ORDER BY id")
                while found.count < limit, let row = try rows.next() {
                    if folding.fold(row[1]).contains(folded) { found.append(row[0]) }
                }
            }
            let units = try source.units(found)
            return found.compactMap { id in units[id].map { ($0, side) } }
        }
    }

    private static func contains(_ text: String, _ term: String, wholeWords: Bool) -> Bool {
        guard wholeWords else { return text.contains(term) }
        var search = text[...]
        while let range = search.range(of: term) {
            let before = range.lowerBound == text.startIndex ? nil : text[text.index(before: range.lowerBound)]
            let after = range.upperBound == text.endIndex ? nil : text[range.upperBound]
            let isWordCharacter = { (c: Character?) in c.map { $0.isLetter || $0.isNumber } ?? false }
            if !isWordCharacter(before) && !isWordCharacter(after) { return true }
            search = text[range.upperBound...]
        }
        return false
    }
}
