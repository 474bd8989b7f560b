import ShuyuTestSupport
import SourceText
import Testing

@Suite struct TextLinesTests {
    @Test(arguments: [
        ("", [String]()),
        ("a", ["a|"]),
        ("a\n", ["a|\n"]),
        ("a\r\nb\rc\n\nd", ["a|\r\n", "b|\r", "c|\n", "|\n", "d|"]),
        ("\r\r\n\n", ["|\r", "|\r\n", "|\n"]),
        ("卷王\r\n", ["卷王|\r\n"]),
    ])
    func linesAndTerminators(_ text: String, _ expected: [String]) {
        var found: [String] = []
        TextLines.forEach(text) { line, terminator in found.append("\(line)|\(terminator)") }
        #expect(found == expected)
    }

    /// Lines and terminators put back together give the text, and no line holds a terminator.
    @Test func generatedTextsRoundTrip() {
        var random = SeededGenerator(seed: 7)
        let pieces = ["a", "卷王", " ", "\n", "\r", "\r\n", "😀", "x\r"]
        for _ in 0..<2_000 {
            let text = (0..<Int.random(in: 0...12, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
            var rebuilt = ""
            TextLines.forEach(text) { line, terminator in
                #expect(!line.utf8.contains(0x0A) && !line.utf8.contains(0x0D))
                #expect(["\n", "\r", "\r\n", ""].contains(terminator))
                rebuilt += line + terminator
            }
            #expect(rebuilt == text)
        }
    }

    /// The byte ranges are the offsets of the lines `forEach` gives, with and without a
    /// carriage return in the text (two ways of finding the ends).
    @Test func byteRangesAreTheLinesOffsets() {
        var random = SeededGenerator(seed: 11)
        let pieces = ["a", "卷王", " ", "\n", "\r", "\r\n", "😀", "x\r", "\n\n"]
        for _ in 0..<2_000 {
            let text = (0..<Int.random(in: 0...12, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
            var expected: [Range<Int>] = []
            TextLines.forEach(text) { line, _ in
                let start = text.utf8.distance(from: text.utf8.startIndex, to: line.startIndex)
                expected.append(start..<(start + line.utf8.count))
            }
            #expect(TextLines.byteRanges(text) == expected, "\(Array(text.utf8))")
        }
    }
}
