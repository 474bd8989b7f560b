import Foundation
import Testing

/// A small project: a glossary, a corpus with a footnote, a parallel file and a CC-CEDICT excerpt.
func makeLookupProject() throws -> URL {
    let dir = try CLI.temporaryFolder()
    let files: [String: String] = [
        "Glossaries/terms.tsv": """
            # test glossary
            zh\ten\tpinyin\tstatus\tdefinition\tnote
            卷王\tInvolution King\tjuǎn wáng\tapproved\tthe winner of the rat race\t
            卷王\tinvolution champion\t\tcandidate\t\t
            内卷\tinvolution\tnèi juǎn\tapproved\t\t
            月之暗面\tMoonshot AI\t\tapproved\t\tkeep the AI suffix
            月之暗面\tDark Side of the Moon\t\tforbidden\t\t
            银行\tbank\tyín háng\tapproved\t\t

            """,
        "Corpora/essay.md": """
            He is the Involution King1 of our office, and the Involution King [卷王] never sleeps.
            Moonshot AI [月之暗面] shipped Kimi.

            ## Notes

            卷王: someone who out-works everyone around them.

            """,
        "Corpora/talk.zh.txt": "卷王来了\n",
        "Corpora/talk.en.txt": "Here comes the Involution King\n",
        "dict/cedict.u8": """
            # CC-CEDICT excerpt
            捲 卷 [juan3] /to roll up/
            卷子 卷子 [juan4 zi5] /test paper/
            銀行 银行 [yin2 hang2] /bank/CL:家[jia1]/
            長城 长城 [Chang2 cheng2] /the Great Wall/
            王 王 [Wang2] /surname Wang/
            王 王 [wang2] /king or monarch/
            王 王 [wang4] /to rule/

            """,
    ]
    for (name, text) in files {
        let url = dir.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
    }
    return dir
}

