import ArgumentParser
import ChineseText
import ICUText
import SourceText
import Terminology

extension Shuyu {
    struct Segment: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "segment",
            abstract: "Split Chinese text into words, keeping glossary terms whole.",
            discussion: """
            Writes one line per input line with the words separated by one space \
            (whitespace dropped): the SIGHAN bakeoff format. Known terms from the \
            project's Glossaries/ (found from the current folder upward) are kept whole; \
            ICU's dictionary segments the rest, and numbers with their units, dates and \
            personal names are joined. With no terms at all (--no-glossary alone) the \
            output is ICU's segmentation as it is.

            Examples:
              echo 张祥雨在阶跃星辰做多模态大模型 | shuyu segment
              shuyu segment --no-glossary chapter1.txt
              shuyu segment --no-glossary --glossary words.txt --format json notes.txt

            Columns in JSON output count Unicode scalars from 1; offsets are UTF-8 bytes from 0.
            """
        )

        enum Format: String, ExpressibleByArgument, CaseIterable {
            case text, json
        }

        @OptionGroup var diagnostics: DiagnosticOptions

        @Argument(help: "Files to segment (standard input when none, or '-').")
        var files: [String] = []

        @Option(name: .customLong("glossary"), help: "A glossary TSV or a word list (one word per line) whose terms stay whole. Repeatable.")
        var glossaries: [String] = []

        @Flag(name: .customLong("no-glossary"), help: "Do not use the project's Glossaries/ (files given with --glossary still apply).")
        var noGlossary = false

        @Option(help: "Output format: text (words separated by spaces) or json (tokens with positions and kinds).")
        var format: Format = .text

        @Flag(help: "No progress messages.")
        var quiet = false

        func run() throws {
            try reportingErrors(verbose: diagnostics.verbose) {
                var paths = glossaries
                if !noGlossary, let project = Project.discover() {
                    paths = project.glossaryFiles + paths
                }
                // No terms at all: plain ICU. With terms: glossary-aware, with the
                // conventions for numbers, dates and names.
                let lexicon = GlossaryEvidence(try GlossaryLoading.load(paths)).lexicon
                let segmenter = try LexiconSegmenter(lexicon: lexicon, conventions: lexicon.isEmpty ? .none : .standard)
                var out = OutputBuffer()
                let inputs = files.isEmpty ? ["-"] : files
                var firstJSON = true
                let format = format  // (read once: every read of an option looks up its wrapper's metadata)
                if format == .json { out.write("[") }
                for path in inputs {
                    let input = try InputFiles.read(path)
                    var lineNumber = 0
                    var utf8Offset = 0
                    TextLines.forEach(input.text) { lineText, terminator in
                        let line = String(lineText)
                        let terminatorLength = terminator.utf8.count
                        lineNumber += 1
                        let tokens = segmenter.tokens(in: line).filter { $0.kind != .space }
                        switch format {
                        case .text:
                            out.writeLine(tokens.map { String(line[$0.range]) }.joined(separator: " "))
                        case .json:
                            for token in tokens {
                                let column = line.unicodeScalars[line.startIndex..<token.range.lowerBound].count + 1
                                let offset = utf8Offset + line.utf8.distance(from: line.startIndex, to: token.range.lowerBound)
                                out.write(firstJSON ? "\n" : ",\n")
                                firstJSON = false
                                out.write(JSONText.object([
                                    ("file", JSONText.string(input.name)),
                                    ("line", String(lineNumber)),
                                    ("column", String(column)),
                                    ("offset", String(offset)),
                                    ("text", JSONText.string(String(line[token.range]))),
                                    ("kind", JSONText.string(token.kind.rawValue)),
                                ]))
                            }
                        }
                        utf8Offset += line.utf8.count + terminatorLength
                    }
                }
                if format == .json { out.writeLine(firstJSON ? "]" : "\n]") }
                out.flush()
            }
        }
    }
}
