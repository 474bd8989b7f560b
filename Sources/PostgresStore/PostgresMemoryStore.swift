import Foundation
import PostgresClient
public import Store
public import TranslationMemory

/// A translation memory on a PostgreSQL server, shared by a team.
///
/// The tables and columns are those of the embedded memory (`TranslationMemoryStore`),
/// in a PostgreSQL schema named `shuyu`; the candidate index is the same posting
/// blocks, and matching runs the same code (`MemoryQueries`), so both backends return
/// the same matches for the same memory.
///
/// Each import is one transaction that locks out other imports but not readers
/// (PostgreSQL's MVCC): a match sees the memory before or after an import, never half.
/// Every read runs in one repeatable-read snapshot.
public final class PostgresMemoryStore: MemoryStore {
    public let location: String
    let connection: PostgresConnection

    /// Opens the memory on the server at `url`, creating or upgrading its tables when
    /// `create` is true (commands that write); with `create: false`, only to read.
    /// - Throws: `StoreError` when the server cannot be reached, holds no memory (and
    ///   `create` is false), or has a schema newer than this Shuyu.
    public init(url: String, create: Bool = true) throws {
        connection = try ServerSchema.connect(url, create: create)
        location = connection.location
    }

    public func folding() throws -> MatchFolding {
        try reading {
            guard let table = try simplifiedTable() else { return try MatchFolding() }
            return MatchFolding(simplified: table)
        }
    }

    public func match(_ query: String, side: MemorySide? = nil, minimum: Int, limit: Int,
                      folding: MatchFolding) throws -> (matches: [MemoryMatch], statistics: FuzzySearch.Statistics) {
        try reading { try MemoryQueries.match(query, side: side, minimum: minimum, limit: limit, folding: folding, in: reader) }
    }

    public func matchByScanning(_ query: String, side: MemorySide? = nil, minimum: Int, limit: Int,
                                folding: MatchFolding) throws -> [FuzzyHit] {
        try reading { try MemoryQueries.scan(query, side: side, minimum: minimum, limit: limit, folding: folding, in: reader) }
    }

    public func concordance(_ term: String, limit: Int, folding: MatchFolding) throws -> [(unit: StoredUnit, side: MemorySide)] {
        try reading { try MemoryQueries.concordance(term, limit: limit, folding: folding, in: reader) }
    }

    public func forEachUnit(_ body: (StoredUnit) throws -> Void) throws {
        try reading {
            try reader.forEachRow(ServerReader.selectUnit + " ORDER BY id") { rows, index in
                try body(try ServerReader.unit(rows, index))
                return true
            }
        }
    }

    public func importedHeaders() throws -> UnitMetadata {
        try reading {
            let rows = try connection.query("SELECT header FROM imports WHERE header IS NOT NULL ORDER BY id")
            return try UnitMetadata.mergingHeaders((0..<rows.count).compactMap { rows.text($0, 0) })
        }
    }

    public func counts() throws -> (distinct: Int, total: Int) {
        try reading {
            let rows = try connection.query("SELECT count(*), coalesce(sum(count), 0)::int8 FROM units")
            return (Int(rows.int(0, 0)), Int(rows.int(0, 1)))
        }
    }

    /// Does nothing: the connection closes when the store goes away.
    public func close() throws {}

    var reader: ServerReader { ServerReader(connection: connection) }

    /// Runs `body` in a read-only, repeatable-read transaction: one snapshot.
    func reading<T>(_ body: () throws -> T) throws -> T {
        try reportingServerErrors { try connection.transaction(snapshot: true, body) }
    }

    /// The simplified forms recorded with the memory, if any.
    func simplifiedTable() throws -> [UInt32: UInt32]? {
        let rows = try connection.query("SELECT value FROM settings WHERE name = 'simplified'")
        guard rows.count > 0 else { return nil }
        return rows.withBytes(0, 0) { FoldingTable.decode($0) }
    }
}

