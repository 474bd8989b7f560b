@testable import BilingualCorpus
import ShuyuTestSupport
import Testing

@Suite struct PinyinSpellingTests {
    /// Transliteration marking splits ASCII renderings by scalars, not characters: in ASCII
    /// the two splits are the same (CR LF, one character, holds no separator).
    @Test func asciiSplitsByScalarsAsByCharacters() {
        var random = SeededGenerator(seed: 5)
        let pieces = ["Qian", " ", "-", "'", "mu", "\r\n", "\r", "\n", "x", "  ", "--"]
        for _ in 0..<2_000 {
            let text = (0..<Int.random(in: 0...8, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
            let byScalars = text.unicodeScalars.split(whereSeparator: { $0 == " " || $0 == "-" || $0 == "'" }).map { String(Substring($0)) }
            let byCharacters = text.split(whereSeparator: { $0 == " " || $0 == "-" || $0 == "'" }).map(String.init)
            #expect(byScalars == byCharacters, "\(Array(text.utf8))")
        }
    }

    @Test(arguments: ["shabi", "dang", "nüxing", "nu\u{308}quan", "zhōngguó", "Xi'an", "xian", "zhuyi", "lüe"])
    func pinyinIsRecognized(_ word: String) {
        #expect(PinyinSpelling.isPinyin(word))
    }

    @Test(arguments: ["the", "slang", "word", "insult", "faction", "street", "", "x"])
    func englishIsNot(_ word: String) {
        #expect(!PinyinSpelling.isPinyin(word))
    }

    /// The byte-level test agrees with splitting the folded word into syllables as
    /// strings, on generated words of pinyin-like letters (a fixed seed).
    @Test func agreesWithStringSyllables() {
        func reference(_ word: String) -> Bool {
            let letters = Array(EnglishSpanChooser.foldPinyin(word))
            guard !letters.isEmpty, letters.count <= 24 else { return false }
            var reachable = [Bool](repeating: false, count: letters.count + 1)
            reachable[0] = true
            for start in 0..<letters.count where reachable[start] {
                for length in 1...min(PinyinSpelling.longest, letters.count - start)
                where PinyinSpelling.syllables.contains(String(letters[start..<(start + length)])) {
                    reachable[start + length] = true
                }
            }
            return reachable[letters.count]
        }
        let alphabet = Array("aeiouvgnhzcsxqjlrmbpdtkwyfAEVZH'- ü1")
        var random = SeededGenerator(seed: 0xC0FFEE)
        var agreeing = 0, pinyin = 0
        for _ in 0..<20_000 {
            let word = random.string(of: alphabet, length: 2...9)
            let expected = reference(word)
            if PinyinSpelling.isPinyin(word) == expected { agreeing += 1 } else { Issue.record("\(word.debugDescription): expected \(expected)") }
            if expected { pinyin += 1 }
        }
        #expect(agreeing == 20_000)
        #expect(pinyin > 1_000)  // the generator reaches both answers
    }

    /// Folding ASCII from bytes gives what folding scalar by scalar gives.
    @Test func asciiFoldingAgreesWithScalarFolding() {
        let alphabet = Array("aAvVzZ09 '-.,_xQ[`{@")
        var random = SeededGenerator(seed: 42)
        for _ in 0..<5_000 {
            let word = random.string(of: alphabet, length: 0...12)
            #expect(EnglishSpanChooser.foldPinyin(word) == EnglishSpanChooser.foldPinyinScalars(word), "\(word.debugDescription)")
        }
        #expect(EnglishSpanChooser.foldPinyin("Lǚ Xùn") == "luxun")
        #expect(EnglishSpanChooser.foldPinyin("Qian Mu") == "qianmu")
    }
}
