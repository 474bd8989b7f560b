/// A UTF-16 copy of a slice of a `String`, with the map back from UTF-16
/// offsets (ICU's unit) to `String.Index` (Swift's).
///
/// ICU works on UTF-16; Swift strings are UTF-8. Offsets are mapped by walking
/// forward once, so mapping every boundary of a text costs O(n) in all.
struct UTF16Text {
    let text: String
    let range: Range<String.Index>
    let units: ContiguousArray<UInt16>

    init(_ text: String, range: Range<String.Index>) {
        self.text = text
        self.range = range
        var units = ContiguousArray<UInt16>()
        let utf8Count = text.utf8.distance(from: range.lowerBound, to: range.upperBound)
        units.reserveCapacity(utf8Count)
        units.append(contentsOf: text.utf16[range])
        self.units = units
    }

    /// A forward-only cursor that maps increasing UTF-16 offsets to `String.Index`.
    struct Cursor {
        private(set) var utf16Offset = 0
        private(set) var utf8Offset = 0

        /// Advances to `target` (>= the current offset) and returns its UTF-8 offset
        /// from the start of the slice.
        mutating func advance(to target: Int, in units: ContiguousArray<UInt16>) -> Int {
            var i = utf16Offset
            var bytes = utf8Offset
            units.withUnsafeBufferPointer { buffer in
                while i < target {
                    let unit = buffer[i]
                    if unit < 0x80 {
                        bytes += 1
                        i += 1
                    } else if unit < 0x800 {
                        bytes += 2
                        i += 1
                    } else if unit & 0xFC00 == 0xD800 {
                        bytes += 4
                        i += 2
                    } else {
                        bytes += 3
                        i += 1
                    }
                }
            }
            utf16Offset = i
            utf8Offset = bytes
            return bytes
        }
    }

    func index(atUTF8Offset offset: Int) -> String.Index {
        text.utf8.index(range.lowerBound, offsetBy: offset)
    }
}
