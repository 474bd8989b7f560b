import ArgumentParser
import Foundation
import ICUText
import SourceText
import Store
import TranslationMemory

extension Shuyu.TranslationMemoryCommand {
    struct Match: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "match",
            abstract: "Find how similar sentences were translated before.",
            discussion: """
            Scores run from 0 to 100: similarity of characters (Chinese) or words (English) \
            after folding width, case and traditional forms; 2 points off per differing \
            number, 1 per differing inline code; 100 only for an identical source. The stored \
            source is shown with the differences marked: [-text the query lacks-] and \
            {+text only the query has+}. A query in Chinese is matched on the Chinese side, \
            anything else on the other side, unless --from says otherwise.

            With --file, every sentence of the document (ICU sentence breaks) is matched and \
            an analysis by match band follows, as CAT tools give it.

            Exit status: 0 when something matched, 1 when nothing did, 2 for bad input.

            Examples:
              shuyu tm match "大语言模型正在改变翻译行业。"
              shuyu tm match --min 85 --format json "Large language models are changing translation."
              shuyu tm match --file draft.zh.txt
            """
        )

        enum Side: String, ExpressibleByArgument, CaseIterable { case zh, en }
        enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

        @OptionGroup var diagnostics: DiagnosticOptions

        @OptionGroup var memory: MemoryOptions

        @Argument(help: "The sentence to match.")
        var text: String?

        @Option(help: "Match every sentence of this file instead.")
        var file: String?

        @Option(help: "The lowest score shown (50–100).")
        var min = 75

        @Option(help: "Matches shown per sentence (default: 5, or 1 with --file).")
        var limit: Int?

        @Option(help: "The query's language: zh or en (default: detected).")
        var from: Side?

        @Option(help: "text or json.")
        var format: Format = .text

        func validate() throws {
            if (text == nil) == (file == nil) { throw ValidationError("Give a sentence, or --file FILE (not both).") }
            if let text, text.unicodeScalars.allSatisfy(\.properties.isWhitespace) { throw ValidationError("The sentence is empty.") }
            if !(FuzzySearch.lowestMinimum...100).contains(min) {
                throw ValidationError("--min must be between \(FuzzySearch.lowestMinimum) and 100; below \(FuzzySearch.lowestMinimum) nearly every sentence would match.")
            }
            if let limit, limit < 1 { throw ValidationError("--limit must be at least 1.") }
        }

        func run() throws {
            let found = try reportingErrors(verbose: diagnostics.verbose) { () -> Bool in
                let store = try MemoryOpening.open(memory, create: false)
                let folding = try store.folding()
                let side = from.map { $0 == .zh ? MemorySide.chinese : MemorySide.other }
                var out = OutputBuffer()
                defer { out.flush() }
                if let text {
                    let (matches, statistics) = try store.match(text, side: side, minimum: min, limit: limit ?? 5, folding: folding)
                    if diagnostics.verbose {
                        Console.error("search: \(statistics.items) index items, \(statistics.listsRead) lists read (\(statistics.entriesRead) entries), "
                            + "\(statistics.candidates) candidates, \(statistics.scored) scored exactly")
                    }
                    let report = MatchReport(folding: folding, color: Console.useColor)
                    switch format {
                    case .json: out.writeLine("[" + matches.map { report.json($0, query: text) }.joined(separator: ",\n") + "]")
                    case .text:
                        for match in matches { out.write(report.text(match, query: text, indent: "")) }
                        if matches.isEmpty { Console.error("no match at \(min) or above") }
                    }
                    return !matches.isEmpty
                }
                let sentences = try DocumentSentences.read(file!)
                var analysis = MatchAnalysis()
                let report = MatchReport(folding: folding, color: Console.useColor)
                var jsonSegments: [String] = []
                for sentence in sentences {
                    let matches = try store.match(sentence.text, side: side, minimum: min, limit: limit ?? 1, folding: folding).matches
                    let size = MatchTokens(sentence.text, folding: folding).count
                    analysis.add(best: matches.first?.score.score, size: size)
                    switch format {
                    case .json:
                        jsonSegments.append(JSONText.object([
                            ("file", JSONText.string(file!)), ("line", "\(sentence.line)"), ("column", "\(sentence.column)"),
                            ("text", JSONText.string(sentence.text)),
                            ("matches", "[" + matches.map { report.json($0, query: sentence.text) }.joined(separator: ",") + "]"),
                        ]))
                    case .text:
                        out.writeLine("\(file!):\(sentence.line):\(sentence.column)  \(sentence.text)")
                        for match in matches { out.write(report.text(match, query: sentence.text, indent: "  ")) }
                        if matches.isEmpty { out.writeLine("  no match") }
                    }
                }
                switch format {
                case .json:
                    out.writeLine(JSONText.object([("segments", "[" + jsonSegments.joined(separator: ",\n") + "]"), ("analysis", analysis.json)]))
                case .text:
                    out.writeLine("")
                    out.write(analysis.table)
                }
                return analysis.matchedSegments > 0
            }
            if !found { throw ExitCode(1) }
        }
    }
}

/// The sentences of a document, with where each starts.
enum DocumentSentences {
    struct Sentence {
        var text: String
        var line: Int
        var column: Int
    }

    static func read(_ path: String) throws -> [Sentence] {
        let input = try InputFiles.read(path)
        let segmenter = try SentenceSegmenter(locale: "zh")
        var sentences: [Sentence] = []
        for (index, line) in TextLines.lines(input.text).enumerated() {
            let text = String(line)
            for range in segmenter.sentences(in: text) {
                let sentence = text[range].trimmingSpaces()
                guard !sentence.isEmpty else { continue }
                let leading = text[range].prefix { $0 == " " || $0 == "\t" || $0 == "\u{3000}" }.unicodeScalars.count
                let column = text.unicodeScalars[text.startIndex..<range.lowerBound].count + leading + 1
                sentences.append(Sentence(text: sentence, line: index + 1, column: column))
            }
        }
        return sentences
    }
}

