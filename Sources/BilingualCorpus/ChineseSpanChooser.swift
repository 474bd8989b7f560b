import ChineseText
import ICUText

/// Chooses which Chinese words before a parenthetical English rendering it
/// translates: `阿里巴巴的通义千问（Qwen）` → `通义千问`.
///
/// Evidence, strongest first: quotes or 《》 around the Chinese; the longest
/// known term ending at the parenthesis; then the glossary-aware segmentation,
/// read backwards to the nearest boundary word (`的`, `是`, `称为`, ...) or
/// punctuation, with the English length as a cap.
struct ChineseSpanChooser {
    let segmenter: LexiconSegmenter
    let evidence: any TermEvidence

    /// Characters and words that end a term when reading backwards.
    static let boundaryWords: Set<String> = Set("""
        的 地 得 是 为 在 和 与 及 或 将 把 被 对 用 从 以 向 于 由 了 也 就 都 而 又 即 这 那 其 该 此 \
        一个 一种 一些 这个 这种 这些 那些 称为 称作 叫做 叫作 被称为 所谓 通过 使用 采用 基于 利用 包括 例如 比如 \
        我们 你们 他们 它们 我 你 他 她 它 等 中 上 下 里 之 则 并 且 但 使 让 给 所 如 像 即为 作为 成为 \
        一 个 种 些 所以 因为 如果 虽然 但是 然而 以及 并且 或者 还是 就是 也是 不是 可以 需要 已经 正在 没有 称 叫 \
        介绍 定义 表示 遇到 进行 相当于 相当 引入 提出 讨论 考虑 得到 实现 描述 计算 具有 有 要 能 会 来 去 做 \
        是否 称之为 叫作 记为 记作 写作 简称 又称 也称 或称 这里 其中 以下 如下 所示 通常 一般 可能 往往 也叫 所谓的 \
        减少 增加 代替 替代 避免 提高 降低 导致 产生 影响 \
        应当 应该 高于 低于 大于 小于 等于 多于 少于 优于
        """.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init))

    /// Whether `word` ends a term read backwards: a boundary word, or a word the segmenter
    /// made of the particle 的 and what follows it (的是, 的话).
    static func isBoundary(_ word: String) -> Bool {
        boundaryWords.contains(word) || word.hasPrefix("的")
    }

    /// Generic head nouns and the English they translate.
    static let genericHeads: [String: String] = [
        "参数": "parameter", "模型": "model", "函数": "function", "方法": "method", "算法": "algorithm",
        "网络": "network", "问题": "problem", "层": "layer", "系统": "system", "机制": "mechanism",
        "变量": "variable", "向量": "vector", "矩阵": "matrix",
    ]

    /// Characters the segmenter may glue to the start of the term after them (于比特).
    static let gluedParticles: Set<Unicode.Scalar> = ["的", "于"]

    /// Boundary words (a verb, a preposition) that also begin nouns: 计算图 computational
    /// graph, 表示学习 representation learning, 字节对编码 byte pair encoding.
    static let nounFormingVerbs: Set<String> = ["计算", "表示", "对"]

    /// Whether `english` is a lower-case abbreviation: two to six ASCII letters, no vowel.
    static func isLowercaseAbbreviation(_ english: String) -> Bool {
        let scalars = english.unicodeScalars
        return (2...6).contains(scalars.count) && scalars.allSatisfy({ ("a"..."z").contains($0) })
            && !scalars.contains(where: { "aeiouy".unicodeScalars.contains($0) })
    }

    /// The first letter of `english` when it is an acronym: two to six capital letters.
    static func acronymInitial(_ english: String) -> Unicode.Scalar? {
        let scalars = english.unicodeScalars
        guard (2...6).contains(scalars.count), scalars.allSatisfy({ ("A"..."Z").contains($0) }) else { return nil }
        return scalars.first
    }

    /// The Latin word that ends one space before `start`, at `floor` or after it, set apart
    /// from anything before it by a space or the start of the text.
    static func latinWord(_ line: [Unicode.Scalar], endingBefore start: Int, floor: Int) -> Range<Int>? {
        let end = start - 1
        guard end > floor, line[end] == " ", CharacterClass.isLatinLetter(line[end - 1]) else { return nil }
        var k = end - 1
        while k > floor, CharacterClass.isLatinLetter(line[k - 1]) { k -= 1 }
        guard k == floor || !CharacterClass.isLatinLetter(line[k - 1]) && !CharacterClass.isDigit(line[k - 1]) else { return nil }
        return k..<end
    }

    /// The chosen span of `line[floor..<end]`, or nil when no Chinese stands there.
    func choose(_ line: [Unicode.Scalar], floor: Int, end rawEnd: Int, englishWords: Int, english: String) -> (range: Range<Int>, confidence: Double, evidence: String)? {
        var end = rawEnd
        while end > floor, CharacterClass.isSpace(line[end - 1]) { end -= 1 }
        guard end > floor else { return nil }
        // Quotes or title marks around the Chinese: “手机使用”（Phone Use）, 《三体》(The Three-Body Problem).
        if ["”", "」", "』", "》", "\"", "’", "*", "_"].contains(line[end - 1]) {
            let opener = CharacterClass.openingMark(for: line[end - 1])
            var k = end - 2
            while k >= floor, line[k] != opener { k -= 1 }
            if k >= floor, k + 1 < end - 1 {
                var a = k + 1, b = end - 1
                while a < b, line[a] == "*" || line[a] == "_" { a += 1 }
                while b > a, line[b - 1] == "*" || line[b - 1] == "_" { b -= 1 }
                if (a..<b).contains(where: { CharacterClass.isHan(line[$0]) }) {
                    return (a..<b, 0.9, "quotes")
                }
            }
        }
        // The stretch of Chinese before the parenthesis: Han, digits and Latin letters, up to punctuation.
        var start = end
        while start > floor {
            let c = line[start - 1]
            if CharacterClass.isHan(c) || CharacterClass.isDigit(c) || CharacterClass.isLatinLetter(c) || c == "·" || c == "-" {
                start -= 1
            } else {
                break
            }
        }
        // Latin letters at the very start belong to an earlier English word only if separated; keep them
        // when glued to the Chinese (AI原住民), drop leading digits-only stretches.
        guard start < end, (start..<end).contains(where: { CharacterClass.isHan(line[$0]) }) else { return nil }
        guard CharacterClass.isHan(line[end - 1]) || CharacterClass.isDigit(line[end - 1]) || CharacterClass.isLatinLetter(line[end - 1]) else { return nil }
        let stretch = line.string(start..<end)
        // The longest known term ending at the parenthesis whose known rendering is this English.
        let scalars = Array(stretch.unicodeScalars)
        let englishKey = english.lowercased().filter { $0.isLetter || $0.isNumber }
        for length in stride(from: min(scalars.count, 12), through: 1, by: -1) {
            let candidate = scalars.string((scalars.count - length)..<scalars.count)
            if evidence.renderings(of: candidate).contains(where: { $0.lowercased().filter { $0.isLetter || $0.isNumber } == englishKey }) {
                return ((end - length)..<end, 0.95, "glossary")
            }
        }
        // Segment and read backwards.
        let tokens = segmenter.tokens(in: stretch)
        var words: [(range: Range<Int>, text: String)] = []
        var offset = 0
        for token in tokens {
            let text = String(stretch[token.range])
            let length = text.unicodeScalars.count
            words.append((offset..<(offset + length), text))
            offset += length
        }
        let cap = max(1, englishWords) + 2
        let contentWords = english.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).filter { !EnglishWords.functionWords.contains($0.lowercased()) }.count
        // About two characters per English word; a name (DeepSeek, Phone Use) runs to the nearest boundary.
        // (So does a lower-case abbreviation, a word without a vowel: nbsp, tmx.)
        let isName = english.first?.isUppercase == true && englishWords <= 3 || Self.isLowercaseAbbreviation(english)
        let targetCharacters = isName ? 8 : max(2, englishWords * 2)
        var first = words.count
        var verbBegins: Int?
        var taken = 0
        var characters = 0
        var k = words.count - 1
        // An adjective with 的 right before the parenthesis keeps it: 利普希茨连续的（Lipschitz continuous）.
        if k > 0, words[k].text == "的" {
            first = k
            k -= 1
        }
        // Where the term starts inside its first word, when the segmenter glued a particle to it.
        var gluedStart: Int?
        while k >= 0 {
            let word = words[k].text
            let length = word.unicodeScalars.count
            // Enough characters for the English already: stop unless this word brings us closer.
            if taken > 0, characters >= targetCharacters || abs(characters + length - targetCharacters) > abs(characters - targetCharacters) + 1 {
                break
            }
            // A word the segmenter glued to the particle or preposition before it (相当于比特 read
            // as 相当 / 于比特): the term starts after that character, and ends the reading.
            if length > 1, let lead = word.unicodeScalars.first, Self.gluedParticles.contains(lead) {
                if !Self.isBoundary(String(word.unicodeScalars.dropFirst())) {
                    first = k
                    gluedStart = words[k].range.lowerBound + 1
                    taken += 1
                }
                break
            }
            // A hyphen inside the term joins two halves of about the same length, whatever
            // words the first half holds: 编码器-解码器（encoder-decoder）, segmented 编码 / 器;
            // 矩阵-向量积（matrix-vector product）. The term ends there. (A middle dot in a name,
            // 马克斯·韦伯, is read as any word is: a given name may be longer than a surname.)
            if word == "-", taken > 0, k > 0 {
                var j = k - 1
                var before = 0
                while j >= 0, words[j].text.unicodeScalars.allSatisfy(CharacterClass.isHan) {
                    let count = words[j].text.unicodeScalars.count
                    before += count
                    j -= 1
                    if before >= characters || count > 1 && before + 1 >= characters { break }
                }
                if before > 0 {
                    first = j + 1
                    taken += k - 1 - j
                    characters += length + before
                }
                break
            }
            if Self.isBoundary(word) {
                // `的` inside a long term (非参数的注意力汇聚) only when the English is long too.
                if word == "的", taken < englishWords, taken > 0, k > 0 { first = k; k -= 1; continue }
                // A verb that also forms nouns (计算图, computational graph) belongs to the term
                // when the English still has words the Chinese taken so far does not.
                guard Self.nounFormingVerbs.contains(word), taken > 0, taken < contentWords else { break }
                verbBegins = k
            }
            first = k
            taken += 1
            characters += length
            if taken >= cap { break }
            k -= 1
        }
        // A generic head noun alone (参数, 模型) renders only English that names it: before
        // `拉伸参数（scale）`, the word that says which parameter belongs to the term.
        if first == words.count - 1, gluedStart == nil, first > 0, let gloss = Self.genericHeads[words[first].text],
           !english.lowercased().split(whereSeparator: { !$0.isLetter }).contains(where: { $0.count >= 3 && gloss.hasPrefix($0) || $0.hasPrefix(gloss) }),
           !Self.isBoundary(words[first - 1].text), CharacterClass.isHan(scalars[words[first - 1].range.lowerBound]) {
            first -= 1
        }
        guard first < words.count else { return nil }
        // Never start on a boundary word or `的` (but on a verb the English asked for).
        while first < words.count, first != verbBegins, gluedStart == nil, Self.isBoundary(words[first].text) { first += 1 }
        guard first < words.count else { return nil }
        var range = (start + (gluedStart ?? words[first].range.lowerBound))..<end
        // An acronym whose first letter opens the Latin word just before the Chinese names
        // that word too: Java 运行时环境（JRE）.
        if range.lowerBound == start, let initial = Self.acronymInitial(english), let word = Self.latinWord(line, endingBefore: start, floor: floor),
           line[word.lowerBound].properties.uppercaseMapping == String(initial) {
            range = word.lowerBound..<end
        }
        let confidence = taken <= englishWords + 1 ? 0.7 : 0.55
        return (range, confidence, "segmentation")
    }
}
