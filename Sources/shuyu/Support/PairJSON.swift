import BilingualCorpus

/// A pair as a JSON object (keys in a fixed order).
enum PairJSON {
    static func object(_ pair: AlignedPair) -> String {
        var fields: [(String, String)] = [
            ("zh", JSONText.string(pair.zh)),
            ("en", JSONText.string(pair.en)),
            ("kind", JSONText.string(pair.kind.rawValue)),
            ("file", JSONText.string(pair.source)),
            ("line", String(pair.zhLocation.line)),
            ("column", String(pair.zhLocation.column)),
            ("enLine", String(pair.enLocation.line)),
            ("enColumn", String(pair.enLocation.column)),
            ("confidence", String((pair.confidence * 100).rounded() / 100)),
            ("uncertain", pair.uncertain ? "true" : "false"),
        ]
        if !pair.definition.isEmpty { fields.append(("definition", JSONText.string(pair.definition))) }
        if !pair.alternatives.isEmpty {
            fields.append(("alternatives", "[" + pair.alternatives.map(JSONText.string).joined(separator: ",") + "]"))
        }
        fields.append(("evidence", "[" + pair.evidence.map(JSONText.string).joined(separator: ",") + "]"))
        return JSONText.object(fields)
    }
}
