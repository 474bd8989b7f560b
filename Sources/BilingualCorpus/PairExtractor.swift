public import ChineseText
public import ICUText
import SourceText

/// Finds every Chinese original in a document and the English it translates.
///
/// Feed a document line by line (`beginDocument`, `extract(line:)`,
/// `endDocument`) so memory does not grow with the file; footnote pairs come
/// out at the end of the document, when the definitions are known. Or call
/// `extract(_:source:)` on a whole text. Not thread-safe: one per task.
public final class PairExtractor {
    private let evidence: any TermEvidence
    private let segmenter: LexiconSegmenter
    private let pinyin: PinyinConverter
    private let english: EnglishSpanChooser
    private let chinese: ChineseSpanChooser

    // Per-document state.
    private var source = ""
    private var lineNumber = 0
    private var masker = LineMasker()
    private var definitions: [FootnoteDefinition] = []
    private var markers: [Int: FootnoteMarker] = [:]
    private var lineContinues = false
    private var continuedColumns = 0

    /// An extractor that consults `evidence` (known renderings), segments Chinese
    /// with `lexicon` (known terms stay whole) and reads pinyin with `pinyin`.
    /// - Throws: `ICUError` when ICU's word segmenter cannot be opened.
    public init(evidence: any TermEvidence = NoTermEvidence(), lexicon: Lexicon = Lexicon(),
                pinyin: PinyinConverter? = nil) throws(ICUError) {
        self.evidence = evidence
        self.segmenter = try LexiconSegmenter(lexicon: lexicon, conventions: .standard)
        if let pinyin {
            self.pinyin = pinyin
        } else {
            self.pinyin = PinyinConverter()
        }
        self.english = EnglishSpanChooser(evidence: evidence)
        self.chinese = ChineseSpanChooser(segmenter: segmenter, evidence: evidence)
    }

    private init(evidence: any TermEvidence, segmenter: LexiconSegmenter, pinyin: PinyinConverter) {
        self.evidence = evidence
        self.segmenter = segmenter
        self.pinyin = pinyin
        self.english = EnglishSpanChooser(evidence: evidence)
        self.chinese = ChineseSpanChooser(segmenter: segmenter, evidence: evidence)
    }

    /// Extractors for the other cores, made on first use of `extract(pieces:)`; each finds
    /// the pairs of whole lines for this one, which keeps the document's state.
    private var workers: [PairExtractor]?

    /// Every pair in `text`, in document order (footnote pairs last).
    public func extract(_ text: String, source: String) -> [AlignedPair] {
        beginDocument(source: source)
        var pairs: [AlignedPair] = []
        var batch = PieceBatch()
        TextLines.forEach(text) { line, _ in
            if let full = batch.add(line: line) { pairs += submit(pieces: full) }
        }
        return pairs + submit(pieces: batch.rest) + endDocument()
    }

    /// Starts a new document named `source`.
    public func beginDocument(source: String) {
        precondition(inFlight == nil, "endDocument() collects the last batch's pairs before another document begins")
        self.source = source
        lineNumber = 0
        masker = LineMasker()
        definitions = []
        markers = [:]
        lineContinues = false
        continuedColumns = 0
    }

    /// Lines longer than this many bytes are read in pieces that end at a space, so a
    /// 60 MB single-line file needs memory for one piece at a time, not the whole line.
    public static let pieceBytes = 1 << 18

    /// The pairs on the next line of the document (without its line terminator).
    public func extract(line text: String) -> [AlignedPair] {
        extract(pieces: Self.pieces(of: Substring(text)))
    }

    /// `line` cut into pieces (see `pieceEnd`), the last one marked as ending the line.
    static func pieces(of line: Substring) -> [(text: String, endsLine: Bool)] {
        var pieces: [(text: String, endsLine: Bool)] = []
        var rest = line
        repeat {
            let end = pieceEnd(rest.utf8)
            pieces.append((String(rest[..<end]), false))
            rest = rest[end...]
        } while !rest.isEmpty
        pieces[pieces.count - 1].endsLine = true
        return pieces
    }

    /// The pairs in the next piece of a line: a long line may be fed in pieces (cut at a
    /// space, see `pieceEnd`), so a 60 MB single-line file needs memory for one piece at a
    /// time. Line numbers advance after a piece that `endsLine`; columns count on across pieces.
    public func extract(piece: String, endsLine: Bool) -> [AlignedPair] {
        extract(pieces: [(piece, endsLine)])
    }

    /// Where to cut `bytes` (UTF-8) into a piece of at most `pieceBytes`: at the last space
    /// within the final 4 KB (so no term is cut in two), else at a character boundary.
    public static func pieceEnd<C: BidirectionalCollection>(_ bytes: C) -> C.Index where C.Element == UInt8 {
        guard let limit = bytes.index(bytes.startIndex, offsetBy: pieceBytes, limitedBy: bytes.endIndex),
              limit != bytes.endIndex else { return bytes.endIndex }
        var probe = limit
        var steps = 0
        while probe > bytes.startIndex, steps < 4096, bytes[probe] != 0x20 {
            probe = bytes.index(before: probe)
            steps += 1
        }
        var end = probe > bytes.startIndex && bytes[probe] == 0x20 ? probe : limit
        while end != bytes.endIndex, !bytes[end].isUTF8Lead { end = bytes.index(after: end) }
        return end
    }

    /// The pairs in the next `pieces` of the document, in order: the same as feeding them
    /// one by one to `extract(piece:endsLine:)`, but the lines with Chinese are read on
    /// every core. Code fences, comments and footnotes are followed here, in order; each
    /// line's brackets and inline originals depend on that line alone.
    public func extract(pieces: [(text: String, endsLine: Bool)]) -> [AlignedPair] {
        let earlier = flush()
        return earlier + start(prepareLines(pieces)).wait()
    }

    /// Starts reading the next `pieces` of the document on the other cores and returns the
    /// pairs of the batch submitted before (waiting for them if need be), or nothing for the
    /// first. So this thread follows the document through one batch, and hands out the
    /// pairs of another, while the other cores read the lines of a third. `endDocument()`
    /// returns the last batch's pairs. Pairs come out in document order, as from `extract(pieces:)`.
    public func submit(pieces: [(text: String, endsLine: Bool)]) -> [AlignedPair] {
        let lines = prepareLines(pieces)
        let finished = flush()
        inFlight = start(lines)
        return finished
    }

    /// A whole line that the caller has already decoded and masked with a `LineMasker`
    /// of its own, from the document's first line on (the draft checker does, for its rules).
    public struct MaskedLine: Sendable {
        public var scalars: [Unicode.Scalar]
        public var masked: [Bool]
        /// Whether the whole line is code (the masker's `lineIsCode`).
        public var isCode: Bool
        /// Whether a scalar is Han (`CharacterClass.isHan`): only such a line holds a pair or
        /// a footnote's definition.
        public var hasHan: Bool
        /// Whether a scalar is a digit (ASCII, full-width or superscript): only such a line holds
        /// a footnote marker.
        public var hasDigit: Bool

        /// A line whose flags the caller read (see `ScannedLine`).
        public init(scalars: [Unicode.Scalar], masked: [Bool], isCode: Bool, hasHan: Bool, hasDigit: Bool) {
            self.scalars = scalars
            self.masked = masked
            self.isCode = isCode
            self.hasHan = hasHan
            self.hasDigit = hasDigit
        }
    }

    /// The pairs of a whole document whose every line the caller has already decoded and
    /// masked (the draft checker does, for its rules): the same pairs as `extract(_:source:)`
    /// finds. The lines with Chinese are read on the other cores all at once, while this
    /// thread follows the document for its footnotes.
    public func extract(maskedLines: [MaskedLine], source: String) -> [AlignedPair] {
        beginDocument(source: source)
        var lines: [PreparedLine] = []
        for (index, line) in maskedLines.enumerated() where !line.isCode && line.hasHan {
            lines.append(PreparedLine(scalars: line.scalars, masked: line.masked, number: index + 1, columnOffset: 0))
        }
        inFlight = start(lines)
        for line in maskedLines {
            lineNumber += 1
            guard !line.isCode, line.hasHan || line.hasDigit else { continue }
            // (The line's pairs are being read already: `follow` is for the footnotes.)
            _ = follow(line.scalars, masked: line.masked, hasHan: line.hasHan, hasDigit: line.hasDigit, columnOffset: 0)
        }
        return endDocument()
    }

    /// The batch whose lines the other cores are reading (see `submit(pieces:)`).
    private var inFlight: BackgroundJob<[AlignedPair]>?

