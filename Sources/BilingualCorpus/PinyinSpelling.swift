/// Whether Latin text spells Hanyu Pinyin syllables (`shabi`, `dang`, `nüxing zhuyi`,
/// `zhōngguó`): a Chinese word followed by its pinyin is glossed with its sound.
public enum PinyinSpelling {
    static let initials = ["zh", "ch", "sh", "b", "p", "m", "f", "d", "t", "n", "l", "g", "k", "h", "j", "q", "x", "r", "z", "c", "s", "y", "w", ""]
    /// Finals as `foldPinyin` leaves them: ü (and v) read as u, so `lüe` is `lue`.
    static let finals = ["iang", "iong", "uang", "ang", "eng", "ing", "ong", "ian", "iao", "uai", "uan", "ai", "ei", "ui", "ao",
                         "ou", "iu", "ie", "ue", "er", "an", "en", "in", "un", "ia", "ua", "uo", "a", "o", "e", "i", "u"]
    /// Every initial joined with every final: a superset of the real syllables, enough to
    /// tell pinyin from English words.
    static let syllables: Set<String> = Set(initials.flatMap { i in finals.map { i + $0 } }).subtracting(["i", "u"])
    static let longest = syllables.map(\.count).max()!

    /// The syllables packed five bits a letter (a = 1 … z = 26): a lookup without a String.
    static let packedSyllables: Set<UInt32> = Set(syllables.map { pack(Array($0.utf8)[...]) })

    static func pack(_ letters: ArraySlice<UInt8>) -> UInt32 {
        letters.reduce(0) { $0 << 5 | UInt32($1 - 0x60) }
    }

    /// Whether `word` (letters, tone marks allowed) splits into pinyin syllables.
    public static func isPinyin<S: StringProtocol>(_ word: S) -> Bool {
        // Lower case, tone marks and ü folded (ü and v read as u): from bytes when ASCII,
        // as most words tested are English ones.
        var letters: [UInt8] = []
        if word.isASCII {
            for byte in word.utf8 {
                if let letter = EnglishSpanChooser.foldedLetter(byte) { letters.append(letter) }
            }
        } else {
            letters = Array(EnglishSpanChooser.foldPinyin(String(word)).utf8)
        }
        guard !letters.isEmpty, letters.count <= 24 else { return false }
        // Any split into syllables will do (xian = xi + an or xian).
        var reachable = [Bool](repeating: false, count: letters.count + 1)
        reachable[0] = true
        for start in 0..<letters.count where reachable[start] {
            var key: UInt32 = 0
            for length in 1...min(longest, letters.count - start) {
                key = key << 5 | UInt32(letters[start + length - 1] - 0x60)
                if packedSyllables.contains(key) { reachable[start + length] = true }
            }
        }
        return reachable[letters.count]
    }
}
