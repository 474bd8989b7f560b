import Foundation
import Testing

/// `shuyu tm`: import, match, concordance and export, end to end.
@Suite struct MemoryCommandTests {
    static let tmx = """
        <?xml version="1.0" encoding="UTF-8"?>
        <!DOCTYPE tmx SYSTEM "tmx14.dtd">
        <tmx version="1.4">
          <header creationtool="TestTool" creationtoolversion="1" segtype="sentence" o-tmf="test" adminlang="en-US" srclang="ZH-CN" datatype="plaintext">
            <prop type="x-project">newsletter</prop>
          </header>
          <body>
            <tu tuid="1" creationdate="20240101T120000Z">
              <prop type="x-domain">AI</prop>
              <tuv xml:lang="ZH-CN"><seg>大语言模型正在改变翻译行业。</seg></tuv>
              <tuv xml:lang="EN-US"><seg>Large language models are changing the translation industry.</seg></tuv>
            </tu>
            <tu tuid="2">
              <note>checked by the editor</note>
              <tuv xml:lang="zh-cn"><seg>点击<bpt i="1">&lt;b&gt;</bpt>保存<ept i="1">&lt;/b&gt;</ept>按钮。</seg></tuv>
              <tuv xml:lang="en-us"><seg>Click the <bpt i="1">&lt;b&gt;</bpt>Save<ept i="1">&lt;/b&gt;</ept> button.</seg></tuv>
            </tu>
            <tu tuid="3">
              <tuv lang="zh-TW"><seg>深度學習需要大量數據。</seg></tuv>
              <tuv lang="en"><seg>Deep learning needs a lot of data.</seg></tuv>
            </tu>
          </body>
        </tmx>
        """

