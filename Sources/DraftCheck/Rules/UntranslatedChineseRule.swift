import BilingualCorpus
public import SourceText

/// Chinese left in English prose outside any original: `calls for 新质生产力 in every province`.
public struct UntranslatedChineseRule: CheckRule {
    public static let description = RuleDescription(
        identifier: "untranslated-chinese", name: "Untranslated Chinese",
        summary: "Finds Chinese in English sentences that is neither in brackets nor an unbracketed original after its English.",
        rationale: "Chinese in the running English is usually a term the translator meant to come back to.",
        defaultSeverity: .warning,
        passing: ["the historian Qian Mu 钱穆 wrote", "Stepfun [阶跃星辰]", "卷王: the winner of the rat race, defined here.",
                  "深度求索（DeepSeek）发布了新模型。", "**Chinese name:** 深度求索 · **Founded:** 2023", "a cure, from 打鸡血 (inject chicken blood), they say",
                  "For more, see 读书, 2008.8, p. 12.", "[12] Wang Ruoshui 王若水, in 新启蒙 2 (1988).",
                  "the principle “all things in their place 各正性命, 物各付物” holds", "“first enrich them and then teach them 先富后教.”",
                  "the book series 文化: 中国与世界 (_Culture: China and the World_) grew",
                  "SB is slang for 傻逼/_shabi_, an insult", "the word for party in Chinese—党 _dang_—can mean a faction",
                  "the clean-up was meant to get rid of 淘汰 “people unsuited to the city.”", "My Weibo account is 布莱斯白.",
                  "It first appeared on 儒家网, a Confucian website.", "the characters for “redimensioning” are 降维启蒙, a coinage",
                  "it could also be translated as 商谈民主 or 审议民主", "published in 開放時代 _Open Times_ 2014.02"],
        failing: ["Every document calls for ↓新质生产力 in every province.", "Graduates complain about the rise of ↓内卷.",
                  "Officials now speak of ↓共同富裕 at every meeting."])

    public init() {}

    public func check(_ document: DraftDocument, context: CheckContext) -> [Diagnostic] {
        var paired: [Int: [Range<Int>]] = [:]   // line → where found originals stand (0-based columns)
        for index in document.pairs.indices where document.pairs[index].kind == .inline || document.pairs[index].kind == .footnote {
            let location = document.pairs[index].zhLocation
            let start = location.column - 1
            // The original as written may hold marks the pair's text dropped: cover at least its length.
            paired[location.line, default: []].append(start..<(start + max(1, document.pairs[index].zh.unicodeScalars.count)))
        }
        var findings: [Diagnostic] = []
        // Most lines of an English draft have no Chinese at all.
        for index in document.hanLines {
            let line = document.lines[index]
            let s = line.scalars
            let (inside, latin, han) = Self.outsideOriginals(line)
            guard latin > han * 2 else { continue }  // Chinese prose, not English
            // Reference lines ([12] 王若水, ...; 3. ...) cite Chinese sources by design.
            let lead = s.firstIndex { CharacterClass.isLatinLetter($0) || CharacterClass.isHan($0) || CharacterClass.isDigit($0) || $0 == "[" || $0 == "^" } ?? 0
            if FootnoteMarkerRule.definitionNumber(Array(s[lead...])) != nil { continue }
            let originals = paired[line.number] ?? []
            var k = 0
            while k < s.count {
                // Most of an English line is no Chinese outside an original: skip it in one
                // tight loop over the buffers.
                k = s.withUnsafeBufferPointer { s in
                    inside.withUnsafeBufferPointer { inside in
                        var k = k
                        while k < s.count, !CharacterClass.isHan(s[k]) || inside[k] { k += 1 }
                        return k
                    }
                }
                guard k < s.count else { break }
                let start = k
                // The run goes on over spaces, emphasis marks, digits and Chinese punctuation
                // that stand between Han characters (陈 明, 钱_ _理_ _群, 枢纽：3000年的中国).
                var end = k
                var j = k
                while j < s.count, !inside[j] {
                    if CharacterClass.isHan(s[j]) {
                        j += 1
                        end = j
                    } else if CharacterClass.isSpace(s[j]) || s[j] == "_" || s[j] == "*" || CharacterClass.isDigit(s[j])
                                || CharacterClass.chinesePunctuation.contains(s[j])
                                || (s[j] == "," || s[j] == ":" || s[j] == ";") && j + 1 < s.count && (CharacterClass.isHan(s[j + 1])
                                    || CharacterClass.isSpace(s[j + 1]) && j + 2 < s.count && CharacterClass.isHan(s[j + 2])) {
                        j += 1
                    } else {
                        break
                    }
                }
                k = end
                // Leading Chinese before a colon is a footnote definition's head; a found original is fine.
                let isDefinitionHead = s[0..<start].allSatisfy { !CharacterClass.isLatinLetter($0) && !CharacterClass.isHan($0) }
                if isDefinitionHead || originals.contains(where: { $0.overlaps(start..<end) }) { continue }
                // A value after a label (`Chinese name: 深度求索`) or a term glossed in parentheses
                // right after it (`打鸡血 (inject chicken blood)`) is deliberate.
                var before = start - 1
                while before >= 0, CharacterClass.isSpace(s[before]) || s[before] == "*" || s[before] == "_" { before -= 1 }
                if before >= 0, s[before] == ":" || s[before] == "：" { continue }
                // A citation: "see 读书, 2008", "cf. 吴楚材".
                var wordStart = before
                while wordStart >= 0, CharacterClass.isLatinLetter(s[wordStart]) || s[wordStart] == "." { wordStart -= 1 }
                let previousWord = s.string((wordStart + 1)..<(before + 1)).lowercased()
                if ["see", "cf.", "cf", "see also"].contains(previousWord) { continue }
                var after = k
                while after < s.count, CharacterClass.isSpace(s[after]) || s[after] == "_" || s[after] == "*" { after += 1 }
                guard Self.fillsSlot(s, previousWord: previousWord, next: after) else { continue }
                if Self.glossedWithPinyin(s, after: k, hanCount: s[start..<k].filter(CharacterClass.isHan).count) { continue }
                if after + 1 < s.count, s[after] == "(" || s[after] == "（" {
                    var first = after + 1
                    while first < s.count, s[first] == "_" || s[first] == "*" || s[first] == "\"" || s[first] == "“" { first += 1 }
                    if first < s.count, CharacterClass.isLatinLetter(s[first]) { continue }
                }
                findings.append(diagnostic(document, line: line.number, start, k,
                                           "untranslated Chinese '\(s.string(start..<k))' in English prose; translate it and keep the original in brackets"))
            }
        }
        return findings
    }

