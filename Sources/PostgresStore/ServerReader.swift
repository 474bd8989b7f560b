import PostgresClient
import Store
import TranslationMemory

/// The memory on the server as the shared queries read it (inside one snapshot).
/// Posting lists the search announces are fetched together, in one round trip.
final class ServerReader: MemoryReader {
    let connection: PostgresConnection
    /// Prefetched posting blocks, by item and side key (the key of block 0), in order.
    private var blocks: [Int64: [[UInt8]]] = [:]

    init(connection: PostgresConnection) {
        self.connection = connection
    }

    static let selectUnit = TranslationMemoryStore.selectUnit

    static func unit(_ rows: PostgresRows, _ index: Int) throws -> StoredUnit {
        try StoredUnit(id: rows.int(index, 0), zhLanguage: rows.text(index, 1) ?? "", zh: rows.text(index, 2) ?? "",
                       zhMarkup: rows.text(index, 3), otherLanguage: rows.text(index, 4) ?? "", other: rows.text(index, 5) ?? "",
                       otherMarkup: rows.text(index, 6), zhIsSource: rows.int(index, 7) != 0, count: Int(rows.int(index, 8)),
                       tuid: rows.text(index, 9), origin: rows.text(index, 10), metadata: rows.text(index, 11))
    }

    /// Every item's blocks in one round trip: each item's count is a range sum over the
    /// primary key.
    func postingCounts(_ items: [Int64], side: MemorySide) throws -> [Int64: Int] {
        var byLow: [Int64: Int64] = [:]
        for item in Set(items) { byLow[TranslationMemoryStore.postingKey(item: item, side: side, block: 0)] = item }
        let rows = try connection.query("""
            SELECT i.low, (SELECT coalesce(sum(p.count), 0)::int8 FROM postings p WHERE p.key BETWEEN i.low AND i.low + 255)
            FROM unnest($1::int8[]) AS i(low)
            """, [.ints(Array(byLow.keys))])
        var counts: [Int64: Int] = [:]
        for index in 0..<rows.count {
            if let item = byLow[rows.int(index, 0)] { counts[item] = Int(rows.int(index, 1)) }
        }
        return counts
    }

    func prefetchPostings(_ items: [Int64], side: MemorySide) throws {
        try fetch(items.map { TranslationMemoryStore.postingKey(item: $0, side: side, block: 0) })
    }

    func withPostings(_ item: Int64, side: MemorySide, _ body: (UnsafeRawBufferPointer) -> Void) throws {
        let low = TranslationMemoryStore.postingKey(item: item, side: side, block: 0)
        try fetch([low])
        for block in blocks.removeValue(forKey: low) ?? [] { block.withUnsafeBytes(body) }
    }

    /// Fetches the blocks of the lists starting at `lows` (keys of block 0) not fetched
    /// yet, in one round trip.
    private func fetch(_ lows: [Int64]) throws {
        let missing = lows.filter { blocks[$0] == nil }
        guard !missing.isEmpty else { return }
        let rows = try connection.query("""
            SELECT p.key, p.data FROM unnest($1::int8[]) AS i(low),
                LATERAL (SELECT key, data FROM postings WHERE key BETWEEN i.low AND i.low + 255) AS p
            ORDER BY p.key
            """, [.ints(missing)])
        for low in missing { blocks[low] = [] }
        for index in 0..<rows.count {
            blocks[rows.int(index, 0) & ~255, default: []].append(rows.withBytes(index, 1) { Array($0) })
        }
    }

    func texts(_ ids: [Int64], side: MemorySide) throws -> [StoredText] {
        guard !ids.isEmpty else { return [] }
        let rows = try connection.query("SELECT id, \(side == .chinese ? "zh" : "other") FROM units WHERE id = ANY($1)", [.ints(ids)])
        return (0..<rows.count).map { StoredText(id: rows.int($0, 0), text: rows.text($0, 1) ?? "") }
    }

    func units(_ ids: [Int64]) throws -> [Int64: StoredUnit] {
        guard !ids.isEmpty else { return [:] }
        let rows = try connection.query(Self.selectUnit + " WHERE id = ANY($1)", [.ints(ids)])
        var units: [Int64: StoredUnit] = [:]
        for index in 0..<rows.count {
            let unit = try Self.unit(rows, index)
            units[unit.id] = unit
        }
        return units
    }

    func forEachText(side: MemorySide, _ body: (StoredText) throws -> Bool) throws {
        try forEachRow("SELECT id, \(side == .chinese ? "zh" : "other") FROM units ORDER BY id") { rows, index in
            try body(StoredText(id: rows.int(index, 0), text: rows.text(index, 1) ?? ""))
        }
    }

    func forEachRow(_ sql: String, _ body: (PostgresRows, Int) throws -> Bool) throws {
        try connection.forEachRow(sql, [], body)
    }
}
