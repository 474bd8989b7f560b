import Foundation
import Testing

@Suite struct CheckCommandTests {
    static let draft = "Stepfun [阶跃星辰] and Moonshot AI [月之暗面].\nZhipu AI [智谱]] and Kuaishou[快手].\n"

    func project(_ files: [String: String]) throws -> URL {
        let dir = try CLI.temporaryFolder()
        for (name, text) in files {
            try text.write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        return dir
    }

    @Test func textOutputWithCaretAndExitCodes() throws {
        let dir = try project(["draft.md": Self.draft])
        let result = try CLI.run(["check", "--no-glossary", "draft.md"], directory: dir)
        #expect(result.status == 1)
        #expect(result.stdout.contains("draft.md:2:14: error: doubled closing bracket ']]' [unbalanced-bracket]\nZhipu AI [智谱]] and Kuaishou[快手].\n               ^\n"))
        #expect(result.stdout.contains("draft.md:2:28: warning: no space before the original"))
        // Warnings alone pass unless --strict.
        let clean = try project(["ok.md": "Stepfun [阶跃星辰] and Kuaishou[快手] and Doubao [豆包].\n"])
        #expect(try CLI.run(["check", "--no-glossary", "ok.md"], directory: clean).status == 0)
        #expect(try CLI.run(["check", "--no-glossary", "--strict", "ok.md"], directory: clean).status == 1)
    }

    @Test func jsonSarifAndGithubFormats() throws {
        let dir = try project(["draft.md": Self.draft])
        let json = try CLI.run(["check", "--no-glossary", "--format", "json", "draft.md"], directory: dir)
        #expect(json.status == 1)
        let findings = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as! [[String: Any]]
        let first = findings.first { $0["rule"] as? String == "unbalanced-bracket" }!
        #expect(first["line"] as? Int == 2 && first["column"] as? Int == 14 && first["endColumn"] as? Int == 15)
        #expect(first["severity"] as? String == "error")
        #expect((first["fix"] as? [String: Any])?["replacement"] as? String == "")
        let sarif = try CLI.run(["check", "--no-glossary", "--format", "sarif", "draft.md"], directory: dir)
        #expect(sarif.status == 1)
        let log = try JSONSerialization.jsonObject(with: Data(sarif.stdout.utf8)) as! [String: Any]
        #expect(log["version"] as? String == "2.1.0")
        let github = try CLI.run(["check", "--no-glossary", "--format", "github", "draft.md"], directory: dir)
        #expect(github.stdout.contains("::error file=draft.md,line=2,col=14,endLine=2,endColumn=15,title=unbalanced-bracket::doubled closing bracket ']]'"))
    }

    @Test func glossaryRenderingsFromTheProject() throws {
        let dir = try project(["draft.md": "The Dark Side of the Moon [月之暗面] and Large language models [大语言模型].\n"])
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("Glossaries"), withIntermediateDirectories: true)
        try "zh\ten\tstatus\n月之暗面\tMoonshot AI\tapproved\n月之暗面\tDark Side of the Moon\tforbidden\n大语言模型\tlarge language model\tapproved\n"
            .write(to: dir.appendingPathComponent("Glossaries/g.tsv"), atomically: true, encoding: .utf8)
        let result = try CLI.run(["check", "--format", "json", "draft.md"], directory: dir)
        #expect(result.stdout.contains("'Dark Side of the Moon' is a forbidden rendering of '月之暗面'; use 'Moonshot AI'"))
        #expect(!result.stdout.contains("大语言模型"))
    }

    @Test func inputErrorsAreExitTwo() throws {
        let dir = try CLI.temporaryFolder()
        try Data([0x41, 0xC3, 0x28]).write(to: dir.appendingPathComponent("bad.md"))
        let bad = try CLI.run(["check", "bad.md"], directory: dir)
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("bad.md:1:2: error: invalid UTF-8 at byte offset 1"))
        #expect(try CLI.run(["check", "missing.md"], directory: dir).status == 2)
        #expect(try CLI.run(["check", "--disable", "no-such-rule", "x.md"], directory: dir).status == 2)
    }

    @Test func standardInput() throws {
        let result = try CLI.run(["check", "--no-glossary", "-"], input: "Tencent [腾讯) said\n")
        #expect(result.status == 1)
        #expect(result.stdout.contains("<stdin>:1:12: error: '[' is closed by ')'; expected ']' [mismatched-bracket]"))
    }
}