    /// The pairs of the batch in flight, once read; nothing when there is none.
    private func flush() -> [AlignedPair] {
        defer { inFlight = nil }
        return inFlight?.wait() ?? []
    }

    /// Follows the document through `pieces` (line numbers, code fences, comments,
    /// footnotes) and returns the lines that may hold pairs.
    private func prepareLines(_ pieces: [(text: String, endsLine: Bool)]) -> [PreparedLine] {
        var lines: [PreparedLine] = []
        for (text, endsLine) in pieces {
            if !lineContinues { lineNumber += 1 }
            if let line = prepare(text, columnOffset: lineContinues ? continuedColumns : 0) { lines.append(line) }
            if endsLine {
                lineContinues = false
                continuedColumns = 0
            } else {
                continuedColumns += text.unicodeScalars.count
                lineContinues = true
            }
        }
        return lines
    }

    /// Reads the pairs of `lines`: on this thread when there are few (or one core), else
    /// on the workers in the background. Only one batch is ever in flight, so a worker
    /// reads one line at a time.
    private func start(_ lines: [PreparedLine]) -> BackgroundJob<[AlignedPair]> {
        let cores = ProcessorCount.active
        guard lines.count >= 8, cores > 1 else { return BackgroundJob(finished: lines.flatMap { pairs(on: $0) }) }
        if workers == nil { workers = (0..<cores).compactMap { _ in try? worker() } }
        let helpers = workers ?? []
        guard !helpers.isEmpty else { return BackgroundJob(finished: lines.flatMap { pairs(on: $0) }) }
        for helper in helpers { helper.source = source }
        // The lines go in runs of a few dozen to whichever worker is free.
        let tools = PerJob(helpers)
        let run = max(16, lines.count / (helpers.count * 32))
        let runs = (lines.count + run - 1) / run
        return BackgroundJob {
            concurrently(runs, workers: tools) { worker, k in
                (k * run..<min(lines.count, (k + 1) * run)).flatMap { worker.pairs(on: lines[$0]) }
            }.flatMap { $0 }
        }
    }

    /// Lines cut into pieces (see `pieceEnd`) and gathered into batches for
    /// `extract(pieces:)`, large enough to share among the cores, small enough that memory
    /// stays bounded.
    public struct PieceBatch {
        public private(set) var pieces: [(text: String, endsLine: Bool)] = []
        private var bytes = 0
        /// About this many bytes of text per batch.
        public static let size = 1 << 20

        public init() {}

        /// Adds a piece of a line; returns the batch when it is full (and starts a new one).
        public mutating func add(piece: String, endsLine: Bool) -> [(text: String, endsLine: Bool)]? {
            pieces.append((piece, endsLine))
            bytes += piece.utf8.count
            // A long line's pieces may go in different batches, as they go to `extract(piece:)`
            // one by one: memory stays bounded by the batch even for a 60 MB line.
            guard bytes >= Self.size else { return nil }
            defer { pieces = []; bytes = 0 }
            return pieces
        }

        /// Adds a whole line (cut into pieces when long); returns the batch when it is full.
        public mutating func add(line: Substring) -> [(text: String, endsLine: Bool)]? {
            var full: [(text: String, endsLine: Bool)]?
            for (piece, endsLine) in PairExtractor.pieces(of: line) {
                if let batch = add(piece: piece, endsLine: endsLine) { full = batch }
            }
            return full
        }

        /// What is left, at the end of the document.
        public var rest: [(text: String, endsLine: Bool)] { pieces }
    }

    /// An extractor with the same evidence, lexicon and readings for another thread.
    private func worker() throws(ICUError) -> PairExtractor {
        PairExtractor(evidence: evidence, segmenter: try segmenter.copy(), pinyin: pinyin.copy())
    }

    /// A line (or piece) with Chinese, ready for `pairs(on:)`.
    struct PreparedLine: Sendable {
        var scalars: [Unicode.Scalar]
        var masked: [Bool]
        var number: Int
        var columnOffset: Int
    }

    /// Follows the document's state through the next piece: code fences and comments,
    /// footnote definitions and markers. Returns the piece when it may hold pairs.
    /// - Parameter columnOffset: the columns of the line before this piece.
    private func prepare(_ text: String, columnOffset: Int) -> PreparedLine? {
        // Fast path: a line with no Han and no digit can hold neither a pair nor a footnote marker.
        var hasHan = false, hasDigit = false, hasMarkup = false
        for byte in text.utf8 {
            if byte >= 0xE2 { hasHan = true; hasDigit = true; break }  // (superscripts ⁴–⁹ are E2 81 xx)
            if byte >= 0x30 && byte <= 0x39 || byte == 0xC2 { hasDigit = true }
            if byte == 0x60 || byte == 0x7E || byte == 0x3C || byte == 0x2D || byte == 0x24 { hasMarkup = true }  // ` ~ < - $
        }
        if !hasHan && !hasDigit {
            if hasMarkup || masker.inDisplayMath {
                _ = masker.mask(text.scalarArray)  // fences, comments and display math carry state
            }
            return nil
        }
        let line = text.scalarArray
        let masked = text.utf8.withContiguousStorageIfAvailable { masker.mask(line, utf8: $0) } ?? masker.mask(line)
        if masker.lineIsCode { return nil }
        return follow(line, masked: masked, hasHan: hasHan, hasDigit: hasDigit, columnOffset: columnOffset)
    }

    /// Follows the footnote definitions and markers of a line (or piece) that is not code
    /// and returns it when it may hold pairs. `hasHan`: it has a scalar from U+2000 on;
    /// `hasDigit`: a digit, a Latin-1 superscript, or `hasHan`.
    private func follow(_ line: [Unicode.Scalar], masked: [Bool], hasHan: Bool, hasDigit: Bool, columnOffset: Int) -> PreparedLine? {
        if let definition = Footnotes.definition(line, lineNumber: lineNumber) {
            definitions.append(definition)
        } else if hasDigit {
            for var marker in Footnotes.markers(line, masked: masked, lineNumber: lineNumber, where: { number, _ in markers[number] == nil }) {
                marker.prefixOffset += columnOffset
                if markers.count < 10_000, markers[marker.number] == nil { markers[marker.number] = marker }
            }
        }
        // Every pair has a Han character; `hasHan` only says a scalar is at U+2000 or above,
        // which English prose with typographic quotes and dashes has on nearly every line.
        if !hasHan || !line.contains(where: CharacterClass.isHan) { return nil }
        return PreparedLine(scalars: line, masked: masked, number: lineNumber, columnOffset: columnOffset)
    }

    /// The bracketed and inline pairs on `prepared`, with columns counted from the line's
    /// start. Reads no document state: the line's number comes with it.
    private func pairs(on prepared: PreparedLine) -> [AlignedPair] {
        var pairs = pairsOnLine(prepared.scalars, masked: prepared.masked, number: prepared.number)
        if prepared.columnOffset > 0 {
            for k in pairs.indices {
                pairs[k].zhLocation.column += prepared.columnOffset
                pairs[k].enLocation.column += prepared.columnOffset
            }
        }
        return pairs
    }

