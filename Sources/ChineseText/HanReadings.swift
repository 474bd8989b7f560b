/// The pinyin reading of single Han characters, as ICU's `Han-Latin` transliterator
/// gives them, from a table made once from ICU (`HanReadingTable.swift`).
///
/// Opening `Han-Latin` compiles some 45,000 transliteration rules: about 0.1 s in every
/// process that needs pinyin, which was most of the time `shuyu check` and `shuyu extract`
/// took on a short draft. The table answers the same question with a binary search over
/// static memory and costs nothing to load. A test checks it against the system's ICU
/// for every Han code point and tells how to regenerate it when ICU changes.
public enum HanReadings {
    /// The lower-cased, tone-marked reading of `scalar` (`卷` → `juǎn`), or nil when ICU
    /// has none (rare characters, or not Han at all).
    public static func reading(of scalar: Unicode.Scalar) -> String? {
        guard let number = readingNumber(of: scalar.value) else { return nil }
        return syllables[number]
    }

    /// The distinct readings, numbered as the records number them.
    static let syllables: [String] = syllableText.withUTF8Buffer { bytes in
        String(decoding: bytes, as: UTF8.self).split(separator: " ").map(String.init)
    }

    /// Bytes per record: five hex digits of code point, a space, three hex digits of
    /// reading number and a newline.
    static let recordLength = 10

    /// The reading number of `codePoint`, by binary search over the sorted records.
    static func readingNumber(of codePoint: UInt32) -> Int? {
        records.withUTF8Buffer { bytes -> Int? in
            // The last record has no newline.
            var low = 0, high = (bytes.count + 1) / recordLength
            while low < high {
                let middle = (low + high) / 2
                let found = hexValue(bytes, at: middle * recordLength, digits: 5)
                if found == codePoint {
                    return Int(hexValue(bytes, at: middle * recordLength + 6, digits: 3))
                }
                if found < codePoint { low = middle + 1 } else { high = middle }
            }
            return nil
        }
    }

    private static func hexValue(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int, digits: Int) -> UInt32 {
        var value: UInt32 = 0
        for k in offset..<(offset + digits) {
            let byte = UInt32(bytes[k])
            value = value << 4 | (byte <= 0x39 ? byte - 0x30 : byte - 0x41 + 10)
        }
        return value
    }

    /// The text of `HanReadingTable.swift` for `readings` (code point → reading): what the
    /// table's test compares with the file, and writes when asked to regenerate it.
    public static func tableSource(_ readings: [UInt32: String], icuVersion: String) -> String {
        let syllables = Set(readings.values).sorted { $0.unicodeScalars.map(\.value).lexicographicallyPrecedes($1.unicodeScalars.map(\.value)) }
        precondition(syllables.count <= 0xFFF, "more readings than three hex digits can number")
        let number = Dictionary(uniqueKeysWithValues: syllables.enumerated().map { ($0.element, $0.offset) })
        var text = """
        // Generated from ICU \(icuVersion)'s Han-Latin transliterator (Unicode License v3); do not edit.
        // The test HanReadingTableTests checks it against the system's ICU. Regenerate with:
        //   SHUYU_WRITE_HAN_READINGS=1 swift test --filter HanReadingTableTests

        extension HanReadings {
            /// The distinct readings, separated by spaces; records number them from 0.
            static let syllableText: StaticString = "\(syllables.joined(separator: " "))"

            /// One record per Han character with a reading, sorted by code point: five hex
            /// digits of code point and three of reading number.
            static let records: StaticString = \"\"\"

        """
        for codePoint in readings.keys.sorted() {
            text += hex(codePoint, digits: 5) + " " + hex(UInt32(number[readings[codePoint]!]!), digits: 3) + "\n"
        }
        text += "\"\"\"\n}\n"
        return text
    }

    private static func hex(_ value: UInt32, digits: Int) -> String {
        let text = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, digits - text.count)) + text
    }
}
