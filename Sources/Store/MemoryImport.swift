import Foundation
import SourceText
public import TranslationMemory

/// Units read from one file, ready to import.
public struct MemoryFile: Sendable {
    /// The file, as given.
    public var path: String
    /// Its units, when they were read in advance.
    public var units: [TranslationUnit]
    /// Reads its units during the import (after `units`), a window at a time; one import
    /// uses it up.
    public var reader: (any TranslationUnitReader)?
    /// The file's source language (TMX `srclang`), when it names one.
    public var sourceLanguage: LanguageTag?
    /// Header properties and notes to keep (TMX `<header>`).
    public var header: UnitMetadata?

    public init(path: String, units: [TranslationUnit], sourceLanguage: LanguageTag? = nil, header: UnitMetadata? = nil) {
        self.path = path
        self.units = units
        self.sourceLanguage = sourceLanguage
        self.header = header
    }

    /// A file whose units `reader` reads as the import goes: memory holds a few windows
    /// of units, not the file's every unit, and reading overlaps storing.
    public init(path: String, reader: any TranslationUnitReader, sourceLanguage: LanguageTag? = nil, header: UnitMetadata? = nil) {
        self.init(path: path, units: [], sourceLanguage: sourceLanguage, header: header)
        self.reader = reader
    }
}

/// What an import did.
public struct MemoryImportReport: Sendable, Equatable {
    /// Units stored for the first time.
    public var added = 0
    /// Units identical to a stored one, whose count went up.
    public var merged = 0
    /// Units without a Chinese variant, without a second language, or with empty text.
    public var skipped = 0

    public init() {}
}

/// The units of files being read and prepared on other threads, in order, a chunk
/// at a time: one thread reads the files, every core folds, tokenizes and keys units.
package final class PreparedUnits {
    private let channel = Channel<[PreparedUnit]>(capacity: 8)
    private let failure = FailureBox()

    /// Starts reading and preparing `files`, folding with the simplified forms `table`.
    package init(_ files: [MemoryFile], table: [UInt32: UInt32]) {
        let channel = channel, failure = failure
        startThread {
            do {
                try Self.prepare(files, table: table, into: channel)
            } catch {
                failure.error = error
            }
            channel.close()
        }
    }

    deinit {
        channel.cancel()
    }

    /// The next chunk, or nil when every unit was sent (or reading failed: see `finish`).
    package func next() -> [PreparedUnit]? {
        channel.receive()
    }

    /// Throws the error that stopped reading, if any (a file malformed halfway).
    package func finish() throws {
        if let error = failure.error { throw error }
    }

    /// Stops the reading and preparing threads.
    package func cancel() {
        channel.cancel()
    }

    /// Turns `files`' units into rows with index items, in their order, sending them to
    /// `channel` in chunks; runs on its own thread, has the files read on another, and
    /// prepares each window of units on every core.
    private static func prepare(_ files: [MemoryFile], table: [UInt32: UInt32], into channel: Channel<[PreparedUnit]>) throws {
        let workers = ProcessorCount.active
        let chunkSize = 1024
        // Files with a reader are read on a thread of their own, a window ahead.
        let windows = Channel<(units: ArraySlice<TranslationUnit>, file: Int)>(capacity: 2)
        let readFailure = FailureBox()
        startThread {
            do {
                try Self.read(files, windowSize: chunkSize * workers, into: windows)
            } catch {
                readFailure.error = error
            }
            windows.close()
        }
        defer { windows.cancel() }
        // One folding and encoder per worker, since neither is thread-safe: a window has
        // at most `workers` slices, and slice k uses tools[k].
        let tools = (0..<workers).map { _ in PreparationTools(table: table) }
        while let (units, index) = windows.receive() {
            let source = files[index].sourceLanguage
            let slices = (units.count + chunkSize - 1) / chunkSize
            let chunks = concurrently(slices) { slice in
                let lower = units.startIndex + slice * chunkSize, upper = min(units.endIndex, lower + chunkSize)
                let tool = tools[slice]
                return units[lower..<upper].map { PreparedUnit($0, fileSource: source, folding: tool.folding, encoder: tool.encoder) }
            }
            for chunk in chunks {
                guard channel.send(chunk) else { return }
            }
        }
        if let error = readFailure.error { throw error }
    }

    /// Sends `files`' units in windows of `windowSize`, in order: those read in advance
    /// (slices of the file's array, not copies), then those of each file's reader.
    private static func read(_ files: [MemoryFile], windowSize: Int,
                             into windows: Channel<(units: ArraySlice<TranslationUnit>, file: Int)>) throws {
        for (index, file) in files.enumerated() {
            var start = 0
            while start < file.units.count {
                let end = min(file.units.count, start + windowSize)
                guard windows.send((file.units[start..<end], index)) else { return }
                start = end
            }
            guard let reader = file.reader else { continue }
            while true {
                let units = try reader.next(windowSize)
                if units.isEmpty { break }
                guard windows.send((units[...], index)) else { return }
            }
        }
    }
}