    private func pairsOnLine(_ line: [Unicode.Scalar], masked: [Bool], number: Int) -> [AlignedPair] {
        var pairs: [AlignedPair] = []
        let spans = BracketScanner.spans(line, masked: masked)
        // Inside a bracket: a running depth from +1/-1 marks, so nesting costs O(n) in all.
        // A bracket of English prose is not covered: it may hold inline originals of its own
        // (`(Hu Hong 胡宏, 1102-1161)`, `[Editor: Sun writes Miao Jiaxin 缪佳馨 here]`).
        var covered = [Bool](repeating: false, count: line.count)
        let letters = spans.isEmpty ? nil : LetterCounts(line, spans: spans)
        do {
            var delta = [Int32](repeating: 0, count: line.count + 1)
            for span in spans where !(letters?.isEnglishProse(span.contentRange) ?? false) {
                delta[span.open] += 1
                delta[span.close + 1] -= 1
            }
            delta.withUnsafeBufferPointer { delta in
                covered.withUnsafeMutableBufferPointer { covered in
                    var depth: Int32 = 0
                    for k in 0..<covered.count {
                        depth += delta[k]
                        covered[k] = depth > 0
                    }
                }
            }
        }
        var floor = 0
        var consumedUntil = -1
        // Brackets, outermost first.
        for span in spans where span.open > consumedUntil && span.close - span.open <= Self.longestOriginal {
            // Markdown link text [text](url) and images are never originals.
            if span.close + 1 < line.count, line[span.close + 1] == "(", masked[span.close + 1] || line[span.open] == "[" {
                if line[span.open] == "[" { continue }
            }
            if span.open > 0, line[span.open - 1] == "!" { continue }
            let before = previousSignificant(line, masked, span.open, floor: floor)
            if let content = OriginalContent.parse(line, span.contentRange), !content.zhRange.isEmpty {
                // English + (中文): the scalar before is Latin (or a quote/emphasis after Latin).
                guard let b = before, isEnglishEnd(line, b) else { continue }
                let zh = line.string(content.zhRange)
                if Self.isCitation(line, span.contentRange) { continue }
                var facts = facts(of: zh)
                // A slash form inside the bracket renders the original by itself: `co-authored by
                // Ueno and Shinoda (Choosing to be a Woman/身为女性的选择)`. Not pinyin: `(guojia/国家)`.
                if let slash = content.slashEnglish, !spellsPinyin(line.string(slash), of: zh) {
                    // In a bracket of English prose, `inlinePairs` finds it.
                    if letters?.isEnglishProse(span.contentRange) == true { continue }
                    pairs.append(AlignedPair(
                        zh: zh, en: Self.cleanEnglish(line.string(slash)), kind: .inline, source: source,
                        zhLocation: SourceLocation(line: number, column: content.zhRange.lowerBound + 1),
                        enLocation: SourceLocation(line: number, column: slash.lowerBound + 1),
                        confidence: content.uncertain ? 0.5 : 0.8, uncertain: content.uncertain, evidence: ["slash"]))
                    floor = span.close + 1
                    consumedUntil = span.close
                    continue
                }
                // English prose in the bracket with English right before the Chinese is an inline
                // original of its own, read by `inlinePairs`: (the House of the Commoners 庶民院),
                // (the residences of individual households 个别户 are another matter); so is a name
                // that spells its pinyin after other words: (his student Zhang Shi 张栻, 1133-1180).
                // Pinyin alone, or in lower case, glosses the original: country (guojia 国家); so
                // does a literal translation: extreme interactivity [lit., “…of us in the other 你中有我”].
                if !content.alternatives.isEmpty, letters?.isEnglishProse(span.contentRange) == true,
                   let firstLetter = span.contentRange.first(where: { CharacterClass.isLatinLetter(line[$0]) }),
                   let inner = english.choose(line, floor: span.contentRange.lowerBound, end: content.zhRange.lowerBound, after: nil, facts: facts) {
                    let isName = inner.evidence == "pinyin" && inner.range.lowerBound > firstLetter && line[inner.range.lowerBound].properties.isUppercase
                    let isRendering = inner.evidence != "pinyin" && !content.glossFirst && !spellsPinyin(line.string(inner.range), of: zh)
                    if isName || isRendering { continue }
                }
                if facts.hanCount >= 10, !facts.isClause, !endsCapitalized(line, floor: floor, end: span.open) { facts.isClause = true }
                if let choice = english.choose(line, floor: floor, end: span.open, after: span.close + 1, facts: facts) {
                    // A name after a noun for the person's role says who it is: the author (韩炳哲).
                    if choice.range.count < 20, EnglishWords.personRoles.contains(line.string(choice.range)),
                       content.alternatives.isEmpty, ChineseNames.isPersonalName(zh) {
                        continue
                    }
                    pairs.append(makePair(zh: zh, zhStart: content.zhRange.lowerBound, line: line, number: number, choice: choice, kind: .bracket,
                                          uncertain: content.uncertain, alternatives: content.alternatives))
                    floor = span.close + 1
                    consumedUntil = span.close
                }
            } else if let b = before, isChineseEnd(line, b), let english = englishContent(line, span.contentRange) {
                // 中文 + (English)
                // In English prose, Chinese that follows English is an inline original whatever
                // part of it the chooser would take (`…xiandaihua 没有土地改革…的现代化 [Without
                // land reform, …]`): the bracket belongs to that pair (see `inlinePairs`).
                if let choice = chinese.choose(line, floor: floor, end: span.open, englishWords: english.words, english: english.text),
                   !followsEnglish(line, choice.range.lowerBound, floor: floor),
                   !(letters?.isEnglishProse(0..<line.count, words: 4) == true
                     && Self.followsOtherEnglish(line, Self.chineseRunStart(line, before: span.open, floor: floor), floor: floor, than: english.text)) {
                    let zh = line.string(choice.range)
                    let enStart = english.range.lowerBound
                    pairs.append(AlignedPair(
                        zh: zh, en: english.text, kind: .parenthetical, source: source,
                        zhLocation: SourceLocation(line: number, column: choice.range.lowerBound + 1),
                        enLocation: SourceLocation(line: number, column: enStart + 1),
                        confidence: choice.confidence, alternatives: english.alternatives, evidence: [choice.evidence]))
                    floor = span.close + 1
                    consumedUntil = span.close
                }
            }
        }
        // (In place, here and below: a pair holds several strings, and every copy retains them.)
        for k in pairs.indices { markTransliteration(&pairs[k]) }
        // Unbracketed originals in English prose: Qian Mu 钱穆, Studies/中国政治学.
        if isEnglishLine(line, covered: covered, masked: masked) {
            // A bracket's pinyin and original (`natural gender (_ziran xingbie_ 自然性别)`) made a
            // bracket pair with the pinyin beside it: the pinyin is no second pair. (A literal
            // translation is: `bold gamble [lit., “a stake on the last hand 孤注一掷”]`.)
            let bracketed = Set(pairs.map(\.zhLocation.column))
            var inline = inlinePairs(line, masked: masked, covered: covered, number: number)
            for k in inline.indices { markTransliteration(&inline[k]) }
            inline.removeAll { bracketed.contains($0.zhLocation.column) && $0.evidence.contains("pinyin") }
            pairs += inline
        }
        pairs.sort { $0.zhLocation < $1.zhLocation }
        return pairs
    }

    /// Adds `pinyin` to the evidence of `pair` when its English spells the original's
    /// pinyin (`_foxi_ 佛系`, `hukou (户口)`), however the span was chosen: a transliteration
    /// is another way of writing the original, not a rival rendering, and the checker's
    /// terminology rules leave it alone.
    private func markTransliteration(_ pair: inout AlignedPair) {
        guard !pair.evidence.contains("pinyin"), !pair.en.isEmpty else { return }
        func spellsSyllables() -> Bool {
            // In ASCII every scalar is a character of its own (but CR LF, which holds no
            // separator): split the scalars, which is many times faster than the characters.
            if pair.en.utf8.allSatisfy({ $0 < 0x80 }) {
                return pair.en.unicodeScalars.split(whereSeparator: { $0 == " " || $0 == "-" || $0 == "'" })
                    .allSatisfy { PinyinSpelling.isPinyin(Substring($0)) }
            }
            return pair.en.split(whereSeparator: { $0 == " " || $0 == "-" || $0 == "'" || $0 == "’" }).allSatisfy(PinyinSpelling.isPinyin)
        }
        // Comparing the keys first rejects almost every pair before the English is split into
        // words; but the key of a long original is not kept, and reading it costs more than
        // the words.
        if let letters = facts(of: pair.zh).keptPinyinLetters {
            guard EnglishSpanChooser.folds(pair.en, to: letters), spellsSyllables() else { return }
        } else {
            guard spellsSyllables(), EnglishSpanChooser.folds(pair.en, to: pinyinLetters(of: pair.zh)) else { return }
        }
        pair.evidence.append("pinyin")
    }

    /// The letters of `zh`'s pinyin (`qianmu`), folded as `EnglishSpanChooser.foldPinyin`
    /// folds English: from `facts(of:)`, which keeps them for originals of up to eight Han
    /// characters, else read now.
    private func pinyinLetters(of zh: String) -> String {
        facts(of: zh).keptPinyinLetters ?? EnglishSpanChooser.foldPinyin(pinyin.searchKey(zh))
    }

    /// The pairs of the last batch submitted (see `submit(pieces:)`), then the footnote
    /// pairs of the document: each definition linked to its marker, by number, or by order
    /// when the definition lost its number.
    public func endDocument() -> [AlignedPair] {
        let lastBatch = flush()
        var pairs: [AlignedPair] = []
        for (ordinal, definition) in definitions.enumerated() {
            let number = definition.number ?? ordinal + 1
            guard let marker = markers[number], marker.line < definition.line || marker.line == definition.line && false else { continue }
            let facts = facts(of: definition.zh)
            guard let choice = english.choose(marker.prefix, floor: 0, end: marker.prefix.count, after: nil, facts: facts) else { continue }
            let en = Self.cleanEnglish(marker.prefix.string(choice.range))
            pairs.append(AlignedPair(
                zh: definition.zh, en: en, kind: .footnote, source: source,
                zhLocation: SourceLocation(line: definition.line, column: definition.column),
                enLocation: SourceLocation(line: marker.line, column: marker.prefixOffset + choice.range.lowerBound + 1),
                confidence: min(0.9, choice.confidence + 0.1), definition: definition.text, evidence: ["footnote", choice.evidence]))
        }
        definitions = []
        markers = [:]
        for k in pairs.indices { markTransliteration(&pairs[k]) }
        return lastBatch + pairs
    }

