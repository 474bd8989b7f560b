import BilingualCorpus
public import SourceText

/// A footnote marker with no definition, or a definition no marker points to. Runs only
/// on documents with notes: after a heading that names notes, or definitions of Chinese
/// terms that end the document (`1. 卷王：…`). Numbered lists and citations elsewhere stay silent.
public struct FootnoteMarkerRule: CheckRule {
    public static let description = RuleDescription(
        identifier: "footnote-marker", name: "Footnote marker and definition",
        summary: "Finds footnote markers (King1, [1], ^1, ¹, [^1]) without a definition in the notes, and definitions without a marker.",
        rationale: "A note nobody points to, or a pointer to nothing, loses the explanation the translator wrote.",
        defaultSeverity: .warning,
        passing: ["Lying flat[1] spread.\n\n## Notes\n\n[1] 躺平: to opt out.", "Steps:\n1. plan\n2. build", "See [1] and [2].",
                  "```python\n# 取消注释以安装 pandas\n```\n\n1. plan\n2. build", "## 注意力机制\n\n1. plan\n2. build",
                  "The Involution King1 of the office.\n\n## Notes\n\n1. 卷王：the winner of the rat race.",
                  "GPT4o and H100 chips; the Involution King1 too.\n\n1. 卷王：the winner of the rat race.",
                  "A glossary at the end is no notes.\n\n内卷: involution, the rat race\n躺平: lying flat, opting out"],
        failing: ["Lying flat[1] and chicken parenting↓^2 spread.\n\n## Notes\n\n[1] 躺平: to opt out.",
                  "Lying flat[1] spread.\n\n## Notes\n\n[1] 躺平: to opt out.\n↓[3] 鸡娃: to push a child.",
                  "The Involution King1 and the lying-flat youth↓2 both appear.\n\n1. 卷王：the winner of the rat race.",
                  "The Involution King1 spread.\n\n1. 卷王：the winner of the rat race.\n↓2. 躺平：opting out of the race altogether."])

    public init() {}

    public func check(_ document: DraftDocument, context: CheckContext) -> [Diagnostic] {
        guard let (notesStart, definitions, afterHeading) = Self.notes(document) else { return [] }
        // Markers: [n], [^n], ^n and superscripts anywhere; digits glued to a word (King1) too,
        // which also name product versions (Qwen2): such a marker is reported without a note
        // only when the document numbers its notes with glued digits and it is the next number.
        var markers: [Int: (line: Int, start: Int, end: Int)] = [:]
        var glued: [Int: (line: Int, start: Int, end: Int)] = [:]
        for index in document.digitLines(before: notesStart) {  // (every marker has a digit)
            let line = document.lines[index]
            for (number, start, end) in Self.markers(line) where markers[number] == nil { markers[number] = (line.number, start, end) }
            for marker in Footnotes.markers(line.scalars, masked: line.masked, lineNumber: line.number,
                                            where: { number, start in CharacterClass.isDigit(line.scalars[start]) && glued[number] == nil })
            where glued[marker.number] == nil {
                glued[marker.number] = (line.number, marker.start, marker.end)
            }
        }
        let usesGlued = glued.keys.contains { definitions[$0] != nil && markers[$0] == nil }
        let next = (definitions.keys.max() ?? 0) + 1
        for (number, marker) in glued where markers[number] == nil && (definitions[number] != nil || usesGlued && number == next) {
            markers[number] = marker
        }
        // Definitions that merely end a document (a glossary appendix) are notes only when some
        // marker points to one.
        guard afterHeading || definitions.keys.contains(where: { markers[$0] != nil }) else { return [] }
        var findings: [Diagnostic] = []
        for (number, marker) in markers.sorted(by: { $0.key < $1.key }) where definitions[number] == nil {
            findings.append(diagnostic(document, line: marker.line, marker.start, marker.end,
                                       "footnote marker \(number) has no definition in the notes"))
        }
        for (number, definition) in definitions.sorted(by: { $0.key < $1.key }) where markers[number] == nil {
            findings.append(diagnostic(document, line: definition.line, definition.column, definition.column + 1,
                                       "note \(number) has no marker in the text"))
        }
        return findings
    }

