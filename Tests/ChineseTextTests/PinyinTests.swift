@testable import ChineseText
import Testing

@Suite struct PinyinTests {
    @Test func toneMarksNumbersAndKeys() throws {
        let pinyin = PinyinConverter()
        #expect(pinyin.toneMarked("卷王") == "juǎn wáng")
        #expect(pinyin.toneNumbers("卷王") == "juan3 wang2")
        #expect(pinyin.searchKey("卷王") == "juanwang")
        #expect(pinyin.initials("卷王") == "jw")
        #expect(pinyin.toneMarked("绿色") == "lǜ sè")
        #expect(pinyin.toneNumbers("绿色") == "lv4 se4")
    }

    @Test func wordReadingsOverrideCharacterReadings() throws {
        let plain = PinyinConverter()
        #expect(plain.toneMarked("单于") == "dān yú")  // read character by character
        let pinyin = PinyinConverter(readings: ["单于": ["chán", "yú"]])
        pinyin.addReading("匈奴单于", pinyin: "Xiong1 nu2 chan2 yu2")
        #expect(pinyin.toneMarked("单于") == "chán yú")
        #expect(pinyin.toneMarked("匈奴单于") == "xiōng nú chán yú")
        #expect(pinyin.searchKey("单于") == "chanyu")
        #expect(pinyin.readingCount == 2)
    }

    /// Common words whose characters have several readings are read as words, and not
    /// across a neighbouring word's edge.
    @Test(arguments: [("银行", "yín háng"), ("中国银行行长", "zhōng guó yín háng háng zhǎng"), ("调整", "tiáo zhěng"),
                      ("重新", "chóng xīn"), ("长期增长", "cháng qī zēng zhǎng"), ("参与", "cān yù"), ("乡村振兴", "xiāng cūn zhèn xīng"),
                      ("进行业务", "jìn xíng yè wù"), ("需要求职", "xū yào qiú zhí"), ("重庆", "chóng qìng"), ("长城", "cháng chéng")])
    func commonWordsAreReadAsWords(_ example: (String, String)) {
        #expect(PinyinConverter().toneMarked(example.0) == example.1)
    }

    /// A glossary's reading wins over the common one for the same word.
    @Test func glossaryReadingsWinOverCommonOnes() {
        let pinyin = PinyinConverter()
        pinyin.addReading("长安", pinyin: "zhang3 an1")  // (a made-up reading, to tell the tables apart)
        #expect(pinyin.toneMarked("长安") == "zhǎng ān")
        #expect(PinyinConverter().toneMarked("长安") == "cháng ān")
    }

    /// Every common reading has one syllable per character, and the characters as read
    /// one by one would be wrong for at least some of the words (else the table is not needed).
    @Test func commonReadingsAreWellFormed() {
        let converter = PinyinConverter()
        var differing = 0
        let lines = CommonWordReadings.table.split(separator: "\n")
        for line in lines {
            let parts = line.split(separator: " ").map(String.init)
            #expect(parts.count == parts[0].unicodeScalars.count + 1, "\(line)")
            let reading = parts.dropFirst().joined(separator: " ")
            #expect(converter.toneMarked(parts[0]) == reading, "\(line)")
            let oneByOne = parts[0].unicodeScalars.map { HanReadings.reading(of: $0) ?? "" }.joined(separator: " ")
            if oneByOne != reading { differing += 1 }
        }
        #expect(CommonWordReadings.shared.readings.count == lines.count)
        #expect(differing > 300)
    }

    @Test func mismatchedReadingsAreIgnored() throws {
        let pinyin = PinyinConverter()
        pinyin.addReading("银行", pinyin: "yin")
        #expect(pinyin.readingCount == 0)
    }

    @Test func latinAndDigitsPassThrough() throws {
        let pinyin = PinyinConverter()
        #expect(pinyin.syllables("36氪 AI") == ["36", "kè", "ai"])
        #expect(pinyin.syllables("𠀀").count == 1)
    }

    @Test(arguments: [("juan3", "juǎn"), ("lu:4", "lǜ"), ("lv4", "lǜ"), ("gou3", "gǒu"), ("hui1", "huī"),
                      ("xiong2", "xióng"), ("ma5", "ma"), ("ma", "ma"), ("liu2", "liú"), ("Zhong1", "Zhōng"), ("Wang2", "Wáng"), ("An1", "Ān"), ("Lu:3", "Lǚ"), ("ZHONG1", "Zhōng")])
    func toneNumbersToMarks(_ pair: (String, String)) {
        #expect(PinyinSyllable.toneMarked(pair.0) == pair.1)
    }

    @Test func splitting() {
        #expect(PinyinSyllable.split("xi'an  chang-cheng") == ["xi", "an", "chang", "cheng"])
    }
}

@Suite struct MatchKeyTests {
    @Test func foldsWidthBracketsScriptAndCase() throws {
        let keys = try MatchKeyMaker()
        #expect(keys.key("捲王") == keys.key("卷王"))
        #expect(keys.key("［华为］") == "[华为]")
        #expect(keys.key("【智谱】") == "[智谱]")
        #expect(keys.key("ＤｅｅｐＳｅｅｋ") == "deepseek")
        #expect(keys.simplified("階躍星辰") == "阶跃星辰")
    }
}