    // MARK: - Pieces

    /// Facts of originals already seen (terms repeat): bounded, cleared when full. Keyed by
    /// the original's bytes: a String key hashes Chinese through Unicode normalization, which
    /// cost more than many a lookup saved (and an original's facts are its own, never those
    /// of a canonically equivalent spelling).
    private var factsCache: [UTF8Key: OriginalFacts] = [:]

    private func facts(of zh: String) -> OriginalFacts {
        let key = UTF8Key(zh)
        if let cached = factsCache[key] { return cached }
        let computed = computeFacts(of: zh)
        if factsCache.count >= 20_000 { factsCache.removeAll(keepingCapacity: true) }
        factsCache[key] = computed
        return computed
    }

    private func computeFacts(of zh: String) -> OriginalFacts {
        let scalars = zh.unicodeScalars
        let han = scalars.filter(CharacterClass.isHan).count
        var separators = 0
        var previousWasSeparator = false
        for s in scalars {
            let isSeparator = s == "，" || s == "；" || s == "：" || s == "—" || s == "," || s == ";"
            if isSeparator && !previousWasSeparator { separators += 1 }
            previousWasSeparator = isSeparator
        }
        let tokens = segmenter.tokens(in: zh).filter { $0.kind != .space && $0.kind != .punctuation }
        let words = tokens.count
        let known = evidence.isKnownTerm(zh)
        // A clause has verbs, negation, aspect or pronouns as words of their own (not 社会's 会).
        let hasClauseWord = tokens.contains { Self.isClauseWord(zh[$0.range]) }
        // A word-forming suffix at the end makes a noun, whatever is inside: 我向中心主义.
        let endsInSuffix = SuffixCorrespondence.endsInSuffix(zh)
        let looksLikeClause = !known && (separators > 0 || han >= 4 && hasClauseWord && !endsInSuffix)
        let opensWithParticle = !known && tokens.first.map { Self.particles.contains(String(zh[$0.range])) } == true
        return OriginalFacts(zh: zh, hanCount: han, wordCount: words, pinyinKey: han > 0 && han <= 8 ? pinyin.searchKey(zh) : "",
                             separators: separators, isClause: looksLikeClause, opensWithParticle: opensWithParticle)
    }

    /// Brackets longer than this (in scalars) hold prose, not an original; skipping them keeps
    /// deeply nested input linear.
    static let longestOriginal = 400

    /// Characters no original opens with, wherever it stands: the particle 的 and the
    /// sentence-final particles.
    static let neverOpens: Set<Unicode.Scalar> = ["的", "吗", "呢", "吧"]

    /// Phrases that close a list of names or items (and others, and so on): never an original.
    static let listClosers: Set<String> = ["等人", "等等", "之类", "等", "诸人", "一行"]

    /// Words no original opens with: particles, conjunctions, prepositions.
    static let particles: Set<String> = ["的", "地", "得", "了", "着", "过", "和", "与", "及", "或", "是", "在", "把", "被", "对", "也", "就", "都", "而", "又", "即", "等", "吗", "呢", "吧"]

    /// Words that make an original a clause rather than a term. (`边` alone is the "while" of
    /// `边看边想`: as a noun it is part of a word, 海边, 这边.)
    static let clauseWords: Set<String> = [
        "是", "不", "没", "没有", "不是", "了", "要", "就", "都", "会", "能", "吗", "呢", "吧", "着", "过", "把", "被", "让",
        "你", "我", "他", "她", "我们", "你们", "他们", "很", "还", "也", "就是", "可以", "应该", "需要", "不要", "别",
        "已经", "正在", "必须", "一定", "总是", "毕竟", "终于", "仍然", "竟然", "不能", "不会", "只能", "才", "又", "再",
        "边",
    ]

    /// Whether an ICU word is a clause word, a negated verb (`没用`) or a verb with a potential
    /// complement (`撑不住`, `看不见`).
    static func isClauseWord(_ word: Substring) -> Bool {
        if clauseWords.contains(String(word)) { return true }
        let scalars = Array(word.unicodeScalars)
        return scalars.count == 2 && (scalars[0] == "不" || scalars[0] == "没")
            || scalars.count == 3 && scalars[1] == "不"
    }

    private func makePair(zh: String, zhStart: Int, line: [Unicode.Scalar], number: Int, choice: EnglishChoice, kind: PairKind,
                          uncertain: Bool, alternatives: [String]) -> AlignedPair {
        AlignedPair(zh: zh, en: Self.cleanEnglish(line.string(choice.range)), kind: kind, source: source,
                    zhLocation: SourceLocation(line: number, column: zhStart + 1),
                    enLocation: SourceLocation(line: number, column: choice.range.lowerBound + 1),
                    confidence: uncertain ? min(choice.confidence, 0.5) : choice.confidence, uncertain: uncertain,
                    alternatives: alternatives, evidence: [choice.evidence])
    }

    /// English as a term: Markdown emphasis marks removed (also inside a word split by
    /// emphasis, `_n_ _üxing_`), spaces collapsed.
    static func cleanEnglish(_ text: String) -> String {
        var out = isClean(text) ? text : cleaned(text)
        // A trailing possessive is English grammar, not the term: Qu Yuan’s (屈原).
        if out.hasSuffixQuickly("’s"), out.count > 3 { out.removeLast(2) }
        if out.hasSuffixQuickly("'s"), out.count > 3 { out.removeLast(2) }
        return out
    }

    /// Whether `cleaned` would return `text` unchanged, as it does for most renderings: no
    /// emphasis marks or double quotes, and single ASCII spaces between words only.
    private static func isClean(_ text: String) -> Bool {
        var previous: UInt8 = 0x20  // (a leading space is not clean)
        for byte in text.utf8 {
            switch byte {
            case 0x5F, 0x2A, 0x22, 0x09, 0xC2, 0xE2, 0xE3: return false  // _ * " tab, and the leads of NBSP, “ ” ZWSP, U+3000
            case 0x20 where previous == 0x20: return false
            default: previous = byte
            }
        }
        return previous != 0x20
    }

    /// `text` without emphasis marks, with spaces collapsed and trimmed, and without unpaired quotes.
    private static func cleaned(_ text: String) -> String {
        var out = ""
        var lastWasSpace = false
        let scalars = text.utf8.contains(0x5F) ? Array(text.unicodeScalars) : []
        var skip = -1
        for (k, scalar) in text.unicodeScalars.enumerated() {
            if scalar == "_", !scalars.isEmpty, CharacterClass.isSplitWordJoint(scalars, at: k) { skip = k + 2 }
            if k <= skip || scalar == "*" || scalar == "_" { continue }
            if CharacterClass.isSpace(scalar) {
                if !lastWasSpace && !out.isEmpty { out += " " }
                lastWasSpace = true
            } else {
                out.unicodeScalars.append(scalar)
                lastWasSpace = false
            }
        }
        while out.hasSuffix(" ") { out.removeLast() }
        // A quote mark whose partner lies outside the span is not part of the term:
        // Hangzhou "six little dragons [杭州六小龙] → Hangzhou six little dragons.
        return Self.droppingUnpairedQuotes(out)
    }

    /// `text` without straight double quotes when they are odd in number, and without
    /// curly double quotes that have no partner (`“` with no `”` after it, and the reverse).
    static func droppingUnpairedQuotes(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        guard scalars.contains(where: { $0 == "\"" || $0 == "“" || $0 == "”" }) else { return text }
        var drop = Set<Int>()
        let straight = scalars.indices.filter { scalars[$0] == "\"" }
        if straight.count % 2 == 1 { drop.formUnion(straight) }
        var open: [Int] = []
        for (k, scalar) in scalars.enumerated() {
            if scalar == "“" { open.append(k) }
            if scalar == "”" { if open.popLast() == nil { drop.insert(k) } }
        }
        drop.formUnion(open)
        guard !drop.isEmpty else { return text }
        var out = String.UnicodeScalarView()
        for (k, scalar) in scalars.enumerated() where !drop.contains(k) {
            // No doubled space where a mark stood between two spaces.
            if scalar == " ", out.last == " " || out.isEmpty { continue }
            out.append(scalar)
        }
        while out.last == " " { out.removeLast() }
        return String(out)
    }

