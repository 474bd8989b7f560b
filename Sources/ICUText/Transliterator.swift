internal import CICU

/// An ICU transliterator, such as `Han-Latin` (pinyin with tone marks) or
/// `Traditional-Simplified`, or one built from custom rules.
///
/// Opening a transliterator is slow the first time (~80 ms for `Han-Latin`),
/// then fast: keep one and reuse it. Not thread-safe: `copy()` one per task.
public final class Transliterator {
    /// The transliterator's ID, such as `Han-Latin`.
    public let id: String
    private let handle: UnsafeMutablePointer<UnsafeMutableRawPointer?>

    /// Opens the system transliterator with `id` (for example `Han-Latin; Latin-ASCII`).
    /// - Throws: `ICUError` when the ID is unknown.
    public convenience init(id: String) throws(ICUError) {
        try self.init(id: id, rules: nil)
    }

    /// Builds a transliterator from ICU transform `rules`, named `id`.
    /// - Throws: `ICUError` when the rules do not parse.
    public init(id: String, rules: String?) throws(ICUError) {
        var status = U_ZERO_ERROR
        var parseError = UParseError()
        let idUnits = Array(id.utf16)
        let ruleUnits = rules.map { Array($0.utf16) }
        let handle: UnsafeMutablePointer<UnsafeMutableRawPointer?>? = idUnits.withUnsafeBufferPointer { idBuffer in
            if let ruleUnits {
                return ruleUnits.withUnsafeBufferPointer { ruleBuffer in
                    utrans_openU(idBuffer.baseAddress, Int32(idBuffer.count), UTRANS_FORWARD,
                                 ruleBuffer.baseAddress, Int32(ruleBuffer.count), &parseError, &status)
                }
            }
            return utrans_openU(idBuffer.baseAddress, Int32(idBuffer.count), UTRANS_FORWARD,
                                nil, -1, &parseError, &status)
        }
        try checkICU(status, rules == nil
            ? "opening transliterator '\(id)'"
            : "parsing transliterator rules '\(id)' at rule line \(parseError.line), offset \(parseError.offset)")
        guard let handle else {
            throw ICUError(code: 0, name: "U_MEMORY_ALLOCATION_ERROR", operation: "opening transliterator '\(id)'")
        }
        self.id = id
        self.handle = handle
    }

    private init(id: String, handle: UnsafeMutablePointer<UnsafeMutableRawPointer?>) {
        self.id = id
        self.handle = handle
    }

    deinit {
        utrans_close(handle)
    }

    /// A new transliterator with the same rules, for another task.
    public func copy() throws(ICUError) -> Transliterator {
        var status = U_ZERO_ERROR
        let clone = utrans_clone(handle, &status)
        try checkICU(status, "cloning transliterator '\(id)'")
        guard let clone else {
            throw ICUError(code: 0, name: "U_MEMORY_ALLOCATION_ERROR", operation: "cloning transliterator '\(id)'")
        }
        return Transliterator(id: id, handle: clone)
    }

    /// `text` transliterated. The input is never modified.
    public func transform(_ text: String) -> String {
        if text.isEmpty { return text }
        var units = ContiguousArray(text.utf16)
        var capacity = max(16, units.count * 4 + 16)
        while true {
            var buffer = units
            buffer.append(contentsOf: repeatElement(0, count: capacity - buffer.count))
            var length = Int32(units.count)
            var limit = Int32(units.count)
            var status = U_ZERO_ERROR
            buffer.withUnsafeMutableBufferPointer { pointer in
                utrans_transUChars(handle, pointer.baseAddress, &length, Int32(capacity), 0, &limit, &status)
            }
            if status == U_BUFFER_OVERFLOW_ERROR {
                capacity = Int(length) + 16
                continue
            }
            if status.rawValue > 0 {
                return text
            }
            units = ContiguousArray(buffer.prefix(Int(length)))
            return String(decoding: units, as: UTF16.self)
        }
    }
}
