/// What is known about a Chinese original when choosing the English it translates.
struct OriginalFacts {
    var zh: String
    /// Han characters in the original.
    var hanCount: Int
    /// Words of the original (glossary-aware ICU segmentation).
    var wordCount: Int
    /// The original's pinyin without tones or spaces (`qianmu`), for names and transliterations;
    /// empty for an original of more than eight Han characters, which is no name.
    let pinyinKey: String
    /// `pinyinKey` as `EnglishSpanChooser.foldPinyin` writes English words: ASCII letters.
    let pinyinLetters: String
    /// `pinyinLetters` when the facts keep the original's pinyin (`pinyinKey` is empty for an
    /// original too long to be a name), else nil.
    var keptPinyinLetters: String? { pinyinKey.isEmpty ? nil : pinyinLetters }
    /// Separators inside the original (`，`, `；`, `：`, `——`): a clause of n+1 parts.
    var separators: Int
    /// Whether the original reads as a clause or sentence rather than a term.
    var isClause: Bool
    /// Whether its first word is a particle, conjunction or preposition (`的值设置为`, `和`): the
    /// rest of a Chinese sentence, not an original.
    var opensWithParticle = false

    init(zh: String, hanCount: Int, wordCount: Int, pinyinKey: String, separators: Int, isClause: Bool, opensWithParticle: Bool = false) {
        self.zh = zh
        self.hanCount = hanCount
        self.wordCount = wordCount
        self.pinyinKey = pinyinKey
        self.pinyinLetters = EnglishSpanChooser.foldPinyin(pinyinKey)
        self.separators = separators
        self.isClause = isClause
        self.opensWithParticle = opensWithParticle
    }
}

/// The chosen English span: scalar offsets in the line, a confidence and the deciding evidence.
struct EnglishChoice {
    var range: Range<Int>
    var confidence: Double
    var evidence: String
}

/// Chooses which English words before an original the original translates,
/// combining evidence: known renderings, pinyin, quotes and emphasis, clause
/// structure, capitalization runs and noun-phrase boundaries.
struct EnglishSpanChooser {
    let evidence: any TermEvidence

    /// Chooses the span that ends at `end` (exclusive) and starts no earlier than `floor`.
    /// `after` is the offset just after the original (to see a closing quote around both).
    /// The farthest back (in scalars) an English rendering may start: longer is prose, and the
    /// window keeps a paragraph with many originals linear.
    static let window = 320

    func choose(_ line: [Unicode.Scalar], floor rawFloor: Int, end rawEnd: Int, after: Int?, facts: OriginalFacts) -> EnglishChoice? {
        // Terms need a short window; clauses may reach back to the start of a long sentence.
        let floor = max(rawFloor, rawEnd - (facts.isClause ? Self.window : Self.window / 3))
        // Step back over spaces, footnote markers and closing marks between the English and the original.
        var end = rawEnd
        func skipSpaces() { while end > floor, CharacterClass.isSpace(line[end - 1]) { end -= 1 } }
        skipSpaces()
        end = Self.skipFootnoteMarker(line, floor: floor, end: end)
        skipSpaces()
        if end > floor, line[end - 1] == "/" || line[end - 1] == "／" { end -= 1 }
        skipSpaces()
        var closingMarks: [Unicode.Scalar] = []
        var markEnd = end
        // Marks, possibly with spaces between them (`_Sun Ge_ _孙歌_`: emphasis closed and reopened).
        while true {
            while end > floor, CharacterClass.quoteMarks.contains(line[end - 1]) || CharacterClass.emphasisMarks.contains(line[end - 1])
                || line[end - 1] == "," && !closingMarks.isEmpty {
                closingMarks.append(line[end - 1])
                end -= 1
            }
            markEnd = end
            skipSpaces()
            guard end < markEnd, end > floor, CharacterClass.emphasisMarks.contains(line[end - 1]) else { break }
        }
        // A title that ends in ? or ! keeps its mark: "… than that in Europe? 为什么…".
        var titleMark = false
        if end > floor, line[end - 1] == "?" || line[end - 1] == "!", end - 1 > floor, EnglishWords.isWordScalar(line[end - 2]) {
            end -= 1
            titleMark = true
        }
        let tokens = EnglishWords.tokens(line, floor..<end)
        guard let lastWord = tokens.lastIndex(where: \.isWord), lastWord == tokens.count - 1 else { return nil }
        guard let choice = choose(line, floor: floor, markEnd: markEnd, closingMarks: closingMarks, after: after, tokens: tokens, facts: facts) else {
            return nil
        }
        if titleMark, choice.range.upperBound == end {
            return EnglishChoice(range: choice.range.lowerBound..<(end + 1), confidence: choice.confidence, evidence: choice.evidence)
        }
        return choice
    }

