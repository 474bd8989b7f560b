import TranslationMemory

/// The error `ListReader` fails with.
public struct ReadFailure: Error {
    public init() {}
}

/// Hands out `units` in pieces of at most 700, as a file reader would, and fails once
/// `failingAfter` units have been given: a file malformed halfway.
public final class ListReader: TranslationUnitReader, @unchecked Sendable {
    private var units: ArraySlice<TranslationUnit>
    private var given = 0
    private let failingAfter: Int?

    public init(_ units: [TranslationUnit], failingAfter: Int?) {
        self.units = units[...]
        self.failingAfter = failingAfter
    }

    public func next(_ limit: Int) throws -> [TranslationUnit] {
        if let failingAfter, given >= failingAfter { throw ReadFailure() }
        let piece = units.prefix(min(limit, 700))
        units = units.dropFirst(piece.count)
        given += piece.count
        return Array(piece)
    }
}
