public import SourceText

/// What a rule is, for documentation and for tests: failing examples mark each expected
/// finding's start with `↓`; passing examples must produce no finding.
public struct RuleDescription: Sendable {
    /// Stable kebab-case identifier.
    public var identifier: String
    /// A short name.
    public var name: String
    /// One sentence: what the rule finds.
    public var summary: String
    /// Why it matters to a translator.
    public var rationale: String
    /// The severity unless configuration says otherwise.
    public var defaultSeverity: Severity
    /// Whether the rule runs without being switched on.
    public var enabledByDefault: Bool
    /// Texts that must produce no finding.
    public var passing: [String]
    /// Texts whose findings start at the `↓` markers.
    public var failing: [String]

    /// Creates a description.
    public init(identifier: String, name: String, summary: String, rationale: String, defaultSeverity: Severity,
                enabledByDefault: Bool = true, passing: [String], failing: [String]) {
        self.identifier = identifier
        self.name = name
        self.summary = summary
        self.rationale = rationale
        self.defaultSeverity = defaultSeverity
        self.enabledByDefault = enabledByDefault
        self.passing = passing
        self.failing = failing
    }
}

/// What rules may consult besides the document.
public struct CheckContext: Sendable {
    /// Approved renderings by Chinese term (from glossaries).
    public var approved: [String: [String]]
    /// Forbidden renderings by Chinese term.
    public var forbidden: [String: [String]]
    /// Bracket spacing style: `majority` (follow the document), `always` or `never`.
    public var spacing: String

    /// Creates a context.
    public init(approved: [String: [String]] = [:], forbidden: [String: [String]] = [:], spacing: String = "majority") {
        self.approved = approved
        self.forbidden = forbidden
        self.spacing = spacing
    }
}

/// A check of a draft: one rule per type, one file per rule.
public protocol CheckRule: Sendable {
    /// The rule's metadata and examples.
    static var description: RuleDescription { get }
    /// Creates the rule.
    init()
    /// The findings in `document` (severity as in the description; the checker applies configuration).
    func check(_ document: DraftDocument, context: CheckContext) -> [Diagnostic]
}

extension CheckRule {
    /// A finding of this rule on `line` from `start` to `end` (0-based scalar offsets).
    func diagnostic(_ document: DraftDocument, line: Int, _ start: Int, _ end: Int, _ message: String,
                    notes: [Diagnostic.Note] = [], fix: Fix? = nil) -> Diagnostic {
        Diagnostic(ruleID: Self.description.identifier, severity: Self.description.defaultSeverity, message: message,
                   source: document.source, start: SourceLocation(line: line, column: start + 1),
                   end: SourceLocation(line: line, column: end + 1), notes: notes, fix: fix)
    }
}
