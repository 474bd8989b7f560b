import Foundation
import PostgresStore
import Store

/// Where the translation memory is: a PostgreSQL server (`--store URL`, or `store` in
/// `.shuyu.toml`), else the file `--tm PATH`, else `.shuyu/tm.sqlite` in the project
/// (found upward from the current folder), else in the current folder.
enum MemoryOpening {
    enum Location {
        case file(String)
        case server(String)
    }

    static func location(_ options: MemoryOptions) throws -> Location {
        if let path = options.path { return .file(path) }
        let project = options.store == nil ? Project.discover() : nil  // found once, for both uses
        if let url = try SharedStore.url(options.store, project: project, config: nil) { return .server(url) }
        let root = project?.root ?? URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        return .file(DisplayPath.relative(root.appendingPathComponent(".shuyu/tm.sqlite").path))
    }

    /// Removes the memory at `path` with its write-ahead log.
    static func remove(_ path: String) {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }

    /// Opens the memory; `create: false` for commands that only read it.
    static func open(_ location: Location, create: Bool) throws -> any MemoryStore {
        switch location {
        case .server(let url):
            return try PostgresMemoryStore(url: url, create: create)
        case .file(let path):
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
                throw CLIError("\(path): error: is a folder; give the memory file with --tm PATH")
            }
            return try TranslationMemoryStore(path: path, create: create)
        }
    }

    static func open(_ options: MemoryOptions, create: Bool) throws -> any MemoryStore {
        try open(try location(options), create: create)
    }
}
