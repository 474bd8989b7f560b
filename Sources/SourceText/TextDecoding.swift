/// Why a file's bytes are not usable as text.
public enum TextDecodingError: Error, Equatable, CustomStringConvertible, Sendable {
    /// The bytes are not valid UTF-8; `byteOffset` is 0-based from the start of the file.
    case invalidUTF8(source: String, byteOffset: Int, location: SourceLocation)

    public var description: String {
        switch self {
        case let .invalidUTF8(source, byteOffset, location):
            "\(source):\(location.line):\(location.column): error: invalid UTF-8 at byte offset \(byteOffset); "
                + "convert the file to UTF-8 (for example: iconv -f GB18030 -t UTF-8)"
        }
    }
}

/// Decodes UTF-8 text files: accepts and drops a byte order mark, keeps CRLF
/// as it is, and rejects invalid UTF-8 with the offset of the first bad byte.
public enum TextDecoding {
    /// `bytes` as a `String`.
    /// - Parameters:
    ///   - bytes: the file's contents.
    ///   - source: the file's name for error messages.
    /// - Throws: `TextDecodingError.invalidUTF8` naming the byte offset, line and column.
    public static func decodeUTF8(_ bytes: [UInt8], source: String) throws(TextDecodingError) -> String {
        // The generic version, specialized here: called from another module, a generic call
        // sets up its collection types at run time, which a short process notices.
        try decodeUTF8(bytes[...], source: source)
    }

    /// `bytes` as a `String` (see `decodeUTF8(_:source:)` on an array).
    public static func decodeUTF8<C: Collection>(_ bytes: C, source: String) throws(TextDecodingError) -> String
    where C.Element == UInt8 {
        var slice = bytes[...]
        var bomLength = 0
        if slice.starts(with: [0xEF, 0xBB, 0xBF]) {
            slice = slice.dropFirst(3)
            bomLength = 3
        }
        if let text = slice.withContiguousStorageIfAvailable(validatedInHalves) ?? nil {
            return text
        }
        if let text = String(validating: slice, as: UTF8.self) {
            return text
        }
        // Find the first invalid byte, and the line/column of the text before it.
        var iterator = slice.makeIterator()
        var decoder = UTF8()
        var offset = 0
        var goodBytes = 0
        var line = 1, column = 1
        var previousWasCR = false
        loop: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                let width = UTF8.width(scalar)
                offset += width
                goodBytes = offset
                if scalar == "\n" {
                    if !previousWasCR { line += 1 }
                    column = 1
                } else if scalar == "\r" {
                    line += 1
                    column = 1
                } else {
                    column += 1
                }
                previousWasCR = scalar == "\r"
            case .emptyInput:
                break loop
            case .error:
                break loop
            }
        }
        throw .invalidUTF8(source: source, byteOffset: goodBytes + bomLength, location: SourceLocation(line: line, column: column))
    }

    /// Text of at least this many bytes is validated in two halves on two cores
    /// (`validatedInHalves`, `readLargeFile`).
    static let halvesMinimum = 1 << 20

    /// How many continuation bytes (at most three) `bytes` start with: the second half starts
    /// after them, at a scalar's first byte, since a split inside a scalar would fail both halves.
    static func continuationBytes(startingWith bytes: some Collection<UInt8>) -> Int {
        bytes.prefix(3).prefix { $0 & 0xC0 == 0x80 }.count
    }

    /// Long valid text as a string, its two halves validated on two cores at once (then
    /// joined, a copy): validation is most of reading a file, and nothing else can start
    /// before it. Nil for short or invalid text, which the caller validates itself.
    private static func validatedInHalves(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        guard bytes.count >= halvesMinimum, ProcessorCount.active > 1 else { return nil }
        let middle = bytes.count / 2 + continuationBytes(startingWith: bytes[(bytes.count / 2)...])
        let halves = [UnsafeBufferPointer(rebasing: bytes[..<middle]), UnsafeBufferPointer(rebasing: bytes[middle...])]
        let parts = PerJob(halves)
        let texts = concurrently(2) { String(validating: parts[$0], as: UTF8.self) }
        guard let first = texts[0], let second = texts[1] else { return nil }
        return first + second
    }
}
