import ArgumentParser
import Store
import TranslationMemory

extension Shuyu.TranslationMemoryCommand {
    struct Concordance: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "concordance",
            abstract: "Show the stored units that contain a term, on either side.",
            discussion: """
            Chinese terms match anywhere (traditional and full-width forms too); English \
            terms match whole words, ignoring case.

            Examples:
              shuyu tm concordance 大语言模型
              shuyu tm concordance "language model"
            """
        )

        enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

        @OptionGroup var diagnostics: DiagnosticOptions

        @OptionGroup var memory: MemoryOptions

        @Argument(help: "The term.")
        var term: String

        @Option(help: "The most units shown.")
        var limit = 20

        @Option(help: "text or json.")
        var format: Format = .text

        func validate() throws {
            if term.unicodeScalars.allSatisfy(\.properties.isWhitespace) { throw ValidationError("The term is empty.") }
            if limit < 1 { throw ValidationError("--limit must be at least 1.") }
        }

        func run() throws {
            let count = try reportingErrors(verbose: diagnostics.verbose) { () -> Int in
                let store = try MemoryOpening.open(memory, create: false)
                let folding = try store.folding()
                let found = try store.concordance(term, limit: limit, folding: folding)
                let report = MatchReport(folding: folding, color: Console.useColor)
                var out = OutputBuffer()
                defer { out.flush() }
                switch format {
                case .json: out.writeLine("[" + found.map { report.concordanceJSON($0.unit, side: $0.side, term: term) }.joined(separator: ",\n") + "]")
                case .text: for hit in found { out.write(report.concordanceText(hit.unit, side: hit.side, term: term)) }
                }
                if found.isEmpty && format == .text { Console.error("'\(term)' is not in the memory") }
                return found.count
            }
            if count == 0 { throw ExitCode(1) }
        }
    }
}
