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

    /// Whether `word` (letters, tone marks allowed) splits into pinyin syllables.
    public static func isPinyin<S: StringProtocol>(_ word: S) -> Bool {
        // Lower case, tone marks and ü folded (ü and v read as u).
        let letters = Array(EnglishSpanChooser.foldPinyin(String(word)))
        guard !letters.isEmpty, letters.count <= 24 else { return false }
        // Any split into syllables will do (xian = xi + an or xian).
        var reachable = [Bool](repeating: false, count: letters.count + 1)
        reachable[0] = true
        for start in 0..<letters.count where reachable[start] {
            for length in 1...min(longest, letters.count - start) where syllables.contains(String(letters[start..<(start + length)])) {
                reachable[start + length] = true
            }
        }
        return reachable[letters.count]
    }
}
