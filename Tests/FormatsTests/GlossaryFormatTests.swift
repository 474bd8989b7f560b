import Formats
import SourceText
import Terminology
import Testing

@Suite struct GlossaryTSVTests {
    static let canonical = "zh\ten\tpinyin\tstatus\tdefinition\tnote\tdomain\tsource\n"
        + "卷王\tInvolution King\tjuǎn wáng\tapproved\tthe winner\\tof the\\nrat race \\\\ all\t\tsociety\t\n"
        + "𠀀🙂\temoji e\u{301}\t\tcandidate\t\t\t\t\n"

    @Test func readsEveryColumnAndEscape() throws {
        let glossary = try GlossaryTSVReader.read("# comment\n\n" + Self.canonical, source: "g.tsv")
        #expect(glossary.rows.map(\.line) == [4, 5])
        let first = glossary.rows[0].entry
        #expect(first.zh == "卷王")
        #expect(first.pinyin == "juǎn wáng")
        #expect(first.status == .approved)
        #expect(first.definition == "the winner\tof the\nrat race \\ all")
        #expect(first.domain == "society")
        #expect(glossary.rows[1].entry.zh == "𠀀🙂")
    }

    @Test func roundTripIsByteIdentical() throws {
        let glossary = try GlossaryTSVReader.read(Self.canonical, source: "g.tsv")
        #expect(GlossaryTSVWriter.write(glossary.entries) == Self.canonical)
    }

    @Test func unknownColumnsAreKept() throws {
        let text = "zh\ten\treviewer\n卷王\tInvolution King\tLi\n"
        let glossary = try GlossaryTSVReader.read(text, source: "g.tsv")
        #expect(glossary.rows[0].entry.extra == ["reviewer": "Li"])
        #expect(GlossaryTSVWriter.write(glossary.entries, columns: ["zh", "en", "reviewer"]) == text)
    }

    @Test(arguments: [
        ("zh\ten\n卷王\tA\tB\n", "g.tsv:2:6: error: row has 3 fields but the header names 2"),
        ("zh\ten\tstatus\n卷王\tA\tmaybe\n", "g.tsv:2:6: error: unknown status 'maybe'"),
        ("en\tnote\nA\tB\n", "g.tsv:1:1: error: glossary header has no 'zh' column"),
        ("zh\ten\n\tA\n", "g.tsv:2:1: error: row has an empty 'zh' field"),
    ])
    func malformedInputNamesLineAndColumn(_ example: (String, String)) {
        do {
            _ = try GlossaryTSVReader.read(example.0, source: "g.tsv")
            Issue.record("expected an error")
        } catch {
            #expect(error.description.hasPrefix(example.1))
        }
    }

    @Test func emptyAndPlainLists() throws {
        #expect(try GlossaryTSVReader.read("", source: "g.tsv").rows.isEmpty)
        let list = try GlossaryTSVReader.read("卷王\n阶跃星辰\n", source: "words.txt")
        #expect(list.entries.map(\.zh) == ["卷王", "阶跃星辰"])
    }
}

@Suite struct CEDICTReaderTests {
    @Test func readsEntriesAndTurnsToneNumbersIntoMarks() throws {
        let text = "# header\n捲 卷 [juan3] /to roll up/to coil/\n綠色 绿色 [lu:4 se4] /green/\n長 长 [zhang3] /chief/\n長 长 [chang2] /long/\n"
        let entries = try CEDICTReader.read(text, source: "c.u8")
        #expect(entries.map(\.pinyin) == ["juǎn", "lǜ sè", "zhǎng", "cháng"])
        #expect(entries[0].traditional == "捲")
        #expect(entries[0].simplified == "卷")
        #expect(entries[0].senses == ["to roll up", "to coil"])
        #expect(entries.map(\.line) == [2, 3, 4, 5])
    }

    @Test func malformedLineNamesItsLine() {
        #expect(throws: FormatError.self) { _ = try CEDICTReader.read("捲 卷 [juan3 /x/\n", source: "c.u8") }
        do {
            _ = try CEDICTReader.read("捲 卷 [juan3] /a/\n銀行 银行 [yin2 hang2]\n", source: "c.u8")
        } catch {
            #expect(error.description == "c.u8:2:19: error: not a CC-CEDICT line; expected 'Traditional Simplified [pin1 yin1] /sense/'")
        }
    }
}