    func project() throws -> URL {
        let dir = try CLI.temporaryFolder()
        try Self.tmx.write(to: dir.appendingPathComponent("memory.tmx"), atomically: true, encoding: .utf8)
        let result = try CLI.run(["tm", "import", "memory.tmx"], directory: dir)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("3 units from 1 files: 3 added"))
        return dir
    }

    @Test func matchesWithDifferencesMarkedAndExplainsScores() throws {
        let dir = try project()
        let text = try CLI.run(["tm", "match", "大语言模型正在改变出版行业。"], directory: dir)
        #expect(text.status == 0)
        #expect(text.stdout.contains("大语言模型正在改变[-翻译-]{+出版+}行业。"))
        #expect(text.stdout.contains("Large language models are changing the translation industry."))
        #expect(text.stdout.contains("zh-CN → en-US · memory.tmx:"))

        let json = try CLI.run(["tm", "match", "--format", "json", "深度学习需要大量数据。"], directory: dir)
        let matches = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        #expect(matches.count == 1)
        // Traditional characters fold to simplified ones: the same text, but not identical.
        #expect(matches[0]["score"] as? Int == 99)
        #expect(matches[0]["sourceLang"] as? String == "zh-TW" && matches[0]["targetLang"] as? String == "en")
        #expect(matches[0]["target"] as? String == "Deep learning needs a lot of data.")
        #expect((matches[0]["explanation"] as? [String: Any])?["editDistance"] as? Int == 0)

        // English queries are matched on the English side.
        let english = try CLI.run(["tm", "match", "--format", "json", "Click the Save button."], directory: dir)
        let englishMatches = try #require(try JSONSerialization.jsonObject(with: Data(english.stdout.utf8)) as? [[String: Any]])
        #expect(englishMatches.first?["target"] as? String == "点击{1}保存{/1}按钮。")

        let none = try CLI.run(["tm", "match", "完全无关的句子在这里出现。"], directory: dir)
        #expect(none.status == 1 && none.stdout.isEmpty && none.stderr.contains("no match"))
        let bad = try CLI.run(["tm", "match", "--min", "20", "任何"], directory: dir)
        #expect(bad.status != 0 && bad.stderr.contains("--min must be between 50 and 100"))
    }

    @Test func analysesADocumentByMatchBand() throws {
        let dir = try project()
        try "大语言模型正在改变翻译行业。深度学习需要大量的数据。\n\n今天天气很好。\n".write(to: dir.appendingPathComponent("draft.txt"), atomically: true, encoding: .utf8)
        let result = try CLI.run(["tm", "match", "--file", "draft.txt"], directory: dir)
        #expect(result.status == 0)
        #expect(result.stdout.contains("draft.txt:1:1  大语言模型正在改变翻译行业。"))
        #expect(result.stdout.contains("draft.txt:1:15  深度学习需要大量的数据。"))
        #expect(result.stdout.contains("draft.txt:3:1  今天天气很好。\n  no match"))
        #expect(result.stdout.contains("100%              1      14"))
        #expect(result.stdout.contains("No match          1       7"))
        #expect(result.stdout.contains("Total             3      33"))
    }

    @Test func concordanceFindsTermsOnEitherSide() throws {
        let dir = try project()
        let chinese = try CLI.run(["tm", "concordance", "深度学习"], directory: dir)
        #expect(chinese.status == 0 && chinese.stdout.contains("深度學習需要大量數據。"))
        let english = try CLI.run(["tm", "concordance", "--format", "json", "language models"], directory: dir)
        #expect(english.stdout.contains("\"target\":\"大语言模型正在改变翻译行业。\""))
        let missing = try CLI.run(["tm", "concordance", "量子"], directory: dir)
        #expect(missing.status == 1)
    }

    @Test func exportedTMXImportsBackToTheSameUnits() throws {
        let dir = try project()
        let first = try CLI.run(["tm", "export", "-o", "out.tmx"], directory: dir)
        #expect(first.status == 0, "\(first.stderr)")
        let exported = try String(contentsOf: dir.appendingPathComponent("out.tmx"), encoding: .utf8)
        #expect(exported.contains("<tmx version=\"1.4\">"))
        #expect(exported.contains("<bpt i=\"1\">&lt;b&gt;</bpt>"))
        #expect(exported.contains("<prop type=\"x-domain\">AI</prop>"))
        #expect(exported.contains("<prop type=\"x-project\">newsletter</prop>"))
        #expect(exported.contains("<note>checked by the editor</note>"))
        let again = try CLI.run(["tm", "import", "--tm", "second.sqlite", "out.tmx"], directory: dir)
        #expect(again.status == 0)
        let second = try CLI.run(["tm", "export", "--tm", "second.sqlite"], directory: dir)
        // The units are the same; the header differs only by the import it came from.
        func body(_ text: String) -> Substring { text[text.range(of: "<body>")!.lowerBound...] }
        #expect(body(second.stdout) == body(exported))
        let tsv = try CLI.run(["tm", "export", "--format", "tsv"], directory: dir)
        #expect(tsv.stdout.hasPrefix("zh\ten\n大语言模型正在改变翻译行业。\tLarge language models are changing the translation industry.\n"))
    }

    @Test func malformedOrUnsafeFilesImportNothing() throws {
        let dir = try project()
        let truncated = String(Self.tmx.prefix(Self.tmx.count - 40))
        try truncated.write(to: dir.appendingPathComponent("cut.tmx"), atomically: true, encoding: .utf8)
        let external = """
            <?xml version="1.0"?>
            <!DOCTYPE tmx [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
            <tmx version="1.4"><header srclang="zh"/><body><tu><tuv xml:lang="zh"><seg>&secret;</seg></tuv><tuv xml:lang="en"><seg>x</seg></tuv></tu></body></tmx>
            """
        try external.write(to: dir.appendingPathComponent("xxe.tmx"), atomically: true, encoding: .utf8)
        var laughs = "<?xml version=\"1.0\"?>\n<!DOCTYPE tmx [\n<!ENTITY lol \"lol\">\n"
        for level in 1...9 { laughs += "<!ENTITY lol\(level) \"" + String(repeating: "&lol\(level == 1 ? "" : String(level - 1));", count: 10) + "\">\n" }
        laughs += "]>\n<tmx version=\"1.4\"><header srclang=\"zh\"/><body><tu><tuv xml:lang=\"zh\"><seg>&lol9;</seg></tuv></tu></body></tmx>\n"
        try laughs.write(to: dir.appendingPathComponent("laughs.tmx"), atomically: true, encoding: .utf8)
        for (file, expected) in [("cut.tmx", "cut.tmx:"), ("xxe.tmx", "xxe.tmx:2:"), ("laughs.tmx", "laughs.tmx:3:")] {
            // A good file first: the bad one must stop the whole import.
            let result = try CLI.run(["tm", "import", "memory.tmx", file], directory: dir)
            #expect(result.status == 2, "\(file): \(result.stderr)")
            #expect(result.stderr.contains(expected), "\(file): \(result.stderr)")
            #expect(!result.stderr.contains("root:"))
        }
        // Units are read as they are stored: a file cut short after its first units still
        // imports nothing, and a memory made for the import is removed again.
        let fresh = try CLI.run(["tm", "import", "--tm", "fresh.sqlite", "memory.tmx", "cut.tmx"], directory: dir)
        #expect(fresh.status == 2 && fresh.stderr.contains("cut.tmx:"), "\(fresh.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("fresh.sqlite").path))
        let tsv = try CLI.run(["tm", "export", "--format", "tsv"], directory: dir)
        #expect(tsv.stdout.split(separator: "\n").count == 4)
        let json = try CLI.run(["tm", "match", "--format", "json", "大语言模型正在改变翻译行业。"], directory: dir)
        #expect(json.stdout.contains("\"count\":1,"))
    }

    @Test func importsThePairsExtractFindsInTheProjectCorpora() throws {
        let dir = try CLI.temporaryFolder()
        for folder in ["Glossaries", "Corpora"] {
            try FileManager.default.createDirectory(at: dir.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        try "zh\ten\n".write(to: dir.appendingPathComponent("Glossaries/team.tsv"), atomically: true, encoding: .utf8)
        try "This week Moonshot AI [月之暗面] released a model.\nThe Involution King1 wins.\n\n1. 卷王: the winner of the rat race\n"
            .write(to: dir.appendingPathComponent("Corpora/notes.md"), atomically: true, encoding: .utf8)
        let result = try CLI.run(["tm", "import", "--corpora"], directory: dir)
        #expect(result.status == 0 && result.stderr.contains("2 units from 1 files: 2 added"), "\(result.stderr)")
        let match = try CLI.run(["tm", "match", "月之暗面"], directory: dir)
        #expect(match.stdout.contains("Moonshot AI") && match.stdout.contains("notes.md:1"))
        let footnote = try CLI.run(["tm", "match", "--format", "json", "卷王"], directory: dir)
        #expect(footnote.stdout.contains("\"target\":\"Involution King\""))
    }

    @Test func extractReadsTMXAsSentencePairs() throws {
        let dir = try CLI.temporaryFolder()
        try Self.tmx.write(to: dir.appendingPathComponent("memory.tmx"), atomically: true, encoding: .utf8)
        let result = try CLI.run(["extract", "--format", "jsonl", "."], directory: dir)
        let lines = result.stdout.split(separator: "\n")
        #expect(result.status == 0 && lines.count == 3, "\(result.stderr)")
        #expect(lines[1].contains("\"zh\":\"点击{1}保存{/1}按钮。\"") && lines[1].contains("\"kind\":\"parallel\""))
    }

    @Test func errorsSayWhatToDoAndVerboseSaysMore() throws {
        let dir = try CLI.temporaryFolder()
        let missing = try CLI.run(["tm", "match", "--tm", "none.sqlite", "卷王"], directory: dir)
        #expect(missing.status == 2 && missing.stderr == "none.sqlite: error: no translation memory here; import one first with 'shuyu tm import FILE'\n")
        let verbose = try CLI.run(["tm", "match", "--verbose", "--tm", "none.sqlite", "卷王"], directory: dir)
        #expect(verbose.stderr.contains("(StoreError: "))
        try "zh\ten\n".write(to: dir.appendingPathComponent("terms.csv"), atomically: true, encoding: .utf8)
        let glossary = try CLI.run(["tm", "import", "terms.csv"], directory: dir)
        #expect(glossary.status == 2 && glossary.stderr.contains("this is a glossary format, not a translation memory"))
        let project = try project()
        let statistics = try CLI.run(["tm", "match", "--verbose", "大语言模型正在改变翻译行业。"], directory: project)
        #expect(statistics.stderr.contains("index items") && statistics.stderr.contains("scored exactly"))
        // An empty sentence or term is a usage error, not "no match".
        for arguments in [["tm", "match", " "], ["tm", "concordance", ""], ["tm", "concordance", "卷王", "--limit", "0"]] {
            let empty = try CLI.run(arguments, directory: project)
            #expect(empty.status == 2, "\(arguments)")
            #expect(empty.stdout.isEmpty)
        }
    }

    /// Two imports into one memory at once: the second waits for the first's transaction.
    @Test func concurrentImportsBothLand() throws {
        let dir = try project()
        for (name, prefix) in [("a.tsv", "甲"), ("b.tsv", "乙")] {
            var tsv = "zh\ten\n"
            for k in 0..<4000 { tsv += "\(prefix)方第\(k)句讲翻译记忆。\tSentence \(k) of side \(prefix).\n" }
            try tsv.write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        let processes = try ["a.tsv", "b.tsv"].map { try CLI.start(["tm", "import", "--quiet", $0], directory: dir) }
        for process in processes { process.waitUntilExit() }
        #expect(processes.allSatisfy { $0.terminationStatus == 0 })
        let rows = try CLI.run(["tm", "export", "--format", "tsv"], directory: dir).stdout.split(separator: "\n").count
        #expect(rows == 1 + 3 + 8000)
    }

    @Test func readsUTF16WithBOM() throws {
        let dir = try CLI.temporaryFolder()
        var bytes: [UInt8] = [0xFF, 0xFE]
        for unit in Self.tmx.replacingOccurrences(of: "encoding=\"UTF-8\"", with: "encoding=\"UTF-16\"").utf16 {
            bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)]
        }
        try Data(bytes).write(to: dir.appendingPathComponent("utf16.tmx"))
        let result = try CLI.run(["tm", "import", "utf16.tmx"], directory: dir)
        #expect(result.status == 0 && result.stderr.contains("3 added"), "\(result.stderr)")
    }

    @Test func killedImportLeavesTheMemoryAsItWas() throws {
        let dir = try project()
        var tsv = "zh\ten\n"
        for k in 0..<60_000 { tsv += "第\(k)个句子讲的是翻译记忆。\tSentence \(k) is about translation memory.\n" }
        try tsv.write(to: dir.appendingPathComponent("big.tsv"), atomically: true, encoding: .utf8)
        for delay in [0.05, 0.2, 0.5, 1.0] {
            let process = try CLI.start(["tm", "import", "big.tsv", "--quiet"], directory: dir)
            Thread.sleep(forTimeInterval: delay)
            // Readers keep working while the import runs.
            let reading = try CLI.run(["tm", "match", "大语言模型正在改变翻译行业。"], directory: dir)
            #expect(reading.status == 0)
            process.interrupt()
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let rows = try CLI.run(["tm", "export", "--format", "tsv"], directory: dir).stdout.split(separator: "\n").count
            #expect(rows == 4 || rows == 60_004, "after \(delay) s the memory had \(rows - 1) units")
            if rows == 60_004 { break }
        }
    }
}

