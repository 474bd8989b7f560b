import SourceText

/// Why parallel sources could not be paired.
public struct ParallelTextError: Error, Equatable, CustomStringConvertible, Sendable {
    /// What is wrong, with the file and line.
    public var description: String
}

/// Sentence pairs from parallel sources: line-aligned zh/en files and two-column TSV.
public enum ParallelText {
    /// Pairs line N of `zh` with line N of `en`; empty line pairs are skipped.
    /// - Throws: `ParallelTextError` when the files have different numbers of lines.
    public static func alignedLines(zh: String, en: String, zhSource: String, enSource: String) throws(ParallelTextError) -> [AlignedPair] {
        let zhLines = lines(zh), enLines = lines(en)
        guard zhLines.count == enLines.count else {
            throw ParallelTextError(description: "\(zhSource):\(min(zhLines.count, enLines.count) + 1):1: error: \(zhSource) has \(zhLines.count) lines but \(enSource) has \(enLines.count); line-aligned files must have one line per sentence on both sides")
        }
        var pairs: [AlignedPair] = []
        for (k, (z, e)) in zip(zhLines, enLines).enumerated() {
            let zt = trim(z), et = trim(e)
            if zt.isEmpty && et.isEmpty { continue }
            if zt.isEmpty || et.isEmpty {
                throw ParallelTextError(description: "\(zt.isEmpty ? zhSource : enSource):\(k + 1):1: error: line \(k + 1) is empty on one side only; the files are out of step from here")
            }
            pairs.append(AlignedPair(zh: zt, en: et, kind: .parallel, source: zhSource,
                                     zhLocation: SourceLocation(line: k + 1, column: 1),
                                     enLocation: SourceLocation(line: k + 1, column: 1), confidence: 1, evidence: ["aligned lines: \(enSource)"]))
        }
        return pairs
    }

    /// Pairs from a TSV with a `zh` and an `en` column (header row first; `#` comments).
    /// - Throws: `ParallelTextError` for a missing header column or a short row.
    public static func tsv(_ text: String, source: String) throws(ParallelTextError) -> [AlignedPair] {
        var pairs: [AlignedPair] = []
        var zhColumn = -1, enColumn = -1
        for (k, line) in lines(text).enumerated() {
            if line.isEmpty || line.hasPrefix("#") { continue }
            let fields = line.utf8.split(separator: UInt8(ascii: "\t"), omittingEmptySubsequences: false).map { String(Substring($0)) }
            if zhColumn < 0 {
                let names = fields.map { trim($0).lowercased() }
                guard let z = names.firstIndex(of: "zh"), let e = names.firstIndex(of: "en") else {
                    throw ParallelTextError(description: "\(source):\(k + 1):1: error: a parallel TSV needs a header row with 'zh' and 'en' columns")
                }
                zhColumn = z
                enColumn = e
                continue
            }
            guard fields.count > max(zhColumn, enColumn) else {
                throw ParallelTextError(description: "\(source):\(k + 1):1: error: row has \(fields.count) fields; expected at least \(max(zhColumn, enColumn) + 1)")
            }
            let z = trim(fields[zhColumn]), e = trim(fields[enColumn])
            if z.isEmpty || e.isEmpty { continue }
            let zhColumnStart = fields.prefix(zhColumn).reduce(1) { $0 + $1.unicodeScalars.count + 1 }
            let enColumnStart = fields.prefix(enColumn).reduce(1) { $0 + $1.unicodeScalars.count + 1 }
            pairs.append(AlignedPair(zh: z, en: e, kind: .parallel, source: source,
                                     zhLocation: SourceLocation(line: k + 1, column: zhColumnStart),
                                     enLocation: SourceLocation(line: k + 1, column: enColumnStart), confidence: 1, evidence: ["tsv"]))
        }
        return pairs
    }

    static func lines(_ text: String) -> [String] {
        TextLines.lines(text).map(String.init)
    }

    static func trim(_ s: String) -> String {
        var scalars = Substring(s).unicodeScalars[...]
        while let f = scalars.first, CharacterClass.isSpace(f) { scalars.removeFirst() }
        while let l = scalars.last, CharacterClass.isSpace(l) { scalars.removeLast() }
        return String(String.UnicodeScalarView(scalars))
    }
}
