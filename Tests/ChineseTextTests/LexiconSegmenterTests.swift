import ChineseText
import ICUText
import Testing

@Suite struct LexiconTests {
    @Test func insertsAndFindsWords() {
        var lexicon = Lexicon(["卷王", "卷", "阶跃星辰", ""])
        #expect(lexicon.count == 3)
        #expect(lexicon.maxLength == 4)
        #expect(lexicon.contains("卷王"))
        #expect(!lexicon.contains("卷王者"))
        #expect(!lexicon.contains(""))
        let inserted = lexicon.insert("卷王")
        #expect(!inserted)
        #expect(lexicon.matches(in: Array("卷王者".unicodeScalars), from: 0) == [1, 2])
    }
}

@Suite struct LexiconSegmenterTests {
    func words(_ text: String, _ terms: [String], conventions: SegmentationConventions = .standard) throws -> [String] {
        let segmenter = try LexiconSegmenter(lexicon: Lexicon(terms), conventions: conventions)
        return segmenter.tokens(in: text).filter { $0.kind != .space }.map { String(text[$0.range]) }
    }

    @Test func knownTermsStayWhole() throws {
        #expect(try words("张祥雨在阶跃星辰做多模态大模型", ["张祥雨", "阶跃星辰", "多模态", "大模型"])
            == ["张祥雨", "在", "阶跃星辰", "做", "多模态", "大模型"])
        #expect(try words("卷王", ["卷王"]) == ["卷王"])
    }

    @Test func withoutTermsItIsICU() throws {
        #expect(try words("阶跃星辰", [], conventions: .none) == ["阶", "跃", "星辰"])
    }

    @Test func longestTermWins() throws {
        #expect(try words("通用人工智能", ["人工智能", "通用人工智能", "通用"]) == ["通用人工智能"])
    }

    @Test func termsDoNotSplitLatinWords() throws {
        #expect(try words("AIM 和 AI", ["AI"]) == ["AIM", "和", "AI"])
        #expect(try words("AI原住民", ["AI原住民"]) == ["AI原住民"])
    }

    @Test func numbersJoinTheirUnitsAndDates() throws {
        #expect(try words("１９９６年５月１２日有２０多个学生", ["有", "学生"]) == ["１９９６年５月１２日", "有", "２０多个", "学生"])
        #expect(try words("增长３倍", ["增长"]) == ["增长", "３倍"])
    }

    @Test func surnamesJoinUnknownGivenNames() throws {
        #expect(try words("游景玉说", ["说"]) == ["游景玉", "说"])
        #expect(try words("游景玉说", ["说"], conventions: .none) != ["游景玉", "说"])
    }

    @Test(arguments: ["🙂卷王👍🏽𠀀阶跃星辰 e\u{301}", "", "   ", "a,b", "卷\r\n王"])
    func rangesCoverTheTextExactly(_ text: String) throws {
        let segmenter = try LexiconSegmenter(lexicon: Lexicon(["卷王", "阶跃星辰"]))
        var position = text.startIndex
        for token in segmenter.tokens(in: text) {
            #expect(token.range.lowerBound == position)
            position = token.range.upperBound
        }
        #expect(position == text.endIndex)
    }
}
