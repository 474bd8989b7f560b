import GRDBSQLite
import Synchronization

/// A read-only SQLite connection through the C API, for lookups. A lookup is a short
/// process: opening GRDB's queue (its dispatch queue, statement authorizer, collations)
/// and reading rows through its generic machinery took about half of one.
final class SQLiteReader: @unchecked Sendable {
    /// A value bound to a statement's parameter.
    enum Argument {
        case text(String)
        case integer(Int)
    }

    /// One result row: its columns by name (NULL reads as an empty string or zero).
    struct Row {
        fileprivate let names: [String: Int]
        fileprivate let texts: [String]
        fileprivate let integers: [Int64]
        fileprivate let reals: [Double]

        func string(_ column: String) -> String { names[column].map { texts[$0] } ?? "" }
        func int(_ column: String) -> Int { names[column].map { Int(integers[$0]) } ?? 0 }
        func double(_ column: String) -> Double { names[column].map { reals[$0] } ?? 0 }
    }

    private let connection: OpaquePointer
    /// Statements prepared once per connection (a lookup reports up to --limit terms); used
    /// only inside `read`, under `lock`.
    private var statements: [String: OpaquePointer] = [:]
    /// One reader at a time: statements are shared.
    private let lock = Mutex(())
    let path: String

    /// Opens the database at `path` read-only.
    /// - Throws: `StoreError` when it cannot be opened.
    init(path: String) throws {
        var handle: OpaquePointer?
        let status = sqlite3_open_v2(path, &handle, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, nil)
        guard status == SQLITE_OK, let handle else {
            let message = handle.map { String(cString: sqlite3_errmsg($0)) } ?? "status \(status)"
            if let handle { sqlite3_close_v2(handle) }
            throw StoreError("\(path): error: cannot open the index (\(message))")
        }
        sqlite3_busy_timeout(handle, 15_000)  // a refresh in another process commits meanwhile
        connection = handle
        self.path = path
    }

    deinit {
        for statement in statements.values { sqlite3_finalize(statement) }
        sqlite3_close_v2(connection)
    }

    /// Runs `body` in one read transaction: every query sees the same state of the index,
    /// even while another process refreshes it. Not reentrant: `body` must not call `read`.
    func read<T>(_ body: (SQLiteReader) throws -> T) throws -> T {
        try lock.withLock { _ in
            try execute("BEGIN")
            defer {
                // A transaction left open would hold its snapshot and fail every later BEGIN.
                if (try? execute("COMMIT")) == nil, sqlite3_get_autocommit(connection) == 0 { try? execute("ROLLBACK") }
            }
            return try body(self)
        }
    }

    /// The rows of `sql` with `arguments` bound in order.
    func rows(_ sql: String, _ arguments: [Argument] = []) throws -> [Row] {
        var result: [Row] = []
        try query(sql, arguments) { statement, names in
            let count = Int(sqlite3_column_count(statement))
            var texts = [String](repeating: "", count: count)
            var integers = [Int64](repeating: 0, count: count)
            var reals = [Double](repeating: 0, count: count)
            for k in 0..<count {
                switch sqlite3_column_type(statement, Int32(k)) {
                case SQLITE_INTEGER:
                    integers[k] = sqlite3_column_int64(statement, Int32(k))
                    reals[k] = Double(integers[k])
                case SQLITE_FLOAT:
                    reals[k] = sqlite3_column_double(statement, Int32(k))
                    integers[k] = Int64(exactly: reals[k].rounded(.towardZero)) ?? 0
                case SQLITE_NULL: break
                default: texts[k] = Self.text(statement, k)
                }
            }
            result.append(Row(names: names, texts: texts, integers: integers, reals: reals))
        }
        return result
    }

    /// The first column of every row of `sql`, as text.
    func strings(_ sql: String, _ arguments: [Argument] = []) throws -> [String] {
        var result: [String] = []
        try query(sql, arguments) { statement, _ in result.append(Self.text(statement, 0)) }
        return result
    }

    /// The first column of the first row, as an integer, or nil when there is no row.
    func integer(_ sql: String) throws -> Int? {
        var result: Int?
        try query(sql, []) { statement, _ in
            if result == nil { result = Int(sqlite3_column_int64(statement, 0)) }
        }
        return result
    }

    private static func text(_ statement: OpaquePointer, _ column: Int) -> String {
        guard let bytes = sqlite3_column_text(statement, Int32(column)) else { return "" }
        let count = Int(sqlite3_column_bytes(statement, Int32(column)))
        return String(decoding: UnsafeBufferPointer(start: bytes, count: count), as: UTF8.self)
    }

    private func execute(_ sql: String) throws {
        try query(sql, []) { _, _ in }
    }

    private func query(_ sql: String, _ arguments: [Argument], _ row: (OpaquePointer, [String: Int]) -> Void) throws {
        let statement = try prepared(sql)
        defer {
            sqlite3_reset(statement)
            sqlite3_clear_bindings(statement)
        }
        let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
        for (k, argument) in arguments.enumerated() {
            switch argument {
            case .integer(let value):
                sqlite3_bind_int64(statement, Int32(k + 1), Int64(value))
            case .text(var value):
                value.withUTF8 { bytes in
                    // An empty buffer may have no address; SQLite wants one for an empty text.
                    let address = bytes.baseAddress.map { UnsafeRawPointer($0) } ?? UnsafeRawPointer(("" as StaticString).utf8Start)
                    _ = sqlite3_bind_text(statement, Int32(k + 1), address.assumingMemoryBound(to: CChar.self), Int32(bytes.count), transient)
                }
            }
        }
        var names: [String: Int] = [:]
        for k in 0..<Int(sqlite3_column_count(statement)) {
            if let name = sqlite3_column_name(statement, Int32(k)) { names[String(cString: name)] = k }
        }
        while true {
            let status = sqlite3_step(statement)
            if status == SQLITE_ROW {
                row(statement, names)
            } else if status == SQLITE_DONE {
                return
            } else {
                throw StoreError("\(path): error: cannot read the index (SQLite \(status): \(String(cString: sqlite3_errmsg(connection))))")
            }
        }
    }

    /// At most this many statements are kept prepared; a lookup uses about a dozen, but the
    /// query for terms contained in a long one has as many parameters as it has parts.
    private static let cachedStatements = 64

    private func prepared(_ sql: String) throws -> OpaquePointer {
        if let cached = statements[sql] { return cached }
        if statements.count >= Self.cachedStatements {
            for statement in statements.values { sqlite3_finalize(statement) }
            statements.removeAll()
        }
        var statement: OpaquePointer?
        guard sqlite3_prepare_v3(connection, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &statement, nil) == SQLITE_OK,
              let statement else {
            throw StoreError("\(path): error: cannot read the index (\(String(cString: sqlite3_errmsg(connection))))")
        }
        statements[sql] = statement
        return statement
    }
}
