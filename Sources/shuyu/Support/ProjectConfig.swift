import Formats
import Foundation

extension ProjectConfig {
    /// Reads `.shuyu.toml` in `folder`, or an empty configuration when there is none.
    static func load(in folder: URL) throws -> ProjectConfig {
        try load(inPath: folder.path)
    }

    /// Reads `.shuyu.toml` in the folder at `folderPath`, or an empty configuration when there is none.
    static func load(inPath folderPath: String) throws -> ProjectConfig {
        // (Paths as strings and stat: URL and FileManager cost a lookup more on first use.)
        let path = joined(folderPath, fileName)
        guard FileSystem.kind(path) != nil else { return ProjectConfig(folderPath: folderPath) }
        let input = try InputFiles.read(path)
        return try parse(input.text, source: path, folderPath: folderPath)
    }
}
