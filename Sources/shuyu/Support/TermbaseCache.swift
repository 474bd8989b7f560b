import Foundation
import PostgresClient
import PostgresStore

/// A local copy of the shared termbase, as a glossary TSV the index reads like the
/// project's own glossaries, so that lookups stay local and give the same answers as
/// for a file. It is rewritten (atomically) only when the server's revision changed.
enum TermbaseCache {
    /// Brings the copy at `path` up to the termbase at `url`; returns `path`.
    static func refresh(_ url: String, at path: String) throws -> String {
        let termbase = try PostgresTermbase(url: url, create: false)
        let stamp = "# shuyu: copy of the shared termbase \(PostgresURL.redacted(url)) at revision \(try termbase.revision()); do not edit"
        if let handle = FileHandle(forReadingAtPath: path) {
            let head = String(decoding: handle.readData(ofLength: stamp.utf8.count + 1), as: UTF8.self)
            try? handle.close()
            if head == stamp + "\n" { return path }
        }
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try AtomicFile.write(stamp + "\n" + (try TermbaseExport.tsv(termbase, versions: false)), to: path)
        return path
    }
}
