import Foundation
import SourceText

/// The project configuration file `.shuyu.toml`, found at the project root.
///
/// A small, documented subset of TOML: `key = "text"`, `key = ["a", "b"]`,
/// `key = true`, numbers, `[section]` headers and `#` comments. Paths are
/// relative to the file's folder.
///
/// ```toml
/// dictionaries = ["dict/cedict_ts.u8"]   # CC-CEDICT or glossary TSV files used as dictionaries
/// glossaries = ["shared/team.tsv"]       # glossaries besides Glossaries/*.tsv
/// ```
struct ProjectConfig {
    /// Values by `section.key` (top-level keys have no section prefix).
    var values: [String: [String]] = [:]
    /// The folder the file is in.
    var folder: URL

    static let fileName = ".shuyu.toml"

    /// Reads `.shuyu.toml` in `folder`, or an empty configuration when there is none.
    static func load(in folder: URL) throws -> ProjectConfig {
        let url = folder.appendingPathComponent(fileName)
        var config = ProjectConfig(folder: folder)
        guard FileManager.default.fileExists(atPath: url.path) else { return config }
        let input = try InputFiles.read(url.path)
        var section = ""
        for (index, rawLineText) in TextLines.lines(input.text).enumerated() {
            let rawLine = String(rawLineText)
            let lineNumber = index + 1
            let line = stripComment(rawLine).trimmingCharacters(in: .whitespaces)
            if line.isEmpty { continue }
            if line.hasPrefix("[") {
                guard line.hasSuffix("]") else { throw error(url, lineNumber, 1, "a section header must end with ']'") }
                section = String(line.dropFirst().dropLast()).trimmingCharacters(in: .whitespaces) + "."
                continue
            }
            guard let equals = line.firstIndex(of: "=") else {
                throw error(url, lineNumber, 1, "expected 'key = value'")
            }
            let key = line[..<equals].trimmingCharacters(in: .whitespaces)
            let value = line[line.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            let column = rawLine.distance(from: rawLine.startIndex, to: rawLine.firstIndex(of: "=")!) + 3
            config.values[section + key] = try parseValue(value, url: url, line: lineNumber, column: column)
        }
        return config
    }

    /// The paths listed under `key`, resolved against the file's folder.
    func paths(_ key: String) -> [String] {
        (values[key] ?? []).map { $0.hasPrefix("/") ? $0 : folder.appendingPathComponent($0).path }
    }

    /// A single string value.
    func string(_ key: String) -> String? { values[key]?.first }

    private static func stripComment(_ line: String) -> String {
        var inString = false
        for (offset, character) in line.enumerated() {
            if character == "\"" { inString.toggle() }
            if character == "#" && !inString { return String(line.prefix(offset)) }
        }
        return line
    }

    private static func parseValue(_ value: String, url: URL, line: Int, column: Int) throws -> [String] {
        if value.hasPrefix("[") {
            guard value.hasSuffix("]") else { throw error(url, line, column, "an array must end with ']' on the same line") }
            let inner = value.dropFirst().dropLast().trimmingCharacters(in: .whitespaces)
            if inner.isEmpty { return [] }
            return try inner.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }.map {
                try parseScalar($0, url: url, line: line, column: column)
            }
        }
        return [try parseScalar(value, url: url, line: line, column: column)]
    }

    private static func parseScalar(_ value: String, url: URL, line: Int, column: Int) throws -> String {
        if value.hasPrefix("\"") {
            guard value.count >= 2, value.hasSuffix("\"") else { throw error(url, line, column, "unterminated string") }
            return String(value.dropFirst().dropLast())
        }
        if ["true", "false"].contains(value) || Double(value) != nil { return value }
        throw error(url, line, column, "expected a quoted string, an array, true, false or a number, found '\(value)'")
    }

    private static func error(_ url: URL, _ line: Int, _ column: Int, _ message: String) -> CLIError {
        CLIError("\(url.path):\(line):\(column): error: \(message)")
    }
}
