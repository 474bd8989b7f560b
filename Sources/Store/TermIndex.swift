public import BilingualCorpus
public import ChineseText
import Formats
import Foundation
import GRDB
import SourceText
import Terminology

/// The embedded index of glossaries, corpora and dictionaries (SQLite in WAL
/// mode through GRDB): rebuilt per source file when it changes (size, mtime,
/// content hash), in one transaction, so readers always see a whole index and a
/// crash mid-build leaves the old one usable. Lookups never re-parse the files.
public final class TermIndex {
    /// The database file.
    public let path: String
    /// A pool (readers never wait for a refresh) when the index may be written; nil for a
    /// lookup on a fresh index, which only reads.
    let writer: (any DatabaseWriter)?
    /// The connection lookups read through, opened on first use (see `SQLiteReader`).
    private var reader: SQLiteReader?

    /// Runs `body` in one read transaction on the reading connection.
    func reading<T>(_ body: (SQLiteReader) throws -> T) throws -> T {
        if reader == nil { reader = try SQLiteReader(path: path) }
        return try reader!.read(body)
    }

    /// Raised when what is stored changes meaning, so that an older index is built again:
    /// 7, pinyin keys made with the common word readings (银行 yinhang).
    static let schemaVersion = 7

    /// What a refresh did.
    public struct RefreshReport: Sendable {
        /// Sources (re)indexed.
        public var indexed: [String] = []
        /// Sources dropped from the index because they are gone.
        public var removed: [String] = []
        /// Entries written.
        public var entries = 0
    }

    /// Opens an existing, current index at `path` only to read it, or returns nil (missing,
    /// damaged, or from another schema version: open it with `init(path:)` instead).
    public init?(readingOnly path: String) {
        guard access(path, F_OK) == 0, let reader = try? SQLiteReader(path: path),
              (try? reader.read({ try $0.integer("PRAGMA user_version") })) == Self.schemaVersion
        else { return nil }
        self.path = path
        self.reader = reader
        writer = nil
    }

    /// True when no source changed (size and modification time), none was added and none
    /// removed since the last refresh: `refresh` would do nothing.
    public func isFresh(_ sources: IndexSources) throws -> Bool {
        let stored: [String: (size: Int64, modified: Double)] = try reading { db in
            var table: [String: (Int64, Double)] = [:]
            for row in try db.rows("SELECT path, size, modified FROM sources") {
                table[row.string("path")] = (Int64(row.int("size")), row.double("modified"))
            }
            return table
        }
        var wanted: Set<String> = []
        for (path, _) in sources.all where wanted.insert(path).inserted {
            guard let stat = sources.stat(path), let old = stored[path] else { return false }
            if old.size != stat.size || old.modified != stat.modified { return false }
        }
        return wanted.count == stored.count
    }

