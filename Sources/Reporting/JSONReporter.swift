public import SourceText

/// An array of objects: file, line, column, endLine, endColumn, severity, rule, message, fix, notes.
public enum JSONReporter: Reporter {
    public static let identifier = "json"

    public static func report(_ diagnostics: [Diagnostic], lineText: (String, Int) -> String?) -> String {
        let objects = diagnostics.map { d -> String in
            var fields = [
                "\"file\":\(JSONEscape.string(d.source))", "\"line\":\(d.start.line)", "\"column\":\(d.start.column)",
                "\"endLine\":\(d.end.line)", "\"endColumn\":\(d.end.column)", "\"severity\":\"\(d.severity.rawValue)\"",
                "\"rule\":\(JSONEscape.string(d.ruleID))", "\"message\":\(JSONEscape.string(d.message))",
            ]
            if let fix = d.fix {
                fields.append("\"fix\":{\"line\":\(fix.start.line),\"column\":\(fix.start.column),\"endLine\":\(fix.end.line),\"endColumn\":\(fix.end.column),\"replacement\":\(JSONEscape.string(fix.replacement))}")
            }
            if !d.notes.isEmpty {
                fields.append("\"notes\":[" + d.notes.map {
                    "{\"file\":\(JSONEscape.string($0.source)),\"line\":\($0.location.line),\"column\":\($0.location.column),\"message\":\(JSONEscape.string($0.message))}"
                }.joined(separator: ",") + "]")
            }
            return "{" + fields.joined(separator: ",") + "}"
        }
        return objects.isEmpty ? "[]\n" : "[\n" + objects.joined(separator: ",\n") + "\n]\n"
    }
}
