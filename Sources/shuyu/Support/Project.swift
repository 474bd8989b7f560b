import Foundation

/// A Shuyu project folder: the nearest folder, from the current one upward,
/// that has a `Glossaries/` folder or a `.shuyu.toml` file.
struct Project {
    /// The project folder, absolute and standardized (no trailing slash but for `/`).
    var rootPath: String
    /// The project folder as a URL.
    var root: URL { URL(fileURLWithPath: rootPath, isDirectory: true) }

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
                return Project(rootPath: folder)
            }
            if folder == "/" { return nil }
            folder = FileSystem.parent(folder)
        }
    }

    /// `name` inside the project folder. (Paths as strings: URL costs a lookup more on its
    /// first use in a process than the rest of finding the project.)
    func path(_ name: String) -> String { (rootPath == "/" ? "" : rootPath) + "/" + name }

    var glossariesFolder: URL { URL(fileURLWithPath: path("Glossaries"), isDirectory: true) }
    var corporaFolder: URL { URL(fileURLWithPath: path("Corpora"), isDirectory: true) }

    /// The glossary files of the project, sorted by name.
    var glossaryFiles: [String] {
        let folder = path("Glossaries")
        guard let names = FileSystem.names(in: folder) else { return [] }
        return names.filter { $0.hasSuffix(".tsv") && !$0.hasPrefix(".") }.sorted().map { folder + "/" + $0 }
    }
}
