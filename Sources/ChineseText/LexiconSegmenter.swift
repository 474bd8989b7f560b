public import ICUText

/// Word segmentation that keeps known terms whole: the longest known term
/// wins, and ICU's dictionary segments the rest.
///
/// ICU's dictionary cannot be extended at run time, so `阶跃星辰` comes out of
/// ICU as `阶 跃 星辰`. This segmenter finds a segmentation of every line with
/// the fewest words, where a word is a lexicon entry, a single Han character,
/// or one of ICU's non-Han tokens (a Latin word, a number, a punctuation mark);
/// among equally short segmentations it prefers fewer unknown single
/// characters, then agreement with ICU's boundaries. `conventions` then join
/// numbers with units, dates, names and organization names.
///
/// Not thread-safe (it owns an ICU break iterator): make one per task.
public final class LexiconSegmenter {
    /// The known words.
    public let lexicon: Lexicon
    /// The conventions applied after the lexicon pass.
    public let conventions: SegmentationConventions
    private let icu: WordSegmenter

    /// A segmenter for `lexicon` on top of ICU's `zh` word break iterator.
    /// - Throws: `ICUError` when ICU cannot open the break iterator.
    public init(lexicon: Lexicon, conventions: SegmentationConventions = .standard) throws(ICUError) {
        self.lexicon = lexicon
        self.conventions = conventions
        self.icu = try WordSegmenter(locale: "zh")
    }

    private init(lexicon: Lexicon, conventions: SegmentationConventions, icu: WordSegmenter) {
        self.lexicon = lexicon
        self.conventions = conventions
        self.icu = icu
    }

    /// A segmenter with the same lexicon for another task (ICU's break iterator is cloned).
    public func copy() throws(ICUError) -> LexiconSegmenter {
        LexiconSegmenter(lexicon: lexicon, conventions: conventions, icu: try icu.copy())
    }

    /// The tokens of `text`, in order, covering it exactly (spaces included).
    /// - Complexity: O(n · m) for n scalars and a longest term of m scalars.
    public func tokens(in text: String) -> [Token] {
        let icuTokens = icu.tokens(in: text)
        if lexicon.isEmpty && conventions == .none { return icuTokens }
        var result: [Token] = []
        result.reserveCapacity(icuTokens.count)
        var runStart = 0
        // Segment stretches between whitespace separately: a term never spans a space.
        for (i, token) in icuTokens.enumerated() where token.kind == .space {
            segmentStretch(text, icuTokens[runStart..<i], into: &result)
            result.append(token)
            runStart = i + 1
        }
        segmentStretch(text, icuTokens[runStart...], into: &result)
        return result
    }

