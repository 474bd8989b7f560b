import ArgumentParser
import Foundation
import Formats
import Terminology

extension Shuyu {
    struct GlossaryCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "glossary",
            abstract: "Import, export and sort glossary files.",
            subcommands: [Import.self, Export.self, Sort.self, Merge.self]
        )
    }
}

/// The glossary formats Shuyu reads and writes.
enum GlossaryFileFormat: String, ExpressibleByArgument, CaseIterable {
    case tsv, csv, tbx, cedict

    /// The format a file's name suggests.
    static func guess(_ path: String) -> GlossaryFileFormat {
        switch (path as NSString).pathExtension.lowercased() {
        case "csv": .csv
        case "tbx", "xml": .tbx
        case "u8": .cedict
        default: .tsv
        }
    }

    /// Reads `path` in this format.
    func read(_ path: String) throws -> [TermEntry] {
        switch self {
        case .tbx:
            return try TBXReader.read(try InputFiles.data(path), source: path).entries
        case .csv:
            return try CSVFormat.read(try InputFiles.read(path).text, source: path).entries
        case .tsv:
            return try GlossaryTSVReader.read(try InputFiles.read(path).text, source: path).entries
        case .cedict:
            return try CEDICTReader.read(try InputFiles.read(path).text, source: path).map { entry in
                TermEntry(zh: entry.simplified, en: entry.senses.joined(separator: "; "), pinyin: entry.pinyin,
                          status: .candidate, note: entry.traditional == entry.simplified ? "" : "traditional: \(entry.traditional)",
                          source: "\((path as NSString).lastPathComponent):\(entry.line)")
            }
        }
    }
}

