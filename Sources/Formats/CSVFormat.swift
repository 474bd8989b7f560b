import SourceText
public import Terminology

/// Glossaries as CSV (RFC 4180): a header row naming the same columns as the TSV
/// format; fields with commas, quotes or line breaks are quoted, quotes doubled.
public enum CSVFormat {
    /// Parses `text` read from `source`.
    /// - Throws: `FormatError` for an unterminated quoted field or a missing `zh` column.
    public static func read(_ text: String, source: String) throws(FormatError) -> Glossary {
        var records: [(line: Int, fields: [String])] = []
        var fields: [String] = []
        var field = ""
        var inQuotes = false
        var line = 1, recordLine = 1, column = 1, quoteLine = 1, quoteColumn = 1
        var afterQuote = false
        var iterator = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = nil
        func next() -> Unicode.Scalar? {
            if let p = pending { pending = nil; return p }
            return iterator.next()
        }
        while let c = next() {
            defer { column += 1 }
            if inQuotes {
                if c == "\"" {
                    if let n = next() {
                        if n == "\"" { field.unicodeScalars.append("\""); column += 1; continue }
                        pending = n
                    }
                    inQuotes = false
                    afterQuote = true
                } else {
                    field.unicodeScalars.append(c)
                    if c == "\n" { line += 1; column = 0 }
                }
                continue
            }
            switch c {
            case "\"" where field.isEmpty && !afterQuote:
                inQuotes = true
                quoteLine = line
                quoteColumn = column
            case ",":
                fields.append(field); field = ""; afterQuote = false
            case "\r":
                continue
            case "\n":
                fields.append(field); field = ""; afterQuote = false
                records.append((recordLine, fields)); fields = []
                line += 1; column = 0; recordLine = line
            default:
                field.unicodeScalars.append(c)
            }
        }
        if inQuotes {
            throw FormatError(source: source, location: SourceLocation(line: quoteLine, column: quoteColumn),
                              message: "quoted field is never closed; a quote inside a field must be doubled (\"\")")
        }
        if !field.isEmpty || !fields.isEmpty { fields.append(field); records.append((recordLine, fields)) }
        // Reuse the TSV reader's column handling by re-encoding the records as TSV.
        var tsv = ""
        var lineMap: [Int] = []
        for record in records where !(record.fields.count == 1 && record.fields[0].isEmpty) {
            tsv += TSVField.row(record.fields) + "\n"
            lineMap.append(record.line)
        }
        do {
            var glossary = try GlossaryTSVReader.read(tsv, source: source)
            for k in glossary.rows.indices { glossary.rows[k].line = lineMap[glossary.rows[k].line - 1] }
            return glossary
        } catch {
            throw FormatError(source: source, location: SourceLocation(line: lineMap[max(0, error.location.line - 1)], column: 1),
                              message: error.message)
        }
    }

    /// `entries` as CSV with `columns`.
    public static func write(_ entries: [TermEntry], columns: [String] = GlossaryTSVReader.knownColumns) -> String {
        func quote(_ s: String) -> String {
            s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" })
                ? "\"" + s.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"") + "\"" : s
        }
        var out = columns.map(quote).joined(separator: ",") + "\r\n"
        for entry in entries {
            let tsv = GlossaryTSVWriter.row(entry, columns: columns)
            out += TSVField.fields(Substring(tsv)).map { quote(TSVField.unescape($0)) }.joined(separator: ",") + "\r\n"
        }
        return out
    }
}