/// Runs `body` on a new thread. The import's stages block on one another, so they get
/// threads of their own: blocked work items in Dispatch's pool (one thread per core)
/// would hold up the next stage until Dispatch adds a thread, about a second later.
func startThread(_ body: @escaping @Sendable () -> Void) {
    let thread = Thread(block: body)
    thread.qualityOfService = .userInitiated
    thread.start()
}

/// The error that stopped reading, handed from the reading thread to the writing one
/// (set before the channel closes, read after it has).
final class FailureBox: @unchecked Sendable {
    var error: (any Error)?

    init() {}
}

/// A worker's folding and encoder, used by one slice of a window at a time.
private final class PreparationTools: @unchecked Sendable {
    let folding: MatchFolding
    let encoder = JSONEncoder()

    init(table: [UInt32: UInt32]) {
        folding = MatchFolding(simplified: table)
        encoder.outputFormatting = [.sortedKeys]
    }
}

/// A unit ready to store: its row and its index items.
package struct PreparedUnit: Sendable {
    package var row: PendingRow?
    package var zhItems: [Int64] = [], zhLength = 0
    package var otherItems: [Int64] = [], otherLength = 0

    init(_ unit: TranslationUnit, fileSource: LanguageTag?, folding: MatchFolding, encoder: JSONEncoder) {
        row = PendingRow(unit, fileSource: fileSource, folding: folding, encoder: encoder)
        guard let row else { return }
        let zh = MatchTokens(row.zh, folding: folding), other = MatchTokens(row.other, folding: folding)
        zhItems = CandidateIndex.items(zh.ids, scheme: MemorySide.chinese.scheme)
        zhLength = zh.count
        otherItems = CandidateIndex.items(other.ids, scheme: MemorySide.other.scheme)
        otherLength = other.count
    }
}

/// A bounded queue between one producer thread and one consumer.
final class Channel<Element: Sendable>: @unchecked Sendable {
    private let condition = NSCondition()
    private var items: [Element] = []
    private var closed = false
    private var cancelled = false
    private let capacity: Int

    init(capacity: Int) {
        self.capacity = capacity
    }

    /// Waits for room; false when the consumer gave up.
    func send(_ item: Element) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while items.count >= capacity && !cancelled { condition.wait() }
        if cancelled { return false }
        items.append(item)
        condition.broadcast()
        return true
    }

    /// The next item, or nil when the producer is done or either side gave up.
    func receive() -> Element? {
        condition.lock()
        defer { condition.unlock() }
        while items.isEmpty && !closed && !cancelled { condition.wait() }
        if items.isEmpty || cancelled { return nil }
        let item = items.removeFirst()
        condition.broadcast()
        return item
    }

    func close() {
        condition.lock()
        closed = true
        condition.broadcast()
        condition.unlock()
    }

    func cancel() {
        condition.lock()
        cancelled = true
        items.removeAll()
        condition.broadcast()
        condition.unlock()
    }
}

