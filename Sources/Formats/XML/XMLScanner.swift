import SourceText

/// A streaming, non-validating XML 1.0 tokenizer over UTF-8 bytes: call `next()` until
/// it returns `nil`. It is safe on hostile input:
///
/// - A `<!DOCTYPE>` is skipped: its DTD is never fetched or read. An `<!ENTITY>`
///   declaration in its internal subset, or a parameter entity reference, is refused, so
///   no external file is read and no entity expansion can blow up ("billion laughs").
/// - A reference to any entity other than the five predefined ones is an error.
/// - It never recurses: elements may nest `maximumDepth` levels deep, no deeper.
/// - Time is linear in the size of the input; memory is the input plus the current token.
///
/// It checks well-formedness as it goes: tags close in order, one root element, quoted
/// attribute values without `<`, no duplicate attributes, valid references, and nothing
/// after the last byte is left open (a truncated file is an error). It is lenient where
/// no data is at stake: it does not check the syntax of the XML declaration, of the DOCTYPE
/// or of processing instruction targets, names beyond their first byte, `--` inside
/// comments, or `]]>` in text, and it allows control characters other than NUL (some tools
/// write them; XML 1.0 does not). Attribute defaults declared in a DTD are not applied.
///
/// Every error names the line and column (in Unicode scalars) where the problem is.
public struct XMLScanner {
    /// The file name used in errors.
    public let source: String
    /// How deeply elements may nest before the scanner stops with an error.
    public let maximumDepth: Int

    private let storage: XMLByteStorage
    private let p: UnsafeBufferPointer<UInt8>
    private var position = 0
    private var tracker = XMLLocationTracker()
    private var open: [(name: String, location: SourceLocation)] = []
    private var rootSeen = false
    private var doctypeSeen = false
    private var buffer: [UInt8] = []

    // MARK: - Public API

    /// A scanner over the raw bytes of a file: UTF-8 or UTF-16 as `XMLEncoding` reads them.
    /// - Throws: `FormatError` for an encoding Shuyu cannot read or invalid UTF-8/UTF-16.
    public init(fileBytes: [UInt8], source: String, maximumDepth: Int = 10_000) throws(FormatError) {
        self.init(validatedUTF8: try XMLEncoding.utf8(fromFileBytes: fileBytes, source: source),
                  source: source, maximumDepth: maximumDepth)
    }

    /// A scanner over `text`.
    public init(text: String, source: String, maximumDepth: Int = 10_000) {
        self.init(validatedUTF8: Array(text.utf8), source: source, maximumDepth: maximumDepth)
    }

    init(validatedUTF8 bytes: [UInt8], source: String, maximumDepth: Int) {
        self.source = source
        self.maximumDepth = maximumDepth
        storage = XMLByteStorage(bytes)
        p = storage.bytes
    }

    /// How many elements are open.
    public var depth: Int { open.count }

    /// The next token, or `nil` after the root element has closed and only comments,
    /// processing instructions and white space follow.
    /// - Throws: `FormatError` at the first malformed or refused construct.
    /// - Complexity: amortised O(length of the token and of what is skipped before it).
    public mutating func next() throws(FormatError) -> XMLToken? {
        while position < p.count {
            let start = position
            guard p[start] == XMLByte.lt else {
                if open.isEmpty {
                    try skipSpaceOutsideRoot()
                    continue
                }
                let location = locate(start)
                return XMLToken(.text(try scanText()), at: location)
            }
            guard start + 1 < p.count else { throw truncated(inside: "a tag") }
            switch p[start + 1] {
            case XMLByte.slash:
                return try scanEndTag()
            case XMLByte.question:
                try skip(until: "?>", from: start + 2, what: "a processing instruction")
            case XMLByte.bang:
                if hasPrefix("<!--", at: start) {
                    try skip(until: "-->", from: start + 4, what: "a comment")
                } else if hasPrefix("<![CDATA[", at: start) {
                    return try scanCDATA()
                } else if hasPrefix("<!DOCTYPE", at: start) {
                    try skipDoctype()
                } else {
                    throw error(at: start, "unexpected '<!': only comments, CDATA sections and one DOCTYPE are allowed")
                }
            default:
                return try scanStartTag()
            }
        }
        if let innermost = open.last {
            throw error(at: p.count, "the file ends inside <\(innermost.name)> opened at line \(innermost.location.line), column "
                        + "\(innermost.location.column); it is truncated or a closing tag is missing")
        }
        guard rootSeen else {
            throw error(at: p.count, "the file has no root element: it is empty or not XML")
        }
        return nil
    }

