/// A small seeded random number generator (SplitMix64) for tests and benchmarks whose
/// generated inputs must be the same on every run, so that a failure repeats.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) {
        state = seed
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in `range`.
    public mutating func int(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(next() % UInt64(range.count))
    }

    /// An index into a collection of `count` elements.
    public mutating func index(_ count: Int) -> Int {
        Int(next() % UInt64(count))
    }

    /// A string of `length` characters drawn from `alphabet`.
    public mutating func string(of alphabet: [Character], length: ClosedRange<Int>) -> String {
        var text = ""
        for _ in 0..<int(length) { text.append(alphabet[index(alphabet.count)]) }
        return text
    }

    /// A coin toss.
    public mutating func bool() -> Bool {
        next() & 1 == 0
    }
}