/// The memory's tables in the `shuyu` schema, created and upgraded by numbered
/// migrations recorded in `shuyu.schema_version`.
enum ServerSchema {
    /// Each migration, in order: migration n brings the schema to version n.
    static let migrations: [String] = [
        // 1: the translation memory, as in the embedded store.
        """
        CREATE TABLE shuyu.units(
            id bigint PRIMARY KEY,
            pair_key bigint NOT NULL,
            zh_lang text NOT NULL, zh text NOT NULL, zh_markup text,
            other_lang text NOT NULL, other text NOT NULL, other_markup text,
            zh_is_source boolean NOT NULL,
            count bigint NOT NULL DEFAULT 1,
            tuid text, created text, tool text, origin text, metadata text,
            import_id bigint NOT NULL);
        CREATE INDEX units_pair_key ON shuyu.units(pair_key);
        CREATE TABLE shuyu.postings(key bigint PRIMARY KEY, count bigint NOT NULL, data bytea NOT NULL);
        CREATE TABLE shuyu.settings(name text PRIMARY KEY, value bytea NOT NULL);
        CREATE TABLE shuyu.imports(
            id bigint PRIMARY KEY, files text NOT NULL, imported text NOT NULL, header text,
            added bigint NOT NULL, merged bigint NOT NULL, skipped bigint NOT NULL);
        """,
        // 2: the shared termbase: glossary rows with versions, and a revision counter
        // that changes with every write (for local caches).
        """
        CREATE TABLE shuyu.terms(
            zh text NOT NULL, en text NOT NULL,
            en_key text NOT NULL,
            pinyin text NOT NULL DEFAULT '', status text NOT NULL,
            definition text NOT NULL DEFAULT '', note text NOT NULL DEFAULT '',
            domain text NOT NULL DEFAULT '', source text NOT NULL DEFAULT '', extra text,
            version bigint NOT NULL DEFAULT 1, changed text,
            PRIMARY KEY (zh, en_key));
        CREATE TABLE shuyu.revisions(name text PRIMARY KEY, revision bigint NOT NULL);
        """,
        // 3: a random identity for this database's Shuyu data, so that a local copy made
        // from a database that was dropped and filled again is not taken for current.
        """
        INSERT INTO shuyu.revisions(name, revision) VALUES ('identity', (random() * 9e15)::int8);
        """,
    ]

    static var version: Int { migrations.count }

    /// A connection to `url` whose schema is ready (see `prepare`).
    static func connect(_ url: String, create: Bool) throws -> PostgresConnection {
        try reportingServerErrors {
            let connection = try PostgresConnection(url: url)
            try prepare(connection, create: create)
            return connection
        }
    }

    /// Checks the schema's version and applies the migrations it lacks (under a lock, so
    /// two first uses do not both migrate). A database with no Shuyu schema yet gets one
    /// only when `create` is true (commands that write).
    static func prepare(_ connection: PostgresConnection, create: Bool) throws {
        try connection.execute("SET search_path TO shuyu")
        var current = try installed(connection)
        if current > version {
            throw PostgresError("\(connection.location): error: this server's Shuyu schema has version \(current), made by a newer Shuyu (this one knows \(version)); upgrade Shuyu")
        }
        if current == version { return }
        guard create || current > 0 else {
            throw PostgresError("\(connection.location): error: no Shuyu data on this server yet; import some first ('shuyu tm import --store URL FILE' or 'shuyu glossary import --store URL FILE')")
        }
        do {
            try migrate(connection, from: &current)
        } catch let error as PostgresError where error.sqlState == "42501" && !create && current > 0 {
            // A role that may only read an older schema reads what is there.
            return
        }
    }

    private static func migrate(_ connection: PostgresConnection, from current: inout Int) throws {
        try connection.transaction {
            try connection.query("SELECT pg_advisory_xact_lock(7345117)")
            try connection.execute("""
                CREATE SCHEMA IF NOT EXISTS shuyu;
                CREATE TABLE IF NOT EXISTS shuyu.schema_version(version integer NOT NULL);
                """)
            current = try installed(connection)
            if current > version {
                throw PostgresError("\(connection.location): error: this server's Shuyu schema has version \(current), made by a newer Shuyu (this one knows \(version)); upgrade Shuyu")
            }
            for number in current..<version {
                try connection.execute(migrations[number])
            }
            if current < version {
                try connection.execute("DELETE FROM shuyu.schema_version")
                try connection.query("INSERT INTO shuyu.schema_version(version) VALUES ($1::int8)", [.int(Int64(version))])
            }
        }
    }

    /// The installed version: 0 when there is no Shuyu schema.
    static func installed(_ connection: PostgresConnection) throws -> Int {
        let exists = try connection.query("SELECT to_regclass('shuyu.schema_version') IS NOT NULL")
        guard exists.int(0, 0) == 1 else { return 0 }
        let rows = try connection.query("SELECT coalesce(max(version), 0)::int8 FROM shuyu.schema_version")
        return Int(rows.int(0, 0))
    }
}

/// Runs `body`, turning a server's error into a `StoreError`, as the embedded store
/// reports its own.
func reportingServerErrors<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let error as PostgresError {
        throw StoreError(error.description)
    }
}
