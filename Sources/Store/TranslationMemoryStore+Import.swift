import Foundation
import GRDB
import GRDBSQLite
public import TranslationMemory

/// Units read from one file, ready to import.
public struct MemoryFile: Sendable {
    /// The file, as given.
    public var path: String
    /// Its units, when they were read in advance.
    public var units: [TranslationUnit]
    /// Reads its units during the import (after `units`), a window at a time; one import
    /// uses it up.
    public var reader: (any TranslationUnitReader)?
    /// The file's source language (TMX `srclang`), when it names one.
    public var sourceLanguage: LanguageTag?
    /// Header properties and notes to keep (TMX `<header>`).
    public var header: UnitMetadata?

    public init(path: String, units: [TranslationUnit], sourceLanguage: LanguageTag? = nil, header: UnitMetadata? = nil) {
        self.path = path
        self.units = units
        self.sourceLanguage = sourceLanguage
        self.header = header
    }

    /// A file whose units `reader` reads as the import goes: memory holds a few windows
    /// of units, not the file's every unit, and reading overlaps storing.
    public init(path: String, reader: any TranslationUnitReader, sourceLanguage: LanguageTag? = nil, header: UnitMetadata? = nil) {
        self.init(path: path, units: [], sourceLanguage: sourceLanguage, header: header)
        self.reader = reader
    }
}

/// What an import did.
public struct MemoryImportReport: Sendable, Equatable {
    /// Units stored for the first time.
    public var added = 0
    /// Units identical to a stored one, whose count went up.
    public var merged = 0
    /// Units without a Chinese variant, without a second language, or with empty text.
    public var skipped = 0

    public init() {}
}

extension TranslationMemoryStore {
    /// Imports `files` in one transaction: all of them or, on any error, none.
    /// - Parameter folding: folds texts for the candidate index.
    public func importFiles(_ files: [MemoryFile], folding: MatchFolding) throws -> MemoryImportReport {
        var report = MemoryImportReport()
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        try pool.write { db in
            try Self.recordFolding(folding, in: db)
            let importID = (try Int64.fetchOne(db, sql: "SELECT coalesce(max(id), 0) + 1 FROM imports")) ?? 1
            // Ids are never reused: `next_id` also covers ids that memories from before
            // this version gave to duplicates (whose posting entries point at no unit and
            // are skipped by the search). Now only stored units get an id.
            let firstID = max((try Int64.fetchOne(db, sql: "SELECT coalesce(max(id), 0) + 1 FROM units")) ?? 1,
                              (try Int64.fetchOne(db, sql: "SELECT CAST(value AS INTEGER) FROM settings WHERE name = 'next_id'")) ?? 1)
            var batch = 1 + Int((try Int64.fetchOne(db, sql: "SELECT coalesce(max(key & 255), 0) FROM postings")) ?? 0)
            let wasEmpty = firstID == 1
            // Into an empty memory, building the pair-key index once at the end is faster
            // than growing it row by row (duplicates within the import are found in memory).
            if wasEmpty { try db.execute(sql: "DROP INDEX IF EXISTS units_pair_key") }

            // One thread reads the files, every core folds, tokenizes and keys units, this
            // thread writes rows (in id order) and one more collects their postings.
            let table = try Self.simplifiedTable(db) ?? [:]
            let channel = Channel<[PreparedUnit]>(capacity: 8)
            let readFailure = FailureBox()
            startThread {
                do {
                    try Self.prepare(files, table: table, into: channel)
                } catch {
                    readFailure.error = error
                }
                channel.close()
            }
            defer { channel.cancel() }

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
                if batch > 250 {
                    try Self.compactPostings(db)
                    batch = 2
                }
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
                batch += 1
            }

            func matching(_ statement: Statement, _ argument: Int64, _ row: PendingRow) throws -> Int64? {
                let rows = try Row.fetchCursor(statement, arguments: [argument])
                while let stored = try rows.next() {
                    if row.sameText(asStored: stored) { return stored["id"] }
                }
                return nil
            }

            while let chunk = channel.receive() {
                var stored: [PostingCollector.Entry] = []
                stored.reserveCapacity(chunk.count)
                for prepared in chunk {
                    guard let row = prepared.row else {
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
                    let entries = prepared.zhItems.count + prepared.otherItems.count
                    guard entries <= PostingBuilder.capacity else {
                        throw StoreError("\(row.origin ?? path): error: a unit too long to index (\(entries) index entries, at most \(PostingBuilder.capacity)); split it into sentences")
                    }
                    let id = nextID
                    nextID += 1
                    try Self.insert(row, id: id, importID: importID, with: insert, in: db)
                    if keys[row.key] == nil { keys[row.key] = id }
                    stored.append(PostingCollector.Entry(id: id, zhItems: prepared.zhItems, zhLength: prepared.zhLength,
                                                         otherItems: prepared.otherItems, otherLength: prepared.otherLength))
                    report.added += 1
                }
                collector.send(stored)
                for full in collector.takeFull() { try write(full) }
            }
            // A file that turned out malformed halfway: nothing is imported.
            if let error = readFailure.error { throw error }
            for builder in collector.finish() { try write(builder) }
            if wasEmpty { try db.execute(sql: "CREATE INDEX IF NOT EXISTS units_pair_key ON units(pair_key)") }
            try db.execute(sql: "INSERT OR REPLACE INTO settings(name, value) VALUES ('next_id', ?)", arguments: [nextID])
            let header: String? = try files.compactMap(\.header).first.map { String(decoding: try encoder.encode($0), as: UTF8.self) }
            try db.execute(sql: "INSERT INTO imports(id, files, imported, header, added, merged, skipped) VALUES (?, ?, ?, ?, ?, ?, ?)",
                           arguments: [importID, files.map(\.path).joined(separator: "\n"), ISO8601DateFormatter().string(from: Date()),
                                       header, report.added, report.merged, report.skipped])
            if batch - 1 > Self.compactionThreshold { try Self.compactPostings(db) }
        }
        return report
    }

