/// Conversions between the spellings of one pinyin syllable.
public enum PinyinSyllable {
    // Vowels with tone marks, tones 1–4.
    private static let marked: [Character: (Character, Int)] = {
        var table: [Character: (Character, Int)] = [:]
        let rows: [(Character, String)] = [("a", "āáǎà"), ("e", "ēéěè"), ("i", "īíǐì"), ("o", "ōóǒò"),
                                           ("u", "ūúǔù"), ("ü", "ǖǘǚǜ"), ("A", "ĀÁǍÀ"), ("E", "ĒÉĚÈ"),
                                           ("O", "ŌÓǑÒ")]
        for (base, forms) in rows {
            for (tone, form) in forms.enumerated() { table[form] = (base, tone + 1) }
        }
        return table
    }()

    private static let marks: [Character: [Character]] = [
        "a": Array("āáǎà"), "e": Array("ēéěè"), "i": Array("īíǐì"), "o": Array("ōóǒò"),
        "u": Array("ūúǔù"), "ü": Array("ǖǘǚǜ"),
    ]

    /// Splits pinyin text into syllables at spaces, apostrophes and hyphens.
    public static func split(_ text: String) -> [String] {
        text.split(whereSeparator: { $0 == " " || $0 == "'" || $0 == "’" || $0 == "-" || $0 == "\u{3000}" })
            .map(String.init)
    }

    /// The syllable's tone (1–4, or 5 for the neutral tone) and its letters without tone marks.
    public static func decompose(_ syllable: String) -> (letters: String, tone: Int) {
        var letters = ""
        var tone = 5
        for character in syllable {
            if let (base, t) = marked[character] {
                letters.append(base)
                tone = t
            } else if character.isNumber, let digit = character.wholeNumberValue, (1...5).contains(digit) {
                tone = digit
            } else {
                letters.append(character)
            }
        }
        letters = letters.replacingOccurrences("u:", with: "ü").replacingOccurrences("v", with: "ü")
        return (letters.lowercased(), tone)
    }

    /// `juan3`, `lv4` (ü as v), `ma` for the neutral tone.
    public static func toneNumbered(_ syllable: String) -> String {
        let (letters, tone) = decompose(syllable)
        let ascii = letters.replacingOccurrences("ü", with: "v")
        return tone == 5 ? ascii : ascii + String(tone)
    }

    /// `juan`, `lv` (ü as v).
    public static func toneless(_ syllable: String) -> String {
        decompose(syllable).letters.replacingOccurrences("ü", with: "v")
    }

    /// The syllable with a tone mark, from any spelling: `juan3` → `juǎn`, `lu:4` → `lǜ`.
    /// The mark goes on a or e; on the o of ou; otherwise on the last vowel.
    public static func toneMarked(_ syllable: String) -> String {
        let (letters, tone) = decompose(syllable)
        guard (1...4).contains(tone) else { return letters }
        var characters = Array(letters)
        let vowels: Set<Character> = ["a", "e", "i", "o", "u", "ü"]
        let target: Int?
        if let a = characters.firstIndex(where: { $0 == "a" || $0 == "e" }) {
            target = a
        } else if let o = characters.firstIndex(of: "o"), o + 1 < characters.count, characters[o + 1] == "u" {
            target = o
        } else {
            target = characters.lastIndex(where: { vowels.contains($0) })
        }
        guard let index = target, let forms = marks[characters[index]] else { return letters }
        characters[index] = forms[tone - 1]
        return String(characters)
    }
}

extension String {
    /// The string with every occurrence of `target` replaced (Foundation-free).
    func replacingOccurrences(_ target: String, with replacement: String) -> String {
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
