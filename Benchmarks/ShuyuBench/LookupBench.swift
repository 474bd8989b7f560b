import Foundation

/// Whole-process `shuyu lookup` against `grep -F` over the raw CC-CEDICT file, in the
/// same run, with CC-CEDICT plus the bundled Glossaries/ and Corpora/ indexed.
func benchmarkLookup() throws {
    let gz = sharedData.appendingPathComponent("cedict/cedict_1_0_ts_utf-8_mdbg.txt.gz")
    guard FileManager.default.fileExists(atPath: gz.path) else {
        print("\n## lookup: skipped (no \(gz.path))")
        return
    }
    // SHUYU_BIN measures another build, such as one linked with --static-swift-stdlib.
    let shuyu = ProcessInfo.processInfo.environment["SHUYU_BIN"] ?? root.appendingPathComponent(".build/release/shuyu").path
    guard FileManager.default.isExecutableFile(atPath: shuyu) else {
        print("\n## lookup: skipped (build first: swift build -c release)")
        return
    }
    // A throwaway project: links to the bundled glossaries and corpora, CC-CEDICT unpacked.
    let project = FileManager.default.temporaryDirectory.appendingPathComponent("shuyu-bench-lookup-\(getpid())")
    try FileManager.default.createDirectory(at: project, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: project) }
    for folder in ["Glossaries", "Corpora"] {
        try FileManager.default.createSymbolicLink(at: project.appendingPathComponent(folder), withDestinationURL: root.appendingPathComponent(folder))
    }
    let cedict = project.appendingPathComponent("cedict.txt")
    runShell("zcat '\(gz.path)' > '\(cedict.path)'")
    try "dictionaries = [\"cedict.txt\"]\n".write(to: project.appendingPathComponent(".shuyu.toml"), atomically: true, encoding: .utf8)

    // Index build: the bundled sources first, then CC-CEDICT alone.
    try "dictionaries = []\n".write(to: project.appendingPathComponent(".shuyu.toml"), atomically: true, encoding: .utf8)
    let bundled = measure(runs: 1) { run(shuyu, ["lookup", "卷王"], in: project) }
    try "dictionaries = [\"cedict.txt\"]\n".write(to: project.appendingPathComponent(".shuyu.toml"), atomically: true, encoding: .utf8)
    let build = measure(runs: 1) { run(shuyu, ["lookup", "卷王"], in: project) }
    print("\n## lookup: CC-CEDICT (122,143 entries) + bundled Glossaries/ and Corpora/, whole process, warm cache")
    print("index build: bundled sources \(fixed(bundled, 2)) s; CC-CEDICT added \(fixed(build, 2)) s (including that lookup)")
    // Two greps: the query anywhere (the fastest scan GNU grep has, a single fixed string),
    // and, for a Chinese query, the query as a simplified headword (` 卷王 [`, the pattern
    // ../shared/bench uses), which is what a dictionary lookup asks.
    print("| query | shuyu lookup median ms | grep -F QUERY median ms | ratio | grep -F ' QUERY [' (headword) median ms | ratio |")
    print("|---|---|---|---|---|---|")
    for query in ["卷王", "银行", "juanwang", "involution king", "bank"] {
        let isChinese = query.unicodeScalars.contains { $0.value >= 0x4E00 }
        var shuyuTimes: [Double] = [], grepTimes: [Double] = [], headwordTimes: [Double] = []
        for _ in 0..<11 {
            shuyuTimes.append(measure(runs: 1) { run(shuyu, ["lookup", query], in: project) })
            grepTimes.append(measure(runs: 1) { run("/bin/grep", ["-F", query, cedict.path], in: project) })
            if isChinese {
                headwordTimes.append(measure(runs: 1) { run("/bin/grep", ["-F", " \(query) [", cedict.path], in: project) })
            }
        }
        let s = median(shuyuTimes) * 1000, g = median(grepTimes) * 1000
        let headword = isChinese ? median(headwordTimes) * 1000 : 0
        let headwordColumns = isChinese ? "\(fixed(headword, 1)) | \(fixed(s / headword, 2))" : "— | —"
        print("| \(query) | \(fixed(s, 1)) | \(fixed(g, 1)) | \(fixed(s / g, 2)) | \(headwordColumns) |")
    }
    // ../shared/bench's `cedict-grep` row: three headwords in one scan.
    let threeHeadwords = (0..<11).map { _ in
        measure(runs: 1) { run("/bin/grep", ["-F", "-e", " 卷王 [", "-e", " 内卷 [", "-e", " 人工智能 [", cedict.path], in: project) }
    }
    print("../shared/bench's command `grep -F -e ' 卷王 [' -e ' 内卷 [' -e ' 人工智能 ['` (three headwords, one scan): "
          + "median \(fixed(median(threeHeadwords) * 1000, 1)) ms")
}

func runShell(_ command: String) {
    run("/bin/sh", ["-c", command], in: nil)
}

/// Runs a program with its output written to a scratch file, with posix_spawn (Foundation's
/// Process adds tens of milliseconds per launch, more than the commands being timed). Not to
/// /dev/null: GNU grep notices it and stops at the first match, which no reader of its
/// output would see.
func run(_ path: String, _ arguments: [String], in folder: URL?) {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 1, NSTemporaryDirectory() + "shuyu-bench-output-\(getpid())", O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    let previous = FileManager.default.currentDirectoryPath
    if let folder { _ = FileManager.default.changeCurrentDirectoryPath(folder.path) }
    defer { _ = FileManager.default.changeCurrentDirectoryPath(previous) }
    let argv: [UnsafeMutablePointer<CChar>?] = ([path] + arguments).map { strdup($0) } + [nil]
    defer { for pointer in argv { free(pointer) } }
    var pid: pid_t = 0
    guard posix_spawn(&pid, path, &actions, nil, argv, environ) == 0 else { return }
    var status: Int32 = 0
    waitpid(pid, &status, 0)
}
