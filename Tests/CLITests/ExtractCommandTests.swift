import Foundation
import Testing

@Suite struct ExtractCommandTests {
    func folder(with files: [String: String]) throws -> URL {
        let folder = try CLI.temporaryFolder()
        for (name, text) in files {
            let url = folder.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        return folder
    }

    @Test func jsonHasEveryField() throws {
        let dir = try folder(with: ["week.md": "This week's AI Era[新智元] report and the agent [智能体？]\n"])
        let result = try CLI.run(["extract", "--no-glossary", "--format", "json", "week.md"], directory: dir)
        #expect(result.status == 0)
        let pairs = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as! [[String: Any]]
        #expect(pairs.count == 2)
        #expect(pairs[0]["zh"] as? String == "新智元")
        #expect(pairs[0]["en"] as? String == "AI Era")
        #expect(pairs[0]["kind"] as? String == "bracket")
        #expect(pairs[0]["file"] as? String == "week.md")
        #expect(pairs[0]["line"] as? Int == 1)
        #expect(pairs[0]["column"] as? Int == 20)
        #expect(pairs[0]["uncertain"] as? Bool == false)
        #expect(pairs[1]["uncertain"] as? Bool == true)
        #expect((pairs[0]["confidence"] as? Double ?? 0) > 0)
    }

    @Test func jsonEscapesQuotesBackslashesAndControlCharacters() throws {
        let definition = "the \"winner\" of the rat race, back\\slash,\ttab and \u{1}"
        let dir = try folder(with: ["notes.md": "The Involution King1 spread.\n\n1. 卷王：\(definition)\n"])
        for format in ["json", "jsonl"] {
            let result = try CLI.run(["extract", "--no-glossary", "--format", format, "notes.md"], directory: dir)
            #expect(result.status == 0)
            let text = format == "json" ? result.stdout : "[" + result.stdout.split(separator: "\n").joined(separator: ",") + "]"
            let pairs = try JSONSerialization.jsonObject(with: Data(text.utf8)) as! [[String: Any]]
            let footnote = pairs.first { $0["kind"] as? String == "footnote" }
            #expect(footnote?["definition"] as? String == definition)
            #expect(result.stdout.contains(#"\"winner\" of the rat race, back\\slash,\ttab and \u0001"#))
        }
    }

    @Test func groupedOutputMarksConflicts() throws {
        let dir = try folder(with: [
            "a.md": "Moonshot AI [月之暗面] launched Kimi.\n",
            "more/b.md": "The Dark Side of the Moon [月之暗面] rival grew. Stepfun [阶跃星辰] too.\n",
        ])
        let result = try CLI.run(["extract", "--no-glossary", "."], directory: dir)
        #expect(result.status == 0)
        #expect(result.stdout.contains("月之暗面  yuè zhī àn miàn  [conflict: 2 renderings]"))
        #expect(result.stdout.contains("  Moonshot AI  ×1  ./a.md:1"))
        #expect(result.stdout.contains("阶跃星辰  jiē yuè xīng chén\n  Stepfun  ×1  ./more/b.md:1"))
    }

    @Test func jsonlFromStandardInput() throws {
        let result = try CLI.run(["extract", "--no-glossary", "--format", "jsonl", "-"], input: "Stepfun [阶跃星辰]\n深度求索（DeepSeek）\n")
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines[0].contains("\"file\":\"<stdin>\""))
    }

    @Test func parallelFilesBecomeSentencePairs() throws {
        let dir = try folder(with: ["talk.zh.txt": "你好\n卷王来了\n", "talk.en.txt": "Hello\nThe Involution King is here\n"])
        let result = try CLI.run(["extract", "--no-glossary", "--format", "jsonl", "."], directory: dir)
        #expect(result.stdout.contains("\"zh\":\"卷王来了\",\"en\":\"The Involution King is here\",\"kind\":\"parallel\""))
    }

    @Test func invalidUTF8IsExitTwoWithTheByteOffset() throws {
        let dir = try CLI.temporaryFolder()
        try Data("Stepfun [阶跃星辰]\nok \u{FF}".utf8.map { $0 } .dropLast(2) + [0xFF, 0x0A]).write(to: dir.appendingPathComponent("bad.md"))
        let result = try CLI.run(["extract", "bad.md"], directory: dir)
        #expect(result.status == 2)
        #expect(result.stderr.contains("bad.md:2:4: error: invalid UTF-8 at byte offset 26"))
    }

