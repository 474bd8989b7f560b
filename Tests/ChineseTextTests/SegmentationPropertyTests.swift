import ChineseText
import ICUText
import PropertyBased
import Testing

/// Word, lexicon-aware and sentence segmentation cover generated text exactly: the
/// ranges are in order, touch each other, and together are the whole text, whatever
/// the mix of scripts, emoji, combining marks, controls and line breaks.
@Suite struct SegmentationPropertyTests {
    static let pieces: [String] = [
        "卷王", "内卷", "的", "大语言模型", "𠀀", "😀", "👩‍💻", "e\u{301}", "\u{308}", "ＡＩ", "（", "）", "。", "，", "！",
        "Involution", "King", " ", "  ", "\t", "\n", "\r\n", "\r", "1", "2.5", "GPT-4o", "'", "\"", "\u{200B}", "\u{FEFF}",
        "\u{1}", "\u{3000}", "Ω", "١٢", ".", "?", "。\n",
    ]
    static let texts = Gen.int(in: 0...(pieces.count - 1)).map { pieces[$0] }.array(of: 0...40).map { $0.joined() }

    func covers(_ ranges: [Range<String.Index>], _ text: String) -> Bool {
        var position = text.startIndex
        for range in ranges {
            guard range.lowerBound == position, range.upperBound > range.lowerBound else { return false }
            position = range.upperBound
        }
        return position == text.endIndex
    }

    @Test func wordTokensCoverTheText() async throws {
        let words = try WordSegmenter(locale: "zh")
        let lexiconAware = try LexiconSegmenter(lexicon: Lexicon(["大语言模型", "卷王"]))
        await propertyCheck(count: 400, input: Self.texts) { text in
            #expect(covers(words.tokens(in: text).map(\.range), text))
            #expect(covers(lexiconAware.tokens(in: text).map(\.range), text))
        }
    }

    @Test func sentencesCoverTheText() async throws {
        let sentences = try SentenceSegmenter(locale: "zh")
        await propertyCheck(count: 400, input: Self.texts) { text in
            #expect(covers(sentences.sentences(in: text), text))
        }
    }
}
