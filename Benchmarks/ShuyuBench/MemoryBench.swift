import Foundation
import ShuyuTestSupport
import Store
import TranslationMemory

/// Translation memory: import speed, in-process and whole-process match latency at
/// 10k, 100k and 1M segments, with recall checked against a brute-force scan of the
/// same memory (the baseline, timed in the same run).
///
/// Memories: the peer benchmark's `tm_10k.tsv` and `tm_100k.tsv` (real zh→en pairs
/// from ../shared/data, padded with synthetic ones; see ../shared/bench/inputs.py) and
/// its 100 queries (25 exact, 25 one edit, 25 two edits, 25 unseen). The 1M memory is
/// the 100k one plus seeded variations of its pairs (1–3 character edits on the Chinese
/// side, one word on the English side).
func benchmarkMemory() throws {
    let peers = URL(fileURLWithPath: ProcessInfo.processInfo.environment["PEERS_DATA"]
        ?? (NSTemporaryDirectory() + "shuyu-peers-data"))
    let queriesFile = peers.appendingPathComponent("queries.txt")
    guard let queryText = try? String(contentsOf: queriesFile, encoding: .utf8) else {
        print("tm: skipped: \(queriesFile.path) is missing; run `python3 ../shared/bench/inputs.py` first")
        return
    }
    let queries = queryText.split(separator: "\n").map(String.init).filter { !$0.isEmpty }
    guard let base = readPairs(peers.appendingPathComponent("tm_100k.tsv")), let small = readPairs(peers.appendingPathComponent("tm_10k.tsv")) else {
        print("tm: skipped: tm_10k.tsv / tm_100k.tsv missing in \(peers.path)")
        return
    }
    let sizes = CommandLine.arguments.count > 2 ? CommandLine.arguments[2].split(separator: ",").compactMap { Int($0) } : [10_000, 100_000, 1_000_000]
    let folding = try MatchFolding()
    let shuyu = root.appendingPathComponent(".build/release/shuyu").path
    print("## Translation memory (\(queries.count) queries, min 75, top 10)")
    print("| memory | import units/s (in-process / whole process) | in-process p50 / p99 ms | brute-force scan p50 ms | speed-up p50 | recall vs scan | whole process p50 ms | candidates scored (mean) | db MB | match RSS MB |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for size in sizes {
        let pairs = size <= small.count ? Array(small.prefix(size)) : grow(base, to: size)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("shuyu-tm-bench-\(size)")
        try? FileManager.default.removeItem(at: folder)
        let path = folder.appendingPathComponent("tm.sqlite").path
        let store = try TranslationMemoryStore(path: path)
        let units = pairs.enumerated().map { index, pair in
            TranslationUnit(variants: [TranslationVariant(language: LanguageTag("zh-CN"), segment: Segment(pair.0)),
                                       TranslationVariant(language: LanguageTag("en"), segment: Segment(pair.1))],
                            origin: Origin(file: "bench.tsv", line: index + 2))
        }
        // Both imports start with no dirty pages pending: the kernel writing back the
        // previous memory's 500 MB while the next import runs measured the disk, not Shuyu.
        sync()
        let importStart = ContinuousClock.now
        _ = try store.importFiles([MemoryFile(path: "bench.tsv", units: units)], folding: folding)
        let importSeconds = seconds(ContinuousClock.now - importStart)
        // The same pairs through `shuyu tm import` of a TSV file: reading, start-up and all.
        var processImport = "—"
        if FileManager.default.isExecutableFile(atPath: shuyu) {
            let tsv = folder.appendingPathComponent("pairs.tsv")
            var text = "zh\ten\n"
            for pair in pairs { text += "\(pair.0)\t\(pair.1)\n" }
            try text.write(to: tsv, atomically: false, encoding: .utf8)
            sync()
            let start = ContinuousClock.now
            run(shuyu, ["tm", "import", "--tm", folder.appendingPathComponent("cli.sqlite").path, tsv.path], in: nil)
            processImport = String(Int(Double(size) / seconds(ContinuousClock.now - start)))
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: folder.appendingPathComponent("cli.sqlite").path + suffix) }
        }
        if ProcessInfo.processInfo.environment["SHUYU_BENCH_IMPORT_ONLY"] != nil {
            print("| \(size / 1000)k | \(Int(Double(size) / importSeconds)) / \(processImport) | import only |")
            continue
        }

        // The brute-force reference: every stored Chinese text, folded and tokenized once.
        var stored: [StoredText] = []
        try store.forEachUnit { unit in
            let text = unit.zh.segment.plainText
            stored.append(StoredText(id: unit.id, text: text))
        }
        let tokenized = stored.map { MatchTokens($0.text, folding: folding) }

        var indexTimes: [Double] = [], scanTimes: [Double] = []
        var agree = 0, scoredTotal = 0
        for query in queries {
            let start = ContinuousClock.now
            let result = try store.match(query, minimum: 75, limit: 10, folding: folding)
            indexTimes.append(seconds(ContinuousClock.now - start))
            scoredTotal += result.statistics.scored
            if ProcessInfo.processInfo.environment["SHUYU_BENCH_VERBOSE"] != nil, indexTimes.last! > 0.01 {
                let s = result.statistics
                print("  slow \(fixed(indexTimes.last! * 1000, 1)) ms: items \(s.items) lists \(s.listsRead) entries \(s.entriesRead) candidates \(s.candidates) scored \(s.scored) matches \(result.matches.count): \(query)")
            }

            let scanStart = ContinuousClock.now
            let search = FuzzySearch(query: query, side: .chinese, minimum: 75, folding: folding)
            var hits: [(Int64, Int)] = []
            for (index, tokens) in tokenized.enumerated() {
                if let score = MatchScore.score(query: search.tokens, source: tokens, identical: stored[index].text == query, minimum: 75) {
                    hits.append((stored[index].id, score.score))
                }
            }
            hits.sort { ($0.1, -$0.0) > ($1.1, -$1.0) }
            scanTimes.append(seconds(ContinuousClock.now - scanStart))
            let expected = hits.prefix(10).map { "\($0.0):\($0.1)" }
            let got = result.matches.map { "\($0.unit.id):\($0.score.score)" }
            if expected == got { agree += 1 } else { print("  recall mismatch for \(query): index \(got) scan \(expected)") }
        }

        var processTimes: [Double] = []
        var rss = 0
        if FileManager.default.isExecutableFile(atPath: shuyu) {
            for query in queries.prefix(30) {
                let start = ContinuousClock.now
                run(shuyu, ["tm", "match", "--tm", path, query], in: nil)
                processTimes.append(seconds(ContinuousClock.now - start))
            }
            // Peak memory of one whole-process match, from GNU time (getrusage's figure for
            // children spawned from this large process would be this process's own).
            let report = folder.appendingPathComponent("time.txt").path
            if FileManager.default.isExecutableFile(atPath: "/usr/bin/time") {
                run("/usr/bin/time", ["-f", "%M", "-o", report, shuyu, "tm", "match", "--tm", path, queries[0]], in: nil)
                rss = (Int((try? String(contentsOfFile: report, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "") ?? 0) / 1024
            }
        }
        let bytes = ["", "-wal"].reduce(0) { $0 + ((try? FileManager.default.attributesOfItem(atPath: path + $1)[.size] as? Int) ?? 0) }
        let p50 = percentile(indexTimes, 0.5) * 1000, p99 = percentile(indexTimes, 0.99) * 1000
        let scan = percentile(scanTimes, 0.5) * 1000
        print("| \(size / 1000)k | \(Int(Double(size) / importSeconds)) / \(processImport) | \(fixed(p50, 2)) / \(fixed(p99, 2)) | \(fixed(scan, 1)) | \(fixed(scan / p50, 0))× | \(agree)/\(queries.count) | \(processTimes.isEmpty ? "—" : fixed(percentile(processTimes, 0.5) * 1000, 1)) | \(scoredTotal / queries.count) | \(bytes / 1_000_000) | \(rss) |")
        try? FileManager.default.removeItem(at: folder)
    }
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    print("benchmark process peak RSS: \(usage.ru_maxrss / 1024) MB (includes the brute-force copy of the memory)")
}

