import BilingualCorpus
import Foundation

/// At least `bytes` of English with Chinese originals: the China Dream development
/// texts from ../shared/data when present, plus the project's Corpora/, repeated.
func englishWithOriginals(bytes: Int) -> (text: String, origin: String) {
    var parts: [String] = []
    var origins: [String] = []
    let chinaDream = sharedData.appendingPathComponent("china-dream-dev/text")
    if let names = try? FileManager.default.contentsOfDirectory(atPath: chinaDream.path) {
        for name in names.sorted() {
            if let text = try? String(contentsOf: chinaDream.appendingPathComponent(name), encoding: .utf8) { parts.append(text) }
        }
        origins.append("../shared/data/china-dream-dev")
    }
    let corpora = root.appendingPathComponent("Corpora")
    if let names = try? FileManager.default.contentsOfDirectory(atPath: corpora.path) {
        for name in names.sorted() where name.hasSuffix(".md") || name.hasSuffix(".txt") {
            if let text = try? String(contentsOf: corpora.appendingPathComponent(name), encoding: .utf8) { parts.append(text) }
        }
        origins.append("Corpora/")
    }
    let unit = parts.joined(separator: "\n")
    var out = ""
    while out.utf8.count < bytes && !unit.isEmpty { out += unit + "\n" }
    return (out, origins.joined(separator: " + "))
}

func benchmarkExtract() throws {
    let (text, origin) = englishWithOriginals(bytes: 10_500_000)
    let megabytes = Double(text.utf8.count) / 1e6
    let file = FileManager.default.temporaryDirectory.appendingPathComponent("shuyu-bench-extract.txt")
    try text.write(to: file, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(at: file) }
    print("\n## extract: \(fixed(megabytes, 1)) MB of English with Chinese originals from \(origin)")
    let extractor = try PairExtractor()
    var pairs = 0
    var grepTimes: [Double] = [], inProcess: [Double] = [], wholeProcess: [Double] = []
    let shuyu = root.appendingPathComponent(".build/release/shuyu").path
    for _ in 0..<5 {
        grepTimes.append(measure(runs: 1) { run("/bin/grep", ["-c", "\\[", file.path]) })
        // The library's whole-text call: batches of lines read on every core, as the CLI does.
        inProcess.append(measure(runs: 1) { pairs = extractor.extract(text, source: "bench").count })
        if FileManager.default.isExecutableFile(atPath: shuyu) {
            wholeProcess.append(measure(runs: 1) { run(shuyu, ["extract", "--no-glossary", "--format", "jsonl", file.path]) })
        }
    }
    let grep = median(grepTimes), inside = median(inProcess)
    print("| implementation | median s | MB/s | time relative to grep |")
    print("|---|---|---|---|")
    print("| `grep -c '\\['` (scan floor) | \(fixed(grep, 3)) | \(fixed(megabytes / grep, 1)) | 1.0 |")
    print("| PairExtractor in-process (\(pairs) pairs) | \(fixed(inside, 3)) | \(fixed(megabytes / inside, 1)) | \(fixed(inside / grep, 1)) |")
    if !wholeProcess.isEmpty {
        let whole = median(wholeProcess)
        print("| `shuyu extract --format jsonl` whole process | \(fixed(whole, 3)) | \(fixed(megabytes / whole, 1)) | \(fixed(whole / grep, 1)) |")
    }
    try benchmarkDensePairs(shuyu: shuyu)
}

/// The peers' English-with-originals input (`../shared/bench/inputs.py`: real text when the
/// evaluation data has it, else synthetic sentences with a pair in nearly every one), when present.
func benchmarkDensePairs(shuyu: String) throws {
    let peers = URL(fileURLWithPath: ProcessInfo.processInfo.environment["PEERS_DATA"] ?? (NSTemporaryDirectory() + "shuyu-peers-data"))
    let file = peers.appendingPathComponent("en_zh_text.txt")
    guard FileManager.default.fileExists(atPath: file.path), FileManager.default.isExecutableFile(atPath: shuyu) else {
        print("\n(../shared/bench's en_zh_text.txt not found: run ../shared/bench/inputs.py; skipped)")
        return
    }
    let megabytes = Double((try FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int) ?? 0) / 1e6
    var grepTimes: [Double] = [], wholeProcess: [Double] = []
    for _ in 0..<3 {
        grepTimes.append(measure(runs: 1) { run("/bin/grep", ["-c", "\\[", file.path]) })
        wholeProcess.append(measure(runs: 1) { run(shuyu, ["extract", "--no-glossary", "--format", "jsonl", file.path]) })
    }
    let grep = median(grepTimes), whole = median(wholeProcess)
    print("\n\(fixed(megabytes, 1)) MB of ../shared/bench's en_zh_text.txt: `shuyu extract --format jsonl` whole process \(fixed(whole, 3)) s, "
          + "\(fixed(megabytes / whole, 1)) MB/s; `grep -c '\\['` \(fixed(grep, 3)) s")
}

func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }

/// Runs a program with its output discarded.
func run(_ path: String, _ arguments: [String]) {
    run(path, arguments, in: nil)
}
