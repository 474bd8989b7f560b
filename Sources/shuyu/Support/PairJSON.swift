import BilingualCorpus
import Reporting

/// A pair as a JSON object (keys in a fixed order).
enum PairJSON {
    static func object(_ pair: AlignedPair) -> String {
        // Written into one string: this runs once per pair, and a file may hold 100,000s.
        var out = ""
        out.reserveCapacity(160 + pair.zh.utf8.count + pair.en.utf8.count + pair.source.utf8.count + pair.definition.utf8.count)
        func field(_ name: StaticString, first: Bool = false) {
            out += first ? "{\"" : ",\""
            out += name.description
            out += "\":"
        }
        func strings(_ values: [String]) {
            out += "["
            for (index, value) in values.enumerated() {
                if index > 0 { out += "," }
                JSONEscape.append(value, to: &out)
            }
            out += "]"
        }
        field("zh", first: true); JSONEscape.append(pair.zh, to: &out)
        field("en"); JSONEscape.append(pair.en, to: &out)
        field("kind"); JSONEscape.append(pair.kind.rawValue, to: &out)
        field("file"); JSONEscape.append(pair.source, to: &out)
        field("line"); out += String(pair.zhLocation.line)
        field("column"); out += String(pair.zhLocation.column)
        field("enLine"); out += String(pair.enLocation.line)
        field("enColumn"); out += String(pair.enLocation.column)
        field("confidence"); out += String((pair.confidence * 100).rounded() / 100)
        field("uncertain"); out += pair.uncertain ? "true" : "false"
        if !pair.definition.isEmpty { field("definition"); JSONEscape.append(pair.definition, to: &out) }
        if !pair.alternatives.isEmpty { field("alternatives"); strings(pair.alternatives) }
        field("evidence"); strings(pair.evidence)
        out += "}"
        return out
    }
}