    /// Inserts `row` with the statement `insert` (the `units` columns in order), binding
    /// values through SQLite's C API: an import spends half its writing time here, and
    /// GRDB's general argument handling doubled that.
    private static func insert(_ row: PendingRow, id: Int64, importID: Int64, with insert: Statement, in db: Database) throws {
        let handle = insert.sqliteStatement
        sqlite3_reset(handle)
        let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
        func bind(_ index: Int32, _ value: String?) {
            guard var text = value else {
                sqlite3_bind_null(handle, index)
                return
            }
            text.withUTF8 { bytes in
                _ = sqlite3_bind_text(handle, index, UnsafeRawPointer(bytes.baseAddress!).assumingMemoryBound(to: CChar.self),
                                      Int32(bytes.count), transient)
            }
        }
        sqlite3_bind_int64(handle, 1, id)
        sqlite3_bind_int64(handle, 2, row.key)
        bind(3, row.zhLanguage)
        bind(4, row.zh)
        bind(5, row.zhMarkup)
        bind(6, row.otherLanguage)
        bind(7, row.other)
        bind(8, row.otherMarkup)
        sqlite3_bind_int64(handle, 9, row.zhIsSource ? 1 : 0)
        bind(10, row.tuid)
        bind(11, row.created)
        bind(12, row.tool)
        bind(13, row.origin)
        bind(14, row.metadata)
        sqlite3_bind_int64(handle, 15, importID)
        let status = sqlite3_step(handle)
        sqlite3_reset(handle)
        guard status == SQLITE_DONE else {
            throw StoreError("\(db.description): error: cannot store a unit (SQLite \(status): \(String(cString: sqlite3_errmsg(db.sqliteConnection))))")
        }
    }

    /// Rewrites every item's posting blocks as one block (block 1).
    static func compactPostings(_ db: Database) throws {
        try db.execute(sql: "CREATE TEMP TABLE merged(key INTEGER PRIMARY KEY, count INTEGER, data BLOB)")
        let rows = try Row.fetchCursor(db, sql: "SELECT key, count, data FROM postings ORDER BY key")
        let write = try db.makeStatement(sql: "INSERT INTO merged VALUES (?, ?, ?)")
        var current: Int64?
        var entries: [PostingList.Entry] = []
        func flush() throws {
            guard let current else { return }
            try write.execute(arguments: [current | 1, entries.count, Data(PostingList.encode(entries))])
            entries.removeAll(keepingCapacity: true)
        }
        while let row = try rows.next() {
            let key: Int64 = row[0]
            let itemAndSide = key & ~255
            if current != itemAndSide {
                try flush()
                current = itemAndSide
            }
            try row.withUnsafeData(atIndex: 2) { data in
                data?.withUnsafeBytes { bytes in
                    PostingList.decode(bytes) { id, length in entries.append(PostingList.Entry(id: id, length: length)) }
                }
            }
        }
        try flush()
        try db.execute(sql: """
            DELETE FROM postings;
            INSERT INTO postings(key, count, data) SELECT key, count, data FROM merged ORDER BY key;
            DROP TABLE merged;
            """)
    }
}

