import SourceText
public import TranslationMemory

/// Reads Translation Memory eXchange files, versions 1.1 to 1.4b, with `XMLScanner`:
/// no DTD is read and no entity is expanded.
///
/// - A variant's language is `xml:lang`, or `lang` (TMX 1.1 and 1.2), in any case
///   (`ZH-CN`, `zh-cn`, `zh-Hans`).
/// - Known attributes of `<header>`, `<tu>` and `<tuv>` fill their fields; the others are kept
///   in `UnitMetadata.otherAttributes`. `<prop>` and `<note>` are kept on the header, unit or
///   variant that holds them (the `xml:lang` of a `<note>` and the `o-encoding` of either
///   are not kept). `<ude>` is kept as written.
/// - `<seg>` content becomes text runs and `InlineCode`s (`bpt`, `ept`, `it`, `ph`, `ut`, `hi`,
///   `sub`, nested as written, up to `maximumInlineDepth`); white space is kept as it is, line
///   ends read as `\n`. The pairing of `bpt` and `ept` is not checked. A `ph` of type
///   `x-shuyu-control` that `TMXWriter` wrote for a control character is read back as it.
/// - Elements TMX does not define are skipped with their content, except inside `<seg>`,
///   `<prop>` and `<note>`, where they are errors: their text would be lost.
/// - Errors: a root other than `<tmx>`, a `<tuv>` without a language or without exactly one
///   `<seg>`, text outside `<seg>`, `<prop>` and `<note>`, malformed XML, entity declarations,
///   a truncated file. Reading is all or nothing.
public enum TMXReader {
    /// How deeply inline codes may nest inside a `<seg>`.
    public static let maximumInlineDepth = 100

    /// The document in `bytes`, the raw contents of the file `source` (UTF-8 or UTF-16).
    /// Each unit's `origin` is `source` and the line of its `<tu>`.
    /// - Throws: `FormatError` with the line and column of the first problem; nothing is returned.
    /// - Complexity: O(n).
    public static func read(bytes: [UInt8], source: String) throws(FormatError) -> TMXDocument {
        var units: [TranslationUnit] = []
        var document = try forEachUnit(bytes: bytes, source: source) { units.append($0) }
        document.units = units
        return document
    }

    /// Calls `body` with each unit of `bytes` as soon as its `</tu>` is read, without keeping
    /// the units, and returns the version and header (with no units).
    ///
    /// When this throws, `body` may already have seen units from before the problem:
    /// discard them to keep reading all or nothing.
    /// - Throws: `FormatError` with the line and column of the first problem.
    public static func forEachUnit(bytes: [UInt8], source: String,
                                   _ body: (TranslationUnit) -> Void) throws(FormatError) -> TMXDocument {
        var parser = TMXParser(scanner: try XMLScanner(fileBytes: bytes, source: source), source: source)
        try parser.run(body)
        return TMXDocument(version: parser.version, header: parser.header, units: [])
    }
}

extension TMXReader {
    /// Reads a TMX file's units a piece at a time (`TranslationUnitReader`), for imports
    /// that store the first units while later ones are read. The version and header are
    /// read when the reader is made.
    public final class Reader: TranslationUnitReader, @unchecked Sendable {
        private var parser: TMXParser
        /// The `version` attribute of `<tmx>`.
        public let version: String?
        /// The header.
        public let header: TMXHeader

        /// - Throws: `FormatError` for a problem before `<body>` (encoding, DTD, root, header).
        public init(bytes: [UInt8], source: String) throws(FormatError) {
            parser = TMXParser(scanner: try XMLScanner(fileBytes: bytes, source: source), source: source)
            try parser.readToBody()
            version = parser.version
            header = parser.header
        }

        public func next(_ limit: Int) throws -> [TranslationUnit] {
            try nextUnits(limit)
        }

        /// Up to `limit` more units; empty at the end of the file.
        /// - Throws: `FormatError` with the line and column of the problem.
        public func nextUnits(_ limit: Int) throws(FormatError) -> [TranslationUnit] {
            var units: [TranslationUnit] = []
            while units.count < limit, try parser.step({ units.append($0) }) {}
            return units
        }
    }
}

/// What the element being read is.
private enum TMXContext {
    case tmx, header, body, unit, variant, segment, inline, property, note, userDefinedEncoding, skipped
}

/// A `<seg>` or an inline code being read.
private struct InlineFrame {
    var kind: InlineCode.Kind?
    var attributes: [Attribute]
    var parts: [Segment.Part] = []
}

