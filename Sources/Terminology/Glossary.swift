/// A list of term entries, in file order, with where each came from.
public struct Glossary: Sendable, Hashable {
    /// An entry and the 1-based line it was read from (0 when it was not read from a file).
    public struct Row: Sendable, Hashable {
        /// The entry.
        public var entry: TermEntry
        /// The 1-based line in the source file, or 0.
        public var line: Int

        /// Creates a row.
        public init(entry: TermEntry, line: Int) {
            self.entry = entry
            self.line = line
        }
    }

    /// The rows in order.
    public var rows: [Row]
    /// The file the glossary was read from, as given; empty when none.
    public var source: String

    /// Creates a glossary.
    public init(rows: [Row] = [], source: String = "") {
        self.rows = rows
        self.source = source
    }

    /// The entries in order.
    public var entries: [TermEntry] { rows.map(\.entry) }
}