    // MARK: - Tags

    private mutating func scanStartTag() throws(FormatError) -> XMLToken {
        let start = position
        let location = locate(start)
        var i = start + 1
        let name = try scanName(at: &i, after: "'<'")
        if open.isEmpty && rootSeen {
            throw error(at: start, "a second root element <\(name)>; an XML file has exactly one root element")
        }
        if open.count >= maximumDepth {
            throw error(at: start, "elements nest more than \(maximumDepth) levels deep at <\(name)>; Shuyu stops there: "
                        + "the file is damaged or built to exhaust memory")
        }
        var attributes: [XMLAttribute] = []
        var names: Set<String> = []
        let selfClosing: Bool
        while true {
            let spaced = skipSpaces(&i)
            guard i < p.count else { throw truncated(inside: "the tag <\(name)> opened at line \(location.line), column \(location.column)") }
            let byte = p[i]
            if byte == XMLByte.gt {
                i += 1
                selfClosing = false
                break
            }
            if byte == XMLByte.slash {
                guard i + 1 < p.count else { throw truncated(inside: "the tag <\(name)>") }
                guard p[i + 1] == XMLByte.gt else { throw error(at: i + 1, "expected '>' after '/' in the tag <\(name)>") }
                i += 2
                selfClosing = true
                break
            }
            guard spaced else {
                throw error(at: i, "unexpected \(quoted(at: i)) in the tag <\(name)>; attributes are written name=\"value\", "
                            + "separated by spaces")
            }
            let attributeStart = i
            let attributeName = try scanName(at: &i, after: "the tag <\(name)>")
            skipSpaces(&i)
            guard i < p.count else { throw truncated(inside: "the tag <\(name)>") }
            guard p[i] == XMLByte.equals else {
                throw error(at: i, "the attribute '\(attributeName)' of <\(name)> has no value; write \(attributeName)=\"…\"")
            }
            i += 1
            skipSpaces(&i)
            guard i < p.count else { throw truncated(inside: "the tag <\(name)>") }
            let value = try scanAttributeValue(at: &i, name: attributeName, element: name)
            if attributes.count < 8 ? attributes.contains(where: { $0.name == attributeName }) : names.contains(attributeName) {
                throw error(at: attributeStart, "the attribute '\(attributeName)' appears twice in <\(name)>")
            }
            if attributes.count >= 7 {
                if names.isEmpty { names = Set(attributes.map(\.name)) }
                names.insert(attributeName)
            }
            attributes.append(XMLAttribute(name: attributeName, value: value))
        }
        position = i
        rootSeen = true
        if !selfClosing { open.append((name, location)) }
        return XMLToken(.startTag(name: name, attributes: attributes, selfClosing: selfClosing), at: location)
    }

    private mutating func scanEndTag() throws(FormatError) -> XMLToken {
        let start = position
        let location = locate(start)
        var i = start + 2
        let name = try scanName(at: &i, after: "'</'")
        skipSpaces(&i)
        guard i < p.count else { throw truncated(inside: "the end tag </\(name)>") }
        guard p[i] == XMLByte.gt else { throw error(at: i, "unexpected \(quoted(at: i)) in the end tag </\(name)>") }
        guard let innermost = open.last else {
            throw error(at: start, "the end tag </\(name)> closes nothing: no element is open")
        }
        guard innermost.name == name else {
            throw error(at: start, "the end tag </\(name)> does not match <\(innermost.name)> opened at line "
                        + "\(innermost.location.line), column \(innermost.location.column)")
        }
        open.removeLast()
        position = i + 1
        return XMLToken(.endTag(name: name), at: location)
    }

