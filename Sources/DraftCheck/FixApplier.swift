public import SourceText

/// Applies the fixes of findings to a text.
public enum FixApplier {
    /// `text` with the fixes of `diagnostics` (those in `source`) applied, and how many
    /// were applied. Overlapping fixes after the first are skipped; each fix stays on its line.
    public static func apply(_ diagnostics: [Diagnostic], to text: String, source: String) -> (text: String, applied: Int) {
        var lines: [[Unicode.Scalar]] = []
        var terminators: [Substring] = []
        TextLines.forEach(text) { line, terminator in
            lines.append(Array(line.unicodeScalars))
            terminators.append(terminator)
        }
        var byLine: [Int: [Fix]] = [:]
        for d in diagnostics where d.source == source {
            if let fix = d.fix, fix.start.line == fix.end.line { byLine[fix.start.line, default: []].append(fix) }
        }
        var applied = 0
        for (line, fixes) in byLine where line - 1 < lines.count {
            var taken: [Fix] = []
            for fix in fixes.sorted(by: { $0.start.column < $1.start.column })
            where !taken.contains(where: { $0.end.column > fix.start.column && fix.end.column > $0.start.column || $0 == fix }) {
                taken.append(fix)
            }
            var scalars = lines[line - 1]
            for fix in taken.reversed() {
                let a = fix.start.column - 1, b = fix.end.column - 1
                guard a >= 0, b <= scalars.count, a <= b else { continue }
                scalars.replaceSubrange(a..<b, with: Array(fix.replacement.unicodeScalars))
                applied += 1
            }
            lines[line - 1] = scalars
        }
        var out = ""
        for (k, line) in lines.enumerated() {
            out.unicodeScalars.append(contentsOf: line)
            out += terminators[k]
        }
        return (out, applied)
    }

    /// A unified diff of `old` and `new` (same number of lines; fixes never add lines), one hunk per changed line.
    public static func unifiedDiff(_ old: String, _ new: String, path: String) -> String {
        let a = TextLines.lines(old), b = TextLines.lines(new)
        var out = ""
        for k in 0..<min(a.count, b.count) where a[k] != b[k] {
            if out.isEmpty {
                out += path.hasPrefix("/") ? "--- \(path)\n+++ \(path)\n" : "--- a/\(path)\n+++ b/\(path)\n"
            }
            out += "@@ -\(k + 1),1 +\(k + 1),1 @@\n-\(a[k])\n+\(b[k])\n"
        }
        return out
    }
}
