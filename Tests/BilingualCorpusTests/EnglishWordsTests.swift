@testable import BilingualCorpus
import ShuyuTestSupport
import Testing

/// The English tokenizer runs once for every original: its shortcuts (ASCII words built and
/// lower-cased byte by byte, Han rejected before a scalar's properties are read, adverbs
/// rejected by their last two bytes) are held to the plain definitions.
@Suite struct EnglishWordsTests {
    /// The word test as defined: letters and digits, any alphabetic scalar but Han, and
    /// nonspacing marks.
    static func plainIsWordScalar(_ c: Unicode.Scalar) -> Bool {
        CharacterClass.isLatinLetter(c) || CharacterClass.isDigit(c)
            || c.value >= 0x80 && (c.properties.isAlphabetic && !CharacterClass.isHan(c) || c.properties.generalCategory == .nonspacingMark)
    }

    @Test func theWordTestIsTheDefinitionForEveryScalar() {
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            if EnglishWords.isWordScalar(scalar) != Self.plainIsWordScalar(scalar) {
                Issue.record("U+\(String(value, radix: 16, uppercase: true))")
            }
        }
    }

    @Test func tokensAreTheLineCutIntoWordsAndMarks() {
        let line = Array("Moonshot AI [月之暗面]: U.S. based  Zhipu’s “GLM” _n_ _üxing zhuyi_ & ÉCOLE naïve,".unicodeScalars)
        let tokens = EnglishWords.tokens(line, 0..<line.count)
        #expect(tokens.map(\.text) == ["Moonshot", "AI", "[", "月", "之", "暗", "面", "]", ":", "U.S", ".", "based", "Zhipu’s", "“", "GLM", "”",
                                       "_", "nüxing", "zhuyi", "_", "&", "ÉCOLE", "naïve", ","])
        #expect(tokens.map(\.lowercased) == tokens.map { $0.text.lowercased() })
        #expect(tokens.filter(\.isWord).map(\.text) == ["Moonshot", "AI", "U.S", "based", "Zhipu’s", "GLM", "nüxing", "zhuyi", "ÉCOLE", "naïve"])
        #expect(tokens.filter(\.isCapitalized).map(\.text) == ["Moonshot", "AI", "U.S", "Zhipu’s", "GLM", "ÉCOLE"])
        for token in tokens where !token.text.contains("ü") {
            #expect(line.string(token.range) == token.text)
        }
    }

    /// Random lines of ASCII and non-ASCII words, marks, Han and words split by emphasis: every
    /// token's text is its scalars (a split word's without the split), its lower case is
    /// `lowercased()`, and the words and marks cover the line but its spaces.
    @Test func tokensOfRandomLinesAreTheirScalars() {
        var random = SeededGenerator(seed: 41)
        let pieces = ["the", "Large", "MODEL", "U.S.", "Qwen's", "Zhipu’s", "naïve", "Émile", "e\u{301}", "x-ray", "AT&T", "3.5",
                      " ", "  ", ",", "(", "“", "”", "智谱", "。", "\u{3000}", "-", "'", "&", "ǅ", "Straße", "İstanbul",
                      "_n_ _üxing", "_", "_ _é", "Kaiz_ _ō"]
        for _ in 0..<2_000 {
            let text = (0..<Int.random(in: 0...12, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
            let line = Array(text.unicodeScalars)
            let tokens = EnglishWords.tokens(line, 0..<line.count)
            var covered = 0
            for token in tokens {
                // (A word split by emphasis, `n_ _üxing`, is read whole.)
                #expect(token.text == line.string(token.range).replacing("_ _", with: ""), "\(text)")
                #expect(token.lowercased == token.text.lowercased(), "\(text)")
                #expect(token.isWord == EnglishWords.isWordScalar(line[token.range.lowerBound]), "\(text)")
                #expect(token.isCapitalized == (token.isWord && line[token.range.lowerBound].properties.isUppercase), "\(text)")
                covered += token.range.count(where: { !CharacterClass.isSpace(line[$0]) })
            }
            #expect(covered == line.count(where: { !CharacterClass.isSpace($0) }), "\(text)")
            // The last token alone, read from the last space that ends one, of every stretch that
            // ends the line.
            for lower in 0...line.count {
                let last = EnglishWords.lastToken(line, lower..<line.count)
                let expected = EnglishWords.tokens(line, lower..<line.count).last
                #expect(last?.range == expected?.range && last?.text == expected?.text, "\(text) from \(lower)")
            }
        }
    }

    @Test(arguments: ["willfully", "subjectively", "family", "ly", "fly", "only", "early", "usually", "really", "Y", "lY", "",
                      "wholly", "ally", "dully", "curly", "hilly", "naïvely", "enormously", "usua\u{0D4E}lly", "ﬂy", "lly\u{301}"])
    func adverbsAreTheSuffixTest(_ word: String) {
        let plain = ["lly", "ively", "ously", "antly", "ently", "ately", "edly", "ingly"].contains(where: word.hasSuffix)
            && word.count >= 6 && !EnglishWords.notAdverbs.contains(word)
        #expect(EnglishWords.isAdverb(word) == plain)
    }
}
