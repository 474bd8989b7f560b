import Foundation
import SourceText
public import TranslationMemory

/// A translation memory, whichever database holds it: the embedded SQLite file
/// (`TranslationMemoryStore`) or a PostgreSQL server (`PostgresMemoryStore`). Both
/// store the same rows and the same candidate index, and answer every query with
/// the same code (`MemoryQueries`), so they return the same matches.
public protocol MemoryStore: AnyObject {
    /// Where the memory is, for messages: a path, or a server URL without its password.
    var location: String { get }
    /// The folding queries must use: the one the stored texts were folded with.
    func folding() throws -> MatchFolding
    /// Imports `files` in one transaction: all of them or, on any error, none.
    func importFiles(_ files: [MemoryFile], folding: MatchFolding) throws -> MemoryImportReport
    /// The stored units scoring at least `minimum` against `query`, best first.
    func match(_ query: String, side: MemorySide?, minimum: Int, limit: Int,
               folding: MatchFolding) throws -> (matches: [MemoryMatch], statistics: FuzzySearch.Statistics)
    /// Scores every stored text instead of using the index: the reference for tests.
    func matchByScanning(_ query: String, side: MemorySide?, minimum: Int, limit: Int, folding: MatchFolding) throws -> [FuzzyHit]
    /// The units containing `term` on either side, in import order.
    func concordance(_ term: String, limit: Int, folding: MatchFolding) throws -> [(unit: StoredUnit, side: MemorySide)]
    /// Calls `body` with every unit, in import order.
    func forEachUnit(_ body: (StoredUnit) throws -> Void) throws
    /// The header properties and notes of every import, in order, without repeats.
    func importedHeaders() throws -> UnitMetadata
    /// The number of distinct units and of units counting duplicates.
    func counts() throws -> (distinct: Int, total: Int)
    /// Closes the connection; the store cannot be used afterwards.
    func close() throws
}

/// What `MemoryQueries` reads from a backend, within one consistent snapshot.
package protocol MemoryReader: CandidateSource {
    /// The units with `ids` (missing ids are left out).
    func units(_ ids: [Int64]) throws -> [Int64: StoredUnit]
    /// Calls `body` with every text of `side`, in id order, until it returns false.
    func forEachText(side: MemorySide, _ body: (StoredText) throws -> Bool) throws
}

/// Matching and concordance over any backend.
package enum MemoryQueries {
    package static func match(_ query: String, side: MemorySide?, minimum: Int, limit: Int, folding: MatchFolding,
                              in reader: some MemoryReader) throws -> (matches: [MemoryMatch], statistics: FuzzySearch.Statistics) {
        var search = FuzzySearch(query: query, side: side, minimum: minimum, folding: folding)
        let hits = try search.run(in: reader, limit: limit)
        let units = try reader.units(hits.map(\.id))
        let matches = hits.compactMap { hit in units[hit.id].map { MemoryMatch(score: hit.score, side: search.side, unit: $0) } }
        return (matches, search.statistics)
    }

    package static func scan(_ query: String, side: MemorySide?, minimum: Int, limit: Int, folding: MatchFolding,
                             in reader: some MemoryReader) throws -> [FuzzyHit] {
        let search = FuzzySearch(query: query, side: side, minimum: minimum, folding: folding)
        var texts: [StoredText] = []
        try reader.forEachText(side: search.side) { texts.append($0); return true }
        return search.scan(texts, limit: limit)
    }

    /// The units containing `term` (folded: width, case and traditional forms do not
    /// matter; English whole words only), in import order.
    package static func concordance(_ term: String, limit: Int, folding: MatchFolding,
                                    in reader: some MemoryReader) throws -> [(unit: StoredUnit, side: MemorySide)] {
        let folded = folding.fold(term).trimmingSpaces()
        let tokens = MatchTokens(folded, folding: nil)
        guard tokens.count > 0 else { return [] }
        let side = MemorySide.detect(tokens)
        // Every text containing the term contains its inner items (character pairs, or
        // words); intersect their lists, smallest first, then check the text.
        var items = CandidateIndex.items(tokens.ids, scheme: side.scheme)
        if side == .chinese { items = Array(items.dropFirst().dropLast()) }
        var candidates: [Int64]?
        if !items.isEmpty {
            let counts = try reader.postingCounts(items, side: side)
            for item in items.sorted(by: { (counts[$0] ?? 0) < (counts[$1] ?? 0) }) {
                var ids: [Int64] = []
                try reader.withPostings(item, side: side) { block in PostingList.decode(block) { id, _ in ids.append(id) } }
                if let current = candidates {
                    let keep = Set(ids)
                    candidates = current.filter { keep.contains($0) }
                } else {
                    candidates = ids
                }
                if candidates!.isEmpty { break }
            }
        }
        var found: [Int64] = []
        if let candidates {
            for text in try reader.texts(Array(candidates.prefix(20_000)), side: side).sorted(by: { $0.id < $1.id })
            where contains(folding.fold(text.text), folded, wholeWords: side == .other) {
                found.append(text.id)
                if found.count >= limit { break }
            }
        } else {
            // A single character: no pair to look up, so read the column.
            try reader.forEachText(side: side) { text in
                if folding.fold(text.text).contains(folded) { found.append(text.id) }
                return found.count < limit
            }
        }
        let units = try reader.units(found)
        return found.compactMap { id in units[id].map { ($0, side) } }
    }

    private static func contains(_ text: String, _ term: String, wholeWords: Bool) -> Bool {
        guard wholeWords else { return text.contains(term) }
        var search = text[...]
        while let range = search.range(of: term) {
            let before = range.lowerBound == text.startIndex ? nil : text[text.index(before: range.lowerBound)]
            let after = range.upperBound == text.endIndex ? nil : text[range.upperBound]
            let isWordCharacter = { (c: Character?) in c.map { $0.isLetter || $0.isNumber } ?? false }
            if !isWordCharacter(before) && !isWordCharacter(after) { return true }
            search = text[range.upperBound...]
        }
        return false
    }
}
