import Glibc

/// Line splitting on UTF-8 bytes (no grapheme breaking): LF, CRLF and a lone CR end a line.
public enum TextLines {
    /// Calls `body` with each line of `text` (without its terminator) and the terminator
    /// (`"\n"`, `"\r\n"`, `"\r"`, or empty for a last line without one). A text that ends
    /// with a terminator has no empty line after it; an empty text has no line.
    /// - Complexity: O(n).
    public static func forEach(_ text: String, _ body: (Substring, Substring) throws -> Void) rethrows {
        var cursor = Cursor(text)
        while let (line, terminator) = cursor.next() { try body(line, terminator) }
    }

    /// Reads a text one line at a time, as `forEach` gives them: for readers that stop
    /// and resume.
    public struct Cursor {
        public let text: String
        /// The byte offset of the next line.
        private var offset = 0

        /// Whether the text holds a carriage return: without one, a line ends at the next
        /// line feed, which `memchr` finds many bytes at a time.
        private let hasCarriageReturn: Bool

        public init(_ text: String) {
            var text = text
            text.makeContiguousUTF8()
            self.text = text
            hasCarriageReturn = text.utf8.withContiguousStorageIfAvailable { bytes in
                bytes.baseAddress.map { memchr($0, 0x0D, bytes.count) != nil } ?? false
            }!  // contiguous
        }

        /// The next line (without its terminator) and its terminator, or nil at the end.
        public mutating func next() -> (line: Substring, terminator: Substring)? {
            let utf8 = text.utf8
            let (lineEnd, next) = utf8.withContiguousStorageIfAvailable { bytes in
                TextLines.lineEnd(in: bytes, from: offset, hasCarriageReturn: hasCarriageReturn)
            }!  // contiguous since init
            guard next > offset else { return nil }
            // Offsets on a native UTF-8 string give indices in O(1).
            let lineStart = utf8.index(utf8.startIndex, offsetBy: offset)
            let terminatorStart = utf8.index(lineStart, offsetBy: lineEnd - offset)
            let terminatorEnd = utf8.index(terminatorStart, offsetBy: next - lineEnd)
            offset = next
            return (text[lineStart..<terminatorStart], text[terminatorStart..<terminatorEnd])
        }
    }

    /// The UTF-8 offsets of the lines of `text` (without their terminators), as `forEach`
    /// gives them, found in one pass: for readers that take the bytes of each line from the
    /// text's storage rather than make a substring of it.
    /// - Complexity: O(n).
    public static func byteRanges(_ text: String) -> [Range<Int>] {
        var text = text
        text.makeContiguousUTF8()
        return text.utf8.withContiguousStorageIfAvailable { bytes -> [Range<Int>] in
            guard let base = bytes.baseAddress else { return [] }
            let hasCarriageReturn = memchr(base, 0x0D, bytes.count) != nil
            var ranges: [Range<Int>] = []
            var offset = 0
            while offset < bytes.count {
                let (end, next) = lineEnd(in: bytes, from: offset, hasCarriageReturn: hasCarriageReturn)
                ranges.append(offset..<end)
                offset = next
            }
            return ranges
        }!  // contiguous
    }

    /// Where the line at `offset` of `bytes` ends and the next begins (past its terminator):
    /// the first LF, CRLF or lone CR, or the end. Without a carriage return in the text a line
    /// ends at the next line feed, which `memchr` finds many bytes at a time.
    @inline(__always)
    static func lineEnd(in bytes: UnsafeBufferPointer<UInt8>, from offset: Int, hasCarriageReturn: Bool) -> (end: Int, next: Int) {
        if !hasCarriageReturn, let base = bytes.baseAddress {
            guard offset < bytes.count, let found = memchr(base + offset, 0x0A, bytes.count - offset) else {
                return (bytes.count, bytes.count)
            }
            let end = UnsafeRawPointer(found) - UnsafeRawPointer(base)
            return (end, end + 1)
        }
        var i = offset
        while i < bytes.count {
            let byte = bytes[i]
            if byte == 0x0A { return (i, i + 1) }
            if byte == 0x0D { return (i, i + 1 < bytes.count && bytes[i + 1] == 0x0A ? i + 2 : i + 1) }
            i += 1
        }
        return (i, i)
    }

    /// The lines of `text`, as `forEach` gives them.
    public static func lines(_ text: String) -> [Substring] {
        var result: [Substring] = []
        forEach(text) { line, _ in result.append(line) }
        return result
    }
}
