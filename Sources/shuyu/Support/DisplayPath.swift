import Foundation

/// Paths as the user should see them: relative to the current folder when inside it.
enum DisplayPath {
    static func relative(_ path: String) -> String {
        // getcwd and a walk over the bytes give what FileManager and URL's
        // `standardizedFileURL` give, without their first-use cost in a short lookup; a path
        // ending in a slash (a folder) is left to URL, which decides what becomes of the slash.
        let cwd = FileSystem.currentDirectory
        let absolute = path.isEmpty || path.hasSuffix("/")
            ? URL(fileURLWithPath: path).standardizedFileURL.path
            : FileSystem.standardized(path.hasPrefix("/") ? path : cwd + "/" + path)
        return absolute.hasPrefix(cwd + "/") ? String(absolute.dropFirst(cwd.count + 1)) : absolute
    }
}