    /// Reads a name at `i`: a letter, `_`, `:` or non-ASCII character, then also digits, `-` and `.`.
    private mutating func scanName(at i: inout Int, after context: @autoclosure () -> String) throws(FormatError) -> String {
        let start = i
        guard i < p.count else { throw truncated(inside: "a tag") }
        guard XMLByte.isNameStart(p[i]) else {
            throw error(at: i, "expected a name after \(context()), found \(quoted(at: i)); write &lt; for a literal '<'")
        }
        i += 1
        while i < p.count, XMLByte.isName(p[i]) { i += 1 }
        return string(start..<i)
    }

    private mutating func scanAttributeValue(at i: inout Int, name: String, element: String) throws(FormatError) -> String {
        let quote = p[i]
        guard quote == XMLByte.quote || quote == XMLByte.apostrophe else {
            throw error(at: i, "the value of '\(name)' in <\(element)> must be quoted: \(name)=\"…\"")
        }
        i += 1
        let start = i
        while i < p.count {
            let byte = p[i]
            if byte == quote {
                i += 1
                return string(start..<(i - 1))
            }
            if byte == XMLByte.lt || byte == XMLByte.amp || byte < 0x20 { break }
            i += 1
        }
        // Slow path: references, white space normalisation, errors.
        buffer.removeAll(keepingCapacity: true)
        buffer.append(contentsOf: p[start..<i])
        while true {
            guard i < p.count else { throw truncated(inside: "the value of '\(name)' in <\(element)>") }
            let byte = p[i]
            switch byte {
            case quote:
                i += 1
                return String(decoding: buffer, as: UTF8.self)
            case XMLByte.lt:
                throw error(at: i, "'<' inside the value of '\(name)' in <\(element)>; write &lt; (or the closing quote is missing)")
            case XMLByte.amp:
                i = try decodeReference(at: i)
            case XMLByte.cr:
                buffer.append(XMLByte.space)
                i += 1
                if i < p.count, p[i] == XMLByte.lf { i += 1 }
            case XMLByte.lf, XMLByte.tab:
                buffer.append(XMLByte.space)
                i += 1
            default:
                buffer.append(byte)
                i += 1
            }
        }
    }

    // MARK: - Text

    private mutating func scanText() throws(FormatError) -> String {
        let start = position
        var i = start
        if let raw = UnsafeRawPointer(p.baseAddress) {
            // Eight bytes at a time while none is '<', '&' or CR.
            while i + 8 <= p.count {
                let word = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                if XMLByte.has(XMLByte.lt, in: word) || XMLByte.has(XMLByte.amp, in: word) || XMLByte.has(XMLByte.cr, in: word) { break }
                i += 8
            }
        }
        while i < p.count {
            let byte = p[i]
            if byte == XMLByte.lt || byte == XMLByte.amp || byte == XMLByte.cr { break }
            i += 1
        }
        if i == p.count || p[i] == XMLByte.lt {
            position = i
            return string(start..<i)
        }
        buffer.removeAll(keepingCapacity: true)
        buffer.append(contentsOf: p[start..<i])
        while i < p.count {
            let byte = p[i]
            if byte == XMLByte.lt { break }
            if byte == XMLByte.amp {
                i = try decodeReference(at: i)
            } else if byte == XMLByte.cr {
                buffer.append(XMLByte.lf)
                i += 1
                if i < p.count, p[i] == XMLByte.lf { i += 1 }
            } else {
                let run = i
                while i < p.count {
                    let next = p[i]
                    if next == XMLByte.lt || next == XMLByte.amp || next == XMLByte.cr { break }
                    i += 1
                }
                buffer.append(contentsOf: p[run..<i])
            }
        }
        position = i
        return String(decoding: buffer, as: UTF8.self)
    }

