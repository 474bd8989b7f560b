import ShuyuTestSupport
import SourceText
import Testing

/// The byte-level fast paths of SourceText give what the plain ones give.
@Suite struct ScalarDecodingTests {
    /// Runs of eight ASCII bytes and more are decoded eight at a time; the rest one by one.
    @Test func scalarArrayIsTheUnicodeScalars() {
        var random = SeededGenerator(seed: 11)
        let pieces = ["a", "Moonshot AI ", "[", "卷王", "é", "😀", "\u{301}", "12345678", " "]
        for _ in 0..<2_000 {
            let text = (0..<random.int(0...16)).map { _ in pieces[random.index(pieces.count)] }.joined()
            #expect(text.scalarArray == Array(text.unicodeScalars))
            #expect(text.dropFirst().scalarArray == Array(text.dropFirst().unicodeScalars))
        }
    }

    @Test func containsBytesIsContains() {
        var random = SeededGenerator(seed: 12)
        let pieces = ["<", "!", "-", "--", "<!-", "a", "卷", " "]
        for _ in 0..<2_000 {
            let text = (0..<random.int(0...10)).map { _ in pieces[random.index(pieces.count)] }.joined()
            #expect(text.containsBytes("<!--") == text.contains("<!--"))
            #expect(text.containsBytes("-") == text.contains("-"))
        }
    }

    /// A long text is validated in two halves; an invalid byte in either is still reported
    /// at its offset, as for a short text.
    @Test func longTextsDecodeAndReportTheFirstBadByte() throws {
        let line = Array("Moonshot AI [月之暗面] ships a model.\n".utf8)
        var bytes: [UInt8] = []
        while bytes.count < 5 << 20 { bytes += line }
        let text = try TextDecoding.decodeUTF8(bytes, source: "long.md")
        #expect(text.utf8.elementsEqual(bytes))
        for offset in [bytes.count / 2 - 1, bytes.count / 2, bytes.count / 2 + 1, bytes.count - 1] {
            var bad = bytes
            bad[offset] = 0xFF
            #expect(throws: TextDecodingError.self) { try TextDecoding.decodeUTF8(bad, source: "long.md") }
            do {
                _ = try TextDecoding.decodeUTF8(bad, source: "long.md")
            } catch let .invalidUTF8(_, byteOffset, _) {
                // The scalar the bad byte breaks starts at or before it.
                #expect(byteOffset <= offset && byteOffset >= offset - 3)
            }
        }
    }
}
