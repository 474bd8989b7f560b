import Foundation
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

    /// A long file is read straight into a string in two halves; what comes out is what
    /// decoding its bytes gives, and anything doubtful is left to that general path (nil).
    @Test func longFilesReadInHalvesAsTheyDecode() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("shuyu-read-\(getpid())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        func file(_ bytes: [UInt8]) throws -> String {
            let url = folder.appendingPathComponent("draft.md")
            try Data(bytes).write(to: url)
            return url.path
        }
        // Lines of one to four UTF-8 bytes a scalar, so that the middle falls inside a scalar
        // for some lengths; CRLF kept, a byte order mark dropped.
        let line = Array("Moonshot AI [月之暗面] 😀 ships a model.\r\n".utf8)
        var bytes: [UInt8] = []
        while bytes.count < 5 << 20 { bytes += line }
        for shift in 0..<4 {
            let shifted = Array(bytes.dropFirst(shift))  // (may start inside a scalar: then invalid)
            for body in [shifted, [0xEF, 0xBB, 0xBF] + shifted] {
                let path = try file(body)
                let expected = try? TextDecoding.decodeUTF8(body, source: path)
                let read = TextDecoding.readLargeFile(path)
                if let read {
                    #expect(read == expected)
                    #expect(read.utf8.count == expected?.utf8.count)
                } else {
                    #expect(expected == nil || expected!.contains("\u{FFFD}"), "a valid file was left to the general path")
                }
            }
        }
        // Bad bytes in either half, and U+FFFD written out: left to the general path.
        for offset in [10, bytes.count / 2, bytes.count - 2] {
            var bad = bytes
            bad[offset] = 0xFF
            #expect(TextDecoding.readLargeFile(try file(bad)) == nil)
        }
        #expect(TextDecoding.readLargeFile(try file(bytes + Array("\u{FFFD}".utf8))) == nil)
        #expect(TextDecoding.readLargeFile(try file(Array(bytes.prefix(1000)))) == nil)  // short: read the general way
        #expect(TextDecoding.readLargeFile(folder.path) == nil)
    }
}
