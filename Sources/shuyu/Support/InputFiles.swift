import Foundation
import SourceText

/// A text input: a file's name as given and its decoded contents.
struct InputText {
    /// The name as given on the command line (`-` or `<stdin>` for standard input).
    var name: String
    var text: String
}

enum InputFiles {
    /// Reads `path` (`-` for standard input) as UTF-8 text.
    /// - Throws: `CLIError` for a missing file or a directory, `TextDecodingError` for invalid UTF-8.
    static func read(_ path: String) throws -> InputText {
        let name = path == "-" ? "<stdin>" : path
        if path != "-", let text = TextDecoding.readLargeFile(path) { return InputText(name: name, text: text) }
        if path != "-", let bytes = FileSystem.contents(path) {
            return InputText(name: name, text: try TextDecoding.decodeUTF8(bytes, source: name))
        }
        return InputText(name: name, text: try TextDecoding.decodeUTF8(try data(path), source: name))
    }

    /// The bytes of `path` (`-` for standard input).
    /// - Throws: `CLIError` for a missing, unreadable or directory path.
    static func data(_ path: String) throws -> Data {
        if path == "-" { return FileHandle.standardInput.readDataToEndOfFile() }
        try requireFile(path)
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CLIError("\(path): error: cannot be read; check its permissions")
        }
        return data
    }

    /// Checks that `path` names an existing file, not a folder.
    /// - Throws: `CLIError` saying which.
    static func requireFile(_ path: String) throws {
        switch FileSystem.kind(path) {
        case nil: throw CLIError("\(path): error: no such file; check the path")
        case .directory: throw CLIError("\(path): error: is a directory, expected a file")
        case .file: break
        }
    }

    /// The files under `paths`: files as given, directories walked recursively
    /// (hidden entries skipped, symbolic links followed once, loops ignored) for
    /// files whose extension is in `extensions`, in a stable order.
    static func expand(_ paths: [String], extensions: Set<String>) throws -> [String] {
        var result: [String] = []
        for path in paths {
            if path == "-" {
                result.append(path)
                continue
            }
            guard let kind = FileSystem.kind(path) else {
                throw CLIError("\(path): error: no such file or directory; check the path")
            }
            guard kind == .directory else {
                result.append(path)
                continue
            }
            var seen: Set<String> = []
            walk(path, extensions: extensions, seen: &seen, into: &result)
        }
        return result
    }

    private static func walk(_ directory: String, extensions: Set<String>, seen: inout Set<String>, into result: inout [String]) {
        // A folder reached again through a link (a loop, or two links to one folder) is read once.
        guard seen.insert(FileSystem.realPath(directory) ?? directory).inserted else { return }
        guard let names = FileSystem.names(in: directory) else { return }
        for name in names.sorted() where !name.hasPrefix(".") {
            let path = directory.hasSuffix("/") ? directory + name : directory + "/" + name
            switch FileSystem.kind(path) {
            case .directory?:
                walk(path, extensions: extensions, seen: &seen, into: &result)
            case .file?:
                if let dot = name.lastIndex(of: "."), extensions.contains(name[name.index(after: dot)...].lowercased()) {
                    result.append(path)
                }
            case nil:
                continue
            }
        }
    }
}
