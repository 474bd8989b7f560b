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

/// `shuyu glossary --store`, `lookup --store` and `extract --merge-into postgres://…`.
@Suite(.enabled(if: ProcessInfo.processInfo.environment["SHUYU_TEST_POSTGRES"] != nil,
                "PostgreSQL CLI tests skipped: set SHUYU_TEST_POSTGRES=postgres://USER@127.0.0.1:PORT/postgres to run them (.ci/run does)"))
struct SharedTermbaseCommandTests {
    @Test func translatorsShareOneTermbase() throws {
        try SharedMemoryCommandTests().withServer { url in
            let dir = try CLI.temporaryFolder()
            try "zh\ten\tstatus\tdefinition\n卷王\tInvolution King\tcandidate\tthe winner of the rat race\n".write(
                to: dir.appendingPathComponent("terms.tsv"), atomically: true, encoding: .utf8)
            let imported = try CLI.run(["glossary", "import", "terms.tsv", "--store", url], directory: dir)
            #expect(imported.status == 0 && imported.stderr.contains("added 1 rows"), "\(imported.stderr)")
            // Another translator, in another folder, finds it.
            let other = try CLI.temporaryFolder()
            let found = try CLI.run(["lookup", "juanwang", "--store", url], directory: other)
            #expect(found.status == 0 && found.stdout.contains("Involution King") && found.stdout.contains("the winner of the rat race"), "\(found.stderr)")
            let exported = try CLI.run(["glossary", "export", "--store", url, "--format", "tsv"], directory: dir)
            #expect(exported.stdout.hasPrefix("zh\ten\tpinyin\tstatus\tdefinition\tnote\tdomain\tsource\tversion\n卷王\tInvolution King\tjuǎn wáng\tcandidate\t"))
            #expect(exported.stdout.hasSuffix("\t1\n"))
            let approved = try CLI.run(["glossary", "status", "卷王", "involution kings", "approved", "--if-version", "1", "--store", url], directory: dir)
            #expect(approved.status == 0 && approved.stdout == "卷王\tInvolution King\tapproved\tversion 2\t(was candidate)\n", "\(approved.stderr)")
            let stale = try CLI.run(["glossary", "status", "卷王", "Involution King", "forbidden", "--if-version", "1", "--store", url], directory: other)
            #expect(stale.status == 1 && stale.stderr.contains("conflict:") && stale.stderr.contains("approved at version 2"))
            // The lookup copy follows the server.
            let again = try CLI.run(["lookup", "卷王", "--store", url, "--format", "tsv"], directory: other)
            #expect(again.stdout.contains("approved"))
            // With the server out of reach, the copy answers, with a warning.
            let offline = try CLI.run(["lookup", "卷王", "--store", "postgres://shuyu@127.0.0.1:1/none", "--format", "tsv"], directory: other)
            #expect(offline.status == 0 && offline.stdout.contains("approved"))
            #expect(offline.stderr.contains("cannot connect") && offline.stderr.contains("may be out of date"))
            // Extracted pairs come in as candidates.
            try "Stepfun [阶跃星辰] released a model.\n".write(to: dir.appendingPathComponent("draft.md"), atomically: true, encoding: .utf8)
            let merged = try CLI.run(["extract", "--no-glossary", "--merge-into", url, "draft.md"], directory: dir)
            #expect(merged.status == 0 && merged.stderr.contains("added 1 candidate rows"), "\(merged.stderr)")
            let tbx = try CLI.run(["glossary", "export", "--store", url], directory: dir)
            #expect(tbx.stdout.contains("阶跃星辰") && tbx.stdout.contains("Stepfun"))
        }
    }
}
