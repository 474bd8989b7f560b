import BilingualCorpus
import Reporting

/// A pair as a JSON object (keys in a fixed order).
enum PairJSON {
    /// Appends the object to `bytes`. This runs once per pair, and a file may hold 100,000s:
    /// it writes UTF-8 straight into the output, with no string in between.
    static func append(_ pair: AlignedPair, to bytes: inout [UInt8]) {
        // (Each key with its punctuation is one append: `,"en":`.)
        func key(_ text: StaticString) { text.withUTF8Buffer { bytes.append(contentsOf: $0) } }
        func strings(_ values: [String]) {
            bytes.append(0x5B)  // [
            for (index, value) in values.enumerated() {
                if index > 0 { bytes.append(0x2C) }
                JSONEscape.append(value, to: &bytes)
            }
            bytes.append(0x5D)  // ]
        }
        key("{\"zh\":"); JSONEscape.append(pair.zh, to: &bytes)
        key(",\"en\":"); JSONEscape.append(pair.en, to: &bytes)
        key(",\"kind\":"); JSONEscape.append(pair.kind.rawValue, to: &bytes)
        key(",\"file\":"); JSONEscape.append(pair.source, to: &bytes)
        key(",\"line\":"); appendDecimal(pair.zhLocation.line, to: &bytes)
        key(",\"column\":"); appendDecimal(pair.zhLocation.column, to: &bytes)
        key(",\"enLine\":"); appendDecimal(pair.enLocation.line, to: &bytes)
        key(",\"enColumn\":"); appendDecimal(pair.enLocation.column, to: &bytes)
        key(",\"confidence\":"); bytes.append(contentsOf: confidenceText(pair.confidence).utf8)
        key(",\"uncertain\":"); key(pair.uncertain ? "true" : "false")
        if !pair.definition.isEmpty { key(",\"definition\":"); JSONEscape.append(pair.definition, to: &bytes) }
        if !pair.alternatives.isEmpty { key(",\"alternatives\":"); strings(pair.alternatives) }
        key(",\"evidence\":"); strings(pair.evidence)
        bytes.append(0x7D)  // }
    }

    /// `value` in decimal, as `String(value)` writes it.
    static func appendDecimal(_ value: Int, to bytes: inout [UInt8]) {
        guard value >= 0 else {
            bytes.append(contentsOf: String(value).utf8)
            return
        }
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                      UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        withUnsafeMutableBytes(of: &digits) { buffer in
            var rest = value, k = buffer.count
            repeat {
                k -= 1
                buffer[k] = 0x30 + UInt8(rest % 10)
                rest /= 10
            } while rest > 0
            bytes.append(contentsOf: buffer[k...])
        }
    }

    /// The confidence rounded to two decimals, as `String(Double)` writes it (`0.7`, `1.0`).
    static func confidenceText(_ confidence: Double) -> String {
        let hundredths = (confidence * 100).rounded()
        guard hundredths >= 0, hundredths <= 100 else { return String(hundredths / 100) }
        return confidenceTexts[Int(hundredths)]
    }

    /// `String(Double(k) / 100)` for k in 0...100, made once.
    private static let confidenceTexts: [String] = (0...100).map { String(Double($0) / 100) }
}
