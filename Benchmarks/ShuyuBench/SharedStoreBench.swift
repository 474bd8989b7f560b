import Foundation
import PostgresClient
import PostgresStore
import Store
import TranslationMemory

/// The shared store: the same memory in SQLite and on a PostgreSQL server over
/// loopback, matched by 1 and by 8 concurrent clients (each its own connection, each
/// running every query), in the same run. Also checks that both backends return the
/// same matches.
///
/// Needs `SHUYU_BENCH_POSTGRES`, a URL as a role that may create databases (the run
/// creates and drops `shuyu_bench`). The memory is the one `shuyu-bench tm` builds.
func benchmarkSharedStore() throws {
    guard let admin = ProcessInfo.processInfo.environment["SHUYU_BENCH_POSTGRES"] else {
        print("server: skipped: set SHUYU_BENCH_POSTGRES=postgres://USER@127.0.0.1:PORT/postgres (a role that may create databases)")
        return
    }
    let peers = URL(fileURLWithPath: ProcessInfo.processInfo.environment["PEERS_DATA"] ?? (NSTemporaryDirectory() + "shuyu-peers-data"))
    guard let queryText = try? String(contentsOf: peers.appendingPathComponent("queries.txt"), encoding: .utf8),
          let base = readPairs(peers.appendingPathComponent("tm_100k.tsv")) else {
        print("server: skipped: queries.txt / tm_100k.tsv missing in \(peers.path); run `python3 ../shared/bench/inputs.py` first")
        return
    }
    let queries = queryText.split(separator: "\n").map(String.init).filter { !$0.isEmpty }
    let size = CommandLine.arguments.count > 2 ? Int(CommandLine.arguments[2]) ?? 1_000_000 : 1_000_000
    let pairs = grow(base, to: size)
    let units = pairs.enumerated().map { index, pair in
        TranslationUnit(variants: [TranslationVariant(language: LanguageTag("zh-CN"), segment: Segment(pair.0)),
                                   TranslationVariant(language: LanguageTag("en"), segment: Segment(pair.1))],
                        origin: Origin(file: "bench.tsv", line: index + 2))
    }
    let folding = try MatchFolding()

    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("shuyu-server-bench")
    try? FileManager.default.removeItem(at: folder)
    let path = folder.appendingPathComponent("tm.sqlite").path
    let embedded = try TranslationMemoryStore(path: path)
    var start = ContinuousClock.now
    _ = try embedded.importFiles([MemoryFile(path: "bench.tsv", units: units)], folding: folding)
    let embeddedImport = seconds(ContinuousClock.now - start)

    let connection = try PostgresConnection(url: admin)
    try connection.execute("DROP DATABASE IF EXISTS shuyu_bench WITH (FORCE)")
    try connection.execute("CREATE DATABASE shuyu_bench")
    let scheme = admin.range(of: "://")!.upperBound
    let url = String(admin[..<(admin[scheme...].firstIndex(of: "/") ?? admin.endIndex)]) + "/shuyu_bench"
    let server = try PostgresMemoryStore(url: url)
    start = ContinuousClock.now
    _ = try server.importFiles([MemoryFile(path: "bench.tsv", units: units)], folding: folding)
    let serverImport = seconds(ContinuousClock.now - start)
    try PostgresConnection(url: url).execute("VACUUM ANALYZE")

    var same = 0
    for query in queries {
        let a = try embedded.match(query, minimum: 75, limit: 10, folding: folding).matches
        let b = try server.match(query, minimum: 75, limit: 10, folding: folding).matches
        if a.map(\.unit.id) == b.map(\.unit.id) && a.map(\.score) == b.map(\.score) { same += 1 }
    }

    print("## Shared store: \(size / 1000)k units, \(queries.count) queries (min 75, top 10), SQLite file vs PostgreSQL over loopback")
    print("import: SQLite \(Int(Double(size) / embeddedImport)) units/s, PostgreSQL \(Int(Double(size) / serverImport)) units/s; same matches on both: \(same)/\(queries.count)")
    print("| backend | clients | p50 ms | p99 ms | matches/s |")
    print("|---|---|---|---|---|")
    for clients in [1, 8] {
        for backend in ["SQLite", "PostgreSQL"] {
            let opened: [any MemoryStore] = try (0..<clients).map { _ -> any MemoryStore in
                if backend == "SQLite" { return try TranslationMemoryStore(path: path, create: false) }
                return try PostgresMemoryStore(url: url, create: false)
            }
            let timings = Timings()
            let group = DispatchGroup()
            let wall = ContinuousClock.now
            for store in opened {
                group.enter()
                let clientStore = UncheckedBox(store)
                Thread {
                    defer { group.leave() }
                    let clientFolding = try! clientStore.value.folding()
                    var times: [Double] = []
                    for query in queries {
                        let start = ContinuousClock.now
                        _ = try! clientStore.value.match(query, side: nil, minimum: 75, limit: 10, folding: clientFolding)
                        times.append(seconds(ContinuousClock.now - start))
                    }
                    timings.add(times)
                }.start()
            }
            group.wait()
            let elapsed = seconds(ContinuousClock.now - wall)
            let times = timings.all
            print("| \(backend) | \(clients) | \(fixed(percentile(times, 0.5) * 1000, 2)) | \(fixed(percentile(times, 0.99) * 1000, 2)) | \(Int(Double(times.count) / elapsed)) |")
        }
    }
    let shuyu = root.appendingPathComponent(".build/release/shuyu").path
    if FileManager.default.isExecutableFile(atPath: shuyu) {
        var line = "whole-process `shuyu tm match` p50:"
        for (name, arguments) in [("SQLite", ["--tm", path]), ("PostgreSQL", ["--store", url])] {
            var times: [Double] = []
            for query in queries.prefix(30) {
                let start = ContinuousClock.now
                run(shuyu, ["tm", "match"] + arguments + [query], in: nil)
                times.append(seconds(ContinuousClock.now - start))
            }
            line += " \(name) \(fixed(percentile(times, 0.5) * 1000, 1)) ms"
        }
        print(line)
    }
    // Lookup in a project with the bundled glossaries, which the server's termbase also
    // holds: with --store (a revision query, then the local index) and without.
    if FileManager.default.isExecutableFile(atPath: shuyu) {
        let project = folder.appendingPathComponent("project")
        try FileManager.default.createDirectory(at: project.appendingPathComponent("Glossaries"), withIntermediateDirectories: true)
        let glossaries = try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("Glossaries").path).filter { $0.hasSuffix(".tsv") }
        for name in glossaries {
            try FileManager.default.copyItem(at: root.appendingPathComponent("Glossaries/\(name)"), to: project.appendingPathComponent("Glossaries/\(name)"))
        }
        run(shuyu, ["glossary", "import", "--store", url] + glossaries.map { "Glossaries/\($0)" }, in: project)
        var line = "whole-process `shuyu lookup 卷王` p50:"
        for (name, arguments) in [("embedded index", ["lookup", "卷王"]), ("with --store", ["lookup", "卷王", "--store", url])] {
            run(shuyu, arguments, in: project)  // builds the index (and the termbase copy) once
            var times: [Double] = []
            for _ in 0..<21 {
                let start = ContinuousClock.now
                run(shuyu, arguments, in: project)
                times.append(seconds(ContinuousClock.now - start))
            }
            line += " \(name) \(fixed(percentile(times, 0.5) * 1000, 1)) ms"
        }
        print(line)
    }
    try? FileManager.default.removeItem(at: folder)
    try connection.execute("DROP DATABASE IF EXISTS shuyu_bench WITH (FORCE)")
}

/// Latencies from several client threads.
private final class Timings: @unchecked Sendable {
    private let lock = NSLock()
    private var times: [Double] = []
    var all: [Double] { lock.withLock { times } }
    func add(_ more: [Double]) { lock.withLock { times += more } }
}

/// A store handed to one client thread, which alone uses it.
private struct UncheckedBox<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}
