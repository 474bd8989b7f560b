import ChineseText
import ICUText
import ShuyuTestSupport
import Testing

/// Word, lexicon-aware and sentence segmentation cover generated text exactly: the
/// ranges are in order, touch each other, and together are the whole text, whatever
/// the mix of scripts, emoji, combining marks, controls and line breaks. Seeded.
@Suite struct SegmentationPropertyTests {
    static let pieces: [String] = [
        "卷王", "内卷", "的", "大语言模型", "𠀀", "😀", "👩‍💻", "e\u{301}", "\u{308}", "ＡＩ", "（", "）", "。", "，", "！",
        "Involution", "King", " ", "  ", "\t", "\n", "\r\n", "\r", "1", "2.5", "GPT-4o", "'", "\"", "\u{200B}", "\u{FEFF}",
        "\u{1}", "\u{3000}", "Ω", "١٢", ".", "?", "。\n",
    ]

    func texts(seed: UInt64, count: Int) -> [String] {
        var random = SeededGenerator(seed: seed)
        return (0..<count).map { _ in (0..<random.index(40)).map { _ in Self.pieces[random.index(Self.pieces.count)] }.joined() }
    }

    func covers(_ ranges: [Range<String.Index>], _ text: String) -> Bool {
        var position = text.startIndex
        for range in ranges {
            guard range.lowerBound == position, range.upperBound > range.lowerBound else { return false }
            position = range.upperBound
        }
        return position == text.endIndex
    }

    @Test func wordTokensCoverTheText() throws {
        let words = try WordSegmenter(locale: "zh")
        let lexicon = Lexicon(["大语言模型", "卷王"])
        let lexiconAware = try LexiconSegmenter(lexicon: lexicon)
        for text in texts(seed: 7, count: 400) {
            #expect(covers(words.tokens(in: text).map(\.range), text), "ICU words: \(text.debugDescription)")
            #expect(covers(lexiconAware.tokens(in: text).map(\.range), text), "lexicon: \(text.debugDescription)")
        }
    }

    @Test func sentencesCoverTheText() throws {
        let sentences = try SentenceSegmenter(locale: "zh")
        for text in texts(seed: 11, count: 400) {
            #expect(covers(sentences.sentences(in: text), text), "\(text.debugDescription)")
        }
    }
}
