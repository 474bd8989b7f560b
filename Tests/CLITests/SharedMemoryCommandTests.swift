import Foundation
import PostgresClient
import Testing

/// `shuyu tm --store postgres://…`: the shared memory answers as the memory file does.
@Suite(.enabled(if: ProcessInfo.processInfo.environment["SHUYU_TEST_POSTGRES"] != nil,
                "PostgreSQL CLI tests skipped: set SHUYU_TEST_POSTGRES=postgres://USER@127.0.0.1:PORT/postgres to run them (.ci/run does)"))
struct SharedMemoryCommandTests {
    /// A new database on the test server, dropped after `body`.
    func withServer(_ body: (String) throws -> Void) throws {
        let admin = try PostgresConnection(url: ProcessInfo.processInfo.environment["SHUYU_TEST_POSTGRES"]!)
        let name = "shuyu_cli_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(16)
        try admin.execute("CREATE DATABASE \(name)")
        defer { _ = try? admin.execute("DROP DATABASE IF EXISTS \(name) WITH (FORCE)") }
        let base = ProcessInfo.processInfo.environment["SHUYU_TEST_POSTGRES"]!
        let scheme = base.range(of: "://")!.upperBound
        let slash = base[scheme...].firstIndex(of: "/") ?? base.endIndex
        try body(String(base[..<slash]) + "/" + name)
    }

    @Test func serverAndFileGiveTheSameAnswers() throws {
        try withServer { url in
            let dir = try CLI.temporaryFolder()
            try MemoryCommandTests.tmx.write(to: dir.appendingPathComponent("memory.tmx"), atomically: true, encoding: .utf8)
            let imported = try CLI.run(["tm", "import", "--store", url, "memory.tmx"], directory: dir)
            #expect(imported.status == 0 && imported.stderr.contains("3 units from 1 files: 3 added"), "\(imported.stderr)")
            #expect(try CLI.run(["tm", "import", "--tm", "tm.sqlite", "memory.tmx"], directory: dir).status == 0)
            for arguments in [["tm", "match", "--format", "json", "大语言模型正在改变翻译业。"],
                              ["tm", "match", "Click the Save button"],
                              ["tm", "concordance", "深度学习"],
                              ["tm", "export"], ["tm", "export", "--format", "tsv"]] {
                let server = try CLI.run(arguments + ["--store", url], directory: dir)
                let file = try CLI.run(arguments + ["--tm", "tm.sqlite"], directory: dir)
                #expect(server.status == 0 && server.stdout == file.stdout, "\(arguments): \(server.stderr)")
                #expect(!server.stdout.isEmpty)
            }
            // The same store from the project configuration.
            try "store = \"\(url)\"\n".write(to: dir.appendingPathComponent(".shuyu.toml"), atomically: true, encoding: .utf8)
            let configured = try CLI.run(["tm", "concordance", "Save"], directory: dir)
            #expect(configured.status == 0 && configured.stdout.contains("点击"))
        }
    }

    @Test func passwordsStayOutOfConfigurationAndMessages() throws {
        let dir = try CLI.temporaryFolder()
        try "store = \"postgres://ana:s3cret@127.0.0.1:1/team\"\n".write(to: dir.appendingPathComponent(".shuyu.toml"), atomically: true, encoding: .utf8)
        let configured = try CLI.run(["tm", "match", "你好"], directory: dir)
        #expect(configured.status == 2 && configured.stderr.contains("keep it in PGPASSWORD or ~/.pgpass"))
        #expect(!configured.stderr.contains("s3cret"))
        let unreachable = try CLI.run(["tm", "match", "--store", "postgres://ana:s3cret@127.0.0.1:1/team", "你好"], directory: dir)
        #expect(unreachable.status == 2 && unreachable.stderr.contains("postgres://ana:***@127.0.0.1:1/team: error: cannot connect"))
        #expect(!unreachable.stderr.contains("s3cret"))
        let both = try CLI.run(["tm", "match", "--store", "postgres://x@y/z", "--tm", "a.sqlite", "你好"], directory: dir)
        #expect(both.status == 2)
    }
}
