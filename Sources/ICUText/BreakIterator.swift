internal import CICUShim

/// Opens an ICU break iterator of `type` (`CICU_BREAK_WORD`, `CICU_BREAK_SENTENCE`) for `locale`.
/// - Throws: `ICUError` naming `kind` (`word`, `sentence`) when ICU cannot open it.
func openBreakIterator(_ type: Int32, locale: String, kind: String) throws(ICUError) -> UnsafeMutableRawPointer {
    var status: Int32 = 0
    let iterator = cicu_break_open(type, locale, &status)
    try checkICU(status, "opening the \(kind) break iterator for '\(locale)'")
    guard let iterator else {
        throw ICUError(code: 0, name: "U_MEMORY_ALLOCATION_ERROR", operation: "opening the \(kind) break iterator")
    }
    return iterator
}

/// Runs `body` with `iterator` pointed at `buffer`, then detaches it (ICU keeps a pointer
/// to the text, which must not outlive the buffer). Returns nil when ICU refuses the text.
@inline(__always)
func withBreakText<R>(_ iterator: UnsafeMutableRawPointer, _ buffer: UnsafeBufferPointer<UInt16>, _ body: () -> R) -> R? {
    var status: Int32 = 0
    cicu_break_set_text(iterator, buffer.baseAddress, Int32(buffer.count), &status)
    guard status <= 0 else { return nil }
    defer {
        var detach: Int32 = 0
        cicu_break_set_text(iterator, nil, 0, &detach)
    }
    return body()
}
