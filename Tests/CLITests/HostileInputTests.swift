import Foundation
import Testing

/// Inputs translators really have: empty files, NUL bytes, lone CRs, folders that loop,
/// a folder given where a file is expected. Nothing may crash or hang.
@Suite struct HostileInputTests {
    @Test func emptyFileAndNULBytes() throws {
        let dir = try CLI.temporaryFolder()
        try Data().write(to: dir.appendingPathComponent("empty.md"))
        try Data("Stepfun [阶跃\u{0}星辰]\rDoubao [豆包]\r".utf8).write(to: dir.appendingPathComponent("odd.md"))
        let empty = try CLI.run(["extract", "--format", "json", "--no-glossary", "empty.md"], directory: dir)
        #expect(empty.status == 0)
        #expect(empty.stdout == "[]\n")
        let odd = try CLI.run(["extract", "--format", "jsonl", "--no-glossary", "odd.md"], directory: dir)
        #expect(odd.status == 0)
        #expect(odd.stdout.contains("\"zh\":\"豆包\",\"en\":\"Doubao\",\"kind\":\"bracket\",\"file\":\"odd.md\",\"line\":2"))
        #expect(try CLI.run(["check", "--no-glossary", "empty.md", "odd.md"], directory: dir).status == 0)
    }

    @Test func symlinkLoopsAreWalkedOnce() throws {
        let dir = try CLI.temporaryFolder()
        let docs = dir.appendingPathComponent("docs")
        try FileManager.default.createDirectory(at: docs, withIntermediateDirectories: true)
        try "Stepfun [阶跃星辰]\n".write(to: docs.appendingPathComponent("a.md"), atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(at: docs.appendingPathComponent("loop"), withDestinationURL: dir)
        let result = try CLI.run(["extract", "--format", "jsonl", "--no-glossary", "docs"], directory: dir)
        #expect(result.status == 0)
        #expect(result.stdout.split(separator: "\n").count == 1)
        #expect(try CLI.run(["check", "--no-glossary", "docs"], directory: dir).status == 0)
    }

    @Test func aFolderWhereAFileIsExpected() throws {
        let dir = try CLI.temporaryFolder()
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("folder.tsv"), withIntermediateDirectories: true)
        let result = try CLI.run(["glossary", "sort", "folder.tsv"], directory: dir)
        #expect(result.status == 2)
        #expect(result.stderr.contains("folder.tsv: error: is a directory, expected a file"))
        #expect(!result.stderr.contains("Fatal error"))
    }

    @Test func glossaryWithDuplicateAndEmptyRows() throws {
        let dir = try CLI.temporaryFolder()
        try "zh\ten\n卷王\tInvolution King\n卷王\tInvolution King\n\n\t\n".write(to: dir.appendingPathComponent("g.tsv"), atomically: true, encoding: .utf8)
        let result = try CLI.run(["segment", "--no-glossary", "--glossary", "g.tsv"], input: "卷王\n", directory: dir)
        #expect(result.status == 0)
        #expect(result.stdout == "卷王\n")
    }
}

@Suite struct InterruptedWriteTests {
    /// Killing `glossary import` at any moment leaves the glossary as it was or as it
    /// will be, never half-written (temporary file + fsync + rename).
    @Test func killedImportLeavesTheOldOrTheNewFile() throws {
        let dir = try CLI.temporaryFolder()
        var tsv = "zh\ten\n"
        for k in 0..<20_000 { tsv += "术语\(k)\tterm \(k)\n" }
        try tsv.write(to: dir.appendingPathComponent("big.tsv"), atomically: true, encoding: .utf8)
        let original = "# team\nzh\ten\n卷王\tInvolution King\n"
        let glossary = dir.appendingPathComponent("team.tsv")
        for delay in [0.02, 0.05, 0.1, 0.2, 0.4] {
            try original.write(to: glossary, atomically: true, encoding: .utf8)
            let process = try CLI.start(["glossary", "import", "big.tsv", "--into", "team.tsv"], directory: dir)
            Thread.sleep(forTimeInterval: delay)
            process.terminate()
            process.waitUntilExit()
            let text = try String(contentsOf: glossary, encoding: .utf8)
            #expect(text == original || (text.hasPrefix(original) && text.hasSuffix("\n") && text.contains("术语19999\tterm 19999")),
                    "after \(delay) s the glossary was \(text.utf8.count) bytes")
        }
    }

    /// Two imports into the same glossary at once both land: the second waits for the
    /// first (a lock on the folder) instead of overwriting it.
    @Test func concurrentImportsIntoOneGlossaryBothLand() throws {
        let dir = try CLI.temporaryFolder()
        for (name, prefix) in [("a.tsv", "甲"), ("b.tsv", "乙")] {
            var tsv = "zh\ten\n"
            for k in 0..<3000 { tsv += "\(prefix)\(k)\tterm \(prefix) \(k)\n" }
            try tsv.write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        try "zh\ten\n卷王\tInvolution King\n".write(to: dir.appendingPathComponent("team.tsv"), atomically: true, encoding: .utf8)
        let processes = try ["a.tsv", "b.tsv"].map { try CLI.start(["glossary", "import", $0, "--into", "team.tsv"], directory: dir) }
        for process in processes { process.waitUntilExit() }
        #expect(processes.allSatisfy { $0.terminationStatus == 0 })
        let text = try String(contentsOf: dir.appendingPathComponent("team.tsv"), encoding: .utf8)
        #expect(text.contains("卷王\tInvolution King"))
        #expect(text.contains("甲2999\tterm 甲 2999") && text.contains("乙2999\tterm 乙 2999"))
        #expect(text.split(separator: "\n").count == 6002)
    }
}

#if canImport(Glibc)
import Glibc
#endif

/// A 60 MB file on one line is read in pieces: memory stays far below the file's size.
@Suite struct HugeLineTests {
    @Test func sixtyMegabytesOnOneLineRunInBoundedMemory() throws {
        let dir = try CLI.temporaryFolder()
        let path = dir.appendingPathComponent("one-line.md").path
        // An original every kilobyte or so, in plain English prose.
        var chunk = ""
        while chunk.utf8.count < 1_000_000 {
            chunk += "The platform Moonshot AI [月之暗面] grew. "
            chunk += String(repeating: "Plain English prose goes on and on without anything to pair in it at all. ", count: 13)
        }
        #expect(FileManager.default.createFile(atPath: path, contents: nil))
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        for _ in 0..<60 { handle.write(Data(chunk.utf8)) }
        try handle.close()
        // Spawned and reaped here, so that its own peak memory can be read.
        var pid: pid_t = 0
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let arguments = [CLI.binary.path, "extract", "--format", "jsonl", "--no-glossary", path]
        let argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        #expect(posix_spawn(&pid, CLI.binary.path, &actions, nil, argv, environ) == 0)
        var status: Int32 = 0
        var usage = rusage()
        wait4(pid, &status, 0, &usage)
        #expect(status == 0)
        let peakMegabytes = usage.ru_maxrss / 1024
        #expect(peakMegabytes < 200, "peak memory \(peakMegabytes) MB for a 60 MB line")
    }
}
