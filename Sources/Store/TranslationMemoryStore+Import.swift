import Foundation
import GRDB
import GRDBSQLite
public import TranslationMemory

extension TranslationMemoryStore {
    /// Imports `files` in one transaction: all of them or, on any error, none.
    /// - Parameter folding: folds texts for the candidate index.
    public func importFiles(_ files: [MemoryFile], folding: MatchFolding) throws -> MemoryImportReport {
        var report = MemoryImportReport()
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        try pool.write { db in
            let table = try Self.recordedFolding(folding, in: db)
            let importID = (try Int64.fetchOne(db, sql: "SELECT coalesce(max(id), 0) + 1 FROM imports")) ?? 1
            // Ids are never reused: `next_id` also covers ids that memories from before
            // this version gave to duplicates (whose posting entries point at no unit and
            // are skipped by the search). Now only stored units get an id.
            let firstID = max((try Int64.fetchOne(db, sql: "SELECT coalesce(max(id), 0) + 1 FROM units")) ?? 1,
                              (try Int64.fetchOne(db, sql: "SELECT CAST(value AS INTEGER) FROM settings WHERE name = 'next_id'")) ?? 1)
            var batches = PostingBatches(highestStored: Int((try Int64.fetchOne(db, sql: "SELECT coalesce(max(key & 255), 0) FROM postings")) ?? 0))
            let wasEmpty = firstID == 1
            // Into an empty memory, building the pair-key index once at the end is faster
            // than growing it row by row (duplicates within the import are found in memory).
            if wasEmpty { try db.execute(sql: "DROP INDEX IF EXISTS units_pair_key") }

            // One thread reads the files, every core folds, tokenizes and keys units, this
            // thread writes rows (in id order) and one more collects their postings.
            let prepared = PreparedUnits(files, table: table)
            defer { prepared.cancel() }

            let find = try db.cachedStatement(sql: "SELECT id, zh_lang, zh, zh_markup, other_lang, other, other_markup FROM units WHERE pair_key = ?")
            let findID = try db.cachedStatement(sql: "SELECT id, zh_lang, zh, zh_markup, other_lang, other, other_markup FROM units WHERE id = ?")
            let bump = try db.cachedStatement(sql: "UPDATE units SET count = count + 1 WHERE id = ?")
            let insert = try db.cachedStatement(sql: """
                INSERT INTO units(id, pair_key, zh_lang, zh, zh_markup, other_lang, other, other_markup,
                                  zh_is_source, count, tuid, created, tool, origin, metadata, import_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?)
                """)
            // Postings are collected on a thread of their own: adding index entries was a
            // third of this thread's work.
            let collector = PostingCollector()
            defer { collector.cancel() }
            var nextID = firstID
            var keys: [Int64: Int64] = [:]  // pair key → the first id stored with it by this import

            func write(_ builder: PostingBuilder) throws {
                guard !builder.isEmpty else { return }
                let batch = try batches.take { try Self.compactPostings(db) }
                let statement = try db.cachedStatement(sql: "INSERT INTO postings(key, count, data) VALUES (?, ?, ?)")
                let handle = statement.sqliteStatement
                // In key order (item, side, block): the blocks of a new memory are appended.
                try builder.blocks { side, item, count, bytes in
                    sqlite3_reset(handle)
                    sqlite3_bind_int64(handle, 1, Self.postingKey(item: item, side: side, block: batch))
                    sqlite3_bind_int64(handle, 2, Int64(count))
                    let status = bytes.withUnsafeBytes { bytes in
                        _ = sqlite3_bind_blob(handle, 3, bytes.baseAddress, Int32(bytes.count), nil)  // stepped before it goes away
                        return sqlite3_step(handle)
                    }
                    sqlite3_reset(handle)
                    guard status == SQLITE_DONE else {
                        throw StoreError("\(path): error: cannot store the index (SQLite \(status): \(String(cString: sqlite3_errmsg(db.sqliteConnection))))")
                    }
                }
            }

            func matching(_ statement: Statement, _ argument: Int64, _ row: PendingRow) throws -> Int64? {
                let rows = try Row.fetchCursor(statement, arguments: [argument])
                while let stored = try rows.next() {
                    if row.sameText(asStored: stored) { return stored["id"] }
                }
                return nil
            }

            while let chunk = prepared.next() {
                var stored: [PostingCollector.Entry] = []
                stored.reserveCapacity(chunk.count)
                for unit in chunk {
                    guard let row = unit.row else {
                        report.skipped += 1
                        continue
                    }
                    // Identical pairs, from this import or an earlier one, are stored once.
                    // A pair key shared by different texts (a hash collision) falls back
                    // to every row with that key.
                    var existing: Int64?
                    if let earlier = keys[row.key] {
                        existing = try matching(findID, earlier, row) ?? matching(find, row.key, row)
                    } else if !wasEmpty {
                        existing = try matching(find, row.key, row)
                    }
                    if let existing {
                        try bump.execute(arguments: [existing])
                        report.merged += 1
                        continue
                    }
                    let entries = unit.zhItems.count + unit.otherItems.count
                    guard entries <= PostingBuilder.capacity else {
                        throw StoreError("\(row.origin ?? path): error: a unit too long to index (\(entries) index entries, at most \(PostingBuilder.capacity)); split it into sentences")
                    }
                    let id = nextID
                    nextID += 1
                    try Self.insert(row, id: id, importID: importID, with: insert, in: db)
                    if keys[row.key] == nil { keys[row.key] = id }
                    stored.append(PostingCollector.Entry(id: id, zhItems: unit.zhItems, zhLength: unit.zhLength,
                                                         otherItems: unit.otherItems, otherLength: unit.otherLength))
                    report.added += 1
                }
                collector.send(stored)
                for full in collector.takeFull() { try write(full) }
            }
            // A file that turned out malformed halfway: nothing is imported.
            try prepared.finish()
            for builder in collector.finish() { try write(builder) }
            if wasEmpty { try db.execute(sql: "CREATE INDEX IF NOT EXISTS units_pair_key ON units(pair_key)") }
            try db.execute(sql: "INSERT OR REPLACE INTO settings(name, value) VALUES ('next_id', ?)", arguments: [nextID])
            let header: String? = try files.compactMap(\.header).first.map { String(decoding: try encoder.encode($0), as: UTF8.self) }
            try db.execute(sql: "INSERT INTO imports(id, files, imported, header, added, merged, skipped) VALUES (?, ?, ?, ?, ?, ?, ?)",
                           arguments: [importID, files.map(\.path).joined(separator: "\n"), ISO8601DateFormatter().string(from: Date()),
                                       header, report.added, report.merged, report.skipped])
            if batches.needsCompaction { try Self.compactPostings(db) }
        }
        return report
    }

