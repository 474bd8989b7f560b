import BilingualCorpus
@testable import DraftCheck
import ShuyuTestSupport
import SourceText
import Testing

/// Lines are masked in chunks on every core; fences and comments that run across a
/// chunk's start must come out as if every line had been masked in order.
@Suite struct PreparedLinesTests {
    @Test func chunksMaskAsOneSequence() {
        var random = SeededGenerator(seed: 2026)
        let kinds = ["The lab behind Moonshot AI [月之暗面] ships a model.", "```", "~~~~", "x = f(a[1] + b) and [卷王", "<!-- a note",
                     "end of note -->", "see https://example.org/a_(b) and `code [x]` here", "    indented [code]",
                     "$$", "the range $[0,1)$ and $$f(a]$$ here"]
        var lines: [String] = []
        var bytes = 0
        while bytes < 3 * DraftDocument.chunkBytes {
            // Mostly prose, so that fences and comments stay open for a while.
            let line = random.int(0...9) < 8 ? kinds[0] : kinds[random.index(kinds.count)]
            lines.append(line)
            bytes += line.utf8.count + 1
        }
        let text = lines.joined(separator: "\n")
        let raws = TextLines.lines(text)
        var masker = LineMasker()
        var expected: [(masked: [Bool], isCode: Bool)] = []
        for raw in raws {
            let masked = masker.mask(raw.scalarArray)
            expected.append((masked, masker.lineIsCode))
        }
        let prepared = DraftDocument.preparedLines(text, TextLines.byteRanges(text))
        #expect(prepared.count == raws.count)
        #expect(prepared.map(\.number) == Array(1...raws.count))
        var differing = 0
        for (line, reference) in zip(prepared, expected) where line.masked != reference.masked || line.isCode != reference.isCode {
            differing += 1
        }
        #expect(differing == 0)
        #expect(prepared.map(\.scalars) == raws.map(\.scalarArray))
        // The generator leaves some chunk beginning inside a fence or a comment.
        #expect(expected.contains { $0.isCode })
    }

    /// The checker's pairs (read from its masked lines, all at once) are the extractor's own
    /// (read from the text batch by batch), across chunks, fences, comments and notes.
    @Test func draftPairsAreTheExtractorsPairs() throws {
        var random = SeededGenerator(seed: 7)
        let kinds = ["The lab behind Moonshot AI [月之暗面] ships a model.", "Qian Mu 钱穆 wrote it, and delivery services 外卖 grew.",
                     "深度求索（DeepSeek）发布了模型。", "```", "code [卷王] here", "<!-- a note", "end of note -->",
                     "The Involution King1 spread, and the lying-flat youth² too.", "", "Kuaishou[快手] and Stepfun [阶跃星辰]."]
        var lines: [String] = []
        var bytes = 0
        while bytes < 3 * DraftDocument.chunkBytes {
            let line = random.int(0...9) < 7 ? kinds[random.index(3)] : kinds[random.index(kinds.count)]
            lines.append(line)
            bytes += line.utf8.count + 1
        }
        // The notes close any fence or comment left open first.
        if lines.filter({ $0 == "```" }).count % 2 == 1 { lines.append("```") }
        if let open = lines.lastIndex(of: "<!-- a note"), !lines[open...].contains("end of note -->") { lines.append("end of note -->") }
        lines += ["", "1. 卷王：the winner of the rat race, by far.", "2. 躺平：opting out of the race altogether."]
        let text = lines.joined(separator: "\n")
        let extractor = try PairExtractor()
        let expected = extractor.extract(text, source: "draft.md")
        let document = DraftDocument(text: text, source: "draft.md", extractor: extractor)
        #expect(expected.count > 1000)
        #expect(expected.contains { $0.kind == .footnote })
        #expect(document.pairs == expected)
    }
}
