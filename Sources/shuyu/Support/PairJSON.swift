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
        field("line"); literal(String(pair.zhLocation.line))
        field("column"); literal(String(pair.zhLocation.column))
        field("enLine"); literal(String(pair.enLocation.line))
        field("enColumn"); literal(String(pair.enLocation.column))
        field("confidence"); literal(String((pair.confidence * 100).rounded() / 100))
        field("uncertain"); literal(pair.uncertain ? "true" : "false")
        if !pair.definition.isEmpty { field("definition"); JSONEscape.append(pair.definition, to: &bytes) }
        if !pair.alternatives.isEmpty { field("alternatives"); strings(pair.alternatives) }
        field("evidence"); strings(pair.evidence)
        bytes.append(0x7D)  // }
    }
}
