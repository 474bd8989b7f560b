import ArgumentParser
import Formats
import Foundation
import Store
import TranslationMemory

extension Shuyu.TranslationMemoryCommand {
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "export",
            abstract: "Write the memory as TMX 1.4b or TSV.",
            discussion: """
            TMX keeps inline codes, properties, notes, dates and tools, and imports back to the \
            same units. TSV has a zh and an en column. With -o the file is written atomically.

            Examples:
              shuyu tm export -o team.tmx
              shuyu tm export --format tsv | head
            """
        )

        enum Format: String, ExpressibleByArgument, CaseIterable { case tmx, tsv }

        @OptionGroup var diagnostics: DiagnosticOptions

        @OptionGroup var memory: MemoryOptions

        @Option(help: "tmx or tsv.")
        var format: Format = .tmx

        @Option(name: .shortAndLong, help: "Write to this file instead of standard output.")
        var output: String?

        func run() throws {
            try reportingErrors(verbose: diagnostics.verbose) {
                let store = try MemoryOpening.open(memory, create: false)
                var text = ""
                switch format {
                case .tsv:
                    text = PairTSV.header + "\n"
                    try store.forEachUnit { unit in
                        text += PairTSV.row(zh: unit.zh.segment.plainText, en: unit.other.segment.plainText) + "\n"
                    }
                case .tmx:
                    var units: [TranslationUnit] = []
                    try store.forEachUnit { units.append($0.translationUnit) }
                    // The header names the source language most units have (readers such as
                    // translate-toolkit take every unit's source in that language).
                    var languages: [LanguageTag: Int] = [:]
                    for unit in units { if let language = unit.variants.first?.language { languages[language, default: 0] += 1 } }
                    let source = languages.max { ($0.value, $1.key.canonical) < ($1.value, $0.key.canonical) }?.key ?? LanguageTag("zh-CN")
                    var header = TMXHeader.shuyu(sourceLanguage: source, toolVersion: Shuyu.version)
                    let imported = try store.importedHeaders()
                    header.metadata.properties += imported.properties
                    header.metadata.notes += imported.notes
                    text = TMXWriter.write(TMXDocument(header: header, units: units))
                }
                try AtomicFile.write(text, toOutput: output)
            }
        }
    }
}
