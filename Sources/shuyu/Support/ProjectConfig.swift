import Formats
import Foundation

extension ProjectConfig {
    /// Reads `.shuyu.toml` in `folder`, or an empty configuration when there is none.
    static func load(in folder: URL) throws -> ProjectConfig {
        // (Paths as strings and stat: URL and FileManager cost a lookup more on first use.)
        let path = (folder.path.hasSuffix("/") ? folder.path : folder.path + "/") + fileName
        guard FileSystem.kind(path) != nil else { return ProjectConfig(folder: folder) }
        let input = try InputFiles.read(path)
        return try parse(input.text, source: path, folder: folder)
    }
}