    private mutating func scanCDATA() throws(FormatError) -> XMLToken {
        let start = position
        let location = locate(start)
        guard !open.isEmpty else { throw error(at: start, "a CDATA section outside the root element") }
        let contentStart = start + 9
        guard let end = find("]]>", from: contentStart) else {
            throw truncated(inside: "the CDATA section opened at line \(location.line), column \(location.column)")
        }
        position = end + 3
        buffer.removeAll(keepingCapacity: true)
        var i = contentStart
        while i < end {
            if p[i] == XMLByte.cr {
                buffer.append(XMLByte.lf)
                if i + 1 < end, p[i + 1] == XMLByte.lf { i += 1 }
            } else {
                buffer.append(p[i])
            }
            i += 1
        }
        return XMLToken(.cdata(String(decoding: buffer, as: UTF8.self)), at: location)
    }

    /// Appends the reference at `i` (`&lt;`, `&#20013;`, `&#x4E2D;`) to `buffer`; returns the index after `;`.
    private mutating func decodeReference(at i: Int) throws(FormatError) -> Int {
        var j = i + 1
        if j < p.count, p[j] == XMLByte.hash {
            j += 1
            let hex = j < p.count && p[j] == XMLByte.x
            if hex { j += 1 }
            var value: UInt32 = 0
            var digits = 0
            while j < p.count, let digit = XMLByte.digit(p[j], hex: hex) {
                if value <= 0x10FFFF { value = value * (hex ? 16 : 10) + UInt32(digit) }
                digits += 1
                j += 1
            }
            guard j < p.count, p[j] == XMLByte.semicolon, digits > 0, value != 0, value <= 0x10FFFF,
                  !(0xD800...0xDFFF).contains(value) else {
                let shown = string(i..<(j < p.count && p[j] == XMLByte.semicolon ? j + 1 : j))
                throw error(at: i, "bad character reference '\(shown)'; a reference names a Unicode character other than NUL, "
                            + "as in &#x4E2D; or &#20013;")
            }
            XMLEncoding.appendUTF8(value, to: &buffer)
            return j + 1
        }
        let nameStart = j
        while j < p.count, j - nameStart <= 64, XMLByte.isName(p[j]) { j += 1 }
        guard j > nameStart, j < p.count, p[j] == XMLByte.semicolon else {
            throw error(at: i, "'&' that does not start a reference; write &amp; for a literal '&'")
        }
        switch string(nameStart..<j) {
        case "lt": buffer.append(XMLByte.lt)
        case "gt": buffer.append(XMLByte.gt)
        case "amp": buffer.append(XMLByte.amp)
        case "apos": buffer.append(XMLByte.apostrophe)
        case "quot": buffer.append(XMLByte.quote)
        case let name:
            throw error(at: i, "the entity &\(name); is not declared; XML predefines only &lt; &gt; &amp; &apos; &quot;: write the "
                        + "character itself or a character reference such as &#xA0;")
        }
        return j + 1
    }

    // MARK: - Things skipped

    private mutating func skipSpaceOutsideRoot() throws(FormatError) {
        var i = position
        while i < p.count, p[i] != XMLByte.lt {
            guard XMLByte.isSpace(p[i]) else {
                throw error(at: i, rootSeen ? "text after the root element has closed" : "text before the root element")
            }
            i += 1
        }
        position = i
    }

    private mutating func skip(until terminator: StaticString, from start: Int, what: String) throws(FormatError) {
        guard let end = find(terminator, from: start) else {
            let location = locate(position)
            throw truncated(inside: "\(what) opened at line \(location.line), column \(location.column)")
        }
        position = end + terminator.utf8CodeUnitCount
    }

