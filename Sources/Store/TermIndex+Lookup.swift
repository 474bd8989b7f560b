import ChineseText
import ICUText
import SourceText
import Foundation
public import Terminology

extension TermIndex {
    /// How a query is read.
    public struct Query: Sendable {
        /// The text as typed.
        public var text: String
        /// The simplified form of a Chinese query (捲王 → 卷王), when it differs.
        public var simplified: String?

        /// Creates a query.
        public init(_ text: String, simplified: String? = nil) {
            self.text = text
            self.simplified = simplified
        }

        /// What a typed query is looked up as: in NFKC (full-width `ＡＩ` is `AI`, a
        /// compatibility ideograph its unified form), without spaces next to a Chinese
        /// character (`卷 王` is `卷王`, `AI 原住民` is `AI原住民`: Chinese terms have none),
        /// trimmed.
        public static func normalized(_ typed: String) -> String {
            // ASCII and CJK unified ideographs are their own NFKC: most queries need no
            // normalizer (opening ICU's costs about 0.1 ms of a lookup's 6).
            let stable = typed.unicodeScalars.allSatisfy { (0x20...0x7E).contains($0.value) || (0x3400...0x9FFF).contains($0.value) }
            let scalars = Array((stable ? typed : normalize(typed, .nfkc)).trimmingSpaces().unicodeScalars)
            var out = String.UnicodeScalarView()
            var k = 0
            while k < scalars.count {
                if scalars[k].properties.isWhitespace, let before = out.last {
                    var next = k
                    while next < scalars.count, scalars[next].properties.isWhitespace { next += 1 }
                    if before.properties.isIdeographic || next < scalars.count && scalars[next].properties.isIdeographic {
                        k = next
                        continue
                    }
                }
                out.append(scalars[k])
                k += 1
            }
            return String(out)
        }
    }

