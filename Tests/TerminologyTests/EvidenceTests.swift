import BilingualCorpus
import ChineseText
import Terminology
import Testing

@Suite struct EvidenceTests {
    @Test func glossaryRenderingsComeFirstApprovedFirst() {
        let glossary = Glossary(rows: [
            .init(entry: TermEntry(zh: "月之暗面", en: "Dark Side of the Moon", status: .forbidden), line: 2),
            .init(entry: TermEntry(zh: "月之暗面", en: "Moonshot AI", status: .approved), line: 3),
        ])
        let evidence = GlossaryEvidence([glossary])
        #expect(evidence.renderings(of: "月之暗面") == ["Moonshot AI", "Dark Side of the Moon"])
        #expect(evidence.isKnownTerm("月之暗面"))
        #expect(evidence.lexicon.contains("月之暗面"))
    }

    @Test func dictionarySensesNarrowTheSpan() throws {
        let cedict = [
            DictionaryEntry(traditional: "保守主義", simplified: "保守主义", pinyin: "bǎo shǒu zhǔ yì", senses: ["conservatism"], line: 1),
            DictionaryEntry(traditional: "長城", simplified: "长城", pinyin: "cháng chéng", senses: ["the Great Wall", "CL:道[dao4]"], line: 2),
        ]
        let evidence = CombinedEvidence(glossary: GlossaryEvidence([]), dictionary: cedict)
        #expect(evidence.renderings(of: "长城") == ["Great Wall"])
        let extractor = try PairExtractor(evidence: evidence)
        let pairs = extractor.extract("born of a kind of intellectual conservatism (保守主义), for", source: "t.md")
        #expect(pairs.map(\.en) == ["conservatism"])
    }

    @Test func candidateGlossaryGroupsAndMarksConflicts() {
        var candidates = CandidateGlossary()
        let location = SourceLocationForTests.origin
        for en in ["Moonshot AI", "moonshot AI", "Dark Side of the Moon"] {
            candidates.add(AlignedPair(zh: "月之暗面", en: en, kind: .bracket, source: "a.md", zhLocation: location,
                                       enLocation: location, confidence: 0.9))
        }
        let term = candidates.allTerms[0]
        #expect(term.renderings.map { "\($0.en)×\($0.count)" } == ["Moonshot AI×2", "Dark Side of the Moon×1"])
        #expect(term.hasConflict)
        #expect(CandidateGlossary.renderingKey("Large Language Models") == CandidateGlossary.renderingKey("large language model"))
    }
}
