public import SourceText
import BilingualCorpus

/// Empty brackets: `[]`, `()`, `（）`, `【】`.
public struct EmptyBracketsRule: CheckRule {
    public static let description = RuleDescription(
        identifier: "empty-brackets", name: "Empty brackets",
        summary: "Finds brackets with nothing inside.",
        rationale: "An empty bracket is usually an original that was never pasted in.",
        defaultSeverity: .warning,
        passing: ["- [ ] a task", "Stepfun [阶跃星辰]", "call f() in `code()`"],
        failing: ["Stepfun ↓[] said", "the platform ↓（） grew"])

    public init() {}

    public func check(_ document: DraftDocument, context: CheckContext) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        for index in document.bracketLines {
            let line = document.lines[index]
            for case let .pair(open, close, _) in BracketEvents.scan(line) where close == open + 1 {
                // A call in prose such as f() is code-like: only flag after a space or a word.
                if line.scalars[open] == "(" && open > 0 && !CharacterClass.isSpace(line.scalars[open - 1]) { continue }
                if close + 1 < line.scalars.count, line.scalars[close + 1] == "(" { continue }  // [](url): a link
                findings.append(diagnostic(document, line: line.number, open, close + 1,
                                           "empty brackets '\(line.scalars.string(open..<(close + 1)))'; paste the original or remove them"))
            }
        }
        return findings
    }
}
