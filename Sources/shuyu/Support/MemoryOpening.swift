import Foundation
import Store

/// Where the translation memory is: `--tm PATH`, else `.shuyu/tm.sqlite` in the
/// project (found upward from the current folder), else in the current folder.
enum MemoryOpening {
    static func path(_ option: String?) -> String {
        if let option { return option }
        let root = Project.discover()?.root ?? URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        return DisplayPath.relative(root.appendingPathComponent(".shuyu/tm.sqlite").path)
    }

    /// Removes the memory at `path` with its write-ahead log.
    static func remove(_ path: String) {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }

    /// Opens the memory; `create: false` for commands that only read it.
    static func open(_ option: String?, create: Bool) throws -> TranslationMemoryStore {
        let path = path(option)
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw CLIError("\(path): error: is a folder; give the memory file with --tm PATH")
        }
        return try TranslationMemoryStore(path: path, create: create)
    }
}