private struct TMXParser {
    var scanner: XMLScanner
    let source: String
    var version: String?
    var header = TMXHeader()
    private var sawHeader = false
    private var contexts: [TMXContext] = []
    private var unit = TranslationUnit(variants: [])
    private var variant = TranslationVariant(language: LanguageTag(""), segment: Segment(""))
    private var variantLocation = SourceLocation(line: 1, column: 1)
    private var variantHasSegment = false
    private var inline: [InlineFrame] = []
    private var propertyType = ""
    private var propertyLanguage: String?
    private var text = ""
    /// The languages read so far: most files have two or three.
    private var languages: [String: LanguageTag] = [:]

    init(scanner: XMLScanner, source: String) {
        self.scanner = scanner
        self.source = source
    }

    mutating func run(_ body: (TranslationUnit) -> Void) throws(FormatError) {
        while try step(body) {}
    }

    /// Reads up to the start of `<body>` (or to the end of a file without one): the
    /// version and header are then known.
    mutating func readToBody() throws(FormatError) {
        while contexts.last != .body, try step({ _ in }) {}
    }

    /// Reads one token, calling `body` with the unit it completes; false at the end of the file.
    mutating func step(_ body: (TranslationUnit) -> Void) throws(FormatError) -> Bool {
        guard let token = try scanner.next() else { return false }
        switch token.kind {
        case let .startTag(name, attributes, selfClosing):
            try start(name, attributes, at: token.location)
            if selfClosing { try end(name, at: token.location, body) }
        case let .endTag(name):
            try end(name, at: token.location, body)
        case let .text(run), let .cdata(run):
            try characters(run, at: token.location)
        }
        return true
    }

    // MARK: - Elements

    private mutating func start(_ name: String, _ attributes: [XMLAttribute], at location: SourceLocation) throws(FormatError) {
        guard let context = contexts.last else {
            guard name == "tmx" else {
                throw error(at: location, "not a TMX file: the root element is <\(name)>, expected <tmx>")
            }
            version = attributes.first { $0.name == "version" }?.value
            contexts.append(.tmx)
            return
        }
        let next: TMXContext
        switch (context, name) {
        case (.tmx, "header") where !sawHeader:
            sawHeader = true
            readHeader(attributes)
            next = .header
        case (.tmx, "body"):
            next = .body
        case (.body, "tu"):
            unit = TranslationUnit(variants: [], origin: Origin(file: source, line: location.line))
            for attribute in attributes {
                if attribute.name == "tuid" {
                    unit.id = attribute.value
                } else {
                    Self.add(attribute, to: &unit.metadata)
                }
            }
            next = .unit
        case (.unit, "tuv"):
            try startVariant(attributes, at: location)
            next = .variant
        case (.variant, "seg"):
            guard !variantHasSegment else {
                throw error(at: location, "a second <seg> in the <tuv> at line \(variantLocation.line); a <tuv> holds exactly one <seg>")
            }
            variantHasSegment = true
            inline = [InlineFrame(kind: nil, attributes: [])]
            next = .segment
        case (.segment, _), (.inline, _):
            guard let kind = InlineCode.Kind(rawValue: name) else {
                throw error(at: location, "<\(name)> inside <seg>; a segment holds text and the inline codes bpt, ept, it, ph, hi, "
                            + "ut and sub only: write native markup escaped, as &lt;\(name)&gt;")
            }
            guard inline.count <= TMXReader.maximumInlineDepth else {
                throw error(at: location, "inline codes nest more than \(TMXReader.maximumInlineDepth) levels deep; the file is damaged")
            }
            inline.append(InlineFrame(kind: kind, attributes: attributes.map { Attribute(name: $0.name, value: $0.value) }))
            next = .inline
        case (.header, "prop"), (.unit, "prop"), (.variant, "prop"):
            propertyType = attributes.first { $0.name == "type" }?.value ?? ""
            propertyLanguage = attributes.first { $0.name == "xml:lang" || $0.name == "lang" }?.value
            text = ""
            next = .property
        case (.header, "note"), (.unit, "note"), (.variant, "note"):
            text = ""
            next = .note
        case (.property, _), (.note, _):
            throw error(at: location, "<\(name)> inside <\(context == .note ? "note" : "prop")>, which holds text only")
        case (.header, "ude"):
            header.userDefinedEncodings.append(TMXUserDefinedEncoding(attributes: attributes.map { Attribute(name: $0.name, value: $0.value) }))
            next = .userDefinedEncoding
        case (.userDefinedEncoding, "map"):
            header.userDefinedEncodings[header.userDefinedEncodings.count - 1].maps.append(
                attributes.map { Attribute(name: $0.name, value: $0.value) })
            next = .skipped
        case (.body, "tuv"), (.body, "seg"), (.unit, "seg"):
            throw error(at: location, "<\(name)> outside \(name == "seg" ? "<tuv>" : "<tu>"); TMX nests <tu>, <tuv> and <seg>")
        default:
            next = .skipped
        }
        contexts.append(next)
    }

