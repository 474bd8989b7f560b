import SourceText

/// Turns byte offsets of UTF-8 text into 1-based lines and columns (in Unicode scalars),
/// moving forward only, so that locating every token of a file costs one pass over it.
/// A line ends at LF, CR LF or a lone CR, as XML 1.0 §2.11 reads them.
struct XMLLocationTracker {
    /// The byte offset `line` and `column` describe.
    private(set) var offset = 0
    private var line = 1
    private var column = 1
    private var afterCR = false

    /// The location of the byte at `target`.
    /// - Complexity: O(`target` − the previous target); O(`target`) when `target` is
    ///   before the previous one (which only error messages ask for).
    mutating func location(of target: Int, in bytes: UnsafeBufferPointer<UInt8>) -> SourceLocation {
        if target < offset { self = XMLLocationTracker() }
        var i = offset, line = line, column = column, afterCR = afterCR
        let raw = UnsafeRawPointer(bytes.baseAddress)
        while i < target {
            // Eight bytes at a time while there is no line break: count the bytes that
            // are not UTF-8 continuation bytes (10xxxxxx).
            if let raw, i + 8 <= target {
                let word = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                if !XMLByte.has(XMLByte.lf, in: word) && !XMLByte.has(XMLByte.cr, in: word) {
                    let continuation = word & ~(word << 1) & 0x8080_8080_8080_8080
                    column += 8 - continuation.nonzeroBitCount
                    afterCR = false
                    i += 8
                    continue
                }
            }
            let byte = bytes[i]
            if byte == 0x0A {
                if !afterCR { line += 1 }
                column = 1
                afterCR = false
            } else if byte == 0x0D {
                line += 1
                column = 1
                afterCR = true
            } else {
                // Count lead bytes only: one per scalar.
                if byte & 0xC0 != 0x80 { column += 1 }
                afterCR = false
            }
            i += 1
        }
        (self.offset, self.line, self.column, self.afterCR) = (i, line, column, afterCR)
        return SourceLocation(line: line, column: column)
    }

    /// The location of the byte at `target` in `bytes`, counted from the start.
    static func location(of target: Int, in bytes: [UInt8]) -> SourceLocation {
        var tracker = XMLLocationTracker()
        return bytes.withUnsafeBufferPointer { tracker.location(of: min(target, $0.count), in: $0) }
    }
}
