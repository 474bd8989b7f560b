import ShuyuTestSupport
@testable import Terminology
import Testing

@Suite struct RenderingKeyTests {
    @Test func caseSpacingAndPluralsAside() {
        #expect(CandidateGlossary.renderingKey("Large Language  Models") == "large language model")
        #expect(CandidateGlossary.renderingKey("policies") == "policy")
        #expect(CandidateGlossary.renderingKey("glass, bus; gas") == "glass bus gas")
        #expect(CandidateGlossary.renderingKey("Café Owners") == "café owner")
        #expect(CandidateGlossary.renderingKey("") == "")
    }

    /// The ASCII path gives the same key as the general one, on many generated strings
    /// of letters, digits, spaces and punctuation (a fixed seed: the same cases every run).
    @Test func asciiPathAgreesWithTheGeneralOne() {
        let alphabet = Array("aAbsSiIeEyYz09 -/;.,()'\t\r\nss ies IES")
        var random = SeededGenerator(seed: 0x5EED)
        for _ in 0..<5_000 {
            let text = random.string(of: alphabet, length: 1...16)
            #expect(CandidateGlossary.asciiRenderingKey(text) == CandidateGlossary.unicodeRenderingKey(text), "\(text.debugDescription)")
        }
    }
}
