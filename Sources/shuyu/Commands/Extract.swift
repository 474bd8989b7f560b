import ArgumentParser
import BilingualCorpus
import ChineseText
import Formats
import Foundation
import SourceText
import Terminology

extension Shuyu {
    struct Extract: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "extract",
            abstract: "Find Chinese originals and the English they translate, and list them as a glossary.",
            discussion: """
            Reads plain text and Markdown (UTF-8; a BOM and CRLF are fine): English with the \
            original in brackets (Stepfun [阶跃星辰], AI Era[新智元], （平台）, 【智谱】), unbracketed \
            originals (Qian Mu 钱穆, Studies/中国政治学), Chinese with English in parentheses \
            (深度求索（DeepSeek）), footnote markers linked to definitions (Involution King1 … \
            卷王: …), and parallel sources (NAME.zh.txt with NAME.en.txt, TSV with zh/en columns, \
            TMX translation memories). Folders are searched for .md, .markdown, .txt, .tsv and \
            .tmx files.

            Examples:
              shuyu extract Corpora/
              shuyu extract --format json draft.md
              shuyu extract --merge-into Glossaries/candidates.tsv translations/
              shuyu extract --merge-into postgres://ana@termserver/team translations/
              cat part-0001.txt | shuyu extract --format jsonl -

            Columns count Unicode scalars from 1.
            """
        )

        enum Format: String, ExpressibleByArgument, CaseIterable {
            case text, tsv, json, jsonl
        }

        @OptionGroup var diagnostics: DiagnosticOptions

        @Argument(help: "Files or folders to read ('-' for standard input).")
        var paths: [String]

        @Option(help: "Output: text (grouped by term, for people), tsv (grouped by term), json (every pair), jsonl (one pair per line).")
        var format: Format = .text

        @Option(name: .customLong("glossary"), help: "A glossary whose renderings help choose the English span. Repeatable.")
        var glossaries: [String] = []

        @Flag(name: .customLong("no-glossary"), help: "Do not use the project's Glossaries/ as evidence.")
        var noGlossary = false

        @Option(name: .customLong("dictionary"), help: "A CC-CEDICT file whose senses help choose the English span. Repeatable; also `dictionaries` in .shuyu.toml.")
        var dictionaries: [String] = []

        @Option(name: .customLong("min-confidence"), help: "Only pairs with at least this confidence (0 to 1).")
        var minConfidence: Double = 0

        @Option(name: .customLong("merge-into"), help: "Add new pairs as candidates to this glossary TSV (written atomically; existing rows and comments are kept byte for byte), or to the shared termbase at a postgres:// URL.")
        var mergeInto: String?

        @Flag(help: "No progress messages.")
        var quiet = false

        func validate() throws {
            guard (0...1).contains(minConfidence) else { throw ValidationError("--min-confidence must be between 0 and 1") }
        }

        func run() throws {
            try reportingErrors(verbose: diagnostics.verbose) {
                let project = noGlossary ? nil : Project.discover()
                var glossaryPaths = glossaries
                var dictionaryPaths = dictionaries
                if let project {
                    glossaryPaths = project.glossaryFiles + glossaryPaths
                    dictionaryPaths = try ProjectConfig.load(in: project.root).paths("dictionaries") + dictionaryPaths
                }
                let loaded = try GlossaryLoading.load(glossaryPaths)
                let pinyin = GlossaryLoading.pinyin(for: loaded)
                var entries: [DictionaryEntry] = []
                for path in dictionaryPaths {
                    entries += try CEDICTReader.read(try InputFiles.read(path).text, source: path)
                }
                let extractor = try GlossaryLoading.extractor(for: loaded, dictionary: entries, pinyin: pinyin)
                let documents = try CorpusFiles.documents(paths)
                var progress = Progress(quiet: quiet)
                var out = OutputBuffer()
                var candidates = CandidateGlossary()
                // (Read once: an option's wrapper costs a metadata lookup on every read, and
                // these are read for every pair.)
                let format = format, minConfidence = minConfidence
                if format == .json { out.write("[") }
                var first = true
                let needsCandidates = format == .text || format == .tsv || mergeInto != nil
                for (index, document) in documents.enumerated() {
                    progress.update("extract: \(index + 1)/\(documents.count) \(document.displayName)")
                    try CorpusFiles.forEachPair(in: document, extractor: extractor) { pair in
                        guard pair.confidence >= minConfidence else { return }
                        if needsCandidates { candidates.add(pair) }
                        switch format {
                        case .json:
                            out.write { bytes in
                                if !first { bytes.append(0x2C) }  // ,
                                bytes.append(0x0A)
                                PairJSON.append(pair, to: &bytes)
                            }
                        case .jsonl:
                            out.write { bytes in
                                PairJSON.append(pair, to: &bytes)
                                bytes.append(0x0A)
                            }
                        default:
                            break
                        }
                        first = false
                    }
                }
                progress.finish()
                switch format {
                case .json: out.writeLine(first ? "]" : "\n]")
                case .jsonl: break
                case .text: CandidateReport.text(candidates, pinyin: pinyin, color: Console.useColor, into: &out)
                case .tsv: CandidateReport.tsv(candidates, pinyin: pinyin, into: &out)
                }
                out.flush()
                if let mergeInto {
                    let report = try GlossaryMerging.merge(candidates, into: mergeInto, pinyin: pinyin)
                    Console.error(report)
                }
            }
        }
    }
}
