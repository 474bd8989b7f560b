/// The bytes of a `PostingBuilder`'s lists: fixed pages allocated as they are needed,
/// addressed by a 32-bit offset.
///
/// One growing array doubled its capacity: at a million units it held 134 MB for 89 MB
/// of lists, and while it moved, the old copy and the new one were both alive (an import
/// peaked at 590 MB). Pages never move, and at most one page is partly empty.
final class PostingArena: @unchecked Sendable {
    /// 1 MB pages: a chunk (at most 1,028 bytes) never crosses a page boundary.
    static let pageShift = 20
    private static let pageSize = 1 << pageShift
    private static let pageMask = pageSize - 1
    /// Offsets are below 2 GB, so that they fit in the builder's `Int32` fields.
    private static let maximumPages = 1 << (31 - pageShift)

    private let pages = UnsafeMutablePointer<UnsafeMutablePointer<UInt8>>.allocate(capacity: maximumPages)
    private var pageCount = 0
    /// Where the next allocation starts.
    private(set) var count = 0

    init() {}

    deinit {
        for index in 0..<pageCount { pages[index].deallocate() }
        pages.deallocate()
    }

    /// A new arena with this one's bytes (for a builder copied and then changed).
    func copy() -> PostingArena {
        let copy = PostingArena()
        for index in 0..<pageCount {
            copy.addPage()
            copy.pages[index].update(from: pages[index], count: Self.pageSize)
        }
        copy.count = count
        return copy
    }

    /// Reserves `size` zeroed bytes (at most a page) in one page; returns their offset.
    func allocate(_ size: Int) -> Int32 {
        precondition(size <= Self.pageSize, "an arena allocation fits in a page")
        if count & Self.pageMask + size > Self.pageSize || count == pageCount << Self.pageShift {
            if count & Self.pageMask != 0 { count = pageCount << Self.pageShift }
            addPage()
        }
        let start = count
        count += size
        return Int32(start)
    }

    subscript(offset: Int32) -> UInt8 {
        @inline(__always) get { pages[Int(offset) >> Self.pageShift][Int(offset) & Self.pageMask] }
        @inline(__always) set { pages[Int(offset) >> Self.pageShift][Int(offset) & Self.pageMask] = newValue }
    }

    /// The `count` bytes from `offset`, which lie in one page.
    func bytes(from offset: Int32, count: Int) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: pages[Int(offset) >> Self.pageShift] + (Int(offset) & Self.pageMask), count: count)
    }

    private func addPage() {
        precondition(pageCount < Self.maximumPages, "a posting arena holds at most 2 GB")
        let page = UnsafeMutablePointer<UInt8>.allocate(capacity: Self.pageSize)
        page.initialize(repeating: 0, count: Self.pageSize)
        pages[pageCount] = page
        pageCount += 1
    }
}
