public import SourceText

/// `path:line:column: severity: message [rule-id]`, the source line and a caret under the span.
public enum TextReporter: Reporter {
    public static let identifier = "text"

    public static func report(_ diagnostics: [Diagnostic], lineText: (String, Int) -> String?) -> String {
        var out = ""
        for d in diagnostics {
            out += "\(d.source):\(d.start.line):\(d.start.column): \(d.severity.rawValue): \(d.message) [\(d.ruleID)]\n"
            if let line = lineText(d.source, d.start.line) {
                out += line + "\n"
                // The caret lines up in terminals: wide (CJK) characters take two columns.
                let scalars = Array(line.unicodeScalars)
                var pad = ""
                for s in scalars.prefix(max(0, d.start.column - 1)) {
                    pad += s == "\t" ? "\t" : isWide(s) ? "  " : " "
                }
                let length = d.end.line == d.start.line ? max(1, d.end.column - d.start.column) : 1
                var marks = ""
                for s in scalars.dropFirst(d.start.column - 1).prefix(length) { marks += isWide(s) ? "^^" : "^" }
                out += pad + (marks.isEmpty ? "^" : marks) + "\n"
            }
            for note in d.notes {
                out += "\(note.source):\(note.location.line):\(note.location.column): note: \(note.message)\n"
            }
            if let fix = d.fix {
                out += fix.replacement.isEmpty ? "  fix: delete it\n" : "  fix: replace with '\(fix.replacement)'\n"
            }
        }
        return out
    }

    static func isWide(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        return (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v) || (0xAC00...0xD7A3).contains(v)
            || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v) || (0xFF00...0xFF60).contains(v)
            || (0xFFE0...0xFFE6).contains(v) || (0x1F300...0x1FAFF).contains(v) || (0x20000...0x3FFFD).contains(v)
    }
}
