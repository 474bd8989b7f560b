internal import CLibPQ

/// A query parameter, sent in PostgreSQL's binary format.
public enum PostgresValue: Sendable {
    case null
    case int(Int64)
    case text(String)
    case bytes([UInt8])
    /// A `bigint[]`, for `= ANY($1)` and `unnest($1)`.
    case ints([Int64])
    /// A `text[]`.
    case texts([String])

    var type: Oid {
        switch self {
        case .null: 0
        case .int: 20  // int8
        case .text: 25  // text
        case .bytes: 17  // bytea
        case .ints: 1016  // int8[]
        case .texts: 1009  // text[]
        }
    }

    var binary: [UInt8]? {
        switch self {
        case .null: return nil
        case .int(let value): return PostgresBinary.int64(value)
        case .text(let text): return Array(text.utf8)
        case .bytes(let bytes): return bytes
        case .ints(let values): return PostgresBinary.array(elementType: 20, values.map(PostgresBinary.int64))
        case .texts(let values): return PostgresBinary.array(elementType: 25, values.map { Array($0.utf8) })
        }
    }
}

/// Optional text as a parameter: `nil` is SQL NULL.
extension PostgresValue {
    public static func text(_ text: String?) -> PostgresValue { text.map { .text($0) } ?? .null }
}

/// Big-endian encodings of PostgreSQL's binary format.
enum PostgresBinary {
    static func int64(_ value: Int64) -> [UInt8] {
        withUnsafeBytes(of: value.bigEndian) { Array($0) }
    }

    static func int32(_ value: Int32) -> [UInt8] {
        withUnsafeBytes(of: value.bigEndian) { Array($0) }
    }

    /// A one-dimensional array with no nulls and lower bound 1, of elements already encoded.
    static func array(elementType: Oid, _ elements: [[UInt8]]) -> [UInt8] {
        var bytes = int32(1) + int32(0) + int32(Int32(bitPattern: elementType)) + int32(Int32(elements.count)) + int32(1)
        bytes.reserveCapacity(bytes.count + elements.reduce(0) { $0 + 4 + $1.count })
        for element in elements { bytes += int32(Int32(element.count)) + element }
        return bytes
    }
}

/// The rows of one result, read in binary format.
public final class PostgresRows {
    private let result: OpaquePointer

    init(_ result: OpaquePointer) {
        self.result = result
    }

    deinit {
        shuyu_PQclear(result)
    }

    public var count: Int { Int(shuyu_PQntuples(result)) }

    public func isNull(_ row: Int, _ column: Int) -> Bool {
        shuyu_PQgetisnull(result, Int32(row), Int32(column)) == 1
    }

    /// An integer column (`bigint`, `integer`, `smallint` or `boolean`).
    public func int(_ row: Int, _ column: Int) -> Int64 {
        guard !isNull(row, column) else { return 0 }
        let length = Int(shuyu_PQgetlength(result, Int32(row), Int32(column)))
        let raw = UnsafeRawPointer(shuyu_PQgetvalue(result, Int32(row), Int32(column))!)
        switch length {
        case 8: return Int64(bigEndian: raw.loadUnaligned(as: Int64.self))
        case 4: return Int64(Int32(bigEndian: raw.loadUnaligned(as: Int32.self)))
        case 2: return Int64(Int16(bigEndian: raw.loadUnaligned(as: Int16.self)))
        case 1: return Int64(raw.load(as: UInt8.self))
        default: return 0
        }
    }

    /// A `text` column; nil for NULL.
    public func text(_ row: Int, _ column: Int) -> String? {
        guard !isNull(row, column) else { return nil }
        return withBytes(row, column) { String(decoding: $0, as: UTF8.self) }
    }

    /// Calls `body` with the raw bytes of a column (a `bytea` as stored).
    public func withBytes<R>(_ row: Int, _ column: Int, _ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        let length = Int(shuyu_PQgetlength(result, Int32(row), Int32(column)))
        let raw = shuyu_PQgetvalue(result, Int32(row), Int32(column)).map { UnsafeRawPointer($0) }
        return try body(UnsafeRawBufferPointer(start: length == 0 ? nil : raw, count: length))
    }
}

/// Rows for a binary `COPY … FROM STDIN`, sent a megabyte at a time.
public final class PostgresCopyWriter {
    private var buffer: [UInt8] = []
    private let columns: Int16
    private let send: ([UInt8]) throws -> Void
    private var fields = 0

    init(columns: Int, send: @escaping ([UInt8]) throws -> Void) {
        self.columns = Int16(columns)
        self.send = send
        // Signature, flags, header extension length.
        buffer = Array("PGCOPY\n".utf8) + [0xFF, 0x0D, 0x0A, 0x00] + PostgresBinary.int32(0) + PostgresBinary.int32(0)
        buffer.reserveCapacity(1 << 20)
    }

    /// Starts a row; add exactly one value per column next.
    public func startRow() throws {
        precondition(fields == 0 || fields == Int(columns), "a COPY row has \(fields) values for \(columns) columns")
        if buffer.count >= 1 << 20 {
            try send(buffer)
            buffer.removeAll(keepingCapacity: true)
        }
        fields = 0
        append(Int16(columns))
    }

    public func add(_ value: Int64) {
        append(Int32(8))
        append(value)
        fields += 1
    }

    public func add(_ text: String?) {
        guard let text else { return addNull() }
        append(Int32(text.utf8.count))
        buffer += text.utf8
        fields += 1
    }

    public func add(bytes: some Collection<UInt8>) {
        append(Int32(bytes.count))
        buffer += bytes
        fields += 1
    }

    public func add(boolean: Bool) {
        append(Int32(1))
        buffer.append(boolean ? 1 : 0)
        fields += 1
    }

    public func addNull() {
        append(Int32(-1))
        fields += 1
    }

    /// Adds the trailer and sends what is left.
    func finish() throws {
        append(Int16(-1))
        try send(buffer)
        buffer = []
    }

    private func append<T: FixedWidthInteger>(_ value: T) {
        withUnsafeBytes(of: value.bigEndian) { buffer += $0 }
    }
}
