@testable import BilingualCorpus
import ShuyuTestSupport
import Testing

/// Lines are decoded and scanned for Han, digits and brackets in one pass, eight ASCII bytes
/// at a time: held to the scalars' own classes.
@Suite struct ScannedLineTests {
    @Test func flagsAreTheScalarsClasses() {
        var random = SeededGenerator(seed: 30)
        let pieces = ["a", "Zhipu AI ", "7", "(", ")", "[", "]", "（", "］", "【", "智谱", "卷王", "²", "⁴", "８", "“", "—", "😀", "é",
                      "                ", "plain English words "]
        for _ in 0..<3_000 {
            let text = (0..<Int.random(in: 0...14, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
            let scalars = Array(text.unicodeScalars)
            var utf8 = Array(text.utf8)
            let scanned = utf8.withUnsafeMutableBufferPointer { ScannedLine(validUTF8: UnsafeBufferPointer($0)) }
            #expect(scanned.scalars == scalars)
            #expect(scanned.hasHan == scalars.contains(where: CharacterClass.isHan), "\(text)")
            #expect(scanned.hasDigit == scalars.contains { CharacterClass.isDigit($0) || CharacterClass.superscriptDigit($0) != nil }, "\(text)")
            #expect(scanned.mayHaveBracket == scalars.contains(where: Brackets.mayBeBracket), "\(text)")
        }
    }

    /// Every ASCII byte at every position of a word, among letters.
    @Test func wordTestsFindEveryByteAtEveryPosition() {
        for position in 0..<8 {
            for byte in UInt8(0)..<0x80 {
                var bytes = [UInt8](repeating: UInt8(ascii: "a"), count: 8)
                bytes[position] = byte
                let word = bytes.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
                #expect(ScannedLine.holdsDigit(word) == (byte >= 0x30 && byte <= 0x39))
                #expect(ScannedLine.holdsBracket(word) == [0x28, 0x29, 0x5B, 0x5D].contains(byte))
                #expect(ScannedLine.holdsByte(word, 0x5D) == (byte == 0x5D))
            }
        }
        // A zero byte next to the one sought does not make it found twice, nor a borrow a false one.
        #expect(!ScannedLine.holdsByte(0x0001_0000_0000_0100, 0x5D))
        #expect(ScannedLine.holdsByte(0x005D_0000_0000_0000, 0x5D))
    }
}
