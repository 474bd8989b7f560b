import ICUText
import Testing

@Suite struct WordSegmenterTests {
    let segmenter = try! WordSegmenter(locale: "zh")

    func words(_ text: String) -> [String] {
        segmenter.tokens(in: text).filter { $0.kind != .space }.map { String(text[$0.range]) }
    }

    @Test func segmentsChineseWithICUDictionary() {
        #expect(words("通用人工智能") == ["通用", "人工", "智能"])
        #expect(words("阶跃星辰") == ["阶", "跃", "星辰"])
    }

    @Test func tokenKinds() {
        let text = "卷王 Involution 2024，🙂"
        let kinds = segmenter.tokens(in: text).map(\.kind)
        #expect(kinds == [.ideographic, .ideographic, .space, .letter, .space, .number, .punctuation, .symbol])
    }

    @Test(arguments: ["𠀀卷王𠀁", "🙂卷王👍🏽 e\u{301}cole", "Ａ１卷\u{3000}王", "", "a", "👨‍👩‍👧 family 大模型"])
    func rangesCoverTheTextExactly(_ text: String) {
        let tokens = segmenter.tokens(in: text)
        var position = text.startIndex
        for token in tokens {
            #expect(token.range.lowerBound == position)
            #expect(!token.range.isEmpty)
            position = token.range.upperBound
        }
        #expect(position == text.endIndex)
        #expect(tokens.map { String(text[$0.range]) }.joined() == text)
    }

    @Test func astralCharactersKeepTheirRanges() {
        let text = "𠀀𠀁 大模型"
        let last = segmenter.tokens(in: text).last!
        #expect(String(text[last.range]) == "模型")
    }

    @Test func segmentsASubrangeWithIndicesIntoTheWholeText() {
        let text = "Stepfun [阶跃星辰] report"
        let open = text.firstIndex(of: "[")!
        let close = text.firstIndex(of: "]")!
        let inner = text.index(after: open)..<close
        let tokens = segmenter.tokens(in: text, range: inner)
        #expect(tokens.map { String(text[$0.range]) } == ["阶", "跃", "星辰"])
    }

    @Test func copiesAreIndependent() throws {
        let copy = try segmenter.copy()
        #expect(copy.tokens(in: "大模型").count == segmenter.tokens(in: "大模型").count)
    }
}
