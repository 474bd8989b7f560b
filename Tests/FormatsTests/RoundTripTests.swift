import Formats
import Foundation
import Terminology
import Testing

/// One round-trip suite over every glossary format: CJK Extension B, emoji, combining
/// marks, statuses, definitions with commas, quotes and line breaks; empty input;
/// malformed input reported with its line.
enum GlossaryFormatUnderTest: String, CaseIterable, Sendable {
    case tsv, csv, tbx

    func write(_ entries: [TermEntry]) -> String {
        switch self {
        case .tsv: GlossaryTSVWriter.write(entries)
        case .csv: CSVFormat.write(entries)
        case .tbx: TBXWriter.write(entries)
        }
    }

    func read(_ text: String) throws -> [TermEntry] {
        switch self {
        case .tsv: try GlossaryTSVReader.read(text, source: "g").entries
        case .csv: try CSVFormat.read(text, source: "g").entries
        case .tbx: try TBXReader.read(Data(text.utf8), source: "g").entries
        }
    }

    var malformed: (text: String, line: Int) {
        switch self {
        case .tsv: ("zh\ten\n卷王\tA\tB\n", 2)
        case .csv: ("zh,en\n卷王,\"Involution King\n", 2)
        case .tbx: ("<?xml version=\"1.0\"?>\n<martif><text><body>\n<termEntry><langSet xml:lang=\"zh\"><tig><term>卷王</term></tig>\n</body>", 4)
        }
    }
}

@Suite struct GlossaryRoundTripTests {
    static let entries = [
        TermEntry(zh: "卷王", en: "Involution King", pinyin: "juǎn wáng", status: .approved,
                  definition: "the winner, \"so to speak\", of the\nrat race", note: "keep capitals", domain: "society"),
        TermEntry(zh: "卷王", en: "involution champion", pinyin: "juǎn wáng", status: .candidate,
                  definition: "the winner, \"so to speak\", of the\nrat race", domain: "society"),
        TermEntry(zh: "𠀀🙂", en: "emoji e\u{301} & <tags>", status: .forbidden),
        TermEntry(zh: "月之暗面", en: "Dark Side of the Moon", status: .deprecated),
    ]

    @Test(arguments: GlossaryFormatUnderTest.allCases)
    func roundTrip(_ format: GlossaryFormatUnderTest) throws {
        var expected = Self.entries
        if format == .tbx {
            // TBX keeps pinyin and source nowhere; definitions and domains belong to the concept.
            for k in expected.indices { expected[k].pinyin = ""; expected[k].source = "" }
        }
        #expect(try format.read(format.write(Self.entries)) == expected)
    }

    @Test(arguments: GlossaryFormatUnderTest.allCases)
    func emptyInput(_ format: GlossaryFormatUnderTest) throws {
        #expect(try format.read(format.write([])).isEmpty)
    }

    @Test(arguments: GlossaryFormatUnderTest.allCases)
    func malformedInputNamesItsLine(_ format: GlossaryFormatUnderTest) {
        do {
            _ = try format.read(format.malformed.text)
            Issue.record("expected an error")
        } catch let error as FormatError {
            #expect(error.location.line == format.malformed.line)
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func tbxNeverReadsExternalEntities() throws {
        let secret = FileManager.default.temporaryDirectory.appendingPathComponent("shuyu-secret-\(UUID().uuidString).txt")
        try "TOP SECRET".write(to: secret, atomically: true, encoding: .utf8)
        let text = """
            <?xml version="1.0"?>
            <!DOCTYPE martif [<!ENTITY leak SYSTEM "file://\(secret.path)">]>
            <martif><text><body><termEntry>
            <langSet xml:lang="zh"><tig><term>卷王</term></tig></langSet>
            <langSet xml:lang="en"><tig><term>King &leak;</term></tig></langSet>
            </termEntry></body></text></martif>
            """
        let entries = (try? TBXReader.read(Data(text.utf8), source: "x.tbx").entries) ?? []
        #expect(!entries.contains { $0.en.contains("SECRET") })
    }

    @Test func tbxVersion3AndStatuses() throws {
        let text = """
            <?xml version="1.0" encoding="UTF-8"?>
            <tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">
            <text><body><conceptEntry id="1">
              <descrip type="definition">self-defeating competition</descrip>
              <langSec xml:lang="zh-CN"><termSec><term>内卷</term></termSec></langSec>
              <langSec xml:lang="en-US">
                <termSec><term>involution</term><termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></termSec>
                <termSec><term>rat race</term><termNote type="administrativeStatus">admittedTerm-admn-sts</termNote></termSec>
              </langSec>
            </conceptEntry></body></text></tbx>
            """
        let entries = try TBXReader.read(Data(text.utf8), source: "v3.tbx").entries
        #expect(entries.map { "\($0.zh)|\($0.en)|\($0.status.rawValue)|\($0.definition)" } == [
            "内卷|involution|approved|self-defeating competition", "内卷|rat race|candidate|self-defeating competition",
        ])
    }
}
