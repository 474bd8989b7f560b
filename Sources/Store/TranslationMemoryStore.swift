import Foundation
import GRDB
public import TranslationMemory

/// A translation memory in an embedded SQLite file (WAL, through GRDB): Chinese
/// units with their translation, deduplicated with a count, and the candidate index
/// fuzzy matching reads (see `CandidateIndex`).
///
/// Unlike the term index, a memory is the user's data: a damaged file is reported,
/// never replaced. Each import is one transaction: readers keep reading the old
/// memory until it commits, and an interrupted import leaves no trace.
public final class TranslationMemoryStore: MemoryStore {
    /// The database file.
    public let path: String
    public var location: String { path }
    /// A pool (WAL: readers never wait for an import) for commands that write; a
    /// read-only queue, which opens faster, for those that only read.
    let pool: any DatabaseWriter
    /// The schema this build reads and writes.
    static let schemaVersion = 1
    /// Posting blocks per item above which an import merges them into one.
    package static let compactionThreshold = 24

    /// The key of an item's posting block: the 48-bit item, the side and the block
    /// number (below 256) packed into one integer, so that an item's blocks are
    /// neighbours in the table's B-tree.
    package static func postingKey(item: Int64, side: MemorySide, block: Int) -> Int64 {
        item << 9 | Int64(side.rawValue) << 8 | Int64(block)
    }

