public import Terminology

/// Adds extracted pairs to a glossary TSV as candidates, keeping every existing
/// byte: new rows go after the existing ones, sorted by `sortKey` (pinyin
/// collation), and a pair that conflicts with an approved rendering is reported,
/// never written over it.
public struct GlossaryMerge {
    /// What a merge did.
    public struct Outcome: Sendable {
        /// The new file contents.
        public var text: String
        /// How many rows were added.
        public var added: Int
        /// How many pairs were already in the glossary.
        public var alreadyPresent: Int
        /// Messages about pairs that differ from an approved rendering.
        public var conflicts: [String]
    }

    /// Merges `candidates` into the glossary file `existing` (its text; empty for a new file).
    /// - Parameters:
    ///   - source: the glossary's path, for messages.
    ///   - pinyin: tone-marked pinyin for a new row's `pinyin` column.
    ///   - sortKey: a byte key that orders Chinese terms (ICU's zh collation).
    /// - Throws: `FormatError` when the existing file is not a valid glossary.
    public static func merge(_ candidates: CandidateGlossary, into existing: String, source: String,
                             pinyin: (String) -> String, sortKey: (String) -> [UInt8]) throws(FormatError) -> Outcome {
        let glossary = try GlossaryTSVReader.read(existing, source: source)
        let columns = existing.isEmpty ? GlossaryTSVReader.knownColumns : (try headerColumns(existing, source: source))
        var present: Set<String> = []
        var approved: [String: [String]] = [:]
        for entry in glossary.entries {
            present.insert(entry.zh + "\t" + CandidateGlossary.renderingKey(entry.en))
            if entry.status == .approved { approved[entry.zh, default: []].append(entry.en) }
        }
        var newEntries: [TermEntry] = []
        var conflicts: [String] = []
        var already = 0
        for term in candidates.allTerms {
            for rendering in term.renderings {
                let key = term.zh + "\t" + CandidateGlossary.renderingKey(rendering.en)
                if present.contains(key) {
                    already += 1
                    continue
                }
                present.insert(key)
                var entry = TermEntry(zh: term.zh, en: rendering.en, pinyin: pinyin(term.zh), status: .candidate,
                                      definition: term.definitions.first ?? "", source: rendering.firstSource)
                if let curated = approved[term.zh], !curated.isEmpty {
                    entry.note = "differs from approved '\(curated.joined(separator: "', '"))'"
                    conflicts.append("\(rendering.firstSource): \(term.zh) rendered '\(rendering.en)'; \(source) approves '\(curated.joined(separator: "', '"))' (added as a candidate, approved row kept)")
                }
                newEntries.append(entry)
            }
        }
        let keyed = newEntries.map { (sortKey($0.zh), $0) }
        let sorted = keyed.sorted { a, b in
            a.0 != b.0 ? a.0.lexicographicallyPrecedes(b.0) : a.1.en < b.1.en
        }.map(\.1)
        var text = existing
        if text.isEmpty {
            text = GlossaryTSVWriter.header(columns) + "\n"
        } else if !text.hasSuffix("\n") && !text.hasSuffix("\r") {
            text += existing.contains("\r\n") ? "\r\n" : "\n"
        }
        let newline = existing.contains("\r\n") ? "\r\n" : "\n"
        for entry in sorted { text += GlossaryTSVWriter.row(entry, columns: columns) + newline }
        return Outcome(text: text, added: sorted.count, alreadyPresent: already, conflicts: conflicts)
    }

    private static func headerColumns(_ text: String, source: String) throws(FormatError) -> [String] {
        for line in text.split(whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }) {
            if line.first == "#" || line.allSatisfy({ $0 == " " || $0 == "\t" }) { continue }
            let names = line.split(separator: "\t", omittingEmptySubsequences: false).map { String($0).trimmingSpaces.lowercased() }
            return names.contains("zh") ? names : ["zh"]
        }
        return GlossaryTSVReader.knownColumns
    }
}
