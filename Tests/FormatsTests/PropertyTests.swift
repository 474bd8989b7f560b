import Formats
import Foundation
import ShuyuTestSupport
import Terminology
import Testing
import TranslationMemory

/// Round trips over generated input: every text mixes ASCII, CJK (with Extension B),
/// emoji, combining marks, full-width forms, quotes, markup characters, escapes and
/// control characters. Seeded, so a failure repeats; each test prints its seed.
///
/// (x-sheep/swift-property-based would bring swift-syntax and its macros into the
/// build, several minutes on a clean CI machine, for what a seeded generator does here.)
@Suite struct FormatPropertyTests {
    static let seed: UInt64 = 20_261_129
    static let rounds = 300

    @Test func glossaryTSVRoundTrips() throws {
        var random = Random(seed: Self.seed)
        for round in 0..<Self.rounds {
            let entries = (0..<random.int(1...6)).map { _ in random.entry() }
            let text = GlossaryTSVWriter.write(entries)
            let read = try GlossaryTSVReader.read(text, source: "g.tsv").entries
            #expect(read == entries, "round \(round), seed \(Self.seed)")
            if read != entries { break }
        }
    }

    @Test func tbxRoundTrips() throws {
        var random = Random(seed: Self.seed + 1)
        for round in 0..<Self.rounds {
            // TBX carries no control characters (XML 1.0) and one entry per concept.
            let entries = (0..<random.int(1...4)).map { _ in random.entry(controls: false) }
                .reduce(into: [TermEntry]()) { list, entry in if !list.contains(where: { $0.zh == entry.zh }) { list.append(entry) } }
            let text = TBXWriter.write(entries)
            let read = try TBXReader.read(Data(text.utf8), source: "g.tbx").entries
            let expected = entries.map { entry in
                var entry = entry
                entry.pinyin = ""  // TBX-Basic has no pinyin field
                entry.source = ""
                return entry
            }
            #expect(read.map(\.zh) == expected.map(\.zh), "round \(round), seed \(Self.seed + 1)")
            #expect(read.map(\.en) == expected.map(\.en), "round \(round)")
            #expect(read.map(\.definition) == expected.map(\.definition), "round \(round)")
            #expect(read.map(\.note) == expected.map(\.note), "round \(round)")
            if read.map(\.zh) != expected.map(\.zh) { break }
        }
    }

    @Test func tmxRoundTrips() throws {
        var random = Random(seed: Self.seed + 2)
        for round in 0..<Self.rounds {
            let units = (0..<random.int(1...4)).map { _ in
                TranslationUnit(id: random.bool() ? random.text(1...8, controls: false) : nil, variants: [
                    TranslationVariant(language: LanguageTag("zh-CN"), segment: random.segment()),
                    TranslationVariant(language: LanguageTag("en"), segment: random.segment()),
                ], metadata: UnitMetadata(properties: random.bool() ? [Property(type: "x-note", value: random.text(1...10, controls: false))] : [],
                                          notes: random.bool() ? [random.text(1...10, controls: false)] : []))
            }
            let text = TMXWriter.write(units, sourceLanguage: LanguageTag("zh-CN"), toolVersion: "test")
            let read = try TMXReader.read(bytes: Array(text.utf8), source: "m.tmx").units
            #expect(read.map(\.variants) == units.map(\.variants), "round \(round), seed \(Self.seed + 2)")
            #expect(read.map(\.metadata) == units.map(\.metadata))
            if read.map(\.variants) != units.map(\.variants) { break }
        }
    }
}

/// Generated texts that stress encodings.
struct Random {
    private var generator: SeededGenerator

    init(seed: UInt64) { generator = SeededGenerator(seed: seed) }

    mutating func next() -> UInt64 { generator.next() }
    mutating func int(_ range: ClosedRange<Int>) -> Int { generator.int(range) }
    mutating func bool() -> Bool { generator.bool() }

    /// Pieces texts are made of.
    static let pieces: [String] = [
        "卷王", "内卷", "大语言模型", "𠀀", "𪚥", "😀", "👩‍💻", "e\u{301}", "\u{308}", "ＡＩ", "（", "）", "【", "】",
        "a", "Z", "Involution", "King", " ", "\"", "'", ",", ";", "&", "<", ">", "&amp;", "]]>", "\\", "\\t", "#", "=",
        "\u{3000}", "\u{200B}", "\u{FEFF}", "ß", "İ", "ﬁ", "١٢", "Ω",
    ]
    static let controls: [String] = ["\t", "\n", "\r\n", "\r", "\u{1}", "\u{1B}", "\u{7F}"]

    mutating func text(_ length: ClosedRange<Int>, controls: Bool = true) -> String {
        var text = ""
        for _ in 0..<int(length) {
            if controls && next() % 8 == 0 {
                text += Self.controls[int(0...(Self.controls.count - 1))]
            } else {
                text += Self.pieces[int(0...(Self.pieces.count - 1))]
            }
        }
        return text
    }

    /// A text that does not start or end with white space (readers trim fields).
    mutating func field(controls: Bool = true) -> String {
        var text = self.text(1...8, controls: controls)
        while let first = text.unicodeScalars.first, first.properties.isWhitespace || first.properties.generalCategory == .control || first == "\u{FEFF}" {
            text.unicodeScalars.removeFirst()
        }
        while let last = text.unicodeScalars.last, last.properties.isWhitespace || last.properties.generalCategory == .control {
            text.unicodeScalars.removeLast()
        }
        return text.isEmpty ? "术语" : text
    }

    mutating func entry(controls: Bool = true) -> TermEntry {
        TermEntry(zh: field(controls: controls), en: field(controls: controls), pinyin: bool() ? "juǎn wáng" : "",
                  status: [TermStatus.approved, .candidate, .deprecated, .forbidden][int(0...3)],
                  definition: bool() ? field(controls: controls) : "", note: bool() ? field(controls: controls) : "")
    }

    mutating func segment() -> Segment {
        var parts: [Segment.Part] = []
        for _ in 0..<int(1...5) {
            switch int(0...3) {
            case 0:
                parts.append(.code(InlineCode(kind: .placeholder, attributes: [Attribute(name: "x", value: "\(int(1...9))")],
                                              content: [.text(text(1...3, controls: false))])))
            case 1:
                parts.append(.code(InlineCode(kind: .highlight, content: [.text(text(1...3))])))
            default:
                parts.append(.text(text(1...6)))
            }
        }
        // Adjacent text runs read back as one.
        var merged: [Segment.Part] = []
        for part in parts {
            if case .text(let b) = part, case .text(let a)? = merged.last { merged[merged.count - 1] = .text(a + b) } else { merged.append(part) }
        }
        return Segment(parts: merged)
    }
}
