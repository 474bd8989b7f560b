/// A guess at the language a draft is written in, from its commonest short words: drafts
/// in different target languages render the same original differently by design.
enum ProseLanguage {
    static let markers: [(language: String, words: Set<String>)] = [
        ("en", ["the", "and", "of", "to", "is", "that", "with", "which"]),
        ("fr", ["le", "les", "des", "et", "est", "une", "du", "qui"]),
        ("es", ["el", "los", "las", "y", "es", "una", "del", "que"]),
        ("it", ["il", "gli", "della", "di", "è", "una", "che", "degli"]),
        ("de", ["der", "die", "und", "das", "ist", "nicht", "mit", "ein"]),
    ]

    /// The language whose marker words are commonest in the first `limit` words of
    /// `document`'s prose (English when none stands out).
    static func guess(_ document: DraftDocument, limit: Int = 3000) -> String {
        var counts = [Int](repeating: 0, count: markers.count)
        var seen = 0
        var word = String.UnicodeScalarView()
        func flush() {
            guard !word.isEmpty else { return }
            let text = String(word).lowercased()
            for (index, marker) in markers.enumerated() where marker.words.contains(text) { counts[index] += 1 }
            word = String.UnicodeScalarView()
            seen += 1
        }
        for line in document.lines where !line.isCode {
            for (k, scalar) in line.scalars.enumerated() where !line.masked[k] {
                if scalar.properties.isAlphabetic && !scalar.properties.isIdeographic { word.append(scalar) } else { flush() }
            }
            flush()
            if seen >= limit { break }
        }
        let best = counts.indices.max { counts[$0] < counts[$1] }!
        return counts[best] > 0 ? markers[best].language : "en"
    }
}
