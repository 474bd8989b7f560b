@testable import BilingualCorpus
import ShuyuTestSupport
import Testing

/// A stretch is counted when asked or from running counts over the line (nested brackets):
/// both ways give the same counts, a word that begins before the stretch included.
@Suite struct LetterCountsTests {
    @Test func countedWhenAskedEqualsRunningCounts() {
        var random = SeededGenerator(seed: 41)
        let pieces = ["Moonshot", " ", "AI", "月之暗面", "[", "]", "é", "x", "—", "1", "卷", "ō"]
        for _ in 0..<500 {
            let line = Array((0..<Int.random(in: 1...16, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined().unicodeScalars)
            let asked = LetterCounts(line, runningCounts: false), running = LetterCounts(line, runningCounts: true)
            for _ in 0..<8 {
                let a = Int.random(in: 0...line.count, using: &random), b = Int.random(in: a...line.count, using: &random)
                #expect(asked.counts(a..<b) == running.counts(a..<b), "\(String(String.UnicodeScalarView(line))) \(a)..<\(b)")
            }
        }
        // In "xAI卷", the stretch "AI卷" holds two letters of a word that began before it: no word start.
        let line = Array("xAI卷".unicodeScalars)
        #expect(LetterCounts(line, runningCounts: false).counts(1..<4) == (latin: 2, words: 0, han: 1))
    }
}