    /// Moves what SQLite's write-ahead log holds into the index file and empties the log, as
    /// far as readers allow (a reader holding an old snapshot makes it stop short; the next
    /// call goes on). Does nothing on an index opened only to read it.
    public func checkpoint() {
        try? writer?.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)") }
    }

    /// Opens the index at `path`, creating it (and its folder) when missing and
    /// starting afresh when the file is corrupt or from another schema version.
    /// - Throws: `StoreError` when the folder cannot be written.
    public init(path: String) throws {
        self.path = path
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty {
            try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        }
        var configuration = Configuration()
        configuration.busyMode = .timeout(15)
        configuration.prepareDatabase { db in
            // WAL with NORMAL sync is still crash-safe (a crash loses at most the last
            // transaction, never the index's consistency). A page cache of up to 256 MB keeps a
            // dictionary build's index pages in memory until the commit writes each page once.
            try db.execute(sql: "PRAGMA synchronous = NORMAL; PRAGMA cache_size = -262144")
        }
        do {
            writer = try Self.open(path, configuration)
        } catch {
            // A damaged or foreign file: the index is derived data, so start again.
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
            do {
                writer = try Self.open(path, configuration)
            } catch {
                throw StoreError("\(path): error: cannot create the index (\(error)); check that the folder is writable")
            }
        }
    }

    private static func open(_ path: String, _ configuration: Configuration) throws -> DatabasePool {
        let pool = try DatabasePool(path: path, configuration: configuration)
        let version = try pool.read { db in try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0 }
        if version != schemaVersion {
            try pool.write { db in
                for table in ["entries_fts", "entries", "sources"] { try db.execute(sql: "DROP TABLE IF EXISTS \(table)") }
                try createSchema(db)
                try db.execute(sql: "PRAGMA user_version = \(schemaVersion)")
            }
        }
        return pool
    }

    private static func createSchema(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE sources(path TEXT PRIMARY KEY, kind TEXT NOT NULL, size INTEGER NOT NULL,
                                 modified REAL NOT NULL, hash TEXT NOT NULL);
            CREATE TABLE entries(
                id INTEGER PRIMARY KEY, source TEXT NOT NULL, kind TEXT NOT NULL, line INTEGER NOT NULL,
                zh TEXT NOT NULL, traditional TEXT NOT NULL DEFAULT '', en TEXT NOT NULL DEFAULT '',
                en_key TEXT NOT NULL DEFAULT '', pinyin TEXT NOT NULL DEFAULT '', pinyin_key TEXT NOT NULL DEFAULT '',
                initials TEXT NOT NULL DEFAULT '', status TEXT NOT NULL DEFAULT '', definition TEXT NOT NULL DEFAULT '',
                note TEXT NOT NULL DEFAULT '', context TEXT NOT NULL DEFAULT '');
            CREATE VIRTUAL TABLE entries_fts USING fts5(en, tokenize = 'porter unicode61 remove_diacritics 2');
            """)
        for index in secondaryIndexes { try db.execute(sql: index.create) }
    }

    /// The indexes of `entries`, besides its primary key.
    public static let secondaryIndexes: [(name: String, create: String)] = [
        ("entries_zh", "CREATE INDEX entries_zh ON entries(zh)"),
        ("entries_traditional", "CREATE INDEX entries_traditional ON entries(traditional)"),
        ("entries_pinyin", "CREATE INDEX entries_pinyin ON entries(pinyin_key)"),
        ("entries_initials", "CREATE INDEX entries_initials ON entries(initials) WHERE kind IN ('glossary', 'corpus')"),
        ("entries_en", "CREATE INDEX entries_en ON entries(en_key)"),
        ("entries_source", "CREATE INDEX entries_source ON entries(source)"),
        ("entries_kind", "CREATE INDEX entries_kind ON entries(kind, zh)"),
    ]

    /// Rows added in one refresh above which the indexes are dropped and built again after
    /// the inserts: building an index by sorting once is faster than growing seven indexes
    /// row by row (a dictionary of 122,000 entries).
    public static let bulkRows = 20_000

    // MARK: - Refresh

    /// Brings the index up to date with `sources`.
    /// - Parameters:
    ///   - extractPairs: reads a corpus file and returns its pairs (the CLI owns corpus reading).
    ///   - makePinyin: opens a pinyin converter, only when something needs indexing.
    /// - Throws: the first source's read or format error; the index is then left as it was.
    public func refresh(_ sources: IndexSources, extractPairs: (String) throws -> [AlignedPair],
                        makePinyin: () throws -> PinyinConverter) throws -> RefreshReport {
        var report = RefreshReport()
        guard let pool = writer else { throw StoreError("\(path): error: the index was opened only to read it") }
        let stored: [String: (size: Int64, modified: Double, hash: String)] = try pool.read { db in
            var table: [String: (Int64, Double, String)] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT path, size, modified, hash FROM sources") {
                table[row["path"]] = (row["size"], row["modified"], row["hash"])
            }
            return table
        }
        var stale: [(path: String, kind: SourceKind, fingerprint: SourceFingerprint, data: Data)] = []
        var touched: [(String, SourceFingerprint)] = []
        var wanted: Set<String> = []
        for (path, kind) in sources.all where wanted.insert(path).inserted {
            guard let stat = sources.stat(path) else {
                throw StoreError("\(path): error: no such file; check the path (or the dictionaries in .shuyu.toml)")
            }
            let companion = sources.companions[path]
            if let old = stored[path], old.size == stat.size, old.modified == stat.modified { continue }
            guard let data = FileManager.default.contents(atPath: path) else {
                throw StoreError("\(path): error: cannot be read; check its permissions")
            }
            let companionData = companion.flatMap { FileManager.default.contents(atPath: $0) } ?? Data()
            let fingerprint = SourceFingerprint(size: stat.size, modified: stat.modified, hash: SourceFingerprint.hash(data + companionData))
            if let old = stored[path], old.hash == fingerprint.hash {
                touched.append((path, fingerprint))
            } else {
                stale.append((path, kind, fingerprint, data))
            }
        }
        let removed = stored.keys.filter { !wanted.contains($0) }.sorted()
        if stale.isEmpty && removed.isEmpty && touched.isEmpty { return report }

        // Parse everything before writing: a bad file leaves the index untouched.
        var pinyin: PinyinConverter?
        func converter() throws -> PinyinConverter {
            if let pinyin { return pinyin }
            let made = try makePinyin()
            pinyin = made
            return made
        }
        var batches: [(path: String, kind: SourceKind, fingerprint: SourceFingerprint, rows: [EntryRow])] = []
        for source in stale {
            let rows = try Self.rows(for: source.path, kind: source.kind, data: source.data,
                                     extractPairs: extractPairs, pinyin: converter)
            batches.append((source.path, source.kind, source.fingerprint, rows))
        }
        try pool.write { db in
            for path in removed + batches.map(\.path) {
                try db.execute(sql: "DELETE FROM entries_fts WHERE rowid IN (SELECT id FROM entries WHERE source = ?)", arguments: [path])
                try db.execute(sql: "DELETE FROM entries WHERE source = ?", arguments: [path])
                try db.execute(sql: "DELETE FROM sources WHERE path = ?", arguments: [path])
            }
            let bulk = batches.reduce(0) { $0 + $1.rows.count } > Self.bulkRows
            if bulk {
                for index in Self.secondaryIndexes { try db.execute(sql: "DROP INDEX IF EXISTS \(index.name)") }
            }
            let insert = try db.makeStatement(sql: """
                INSERT INTO entries(source, kind, line, zh, traditional, en, en_key, pinyin, pinyin_key, initials,
                                    status, definition, note, context) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)
                """)
            for batch in batches {
                for row in batch.rows {
                    // Bound through SQLite's C API: GRDB's boxed arguments cost as much as the insert.
                    insert.bindText(1, batch.path)
                    insert.bindText(2, row.kind ?? batch.kind.rawValue)
                    insert.bindInteger(3, Int64(row.line))
                    insert.bindText(4, row.zh)
                    insert.bindText(5, row.traditional)
                    insert.bindText(6, row.en)
                    insert.bindText(7, row.enKey)
                    insert.bindText(8, row.pinyin)
                    insert.bindText(9, row.pinyinKey)
                    insert.bindText(10, row.initials)
                    insert.bindText(11, row.status)
                    insert.bindText(12, row.definition)
                    insert.bindText(13, row.note)
                    insert.bindText(14, row.context)
                    try insert.stepOnce(db, writing: "an entry of \(batch.path)")
                }
                // English words of the new rows, in one statement (no per-row round trips).
                try db.execute(sql: "INSERT INTO entries_fts(rowid, en) SELECT id, en FROM entries WHERE source = ? AND en != ''",
                               arguments: [batch.path])
                try db.execute(sql: "INSERT INTO sources(path, kind, size, modified, hash) VALUES (?,?,?,?,?)",
                               arguments: [batch.path, batch.kind.rawValue, batch.fingerprint.size,
                                           batch.fingerprint.modified, batch.fingerprint.hash])
                report.entries += batch.rows.count
            }
            if bulk {
                for index in Self.secondaryIndexes { try db.execute(sql: index.create) }
            }
            for (path, fingerprint) in touched {
                try db.execute(sql: "UPDATE sources SET size = ?, modified = ? WHERE path = ?",
                               arguments: [fingerprint.size, fingerprint.modified, path])
            }
        }
        // The new pages move from the write-ahead log into the index file now: a lookup opens
        // the index read-only and would otherwise read the whole log (tens of megabytes after a
        // dictionary build) on every start, until some connection closed the index cleanly.
        // (A reader holding the log open only makes the checkpoint stop short; it is retried
        // by the next refresh.)
        checkpoint()
        report.indexed = batches.map(\.path)
        report.removed = removed
        return report
    }

    /// One row to index.
    struct EntryRow {
        /// Overrides the source's kind: `sentence` for sentence pairs from parallel sources.
        var kind: String?
        var line: Int
        var zh: String
        var traditional = ""
        var en = ""
        var enKey = ""
        var pinyin = ""
        var pinyinKey = ""
        var initials = ""
        var status = ""
        var definition = ""
        var note = ""
        var context = ""
    }

    private static func rows(for path: String, kind: SourceKind, data: Data, extractPairs: (String) throws -> [AlignedPair],
                             pinyin: () throws -> PinyinConverter) throws -> [EntryRow] {
        var rows: [EntryRow] = []
        func withPinyin(_ row: inout EntryRow, given: String) throws {
            row.pinyin = given.isEmpty ? try pinyin().toneMarked(row.zh) : given
            (row.pinyinKey, row.initials) = PinyinSyllable.searchKeyAndInitials(row.pinyin)
        }
        switch kind {
        case .corpus:
            var lines: [Substring] = []
            for pair in try extractPairs(path) {
                var row = EntryRow(line: pair.zhLocation.line, zh: pair.zh, en: pair.en, enKey: CandidateGlossary.renderingKey(pair.en))
                row.definition = pair.definition
                row.status = pair.kind.rawValue
                if pair.kind == .parallel {
                    row.kind = "sentence"
                    row.context = pair.zh + "  " + pair.en
                } else {
                    // Lines counted as the extractor counts them (LF, CRLF and lone CR).
                    if lines.isEmpty { lines = TextLines.lines(String(decoding: data, as: UTF8.self)) }
                    if pair.zhLocation.line - 1 < lines.count { row.context = String(lines[pair.zhLocation.line - 1]) }
                }
                try withPinyin(&row, given: "")
                rows.append(row)
            }
        case .glossary, .dictionary:
            let text = try TextDecoding.decodeUTF8(data, source: path)
            if kind == .dictionary && !looksLikeGlossary(text) {
                try CEDICTReader.read(text, source: path) { entry in
                    var row = EntryRow(line: entry.line, zh: entry.simplified, traditional: entry.traditional)
                    row.en = entry.senses.joined(separator: " / ")
                    // The first sense is what an English lookup finds exactly (银行 for "bank").
                    // A sense with Chinese in it (`variant of 捲起`) is never an English query.
                    if let first = entry.senses.first(where: { !$0.hasPrefix("CL:") }),
                       first.utf8.allSatisfy({ $0 < 0x80 }) || !first.unicodeScalars.contains(where: { $0.properties.isIdeographic }) {
                        row.enKey = CandidateGlossary.renderingKey(first)
                    }
                    row.pinyin = entry.pinyin
                    (row.pinyinKey, row.initials) = PinyinSyllable.searchKeyAndInitials(entry.pinyin)
                    rows.append(row)
                }
            } else {
                for glossaryRow in try GlossaryTSVReader.read(text, source: path).rows {
                    let entry = glossaryRow.entry
                    var row = EntryRow(line: glossaryRow.line, zh: entry.zh, en: entry.en, enKey: CandidateGlossary.renderingKey(entry.en))
                    row.status = entry.en.isEmpty ? "" : entry.status.rawValue
                    row.definition = entry.definition
                    row.note = entry.note
                    try withPinyin(&row, given: entry.pinyin)
                    rows.append(row)
                }
            }
        }
        return rows
    }

    /// A dictionary given as a glossary TSV (header with zh and en) rather than CC-CEDICT:
    /// judged from the first line that is not a comment.
    private static func looksLikeGlossary(_ text: String) -> Bool {
        for line in text.utf8.prefix(65_536).split(separator: 0x0A) where line.first != 0x23 && !line.isEmpty {
            let fields = line.split(separator: 0x09).map { String(decoding: $0, as: UTF8.self).lowercased() }
            return fields.contains("zh") && fields.contains("en")
        }
        return false
    }
}