    /// Skips `<!DOCTYPE name SYSTEM "…" [ … ]>` without reading any DTD; refuses entity declarations.
    private mutating func skipDoctype() throws(FormatError) {
        let start = position
        let location = locate(start)
        guard !rootSeen else { throw error(at: start, "a DOCTYPE after the root element") }
        guard !doctypeSeen else { throw error(at: start, "a second DOCTYPE") }
        doctypeSeen = true
        let inside = "the DOCTYPE opened at line \(location.line), column \(location.column)"
        var i = start + 9
        while true {
            guard i < p.count else { throw truncated(inside: inside) }
            switch p[i] {
            case XMLByte.gt:
                position = i + 1
                return
            case XMLByte.quote, XMLByte.apostrophe:
                i = try skipQuoted(at: i, inside: inside)
            case XMLByte.leftBracket:
                i = try skipInternalSubset(at: i + 1, inside: inside)
            default:
                i += 1
            }
        }
    }

    private mutating func skipInternalSubset(at start: Int, inside: String) throws(FormatError) -> Int {
        var i = start
        while true {
            guard i < p.count else { throw truncated(inside: inside) }
            let byte = p[i]
            if XMLByte.isSpace(byte) {
                i += 1
            } else if byte == XMLByte.rightBracket {
                return i + 1
            } else if byte == XMLByte.percent {
                throw error(at: i, "the file's DOCTYPE refers to a parameter entity; Shuyu refuses entities so that no external "
                            + "file is read and no entity expansion can blow up: remove the DOCTYPE's [ … ] part")
            } else if hasPrefix("<!ENTITY", at: i) {
                throw error(at: i, "the file declares XML entities; Shuyu refuses entity declarations so that no external file is "
                            + "read and no entity expansion can blow up (billion laughs): remove the DOCTYPE's [ … ] part")
            } else if hasPrefix("<!--", at: i) {
                guard let end = find("-->", from: i + 4) else { throw truncated(inside: inside) }
                i = end + 3
            } else if hasPrefix("<?", at: i) {
                guard let end = find("?>", from: i + 2) else { throw truncated(inside: inside) }
                i = end + 2
            } else if hasPrefix("<!", at: i) {
                // <!ELEMENT …>, <!ATTLIST …>, <!NOTATION …>: skipped, never applied.
                i += 2
                while true {
                    guard i < p.count else { throw truncated(inside: inside) }
                    if p[i] == XMLByte.gt { break }
                    if p[i] == XMLByte.quote || p[i] == XMLByte.apostrophe {
                        i = try skipQuoted(at: i, inside: inside)
                    } else {
                        i += 1
                    }
                }
                i += 1
            } else {
                throw error(at: i, "unexpected \(quoted(at: i)) in the DOCTYPE's internal subset")
            }
        }
    }

    private mutating func skipQuoted(at i: Int, inside: String) throws(FormatError) -> Int {
        let quote = p[i]
        var j = i + 1
        while j < p.count, p[j] != quote { j += 1 }
        guard j < p.count else { throw truncated(inside: inside) }
        return j + 1
    }

    // MARK: - Helpers

    @discardableResult
    private func skipSpaces(_ i: inout Int) -> Bool {
        let start = i
        while i < p.count, XMLByte.isSpace(p[i]) { i += 1 }
        return i > start
    }

    private func hasPrefix(_ prefix: StaticString, at i: Int) -> Bool {
        let count = prefix.utf8CodeUnitCount
        guard i + count <= p.count else { return false }
        let bytes = prefix.utf8Start
        for k in 0..<count where p[i + k] != bytes[k] { return false }
        return true
    }

    /// The index of the first occurrence of `needle` at or after `start`.
    /// - Complexity: O(n · needle length); needles are at most three bytes long.
    private func find(_ needle: StaticString, from start: Int) -> Int? {
        let first = needle.utf8Start[0]
        var i = start
        while i < p.count {
            if p[i] == first && hasPrefix(needle, at: i) { return i }
            i += 1
        }
        return nil
    }

