import BilingualCorpus
public import SourceText

/// Spacing before a bracketed original that differs from the house style: `Kuaishou[快手]`
/// in a document that otherwise writes `Moonshot AI [月之暗面]`.
public struct BracketSpacingRule: CheckRule {
    public static let description = RuleDescription(
        identifier: "bracket-spacing", name: "Spacing before an original",
        summary: "Finds originals whose spacing from the English differs from the document's majority (or the configured style).",
        rationale: "Consistent spacing makes originals easy to search and looks deliberate.",
        defaultSeverity: .warning,
        passing: ["Stepfun [阶跃星辰] and Moonshot AI [月之暗面]", "AI Era[新智元] and Kuaishou[快手]",
                  "Stepfun [阶跃星辰], Moonshot AI [月之暗面] and Huawei［华为］"],
        failing: ["Stepfun [阶跃星辰], Moonshot AI [月之暗面] and Kuaishou↓[快手]"])

    public init() {}

    public func check(_ document: DraftDocument, context: CheckContext) -> [Diagnostic] {
        // Every original in brackets directly after English, with or without a space.
        var sites: [(line: Int, english: Int, open: Int, spaced: Bool)] = []
        for index in document.bracketLines {
            let line = document.lines[index]
            // Full-width brackets carry their own spacing: only half-width ( and [ are counted.
            for case let .pair(open, close, _) in BracketEvents.scan(line)
            where (line.scalars[open] == "[" || line.scalars[open] == "(") && BracketEvents.hasHan(line, (open + 1)..<close) {
                var k = open - 1
                while k >= 0, line.scalars[k] == " " { k -= 1 }
                guard k >= 0, CharacterClass.isLatinLetter(line.scalars[k]) || CharacterClass.isDigit(line.scalars[k]) else { continue }
                sites.append((line.number, k + 1, open, k + 1 < open))
            }
        }
        let spaced = sites.filter(\.spaced).count, glued = sites.count - spaced
        let wantSpace: Bool
        switch context.spacing {
        case "always": wantSpace = true
        case "never": wantSpace = false
        default:
            guard spaced != glued else { return [] }
            wantSpace = spaced > glued
        }
        return sites.filter { $0.spaced != wantSpace }.map { site in
            diagnostic(document, line: site.line, site.open, site.open + 1,
                       wantSpace ? "no space before the original; this document writes 'English [原文]'"
                                 : "space before the original; this document writes 'English[原文]'",
                       fix: Fix(start: SourceLocation(line: site.line, column: site.english + 1),
                                end: SourceLocation(line: site.line, column: site.open + 1), replacement: wantSpace ? " " : ""))
        }
    }
}
