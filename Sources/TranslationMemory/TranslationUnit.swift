/// One unit of a translation memory: the same segment in two or more languages,
/// with what the tool that made it said about it (TMX `<tu>`).
public struct TranslationUnit: Hashable, Sendable, Codable {
    /// The unit's identifier in its file (`tuid`), when it has one.
    public var id: String?
    /// The segment in each language, in file order (`<tuv>`).
    public var variants: [TranslationVariant]
    /// Metadata shared by every variant.
    public var metadata: UnitMetadata
    /// Where the unit came from: file and line.
    public var origin: Origin?

    /// Creates a unit.
    public init(id: String? = nil, variants: [TranslationVariant], metadata: UnitMetadata = UnitMetadata(), origin: Origin? = nil) {
        self.id = id
        self.variants = variants
        self.metadata = metadata
        self.origin = origin
    }

    /// Where the unit's Chinese variant and its translation are: the first Chinese variant,
    /// and the first English one, else the first in another language; `nil` without both.
    public var chinesePair: (zh: Int, other: Int)? {
        guard let zh = variants.firstIndex(where: { $0.language.isChinese }) else { return nil }
        let others = variants.indices.filter { !variants[$0].language.isChinese }
        guard let other = others.first(where: { variants[$0].language.isEnglish }) ?? others.first else { return nil }
        return (zh, other)
    }

    /// The first variant whose language is `language` or a variant of it
    /// (`zh` matches `zh-CN` and `zh-TW`).
    public func variant(for language: LanguageTag) -> TranslationVariant? {
        variants.first { $0.language.matches(language) }
    }
}

/// One language's segment of a unit (TMX `<tuv>`).
public struct TranslationVariant: Hashable, Sendable, Codable {
    /// The variant's language.
    public var language: LanguageTag
    /// The text, with inline codes.
    public var segment: Segment
    /// Metadata of this variant only.
    public var metadata: UnitMetadata

    /// Creates a variant.
    public init(language: LanguageTag, segment: Segment, metadata: UnitMetadata = UnitMetadata()) {
        self.language = language
        self.segment = segment
        self.metadata = metadata
    }
}

/// What a TMX file records about a unit or a variant; every field is optional.
public struct UnitMetadata: Hashable, Sendable, Codable {
    /// `creationdate`, as written (TMX: `YYYYMMDDThhmmssZ`).
    public var creationDate: String?
    /// `creationid`: who made it.
    public var creationID: String?
    /// `changedate`, as written.
    public var changeDate: String?
    /// `changeid`: who changed it last.
    public var changeID: String?
    /// `creationtool`.
    public var creationTool: String?
    /// `creationtoolversion`.
    public var creationToolVersion: String?
    /// `usagecount`, when it is a number.
    public var usageCount: Int?
    /// `lastusagedate`, as written.
    public var lastUsageDate: String?
    /// Attributes not listed above (such as `srclang`, `datatype`, `segtype`, `o-tmf`), in file order.
    public var otherAttributes: [Attribute]
    /// `<prop type="…">value</prop>` elements, in file order.
    public var properties: [Property]
    /// `<note>` elements, in file order.
    public var notes: [String]

    /// Creates metadata.
    public init(creationDate: String? = nil, creationID: String? = nil, changeDate: String? = nil, changeID: String? = nil,
                creationTool: String? = nil, creationToolVersion: String? = nil, usageCount: Int? = nil,
                lastUsageDate: String? = nil, otherAttributes: [Attribute] = [], properties: [Property] = [],
                notes: [String] = []) {
        self.creationDate = creationDate
        self.creationID = creationID
        self.changeDate = changeDate
        self.changeID = changeID
        self.creationTool = creationTool
        self.creationToolVersion = creationToolVersion
        self.usageCount = usageCount
        self.lastUsageDate = lastUsageDate
        self.otherAttributes = otherAttributes
        self.properties = properties
        self.notes = notes
    }

    /// True when nothing is recorded.
    public var isEmpty: Bool {
        // Field by field: comparing with `UnitMetadata()` built and compared a whole
        // value, once per unit of an import.
        creationDate == nil && creationID == nil && changeDate == nil && changeID == nil && creationTool == nil
            && creationToolVersion == nil && usageCount == nil && lastUsageDate == nil
            && otherAttributes.isEmpty && properties.isEmpty && notes.isEmpty
    }
}

/// An XML attribute: name and value, as in the file.
public struct Attribute: Hashable, Sendable, Codable {
    public var name: String
    public var value: String

    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}

/// A TMX `<prop>`: a typed value, with its language when it has one.
public struct Property: Hashable, Sendable, Codable {
    public var type: String
    public var value: String
    public var language: String?

    public init(type: String, value: String, language: String? = nil) {
        self.type = type
        self.value = value
        self.language = language
    }
}

/// Where a unit came from.
public struct Origin: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The file, as given.
    public var file: String
    /// The 1-based line of the unit (of the Chinese line, for parallel files).
    public var line: Int

    public init(file: String, line: Int) {
        self.file = file
        self.line = line
    }

    public var description: String { "\(file):\(line)" }
}
