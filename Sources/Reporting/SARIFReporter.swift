public import SourceText

/// SARIF 2.1.0, one run, columns in Unicode code points (`columnKind: unicodeCodePoints`).
public enum SARIFReporter: Reporter {
    public static let identifier = "sarif"

    public static func report(_ diagnostics: [Diagnostic], lineText: (String, Int) -> String?) -> String {
        var ruleIDs: [String] = []
        for d in diagnostics where !ruleIDs.contains(d.ruleID) { ruleIDs.append(d.ruleID) }
        let rules = ruleIDs.map { "{\"id\":\(JSONEscape.string($0))}" }.joined(separator: ",")
        let results = diagnostics.map { d -> String in
            let level = d.severity == .info ? "note" : d.severity.rawValue
            var fields = [
                "\"ruleId\":\(JSONEscape.string(d.ruleID))", "\"level\":\"\(level)\"",
                "\"message\":{\"text\":\(JSONEscape.string(d.message))}",
                "\"locations\":[{\"physicalLocation\":{\"artifactLocation\":{\"uri\":\(JSONEscape.string(d.source))},\"region\":{\"startLine\":\(d.start.line),\"startColumn\":\(d.start.column),\"endLine\":\(d.end.line),\"endColumn\":\(d.end.column)}}}]",
            ]
            if let fix = d.fix {
                fields.append("\"fixes\":[{\"artifactChanges\":[{\"artifactLocation\":{\"uri\":\(JSONEscape.string(d.source))},\"replacements\":[{\"deletedRegion\":{\"startLine\":\(fix.start.line),\"startColumn\":\(fix.start.column),\"endLine\":\(fix.end.line),\"endColumn\":\(fix.end.column)},\"insertedContent\":{\"text\":\(JSONEscape.string(fix.replacement))}}]}]}]")
            }
            if !d.notes.isEmpty {
                fields.append("\"relatedLocations\":[" + d.notes.map {
                    "{\"physicalLocation\":{\"artifactLocation\":{\"uri\":\(JSONEscape.string($0.source))},\"region\":{\"startLine\":\($0.location.line),\"startColumn\":\($0.location.column)}},\"message\":{\"text\":\(JSONEscape.string($0.message))}}"
                }.joined(separator: ",") + "]")
            }
            return "{" + fields.joined(separator: ",") + "}"
        }
        return """
            {"$schema":"https://json.schemastore.org/sarif-2.1.0.json","version":"2.1.0","runs":[{"tool":{"driver":{"name":"shuyu","informationUri":"https://example.org/shuyu","rules":[\(rules)]}},"columnKind":"unicodeCodePoints","results":[\(results.joined(separator: ","))]}]}

            """
    }
}
