import Foundation
import PostgresClient
import PostgresStore
import ShuyuTestSupport
import Store
import Testing
import TranslationMemory

/// What only the server backend has: several translators at once, schema versions.
@Suite(.enabled(if: TestServer.isConfigured, TestServer.howToEnable))
struct ServerTests {
    let folding = try! MatchFolding()

    /// Readers during an import see the memory before it or after it, never half of it.
    @Test func readersSeeWholeImports() throws {
        try TestServer.withDatabase { url in
            let store = try PostgresMemoryStore(url: url)
            _ = try store.importFiles([MemoryFile(path: "a", units: generatedUnits(500, seed: 1))], folding: folding)
            let before = try store.counts()
            let units = generatedUnits(20_000, seed: 2)
            let done = Flag()
            let importer = Thread {
                let writer = try! PostgresMemoryStore(url: url)
                _ = try! writer.importFiles([MemoryFile(path: "b", reader: ListReader(units, failingAfter: nil))], folding: try! MatchFolding())
                done.set()
            }
            importer.start()
            var seen = Set<Int>()
            while !done.isSet {
                seen.insert(try store.counts().total)
            }
            let after = try store.counts()
            #expect(after.total == before.total + 20_000)
            #expect(seen.isSubset(of: [before.total, after.total]), "saw \(seen.sorted())")
        }
    }

    /// Two translators importing into one memory at once: both imports land, each unit
    /// once, with distinct ids.
    @Test func concurrentImportsBothLand() throws {
        try TestServer.withDatabase { url in
            _ = try PostgresMemoryStore(url: url)
            let first = generatedUnits(3000, seed: 7), second = generatedUnits(3000, seed: 8).map { unit($0.variants[0].segment.plainText, "B") }
            let group = DispatchGroup()
            let failures = Failures()
            for units in [first, second] {
                group.enter()
                Thread {
                    do {
                        let store = try PostgresMemoryStore(url: url)
                        _ = try store.importFiles([MemoryFile(path: "x", units: units)], folding: try MatchFolding())
                    } catch {
                        failures.add(error)
                    }
                    group.leave()
                }.start()
            }
            group.wait()
            #expect(failures.errors.isEmpty, "\(failures.errors)")
            let store = try PostgresMemoryStore(url: url)
            #expect(try store.counts().total == 6000)
            var ids = Set<Int64>()
            try store.forEachUnit { ids.insert($0.id) }
            #expect(ids.count == (try store.counts().distinct))
        }
    }

    /// A schema newer than this build is refused with a message; a database without
    /// one is not changed by a command that only reads.
    @Test func schemaVersionsAreChecked() throws {
        try TestServer.withDatabase { url in
            #expect(throws: StoreError.self) { try PostgresMemoryStore(url: url, create: false) }
            let admin = try PostgresConnection(url: url)
            #expect(try admin.query("SELECT to_regnamespace('shuyu') IS NULL").int(0, 0) == 1)
            _ = try PostgresMemoryStore(url: url)
            try admin.execute("UPDATE shuyu.schema_version SET version = 99")
            do {
                _ = try PostgresMemoryStore(url: url)
                Issue.record("a newer schema was accepted")
            } catch let error as StoreError {
                #expect(error.description.contains("schema has version 99") && error.description.contains("upgrade Shuyu"))
            }
        }
    }
}

final class Flag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    var isSet: Bool { lock.withLock { value } }
    func set() { lock.withLock { value = true } }
}

final class Failures: @unchecked Sendable {
    private let lock = NSLock()
    private var list: [any Error] = []
    var errors: [any Error] { lock.withLock { list } }
    func add(_ error: any Error) { lock.withLock { list.append(error) } }
}
