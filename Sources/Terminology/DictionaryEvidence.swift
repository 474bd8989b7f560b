public import BilingualCorpus

/// Known renderings from glossaries first, then senses from reference dictionaries
/// (CC-CEDICT), as evidence for the extractor: `保守主义` → `conservatism`.
public struct CombinedEvidence: TermEvidence, Sendable {
    private let glossary: GlossaryEvidence
    private var senses: [String: [String]] = [:]

    /// Evidence from `glossary` and the senses of `dictionary` entries.
    public init(glossary: GlossaryEvidence, dictionary: [DictionaryEntry]) {
        self.glossary = glossary
        for entry in dictionary where entry.simplified.unicodeScalars.count >= 2 {
            var list = senses[entry.simplified] ?? []
            for sense in entry.senses {
                // "to push a child (idiom)" → "push a child"; drop CL:, variants and abbreviations.
                var text = sense
                if let paren = text.firstIndex(of: "(") { text = String(text[..<paren]) }
                text = text.trimmingCharacters(" ")
                for prefix in ["to ", "a ", "an ", "the "] where text.hasPrefix(prefix) { text = String(text.dropFirst(prefix.count)) }
                guard !text.isEmpty, !text.hasPrefix("CL:"), !text.contains("variant of"), !text.contains("abbr."),
                      !text.contains("surname"), text.count <= 40 else { continue }
                for part in text.split(separator: ";").map({ String($0).trimmingCharacters(" ") }) where !part.isEmpty && !list.contains(part) {
                    list.append(part)
                }
            }
            if !list.isEmpty { senses[entry.simplified] = list }
        }
    }

    public func renderings(of zh: String) -> [String] {
        glossary.renderings(of: zh) + (senses[zh] ?? [])
    }

    public func isKnownTerm(_ zh: String) -> Bool {
        glossary.isKnownTerm(zh)
    }
}

extension String {
    func trimmingCharacters(_ character: Character) -> String {
        var s = Substring(self)
        while s.first == character { s.removeFirst() }
        while s.last == character { s.removeLast() }
        return String(s)
    }
}
