import Foundation
public import Formats
import PostgresClient
public import Store
public import Terminology

/// The team's glossary on a PostgreSQL server: the rows of a glossary TSV (one per
/// rendering), each with a version that goes up with every change.
///
/// Imports follow the same rules as imports into a glossary file (`GlossaryMerge.plan`)
/// in one transaction. Status changes are row-level and optimistic: a change that names
/// the version it was based on fails with a conflict when someone changed the row since,
/// so two translators changing different renderings both land, and two changing the
/// same rendering at once never silently overwrite each other.
public final class PostgresTermbase {
    public let location: String
    let connection: PostgresConnection

    /// A row with its version.
    public struct VersionedEntry: Sendable {
        public var entry: TermEntry
        public var version: Int64
    }

    /// What an import did.
    public struct ImportOutcome: Sendable {
        public var added: Int
        public var alreadyPresent: Int
        public var conflicts: [String]
    }

    /// A status change refused because the row changed since the version it was based on.
    public struct Conflict: Error, CustomStringConvertible {
        public var description: String
    }

    public init(url: String, create: Bool = true) throws {
        connection = try ServerSchema.connect(url, create: create)
        location = connection.location
    }

    /// A stamp that changes whenever the termbase does, or the database is made anew:
    /// for copies of it.
    public func revision() throws -> String {
        try reportingServerErrors {
            let rows = try connection.query("""
                SELECT coalesce((SELECT revision FROM revisions WHERE name = 'identity'), 0)::int8,
                       coalesce((SELECT revision FROM revisions WHERE name = 'terms'), 0)::int8
                """)
            return "\(rows.int(0, 0))-\(rows.int(0, 1))"
        }
    }

    /// Every row, by the code points of the Chinese and of the rendering's key.
    public func entries() throws -> [VersionedEntry] {
        try reportingServerErrors {
            try connection.transaction(snapshot: true) {
                var all: [VersionedEntry] = []
                try connection.forEachRow("""
                    SELECT zh, en, pinyin, status, definition, note, domain, source, extra, version FROM terms
                    ORDER BY zh COLLATE "C", en_key COLLATE "C"
                    """) { rows, index in
                    all.append(VersionedEntry(entry: Self.entry(rows, index), version: rows.int(index, 9)))
                    return true
                }
                return all
            }
        }
    }

    /// Adds `entries` as `GlossaryMerge.plan` decides, all or nothing.
    /// - Parameter pinyin: pinyin for rows that have none.
    public func importEntries(_ entries: [TermEntry], pinyin: (String) -> String) throws -> ImportOutcome {
        try reportingServerErrors {
            try connection.transaction {
                // One writer at a time decides what is new; readers are not blocked.
                try connection.execute("LOCK TABLE terms IN SHARE ROW EXCLUSIVE MODE")
                let zhs = Array(Set(entries.map(\.zh)))
                var existing: [TermEntry] = []
                let rows = try connection.query("""
                    SELECT zh, en, pinyin, status, definition, note, domain, source, extra FROM terms WHERE zh = ANY($1)
                    """, [.texts(zhs)])
                for index in 0..<rows.count { existing.append(Self.entry(rows, index)) }
                let plan = GlossaryMerge.plan(entries, existing: existing, source: location, pinyin: pinyin)
                if !plan.added.isEmpty {
                    try connection.copy(into: "terms", columns: ["zh", "en", "en_key", "pinyin", "status", "definition", "note", "domain", "source", "extra", "changed"]) { out in
                        let now = ISO8601DateFormatter().string(from: Date())
                        for entry in plan.added {
                            try out.startRow()
                            out.add(entry.zh)
                            out.add(entry.en)
                            out.add(CandidateGlossary.renderingKey(entry.en))
                            out.add(entry.pinyin)
                            out.add(entry.status.rawValue)
                            out.add(entry.definition)
                            out.add(entry.note)
                            out.add(entry.domain)
                            out.add(entry.source)
                            out.add(Self.encodeExtra(entry.extra))
                            out.add(now)
                        }
                    }
                    try bumpRevision()
                }
                return ImportOutcome(added: plan.added.count, alreadyPresent: plan.alreadyPresent, conflicts: plan.conflicts)
            }
        }
    }

    /// A status change that landed.
    public struct StatusChange: Sendable, Equatable {
        /// The rendering as the termbase writes it.
        public var en: String
        /// The status it had before.
        public var previous: TermStatus
        /// The row's new version.
        public var version: Int64
    }

    /// Sets the status of the rendering `en` of `zh`.
    /// - Parameter expected: the version the change is based on (as `entries` or an
    ///   export showed it); nil to change whatever version is there.
    /// - Returns: what changed, with the status it replaced, so that an overwrite is
    ///   never silent.
    /// - Throws: `Conflict` when the row is at another version than `expected`;
    ///   `StoreError` when there is no such row.
    public func setStatus(zh: String, en: String, to status: TermStatus, expected: Int64?) throws -> StatusChange {
        try reportingServerErrors {
            try connection.transaction {
                let rows = try connection.query("SELECT version, status, en FROM terms WHERE zh = $1 AND en_key = $2 FOR UPDATE",
                                                [.text(zh), .text(CandidateGlossary.renderingKey(en))])
                guard rows.count > 0 else {
                    throw StoreError("\(location): error: the termbase has no rendering '\(en)' of \(zh); import it first with 'shuyu glossary import --store URL FILE'")
                }
                let version = rows.int(0, 0)
                if let expected, expected != version {
                    throw Conflict(description: "\(location): conflict: \(zh) → '\(rows.text(0, 2) ?? en)' changed since version \(expected): it is now \(rows.text(0, 1) ?? "?") at version \(version); look at it again, then repeat the change with --if-version \(version)")
                }
                try connection.query("""
                    UPDATE terms SET status = $1, version = version + 1, changed = $2 WHERE zh = $3 AND en_key = $4
                    """, [.text(status.rawValue), .text(ISO8601DateFormatter().string(from: Date())), .text(zh), .text(CandidateGlossary.renderingKey(en))])
                try bumpRevision()
                return StatusChange(en: rows.text(0, 2) ?? en, previous: TermStatus(rawValue: rows.text(0, 1) ?? "") ?? .candidate,
                                    version: version + 1)
            }
        }
    }

    private func bumpRevision() throws {
        try connection.execute("""
            INSERT INTO revisions(name, revision) VALUES ('terms', 1)
            ON CONFLICT (name) DO UPDATE SET revision = revisions.revision + 1
            """)
    }

    static func entry(_ rows: PostgresRows, _ index: Int) -> TermEntry {
        TermEntry(zh: rows.text(index, 0) ?? "", en: rows.text(index, 1) ?? "", pinyin: rows.text(index, 2) ?? "",
                  status: TermStatus(rawValue: rows.text(index, 3) ?? "") ?? .candidate, definition: rows.text(index, 4) ?? "",
                  note: rows.text(index, 5) ?? "", domain: rows.text(index, 6) ?? "", source: rows.text(index, 7) ?? "",
                  extra: decodeExtra(rows.text(index, 8)))
    }

    static func encodeExtra(_ extra: [String: String]) -> String? {
        guard !extra.isEmpty else { return nil }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return (try? encoder.encode(extra)).map { String(decoding: $0, as: UTF8.self) }
    }

    static func decodeExtra(_ text: String?) -> [String: String] {
        guard let text, let data = text.data(using: .utf8) else { return [:] }
        return (try? JSONDecoder().decode([String: String].self, from: data)) ?? [:]
    }
}
