public import Foundation
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
public struct ProjectConfig: Sendable {
    /// Values by `section.key` (top-level keys have no section prefix).
    public var values: [String: [String]] = [:]
    /// The folder the file is in.
    public var folder: URL { URL(fileURLWithPath: folderPath, isDirectory: true) }
    /// The folder the file is in, as a path.
    public var folderPath: String

    /// An empty configuration for `folder`.
    public init(folder: URL) {
        folderPath = folder.path
    }

    /// An empty configuration for the folder at `folderPath`.
    public init(folderPath: String) {
        self.folderPath = folderPath
    }

    public static let fileName = ".shuyu.toml"

    /// Reads the configuration `text` of the file `source`, whose paths are relative to `folder`.
    /// - Throws: `FormatError` with the line and column of a line that is not `key = value`,
    ///   a section header or a comment.
    public static func parse(_ text: String, source: String, folder: URL) throws(FormatError) -> ProjectConfig {
        try parse(text, source: source, folderPath: folder.path)
    }

    /// Reads the configuration `text` of the file `source`, whose paths are relative to the
    /// folder at `folderPath`.
    public static func parse(_ text: String, source: String, folderPath: String) throws(FormatError) -> ProjectConfig {
        var config = ProjectConfig(folderPath: folderPath)
        var section = ""
        for (index, rawLineText) in TextLines.lines(text).enumerated() {
            let rawLine = String(rawLineText)
            let lineNumber = index + 1
            let line = stripComment(rawLine).trimmingSpaces()
            if line.isEmpty { continue }
            if line.hasPrefix("[") {
                guard line.hasSuffix("]") else { throw error(source, lineNumber, 1, "a section header must end with ']'") }
                section = String(line.dropFirst().dropLast()).trimmingSpaces() + "."
                continue
            }
            guard let equals = rawLine.firstIndex(of: "=") else {
                throw error(source, lineNumber, 1, "expected 'key = value'")
            }
            let key = rawLine[..<equals].trimmingSpaces()
            let value = stripComment(String(rawLine[rawLine.index(after: equals)...])).trimmingSpaces()
            let column = rawLine.unicodeScalars[rawLine.startIndex..<equals].count + 3
            config.values[section + key] = try parseValue(value, source: source, line: lineNumber, column: column)
        }
        return config
    }

    /// The paths listed under `key`, resolved against the file's folder.
    public func paths(_ key: String) -> [String] {
        (values[key] ?? []).map { $0.hasPrefix("/") ? $0 : Self.joined(folderPath, $0) }
    }

    /// `relative` inside `folder`, as `URL.appendingPathComponent(_:).path` gives it: one
    /// slash between them, none at the end (but for `/`).
    public static func joined(_ folder: String, _ relative: String) -> String {
        var path = folder.hasSuffix("/") ? folder : folder + "/"
        path += relative
        while path.count > 1, path.hasSuffix("/") { path.removeLast() }
        return path
    }

    /// A single string value.
    public func string(_ key: String) -> String? { values[key]?.first }

    private static func stripComment(_ line: String) -> String {
        var inString = false
        for (offset, character) in line.enumerated() {
            if character == "\"" { inString.toggle() }
            if character == "#" && !inString { return String(line.prefix(offset)) }
        }
        return line
    }

    private static func parseValue(_ value: String, source: String, line: Int, column: Int) throws(FormatError) -> [String] {
        if value.hasPrefix("[") {
            guard value.hasSuffix("]") else { throw error(source, line, column, "an array must end with ']' on the same line") }
            let inner = value.dropFirst().dropLast().trimmingSpaces()
            if inner.isEmpty { return [] }
            var items: [String] = []
            for item in inner.split(separator: ",").map({ $0.trimmingSpaces() }) where !item.isEmpty {
                items.append(try parseScalar(item, source: source, line: line, column: column))
            }
            return items
        }
        return [try parseScalar(value, source: source, line: line, column: column)]
    }

    private static func parseScalar(_ value: String, source: String, line: Int, column: Int) throws(FormatError) -> String {
        if value.hasPrefix("\"") {
            guard value.count >= 2, value.hasSuffix("\"") else { throw error(source, line, column, "unterminated string") }
            return String(value.dropFirst().dropLast())
        }
        if ["true", "false"].contains(value) || Double(value) != nil { return value }
        throw error(source, line, column, "expected a quoted string, an array, true, false or a number, found '\(value)'")
    }

    private static func error(_ source: String, _ line: Int, _ column: Int, _ message: String) -> FormatError {
        FormatError(source: source, location: SourceLocation(line: line, column: column), message: message)
    }
}
