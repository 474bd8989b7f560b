import Formats
import PostgresStore

/// The shared termbase as a canonical glossary TSV.
enum TermbaseExport {
    /// Every row, sorted as `glossary sort` sorts a file; with `versions`, a last
    /// column holds each row's version.
    static func tsv(_ termbase: PostgresTermbase, versions: Bool) throws -> String {
        let rows = try termbase.entries()
        var extraColumns = Set<String>()
        for row in rows { extraColumns.formUnion(row.entry.extra.keys) }
        let columns = GlossaryTSVReader.knownColumns + extraColumns.sorted() + (versions ? ["version"] : [])
        let entries = rows.map { row in
            var entry = row.entry
            if versions { entry.extra["version"] = String(row.version) }
            return entry
        }
        let keys = PinyinSortKeys()
        return try GlossaryMerge.sorted(GlossaryTSVWriter.write(entries, columns: columns), source: termbase.location, sortKey: { keys.key($0) })
    }
}
