import BilingualCorpus
import Testing

@Suite struct PinyinSpellingTests {
    @Test(arguments: ["shabi", "dang", "nüxing", "nu\u{308}quan", "zhōngguó", "Xi'an", "xian", "zhuyi", "lüe"])
    func pinyinIsRecognized(_ word: String) {
        #expect(PinyinSpelling.isPinyin(word))
    }

    @Test(arguments: ["the", "slang", "word", "insult", "faction", "street", "", "x"])
    func englishIsNot(_ word: String) {
        #expect(!PinyinSpelling.isPinyin(word))
    }
}
