import BilingualCorpus
import SourceText

/// A draft prepared for checking: its lines as Unicode scalars with the parts that are
/// not prose (code, URLs, link destinations, comments) masked, the brackets of each
/// line, and the pairs the extractor finds.
public struct DraftDocument: Sendable {
    /// One line.
    public struct Line: Sendable {
        /// The 1-based line number.
        public var number: Int
        /// The scalars.
        public var scalars: [Unicode.Scalar]
        /// `masked[i]` is true where `scalars[i]` is not prose.
        public var masked: [Bool]
        /// Whether the whole line is code.
        public var isCode: Bool
        /// The bracket pairs, unclosed openers and stray closers (computed once, shared by the rules).
        var brackets: [BracketEvent] = []
    }

    /// The file, as given.
    public var source: String
    /// The lines.
    public var lines: [Line]
    /// Rules switched off per line (`<!-- shuyu-disable-next-line RULE -->`, `shuyu-disable`/`shuyu-enable`).
    public var suppressed: [Int: Set<String>]
    /// The pairs found in the text.
    public var pairs: [AlignedPair]

    /// Prepares `text`, read from `source`, with the pairs `extractor` finds. The lines
    /// and the pairs are prepared at the same time, on two cores.
    public init(text: String, source: String, extractor: PairExtractor) {
        self.source = source
        let shared = SharedExtractor(extractor: extractor)
        enum Part { case lines([Line], [Int: Set<String>]), pairs([AlignedPair]) }
        let parts = concurrently(2) { index -> Part in
            if index == 1 { return .pairs(shared.extractor.extract(text, source: source)) }
            let (lines, suppressed) = Self.lines(of: text)
            return .lines(lines, suppressed)
        }
        guard case let .lines(lines, suppressed) = parts[0], case let .pairs(pairs) = parts[1] else { fatalError("parts out of order") }
        self.lines = lines
        self.suppressed = suppressed
        self.pairs = pairs
    }

    /// The lines of `text`, masked and with their brackets, and the rules suppressed per line.
    private static func lines(of text: String) -> ([Line], [Int: Set<String>]) {
        var lines: [Line] = []
        var masker = LineMasker()
        var suppressed: [Int: Set<String>] = [:]
        var disabled: Set<String> = []
        var nextLine: Set<String> = []
        var number = 0
        for raw in TextLines.lines(text) {
            number += 1
            let scalars = raw.scalarArray
            let masked = masker.mask(scalars)
            var line = Line(number: number, scalars: scalars, masked: masked, isCode: masker.lineIsCode)
            if !line.isCode { line.brackets = BracketEvents.compute(line) }
            lines.append(line)
            let active = disabled.union(nextLine)
            if !active.isEmpty { suppressed[number] = active }
            nextLine = []
            // Suppression comments: <!-- shuyu-disable-next-line RULE --> and shuyu-disable / shuyu-enable.
            if raw.containsByte(0x3C), let (action, rules) = Self.suppression(String(raw)) {  // no '<': no comment
                switch action {
                case "shuyu-disable-next-line": nextLine.formUnion(rules)
                case "shuyu-disable": disabled.formUnion(rules)
                default: disabled.subtract(rules)
                }
            }
        }
        return (lines, suppressed)
    }

    /// Whether `rule` is switched off on `line`.
    public func isSuppressed(_ rule: String, line: Int) -> Bool {
        guard let set = suppressed[line] else { return false }
        return set.contains(rule) || set.contains("*")
    }
}

/// The extractor, handed to the one job that uses it while the lines are prepared.
private struct SharedExtractor: @unchecked Sendable {
    let extractor: PairExtractor
}

extension DraftDocument {
    /// The action and rules of a suppression comment on `line`, if it has one.
    /// No rule named means every rule (`*`).
    static func suppression(_ line: String) -> (String, Set<String>)? {
        guard line.utf8.contains(0x3C) else { return nil }  // no '<': no comment
        guard let open = line.firstRange(of: "<!--"), let close = line[open.upperBound...].firstRange(of: "-->") else { return nil }
        let words = line[open.upperBound..<close.lowerBound].split(whereSeparator: { $0 == " " || $0 == "," }).map(String.init)
        guard let action = words.first, ["shuyu-disable-next-line", "shuyu-disable", "shuyu-enable"].contains(action) else { return nil }
        let rules = Set(words.dropFirst())
        return (action, rules.isEmpty ? ["*"] : rules)
    }
}
