/// A set of known words (glossary terms, a dictionary's headwords, a word list)
/// stored as a trie over Unicode scalars, for longest-match lookups in running text.
///
/// Lookups are case-sensitive and exact; normalize both sides first when needed.
public struct Lexicon: Sendable {
    // Edges: (node << 21 | scalar) -> child node. Node 0 is the root.
    private var edges = TrieEdges()
    private var terminal: [Bool] = [false]
    /// The number of distinct words.
    public private(set) var count = 0
    /// The length in scalars of the longest word.
    public private(set) var maxLength = 0

    /// An empty lexicon.
    public init() {}

    /// A lexicon of `words`; empty strings are ignored.
    public init<S: Sequence>(_ words: S) where S.Element: StringProtocol {
        for word in words { insert(word) }
    }

    /// Whether the lexicon has no words.
    public var isEmpty: Bool { count == 0 }

    /// Adds `word`; returns false when it was already there or is empty.
    @discardableResult
    public mutating func insert<S: StringProtocol>(_ word: S) -> Bool {
        var node: Int32 = 0
        var length = 0
        for scalar in word.unicodeScalars {
            let key = UInt64(node) << 21 | UInt64(scalar.value)
            if let next = edges[key] {
                node = next
            } else {
                let next = Int32(terminal.count)
                terminal.append(false)
                edges.insert(key, next)
                node = next
            }
            length += 1
        }
        guard length > 0, !terminal[Int(node)] else { return false }
        terminal[Int(node)] = true
        count += 1
        maxLength = max(maxLength, length)
        return true
    }

    /// Whether `word` is in the lexicon.
    public func contains<S: StringProtocol>(_ word: S) -> Bool {
        var node: Int32 = 0
        var any = false
        for scalar in word.unicodeScalars {
            guard let next = edges[UInt64(node) << 21 | UInt64(scalar.value)] else { return false }
            node = next
            any = true
        }
        return any && terminal[Int(node)]
    }

    /// Whether the one-scalar word `scalar` is in the lexicon (`contains` without a string).
    public func contains(_ scalar: Unicode.Scalar) -> Bool {
        guard let node = edges[UInt64(scalar.value)] else { return false }
        return terminal[Int(node)]
    }

    /// Calls `body` with the length (in scalars) of every word that starts at
    /// `scalars[start]`, shortest first.
    /// - Complexity: O(m) where m is the length of the longest match.
    public func forEachMatch(in scalars: UnsafeBufferPointer<Unicode.Scalar>, from start: Int, _ body: (Int) -> Void) {
        var node: Int32 = 0
        var i = start
        while i < scalars.count {
            guard let next = edges[UInt64(node) << 21 | UInt64(scalars[i].value)] else { return }
            node = next
            i += 1
            if terminal[Int(node)] { body(i - start) }
        }
    }

    /// The lengths of every word that starts at `scalars[start]`, shortest first.
    public func matches(in scalars: [Unicode.Scalar], from start: Int) -> [Int] {
        var result: [Int] = []
        scalars.withUnsafeBufferPointer { buffer in
            forEachMatch(in: buffer, from: start) { result.append($0) }
        }
        return result
    }
}

/// A trie's edges, `(node << 21 | scalar)` → child node, in an open-addressing table with a
/// multiplicative hash. Segmentation and pinyin look a character up here at every position
/// of every original, and `Dictionary`'s SipHash cost more than the rest of the lookup.
struct TrieEdges: Sendable {
    private static let empty = UInt64.max  // (a key is below 2^52: nodes are Int32, scalars 21 bits)
    private var keys = [UInt64](repeating: TrieEdges.empty, count: 16)
    private var children = [Int32](repeating: 0, count: 16)
    private var shift = 60  // 64 - log2(capacity)
    private var count = 0

    @inline(__always)
    private func slot(_ key: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> UInt64(shift))
    }

    /// The child at the end of edge `key`, or nil.
    subscript(key: UInt64) -> Int32? {
        keys.withUnsafeBufferPointer { keys in
            let mask = keys.count - 1
            var i = slot(key)
            while true {
                let found = keys[i]
                if found == key { return children[i] }
                if found == Self.empty { return nil }
                i = (i + 1) & mask
            }
        }
    }

    /// Adds edge `key` (not yet present) to `child`, growing the table at half full.
    mutating func insert(_ key: UInt64, _ child: Int32) {
        if (count + 1) * 2 > keys.count { grow() }
        let mask = keys.count - 1
        var i = slot(key)
        while keys[i] != Self.empty { i = (i + 1) & mask }
        keys[i] = key
        children[i] = child
        count += 1
    }

    private mutating func grow() {
        let oldKeys = keys, oldChildren = children
        keys = [UInt64](repeating: Self.empty, count: oldKeys.count * 2)
        children = [Int32](repeating: 0, count: oldKeys.count * 2)
        shift -= 1
        count = 0
        for (k, key) in oldKeys.enumerated() where key != Self.empty { insert(key, oldChildren[k]) }
    }
}
