import Formats
import SourceText
import Testing
import TranslationMemory

@Suite struct PairTSVTests {
    static let text = """
        # sentence pairs\r
        en-US\tnote\tzh-CN\r
        AI is advancing fast.\tfirst\t人工智能发展很快。\r
        \r
        A tab\\there.\t\t第二句\\t有制表符。
        Blank Chinese\t\t\u{3000}
        Third.\t\t第三句。
        """

    @Test func readsColumnsByLanguageAndUnescapes() throws {
        let units = try PairTSV.read(Self.text, source: "pairs.tsv")
        #expect(units.map { $0.variants.map(\.segment.plainText) } == [
            ["人工智能发展很快。", "AI is advancing fast."], ["第二句\t有制表符。", "A tab\there."], ["第三句。", "Third."],
        ])
        #expect(units.map(\.variants[0].language.canonical) == ["zh-CN", "zh-CN", "zh-CN"])
        #expect(units.map { $0.origin?.description } == ["pairs.tsv:3", "pairs.tsv:5", "pairs.tsv:7"])
    }

    /// A reader gives the same units, in the same order, whatever the size of its pieces.
    @Test(arguments: [1, 2, 100])
    func readerInPiecesEqualsWholeRead(_ piece: Int) throws {
        let reader = PairTSV.Reader(Self.text, source: "pairs.tsv")
        var units: [TranslationUnit] = []
        while case let more = try reader.next(piece), !more.isEmpty {
            #expect(more.count <= piece)
            units += more
        }
        #expect(units == (try PairTSV.read(Self.text, source: "pairs.tsv")))
    }

    @Test func errorsNameTheLine() {
        #expect(throws: FormatError(source: "x.tsv", location: SourceLocation(line: 3, column: 1),
                                    message: "row has 1 fields; expected at least 2 (fields are separated by tabs)")) {
            try PairTSV.read("zh\ten\n中文\tChinese\nno tab here\n", source: "x.tsv")
        }
        #expect(throws: FormatError.self) { try PairTSV.read("# no header\nsource\ttarget\n", source: "x.tsv") }
    }
}
