import ArgumentParser

/// The `shuyu` command: terminology and translation memory for Chinese→English translators.
@main
struct Shuyu: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "shuyu",
        abstract: "Terminology and translation memory for translators of Chinese into English.",
        discussion: """
        Shuyu (术语) reads your translations, where the Chinese original stands in brackets \
        after the English you chose, and turns them into a searchable glossary.

        Exit codes: 0 success; 1 the command worked and found problems or nothing; \
        2 bad input (unreadable, malformed or unsafe input, a path of the wrong kind).
        """,
        version: version,
        subcommands: [Lookup.self, Extract.self, Check.self, GlossaryCommand.self, TranslationMemoryCommand.self, Segment.self]
    )
}
