import Foundation
import SourceText

/// Pairs counted with their sources: what `shuyu glossary merge` reads and writes so that
/// extraction can run in parts (on many machines, with Hadoop Streaming or Spark) and be
/// combined in any grouping and any order with the same result, byte for byte.
///
/// Input: `shuyu extract --format jsonl` output (one pair object per line) or a file this
/// type wrote (TSV: `zh`, `en`, `count`, `sources` as a JSON array of `file:line`).
/// Output rows are sorted by Chinese then English in code-point order, and sources in the
/// same order, so the result depends only on the multiset of pairs that went in.
public struct PairCounts: Equatable, Sendable {
    /// One pair's total.
    public struct Total: Equatable, Sendable {
        public var count: Int
        public var sources: [String]
    }

    /// Totals by (Chinese, English).
    public private(set) var totals: [Pair: Total] = [:]

    /// A Chinese term and its rendering.
    public struct Pair: Hashable, Sendable, Comparable {
        public var zh: String
        public var en: String

        /// Code-point order, Chinese first: the same on every machine and locale.
        public static func < (a: Pair, b: Pair) -> Bool {
            if a.zh != b.zh { return a.zh.unicodeScalars.lexicographicallyPrecedes(b.zh.unicodeScalars) }
            return a.en.unicodeScalars.lexicographicallyPrecedes(b.en.unicodeScalars)
        }
    }

    public init() {}

    /// The header of the TSV form.
    public static let header = "zh\ten\tcount\tsources"

    /// Adds `count` occurrences of `zh` ↔ `en` seen at `sources`.
    public mutating func add(zh: String, en: String, count: Int, sources: [String]) {
        totals[Pair(zh: zh, en: en), default: Total(count: 0, sources: [])].count += count
        totals[Pair(zh: zh, en: en)]!.sources += sources
    }

    /// Adds everything in `other`.
    public mutating func add(_ other: PairCounts) {
        for (pair, total) in other.totals { add(zh: pair.zh, en: pair.en, count: total.count, sources: total.sources) }
    }

    /// Reads a part: extract's JSON lines, or this type's TSV.
    /// - Throws: `FormatError` with the line of a record that is neither.
    public static func read(_ text: String, source: String) throws(FormatError) -> PairCounts {
        var counts = PairCounts()
        var sawHeader = false
        for (index, line) in TextLines.lines(text).enumerated() where !line.isEmpty {
            let location = SourceLocation(line: index + 1, column: 1)
            if line.hasPrefix("{") {
                guard let object = (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any],
                      let zh = object["zh"] as? String, let en = object["en"] as? String else {
                    throw FormatError(source: source, location: location,
                                      message: "expected a pair object from 'shuyu extract --format jsonl' with \"zh\" and \"en\"")
                }
                var sources: [String] = []
                if let file = object["file"] as? String { sources.append("\(file):\((object["line"] as? Int) ?? 0)") }
                counts.add(zh: zh, en: en, count: 1, sources: sources)
                continue
            }
            if line == header {
                sawHeader = true
                continue
            }
            let fields = TSVField.fields(line)
            guard sawHeader, fields.count == 4, let count = Int(fields[2]),
                  let sources = (try? JSONSerialization.jsonObject(with: Data(fields[3].utf8))) as? [String] else {
                throw FormatError(source: source, location: location,
                                  message: "expected JSON lines from 'shuyu extract --format jsonl', or a merged file with the header '\(header.replacingOccurrences(of: "\t", with: "<tab>"))'")
            }
            counts.add(zh: TSVField.unescape(fields[0]), en: TSVField.unescape(fields[1]), count: count, sources: sources)
        }
        return counts
    }

    /// The TSV form: header, then rows in code-point order.
    public func written() -> String {
        var text = Self.header + "\n"
        for pair in totals.keys.sorted() {
            let total = totals[pair]!
            let sources = total.sources.sorted { $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars) }
            let json = (try? JSONSerialization.data(withJSONObject: sources, options: [.withoutEscapingSlashes]))
                .map { String(decoding: $0, as: UTF8.self) } ?? "[]"
            text += TSVField.row([pair.zh, pair.en, String(total.count)]) + "\t" + json + "\n"
        }
        return text
    }
}
