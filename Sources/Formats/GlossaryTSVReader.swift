import SourceText
public import Terminology

/// Reads glossary TSV files (`Glossaries/*.tsv`).
///
/// The first line that is not a comment (`#`) or blank is the header; `zh`
/// and `en` columns are required, `pinyin`, `status`, `definition`, `note`,
/// `domain` and `source` are optional, other columns are kept in
/// `TermEntry.extra`. A file without tabs in its first line is read as a plain
/// word list (one term per line, no English): convenient for `segment --glossary`.
public enum GlossaryTSVReader {
    /// The columns Shuyu knows, in canonical order.
    public static let knownColumns = ["zh", "en", "pinyin", "status", "definition", "note", "domain", "source"]

    /// Parses `text` read from `source`.
    /// - Throws: `FormatError` with the line and column of a malformed row.
    public static func read(_ text: String, source: String) throws(FormatError) -> Glossary {
        var glossary = Glossary(source: source)
        var header: [String]?
        var zhColumn = 0, enColumn = 1
        var plainList = false
        var lineNumber = 0
        for rawLine in TextLines.lines(text) {
            lineNumber += 1
            let line = rawLine
            if line.allSatisfy({ $0 == " " || $0 == "\t" }) { continue }
            if line.first == "#" { continue }
            let fields = TSVField.fields(line)
            guard let columns = header else {
                if fields.count == 1 && !["zh", "en"].contains(String(fields[0])) {
                    plainList = true
                    header = ["zh"]
                    glossary.rows.append(.init(entry: TermEntry(zh: TSVField.unescape(line.trimmingSpaces), en: ""), line: lineNumber))
                    continue
                }
                let names = fields.map { String($0).trimmingSpaces.lowercased() }
                guard let zh = names.firstIndex(of: "zh") else {
                    throw FormatError(source: source, location: SourceLocation(line: lineNumber, column: 1),
                                      message: "glossary header has no 'zh' column; the first row must name the columns, for example 'zh<TAB>en<TAB>pinyin'")
                }
                guard let en = names.firstIndex(of: "en") else {
                    throw FormatError(source: source, location: SourceLocation(line: lineNumber, column: 1),
                                      message: "glossary header has no 'en' column; add one (it may be left empty in rows)")
                }
                header = names
                zhColumn = zh
                enColumn = en
                continue
            }
            if plainList {
                glossary.rows.append(.init(entry: TermEntry(zh: TSVField.unescape(line.trimmingSpaces), en: ""), line: lineNumber))
                continue
            }
            if fields.count > columns.count {
                let column = fields.prefix(columns.count).reduce(1) { $0 + $1.unicodeScalars.count + 1 }
                throw FormatError(source: source, location: SourceLocation(line: lineNumber, column: column),
                                  message: "row has \(fields.count) fields but the header names \(columns.count); a tab inside a field must be written as \\t")
            }
            func field(_ i: Int) -> String { i < fields.count ? TSVField.unescape(fields[i]) : "" }
            let zh = field(zhColumn).trimmingSpaces
            if zh.isEmpty {
                throw FormatError(source: source, location: SourceLocation(line: lineNumber, column: 1),
                                  message: "row has an empty 'zh' field; every row needs the Chinese term")
            }
            var entry = TermEntry(zh: zh, en: field(enColumn).trimmingSpaces)
            for (i, name) in columns.enumerated() where i != zhColumn && i != enColumn {
                let value = field(i)
                switch name {
                case "pinyin": entry.pinyin = value
                case "status":
                    if value.isEmpty { break }
                    guard let status = TermStatus(rawValue: value.lowercased()) else {
                        let column = fields.prefix(i).reduce(1) { $0 + $1.unicodeScalars.count + 1 }
                        throw FormatError(source: source, location: SourceLocation(line: lineNumber, column: column),
                                          message: "unknown status '\(value)'; use approved, candidate, deprecated or forbidden")
                    }
                    entry.status = status
                case "definition": entry.definition = value
                case "note": entry.note = value
                case "domain": entry.domain = value
                case "source": entry.source = value
                default: if !value.isEmpty { entry.extra[name] = value }
                }
            }
            glossary.rows.append(.init(entry: entry, line: lineNumber))
        }
        return glossary
    }
}

extension StringProtocol {
    /// The text without leading and trailing spaces and tabs (and ideographic spaces).
    var trimmingSpaces: String {
        var scalars = Substring(self).unicodeScalars[...]
        while let first = scalars.first, first == " " || first == "\t" || first == "\u{3000}" { scalars.removeFirst() }
        while let last = scalars.last, last == " " || last == "\t" || last == "\u{3000}" { scalars.removeLast() }
        return String(Substring(scalars))
    }

    /// True when the text is only spaces, tabs and ideographic spaces, or empty.
    var isBlank: Bool {
        unicodeScalars.allSatisfy { $0 == " " || $0 == "\t" || $0 == "\u{3000}" }
    }
}