    private func choose(_ line: [Unicode.Scalar], floor: Int, markEnd: Int, closingMarks: [Unicode.Scalar], after: Int?,
                        tokens: [EnglishToken], facts: OriginalFacts) -> EnglishChoice? {
        let lastWord = tokens.count - 1

        // 1. A known rendering (glossary, earlier corpora) that the text ends with.
        if let span = knownRendering(tokens, facts) { return span }
        // 2. Pinyin: names and transliterations (Qian Mu 钱穆, Kuaishou 快手).
        if let span = pinyinMatch(tokens, facts) { return span }
        // 3. Quotes or emphasis around the English (and the original).
        if let span = quoted(line, floor: floor, end: markEnd, closingMarks: closingMarks, after: after, tokens: tokens, facts: facts) {
            return withNamePrefix(span, line: line, floor: floor, tokens: tokens, facts: facts)
        }
        // 4. A list rendered by a list: 福、禄、寿、禧、财 good fortune, prosperity, …, and wealth.
        if let span = enumeration(tokens, facts) { return span }
        // 5. A clause translated by a clause.
        if facts.isClause { return clause(tokens, facts) }
        // 6. A capitalized name or title.
        if tokens[lastWord].isCapitalized || tokens[lastWord].text.first?.isNumber == true && tokens.count > 1 && tokens[tokens.count - 2].isCapitalized {
            if let span = capitalized(tokens, facts) { return span }
        }
        // 7. A lower-case noun phrase, back to the nearest function word or punctuation; in a
        // French, Spanish or Italian translation, before a school's adjective the original does
        // not name (`universalista confuciana (天下)`).
        var phrase = tokens
        if lastWord > 0, tokens[lastWord - 1].isWord, !EnglishWords.endsTerm(tokens[lastWord - 1]),
           EnglishWords.isGlossedSchool(tokens[lastWord].lowercased, in: facts.zh, table: EnglishWords.romanceSchoolAdjectives) {
            phrase.removeLast()
        }
        return nounPhrase(phrase, facts).map { withNamePrefix($0, line: line, floor: floor, tokens: phrase, facts: facts) }
    }

    /// `span` widened to the capitalized word just before it (quote marks between) when
    /// that word spells the pinyin the original starts with: a place or a name the original
    /// opens with (`Hangzhou "six little dragons" [杭州六小龙]`). Five letters at least, so
    /// that a short English word cannot match a syllable by chance.
    private func withNamePrefix(_ span: EnglishChoice, line: [Unicode.Scalar], floor: Int, tokens: [EnglishToken],
                                facts: OriginalFacts) -> EnglishChoice {
        let key = facts.pinyinLetters  // (ASCII: bytes are letters)
        guard key.utf8.count >= 7, let next = tokens.firstIndex(where: { $0.range.lowerBound >= span.range.lowerBound }),
              let index = tokens[..<next].lastIndex(where: \.isWord) else { return span }
        let word = tokens[index]
        // Only quote marks and emphasis may stand between the name and the span.
        let between = tokens[(index + 1)..<next]
        guard word.isCapitalized, between.allSatisfy({ !$0.isWord && ($0.text.unicodeScalars.first.map {
            CharacterClass.quoteMarks.contains($0) || CharacterClass.emphasisMarks.contains($0) } ?? false) }) else { return span }
        let letters = Self.foldPinyin(word.text)
        guard letters.utf8.count >= 5, letters.utf8.count < key.utf8.count, key.hasPrefix(letters) else { return span }
        return EnglishChoice(range: word.range.lowerBound..<span.range.upperBound, confidence: span.confidence, evidence: span.evidence)
    }

    /// Steps back over a footnote marker before the original: `[6]`, `⁶`, `^6`.
    static func skipFootnoteMarker(_ line: [Unicode.Scalar], floor: Int, end: Int) -> Int {
        var j = end
        if j > floor, line[j - 1] == "]" {
            var k = j - 2
            while k > floor, CharacterClass.isDigit(line[k]) { k -= 1 }
            if k >= floor, k < j - 2, line[k] == "[" { return k }
        }
        var k = j
        while k > floor, CharacterClass.superscriptDigit(line[k - 1]) != nil { k -= 1 }
        if k < j { return k }
        k = j
        while k > floor, CharacterClass.isDigit(line[k - 1]) { k -= 1 }
        if k < j, k > floor, line[k - 1] == "^" { return k - 1 }
        j = end
        return j
    }

