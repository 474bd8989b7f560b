public import SourceText
import BilingualCorpus

/// A bracket closed by another kind: `[腾讯)`, `［华为]` (full-width opener, half-width closer).
public struct MismatchedBracketRule: CheckRule {
    public static let description = RuleDescription(
        identifier: "mismatched-bracket", name: "Mismatched bracket pair",
        summary: "Finds a bracket closed by a bracket of another kind or width.",
        rationale: "Mixed pairs are typing slips; they break searches and look careless in print.",
        defaultSeverity: .error,
        passing: ["Tencent [腾讯] and Huawei［华为］", "(新左派)", "the interval $[0,1)$ is half-open"],
        failing: ["Tencent [腾讯↓)", "Huawei［华为↓]", "Zhipu AI【智谱↓]", "from $20 [to $30↓) a share", "worth $200 billion [30.7 billion US$↓) then"])

    public init() {}

    public func check(_ document: DraftDocument, context: CheckContext) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        for index in document.bracketLines {
            let line = document.lines[index]
            for case let .pair(open, close, matched) in BracketEvents.scan(line) where !matched {
                let opener = line.scalars[open], closer = line.scalars[close]
                let expected = Brackets.closer(for: opener).map { String($0) } ?? "?"
                findings.append(diagnostic(document, line: line.number, close, close + 1,
                                           "'\(opener)' is closed by '\(closer)'; expected '\(expected)'",
                                           fix: Fix(start: SourceLocation(line: line.number, column: close + 1),
                                                    end: SourceLocation(line: line.number, column: close + 2), replacement: expected)))
            }
        }
        return findings
    }
}
