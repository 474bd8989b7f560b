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
        /// Whether the line holds a Han character (most lines of an English draft do not).
        public var hasHan = false
        /// Whether the line holds a digit (ASCII, full-width or superscript): a footnote marker needs one.
        public var hasDigit = false
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

    /// Prepares `text`, read from `source`, with the pairs `extractor` finds. The lines are
    /// decoded, masked and scanned for brackets on every core (see `preparedLines`); the
    /// extractor then reads them (so the rules and the pairs see the same masks).
    public init(text: String, source: String, extractor: PairExtractor) {
        self.source = source
        var text = text
        text.makeContiguousUTF8()
        let ranges = TextLines.byteRanges(text)
        let lines = Self.preparedLines(text, ranges)
        self.suppressed = Self.suppressions(ranges, of: text)
        self.pairs = extractor.extract(maskedLines: lines.map {
            PairExtractor.MaskedLine(scalars: $0.scalars, masked: $0.masked, isCode: $0.isCode, hasHan: $0.hasHan, hasDigit: $0.hasDigit)
        }, source: source)
        self.lines = lines
    }

    /// Lines of about this many bytes are prepared together, as one job.
    static let chunkBytes = 1 << 18

    /// The lines of `text` (at `ranges`, its lines' UTF-8 offsets) decoded, masked and with
    /// their brackets, in chunks on every core, each line decoded straight from the text's
    /// storage. A chunk is masked as if it began outside code fences and comments, as nearly
    /// every chunk does; then, in order, a chunk that in fact begins inside one is masked
    /// again from the true state. The result is the same as masking every line in order.
    static func preparedLines(_ text: String, _ ranges: [Range<Int>]) -> [Line] {
        var starts: [Int] = [0]
        var chunkStart = 0
        for (index, range) in ranges.enumerated() where range.upperBound - chunkStart >= chunkBytes && index + 1 < ranges.count {
            starts.append(index + 1)
            chunkStart = ranges[index + 1].lowerBound
        }
        let chunkRanges = starts.indices.map { k in starts[k]..<(k + 1 < starts.count ? starts[k + 1] : ranges.count) }
        var text = text
        text.makeContiguousUTF8()
        let storage = text
        @Sendable func prepare(_ chunk: Range<Int>, masker: inout LineMasker) -> [Line] {
            storage.utf8.withContiguousStorageIfAvailable { bytes in
                Self.prepare(bytes, ranges[chunk], from: chunk.lowerBound, masker: &masker)
            }!  // contiguous
        }
        var chunks = concurrently(chunkRanges.count) { k in
            var masker = LineMasker()
            let lines = prepare(chunkRanges[k], masker: &masker)
            return (lines: lines, end: masker)
        }
        var masker = LineMasker()
        for k in chunks.indices {
            if !masker.isAtRest {
                // The chunk begins inside a code fence or a comment: mask it again from there.
                let lines = prepare(chunkRanges[k], masker: &masker)
                chunks[k] = (lines, masker)
            } else {
                masker = chunks[k].end
            }
        }
        return chunks.flatMap(\.lines)
    }

    /// The lines at `ranges` of `bytes` (the first is line `first` + 1) decoded, masked with
    /// `masker` and with their brackets.
    private static func prepare(_ bytes: UnsafeBufferPointer<UInt8>, _ ranges: ArraySlice<Range<Int>>, from first: Int,
                                masker: inout LineMasker) -> [Line] {
        var lines: [Line] = []
        lines.reserveCapacity(ranges.count)
        for (offset, range) in ranges.enumerated() {
            let utf8 = UnsafeBufferPointer(rebasing: bytes[range])
            let scanned = ScannedLine(validUTF8: utf8)
            let masked = masker.mask(scanned.scalars, utf8: utf8)
            var line = Line(number: first + offset + 1, scalars: scanned.scalars, masked: masked, isCode: masker.lineIsCode)
            line.hasHan = scanned.hasHan
            line.hasDigit = scanned.hasDigit
            if !line.isCode && scanned.mayHaveBracket { line.brackets = BracketEvents.compute(line) }
            lines.append(line)
        }
        return lines
    }

    /// The rules switched off per line (1-based) by the suppression comments in `text`, whose
    /// lines are at `ranges` (UTF-8 offsets): `<!-- shuyu-disable-next-line RULE -->` and
    /// `shuyu-disable` / `shuyu-enable`. Only the lines with a comment are read (most drafts
    /// have none).
    static func suppressions(_ ranges: [Range<Int>], of text: String) -> [Int: Set<String>] {
        var suppressed: [Int: Set<String>] = [:]
        var disabled: Set<String> = []
        var nextLine: Set<String> = []
        // What lines `range` (no comment among them) inherit: the next-line rules go to the
        // first, the disabled ones to all.
        func inherit(_ range: Range<Int>) {
            for index in range {
                if disabled.isEmpty && nextLine.isEmpty { return }
                suppressed[index + 1] = disabled.union(nextLine)
                nextLine = []
            }
        }
        let utf8 = text.utf8
        var next = 0
        for index in commentLines(ranges, of: text) {
            inherit(next..<(index + 1))
            let line = String(text[utf8.index(utf8.startIndex, offsetBy: ranges[index].lowerBound)..<utf8.index(utf8.startIndex, offsetBy: ranges[index].upperBound)])
            if let (action, rules) = Self.suppression(line) {
                switch action {
                case "shuyu-disable-next-line": nextLine.formUnion(rules)
                case "shuyu-disable": disabled.formUnion(rules)
                default: disabled.subtract(rules)
                }
            }
            next = index + 1
        }
        inherit(next..<ranges.count)
        return suppressed
    }

    /// The indices of the lines of `text` (at `ranges`, their UTF-8 offsets) that hold
    /// `<!--`, in order: each occurrence found in the text's bytes, its line found by binary
    /// search.
    static func commentLines(_ ranges: [Range<Int>], of text: String) -> [Int] {
        var lines: [Int] = []
        var low = 0
        for offset in text.byteOffsets(of: "<!--") {
            var high = ranges.count - 1
            guard high >= low else { break }
            while low < high {  // the last line that starts at or before the offset
                let middle = (low + high + 1) / 2
                if ranges[middle].lowerBound <= offset { low = middle } else { high = middle - 1 }
            }
            if lines.last != low { lines.append(low) }
        }
        return lines
    }

    /// The indices of the lines that are not code and hold a bracket event (a pair, an unclosed
    /// opener, a stray closer): the only lines the bracket rules read. Found from the lines'
    /// fields, so the other lines (most of a draft) are never copied.
    var bracketLines: [Int] { lines.indices.filter { !lines[$0].isCode && !lines[$0].brackets.isEmpty } }

    /// The indices of the lines that are not code and hold a Han character.
    var hanLines: [Int] { lines.indices.filter { !lines[$0].isCode && lines[$0].hasHan } }

    /// The indices of the lines before `end` that are not code and hold a digit.
    func digitLines(before end: Int) -> [Int] { lines.indices[..<end].filter { !lines[$0].isCode && lines[$0].hasDigit } }

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
