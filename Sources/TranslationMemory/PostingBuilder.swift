/// Collects posting lists for a batch of stored texts, to be written as one block
/// per item. Texts must be added in increasing id order.
///
/// An import adds tens of millions of entries at random items, so the work is cache
/// misses: an item is found in an open-addressing table that holds its key (a
/// `Dictionary` also spends its time in SipHash), and its list grows in chunks of one
/// shared byte arena, which a list of arrays would add two misses to.
public struct PostingBuilder: Sendable {
    /// An item and its list, in the table itself (one cache line holds two): the list
    /// is chunks in `arena` of 8, 16, … up to `largestChunk` bytes, each followed by
    /// the offset of the next (4 bytes).
    private struct Slot {
        var key: Int64 = -1  // item << 1 | side; -1: empty
        var lastID: Int64 = 0
        var first: Int32 = 0
        var tail: Int32 = 0  // where the next byte goes
        var end: Int32 = 0  // the end of the current chunk's data
        var sizeShift: UInt8 = 0  // the current chunk's size is 1 << sizeShift
    }

    private static let firstShift: UInt8 = 3
    private static let largestShift: UInt8 = 10
    /// The most entries a builder takes: its arena, addressed with 32 bits, then
    /// stays below 2 GB even with the longest varints.
    public static let capacity = 64 << 20

    private var table = [Slot](repeating: Slot(), count: 1 << 12)
    private var shift = 64 - 12
    private var used = 0
    private var arena = PostingArena()
    /// The slots of the text being added (reused).
    private var slots: [Int] = []
    /// The sum of the values loaded ahead, kept so that the loads are not optimized away.
    private var touch: Int64 = 0
    /// Entries added so far (about 3 bytes of memory each, plus each item's list).
    public private(set) var entryCount = 0

    public init() {}

    /// Adds the text `id`, already tokenized, on `side`.
    public mutating func add(id: Int64, tokens: [UInt64], side: MemorySide) {
        add(id: id, items: CandidateIndex.items(tokens, scheme: side.scheme), length: tokens.count, side: side)
    }

    /// Adds the text `id` of `length` tokens, whose `CandidateIndex.items` are `items`, on `side`.
    public mutating func add(id: Int64, items: [Int64], length: Int, side: MemorySide) {
        precondition(entryCount + items.count <= Self.capacity, "a posting builder takes at most \(Self.capacity) entries")
        let sideBit = Int64(side.rawValue)
        if !isKnownUniquelyReferenced(&arena) { arena = arena.copy() }
        // Room for every item first: growing the table moves the slots, so it must not
        // happen between finding them and writing to them. Filled up to three quarters
        // (half doubled the table at a million units, 128 MB for 1.3M items, with no
        // measurable gain in speed).
        while (used + items.count) * 4 > table.count * 3 { grow() }
        // The table and the arena are far larger than the caches, and each entry touches a
        // slot and a list tail at random. Loading every slot first, then every tail, lets
        // the processor wait for those cache misses together instead of one by one.
        var touched: Int64 = 0
        for item in items { touched &+= table[home(of: item << 1 | sideBit)].key }
        slots.removeAll(keepingCapacity: true)
        for item in items {
            let index = slot(for: item << 1 | sideBit)
            slots.append(index)
            touched &+= Int64(arena[table[index].tail])
        }
        touch = touch &+ touched
        for index in slots {
            let delta = id - table[index].lastID
            precondition(delta >= 0, "posting ids must not decrease")
            append(UInt64(delta), to: index)
            append(UInt64(length), to: index)
            table[index].lastID = id
        }
        entryCount += items.count
    }

    /// True when nothing was added.
    public var isEmpty: Bool { entryCount == 0 }

    /// Each item's encoded list (see `PostingList`) and its entry count, in the order
    /// of items and, for one item, of sides.
    public func blocks(_ body: (MemorySide, Int64, Int, [UInt8]) throws -> Void) rethrows {
        var order: [(key: Int64, index: Int)] = []
        order.reserveCapacity(used)
        for (index, slot) in table.enumerated() where slot.key >= 0 { order.append((slot.key, index)) }
        order.sort { $0.key < $1.key }
        var bytes: [UInt8] = []  // one buffer for every list
        for (_, index) in order {
            let slot = table[index]
            bytes.removeAll(keepingCapacity: true)
            var position = slot.first, shift = Self.firstShift
            while true {
                let size = Int32(1) << shift
                let last = position + size == slot.end
                bytes.append(contentsOf: arena.bytes(from: position, count: Int((last ? slot.tail : position + size) - position)))
                if last { break }
                position = next(after: position + size)
                shift = min(shift + 1, Self.largestShift)
            }
            // Each entry is two varints, whose last bytes are the ones below 0x80.
            let count = bytes.reduce(0) { $0 + ($1 < 0x80 ? 1 : 0) } / 2
            try body(MemorySide(rawValue: Int(slot.key & 1))!, slot.key >> 1, count, bytes)
        }
    }

    @inline(__always)
    private mutating func append(_ value: UInt64, to index: Int) {
        var value = value
        while true {
            let byte = value < 0x80 ? UInt8(value) : UInt8(value & 0x7F) | 0x80
            if table[index].tail == table[index].end { newChunk(for: index) }
            arena[table[index].tail] = byte
            table[index].tail += 1
            if value < 0x80 { return }
            value >>= 7
        }
    }

    /// Starts a new chunk for the full list in `index`, linked from the end of its last.
    private mutating func newChunk(for index: Int) {
        let end = table[index].end
        let shift = min(table[index].sizeShift + 1, Self.largestShift)
        let start = arena.allocate(1 << shift + 4)
        arena[end] = UInt8(truncatingIfNeeded: start)
        arena[end + 1] = UInt8(truncatingIfNeeded: start >> 8)
        arena[end + 2] = UInt8(truncatingIfNeeded: start >> 16)
        arena[end + 3] = UInt8(truncatingIfNeeded: start >> 24)
        table[index].tail = start
        table[index].end = start + Int32(1) << shift
        table[index].sizeShift = shift
    }

    private func next(after end: Int32) -> Int32 {
        Int32(arena[end]) | Int32(arena[end + 1]) << 8 | Int32(arena[end + 2]) << 16 | Int32(arena[end + 3]) << 24
    }

    /// Where `key`'s search starts: a multiplicative hash, to the table's size.
    @inline(__always)
    private func home(of key: Int64) -> Int {
        Int(truncatingIfNeeded: (UInt64(bitPattern: key) &* 0x9E37_79B9_7F4A_7C15) >> UInt64(shift))
    }

    /// The slot of `key`, made when it is new; the caller has made room for it (`add`
    /// grows the table before looking up a text's items).
    @inline(__always)
    private mutating func slot(for key: Int64) -> Int {
        let mask = table.count - 1
        var index = home(of: key)
        while true {
            let stored = table[index].key
            if stored == key { return index }
            if stored < 0 { break }
            index = (index + 1) & mask
        }
        let start = arena.allocate(1 << Self.firstShift + 4)
        table[index] = Slot(key: key, first: start, tail: start, end: start + Int32(1) << Self.firstShift, sizeShift: Self.firstShift)
        used += 1
        return index
    }

    /// Doubles the table.
    private mutating func grow() {
        let old = table
        table = [Slot](repeating: Slot(), count: old.count * 2)
        shift -= 1
        let mask = table.count - 1
        for slot in old where slot.key >= 0 {
            var index = home(of: slot.key)
            while table[index].key >= 0 { index = (index + 1) & mask }
            table[index] = slot
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
