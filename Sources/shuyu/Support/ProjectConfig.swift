import Formats
import Foundation

extension ProjectConfig {
    /// Reads `.shuyu.toml` in `folder`, or an empty configuration when there is none.
    static func load(in folder: URL) throws -> ProjectConfig {
        let url = folder.appendingPathComponent(fileName)
        guard FileManager.default.fileExists(atPath: url.path) else { return ProjectConfig(folder: folder) }
        let input = try InputFiles.read(url.path)
        return try parse(input.text, source: url.path, folder: folder)
    }
}
