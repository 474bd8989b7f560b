import ChineseText
import Testing

/// The facts cache's key compares bytes: canonically equivalent spellings, one `String`
/// key, are two of these (an original's facts are its own).
@Suite struct UTF8KeyTests {
    @Test func keysAreTheirBytes() {
        let compatibility = "\u{F9F4}木", unified = "林木"  // U+F9F4 stands for 林
        #expect(compatibility == unified)
        #expect(UTF8Key(compatibility) != UTF8Key(unified))
        #expect(UTF8Key("卷王") == UTF8Key(String("x卷王".dropFirst())))
        var table: [UTF8Key: Int] = [UTF8Key(compatibility): 1, UTF8Key(unified): 2]
        table[UTF8Key("林木")] = 3
        #expect(table.count == 2 && table[UTF8Key(unified)] == 3 && table[UTF8Key(compatibility)] == 1)
    }
}
