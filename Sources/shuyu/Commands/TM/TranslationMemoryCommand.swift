import ArgumentParser

extension Shuyu {
    struct TranslationMemoryCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "tm",
            abstract: "Import, export and search a translation memory.",
            discussion: """
            The memory is an SQLite file: .shuyu/tm.sqlite in the project (the nearest folder \
            upward with Glossaries/ or .shuyu.toml), else in the current folder, or --tm PATH. \
            A team shares one on a PostgreSQL server: --store postgres://user@host:port/db, or \
            store = "postgres://…" in .shuyu.toml. The password comes from PGPASSWORD, PGSERVICE \
            or ~/.pgpass (or the URL), never from the configuration file; TLS is used when the \
            server offers it.
            """,
            subcommands: [Match.self, Concordance.self, Import.self, Export.self]
        )
    }
}

/// The options every `tm` subcommand shares.
struct MemoryOptions: ParsableArguments {
    @Option(name: .customLong("tm"), help: "The memory file (default: .shuyu/tm.sqlite in the project).")
    var path: String?

    @Option(name: .customLong("store"), help: "A shared memory on a PostgreSQL server (postgres://user@host:port/database).")
    var store: String?

    func validate() throws {
        if path != nil && store != nil { throw ValidationError("Give --tm or --store, not both.") }
    }
}
