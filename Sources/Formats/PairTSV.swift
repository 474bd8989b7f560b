import SourceText
public import TranslationMemory

/// Sentence pairs as TSV: a header row naming a `zh` and an `en` column (other
/// columns are ignored on reading), one pair per row, fields escaped as in glossary
/// TSV (`TSVField`), `#` lines as comments.
public enum PairTSV {
    /// The units of `text`, Chinese first, each with its row as origin.
    /// - Throws: `FormatError` for a missing header column or a short row.
    public static func read(_ text: String, source: String) throws(FormatError) -> [TranslationUnit] {
        try Reader(text, source: source).nextUnits(.max)
    }

    /// Reads the units of a pair TSV a piece at a time (`TranslationUnitReader`), for
    /// imports that store the first rows while later ones are read.
    public final class Reader: TranslationUnitReader, @unchecked Sendable {
        private var cursor: TextLines.Cursor
        private let source: String
        private var lineNumber = 0
        private var columns: (zh: Int, en: Int)?
        private var zhTag = LanguageTag("zh"), enTag = LanguageTag("en")

        public init(_ text: String, source: String) {
            cursor = TextLines.Cursor(text)
            self.source = source
        }

        public func next(_ limit: Int) throws -> [TranslationUnit] {
            try nextUnits(limit)
        }

        /// Up to `limit` more units; empty at the end of the text.
        /// - Throws: `FormatError` for a missing header column or a short row.
        public func nextUnits(_ limit: Int) throws(FormatError) -> [TranslationUnit] {
            var units: [TranslationUnit] = []
            while units.count < limit, let (line, _) = cursor.next() {
                lineNumber += 1
                if line.utf8.first ?? UInt8(ascii: "#") == UInt8(ascii: "#") { continue }  // empty or a comment
                let fields = TSVField.fields(line)
                guard let known = columns else {
                    try readHeader(fields)
                    continue
                }
                guard fields.count > max(known.zh, known.en) else {
                    throw FormatError(source: source, location: SourceLocation(line: lineNumber, column: 1),
                                      message: "row has \(fields.count) fields; expected at least \(max(known.zh, known.en) + 1) (fields are separated by tabs)")
                }
                let zh = TSVField.unescape(fields[known.zh]), en = TSVField.unescape(fields[known.en])
                if zh.isBlank || en.isBlank { continue }
                units.append(TranslationUnit(variants: [
                    TranslationVariant(language: zhTag, segment: Segment(zh)),
                    TranslationVariant(language: enTag, segment: Segment(en)),
                ], origin: Origin(file: source, line: lineNumber)))
            }
            return units
        }

        private func readHeader(_ fields: [Substring]) throws(FormatError) {
            let names = fields.map { String($0).trimmingSpaces.lowercased() }
            // `zh` and `en`, or language codes such as `zh-CN` and `en-US`.
            let zh = names.firstIndex { LanguageTag($0).isChinese }
            let en = names.firstIndex { !$0.isEmpty && !LanguageTag($0).isChinese && $0 != "note" && $0 != "source" }
            guard let zh, let en else {
                throw FormatError(source: source, location: SourceLocation(line: lineNumber, column: 1),
                                  message: "a pair TSV needs a header row naming a Chinese column (zh) and an English one (en)")
            }
            zhTag = LanguageTag(String(fields[zh]).trimmingSpaces)
            enTag = LanguageTag(String(fields[en]).trimmingSpaces)
            columns = (zh, en)
        }
    }

    /// The header row.
    public static let header = "zh\ten"

    /// One row: the Chinese and the other text, escaped.
    public static func row(zh: String, en: String) -> String {
        TSVField.row([zh, en])
    }
}
