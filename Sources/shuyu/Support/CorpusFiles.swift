import BilingualCorpus
import Formats
import Foundation
import SourceText
import TranslationMemory

/// One thing to extract from: a document, a line-aligned file pair, a parallel TSV,
/// or a translation memory (TMX).
enum CorpusDocument {
    case text(path: String)
    case alignedPair(zh: String, en: String)
    case parallelTSV(path: String)
    case memory(path: String)

    var displayName: String {
        switch self {
        case .text(let path), .parallelTSV(let path), .memory(let path): path
        case .alignedPair(let zh, _): zh
        }
    }
}

enum CorpusFiles {
    static let extensions: Set<String> = ["md", "markdown", "txt", "tsv", "text", "tmx"]

    /// The documents under `paths`: `NAME.zh.EXT` with `NAME.en.EXT` beside it is a
    /// line-aligned pair; a `.tsv` is a parallel TSV; anything else is a document.
    static func documents(_ paths: [String]) throws -> [CorpusDocument] {
        let files = try InputFiles.expand(paths, extensions: extensions)
        let set = Set(files)
        var documents: [CorpusDocument] = []
        var used: Set<String> = []
        for file in files where !used.contains(file) {
            if let partner = alignedPartner(of: file, zhSide: true), set.contains(partner) || (paths.contains(file) && FileManager.default.fileExists(atPath: partner)) {
                documents.append(.alignedPair(zh: file, en: partner))
                used.insert(partner)
            } else if let partner = alignedPartner(of: file, zhSide: false), set.contains(partner) {
                if !used.contains(partner) {
                    documents.append(.alignedPair(zh: partner, en: file))
                    used.insert(partner)
                }
            } else if file.lowercased().hasSuffix(".tmx") {
                documents.append(.memory(path: file))
            } else if file.lowercased().hasSuffix(".tsv") {
                documents.append(.parallelTSV(path: file))
            } else {
                documents.append(.text(path: file))
            }
            used.insert(file)
        }
        return documents
    }

    /// `x.zh.txt` → `x.en.txt` (and back with `zhSide: false`).
    static func alignedPartner(of path: String, zhSide: Bool) -> String? {
        // The last `.zh.` in the path, found in its bytes (Foundation's backwards search
        // bridged to NSString, a cost a lookup paid for every corpus file).
        let (from, to): (UInt8, UInt8) = zhSide ? (0x7A, 0x65) : (0x65, 0x7A)  // z/e: `.zh.` ↔ `.en.`
        let (fromSecond, toSecond): (UInt8, UInt8) = zhSide ? (0x68, 0x6E) : (0x6E, 0x68)  // h/n
        var bytes = Array(path.utf8)
        guard bytes.count >= 4 else { return nil }
        for k in stride(from: bytes.count - 4, through: 0, by: -1)
        where bytes[k] == 0x2E && bytes[k + 1] == from && bytes[k + 2] == fromSecond && bytes[k + 3] == 0x2E {
            bytes[k + 1] = to
            bytes[k + 2] = toSecond
            return String(decoding: bytes, as: UTF8.self)
        }
        return nil
    }

    /// The pairs of one document.
    static func pairs(in document: CorpusDocument, extractor: PairExtractor) throws -> [AlignedPair] {
        var pairs: [AlignedPair] = []
        try forEachPair(in: document, extractor: extractor) { pairs.append($0) }
        return pairs
    }

