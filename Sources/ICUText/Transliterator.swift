internal import CICUShim

/// An ICU transliterator, such as `Han-Latin` (pinyin with tone marks) or
/// `Traditional-Simplified`, or one built from custom rules.
///
/// Opening a transliterator is slow the first time (~80 ms for `Han-Latin`),
/// then fast: keep one and reuse it. Not thread-safe: `copy()` one per task.
public final class Transliterator {
    /// The transliterator's ID, such as `Han-Latin`.
    public let id: String
    private let handle: UnsafeMutableRawPointer

    /// Opens the system transliterator with `id` (for example `Han-Latin; Latin-ASCII`).
    /// - Throws: `ICUError` when the ID is unknown.
    public convenience init(id: String) throws(ICUError) {
        try self.init(id: id, rules: nil)
    }

    /// Builds a transliterator from ICU transform `rules`, named `id`.
    /// - Throws: `ICUError` when the rules do not parse.
    public init(id: String, rules: String?) throws(ICUError) {
        var status: Int32 = 0
        var line: Int32 = 0, offset: Int32 = 0
        let idUnits = Array(id.utf16)
        let ruleUnits = rules.map { Array($0.utf16) }
        let handle: UnsafeMutableRawPointer? = idUnits.withUnsafeBufferPointer { idBuffer in
            if let ruleUnits {
                return ruleUnits.withUnsafeBufferPointer { ruleBuffer in
                    cicu_transliterator_open(idBuffer.baseAddress, Int32(idBuffer.count), ruleBuffer.baseAddress,
                                             Int32(ruleBuffer.count), &line, &offset, &status)
                }
            }
            return cicu_transliterator_open(idBuffer.baseAddress, Int32(idBuffer.count), nil, -1, &line, &offset, &status)
        }
        try checkICU(status, rules == nil
            ? "opening transliterator '\(id)'"
            : "parsing transliterator rules '\(id)' at rule line \(line), offset \(offset)")
        guard let handle else {
            throw ICUError(code: 0, name: "U_MEMORY_ALLOCATION_ERROR", operation: "opening transliterator '\(id)'")
        }
        self.id = id
        self.handle = handle
    }

    private init(id: String, handle: UnsafeMutableRawPointer) {
        self.id = id
        self.handle = handle
    }

    deinit {
        cicu_transliterator_close(handle)
    }

    /// A new transliterator with the same rules, for another task.
    public func copy() throws(ICUError) -> Transliterator {
        var status: Int32 = 0
        let clone = cicu_transliterator_clone(handle, &status)
        try checkICU(status, "cloning transliterator '\(id)'")
        guard let clone else {
            throw ICUError(code: 0, name: "U_MEMORY_ALLOCATION_ERROR", operation: "cloning transliterator '\(id)'")
        }
        return Transliterator(id: id, handle: clone)
    }

    /// The code points this transliterator may change (ICU's source set), as ranges;
    /// every other character comes through unchanged.
    public func sourceRanges() throws(ICUError) -> [ClosedRange<UInt32>] {
        var capacity: Int32 = 256
        while true {
            var ranges = [Int32](repeating: 0, count: Int(capacity) * 2)
            var status: Int32 = 0
            let count = ranges.withUnsafeMutableBufferPointer { cicu_transliterator_source_ranges(handle, $0.baseAddress, capacity, &status) }
            try checkICU(status, "reading the source set of transliterator '\(id)'")
            if count > capacity {
                capacity = count
                continue
            }
            return (0..<Int(count)).map { UInt32(ranges[2 * $0])...UInt32(ranges[2 * $0 + 1]) }
        }
    }

    /// `text` transliterated. The input is never modified.
    public func transform(_ text: String) -> String {
        if text.isEmpty { return text }
        let units = Array(text.utf16)
        var capacity = max(16, units.count * 4 + 16)
        while true {
            var buffer = units + [UInt16](repeating: 0, count: capacity - units.count)
            var status: Int32 = 0
            let length = buffer.withUnsafeMutableBufferPointer { pointer in
                cicu_transliterate(handle, pointer.baseAddress, Int32(units.count), Int32(capacity), &status)
            }
            if status == CICU_BUFFER_OVERFLOW_ERROR {
                capacity = Int(length) + 16
                continue
            }
            if status > 0 { return text }
            return String(decoding: buffer.prefix(Int(length)), as: UTF16.self)
        }
    }
}