    /// The index of the last non-space, unmasked scalar before `index` (not before `floor`).
    private func previousSignificant(_ line: [Unicode.Scalar], _ masked: [Bool], _ index: Int, floor: Int) -> Int? {
        var k = index - 1
        while k >= floor, CharacterClass.isSpace(line[k]) { k -= 1 }
        return k >= floor ? k : nil
    }

    /// What may stand between English and its original: quotes, emphasis, a slash, a
    /// footnote marker's digits and brackets, sentence punctuation.
    static let skippableBeforeOriginal: Set<Unicode.Scalar> = ["\"", "”", "’", "'", "_", "*", ",", "/", "]", "⁰", "¹", "²", "³", "⁴",
                                                              "⁵", "⁶", "⁷", "⁸", "⁹", ".", "?", "!"]

    /// Whether English ends at `k`: a Latin letter or digit, possibly behind quotes,
    /// emphasis, a slash or a footnote marker.
    private func isEnglishEnd(_ line: [Unicode.Scalar], _ index: Int) -> Bool {
        var k = index
        var steps = 0
        while k >= 0, steps < 8 {
            let c = line[k]
            if CharacterClass.isLatinLetter(c) { return true }
            if CharacterClass.isDigit(c) {
                // A footnote marker [6] or a number that ends a name (571 Project is Latin anyway).
                k -= 1; steps += 1; continue
            }
            if Self.skippableBeforeOriginal.contains(c) || c == "[" || c == "^" || CharacterClass.isSpace(c) {
                k -= 1; steps += 1; continue
            }
            return false
        }
        return false
    }

    private func isChineseEnd(_ line: [Unicode.Scalar], _ index: Int) -> Bool {
        let c = line[index]
        return CharacterClass.isHan(c) || ["”", "」", "』", "》", "〉", "*", "_"].contains(c) && index > 0
            && (0..<index).reversed().prefix(30).contains(where: { CharacterClass.isHan(line[$0]) })
    }

    /// Whether the last word before `end` starts with a capital letter (a name or title).
    private func endsCapitalized(_ line: [Unicode.Scalar], floor: Int, end: Int) -> Bool {
        let tokens = EnglishWords.tokens(line, max(floor, end - 40)..<end)
        return tokens.last(where: \.isWord)?.isCapitalized ?? false
    }

    /// Prefixes that a Chinese term usually renders with a morpheme of its own
    /// (hyperparameter 超参数, covariate 协变量, nonstationary 非平稳).
    static let englishPrefixes = ["hyper", "super", "non", "pre", "co", "bi", "multi", "mini", "sub", "inter", "semi",
                                  "micro", "auto", "self", "anti", "over", "under", "un", "uni", "tri", "meta", "pseudo"]

    private static let englishPrefixBytes = englishPrefixes.map { Array($0.utf8) }

    /// Meaningful parts of an English word, as a Chinese term would count them: an acronym
    /// counts its letters (RNNs: recurrent neural network), a prefix counts one more.
    static func morphemes(_ word: Substring) -> Int {
        if word.isASCII {
            // ASCII (nearly every word): the same counts, from the bytes.
            var letters = 0, capitals = 0
            for byte in word.utf8 {
                if (0x41...0x5A).contains(byte) { capitals += 1; letters += 1 } else if (0x61...0x7A).contains(byte) { letters += 1 }
            }
            if capitals >= 2 && capitals * 2 >= letters { return min(capitals, 4) }
            let bytes = word.utf8
            for prefix in englishPrefixBytes where bytes.count >= prefix.count + 4 {
                if zip(bytes, prefix).allSatisfy({ ($0 | 0x20 == $1 && (0x41...0x5A).contains($0)) || $0 == $1 }) { return 2 }
            }
            return 1
        }
        let letters = word.filter(\.isLetter)
        let capitals = letters.filter(\.isUppercase).count
        if capitals >= 2 && capitals * 2 >= letters.count { return min(capitals, 4) }
        let lower = word.lowercased()
        for prefix in englishPrefixes where lower.hasPrefix(prefix) && lower.count >= prefix.count + 4 {
            return 2
        }
        return 1
    }

    /// Whether the Chinese at `start` directly follows English (an inline original: `Guo Qiyong 郭齐勇 (b. 1947)`):
    /// then a parenthesis after it is an aside, not a rendering.
    private func followsEnglish(_ line: [Unicode.Scalar], _ start: Int, floor: Int) -> Bool {
        var k = start - 1
        while k >= floor, CharacterClass.isSpace(line[k]) || CharacterClass.emphasisMarks.contains(line[k]) { k -= 1 }
        return k >= floor && CharacterClass.isLatinLetter(line[k])
    }

    /// A Chinese bibliographic citation in brackets (publisher, year, title marks): never an original.
    static func isCitation(_ line: [Unicode.Scalar], _ range: Range<Int>) -> Bool {
        guard range.contains(where: { line[$0] == "出" || line[$0] == "《" || line[$0] == "书" || line[$0] == "書" }) else { return false }
        let text = line.string(range)
        if text.contains("出版社") || text.contains("书局") || text.contains("书店") || text.contains("書局") || text.contains("出版") { return true }
        return text.contains("《") && (text.contains("，") || text.contains(","))
    }

    /// Whether `line[range]` holds a four-digit year (1000–2099) standing alone.
    static func containsYear(_ line: [Unicode.Scalar], _ range: Range<Int>) -> Bool {
        var k = range.lowerBound
        while k < range.upperBound {
            if CharacterClass.isDigit(line[k]) {
                var j = k
                while j < range.upperBound, CharacterClass.isDigit(line[j]) { j += 1 }
                if j - k == 4, line[k] == "1" || line[k] == "2",
                   k == range.lowerBound || !CharacterClass.isLatinLetter(line[k - 1]),
                   j == range.upperBound || !CharacterClass.isHan(line[j]) && !CharacterClass.isLatinLetter(line[j]) {
                    return true
                }
                k = j
            } else {
                k += 1
            }
        }
        return false
    }

    /// The English inside a parenthesis after Chinese: the rendering, and an abbreviation
    /// or second form after a comma (`mixture of experts，MoE`).
    private func englishContent(_ line: [Unicode.Scalar], _ range: Range<Int>) -> (text: String, range: Range<Int>, words: Int, alternatives: [String])? {
        guard !range.isEmpty, !range.contains(where: { CharacterClass.isHan(line[$0]) }) else { return nil }
        // A formula is no rendering: 一组参数（$\mathbf{w}^*$）.
        if let first = range.first(where: { !CharacterClass.isSpace(line[$0]) }), line[first] == "$" { return nil }
        let letters = range.filter { CharacterClass.isLatinLetter(line[$0]) }.count
        guard letters >= 2, !Self.containsYear(line, range) else { return nil }
        // Nor a list of examples (开放文档格式（LibreOffice、OpenOffice.org）), a file or code
        // name (（selection.txt）, （project_save.tmx file）) or a program's placeholder
        // (（LanguageTool {0}）).
        if range.contains(where: { line[$0] == "、" }) || Self.holdsFileOrCodeName(line, range) { return nil }
        var parts: [Range<Int>] = []
        var partStart = range.lowerBound
        for k in range where [",", "，", ";", "；"].contains(line[k]) {
            parts.append(partStart..<k)
            partStart = k + 1
        }
        parts.append(partStart..<range.upperBound)
        func trimmed(_ r: Range<Int>) -> Range<Int> {
            var a = r.lowerBound, b = r.upperBound
            while a < b, CharacterClass.isSpace(line[a]) || CharacterClass.quoteMarks.contains(line[a]) || CharacterClass.emphasisMarks.contains(line[a]) { a += 1 }
            while b > a, CharacterClass.isSpace(line[b - 1]) || CharacterClass.quoteMarks.contains(line[b - 1]) || CharacterClass.emphasisMarks.contains(line[b - 1]) || line[b - 1] == "." { b -= 1 }
            return a..<b
        }
        let cleaned = parts.map(trimmed).filter { r in r.contains(where: { CharacterClass.isLatinLetter(line[$0]) }) }
        guard let main = cleaned.first else { return nil }
        let text = line.string(main)
        // Asides are not renderings: (see figure 2), (e.g. ...), (a competitor to Cursor).
        let firstWord = text.split(separator: " ").first.map { $0.lowercased() } ?? ""
        if ["see", "e.g.", "eg", "i.e.", "cf.", "cf", "ibid", "note", "fig.", "figure", "table", "p.", "pp.", "b.", "d.", "r.", "c.", "ca."].contains(firstWord) { return nil }
        let words = text.split(whereSeparator: { $0 == " " || $0 == "-" })
            .filter { !["a", "an", "the"].contains($0.lowercased()) }
            .reduce(0) { $0 + Self.morphemes($1) }
        let alternatives = cleaned.dropFirst().map { line.string($0) }
        return (text, main, max(1, words), alternatives)
    }

