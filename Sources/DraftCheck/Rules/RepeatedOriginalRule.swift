import BilingualCorpus
public import SourceText

/// The same original given again after its first mention: `Moonshot AI [月之暗面]` in
/// the first paragraph and again later. Off by default: a house-style rule.
public struct RepeatedOriginalRule: CheckRule {
    public static let description = RuleDescription(
        identifier: "repeated-original", name: "Original repeated after the first mention",
        summary: "Finds a bracketed original that the document already gave for an earlier mention.",
        rationale: "Many house styles give the Chinese original at the first mention only; repeats clutter the English.",
        defaultSeverity: .info, enabledByDefault: false,
        passing: ["Stepfun [阶跃星辰] and Moonshot AI [月之暗面]; later Stepfun again", "- [ ] a task [x]"],
        failing: ["Stepfun [阶跃星辰] grew; Stepfun↓ [阶跃星辰] then shrank", "Huawei［华为］ and Huawei↓［华为］"])

    public init() {}

    public func check(_ document: DraftDocument, context: CheckContext) -> [Diagnostic] {
        var first: [String: Int] = [:]  // original → line of its first mention
        var findings: [Diagnostic] = []
        for index in document.bracketLines {
            let line = document.lines[index]
            for case let .pair(open, close, _) in BracketEvents.scan(line) where BracketEvents.hasHan(line, (open + 1)..<close) {
                // Only originals that follow English: `English [原文]`.
                var english = open
                while english > 0, line.scalars[english - 1] == " " { english -= 1 }
                guard english > 0, CharacterClass.isLatinLetter(line.scalars[english - 1]) || CharacterClass.isDigit(line.scalars[english - 1])
                else { continue }
                var inner = (open + 1)..<close
                while !inner.isEmpty, CharacterClass.isSpace(line.scalars[inner.lowerBound]) { inner = (inner.lowerBound + 1)..<inner.upperBound }
                while !inner.isEmpty, CharacterClass.isSpace(line.scalars[inner.upperBound - 1]) { inner = inner.lowerBound..<(inner.upperBound - 1) }
                let original = line.scalars.string(inner)
                guard let firstLine = first[original] else {
                    first[original] = line.number
                    continue
                }
                findings.append(diagnostic(document, line: line.number, english, close + 1,
                                           "original '\(original)' repeated (first given on line \(firstLine)); remove it here",
                                           fix: Fix(start: SourceLocation(line: line.number, column: english + 1),
                                                    end: SourceLocation(line: line.number, column: close + 2), replacement: "")))
            }
        }
        return findings
    }
}
