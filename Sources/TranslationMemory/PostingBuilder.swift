/// Collects posting lists for a batch of stored texts, to be written as one block
/// per item. Texts must be added in increasing id order.
public struct PostingBuilder: Sendable {
    fileprivate struct List: Sendable {
        var bytes: [UInt8] = []
        var lastID: Int64 = 0
        var count = 0
    }

    private var lists: [[Int64: List]] = Array(repeating: [:], count: MemorySide.allCases.count)
    /// Entries added so far (about 3 bytes of memory each, plus each item's list).
    public private(set) var entryCount = 0

    public init() {}

    /// Adds the text `id`, already tokenized, on `side`.
    public mutating func add(id: Int64, tokens: [UInt64], side: MemorySide) {
        add(id: id, items: CandidateIndex.items(tokens, scheme: side.scheme), length: tokens.count, side: side)
    }

    /// Adds the text `id` of `length` tokens, whose `CandidateIndex.items` are `items`, on `side`.
    public mutating func add(id: Int64, items: [Int64], length: Int, side: MemorySide) {
        for item in items {
            lists[side.rawValue][item, default: List()].append(id: id, length: length)
        }
        entryCount += items.count
    }

    /// True when nothing was added.
    public var isEmpty: Bool { entryCount == 0 }

    /// Each item's encoded list (see `PostingList`) and its entry count.
    public func blocks(_ body: (MemorySide, Int64, Int, [UInt8]) throws -> Void) rethrows {
        for side in MemorySide.allCases {
            for (item, list) in lists[side.rawValue] {
                try body(side, item, list.count, list.bytes)
            }
        }
    }
}

extension PostingBuilder.List {
    mutating func append(id: Int64, length: Int) {
        precondition(id >= lastID, "posting ids must not decrease")
        PostingList.appendVarint(UInt64(id - lastID), to: &bytes)
        PostingList.appendVarint(UInt64(length), to: &bytes)
        lastID = id
        count += 1
    }
}

/// A candidate index held in memory, for tests, benchmarks and small memories.
public struct InMemoryCandidateIndex: CandidateSource {
    private var lists: [[Int64: [UInt8]]] = Array(repeating: [:], count: MemorySide.allCases.count)
    private var counts: [[Int64: Int]] = Array(repeating: [:], count: MemorySide.allCases.count)
    private var stored: [[Int64: StoredText]] = Array(repeating: [:], count: MemorySide.allCases.count)

    /// Indexes `texts` (id, original, side) after folding them with `folding`; ids must increase.
    public init(_ texts: [(id: Int64, text: String, side: MemorySide)], folding: MatchFolding) {
        var builder = PostingBuilder()
        for text in texts {
            stored[text.side.rawValue][text.id] = StoredText(id: text.id, text: text.text)
            builder.add(id: text.id, tokens: MatchTokens(text.text, folding: folding).ids, side: text.side)
        }
        builder.blocks { side, item, count, bytes in
            lists[side.rawValue][item] = bytes
            counts[side.rawValue][item] = count
        }
    }

    /// Every stored text of `side`, in id order.
    public func all(side: MemorySide) -> [StoredText] {
        stored[side.rawValue].values.sorted { $0.id < $1.id }
    }

    public func postingCounts(_ items: [Int64], side: MemorySide) -> [Int64: Int] {
        var result: [Int64: Int] = [:]
        for item in items { result[item] = counts[side.rawValue][item] ?? 0 }
        return result
    }

    public func withPostings(_ item: Int64, side: MemorySide, _ body: (UnsafeRawBufferPointer) -> Void) {
        lists[side.rawValue][item]?.withUnsafeBytes(body)
    }

    public func texts(_ ids: [Int64], side: MemorySide) -> [StoredText] {
        ids.compactMap { stored[side.rawValue][$0] }
    }
}
