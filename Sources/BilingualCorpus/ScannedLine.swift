public import SourceText

/// A line decoded from UTF-8 with what the readers of a draft pass lines over by, found in
/// the same pass over its bytes: whether it holds a Han character, a digit, a bracket. Most
/// lines of an English draft hold no Chinese and no bracket.
public struct ScannedLine: Sendable {
    /// The scalars.
    public var scalars: [Unicode.Scalar]
    /// Whether a scalar is Han (`CharacterClass.isHan`): only such a line holds a pair or a
    /// footnote's definition.
    public var hasHan = false
    /// Whether a scalar is a digit (ASCII, full-width or superscript): only such a line holds
    /// a footnote marker.
    public var hasDigit = false
    /// Whether a scalar may be a bracket (`Brackets.mayBeBracket`): a line without one has no
    /// bracket at all.
    public var mayHaveBracket = false

    /// `bytes` (valid UTF-8 that begins and ends at scalar boundaries) decoded and scanned.
    /// Eight ASCII bytes are tested at a time, as one word.
    public init(validUTF8 bytes: UnsafeBufferPointer<UInt8>) {
        var hasHan = false, hasDigit = false, mayHaveBracket = false
        scalars = [Unicode.Scalar].decodingValidUTF8(bytes, eachASCIIWord: { word in
            if !hasDigit && Self.holdsDigit(word) { hasDigit = true }
            if !mayHaveBracket && Self.holdsBracket(word) { mayHaveBracket = true }
        }, eachScalar: { scalar in
            let v = scalar.value
            if v < 0x80 {
                if v &- 0x30 < 10 { hasDigit = true }
            } else if CharacterClass.isHan(scalar) {
                hasHan = true
            } else if CharacterClass.isDigit(scalar) || CharacterClass.superscriptDigit(scalar) != nil {
                hasDigit = true
            }
            if Brackets.mayBeBracket(scalar) { mayHaveBracket = true }
        })
        self.hasHan = hasHan
        self.hasDigit = hasDigit
        self.mayHaveBracket = mayHaveBracket
    }

    /// `0x01` in every byte of a word.
    private static let ones: UInt64 = 0x0101_0101_0101_0101

    /// Whether one of eight ASCII bytes (high bits clear) is a digit: adding `0x50` to a byte
    /// sets its high bit from `0` (0x30) on, adding `0x46` from `:` (0x3A) on, and no byte
    /// carries into the next.
    static func holdsDigit(_ word: UInt64) -> Bool {
        let fromZero = word &+ ones &* 0x50
        let pastNine = word &+ ones &* 0x46
        return fromZero & ~pastNine & (ones &* 0x80) != 0
    }

    /// Whether one of eight ASCII bytes is `(`, `)`, `[` or `]` (with the low bit set, `(` and
    /// `)` are both `)`, and no other byte is).
    static func holdsBracket(_ word: UInt64) -> Bool {
        holdsByte(word | ones, 0x29) || holdsByte(word, 0x5B) || holdsByte(word, 0x5D)
    }

    /// Whether one of the eight bytes of `word` is `byte`: the bytes equal to it are zero after
    /// the XOR, and a zero byte is the only one whose high bit the subtraction sets while
    /// the byte's own high bit is clear.
    static func holdsByte(_ word: UInt64, _ byte: UInt8) -> Bool {
        let v = word ^ (ones &* UInt64(byte))
        return (v &- ones) & ~v & (ones &* 0x80) != 0
    }
}
