/// Text cut into the units fuzzy matching compares: each Chinese (or other CJK)
/// character, each word or number and each punctuation mark is one token; spaces
/// separate tokens and are not tokens; inline-code placeholders are only counted.
///
/// Tokens are taken from folded text (`MatchFolding`), so `捲` and `卷`, `Ａ` and `a`
/// are the same token, but each keeps the range of the original scalars it came from,
/// for showing differences.
public struct MatchTokens: Sendable {
    /// What a token is.
    public enum Kind: UInt8, Sendable {
        case ideograph, word, number, punctuation
    }

    /// One token: a hash of its folded scalars, its kind, and where it is in the
    /// original text (scalar offsets).
    public struct Token: Hashable, Sendable {
        public var id: UInt64
        public var kind: Kind
        public var range: Range<Int>
    }

    /// The tokens, in order.
    public let tokens: [Token]

    /// The token ids, in order.
    public let ids: [UInt64]

    /// The number of tokens.
    public var count: Int { tokens.count }

    /// Cuts `text`, folding each scalar with `folding`. When `text` is already folded,
    /// pass `folding: nil`.
    public init(_ text: String, folding: MatchFolding?) {
        var builder = Builder()
        var offset = 0
        for scalar in text.unicodeScalars {
            if let folding {
                folding.fold(scalar) { builder.add($0, at: offset) }
            } else {
                builder.add(scalar, at: offset)
            }
            offset += 1
        }
        builder.finish(at: offset)
        tokens = builder.tokens
        ids = tokens.map(\.id)
        placeholderCount = builder.placeholders
    }

    /// Ids of the number tokens, for comparing the numbers of two texts.
    public var numbers: [UInt64] { tokens.filter { $0.kind == .number }.map(\.id) }

    /// The number of inline-code placeholders (`Segment.placeholder`): counted, not
    /// tokens, so that codes change a score by their penalty only.
    public let placeholderCount: Int

    private struct Builder {
        var tokens: [Token] = []
        var placeholders = 0
        var hash: UInt64 = Builder.offsetBasis
        var start = -1
        var allDigits = true
        var pendingSeparator: Unicode.Scalar?

        static let offsetBasis: UInt64 = 0xcbf2_9ce4_8422_2325
        static let prime: UInt64 = 0x100_0000_01b3

        mutating func add(_ scalar: Unicode.Scalar, at offset: Int) {
            let value = scalar.value
            if value < 0x80 {
                addASCII(UInt8(value), at: offset)
                return
            }
            let properties = scalar.properties
            if isIdeograph(value) {
                finish(at: offset)
                tokens.append(Token(id: Self.hash(scalar.value, kind: .ideograph), kind: .ideograph, range: offset..<offset + 1))
                return
            }
            if scalar == Segment.placeholder.unicodeScalars.first! {
                finish(at: offset)
                placeholders += 1
                return
            }
            let isDigit = properties.numericType == .decimal
            let role: Role
            if isDigit {
                role = .digit
            } else if properties.isAlphabetic || properties.generalCategory == .nonspacingMark || properties.generalCategory == .spacingMark {
                role = .letter
            } else if scalar == "’" {
                role = .joiner
            } else if properties.isWhitespace || properties.generalCategory == .control || properties.generalCategory == .format {
                role = .space
            } else {
                role = .punctuation
            }
            add(scalar, role: role, at: offset)
        }

        /// What a scalar does in a token.
        enum Role {
            case digit, letter
            /// Inside a word or number only (`3.5`, `1,000`, `don't`, `e-mail`); else punctuation.
            case joiner
            case space, punctuation
        }

        /// `add` for ASCII, without Unicode property lookups.
        mutating func addASCII(_ byte: UInt8, at offset: Int) {
            let role: Role = switch byte {
            case 0x30...0x39: .digit
            case 0x61...0x7A, 0x41...0x5A: .letter
            case 0x2E, 0x2C, 0x27, 0x2D: .joiner
            case 0...0x20, 0x7F: .space
            default: .punctuation
            }
            add(Unicode.Scalar(byte), role: role, at: offset)
        }

        mutating func add(_ scalar: Unicode.Scalar, role: Role, at offset: Int) {
            switch role {
            case .digit, .letter:
                if start >= 0, let separator = pendingSeparator {
                    // `3.5`, `1,000`, `don't`, `e-mail`: one token.
                    mix(separator.value)
                    pendingSeparator = nil
                } else if start < 0 {
                    start = offset
                    hash = Self.offsetBasis
                    allDigits = true
                }
                if role == .letter { allDigits = false }
                mix(scalar.value)
                return
            case .joiner where start >= 0 && pendingSeparator == nil:
                pendingSeparator = scalar
                return
            case .space:
                finish(at: offset)
            case .joiner, .punctuation:
                finish(at: offset)
                tokens.append(Token(id: Self.hash(scalar.value, kind: .punctuation), kind: .punctuation, range: offset..<offset + 1))
            }
        }

        mutating func finish(at offset: Int) {
            guard start >= 0 else { return }
            let kind: Kind = allDigits ? .number : .word
            let end = pendingSeparator == nil ? offset : offset - 1
            tokens.append(Token(id: hash ^ UInt64(kind.rawValue) &* 0x9E37_79B9_7F4A_7C15, kind: kind, range: start..<end))
            if let separator = pendingSeparator {
                tokens.append(Token(id: Self.hash(separator.value, kind: .punctuation), kind: .punctuation, range: end..<offset))
            }
            start = -1
            pendingSeparator = nil
        }

        mutating func mix(_ value: UInt32) {
            hash = (hash ^ UInt64(value)) &* Self.prime
        }

        static func hash(_ value: UInt32, kind: Kind) -> UInt64 {
            ((offsetBasis ^ UInt64(value)) &* prime) ^ UInt64(kind.rawValue) &* 0x9E37_79B9_7F4A_7C15
        }

        func isIdeograph(_ value: UInt32) -> Bool {
            switch value {
            case 0x3040...0x30FF, 0x3100...0x312F, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xAC00...0xD7AF,
                 0xF900...0xFAFF, 0x20000...0x323AF: true
            default: false
            }
        }
    }
}