/// Other tools read what `shuyu tm export` writes: translate-toolkit's TMX reader
/// (installed by ../shared/bench/setup.sh; the test is skipped without it).
@Suite struct MemoryInteroperabilityTests {
    static let python: String? = {
        let venv = ProcessInfo.processInfo.environment["PEERS_VENV"]
            ?? FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".cache/shuyu-peers-venv").path
        let path = venv + "/bin/python"
        return FileManager.default.isExecutableFile(atPath: path) ? path : nil
    }()

    @Test(.enabled(if: python != nil, "translate-toolkit is not installed (run ../shared/bench/setup.sh)"))
    func translateToolkitReadsTheExport() throws {
        let dir = try CLI.temporaryFolder()
        try MemoryCommandTests.tmx.write(to: dir.appendingPathComponent("memory.tmx"), atomically: true, encoding: .utf8)
        #expect(try CLI.run(["tm", "import", "memory.tmx"], directory: dir).status == 0)
        #expect(try CLI.run(["tm", "export", "-o", "out.tmx"], directory: dir).status == 0)
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Benchmarks/interop/tmx_units.py")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.python!)
        process.arguments = [script.path, dir.appendingPathComponent("out.tmx").path]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let units = String(decoding: data, as: UTF8.self).split(separator: "\n").compactMap {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
        #expect(units.count == 3)
        #expect(units.first?["source"] as? String == "大语言模型正在改变翻译行业。")
        #expect(units.first?["target"] as? String == "Large language models are changing the translation industry.")
        #expect(units[1]["source"] as? String == "点击<b>保存</b>按钮。")
        // translate-toolkit takes sources in the header's language only (zh-CN, the most
        // common): the zh-TW unit comes through with its translation alone.
        #expect(units.last?["target"] as? String == "Deep learning needs a lot of data.")
    }
}
