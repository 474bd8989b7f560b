import ChineseText
import Foundation
import GRDB
import Store
import Testing

@Suite struct TermIndexTests {
    /// A dictionary large enough to be indexed in bulk (indexes dropped, rows inserted,
    /// indexes built again in the same transaction) is found by every kind of query and
    /// ends with every index in place; a small change afterwards goes row by row.
    @Test func aLargeDictionaryIsIndexedInBulkWithEveryIndex() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("shuyu-index-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var lines = ["# CC-CEDICT-format test dictionary", "銀行 银行 [yin2 hang2] /bank/"]
        for i in 0..<(TermIndex.bulkRows + 5_000) {
            let a = Character(Unicode.Scalar(0x4E00 + i / 150)!), b = Character(Unicode.Scalar(0x5000 + i % 150)!)
            lines.append("\(a)\(b) \(a)\(b) [ma1 ma1] /generated sense \(i)/")
        }
        let dictionary = folder.appendingPathComponent("cedict.u8")
        try lines.joined(separator: "\n").write(to: dictionary, atomically: true, encoding: .utf8)
        let path = folder.appendingPathComponent("index.sqlite").path
        let index = try TermIndex(path: path)
        let sources = IndexSources(dictionaries: [dictionary.path])
        let report = try index.refresh(sources, extractPairs: { _ in [] }, makePinyin: { PinyinConverter() })
        #expect(report.entries == TermIndex.bulkRows + 5_001)
        // The build is in the index file itself, not left in the write-ahead log for every
        // later reader to read (the index is still open here: nothing closed it cleanly).
        let log = try FileManager.default.attributesOfItem(atPath: path + "-wal")[.size] as? Int ?? -1
        #expect(log == 0)
        #expect(try index.lookup(.init("银行")).first?.senses == ["bank"])
        #expect(try index.lookup(.init("yinhang")).first?.zh == "银行")
        #expect(try index.lookup(.init("bank")).first?.zh == "银行")

        let names = try DatabaseQueue(path: path).read { db in
            try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'entries' AND sql IS NOT NULL")
        }
        #expect(Set(names) == Set(TermIndex.secondaryIndexes.map(\.name)))

        // A small change: the dictionary gains one entry.
        try (lines + ["長城 长城 [Chang2 cheng2] /the Great Wall/"]).joined(separator: "\n").write(to: dictionary, atomically: true, encoding: .utf8)
        _ = try index.refresh(sources, extractPairs: { _ in [] }, makePinyin: { PinyinConverter() })
        #expect(try index.lookup(.init("长城")).first?.senses == ["the Great Wall"])
    }

    /// Related and containing terms come from the glossaries and corpora, shortest first
    /// and then in code-point order, never the term itself; English matches put the
    /// glossaries before the dictionary and stop at the limit.
    @Test func relatedContainingAndEnglishOrder() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("shuyu-index-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let glossary = folder.appendingPathComponent("terms.tsv")
        try """
            zh\ten\tstatus
            卷王\tInvolution King\tapproved
            卷王之王\tking of the involution kings\tcandidate
            大卷王\tgreat involution king\tcandidate
            内卷\tinvolution\tapproved
            𠀀卷王\trare involution king\tcandidate

            """.write(to: glossary, atomically: true, encoding: .utf8)
        let dictionary = folder.appendingPathComponent("cedict.u8")
        try """
            王 王 [wang2] /king/surname Wang/
            國王 国王 [guo2 wang2] /king/CL:個|个[ge4]/
            王者 王者 [wang2 zhe3] /king-like person; the best of a kind/
            卷 卷 [juan3] /to roll up/

            """.write(to: dictionary, atomically: true, encoding: .utf8)
        let index = try TermIndex(path: folder.appendingPathComponent("index.sqlite").path)
        _ = try index.refresh(IndexSources(glossaries: [glossary.path], dictionaries: [dictionary.path]),
                              extractPairs: { _ in [] }, makePinyin: { PinyinConverter() })

        let king = try #require(try index.lookup(.init("卷王")).first)
        #expect(king.zh == "卷王")
        #expect(king.related == ["大卷王", "𠀀卷王", "卷王之王"])
        let roll = try index.lookup(.init("卷"), limit: 10).map(\.zh)
        #expect(roll.prefix(6) == ["卷", "内卷", "卷王", "大卷王", "𠀀卷王", "卷王之王"])
        // A whole dictionary sense first (plural or not), then glossary words, then other senses.
        let english = try index.lookup(.init("king"), limit: 4).map(\.zh)
        #expect(english.count == 4)
        #expect(english.prefix(2).sorted() == ["国王", "王"])
        #expect(english.suffix(2).allSatisfy { ["卷王", "卷王之王", "大卷王", "𠀀卷王"].contains($0) })
        #expect(try index.lookup(.init("Kings"), limit: 2).map(\.zh).sorted() == ["国王", "王"])
        #expect(try index.lookup(.init("roll"), limit: 10).map(\.zh) == ["卷"])
    }
}
