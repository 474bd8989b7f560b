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
        let converted: ContiguousArray<UInt16>? = text.utf8.withContiguousStorageIfAvailable { bytes in
            let start = text.utf8.distance(from: text.utf8.startIndex, to: range.lowerBound)
            let end = text.utf8.distance(from: text.utf8.startIndex, to: range.upperBound)
            return UTF16Text.transcode(UnsafeBufferPointer(rebasing: bytes[start..<end]))
        }
        if let converted {
            self.units = converted
        } else {
            self.units = ContiguousArray(text.utf16[range])
        }
    }

    /// UTF-8 (already validated, as in every `String`) to UTF-16.
    private static func transcode(_ bytes: UnsafeBufferPointer<UInt8>) -> ContiguousArray<UInt16> {
        ContiguousArray(unsafeUninitializedCapacity: bytes.count) { out, count in
            var i = 0, o = 0
            let n = bytes.count
            while i < n {
                let b0 = UInt32(bytes[i])
                if b0 < 0x80 {
                    out[o] = UInt16(b0)
                    i += 1
                    o += 1
                } else if b0 < 0xE0 {
                    out[o] = UInt16((b0 & 0x1F) << 6 | UInt32(bytes[i + 1]) & 0x3F)
                    i += 2
                    o += 1
                } else if b0 < 0xF0 {
                    out[o] = UInt16((b0 & 0x0F) << 12 | (UInt32(bytes[i + 1]) & 0x3F) << 6 | UInt32(bytes[i + 2]) & 0x3F)
                    i += 3
                    o += 1
                } else {
                    let scalar = (b0 & 0x07) << 18 | (UInt32(bytes[i + 1]) & 0x3F) << 12
                        | (UInt32(bytes[i + 2]) & 0x3F) << 6 | UInt32(bytes[i + 3]) & 0x3F
                    let v = scalar - 0x10000
                    out[o] = UInt16(0xD800 | (v >> 10))
                    out[o + 1] = UInt16(0xDC00 | (v & 0x3FF))
                    i += 4
                    o += 2
                }
            }
            count = o
        }
    }

    /// A forward-only cursor that maps increasing UTF-16 offsets to UTF-8 offsets.
    struct Cursor {
        private(set) var utf16Offset = 0
        private(set) var utf8Offset = 0

        /// Advances to `target` (>= the current offset) and returns its UTF-8 offset
        /// from the start of the slice.
        @inline(__always)
        mutating func advance(to target: Int, in buffer: UnsafeBufferPointer<UInt16>) -> Int {
            var i = utf16Offset
            var bytes = utf8Offset
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
            utf16Offset = i
            utf8Offset = bytes
            return bytes
        }
    }

    /// The scalar that starts at UTF-16 offset `offset`.
    @inline(__always)
    static func scalar(at offset: Int, in buffer: UnsafeBufferPointer<UInt16>) -> Unicode.Scalar {
        let unit = buffer[offset]
        if unit & 0xFC00 == 0xD800, offset + 1 < buffer.count {
            let low = buffer[offset + 1]
            return Unicode.Scalar(0x10000 + (UInt32(unit & 0x3FF) << 10 | UInt32(low & 0x3FF))) ?? "\u{FFFD}"
        }
        return Unicode.Scalar(unit) ?? "\u{FFFD}"
    }

    @inline(__always)
    func index(atUTF8Offset offset: Int) -> String.Index {
        text.utf8.index(range.lowerBound, offsetBy: offset)
    }
}
