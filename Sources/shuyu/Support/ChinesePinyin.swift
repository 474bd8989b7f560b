import ChineseText

/// Tone-marked pinyin for new glossary rows, opened once.
enum ChinesePinyin {
    static func make() throws -> (String) -> String {
        let converter = try PinyinConverter()
        return { converter.toneMarked($0) }
    }
}
