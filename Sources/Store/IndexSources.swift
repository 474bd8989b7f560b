import Foundation
import Glibc

/// The files an index is built from.
public struct IndexSources: Sendable, Hashable {
    /// Glossary TSV files.
    public var glossaries: [String]
    /// Corpus files (documents, parallel files).
    public var corpora: [String]
    /// Reference dictionaries: CC-CEDICT files, or glossary TSV files used as dictionaries.
    public var dictionaries: [String]
    /// Files read together with a source, whose changes count as changes of that source:
    /// the English file of a line-aligned pair, by its Chinese file.
    public var companions: [String: String] = [:]

    /// Creates a set of sources.
    public init(glossaries: [String] = [], corpora: [String] = [], dictionaries: [String] = []) {
        self.glossaries = glossaries
        self.corpora = corpora
        self.dictionaries = dictionaries
    }

    /// The size and modification time of `path`, with those of its companion counted in.
    func stat(_ path: String) -> (size: Int64, modified: Double)? {
        guard let own = SourceFingerprint.stat(path) else { return nil }
        guard let companion = companions[path], let other = SourceFingerprint.stat(companion) else { return own }
        return (own.size + other.size, max(own.modified, other.modified))
    }

    /// Every source with its kind, in a stable order.
    var all: [(path: String, kind: SourceKind)] {
        glossaries.map { ($0, .glossary) } + corpora.map { ($0, .corpus) } + dictionaries.map { ($0, .dictionary) }
    }
}

/// What a source file is.
enum SourceKind: String {
    case glossary, corpus, dictionary
}

/// A file's identity for freshness checks: size, modification time, content hash.
struct SourceFingerprint: Equatable {
    var size: Int64
    var modified: Double
    var hash: String

    /// The size and modification time of `path` (the hash is computed only when they change).
    /// From stat(2) directly: every lookup checks every source, and FileManager's attributes
    /// also look up the owner's and group's names in the user database, for each file.
    static func stat(_ path: String) -> (size: Int64, modified: Double)? {
        var status = Glibc.stat()
        guard fstatat(AT_FDCWD, path, &status, 0) == 0 else { return nil }
        return (Int64(status.st_size), Double(status.st_mtim.tv_sec) + Double(status.st_mtim.tv_nsec) / 1e9)
    }

    /// A 64-bit FNV-1a hash of `data`, as hex.
    static func hash(_ data: Data) -> String {
        var value: UInt64 = 0xcbf2_9ce4_8422_2325
        data.withUnsafeBytes { raw in
            for byte in raw.bindMemory(to: UInt8.self) {
                value ^= UInt64(byte)
                value = value &* 0x0000_0100_0000_01B3
            }
        }
        return String(value, radix: 16)
    }
}
