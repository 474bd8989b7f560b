public import SourceText

/// An unclosed `[` or `(` (half- or full-width, and 【】), a stray closer, a doubled closer.
public struct UnbalancedBracketRule: CheckRule {
    public static let description = RuleDescription(
        identifier: "unbalanced-bracket", name: "Unbalanced bracket",
        summary: "Finds brackets that are opened and never closed, closed without being opened, or closed twice.",
        rationale: "A lost bracket hides where the original ends; readers and tools then misread the English around it.",
        defaultSeverity: .error,
        passing: ["Stepfun [阶跃星辰] and Zhipu AI【智谱】", "1) plan 2) build a) test", "_2) A paradox?_ and **b)** next", "Nice :) and ;-)", "(see figure 2)"],
        failing: ["Zhipu AI [智谱]↓]", "Stepfun ↓[阶跃星辰 went on", "the platform（平台）↓） again", "↓【智谱 unfinished"])

    public init() {}

    public func check(_ document: DraftDocument, context: CheckContext) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        for line in document.lines where !line.isCode {
            for event in BracketEvents.scan(line) {
                switch event {
                case .unclosed(let open):
                    let opener = String(line.scalars[open])
                    findings.append(diagnostic(document, line: line.number, open, open + 1,
                                               "bracket '\(opener)' is not closed on this line"))
                case .stray(let close, let doubled):
                    let closer = String(line.scalars[close])
                    findings.append(diagnostic(document, line: line.number, close, close + 1, doubled
                        ? "doubled closing bracket '\(closer)\(closer)'" : "closing bracket '\(closer)' has no opening bracket",
                        fix: doubled ? Fix(start: SourceLocation(line: line.number, column: close + 1),
                                           end: SourceLocation(line: line.number, column: close + 2), replacement: "") : nil))
                case .pair:
                    break
                }
            }
        }
        return findings
    }
}
