import Foundation
import GRDB
@testable import Store
import Testing

/// The read-only connection lookups use reads what GRDB wrote, value for value.
@Suite struct SQLiteReaderTests {
    @Test func readsTextsNumbersAndNullsWithArgumentsRebound() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("shuyu-reader-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("t.sqlite").path
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in
            try db.execute(sql: "CREATE TABLE t(zh TEXT, n INTEGER, x REAL, note TEXT)")
            try db.execute(sql: "INSERT INTO t VALUES ('卷王', 9007199254740993, 1.5, NULL), ('', 2, 2.25, '𠀀😀'), ('内卷', 3, NULL, 'a')")
        }
        let reader = try SQLiteReader(path: path)
        try reader.read { db in
            let rows = try db.rows("SELECT zh, n, x, note FROM t WHERE n > ? ORDER BY n", [.integer(1)])
            #expect(rows.map { $0.string("zh") } == ["", "内卷", "卷王"])
            #expect(rows.map { $0.int("n") } == [2, 3, 9_007_199_254_740_993])  // exact beyond a double's 2^53
            #expect(rows.map { $0.double("x") } == [2.25, 0, 1.5])               // NULL reads as zero
            #expect(rows.map { $0.string("note") } == ["𠀀😀", "a", ""])          // and as an empty string
            #expect(rows.first?.string("missing") == "")
            // The same statement again with other arguments (cached, rebound).
            #expect(try db.strings("SELECT zh FROM t WHERE zh = ?", [.text("内卷")]) == ["内卷"])
            #expect(try db.strings("SELECT zh FROM t WHERE zh = ?", [.text("")]) == [""])
            #expect(try db.strings("SELECT zh FROM t WHERE zh = ?", [.text("卷")]).isEmpty)
            #expect(try db.integer("SELECT count(*) FROM t") == 3)
            #expect(try db.integer("SELECT n FROM t WHERE 0") == nil)
        }
        #expect(throws: StoreError.self) { try reader.read { try $0.strings("SELECT nothing FROM nowhere") } }
        #expect(throws: StoreError.self) { try SQLiteReader(path: folder.appendingPathComponent("none.sqlite").path) }
    }
}
