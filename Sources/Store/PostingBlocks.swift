public import TranslationMemory

/// The block numbers of the posting lists an import writes, the same in every backend:
/// each batch of postings is stored as a new block (1…250) of every item it touches.
/// When the numbers run out, the blocks are first merged into block 1 (`PostingMerger`);
/// an import that leaves more than `TranslationMemoryStore.compactionThreshold` blocks
/// merges them at its end.
package struct PostingBatches {
    private var next: Int

    /// Numbers after `highestStored`, the highest block number in the memory.
    package init(highestStored: Int) {
        next = highestStored + 1
    }

    /// The number of the next batch. Calls `compact` first when the numbers ran out.
    package mutating func take(compacting compact: () throws -> Void) rethrows -> Int {
        if next > 250 {
            try compact()
            next = 2
        }
        defer { next += 1 }
        return next
    }

    /// Whether the import should merge the blocks before it ends.
    package var needsCompaction: Bool { next - 1 > TranslationMemoryStore.compactionThreshold }
}

/// Merges every item's posting blocks, read in key order, into one block per item (block 1).
package struct PostingMerger {
    private var current: Int64?
    private var entries: [PostingList.Entry] = []

    package init() {}

    /// A merged block: its key (block 1), its entry count and its bytes.
    package typealias Block = (key: Int64, count: Int, data: [UInt8])

    /// Adds the block stored under `key`. Returns the previous item's merged block when
    /// `key` belongs to another item (or side).
    package mutating func add(key: Int64, block: UnsafeRawBufferPointer) -> Block? {
        let itemAndSide = key & ~255
        var merged: Block?
        if current != itemAndSide {
            merged = finish()
            current = itemAndSide
        }
        PostingList.decode(block) { id, length in entries.append(PostingList.Entry(id: id, length: length)) }
        return merged
    }

    /// The last item's merged block, if any.
    package mutating func finish() -> Block? {
        guard let current else { return nil }
        defer {
            entries.removeAll(keepingCapacity: true)
            self.current = nil
        }
        return (current | 1, entries.count, PostingList.encode(entries))
    }
}
