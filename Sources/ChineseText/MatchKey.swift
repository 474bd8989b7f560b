public import ICUText

/// Keys for comparing Chinese and English text loosely, without rewriting it:
/// full-width letters, digits and brackets folded to ASCII (NFKC), 【】〔〕 to
/// `[]`, traditional characters to simplified, and lower case.
///
/// `捲王` and `卷王` get the same key; `［华为］` and `[华为]` too.
/// Not thread-safe (it owns ICU transliterators): one per task.
public final class MatchKeyMaker {
    private let folding: Transliterator
    private let simplifying: Transliterator

    /// Opens the transliterators.
    /// - Throws: `ICUError` when ICU's transform data is missing.
    public init() throws(ICUError) {
        folding = try Transliterator(id: "Shuyu-MatchKey", rules: """
            ::NFKC;
            '【' > '[' ; '】' > ']' ; '〔' > '[' ; '〕' > ']' ; '〖' > '[' ; '〗' > ']' ;
            ::Traditional-Simplified;
            ::Lower;
            """)
        simplifying = try Transliterator(id: "Traditional-Simplified")
    }

    /// The match key of `text`.
    public func key(_ text: String) -> String {
        folding.transform(text)
    }

    /// `text` with traditional characters turned into simplified ones (character by
    /// character: 捲王 → 卷王; vocabulary such as 智慧/智能 is not changed).
    public func simplified(_ text: String) -> String {
        simplifying.transform(text)
    }
}
