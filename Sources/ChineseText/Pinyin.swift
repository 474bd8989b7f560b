import ICUText

/// Pinyin for Chinese text: tone marks (`juǎn wáng`), tone numbers
/// (`juan3 wang2`), a search key (`juanwang`) and an initials key (`jw`).
///
/// Characters are read as ICU's `Han-Latin` transliterator reads them (`HanReadings`),
/// one by one, which goes wrong for words with a character of several readings (银行 would
/// be yín xíng). Two tables of word-level readings override it: the common words of
/// `CommonWordReadings` (银行 yín háng, 调整 tiáo zhěng), and this converter's `readings`
/// (from a glossary's pinyin column or CC-CEDICT). At each position the longest word in
/// either wins; on a tie, this converter's.
/// Not thread-safe (it caches readings): one per task.
public final class PinyinConverter {
    private var readings: [String: [String]] = [:]
    private var readingLexicon = Lexicon()
    private var characterCache: [Unicode.Scalar: String] = [:]

    /// A converter with word-level `readings` (word → tone-marked syllables).
    public init(readings: [String: [String]] = [:]) {
        for (word, syllables) in readings { addReading(word, syllables: syllables) }
    }

    private init(copying other: PinyinConverter) {
        readings = other.readings
        readingLexicon = other.readingLexicon
        characterCache = other.characterCache
    }

    /// A converter with the same readings for another task.
    public func copy() -> PinyinConverter {
        PinyinConverter(copying: self)
    }

    /// Adds (or replaces) the reading of `word`, one tone-marked syllable per Han character.
    /// Readings whose syllable count does not match the number of Han characters are ignored.
    public func addReading(_ word: String, syllables: [String]) {
        let hanCount = word.unicodeScalars.filter { Script($0) == .han }.count
        guard hanCount > 1, syllables.count == hanCount else { return }
        readings[word] = syllables.map { $0.lowercased() }
        readingLexicon.insert(word)
    }

    /// Adds a reading given as text, such as `yín háng` or `yin2 hang2`.
    public func addReading(_ word: String, pinyin: String) {
        let syllables = PinyinSyllable.split(pinyin).map { syllable in
            if let marked = markedSyllables[syllable] { return marked }
            let marked = PinyinSyllable.toneMarked(syllable)
            markedSyllables[syllable] = marked
            return marked
        }
        addReading(word, syllables: syllables)
    }

    /// Syllables as given in readings, tone-marked: a glossary repeats a few hundred syllables
    /// over its rows, and every command in a project reads its glossaries first.
    private var markedSyllables: [String: String] = [:]

    /// The number of word-level readings known.
    public var readingCount: Int { readings.count }

    /// The syllables of `text`: tone-marked pinyin for each Han character, and each
    /// run of other letters or digits as one lowercased item. Punctuation and spaces are dropped.
    public func syllables(_ text: String) -> [String] {
        let scalars = Array(text.unicodeScalars)
        var result: [String] = []
        var i = 0
        var pending = ""
        func flush() {
            if !pending.isEmpty { result.append(pending.lowercased()); pending = "" }
        }
        scalars.withUnsafeBufferPointer { buffer in
            while i < buffer.count {
                let scalar = buffer[i]
                if Script(scalar) == .han {
                    flush()
                    var longest = 0
                    if !readingLexicon.isEmpty {
                        readingLexicon.forEachMatch(in: buffer, from: i) { longest = $0 }
                    }
                    var common = 0
                    CommonWordReadings.shared.lexicon.forEachMatch(in: buffer, from: i) { common = $0 }
                    if max(longest, common) > 1 {
                        let length = max(longest, common)
                        var word = ""
                        word.unicodeScalars.append(contentsOf: buffer[i..<(i + length)])
                        result.append(contentsOf: (longest >= common ? readings[word] : CommonWordReadings.shared.readings[word]) ?? [])
                        i += length
                        continue
                    }
                    result.append(reading(of: scalar))
                } else if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                    pending.unicodeScalars.append(scalar)
                } else {
                    flush()
                }
                i += 1
            }
        }
        flush()
        return result
    }

    /// Tone-marked pinyin with spaces between syllables: `juǎn wáng`.
    public func toneMarked(_ text: String) -> String {
        syllables(text).joined(separator: " ")
    }

    /// Pinyin with tone numbers: `juan3 wang2` (ü as `v`, neutral tone without a number).
    public func toneNumbers(_ text: String) -> String {
        syllables(text).map(PinyinSyllable.toneNumbered).joined(separator: " ")
    }

    /// A search key without tones or spaces: `juanwang` (ü as `v`).
    public func searchKey(_ text: String) -> String {
        var key = ""
        for syllable in syllables(text) {
            let cacheKey = UTF8Key(syllable)
            if let letters = tonelessCache[cacheKey] {
                key += letters
                continue
            }
            let letters = PinyinSyllable.toneless(syllable)
            if tonelessCache.count < 4096 { tonelessCache[cacheKey] = letters }
            key += letters
        }
        return key
    }

    /// Syllables without their tones (`juǎn` → `juan`): a text has a few hundred distinct ones,
    /// and extraction keys every original it reads.
    private var tonelessCache: [UTF8Key: String] = [:]

    /// The first letter of each syllable: `jw`; `zh`, `ch` and `sh` count as one letter each (`z`, `c`, `s`).
    public func initials(_ text: String) -> String {
        String(syllables(text).compactMap { PinyinSyllable.toneless($0).first })
    }

    private func reading(of scalar: Unicode.Scalar) -> String {
        if let cached = characterCache[scalar] { return cached }
        let reading = HanReadings.reading(of: scalar) ?? String(scalar)
        characterCache[scalar] = reading
        return reading
    }
}
