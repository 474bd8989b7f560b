/// How serious a finding is.
public enum Severity: String, Sendable, Hashable, Codable, Comparable, CaseIterable {
    case info, warning, error

    private var rank: Int { self == .info ? 0 : self == .warning ? 1 : 2 }
    public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
}

/// A replacement that repairs a finding: the scalars from `start` to `end` (exclusive,
/// same line) become `replacement`.
public struct Fix: Sendable, Hashable {
    /// The first location replaced.
    public var start: SourceLocation
    /// The location after the last one replaced.
    public var end: SourceLocation
    /// The new text.
    public var replacement: String

    /// Creates a fix.
    public init(start: SourceLocation, end: SourceLocation, replacement: String) {
        self.start = start
        self.end = end
        self.replacement = replacement
    }
}

/// A problem found in a text, with its exact place: a value, never thrown.
public struct Diagnostic: Sendable, Hashable {
    /// A related place, such as another rendering of the same original.
    public struct Note: Sendable, Hashable {
        /// The file.
        public var source: String
        /// Where.
        public var location: SourceLocation
        /// What is there.
        public var message: String

        /// Creates a note.
        public init(source: String, location: SourceLocation, message: String) {
            self.source = source
            self.location = location
            self.message = message
        }
    }

    /// The stable kebab-case rule identifier, such as `unbalanced-bracket`.
    public var ruleID: String
    /// The severity.
    public var severity: Severity
    /// Lower-case message quoting the offending text.
    public var message: String
    /// The file, as given.
    public var source: String
    /// Where the finding starts (1-based line, column in Unicode scalars).
    public var start: SourceLocation
    /// Where it ends (exclusive).
    public var end: SourceLocation
    /// Related places.
    public var notes: [Note]
    /// A repair, when the rule knows one.
    public var fix: Fix?

    /// Creates a diagnostic.
    public init(ruleID: String, severity: Severity, message: String, source: String, start: SourceLocation,
                end: SourceLocation, notes: [Note] = [], fix: Fix? = nil) {
        self.ruleID = ruleID
        self.severity = severity
        self.message = message
        self.source = source
        self.start = start
        self.end = end
        self.notes = notes
        self.fix = fix
    }
}
