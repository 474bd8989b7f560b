// No Foundation in this file: it imports ICUText directly.
import ICUText

/// Sort keys for Chinese terms in pinyin order (ICU's `zh` collation).
final class PinyinSortKeys {
    private let collator: Collator?

    init() {
        collator = try? Collator(locale: "zh")
    }

    func key(_ text: String) -> [UInt8] {
        collator?.sortKey(text) ?? Array(text.utf8)
    }
}
