internal import CICU

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
    var status = U_ZERO_ERROR
    let normalizer: OpaquePointer? = switch form {
    case .nfkc: unorm2_getNFKCInstance(&status)
    case .nfkcCaseFold: unorm2_getNFKCCasefoldInstance(&status)
    }
    guard status.rawValue <= 0, let normalizer else { return text }
    let source = Array(text.utf16)
    if unorm2_isNormalized(normalizer, source, Int32(source.count), &status) != 0, status.rawValue <= 0 {
        return text
    }
    var capacity = source.count * 2 + 16
    while true {
        status = U_ZERO_ERROR
        var out = [UInt16](repeating: 0, count: capacity)
        let length = Int(unorm2_normalize(normalizer, source, Int32(source.count), &out, Int32(capacity), &status))
        if status == U_BUFFER_OVERFLOW_ERROR {
            capacity = length + 16
            continue
        }
        if status.rawValue > 0 { return text }
        return String(decoding: out.prefix(length), as: UTF16.self)
    }
}
