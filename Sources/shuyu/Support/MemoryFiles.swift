import ArgumentParser
import BilingualCorpus
import Foundation
import Formats
import SourceText
import Store
import TranslationMemory

/// The formats `shuyu tm import` reads.
enum MemoryFileFormat: String, ExpressibleByArgument, CaseIterable {
    /// TMX 1.1–1.4b.
    case tmx
    /// A TSV with `zh` and `en` columns.
    case tsv
    /// `NAME.zh.EXT` and `NAME.en.EXT`, aligned line by line.
    case parallel
    /// Documents with bracketed originals: the pairs `shuyu extract` finds.
    case corpus

    /// The format a file's name suggests.
    static func guess(_ path: String) -> MemoryFileFormat {
        let lower = path.lowercased()
        if lower.hasSuffix(".tmx") || lower.hasSuffix(".xml") { return .tmx }
        if lower.hasSuffix(".tsv") { return .tsv }
        if CorpusFiles.alignedPartner(of: path, zhSide: true) != nil || CorpusFiles.alignedPartner(of: path, zhSide: false) != nil {
            return .parallel
        }
        return .corpus
    }
}

enum MemoryFiles {
    /// Reads `paths` (folders are walked for corpus documents) into memory files.
    static func read(_ paths: [String], format: MemoryFileFormat?) throws -> [MemoryFile] {
        var files: [MemoryFile] = []
        var corpusPaths: [String] = []
        var seenPartners: Set<String> = []
        for path in paths {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
                corpusPaths.append(path)
                continue
            }
            let lower = path.lowercased()
            if format == nil, [".tbx", ".csv", ".u8"].contains(where: { lower.hasSuffix($0) }) {
                throw CLIError("\(path): error: this is a glossary format, not a translation memory; add it with 'shuyu glossary import \(path) --into FILE.tsv' (or give --from to read it as a memory anyway)")
            }
            switch format ?? .guess(path) {
            case .tmx:
                files.append(try memory(path))
            case .tsv:
                // Rows are turned into units as the import goes (a large TSV is never held as units all at once).
                files.append(MemoryFile(path: path, reader: PairTSV.Reader(try InputFiles.read(path).text, source: path)))
            case .parallel:
                guard !seenPartners.contains(path) else { continue }
                let zh = CorpusFiles.alignedPartner(of: path, zhSide: false) ?? path
                let en = CorpusFiles.alignedPartner(of: zh, zhSide: true) ?? path
                seenPartners.formUnion([zh, en])
                let pairs = try ParallelText.alignedLines(zh: try InputFiles.read(zh).text, en: try InputFiles.read(en).text,
                                                          zhSource: zh, enSource: en)
                files.append(MemoryFile(path: zh, units: pairs.map(unit)))
            case .corpus:
                corpusPaths.append(path)
            }
        }
        if !corpusPaths.isEmpty {
            let glossaries = try Project.discover().map { try GlossaryLoading.load($0.glossaryFiles) } ?? []
            let extractor = try GlossaryLoading.extractor(for: glossaries, pinyin: GlossaryLoading.pinyin(for: glossaries))
            for document in try CorpusFiles.documents(corpusPaths) {
                if case .memory(let path) = document {
                    files.append(try memory(path))
                    continue
                }
                var units: [TranslationUnit] = []
                try CorpusFiles.forEachPair(in: document, extractor: extractor) { pair in units.append(unit(pair)) }
                files.append(MemoryFile(path: document.displayName, units: units))
            }
        }
        return files
    }

    /// A TMX file: inline codes, properties and header kept. Its header is read now (a
    /// DTD, a wrong root or a bad encoding is an error before the import starts); its
    /// units as the import goes.
    static func memory(_ path: String) throws -> MemoryFile {
        try InputFiles.requireFile(path)
        let reader = try TMXReader.Reader(bytes: [UInt8](try InputFiles.data(path)), source: path)
        return MemoryFile(path: path, reader: reader, sourceLanguage: reader.header.sourceLanguage, header: reader.header.metadata)
    }

    /// A found pair as a unit: Chinese source, English target, its place as origin.
    static func unit(_ pair: AlignedPair) -> TranslationUnit {
        var metadata = UnitMetadata()
        if pair.uncertain { metadata.notes.append("translator query: the original was marked uncertain") }
        if !pair.definition.isEmpty { metadata.notes.append("definition: \(pair.definition)") }
        if pair.kind != .parallel { metadata.properties.append(Property(type: "x-shuyu-kind", value: pair.kind.rawValue)) }
        return TranslationUnit(variants: [
            TranslationVariant(language: LanguageTag("zh-CN"), segment: Segment(pair.zh)),
            TranslationVariant(language: LanguageTag("en"), segment: Segment(pair.en)),
        ], metadata: metadata, origin: Origin(file: pair.source, line: pair.zhLocation.line))
    }
}
