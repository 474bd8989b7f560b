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

    /// The lexicon of the Chinese terms in `glossaries`.
    static func lexicon(_ glossaries: [Glossary]) -> Lexicon {
        var lexicon = Lexicon()
        for glossary in glossaries {
            for row in glossary.rows { lexicon.insert(row.entry.zh) }
        }
        return lexicon
    }
}
