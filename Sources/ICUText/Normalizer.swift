internal import CICUShim

/// Unicode normalization forms offered by ICU.
public enum NormalizationForm: Sendable {
    /// Compatibility composition: full-width ASCII to ASCII, `（）［］` to `()[]`,
    /// the ideographic space to a space, CJK compatibility ideographs to unified ones.
    case nfkc
    /// NFKC plus case folding.
    case nfkcCaseFold
}

/// `text` in the normalization `form`; the input is never modified.
/// Returns the text unchanged if ICU cannot load its normalization data.
public func normalize(_ text: String, _ form: NormalizationForm) -> String {
    if text.isEmpty { return text }
    let code: Int32 = form == .nfkc ? Int32(CICU_NFKC) : Int32(CICU_NFKC_CASEFOLD)
    let source = Array(text.utf16)
    var status: Int32 = 0
    if cicu_is_normalized(code, source, Int32(source.count), &status) != 0, status <= 0 {
        return text
    }
    var capacity = source.count * 2 + 16
    while true {
        status = 0
        var out = [UInt16](repeating: 0, count: capacity)
        let length = Int(cicu_normalize(code, source, Int32(source.count), &out, Int32(capacity), &status))
        if status == CICU_BUFFER_OVERFLOW_ERROR {
            capacity = length + 16
            continue
        }
        if status > 0 { return text }
        return String(decoding: out.prefix(length), as: UTF16.self)
    }
}
