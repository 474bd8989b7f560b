public import SourceText

/// GitHub Actions workflow commands: `::warning file=F,line=L,col=C,endLine=..,endColumn=..,title=RULE::message`.
public enum GitHubReporter: Reporter {
    public static let identifier = "github"

    public static func report(_ diagnostics: [Diagnostic], lineText: (String, Int) -> String?) -> String {
        diagnostics.map { d in
            let command = d.severity == .info ? "notice" : d.severity.rawValue
            return "::\(command) file=\(escapeProperty(d.source)),line=\(d.start.line),col=\(d.start.column),endLine=\(d.end.line),endColumn=\(d.end.column),title=\(escapeProperty(d.ruleID))::\(escapeData(d.message))\n"
        }.joined()
    }

    static func escapeData(_ s: String) -> String {
        var out = ""
        for c in s {
            switch c {
            case "%": out += "%25"
            case "\r": out += "%0D"
            case "\n": out += "%0A"
            default: out.append(c)
            }
        }
        return out
    }

    static func escapeProperty(_ s: String) -> String {
        var out = escapeData(s)
        out = out.split(separator: ":", omittingEmptySubsequences: false).joined(separator: "%3A")
        return out.split(separator: ",", omittingEmptySubsequences: false).joined(separator: "%2C")
    }
}
