import Formats
import Foundation
import PropertyBased
import Terminology
import Testing
import TranslationMemory

/// Round trips over generated input (swift-property-based): every text mixes ASCII, CJK
/// (with Extension B), emoji, combining marks, full-width forms, zero-width and
/// ideographic spaces, a BOM, quotes, markup characters, escapes and control
/// characters. A failure prints its seed and the shrunk input.
@Suite struct FormatPropertyTests {
    static let pieces: [String] = [
        "卷王", "内卷", "大语言模型", "𠀀", "𪚥", "😀", "👩‍💻", "e\u{301}", "\u{308}", "ＡＩ", "（", "）", "【", "】",
        "a", "Z", "Involution", "King", " ", "\"", "'", ",", ";", "&", "<", ">", "&amp;", "]]>", "\\", "\\t", "#", "=",
        "\u{3000}", "\u{200B}", "\u{FEFF}", "ß", "İ", "ﬁ", "١٢", "Ω",
    ]
    static let controls: [String] = ["\t", "\n", "\r\n", "\r", "\u{1}", "\u{1B}", "\u{7F}"]

    /// Texts of 1 to 8 pieces, with control characters or without.
    static let withControls = pieces + pieces + controls
    static let textWithControls = Gen.int(in: 0...(withControls.count - 1)).map { withControls[$0] }.array(of: 1...8).map { $0.joined() }
    static let plainText = Gen.int(in: 0...(pieces.count - 1)).map { pieces[$0] }.array(of: 1...8).map { $0.joined() }
    static let shortPlainText = Gen.int(in: 0...(pieces.count - 1)).map { pieces[$0] }.array(of: 1...3).map { $0.joined() }

    /// A field as readers keep it: no white space or control character at either end.
    @Sendable static func trimmed(_ text: String) -> String {
        var scalars = Substring(text).unicodeScalars[...]
        while let first = scalars.first, first.properties.isWhitespace || first.properties.generalCategory == .control || first == "\u{FEFF}" {
            scalars.removeFirst()
        }
        while let last = scalars.last, last.properties.isWhitespace || last.properties.generalCategory == .control { scalars.removeLast() }
        return scalars.isEmpty ? "术语" : String(scalars)
    }

    static let fieldWithControls = textWithControls.map(trimmed)
    static let plainField = plainText.map(trimmed)

    @Sendable static func entry(_ zh: String, _ en: String, _ pinyin: Bool, _ status: Int, _ definition: String?, _ note: String?) -> TermEntry {
        TermEntry(zh: zh, en: en, pinyin: pinyin ? "juǎn wáng" : "", status: TermStatus.allCases[status],
                  definition: definition ?? "", note: note ?? "")
    }

    static let entryWithControls = zip(fieldWithControls, fieldWithControls, Gen.bool, Gen.int(in: 0...(TermStatus.allCases.count - 1)),
                                       fieldWithControls.optional(valueRate: 0.5), fieldWithControls.optional(valueRate: 0.5)).map(entry)
    static let plainEntry = zip(plainField, plainField, Gen.bool, Gen.int(in: 0...(TermStatus.allCases.count - 1)),
                                plainField.optional(valueRate: 0.5), plainField.optional(valueRate: 0.5)).map(entry)

    @Test func glossaryTSVRoundTrips() async {
        await propertyCheck(count: 300, input: Self.entryWithControls.array(of: 1...6)) { entries in
            let text = GlossaryTSVWriter.write(entries)
            let read = try GlossaryTSVReader.read(text, source: "g.tsv").entries
            #expect(read == entries)
        }
    }

    @Test func tbxRoundTrips() async {
        // TBX carries no control characters (XML 1.0), no pinyin field, and one concept per Chinese term.
        await propertyCheck(count: 300, input: Self.plainEntry.array(of: 1...4)) { generated in
            var entries: [TermEntry] = []
            for entry in generated where !entries.contains(where: { $0.zh == entry.zh }) { entries.append(entry) }
            let read = try TBXReader.read(Data(TBXWriter.write(entries).utf8), source: "g.tbx").entries
            #expect(read.map(\.zh) == entries.map(\.zh))
            #expect(read.map(\.en) == entries.map(\.en))
            #expect(read.map(\.status) == entries.map(\.status))
            #expect(read.map(\.definition) == entries.map(\.definition))
            #expect(read.map(\.note) == entries.map(\.note))
        }
    }

    static let segment = zip(
        Gen.int(in: 0...3).array(of: 1...5),
        textWithControls.array(of: 5),
        shortPlainText.array(of: 5),
        Gen.int(in: 1...9).array(of: 5)
    ).map { kinds, texts, codes, numbers in
        var parts: [Segment.Part] = []
        for (index, kind) in kinds.enumerated() {
            switch kind {
            case 0:
                parts.append(.code(InlineCode(kind: .placeholder, attributes: [Attribute(name: "x", value: "\(numbers[index])")],
                                              content: [.text(codes[index])])))
            case 1:
                parts.append(.code(InlineCode(kind: .highlight, content: [.text(texts[index])])))
            default:
                // Adjacent text runs read back as one.
                if case .text(let before)? = parts.last { parts[parts.count - 1] = .text(before + texts[index]) } else { parts.append(.text(texts[index])) }
            }
        }
        return Segment(parts: parts)
    }

    @Test func tmxRoundTrips() async {
        let unit = zip(Self.segment, Self.segment, Self.plainField.optional(valueRate: 0.5),
                       Self.plainField.optional(valueRate: 0.5)).map { zh, en, note, property in
            TranslationUnit(variants: [TranslationVariant(language: LanguageTag("zh-CN"), segment: zh),
                                       TranslationVariant(language: LanguageTag("en"), segment: en)],
                            metadata: UnitMetadata(properties: property.map { [Property(type: "x-note", value: $0)] } ?? [],
                                                   notes: note.map { [$0] } ?? []))
        }
        await propertyCheck(count: 300, input: unit.array(of: 1...4)) { units in
            let text = TMXWriter.write(units, sourceLanguage: LanguageTag("zh-CN"), toolVersion: "test")
            let read = try TMXReader.read(bytes: Array(text.utf8), source: "m.tmx").units
            #expect(read.map(\.variants) == units.map(\.variants))
            #expect(read.map(\.metadata) == units.map(\.metadata))
        }
    }
}
