/// A language code as TMX and TBX files write it (`ZH-CN`, `zh-cn`, `zh_Hans`,
/// `en-us`), kept as written and compared case-insensitively by its subtags.
public struct LanguageTag: Hashable, Sendable, CustomStringConvertible {
    /// The code as it appeared in the file.
    public let written: String
    /// Lower-case subtags, `_` read as `-`: `zh-cn` → `["zh", "cn"]`.
    public let subtags: [String]

    /// Reads `code`.
    public init(_ code: String) {
        written = code
        subtags = code.lowercased().split(whereSeparator: { $0 == "-" || $0 == "_" }).map(String.init)
    }

    /// The primary language: `zh` for `zh-Hant-TW`, empty for an empty code.
    public var primary: String { subtags.first ?? "" }

    /// True for Chinese in any script or region (`zh`, `zh-CN`, `zh-Hans`, `zh-TW`, `cmn`).
    public var isChinese: Bool { primary == "zh" || primary == "cmn" || primary == "chi" || primary == "zho" }

    /// True for English in any region.
    public var isEnglish: Bool { primary == "en" || primary == "eng" }

    /// The canonical spelling: lower-case language, upper-case region, title-case script
    /// (`ZH-CN` → `zh-CN`, `zh-hans` → `zh-Hans`).
    public var canonical: String {
        guard let first = subtags.first else { return "" }
        var parts = [first]
        for subtag in subtags.dropFirst() {
            switch subtag.count {
            case 2: parts.append(subtag.uppercased())
            case 4: parts.append(subtag.prefix(1).uppercased() + subtag.dropFirst())
            default: parts.append(subtag)
            }
        }
        return parts.joined(separator: "-")
    }

    /// True when `self` is `other` or a more specific form of it: `zh-CN` matches `zh`
    /// and `ZH-cn`; `zh` does not match `zh-CN`; `*all*` never matches.
    public func matches(_ other: LanguageTag) -> Bool {
        !other.subtags.isEmpty && subtags.starts(with: other.subtags)
    }

    public var description: String { canonical }

    public static func == (lhs: LanguageTag, rhs: LanguageTag) -> Bool { lhs.subtags == rhs.subtags }
    public func hash(into hasher: inout Hasher) { hasher.combine(subtags) }
}

extension LanguageTag: Codable {
    public init(from decoder: any Decoder) throws {
        self.init(try decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(written)
    }
}
