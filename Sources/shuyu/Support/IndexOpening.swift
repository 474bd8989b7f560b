import BilingualCorpus
import ChineseText
import Formats
import Foundation
import Store
import Terminology

/// Opens the project's index and brings it up to date: `Glossaries/*.tsv`,
/// `Corpora/**`, and the dictionaries from `.shuyu.toml` and `--dictionary`.
enum IndexOpening {
    /// - Parameter store: a shared termbase's URL (`--store`); else `store` in `.shuyu.toml`.
    static func open(dictionaries extra: [String], store: String? = nil, quiet: Bool) throws -> TermIndex {
        let project = Project.discover()
        let config = try project.map { try ProjectConfig.load(inPath: $0.rootPath) }
        var sources = IndexSources()
        let display = DisplayPath.relative
        if let project {
            sources.glossaries = (project.glossaryFiles + (config?.paths("glossaries") ?? [])).map(display)
            var corpusFiles: [String] = []
            if FileSystem.kind(project.path("Corpora")) != nil {
                for document in try CorpusFiles.documents([project.path("Corpora")]) {
                    switch document {
                    case .text(let path), .parallelTSV(let path), .memory(let path): corpusFiles.append(path)
                    case .alignedPair(let zh, let en):
                        corpusFiles.append(zh)
                        sources.companions[display(zh)] = display(en)
                    }
                }
            }
            sources.corpora = corpusFiles.map(display)
            sources.dictionaries = (config?.paths("dictionaries") ?? []).map(display)
        }
        sources.dictionaries += extra.map(display)
        let indexPath: String
        if let project {
            indexPath = project.path(".shuyu/index.sqlite")
        } else {
            let cache = ProcessInfo.processInfo.environment["XDG_CACHE_HOME"].map { URL(fileURLWithPath: $0) }
                ?? FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".cache")
            indexPath = cache.appendingPathComponent("shuyu/index.sqlite").path
        }
        // The shared termbase, copied next to the index when it changed on the server.
        if let url = try SharedStore.url(store, project: project, config: config) {
            let copy = (indexPath as NSString).deletingLastPathComponent + "/termbase.tsv"
            do {
                sources.glossaries.append(display(try TermbaseCache.refresh(url, at: copy)))
            } catch where FileManager.default.fileExists(atPath: copy) {
                // Offline: the last copy still answers, and the user is told.
                Console.error("\(error)")
                Console.error("shuyu: warning: using the copy of the shared termbase in \(display(copy)); it may be out of date")
                sources.glossaries.append(display(copy))
            }
        }
        // Most lookups find the index fresh: a read-only connection then opens faster.
        if let reader = TermIndex(readingOnly: indexPath), (try? reader.isFresh(sources)) == true {
            // A log left behind (a refresh's checkpoint stopped short by a reader) would be read
            // by every lookup until the next change: move it into the index now.
            if (FileSystem.size(indexPath + "-wal") ?? 0) > 0, let writer = try? TermIndex(path: indexPath) { writer.checkpoint() }
            return reader
        }
        let index = try TermIndex(path: indexPath)
        var progress = Progress(quiet: quiet)
        // Parsed only when something must be (re)indexed.
        var loadedGlossaries: [Glossary]?
        func glossaries() throws -> [Glossary] {
            if let loadedGlossaries { return loadedGlossaries }
            let loaded = try GlossaryLoading.load(sources.glossaries)
            loadedGlossaries = loaded
            return loaded
        }
        // Opened only when something must be (re)indexed, and once for both uses.
        var pinyin: PinyinConverter?
        func converter() throws -> PinyinConverter {
            if let pinyin { return pinyin }
            let made = GlossaryLoading.pinyin(for: try glossaries())
            pinyin = made
            return made
        }
        var extractor: PairExtractor?
        let report = try index.refresh(sources, extractPairs: { path in
            progress.update("indexing \(path)")
            if extractor == nil {
                extractor = try GlossaryLoading.extractor(for: try glossaries(), pinyin: try converter())
            }
            let extractor = extractor!
            let documents = try CorpusFiles.documents([path])
            return try documents.flatMap { try CorpusFiles.pairs(in: $0, extractor: extractor) }
        }, makePinyin: converter)
        progress.finish()
        if !quiet && !report.indexed.isEmpty && Console.stderrIsTerminal {
            Console.error("indexed \(report.indexed.count) files (\(report.entries) entries) into \(display(indexPath))")
        }
        return index
    }
}
