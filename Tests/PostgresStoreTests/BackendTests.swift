import Foundation
import PostgresClient
import PostgresStore
import ShuyuTestSupport
import Store
import Testing
import TranslationMemory

/// A PostgreSQL server for the tests: `SHUYU_TEST_POSTGRES` names a database on it as a
/// role that may create databases (`.ci/run` starts a throwaway server and sets it).
/// Each test gets a database of its own, dropped afterwards.
enum TestServer {
    static let url = ProcessInfo.processInfo.environment["SHUYU_TEST_POSTGRES"]
    static var isConfigured: Bool { url != nil }
    static let howToEnable: Comment = """
        PostgreSQL backend tests skipped: set SHUYU_TEST_POSTGRES=postgres://USER@127.0.0.1:PORT/postgres \
        (a role that may create databases) to run them; .ci/run starts a throwaway server and sets it
        """

    /// Runs `body` with the URL of a new, empty database.
    static func withDatabase<T>(_ body: (String) throws -> T) throws -> T {
        let admin = try PostgresConnection(url: url!)
        let name = "shuyu_test_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(16)
        try admin.execute("CREATE DATABASE \(name)")
        defer { _ = try? admin.execute("DROP DATABASE IF EXISTS \(name) WITH (FORCE)") }
        return try body(databaseURL(name))
    }

    /// The test URL with its database replaced by `name`.
    static func databaseURL(_ name: String) -> String {
        let base = url!
        let query = base.firstIndex(of: "?").map { String(base[$0...]) } ?? ""
        let withoutQuery = base.firstIndex(of: "?").map { String(base[..<$0]) } ?? base
        let scheme = withoutQuery.range(of: "://")!.upperBound
        let slash = withoutQuery[scheme...].firstIndex(of: "/") ?? withoutQuery.endIndex
        return String(withoutQuery[..<slash]) + "/" + name + query
    }
}

/// The two backends, for tests that must hold for both.
enum Backend: String, CaseIterable, CustomTestStringConvertible {
    case sqlite, postgres

    var testDescription: String { rawValue }

    /// SQLite always; PostgreSQL when a test server is configured.
    static var available: [Backend] { TestServer.isConfigured ? allCases : [.sqlite] }

    /// Runs `body` with a new, empty memory on this backend, and a way to open it again
    /// (another connection, as another translator would).
    func withMemory<T>(_ body: (MemoryStore, () throws -> MemoryStore) throws -> T) throws -> T {
        switch self {
        case .sqlite:
            let path = FileManager.default.temporaryDirectory.appendingPathComponent("shuyu-backend-\(UUID().uuidString)/tm.sqlite").path
            return try body(try TranslationMemoryStore(path: path), { try TranslationMemoryStore(path: path) })
        case .postgres:
            return try TestServer.withDatabase { url in
                try body(try PostgresMemoryStore(url: url), { try PostgresMemoryStore(url: url) })
            }
        }
    }
}

func unit(_ zh: String, _ en: String, line: Int = 1) -> TranslationUnit {
    TranslationUnit(variants: [
        TranslationVariant(language: LanguageTag("zh-CN"), segment: Segment(zh)),
        TranslationVariant(language: LanguageTag("en-US"), segment: Segment(en)),
    ], origin: Origin(file: "test.tmx", line: line))
}

/// Sentences from a few phrases, seeded: many near neighbours, like a real memory.
func generatedUnits(_ count: Int, seed: UInt64) -> [TranslationUnit] {
    let phrases = ["人工智能", "大语言模型", "发展", "很快", "研究人员", "发布了", "新的", "开源", "数据集", "中国", "公司", "芯片", "训练", "推理"]
    let words = ["model", "data", "open", "chip", "training", "company", "new", "fast", "research", "release"]
    var random = SeededGenerator(seed: seed)
    return (0..<count).map { k in
        let zh = (0..<random.int(2...7)).map { _ in phrases[random.index(phrases.count)] }.joined() + "。"
        let en = (0..<random.int(3...9)).map { _ in words[random.index(words.count)] }.joined(separator: " ") + " \(k % 50)."
        return unit(zh, en, line: k + 1)
    }
}

/// What must hold on either backend.
@Suite struct BackendTests {
    let folding = try! MatchFolding()

    @Test(arguments: Backend.available)
    func storesIdenticalPairsOnceWithACount(_ backend: Backend) throws {
        try backend.withMemory { store, _ in
            let report = try store.importFiles([MemoryFile(path: "a.tmx", units: [
                unit("人工智能发展很快。", "AI is advancing fast."),
                unit("人工智能发展很快。", "AI is advancing fast.", line: 9),
                unit("人工智能发展很快。", "Artificial intelligence is developing rapidly."),
                TranslationUnit(variants: [TranslationVariant(language: LanguageTag("en"), segment: Segment("English only"))]),
            ])], folding: folding)
            #expect(report.added == 2 && report.merged == 1 && report.skipped == 1)
            let again = try store.importFiles([MemoryFile(path: "b.tsv", units: [
                unit("人工智能发展很快。", "AI is advancing fast."),
                TranslationUnit(variants: [TranslationVariant(language: LanguageTag("ZH_cn"), segment: Segment("人工智能发展很快。")),
                                           TranslationVariant(language: LanguageTag("EN-us"), segment: Segment("AI is advancing fast."))]),
            ])], folding: folding)
            #expect(again.added == 0 && again.merged == 2)
            #expect(try store.counts() == (distinct: 2, total: 5))
            let matches = try store.match("人工智能发展很快。", side: nil, minimum: 75, limit: 5, folding: folding).matches
            #expect(matches.map(\.score.score) == [100, 100])
            #expect(matches[0].unit.count == 4 && matches[0].target.segment.plainText == "AI is advancing fast.")
            #expect(matches[0].unit.origin == "test.tmx:1")
        }
    }

