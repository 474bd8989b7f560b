@testable import BilingualCorpus
import ShuyuTestSupport
import Testing

/// A line without markup is prose throughout for a masker at rest, so `mask(_:utf8:)` does not
/// scan it: held to its definition and to `mask(_:)`. The palette holds every way a mask
/// begins, and near misses (brackets that open no link or footnote reference).
@Suite struct LineMaskerTests {
    @Test func linesWithoutMarkupAreAllProse() {
        var random = SeededGenerator(seed: 31)
        let pieces = ["plain words ", "see http://example.org/a_(b) ", "WwW.example.org", "a.www", "w.w.w.", "ftp:/x", "Note: ", "://",
                      "`code`", "``", "~~~", "<!-- c -->", "<", "$x$", "$$", "[^1]", "[a](b)", "]", "卷王", "“quoted”", "www", ".",
                      "    ", "https:", "//", "Stepfun [阶跃星辰]", "[", "(", "^", "] (", "[1]", "]]"]
        var plain = 0
        var byBytes = LineMasker(), byScalars = LineMasker()
        for _ in 0..<3_000 {
            let text = (0..<Int.random(in: 0...8, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
            let scalars = Array(text.unicodeScalars)
            var utf8 = Array(text.utf8)
            let mayMask = utf8.withUnsafeMutableBufferPointer { LineMasker.mayMask(UnsafeBufferPointer($0)) }
            let lowered = text.lowercased()
            let expected = text.contains { "<`~$".contains($0) } || text.contains("](") || text.contains("[^") || text.contains("://")
                || lowered.contains("www.")
            #expect(mayMask == expected, "\(text)")
            // Masked both ways in one running sequence (fences, comments and math carry over).
            let masked = utf8.withUnsafeMutableBufferPointer { byBytes.mask(scalars, utf8: UnsafeBufferPointer($0)) }
            #expect(masked == byScalars.mask(scalars), "\(text)")
            #expect(byBytes.lineIsCode == byScalars.lineIsCode && byBytes.isAtRest == byScalars.isAtRest)
            guard !mayMask else { continue }
            plain += 1
            var masker = LineMasker()
            #expect(!masker.mask(scalars).contains(true), "\(text)")
            #expect(!masker.lineIsCode && masker.isAtRest, "\(text)")
        }
        #expect(plain > 100)
    }
}
