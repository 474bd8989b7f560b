internal import CLibPQ
import Foundation

/// One connection to a PostgreSQL server, through libpq.
///
/// libpq reads the credentials: from the URL, `PGPASSWORD`, `PGSERVICE` or
/// `~/.pgpass`, and it uses TLS when the server offers it (`sslmode=prefer`, unless
/// the URL says otherwise). Nothing here writes a password anywhere: errors name the
/// server by `PostgresURL.redacted`.
///
/// Queries send every parameter and read every column in PostgreSQL's binary
/// format, so integers and `bytea` cross the wire as they are stored. A connection
/// is used by one thread at a time.
public final class PostgresConnection {
    /// The server, without a password: for messages.
    public let location: String
    private let connection: OpaquePointer

    /// Connects to `url` (`postgres://user@host:port/database?options`, or a libpq
    /// key=value string).
    /// - Throws: `PostgresError` when the server cannot be reached or refuses.
    public init(url: String) throws {
        location = PostgresURL.redacted(url)
        var loadError = [CChar](repeating: 0, count: 512)
        guard shuyu_pq_load(&loadError, loadError.count) == 0 else {
            throw PostgresError("\(location): error: \(String(decoding: loadError.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self))")
        }
        // A server out of reach fails in seconds, not after the system's TCP timeout
        // (minutes), unless the URL or the environment says otherwise.
        if !url.contains("connect_timeout") { setenv("PGCONNECT_TIMEOUT", "10", 0) }
        guard let connection = shuyu_PQconnectdb(url) else {
            throw PostgresError("\(location): error: cannot allocate a connection")
        }
        // Set before anything can throw: deinit then finishes the connection.
        self.connection = connection
        guard shuyu_PQstatus(connection) == Int32(SHUYU_CONNECTION_OK) else {
            // libpq quotes the URL, or a piece of it, in some of its messages.
            let message = PostgresURL.hidingPassword(of: url, in: Self.trimmed(shuyu_PQerrorMessage(connection)))
            throw PostgresError("\(location): error: cannot connect (\(message)); check the URL, that the server runs, and PGPASSWORD or ~/.pgpass")
        }
        // Notices (such as "relation already exists, skipping") are not for the user.
        shuyu_PQignoreNotices(connection)
        // Texts cross the wire as UTF-8, whatever PGCLIENTENCODING or the role's default says.
        try execute("SET client_encoding TO 'UTF8'")
    }

    deinit {
        shuyu_PQfinish(connection)
    }

    /// True when the connection is encrypted (TLS).
    public var usesTLS: Bool { shuyu_PQsslInUse(connection) == 1 }

    /// Runs `sql` (one or more statements, no parameters).
    public func execute(_ sql: String) throws {
        let result = shuyu_PQexec(connection, sql)
        defer { shuyu_PQclear(result) }
        try check(result, sql)
    }

    /// Runs one statement with `parameters` ($1, $2, …) and returns its rows.
    @discardableResult
    public func query(_ sql: String, _ parameters: [PostgresValue] = []) throws -> PostgresRows {
        var buffers: [[UInt8]?] = parameters.map(\.binary)
        let types: [Oid] = parameters.map(\.type)
        let formats = [Int32](repeating: 1, count: parameters.count)
        let lengths: [Int32] = buffers.map { Int32($0?.count ?? 0) }
        let result: OpaquePointer? = withPointers(&buffers) { pointers in
            shuyu_PQexecParams(connection, sql, Int32(parameters.count), types, pointers, lengths, formats, 1)
        }
        do {
            try check(result, sql)
        } catch {
            shuyu_PQclear(result)
            throw error
        }
        return PostgresRows(result!)
    }

    /// Runs `body` in a transaction: committed when it returns, rolled back when it
    /// throws. With `snapshot`, the transaction only reads, from one snapshot of the
    /// database (repeatable read).
    public func transaction<T>(snapshot: Bool = false, _ body: () throws -> T) throws -> T {
        try execute(snapshot ? "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY" : "BEGIN")
        do {
            let value = try body()
            try execute("COMMIT")
            return value
        } catch {
            if let result = shuyu_PQexec(connection, "ROLLBACK") { shuyu_PQclear(result) }
            throw error
        }
    }

