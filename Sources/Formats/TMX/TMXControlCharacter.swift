import TranslationMemory

/// How a character XML 1.0 cannot hold travels through a TMX segment without loss.
///
/// XML 1.0 allows no control character other than tab, line feed and carriage return, not
/// even as a reference, and neither U+FFFE nor U+FFFF. In segment text (`<seg>`, `<hi>`,
/// `<sub>`) `TMXWriter` writes each such character as a placeholder code,
/// `<ph type="x-shuyu-control">&amp;#x1B;</ph>`, which other tools show as a code and
/// `TMXReader` reads back as the character. Elsewhere (attributes, `<prop>`, `<note>`, the
/// native code inside `bpt`, `ept`, `it`, `ph` and `ut`) there is no room for a code, and the
/// writer puts U+FFFD in its place.
enum TMXControlCharacter {
    /// The `type` of the placeholder.
    static let type = "x-shuyu-control"

    /// True when XML 1.0 cannot hold `scalar`, even as a reference.
    @inline(__always)
    static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return (value < 0x20 && value != 0x09 && value != 0x0A && value != 0x0D) || value == 0xFFFE || value == 0xFFFF
    }

    /// The native code of the placeholder for `scalar`: `&#x1B;`.
    static func nativeCode(for scalar: Unicode.Scalar) -> String {
        "&#x" + String(scalar.value, radix: 16, uppercase: true) + ";"
    }

    /// The character `code` stands for, when it is a placeholder `TMXWriter` wrote.
    static func decode(_ code: InlineCode) -> Unicode.Scalar? {
        guard code.kind == .placeholder, code.attributes.count == 1, code.attributes[0].name == "type",
              code.attributes[0].value == type, code.content.count == 1, case .text(let native) = code.content[0],
              native.hasPrefix("&#x"), native.hasSuffix(";"), native.utf8.count <= 9,
              let value = UInt32(native.dropFirst(3).dropLast(), radix: 16),
              let scalar = Unicode.Scalar(value), isForbidden(scalar), nativeCode(for: scalar) == native else { return nil }
        return scalar
    }
}
