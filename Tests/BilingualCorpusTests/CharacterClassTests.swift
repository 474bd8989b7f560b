@testable import BilingualCorpus
import Testing

/// The per-scalar classes are written as single comparisons for speed; held here to their
/// definitions as ranges, over every scalar from U+0000 to the end of Extension H.
@Suite struct CharacterClassTests {
    static let scalars: [Unicode.Scalar] = (0...0x323AF + 16).compactMap(Unicode.Scalar.init)

    @Test func hanIsTheIdeographBlocks() {
        let differing = Self.scalars.filter { s in
            let v = s.value
            let expected = (0x4E00...0x9FFF).contains(v) || (0x3400...0x4DBF).contains(v) || (0xF900...0xFAFF).contains(v)
                || (0x20000...0x323AF).contains(v) || v == 0x3007
            return CharacterClass.isHan(s) != expected
        }
        #expect(differing.isEmpty)
    }

    @Test func latinLettersAreTheLatinBlocks() {
        let differing = Self.scalars.filter { s in
            let v = s.value
            let expected = (0x41...0x5A).contains(v) || (0x61...0x7A).contains(v) || (0xC0...0x24F).contains(v) && v != 0xD7 && v != 0xF7
                || (0x1E00...0x1EFF).contains(v) || (0xFF21...0xFF3A).contains(v) || (0xFF41...0xFF5A).contains(v)
            return CharacterClass.isLatinLetter(s) != expected
        }
        #expect(differing.isEmpty)
    }

    @Test func digitsAreASCIIAndFullWidth() {
        let differing = Self.scalars.filter { s in
            CharacterClass.isDigit(s) != ((0x30...0x39).contains(s.value) || (0xFF10...0xFF19).contains(s.value))
        }
        #expect(differing.isEmpty)
    }

    @Test func scalarListsAreTheirTextsScalars() {
        for text in [">\"”’）】」，。；", ".,;:!?", "", "卷"] {
            let list = ScalarList(text)
            for scalar in Self.scalars.prefix(0x3100) + ["卷", "”", "；"] {
                #expect(list.contains(scalar) == text.unicodeScalars.contains(scalar))
            }
        }
    }

    @Test(arguments: [(UInt32(5), UInt32(5), UInt32(5), true), (4, 5, 9, false), (10, 5, 9, false), (0, 0, 0xFFFF_FFFF, true),
                      (0xFFFF_FFFF, 1, 2, false), (7, 5, 9, true)])
    func withinIsClosedRangeContains(_ value: UInt32, _ low: UInt32, _ high: UInt32, _ expected: Bool) {
        #expect(CharacterClass.within(value, low, high) == expected)
        #expect((low...high).contains(value) == expected)
    }

    /// The byte tests of words: `isASCII` on strings and substrings, small and large, and
    /// `asciiHasSuffix` against `hasSuffix` on ASCII strings.
    @Test func byteTestsOfWordsAreTheCharacterTests() {
        let words = ["", "s", "'s", "s'", "Huawei's", "workers'", "lly", "willfully", "a", "ab", "x-ray", "U.S.",
                     String(repeating: "long word ", count: 8), "naïve", "卷王", String(repeating: "e", count: 40) + "é"]
        let suffixes = ["", "s", "'s", "s'", "ly", "lly", "ively", "word ", "U.S.", "willfully", "xwillfully"]
        for word in words {
            #expect(word.isASCII == word.unicodeScalars.allSatisfy(\.isASCII), "\(word)")
            #expect(word.dropFirst().isASCII == word.dropFirst().unicodeScalars.allSatisfy(\.isASCII), "\(word)")
            guard word.unicodeScalars.allSatisfy(\.isASCII) else { continue }
            for suffix in suffixes {
                #expect(word.asciiHasSuffix(suffix) == word.hasSuffix(suffix), "\(word) \(suffix)")
            }
        }
    }
}