@Suite struct CheckFixTests {
    @Test func dryRunPrintsADiffAndFixWritesAtomically() throws {
        let dir = try CLI.temporaryFolder()
        let text = "Stepfun [阶跃星辰] and Moonshot AI [月之暗面] and Kuaishou[快手].\r\nZhipu AI [智谱]] said [安全,可靠,可控].\r\n"
        let file = dir.appendingPathComponent("draft.md")
        try text.write(to: file, atomically: true, encoding: .utf8)
        let dry = try CLI.run(["check", "--no-glossary", "--fix", "--dry-run", "draft.md"], directory: dir)
        #expect(dry.status == 1)
        #expect(dry.stdout == """
            --- a/draft.md
            +++ b/draft.md
            @@ -1,1 +1,1 @@
            -Stepfun [阶跃星辰] and Moonshot AI [月之暗面] and Kuaishou[快手].
            +Stepfun [阶跃星辰] and Moonshot AI [月之暗面] and Kuaishou [快手].
            @@ -2,1 +2,1 @@
            -Zhipu AI [智谱]] said [安全,可靠,可控].
            +Zhipu AI [智谱] said [安全、可靠、可控].

            """)
        #expect(try String(contentsOf: file, encoding: .utf8) == text)
        let fixed = try CLI.run(["check", "--no-glossary", "--fix", "draft.md"], directory: dir)
        #expect(fixed.status == 0)
        #expect(fixed.stderr.contains("draft.md: fixed 4 findings"))
        #expect(try String(contentsOf: file, encoding: .utf8)
            == "Stepfun [阶跃星辰] and Moonshot AI [月之暗面] and Kuaishou [快手].\r\nZhipu AI [智谱] said [安全、可靠、可控].\r\n")
    }
}

@Suite struct CheckConfigurationTests {
    @Test func offByDefaultRulesAndSeveritiesComeFromTheConfig() throws {
        let dir = try CLI.temporaryFolder()
        let text = "Stepfun [阶跃星辰] grew fast.\n\nLater Stepfun [阶跃星辰] shrank, and [].\n"
        try text.write(to: dir.appendingPathComponent("draft.md"), atomically: true, encoding: .utf8)
        let plain = try CLI.run(["check", "--no-glossary", "draft.md"], directory: dir)
        #expect(!plain.stdout.contains("repeated-original") && plain.stdout.contains("[empty-brackets]"))
        #expect(plain.status == 0)
        let enabled = try CLI.run(["check", "--no-glossary", "--enable", "repeated-original", "draft.md"], directory: dir)
        #expect(enabled.stdout.contains("draft.md:3:14: info: original '阶跃星辰' repeated (first given on line 1); remove it here [repeated-original]"))
        try "[check]\nenable = [\"repeated-original\"]\n\n[check.severity]\nempty-brackets = \"error\"\nrepeated-original = \"warning\"\n"
            .write(to: dir.appendingPathComponent(".shuyu.toml"), atomically: true, encoding: .utf8)
        let configured = try CLI.run(["check", "--no-glossary", "draft.md"], directory: dir)
        #expect(configured.stdout.contains("draft.md:3:14: warning: original '阶跃星辰' repeated"))
        #expect(configured.stdout.contains("error: empty brackets"))
        #expect(configured.status == 1)
        let fixed = try CLI.run(["check", "--no-glossary", "--enable", "repeated-original", "--fix", "--dry-run", "draft.md"], directory: dir)
        #expect(fixed.stdout.contains("+Later Stepfun shrank, and []."))
        try "[check.severity]\nempty-brackets = \"fatal\"\n".write(to: dir.appendingPathComponent(".shuyu.toml"), atomically: true, encoding: .utf8)
        let bad = try CLI.run(["check", "--no-glossary", "draft.md"], directory: dir)
        #expect(bad.status == 2 && bad.stderr.contains("must be \"error\", \"warning\" or \"info\""))
    }

    /// Each file follows the project found upward from its own folder, not the current
    /// folder's: its rules, severities and glossaries.
    @Test func eachFileFollowsItsOwnProject() throws {
        let dir = try CLI.temporaryFolder()
        let quiet = dir.appendingPathComponent("quiet"), strict = dir.appendingPathComponent("strict/drafts")
        for folder in [quiet, strict, dir.appendingPathComponent("strict/Glossaries")] {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        }
        try "[check]\ndisable = [\"empty-brackets\"]\n".write(to: quiet.appendingPathComponent(".shuyu.toml"), atomically: true, encoding: .utf8)
        try "zh\ten\tstatus\n月之暗面\tMoonshot AI\tapproved\n"
            .write(to: dir.appendingPathComponent("strict/Glossaries/team.tsv"), atomically: true, encoding: .utf8)
        let text = "The empty bracket [] stays, and the Dark Side of the Moon [月之暗面] shipped.\n"
        for folder in [quiet, strict] { try text.write(to: folder.appendingPathComponent("draft.md"), atomically: true, encoding: .utf8) }
        // Run from a folder that is no project at all.
        let result = try CLI.run(["check", quiet.appendingPathComponent("draft.md").path, strict.appendingPathComponent("draft.md").path],
                                 directory: FileManager.default.temporaryDirectory)
        let rules = result.stdout.split(separator: "\n").filter { $0.hasPrefix("/") }.map { line in
            "\(line.contains("/quiet/") ? "quiet" : "strict") \(line.split(separator: "[").last ?? "")"
        }
        #expect(rules == ["strict empty-brackets]", "strict glossary-rendering]"])
    }
}
