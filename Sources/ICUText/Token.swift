/// What a word token is made of, from ICU's word-break rule status and the
/// Unicode properties of its first character.
public enum TokenKind: String, Sendable, Hashable, CaseIterable {
    /// Han characters (ICU dictionary words of Chinese or Japanese kanji).
    case ideographic
    /// Kana (Japanese syllabaries).
    case kana
    /// Letters of alphabetic scripts, such as `Involution` or `Ωmega`.
    case letter
    /// Numbers, such as `2024`, `3.5` or full-width `１７`.
    case number
    /// Punctuation, such as `，`, `[` or `—`.
    case punctuation
    /// Symbols and emoji, such as `%`, `€` or `🙂`.
    case symbol
    /// Whitespace, including the ideographic space `　`.
    case space
}

/// One token of a segmented text: its range in the original `String` and its kind.
public struct Token: Hashable, Sendable {
    /// The token's range in the text that was segmented.
    public var range: Range<String.Index>
    /// What the token is made of.
    public var kind: TokenKind

    /// Creates a token.
    public init(range: Range<String.Index>, kind: TokenKind) {
        self.range = range
        self.kind = kind
    }
}

extension TokenKind {
    /// The kind of a token that ICU gave rule status 0 ("none"), judged by its first scalar.
    static func ofUntagged(_ scalar: Unicode.Scalar) -> TokenKind {
        let properties = scalar.properties
        if properties.isWhitespace { return .space }
        switch properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
             .initialPunctuation, .finalPunctuation, .otherPunctuation:
            return .punctuation
        case .decimalNumber, .letterNumber, .otherNumber:
            return .number
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter:
            return .letter
        case .otherLetter:
            return properties.isIdeographic ? .ideographic : .letter
        case .control, .format, .lineSeparator, .paragraphSeparator, .spaceSeparator:
            return .space
        default:
            return .symbol
        }
    }
}
