/// The text of one variant, with its inline codes (TMX `<seg>`): formatting and
/// placeholders that must survive a round trip but are not text to translate.
public struct Segment: Hashable, Sendable, Codable {
    /// A run of text or an inline code.
    public enum Part: Hashable, Sendable, Codable {
        case text(String)
        case code(InlineCode)
    }

    /// The parts, in order.
    public var parts: [Part]

    /// A segment of plain text.
    public init(_ text: String) {
        parts = text.isEmpty ? [] : [.text(text)]
    }

    /// A segment of `parts`.
    public init(parts: [Part]) {
        self.parts = parts
    }

    /// True when the segment has inline codes.
    public var hasCodes: Bool {
        parts.contains { if case .code = $0 { true } else { false } }
    }

    /// The translatable text, each code that stands for native markup written as
    /// `Segment.placeholder`; the text inside `<hi>` is kept, since it is translatable.
    public var plainText: String {
        if parts.count == 1, case .text(let text) = parts[0] { return text }
        var text = ""
        Segment.appendPlain(parts, to: &text)
        return text
    }

    /// The character that stands for an inline code in `plainText`.
    public static let placeholder: Character = "\u{FFFC}"

    private static func appendPlain(_ parts: [Part], to text: inout String) {
        for part in parts {
            switch part {
            case .text(let run): text += run
            case .code(let code) where code.kind == .highlight: appendPlain(code.content, to: &text)
            case .code: text.append(placeholder)
            }
        }
    }

    /// The text with codes shown as numbered markers for people: `{1}` opens a pair,
    /// `{/1}` closes it, `{2/}` stands alone; `<hi>` text is shown as is.
    public var displayText: String {
        var text = ""
        var number = 0
        var openByID: [String: Int] = [:]
        Segment.appendDisplay(parts, to: &text, number: &number, openByID: &openByID)
        return text
    }

    private static func appendDisplay(_ parts: [Part], to text: inout String, number: inout Int, openByID: inout [String: Int]) {
        for part in parts {
            switch part {
            case .text(let run):
                text += run
            case .code(let code):
                switch code.kind {
                case .highlight:
                    appendDisplay(code.content, to: &text, number: &number, openByID: &openByID)
                case .begin:
                    number += 1
                    if let id = code.attribute("i") { openByID[id] = number }
                    text += "{\(number)}"
                case .end:
                    if let id = code.attribute("i"), let opened = openByID[id] {
                        text += "{/\(opened)}"
                    } else {
                        number += 1
                        text += "{/\(number)}"
                    }
                case .isolated where code.attribute("pos") == "end":
                    number += 1
                    text += "{/\(number)}"
                case .isolated:
                    number += 1
                    text += "{\(number)}"
                default:
                    number += 1
                    text += "{\(number)/}"
                }
            }
        }
    }
}

/// An inline code of a segment: TMX `<bpt>`, `<ept>`, `<it>`, `<ph>`, `<ut>`, `<hi>`
/// and `<sub>`, with its attributes and content as written.
public struct InlineCode: Hashable, Sendable, Codable {
    /// The element.
    public enum Kind: String, Hashable, Sendable, CaseIterable, Codable {
        /// `<bpt>`: the beginning of a paired code.
        case begin = "bpt"
        /// `<ept>`: the end of a paired code.
        case end = "ept"
        /// `<it>`: a code whose other half is in another segment.
        case isolated = "it"
        /// `<ph>`: a standalone code.
        case placeholder = "ph"
        /// `<ut>`: an unknown code (TMX 1.1–1.4, deprecated).
        case unknown = "ut"
        /// `<hi>`: highlighted translatable text.
        case highlight = "hi"
        /// `<sub>`: translatable text inside a code.
        case subflow = "sub"
    }

    /// The element.
    public var kind: Kind
    /// Its attributes (`i`, `x`, `type`, `pos`, `assoc`, `datatype`), in file order.
    public var attributes: [Attribute]
    /// Its content: native code text for `bpt`, `ept`, `it`, `ph` and `ut` (which may hold
    /// `<sub>` elements); translatable text for `hi` and `sub`.
    public var content: [Segment.Part]

    /// Creates a code.
    public init(kind: Kind, attributes: [Attribute] = [], content: [Segment.Part] = []) {
        self.kind = kind
        self.attributes = attributes
        self.content = content
    }

    /// The value of the attribute `name`, if present.
    public func attribute(_ name: String) -> String? {
        attributes.first { $0.name == name }?.value
    }
}
