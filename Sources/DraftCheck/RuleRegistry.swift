/// Every rule, in the order findings are reported for the same place.
public enum RuleRegistry {
    /// All rules.
    public static let all: [any CheckRule.Type] = [
        UnbalancedBracketRule.self,
        MismatchedBracketRule.self,
        BracketSpacingRule.self,
        EmptyBracketsRule.self,
        InconsistentRenderingRule.self,
        GlossaryRenderingRule.self,
        ASCIIPunctuationInOriginalRule.self,
        TranslatorQueryRule.self,
        UntranslatedChineseRule.self,
        FootnoteMarkerRule.self,
        RepeatedOriginalRule.self,
    ]

    /// The rule with `identifier`.
    public static func rule(_ identifier: String) -> (any CheckRule.Type)? {
        all.first { $0.description.identifier == identifier }
    }
}