    /// Where `line` is inside brackets or masked (`inside[k]`), and how many Latin letters and
    /// Han characters stand outside. A line without bracketed text (most lines) needs no
    /// array of its own: the mask is the answer.
    static func outsideOriginals(_ line: DraftDocument.Line) -> (inside: [Bool], latin: Int, han: Int) {
        let s = line.scalars
        var latin = 0, han = 0
        let events = BracketEvents.scan(line)
        let bracketed = events.contains { event in
            switch event {
            case .pair, .unclosed: true
            case .stray, .loose: false
            }
        }
        guard bracketed else {
            s.withUnsafeBufferPointer { s in
                line.masked.withUnsafeBufferPointer { masked in
                    for k in 0..<s.count where !masked[k] {
                        if CharacterClass.isLatinLetter(s[k]) { latin += 1 } else if CharacterClass.isHan(s[k]) { han += 1 }
                    }
                }
            }
            return (line.masked, latin, han)
        }
        var inside = [Bool](repeating: false, count: s.count)
        var delta = [Int32](repeating: 0, count: s.count + 1)
        for event in events {
            switch event {
            case let .pair(open, close, _):
                delta[open] += 1
                delta[close + 1] -= 1
            case let .unclosed(open):  // reported by unbalanced-bracket; its text is an original
                delta[open] += 1
                delta[s.count] -= 1
            case .stray, .loose:
                break
            }
        }
        s.withUnsafeBufferPointer { s in
            line.masked.withUnsafeBufferPointer { masked in
                delta.withUnsafeBufferPointer { delta in
                    inside.withUnsafeMutableBufferPointer { inside in
                        var depth: Int32 = 0
                        for k in 0..<s.count {
                            depth += delta[k]
                            inside[k] = depth > 0 || masked[k]
                            if !inside[k] {
                                if CharacterClass.isLatinLetter(s[k]) { latin += 1 } else if CharacterClass.isHan(s[k]) { han += 1 }
                            }
                        }
                    }
                }
            }
        }
        return (inside, latin, han)
    }

    /// Whether Chinese stands where the English sentence needs a word of its own: the
    /// sentence goes on after it in lower case (`calls for 新质生产力 in every province`),
    /// or it ends the sentence right after a preposition or an article (`the rise of 内卷.`).
    /// Chinese followed by a quote, a bracket, a comma, a dash or a capitalised word is a
    /// gloss of the English before it, a title or a name the translator chose to show
    /// (`get rid of 淘汰 “people unsuited…”`, `published on 儒家网, one of…`); after
    /// `as` or `called` it is a word being named (`translated as 商谈民主 or 审议民主`).
    static func fillsSlot(_ s: [Unicode.Scalar], previousWord: String, next: Int) -> Bool {
        if ["as", "called", "named", "termed", "dubbed"].contains(previousWord) { return false }
        guard next < s.count else { return slotWords.contains(previousWord) }
        if CharacterClass.isLatinLetter(s[next]) { return s[next].properties.isLowercase }
        let endsSentence = ".!?".unicodeScalars.contains(s[next]) && (next + 1 == s.count || CharacterClass.isSpace(s[next + 1]))
        return endsSentence && slotWords.contains(previousWord)
    }

    /// Words after which a sentence cannot end: the Chinese after them is what they govern.
    private static let slotWords: Set<String> = ["the", "a", "an", "of", "for", "to", "in", "on", "at", "with", "by", "about",
                                                 "from", "into", "against", "toward", "towards", "over", "under", "between", "among"]

    /// Whether the Chinese ending at `end` is followed by its pinyin (`傻逼/_shabi_`,
    /// `党 _dang_`): the translator is naming the word, not leaving it untranslated.
    static func glossedWithPinyin(_ s: [Unicode.Scalar], after end: Int, hanCount: Int) -> Bool {
        var k = end
        while k < s.count, CharacterClass.isSpace(s[k]) || "/_*(".unicodeScalars.contains(s[k]) { k += 1 }
        var words: [String] = []
        var word = String.UnicodeScalarView()
        while k < s.count, words.count <= hanCount {
            let c = s[k]
            if c.properties.isAlphabetic && !CharacterClass.isHan(c) || c.properties.generalCategory == .nonspacingMark {
                word.append(c)
            } else if c == " " && !word.isEmpty {
                words.append(String(word))
                word = String.UnicodeScalarView()
            } else {
                break
            }
            k += 1
        }
        if !word.isEmpty { words.append(String(word)) }
        guard !words.isEmpty, words.count <= hanCount, words[0].first?.isLowercase == true else { return false }
        return words.allSatisfy(PinyinSpelling.isPinyin) && words.joined().count <= 6 * hanCount
    }
}
