import Glibc

/// A string as a dictionary key by its UTF-8 bytes: hashed and compared byte by byte, where
/// `String` hashes and compares non-ASCII text through Unicode normalization (canonically
/// equivalent spellings are one `String` key, and two of these).
public struct UTF8Key: Hashable, Sendable {
    public let string: String

    public init(_ string: String) {
        var string = string
        string.makeContiguousUTF8()
        self.string = string
    }

    public func hash(into hasher: inout Hasher) {
        string.utf8.withContiguousStorageIfAvailable { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }!  // contiguous since init
    }

    public static func == (a: UTF8Key, b: UTF8Key) -> Bool {
        a.string.utf8.withContiguousStorageIfAvailable { x in
            b.string.utf8.withContiguousStorageIfAvailable { y in
                x.count == y.count && (x.isEmpty || memcmp(x.baseAddress!, y.baseAddress!, x.count) == 0)
            }!
        }!  // contiguous since init
    }
}
