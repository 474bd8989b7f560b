import Foundation
import ShuyuTestSupport
import Store
import Testing
import TranslationMemory

@Suite struct TranslationMemoryStoreTests {
    let folding = try! MatchFolding()

    func temporaryPath() -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("shuyu-tm-\(UUID().uuidString)")
        return folder.appendingPathComponent("tm.sqlite").path
    }

    func unit(_ zh: String, _ en: String, line: Int = 1) -> TranslationUnit {
        TranslationUnit(variants: [
            TranslationVariant(language: LanguageTag("zh-CN"), segment: Segment(zh)),
            TranslationVariant(language: LanguageTag("en-US"), segment: Segment(en)),
        ], origin: Origin(file: "test.tmx", line: line))
    }

    // Storing identical pairs once, codes and metadata: BackendTests, on both backends.

    /// `zh_CN` and `zh-CN` name one language: the pair is stored once, with a count of 2.
    @Test func languageCodesAreComparedBySubtags() throws {
        let store = try TranslationMemoryStore(path: temporaryPath())
        func pair(_ zh: String, _ en: String) -> TranslationUnit {
            TranslationUnit(variants: [TranslationVariant(language: LanguageTag(zh), segment: Segment("人工智能发展很快。")),
                                       TranslationVariant(language: LanguageTag(en), segment: Segment("AI is advancing fast."))])
        }
        let first = try store.importFiles([MemoryFile(path: "a.tmx", units: [pair("zh-CN", "en-US"), pair("zh_CN", "EN-us")])], folding: folding)
        #expect(first.added == 1 && first.merged == 1)
        let second = try store.importFiles([MemoryFile(path: "b.tmx", units: [pair("ZH-cn", "en_us"), pair("zh-TW", "en-US")])], folding: folding)
        #expect(second.added == 1 && second.merged == 1)
        #expect(try store.counts() == (distinct: 2, total: 4))
    }

    /// Units read during the import are stored like units read in advance; a file that
    /// turns out malformed halfway leaves the memory as it was.
    @Test func readersAreImportedAllOrNothing() throws {
        let units = (0..<5000).map { unit("第\($0)句：人工智能发展很快。", "Sentence \($0): AI is advancing fast.", line: $0 + 1) }
        let streamed = try TranslationMemoryStore(path: temporaryPath())
        let report = try streamed.importFiles([MemoryFile(path: "a.tsv", reader: ListReader(units, failingAfter: nil))], folding: folding)
        #expect(report.added == 5000)
        let inAdvance = try TranslationMemoryStore(path: temporaryPath())
        _ = try inAdvance.importFiles([MemoryFile(path: "a.tsv", units: units)], folding: folding)
        let query = "第4321句：人工智能发展得很快。"
        #expect(try streamed.match(query, minimum: 60, limit: 5, folding: folding).matches.map(\.unit.origin)
                == (try inAdvance.match(query, minimum: 60, limit: 5, folding: folding).matches.map(\.unit.origin)))

        #expect(throws: ReadFailure.self) {
            try streamed.importFiles([MemoryFile(path: "b.tsv", units: [unit("新句子。", "A new sentence.")]),
                                      MemoryFile(path: "c.tsv", reader: ListReader(units.map { unit($0.variants[0].segment.plainText + "！", "New") },
                                                                                   failingAfter: 3000))], folding: folding)
        }
        #expect(try streamed.counts() == (distinct: 5000, total: 5000))
        #expect(try streamed.match("新句子。", minimum: 60, limit: 5, folding: folding).matches.isEmpty)
    }

    @Test func indexAgreesWithAFullScanOnAMemory() throws {
        let store = try TranslationMemoryStore(path: temporaryPath())
        let phrases = ["人工智能", "大语言模型", "发展", "很快", "研究人员", "发布了", "新的", "开源", "数据集", "中国", "公司", "芯片", "训练", "推理"]
        var state: UInt64 = 1
        func next() -> Int { state = state &* 6364136223846793005 &+ 1442695040888963407; return Int(state >> 33) }
        var units: [TranslationUnit] = []
        for k in 0..<1200 {
            let zh = (0..<(2 + next() % 6)).map { _ in phrases[next() % phrases.count] }.joined() + "。"
            units.append(unit(zh, "sentence \(k)"))
        }
        // Two imports, so that lists span several blocks.
        _ = try store.importFiles([MemoryFile(path: "a", units: Array(units.prefix(700)))], folding: folding)
        _ = try store.importFiles([MemoryFile(path: "b", units: Array(units.dropFirst(700)))], folding: folding)
        for k in stride(from: 0, to: 1200, by: 37) {
            var query = Array(units[k].variants[0].segment.plainText)
            query.remove(at: next() % query.count)
            for minimum in [60, 75, 90] {
                let indexed = try store.match(String(query), minimum: minimum, limit: 1000, folding: folding).matches
                let scanned = try store.matchByScanning(String(query), minimum: minimum, limit: 1000, folding: folding)
                #expect(indexed.map(\.unit.id) == scanned.map(\.id))
                #expect(indexed.map(\.score.score) == scanned.map(\.score.score))
            }
        }
    }

    @Test func concordanceFindsTermsOnEitherSide() throws {
        let store = try TranslationMemoryStore(path: temporaryPath())
        _ = try store.importFiles([MemoryFile(path: "a", units: [
            unit("大语言模型正在改变翻译。", "Large language models are changing translation."),
            unit("这个模型很大。", "This model is large."),
            unit("語言模型", "language model"),
        ])], folding: folding)
        #expect(try store.concordance("语言模型", limit: 10, folding: folding).map(\.unit.id) == [1, 3])
        #expect(try store.concordance("模", limit: 10, folding: folding).count == 3)
        #expect(try store.concordance("Language Model", limit: 10, folding: folding).map(\.unit.id) == [3])
        #expect(try store.concordance("model", limit: 10, folding: folding).map(\.unit.id) == [2, 3])
    }

    @Test func refusesFilesItDidNotMake() throws {
        let path = temporaryPath()
        _ = try TranslationMemoryStore(path: path)
        let other = temporaryPath()
        try FileManager.default.createDirectory(atPath: (other as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data("not a database at all, just text".utf8).write(to: URL(fileURLWithPath: other))
        #expect(throws: StoreError.self) { try TranslationMemoryStore(path: other) }
        #expect(throws: StoreError.self) { try TranslationMemoryStore(path: temporaryPath(), create: false) }
    }
}
