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
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw CLIError("\(path): error: no such file; check the path")
        }
        if isDirectory.boolValue {
            throw CLIError("\(path): error: is a directory, expected a file")
        }
    }

    /// The files under `paths`: files as given, directories walked recursively
    /// (hidden entries skipped, symbolic links followed once, loops ignored) for
    /// files whose extension is in `extensions`, in a stable order.
    static func expand(_ paths: [String], extensions: Set<String>) throws -> [String] {
        var result: [String] = []
        let manager = FileManager.default
        for path in paths {
            if path == "-" {
                result.append(path)
                continue
            }
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw CLIError("\(path): error: no such file or directory; check the path")
            }
            guard isDirectory.boolValue else {
                result.append(path)
                continue
            }
            var seen: Set<String> = []
            walk(path, extensions: extensions, seen: &seen, into: &result)
        }
        return result
    }

    private static func walk(_ directory: String, extensions: Set<String>, seen: inout Set<String>, into result: inout [String]) {
        let manager = FileManager.default
        let real = (try? manager.destinationOfSymbolicLink(atPath: directory)).map {
            $0.hasPrefix("/") ? $0 : (directory as NSString).deletingLastPathComponent + "/" + $0
        } ?? directory
        let canonical = URL(fileURLWithPath: real).resolvingSymlinksInPath().path
        guard seen.insert(canonical).inserted else { return }
        guard let names = try? manager.contentsOfDirectory(atPath: directory) else { return }
        for name in names.sorted() where !name.hasPrefix(".") {
            let path = directory.hasSuffix("/") ? directory + name : directory + "/" + name
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else { continue }
            if isDirectory.boolValue {
                walk(path, extensions: extensions, seen: &seen, into: &result)
            } else if extensions.contains((name as NSString).pathExtension.lowercased()) {
                result.append(path)
            }
        }
    }
}