    /// Opens the memory at `path`, creating it (and its folder) when missing; with
    /// `create: false`, only to read.
    /// - Throws: `StoreError` when the file is not a Shuyu memory, is damaged, or was
    ///   made by a newer Shuyu.
    public init(path: String, create: Bool = true) throws {
        self.path = path
        let exists = FileManager.default.fileExists(atPath: path)
        if !exists && !create {
            throw StoreError("\(path): error: no translation memory here; import one first with 'shuyu tm import FILE'")
        }
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty {
            try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        }
        var configuration = Configuration()
        configuration.busyMode = .timeout(30)
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = NORMAL; PRAGMA cache_size = -32768")
        }
        do {
            if create {
                pool = try DatabasePool(path: path, configuration: configuration)
            } else {
                configuration.readonly = true
                pool = try DatabaseQueue(path: path, configuration: configuration)
            }
            let version = try pool.read { db in try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0 }
            if version > Self.schemaVersion {
                throw StoreError("\(path): error: this memory has schema version \(version), made by a newer Shuyu (this one reads \(Self.schemaVersion)); upgrade Shuyu")
            }
            if version == 0 && !create {
                throw StoreError("\(path): error: this memory is empty or not a Shuyu translation memory; import into it first with 'shuyu tm import FILE'")
            }
            if version == 0 {
                try pool.write { db in
                    let tables = try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master WHERE type = 'table'") ?? 0
                    guard tables == 0 else {
                        throw StoreError("\(path): error: this SQLite file is not a Shuyu translation memory; give another path with --tm")
                    }
                    try Self.createSchema(db)
                }
            }
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError("\(path): error: cannot open the translation memory (\(error)); if the file is damaged, restore it from a backup or re-import into a new --tm file")
        }
    }

    private static func createSchema(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE units(
                id INTEGER PRIMARY KEY,
                pair_key INTEGER NOT NULL,
                zh_lang TEXT NOT NULL, zh TEXT NOT NULL, zh_markup TEXT,
                other_lang TEXT NOT NULL, other TEXT NOT NULL, other_markup TEXT,
                zh_is_source INTEGER NOT NULL,
                count INTEGER NOT NULL DEFAULT 1,
                tuid TEXT, created TEXT, tool TEXT, origin TEXT, metadata TEXT,
                import_id INTEGER NOT NULL);
            CREATE INDEX units_pair_key ON units(pair_key);
            CREATE TABLE postings(key INTEGER PRIMARY KEY, count INTEGER NOT NULL, data BLOB NOT NULL);
            CREATE TABLE settings(name TEXT PRIMARY KEY, value BLOB NOT NULL);
            CREATE TABLE imports(
                id INTEGER PRIMARY KEY, files TEXT NOT NULL, imported TEXT NOT NULL, header TEXT,
                added INTEGER NOT NULL, merged INTEGER NOT NULL, skipped INTEGER NOT NULL);
            PRAGMA user_version = \(schemaVersion);
            """)
    }

    /// A folding that reads the simplified forms the memory was folded with, so that
    /// queries fold as the stored texts did (and without opening ICU's transform, which
    /// takes about 25 ms). A memory with no units yet gets a fresh folding.
    public func folding() throws -> MatchFolding {
        guard let table = try pool.read({ db in try Self.simplifiedTable(db) }) else { return try MatchFolding() }
        return MatchFolding(simplified: table)
    }

    /// The simplified forms recorded with the memory, if any.
    static func simplifiedTable(_ db: Database) throws -> [UInt32: UInt32]? {
        guard let blob = try Data.fetchOne(db, sql: "SELECT value FROM settings WHERE name = 'simplified'") else { return nil }
        return blob.withUnsafeBytes { FoldingTable.decode($0) }
    }

    /// The simplified forms the memory's texts are folded with: those recorded, or else
    /// `folding`'s, recorded now (before the first units are stored).
    static func recordedFolding(_ folding: MatchFolding, in db: Database) throws -> [UInt32: UInt32] {
        if let table = try simplifiedTable(db) { return table }
        let table = try folding.simplifiedTable()
        try db.execute(sql: "INSERT INTO settings(name, value) VALUES ('simplified', ?)", arguments: [Data(FoldingTable.encode(table))])
        return table
    }

    /// Closes the database; the store cannot be used afterwards.
    public func close() throws {
        try pool.close()
    }

    /// The number of distinct units and of units counting duplicates.
    public func counts() throws -> (distinct: Int, total: Int) {
        try pool.read { db in
            let row = try Row.fetchOne(db, sql: "SELECT count(*), coalesce(sum(count), 0) FROM units")!
            return (row[0], row[1])
        }
    }
}

/// A unit as the memory holds it.
public struct StoredUnit: Sendable {
    public var id: Int64
    /// The Chinese variant.
    public var zh: TranslationVariant
    /// The other variant (English, when the unit had one).
    public var other: TranslationVariant
    /// True when the Chinese variant is the unit's source language.
    public var zhIsSource: Bool
    /// How many times the identical pair was imported.
    public var count: Int
    public var tuid: String?
    public var metadata: UnitMetadata
    public var origin: String?
    /// Variants in further languages, kept for export.
    public var extraVariants: [TranslationVariant]

    /// The text of `side`.
    public func variant(_ side: MemorySide) -> TranslationVariant { side == .chinese ? zh : other }

    /// The unit as a translation unit, its source variant first.
    public var translationUnit: TranslationUnit {
        TranslationUnit(id: tuid, variants: (zhIsSource ? [zh, other] : [other, zh]) + extraVariants, metadata: metadata)
    }
}

/// The metadata column: what a unit and its variants recorded besides their text.
package struct StoredMetadata: Codable {
    var unit: UnitMetadata
    var zh: UnitMetadata
    var other: UnitMetadata
    var extra: [TranslationVariant]
}

extension StoredUnit {
    /// A unit from its stored columns (the same in every backend).
    package init(id: Int64, zhLanguage: String, zh: String, zhMarkup: String?, otherLanguage: String, other: String,
                 otherMarkup: String?, zhIsSource: Bool, count: Int, tuid: String?, origin: String?, metadata: String?) throws {
        let decoder = JSONDecoder()
        func segment(_ text: String, _ markup: String?) throws -> Segment {
            guard let markup else { return Segment(text) }
            return try decoder.decode(Segment.self, from: Data(markup.utf8))
        }
        var stored = StoredMetadata(unit: UnitMetadata(), zh: UnitMetadata(), other: UnitMetadata(), extra: [])
        if let metadata { stored = try decoder.decode(StoredMetadata.self, from: Data(metadata.utf8)) }
        self.init(id: id,
                  zh: TranslationVariant(language: LanguageTag(zhLanguage), segment: try segment(zh, zhMarkup), metadata: stored.zh),
                  other: TranslationVariant(language: LanguageTag(otherLanguage), segment: try segment(other, otherMarkup), metadata: stored.other),
                  zhIsSource: zhIsSource, count: count, tuid: tuid, metadata: stored.unit, origin: origin, extraVariants: stored.extra)
    }
}

extension TranslationMemoryStore {
    /// The columns of a stored unit, in the order `StoredUnit`'s column initializer takes them.
    package static let selectUnit = """
        SELECT id, zh_lang, zh, zh_markup, other_lang, other, other_markup, zh_is_source, count, tuid, origin, metadata FROM units
        """

    static func unit(_ row: Row) throws -> StoredUnit {
        try StoredUnit(id: row["id"], zhLanguage: row["zh_lang"], zh: row["zh"], zhMarkup: row["zh_markup"],
                       otherLanguage: row["other_lang"], other: row["other"], otherMarkup: row["other_markup"],
                       zhIsSource: row["zh_is_source"], count: row["count"], tuid: row["tuid"], origin: row["origin"],
                       metadata: row["metadata"])
    }

    /// Calls `body` with every unit, in import order.
    public func forEachUnit(_ body: (StoredUnit) throws -> Void) throws {
        try pool.read { db in
            let rows = try Row.fetchCursor(db, sql: Self.selectUnit + " ORDER BY id")
            while let row = try rows.next() { try body(try Self.unit(row)) }
        }
    }

    /// The header properties and notes of every import, in order, without repeats.
    public func importedHeaders() throws -> UnitMetadata {
        try pool.read { db in
            try UnitMetadata.mergingHeaders(try String.fetchAll(db, sql: "SELECT header FROM imports WHERE header IS NOT NULL ORDER BY id"))
        }
    }
}

extension UnitMetadata {
    /// The properties and notes of the `headers` (as the `imports` table stores them),
    /// in order, without repeats.
    package static func mergingHeaders(_ headers: [String]) throws -> UnitMetadata {
        var merged = UnitMetadata()
        for json in headers {
            let header = try JSONDecoder().decode(UnitMetadata.self, from: Data(json.utf8))
            for property in header.properties where !merged.properties.contains(property) { merged.properties.append(property) }
            for note in header.notes where !merged.notes.contains(note) { merged.notes.append(note) }
        }
        return merged
    }
}

/// The simplified forms a memory's texts were folded with, as stored in its
/// `settings` table: pairs of little-endian 32-bit scalars, by traditional form.
package enum FoldingTable {
    package static func encode(_ table: [UInt32: UInt32]) -> [UInt8] {
        var bytes: [UInt8] = []
        for (traditional, simplified) in table.sorted(by: { $0.key < $1.key }) {
            withUnsafeBytes(of: traditional.littleEndian) { bytes += $0 }
            withUnsafeBytes(of: simplified.littleEndian) { bytes += $0 }
        }
        return bytes
    }

    package static func decode(_ bytes: UnsafeRawBufferPointer) -> [UInt32: UInt32] {
        var table: [UInt32: UInt32] = [:]
        var offset = 0
        while offset + 8 <= bytes.count {
            table[bytes.loadUnaligned(fromByteOffset: offset, as: UInt32.self).littleEndian] =
                bytes.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self).littleEndian
            offset += 8
        }
        return table
    }
}
