/// Converts positions in a text (`String.Index` or UTF-8 offsets) to 1-based
/// line and column, with columns counted in Unicode scalars.
///
/// Lines end at LF, CRLF or a lone CR. Build one per text; each conversion
/// costs O(log lines + column).
public struct LineTable: Sendable {
    /// UTF-8 offsets of the first byte of each line.
    public let lineStarts: [Int]
    private let text: String

    /// Indexes the line starts of `text`.
    /// - Complexity: O(n).
    public init(_ text: String) {
        self.text = text
        var starts = [0]
        var previousWasCR = false
        var offset = 0
        for byte in text.utf8 {
            offset += 1
            if byte == 0x0A {
                if previousWasCR { starts[starts.count - 1] = offset } else { starts.append(offset) }
                previousWasCR = false
            } else if byte == 0x0D {
                starts.append(offset)
                previousWasCR = true
            } else {
                previousWasCR = false
            }
        }
        lineStarts = starts
    }

    /// The location of the UTF-8 offset `offset`.
    public func location(ofUTF8Offset offset: Int) -> SourceLocation {
        var low = 0, high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        let utf8 = text.utf8
        let lineStart = utf8.index(utf8.startIndex, offsetBy: lineStarts[low])
        let target = utf8.index(utf8.startIndex, offsetBy: offset)
        let column = text.unicodeScalars[lineStart..<target].count + 1
        return SourceLocation(line: low + 1, column: column)
    }

    /// The location of `index` in the text this table was built from.
    public func location(of index: String.Index) -> SourceLocation {
        location(ofUTF8Offset: text.utf8.distance(from: text.utf8.startIndex, to: index))
    }
}