extension TranslationMemoryStore {
    /// Turns `files`' units into rows with index items, in their order, sending them to
    /// `channel` in chunks; runs on its own thread, has the files read on another, and
    /// prepares each window of units on every core.
    fileprivate static func prepare(_ files: [MemoryFile], table: [UInt32: UInt32], into channel: Channel<[PreparedUnit]>) throws {
        let workers = max(1, ProcessInfo.processInfo.activeProcessorCount)
        let chunkSize = 1024
        // Files with a reader are read on a thread of their own, a window ahead.
        let windows = Channel<(units: ArraySlice<TranslationUnit>, file: Int)>(capacity: 2)
        let readFailure = FailureBox()
        startThread {
            do {
                try Self.read(files, windowSize: chunkSize * workers, into: windows)
            } catch {
                readFailure.error = error
            }
            windows.close()
        }
        defer { windows.cancel() }
        // One folding and encoder per worker, since neither is thread-safe: a window has
        // at most `workers` slices, and slice k uses tools[k].
        let tools = (0..<workers).map { _ in PreparationTools(table: table) }
        while let (units, index) = windows.receive() {
            let source = files[index].sourceLanguage
            let slices = (units.count + chunkSize - 1) / chunkSize
            let results = PreparedWindow(count: slices)
            DispatchQueue.concurrentPerform(iterations: slices) { slice in
                let lower = units.startIndex + slice * chunkSize, upper = min(units.endIndex, lower + chunkSize)
                let tool = tools[slice]
                results.set(slice, units[lower..<upper].map {
                    PreparedUnit($0, fileSource: source, folding: tool.folding, encoder: tool.encoder)
                })
            }
            for chunk in results.chunks {
                guard channel.send(chunk) else { return }
            }
        }
        if let error = readFailure.error { throw error }
    }

    /// Sends `files`' units in windows of `windowSize`, in order: those read in advance
    /// (slices of the file's array, not copies), then those of each file's reader.
    private static func read(_ files: [MemoryFile], windowSize: Int,
                             into windows: Channel<(units: ArraySlice<TranslationUnit>, file: Int)>) throws {
        for (index, file) in files.enumerated() {
            var start = 0
            while start < file.units.count {
                let end = min(file.units.count, start + windowSize)
                guard windows.send((file.units[start..<end], index)) else { return }
                start = end
            }
            guard let reader = file.reader else { continue }
            while true {
                let units = try reader.next(windowSize)
                if units.isEmpty { break }
                guard windows.send((units[...], index)) else { return }
            }
        }
    }
}

/// Runs `body` on a new thread. The import's stages block on one another, so they get
/// threads of their own: blocked work items in Dispatch's pool (one thread per core)
/// would hold up the next stage until Dispatch adds a thread, about a second later.
private func startThread(_ body: @escaping @Sendable () -> Void) {
    let thread = Thread(block: body)
    thread.qualityOfService = .userInitiated
    thread.start()
}

/// The error that stopped reading, handed from the reading thread to the writing one
/// (set before the channel closes, read after it has).
private final class FailureBox: @unchecked Sendable {
    var error: (any Error)?
}

/// A worker's folding and encoder, used by one slice of a window at a time.
private final class PreparationTools: @unchecked Sendable {
    let folding: MatchFolding
    let encoder = JSONEncoder()

    init(table: [UInt32: UInt32]) {
        folding = MatchFolding(simplified: table)
        encoder.outputFormatting = [.sortedKeys]
    }
}

/// The chunks of one window, filled in by concurrent workers, one slot each.
private final class PreparedWindow: @unchecked Sendable {
    private(set) var chunks: [[PreparedUnit]]
    private let lock = NSLock()

    init(count: Int) {
        chunks = Array(repeating: [], count: count)
    }

    func set(_ index: Int, _ chunk: [PreparedUnit]) {
        lock.lock()
        chunks[index] = chunk
        lock.unlock()
    }
}

/// A unit ready to store: its row and its index items.
private struct PreparedUnit: Sendable {
    var row: PendingRow?
    var zhItems: [Int64] = [], zhLength = 0
    var otherItems: [Int64] = [], otherLength = 0

