import ICUText
import Testing

@Suite struct SentenceSegmenterTests {
    @Test func chineseSentences() throws {
        let text = "卷王赢了。大家都累了！真的吗？是的"
        let sentences = try SentenceSegmenter(locale: "zh").sentences(in: text).map { String(text[$0]) }
        #expect(sentences == ["卷王赢了。", "大家都累了！", "真的吗？", "是的"])
    }

    @Test func englishSentencesKeepAbbreviations() throws {
        let text = "Mr. Liang founded DeepSeek. It grew fast! Did it? Yes."
        let sentences = try SentenceSegmenter(locale: "en").sentences(in: text).map { String(text[$0]) }
        #expect(sentences == ["Mr. Liang founded DeepSeek. ", "It grew fast! ", "Did it? ", "Yes."])
    }
}

@Suite struct TransliteratorTests {
    @Test func hanToPinyin() throws {
        let t = try Transliterator(id: "Han-Latin")
        #expect(t.transform("卷王") == "juǎn wáng")
        #expect(t.transform("") == "")
    }

    @Test func traditionalToSimplified() throws {
        let t = try Transliterator(id: "Traditional-Simplified")
        #expect(t.transform("捲王") == "卷王")
        #expect(t.transform("階躍星辰") == "阶跃星辰")
    }

    @Test func customRules() throws {
        let t = try Transliterator(id: "test-brackets", rules: "'【' > '['; '】' > ']';")
        #expect(t.transform("【智谱】") == "[智谱]")
    }

    @Test func unknownIDThrows() {
        #expect(throws: ICUError.self) { try Transliterator(id: "No-Such-Transform") }
    }

    @Test func longOutputGrowsTheBuffer() throws {
        let t = try Transliterator(id: "Han-Latin")
        let text = String(repeating: "卷王", count: 500)
        #expect(t.transform(text).count > 4000)
    }
}

@Suite struct CollatorTests {
    @Test func sortsChineseByPinyin() throws {
        let collator = try Collator(locale: "zh")
        let terms = ["智谱", "阿里巴巴", "卷王", "百度", "Zhipu", "内卷"]
        let sorted = terms.sorted(by: collator.areInIncreasingOrder)
        #expect(sorted == ["阿里巴巴", "百度", "卷王", "内卷", "智谱", "Zhipu"])
    }

    @Test func sortKeysCompareLikeTheCollator() throws {
        let collator = try Collator(locale: "zh")
        let a = collator.sortKey("百度"), b = collator.sortKey("卷王")
        #expect(a.lexicographicallyPrecedes(b))
        #expect(collator.compare("卷王", "卷王") == 0)
    }
}

@Suite struct NormalizationAndScriptTests {
    @Test func nfkcFoldsFullWidth() {
        #expect(normalize("（ＡＩ）［１２３］", .nfkc) == "(AI)[123]")
        #expect(normalize("【智谱】", .nfkc) == "【智谱】")
        #expect(normalize("DeepSeek", .nfkcCaseFold) == "deepseek")
    }

    @Test func scripts() {
        #expect(Script("卷") == .han)
        #expect(Script("𠀀") == .han)
        #expect(Script("K") == .latin)
        #expect(Script("Ａ") == .latin)
        #expect(Script("1") == .neutral)
        #expect(Script("，") == .neutral)
        #expect(Script("к") == .other)
    }

    @Test func scriptRunsAttachNeutralCharacters() {
        let text = "AI Era[新智元] report"
        let runs = ScriptRun.runs(in: text).map { (String(text[$0.range]), $0.script) }
        #expect(runs.map(\.0) == ["AI Era[", "新智元] ", "report"])
        #expect(runs.map(\.1) == [.latin, .han, .latin])
        #expect(ScriptRun.runs(in: "").isEmpty)
        #expect(ScriptRun.runs(in: "123").map(\.script) == [.neutral])
    }

    @Test func versionIsKnown() {
        #expect(icuVersion.split(separator: ".").count >= 2)
    }
}
