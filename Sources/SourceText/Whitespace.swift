extension Unicode.Scalar {
    /// A space or tab within a line: the tab and the space separators (category Zs), the
    /// set Foundation calls `.whitespaces`. Line breaks are not included.
    @inlinable
    public var isSpaceOrTab: Bool {
        self == "\t" || properties.generalCategory == .spaceSeparator
    }
}

extension StringProtocol {
    /// The text without the spaces and tabs at either end, as Foundation's
    /// `trimmingCharacters(in: .whitespaces)` gives it, without the milliseconds that
    /// Foundation's character sets take to set up on their first use in a process
    /// (a lookup is a short process).
    @inlinable
    public func trimmingSpaces() -> String {
        String.trimmingSpaces(Substring(self))
    }
}

extension String {
    /// `text` without the spaces and tabs at either end, cut at scalars. (Concrete types
    /// throughout: the generic `append(contentsOf:)` set up its types at run time, a cost a
    /// lookup noticed.)
    @usableFromInline
    static func trimmingSpaces(_ text: Substring) -> String {
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.isSpaceOrTab }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.isSpaceOrTab })!
        return String(scalars[first...last])
    }
}
