public import SourceText

/// Applies the fixes of findings to a text.
public enum FixApplier {
    /// `text` with the fixes of `diagnostics` (those in `source`) applied, and how many
    /// were applied. Overlapping fixes after the first are skipped; each fix stays on its line.
    public static func apply(_ diagnostics: [Diagnostic], to text: String, source: String) -> (text: String, applied: Int) {
        var lines = DraftDocument.lines(of: text).map { Array($0.unicodeScalars) }
        let terminators = lineTerminators(text)
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
            if k < terminators.count { out += terminators[k] }
        }
        return (out, applied)
    }

    /// The terminator after each line (`\n`, `\r\n`, `\r`), keeping the file's own.
    static func lineTerminators(_ text: String) -> [String] {
        var result: [String] = []
        var previousCR = false
        for byte in text.utf8 {
            if byte == 0x0A {
                if previousCR { result[result.count - 1] = "\r\n" } else { result.append("\n") }
                previousCR = false
            } else if byte == 0x0D {
                result.append("\r")
                previousCR = true
            } else {
                previousCR = false
            }
        }
        return result
    }

    /// A unified diff of `old` and `new` (same number of lines; fixes never add lines), one hunk per changed line.
    public static func unifiedDiff(_ old: String, _ new: String, path: String) -> String {
        let a = DraftDocument.lines(of: old), b = DraftDocument.lines(of: new)
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
