import Foundation
import PostgresClient
public import Store
public import TranslationMemory

extension PostgresMemoryStore {
    /// Imports `files` in one transaction: all of them or, on any error, none. Units
    /// are prepared exactly as for the embedded memory (same rows, same pair keys, same
    /// posting blocks) and loaded with binary COPY.
    public func importFiles(_ files: [MemoryFile], folding: MatchFolding) throws -> MemoryImportReport {
        try reportingServerErrors { try connection.transaction { try importInTransaction(files, folding: folding) } }
    }

    private func importInTransaction(_ files: [MemoryFile], folding: MatchFolding) throws -> MemoryImportReport {
        var report = MemoryImportReport()
        // One import at a time (a second waits here); readers are not blocked.
        try connection.execute("LOCK TABLE units, postings, settings, imports IN SHARE ROW EXCLUSIVE MODE")
        // The simplified forms the texts are folded with: those recorded, or else `folding`'s.
        var table = try simplifiedTable()
        if table == nil {
            let made = try folding.simplifiedTable()
            try connection.query("INSERT INTO settings(name, value) VALUES ('simplified', $1)", [.bytes(FoldingTable.encode(made))])
            table = made
        }
        let importID = try integer("SELECT coalesce(max(id), 0)::int8 + 1 FROM imports")
        let nextIDSetting = try connection.query("SELECT convert_from(value, 'UTF8') FROM settings WHERE name = 'next_id'")
        let firstID = max(try integer("SELECT coalesce(max(id), 0)::int8 + 1 FROM units"),
                          nextIDSetting.count > 0 ? Int64(nextIDSetting.text(0, 0) ?? "") ?? 1 : 1)
        var batches = PostingBatches(highestStored: Int(try integer("SELECT coalesce(max(key & 255), 0)::int8 FROM postings")))
        let wasEmpty = firstID == 1

        let prepared = PreparedUnits(files, table: table ?? [:])
        defer { prepared.cancel() }
        var builder = PostingBuilder()
        var nextID = firstID
        var importedKeys = Set<Int64>()  // pair keys this import stored
        var bumps: [Int64: Int64] = [:]  // id → identical units imported

        func write(_ builder: PostingBuilder) throws {
            guard !builder.isEmpty else { return }
            let batch = try batches.take { try compactPostings() }
            try connection.copy(into: "postings", columns: ["key", "count", "data"]) { rows in
                try builder.blocks { side, item, count, bytes in
                    try rows.startRow()
                    rows.add(TranslationMemoryStore.postingKey(item: item, side: side, block: batch))
                    rows.add(Int64(count))
                    rows.add(bytes: bytes)
                }
            }
        }

        while let chunk = prepared.next() {
            // Rows stored before with this chunk's pair keys, by earlier imports or by
            // earlier chunks of this one.
            let keys = Set(chunk.compactMap { unit in unit.row.flatMap { !wasEmpty || importedKeys.contains($0.key) ? $0.key : nil } })
            var stored: [Int64: [StoredTexts]] = [:]
            if !keys.isEmpty {
                let rows = try connection.query("""
                    SELECT id, pair_key, zh_lang, zh, zh_markup, other_lang, other, other_markup FROM units WHERE pair_key = ANY($1)
                    """, [.ints(Array(keys))])
                for index in 0..<rows.count { stored[rows.int(index, 1), default: []].append(StoredTexts(rows, index)) }
            }
            var added: [(id: Int64, row: PendingRow)] = []
            var addedByKey: [Int64: [Int]] = [:]
            for unit in chunk {
                guard let row = unit.row else {
                    report.skipped += 1
                    continue
                }
                // Identical pairs are stored once; a pair key shared by different texts
                // (a hash collision) is told apart by the texts.
                let existing = stored[row.key]?.first { $0.same(as: row) }?.id
                    ?? addedByKey[row.key]?.first { same(row, added[$0].row) }.map { added[$0].id }
                if let existing {
                    bumps[existing, default: 0] += 1
                    report.merged += 1
                    continue
                }
                let entries = unit.zhItems.count + unit.otherItems.count
                guard entries <= PostingBuilder.capacity else {
                    throw StoreError("\(row.origin ?? location): error: a unit too long to index (\(entries) index entries, at most \(PostingBuilder.capacity)); split it into sentences")
                }
                if builder.entryCount + entries > PostingBuilder.capacity {
                    try write(builder)
                    builder = PostingBuilder()
                }
                let id = nextID
                nextID += 1
                addedByKey[row.key, default: []].append(added.count)
                added.append((id, row))
                importedKeys.insert(row.key)
                builder.add(id: id, items: unit.zhItems, length: unit.zhLength, side: .chinese)
                builder.add(id: id, items: unit.otherItems, length: unit.otherLength, side: .other)
                report.added += 1
            }
            if !added.isEmpty { try insert(added, importID: importID) }
        }
        // A file that turned out malformed halfway: the transaction rolls back.
        try prepared.finish()
        try write(builder)
        if !bumps.isEmpty {
            let ids = Array(bumps.keys)
            try connection.query("""
                UPDATE units SET count = units.count + b.n FROM unnest($1::int8[], $2::int8[]) AS b(id, n) WHERE units.id = b.id
                """, [.ints(ids), .ints(ids.map { bumps[$0]! })])
        }
        try connection.query("""
            INSERT INTO settings(name, value) VALUES ('next_id', convert_to($1, 'UTF8'))
            ON CONFLICT (name) DO UPDATE SET value = excluded.value
            """, [.text(String(nextID))])
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let header = try files.compactMap(\.header).first.map { String(decoding: try encoder.encode($0), as: UTF8.self) }
        try connection.query("""
            INSERT INTO imports(id, files, imported, header, added, merged, skipped) VALUES ($1, $2, $3, $4, $5, $6, $7)
            """, [.int(importID), .text(files.map(\.path).joined(separator: "\n")), .text(ISO8601DateFormatter().string(from: Date())),
                  .text(header), .int(Int64(report.added)), .int(Int64(report.merged)), .int(Int64(report.skipped))])
        if batches.needsCompaction { try compactPostings() }
        return report
    }

