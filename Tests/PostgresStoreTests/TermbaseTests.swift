import Foundation
import PostgresStore
import Store
import Terminology
import Testing

/// The shared termbase: imports with the glossary file's rules, and changes by several
/// translators at once.
@Suite(.enabled(if: TestServer.isConfigured, TestServer.howToEnable))
struct TermbaseTests {
    let pinyin: (String) -> String = { _ in "" }

    @Test func importsFollowTheGlossaryRules() throws {
        try TestServer.withDatabase { url in
            let termbase = try PostgresTermbase(url: url)
            let first = try termbase.importEntries([
                TermEntry(zh: "卷王", en: "Involution King", pinyin: "juǎn wáng", definition: "the winner of the rat race"),
                TermEntry(zh: "内卷", en: "involution", status: .approved, extra: ["project": "newsletter"]),
            ], pinyin: pinyin)
            #expect(first.added == 2 && first.alreadyPresent == 0 && first.conflicts.isEmpty)
            let revision = try termbase.revision()
            let second = try termbase.importEntries([
                TermEntry(zh: "卷王", en: "involution kings"),  // the same rendering, up to case and plural
                TermEntry(zh: "卷王", en: "grind champion", status: .approved),
            ], pinyin: pinyin)
            #expect(second.added == 1 && second.alreadyPresent == 1)
            #expect(second.conflicts.count == 1 && second.conflicts[0].contains("approves 'Involution King'"))
            #expect(try termbase.revision() != revision)
            let rows = try termbase.entries().sorted { ($0.entry.zh, $0.entry.en) < ($1.entry.zh, $1.entry.en) }
            #expect(rows.count == 3)
            let grind = rows.first { $0.entry.en == "grind champion" }!
            #expect(grind.entry.status == .candidate && grind.entry.note.contains("differs from approved"))
            #expect(rows.first { $0.entry.en == "involution" }!.entry.extra == ["project": "newsletter"])
            #expect(rows.allSatisfy { $0.version == 1 })
            // Nothing new: the revision stays, so caches stay.
            let unchanged = try termbase.revision()
            _ = try termbase.importEntries([TermEntry(zh: "内卷", en: "Involution")], pinyin: pinyin)
            #expect(try termbase.revision() == unchanged)
        }
    }

    /// Two translators changing different renderings of one term at once both land; two
    /// changing the same rendering from the same version: one lands, the other gets a
    /// conflict and changes nothing.
    @Test func concurrentChangesNeverOverwriteEachOther() throws {
        try TestServer.withDatabase { url in
            let termbase = try PostgresTermbase(url: url)
            _ = try termbase.importEntries([TermEntry(zh: "卷王", en: "Involution King", status: .candidate),
                                            TermEntry(zh: "卷王", en: "grind champion", status: .candidate)], pinyin: pinyin)
            let different = together(url: url, zh: "卷王", [("Involution King", .approved), ("grind champion", .deprecated)])
            #expect(different.allSatisfy { (try? $0.get()) == 2 })
            _ = try termbase.importEntries([TermEntry(zh: "内卷", en: "involution", status: .candidate)], pinyin: pinyin)
            let racing = together(url: url, zh: "内卷", [("involution", .approved), ("involution", .forbidden)])
            let landed = racing.compactMap { try? $0.get() }
            let conflicts = racing.filter { if case .failure(let error) = $0 { return error is PostgresTermbase.Conflict } else { return false } }
            #expect(landed == [2] && conflicts.count == 1)
            let row = try termbase.entries().first { $0.entry.zh == "内卷" }!
            #expect(row.version == 2 && [.approved, .forbidden].contains(row.entry.status))
            // Based on the version now there, the change lands.
            let change = try termbase.setStatus(zh: "内卷", en: "Involution", to: .deprecated, expected: 2)
            #expect(change.version == 3 && change.en == "involution" && [.approved, .forbidden].contains(change.previous))
            #expect(throws: StoreError.self) { try termbase.setStatus(zh: "内卷", en: "no such rendering", to: .approved, expected: nil) }
        }
    }

    /// Runs each change on its own connection and thread, all based on version 1.
    func together(url: String, zh: String, _ changes: [(en: String, status: TermStatus)]) -> [Result<Int64, any Error>] {
        let results = ResultBox(count: changes.count)
        let group = DispatchGroup()
        for (index, change) in changes.enumerated() {
            group.enter()
            Thread {
                results.set(index, Result { try PostgresTermbase(url: url).setStatus(zh: zh, en: change.en, to: change.status, expected: 1).version })
                group.leave()
            }.start()
        }
        group.wait()
        return results.values
    }
}

final class ResultBox: @unchecked Sendable {
    private let lock = NSLock()
    private var list: [Result<Int64, any Error>]
    init(count: Int) { list = Array(repeating: .success(-1), count: count) }
    var values: [Result<Int64, any Error>] { lock.withLock { list } }
    func set(_ index: Int, _ value: Result<Int64, any Error>) { lock.withLock { list[index] = value } }
}