    /// Steps forward over a footnote marker after the original, before the mark that closes
    /// a quotation around both: `“two restraints and one leniency 两少一宽[7]”`.
    static func skipFootnoteMarkerForward(_ line: [Unicode.Scalar], from start: Int) -> Int {
        var k = start
        if k < line.count, line[k] == "[" {
            var j = k + 1
            while j < line.count, CharacterClass.isDigit(line[j]) { j += 1 }
            if j > k + 1, j < line.count, line[j] == "]" { return j + 1 }
        }
        while k < line.count, CharacterClass.superscriptDigit(line[k]) != nil { k += 1 }
        if k > start { return k }
        if k < line.count, line[k] == "^" {
            var j = k + 1
            while j < line.count, CharacterClass.isDigit(line[j]) { j += 1 }
            if j > k + 1 { return j }
        }
        return start
    }

    /// Drops lower-case function words that open a quoted span (`being an understanding wife`).
    /// `the` stays when the original is a saying, which is rendered as a sentence (`the world
    /// belongs to all` 天下为公), and goes before a term (`the last kilometre` 最后一公里).
    static func dropLeadingFunctionWords(_ words: inout [EnglishToken], facts: OriginalFacts) {
        let saying = facts.hanCount == 4 && facts.wordCount >= 2
        while words.count > 1, !words[0].isCapitalized, words[0].lowercased != "the" || !saying,
              EnglishWords.functionWords.contains(words[0].lowercased) {
            words.removeFirst()
        }
    }

    // MARK: - Evidence

    private func knownRendering(_ tokens: [EnglishToken], _ facts: OriginalFacts) -> EnglishChoice? {
        let renderings = evidence.renderings(of: facts.zh)
        if renderings.isEmpty { return nil }
        let renderingWords = renderings.map { Self.words(of: $0.lowercased()) }
        // The text's last words split at hyphens and apostrophes, each with the token it came
        // from: as many as the longest rendering has (or all there are), in text order.
        let longest = renderingWords.map(\.count).max() ?? 0
        var parts: [(word: String, token: Int, startsToken: Bool)] = []
        var index = tokens.count - 1
        while index >= 0, parts.count < longest {
            let token = tokens[index]
            if token.isWord {
                parts.insert(contentsOf: Self.words(of: token.lowercased).enumerated().map { ($1, index, $0 == 0) }, at: 0)
            } else {
                parts.insert(("\u{0}", index, true), at: 0)  // punctuation breaks a match
            }
            index -= 1
        }
        var best: EnglishChoice?
        var bestWords = 0
        for words in renderingWords {
            guard !words.isEmpty, words.count <= parts.count, words.count > bestWords else { continue }
            let tail = parts.suffix(words.count)
            guard tail.first!.startsToken else { continue }
            if zip(tail, words).allSatisfy({ Self.sameWord($0.0.word, $0.1) }) {
                let start = tokens[tail.first!.token].range.lowerBound
                best = EnglishChoice(range: start..<tokens.last!.range.upperBound, confidence: 0.95, evidence: "glossary")
                bestWords = words.count
            }
        }
        return best
    }