    /// File extensions that mark a word as a file's name.
    static let fileExtensions: Set<String> = [
        "txt", "tmx", "tbx", "xml", "json", "md", "csv", "tsv", "htm", "html", "po", "pot", "xliff", "xlf", "sdlxliff", "doc",
        "docx", "xls", "xlsx", "ppt", "pptx", "pdf", "odt", "ods", "odp", "properties", "srt", "ini", "yaml", "yml", "toml",
        "zip", "exe", "jar", "py", "js", "swift", "java", "c", "h", "sh",
    ]

    /// Whether `line[range]` holds a file name (`selection.txt`), a lower-case identifier with
    /// an underscore (`project_save`) or a placeholder (`{0}`, `%s`, `%d`).
    static func holdsFileOrCodeName(_ line: [Unicode.Scalar], _ range: Range<Int>) -> Bool {
        for k in range {
            let c = line[k]
            if c == "{", k + 2 < range.upperBound, CharacterClass.isDigit(line[k + 1]), line[k + 2] == "}" { return true }
            if c == "%", k + 1 < range.upperBound, line[k + 1] == "s" || line[k + 1] == "d" { return true }
            // (A locale, `PT_BR`, `zh_CN`, names a language: lower case on both sides only.)
            if c == "_", k > range.lowerBound, k + 1 < range.upperBound,
               ("a"..."z").contains(line[k - 1]), ("a"..."z").contains(line[k + 1]) { return true }
            if c == ".", k > range.lowerBound, CharacterClass.isLatinLetter(line[k - 1]) || CharacterClass.isDigit(line[k - 1]) {
                var j = k + 1
                while j < range.upperBound, CharacterClass.isLatinLetter(line[j]) { j += 1 }
                let ext = line.string((k + 1)..<j).lowercased()
                if j > k + 1, j == range.upperBound || !CharacterClass.isLatinLetter(line[j]) && !CharacterClass.isDigit(line[j]),
                   Self.fileExtensions.contains(ext) { return true }
            }
        }
        return false
    }

    /// Whether the line reads as English prose (outside brackets).
    private func isEnglishLine(_ line: [Unicode.Scalar], covered: [Bool], masked: [Bool]) -> Bool {
        var latin = 0, han = 0, quotedHan = 0, words = 0
        var previousLatin = false
        var quoted = false
        var chinesePunctuation = false
        precondition(covered.count == line.count && masked.count == line.count, "a mask for every scalar")
        line.withUnsafeBufferPointer { scalars in
            covered.withUnsafeBufferPointer { covered in
                masked.withUnsafeBufferPointer { masked in
                    for k in 0..<scalars.count where !covered[k] && !masked[k] {
                        let s = scalars[k]
                        let isLatin = CharacterClass.isLatinLetter(s)
                        if isLatin {
                            latin += 1
                            if !previousLatin { words += 1 }
                        } else if s.value >= 0x3007, CharacterClass.isHan(s) {
                            if quoted { quotedHan += 1 } else { han += 1 }
                        } else if s == "“" || s == "《" {
                            quoted = true
                        } else if s == "”" || s == "》" {
                            quoted = false
                        } else if !quoted, s == "。" || s == "，" || s == "；" || s == "？" || s == "！" {
                            chinesePunctuation = true
                        }
                        previousLatin = isLatin
                    }
                }
            }
        }
        // A Han character carries about as much as two or three Latin letters; a long Chinese
        // title after a short English one still leaves the line English. Counted in words too:
        // a Chinese sentence naming a few products (选择下载自带 Java 运行时环境 的 OmegaT) has
        // as many letters as Han characters, but far fewer words than a Chinese sentence has.
        // A quoted Chinese title (`Cao Jinqing 曹锦清, “百年复兴：…,” available in`) is cited,
        // not the line's own language, and is not counted, unless Chinese punctuation outside
        // the quotes shows the line to be Chinese (`版本是“安装后不管”版本。`).
        if chinesePunctuation { han += quotedHan }
        return latin >= han && 3 * words >= han
    }

    /// The words of the English in quotes or emphasis that ends just before `start` (the
    /// start of a pinyin span), with only the pinyin's own emphasis, spaces and dashes between.
    static func markedEnglish(_ line: [Unicode.Scalar], before start: Int, floor: Int) -> Range<Int>? {
        var k = start
        while k > floor, CharacterClass.emphasisMarks.contains(line[k - 1]) { k -= 1 }
        while k > floor, CharacterClass.isSpace(line[k - 1]) || "-—–".unicodeScalars.contains(line[k - 1]) { k -= 1 }
        guard k > floor else { return nil }
        let close = line[k - 1]
        guard ["”", "’", "\"", "_", "*"].contains(close) else { return nil }
        let opener = CharacterClass.openingMark(for: close)
        var j = k - 2
        while j >= floor, line[j] != opener { j -= 1 }
        guard j >= floor else { return nil }
        let inner = (j + 1)..<(k - 1)
        // A term: no Chinese, no sentence punctuation (`as "ism." _Nüquan zhuyi_`), six words at most.
        guard !inner.contains(where: { CharacterClass.isHan(line[$0]) || ".;:!?".unicodeScalars.contains(line[$0]) }) else { return nil }
        let words = EnglishWords.tokens(line, inner).filter(\.isWord)
        guard words.count <= 6, let first = words.first, let last = words.last else { return nil }
        return first.range.lowerBound..<last.range.upperBound
    }

    /// Whether a Han character follows `index` after spaces.
    static func hanFollows(_ line: [Unicode.Scalar], after index: Int) -> Bool {
        var k = index + 1
        while k < line.count, CharacterClass.isSpace(line[k]) { k += 1 }
        return k < line.count && CharacterClass.isHan(line[k])
    }

    /// Whether a closing quote mark follows `end` (after spaces, emphasis and `.,;:!?`)
    /// whose opening mark stands in `line[lower..<end]`.
    static func closesQuotation(_ line: [Unicode.Scalar], from end: Int, openedAfter lower: Int) -> Bool {
        var a = EnglishSpanChooser.skipFootnoteMarkerForward(line, from: end)
        while a < line.count, CharacterClass.isSpace(line[a]) || ".,;:!?*_".unicodeScalars.contains(line[a]) { a += 1 }
        guard a < line.count, ["”", "’", "」", "\""].contains(line[a]) else { return false }
        return line[max(0, lower)..<end].contains(CharacterClass.openingMark(for: line[a]))
    }

