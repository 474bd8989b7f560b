import ArgumentParser
import Foundation

/// The `shuyu` command: terminology and translation memory for Chinese→English translators.
@main
struct Shuyu: ParsableCommand {
    static let version = "0.1.0"

    // Every command names itself: the parser's default, derived from the type's name by
    // reflection, cost about 0.3 ms per command at every start-up.
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

    /// Runs the command. A usage error (a missing argument, an unknown option or value)
    /// exits with 2, as bad input does, rather than the parser's 64, so that scripts
    /// need to know one code.
    ///
    /// Plain `lookup` and `check` command lines skip the argument parser (see
    /// `LookupArguments`, `CheckArguments`).
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        let quick: (() throws -> Void)? = LookupArguments.request(arguments).map { request in { try request.run() } }
            ?? CheckArguments.request(arguments).map { request in { try request.run() } }
        if let quick {
            do {
                try quick()
            } catch let code as ExitCode {
                Foundation.exit(code.rawValue)
            } catch {
                exit(withError: error)
            }
            return
        }
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            guard exitCode(for: error) == .validationFailure else { exit(withError: error) }
            FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
            Foundation.exit(2)
        }
    }
}