    init(_ unit: TranslationUnit, fileSource: LanguageTag?, folding: MatchFolding, encoder: JSONEncoder) {
        row = PendingRow(unit, fileSource: fileSource, folding: folding, encoder: encoder)
        guard let row else { return }
        let zh = MatchTokens(row.zh, folding: folding), other = MatchTokens(row.other, folding: folding)
        zhItems = CandidateIndex.items(zh.ids, scheme: MemorySide.chinese.scheme)
        zhLength = zh.count
        otherItems = CandidateIndex.items(other.ids, scheme: MemorySide.other.scheme)
        otherLength = other.count
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
    func cancel() {
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

/// A bounded queue between one producer thread and one consumer.
private final class Channel<Element: Sendable>: @unchecked Sendable {
    private let condition = NSCondition()
    private var items: [Element] = []
    private var closed = false
    private var cancelled = false
    private let capacity: Int

    init(capacity: Int) {
        self.capacity = capacity
    }

    /// Waits for room; false when the consumer gave up.
    func send(_ item: Element) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while items.count >= capacity && !cancelled { condition.wait() }
        if cancelled { return false }
        items.append(item)
        condition.broadcast()
        return true
    }

    /// The next item, or nil when the producer is done or either side gave up.
    func receive() -> Element? {
        condition.lock()
        defer { condition.unlock() }
        while items.isEmpty && !closed && !cancelled { condition.wait() }
        if items.isEmpty || cancelled { return nil }
        let item = items.removeFirst()
        condition.broadcast()
        return item
    }

    func close() {
        condition.lock()
        closed = true
        condition.broadcast()
        condition.unlock()
    }

    func cancel() {
        condition.lock()
        cancelled = true
        items.removeAll()
        condition.broadcast()
        condition.unlock()
    }
}

/// A unit turned into the row the memory stores, or `nil` when it cannot be stored.
private struct PendingRow: Sendable {
    var key: Int64
    var zhLanguage: String, zh: String, zhMarkup: String?
    var otherLanguage: String, other: String, otherMarkup: String?
    var zhIsSource: Bool
    var tuid: String?, created: String?, tool: String?, metadata: String?, origin: String?

    init?(_ unit: TranslationUnit, fileSource: LanguageTag?, folding: MatchFolding, encoder: JSONEncoder) {
        guard let (zhIndex, otherIndex) = unit.chinesePair else { return nil }
        let zhVariant = unit.variants[zhIndex], otherVariant = unit.variants[otherIndex]
        zh = zhVariant.segment.plainText
        other = otherVariant.segment.plainText
        guard !zh.unicodeScalars.allSatisfy(\.properties.isWhitespace), !other.unicodeScalars.allSatisfy(\.properties.isWhitespace) else {
            return nil
        }
        zhLanguage = zhVariant.language.written
        otherLanguage = otherVariant.language.written
        func markup(_ segment: Segment) -> String? {
            guard segment.hasCodes, let data = try? encoder.encode(segment) else { return nil }
            return String(decoding: data, as: UTF8.self)
        }
        zhMarkup = markup(zhVariant.segment)
        otherMarkup = markup(otherVariant.segment)
        let sourceAttribute = unit.metadata.otherAttributes.first { $0.name == "srclang" }.map { LanguageTag($0.value) }
        let source = sourceAttribute ?? fileSource
        zhIsSource = source.map { !otherVariant.language.matches($0) || $0.isChinese } ?? true
        tuid = unit.id
        origin = unit.origin?.description
        created = unit.metadata.creationDate ?? zhVariant.metadata.creationDate
        tool = unit.metadata.creationTool
        let extra = unit.variants.indices.filter { $0 != zhIndex && $0 != otherIndex }.map { unit.variants[$0] }
        let stored = StoredMetadata(unit: unit.metadata, zh: zhVariant.metadata, other: otherVariant.metadata, extra: extra)
        if stored.unit.isEmpty && stored.zh.isEmpty && stored.other.isEmpty && extra.isEmpty {
            metadata = nil
        } else {
            metadata = (try? encoder.encode(stored)).map { String(decoding: $0, as: UTF8.self) }
        }
        var hasher = FNV64()
        // Language codes by their lower-case subtags: `ZH-cn` and `zh_CN` are the same.
        for subtag in zhVariant.language.subtags { hasher.add(subtag) }
        hasher.add(zh)
        hasher.add(zhMarkup ?? "")
        for subtag in otherVariant.language.subtags { hasher.add(subtag) }
        hasher.add(other)
        hasher.add(otherMarkup ?? "")
        key = Int64(bitPattern: hasher.value)
    }

    func sameText(asStored row: Row) -> Bool {
        zh == row["zh"] && other == row["other"] && zhMarkup == row["zh_markup"] && otherMarkup == row["other_markup"]
            && LanguageTag(zhLanguage) == LanguageTag(row["zh_lang"] as String)
            && LanguageTag(otherLanguage) == LanguageTag(row["other_lang"] as String)
    }
}

/// FNV-1a, 64 bits, over strings separated by a byte no UTF-8 text contains.
struct FNV64 {
    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    mutating func add(_ text: String) {
        for byte in text.utf8 { value = (value ^ UInt64(byte)) &* 0x100_0000_01b3 }
        value = (value ^ 0xFF) &* 0x100_0000_01b3
    }
}
