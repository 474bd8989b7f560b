import Formats
import PostgresStore
import Terminology

/// The shared termbase as a glossary, in the canonical order `glossary sort` gives a file.
enum TermbaseExport {
    /// Every row, sorted, and the columns to write them with; with `versions`, a last
    /// column holds each row's version.
    static func entries(_ termbase: PostgresTermbase, versions: Bool) throws -> (entries: [TermEntry], columns: [String]) {
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
        return (GlossaryMerge.canonicalOrder(entries, sortKey: { keys.key($0) }), columns)
    }

    /// The same as a glossary TSV.
    static func tsv(_ termbase: PostgresTermbase, versions: Bool) throws -> String {
        let (entries, columns) = try entries(termbase, versions: versions)
        return GlossaryTSVWriter.write(entries, columns: columns)
    }
}
