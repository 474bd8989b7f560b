import ChineseText
import Foundation
import ICUText
import Testing

/// The bundled table of character readings against the system's ICU. When ICU changes,
/// this test fails and says how to regenerate the table.
@Suite struct HanReadingTableTests {
    /// Every Han code point's reading from ICU's `Han-Latin` transliterator, lower-cased.
    static func icuReadings() throws -> [UInt32: String] {
        let hanLatin = try Transliterator(id: "Han-Latin")
        var readings: [UInt32: String] = [:]
        for value in UInt32(0x2E80)...0x3FFFF {
            guard let scalar = Unicode.Scalar(value), Script(scalar) == .han else { continue }
            let character = String(Character(scalar))
            let reading = hanLatin.transform(character).lowercased()
            if reading != character { readings[value] = reading }
        }
        return readings
    }

    @Test func tableIsWhatTheSystemICUGives() throws {
        let readings = try Self.icuReadings()
        #expect(readings.count > 40_000)
        let generated = HanReadings.tableSource(readings, icuVersion: icuVersion)
        let table = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources/ChineseText/HanReadingTable.swift")
        if ProcessInfo.processInfo.environment["SHUYU_WRITE_HAN_READINGS"] != nil {
            try generated.write(to: table, atomically: true, encoding: .utf8)
        }
        let bundled = try String(contentsOf: table, encoding: .utf8)
        #expect(bundled == generated, "HanReadingTable.swift differs from this ICU's Han-Latin: regenerate it with SHUYU_WRITE_HAN_READINGS=1 swift test --filter HanReadingTableTests")
        var mismatches: [String] = []
        for (value, reading) in readings where HanReadings.reading(of: Unicode.Scalar(value)!) != reading {
            mismatches.append("U+\(String(value, radix: 16)): \(reading)")
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(5))")
    }

    @Test func charactersWithoutAReadingHaveNone() {
        #expect(HanReadings.reading(of: "a") == nil)
        #expect(HanReadings.reading(of: "。") == nil)
        #expect(HanReadings.reading(of: "卷") == "juǎn")
        #expect(HanReadings.reading(of: "〇") == "líng")
    }
}
