public import SourceText

/// Why a file could not be read as the format it was given as.
public struct FormatError: Error, Equatable, CustomStringConvertible, Sendable {
    /// The file, as given.
    public var source: String
    /// Where the problem is.
    public var location: SourceLocation
    /// What is wrong, and what to do about it.
    public var message: String

    /// Creates an error.
    public init(source: String, location: SourceLocation, message: String) {
        self.source = source
        self.location = location
        self.message = message
    }

    public var description: String {
        "\(source):\(location.line):\(location.column): error: \(message)"
    }
}