/// A unit turned into the row the memory stores, or `nil` when it cannot be stored.
package struct PendingRow: Sendable {
    package var key: Int64
    package var zhLanguage: String, zh: String, zhMarkup: String?
    package var otherLanguage: String, other: String, otherMarkup: String?
    package var zhIsSource: Bool
    package var tuid: String?, created: String?, tool: String?, metadata: String?, origin: String?

    init?(_ unit: TranslationUnit, fileSource: LanguageTag?, folding: MatchFolding, encoder: JSONEncoder) {
        guard let (zhIndex, otherIndex) = unit.chinesePair else { return nil }
        let zhVariant = unit.variants[zhIndex], otherVariant = unit.variants[otherIndex]
        zh = zhVariant.segment.plainText
        other = otherVariant.segment.plainText
        guard !zh.unicodeScalars.allSatisfy(\.properties.isWhitespace), !other.unicodeScalars.allSatisfy(\.properties.isWhitespace) else {
            return nil
        }
        zhLanguage = zhVariant.language.written
        otherLanguage = otherVariant.language.written
        func markup(_ segment: Segment) -> String? {
            guard segment.hasCodes, let data = try? encoder.encode(segment) else { return nil }
            return String(decoding: data, as: UTF8.self)
        }
        zhMarkup = markup(zhVariant.segment)
        otherMarkup = markup(otherVariant.segment)
        let sourceAttribute = unit.metadata.otherAttributes.first { $0.name == "srclang" }.map { LanguageTag($0.value) }
        let source = sourceAttribute ?? fileSource
        zhIsSource = source.map { !otherVariant.language.matches($0) || $0.isChinese } ?? true
        tuid = unit.id
        origin = unit.origin?.description
        created = unit.metadata.creationDate ?? zhVariant.metadata.creationDate
        tool = unit.metadata.creationTool
        if unit.variants.count == 2 && unit.metadata.isEmpty && zhVariant.metadata.isEmpty && otherVariant.metadata.isEmpty {
            metadata = nil
        } else {
            let extra = unit.variants.indices.filter { $0 != zhIndex && $0 != otherIndex }.map { unit.variants[$0] }
            let stored = StoredMetadata(unit: unit.metadata, zh: zhVariant.metadata, other: otherVariant.metadata, extra: extra)
            metadata = (try? encoder.encode(stored)).map { String(decoding: $0, as: UTF8.self) }
        }
        var hasher = FNV64()
        // Language codes by their lower-case subtags: `ZH-cn` and `zh_CN` are the same.
        for subtag in zhVariant.language.subtags { hasher.add(subtag) }
        hasher.add(zh)
        hasher.add(zhMarkup ?? "")
        for subtag in otherVariant.language.subtags { hasher.add(subtag) }
        hasher.add(other)
        hasher.add(otherMarkup ?? "")
        key = Int64(bitPattern: hasher.value)
    }

    /// True when a stored row has this row's texts, markup and languages.
    package func sameText(zhLanguage storedZhLanguage: String, zh storedZh: String, zhMarkup storedZhMarkup: String?,
                          otherLanguage storedOtherLanguage: String, other storedOther: String, otherMarkup storedOtherMarkup: String?) -> Bool {
        zh == storedZh && other == storedOther && zhMarkup == storedZhMarkup && otherMarkup == storedOtherMarkup
            && LanguageTag(zhLanguage) == LanguageTag(storedZhLanguage)
            && LanguageTag(otherLanguage) == LanguageTag(storedOtherLanguage)
    }
}

/// FNV-1a, 64 bits, over strings separated by a byte no UTF-8 text contains.
struct FNV64 {
    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    mutating func add(_ text: String) {
        for byte in text.utf8 { value = (value ^ UInt64(byte)) &* 0x100_0000_01b3 }
        value = (value ^ 0xFF) &* 0x100_0000_01b3
    }
}
