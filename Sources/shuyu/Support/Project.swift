import Foundation

/// A Shuyu project folder: the nearest folder, from the current one upward,
/// that has a `Glossaries/` folder or a `.shuyu.toml` file.
struct Project {
    var root: URL

    static func discover(from start: URL) -> Project? {
        discover(fromPath: start.path)
    }

    /// The project of the current folder.
    static func discover() -> Project? {
        discover(fromPath: FileSystem.currentDirectory)
    }

    private static func discover(fromPath start: String) -> Project? {
        var folder = FileSystem.standardized(start.hasPrefix("/") ? start : FileSystem.currentDirectory + "/" + start)
        while true {
            let prefix = folder == "/" ? "" : folder
            if FileSystem.kind(prefix + "/Glossaries") == .directory || FileSystem.kind(prefix + "/.shuyu.toml") != nil {
                return Project(root: URL(fileURLWithPath: folder, isDirectory: true))
            }
            if folder == "/" { return nil }
            folder = FileSystem.parent(folder)
        }
    }

    var glossariesFolder: URL { root.appendingPathComponent("Glossaries") }
    var corporaFolder: URL { root.appendingPathComponent("Corpora") }

    /// The glossary files of the project, sorted by name.
    var glossaryFiles: [String] {
        let folder = glossariesFolder.path
        guard let names = FileSystem.names(in: folder) else { return [] }
        return names.filter { $0.hasSuffix(".tsv") && !$0.hasPrefix(".") }.sorted().map { folder + "/" + $0 }
    }
}
