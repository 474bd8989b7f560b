import ArgumentParser
import Foundation
import Store
import TranslationMemory

extension Shuyu.TranslationMemoryCommand {
    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import",
            abstract: "Add TMX, TSV, parallel files or bracketed documents to the memory.",
            discussion: """
            Formats, from the file name unless --from says otherwise: .tmx (TMX 1.1, 1.2 and \
            1.4b, UTF-8 or UTF-16), .tsv with zh and en columns, NAME.zh.EXT with NAME.en.EXT \
            beside it (aligned line by line), and any other document or folder: the pairs \
            'shuyu extract' finds in it (--corpora adds the project's Corpora/).

            Files are read as their units are stored, so memory stays small. If a file is \
            malformed or unsafe, nothing is imported and the error names its line and \
            column; a memory the import created is removed again. The import is one \
            transaction: other \
            commands keep reading the old memory meanwhile, and an interrupted import leaves \
            it as it was. Units identical to stored ones raise their count.

            Examples:
              shuyu tm import memories/omegat-project.tmx
              shuyu tm import --corpora
            """
        )

        @OptionGroup var diagnostics: DiagnosticOptions

        @OptionGroup var memory: MemoryOptions

        @Argument(help: "Files or folders to import.")
        var files: [String] = []

        @Option(help: "The input format (default: from the file name).")
        var from: MemoryFileFormat?

        @Flag(help: "Also import the pairs found in the project's Corpora/ folder.")
        var corpora = false

        @Flag(help: "No progress or summary on standard error.")
        var quiet = false

        func validate() throws {
            if files.isEmpty && !corpora { throw ValidationError("Give files to import, or --corpora for the project's Corpora/ folder.") }
        }

        func run() throws {
            try reportingErrors(verbose: diagnostics.verbose) {
                var paths = files
                if corpora {
                    guard let project = Project.discover() else {
                        throw CLIError("shuyu: error: --corpora needs a project (a folder with Glossaries/ or .shuyu.toml, here or above)")
                    }
                    paths.append(DisplayPath.relative(project.corporaFolder.path))
                }
                let read = try MemoryFiles.read(paths, format: from)
                let location = try MemoryOpening.location(memory)  // found once: opening it does not search again
                var created: String?
                if case .file(let path) = location, !FileManager.default.fileExists(atPath: path) { created = path }
                let store = try MemoryOpening.open(location, create: true)
                let report: MemoryImportReport
                do {
                    report = try store.importFiles(read, folding: try store.folding())
                } catch {
                    // Nothing was imported: a memory file made for this import goes too.
                    if let created { try? store.close(); MemoryOpening.remove(created) }
                    throw error
                }
                let units = report.added + report.merged + report.skipped
                if diagnostics.verbose {
                    for file in read {
                        let count = file.reader == nil ? "\(file.units.count) units" : "units read during the import"
                        Console.error("\(file.path): \(count), source language \(file.sourceLanguage?.canonical ?? "not given")")
                    }
                }
                if !quiet {
                    var line = "\(store.location): \(units) units from \(read.count) files: \(report.added) added, \(report.merged) identical to stored ones"
                    if report.skipped > 0 { line += ", \(report.skipped) skipped (no Chinese and second language, or empty)" }
                    Console.error(line)
                }
            }
        }
    }
}