    private func inlinePairs(_ line: [Unicode.Scalar], masked: [Bool], covered: [Bool], number: Int) -> [AlignedPair] {
        var pairs: [AlignedPair] = []
        var floor = 0
        var i = 0
        while i < line.count {
            // Most of a line is English: skip to the next Han character outside brackets and
            // masks in one tight loop over the buffers.
            i = line.withUnsafeBufferPointer { line in
                covered.withUnsafeBufferPointer { covered in
                    masked.withUnsafeBufferPointer { masked in
                        var k = i
                        while k < line.count, !CharacterClass.isHan(line[k]) || covered[k] || masked[k] { k += 1 }
                        return k
                    }
                }
            }
            guard i < line.count else { break }
            let start = i
            var end = Self.chineseRunEnd(line, covered: covered, from: start)
            defer { i = max(end, i + 1) }
            // (A cited title's romanization may end in a bracket: `(xia)_ 乡村经济卷（下）`.)
            if let cited = citedTitle(line, masked: masked, covered: covered, start: start, end: end, floor: floor, number: number) {
                pairs.append(cited.pair)
                end = cited.end
                floor = end
                continue
            }
            // Must follow English directly (spaces, emphasis, quotes, a slash or a footnote marker between).
            guard let b = previousSignificant(line, masked, start, floor: floor), isEnglishEnd(line, b) else { continue }
            // Untranslated Chinese in a grammatical slot: "calls for 新质生产力 in", unless the
            // slot word is part of a name the Chinese spells ("Zhu An 朱安": not the article).
            let last = EnglishWords.lastToken(line, max(floor, start - 40)..<start)
            if let last, !last.isWord, [":", "：", ",", "，", ";"].contains(last.text) { continue }
            // An original closing a quotation translates the quoted words, whatever the last one
            // is: “first enrich the people and then teach them 先富后教.”
            let slotWord = last.flatMap { $0.isWord && EnglishWords.slotWords.contains($0.lowercased) ? $0 : nil }
            let inSlot = slotWord != nil && !Self.closesQuotation(line, from: end, openedAfter: max(floor, start - EnglishSpanChooser.window))
            if inSlot && slotWord?.isCapitalized == false { continue }
            var zhEnd = end
            while zhEnd > start, CharacterClass.chinesePunctuation.contains(line[zhEnd - 1]) { zhEnd -= 1 }
            var zh = line.string(start..<zhEnd)
            if zh.unicodeScalars.contains(where: CharacterClass.emphasisMarks.contains) {
                zh = String(String.UnicodeScalarView(zh.unicodeScalars.filter { !CharacterClass.emphasisMarks.contains($0) && !CharacterClass.isSpace($0) }))
            }
            let facts = facts(of: zh)
            // Chinese glued to the English before it and opening with a particle continues a
            // Chinese sentence (`“Alley_Pave”的值设置为1`, `NVIDIA GPU或`); so does a lone particle.
            // Set apart by a space, it is an original: harmony without uniformity 和而不同.
            if facts.opensWithParticle, facts.hanCount == 1 || start == 0 || !CharacterClass.isSpace(line[start - 1]) { continue }
            // Nor, even after a space, a run that opens with 的 or a sentence-final particle, or
            // ends with the copula: `Oracle Java JRE 的版本`, `HTMLParser 1.6 作者是 Somik Raha`.
            if let lead = zh.unicodeScalars.first, Self.neverOpens.contains(lead) { continue }
            if zh.unicodeScalars.last == "是", facts.hanCount > 1,
               let last = segmenter.tokens(in: zh).last, zh[last.range] == "是" { continue }  // (凡是 "whatever" is a word)
            // Nor is a phrase that closes a list: `Derrick Oswald 等人` (and others).
            if Self.listClosers.contains(zh) { continue }
            guard var choice = english.choose(line, floor: floor, end: start, after: zhEnd, facts: facts) else { continue }
            if inSlot && choice.evidence != "pinyin" && choice.evidence != "glossary" { continue }
            // English in quotes or emphasis, then the pinyin, then the original: the English
            // renders it and the pinyin spells it (`“moderately prosperous society”--_xiaokang_
            // 小康`, `_Elementary Learning_ _Xiaoxue_ 小学`).
            var spelled: [String] = []
            // (Not a name: `“Ten Factors Limiting Sovereignty,” Wang Yizhou 王逸舟` cites a title.)
            if choice.evidence == "pinyin", !ChineseNames.isPersonalName(zh),
               let marked = Self.markedEnglish(line, before: choice.range.lowerBound, floor: floor) {
                spelled = [Self.cleanEnglish(line.string(choice.range))]
                choice = EnglishChoice(range: marked, confidence: 0.8, evidence: "quotes")
            }
            var pair = makePair(zh: zh, zhStart: start, line: line, number: number, choice: choice, kind: .inline, uncertain: false, alternatives: spelled)
            pair.confidence = max(0.3, pair.confidence - 0.1)
            // A romanized title with its original and then its translation in brackets, as
            // references cite Chinese works: `Meiyou tudi gaige … 没有土地改革… [Without land
            // reform, …]`. The English in brackets renders the original; the pinyin spells it.
            // Not after a name (`Dong Zhongshu 董仲舒 (179-104 B.C.)`, `Xu Shuming 徐书鸣
            // (journalist)`: every word capitalized) and not before a gloss or an aside in lower
            // case (`qianggu 强箍 (to muzzle)`) or of one word (`Dongfang zaobao 东方早报 (Shanghai)`).
            // (The bracket first: most originals have none after them.)
            if let translation = bracketedTranslation(line, masked: masked, after: zhEnd),
               !pair.en.split(separator: " ").allSatisfy({ $0.first?.isUppercase == true }),
               Self.readsAsTitle(translation.text),
               spellsPinyin(pair.en, of: zh) {
                Self.render(&pair, byTranslation: translation)
            }
            pairs.append(pair)
            floor = end
        }
        return pairs
    }

    /// Whether the Chinese at `start` directly follows an English word (spaces and emphasis
    /// between) that `english` does not hold: the word of a mixed term (`Nadaraya-Watson核回归
    /// (Nadaraya-Watson kernel regression)`) is in its translation; romanized words before an
    /// original are not.
    static func followsOtherEnglish(_ line: [Unicode.Scalar], _ start: Int, floor: Int, than english: String) -> Bool {
        var end = start
        while end > floor, CharacterClass.isSpace(line[end - 1]) || CharacterClass.emphasisMarks.contains(line[end - 1]) { end -= 1 }
        var first = end
        while first > floor, CharacterClass.isLatinLetter(line[first - 1]) { first -= 1 }
        guard first < end else { return false }
        let word = line.string(first..<end).lowercased()
        return !english.lowercased().split(whereSeparator: { !$0.isLetter }).contains { $0 == word }
    }

    /// Where the Chinese that ends before `end` (spaces aside) begins: Han characters with
    /// Chinese punctuation, digits and spaces between them.
    static func chineseRunStart(_ line: [Unicode.Scalar], before end: Int, floor: Int) -> Int {
        var k = end
        while k > floor, CharacterClass.isSpace(line[k - 1]) { k -= 1 }
        var start = k
        while k > floor {
            let c = line[k - 1]
            if CharacterClass.isHan(c) {
                start = k - 1
            } else if !(CharacterClass.chinesePunctuation.contains(c) || CharacterClass.isDigit(c) || CharacterClass.isSpace(c)) {
                break
            }
            k -= 1
        }
        return start
    }

    /// The English in a bracket right after `end` (spaces between), when it reads as a
    /// rendering (not an aside, a year or a citation: see `englishContent`). A comma inside
    /// belongs to a translated title or sentence (`[Without land reform, there would be…]`)
    /// unless what follows it is short, an abbreviation or a second term.
    private func bracketedTranslation(_ line: [Unicode.Scalar], masked: [Bool], after end: Int)
        -> (text: String, range: Range<Int>, words: Int, alternatives: [String])? {
        var open = end
        while open < line.count, CharacterClass.isSpace(line[open]) { open += 1 }
        guard open < line.count, !masked[open], Brackets.isOpener(line[open]), let closer = Brackets.closer(for: line[open]) else { return nil }
        var depth = 0
        var close = open
        while close < line.count, close - open <= Self.longestOriginal {
            if line[close] == line[open] { depth += 1 }
            if line[close] == closer {
                depth -= 1
                if depth == 0 { break }
            }
            close += 1
        }
        guard close < line.count, close - open <= Self.longestOriginal, line[close] == closer,
              let content = englishContent(line, (open + 1)..<close) else { return nil }
        guard content.alternatives.contains(where: { $0.split(separator: " ").count > 3 }) else { return content }
        var whole = (open + 1)..<close
        while !whole.isEmpty, CharacterClass.isSpace(line[whole.lowerBound]) { whole = (whole.lowerBound + 1)..<whole.upperBound }
        while !whole.isEmpty, CharacterClass.isSpace(line[whole.upperBound - 1]) { whole = whole.lowerBound..<(whole.upperBound - 1) }
        return (line.string(whole), whole, content.words, [])
    }

    /// Where the Chinese run from `start` (a Han character) ends: Han, with inner spaces,
    /// Chinese punctuation or digits between Han, up to a bracket.
    static func chineseRunEnd(_ line: [Unicode.Scalar], covered: [Bool], from start: Int) -> Int {
        var end = start + 1
        var j = end
        while j < line.count, !covered[j] {
            let c = line[j]
            if CharacterClass.isHan(c) { j += 1; end = j; continue }
            // Emphasis closed and reopened inside a name: 钱_ _理_ _群; an ASCII comma between two
            // clauses of one original: 各正性命, 物各付物.
            if CharacterClass.chinesePunctuation.contains(c) || CharacterClass.isSpace(c) || CharacterClass.isDigit(c) || c == "?" || c == "!"
                || CharacterClass.emphasisMarks.contains(c) || (c == "," || c == ";") && Self.hanFollows(line, after: j) {
                j += 1
                continue
            }
            break
        }
        return end
    }

