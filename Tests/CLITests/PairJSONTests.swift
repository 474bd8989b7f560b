import BilingualCorpus
import Foundation
import SourceText
import Testing
@testable import shuyu

/// `extract --format json` writes its objects byte by byte: the numbers must read as
/// `String(_:)` writes them, and the object must be JSON that says what the pair says.
@Suite struct PairJSONTests {
    @Test(arguments: [0, 1, 9, 10, 99, 100, 101, 12_345, 1_000_000, Int.max, -1, -42, Int.min])
    func decimalsAreWhatStringWrites(_ value: Int) {
        var bytes: [UInt8] = []
        PairJSON.appendDecimal(value, to: &bytes)
        #expect(String(decoding: bytes, as: UTF8.self) == String(value))
    }

    @Test func confidencesAreWhatStringWritesAfterRounding() {
        // Every value on a fine grid, and the edges: the table must give `String(Double)`'s text.
        let values = (0...10_000).map { Double($0) / 10_000 } + [0.005, 0.015, 0.994_999, 0.995, 1.2, -0.3, 7]
        for value in values {
            #expect(PairJSON.confidenceText(value) == String((value * 100).rounded() / 100), "\(value)")
        }
    }

    @Test func anObjectReadsBackAsThePair() throws {
        let pair = AlignedPair(zh: "卷王", en: "Involution \"King\"\\", kind: .footnote, source: "Corpora/a\tb.md",
                               zhLocation: SourceLocation(line: 120, column: 7), enLocation: SourceLocation(line: 3, column: 45),
                               confidence: 0.8349, uncertain: true, definition: "the winner\nof the rat race",
                               alternatives: ["King of Involution"], evidence: ["footnote", "glossary"])
        var bytes: [UInt8] = []
        PairJSON.append(pair, to: &bytes)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
        #expect(object["zh"] as? String == pair.zh)
        #expect(object["en"] as? String == pair.en)
        #expect(object["kind"] as? String == "footnote")
        #expect(object["file"] as? String == pair.source)
        #expect(object["line"] as? Int == 120)
        #expect(object["column"] as? Int == 7)
        #expect(object["enLine"] as? Int == 3)
        #expect(object["enColumn"] as? Int == 45)
        #expect(object["confidence"] as? Double == 0.83)
        #expect(object["uncertain"] as? Bool == true)
        #expect(object["definition"] as? String == pair.definition)
        #expect(object["alternatives"] as? [String] == pair.alternatives)
        #expect(object["evidence"] as? [String] == pair.evidence)
        #expect(bytes.first == UInt8(ascii: "{") && bytes.last == UInt8(ascii: "}"))
    }
}
