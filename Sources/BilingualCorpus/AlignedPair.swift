public import SourceText

/// How a Chinese original and its English rendering stand in the text.
public enum PairKind: String, Sendable, Hashable, CaseIterable, Codable {
    /// English followed by the original in brackets: `Stepfun [阶跃星辰]`.
    case bracket
    /// English followed directly by the original, unbracketed: `Qian Mu 钱穆`, `Studies/中国政治学`.
    case inline
    /// Chinese prose with the English in parentheses: `深度求索（DeepSeek）`.
    case parenthetical
    /// A footnote marker on the English term and a definition that names the original.
    case footnote
    /// Sentence pairs from parallel sources (aligned files, TSV, TMX).
    case parallel
}

/// A Chinese span paired with the English that renders it, and where both were found.
public struct AlignedPair: Hashable, Sendable {
    /// The Chinese original, as written (brackets, quotes and query marks removed).
    public var zh: String
    /// The English rendering, as written (Markdown emphasis marks removed).
    public var en: String
    /// How the pair stands in the text.
    public var kind: PairKind
    /// The file, as given.
    public var source: String
    /// Where the Chinese span starts (1-based line; column in Unicode scalars).
    public var zhLocation: SourceLocation
    /// Where the English span starts.
    public var enLocation: SourceLocation
    /// How sure the extractor is that `en` is exactly the rendering of `zh`, from 0 to 1.
    public var confidence: Double
    /// Whether the translator marked the original as a query (`(通用人工智能?)`, `TODO`).
    public var uncertain: Bool
    /// A definition attached to the pair (footnotes), or empty.
    public var definition: String
    /// Other renderings given in the same place: an abbreviation (`MoE`), pinyin, a literal gloss.
    public var alternatives: [String]
    /// The evidence that decided the English span, such as `glossary`, `pinyin`, `capitalization`.
    public var evidence: [String]

    /// Creates a pair.
    public init(zh: String, en: String, kind: PairKind, source: String, zhLocation: SourceLocation,
                enLocation: SourceLocation, confidence: Double, uncertain: Bool = false,
                definition: String = "", alternatives: [String] = [], evidence: [String] = []) {
        self.zh = zh
        self.en = en
        self.kind = kind
        self.source = source
        self.zhLocation = zhLocation
        self.enLocation = enLocation
        self.confidence = confidence
        self.uncertain = uncertain
        self.definition = definition
        self.alternatives = alternatives
        self.evidence = evidence
    }
}