    /// The terms matching `query`, best first: the exact Chinese term (or its traditional
    /// form), pinyin with or without tones and spaces, English words or prefixes, terms
    /// containing or contained in the query, and initials as a weaker match.
    /// - Parameters:
    ///   - limit: the most terms to return.
    ///   - contexts: concordance lines per term.
    public func lookup(_ query: Query, limit: Int = 10, contexts: Int = 0) throws -> [TermReport] {
        try reading { db in
            var ranked: [(zh: String, rank: Int, match: String)] = []
            var seen: Set<String> = []
            func add(_ terms: [String], rank: Int, match: String) {
                for zh in terms where seen.insert(zh).inserted { ranked.append((zh, rank, match)) }
            }
            // The glossary and corpus terms, read once for "containing" and "related".
            var localTerms: LocalTerms?
            func local() throws -> LocalTerms {
                if let localTerms { return localTerms }
                let loaded = try LocalTerms(db)
                localTerms = loaded
                return loaded
            }
            let text = query.text.trimmingSpaces()
            let hasHan = text.unicodeScalars.contains { $0.properties.isIdeographic }
            if hasHan {
                for form in [text] + (query.simplified.map { [$0] } ?? []) {
                    add(try db.strings("SELECT DISTINCT zh FROM entries WHERE zh = ?", [.text(form)]), rank: 0, match: "exact")
                    add(try db.strings("SELECT DISTINCT zh FROM entries WHERE traditional = ?", [.text(form)]), rank: 0, match: "traditional")
                }
                let key = query.simplified ?? text
                // Terms containing the query (glossaries and corpora first, then the dictionary).
                add(try local().containing(key, limit: 20), rank: 4, match: "containing")
                // Terms contained in the query.
                let scalars = Array(key.unicodeScalars)
                var parts: [String] = []
                if scalars.count > 1 {
                    for length in stride(from: scalars.count - 1, through: 2, by: -1) {
                        for start in 0...(scalars.count - length) {
                            var s = ""
                            s.unicodeScalars.append(contentsOf: scalars[start..<(start + length)])
                            parts.append(s)
                        }
                    }
                }
                if !parts.isEmpty {
                    let placeholders = Array(repeating: "?", count: parts.count).joined(separator: ",")
                    add(try db.strings("SELECT DISTINCT zh FROM entries WHERE zh IN (\(placeholders))", parts.map { .text($0) }),
                        rank: 5, match: "contained")
                }
                if ranked.count < 3 {
                    // Dictionary words that begin with the query (an index range, not a scan).
                    add(try db.strings("""
                        SELECT zh FROM entries WHERE zh > ? AND zh < ? AND kind = 'dictionary'
                        GROUP BY zh ORDER BY length(zh), zh LIMIT ?
                        """, [.text(key), .text(key + "\u{10FFFF}"), .integer(limit)]), rank: 6, match: "containing")
                }
            } else {
                // Pinyin: tone marks, tone numbers or none, spaces or not.
                let (pinyinKey, _) = PinyinSyllable.searchKeyAndInitials(Self.splitPinyinQuery(text))
                if !pinyinKey.isEmpty {
                    add(try db.strings("""
                        SELECT zh FROM entries WHERE pinyin_key = ? GROUP BY zh
                        ORDER BY min(CASE kind WHEN 'glossary' THEN 0 WHEN 'corpus' THEN 1 ELSE 2 END), zh LIMIT 20
                        """, [.text(pinyinKey)]), rank: 1, match: "pinyin")
                }
                // English: the whole rendering, then words and prefixes (stemmed: plural-insensitive).
                let enKey = CandidateGlossary.renderingKey(text)
                // Glossary and corpus renderings, then dictionary words whose first sense it is
                // (银行 /bank/CL:家[jia1]/ for "bank"), the most specific first. (A query with no
                // letters has an empty key, which would match renderings without letters.)
                let exact = enKey.isEmpty ? [] : try db.rows("""
                    SELECT zh, kind, en FROM entries WHERE en_key = ? AND kind != 'sentence'
                    """, [.text(enKey)]).map { row -> (zh: String, order: (Int, Int, Int)) in
                        let kind = row.string("kind")
                        let specific = kind == "dictionary" ? Self.senseOrder(row.string("en")) : (0, 0)
                        return (row.string("zh"), (kind == "glossary" ? 0 : kind == "corpus" ? 1 : 2, specific.0, specific.1))
                    }
                add(exact.sorted { a, b in
                    a.order != b.order ? a.order < b.order : a.zh.utf8.lexicographicallyPrecedes(b.zh.utf8)
                }.map(\.zh), rank: 2, match: "english")
                // Words and prefixes rank below: not needed when the limit is already reached.
                if ranked.count < limit, let match = Self.ftsQuery(text) {
                    // Glossaries first, then corpora, then dictionaries; best FTS rank (bm25,
                    // negative and small) first within each. Only as many terms as can be shown.
                    add(try db.strings("""
                        SELECT e.zh FROM entries_fts JOIN entries e ON e.id = entries_fts.rowid
                        WHERE entries_fts MATCH ? AND e.kind != 'sentence' GROUP BY e.zh
                        ORDER BY min((CASE e.kind WHEN 'glossary' THEN 0 WHEN 'corpus' THEN 1 ELSE 2 END) * 1e6 + entries_fts.rank), min(e.id)
                        LIMIT ?
                        """, [.text(match), .integer(limit + ranked.count)]), rank: 3, match: "english")
                }
                // Initials (jw): weaker.
                let letters = text.lowercased().filter { $0.isLetter }
                if ranked.count < limit, letters.count >= 2, letters.count <= 6, letters == text.lowercased().filter({ !$0.isWhitespace }) {
                    add(try db.strings("""
                        SELECT zh FROM entries WHERE initials = ? AND kind IN ('glossary', 'corpus') GROUP BY zh ORDER BY zh LIMIT 20
                        """, [.text(letters)]), rank: 7, match: "initials")
                }
            }
            let chosen = ranked.enumerated().sorted { ($0.element.rank, $0.offset) < ($1.element.rank, $1.offset) }
                .prefix(limit).map(\.element)
            return try chosen.map { try report(db, zh: $0.zh, match: $0.match, contexts: contexts, localTerms: try local()) }
        }
    }

