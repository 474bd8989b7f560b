import BilingualCorpus
public import SourceText
import Terminology

/// An original whose English differs from the glossary's approved rendering, or uses a
/// forbidden one. Case, plural and light inflection are not differences, and neither is
/// the original's pinyin (`_gongzhi_ 公知`): a transliteration writes the original, it
/// does not render it otherwise.
public struct GlossaryRenderingRule: CheckRule {
    public static let description = RuleDescription(
        identifier: "glossary-rendering", name: "Glossary rendering",
        summary: "Finds originals rendered otherwise than the glossary approves, or with a forbidden rendering.",
        rationale: "The glossary is the team's agreement; readers meet the same term under the same name.",
        defaultSeverity: .warning,
        passing: ["Large language models [大语言模型] are cheap", "Moonshot AI [月之暗面] shipped",
                  "the attacks on public intellectuals _gongzhi_ 公知 grew", "the household registration (_hukou_ 户口) system"],
        failing: ["the ↓Dark Side of the Moon [月之暗面] shipped", "the ↓foundation model [大语言模型] shipped"])

    /// The glossary the examples are checked against.
    public static let exampleContext = CheckContext(
        approved: ["大语言模型": ["large language model"], "月之暗面": ["Moonshot AI"], "公知": ["public intellectual"], "户口": ["hukou"]],
        forbidden: ["月之暗面": ["Dark Side of the Moon"]])

    public init() {}

    public func check(_ document: DraftDocument, context: CheckContext) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        for pair in document.pairs where pair.kind != .parallel && !pair.en.isEmpty && pair.confidence >= 0.5 {
            // Most originals have no glossary entry: then there is nothing to compare.
            guard context.forbidden[pair.zh] != nil || context.approved[pair.zh]?.isEmpty == false else { continue }
            let key = RenderingKey.of(pair.en)
            let end = SourceLocation(line: pair.enLocation.line, column: pair.enLocation.column + pair.en.unicodeScalars.count)
            if let forbidden = context.forbidden[pair.zh], forbidden.contains(where: { RenderingKey.of($0) == key }) {
                let approved = context.approved[pair.zh]?.first.map { "; use '\($0)'" } ?? ""
                findings.append(Diagnostic(ruleID: Self.description.identifier, severity: Self.description.defaultSeverity,
                                           message: "'\(pair.en)' is a forbidden rendering of '\(pair.zh)'\(approved)",
                                           source: document.source, start: pair.enLocation, end: end))
            } else if !pair.evidence.contains("pinyin"), let approved = context.approved[pair.zh], !approved.isEmpty,
                      // The approved rendering given beside another one counts: household registration (_hukou_ 户口).
                      case let given = [key] + pair.alternatives.map(RenderingKey.of),
                      !approved.contains(where: { given.contains(RenderingKey.of($0)) }) {
                findings.append(Diagnostic(ruleID: Self.description.identifier, severity: Self.description.defaultSeverity,
                                           message: "'\(pair.en)' renders '\(pair.zh)'; the glossary approves '\(approved.joined(separator: "', '"))'",
                                           source: document.source, start: pair.enLocation, end: end))
            }
        }
        return findings
    }
}
