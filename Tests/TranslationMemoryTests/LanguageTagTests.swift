import Testing
import TranslationMemory

@Suite struct LanguageTagTests {
    @Test func comparesCaseInsensitivelyBySubtag() {
        #expect(LanguageTag("ZH-CN") == LanguageTag("zh-cn"))
        #expect(LanguageTag("zh_CN") == LanguageTag("zh-CN"))
        #expect(LanguageTag("ZH-CN").canonical == "zh-CN")
        #expect(LanguageTag("zh-hans").canonical == "zh-Hans")
        #expect(LanguageTag("zh-TW").matches(LanguageTag("zh")))
        #expect(!LanguageTag("zh").matches(LanguageTag("zh-TW")))
        #expect(LanguageTag("ZH-TW").isChinese && LanguageTag("EN-US").isEnglish)
    }

    @Test func segmentsShowCodesAsNumberedMarkers() {
        let segment = Segment(parts: [
            .text("Click "),
            .code(InlineCode(kind: .begin, attributes: [Attribute(name: "i", value: "1")], content: [.text("<b>")])),
            .text("Save"),
            .code(InlineCode(kind: .end, attributes: [Attribute(name: "i", value: "1")], content: [.text("</b>")])),
            .code(InlineCode(kind: .placeholder, content: [.text("<br/>")])),
            .code(InlineCode(kind: .highlight, content: [.text(" now")])),
        ])
        #expect(segment.displayText == "Click {1}Save{/1}{2/} now")
        #expect(segment.plainText == "Click \u{FFFC}Save\u{FFFC}\u{FFFC} now")
        #expect(segment.hasCodes)
        #expect(!Segment("plain").hasCodes)
    }
}
