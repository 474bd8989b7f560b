/// A list of the stored texts that contain one index item: each text's id and its
/// length in tokens (for the length filter), encoded as varints with ids
/// delta-coded, about 3 bytes an entry.
public enum PostingList {
    /// One entry.
    public struct Entry: Hashable, Sendable {
        public var id: Int64
        public var length: Int

        public init(id: Int64, length: Int) {
            self.id = id
            self.length = length
        }
    }

    /// Encodes `entries`, which must be in non-decreasing id order.
    public static func encode(_ entries: [Entry]) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(entries.count * 3)
        var previous: Int64 = 0
        for entry in entries {
            precondition(entry.id >= previous, "posting ids must not decrease")
            appendVarint(UInt64(entry.id - previous), to: &bytes)
            appendVarint(UInt64(entry.length), to: &bytes)
            previous = entry.id
        }
        return bytes
    }

    /// Calls `body` with each entry of `bytes`; stops early at a truncated entry.
    @inline(__always)
    public static func decode(_ bytes: UnsafeRawBufferPointer, _ body: (Int64, Int) -> Void) {
        var index = 0
        var id: Int64 = 0
        let count = bytes.count
        while index < count {
            guard let delta = readVarint(bytes, &index), let length = readVarint(bytes, &index) else { return }
            id += Int64(delta)
            body(id, Int(length))
        }
    }

    static func appendVarint(_ value: UInt64, to bytes: inout [UInt8]) {
        var value = value
        while value >= 0x80 {
            bytes.append(UInt8(value & 0x7F) | 0x80)
            value >>= 7
        }
        bytes.append(UInt8(value))
    }

    @inline(__always)
    private static func readVarint(_ bytes: UnsafeRawBufferPointer, _ index: inout Int) -> UInt64? {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            value |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return value }
            shift += 7
            if shift > 63 { return nil }
        }
        return nil
    }
}
