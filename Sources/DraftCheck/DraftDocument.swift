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

    /// Prepares `text`, read from `source`, with the pairs `extractor` finds. The extractor
    /// reads the lines prepared here (so the rules and the pairs see the same masks), a
    /// batch at a time on the other cores while this thread prepares the next batch.
    public init(text: String, source: String, extractor: PairExtractor) {
        self.source = source
        var lines: [Line] = []
        var masker = LineMasker()
        var suppressed: [Int: Set<String>] = [:]
        var disabled: Set<String> = []
        var nextLine: Set<String> = []
        var pairs: [AlignedPair] = []
        var batch: [PairExtractor.MaskedLine] = []
        var batchBytes = 0
        extractor.beginDocument(source: source)
        for raw in TextLines.lines(text) {
            let number = lines.count + 1
            let scalars = raw.scalarArray
            let masked = masker.mask(scalars)
            var line = Line(number: number, scalars: scalars, masked: masked, isCode: masker.lineIsCode)
            if !line.isCode { line.brackets = BracketEvents.compute(line) }
            lines.append(line)
            batch.append(PairExtractor.MaskedLine(scalars: scalars, masked: masked, isCode: line.isCode))
            batchBytes += raw.utf8.count
            if batchBytes >= PairExtractor.PieceBatch.size {
                pairs += extractor.submit(maskedLines: batch)
                batch = []
                batchBytes = 0
            }
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
        pairs += extractor.submit(maskedLines: batch)
        pairs += extractor.endDocument()
        self.lines = lines
        self.suppressed = suppressed
        self.pairs = pairs
    }

    /// Whether `rule` is switched off on `line`.
    public func isSuppressed(_ rule: String, line: Int) -> Bool {
        guard let set = suppressed[line] else { return false }
        return set.contains(rule) || set.contains("*")
    }
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
