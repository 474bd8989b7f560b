internal import CICUShim

/// Splits text into sentences with ICU's sentence break iterator
/// (handles `。！？` as well as `. ! ?`, abbreviations, quotes).
/// Not thread-safe: make one per task.
public final class SentenceSegmenter {
    /// The ICU locale, such as `zh` or `en`.
    public let locale: String
    private let iterator: UnsafeMutableRawPointer

    /// Opens a sentence segmenter for `locale`. Unless the locale says otherwise,
    /// ICU's list of abbreviations (`Mr.`, `e.g.`) is used so they do not end a sentence.
    /// - Throws: `ICUError` when ICU cannot open the break iterator.
    public init(locale: String = "zh") throws(ICUError) {
        let icuLocale = locale.contains("@") ? locale : locale + "@ss=standard"
        self.locale = locale
        self.iterator = try openBreakIterator(Int32(CICU_BREAK_SENTENCE), locale: icuLocale, kind: "sentence")
    }

    deinit {
        cicu_break_close(iterator)
    }

    /// The ranges of the sentences of `text`, in order, covering it exactly
    /// (trailing spaces belong to the sentence before them).
    public func sentences(in text: String) -> [Range<String.Index>] {
        sentences(in: text, range: text.startIndex..<text.endIndex)
    }

    /// The ranges of the sentences of `text[range]`, as indices into `text`.
    public func sentences(in text: String, range: Range<String.Index>) -> [Range<String.Index>] {
        if range.isEmpty { return [] }
        let utf16 = UTF16Text(text, range: range)
        var cursor = UTF16Text.Cursor()
        var result: [Range<String.Index>] = []
        let iterator = self.iterator
        utf16.units.withUnsafeBufferPointer { buffer in
            _ = withBreakText(iterator, buffer) {
                _ = cicu_break_first(iterator)
                var startIndex = range.lowerBound
                var end = cicu_break_next(iterator)
                while end != CICU_DONE {
                    let endIndex = utf16.index(atUTF8Offset: cursor.advance(to: Int(end), in: buffer))
                    result.append(startIndex..<endIndex)
                    startIndex = endIndex
                    end = cicu_break_next(iterator)
                }
            }
        }
        return result
    }
}
