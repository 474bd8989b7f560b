public import SourceText

/// An attribute of an XML start tag, as `XMLScanner` reads it: the value has its
/// references decoded and its white space normalised (XML 1.0 §3.3.3: a literal tab,
/// line feed or carriage return becomes a space; `&#10;` stays a line feed).
public struct XMLAttribute: Hashable, Sendable {
    /// The qualified name, as written (`xml:lang`).
    public var name: String
    /// The normalised value.
    public var value: String

    /// Creates an attribute.
    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}

/// One piece of an XML document, with the place where it starts.
public struct XMLToken: Hashable, Sendable {
    /// What the token is.
    public enum Kind: Hashable, Sendable {
        /// `<name a="1">`, or `<name/>` when `selfClosing` (no `endTag` follows it).
        case startTag(name: String, attributes: [XMLAttribute], selfClosing: Bool)
        /// `</name>`.
        case endTag(name: String)
        /// Character data between tags: references decoded, line ends normalised to `\n`
        /// (XML 1.0 §2.11). Never empty; a run is never split except at a CDATA section.
        case text(String)
        /// The content of `<![CDATA[…]]>`, line ends normalised to `\n`.
        case cdata(String)
    }

    /// What the token is.
    public var kind: Kind
    /// Where its first character (`<` or the first character of text) is: 1-based line,
    /// column in Unicode scalars.
    public var location: SourceLocation

    /// Creates a token.
    public init(_ kind: Kind, at location: SourceLocation) {
        self.kind = kind
        self.location = location
    }
}