    /// Terms close to a query that found nothing: same pinyin initials or prefix, shared
    /// characters, English words with the same beginning, ranked by edit distance.
    public func suggestions(_ text: String, simplified: String? = nil, limit: Int = 5) throws -> [String] {
        try reading { db in
            var candidates: Set<String> = []
            let hasHan = text.unicodeScalars.contains { $0.properties.isIdeographic }
            if hasHan {
                for scalar in Set((simplified ?? text).unicodeScalars) where scalar.properties.isIdeographic {
                    let character = String(Character(scalar))
                    candidates.formUnion(try db.strings("""
                        SELECT zh FROM entries WHERE kind IN ('glossary', 'corpus') AND instr(zh, ?) > 0 GROUP BY zh LIMIT 20
                        """, [.text(character)]))
                }
                let target = simplified ?? text
                return candidates.sorted { (EditDistance.distance($0, target), $0) < (EditDistance.distance($1, target), $1) }.prefix(limit).map { $0 }
            }
            let (pinyinKey, _) = PinyinSyllable.searchKeyAndInitials(Self.splitPinyinQuery(text))
            if pinyinKey.count >= 2 {
                candidates.formUnion(try db.strings("""
                    SELECT pinyin_key FROM entries WHERE kind IN ('glossary', 'corpus') AND pinyin_key >= ? AND pinyin_key < ? GROUP BY pinyin_key LIMIT 50
                    """, [.text(String(pinyinKey.prefix(2))), .text(String(pinyinKey.prefix(2)) + "\u{10FFFF}")]).map { "pinyin:" + $0 })
            }
            let lower = text.lowercased()
            if lower.count >= 3 {
                candidates.formUnion(try db.strings("""
                    SELECT en FROM entries WHERE kind IN ('glossary', 'corpus') AND en_key >= ? AND en_key < ? GROUP BY en_key LIMIT 50
                    """, [.text(String(lower.prefix(3))), .text(String(lower.prefix(3)) + "\u{10FFFF}")]))
            }
            var scored: [(String, Int)] = []
            for candidate in candidates {
                if candidate.hasPrefix("pinyin:") {
                    let key = String(candidate.dropFirst(7))
                    if let zh = try db.strings("SELECT zh FROM entries WHERE pinyin_key = ? AND kind IN ('glossary', 'corpus') LIMIT 1", [.text(key)]).first {
                        scored.append((zh, EditDistance.distance(key, pinyinKey)))
                    }
                } else {
                    scored.append((candidate, EditDistance.distance(candidate.lowercased(), lower)))
                }
            }
            var seen: Set<String> = []
            return scored.sorted { ($0.1, $0.0) < ($1.1, $1.0) }.map(\.0).filter { seen.insert($0).inserted }.prefix(limit).map { $0 }
        }
    }

    // MARK: - Reports

    private func report(_ db: SQLiteReader, zh: String, match: String, contexts: Int, localTerms: LocalTerms) throws -> TermReport {
        // Prepared once per connection: a lookup reports up to --limit terms.
        let rows = try db.rows("""
            SELECT source, kind, line, traditional, en, en_key, pinyin, status, definition, note, context
            FROM entries WHERE zh = ? ORDER BY CASE kind WHEN 'glossary' THEN 0 WHEN 'corpus' THEN 1 ELSE 2 END, source, line
            """, [.text(zh)])
        var report = TermReport(zh: zh, match: match)
        var renderingIndex: [String: Int] = [:]
        var glossaryPinyin = "", dictionaryPinyin = "", corpusPinyin = ""
        // The dictionary's first reading, or the same in lower case when it is a name's and
        // the common word reads alike (王: `Wáng` the surname, `wáng` king).
        let readings = rows.compactMap { row -> String? in row.string("kind") == "dictionary" ? row.string("pinyin") : nil }
        if let first = readings.first {
            dictionaryPinyin = readings.first { $0 != first && $0.lowercased() == first.lowercased() } ?? first
        }
        for row in rows {
            let kind = row.string("kind")
            let source = row.string("source")
            let line = row.int("line")
            let en = row.string("en")
            let definition = row.string("definition")
            let pinyin = row.string("pinyin")
            switch kind {
            case "dictionary":
                let traditional = row.string("traditional")
                if traditional != zh, !traditional.isEmpty, !report.traditional.contains(traditional) { report.traditional.append(traditional) }
                let senses = en.replacingOccurrences(" / ", with: "; ")  // stored `a / b`, shown `a; b`
                report.senses.append(pinyin == dictionaryPinyin ? senses : "[\(pinyin)] \(senses)")
            default:
                if kind == "glossary", glossaryPinyin.isEmpty { glossaryPinyin = pinyin }
                if kind == "corpus", corpusPinyin.isEmpty { corpusPinyin = pinyin }
                if !definition.isEmpty, !report.definitions.contains(definition) { report.definitions.append(definition) }
                let note = row.string("note")
                if !note.isEmpty, !report.notes.contains(note) { report.notes.append(note) }
                guard !en.isEmpty else { continue }
                let key = row.string("en_key")
                let place = "\(source):\(line)"
                if let index = renderingIndex[key] {
                    if kind == "corpus" { report.renderings[index].uses += 1 }
                    report.renderings[index].sources.append(place)
                } else {
                    renderingIndex[key] = report.renderings.count
                    let status = row.string("status")
                    report.renderings.append(.init(en: en, status: kind == "glossary" ? TermStatus(rawValue: status) : nil,
                                                   uses: kind == "corpus" ? 1 : 0, sources: [place]))
                }
                if kind == "corpus", report.contexts.count < contexts {
                    let context = row.string("context")
                    if !context.isEmpty { report.contexts.append(.init(source: place, text: Self.kwic(context, zh: zh, en: en))) }
                }
            }
        }
        report.pinyin = !glossaryPinyin.isEmpty ? glossaryPinyin : !dictionaryPinyin.isEmpty ? dictionaryPinyin : corpusPinyin
        func order(_ r: TermReport.Rendering) -> Int {
            switch r.status {
            case .approved: 0
            case .candidate: 1
            case nil: 2
            case .deprecated: 3
            case .forbidden: 4
            }
        }
        report.renderings = report.renderings.enumerated().sorted {
            (order($0.element), -$0.element.uses, $0.offset) < (order($1.element), -$1.element.uses, $1.offset)
        }.map(\.element)
        if report.contexts.count < contexts {
            // Sentence pairs from parallel sources that use the term.
            for row in try db.rows("""
                SELECT source, line, context FROM entries WHERE kind = 'sentence' AND instr(zh, ?) > 0 LIMIT ?
                """, [.text(zh), .integer(contexts - report.contexts.count)]) {
                let source = row.string("source"), line = row.int("line"), text = row.string("context")
                report.contexts.append(.init(source: "\(source):\(line)", text: text))
            }
        }
        report.related = localTerms.containing(zh, limit: 6)
        return report
    }

