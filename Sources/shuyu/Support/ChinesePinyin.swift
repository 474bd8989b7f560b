import ChineseText

/// Tone-marked pinyin for new glossary rows.
enum ChinesePinyin {
    static func make() -> (String) -> String {
        let converter = PinyinConverter()
        return { converter.toneMarked($0) }
    }
}