    private func segmentStretch(_ text: String, _ tokens: ArraySlice<Token>, into result: inout [Token]) {
        guard let first = tokens.first, let last = tokens.last else { return }
        let stretch = first.range.lowerBound..<last.range.upperBound
        // Scalars of the stretch, and the String.Index of each scalar position.
        var scalars: [Unicode.Scalar] = []
        var indices: [String.Index] = []
        var index = stretch.lowerBound
        let view = text.unicodeScalars
        while index < stretch.upperBound {
            scalars.append(view[index])
            indices.append(index)
            index = view.index(after: index)
        }
        indices.append(stretch.upperBound)
        let n = scalars.count
        if n == 0 { return }

        // For every scalar position: is it an ICU boundary, and which ICU token starts there.
        var isBoundary = [Bool](repeating: false, count: n + 1)
        var tokenAt = [Int](repeating: -1, count: n + 1)   // index into `tokens` (offset from startIndex)
        var isHan = [Bool](repeating: false, count: n)
        var tokenEnd = [Int](repeating: 0, count: n + 1)
        do {
            var position = 0
            for (offset, token) in tokens.enumerated() {
                isBoundary[position] = true
                tokenAt[position] = offset
                let start = position
                while position < n && indices[position] < token.range.upperBound { position += 1 }
                tokenEnd[start] = position
                if token.kind == .ideographic {
                    for p in start..<position { isHan[p] = true }
                }
            }
            isBoundary[n] = true
        }

        // Shortest path: cost = (words, unknown single characters, disagreements with ICU).
        struct Cost: Comparable {
            var words: Int32, unknown: Int32, disagreements: Int32
            static func < (a: Cost, b: Cost) -> Bool {
                (a.words, a.unknown, a.disagreements) < (b.words, b.unknown, b.disagreements)
            }
        }
        let unreachable = Cost(words: .max, unknown: .max, disagreements: .max)
        var best = [Cost](repeating: unreachable, count: n + 1)
        var back = [Int](repeating: 0, count: n + 1)
        var fromLexicon = [Bool](repeating: false, count: n + 1)
        best[0] = Cost(words: 0, unknown: 0, disagreements: 0)
        let lexicon = self.lexicon
        // (Through buffers: the relaxations, a closure's captures, would each be checked for
        // exclusive access at run time.)
        best.withUnsafeMutableBufferPointer { best in
            back.withUnsafeMutableBufferPointer { back in
                fromLexicon.withUnsafeMutableBufferPointer { fromLexicon in
                    scalars.withUnsafeBufferPointer { buffer in
                        for i in 0..<n where best[i] != unreachable {
                            let base = best[i]
                            func relax(_ end: Int, unknown: Bool, known: Bool) {
                                let cost = Cost(words: base.words + 1,
                                                unknown: base.unknown + (unknown ? 1 : 0),
                                                disagreements: base.disagreements + (isBoundary[end] ? 0 : 1))
                                if cost < best[end] {
                                    best[end] = cost
                                    back[end] = i
                                    fromLexicon[end] = known
                                }
                            }
                            // A term may start inside a Han token or at any ICU boundary, and must end
                            // inside a Han token or at a boundary (never inside a Latin word or a number).
                            if isHan[i] || isBoundary[i] {
                                lexicon.forEachMatch(in: buffer, from: i) { length in
                                    let end = i + length
                                    if isBoundary[end] || (end < n && isHan[end] && isHan[end - 1]) {
                                        relax(end, unknown: false, known: true)
                                    }
                                }
                            }
                            if isHan[i] {
                                // ICU's own dictionary words are candidates where the lexicon does not
                                // know every character as a word of its own.
                                if tokenAt[i] >= 0 && tokenEnd[i] > i + 1
                                    && (i..<tokenEnd[i]).contains(where: { !lexicon.contains(buffer[$0]) }) {
                                    relax(tokenEnd[i], unknown: false, known: false)
                                }
                                relax(i + 1, unknown: !lexicon.contains(buffer[i]), known: false)
                            } else if tokenAt[i] >= 0 {
                                relax(tokenEnd[i], unknown: false, known: false)
                            }
                        }
                    }
                }
            }
        }

        // Read the path back.
        var cuts: [Int] = []
        var known: [Bool] = []
        var end = n
        while end > 0 {
            cuts.append(end)
            known.append(fromLexicon[end])
            end = back[end]
        }
        cuts.reverse()
        known.reverse()
        var words: [Word] = []
        words.reserveCapacity(cuts.count)
        var start = 0
        for (k, cut) in cuts.enumerated() {
            let kind: TokenKind
            if let offset = Optional(tokenAt[start]), offset >= 0, tokenEnd[start] == cut, !known[k] {
                kind = tokens[tokens.startIndex + offset].kind
            } else if isHan[start] {
                kind = .ideographic
            } else {
                kind = tokens[tokens.startIndex + max(0, nearestToken(start, tokenAt))].kind
            }
            words.append(Word(start: start, end: cut, kind: kind, known: known[k]))
            start = cut
        }
        applyConventions(&words, scalars: scalars)
        for word in words {
            result.append(Token(range: indices[word.start]..<indices[word.end], kind: word.kind))
        }
    }