    /// The words of `text` split at every mark that is neither a letter nor a digit
    /// (hyphens, apostrophes, periods).
    static func words(of text: String) -> [String] {
        if text.isASCII {
            // ASCII: the same split, from the bytes.
            return text.utf8.split(whereSeparator: { !((0x30...0x39).contains($0) || (0x41...0x5A).contains($0) || (0x61...0x7A).contains($0)) })
                .map { String(Substring($0)) }
        }
        return text.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)
    }

    /// Equal up to a plural or possessive ending.
    static func sameWord(_ a: String, _ b: String) -> Bool {
        if a == b { return true }
        func stem(_ w: String) -> String {
            var w = Substring(w)
            for suffix in ["'s", "’s", "ies", "es", "s"] where w.count > suffix.count + 2 && w.hasSuffix(suffix) {
                w = w.dropLast(suffix.count)
                return suffix == "ies" ? String(w) + "y" : String(w)
            }
            return String(w)
        }
        return stem(a) == stem(b)
    }

    private func pinyinMatch(_ tokens: [EnglishToken], _ facts: OriginalFacts) -> EnglishChoice? {
        let key = Array(facts.pinyinLetters.utf8)  // (ASCII: bytes are letters)
        guard key.count >= 2, facts.hanCount >= 1 else { return nil }
        // The words read backwards spell the key from its end: `unspelled` letters are left.
        var unspelled = key.count
        var k = tokens.count - 1
        var words = 0
        while k >= 0, tokens[k].isWord, words < 6 {
            let letters = Self.foldPinyin(tokens[k].lowercased).utf8
            words += 1
            guard letters.count <= unspelled, key[(unspelled - letters.count)..<unspelled].elementsEqual(letters) else { break }
            unspelled -= letters.count
            if unspelled == 0 {
                return EnglishChoice(range: tokens[k].range.lowerBound..<tokens.last!.range.upperBound, confidence: 0.9, evidence: "pinyin")
            }
            k -= 1
        }
        return nil
    }

    /// Lower-case letters only, ü/v as u, tone marks removed.
    static func foldPinyin(_ text: String) -> String {
        if text.isASCII {
            // ASCII (most English): from the bytes.
            return String(unsafeUninitializedCapacity: text.utf8.count) { out in
                var count = 0
                for byte in text.utf8 {
                    guard let letter = foldedLetter(byte) else { continue }
                    out[count] = letter
                    count += 1
                }
                return count
            }
        }
        return foldPinyinScalars(text)
    }

    /// An ASCII byte as `foldPinyin` keeps it: a letter lower-cased, v as u; nil for the rest.
    @inline(__always)
    static func foldedLetter(_ byte: UInt8) -> UInt8? {
        guard (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) else { return nil }
        let lower = byte | 0x20
        return lower == 0x76 ? 0x75 : lower
    }

    /// Whether `foldPinyin(text) == letters`, without building the folded text for ASCII.
    static func folds(_ text: String, to letters: String) -> Bool {
        guard text.isASCII else { return foldPinyin(text) == letters }
        var expected = letters.utf8.makeIterator()
        for byte in text.utf8 {
            guard let letter = foldedLetter(byte) else { continue }
            guard expected.next() == letter else { return false }
        }
        return expected.next() == nil
    }

    /// `foldPinyin` for any text, tone marks and ü included.
    static func foldPinyinScalars(_ text: String) -> String {
        var out = ""
        for scalar in text.lowercased().unicodeScalars {
            switch scalar {
            case "a"..."z": out.unicodeScalars.append(scalar == "v" ? "u" : scalar)
            case "ā", "á", "ǎ", "à": out += "a"
            case "ē", "é", "ě", "è": out += "e"
            case "ī", "í", "ǐ", "ì": out += "i"
            case "ō", "ó", "ǒ", "ò": out += "o"
            case "ū", "ú", "ǔ", "ù", "ü", "ǖ", "ǘ", "ǚ", "ǜ": out += "u"
            default: break
            }
        }
        return out
    }

    private func quoted(_ line: [Unicode.Scalar], floor: Int, end: Int, closingMarks: [Unicode.Scalar], after: Int?,
                        tokens: [EnglishToken], facts: OriginalFacts) -> EnglishChoice? {
        // (a) The English is wrapped in quotes or emphasis right before the original: “educated youth” (知识青年).
        if let mark = closingMarks.last(where: { CharacterClass.quoteMarks.contains($0) || CharacterClass.emphasisMarks.contains($0) }) {
            let opener = CharacterClass.openingMark(for: mark)
            var k = end - 1
            // (Not the marks inside a word that emphasis split: `_Kaiz_ _ō_`.)
            while k >= floor, line[k] != opener
                || CharacterClass.isSplitWordJoint(line, at: k) || k >= 2 && CharacterClass.isSplitWordJoint(line, at: k - 2) { k -= 1 }
            if k >= floor {
                var start = k + 1
                while start < end, CharacterClass.emphasisMarks.contains(line[start]) || CharacterClass.isSpace(line[start]) { start += 1 }
                let all = EnglishWords.tokens(line, start..<end)
                var inner = all.filter(\.isWord)
                if !facts.isClause { Self.dropLeadingFunctionWords(&inner, facts: facts) }
                Self.dropSubjectWithoutCounterpart(&inner, facts: facts)
                // Emphasis around a whole sentence (an italic paragraph) is not a term's quotes.
                let isSentence = CharacterClass.emphasisMarks.contains(mark) && !facts.isClause
                    && all.contains { !$0.isWord && [",", ";", "."].contains($0.text) }
                if !inner.isEmpty, inner.count <= 15 || facts.isClause, !isSentence {
                    return EnglishChoice(range: inner.first!.range.lowerBound..<inner.last!.range.upperBound, confidence: 0.85, evidence: "quotes")
                }
            }
        }
        // (b) The original sits inside the quotes: "race to the floor price [卷到地板价]".
        if let after {
            var a = Self.skipFootnoteMarkerForward(line, from: after)
            // (Past the original's own emphasis: `"B12 vitamin supplements **定心丸**"`.)
            while a < line.count, CharacterClass.emphasisMarks.contains(line[a]), closingMarks.contains(line[a]) { a += 1 }
            while a < line.count, CharacterClass.isSpace(line[a]) || ".,;:!?".unicodeScalars.contains(line[a]) { a += 1 }
            // Also italics around both, `_China Must Restore its Great Power Status! 中国要恢复…! _`,
            // but not italics closed before the original: `(the House of the Commoners_ 庶民院_)`.
            let italics = a < line.count && (line[a] == "_" || line[a] == "*") && !closingMarks.contains(line[a])
            if a < line.count, line[a] == "”" || line[a] == "\"" || line[a] == "’" || line[a] == "」" || italics {
                let opener = CharacterClass.openingMark(for: line[a])
                var k = end - 1
                while k >= floor, line[k] != opener, line[k] != line[a] || line[a] == "\"" && false { k -= 1 }
                if k >= floor, line[k] == opener {
                    let all = EnglishWords.tokens(line, (k + 1)..<end)
                    var inner = all.filter(\.isWord)
                    if !facts.isClause { Self.dropLeadingFunctionWords(&inner, facts: facts) }
                    // Italics around a sentence (a heading in bold) hold more than the term.
                    let isSentence = italics && !facts.isClause && all.contains { !$0.isWord && [",", ";", "."].contains($0.text) }
                    if !inner.isEmpty, inner.count <= 15 || facts.isClause, !isSentence {
                        return EnglishChoice(range: inner.first!.range.lowerBound..<inner.last!.range.upperBound, confidence: 0.8, evidence: "quotes")
                    }
                }
            }
        }
        return nil
    }

    /// Drops a quoted clause's subject and copula (`this policy is`, `it was`) when the original
    /// has no word for the subject (这, 此, 它, 我 …): `“this policy is set in stone” [确定不疑]`
    /// renders the predicate.
    static func dropSubjectWithoutCounterpart(_ words: inout [EnglishToken], facts: OriginalFacts) {
        guard words.count >= 3, Self.subjects.contains(words[0].lowercased),
              !facts.zh.unicodeScalars.contains(where: { Self.subjectMorphemes.contains($0) }),
              let copula = words.prefix(3).dropFirst().firstIndex(where: { Self.copulas.contains($0.lowercased) }),
              copula + 1 < words.count else { return }
        words.removeFirst(copula + 1)
    }

    static let subjects: Set<String> = ["this", "that", "these", "those", "it", "they", "he", "she", "we", "i", "you"]
    static let copulas: Set<String> = ["is", "are", "was", "were"]
    static let subjectMorphemes = ScalarList("这那此该其它他她我你们")

    /// An original of three or more items set apart by `、` renders an English list of as many
    /// items that ends where it does: `secure, reliable and controllable [安全、可靠、可控]`.
    /// Items are set apart by commas or by `and`/`or` (the serial comma counts once). The
    /// first item has no separator before it: it runs back to a function word or punctuation
    /// and is at most one word longer than the longest other item. Nil when the English is no
    /// such list: the translator summed the items up, or one item holds a clause.
    private func enumeration(_ tokens: [EnglishToken], _ facts: OriginalFacts) -> EnglishChoice? {
        let items = facts.zh.unicodeScalars.split(separator: "、")
        // (Not items under one head: 去监管、去中心、去权威的诉求 is demands for the three.)
        guard items.count >= 3, items.allSatisfy({ $0.contains(where: CharacterClass.isHan) && !$0.contains("的") }) else { return nil }
        let longestItem = 5
        var lengths: [Int] = []
        var current = 0
        var k = tokens.count - 1
        while k >= 0, lengths.count < items.count - 1 {
            let token = tokens[k]
            if token.isWord, token.lowercased == "and" || token.lowercased == "or" {
                guard current > 0 else { return nil }
                // With a serial comma, the comma before sets the item apart.
                if !(k > 0 && tokens[k - 1].text == ",") {
                    lengths.append(current)
                    current = 0
                }
            } else if token.isWord {
                current += 1
                if current > longestItem { return nil }
            } else if token.text == "," {
                guard current > 0 else { return nil }
                lengths.append(current)
                current = 0
            } else {
                return nil
            }
            k -= 1
        }
        guard lengths.count == items.count - 1 else { return nil }
        // k is now just before the separator that opens the second item.
        let cap = (lengths.max() ?? 1) + 1
        var first: Int?
        var taken = 0
        while k >= 0, taken < cap {
            let token = tokens[k]
            guard token.isWord, !EnglishWords.endsTerm(token), !Self.isPossessive(token.text) else { break }
            first = k
            taken += 1
            k -= 1
        }
        guard let first else { return nil }
        return EnglishChoice(range: tokens[first].range.lowerBound..<tokens[tokens.count - 1].range.upperBound, confidence: 0.75, evidence: "list")
    }

    private func clause(_ tokens: [EnglishToken], _ facts: OriginalFacts) -> EnglishChoice? {
        // Candidate starts: every word back to a hard boundary (sentence end, an opening
        // quote or bracket, a colon unless the Chinese has one). Cost: distance from the
        // expected length (about 0.85 English words per Han character), plus penalties for
        // starting mid-clause or on a conjunction.
        let hasColon = facts.zh.unicodeScalars.contains { $0 == "：" || $0 == ":" }
        let expected = max(2.0, Double(facts.hanCount) * 0.85)
        var best: (cost: Double, start: Int)?
        var words = 0
        var separators = 0
        var k = tokens.count - 1
        while k >= 0 {
            let token = tokens[k]
            if token.isWord {
                words += Self.wordCount(token.text)
                let previous = k > 0 ? tokens[k - 1] : nil
                var cost = abs(Double(words) - expected) / expected
                let afterBoundary = previous == nil || !previous!.isWord
                    || ["that", "to", "who", "which", "said", "says", "say", "be", "is", "was"].contains(previous!.lowercased)
                    || EnglishWords.isAdverb(previous!.lowercased)
                if !afterBoundary { cost += 0.35 }
                if EnglishWords.clauseOpeners.contains(token.lowercased) { cost += 1 }
                // A sentence adverb is the writer's, not the original's: ultimately the truth will out.
                if EnglishWords.isAdverb(token.lowercased) { cost += 0.5 }
                if ["to", "that", "which", "who", "a", "an"].contains(token.lowercased) { cost += 0.5 }
                if separators > facts.separators { cost += 0.5 * Double(separators - facts.separators) }
                if best == nil || cost < best!.cost { best = (cost, k) }
            } else if [",", ";", "—", "–", "-", "，", "；"].contains(token.text) {
                separators += 1
            } else if token.text == ":" || token.text == "：" {
                if !hasColon { break }
                separators += 1
            } else if [".", "!", "?", "。", "！", "？", "(", "[", "（", "“", "\"", "‘", "]", ")", "）", "”"].contains(token.text) {
                break
            }
            k -= 1
        }
        guard let best else { return nil }
        return EnglishChoice(range: tokens[best.start].range.lowerBound..<tokens.last!.range.upperBound, confidence: 0.6, evidence: "clause")
    }

    private func capitalized(_ tokens: [EnglishToken], _ facts: OriginalFacts) -> EnglishChoice? {
        var k = tokens.count - 1
        var first = k
        // A plural possessive belongs to the name (Women's Studies 妇女学, People's Daily) while the
        // run is still short for the Chinese; a singular one is an owner (Huawei's Ascend 昇腾).
        let expected = max(1, (facts.hanCount + 1) / 2)
        var content = 0
        while k >= 0 {
            let token = tokens[k]
            if token.isWord, !EnglishWords.connectors.contains(token.lowercased) { content += 1 }
            if k < tokens.count - 1, token.isWord, Self.isPossessive(token.text),
               !token.isCapitalized || !Self.isPluralPossessive(token.lowercased) || content > expected {
                break
            } else if token.isWord && (token.isCapitalized || token.text.first?.isNumber == true) {
                first = k
            } else if token.isWord, EnglishWords.connectors.contains(token.lowercased), Self.capitalizedBefore(tokens, k) {
                // connectors between two capitalized words (Side of the Moon): keep going
            } else {
                break
            }
            k -= 1
        }
        // Drop leading function words that are capitalized only because they start a sentence.
        let sentenceStart = first == 0 || [".", "!", "?", ":", "\"", "“", "(", "[", "]", "*", "#", ">", "-"].contains(tokens[first - 1].text)
        while first < tokens.count - 1, tokens[first].isWord,
              EnglishWords.functionWords.contains(tokens[first].lowercased) || EnglishWords.connectors.contains(tokens[first].lowercased),
              sentenceStart || tokens[first].lowercased != "the" {
            first += 1
        }
        // A sentence-initial word is capitalized anyway: when it hangs on the name only through
        // connectors (Commentators of the New Left) and the run is long for the Chinese, cut it.
        if sentenceStart, first + 1 < tokens.count, EnglishWords.connectors.contains(tokens[first + 1].lowercased),
           tokens.count - first > max(2, facts.wordCount) + 2 {
            var next = first + 1
            while next < tokens.count - 1, EnglishWords.connectors.contains(tokens[next].lowercased) { next += 1 }
            first = next
        }
        first = Self.droppingPersonTitle(tokens, from: first, facts: facts)
        first = Self.droppingSchoolAdjective(tokens, from: first, facts: facts)
        guard tokens[first].isWord else { return nil }
        let confidence = tokens.count - first <= max(2, facts.wordCount + 2) ? 0.8 : 0.65
        return EnglishChoice(range: tokens[first].range.lowerBound..<tokens.last!.range.upperBound, confidence: confidence, evidence: "capitalization")
    }

    /// A person's title before an institution's name: `Dean of the Confucian Institute
    /// 孔子研究院` names the institute; the dean is the translator's sentence. Returns the
    /// first token after `Dean of the` when the run from `first` starts with capitalized title
    /// words and `of`, and the original has no word for a person (院长, 书记, 主任, 卿 ...).
    static func droppingPersonTitle(_ tokens: [EnglishToken], from first: Int, facts: OriginalFacts) -> Int {
        var k = first
        while k < tokens.count, tokens[k].isWord, tokens[k].isCapitalized, EnglishWords.personTitles.contains(tokens[k].lowercased) { k += 1 }
        guard k > first, k < tokens.count, tokens[k].lowercased == "of" else { return first }
        k += 1
        if k < tokens.count, tokens[k].lowercased == "the" { k += 1 }
        guard k < tokens.count, tokens[k].isWord, tokens[k].isCapitalized,
              !EnglishWords.namesPerson(facts.zh) else { return first }
        return k
    }

    /// The first token after a school's adjective that opens the span when the original does
    /// not name the school (see `EnglishWords.schoolAdjectives`): `Buddhist Goddess of Mercy
    /// (Guanyin 观音)` renders 观音 by `Goddess of Mercy`.
    static func droppingSchoolAdjective(_ tokens: [EnglishToken], from first: Int, facts: OriginalFacts) -> Int {
        guard first + 1 < tokens.count, tokens[first].isCapitalized, tokens[first + 1].isWord,
              EnglishWords.isGlossedSchool(tokens[first].lowercased, in: facts.zh) else { return first }
        return first + 1
    }

    /// Whether, skipping connectors (`of the`), a capitalized content word stands before `tokens[k]`.
    static func capitalizedBefore(_ tokens: [EnglishToken], _ k: Int) -> Bool {
        var j = k - 1
        while j >= 0, tokens[j].isWord, EnglishWords.connectors.contains(tokens[j].lowercased) { j -= 1 }
        return j >= 0 && tokens[j].isWord && tokens[j].isCapitalized && !EnglishWords.functionWords.contains(tokens[j].lowercased)
    }

    private func nounPhrase(_ tokens: [EnglishToken], _ facts: OriginalFacts) -> EnglishChoice? {
        let expected = max(1, min(facts.wordCount, (facts.hanCount + 1) / 2))
        // One word may render a word and its suffix (保守主义 conservatism): then it alone is the
        // expected length, with no slack for an adjective before it.
        let suffixed = tokens[tokens.count - 1].isWord && SuffixCorrespondence.rendersSuffix(tokens[tokens.count - 1].lowercased, of: facts.zh)
        // An adverb renders an adverbial original by itself: one country willfully (主观上) imposes.
        let adverb = tokens[tokens.count - 1].isWord && EnglishWords.isAdverb(tokens[tokens.count - 1].lowercased)
        let limit = suffixed || adverb ? expected : expected + 1
        var content = 0
        var k = tokens.count - 1
        var first = k
        while k >= 0 {
            let token = tokens[k]
            guard token.isWord else {
                // A quoted modifier the Chinese has a word for: "involution-style" competition 内卷式竞争.
                if content < expected, k > 0, ["\"", "”", "’"].contains(token.text),
                   let open = tokens[..<k].lastIndex(where: { ["\"", "“", "‘"].contains($0.text) }),
                   open + 1 < k, tokens[(open + 1)..<k].allSatisfy(\.isWord),
                   content + tokens[(open + 1)..<k].reduce(0, { $0 + Self.wordCount($1.text) }) <= expected {
                    first = open + 1
                }
                break
            }
            // A possessive before the term is its owner, not part of it: Huawei's Ascend chips.
            if k < tokens.count - 1, Self.isPossessive(token.text) { break }
            if EnglishWords.endsTerm(token) {
                let canCross = EnglishWords.phraseConnectors.contains(token.lowercased)
                    && content < expected && k > 0 && tokens[k - 1].isWord
                    && !EnglishWords.functionWords.contains(tokens[k - 1].lowercased)
                    && !(token.lowercased == "of" && EnglishWords.partitives.contains(tokens[k - 1].lowercased))
                if !canCross { break }
            } else {
                content += Self.wordCount(token.text) + (suffixed && k == tokens.count - 1 ? 1 : 0)
                first = k
                if content >= limit || adverb { break }
            }
            k -= 1
        }
        let hasNumeral = facts.zh.unicodeScalars.contains(where: { EnglishWords.chineseNumerals.contains($0) })
        // A number word with no numeral in the Chinese is the translator's, not the term's: three elements (环节).
        if first < tokens.count - 1, EnglishWords.numberWords.contains(tokens[first].lowercased), !hasNumeral {
            first += 1
        }
        // An original that opens with a numeral opens its English with the number word, a few
        // words back across a connector: three conditions precluding divorce (三不去), seven
        // justifications for divorce (七出); the farthest when there are two: two restraints and
        // one leniency (两少一宽).
        let opensWithNumeral = facts.zh.unicodeScalars.first(where: CharacterClass.isHan).map(EnglishWords.chineseNumerals.contains) == true
        if opensWithNumeral {
            var j = first - 1
            var numberStart: Int?
            while j >= 0, j >= first - 4, tokens[j].isWord {
                let word = tokens[j].lowercased
                if EnglishWords.numberWords.contains(word) {
                    numberStart = j
                } else if EnglishWords.functionWords.contains(word), !EnglishWords.phraseConnectors.contains(word) {
                    break
                }
                j -= 1
            }
            if let numberStart { first = numberStart }
        }
        first = Self.droppingSchoolAdjective(tokens, from: first, facts: facts)
        // (`one` is also a pronoun: a number word opens the term only for a numeral.)
        guard tokens[first].isWord,
              !EnglishWords.functionWords.contains(tokens[first].lowercased) || opensWithNumeral && EnglishWords.numberWords.contains(tokens[first].lowercased)
        else { return nil }
        // "double reduction" policy [双减]: the quoted name, not the classifying head noun.
        if first == tokens.count - 1, EnglishWords.genericHeads.contains(tokens[first].lowercased), first >= 2,
           ["\"", "”", "’"].contains(tokens[first - 1].text) {
            let closing = first - 1
            var open = closing - 1
            while open >= 0, !["\"", "“", "‘"].contains(tokens[open].text) { open -= 1 }
            if open >= 0, open + 1 < closing {
                return EnglishChoice(range: tokens[open + 1].range.lowerBound..<tokens[closing - 1].range.upperBound,
                                     confidence: 0.7, evidence: "quotes")
            }
        }
        let confidence = content == expected ? 0.7 : 0.55
        return EnglishChoice(range: tokens[first].range.lowerBound..<tokens.last!.range.upperBound, confidence: confidence, evidence: "phrase")
    }

    /// Words in a token: `test-time` counts two.
    static func wordCount(_ text: String) -> Int {
        // (An ASCII word's hyphens are its 0x2D bytes; elsewhere a mark may join one.)
        guard text.isASCII else { return 1 + text.filter { $0 == "-" }.count }
        return 1 + text.utf8.reduce(0) { $0 + ($1 == 0x2D ? 1 : 0) }
    }

    /// `women's`, `people's`: a possessive of a plural. (`workers'` is never one token: a final
    /// apostrophe may close a quote.)
    static func isPluralPossessive(_ lowercased: String) -> Bool {
        let base = lowercased.dropLast(2)
        return ["women", "men", "people", "peoples", "children", "folk"].contains(base)
    }

    static func isPossessive(_ text: String) -> Bool {
        // (An ASCII word cannot end in ’.)
        if text.isASCII { return text.asciiHasSuffix("'s") || text.asciiHasSuffix("s'") }
        return text.hasSuffix("'s") || text.hasSuffix("’s") || text.hasSuffix("s'") || text.hasSuffix("s’")
    }
}
