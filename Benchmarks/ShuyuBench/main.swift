// Shuyu benchmarks. Release build:  swift run -c release shuyu-bench [segment|extract|lookup|tm [SIZES]|check|server [SIZE]|all]
// Every figure is a ratio against a baseline measured in the same run on the same input.
import Foundation

let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
let sharedData = root.deletingLastPathComponent().appendingPathComponent("shared/data")

/// Median wall time of `runs` runs of `body`, in seconds.
func measure(runs: Int = 5, _ body: () -> Void) -> Double {
    var times: [Double] = []
    for _ in 0..<runs {
        let start = ContinuousClock.now
        body()
        let elapsed = ContinuousClock.now - start
        times.append(Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
    }
    return times.sorted()[times.count / 2]
}

func isMostlyHan(_ line: Substring) -> Bool {
    var han = 0, total = 0
    for scalar in line.unicodeScalars where !scalar.properties.isWhitespace {
        total += 1
        if (0x4E00...0x9FFF).contains(scalar.value) { han += 1 }
    }
    return total > 0 && han * 2 >= total
}

/// At least `bytes` of Chinese prose, one paragraph per line: real text from
/// ../shared/data when present (SIGHAN test sets, d2l), else the project's Corpora/.
func chineseText(bytes: Int) -> (text: String, origin: String) {
    var lines: [Substring] = []
    var origin = "Corpora/"
    let candidates = ["sighan2005_icwb2/testing/msr_test.utf8", "sighan2005_icwb2/testing/pku_test.utf8"]
    for name in candidates {
        if let text = try? String(contentsOf: sharedData.appendingPathComponent(name), encoding: .utf8) {
            lines += text.split(separator: "\n").filter(isMostlyHan)
            origin = "../shared/data (SIGHAN 2005 test texts)"
        }
    }
    if lines.isEmpty, let files = FileManager.default.enumerator(atPath: root.appendingPathComponent("Corpora").path) {
        for case let file as String in files {
            if let text = try? String(contentsOf: root.appendingPathComponent("Corpora").appendingPathComponent(file), encoding: .utf8) {
                lines += text.split(separator: "\n").filter(isMostlyHan)
            }
        }
    }
    var out = ""
    var i = 0
    while out.utf8.count < bytes && !lines.isEmpty {
        out += lines[i % lines.count]
        out += "\n"
        i += 1
    }
    return (out, origin)
}

let which = CommandLine.arguments.dropFirst().first ?? "all"
if which == "segment" || which == "all" {
    let (text, origin) = chineseText(bytes: 10_500_000)
    try benchmarkSegment(text: text, origin: origin)
}
if which == "extract" || which == "all" { try benchmarkExtract() }
if which == "lookup" || which == "all" { try benchmarkLookup() }
if which == "tm" || which == "all" { try benchmarkMemory() }
if which == "check" || which == "all" { try benchmarkCheck() }
if which == "server" || which == "all" { try benchmarkSharedStore() }
// The scratch file the timed programs write their output to (see `run`).
try? FileManager.default.removeItem(atPath: NSTemporaryDirectory() + "shuyu-bench-output-\(getpid())")
