/// The escaping of glossary TSV fields: a field cannot hold a tab or a line
/// break, so `\t`, `\n`, `\r` and `\\` stand for a tab, a line feed, a carriage
/// return and a backslash; `\#` stands for a `#` that opens a line (which would
/// otherwise make the row a comment). Any other backslash is kept as it is.
public enum TSVField {
    /// `field` as written in a TSV file; `opensLine` for the first field of a row.
    public static func escape(_ field: String, opensLine: Bool = false) -> String {
        let hash = opensLine && field.hasPrefix("#")
        guard hash || field.contains(where: { $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\\" || $0 == "\r\n" }) else {
            return field
        }
        var out = hash ? "\\" : ""
        for scalar in field.unicodeScalars {
            switch scalar {
            case "\t": out += "\\t"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\\": out += "\\\\"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// The fields of a TSV row, split at its tab bytes (as every TSV reader splits them; a
    /// split by `Character` would also walk grapheme clusters, and would keep a tab followed by
    /// a combining mark inside a field).
    public static func fields(_ row: Substring) -> [Substring] {
        row.utf8.split(separator: UInt8(ascii: "\t"), omittingEmptySubsequences: false).map { Substring($0) }
    }

    /// A row of `fields`, escaped and joined by tabs.
    public static func row(_ fields: [String]) -> String {
        fields.enumerated().map { escape($1, opensLine: $0 == 0) }.joined(separator: "\t")
    }

    /// The field value that `raw`, as written in a TSV file, stands for.
    public static func unescape<S: StringProtocol>(_ raw: S) -> String {
        guard raw.utf8.contains(UInt8(ascii: "\\")) else { return String(raw) }
        var out = ""
        var iterator = raw.unicodeScalars.makeIterator()
        while let scalar = iterator.next() {
            guard scalar == "\\" else {
                out.unicodeScalars.append(scalar)
                continue
            }
            switch iterator.next() {
            case "t": out += "\t"
            case "n": out += "\n"
            case "r": out += "\r"
            case "\\": out += "\\"
            case "#": out += "#"
            case let other?:
                out += "\\"
                out.unicodeScalars.append(other)
            case nil:
                out += "\\"
            }
        }
        return out
    }
}
