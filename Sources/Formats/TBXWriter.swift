public import Terminology

/// Writes a glossary as TBX-Basic (TBX v2 `martif`): one `termEntry` per Chinese term,
/// its English renderings as `tig`s with `administrativeStatus`, definitions as
/// `descrip type="definition"`, notes and subject fields kept. `TBXReader` reads it back
/// to the same rows.
public enum TBXWriter {
    /// The TBX document for `entries` (grouped by Chinese term in first-appearance order).
    public static func write(_ entries: [TermEntry]) -> String {
        var order: [String] = []
        var groups: [String: [TermEntry]] = [:]
        for entry in entries {
            if groups[entry.zh] == nil { order.append(entry.zh) }
            groups[entry.zh, default: []].append(entry)
        }
        var out = """
            <?xml version="1.0" encoding="UTF-8"?>
            <martif type="TBX-Basic" xml:lang="en">
              <martifHeader><fileDesc><sourceDesc><p>Shuyu glossary export</p></sourceDesc></fileDesc></martifHeader>
              <text>
                <body>

            """
        for (k, zh) in order.enumerated() {
            let rows = groups[zh]!
            out += "      <termEntry id=\"c\(k + 1)\">\n"
            if let domain = rows.first(where: { !$0.domain.isEmpty })?.domain {
                out += "        <descrip type=\"subjectField\">\(escape(domain))</descrip>\n"
            }
            if let definition = rows.first(where: { !$0.definition.isEmpty })?.definition {
                out += "        <descrip type=\"definition\">\(escape(definition))</descrip>\n"
            }
            out += "        <langSet xml:lang=\"zh\">\n          <tig>\n            <term>\(escape(zh))</term>\n          </tig>\n        </langSet>\n"
            let renderings = rows.filter { !$0.en.isEmpty }
            if !renderings.isEmpty {
                out += "        <langSet xml:lang=\"en\">\n"
                for row in renderings {
                    out += "          <tig>\n            <term>\(escape(row.en))</term>\n"
                    out += "            <termNote type=\"administrativeStatus\">\(statusValue(row.status))</termNote>\n"
                    if !row.note.isEmpty { out += "            <note>\(escape(row.note))</note>\n" }
                    out += "          </tig>\n"
                }
                out += "        </langSet>\n"
            }
            out += "      </termEntry>\n"
        }
        out += "    </body>\n  </text>\n</martif>\n"
        return out
    }

    static func statusValue(_ status: TermStatus) -> String {
        switch status {
        case .approved: "preferredTerm-admn-sts"
        case .candidate: "admittedTerm-admn-sts"
        case .deprecated: "deprecatedTerm-admn-sts"
        case .forbidden: "notRecommendedTerm-admn-sts"
        }
    }

    /// XML text escaping; control characters other than tab and line breaks become spaces
    /// (XML 1.0 cannot hold them).
    static func escape(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            case _ where scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF: out += " "
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
