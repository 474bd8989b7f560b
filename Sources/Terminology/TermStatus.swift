/// How a glossary row may be used.
public enum TermStatus: String, Sendable, Hashable, CaseIterable, Codable {
    /// The rendering to use.
    case approved
    /// Seen or proposed, not yet reviewed.
    case candidate
    /// Once used, now replaced by the approved rendering.
    case deprecated
    /// Must not be used.
    case forbidden
}