    private func insert(_ added: [(id: Int64, row: PendingRow)], importID: Int64) throws {
        let columns = ["id", "pair_key", "zh_lang", "zh", "zh_markup", "other_lang", "other", "other_markup",
                       "zh_is_source", "count", "tuid", "created", "tool", "origin", "metadata", "import_id"]
        try connection.copy(into: "units", columns: columns) { rows in
            for (id, row) in added {
                try rows.startRow()
                rows.add(id)
                rows.add(row.key)
                rows.add(row.zhLanguage)
                rows.add(row.zh)
                rows.add(row.zhMarkup)
                rows.add(row.otherLanguage)
                rows.add(row.other)
                rows.add(row.otherMarkup)
                rows.add(boolean: row.zhIsSource)
                rows.add(1)
                rows.add(row.tuid)
                rows.add(row.created)
                rows.add(row.tool)
                rows.add(row.origin)
                rows.add(row.metadata)
                rows.add(importID)
            }
        }
    }

    /// Rewrites every item's posting blocks as one block (block 1), reading them in key
    /// order through a cursor.
    private func compactPostings() throws {
        try connection.execute("CREATE TEMP TABLE merged(key bigint, count bigint, data bytea) ON COMMIT DROP")
        var merger = PostingMerger()
        var pending: [PostingMerger.Block] = []
        func store() throws {
            guard !pending.isEmpty else { return }
            try connection.copy(into: "merged", columns: ["key", "count", "data"]) { rows in
                for block in pending {
                    try rows.startRow()
                    rows.add(block.key)
                    rows.add(Int64(block.count))
                    rows.add(bytes: block.data)
                }
            }
            pending.removeAll(keepingCapacity: true)
        }
        // Merged blocks go to the server a few thousand at a time, between fetches.
        try connection.forEachRow("SELECT key, data FROM postings ORDER BY key") { rows, index in
            if let merged = rows.withBytes(index, 1, { merger.add(key: rows.int(index, 0), block: $0) }) { pending.append(merged) }
            if pending.count >= 5000 { try store() }
            return true
        }
        if let merged = merger.finish() { pending.append(merged) }
        try store()
        try connection.execute("""
            DELETE FROM postings;
            INSERT INTO postings(key, count, data) SELECT key, count, data FROM merged ORDER BY key;
            DROP TABLE merged;
            """)
    }

    private func integer(_ sql: String) throws -> Int64 {
        try connection.query(sql).int(0, 0)
    }

    private func same(_ a: PendingRow, _ b: PendingRow) -> Bool {
        a.sameText(zhLanguage: b.zhLanguage, zh: b.zh, zhMarkup: b.zhMarkup, otherLanguage: b.otherLanguage, other: b.other, otherMarkup: b.otherMarkup)
    }
}

/// The texts of a stored unit, to tell whether an imported unit is identical.
private struct StoredTexts {
    var id: Int64
    var zhLanguage: String, zh: String, zhMarkup: String?
    var otherLanguage: String, other: String, otherMarkup: String?

    init(_ rows: PostgresRows, _ index: Int) {
        id = rows.int(index, 0)
        zhLanguage = rows.text(index, 2) ?? ""
        zh = rows.text(index, 3) ?? ""
        zhMarkup = rows.text(index, 4)
        otherLanguage = rows.text(index, 5) ?? ""
        other = rows.text(index, 6) ?? ""
        otherMarkup = rows.text(index, 7)
    }

    func same(as row: PendingRow) -> Bool {
        row.sameText(zhLanguage: zhLanguage, zh: zh, zhMarkup: zhMarkup, otherLanguage: otherLanguage, other: other, otherMarkup: otherMarkup)
    }
}
