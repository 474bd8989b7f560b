import ArgumentParser
import DraftCheck
import Reporting

extension Shuyu {
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "check",
            abstract: "Check drafts for bracket slips and terminology problems.",
            discussion: """
            Rules: \(RuleRegistry.all.map { $0.description.identifier }.joined(separator: ", ")).

            Text output is `path:line:column: severity: message [rule-id]` with the source line \
            and a caret under the span; columns count Unicode scalars from 1 (as in JSON, SARIF \
            and GitHub output). Suppress a finding with `<!-- shuyu-disable-next-line RULE -->` \
            on the line before, or `<!-- shuyu-disable RULE -->` … `<!-- shuyu-enable RULE -->`. \
            In .shuyu.toml: `[check]` with `disable = ["rule-id"]`, `enable = ["repeated-original"]` \
            (rules that are off by default) and `spacing = "majority" | "always" | "never"`; \
            `[check.severity]` with `rule-id = "error" | "warning" | "info"`.

            Exit status (every format): 0 nothing at or above the failing level (errors; \
            warnings too with --strict); 1 findings at or above it; 2 usage or input error.

            Examples:
              shuyu check draft.md
              shuyu check --strict --format github drafts/
              cat draft.md | shuyu check -
            """
        )

        @OptionGroup var diagnostics: DiagnosticOptions

        @Argument(help: "Files or folders to check ('-' for standard input).")
        var paths: [String]

        @Option(help: "Output: text, json, sarif (SARIF 2.1.0) or github (workflow annotations).")
        var format: ReporterKindArgument = .text

        @Flag(help: "Fail (exit 1) on warnings as well as errors.")
        var strict = false

        @Option(name: .customLong("glossary"), help: "A glossary whose approved and forbidden renderings are checked. Repeatable.")
        var glossaries: [String] = []

        @Flag(name: .customLong("no-glossary"), help: "Do not use the project's Glossaries/.")
        var noGlossary = false

        @Option(name: .customLong("disable"), help: "Switch a rule off. Repeatable.")
        var disabled: [String] = []

        @Option(name: .customLong("enable"), help: "Switch on a rule that is off by default (repeated-original). Repeatable.")
        var enabled: [String] = []

        @Option(help: "Spacing before originals: majority (follow each document), always or never.")
        var spacing: String?

        @Flag(help: "Apply the fixable findings (spacing, doubled or mismatched closers, punctuation) to the files, atomically.")
        var fix = false

        @Flag(name: .customLong("dry-run"), help: "With --fix: print a unified diff and change nothing.")
        var dryRun = false

        func validate() throws {
            for rule in disabled + enabled where RuleRegistry.rule(rule) == nil {
                throw ValidationError("unknown rule '\(rule)'; rules: \(RuleRegistry.all.map { $0.description.identifier }.joined(separator: ", "))")
            }
            if dryRun && !fix { throw ValidationError("--dry-run goes with --fix") }
            if fix && paths.contains("-") { throw ValidationError("--fix needs files; standard input cannot be rewritten") }
            if let spacing, !["majority", "always", "never"].contains(spacing) {
                throw ValidationError("--spacing must be majority, always or never")
            }
        }

        /// What the command line asks for (the quick path, `CheckArguments`, reads plain
        /// command lines into the same request).
        var request: CheckRequest {
            CheckRequest(paths: paths, format: format, strict: strict, glossaries: glossaries, noGlossary: noGlossary,
                         disabled: disabled, enabled: enabled, spacing: spacing, fix: fix, dryRun: dryRun, verbose: diagnostics.verbose)
        }

        func run() throws {
            try request.run()
        }
    }
}

/// `--format` for `check`.
enum ReporterKindArgument: String, ExpressibleByArgument, CaseIterable {
    case text, json, sarif, github

    var kind: ReporterKind { ReporterKind(rawValue: rawValue)! }
}
