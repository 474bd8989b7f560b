// No Foundation in this file: it imports ICUText (see ../../README.md, ICU and Foundation).
import CICUBaseline
import ICUText

func benchmarkSegment(text: String, origin: String) throws {
    let megabytes = Double(text.utf8.count) / 1e6
    print("## segment: \(fixed(megabytes, 1)) MB of Chinese from \(origin), ICU \(icuVersion)")
    let segmenter = try WordSegmenter(locale: "zh")
    var cTokens: Int64 = 0, swiftTokens = 0
    var utf8 = Array(text.utf8)
    utf8.append(0)
    // Interleave the runs so that both see the same machine state.
    var cTimes: [Double] = [], swiftTimes: [Double] = []
    for _ in 0..<5 {
        cTimes.append(measure(runs: 1) {
            cTokens = utf8.withUnsafeBufferPointer { buffer in
                buffer.withMemoryRebound(to: CChar.self) { cicu_baseline_word_tokens($0.baseAddress, Int64(buffer.count - 1)) }
            }
        })
        swiftTimes.append(measure(runs: 1) {
            swiftTokens = segmenter.tokens(in: text).count
        })
    }
    let c = cTimes.sorted()[2], swift = swiftTimes.sorted()[2]
    print("| implementation | tokens | median s | MB/s | ratio to C |")
    print("|---|---|---|---|---|")
    print("| C loop over ICU (UTF-8→UTF-16, ubrk_next, rule status) | \(cTokens) | \(fixed(c, 3)) | \(fixed(megabytes / c, 1)) | 1.00 |")
    print("| Swift API `WordSegmenter.tokens(in:)` (tokens with String ranges and kinds) | \(swiftTokens) | \(fixed(swift, 3)) | \(fixed(megabytes / swift, 1)) | \(fixed(c / swift, 2)) |")
    if Int64(swiftTokens) != cTokens { print("warning: token counts differ") }
}


/// `value` with `digits` decimals (no Foundation).
func fixed(_ value: Double, _ digits: Int) -> String {
    var scale = 1.0
    for _ in 0..<digits { scale *= 10 }
    let rounded = (value * scale).rounded() / scale
    var text = String(rounded)
    if let dot = text.firstIndex(of: ".") {
        let decimals = text.distance(from: dot, to: text.endIndex) - 1
        if decimals < digits { text += String(repeating: "0", count: digits - decimals) }
        if digits == 0 { text = String(text[..<dot]) }
    }
    return text
}
