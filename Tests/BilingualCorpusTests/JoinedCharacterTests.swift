@testable import BilingualCorpus
import Testing

/// The byte-level shortcuts for ASCII words give what the character-level tests give,
/// also for words whose characters join a mark to a hyphen or a prepended letter to an
/// apostrophe (then they are not an ASCII word's bytes).
@Suite struct JoinedCharacterTests {
    @Test func possessivesAreCutOnlyWhereTheCharactersEndSo() {
        #expect(PairExtractor.cleanEnglish("Qu Yuan’s") == "Qu Yuan")
        #expect(PairExtractor.cleanEnglish("the Mu's") == "the Mu")
        // U+0D4E joins the apostrophe after it into one character: no possessive ending.
        #expect(PairExtractor.cleanEnglish("Qu Yua\u{0D4E}’s") == "Qu Yua\u{0D4E}’s")
        #expect(EnglishSpanChooser.isPossessive("Huawei's"))
        #expect(!EnglishSpanChooser.isPossessive("Ab\u{0D4E}'s"))
    }

    @Test func hyphensCountOnlyWhenTheyStandAlone() {
        #expect(EnglishSpanChooser.wordCount("self-help") == 2)
        #expect(EnglishSpanChooser.wordCount("test-time-scaling") == 3)
        // A combining mark joins the hyphen into another character.
        #expect(EnglishSpanChooser.wordCount("self-\u{0301}help") == 1)
    }

    @Test func adverbEndingsAreWholeCharacters() {
        #expect(EnglishWords.isAdverb("willfully"))
        #expect(!EnglishWords.isAdverb("family"))
        #expect(!EnglishWords.isAdverb("usua\u{0D4E}lly"))
    }
}
