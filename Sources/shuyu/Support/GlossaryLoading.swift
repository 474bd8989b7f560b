import BilingualCorpus
import ChineseText
import Formats
import Terminology

enum GlossaryLoading {
    /// Reads glossary files (TSV or plain word lists).
    static func load(_ paths: [String]) throws -> [Glossary] {
        try paths.map { path in
            let input = try InputFiles.read(path)
            return try GlossaryTSVReader.read(input.text, source: input.name)
        }
    }

    /// A pinyin converter that knows the word readings of `glossaries`.
    static func pinyin(for glossaries: [Glossary]) -> PinyinConverter {
        let pinyin = PinyinConverter()
        GlossaryEvidence.addReadings(from: glossaries, to: pinyin)
        return pinyin
    }

    /// An extractor that keeps the glossaries' terms whole and uses their renderings as
    /// evidence, then the senses of `dictionary` entries.
    static func extractor(for glossaries: [Glossary], dictionary: [DictionaryEntry] = [],
                          pinyin: PinyinConverter) throws -> PairExtractor {
        let glossaryEvidence = GlossaryEvidence(glossaries)
        let evidence = CombinedEvidence(glossary: glossaryEvidence, dictionary: dictionary)
        return try PairExtractor(evidence: evidence, lexicon: glossaryEvidence.lexicon, pinyin: pinyin)
    }
}
