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
        var status: Int32 = 0
        let icuLocale = locale.contains("@") ? locale : locale + "@ss=standard"
        let iterator = cicu_break_open(Int32(CICU_BREAK_SENTENCE), icuLocale, &status)
        try checkICU(status, "opening the sentence break iterator for '\(locale)'")
        guard let iterator else {
            throw ICUError(code: 0, name: "U_MEMORY_ALLOCATION_ERROR", operation: "opening the sentence break iterator")
        }
        self.locale = locale
        self.iterator = iterator
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
            var status: Int32 = 0
            cicu_break_set_text(iterator, buffer.baseAddress, Int32(buffer.count), &status)
            guard status <= 0 else { return }
            defer {
                var detach: Int32 = 0
                cicu_break_set_text(iterator, nil, 0, &detach)
            }
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
        return result
    }
}
