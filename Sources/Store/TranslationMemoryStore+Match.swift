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

extension StoreCandidates: MemoryReader {
    func forEachText(side: MemorySide, _ body: (StoredText) throws -> Bool) throws {
        let rows = try Row.fetchCursor(db, sql: "SELECT id, \(side == .chinese ? "zh" : "other") FROM units ORDER BY id")
        while let row = try rows.next() {
            guard try body(StoredText(id: row[0], text: row[1])) else { return }
        }
    }
}

extension TranslationMemoryStore {
    public func match(_ query: String, side: MemorySide? = nil, minimum: Int, limit: Int,
                      folding: MatchFolding) throws -> (matches: [MemoryMatch], statistics: FuzzySearch.Statistics) {
        try pool.read { db in
            try MemoryQueries.match(query, side: side, minimum: minimum, limit: limit, folding: folding, in: StoreCandidates(db: db))
        }
    }

    public func matchByScanning(_ query: String, side: MemorySide? = nil, minimum: Int, limit: Int,
                                folding: MatchFolding) throws -> [FuzzyHit] {
        try pool.read { db in
            try MemoryQueries.scan(query, side: side, minimum: minimum, limit: limit, folding: folding, in: StoreCandidates(db: db))
        }
    }

    public func concordance(_ term: String, limit: Int, folding: MatchFolding) throws -> [(unit: StoredUnit, side: MemorySide)] {
        try pool.read { db in
            try MemoryQueries.concordance(term, limit: limit, folding: folding, in: StoreCandidates(db: db))
        }
    }
}
