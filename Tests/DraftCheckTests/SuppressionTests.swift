@testable import DraftCheck
import ShuyuTestSupport
import SourceText
import Testing

/// Suppression comments are found from the text's bytes, and only their lines are read:
/// the result must be what reading every line in order gives.
@Suite struct SuppressionTests {
    /// Every line read in order, each comment applied after the line itself has taken the
    /// rules in force: the specification the fast reading is held to.
    static func lineByLine(_ raws: [Substring]) -> [Int: Set<String>] {
        var suppressed: [Int: Set<String>] = [:]
        var disabled: Set<String> = []
        var nextLine: Set<String> = []
        for (index, raw) in raws.enumerated() {
            if !disabled.isEmpty || !nextLine.isEmpty {
                suppressed[index + 1] = disabled.union(nextLine)
                nextLine = []
            }
            if let (action, rules) = DraftDocument.suppression(String(raw)) {
                switch action {
                case "shuyu-disable-next-line": nextLine.formUnion(rules)
                case "shuyu-disable": disabled.formUnion(rules)
                default: disabled.subtract(rules)
                }
            }
        }
        return suppressed
    }

    @Test func onlyCommentLinesAreReadWithTheSameResult() {
        var random = SeededGenerator(seed: 1129)
        let kinds = ["Moonshot AI [月之暗面] ships.", "<!-- shuyu-disable-next-line empty-brackets -->", "<!-- shuyu-disable -->",
                     "<!-- shuyu-enable -->", "<!-- shuyu-disable untranslated-chinese, empty-brackets -->",
                     "<!-- shuyu-enable empty-brackets -->", "卷王<!-- shuyu-disable-next-line -->", "<!-- a note -->",
                     "<!-- two --> and <!-- shuyu-disable-next-line mismatched-bracket -->", "<!-<!-- shuyu-disable -->", "",
                     "an empty [] here", "<!-- unclosed"]
        for _ in 0..<300 {
            let count = Int.random(in: 0...12, using: &random)
            let lines = (0..<count).map { _ in kinds.randomElement(using: &random)! }
            let separator = Bool.random(using: &random) ? "\n" : "\r\n"
            let text = lines.joined(separator: separator) + (Bool.random(using: &random) ? separator : "")
            let raws = TextLines.lines(text)
            #expect(DraftDocument.suppressions(TextLines.byteRanges(text), of: text) == Self.lineByLine(raws), "\(lines)")
        }
    }

    @Test func occurrencesAreFoundAsBytes() {
        #expect("a<!--b<!--".byteOffsets(of: "<!--") == [1, 6])
        #expect("卷<!--".byteOffsets(of: "<!--") == [3])
        #expect("<<<".byteOffsets(of: "<<") == [0, 1])
        #expect("no comment".byteOffsets(of: "<!--").isEmpty)
        #expect("".byteOffsets(of: "<").isEmpty)
    }
}