    /// Where the notes begin and their definitions by number (line, 0-based column): after a
    /// heading that names notes, or else the definitions of Chinese terms that end the document
    /// (`1. 卷王：the winner of …`, `[2] 躺平: …`; unnumbered ones count in order, as the extractor
    /// links them). Nil when the document has no notes.
    static func notes(_ document: DraftDocument) -> (start: Int, definitions: [Int: (line: Int, column: Int)], afterHeading: Bool)? {
        var definitions: [Int: (line: Int, column: Int)] = [:]
        if let heading = document.lines.firstIndex(where: { line in
            // Only headings are read as text (not a `#` comment in code).
            !line.isCode && line.scalars.first == "#" && Self.namesNotes(String(String.UnicodeScalarView(line.scalars)))
        }) {
            for line in document.lines[(heading + 1)...] where !line.isCode {
                if let (number, column) = Self.definitionNumber(line.scalars) { definitions[number] = (line.number, column) }
            }
            return definitions.isEmpty ? nil : (heading, definitions, true)
        }
        var k = document.lines.count - 1
        var found: [FootnoteDefinition] = []
        while k >= 0 {
            let line = document.lines[k]
            if line.scalars.allSatisfy(CharacterClass.isSpace) { k -= 1; continue }
            guard !line.isCode, let definition = Footnotes.definition(line.scalars, lineNumber: line.number) else { break }
            found.append(definition)
            k -= 1
        }
        guard !found.isEmpty else { return nil }
        for (ordinal, definition) in found.reversed().enumerated() {
            let column = Self.definitionNumber(document.lines[definition.line - 1].scalars)?.1 ?? definition.column - 1
            definitions[definition.number ?? ordinal + 1] = (definition.line, column)
        }
        return (k + 1, definitions, false)
    }

    /// Whether a heading names notes: `## Notes`, `Translator's notes`, `Endnotes`, `## 注释`,
    /// `## 注`, `译注` (not `注意力`, attention, nor `Notebook`).
    static func namesNotes(_ heading: String) -> Bool {
        let words = heading.lowercased().split(whereSeparator: { !$0.isLetter })
        if words.contains(where: { ["note", "notes", "footnote", "footnotes", "endnote", "endnotes"].contains($0) }) { return true }
        let title = String(heading.drop(while: { $0 == "#" || $0 == " " })).trimmingSpaces()
        return title == "注" || ["注释", "脚注", "尾注", "注解", "译注", "附注", "备注"].contains { heading.contains($0) }
    }

    /// `[n]`, `n.`, `^n` or a superscript number opening a line of the notes, with its column (0-based).
    static func definitionNumber(_ s: [Unicode.Scalar]) -> (Int, Int)? {
        var i = 0
        while i < s.count, CharacterClass.isSpace(s[i]) { i += 1 }
        let start = i
        if i < s.count, s[i] == "[" { i += 1; if i < s.count, s[i] == "^" { i += 1 } }
        if i < s.count, s[i] == "^" { i += 1 }
        var n = 0, digits = 0
        while i < s.count, let d = digit(s[i]) {
            if digits < 4 { n = n * 10 + d }  // longer numbers are refused below
            i += 1
            digits += 1
        }
        guard digits > 0, digits <= 3, i < s.count else { return nil }
        guard s[i] == "]" || s[i] == "." || s[i] == ")" || CharacterClass.isSpace(s[i]) else { return nil }
        return (n, start)
    }

    /// Bracketed `[n]`, `[^n]`, `^n` after a word, and superscript markers on a line (outside masked text),
    /// as (number, start, end) with 0-based scalar offsets.
    static func markers(_ line: DraftDocument.Line) -> [(Int, Int, Int)] {
        let s = line.scalars
        var result: [(Int, Int, Int)] = []
        var i = 0
        while i < s.count {
            // Only `[`, `^` and superscript digits start a marker: skip the rest in one tight loop.
            i = s.withUnsafeBufferPointer { scalars in
                var k = i
                while k < scalars.count, scalars[k] != "[", scalars[k] != "^", CharacterClass.superscriptDigit(scalars[k]) == nil { k += 1 }
                return k
            }
            guard i < s.count else { break }
            let c = s[i]
            guard !line.masked[i] else { i += 1; continue }
            var j = i
            var n = 0, digits = 0
            func readDigits(superscript: Bool) {
                while j < s.count, let d = digit(s[j]), CharacterClass.isDigit(s[j]) != superscript, digits < 3 {
                    n = n * 10 + d
                    j += 1
                    digits += 1
                }
            }
            if c == "[" {
                j += 1
                if j < s.count, s[j] == "^" { j += 1 }
                readDigits(superscript: false)
                if digits > 0, j < s.count, s[j] == "]" {
                    result.append((n, i, j + 1))
                    i = j + 1
                    continue
                }
            } else if c == "^", i > 0, CharacterClass.isLatinLetter(s[i - 1]) || s[i - 1] == "]" {
                j += 1
                readDigits(superscript: false)
                if digits > 0 {
                    result.append((n, i, j))
                    i = j
                    continue
                }
            } else if digit(c) != nil, !CharacterClass.isDigit(c) {
                readDigits(superscript: true)
                if digits > 0 {
                    result.append((n, i, j))
                    i = j
                    continue
                }
            }
            i += 1
        }
        return result
    }

    /// The value of an ASCII, full-width or superscript digit.
    static func digit(_ s: Unicode.Scalar) -> Int? {
        CharacterClass.decimalDigit(s) ?? CharacterClass.superscriptDigit(s)
    }
}
