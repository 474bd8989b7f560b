import ArgumentParser
import BilingualCorpus
import ChineseText
import DraftCheck
import Formats
import Foundation
import Reporting
import SourceText
import Terminology

/// One `shuyu check`, however its command line was read: by the argument parser
/// (`Shuyu.Check`, which also validates rule names and option combinations) or by the quick
/// path for plain command lines (`CheckArguments`).
struct CheckRequest: Equatable {
    var paths: [String]
    var format: ReporterKindArgument = .text
    var strict = false
    var glossaries: [String] = []
    var noGlossary = false
    var disabled: [String] = []
    var enabled: [String] = []
    var spacing: String?
    var fix = false
    var dryRun = false
    var verbose = false

    /// Checks the files and prints the report.
    /// - Throws: `ExitCode(1)` with findings at or above the failing level (or a dry run's
    ///   changes); bad input is reported and exits with 2.
    func run() throws {
        try reportingErrors(verbose: verbose) {
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