    /// Calls `body` with each pair of one document as it is found, reading the file line
    /// by line: memory does not grow with the file.
    static func forEachPair(in document: CorpusDocument, extractor: PairExtractor, _ body: (AlignedPair) throws -> Void) throws {
        func extractLines(_ path: String) throws {
            extractor.beginDocument(source: path == "-" ? "<stdin>" : path)
            // In batches of about a megabyte: each batch's lines are read on every core while
            // this thread reads the next batch and writes out the pairs of the one before.
            var batch = PairExtractor.PieceBatch()
            do {
                try LineReader.forEachPiece(path) { piece, endsLine in
                    guard let full = batch.add(piece: piece, endsLine: endsLine) else { return }
                    for pair in extractor.submit(pieces: full) { try body(pair) }
                }
                for pair in extractor.submit(pieces: batch.rest) { try body(pair) }
            } catch {
                _ = extractor.endDocument()  // the batch in flight is abandoned with the document
                throw error
            }
            for pair in extractor.endDocument() { try body(pair) }
        }
        switch document {
        case .text(let path):
            try extractLines(path)
        case .alignedPair(let zh, let en):
            let zhText = try InputFiles.read(zh).text
            let enText = try InputFiles.read(en).text
            for pair in try ParallelText.alignedLines(zh: zhText, en: enText, zhSource: zh, enSource: en) { try body(pair) }
        case .memory(let path):
            // Each unit with a Chinese and an English (or other) variant is a sentence pair.
            try InputFiles.requireFile(path)
            let document = try TMXReader.read(bytes: [UInt8](try InputFiles.data(path)), source: path)
            for unit in document.units {
                guard let (zhIndex, enIndex) = unit.chinesePair else { continue }
                let zh = unit.variants[zhIndex], en = unit.variants[enIndex]
                let zhText = zh.segment.displayText, enText = en.segment.displayText
                guard !zhText.allSatisfy(\.isWhitespace), !enText.allSatisfy(\.isWhitespace) else { continue }
                let line = unit.origin?.line ?? 1
                try body(AlignedPair(zh: zhText, en: enText, kind: .parallel, source: path,
                                     zhLocation: SourceLocation(line: line, column: 1), enLocation: SourceLocation(line: line, column: 1),
                                     confidence: 1, evidence: ["tmx"]))
            }
        case .parallelTSV(let path):
            let input = try InputFiles.read(path)
            if let pairs = try? ParallelText.tsv(input.text, source: input.name) {
                for pair in pairs { try body(pair) }
            } else {
                // A TSV without zh/en columns (a glossary, a data table) is read as a document.
                try extractLines(path)
            }
        }
    }
}

/// Reads a UTF-8 file (or standard input for `-`) line by line in chunks, so memory
/// stays bounded by the longest line. Invalid UTF-8 is an error with its byte offset.
enum LineReader {
    /// Calls `body` with each line in pieces of at most `PairExtractor.pieceBytes` bytes,
    /// cut at a space where possible; `endsLine` is true for a line's last piece.
    static func forEachPiece(_ path: String, _ body: (String, Bool) throws -> Void) throws {
        let handle: FileHandle
        let name = path == "-" ? "<stdin>" : path
        if path == "-" {
            handle = FileHandle.standardInput
        } else {
            try InputFiles.requireFile(path)
            guard let h = FileHandle(forReadingAtPath: path) else { throw CLIError("\(path): error: cannot be read; check its permissions") }
            handle = h
        }
        defer { if path != "-" { try? handle.close() } }
        var pending: [UInt8] = []
        var offset = 0          // bytes of the file before `pending`
        var lineNumber = 1
        var column = 1          // column (scalars) where the pending piece starts
        var first = true
        func emit(_ bytes: ArraySlice<UInt8>, endsLine: Bool) throws {
            var slice = bytes
            if first, slice.starts(with: [0xEF, 0xBB, 0xBF]) { slice = slice.dropFirst(3); offset += 3 }
            first = false
            guard let text = String(validating: slice, as: UTF8.self) else {
                do {
                    _ = try TextDecoding.decodeUTF8(slice, source: name)
                } catch .invalidUTF8(_, let byteOffset, let location) {
                    throw TextDecodingError.invalidUTF8(source: name, byteOffset: offset + byteOffset,
                                                        location: SourceLocation(line: lineNumber + location.line - 1,
                                                                                 column: location.line == 1 ? column + location.column - 1 : location.column))
                }
                return
            }
            try body(text, endsLine)
            if endsLine {
                lineNumber += 1
                column = 1
            } else {
                column += text.unicodeScalars.count
            }
        }
        var atEnd = false
        while !atEnd {
            let chunk = try handle.read(upToCount: 1 << 20) ?? Data()
            if chunk.isEmpty { atEnd = true } else { pending.append(contentsOf: chunk) }
            var start = 0
            while true {
                // A line ends at LF, CRLF or a lone CR.
                if let end = pending[start...].firstIndex(where: { $0 == 0x0A || $0 == 0x0D }) {
                    if pending[end] == 0x0D && end + 1 == pending.count && !atEnd { break }  // CR LF may straddle chunks
                    if end - start > PairExtractor.pieceBytes {
                        let cut = PairExtractor.pieceEnd(pending[start..<end])
                        try emit(pending[start..<cut], endsLine: false)
                        offset += cut - start
                        start = cut
                        continue
                    }
                    try emit(pending[start..<end], endsLine: true)
                    var next = end + 1
                    if pending[end] == 0x0D, next < pending.count, pending[next] == 0x0A { next += 1 }
                    offset += next - start
                    start = next
                } else if pending.count - start > PairExtractor.pieceBytes {
                    let cut = PairExtractor.pieceEnd(pending[start...])
                    try emit(pending[start..<cut], endsLine: false)
                    offset += cut - start
                    start = cut
                } else {
                    break
                }
            }
            pending.removeFirst(start)
        }
        if !pending.isEmpty { try emit(pending[...], endsLine: true) }
    }
}
