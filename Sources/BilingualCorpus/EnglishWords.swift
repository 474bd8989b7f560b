/// A token of English text before an original: a word or a single punctuation mark.
struct EnglishToken {
    var range: Range<Int>
    var isWord: Bool
    var text: String
    var lowercased: String
    /// Whether the word starts with an upper-case letter.
    var isCapitalized: Bool
}

enum EnglishWords {
    /// Articles, conjunctions and degree adverbs of the French, Spanish and Italian
    /// translations that share a corpus with English ones (`trop zen (佛系)`): they end a term
    /// when written in lower case (`Los Angeles`, `Le Monde` are names). Not `de`, `di`, `da`,
    /// which open Latin phrases and surnames (`de facto`).
    static let foreignFunctionWords: Set<String> = [
        "le", "la", "les", "un", "une", "des", "du", "au", "aux", "et", "ou", "très", "trop",
        "el", "los", "las", "una", "unos", "unas", "del", "al", "y", "muy", "más",
        "il", "gli", "della", "delle", "degli", "molto", "troppo",
    ]

    /// Whether `token` ends a term read backwards: an English function word, or a foreign
    /// one in lower case.
    static func endsTerm(_ token: EnglishToken) -> Bool {
        functionWords.contains(token.lowercased) || !token.isCapitalized && foreignFunctionWords.contains(token.lowercased)
    }

