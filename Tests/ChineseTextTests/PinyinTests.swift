import ChineseText
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
        #expect(plain.toneMarked("银行") == "yín xíng")
        let pinyin = PinyinConverter(readings: ["银行": ["yín", "háng"]])
        pinyin.addReading("长城", pinyin: "chang2 cheng2")
        #expect(pinyin.toneMarked("中国银行") == "zhōng guó yín háng")
        #expect(pinyin.toneMarked("长城") == "cháng chéng")
        #expect(pinyin.searchKey("银行") == "yinhang")
        #expect(pinyin.readingCount == 2)
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
