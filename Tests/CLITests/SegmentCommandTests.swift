import Foundation
import Testing

@Suite struct SegmentCommandTests {
    @Test func plainICUFromStandardInput() throws {
        let folder = try CLI.temporaryFolder()
        let result = try CLI.run(["segment", "--no-glossary"], input: "张祥雨在阶跃星辰做多模态大模型\n卷王\n", directory: folder)
        #expect(result.status == 0)
        #expect(result.stdout == "张 祥 雨 在 阶 跃 星辰 做 多 模 态 大 模型\n卷 王\n")
    }

    @Test func glossaryTermsStayWhole() throws {
        let folder = try CLI.temporaryFolder()
        try "阶跃星辰\n卷王\n张祥雨\n".write(to: folder.appendingPathComponent("words.txt"), atomically: true, encoding: .utf8)
        let result = try CLI.run(["segment", "--no-glossary", "--glossary", "words.txt"],
                                 input: "张祥雨在阶跃星辰\n\n卷王 and  Stepfun\n", directory: folder)
        #expect(result.status == 0)
        #expect(result.stdout == "张祥雨 在 阶跃星辰\n\n卷王 and Stepfun\n")
    }

    @Test func projectGlossariesAreFoundUpward() throws {
        let folder = try CLI.temporaryFolder()
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("Glossaries"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("drafts/week1"), withIntermediateDirectories: true)
        try "zh\ten\n卷王\tInvolution King\n".write(to: folder.appendingPathComponent("Glossaries/terms.tsv"), atomically: true, encoding: .utf8)
        let inside = folder.appendingPathComponent("drafts/week1")
        #expect(try CLI.run(["segment"], input: "卷王\n", directory: inside).stdout == "卷王\n")
        #expect(try CLI.run(["segment", "--no-glossary"], input: "卷王\n", directory: inside).stdout == "卷 王\n")
    }

    @Test func jsonHasPositionsAndKinds() throws {
        let folder = try CLI.temporaryFolder()
        let file = folder.appendingPathComponent("in.txt")
        try "🙂卷王 AI\r\n２０２４年".write(to: file, atomically: true, encoding: .utf8)
        let result = try CLI.run(["segment", "--no-glossary", "--format", "json", file.path], directory: folder)
        #expect(result.status == 0)
        let tokens = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as! [[String: Any]]
        let summary = tokens.map { "\($0["line"]!):\($0["column"]!):\($0["offset"]!) \($0["text"]!) \($0["kind"]!)" }
        #expect(summary == ["1:1:0 🙂 symbol", "1:2:4 卷 ideographic", "1:3:7 王 ideographic", "1:5:11 AI letter",
                            "2:1:15 ２０２４ number", "2:5:27 年 ideographic"])
    }

    @Test func missingFileIsExitTwo() throws {
        let folder = try CLI.temporaryFolder()
        let result = try CLI.run(["segment", "nope.txt"], directory: folder)
        #expect(result.status == 2)
        #expect(result.stderr.contains("nope.txt: error: no such file"))
    }

    @Test func invalidUTF8NamesTheByteOffset() throws {
        let folder = try CLI.temporaryFolder()
        let file = folder.appendingPathComponent("bad.txt")
        try Data([0xE5, 0x8D, 0xB7, 0x0A, 0x41, 0xFF, 0x42]).write(to: file)
        let result = try CLI.run(["segment", "bad.txt"], directory: folder)
        #expect(result.status == 2)
        #expect(result.stderr.contains("bad.txt:2:2: error: invalid UTF-8 at byte offset 5"))
    }

    @Test func versionAndHelp() throws {
        let version = try CLI.run(["--version"])
        #expect(version.status == 0)
        #expect(version.stdout.hasPrefix("0."))
        let help = try CLI.run(["segment", "--help"])
        #expect(help.stdout.contains("Examples:"))
        #expect(help.stdout.contains("--no-glossary"))
    }
}
