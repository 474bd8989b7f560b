import Reporting

/// Minimal JSON text building with stable key order (the order written).
enum JSONText {
    /// `value` as a JSON string literal; non-ASCII text is written as is (UTF-8).
    static func string(_ value: String) -> String {
        JSONEscape.string(value)
    }

    /// An object from ordered key/value pairs whose values are already JSON text.
    static func object(_ pairs: [(String, String)]) -> String {
        "{" + pairs.map { string($0.0) + ":" + $0.1 }.joined(separator: ",") + "}"
    }
}
