public import Terminology

/// Writes glossary TSV rows in a given column order.
public enum GlossaryTSVWriter {
    /// The header line for `columns`.
    public static func header(_ columns: [String]) -> String {
        columns.joined(separator: "\t")
    }

    /// `entry` as one TSV line (no terminator) with fields in `columns` order;
    /// unknown columns come from `entry.extra`.
    public static func row(_ entry: TermEntry, columns: [String]) -> String {
        TSVField.row(columns.map { column -> String in
            let value: String = switch column {
            case "zh": entry.zh
            case "en": entry.en
            case "pinyin": entry.pinyin
            case "status": entry.status.rawValue
            case "definition": entry.definition
            case "note": entry.note
            case "domain": entry.domain
            case "source": entry.source
            default: entry.extra[column] ?? ""
            }
            return value
        })
    }

    /// A whole glossary file: header and rows.
    public static func write(_ entries: [TermEntry], columns: [String] = GlossaryTSVReader.knownColumns) -> String {
        var text = header(columns) + "\n"
        for entry in entries { text += row(entry, columns: columns) + "\n" }
        return text
    }
}
