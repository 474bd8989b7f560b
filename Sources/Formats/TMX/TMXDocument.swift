public import TranslationMemory

/// A TMX file: its header and its translation units, in file order.
public struct TMXDocument: Hashable, Sendable {
    /// The `version` of `<tmx>` (`1.1`, `1.2`, `1.4`), when the file gives one.
    public var version: String?
    /// What `<header>` says about the file.
    public var header: TMXHeader
    /// The `<tu>` elements, in file order. A `<tu>` without any `<tuv>` (which TMX does
    /// not allow, but some tools write) is kept, with no variants.
    public var units: [TranslationUnit]

    /// Creates a document.
    public init(version: String? = "1.4", header: TMXHeader = TMXHeader(), units: [TranslationUnit] = []) {
        self.version = version
        self.header = header
        self.units = units
    }
}

/// The `<header>` of a TMX file. TMX requires its first seven attributes; a sloppy file
/// may lack some, so every one is optional here and `TMXWriter` fills in defaults.
public struct TMXHeader: Hashable, Sendable {
    /// `srclang`: the source language of every unit, or `*all*` (any language may be the source).
    public var sourceLanguage: LanguageTag?
    /// `adminlang`: the language of notes and properties.
    public var adminLanguage: LanguageTag?
    /// `datatype`: `plaintext`, `html`, `rtf`, `winres`…
    public var dataType: String?
    /// `segtype`: `block`, `paragraph`, `sentence` or `phrase`.
    public var segmentType: String?
    /// `o-tmf`: the format of the memory the file was exported from.
    public var originalFormat: String?
    /// `creationtool`, `creationtoolversion`, `creationdate`, `creationid`, `changedate`,
    /// `changeid`; other attributes (such as `o-encoding`) in file order; and the header's
    /// `<prop>` and `<note>` elements.
    public var metadata: UnitMetadata
    /// The `<ude>` elements: user-defined encodings, kept as written.
    public var userDefinedEncodings: [TMXUserDefinedEncoding]

    /// Creates a header.
    public init(sourceLanguage: LanguageTag? = nil, adminLanguage: LanguageTag? = nil, dataType: String? = nil,
                segmentType: String? = nil, originalFormat: String? = nil, metadata: UnitMetadata = UnitMetadata(),
                userDefinedEncodings: [TMXUserDefinedEncoding] = []) {
        self.sourceLanguage = sourceLanguage
        self.adminLanguage = adminLanguage
        self.dataType = dataType
        self.segmentType = segmentType
        self.originalFormat = originalFormat
        self.metadata = metadata
        self.userDefinedEncodings = userDefinedEncodings
    }

    /// The header of a file Shuyu exports: tool `Shuyu`, sentence segments, plain text,
    /// administrative language English.
    public static func shuyu(sourceLanguage: LanguageTag, toolVersion: String) -> TMXHeader {
        TMXHeader(sourceLanguage: sourceLanguage, adminLanguage: LanguageTag("en"), dataType: "plaintext",
                  segmentType: "sentence", originalFormat: "Shuyu",
                  metadata: UnitMetadata(creationTool: "Shuyu", creationToolVersion: toolVersion))
    }

    /// `creationtool`: the tool that wrote the file.
    public var creationTool: String? {
        get { metadata.creationTool }
        set { metadata.creationTool = newValue }
    }

    /// `creationtoolversion`.
    public var creationToolVersion: String? {
        get { metadata.creationToolVersion }
        set { metadata.creationToolVersion = newValue }
    }
}

/// A TMX `<ude>`: how the characters of a user-defined encoding map to Unicode.
public struct TMXUserDefinedEncoding: Hashable, Sendable {
    /// The attributes of `<ude>` (`name`, `base`), in file order.
    public var attributes: [Attribute]
    /// The attributes of each `<map>` (`unicode`, `code`, `ent`, `subst`), in file order.
    public var maps: [[Attribute]]

    /// Creates a user-defined encoding.
    public init(attributes: [Attribute], maps: [[Attribute]] = []) {
        self.attributes = attributes
        self.maps = maps
    }
}