extension Shuyu.GlossaryCommand {
    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add the terms of TBX, CSV, CC-CEDICT or TSV files to a glossary.",
            discussion: """
            All files are read first; if any is malformed, nothing is written (the error names \
            its line and column). New rows are appended after the existing ones, sorted by \
            pinyin; rows already there are skipped; a rendering that differs from an approved \
            one comes in as a candidate and is reported. The glossary is written atomically.

            Examples:
              shuyu glossary import terms.tbx --into Glossaries/imported.tsv
              shuyu glossary import --from csv export.txt --into Glossaries/team.tsv
            """
        )

        @OptionGroup var diagnostics: DiagnosticOptions

        @Argument(help: "Files to import.")
        var files: [String]

        @Option(help: "The glossary TSV to add to (created when missing).")
        var into: String

        @Option(help: "The input format (default: from the file extension: .tbx/.xml, .csv, .u8 for CC-CEDICT, else TSV).")
        var from: GlossaryFileFormat?

        func run() throws {
            try reportingErrors(verbose: diagnostics.verbose) {
                var entries: [TermEntry] = []
                for file in files { entries += try (from ?? .guess(file)).read(file) }
                let pinyin = try ChinesePinyin.make()
                let keys = PinyinSortKeys()
                // Read, merge and write under the folder lock: a concurrent import waits.
                let (outcome, _) = try FileLock.withLock(for: into) {
                    let existing = FileManager.default.fileExists(atPath: into) ? try InputFiles.read(into).text : ""
                    let outcome = try GlossaryMerge.merge(entries: entries, into: existing, source: into,
                                                          pinyin: { pinyin($0) }, sortKey: { keys.key($0) })
                    if outcome.added > 0 || existing.isEmpty { try AtomicFile.write(outcome.text, to: into) }
                    return (outcome, existing)
                }
                for conflict in outcome.conflicts { Console.error("conflict: \(conflict)") }
                Console.error("\(into): added \(outcome.added) rows; \(outcome.alreadyPresent) were already there")
            }
        }
    }

    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a glossary as TBX, CSV or TSV.",
            discussion: """
            Examples:
              shuyu glossary export Glossaries/ai-tech-policy.tsv --format tbx -o terms.tbx
              shuyu glossary export Glossaries/ai-tech-policy.tsv --format csv > terms.csv
            """
        )

        @OptionGroup var diagnostics: DiagnosticOptions

        @Argument(help: "The glossary TSV to export.")
        var file: String

        @Option(help: "tbx (TBX-Basic), csv (RFC 4180) or tsv.")
        var format: GlossaryFileFormat = .tbx

        @Option(name: .shortAndLong, help: "Write here (atomically) instead of to standard output.")
        var output: String?

        func validate() throws {
            if format == .cedict { throw ValidationError("exporting to CC-CEDICT is not supported; use tbx, csv or tsv") }
        }

        func run() throws {
            try reportingErrors(verbose: diagnostics.verbose) {
                let glossary = try GlossaryTSVReader.read(try InputFiles.read(file).text, source: file)
                let text: String = switch format {
                case .tbx: TBXWriter.write(glossary.entries)
                case .csv: CSVFormat.write(glossary.entries)
                default: GlossaryTSVWriter.write(glossary.entries)
                }
                try AtomicFile.write(text, toOutput: output)
            }
        }
    }

    struct Sort: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Put a glossary in canonical order: comments, header, rows by pinyin.",
            discussion: """
            Rows are sorted by the pinyin collation of the Chinese term, approved renderings \
            first; comments and unknown columns are kept; the file is written atomically. A file \
            already in canonical form is left byte for byte as it is.

            Examples:
              shuyu glossary sort Glossaries/ai-tech-policy.tsv
              shuyu glossary sort --check Glossaries/*.tsv
            """
        )

        @OptionGroup var diagnostics: DiagnosticOptions

        @Argument(help: "Glossary TSV files.")
        var files: [String]

        @Flag(help: "Change nothing; exit 1 if a file is not in canonical order.")
        var check = false

        func run() throws {
            try reportingErrors(verbose: diagnostics.verbose) {
                let keys = PinyinSortKeys()
                var unsorted = 0
                for file in files {
                    try FileLock.withLock(for: file) {
                        let text = try InputFiles.read(file).text
                        let sorted = try GlossaryMerge.sorted(text, source: file, sortKey: { keys.key($0) })
                        guard sorted != text else { return }
                        unsorted += 1
                        if check {
                            Console.error("\(file): not in canonical order (run: shuyu glossary sort \(file))")
                        } else {
                            try AtomicFile.write(sorted, to: file)
                            Console.error("\(file): sorted")
                        }
                    }
                }
                if check && unsorted > 0 { throw ExitCode(1) }
            }
        }
    }
}

extension Shuyu.GlossaryCommand {
    struct Merge: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Combine partial extraction outputs into one table of pairs with counts and sources.",
            discussion: """
            Reads the JSON lines of 'shuyu extract --format jsonl' and earlier merge outputs, sums \
            each Chinese–English pair's count and joins its sources. The result depends only on \
            what went in, not on how it was split or in which order the parts come: merge parts \
            from many machines, then merge the merges. Rows are in code-point order; the file is \
            written atomically with -o.

            Examples:
              ls Corpora/*.md | xargs -P 2 -I{} sh -c 'shuyu extract --format jsonl {} > parts/$(basename {}).jsonl'
              shuyu glossary merge parts/*.jsonl -o pairs.tsv
            """
        )

        @OptionGroup var diagnostics: DiagnosticOptions

        @Argument(help: "Parts: extract --format jsonl outputs or earlier merges ('-' for standard input).")
        var parts: [String]

        @Option(name: .shortAndLong, help: "Write to this file instead of standard output.")
        var output: String?

        func run() throws {
            try reportingErrors(verbose: diagnostics.verbose) {
                var total = PairCounts()
                for part in parts {
                    let input = try InputFiles.read(part)
                    total.add(try PairCounts.read(input.text, source: input.name))
                }
                let text = total.written()
                try AtomicFile.write(text, toOutput: output)
            }
        }
    }
}
