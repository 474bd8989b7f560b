import SourceText
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
        try merge(entries: entries(candidates), into: existing, source: source, pinyin: pinyin, sortKey: sortKey)
    }

    /// Extracted pairs as candidate rows: one per rendering, with the term's first
    /// definition and the rendering's first source.
    public static func entries(_ candidates: CandidateGlossary) -> [TermEntry] {
        var entries: [TermEntry] = []
        for term in candidates.allTerms {
            for rendering in term.renderings {
                entries.append(TermEntry(zh: term.zh, en: rendering.en, status: .candidate,
                                         definition: term.definitions.first ?? "", source: rendering.firstSource))
            }
        }
        return entries
    }

    /// Merges `entries` (imported or extracted rows) into the glossary file `existing`:
    /// rows already there (same Chinese, same English up to case and plural) are skipped;
    /// an approved rendering that differs from the file's approved one comes in as a
    /// candidate and is reported.
    public static func merge(entries: [TermEntry], into existing: String, source: String,
                             pinyin: (String) -> String, sortKey: (String) -> [UInt8]) throws(FormatError) -> Outcome {
        let glossary = try GlossaryTSVReader.read(existing, source: source)
        let columns = existing.isEmpty ? GlossaryTSVReader.knownColumns : (try headerColumns(existing, source: source))
        let (newEntries, already, conflicts) = plan(entries, existing: glossary.entries, source: source, pinyin: pinyin)
        let sorted = newEntries.map { (sortKey($0.zh), $0) }.sorted { a, b in
            a.0 != b.0 ? a.0.lexicographicallyPrecedes(b.0) : a.1.en < b.1.en
        }.map(\.1)
        let newline = existing.contains("\r\n") ? "\r\n" : "\n"
        var text = existing
        if text.isEmpty {
            text = GlossaryTSVWriter.header(columns) + "\n"
        } else if !text.hasSuffix("\n") && !text.hasSuffix("\r") {
            text += newline
        }
        for entry in sorted { text += GlossaryTSVWriter.row(entry, columns: columns) + newline }
        return Outcome(text: text, added: sorted.count, alreadyPresent: already, conflicts: conflicts)
    }

    /// Which of `entries` a glossary holding `existing` rows gains: rows already there
    /// (same Chinese, same English up to case and plural) are counted and left out; an
    /// approved or candidate rendering that differs from an approved one comes in as a
    /// candidate, with a note, and is reported. Used for files and for the shared store.
    public static func plan(_ entries: [TermEntry], existing: [TermEntry], source: String,
                            pinyin: (String) -> String) -> (added: [TermEntry], alreadyPresent: Int, conflicts: [String]) {
        var present: Set<String> = []
        var approved: [String: [String]] = [:]
        for entry in existing {
            present.insert(entry.zh + "\t" + CandidateGlossary.renderingKey(entry.en))
            if entry.status == .approved { approved[entry.zh, default: []].append(entry.en) }
        }
        var newEntries: [TermEntry] = []
        var conflicts: [String] = []
        var already = 0
        for var entry in entries {
            let key = entry.zh + "\t" + CandidateGlossary.renderingKey(entry.en)
            if present.contains(key) {
                already += 1
                continue
            }
            present.insert(key)
            if entry.pinyin.isEmpty { entry.pinyin = pinyin(entry.zh) }
            if let curated = approved[entry.zh], !curated.isEmpty, !entry.en.isEmpty {
                let list = curated.joined(separator: "', '")
                if entry.status == .approved || entry.status == .candidate { entry.status = .candidate }
                if entry.note.isEmpty { entry.note = "differs from approved '\(list)'" }
                let place = entry.source.isEmpty ? "" : "\(entry.source): "
                conflicts.append("\(place)\(entry.zh) rendered '\(entry.en)'; \(source) approves '\(list)' (added as \(entry.status.rawValue), approved row kept)")
            }
            newEntries.append(entry)
        }
        return (newEntries, already, conflicts)
    }

    /// The canonical form of a glossary file: its leading comments, the header, then the
    /// rows sorted by `sortKey` of the Chinese, then status (approved first) and English.
    /// Comments between rows move to the top, in order; unknown columns are kept.
    public static func sorted(_ text: String, source: String, sortKey: (String) -> [UInt8]) throws(FormatError) -> String {
        let glossary = try GlossaryTSVReader.read(text, source: source)
        let columns = try headerColumns(text, source: source)
        let newline = text.contains("\r\n") ? "\r\n" : "\n"
        var out = ""
        for line in TextLines.lines(text)
        where line.first == "#" {
            out += line + newline
        }
        out += GlossaryTSVWriter.header(columns) + newline
        for entry in canonicalOrder(glossary.entries, sortKey: sortKey) { out += GlossaryTSVWriter.row(entry, columns: columns) + newline }
        return out
    }

    /// `entries` in a glossary's canonical order: by `sortKey` of the Chinese, then status
    /// (approved first); rows that tie keep their order.
    public static func canonicalOrder(_ entries: [TermEntry], sortKey: (String) -> [UInt8]) -> [TermEntry] {
        func rank(_ status: TermStatus) -> Int { TermStatus.allCases.firstIndex(of: status)! }
        return entries.enumerated().map { (sortKey($0.element.zh), $0.offset, $0.element) }.sorted { a, b in
            if a.0 != b.0 { return a.0.lexicographicallyPrecedes(b.0) }
            if a.2.zh != b.2.zh { return a.2.zh < b.2.zh }
            if rank(a.2.status) != rank(b.2.status) { return rank(a.2.status) < rank(b.2.status) }
            return a.1 < b.1
        }.map(\.2)
    }

    private static func headerColumns(_ text: String, source: String) throws(FormatError) -> [String] {
        for line in TextLines.lines(text) {
            if line.first == "#" || line.allSatisfy({ $0 == " " || $0 == "\t" }) { continue }
            let names = TSVField.fields(line).map { String($0).trimmingSpaces.lowercased() }
            return names.contains("zh") ? names : ["zh"]
        }
        return GlossaryTSVReader.knownColumns
    }
}
