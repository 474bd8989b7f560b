/// What the extractor may know about terms from elsewhere: glossaries, earlier
/// corpora, dictionaries. The corpus module defines this protocol and the
/// terminology side implements it, so the corpus never imports a glossary.
public protocol TermEvidence {
    /// Known English renderings of `zh` (approved first), such as `["Involution King"]`.
    func renderings(of zh: String) -> [String]
    /// Whether `zh` is a known Chinese term.
    func isKnownTerm(_ zh: String) -> Bool
}

/// No outside knowledge.
public struct NoTermEvidence: TermEvidence {
    /// Creates the empty evidence.
    public init() {}
    public func renderings(of zh: String) -> [String] { [] }
    public func isKnownTerm(_ zh: String) -> Bool { false }
}
