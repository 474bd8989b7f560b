import BilingualCorpus
import DraftCheck
import Formats
import Foundation
import TranslationMemory

/// Runs one of Shuyu's parsers on arbitrary bytes, as the fuzzer (`Fuzz/`) and the
/// regression tests of what it found do. A parser may reject the input with an
/// error; it must never crash, hang or read outside the input.
public enum ParserFuzzing {
    /// The parsers.
    public enum Target: String, CaseIterable, Sendable {
        /// Bracket, footnote and pair extraction, then every check rule.
        case document
        case tmx, tbx, tsv, pairs, csv, cedict, config
    }

    nonisolated(unsafe) private static var extractor: PairExtractor?

    /// Feeds `bytes` to `target`'s parser. Traps (the fuzzer's finding) when a TMX file
    /// that was read does not write and read back to the same units.
    public static func run(_ target: Target, bytes: [UInt8]) {
        let text = String(decoding: bytes, as: UTF8.self)
        switch target {
        case .document:
            if extractor == nil { extractor = try? PairExtractor() }
            guard let extractor else { return }
            let pairs = extractor.extract(text, source: "fuzz.md")
            let document = DraftDocument(text: text, source: "fuzz.md", extractor: extractor)
            // The checker reads the pairs from its own masked lines: they must be the same.
            guard document.pairs == pairs else { fatalError("the checker's pairs differ from the extractor's") }
            _ = Checker().check([document])
        case .tmx:
            if let document = try? TMXReader.read(bytes: bytes, source: "fuzz.tmx") {
                // What was read writes TMX that reads back to the same units, except where
                // the file held raw control characters XML cannot carry outside segment text
                // (documented in TMXControlCharacter); and writing is stable after that.
                let written = TMXWriter.write(document)
                guard let again = try? TMXReader.read(bytes: Array(written.utf8), source: "again.tmx") else {
                    preconditionFailure("TMX written from a file that was read does not read back")
                }
                let hasControls = bytes.contains { $0 < 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }
                precondition(hasControls || again.units.map(\.variants) == document.units.map(\.variants), "TMX round trip changed the units")
                precondition(TMXWriter.write(again) == written, "TMX writing is not stable")
            }
        case .tbx:
            _ = try? TBXReader.read(Data(bytes), source: "fuzz.tbx")
        case .tsv:
            _ = try? GlossaryTSVReader.read(text, source: "fuzz.tsv").entries
        case .pairs:
            _ = try? PairTSV.read(text, source: "fuzz.tsv")
        case .csv:
            _ = try? CSVFormat.read(text, source: "fuzz.csv")
        case .cedict:
            _ = try? CEDICTReader.read(text, source: "fuzz.u8")
        case .config:
            _ = try? ProjectConfig.parse(text, source: ".shuyu.toml", folder: URL(fileURLWithPath: "/"))
        }
    }
}