    /// A Chinese title cited as references cite one, whose part or volume stands in full-width
    /// brackets (`…(nongye bian)_ 晋绥边区财政经济史资料选编（农业编）[Selected materials …]`,
    /// `congbian (er bian), xiangcun jingji juan (xia)_ 民国时期社会调查丛编（二编）, 乡村经济卷（下）[…]`):
    /// the bracketed part belongs to the title when a translation in brackets follows the
    /// whole and the romanization before it spells the whole. The pair renders the title by
    /// the translation; the romanization is its alternative. Nil for any other run, which
    /// ends at its first bracket as before.
    private func citedTitle(_ line: [Unicode.Scalar], masked: [Bool], covered: [Bool], start: Int, end runEnd: Int, floor: Int,
                            number: Int) -> (pair: AlignedPair, end: Int)? {
        // (The bracket glued to the run first: most runs have none.)
        guard runEnd < line.count, line[runEnd] == "（" else { return nil }
        var end = runEnd
        while end < line.count, line[end] == "（", !masked[end] {
            // A short part name: Han, digits, spaces and Chinese punctuation, some Han.
            var close = end + 1
            var hasHan = false
            while close < line.count, close - end <= 16, line[close] != "）" {
                let c = line[close]
                guard CharacterClass.isHan(c) || CharacterClass.isDigit(c) || CharacterClass.isSpace(c)
                        || CharacterClass.chinesePunctuation.contains(c) else { return nil }
                hasHan = hasHan || CharacterClass.isHan(c)
                close += 1
            }
            guard close < line.count, line[close] == "）", hasHan else { return nil }
            end = close + 1
            // The title may go on after a comma: `丛编（二编）, 乡村经济卷（下）`.
            var next = end
            while next < line.count, line[next] == "," || line[next] == "，" || CharacterClass.isSpace(line[next]) { next += 1 }
            guard next > end, next < line.count, CharacterClass.isHan(line[next]), !covered[next] else { break }
            end = Self.chineseRunEnd(line, covered: covered, from: next)
        }
        guard let translation = bracketedTranslation(line, masked: masked, after: end),
              Self.readsAsTitle(translation.text) else { return nil }
        let zh = line.string(start..<end)
        guard let romanized = Self.romanization(line, before: start, floor: floor, letters: pinyinLetters(of: zh).utf8.count),
              spellsPinyin(line.string(romanized), of: zh) else { return nil }
        var pair = makePair(zh: zh, zhStart: start, line: line, number: number,
                            choice: EnglishChoice(range: romanized, confidence: 0.8, evidence: "pinyin"), kind: .inline,
                            uncertain: false, alternatives: [])
        pair.confidence = max(0.3, pair.confidence - 0.1)
        Self.render(&pair, byTranslation: translation)
        return (pair, end)
    }

    /// Whether a bracketed translation reads as a cited title's (or sentence's): capitalized,
    /// of two words or more, not a gloss in lower case (`(to muzzle)`) nor one word (`(Shanghai)`).
    private static func readsAsTitle(_ translation: String) -> Bool {
        translation.first?.isUppercase == true && translation.split(separator: " ").count >= 2
    }

    /// `pair`, whose English is the romanization of a cited title, rendered instead by the
    /// translation in brackets after the original; the romanization becomes an alternative.
    private static func render(_ pair: inout AlignedPair,
                               byTranslation translation: (text: String, range: Range<Int>, words: Int, alternatives: [String])) {
        pair.alternatives = [pair.en] + translation.alternatives
        pair.en = translation.text
        pair.enLocation.column = translation.range.lowerBound + 1
        pair.evidence = ["pinyin", "bracketed translation"]
    }

    /// The romanized title that ends before `start` (spaces, emphasis and quote marks between)
    /// with `letters` Latin letters: read back across spaces, brackets, commas, hyphens and
    /// apostrophes, up to Chinese, a digit, a square bracket or an opening quote mark.
    static func romanization(_ line: [Unicode.Scalar], before start: Int, floor: Int, letters: Int) -> Range<Int>? {
        var end = start
        while end > floor, CharacterClass.isSpace(line[end - 1]) || CharacterClass.emphasisMarks.contains(line[end - 1])
            || CharacterClass.quoteMarks.contains(line[end - 1]) { end -= 1 }
        var first = end
        var count = 0
        var k = end
        while k > floor, count < letters {
            let c = line[k - 1]
            if CharacterClass.isLatinLetter(c) {
                count += 1
                first = k - 1
            } else if !(CharacterClass.isSpace(c) || Self.romanizationJoints.contains(c)) {
                break
            }
            k -= 1
        }
        guard count >= 4 else { return nil }
        return first..<end
    }

    /// What may stand between the syllables of a romanized title: `(xia)`, `er bian), xiangcun`, `Jin-Sui`.
    static let romanizationJoints = ScalarList("(),-'’_*")

    /// Whether `english` spells the pinyin of `zh`, letters alone compared (tones, spaces,
    /// digits and punctuation aside): `Qu zhengzhihua de zhengzhi: duan 20 shiji` and
    /// 去政治化的政治：短20世纪. Four letters at least, so a short word cannot match by chance;
    /// one letter in eight may differ, for characters with more than one reading (土地 is
    /// `tudi`, where a character-by-character reading gives `tude`).
    private func spellsPinyin(_ english: String, of zh: String) -> Bool {
        let letters = EnglishSpanChooser.foldPinyin(english)
        guard letters.utf8.count >= 4 else { return false }
        return EditDistance.distance(letters, pinyinLetters(of: zh), limit: letters.utf8.count / 8) != nil
    }
}

extension UInt8 {
    /// Whether the byte starts a UTF-8 sequence (is not a continuation byte).
    var isUTF8Lead: Bool { self & 0xC0 != 0x80 }
}

/// Counts of Latin letters, English word starts and Han characters in stretches of a line.
/// Where the stretches asked about (the brackets' contents) are short in all, as on most
/// lines, each is counted when asked; where they are long in all (nested brackets), running
/// counts over the whole line answer each in O(1), so that nesting stays linear.
struct LetterCounts {
    private let line: [Unicode.Scalar]
    /// Interleaved: counts[3k], [3k+1], [3k+2] are the Latin letters, word starts and Han
    /// characters before offset k (one allocation per line); nil when stretches are counted
    /// as asked.
    private let counts: [Int32]?

    /// Counts for `line`, whose stretches asked about will be the contents of `spans` (and
    /// the whole line once).
    init(_ line: [Unicode.Scalar], spans: [BracketSpan]) {
        var asked = 0
        for span in spans { asked += span.contentRange.count }
        self.init(line, runningCounts: asked > line.count)
    }

    init(_ line: [Unicode.Scalar], runningCounts: Bool) {
        self.line = line
        guard runningCounts else {
            counts = nil
            return
        }
        counts = [Int32](unsafeUninitializedCapacity: 3 * (line.count + 1)) { buffer, initialized in
            var latin: Int32 = 0, words: Int32 = 0, han: Int32 = 0
            var previousLatin = false
            buffer[0] = 0; buffer[1] = 0; buffer[2] = 0
            for (k, s) in line.enumerated() {
                Self.count(s, latin: &latin, words: &words, han: &han, previousLatin: &previousLatin)
                buffer[3 * k + 3] = latin; buffer[3 * k + 4] = words; buffer[3 * k + 5] = han
            }
            initialized = 3 * (line.count + 1)
        }
    }

    /// The Latin letters, word starts (a letter after no letter, the line before `range` included)
    /// and Han characters in `range`.
    func counts(_ range: Range<Int>) -> (latin: Int32, words: Int32, han: Int32) {
        if let counts {
            let a = 3 * range.lowerBound, b = 3 * range.upperBound
            return (counts[b] - counts[a], counts[b + 1] - counts[a + 1], counts[b + 2] - counts[a + 2])
        }
        return line.withUnsafeBufferPointer { line in
            var latin: Int32 = 0, words: Int32 = 0, han: Int32 = 0
            var previousLatin = range.lowerBound > 0 && CharacterClass.isLatinLetter(line[range.lowerBound - 1])
            for k in range { Self.count(line[k], latin: &latin, words: &words, han: &han, previousLatin: &previousLatin) }
            return (latin, words, han)
        }
    }

    /// Counts `scalar` into the running totals: a Latin letter (a word start after no
    /// letter) or a Han character.
    @inline(__always)
    private static func count(_ scalar: Unicode.Scalar, latin: inout Int32, words: inout Int32, han: inout Int32,
                              previousLatin: inout Bool) {
        let isLatin = CharacterClass.isLatinLetter(scalar)
        if isLatin {
            latin += 1
            if !previousLatin { words += 1 }
        } else if CharacterClass.isHan(scalar) {
            han += 1
        }
        previousLatin = isLatin
    }

    /// Whether `range` is English prose with at most a little Chinese: at least `minimum`
    /// English words (two unless given), and at least three Latin letters per Han character.
    func isEnglishProse(_ range: Range<Int>, words minimum: Int32 = 2) -> Bool {
        let (latin, words, han) = counts(range)
        return han > 0 && words >= minimum && latin >= 3 * han
    }
}
