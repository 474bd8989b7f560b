import Formats
import Foundation
import SourceText
import Testing

/// Every token of `text`, or the error that stopped the scanner.
private func scan(_ bytes: [UInt8], maximumDepth: Int = 10_000) throws(FormatError) -> [XMLToken] {
    var scanner = try XMLScanner(fileBytes: bytes, source: "t.xml", maximumDepth: maximumDepth)
    var tokens: [XMLToken] = []
    while let token = try scanner.next() { tokens.append(token) }
    return tokens
}

private func scan(_ text: String) throws(FormatError) -> [XMLToken] {
    try scan(Array(text.utf8))
}

/// The error scanning `bytes` throws, if any.
private func scanError(_ bytes: [UInt8], maximumDepth: Int = 10_000) -> FormatError? {
    do {
        _ = try scan(bytes, maximumDepth: maximumDepth)
        return nil
    } catch {
        return error
    }
}

private func scanError(_ text: String) -> FormatError? {
    scanError(Array(text.utf8))
}

private func at(_ line: Int, _ column: Int) -> SourceText.SourceLocation {
    SourceText.SourceLocation(line: line, column: column)
}

@Suite struct XMLScannerTests {
    @Test func tokensAttributesAndLocationsInScalars() throws {
        let text = "<?xml version=\"1.0\"?>\n<!-- c -->\n<a x='1' y=\"&lt;2&gt;\">中文🙂<b/>e\u{301}&amp;&#x4E2D;&#20013;<![CDATA[<raw>&amp;]]></a>\n"
        let tokens = try scan(text)
        #expect(tokens == [
            XMLToken(.startTag(name: "a", attributes: [XMLAttribute(name: "x", value: "1"), XMLAttribute(name: "y", value: "<2>")],
                               selfClosing: false), at: at(3, 1)),
            XMLToken(.text("中文🙂"), at: at(3, 24)),
            XMLToken(.startTag(name: "b", attributes: [], selfClosing: true), at: at(3, 27)),
            XMLToken(.text("e\u{301}&中中"), at: at(3, 31)),
            XMLToken(.cdata("<raw>&amp;"), at: at(3, 54)),
            XMLToken(.endTag(name: "a"), at: at(3, 76)),
        ])
    }

    @Test func lineEndsAreNormalisedAndCounted() throws {
        let tokens = try scan("<a>1\r\n2\r3\n<b\r\n  c=\"x\ty\r\nz&#10;\"/></a>")
        #expect(tokens[1] == XMLToken(.text("1\n2\n3\n"), at: at(1, 4)))
        #expect(tokens[2] == XMLToken(.startTag(name: "b", attributes: [XMLAttribute(name: "c", value: "x y z\n")], selfClosing: true),
                                      at: at(4, 1)))
        #expect(tokens[3] == XMLToken(.endTag(name: "a"), at: at(6, 10)))
    }

    @Test func externalDoctypeIsSkippedNotFetched() throws {
        let text = """
            <?xml version="1.0"?>
            <!DOCTYPE tmx SYSTEM "http://example.invalid/tmx14.dtd" [
              <!-- a comment ] with a bracket -->
              <!ELEMENT tmx (#PCDATA)>
              <!ATTLIST tmx version CDATA "1.4 > 1.3">
            ]>
            <tmx/>
            """
        #expect(try scan(text) == [XMLToken(.startTag(name: "tmx", attributes: [], selfClosing: true), at: at(7, 1))])
    }

    @Test func entityDeclarationsAreRefused() {
        let error = scanError("<?xml version=\"1.0\"?>\n<!DOCTYPE x [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n<x>&xxe;</x>")
        #expect(error?.location == at(2, 14))
        #expect(error?.message.contains("declares XML entities") == true)
        #expect(error?.message.contains("billion laughs") == true)

        let parameter = scanError("<!DOCTYPE x [ %pe; ]><x/>")
        #expect(parameter?.location == at(1, 15))
    }

    @Test func billionLaughsIsRefusedAtOnce() {
        var text = "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n <!ENTITY lol \"lol\">\n"
        for k in 1...9 {
            let previous = k == 1 ? "lol" : "lol\(k - 1)"
            text += " <!ENTITY lol\(k) \"" + String(repeating: "&\(previous);", count: 10) + "\">\n"
        }
        text += "]>\n<lolz>&lol9;</lolz>\n"
        let clock = ContinuousClock()
        var error: FormatError?
        let elapsed = clock.measure { error = scanError(text) }
        #expect(error?.location == at(3, 2))
        #expect(elapsed < .seconds(1))
    }

    @Test(arguments: [
        ("<a>&nbsp;</a>", 1, 4, "&nbsp; is not declared"),
        ("<a>\n x & y</a>", 2, 4, "write &amp;"),
        ("<a>&#0;</a>", 1, 4, "bad character reference"),
        ("<a>&#xD800;</a>", 1, 4, "bad character reference"),
        ("<a>&#x110000;</a>", 1, 4, "bad character reference"),
        ("<a>&#xZZ;</a>", 1, 4, "bad character reference"),
        ("<a>&#99999999999999999999;</a>", 1, 4, "bad character reference"),
        ("<a b=\"1<2\"/>", 1, 8, "'<' inside the value of 'b'"),
        ("<a b=1/>", 1, 6, "must be quoted"),
        ("<a b=\"1\"c=\"2\"/>", 1, 9, "unexpected 'c'"),
        ("<a b=\"1\" b=\"2\"/>", 1, 10, "appears twice"),
        ("<a>\n  <b></c>\n</a>", 2, 6, "</c> does not match <b> opened at line 2, column 3"),
        ("<a></a></a>", 1, 8, "closes nothing"),
        ("<a/><b/>", 1, 5, "a second root element"),
        ("hello <a/>", 1, 1, "text before the root element"),
        ("<a/> x", 1, 6, "text after the root element"),
        ("<a>< b</a>", 1, 5, "expected a name after '<', found a space; write &lt;"),
        ("", 1, 1, "no root element"),
        ("<a><b>text", 1, 11, "ends inside <b> opened at line 1, column 4"),
        ("<a>\n<b x=\"1", 2, 8, "ends inside the value of 'x'"),
        ("<a><!-- never closed", 1, 21, "ends inside a comment"),
        ("<!DOCTYPE a [<!ELEMENT a ANY>", 1, 30, "ends inside the DOCTYPE"),
        ("<a><![CDATA[x]]</a>", 1, 20, "ends inside the CDATA section"),
    ] as [(String, Int, Int, String)])
    func malformedXMLNamesLineAndColumn(_ text: String, _ line: Int, _ column: Int, _ message: String) {
        let error = scanError(text)
        #expect(error?.location == at(line, column))
        #expect(error?.message.contains(message) == true, "\(String(describing: error))")
    }

    @Test func deepNestingStopsWithoutRecursion() {
        let depth = 200_000
        let text = String(repeating: "<a>", count: depth) + String(repeating: "</a>", count: depth)
        let clock = ContinuousClock()
        var error: FormatError?
        let elapsed = clock.measure { error = scanError(text) }
        #expect(error?.location == at(1, 30_001))
        #expect(error?.message.contains("more than 10000 levels") == true)
        #expect(elapsed < .seconds(2))
        #expect(scanError(String(repeating: "<a>", count: 50) + String(repeating: "</a>", count: 50)) == nil)
        #expect(scanError(Array((String(repeating: "<a>", count: 5) + String(repeating: "</a>", count: 5)).utf8), maximumDepth: 4) != nil)
    }
}

