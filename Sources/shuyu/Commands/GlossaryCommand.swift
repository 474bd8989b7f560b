import ArgumentParser
import Foundation
import Formats
import PostgresStore
import Terminology

extension Shuyu {
    struct GlossaryCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "glossary",
            abstract: "Import, export and sort glossary files, or the team's shared termbase.",
            discussion: """
            The shared termbase lives on a PostgreSQL server: --store postgres://user@host:port/db, \
            or store = "postgres://…" in .shuyu.toml (the password from PGPASSWORD, PGSERVICE or \
            ~/.pgpass). 'shuyu lookup' reads it too.
            """,
            subcommands: [Import.self, Export.self, Sort.self, Merge.self, Status.self]
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
            commandName: "import",
            abstract: "Add the terms of TBX, CSV, CC-CEDICT or TSV files to a glossary.",
            discussion: """
            All files are read first; if any is malformed, nothing is written (the error names \
            its line and column). New rows are appended after the existing ones, sorted by \
            pinyin; rows already there are skipped; a rendering that differs from an approved \
            one comes in as a candidate and is reported. The glossary is written atomically.

            Examples:
              shuyu glossary import terms.tbx --into Glossaries/imported.tsv
              shuyu glossary import --from csv export.txt --into Glossaries/team.tsv
              shuyu glossary import Glossaries/*.tsv --store postgres://ana@termserver/team
            """
        )

        @OptionGroup var diagnostics: DiagnosticOptions

        @Argument(help: "Files to import.")
        var files: [String]

        @Option(help: "The glossary TSV to add to (created when missing).")
        var into: String?

        @Option(help: "Add to the shared termbase on this PostgreSQL server instead (also 'store' in .shuyu.toml).")
        var store: String?

        @Option(help: "The input format (default: from the file extension: .tbx/.xml, .csv, .u8 for CC-CEDICT, else TSV).")
        var from: GlossaryFileFormat?

        func validate() throws {
            if into != nil && store != nil { throw ValidationError("Give --into FILE or --store URL, not both.") }
        }

        func run() throws {
            try reportingErrors(verbose: diagnostics.verbose) {
                var entries: [TermEntry] = []
                for file in files { entries += try (from ?? .guess(file)).read(file) }
                let pinyin = ChinesePinyin.make()
                guard let into else {
                    guard let url = try SharedStore.url(store) else {
                        throw ValidationError("Give the glossary to add to with --into FILE, or a shared termbase with --store URL.")
                    }
                    let termbase = try PostgresTermbase(url: url)
                    let outcome = try termbase.importEntries(entries, pinyin: { pinyin($0) })
                    for conflict in outcome.conflicts { Console.error("conflict: \(conflict)") }
                    Console.error("\(termbase.location): added \(outcome.added) rows; \(outcome.alreadyPresent) were already there")
                    return
                }
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
            commandName: "export",
            abstract: "Write a glossary as TBX, CSV or TSV.",
            discussion: """
            Examples:
              shuyu glossary export Glossaries/ai-tech-policy.tsv --format tbx -o terms.tbx
              shuyu glossary export Glossaries/ai-tech-policy.tsv --format csv > terms.csv
              shuyu glossary export --store postgres://ana@termserver/team --format tsv

            From the shared termbase, TSV has a version column: the row versions that \
            'shuyu glossary status --if-version' takes.
            """
        )

        @OptionGroup var diagnostics: DiagnosticOptions

        @Argument(help: "The glossary TSV to export.")
        var file: String?

        @Option(help: "Export the shared termbase on this PostgreSQL server instead (also 'store' in .shuyu.toml).")
        var store: String?

        @Option(help: "tbx (TBX-Basic), csv (RFC 4180) or tsv.")
        var format: GlossaryFileFormat = .tbx

        @Option(name: .shortAndLong, help: "Write here (atomically) instead of to standard output.")
        var output: String?

        func validate() throws {
            if format == .cedict { throw ValidationError("exporting to CC-CEDICT is not supported; use tbx, csv or tsv") }
            if file != nil && store != nil { throw ValidationError("Give a glossary file or --store URL, not both.") }
        }

        func run() throws {
            try reportingErrors(verbose: diagnostics.verbose) {
                var entries: [TermEntry]
                if let file {
                    entries = try GlossaryTSVReader.read(try InputFiles.read(file).text, source: file).entries
                } else {
                    guard let url = try SharedStore.url(store) else {
                        throw ValidationError("Give the glossary file to export, or a shared termbase with --store URL.")
                    }
                    let termbase = try PostgresTermbase(url: url, create: false)
                    if format == .tsv { return try AtomicFile.write(try TermbaseExport.tsv(termbase, versions: true), toOutput: output) }
                    entries = try TermbaseExport.entries(termbase, versions: false).entries
                }
                let text: String = switch format {
                case .tbx: TBXWriter.write(entries)
                case .csv: CSVFormat.write(entries)
                default: GlossaryTSVWriter.write(entries)
                }
                try AtomicFile.write(text, toOutput: output)
            }
        }
    }

    struct Sort: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "sort",
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
            commandName: "merge",
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

extension Shuyu.GlossaryCommand {
    struct Status: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "status",
            abstract: "Approve, deprecate or forbid a rendering in the shared termbase.",
            discussion: """
            Changes one row (the rendering EN of ZH; case and plural do not matter) and prints \
            its new version and the status it replaced. With --if-version, the change is made only if the row is still at \
            that version (as 'glossary export --store URL --format tsv' showed it); if someone \
            changed it meanwhile, nothing is changed and the command exits 1 with a conflict. \
            Changes to different rows never conflict.

            Examples:
              shuyu glossary status 卷王 "Involution King" approved --store postgres://ana@termserver/team
              shuyu glossary status 内卷 "rat race" forbidden --if-version 3
            """
        )

        @OptionGroup var diagnostics: DiagnosticOptions

        @Argument(help: "The Chinese term.")
        var zh: String

        @Argument(help: "The rendering.")
        var en: String

        @Argument(help: "approved, candidate, deprecated or forbidden.")
        var status: TermStatus

        @Option(name: .customLong("if-version"), help: "Change the row only if it is still at this version.")
        var ifVersion: Int64?

        @Option(help: "The PostgreSQL server holding the termbase (default: 'store' in .shuyu.toml).")
        var store: String?

        func run() throws {
            try reportingErrors(verbose: diagnostics.verbose) {
                guard let url = try SharedStore.url(store) else {
                    throw ValidationError("Name the shared termbase with --store URL or 'store' in .shuyu.toml.")
                }
                let termbase = try PostgresTermbase(url: url, create: false)
                do {
                    let change = try termbase.setStatus(zh: zh, en: en, to: status, expected: ifVersion)
                    print("\(zh)\t\(change.en)\t\(status.rawValue)\tversion \(change.version)\t(was \(change.previous.rawValue))")
                } catch let conflict as PostgresTermbase.Conflict {
                    Console.error(conflict.description)
                    throw ExitCode(1)
                }
            }
        }
    }
}

extension TermStatus: ExpressibleByArgument {}
