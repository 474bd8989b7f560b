import ArgumentParser
import ChineseText
import Store
import Terminology

/// One `shuyu lookup`, however its command line was read: by the argument parser
/// (`Shuyu.Lookup`) or by the quick path for plain command lines (`LookupArguments`).
struct LookupRequest: Equatable {
    var query: String
    var dictionaries: [String] = []
    var context = 0
    var limit = 10
    var format: Shuyu.Lookup.Format = .text
    var store: String?
    var quiet = false
    var verbose = false

    /// Why these values cannot be looked up, or nil when they can.
    static func problem(query: String, context: Int, limit: Int) -> String? {
        if query.unicodeScalars.allSatisfy({ $0.properties.isWhitespace }) { return "the query is empty" }
        if !query.unicodeScalars.contains(where: { $0.properties.isAlphabetic || $0.properties.numericType != nil }) {
            return "the query '\(query)' has no letters, digits or Chinese characters to look up"
        }
        if context < 0 || limit < 1 { return "--context must be 0 or more and --limit at least 1" }
        return nil
    }

    /// Looks the query up and prints the reports.
    /// - Throws: `ExitCode(1)` when nothing was found, `ExitCode(2)` on bad input (reported).
    func run() throws {
        try reportingErrors(verbose: verbose) {
            let index = try IndexOpening.open(dictionaries: dictionaries, store: store, quiet: quiet)
            // Looked up as normalized (`ＡＩ`, `卷 王`); reported as typed.
            let key = TermIndex.Query.normalized(query)
            var reports = try index.lookup(.init(key), limit: limit, contexts: context)
            var simplified: String?
            if key.unicodeScalars.contains(where: { $0.properties.isIdeographic }),
               !reports.contains(where: { $0.match == "exact" || $0.match == "traditional" }) {
                let folded = try MatchKeyMaker().simplified(key)
                if folded != key {
                    simplified = folded
                    reports = try index.lookup(.init(key, simplified: folded), limit: limit, contexts: context)
                }
            }
            var out = OutputBuffer()
            guard !reports.isEmpty else {
                let suggestions = try index.suggestions(key, simplified: simplified)
                if format == .json { out.writeLine("[]") }
                out.flush()
                Console.error("shuyu: nothing found for '\(query)'" + (suggestions.isEmpty ? "" : "; closest: " + suggestions.joined(separator: ", ")))
                throw ExitCode(1)
            }
            switch format {
            case .text: LookupReport.text(reports, color: Console.useColor, into: &out)
            case .json: LookupReport.json(reports, into: &out)
            case .tsv: LookupReport.tsv(reports, into: &out)
            }
            out.flush()
            // Closing the index would dispose of its dispatch queue, which starts a worker
            // thread just to free it; a reader that exits leaves the database as it found it.
            Console.exitWithoutTeardown(0)
        }
    }
}