    private func string(_ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: p[range]), as: UTF8.self)
    }

    /// The character at `i` for messages, quoted unless it is named.
    private func quoted(at i: Int) -> String {
        let shown = character(at: i)
        return shown.unicodeScalars.count == 1 ? "'" + shown + "'" : shown
    }

    /// The character at `i`, for messages: white space is named, not shown.
    private func character(at i: Int) -> String {
        switch p[i] {
        case XMLByte.lf, XMLByte.cr: return "a line break"
        case XMLByte.tab: return "a tab"
        case XMLByte.space: return "a space"
        case let byte where byte < 0x20: return "U+" + String(byte, radix: 16, uppercase: true)
        default: break
        }
        var end = i + 1
        while end < p.count, p[end] & 0xC0 == 0x80 { end += 1 }
        return string(i..<end)
    }

    private mutating func locate(_ offset: Int) -> SourceLocation {
        tracker.location(of: offset, in: p)
    }

    private mutating func error(at offset: Int, _ message: String) -> FormatError {
        FormatError(source: source, location: locate(offset), message: message)
    }

    private mutating func truncated(inside what: String) -> FormatError {
        error(at: p.count, "the file ends inside \(what); it is truncated or a quote or '>' is missing")
    }
}

/// The scanner's copy of its input, at a stable address for its lifetime.
private final class XMLByteStorage {
    let bytes: UnsafeBufferPointer<UInt8>

    init(_ source: [UInt8]) {
        let buffer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: source.count)
        _ = buffer.initialize(from: source)
        bytes = UnsafeBufferPointer(buffer)
    }

    deinit {
        bytes.deallocate()
    }
}

/// ASCII bytes the scanner looks for.
enum XMLByte {
    static let tab: UInt8 = 0x09, lf: UInt8 = 0x0A, cr: UInt8 = 0x0D, space: UInt8 = 0x20
    static let bang = UInt8(ascii: "!"), quote = UInt8(ascii: "\""), hash = UInt8(ascii: "#"), percent = UInt8(ascii: "%")
    static let amp = UInt8(ascii: "&"), apostrophe = UInt8(ascii: "'"), slash = UInt8(ascii: "/"), semicolon = UInt8(ascii: ";")
    static let lt = UInt8(ascii: "<"), equals = UInt8(ascii: "="), gt = UInt8(ascii: ">"), question = UInt8(ascii: "?")
    static let leftBracket = UInt8(ascii: "["), rightBracket = UInt8(ascii: "]"), x = UInt8(ascii: "x")

    /// True when one of the eight bytes of `word` is `byte`.
    @inline(__always)
    static func has(_ byte: UInt8, in word: UInt64) -> Bool {
        let x = word ^ (0x0101_0101_0101_0101 &* UInt64(byte))
        return (x &- 0x0101_0101_0101_0101) & ~x & 0x8080_8080_8080_8080 != 0
    }

    @inline(__always)
    static func isSpace(_ byte: UInt8) -> Bool {
        byte == space || byte == lf || byte == tab || byte == cr
    }

    @inline(__always)
    static func isNameStart(_ byte: UInt8) -> Bool {
        (byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "z")) || byte == UInt8(ascii: "_")
            || byte == UInt8(ascii: ":") || byte >= 0x80
    }

    @inline(__always)
    static func isName(_ byte: UInt8) -> Bool {
        isNameStart(byte) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "-")
            || byte == UInt8(ascii: ".")
    }

    @inline(__always)
    static func digit(_ byte: UInt8, hex: Bool) -> UInt8? {
        if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") { return byte - UInt8(ascii: "0") }
        guard hex else { return nil }
        let lower = byte | 0x20
        if lower >= UInt8(ascii: "a") && lower <= UInt8(ascii: "f") { return lower - UInt8(ascii: "a") + 10 }
        return nil
    }
}
