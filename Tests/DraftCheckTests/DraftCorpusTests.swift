import BilingualCorpus
import DraftCheck
import Foundation
import SourceText
import Testing

/// Real-looking drafts: clean ones must produce no finding at all; in the planted one
/// every slip is marked with `↓` and listed (line:column rule) in `planted.md.expected`,
/// and exactly those findings must come out.
@Suite struct DraftCorpusTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Drafts")

    func check(_ text: String, source: String) throws -> [Diagnostic] {
        let document = DraftDocument(text: text, source: source, extractor: try PairExtractor())
        return Checker().check([document])
    }

    @Test(arguments: ["clean-newsletter.md", "clean-essay.txt"])
    func cleanDraftsHaveNoFindings(_ name: String) throws {
        let text = try String(contentsOf: Self.folder.appendingPathComponent(name), encoding: .utf8)
        let findings = try check(text, source: name)
        #expect(findings.map { "\($0.start) \($0.ruleID): \($0.message)" } == [])
    }

    @Test func everyPlantedSlipIsFoundAndNothingElse() throws {
        let marked = try String(contentsOf: Self.folder.appendingPathComponent("planted.md"), encoding: .utf8)
        var text = ""
        var markers: [SourceText.SourceLocation] = []
        var line = 1, column = 1
        for scalar in marked.unicodeScalars {
            if scalar == "↓" { markers.append(.init(line: line, column: column)); continue }
            text.unicodeScalars.append(scalar)
            if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
        }
        let expected = try String(contentsOf: Self.folder.appendingPathComponent("planted.md.expected"), encoding: .utf8)
            .split(separator: "\n").map(String.init)
        #expect(markers.map { "\($0.line):\($0.column)" } == expected.map { String($0.split(separator: " ")[0]) })
        let found = try check(text, source: "planted.md").map { "\($0.start.line):\($0.start.column) \($0.ruleID)" }
        #expect(found == expected)
    }
}
