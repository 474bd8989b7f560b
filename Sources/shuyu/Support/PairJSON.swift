import BilingualCorpus
import Reporting

/// A pair as a JSON object (keys in a fixed order).
enum PairJSON {
    /// Appends the object to `bytes`. This runs once per pair, and a file may hold 100,000s:
    /// it writes UTF-8 straight into the output, with no string in between.
    static func append(_ pair: AlignedPair, to bytes: inout [UInt8]) {
        func field(_ name: StaticString, first: Bool = false) {
            bytes.append(first ? 0x7B : 0x2C)  // { or ,
            bytes.append(0x22)
            name.withUTF8Buffer { bytes.append(contentsOf: $0) }
            bytes.append(0x22)
            bytes.append(0x3A)  // :
        }
        func number(_ value: Int) {
            if value < 0 { bytes.append(0x2D) }
            var magnitude = value.magnitude
            var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                         UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
                (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
            var count = 0
            withUnsafeMutableBytes(of: &digits) { buffer in
                repeat {
                    buffer[19 - count] = 0x30 + UInt8(magnitude % 10)
                    magnitude /= 10
                    count += 1
                } while magnitude > 0
                bytes.append(contentsOf: buffer[(20 - count)...])
            }
        }
        func literal(_ text: String) { bytes.append(contentsOf: text.utf8) }
        func strings(_ values: [String]) {
            bytes.append(0x5B)  // [
            for (index, value) in values.enumerated() {
                if index > 0 { bytes.append(0x2C) }
                JSONEscape.append(value, to: &bytes)
            }
            bytes.append(0x5D)  // ]
        }
        field("zh", first: true); JSONEscape.append(pair.zh, to: &bytes)
        field("en"); JSONEscape.append(pair.en, to: &bytes)
        field("kind"); JSONEscape.append(pair.kind.rawValue, to: &bytes)
        field("file"); JSONEscape.append(pair.source, to: &bytes)
        field("line"); number(pair.zhLocation.line)
        field("column"); number(pair.zhLocation.column)
        field("enLine"); number(pair.enLocation.line)
        field("enColumn"); number(pair.enLocation.column)
        field("confidence"); literal(String((pair.confidence * 100).rounded() / 100))
        field("uncertain"); literal(pair.uncertain ? "true" : "false")
        if !pair.definition.isEmpty { field("definition"); JSONEscape.append(pair.definition, to: &bytes) }
        if !pair.alternatives.isEmpty { field("alternatives"); strings(pair.alternatives) }
        field("evidence"); strings(pair.evidence)
        bytes.append(0x7D)  // }
    }
}
