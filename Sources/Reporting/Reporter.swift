public import SourceText

/// Turns findings into text. Reporters are pure: they never see rules, only rule IDs.
public protocol Reporter {
    /// The `--format` name.
    static var identifier: String { get }
    /// The report for `diagnostics`; `lineText` gives a file's line for excerpts.
    static func report(_ diagnostics: [Diagnostic], lineText: (String, Int) -> String?) -> String
}

/// The reporters, by `--format` name.
public enum ReporterKind: String, CaseIterable, Sendable {
    case text, json, sarif, github

    /// The reporter for this kind.
    public var reporter: any Reporter.Type {
        switch self {
        case .text: TextReporter.self
        case .json: JSONReporter.self
        case .sarif: SARIFReporter.self
        case .github: GitHubReporter.self
        }
    }
}

/// JSON string escaping, shared by every JSON writer (reporters and the CLI's other outputs).
public enum JSONEscape {
    /// `value` as a JSON string literal; non-ASCII text is written as is (UTF-8).
    public static func string(_ value: String) -> String {
        var out = ""
        append(value, to: &out)
        return out
    }

    /// Appends `value` to `out` as a JSON string literal (see `string(_:)`).
    public static func append(_ value: String, to out: inout String) {
        if !value.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }) {
            out += "\""
            out += value
            out += "\""
            return
        }
        // (The escaping itself is the byte writer's, below.)
        var bytes: [UInt8] = []
        append(value, to: &bytes)
        out += String(decoding: bytes, as: UTF8.self)
    }

    /// Appends `value` to `bytes` as a JSON string literal in UTF-8 (see `string(_:)`): `"`,
    /// `\`, line feed, carriage return and tab as two-character escapes, other control
    /// characters as `\u00XX`. For writers that emit 100,000s of values.
    public static func append(_ value: String, to bytes: inout [UInt8]) {
        var value = value
        value.withUTF8 { utf8 in
            bytes.append(0x22)
            var start = 0
            for (k, byte) in utf8.enumerated() where byte < 0x20 || byte == 0x22 || byte == 0x5C {
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<k]))
                bytes.append(0x5C)
                switch byte {
                case 0x22, 0x5C: bytes.append(byte)
                case 0x0A: bytes.append(0x6E)  // n
                case 0x0D: bytes.append(0x72)  // r
                case 0x09: bytes.append(0x74)  // t
                default:
                    let hex: [UInt8] = Array("0123456789abcdef".utf8)
                    bytes += [0x75, 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 0xF)]]  // u00XX
                }
                start = k + 1
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start...]))
            bytes.append(0x22)
        }
    }
}