    /// Inserts `row` with the statement `insert` (the `units` columns in order), binding
    /// values through SQLite's C API: an import spends half its writing time here, and
    /// GRDB's general argument handling doubled that.
    private static func insert(_ row: PendingRow, id: Int64, importID: Int64, with insert: Statement, in db: Database) throws {
        sqlite3_reset(insert.sqliteStatement)
        insert.bindInteger(1, id)
        insert.bindInteger(2, row.key)
        insert.bindText(3, row.zhLanguage)
        insert.bindText(4, row.zh)
        insert.bindText(5, row.zhMarkup)
        insert.bindText(6, row.otherLanguage)
        insert.bindText(7, row.other)
        insert.bindText(8, row.otherMarkup)
        insert.bindInteger(9, row.zhIsSource ? 1 : 0)
        insert.bindText(10, row.tuid)
        insert.bindText(11, row.created)
        insert.bindText(12, row.tool)
        insert.bindText(13, row.origin)
        insert.bindText(14, row.metadata)
        insert.bindInteger(15, importID)
        try insert.stepOnce(db, writing: "a unit")
    }

    /// Rewrites every item's posting blocks as one block (block 1).
    static func compactPostings(_ db: Database) throws {
        try db.execute(sql: "CREATE TEMP TABLE merged(key INTEGER PRIMARY KEY, count INTEGER, data BLOB)")
        let rows = try Row.fetchCursor(db, sql: "SELECT key, count, data FROM postings ORDER BY key")
        let write = try db.makeStatement(sql: "INSERT INTO merged VALUES (?, ?, ?)")
        func store(_ block: PostingMerger.Block?) throws {
            guard let block else { return }
            try write.execute(arguments: [block.key, block.count, Data(block.data)])
        }
        var merger = PostingMerger()
        while let row = try rows.next() {
            let key: Int64 = row[0]
            let merged = try row.withUnsafeData(atIndex: 2) { data in
                (data ?? Data()).withUnsafeBytes { merger.add(key: key, block: $0) }
            }
            try store(merged)
        }
        try store(merger.finish())
        try db.execute(sql: """
            DELETE FROM postings;
            INSERT INTO postings(key, count, data) SELECT key, count, data FROM merged ORDER BY key;
            DROP TABLE merged;
            """)
    }
}

/// Adds stored units' index items to posting builders on a thread of its own, in id
/// order. A builder that reaches `PostingBuilder.capacity` is handed back (`takeFull`)
/// for the writing thread to store.
private final class PostingCollector: @unchecked Sendable {
    struct Entry: Sendable {
        var id: Int64
        var zhItems: [Int64], zhLength: Int
        var otherItems: [Int64], otherLength: Int
    }

    private let channel = Channel<[Entry]>(capacity: 8)
    private let lock = NSLock()
    private var full: [PostingBuilder] = []
    private var current = PostingBuilder()
    private let done = DispatchSemaphore(value: 0)

    init() {
        startThread { self.run() }
    }

    func send(_ entries: [Entry]) {
        _ = channel.send(entries)
    }

    /// Builders that reached capacity since the last call.
    func takeFull() -> [PostingBuilder] {
        lock.lock()
        defer { lock.unlock() }
        let taken = full
        full = []
        return taken
    }

    /// Waits until every entry sent is added; returns the builders not yet taken, the last one included.
    func finish() -> [PostingBuilder] {
        channel.close()
        done.wait()
        return takeFull() + [current]
    }

    /// Stops adding (the import failed).
    package func cancel() {
        channel.cancel()
    }

    private func run() {
        defer { done.signal() }
        while let entries = channel.receive() {
            for entry in entries {
                // Units too long for one builder were refused before they got an id.
                if current.entryCount + entry.zhItems.count + entry.otherItems.count > PostingBuilder.capacity {
                    lock.lock()
                    full.append(current)
                    lock.unlock()
                    current = PostingBuilder()
                }
                current.add(id: entry.id, items: entry.zhItems, length: entry.zhLength, side: .chinese)
                current.add(id: entry.id, items: entry.otherItems, length: entry.otherLength, side: .other)
            }
        }
    }
}

extension PendingRow {
    func sameText(asStored row: Row) -> Bool {
        sameText(zhLanguage: row["zh_lang"], zh: row["zh"], zhMarkup: row["zh_markup"],
                 otherLanguage: row["other_lang"], other: row["other"], otherMarkup: row["other_markup"])
    }
}