    /// A file that turns out malformed halfway imports nothing, on a memory with units
    /// and on an empty one.
    @Test(arguments: Backend.available)
    func importsAreAllOrNothing(_ backend: Backend) throws {
        let units = generatedUnits(3000, seed: 5)
        try backend.withMemory { store, _ in
            let failing = MemoryFile(path: "bad.tsv", reader: ListReader(units, failingAfter: 2100))
            #expect(throws: ReadFailure.self) { try store.importFiles([failing], folding: folding) }
            #expect(try store.counts() == (distinct: 0, total: 0))
            let report = try store.importFiles([MemoryFile(path: "a.tsv", reader: ListReader(units, failingAfter: nil))], folding: folding)
            let before = try store.counts()
            #expect(before.total == 3000 && report.added == before.distinct)
            let more = units.map { unit($0.variants[0].segment.plainText + "！", "More") }
            #expect(throws: ReadFailure.self) {
                try store.importFiles([MemoryFile(path: "c.tsv", reader: ListReader(more, failingAfter: 1400))], folding: folding)
            }
            #expect(try store.counts() == before)
        }
    }

    /// Either direction matches; codes, properties and the languages as written survive the store.
    @Test(arguments: Backend.available)
    func keepsCodesAndMetadata(_ backend: Backend) throws {
        let coded = TranslationUnit(variants: [
            TranslationVariant(language: LanguageTag("EN-US"), segment: Segment(parts: [
                .text("Click "), .code(InlineCode(kind: .placeholder, attributes: [Attribute(name: "x", value: "1")], content: [.text("<b/>")])),
                .text(" to save the file."),
            ])),
            TranslationVariant(language: LanguageTag("ZH-CN"), segment: Segment("点击保存文件。")),
        ], metadata: UnitMetadata(otherAttributes: [Attribute(name: "srclang", value: "EN-US")], properties: [Property(type: "x-project", value: "demo")]))
        try backend.withMemory { store, _ in
            _ = try store.importFiles([MemoryFile(path: "a.tmx", units: [coded])], folding: folding)
            let english = try store.match("Click to save the file.", side: nil, minimum: 75, limit: 5, folding: folding).matches
            #expect(english.count == 1 && english[0].side == .other && english[0].score.placeholderPenalty == 1)
            #expect(english[0].target.segment.plainText == "点击保存文件。")
            var exported: [TranslationUnit] = []
            try store.forEachUnit { exported.append($0.translationUnit) }
            #expect(exported.map(\.variants) == [coded.variants])
            #expect(exported[0].metadata == coded.metadata)
            #expect(exported[0].variants[0].language.written == "EN-US")
        }
    }

    /// The same memory on both backends answers every query identically, and the index
    /// finds everything a full scan finds. Twenty-six imports make lists span many
    /// blocks and set off compaction.
    @Test(.enabled(if: TestServer.isConfigured, TestServer.howToEnable))
    func bothBackendsReturnTheSameMatches() throws {
        var units = generatedUnits(2600, seed: 11)
        // Some units again, later: their counts go up on both backends alike.
        for k in stride(from: 0, to: 2600, by: 40) { units.insert(units[k], at: min(units.count, k * 2 + 7)) }
        let parts = stride(from: 0, to: units.count, by: 100).map { Array(units[$0..<min(units.count, $0 + 100)]) }
        try Backend.sqlite.withMemory { embedded, _ in
            try Backend.postgres.withMemory { server, _ in
                for (index, part) in parts.enumerated() {
                    let file = MemoryFile(path: "part\(index).tsv", units: part)
                    #expect(try embedded.importFiles([file], folding: folding) == server.importFiles([file], folding: folding))
                }
                #expect(try embedded.counts() == server.counts())
                #expect(try server.counts().total > server.counts().distinct)
                var random = SeededGenerator(seed: 3)
                for k in stride(from: 0, to: units.count, by: 53) {
                    var zh = Array(units[k].variants[0].segment.plainText)
                    for _ in 0..<random.int(0...2) { zh.remove(at: random.index(zh.count)) }
                    let english = units[k].variants[1].segment.plainText.split(separator: " ").dropFirst().joined(separator: " ")
                    for query in [String(zh), english] {
                        for minimum in [60, 75, 90] {
                            let a = try embedded.match(query, side: nil, minimum: minimum, limit: 50, folding: folding).matches
                            let b = try server.match(query, side: nil, minimum: minimum, limit: 50, folding: folding).matches
                            #expect(a.map(\.unit.id) == b.map(\.unit.id), "\(query) at \(minimum)")
                            #expect(a.map(\.score) == b.map(\.score))
                            #expect(a.map(\.target.segment) == b.map(\.target.segment))
                            let scanned = try server.matchByScanning(query, side: nil, minimum: minimum, limit: 50, folding: folding)
                            #expect(b.map(\.unit.id) == scanned.map(\.id))
                        }
                    }
                }
                for term in ["语言模型", "芯", "open data", "Chip"] {
                    let a = try embedded.concordance(term, limit: 30, folding: folding)
                    let b = try server.concordance(term, limit: 30, folding: folding)
                    #expect(a.map(\.unit.id) == b.map(\.unit.id) && !a.isEmpty, "\(term)")
                }
                var exported: ([StoredUnit], [StoredUnit]) = ([], [])
                try embedded.forEachUnit { exported.0.append($0) }
                try server.forEachUnit { exported.1.append($0) }
                #expect(exported.0.map(\.translationUnit) == exported.1.map(\.translationUnit))
                #expect(exported.0.map(\.count) == exported.1.map(\.count))
            }
        }
    }
}
