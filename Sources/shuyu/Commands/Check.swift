import ArgumentParser
import BilingualCorpus
import ChineseText
import DraftCheck
import Formats
import Foundation
import Reporting
import SourceText
import Terminology

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

        func run() throws {
            try reportingErrors(verbose: diagnostics.verbose) {
                // Each file follows the project it lies in: `.shuyu.toml` and `Glossaries/` are
                // found upward from its folder (standard input: from the current folder). Files
                // of one project are checked together, so renderings are compared within it.
                var groups: [(settings: Settings, documents: [DraftDocument])] = []
                var groupOfRoot: [String: Int] = [:]
                var texts: [String: String] = [:]
                for path in try InputFiles.expand(paths, extensions: ["md", "markdown", "txt", "text"]) {
                    let input = try InputFiles.read(path)
                    texts[input.name] = input.text
                    let folder = path == "-" ? URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
                        : URL(fileURLWithPath: path).deletingLastPathComponent()
                    let project = Project.discover(from: folder)
                    let root = project?.root.path ?? ""
                    if groupOfRoot[root] == nil {
                        groupOfRoot[root] = groups.count
                        groups.append((try settings(for: project), []))
                    }
                    let index = groupOfRoot[root]!
                    groups[index].documents.append(DraftDocument(text: input.text, source: input.name, extractor: groups[index].settings.extractor))
                }
                var findings = groups.flatMap { $0.settings.check($0.documents) }
                if fix {
                    var out = OutputBuffer()
                    var changed = false
                    for document in groups.flatMap(\.documents) {
                        guard let original = texts[document.source] else { continue }
                        let (fixed, applied) = FixApplier.apply(findings, to: original, source: document.source)
                        guard applied > 0, fixed != original else { continue }
                        changed = true
                        if dryRun {
                            out.write(FixApplier.unifiedDiff(original, fixed, path: document.source))
                        } else {
                            try AtomicFile.write(fixed, to: document.source)
                            texts[document.source] = fixed
                            Console.error("\(document.source): fixed \(applied) finding\(applied == 1 ? "" : "s")")
                        }
                    }
                    if dryRun {
                        out.flush()
                        if changed { throw ExitCode(1) }
                        return
                    }
                    // Report what is left after the fixes.
                    for index in groups.indices {
                        let extractor = groups[index].settings.extractor
                        groups[index].documents = groups[index].documents.map {
                            DraftDocument(text: texts[$0.source] ?? "", source: $0.source, extractor: extractor)
                        }
                    }
                    findings = groups.flatMap { $0.settings.check($0.documents) }
                }
                var lineCache: [String: [Substring]] = [:]
                let report = format.kind.reporter.report(findings) { source, line in
                    if lineCache[source] == nil {
                        lineCache[source] = texts[source].map(TextLines.lines)
                    }
                    guard let lines = lineCache[source], line - 1 < lines.count else { return nil }
                    return String(lines[line - 1])
                }
                var out = OutputBuffer()
                out.write(report)
                out.flush()
                let failing: Severity = strict ? .warning : .error
                Console.exitWithoutTeardown(findings.contains(where: { $0.severity >= failing }) ? 1 : 0)
            }
        }

        /// What checking the files of one project takes: its glossaries' renderings, an
        /// extractor that knows them, its rules and its severities.
        struct Settings {
            let extractor: PairExtractor
            let checker: Checker
            let severities: [String: Severity]

            func check(_ documents: [DraftDocument]) -> [Diagnostic] {
                checker.check(documents).map { finding in
                    var finding = finding
                    if let severity = severities[finding.ruleID] { finding.severity = severity }
                    return finding
                }
            }
        }

        /// The settings of the files in `project` (none: the command line's alone).
        func settings(for project: Project?) throws -> Settings {
            let config = try project.map { try ProjectConfig.load(in: $0.root) }
            var glossaryPaths = glossaries
            if !noGlossary, let project { glossaryPaths = project.glossaryFiles + (config?.paths("glossaries") ?? []) + glossaryPaths }
            let loaded = try GlossaryLoading.load(glossaryPaths)
            var approved: [String: [String]] = [:], forbidden: [String: [String]] = [:]
            for glossary in loaded {
                for row in glossary.rows where !row.entry.en.isEmpty {
                    if row.entry.status == .approved { approved[row.entry.zh, default: []].append(row.entry.en) }
                    if row.entry.status == .forbidden { forbidden[row.entry.zh, default: []].append(row.entry.en) }
                }
            }
            let extractor = try GlossaryLoading.extractor(for: loaded, pinyin: GlossaryLoading.pinyin(for: loaded))
            let off = Set(disabled + (config?.values["check.disable"] ?? []))
            let on = Set(enabled + (config?.values["check.enable"] ?? []))
            let rules = RuleRegistry.all.filter {
                ($0.description.enabledByDefault || on.contains($0.description.identifier)) && !off.contains($0.description.identifier)
            }
            // Severities from `[check.severity]`.
            var severities: [String: Severity] = [:]
            for (key, values) in config?.values ?? [:] where key.hasPrefix("check.severity.") {
                let rule = String(key.dropFirst("check.severity.".count))
                guard RuleRegistry.rule(rule) != nil else {
                    throw CLIError("\(ProjectConfig.fileName): error: [check.severity] names an unknown rule '\(rule)'; rules: \(RuleRegistry.all.map { $0.description.identifier }.joined(separator: ", "))")
                }
                guard let value = values.first, let severity = Severity(rawValue: value) else {
                    throw CLIError("\(ProjectConfig.fileName): error: the severity of '\(rule)' must be \"error\", \"warning\" or \"info\"")
                }
                severities[rule] = severity
            }
            let context = CheckContext(approved: approved, forbidden: forbidden,
                                       spacing: spacing ?? config?.string("check.spacing") ?? "majority")
            return Settings(extractor: extractor, checker: Checker(rules: rules, context: context), severities: severities)
        }
    }
}

/// `--format` for `check`.
enum ReporterKindArgument: String, ExpressibleByArgument, CaseIterable {
    case text, json, sarif, github

    var kind: ReporterKind { ReporterKind(rawValue: rawValue)! }
}
