import BilingualCorpus
import DraftCheck
import Foundation

/// `shuyu check` on English with originals (the text `shuyu-bench extract` uses), in
/// process at three sizes (to show it is linear) and as a whole process, against
/// autocorrect-py's Markdown lint on the same file in the same run when the peer
/// tools are installed (../shared/bench/setup.sh).
func benchmarkCheck() throws {
    let (text, origin) = englishWithOriginals(bytes: 10_500_000)
    let file = FileManager.default.temporaryDirectory.appendingPathComponent("shuyu-check-bench.md")
    try text.write(to: file, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(at: file) }
    let extractor = try PairExtractor()
    print("## check (\(origin))")
    print("| input | Shuyu in-process | MB/s |")
    print("|---|---|---|")
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    for fraction in [4, 2, 1] {
        let part = lines.prefix(lines.count / fraction).joined(separator: "\n")
        let megabytes = Double(part.utf8.count) / 1e6
        var findings = 0
        let time = measure(runs: 3) {
            let document = DraftDocument(text: part, source: "bench.md", extractor: extractor)
            findings = Checker().check([document]).count
        }
        print("| \(fixed(megabytes, 1)) MB (\(findings) findings) | \(fixed(time, 2)) s | \(fixed(megabytes / time, 1)) |")
    }
    let megabytes = Double(text.utf8.count) / 1e6
    var document: DraftDocument?
    let prepare = measure(runs: 3) { document = DraftDocument(text: text, source: "bench.md", extractor: extractor) }
    let rules = measure(runs: 3) { _ = Checker().check([document!]) }
    print("of which: reading the document (lines, masks, pairs) \(fixed(prepare, 2)) s, the rules \(fixed(rules, 2)) s")
    let shuyu = root.appendingPathComponent(".build/release/shuyu").path
    if FileManager.default.isExecutableFile(atPath: shuyu) {
        let time = measure(runs: 3) { run(shuyu, ["check", "--format", "json", file.path], in: nil) }
        print("whole process `shuyu check --format json`: \(fixed(time, 2)) s, \(fixed(megabytes / time, 1)) MB/s")
    }
    let venv = ProcessInfo.processInfo.environment["PEERS_VENV"]
        ?? FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".cache/shuyu-peers-venv").path
    let tasks = sharedData.deletingLastPathComponent().appendingPathComponent("bench/tasks.py").path
    if FileManager.default.isExecutableFile(atPath: venv + "/bin/python"), FileManager.default.fileExists(atPath: tasks) {
        let output = capture(venv + "/bin/python", [tasks, "autocorrect", "--mode", "lint", "--text", file.path])
        if let data = output.split(separator: "\n").last.map({ Data($0.utf8) }),
           let result = try? JSONSerialization.jsonObject(with: data) as? [String: Any], let rate = result["MBps"] as? Double {
            print("autocorrect-py lint_for(md), same file, same run: \(fixed(rate, 1)) MB/s in-process (\(result["lint_findings"] ?? "?") findings)")
        } else {
            print("autocorrect-py: no result (\(output.prefix(200)))")
        }
    } else {
        print("autocorrect-py: not installed (run ../shared/bench/setup.sh); skipped")
    }
}

/// Runs a program and returns its standard output.
func capture(_ path: String, _ arguments: [String]) -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: path)
    process.arguments = arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = FileHandle.nullDevice
    guard (try? process.run()) != nil else { return "" }
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return String(decoding: data, as: UTF8.self)
}
