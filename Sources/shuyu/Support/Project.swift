import Foundation

/// A Shuyu project folder: the nearest folder, from the current one upward,
/// that has a `Glossaries/` folder or a `.shuyu.toml` file.
struct Project {
    var root: URL

    static func discover(from start: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)) -> Project? {
        var folder = start.standardizedFileURL
        let manager = FileManager.default
        while true {
            var isDirectory: ObjCBool = false
            if manager.fileExists(atPath: folder.appendingPathComponent("Glossaries").path, isDirectory: &isDirectory),
               isDirectory.boolValue {
                return Project(root: folder)
            }
            if manager.fileExists(atPath: folder.appendingPathComponent(".shuyu.toml").path) {
                return Project(root: folder)
            }
            let parent = folder.deletingLastPathComponent()
            if parent.path == folder.path { return nil }
            folder = parent
        }
    }

    var glossariesFolder: URL { root.appendingPathComponent("Glossaries") }
    var corporaFolder: URL { root.appendingPathComponent("Corpora") }

    /// The glossary files of the project, sorted by name.
    var glossaryFiles: [String] {
        let folder = glossariesFolder.path
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return [] }
        return names.filter { $0.hasSuffix(".tsv") && !$0.hasPrefix(".") }.sorted().map { folder + "/" + $0 }
    }
}
