/// Collects posting lists for a batch of stored texts, to be written as one block
/// per item. Texts must be added in increasing id order.
public struct PostingBuilder: Sendable {
    private var lists: [[Int64: [PostingList.Entry]]] = Array(repeating: [:], count: MemorySide.allCases.count)
    /// Entries added so far.
    public private(set) var entryCount = 0

    public init() {}

    /// Adds the text `id`, already tokenized, on `side`.
    public mutating func add(id: Int64, tokens: [UInt64], side: MemorySide) {
        let entry = PostingList.Entry(id: id, length: tokens.count)
        for item in CandidateIndex.items(tokens, scheme: side.scheme) {
            lists[side.rawValue][item, default: []].append(entry)
        }
        entryCount += tokens.count + 1
    }

    /// True when nothing was added.
    public var isEmpty: Bool { entryCount == 0 }

    /// Each item's encoded list, with its entry count, side by side.
    public func blocks(_ body: (MemorySide, Int64, Int, [UInt8]) throws -> Void) rethrows {
        for side in MemorySide.allCases {
            for (item, entries) in lists[side.rawValue] {
                try body(side, item, entries.count, PostingList.encode(entries))
            }
        }
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
            let folded = folding.fold(text.text)
            stored[text.side.rawValue][text.id] = StoredText(id: text.id, text: text.text, folded: folded)
            builder.add(id: text.id, tokens: MatchTokens(folded, folding: nil).ids, side: text.side)
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
