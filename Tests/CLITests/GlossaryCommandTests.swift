import Foundation
import Testing

@Suite struct GlossaryCommandTests {
    @Test func importIsAllOrNothingAndSorted() throws {
        let dir = try CLI.temporaryFolder()
        let good = """
            <?xml version="1.0"?>
            <martif type="TBX"><text><body>
            <termEntry><langSet xml:lang="zh-CN"><tig><term>智谱</term></tig></langSet><langSet xml:lang="en"><tig><term>Zhipu AI</term></tig></langSet></termEntry>
            <termEntry><langSet xml:lang="zh-CN"><tig><term>百度</term></tig></langSet><langSet xml:lang="en"><tig><term>Baidu</term></tig></langSet></termEntry>
            </body></text></martif>
            """
        try good.write(to: dir.appendingPathComponent("good.tbx"), atomically: true, encoding: .utf8)
        try "zh,en\n卷王,\"Involution King\n".write(to: dir.appendingPathComponent("bad.csv"), atomically: true, encoding: .utf8)
        let original = "# ours\nzh\ten\tstatus\n智谱\tZhipu\tapproved\n"
        try original.write(to: dir.appendingPathComponent("team.tsv"), atomically: true, encoding: .utf8)

        let failed = try CLI.run(["glossary", "import", "good.tbx", "bad.csv", "--into", "team.tsv"], directory: dir)
        #expect(failed.status == 2)
        #expect(failed.stderr.contains("bad.csv:2:4: error: quoted field is never closed"))
        #expect(try String(contentsOf: dir.appendingPathComponent("team.tsv"), encoding: .utf8) == original)

        let result = try CLI.run(["glossary", "import", "good.tbx", "--into", "team.tsv"], directory: dir)
        #expect(result.status == 0)
        #expect(result.stderr.contains("conflict: 智谱 rendered 'Zhipu AI'; team.tsv approves 'Zhipu'"))
        let merged = try String(contentsOf: dir.appendingPathComponent("team.tsv"), encoding: .utf8)
        #expect(merged == original + "百度\tBaidu\tapproved\n智谱\tZhipu AI\tcandidate\n")
    }

    @Test func sortIsCanonicalAndIdempotent() throws {
        let dir = try CLI.temporaryFolder()
        let text = "# keep me\nzh\ten\tstatus\n智谱\tZhipu AI\tapproved\n阿里巴巴\tAlibaba\tapproved\n卷王\tinvolution champion\tcandidate\n卷王\tInvolution King\tapproved\n"
        try text.write(to: dir.appendingPathComponent("g.tsv"), atomically: true, encoding: .utf8)
        #expect(try CLI.run(["glossary", "sort", "--check", "g.tsv"], directory: dir).status == 1)
        #expect(try CLI.run(["glossary", "sort", "g.tsv"], directory: dir).status == 0)
        let sorted = try String(contentsOf: dir.appendingPathComponent("g.tsv"), encoding: .utf8)
        #expect(sorted == "# keep me\nzh\ten\tstatus\n阿里巴巴\tAlibaba\tapproved\n卷王\tInvolution King\tapproved\n卷王\tinvolution champion\tcandidate\n智谱\tZhipu AI\tapproved\n")
        #expect(try CLI.run(["glossary", "sort", "--check", "g.tsv"], directory: dir).status == 0)
    }

    @Test func exportWritesTBXThatImportsBack() throws {
        let dir = try CLI.temporaryFolder()
        try "zh\ten\tstatus\tdefinition\n卷王\tInvolution King\tapproved\tthe winner\n".write(to: dir.appendingPathComponent("g.tsv"), atomically: true, encoding: .utf8)
        #expect(try CLI.run(["glossary", "export", "g.tsv", "--format", "tbx", "-o", "g.tbx"], directory: dir).status == 0)
        #expect(try CLI.run(["glossary", "import", "g.tbx", "--into", "back.tsv"], directory: dir).status == 0)
        let back = try String(contentsOf: dir.appendingPathComponent("back.tsv"), encoding: .utf8)
        #expect(back.contains("卷王\tInvolution King\tjuǎn wáng\tapproved\tthe winner"))
        let csv = try CLI.run(["glossary", "export", "g.tsv", "--format", "csv"], directory: dir)
        #expect(csv.stdout == "zh,en,pinyin,status,definition,note,domain,source\r\n卷王,Involution King,,approved,the winner,,,\r\n")
    }
}
