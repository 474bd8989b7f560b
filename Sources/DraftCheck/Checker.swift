public import SourceText

/// Runs the rules over drafts, applies inline suppressions and returns the findings
/// sorted by file and position.
public struct Checker: Sendable {
    /// The rules to run (default: those enabled by default).
    public var rules: [any CheckRule.Type]
    /// What rules may consult.
    public var context: CheckContext

    /// Creates a checker.
    public init(rules: [any CheckRule.Type] = RuleRegistry.all.filter { $0.description.enabledByDefault },
                context: CheckContext = CheckContext()) {
        self.rules = rules
        self.context = context
    }

    /// The findings in `documents` (checked together, so renderings are compared across them).
    public func check(_ documents: [DraftDocument]) -> [Diagnostic] {
        // Each rule over each document is a job of its own, run on every core; the rule that
        // compares renderings across documents is one job over all of them.
        var jobs: [(rule: any CheckRule.Type, document: Int?)] = []
        // The longest jobs start first, so that the short ones fill the other cores meanwhile
        // rather than leave one rule running alone at the end: untranslated-chinese reads every
        // line with Chinese, and on a Chinese-heavy draft takes as long as all the others.
        let longestFirst: [any CheckRule.Type] = [UntranslatedChineseRule.self, InconsistentRenderingRule.self]
        func rank(_ rule: any CheckRule.Type) -> Int { longestFirst.firstIndex { $0 == rule } ?? longestFirst.count }
        let ordered = rules.enumerated().sorted { (rank($0.element), $0.offset) < (rank($1.element), $1.offset) }.map(\.element)
        for rule in ordered {
            if rule == InconsistentRenderingRule.self {
                jobs.append((rule, nil))
            } else {
                jobs += documents.indices.map { (rule, $0) }
            }
        }
        let context = context
        let results = concurrently(jobs.count) { [jobs] index in
            let (rule, document) = jobs[index]
            guard let document else { return InconsistentRenderingRule.check(documents) }
            return rule.init().check(documents[document], context: context)
        }
        var findings = Array(results.joined())
        let bySource = Dictionary(documents.map { ($0.source, $0) }, uniquingKeysWith: { a, _ in a })
        findings = findings.filter { finding in
            !(bySource[finding.source]?.isSuppressed(finding.ruleID, line: finding.start.line) ?? false)
        }
        let order = Dictionary(uniqueKeysWithValues: documents.enumerated().map { ($0.element.source, $0.offset) })
        return findings.sorted {
            (order[$0.source] ?? 0, $0.start, $0.ruleID) < (order[$1.source] ?? 0, $1.start, $1.ruleID)
        }
    }
}
