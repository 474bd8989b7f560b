internal import CICUShim

/// Locale-aware ordering of strings. For `zh` (the default), ICU sorts Han by
/// pinyin (长 as zhǎng or cháng by its most common reading) with Han before Latin.
/// Not thread-safe: one per task.
public final class Collator {
    /// The ICU locale, such as `zh` or `zh@collation=stroke`.
    public let locale: String
    private let handle: UnsafeMutableRawPointer

    /// Opens a collator for `locale`.
    /// - Throws: `ICUError` when ICU cannot open it.
    public init(locale: String = "zh") throws(ICUError) {
        var status: Int32 = 0
        let handle = cicu_collator_open(locale, &status)
        try checkICU(status, "opening the collator for '\(locale)'")
        guard let handle else {
            throw ICUError(code: 0, name: "U_MEMORY_ALLOCATION_ERROR", operation: "opening the collator")
        }
        self.locale = locale
        self.handle = handle
    }

    deinit {
        cicu_collator_close(handle)
    }

    /// Whether `a` sorts before `b`.
    public func areInIncreasingOrder(_ a: String, _ b: String) -> Bool {
        compare(a, b) < 0
    }

    /// -1, 0 or 1 as `a` sorts before, with, or after `b`.
    public func compare(_ a: String, _ b: String) -> Int {
        let x = Array(a.utf16), y = Array(b.utf16)
        return Int(cicu_collator_compare(handle, x, Int32(x.count), y, Int32(y.count)))
    }

    /// A byte string that compares (lexicographically, as bytes) like the text
    /// compares under this collator: store it to sort without ICU.
    public func sortKey(_ text: String) -> [UInt8] {
        let units = Array(text.utf16)
        var key = [UInt8](repeating: 0, count: max(32, units.count * 4))
        while true {
            let needed = Int(cicu_collator_sort_key(handle, units, Int32(units.count), &key, Int32(key.count)))
            if needed <= key.count {
                return Array(key.prefix(max(0, needed - 1)))  // drop the trailing NUL
            }
            key = [UInt8](repeating: 0, count: needed)
        }
    }
}
