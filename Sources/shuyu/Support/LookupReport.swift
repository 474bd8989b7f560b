import Formats
import Terminology

/// How `lookup` prints term reports.
enum LookupReport {
    static func text(_ reports: [TermReport], color: Bool, into out: inout OutputBuffer) {
        let bold = color ? "\u{1B}[1m" : "", dim = color ? "\u{1B}[2m" : "", green = color ? "\u{1B}[32m" : ""
        let red = color ? "\u{1B}[31m" : "", reset = color ? "\u{1B}[0m" : ""
        for (k, report) in reports.enumerated() {
            if k > 0 { out.writeLine("") }
            var head = "\(bold)\(report.zh)\(reset)"
            if !report.traditional.isEmpty { head += " (\(report.traditional.joined(separator: ", ")))" }
            if !report.pinyin.isEmpty { head += "  \(report.pinyin)" }
            if report.match != "exact" { head += "  \(dim)[\(report.match) match]\(reset)" }
            out.writeLine(head)
            for rendering in report.renderings {
                var line = "  "
                switch rendering.status {
                case .approved?: line += "\(green)\(rendering.en)\(reset)  approved"
                case .forbidden?: line += "\(red)\(rendering.en)\(reset)  forbidden"
                case .deprecated?: line += "\(red)\(rendering.en)\(reset)  deprecated"
                case .candidate?: line += "\(rendering.en)  candidate"
                case nil: line += rendering.en
                }
                if rendering.uses > 0 { line += "  used \(rendering.uses)×" }
                let shown = rendering.sources.prefix(3).joined(separator: ", ")
                let more = rendering.sources.count > 3 ? ", … (\(rendering.sources.count - 3) more)" : ""
                line += "  \(dim)\(shown)\(more)\(reset)"
                out.writeLine(line)
            }
            for definition in report.definitions { out.writeLine("  definition: \(definition)") }
            for note in report.notes { out.writeLine("  \(dim)note: \(note)\(reset)") }
            for sense in report.senses.prefix(5) { out.writeLine("  dictionary: \(sense)") }
            if !report.related.isEmpty { out.writeLine("  related: \(report.related.joined(separator: ", "))") }
            for context in report.contexts { out.writeLine("  \(dim)\(context.source)\(reset)  \(context.text)") }
        }
    }

    static func json(_ reports: [TermReport], into out: inout OutputBuffer) {
        func strings(_ values: [String]) -> String { "[" + values.map(JSONText.string).joined(separator: ",") + "]" }
        out.write("[")
        for (k, report) in reports.enumerated() {
            out.write(k == 0 ? "\n" : ",\n")
            let renderings = report.renderings.map { r in
                JSONText.object([
                    ("en", JSONText.string(r.en)),
                    ("status", r.status.map { JSONText.string($0.rawValue) } ?? "null"),
                    ("uses", String(r.uses)),
                    ("sources", strings(r.sources)),
                ])
            }
            let contexts = report.contexts.map { JSONText.object([("source", JSONText.string($0.source)), ("text", JSONText.string($0.text))]) }
            out.write(JSONText.object([
                ("zh", JSONText.string(report.zh)),
                ("traditional", strings(report.traditional)),
                ("pinyin", JSONText.string(report.pinyin)),
                ("match", JSONText.string(report.match)),
                ("renderings", "[" + renderings.joined(separator: ",") + "]"),
                ("definitions", strings(report.definitions)),
                ("senses", strings(report.senses)),
                ("notes", strings(report.notes)),
                ("related", strings(report.related)),
                ("contexts", "[" + contexts.joined(separator: ",") + "]"),
            ]))
        }
        out.writeLine(reports.isEmpty ? "]" : "\n]")
    }

    static func tsv(_ reports: [TermReport], into out: inout OutputBuffer) {
        out.writeLine("zh\tpinyin\ten\tstatus\tuses\tsources\tmatch")
        for report in reports {
            if report.renderings.isEmpty {
                out.writeLine(TSVField.row([report.zh, report.pinyin, report.senses.first ?? "", "dictionary", "0", "", report.match]))
            }
            for r in report.renderings {
                out.writeLine(TSVField.row([report.zh, report.pinyin, r.en, r.status?.rawValue ?? "", String(r.uses),
                                            r.sources.joined(separator: " "), report.match]))
            }
        }
    }
}
