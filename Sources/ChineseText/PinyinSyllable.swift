/// Conversions between the spellings of one pinyin syllable.
public enum PinyinSyllable {
    // Vowels with tone marks, tones 1–4.
    /// Splits pinyin text into syllables at spaces, apostrophes and hyphens.
    public static func split(_ text: String) -> [String] {
        var result: [String] = []
        var current = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if scalar == " " || scalar == "'" || scalar == "’" || scalar == "-" || scalar == "\u{3000}" {
                if !current.isEmpty { result.append(String(current)); current = String.UnicodeScalarView() }
            } else {
                current.append(scalar)
            }
        }
        if !current.isEmpty { result.append(String(current)) }
        return result
    }

    /// The syllable's tone (1–4, or 5 for the neutral tone) and its letters without tone marks.
    public static func decompose(_ syllable: String) -> (letters: String, tone: Int) {
        var letters = String.UnicodeScalarView()
        var tone = 5
        var previous: Unicode.Scalar = " "
        for scalar in syllable.unicodeScalars {
            if let (base, t) = markedScalars[scalar] {
                letters.append(base)
                tone = t
            } else if ("1"..."5").contains(scalar) {
                tone = Int(scalar.value - 0x30)
            } else if scalar == ":" && (previous == "u" || previous == "U") {
                letters.removeLast()
                letters.append("ü")
            } else if scalar == "v" || scalar == "V" {
                letters.append("ü")
            } else {
                letters.append(scalar.properties.isUppercase && scalar.value < 0x80 ? Unicode.Scalar(scalar.value + 0x20)! : scalar)
            }
            previous = scalar
        }
        return (String(letters), tone)
    }

    private static let markedScalars: [Unicode.Scalar: (Unicode.Scalar, Int)] = {
        var table: [Unicode.Scalar: (Unicode.Scalar, Int)] = [:]
        let rows: [(Unicode.Scalar, String)] = [("a", "āáǎà"), ("e", "ēéěè"), ("i", "īíǐì"), ("o", "ōóǒò"),
                                                ("u", "ūúǔù"), ("ü", "ǖǘǚǜ"), ("a", "ĀÁǍÀ"), ("e", "ĒÉĚÈ"), ("o", "ŌÓǑÒ")]
        for (base, forms) in rows {
            for (tone, form) in forms.unicodeScalars.enumerated() { table[form] = (base, tone + 1) }
        }
        return table
    }()

    /// The search key (`juanwang`) and initials (`jw`) of pinyin in any spelling, in one pass.
    public static func searchKeyAndInitials(_ pinyin: String) -> (key: String, initials: String) {
        var key = String.UnicodeScalarView(), initials = String.UnicodeScalarView()
        var atSyllableStart = true
        for scalar in pinyin.unicodeScalars {
            if scalar == " " || scalar == "'" || scalar == "’" || scalar == "-" {
                atSyllableStart = true
                continue
            }
            guard let letter = baseLetter(scalar) else { continue }
            if letter == ":" {  // u: is ü
                if key.last == "u" { key.removeLast(); key.append("v") }
                continue
            }
            key.append(letter)
            if atSyllableStart { initials.append(letter); atSyllableStart = false }
        }
        return (String(key), String(initials))
    }

    /// The lower-case ASCII letter of a pinyin scalar without its tone (`ǎ` → `a`, `ü`/`ǚ` → `v`),
    /// `:` for the colon of `u:`, or nil for tone digits and anything else.
    public static func baseLetter(_ scalar: Unicode.Scalar) -> Unicode.Scalar? {
        switch scalar {
        case "a"..."z": return scalar
        case "A"..."Z": return Unicode.Scalar(scalar.value + 0x20)
        case ":": return ":"
        case "ā", "á", "ǎ", "à", "Ā", "Á", "Ǎ", "À": return "a"
        case "ē", "é", "ě", "è", "Ē", "É", "Ě", "È": return "e"
        case "ī", "í", "ǐ", "ì": return "i"
        case "ō", "ó", "ǒ", "ò", "Ō", "Ó", "Ǒ", "Ò": return "o"
        case "ū", "ú", "ǔ", "ù": return "u"
        case "ü", "ǖ", "ǘ", "ǚ", "ǜ", "Ü": return "v"
        default: return nil
        }
    }

    /// `juan3`, `lv4` (ü as v), `ma` for the neutral tone.
    public static func toneNumbered(_ syllable: String) -> String {
        let (letters, tone) = decompose(syllable)
        let ascii = letters.replacingOccurrences("ü", with: "v")
        return tone == 5 ? ascii : ascii + String(tone)
    }

    /// `juan`, `lv` (ü as v).
    public static func toneless(_ syllable: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in decompose(syllable).letters.unicodeScalars {
            out.append(scalar == "ü" ? "v" : scalar)
        }
        return String(out)
    }

    /// The syllable with a tone mark, from any spelling: `juan3` → `juǎn`, `lu:4` → `lǜ`.
    /// The mark goes on a or e; on the o of ou; otherwise on the last vowel. A capital
    /// stays (`Wang2` → `Wáng`: CC-CEDICT writes names so).
    public static func toneMarked(_ syllable: String) -> String {
        let marked = lowerToneMarked(syllable)
        guard let first = syllable.unicodeScalars.first, first.properties.isUppercase,
              let head = marked.unicodeScalars.first else { return marked }
        return head.properties.uppercaseMapping + String(marked.unicodeScalars.dropFirst())
    }

    private static func lowerToneMarked(_ syllable: String) -> String {
        let (letters, tone) = decompose(syllable)
        guard (1...4).contains(tone) else { return letters }
        var scalars = Array(letters.unicodeScalars)
        let target: Int?
        if let a = scalars.firstIndex(where: { $0 == "a" || $0 == "e" }) {
            target = a
        } else if let o = scalars.firstIndex(of: "o"), o + 1 < scalars.count, scalars[o + 1] == "u" {
            target = o
        } else {
            target = scalars.lastIndex(where: { "aeiouü".unicodeScalars.contains($0) })
        }
        guard let index = target, let forms = markScalars[scalars[index]] else { return letters }
        scalars[index] = forms[tone - 1]
        var out = String.UnicodeScalarView()
        out.append(contentsOf: scalars)
        return String(out)
    }

    private static let markScalars: [Unicode.Scalar: [Unicode.Scalar]] = [
        "a": Array("āáǎà".unicodeScalars), "e": Array("ēéěè".unicodeScalars), "i": Array("īíǐì".unicodeScalars),
        "o": Array("ōóǒò".unicodeScalars), "u": Array("ūúǔù".unicodeScalars), "ü": Array("ǖǘǚǜ".unicodeScalars),
    ]
}

extension String {
    /// The string with every occurrence of `target` replaced, left to right (Foundation-free:
    /// no character-set or bridging set-up on first use, which a short process would pay).
    public func replacingOccurrences(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty, contains(target) else { return self }
        var result = ""
        var rest = self[...]
        while let range = rest.firstRange(of: target) {
            result += rest[..<range.lowerBound]
            result += replacement
            rest = rest[range.upperBound...]
        }
        result += rest
        return result
    }
}