@Suite struct LookupCommandTests {
    @Test func chineseShowsApprovedRenderingUsesAndDefinitions() throws {
        let dir = try makeLookupProject()
        let result = try CLI.run(["lookup", "卷王", "--context", "2"], directory: dir)
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines[0] == "卷王  juǎn wáng")
        #expect(lines[1].hasPrefix("  Involution King  approved  used 2×  Glossaries/terms.tsv:3, Corpora/essay.md:1, Corpora/essay.md:6"))
        #expect(lines[2].hasPrefix("  involution champion  candidate"))
        #expect(result.stdout.contains("  definition: the winner of the rat race"))
        #expect(result.stdout.contains("  definition: someone who out-works everyone around them."))
        #expect(result.stdout.contains("Corpora/essay.md:1  …ion King1 of our office, and the Involution King [卷王] never sleeps."))
        #expect(!result.stdout.contains("\u{1B}["))  // no colour when piped
    }

    @Test(arguments: [("捲王", "traditional"), ("juǎn wáng", "pinyin"), ("juan3 wang2", "pinyin"), ("juanwang", "pinyin"),
                      ("jw", "initials"), ("involution kings", "english"), ("Involution King", "english"),
                      // Typed with spaces between the characters, or in full-width letters.
                      ("卷 王", "exact"), ("大 卷王", "contained"), ("ＩＮＶＯＬＵＴＩＯＮ ＫＩＮＧ", "english")])
    func everyAngleFindsTheTerm(_ query: (String, String)) throws {
        let dir = try makeLookupProject()
        let result = try CLI.run(["lookup", query.0, "--format", "json"], directory: dir)
        #expect(result.status == 0)
        let reports = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as! [[String: Any]]
        let zh = reports.map { $0["zh"] as! String }
        #expect(zh.contains("卷王"))
    }

    /// A write-ahead log left next to a fresh index (a refresh whose checkpoint a reader cut
    /// short) is emptied by the next lookup, which still answers from the index.
    @Test func aLeftoverLogIsEmptiedByTheNextLookup() throws {
        let dir = try makeLookupProject()
        #expect(try CLI.run(["lookup", "卷王"], directory: dir).status == 0)  // builds the index
        let log = dir.appendingPathComponent(".shuyu/index.sqlite-wal")
        #expect(try FileManager.default.attributesOfItem(atPath: log.path)[.size] as? Int == 0)
        // A log SQLite will not trust (a torn header) stands in for one a reader kept.
        try Data(repeating: 0x5A, count: 4096).write(to: log)
        let result = try CLI.run(["lookup", "卷王", "--format", "tsv"], directory: dir)
        #expect(result.status == 0)
        #expect(result.stdout.contains("Involution King"))
        #expect(try FileManager.default.attributesOfItem(atPath: log.path)[.size] as? Int == 0)
    }

    @Test func containingAndContainedTerms() throws {
        let dir = try makeLookupProject()
        let out = try CLI.run(["lookup", "卷", "--format", "tsv"], directory: dir).stdout
        #expect(out.contains("卷王\tjuǎn wáng\tInvolution King\tapproved"))
        #expect(out.contains("内卷\tnèi juǎn\tinvolution\tapproved"))
        let contained = try CLI.run(["lookup", "大卷王们", "--format", "tsv"], directory: dir).stdout
        let approved = contained.split(separator: "\n").filter { $0.hasPrefix("卷王\tjuǎn wáng\tInvolution King\tapproved\t") }
        #expect(approved.count == 1)
        #expect(approved.first?.hasSuffix("\tcontained") == true)
    }

    @Test func dictionarySensesAndReadings() throws {
        let dir = try makeLookupProject()
        let result = try CLI.run(["lookup", "银行", "--dictionary", "dict/cedict.u8"], directory: dir)
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("银行 (銀行)  yín háng\n  bank  approved"))
        #expect(result.stdout.contains("  dictionary: bank; CL:家[jia1]"))
        let wall = try CLI.run(["lookup", "长城", "--dictionary", "dict/cedict.u8", "--format", "json"], directory: dir)
        #expect(wall.stdout.contains("\"pinyin\":\"Cháng chéng\""))  // CC-CEDICT capitalizes names
        // A surname's reading is told apart from the common word's, which heads the entry.
        let king = try CLI.run(["lookup", "王", "--dictionary", "dict/cedict.u8"], directory: dir)
        #expect(king.stdout.hasPrefix("王  wáng\n  dictionary: [Wáng] surname Wang\n  dictionary: king or monarch\n  dictionary: [wàng] to rule\n"))
    }

    @Test func forbiddenRenderingsAreShownAsSuch() throws {
        let dir = try makeLookupProject()
        let out = try CLI.run(["lookup", "moonshot"], directory: dir).stdout
        #expect(out.contains("  Moonshot AI  approved  used 1×"))
        #expect(out.contains("  Dark Side of the Moon  forbidden"))
        #expect(out.contains("  note: keep the AI suffix"))
    }

    /// A query of punctuation or symbols only names nothing: a usage error, not every term.
    @Test(arguments: ["[", "%", "_", "\"", "😀"])
    func queryWithoutLettersIsAUsageError(_ query: String) throws {
        let dir = try makeLookupProject()
        let result = try CLI.run(["lookup", query], directory: dir)
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("has no letters, digits or Chinese characters"))
    }

    @Test func missIsExitOneWithSuggestions() throws {
        let dir = try makeLookupProject()
        let result = try CLI.run(["lookup", "卷皇"], directory: dir)
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("nothing found for '卷皇'; closest: 卷王"))
        let english = try CLI.run(["lookup", "involutoin"], directory: dir)
        #expect(english.status == 1)
        #expect(english.stderr.contains("closest: involution"))
    }

    @Test func indexFollowsFileChanges() throws {
        let dir = try makeLookupProject()
        #expect(try CLI.run(["lookup", "躺平"], directory: dir).status == 1)
        let glossary = dir.appendingPathComponent("Glossaries/terms.tsv")
        var text = try String(contentsOf: glossary, encoding: .utf8)
        text += "躺平\tlying flat\ttǎng píng\tapproved\t\t\n"
        try text.write(to: glossary, atomically: true, encoding: .utf8)
        let result = try CLI.run(["lookup", "躺平"], directory: dir)
        #expect(result.status == 0)
        #expect(result.stdout.contains("lying flat  approved"))
        // A corrupt index is rebuilt.
        try Data("not a database".utf8).write(to: dir.appendingPathComponent(".shuyu/index.sqlite"))
        for suffix in ["-wal", "-shm"] { try? FileManager.default.removeItem(at: dir.appendingPathComponent(".shuyu/index.sqlite" + suffix)) }
        #expect(try CLI.run(["lookup", "躺平"], directory: dir).status == 0)
    }

    @Test func malformedDictionaryIsExitTwoWithItsLine() throws {
        let dir = try makeLookupProject()
        try "捲 卷 [juan3] /to roll up/\n銀行 银行 yin2 hang2 /bank/\n".write(to: dir.appendingPathComponent("dict/bad.u8"), atomically: true, encoding: .utf8)
        let result = try CLI.run(["lookup", "银行", "--dictionary", "dict/bad.u8"], directory: dir)
        #expect(result.status == 2)
        #expect(result.stderr.contains("dict/bad.u8:2:1: error: not a CC-CEDICT line"))
        // The index is left as it was: a lookup without the bad dictionary still works.
        #expect(try CLI.run(["lookup", "卷王"], directory: dir).status == 0)
    }

    @Test func configFileRegistersDictionaries() throws {
        let dir = try makeLookupProject()
        try "# project settings\ndictionaries = [\"dict/cedict.u8\"]\n".write(to: dir.appendingPathComponent(".shuyu.toml"), atomically: true, encoding: .utf8)
        let result = try CLI.run(["lookup", "卷子"], directory: dir)
        #expect(result.status == 0)
        #expect(result.stdout.contains("dictionary: test paper"))
        try "dictionaries = [\"dict/cedict.u8\"\n".write(to: dir.appendingPathComponent(".shuyu.toml"), atomically: true, encoding: .utf8)
        let bad = try CLI.run(["lookup", "卷子"], directory: dir)
        #expect(bad.status == 2)
        #expect(bad.stderr.contains(".shuyu.toml:1:16: error: an array must end with ']'"))
    }
}

