import ArgumentParser

extension Shuyu {
    struct Lookup: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "lookup",
            abstract: "Look a term up in the glossaries, corpora and dictionaries.",
            discussion: """
            Finds a term by its Chinese (simplified or traditional: 捲王 finds 卷王), by pinyin \
            (juǎn wáng, juan3 wang2, juanwang; initials jw as a weaker match), or by English \
            (whole words and prefixes, case- and plural-insensitive), and terms that contain \
            the query or are contained in it. Shows the approved rendering first, every \
            rendering used with its count and sources, definitions, dictionary senses and \
            related terms.

            The index lives in .shuyu/ in the project folder (the nearest folder upward with \
            Glossaries/ or .shuyu.toml) and is refreshed when a glossary, corpus or dictionary \
            file changes. Dictionaries (CC-CEDICT or glossary TSV) come from --dictionary and \
            from `dictionaries = [...]` in .shuyu.toml.

            Examples:
              shuyu lookup 卷王
              shuyu lookup "involution king" --context 2
              shuyu lookup juanwang --format json
              shuyu lookup 卷 --dictionary cedict_ts.u8

            Exit status: 0 found; 1 nothing found (the closest terms are suggested); 2 bad input.
            """
        )

        enum Format: String, ExpressibleByArgument, CaseIterable {
            case text, json, tsv
        }

        @OptionGroup var diagnostics: DiagnosticOptions

        @Argument(help: "Chinese, pinyin or English.")
        var query: String

        @Option(name: .customLong("dictionary"), help: "A CC-CEDICT file or glossary TSV to use as a reference dictionary. Repeatable.")
        var dictionaries: [String] = []

        @Option(help: "Concordance lines (KWIC) from the corpora per term.")
        var context: Int = 0

        @Option(help: "The most terms to show.")
        var limit: Int = 10

        @Option(help: "Output: text (for people), json or tsv (for scripts).")
        var format: Format = .text

        @Option(help: "Also look in the shared termbase on this PostgreSQL server (default: 'store' in .shuyu.toml).")
        var store: String?

        @Flag(help: "No progress messages.")
        var quiet = false

        func validate() throws {
            if let problem = LookupRequest.problem(query: query, context: context, limit: limit) { throw ValidationError(problem) }
        }

        func run() throws {
            try request.run()
        }

        /// What was asked for, as the quick path (`LookupArguments`) would also give it.
        var request: LookupRequest {
            LookupRequest(query: query, dictionaries: dictionaries, context: context, limit: limit,
                          format: format, store: store, quiet: quiet, verbose: diagnostics.verbose)
        }
    }
}
