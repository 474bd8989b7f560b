import BilingualCorpus
public import SourceText

/// A translator's query left in an original: `(通用人工智能?)`, `？`, `TODO`.
public struct TranslatorQueryRule: CheckRule {
    public static let description = RuleDescription(
        identifier: "translator-query", name: "Translator query",
        summary: "Finds question marks and TODOs inside originals.",
        rationale: "Queries are notes to self; they should be resolved before the draft goes out.",
        defaultSeverity: .info,
        passing: ["Generalized Artificial Intelligence (通用人工智能)", "Why? (see below)", "the title \"Who Is Winning? [谁在赢？]\"",
                  "the prompt Continue (yes/no) (“要继续吗？（是/否）”) appears"],
        failing: ["Generalized Artificial Intelligence (通用人工智能↓?)", "the agent [智能体↓？]", "a term [术语 ↓TODO]"])

    public init() {}

    public func check(_ document: DraftDocument, context: CheckContext) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        for index in document.bracketLines {
            let line = document.lines[index]
            for case let .pair(open, close, _) in BracketEvents.scan(line) where BracketEvents.hasHan(line, (open + 1)..<close) {
                let s = line.scalars
                // A question translated as a question ("Who Is Winning? [谁在赢？]") is no query.
                var before = open - 1
                while before >= 0, CharacterClass.isSpace(s[before]) || s[before] == "\"" || s[before] == "”" { before -= 1 }
                if before >= 0, CharacterClass.queryMarks.contains(s[before]) { continue }
                let content = s.string((open + 1)..<close)
                var k = open + 1
                // A question quoted inside the original is the text's own: （“你确定要继续吗？”）.
                var quoted = 0
                while k < close {
                    switch s[k] {
                    case "“", "「", "『": quoted += 1
                    case "”", "」", "』": quoted = max(0, quoted - 1)
                    default: break
                    }
                    if quoted == 0, CharacterClass.queryMarks.contains(s[k]) {
                        findings.append(diagnostic(document, line: line.number, k, k + 1, "translator's query left in the original '\(content)'"))
                        while k < close, CharacterClass.queryMarks.contains(s[k]) { k += 1 }
                        continue
                    }
                    if s[k] == "T", k + 4 <= close, s.string(k..<(k + 4)) == "TODO" {
                        findings.append(diagnostic(document, line: line.number, k, k + 4, "TODO left in the original '\(content)'"))
                        k += 4
                        continue
                    }
                    k += 1
                }
            }
        }
        return findings
    }
}