@Suite struct IndexConcurrencyTests {
    /// Readers keep answering while another process rebuilds the index after a change,
    /// and two processes refreshing at once do not corrupt it.
    @Test func readersDuringARebuild() throws {
        let dir = try makeLookupProject()
        #expect(try CLI.run(["lookup", "卷王"], directory: dir).status == 0)
        let glossary = dir.appendingPathComponent("Glossaries/terms.tsv")
        var text = try String(contentsOf: glossary, encoding: .utf8)
        for k in 0..<2000 { text += "术语\(k)\tterm \(k)\t\tcandidate\t\t\n" }
        try text.write(to: glossary, atomically: true, encoding: .utf8)
        let statuses = StatusList()
        DispatchQueue.concurrentPerform(iterations: 6) { _ in
            let status = (try? CLI.run(["lookup", "卷王", "--quiet"], directory: dir).status) ?? -1
            statuses.append(status)
        }
        #expect(statuses.values == [0, 0, 0, 0, 0, 0])
        let after = try CLI.run(["lookup", "术语1999"], directory: dir)
        #expect(after.status == 0)
        #expect(after.stdout.contains("term 1999"))
    }
}

/// A thread-safe list of exit statuses.
final class StatusList: @unchecked Sendable {
    private let lock = NSLock()
    private var list: [Int32] = []
    func append(_ value: Int32) {
        lock.lock()
        list.append(value)
        lock.unlock()
    }
    var values: [Int32] {
        lock.lock()
        defer { lock.unlock() }
        return list
    }
}

@Suite struct AlignedCorpusIndexTests {
    /// A line-aligned pair is re-indexed when either file changes, not only the Chinese one.
    @Test func editingTheEnglishFileOfAPairRefreshesTheIndex() throws {
        let dir = try CLI.temporaryFolder()
        for folder in ["Glossaries", "Corpora"] {
            try FileManager.default.createDirectory(at: dir.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        try "zh\ten\n卷王\tInvolution King\n".write(to: dir.appendingPathComponent("Glossaries/g.tsv"), atomically: true, encoding: .utf8)
        try "卷王不是天生的。\n".write(to: dir.appendingPathComponent("Corpora/p.zh.txt"), atomically: true, encoding: .utf8)
        try "Involution Kings are not born.\n".write(to: dir.appendingPathComponent("Corpora/p.en.txt"), atomically: true, encoding: .utf8)
        let first = try CLI.run(["lookup", "--context", "1", "卷王"], directory: dir)
        #expect(first.stdout.contains("Involution Kings are not born."))
        Thread.sleep(forTimeInterval: 0.05)
        try "Involution Kings are made, not born.\n".write(to: dir.appendingPathComponent("Corpora/p.en.txt"), atomically: true, encoding: .utf8)
        let second = try CLI.run(["lookup", "--context", "1", "卷王"], directory: dir)
        #expect(second.stdout.contains("Involution Kings are made, not born."), "\(second.stdout)")
    }
}
