/// Line splitting on UTF-8 bytes (no grapheme breaking): LF, CRLF and a lone CR end a line.
public enum TextLines {
    /// Calls `body` with each line of `text` (without its terminator) and the terminator
    /// (`"\n"`, `"\r\n"`, `"\r"`, or empty for a last line without one). A text that ends
    /// with a terminator has no empty line after it; an empty text has no line.
    /// - Complexity: O(n).
    public static func forEach(_ text: String, _ body: (Substring, Substring) throws -> Void) rethrows {
        let utf8 = text.utf8
        var start = utf8.startIndex
        var i = start
        while i != utf8.endIndex {
            let byte = utf8[i]
            if byte == 0x0A || byte == 0x0D {
                var next = utf8.index(after: i)
                if byte == 0x0D, next != utf8.endIndex, utf8[next] == 0x0A { next = utf8.index(after: next) }
                try body(text[start..<i], text[i..<next])
                start = next
                i = next
            } else {
                i = utf8.index(after: i)
            }
        }
        if start != utf8.endIndex { try body(text[start...], text[text.endIndex...]) }
    }

    /// The lines of `text`, as `forEach` gives them.
    public static func lines(_ text: String) -> [Substring] {
        var result: [Substring] = []
        forEach(text) { line, _ in result.append(line) }
        return result
    }
}