    /// Calls `body` with the rows of `sql`, fetched through a cursor a few thousand at
    /// a time, until it returns false. Must run inside a transaction.
    public func forEachRow(_ sql: String, _ parameters: [PostgresValue] = [],
                           _ body: (PostgresRows, Int) throws -> Bool) throws {
        try query("DECLARE shuyu_rows NO SCROLL CURSOR FOR " + sql, parameters)
        defer { _ = try? execute("CLOSE shuyu_rows") }
        while true {
            let rows = try query("FETCH 5000 FROM shuyu_rows")
            for index in 0..<rows.count {
                guard try body(rows, index) else { return }
            }
            if rows.count < 5000 { return }
        }
    }

    /// Loads rows with `COPY table (columns) FROM STDIN` in binary format: `body` adds
    /// rows to the writer, which sends them a megabyte at a time. When `body` throws,
    /// the copy is abandoned (the server discards its rows) and the error rethrown.
    public func copy(into table: String, columns: [String], _ body: (PostgresCopyWriter) throws -> Void) throws {
        let sql = "COPY \(table) (\(columns.joined(separator: ", "))) FROM STDIN (FORMAT binary)"
        let start = shuyu_PQexec(connection, sql)
        guard shuyu_PQresultStatus(start) == Int32(SHUYU_PGRES_COPY_IN) else {
            defer { shuyu_PQclear(start) }
            try check(start, sql)
            throw PostgresError("\(location): error: the server did not start COPY for \(table)")
        }
        shuyu_PQclear(start)
        let writer = PostgresCopyWriter(columns: columns.count) { [self] bytes in try send(bytes) }
        var failure: (any Error)?
        do {
            try body(writer)
            try writer.finish()
        } catch {
            failure = error
        }
        var copyError: (any Error)?
        if shuyu_PQputCopyEnd(connection, failure == nil ? nil : "abandoned") != 1 {
            copyError = PostgresError("\(location): error: ending COPY failed (\(Self.trimmed(shuyu_PQerrorMessage(connection))))")
        }
        while let result = shuyu_PQgetResult(connection) {
            let stillCopying = shuyu_PQresultStatus(result) == Int32(SHUYU_PGRES_COPY_IN)
            if copyError == nil && failure == nil && !stillCopying {
                do { try check(result, sql) } catch { copyError = error }
            }
            shuyu_PQclear(result)
            // The server still waits for data only if ending the copy failed: stop asking.
            if stillCopying { break }
        }
        if let failure { throw failure }
        if let copyError { throw copyError }
    }

    /// Sends a piece of COPY data.
    private func send(_ bytes: [UInt8]) throws {
        let status = bytes.withUnsafeBufferPointer { bytes in
            bytes.withMemoryRebound(to: CChar.self) { shuyu_PQputCopyData(connection, $0.baseAddress, Int32($0.count)) }
        }
        guard status == 1 else {
            throw PostgresError("\(location): error: sending COPY data failed (\(Self.trimmed(shuyu_PQerrorMessage(connection))))")
        }
    }

    private func check(_ result: OpaquePointer?, _ sql: String) throws {
        guard let result else {
            throw PostgresError("\(location): error: \(Self.trimmed(shuyu_PQerrorMessage(connection)))")
        }
        switch shuyu_PQresultStatus(result) {
        case Int32(SHUYU_PGRES_COMMAND_OK), Int32(SHUYU_PGRES_TUPLES_OK), Int32(SHUYU_PGRES_COPY_IN):
            return
        default:
            let state = shuyu_PQresultErrorField(result, Int32(UInt8(ascii: "C"))).map { String(cString: $0) } ?? ""
            let message = Self.trimmed(shuyu_PQresultErrorMessage(result))
            throw PostgresError("\(location): error: \(message)", sqlState: state)
        }
    }

    private static func trimmed(_ message: UnsafePointer<CChar>?) -> String {
        guard let message else { return "unknown error" }
        return String(cString: message).trimmingCharacters(in: .whitespacesAndNewlines)
            .replacingOccurrences(of: "\n", with: "; ")
    }
}