    /// Words that end a term when reading backwards from an original: articles,
    /// pronouns, prepositions, conjunctions, auxiliaries and reporting verbs.
    static let functionWords: Set<String> = Set("""
        a an the this that these those its it's his her their our my your whose which who whom what where when why how \
        of in on at by for from with without within into onto to toward towards among amongst between across through \
        during after before about above below under over against via per as like than upon beyond around along \
        and or but nor so yet if then because while although though whereas since unless until \
        is are was were be been being am do does did has have had having will would shall should can could may might must \
        not no also only even just very more most less least such same other another each every all any some both either \
        neither many much few several own \
        i you he she we they me him us them one ones there here \
        called named known termed dubbed described call calls name names term terms word words phrase phrases \
        say says said saying see seen read include includes including included namely e.g. i.e. etc viz \
        into is. what's that's it's \
        nonetheless nevertheless however therefore thus hence highly quite rather really merely simply largely \
        mostly partly fully truly already still often always never sometimes usually perhaps maybe \
        being become became becomes seem seems seemed
        """.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init))

    /// Number words that a translator adds (`three elements (环节)`).
    static let numberWords: Set<String> = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
                                           "several", "many", "various", "both"]
    /// Nouns of quantity and measure that take `of` before the thing measured (`a thousand hours
    /// of teleoperation data`): a noun phrase does not cross such an `of`, the thing is the term.
    static let partitives: Set<String> = [
        "lot", "lots", "number", "numbers", "amount", "amounts", "kind", "kinds", "type", "types", "sort", "sorts", "series",
        "set", "sets", "pair", "pairs", "group", "groups", "piece", "pieces", "part", "parts", "range", "variety", "couple",
        "dozen", "dozens", "hundreds", "thousands", "millions", "billions", "tons", "percent", "share", "majority", "minority",
        "hours", "days", "weeks", "months", "years", "decades", "minutes", "seconds",
    ]
    /// Chinese numerals: when the original has one, an English number word belongs to the term.
    static let chineseNumerals: Set<Unicode.Scalar> = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "两", "百", "千", "万", "双", "单"]

    /// Function words that may stand inside a noun phrase between content words
    /// (`seven justifications for divorce`, `Ministry of Industry and Information Technology`).
    static let connectors: Set<String> = ["of", "and", "for", "in", "on", "to", "the", "de", "du", "la", "le", "&", "or", "with", "at"]
    /// Connectors a lower-case noun phrase may cross (`seven justifications for divorce`).
    static let phraseConnectors: Set<String> = ["of", "and", "for", "&"]
    /// Head nouns that only classify a quoted name before them: `"double reduction" policy [双减]`.
    static let genericHeads: Set<String> = ["policy", "policies", "project", "projects", "campaign", "initiative", "movement",
                                            "plan", "programme", "program", "strategy", "slogan", "concept", "idea", "notion",
                                            "term", "phrase", "expression", "formula", "principle", "firms", "companies", "model"]
    /// Titles of people that stand before the institution they serve (`Dean of`, `Party Secretary of`).
    static let personTitles: Set<String> = ["dean", "director", "president", "chairman", "chairwoman", "chair", "secretary",
                                            "head", "chief", "professor", "fellow", "member", "members", "vice", "deputy",
                                            "executive", "associate", "assistant", "honorary", "former", "party", "general",
                                            "editor", "founder", "principal", "rector", "chancellor", "researcher", "lecturer"]
    /// Words that make a Chinese term name a person or an office (院长, 书记, 主任, 委员,
    /// 国务卿): then a title in the English translates them.
    static let personMorphemes: [[Unicode.Scalar]] = [
        "长", "书记", "主任", "主席", "主编", "主持", "员", "卿", "官", "相", "师", "者", "教授", "院士", "博士", "董事",
        "理事", "经理", "编辑", "总裁", "总监", "大使", "帅", "王", "帝", "君", "学生", "研究生", "创始人", "负责人",
        "发言人", "人士",
    ].map { Array($0.unicodeScalars) }

    /// Lower-case nouns for a person by role or trade: with a name in brackets after one
    /// (`the author (韩炳哲)`), the bracket says who the person is; it does not translate the noun.
    static let personRoles: Set<String> = [
        "author", "writer", "scholar", "philosopher", "historian", "poet", "novelist", "critic", "economist",
        "sociologist", "anthropologist", "journalist", "reporter", "columnist", "blogger", "translator", "commentator",
        "artist", "painter", "thinker", "founder", "professor", "activist", "editor", "director", "interviewee", "speaker",
    ]

    /// Adjectives of a school of thought or a religion, with the morphemes an original that
    /// names the school holds (`Confucian` 儒, 孔). Before a term whose original has none of
    /// them, the adjective is the translator's gloss, not the term's (`Confucian universalistic`
    /// 天下, `Buddhist Goddess of Mercy` 观音). (Not `Christian`, `Cristiano`: also first names.)
    static let schoolAdjectives: [String: [String]] = [
        "confucian": ["儒", "孔"], "neo-confucian": ["儒", "理学", "心学"], "buddhist": ["佛", "释", "禅", "僧"],
        "daoist": ["道"], "taoist": ["道"], "legalist": ["法"], "mohist": ["墨"], "marxist": ["马"], "leninist": ["列"],
        "maoist": ["毛"], "catholic": ["天主", "公教"], "protestant": ["新教", "基督"],
        "islamic": ["伊斯兰", "回", "穆"], "muslim": ["穆斯林", "回", "伊斯兰"],
    ]

    /// The same adjectives in the French, Spanish and Italian translations that share a corpus
    /// with English ones, where they follow the noun: `la tradición universalista confuciana
    /// (tianxia 天下)`.
    static let romanceSchoolAdjectives: [String: [String]] = {
        let forms: [String: [String]] = [
            "confucian": ["confuciano", "confuciana", "confucianos", "confucianas", "confuciani", "confuciane", "confucéen", "confucéenne",
                          "confucéens", "confucéennes", "confucianiste", "confucianistes"],
            "buddhist": ["budista", "budistas", "buddista", "buddisti", "buddiste", "bouddhiste", "bouddhistes"],
            "daoist": ["daoísta", "daoístas", "daoista", "daoisti", "daoïste", "daoïstes", "taoísta", "taoístas", "taoista", "taoisti",
                       "taoïste", "taoïstes"],
            "legalist": ["legista", "legistas", "legisti", "légiste", "légistes"],
            "marxist": ["marxista", "marxistas", "marxisti", "marxiste", "marxistes"],
            "maoist": ["maoísta", "maoístas", "maoista", "maoisti", "maoïste", "maoïstes"],
            "islamic": ["islámico", "islámica", "islámicos", "islámicas", "islamico", "islamica", "islamici", "islamiche", "islamique",
                        "islamiques"],
        ]
        var table: [String: [String]] = [:]
        for (english, words) in forms {
            for word in words { table[word] = schoolAdjectives[english] }
        }
        return table
    }()

    /// Whether `word` (lower case) is one of the adjectives in `table` (`schoolAdjectives` or
    /// `romanceSchoolAdjectives`) and `zh` holds none of its morphemes.
    static func isGlossedSchool(_ word: String, in zh: String, table: [String: [String]] = schoolAdjectives) -> Bool {
        guard let morphemes = table[word] else { return false }
        return !morphemes.contains { zh.contains($0) }
    }

    /// Whether `zh` holds one of `personMorphemes`.
    static func namesPerson(_ zh: String) -> Bool {
        let scalars = Array(zh.unicodeScalars)
        return personMorphemes.contains { word in
            scalars.count >= word.count && (0...(scalars.count - word.count)).contains { scalars[$0..<($0 + word.count)].elementsEqual(word) }
        }
    }

    /// Conjunctions that do not open a translated clause.
    static let clauseOpeners: Set<String> = ["and", "but", "or", "so", "then", "yet", "because", "while"]

    /// Words that may precede untranslated Chinese used as a noun in English
    /// prose (`calls for 新质生产力`, `published on 儒家网`): such Chinese is not an inline original.
    static let slotWords: Set<String> = functionWords.union([
        "see", "cf", "cf.", "in", "include", "includes", "titled", "entitled", "translate", "translates", "translated",
        "translating", "render", "renders", "rendered", "rendering", "use", "uses", "used", "using", "write", "writes",
        "wrote", "written", "whether", "character", "characters", "means", "meaning", "meant", "spelled", "pronounced",
        "reads", "read", "mention", "mentions", "mentioned", "versus", "vs", "like", "label", "labels", "slogan"])

    /// Nouns and adjectives ending in -ly that are not adverbs.
    static let notAdverbs: Set<String> = ["family", "families", "assembly", "supply", "monopoly", "anomaly", "ally", "rally",
                                          "italy", "belly", "bully", "folly", "jelly", "lily", "holly", "polly", "daily",
                                          "weekly", "monthly", "quarterly", "yearly", "elderly", "early", "only", "homily"]

    private static let adverbSuffixes = ["lly", "ively", "ously", "antly", "ently", "ately", "edly", "ingly"]

    /// Whether a lower-cased word reads as an adverb in -ly (`willfully`, `subjectively`):
    /// an adverb ends a rendering of its own, it does not modify the noun before it.
    static func isAdverb(_ word: String) -> Bool {
        // (The suffixes first: most words have none. Every suffix ends in `ly`, and a string
        // whose last characters are `ly` ends in those two bytes.)
        var last = word.utf8.reversed().makeIterator()
        guard last.next() == UInt8(ascii: "y"), last.next() == UInt8(ascii: "l") else { return false }
        let ascii = word.isASCII
        guard adverbSuffixes.contains(where: { ascii ? word.asciiHasSuffix($0) : word.hasSuffix($0) }) else { return false }
        return word.count >= 6 && !notAdverbs.contains(word)
    }

    /// Tokenizes `line[range]` into words and punctuation marks (spaces dropped).
    /// A word is letters and digits with inner apostrophes, hyphens, periods (`U.S.`) and ampersands.
    static func tokens(_ line: [Unicode.Scalar], _ range: Range<Int>) -> [EnglishToken] {
        var tokens: [EnglishToken] = []
        // (English words and their spaces average 5-6 scalars; a punctuation mark is a token too.)
        tokens.reserveCapacity(range.count / 3 + 2)
        line.withUnsafeBufferPointer { line in
            var i = range.lowerBound
            while i < range.upperBound {
                let c = line[i]
                if CharacterClass.isSpace(c) {
                    i += 1
                    continue
                }
                guard isWordScalar(c) else {
                    let text = c.value < 0x80 ? asciiMarks[Int(c.value)] : String(Character(c))
                    tokens.append(EnglishToken(range: i..<(i + 1), isWord: false, text: text, lowercased: text, isCapitalized: false))
                    i += 1
                    continue
                }
                var j = i + 1
                var joined = false
                while j < range.upperBound {
                    if isWordScalar(line[j]) {
                        j += 1
                    } else if line[j] == "_", j + 3 < range.upperBound, CharacterClass.isSplitWordJoint(line, at: j) {
                        j += 3
                        joined = true
                    } else if isInnerJoint(line[j]), j + 1 < range.upperBound, isWordScalar(line[j + 1]) {
                        j += 2
                    } else {
                        break
                    }
                }
                var hasUpper = false, isASCII = true
                for k in i..<j {
                    let v = line[k].value
                    if v < 0x80 {
                        if CharacterClass.within(v, 0x41, 0x5A) { hasUpper = true }
                    } else {
                        isASCII = false
                        // (Title case too: `ǅ` is no upper-case letter, but lower-casing changes it.)
                        if line[k].properties.changesWhenLowercased { hasUpper = true }
                    }
                }
                let text: String, lowercased: String
                if isASCII, !joined {
                    text = asciiString(line, i..<j, lowercased: false)
                    lowercased = hasUpper ? asciiString(line, i..<j, lowercased: true) : text
                } else {
                    var word = line.string(i..<j)
                    if joined { word = word.replacing("_ _", with: "") }
                    text = word
                    lowercased = hasUpper ? word.lowercased() : word
                }
                let first = line[i]
                tokens.append(EnglishToken(range: i..<j, isWord: true, text: text, lowercased: lowercased,
                                           isCapitalized: first.value < 0x80 ? CharacterClass.within(first.value, 0x41, 0x5A) : first.properties.isUppercase))
                i = j
            }
        }
        return tokens
    }

    /// The last token of `line[range]`, as `tokens(line, range).last`: only the stretch after
    /// the last space that ends a token is read. (A space ends every token but a word split
    /// by emphasis, `n_ _üxing`; tokens start afresh after it.)
    static func lastToken(_ line: [Unicode.Scalar], _ range: Range<Int>) -> EnglishToken? {
        var end = range.upperBound
        while end > range.lowerBound, CharacterClass.isSpace(line[end - 1]) { end -= 1 }
        var start = end
        while start > range.lowerBound {
            let k = start - 1
            if CharacterClass.isSpace(line[k]), !(k > 0 && line[k - 1] == "_" && k + 1 < line.count && line[k + 1] == "_") { break }
            start -= 1
        }
        return tokens(line, start..<range.upperBound).last
    }

    /// Each ASCII scalar as a string: the punctuation tokens, made once.
    private static let asciiMarks: [String] = (0..<128).map { String(Character(Unicode.Scalar(UInt8($0)))) }

    /// `line[range]`, all ASCII, as a string, in lower case if `lowercased`.
    @inline(__always)
    private static func asciiString(_ line: UnsafeBufferPointer<Unicode.Scalar>, _ range: Range<Int>, lowercased: Bool) -> String {
        String(unsafeUninitializedCapacity: range.count) { buffer in
            for k in range {
                let byte = UInt8(truncatingIfNeeded: line[k].value)
                buffer[k - range.lowerBound] = lowercased && CharacterClass.within(UInt32(byte), 0x41, 0x5A) ? byte | 0x20 : byte
            }
            return range.count
        }
    }

    /// Marks that may join the parts of a word: `'’-.&`.
    @inline(__always)
    static func isInnerJoint(_ c: Unicode.Scalar) -> Bool {
        c == "'" || c == "’" || c == "-" || c == "." || c == "&"
    }

    @inline(__always)
    static func isWordScalar(_ c: Unicode.Scalar) -> Bool {
        if CharacterClass.isLatinLetter(c) || CharacterClass.isDigit(c) { return true }
        // (Han first: it is alphabetic, and reading a scalar's properties costs far more.)
        guard c.value >= 0x80, !CharacterClass.isHan(c) else { return false }
        // A combining mark belongs to its letter: decomposed `nü` is n, u, U+0308.
        return c.properties.isAlphabetic || c.properties.generalCategory == .nonspacingMark
    }
}