func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
}

func percentile(_ values: [Double], _ p: Double) -> Double {
    let sorted = values.sorted()
    return sorted[min(sorted.count - 1, Int(Double(sorted.count - 1) * p + 0.5))]
}

/// Pairs of a two-column TSV (`zh<TAB>en`), skipping a header row.
func readPairs(_ url: URL) -> [(String, String)]? {
    guard let text = try? String(contentsOf: url, encoding: .utf8) else { return nil }
    var pairs: [(String, String)] = []
    for line in text.split(separator: "\n") {
        let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
        guard fields.count >= 2, fields[0] != "zh", fields[0] != "source" else { continue }
        pairs.append((String(fields[0]), String(fields[1])))
    }
    return pairs
}

/// `base` followed by seeded variations of its pairs, `count` pairs in all.
func grow(_ base: [(String, String)], to count: Int) -> [(String, String)] {
    var random = SeededGenerator(seed: 20_261_129)
    func next() -> Int { Int(random.next() >> 1) }
    // Sorted: a Set's order changes from process to process, and so would the memory.
    let alphabet = Set(base.prefix(20_000).flatMap { Array($0.0) }.filter { $0.unicodeScalars.first!.value >= 0x4E00 }).sorted()
    let words = Set(base.prefix(20_000).flatMap { $0.1.split(separator: " ").map(String.init) }).sorted()
    var pairs = base
    pairs.reserveCapacity(count)
    while pairs.count < count {
        let (zh, en) = base[next() % base.count]
        var characters = Array(zh)
        for _ in 0..<(1 + next() % 3) where characters.count > 2 {
            let at = next() % characters.count
            switch next() % 3 {
            case 0: characters[at] = alphabet[next() % alphabet.count]
            case 1: characters.remove(at: at)
            default: characters.insert(alphabet[next() % alphabet.count], at: at)
            }
        }
        var english = en.split(separator: " ").map(String.init)
        if !english.isEmpty { english[next() % english.count] = words[next() % words.count] }
        pairs.append((String(characters), english.joined(separator: " ")))
    }
    return pairs
}
