/// An error reported by ICU, or a failure to set up an ICU service.
public struct ICUError: Error, Equatable, CustomStringConvertible, Sendable {
    /// The ICU error code (`UErrorCode`, always > 0 for a failure).
    public let code: Int32
    /// ICU's name for the code, such as `U_ILLEGAL_ARGUMENT_ERROR`.
    public let name: String
    /// What was being attempted, such as `opening transliterator 'Han-Latin'`.
    public let operation: String

    /// Creates an error for `operation` that failed with ICU `code`.
    public init(code: Int32, name: String, operation: String) {
        self.code = code
        self.name = name
        self.operation = operation
    }

    public var description: String {
        "ICU failed \(operation): \(name) (\(code)); check that libicu72 (or newer) and its data are installed"
    }
}
