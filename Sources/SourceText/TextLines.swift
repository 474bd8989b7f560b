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
        private var start: String.Index

        public init(_ text: String) {
            self.text = text
            start = text.utf8.startIndex
        }

        /// The next line (without its terminator) and its terminator, or nil at the end.
        public mutating func next() -> (line: Substring, terminator: Substring)? {
            let utf8 = text.utf8
            guard start != utf8.endIndex else { return nil }
            var i = start
            while i != utf8.endIndex {
                let byte = utf8[i]
                if byte == 0x0A || byte == 0x0D {
                    var next = utf8.index(after: i)
                    if byte == 0x0D, next != utf8.endIndex, utf8[next] == 0x0A { next = utf8.index(after: next) }
                    defer { start = next }
                    return (text[start..<i], text[i..<next])
                }
                i = utf8.index(after: i)
            }
            defer { start = utf8.endIndex }
            return (text[start...], text[text.endIndex...])
        }
    }

    /// The lines of `text`, as `forEach` gives them.
    public static func lines(_ text: String) -> [Substring] {
        var result: [Substring] = []
        forEach(text) { line, _ in result.append(line) }
        return result
    }
}
