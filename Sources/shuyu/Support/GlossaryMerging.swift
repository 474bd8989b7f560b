import ChineseText
import Foundation
import Formats
import PostgresClient
import PostgresStore
import Terminology

enum GlossaryMerging {
    /// Merges `candidates` into the glossary at `path` and returns a summary for stderr.
    /// `path` may also be a shared termbase's URL (`postgres://…`).
    static func merge(_ candidates: CandidateGlossary, into path: String, pinyin: PinyinConverter) throws -> String {
        if PostgresURL.isPostgres(path) {
            let termbase = try PostgresTermbase(url: path)
            let outcome = try termbase.importEntries(GlossaryMerge.entries(candidates), pinyin: { pinyin.toneMarked($0) })
            var lines = outcome.conflicts.map { "conflict: \($0)" }
            lines.append("\(termbase.location): added \(outcome.added) candidate rows; \(outcome.alreadyPresent) pairs were already there")
            return lines.joined(separator: "\n")
        }
        return try FileLock.withLock(for: path) { try mergeLocked(candidates, into: path, pinyin: pinyin) }
    }

    private static func mergeLocked(_ candidates: CandidateGlossary, into path: String, pinyin: PinyinConverter) throws -> String {
        var existing = ""
        if FileManager.default.fileExists(atPath: path) {
            existing = try InputFiles.read(path).text
        }
        let keys = PinyinSortKeys()
        let outcome = try GlossaryMerge.merge(candidates, into: existing, source: path,
                                              pinyin: { pinyin.toneMarked($0) }, sortKey: { keys.key($0) })
        if outcome.added > 0 || existing.isEmpty {
            try AtomicFile.write(outcome.text, to: path)
        }
        var lines = outcome.conflicts.map { "conflict: \($0)" }
        lines.append("\(path): added \(outcome.added) candidate rows; \(outcome.alreadyPresent) pairs were already there")
        return lines.joined(separator: "\n")
    }
}
