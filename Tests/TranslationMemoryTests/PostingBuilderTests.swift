import ShuyuTestSupport
import Testing
import TranslationMemory

@Suite struct PostingBuilderTests {
    /// Lists long enough to span many chunks, across table growth, on both sides:
    /// each must read back exactly as `PostingList.encode` writes it.
    @Test func listsReadBackAsEncodedAcrossChunksAndGrowth() {
        var random = SeededGenerator(seed: 7)
        var builder = PostingBuilder()
        var expected: [Int64: [PostingList.Entry]] = [:]  // item << 1 | side
        var id: Int64 = 1
        for _ in 0..<3_000 {
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

    @Test func emptyBuilderHasNoBlocks() {
        let builder = PostingBuilder()
        var blocks = 0
        builder.blocks { _, _, _, _ in blocks += 1 }
        #expect(builder.isEmpty && blocks == 0)
    }
}