    private mutating func end(_ name: String, at location: SourceLocation, _ body: (TranslationUnit) -> Void) throws(FormatError) {
        let context = contexts.removeLast()
        switch context {
        case .unit:
            body(unit)
        case .variant:
            guard variantHasSegment else {
                throw error(at: variantLocation, "a <tuv> without <seg>; TMX requires one (write <seg></seg> for an empty segment)")
            }
            unit.variants.append(variant)
        case .segment:
            variant.segment = Segment(parts: inline.removeLast().parts)
        case .inline:
            let frame = inline.removeLast()
            let code = InlineCode(kind: frame.kind!, attributes: frame.attributes, content: frame.parts)
            if let scalar = TMXControlCharacter.decode(code) {
                Self.append(String(scalar), to: &inline[inline.count - 1].parts)
            } else {
                inline[inline.count - 1].parts.append(.code(code))
            }
        case .property:
            let property = Property(type: propertyType, value: text, language: propertyLanguage)
            switch contexts.last {
            case .variant: variant.metadata.properties.append(property)
            case .unit: unit.metadata.properties.append(property)
            default: header.metadata.properties.append(property)
            }
        case .note:
            switch contexts.last {
            case .variant: variant.metadata.notes.append(text)
            case .unit: unit.metadata.notes.append(text)
            default: header.metadata.notes.append(text)
            }
        case .tmx, .header, .body, .userDefinedEncoding, .skipped:
            break
        }
    }

    private mutating func characters(_ run: String, at location: SourceLocation) throws(FormatError) {
        switch contexts.last {
        case .segment, .inline:
            Self.append(run, to: &inline[inline.count - 1].parts)
        case .property, .note:
            text += run
        case .skipped, .userDefinedEncoding:
            break
        default:
            guard run.utf8.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x09 || $0 == 0x0D }) else {
                let words = run.split(whereSeparator: \.isWhitespace).joined(separator: " ")
                let shown = words.unicodeScalars.count > 20 ? String(words.unicodeScalars.prefix(20)) + "…" : words
                throw error(at: location, "text outside <seg>, <note> and <prop>: '\(shown)'; TMX keeps text in those only")
            }
        }
    }

    // MARK: - Attributes

    private mutating func readHeader(_ attributes: [XMLAttribute]) {
        for attribute in attributes {
            switch attribute.name {
            case "srclang": header.sourceLanguage = LanguageTag(attribute.value)
            case "adminlang": header.adminLanguage = LanguageTag(attribute.value)
            case "datatype": header.dataType = attribute.value
            case "segtype": header.segmentType = attribute.value
            case "o-tmf": header.originalFormat = attribute.value
            default: Self.add(attribute, to: &header.metadata)
            }
        }
    }

    private mutating func startVariant(_ attributes: [XMLAttribute], at location: SourceLocation) throws(FormatError) {
        let languageAttribute = attributes.firstIndex { $0.name == "xml:lang" } ?? attributes.firstIndex { $0.name == "lang" }
        guard let languageAttribute, !attributes[languageAttribute].value.isEmpty else {
            throw error(at: location, "a <tuv> without a language; add xml:lang=\"…\" (lang=\"…\" in TMX 1.1)")
        }
        let code = attributes[languageAttribute].value
        let language: LanguageTag
        if let known = languages[code] {
            language = known
        } else {
            language = LanguageTag(code)
            if languages.count < 1_000 { languages[code] = language }
        }
        variant = TranslationVariant(language: language, segment: Segment(""))
        variantLocation = location
        variantHasSegment = false
        for (index, attribute) in attributes.enumerated() where index != languageAttribute {
            Self.add(attribute, to: &variant.metadata)
        }
    }

    /// Puts `attribute` in its field of `metadata`, or among the other attributes.
    private static func add(_ attribute: XMLAttribute, to metadata: inout UnitMetadata) {
        let value = attribute.value
        switch attribute.name {
        case "creationdate": metadata.creationDate = value
        case "creationid": metadata.creationID = value
        case "changedate": metadata.changeDate = value
        case "changeid": metadata.changeID = value
        case "creationtool": metadata.creationTool = value
        case "creationtoolversion": metadata.creationToolVersion = value
        case "lastusagedate": metadata.lastUsageDate = value
        case "usagecount" where Int(value) != nil: metadata.usageCount = Int(value)
        default: metadata.otherAttributes.append(Attribute(name: attribute.name, value: value))
        }
    }

    // MARK: - Helpers

    /// Appends `run` to `parts`, joining it to a text run at the end.
    private static func append(_ run: String, to parts: inout [Segment.Part]) {
        guard !run.isEmpty else { return }
        if case .text(var last)? = parts.last {
            parts.removeLast()
            last += run
            parts.append(.text(last))
        } else {
            parts.append(.text(run))
        }
    }

    private func error(at location: SourceLocation, _ message: String) -> FormatError {
        FormatError(source: source, location: location, message: message)
    }
}
