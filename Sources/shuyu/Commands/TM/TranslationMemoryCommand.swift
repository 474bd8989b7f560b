import ArgumentParser

extension Shuyu {
    struct TranslationMemoryCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "tm",
            abstract: "Import, export and search a translation memory.",
            discussion: """
            The memory is an SQLite file: .shuyu/tm.sqlite in the project (the nearest folder \
            upward with Glossaries/ or .shuyu.toml), else in the current folder, or --tm PATH.
            """,
            subcommands: [Match.self, Concordance.self, Import.self, Export.self]
        )
    }
}

/// The options every `tm` subcommand shares.
struct MemoryOptions: ParsableArguments {
    @Option(name: .customLong("tm"), help: "The memory file (default: .shuyu/tm.sqlite in the project).")
    var path: String?
}
