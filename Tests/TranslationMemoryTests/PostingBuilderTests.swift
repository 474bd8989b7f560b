import ShuyuTestSupport
import Testing
import TranslationMemory

@Suite struct PostingBuilderTests {
    /// Lists long enough to span many chunks, across table growth and several arena
    /// pages, on both sides: each must read back exactly as `PostingList.encode` writes it.
    @Test func listsReadBackAsEncodedAcrossChunksAndGrowth() {
        var random = SeededGenerator(seed: 7)
        var builder = PostingBuilder()
        var expected: [Int64: [PostingList.Entry]] = [:]  // item << 1 | side
        var id: Int64 = 1
        for _ in 0..<12_000 {
            id += Int64(random.next() % 300)  // some gaps need several varint bytes
            let length = Int(random.next() % 200)
            for side in MemorySide.allCases {
                // A few frequent items (long lists), many rare ones (table growth).
                var items = Set((0..<8).map { _ in Int64(random.next() % 16) })
                for _ in 0..<6 { items.insert(Int64(16 + random.next() % 40_000)) }
                let sorted = items.sorted()
                builder.add(id: id, items: sorted, length: length, side: side)
                for item in sorted { expected[item << 1 | Int64(side.rawValue), default: []].append(PostingList.Entry(id: id, length: length)) }
            }
        }
        var seen = 0
        builder.blocks { side, item, count, bytes in
            let entries = expected[item << 1 | Int64(side.rawValue)] ?? []
            #expect(count == entries.count)
            #expect(bytes == PostingList.encode(entries), "item \(item) on \(side)")
            seen += 1
        }
        #expect(seen == expected.count)
        #expect(builder.entryCount == expected.values.reduce(0) { $0 + $1.count })
        #expect(expected.values.contains { PostingList.encode($0).count > 4_000 })  // several largest chunks
    }

    /// A copy changed after the fact keeps its own lists: the builder is a value, though
    /// its bytes live in pages it shares until one side changes.
    @Test func copiesAreIndependent() {
        var original = PostingBuilder()
        original.add(id: 1, items: [10, 20], length: 3, side: .chinese)
        var copy = original
        copy.add(id: 2, items: [10, 30], length: 4, side: .chinese)
        original.add(id: 5, items: [20], length: 6, side: .chinese)
        func lists(_ builder: PostingBuilder) -> [Int64: [UInt8]] {
            var lists: [Int64: [UInt8]] = [:]
            builder.blocks { _, item, _, bytes in lists[item] = bytes }
            return lists
        }
        func entry(_ id: Int64, _ length: Int) -> PostingList.Entry { PostingList.Entry(id: id, length: length) }
        #expect(lists(original) == [10: PostingList.encode([entry(1, 3)]), 20: PostingList.encode([entry(1, 3), entry(5, 6)])])
        #expect(lists(copy) == [10: PostingList.encode([entry(1, 3), entry(2, 4)]), 20: PostingList.encode([entry(1, 3)]),
                                30: PostingList.encode([entry(2, 4)])])
    }

    @Test func emptyBuilderHasNoBlocks() {
        let builder = PostingBuilder()
        var blocks = 0
        builder.blocks { _, _, _, _ in blocks += 1 }
        #expect(builder.isEmpty && blocks == 0)
    }
}
