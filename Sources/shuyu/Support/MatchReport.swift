import Store
import TranslationMemory

/// How `shuyu tm match` and `tm concordance` print what they found.
struct MatchReport {
    let folding: MatchFolding
    let color: Bool

    private func paint(_ text: String, _ code: String) -> String {
        color ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }

    /// The stored source with the differences to `query` marked.
    func marked(_ match: MemoryMatch, query: String) -> String {
        let diff = MatchDiff(stored: match.source.segment.plainText, query: query, folding: folding)
        guard color else { return display(diff.marked) }
        return diff.runs.map { run in
            switch run {
            case .same(let text): display(text)
            case .removed(let text): paint("[-\(display(text))-]", "31")
            case .added(let text): paint("{+\(display(text))+}", "32")
            }
        }.joined()
    }

    /// Inline codes shown as `{n}` markers, as `Segment.displayText` does.
    private func display(_ text: String) -> String {
        text.replacingOccurrences(of: String(Segment.placeholder), with: "{•}")
    }

    func text(_ match: MemoryMatch, query: String, indent: String) -> String {
        let score = String(match.score.score).leftPadded(to: 3) + "%"
        var lines = "\(indent)\(paint(score, "1"))  \(marked(match, query: query))\n"
        lines += "\(indent)      \(match.target.segment.displayText)\n"
        var facts = ["\(match.source.language.canonical) → \(match.target.language.canonical)"]
        if let origin = match.unit.origin { facts.append(origin) }
        if match.unit.count > 1 { facts.append("stored \(match.unit.count) times") }
        if match.score.numberPenalty > 0 { facts.append("numbers differ") }
        if match.score.placeholderPenalty > 0 { facts.append("inline codes differ") }
        lines += "\(indent)      \(paint(facts.joined(separator: " · "), "2"))\n"
        return lines
    }

    func json(_ match: MemoryMatch, query: String) -> String {
        let score = match.score
        var fields: [(String, String)] = [
            ("score", "\(score.score)"),
            ("source", JSONText.string(match.source.segment.displayText)),
            ("target", JSONText.string(match.target.segment.displayText)),
            ("sourceLang", JSONText.string(match.source.language.canonical)),
            ("targetLang", JSONText.string(match.target.language.canonical)),
            ("query", JSONText.string(query)),
            ("diff", JSONText.string(MatchDiff(stored: match.source.segment.plainText, query: query, folding: folding).marked)),
            ("explanation", JSONText.object([
                ("similarity", "\(score.similarity)"), ("editDistance", "\(score.distance)"),
                ("queryTokens", "\(score.queryTokens)"), ("sourceTokens", "\(score.sourceTokens)"),
                ("numberPenalty", "\(score.numberPenalty)"), ("placeholderPenalty", "\(score.placeholderPenalty)"),
                ("identical", score.identical ? "true" : "false"),
            ])),
            ("count", "\(match.unit.count)"),
            ("id", "\(match.unit.id)"),
        ]
        if let origin = match.unit.origin { fields.append(("origin", JSONText.string(origin))) }
        if let tuid = match.unit.tuid { fields.append(("tuid", JSONText.string(tuid))) }
        return JSONText.object(fields)
    }

    func concordanceText(_ unit: StoredUnit, side: MemorySide, term: String) -> String {
        let found = unit.variant(side), other = unit.variant(side == .chinese ? .other : .chinese)
        var text = highlight(found.segment.displayText, term) + "\n"
        text += "    " + other.segment.displayText + "\n"
        var facts = ["\(found.language.canonical) → \(other.language.canonical)"]
        if let origin = unit.origin { facts.append(origin) }
        if unit.count > 1 { facts.append("stored \(unit.count) times") }
        text += "    " + paint(facts.joined(separator: " · "), "2") + "\n"
        return text
    }

    func concordanceJSON(_ unit: StoredUnit, side: MemorySide, term: String) -> String {
        let found = unit.variant(side), other = unit.variant(side == .chinese ? .other : .chinese)
        var fields: [(String, String)] = [
            ("term", JSONText.string(term)),
            ("source", JSONText.string(found.segment.displayText)), ("target", JSONText.string(other.segment.displayText)),
            ("sourceLang", JSONText.string(found.language.canonical)), ("targetLang", JSONText.string(other.language.canonical)),
            ("count", "\(unit.count)"), ("id", "\(unit.id)"),
        ]
        if let origin = unit.origin { fields.append(("origin", JSONText.string(origin))) }
        return JSONText.object(fields)
    }

    /// `text` with the occurrences of `term` (folded the same way) in bold on a terminal.
    private func highlight(_ text: String, _ term: String) -> String {
        guard color else { return text }
        let scalars = Array(text.unicodeScalars)
        let folded = scalars.map { scalar -> String in
            var out = String.UnicodeScalarView()
            folding.fold(scalar) { out.append($0) }
            return String(out)
        }
        let key = folding.fold(term)
        guard !key.isEmpty else { return text }
        var result = "", index = 0
        while index < scalars.count {
            var end = index, joined = ""
            while end < scalars.count, joined.count < key.count { joined += folded[end]; end += 1 }
            if joined == key {
                result += paint(String(String.UnicodeScalarView(scalars[index..<end])), "1;33")
                index = end
            } else {
                result.unicodeScalars.append(scalars[index])
                index += 1
            }
        }
        return result
    }
}

/// Counts of a document's sentences by best match score, as CAT tools report them.
struct MatchAnalysis {
    static let bands: [(name: String, range: ClosedRange<Int>)] = [
        ("100%", 100...100), ("95–99%", 95...99), ("85–94%", 85...94), ("75–84%", 75...84), ("50–74%", 50...74),
    ]
    private(set) var segments = Array(repeating: 0, count: bands.count + 1)
    private(set) var sizes = Array(repeating: 0, count: bands.count + 1)

    /// Adds a sentence of `size` tokens whose best match scored `best`.
    mutating func add(best: Int?, size: Int) {
        let band = best.flatMap { score in Self.bands.firstIndex { $0.range.contains(score) } } ?? Self.bands.count
        segments[band] += 1
        sizes[band] += size
    }

    var matchedSegments: Int { segments.dropLast().reduce(0, +) }

    var table: String {
        var rows = [("Match", "Segments", "Words")]
        for (index, band) in Self.bands.enumerated() where index < 4 || segments[index] > 0 {
            rows.append((band.name, "\(segments[index])", "\(sizes[index])"))
        }
        rows.append(("No match", "\(segments.last!)", "\(sizes.last!)"))
        rows.append(("Total", "\(segments.reduce(0, +))", "\(sizes.reduce(0, +))"))
        return rows.map { $0.0.padded(to: 10) + $0.1.leftPadded(to: 9) + $0.2.leftPadded(to: 8) }.joined(separator: "\n") + "\n"
            + "(words: Chinese characters and words of other languages)\n"
    }

    var json: String {
        var bands: [String] = []
        for (index, band) in Self.bands.enumerated() {
            bands.append(JSONText.object([("band", JSONText.string(band.name)), ("segments", "\(segments[index])"), ("words", "\(sizes[index])")]))
        }
        bands.append(JSONText.object([("band", JSONText.string("no match")), ("segments", "\(segments.last!)"), ("words", "\(sizes.last!)")]))
        return "[" + bands.joined(separator: ",") + "]"
    }
}

extension String {
    func leftPadded(to width: Int) -> String {
        String(repeating: " ", count: max(0, width - count)) + self
    }

    func padded(to width: Int) -> String {
        self + String(repeating: " ", count: max(0, width - count))
    }
}