/// Calls `body` with C pointers to each buffer (nil for SQL NULL), valid during the call.
private func withPointers<R>(_ buffers: inout [[UInt8]?], _ body: ([UnsafePointer<CChar>?]) -> R) -> R {
    // An empty value still needs a non-null pointer, or it reads as NULL: give it storage
    // before any pointer is taken.
    for index in buffers.indices where buffers[index]?.isEmpty == true { buffers[index]!.reserveCapacity(1) }
    var pointers: [UnsafePointer<CChar>?] = []
    pointers.reserveCapacity(buffers.count)
    func nest(_ index: Int) -> R {
        if index == buffers.count { return body(pointers) }
        guard buffers[index] != nil else {
            pointers.append(nil)
            return nest(index + 1)
        }
        return buffers[index]!.withUnsafeBufferPointer { bytes in
            pointers.append(UnsafeRawPointer(bytes.baseAddress ?? UnsafePointer(bitPattern: 1)!).assumingMemoryBound(to: CChar.self))
            return nest(index + 1)
        }
    }
    return nest(0)
}

/// A server-side failure.
public struct PostgresError: Error, CustomStringConvertible {
    public var description: String
    /// The SQLSTATE code, such as `40001` (serialization failure) or `23505` (unique violation).
    public var sqlState: String

    public init(_ description: String, sqlState: String = "") {
        self.description = description
        self.sqlState = sqlState
    }
}

/// Connection URLs as they may be shown.
public enum PostgresURL {
    /// True for `postgres://` and `postgresql://` URLs.
    public static func isPostgres(_ text: String) -> Bool {
        text.hasPrefix("postgres://") || text.hasPrefix("postgresql://")
    }

    /// `url` with any password replaced by `***` (`postgres://ana:***@host/db`), and the
    /// value of a `password=` option (URL or key=value string) hidden too.
    public static func redacted(_ url: String) -> String {
        var text = url
        for range in passwordRanges(url).reversed() { text.replaceSubrange(range, with: "***") }
        return text
    }

    /// `message` with every password `url` holds replaced by `***`, and `url` itself by
    /// its redacted form.
    public static func hidingPassword(of url: String, in message: String) -> String {
        var text = message.replacingOccurrences(of: url, with: redacted(url))
        // (A password of one or two characters is left: replacing it would garble the text.)
        for range in passwordRanges(url) where url[range].count >= 3 {
            text = text.replacingOccurrences(of: String(url[range]), with: "***")
        }
        return text
    }

    /// Where `url` holds passwords: after `user:` in the authority (which, as libpq reads
    /// it, ends at the first `/`; a password may hold `?`), and the values of
    /// `password=` options (quoted or not).
    static func passwordRanges(_ url: String) -> [Range<String.Index>] {
        var ranges: [Range<String.Index>] = []
        if let scheme = url.range(of: "://") {
            let rest = url[scheme.upperBound...]
            let authorityEnd = rest.firstIndex(of: "/") ?? rest.endIndex
            if let at = rest[..<authorityEnd].lastIndex(of: "@"), let colon = rest[..<at].firstIndex(of: ":") {
                ranges.append(url.index(after: colon)..<at)
            }
        }
        var search = url.startIndex..<url.endIndex
        while let key = url.range(of: #"password\s*=\s*"#, options: [.regularExpression, .caseInsensitive], range: search) {
            var end = key.upperBound
            if end < url.endIndex, url[end] == "'" {
                // A quoted key=value password ends at the next unescaped quote.
                end = url.index(after: end)
                while end < url.endIndex, url[end] != "'" {
                    if url[end] == "\\" { end = url.index(after: end) }
                    if end < url.endIndex { end = url.index(after: end) }
                }
                if end < url.endIndex { end = url.index(after: end) }
            } else {
                while end < url.endIndex, url[end] != "&", !url[end].isWhitespace { end = url.index(after: end) }
            }
            ranges.append(key.upperBound..<end)
            search = end..<url.endIndex
        }
        return ranges.sorted { $0.lowerBound < $1.lowerBound }
    }
}
