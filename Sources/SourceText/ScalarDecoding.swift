import Glibc

extension Array where Element == Unicode.Scalar {
    /// The scalars of `bytes`, which must be valid UTF-8 that begins and ends at scalar
    /// boundaries (a line of a string's storage): what `scalarArray` gives for the same text.
    public init(decodingValidUTF8 bytes: UnsafeBufferPointer<UInt8>) {
        self = String.decode(bytes)
    }

    /// The scalars of `bytes` (valid UTF-8, as for `init(decodingValidUTF8:)`), shown to the
    /// observers as they are decoded, for readers that look for a few characters in the same
    /// pass: eight ASCII bytes at a time (most of an English draft) to `eachASCIIWord`, as
    /// one little-endian word, and every other scalar to `eachScalar`. Inlined, so the
    /// observers cost what their own code costs.
    @inlinable @inline(__always)
    public static func decodingValidUTF8(_ bytes: UnsafeBufferPointer<UInt8>, eachASCIIWord: (UInt64) -> Void,
                                         eachScalar: (Unicode.Scalar) -> Void) -> [Unicode.Scalar] {
        [Unicode.Scalar](unsafeUninitializedCapacity: bytes.count) { out, count in
            var i = 0, o = 0
            let n = bytes.count
            let raw = UnsafeRawPointer(bytes.baseAddress)
            while i < n {
                if let raw, i + 8 <= n {
                    let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
                    if word & 0x8080_8080_8080_8080 == 0 {
                        // Widened as one vector: eight bytes to eight 32-bit scalars.
                        let wide = SIMD8<UInt32>(truncatingIfNeeded: unsafeBitCast(UInt64(littleEndian: word), to: SIMD8<UInt8>.self))
                        UnsafeMutableRawPointer(out.baseAddress! + o).storeBytes(of: wide, as: SIMD8<UInt32>.self)
                        eachASCIIWord(word)
                        i += 8
                        o += 8
                        continue
                    }
                }
                let b0 = UInt32(bytes[i])
                var value: UInt32
                if b0 < 0x80 {
                    value = b0
                    i += 1
                } else if b0 < 0xE0 {
                    value = (b0 & 0x1F) << 6 | UInt32(bytes[i + 1]) & 0x3F
                    i += 2
                } else if b0 < 0xF0 {
                    value = (b0 & 0x0F) << 12 | (UInt32(bytes[i + 1]) & 0x3F) << 6 | UInt32(bytes[i + 2]) & 0x3F
                    i += 3
                } else {
                    value = (b0 & 0x07) << 18 | (UInt32(bytes[i + 1]) & 0x3F) << 12
                        | (UInt32(bytes[i + 2]) & 0x3F) << 6 | UInt32(bytes[i + 3]) & 0x3F
                    i += 4
                }
                // Swift strings hold valid UTF-8, so every value is a scalar.
                let scalar = Unicode.Scalar(value) ?? "\u{FFFD}"
                (out.baseAddress! + o).initialize(to: scalar)
                eachScalar(scalar)
                o += 1
            }
            count = o
        }
    }
}

extension StringProtocol {
    /// The Unicode scalars of the text as an array, decoded in one pass from its UTF-8:
    /// what `Array(unicodeScalars)` gives, several times faster on long lines.
    public var scalarArray: [Unicode.Scalar] {
        if let scalars = utf8.withContiguousStorageIfAvailable(Self.decode) { return scalars }
        return Array(unicodeScalars)
    }

    /// Whether the text's UTF-8 contains `needle`'s bytes (ASCII, such as `<` or `<!--`): `memchr`
    /// finds each candidate first byte.
    public func containsBytes(_ needle: StaticString) -> Bool {
        var found = false
        forEachOccurrence(of: needle) { _ in
            found = true
            return false
        }
        return found
    }

    /// The offsets in the text's UTF-8 where `needle`'s bytes (ASCII) begin, in order;
    /// occurrences may overlap.
    public func byteOffsets(of needle: StaticString) -> [Int] {
        var offsets: [Int] = []
        forEachOccurrence(of: needle) { offset in
            offsets.append(offset)
            return true
        }
        return offsets
    }

    /// Calls `body` with the UTF-8 offset of each occurrence of `needle` until it returns false.
    private func forEachOccurrence(of needle: StaticString, _ body: (Int) -> Bool) {
        needle.withUTF8Buffer { pattern in
            guard let head = pattern.first else {
                _ = body(0)
                return
            }
            let searched: Void? = utf8.withContiguousStorageIfAvailable { bytes in
                guard let start = bytes.baseAddress else { return }
                var base = start
                var rest = bytes.count
                while rest >= pattern.count, let found = memchr(base, Int32(head), rest) {
                    let at = UnsafePointer(found.assumingMemoryBound(to: UInt8.self))
                    let skipped = at - base
                    if rest - skipped >= pattern.count, UnsafeBufferPointer(start: at, count: pattern.count).elementsEqual(pattern),
                       !body(at - start) {
                        return
                    }
                    base = at + 1
                    rest -= skipped + 1
                }
            }
            guard searched == nil else { return }
            // Not contiguous (a bridged string): the same search over a copy.
            var copy = String(self)
            copy.makeContiguousUTF8()
            copy.forEachOccurrence(of: needle, body)
        }
    }

    /// Decodes valid UTF-8 (as every Swift string is).
    fileprivate static func decode(_ bytes: UnsafeBufferPointer<UInt8>) -> [Unicode.Scalar] {
        [Unicode.Scalar].decodingValidUTF8(bytes, eachASCIIWord: { _ in }, eachScalar: { _ in })
    }
}