    /// Files of more than one batch: while the other cores read a batch, the next is read
    /// from the file, so an error there must still be reported (and nothing left running),
    /// and each document's pairs must be its own.
    @Test func batchesInFlightEndWithTheirDocument() throws {
        let line = "The lab behind Moonshot AI [月之暗面] ships a new model again this week.\n"
        let count = 1_150_000 / line.utf8.count
        let big = String(repeating: line, count: count)
        let dir = try folder(with: ["a.md": big, "b.md": "Stepfun [阶跃星辰]\n" + big])
        let both = try CLI.run(["extract", "--no-glossary", "--format", "jsonl", "a.md", "b.md"], directory: dir)
        #expect(both.status == 0)
        let lines = both.stdout.split(separator: "\n")
        #expect(lines.count == 2 * count + 1)
        // a.md's pairs, in line order, then b.md's, numbered from its own first line.
        #expect(lines.prefix(count).allSatisfy { $0.contains("\"file\":\"a.md\"") })
        #expect(lines[count - 1].contains("\"line\":\(count),"))
        #expect(lines[count].contains("\"zh\":\"阶跃星辰\"") && lines[count].contains("\"file\":\"b.md\",\"line\":1,"))
        #expect(lines.last?.contains("\"file\":\"b.md\",\"line\":\(count + 1),") == true)

        var bytes = Array(big.utf8)
        bytes += Array("ok ".utf8) + [0xFF, 0x0A] + Array(line.utf8)
        try Data(bytes).write(to: dir.appendingPathComponent("bad.md"))
        let bad = try CLI.run(["extract", "--no-glossary", "--format", "jsonl", "bad.md"], directory: dir)
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("bad.md:\(count + 1):4: error: invalid UTF-8 at byte offset \(big.utf8.count + 3)"))
    }

    @Test func mergeKeepsExistingBytesAndReportsConflicts() throws {
        let original = "# team glossary\nzh\ten\tstatus\tnote\n月之暗面\tMoonshot AI\tapproved\tkeep AI\n"
        let dir = try folder(with: [
            "Glossaries/team.tsv": original,
            "notes.md": "The Dark Side of the Moon [月之暗面] and Stepfun [阶跃星辰] and Moonshot AI [月之暗面].\n",
        ])
        let result = try CLI.run(["extract", "--format", "json", "--merge-into", "Glossaries/team.tsv", "notes.md"], directory: dir)
        #expect(result.status == 0)
        let merged = try String(contentsOf: dir.appendingPathComponent("Glossaries/team.tsv"), encoding: .utf8)
        #expect(merged.hasPrefix(original))
        #expect(merged.contains("阶跃星辰\tStepfun\tcandidate\t"))
        #expect(merged.contains("月之暗面\tDark Side of the Moon\tcandidate\tdiffers from approved 'Moonshot AI'"))
        #expect(!merged.contains("月之暗面\tMoonshot AI\tcandidate"))
        #expect(result.stderr.contains("conflict: notes.md:1: 月之暗面 rendered 'Dark Side of the Moon'"))
        // A second run adds nothing and leaves the file as it is.
        let again = try CLI.run(["extract", "--format", "json", "--merge-into", "Glossaries/team.tsv", "notes.md"], directory: dir)
        #expect(again.stderr.contains("added 0 candidate rows"))
        #expect(try String(contentsOf: dir.appendingPathComponent("Glossaries/team.tsv"), encoding: .utf8) == merged)
    }

    @Test func missingPathIsExitTwo() throws {
        let result = try CLI.run(["extract", "no-such-folder"], directory: try CLI.temporaryFolder())
        #expect(result.status == 2)
        #expect(result.stderr.contains("no-such-folder: error: no such file or directory"))
    }
}

/// Extraction in parts: `extract --format jsonl` is a stateless mapper and
/// `glossary merge` an associative, commutative reduce, so any split and any order
/// give the same bytes as one run over everything.
@Suite struct PartitionedExtractionTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test func anySplitAndOrderMergesToTheSameResult() throws {
        let documents = try FileManager.default.contentsOfDirectory(atPath: Self.root.appendingPathComponent("Corpora").path)
            .filter { $0.hasSuffix(".md") || $0.hasSuffix(".txt") }.sorted().map { "Corpora/" + $0 }
        #expect(documents.count >= 4)
        let work = try CLI.temporaryFolder()
        func extract(_ files: [String], into name: String) throws -> String {
            let result = try CLI.run(["extract", "--format", "jsonl"] + files, directory: Self.root)
            #expect(result.status == 0, "\(result.stderr)")
            let path = work.appendingPathComponent(name).path
            try result.stdout.write(toFile: path, atomically: true, encoding: .utf8)
            return path
        }
        let whole = try CLI.run(["glossary", "merge", try extract(documents, into: "all.jsonl")], directory: work)
        #expect(whole.stdout.hasPrefix("zh\ten\tcount\tsources\n") && whole.stdout.split(separator: "\n").count > 50)
        for round in 0..<3 {
            // A random split into three parts (a part may be empty), merged in a random grouping and order.
            var parts: [[String]] = [[], [], []]
            for document in documents { parts[Int.random(in: 0..<3)].append(document) }
            let files = try parts.enumerated().filter { !$0.element.isEmpty }.map { try extract($0.element, into: "part\(round)-\($0.offset).jsonl") }
                .shuffled()
            let first = try CLI.run(["glossary", "merge", "-o", "partial\(round).tsv"] + files.prefix(1), directory: work)
            #expect(first.status == 0)
            let merged = try CLI.run(["glossary", "merge"] + files.dropFirst().shuffled() + ["partial\(round).tsv"], directory: work)
            #expect(merged.stdout == whole.stdout, "split \(parts)")
        }
        // From standard input, as Hadoop Streaming or Spark's pipe would feed it.
        let piped = try CLI.run(["extract", "--format", "jsonl", "-"], input: try String(contentsOf: Self.root.appendingPathComponent(documents[0]), encoding: .utf8),
                                directory: Self.root)
        #expect(piped.status == 0 && piped.stdout.contains("\"file\":\"<stdin>\""))
    }
}