    /// A line cut to about 50 characters on each side of the term.
    static func kwic(_ line: String, zh: String, en: String) -> String {
        let trimmed = line.trimmingSpaces()
        guard let range = trimmed.range(of: zh) ?? trimmed.range(of: en) else { return String(trimmed.prefix(120)) }
        let before = trimmed[..<range.lowerBound].suffix(50)
        let after = trimmed[range.upperBound...].prefix(50)
        let head = before.count < trimmed.distance(from: trimmed.startIndex, to: range.lowerBound) ? "…" : ""
        let tail = after.count < trimmed.distance(from: range.upperBound, to: trimmed.endIndex) ? "…" : ""
        return head + before + trimmed[range] + after + tail
    }

    /// Pinyin as typed (`juanwang`, `juan3wang2`, `juǎn wáng`) split where tone digits end syllables.
    static func splitPinyinQuery(_ text: String) -> String {
        var out = ""
        for character in text.lowercased() {
            if character.isNumber {
                out.append(character)
                out.append(" ")
            } else if character.isLetter || character == " " || character == "'" || character == ":" {
                out.append(character)
            } else {
                out.append(" ")
            }
        }
        return out
    }

    /// An FTS5 query for English text: the words as a phrase, the last one as a prefix.
    static func ftsQuery(_ text: String) -> String? {
        let words = text.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)
        guard !words.isEmpty else { return nil }
        let quoted = words.map { "\"\($0)\"" }
        return quoted.dropLast().joined(separator: " + ") + (words.count > 1 ? " + " : "") + quoted.last! + " *"
    }

    /// How specifically a dictionary entry (`a / b / CL:…`) means its first sense: how
    /// many senses it has besides classifiers (fewer is more specific), then whether it
    /// names a classifier (a common noun: 银行 before 皋 for "bank").
    static func senseOrder(_ stored: String) -> (Int, Int) {
        var count = 0, classifier = 1
        for sense in stored.split(separator: " / ") {
            if sense.hasPrefix("CL:") { classifier = 0 } else { count += 1 }
        }
        return (count, classifier)
    }
}

/// The distinct terms of the glossaries and corpora, shortest first, then in code-point
/// order: read once per lookup (a few thousand at most), where the SQL they replace
/// scanned them again for every term reported.
struct LocalTerms {
    private let terms: [(text: String, bytes: [UInt8])]

    init(_ db: SQLiteReader) throws {
        terms = try db.strings("""
            SELECT zh FROM entries WHERE kind IN ('glossary', 'corpus') GROUP BY zh ORDER BY length(zh), zh
            """).map { ($0, Array($0.utf8)) }
    }

    /// The first `limit` terms that contain `term` and are longer (as SQL's `instr`
    /// finds them: a run of the same UTF-8 bytes).
    func containing(_ term: String, limit: Int) -> [String] {
        let needle = Array(term.utf8)
        guard let first = needle.first else { return [] }
        var found: [String] = []
        for (text, bytes) in terms where bytes.count > needle.count {
            var start = 0
            while start + needle.count <= bytes.count {
                if bytes[start] == first, bytes[start..<(start + needle.count)].elementsEqual(needle) {
                    found.append(text)
                    break
                }
                start += 1
            }
            if found.count == limit { break }
        }
        return found
    }
}
