import Foundation
import GRDB
public import TranslationMemory

/// Units read from one file, ready to import.
public struct MemoryFile: Sendable {
    /// The file, as given.
    public var path: String
    /// Its units.
    public var units: [TranslationUnit]
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
            var nextID = (try Int64.fetchOne(db, sql: "SELECT coalesce(max(id), 0) + 1 FROM units")) ?? 1
            var batch = 1 + Int((try Int64.fetchOne(db, sql: "SELECT coalesce(max(key & 255), 0) FROM postings")) ?? 0)
            // A memory empty before this import can only hold duplicates from this import:
            // those are found in memory, without a query per unit.
            let wasEmpty = nextID == 1
            var keys: [Int64: Int64] = [:]
            var builder = PostingBuilder()
            let find = try db.cachedStatement(sql: "SELECT id, zh_lang, zh, zh_markup, other_lang, other, other_markup FROM units WHERE pair_key = ?")
            let bump = try db.cachedStatement(sql: "UPDATE units SET count = count + 1 WHERE id = ?")
            let insert = try db.cachedStatement(sql: """
                INSERT INTO units(id, pair_key, zh_lang, zh, zh_fold, zh_markup, other_lang, other, other_fold, other_markup,
                                  zh_is_source, count, tuid, created, tool, origin, metadata, import_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?)
                """)

            func flushPostings() throws {
                guard !builder.isEmpty else { return }
                if batch > 250 {
                    try Self.compactPostings(db)
                    batch = 2
                }
                let write = try db.cachedStatement(sql: "INSERT INTO postings(key, count, data) VALUES (?, ?, ?)")
                var rows: [(key: Int64, count: Int, bytes: [UInt8])] = []
                builder.blocks { side, item, count, bytes in
                    rows.append((Self.postingKey(item: item, side: side, block: batch), count, bytes))
                }
                rows.sort { $0.key < $1.key }
                for row in rows {
                    try write.execute(arguments: [row.key, row.count, Data(row.bytes)])
                }
                batch += 1
                builder = PostingBuilder()
            }

            for file in files {
                for unit in file.units {
                    guard let row = PendingRow(unit, fileSource: file.sourceLanguage, folding: folding, encoder: encoder) else {
                        report.skipped += 1
                        continue
                    }
                    // Identical pairs, from this import or an earlier one, are stored once.
                    var existing: Int64?
                    if !wasEmpty || keys[row.key] != nil {
                        let rows = try Row.fetchCursor(find, arguments: [row.key])
                        while let stored = try rows.next() {
                            if row.sameText(asStored: stored) { existing = stored["id"]; break }
                        }
                    }
                    if let existing {
                        try bump.execute(arguments: [existing])
                        report.merged += 1
                        continue
                    }
                    let id = nextID
                    nextID += 1
                    if wasEmpty { keys[row.key] = id }
                    try insert.execute(arguments: [
                        id, row.key, row.zhLanguage, row.zh, row.zhFolded, row.zhMarkup, row.otherLanguage, row.other,
                        row.otherFolded, row.otherMarkup, row.zhIsSource, row.tuid, row.created, row.tool,
                        unit.origin?.description, row.metadata, importID,
                    ])
                    builder.add(id: id, tokens: MatchTokens(row.zhFolded, folding: nil).ids, side: .chinese)
                    builder.add(id: id, tokens: MatchTokens(row.otherFolded, folding: nil).ids, side: .other)
                    report.added += 1
                    if builder.entryCount > 24_000_000 { try flushPostings() }
                }
            }
            try flushPostings()
            let header: String? = try files.compactMap(\.header).first.map { String(decoding: try encoder.encode($0), as: UTF8.self) }
            try db.execute(sql: "INSERT INTO imports(id, files, imported, header, added, merged, skipped) VALUES (?, ?, ?, ?, ?, ?, ?)",
                           arguments: [importID, files.map(\.path).joined(separator: "\n"), ISO8601DateFormatter().string(from: Date()),
                                       header, report.added, report.merged, report.skipped])
            if batch - 1 > Self.compactionThreshold { try Self.compactPostings(db) }
        }
        return report
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

/// A unit turned into the row the memory stores, or `nil` when it cannot be stored.
private struct PendingRow {
    var key: Int64
    var zhLanguage: String, zh: String, zhFolded: String, zhMarkup: String?
    var otherLanguage: String, other: String, otherFolded: String, otherMarkup: String?
    var zhIsSource: Bool
    var tuid: String?, created: String?, tool: String?, metadata: String?

    init?(_ unit: TranslationUnit, fileSource: LanguageTag?, folding: MatchFolding, encoder: JSONEncoder) {
        guard let zhIndex = unit.variants.firstIndex(where: { $0.language.isChinese }) else { return nil }
        let others = unit.variants.indices.filter { !unit.variants[$0].language.isChinese }
        guard let otherIndex = others.first(where: { unit.variants[$0].language.isEnglish }) ?? others.first else { return nil }
        let zhVariant = unit.variants[zhIndex], otherVariant = unit.variants[otherIndex]
        zh = zhVariant.segment.plainText
        other = otherVariant.segment.plainText
        guard !zh.allSatisfy(\.isWhitespace), !other.allSatisfy(\.isWhitespace) else { return nil }
        zhLanguage = zhVariant.language.written
        otherLanguage = otherVariant.language.written
        func markup(_ segment: Segment) -> String? {
            guard segment.hasCodes, let data = try? encoder.encode(segment) else { return nil }
            return String(decoding: data, as: UTF8.self)
        }
        zhMarkup = markup(zhVariant.segment)
        otherMarkup = markup(otherVariant.segment)
        zhFolded = folding.fold(zh)
        otherFolded = folding.fold(other)
        let sourceAttribute = unit.metadata.otherAttributes.first { $0.name == "srclang" }.map { LanguageTag($0.value) }
        let source = sourceAttribute ?? fileSource
        zhIsSource = source.map { !otherVariant.language.matches($0) || $0.isChinese } ?? true
        tuid = unit.id
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
        for field in [zhLanguage.lowercased(), zh, zhMarkup ?? "", otherLanguage.lowercased(), other, otherMarkup ?? ""] {
            hasher.add(field)
        }
        key = Int64(bitPattern: hasher.value)
    }

    func sameText(asStored row: Row) -> Bool {
        zh == row["zh"] && other == row["other"] && zhMarkup == row["zh_markup"] && otherMarkup == row["other_markup"]
            && zhLanguage.lowercased() == (row["zh_lang"] as String).lowercased()
            && otherLanguage.lowercased() == (row["other_lang"] as String).lowercased()
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