    private func nearestToken(_ position: Int, _ tokenAt: [Int]) -> Int {
        var p = position
        while p > 0 && tokenAt[p] < 0 { p -= 1 }
        return tokenAt[p]
    }

    struct Word {
        var start: Int, end: Int, kind: TokenKind, known: Bool
        var length: Int { end - start }
    }

    private func applyConventions(_ words: inout [Word], scalars: [Unicode.Scalar]) {
        guard conventions != .none, words.count > 1 else { return }
        func text(_ w: Word) -> String {
            var s = ""
            s.unicodeScalars.append(contentsOf: scalars[w.start..<w.end])
            return s
        }
        func isSingle(_ w: Word) -> Bool { w.length == 1 && w.kind == .ideographic }
        func isNameCharacter(_ w: Word) -> Bool {
            isSingle(w) && !ConventionData.contains(ConventionData.functionCharacters, ConventionData.functionScalars, scalars[w.start])
        }
        var out: [Word] = []
        out.reserveCapacity(words.count)
        var k = 0
        while k < words.count {
            var word = words[k]
            // Organization names: unknown single characters + a suffix.
            if conventions.joinsOrganizationNames, let previous = out.last, isNameCharacter(previous),
               ConventionData.mayBeginSuffix(scalars[word.start]), ConventionData.organizationSuffixes.contains(text(word)) {
                var first = out.count - 1
                while first > 0 && isNameCharacter(out[first - 1]) { first -= 1 }
                word = Word(start: out[first].start, end: word.end, kind: .ideographic, known: false)
                out.removeSubrange(first...)
                out.append(word)
                k += 1
                continue
            }
            // Numbers with units, and dates.
            if let previous = out.last, previous.kind == .number || isNumberWithUnit(previous, scalars) {
                let t = text(word)
                if conventions.joinsNumbersWithUnits, previous.kind == .number, acceptsUnit(previous, scalars), isUnit(t) {
                    out[out.count - 1].end = word.end
                    out[out.count - 1].kind = .number
                    k += 1
                    continue
                }
                if conventions.joinsDates, previous.kind == .number, isNumberWithUnit(previous, scalars),
                   ["年", "月"].contains(String(scalars[previous.end - 1])),
                   word.kind == .number, k + 1 < words.count,
                   ["月", "日", "号"].contains(text(words[k + 1])) {
                    out[out.count - 1].end = words[k + 1].end
                    k += 2
                    continue
                }
            }
            // Personal names: surname + one or two characters that are not words on their own.
            if conventions.joinsPersonalNames, isSingle(word),
               ConventionData.contains(ConventionData.surnames, ConventionData.surnameScalars, scalars[word.start]),
               k + 1 < words.count, isNameCharacter(words[k + 1]) {
                var end = words[k + 1].end
                var next = k + 2
                if next < words.count, isNameCharacter(words[next]) {
                    end = words[next].end
                    next += 1
                }
                out.append(Word(start: word.start, end: end, kind: .ideographic, known: false))
                k = next
                continue
            }
            out.append(word)
            k += 1
        }
        words = out
    }

    private func isUnit(_ text: String) -> Bool {
        if ConventionData.units.contains(text) { return true }
        guard let first = text.first, ConventionData.magnitudes.contains(first) else { return false }
        let rest = text.dropFirst()
        return rest.isEmpty || ConventionData.units.contains(String(rest))
    }

    /// Whether a number word still ends in a digit or a magnitude (`２０`, `２０多`), so a unit may follow.
    private func acceptsUnit(_ word: Word, _ scalars: [Unicode.Scalar]) -> Bool {
        let last = scalars[word.end - 1]
        return last.properties.numericType != nil && Script(last) != .han
            || ConventionData.magnitudes.contains(Character(last))
    }

    private func isNumberWithUnit(_ word: Word, _ scalars: [Unicode.Scalar]) -> Bool {
        word.kind == .number && word.length > 1 && Script(scalars[word.end - 1]) == .han
    }
}