@Suite struct XMLEncodingTests {
    static let document = "<?xml version=\"1.0\" encoding=\"UTF-16\"?>\n<a>中文 𠀀🙂</a>\n"

    static func utf16(_ text: String, bigEndian: Bool, bom: Bool = true) -> [UInt8] {
        var bytes: [UInt8] = bom ? (bigEndian ? [0xFE, 0xFF] : [0xFF, 0xFE]) : []
        for unit in text.utf16 {
            let pair = [UInt8(unit >> 8), UInt8(unit & 0xFF)]
            bytes += bigEndian ? pair : pair.reversed()
        }
        return bytes
    }

    @Test(arguments: [false, true])
    func utf16WithOrWithoutByteOrderMark(_ bigEndian: Bool) throws {
        let expected = Array(Self.document.utf8)
        #expect(try XMLEncoding.utf8(fromFileBytes: Self.utf16(Self.document, bigEndian: bigEndian), source: "t") == expected)
        #expect(try XMLEncoding.utf8(fromFileBytes: Self.utf16(Self.document, bigEndian: bigEndian, bom: false), source: "t") == expected)
    }

    @Test func utf8ByteOrderMarkIsDroppedAndDeclaredUTF16WithoutMarkIsUTF8() throws {
        let plain = Array(Self.document.utf8)
        #expect(try XMLEncoding.utf8(fromFileBytes: [0xEF, 0xBB, 0xBF] + plain, source: "t") == plain)
        #expect(try XMLEncoding.utf8(fromFileBytes: plain, source: "t") == plain)
    }

    @Test func invalidUTF8NamesByteOffsetLineAndColumn() {
        let bytes = Array("<a>\n中x".utf8) + [0xE4, 0xB8] + Array("</a>".utf8)
        let error = scanError(bytes)
        #expect(error?.location == at(2, 3))
        #expect(error?.message.contains("invalid UTF-8 at byte offset 8") == true)
        // The byte order mark counts in the offset, not in the column.
        let marked = scanError([0xEF, 0xBB, 0xBF] + bytes)
        #expect(marked?.location == at(2, 3))
        #expect(marked?.message.contains("byte offset 11") == true)
        #expect(scanError(Array("<a>".utf8) + [0xC0, 0x80] + Array("</a>".utf8))?.message.contains("byte offset 3") == true)
        #expect(scanError(Array("<a>".utf8) + [0xED, 0xA0, 0x80] + Array("</a>".utf8)) != nil)
        #expect(scanError(Array("<a>x".utf8) + [0] + Array("</a>".utf8))?.message.contains("NUL") == true)
    }

    @Test func damagedUTF16() {
        var lone = Self.utf16("<a>x", bigEndian: false)
        lone += [0x00, 0xD8] + Self.utf16("</a>", bigEndian: false, bom: false)
        let error = scanError(lone)
        #expect(error?.message.contains("byte offset 10") == true)
        #expect(error?.location == at(1, 5))
        #expect(scanError(Self.utf16("<a/>", bigEndian: true) + [0x00])?.message.contains("truncated") == true)
    }

    @Test func declaredEncodings() throws {
        let latin1: [UInt8] = Array("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><a>caf".utf8) + [0xE9] + Array("</a>".utf8)
        #expect(try scan(latin1)[1].kind == .text("café"))
        let ascii = "<?xml version=\"1.0\" encoding=\"GB2312\"?><a>plain</a>"
        #expect(try scan(ascii)[1].kind == .text("plain"))
        let gb: [UInt8] = Array("<?xml version=\"1.0\" encoding=\"GB2312\"?>\n<a>".utf8) + [0xD6, 0xD0] + Array("</a>".utf8)
        let error = scanError(gb)
        #expect(error?.location == at(2, 4))
        #expect(error?.message.contains("iconv -f GB2312 -t UTF-8") == true)
    }
}
