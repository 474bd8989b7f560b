import BilingualCorpus
public import SourceText
import Terminology

/// The same original rendered differently in the files checked together:
/// `Moonshot AI [月之暗面]` and later `Dark Side of the Moon [月之暗面]`.
public struct InconsistentRenderingRule: CheckRule {
    public static let description = RuleDescription(
        identifier: "inconsistent-rendering", name: "Inconsistent rendering",
        summary: "Finds originals rendered in more than one way across the files checked together (those in one language); the less used renderings are reported, with notes pointing at the others.",
        rationale: "One concept, one name: a reader who meets two names assumes two things.",
        defaultSeverity: .warning,
        passing: ["Moonshot AI [月之暗面] and again Moonshot AI [月之暗面]", "large models [大模型] and a large model [大模型]",
                  "the New Left (新左派) met the Chinese New Left (新左派) again",
                  "Gan Yang wrote _Unify the Three Traditions_ [通三统]; the call for “unifying the three traditions” [通三统] spread."],
        failing: ["Moonshot AI [月之暗面] shipped; Moonshot AI [月之暗面] grew; the ↓Dark Side of the Moon [月之暗面] fell"])

    /// Spans chosen with less confidence than this are not compared: a wrong span would
    /// look like a rival rendering.
    public static let minimumConfidence = 0.75

    public init() {}

    public func check(_ document: DraftDocument, context: CheckContext) -> [Diagnostic] {
        Self.check([document])
    }

    /// The findings across `documents` (the rule compares files with each other, those
    /// written in one language: an English and a Spanish translation differ by design).
    public static func check(_ documents: [DraftDocument]) -> [Diagnostic] {
        guard documents.count > 1 else { return checkTogether(documents) }
        var groups: [String: [DraftDocument]] = [:]
        var order: [String] = []
        for document in documents {
            let language = ProseLanguage.guess(document)
            if groups[language] == nil { order.append(language) }
            groups[language, default: []].append(document)
        }
        return order.flatMap { checkTogether(groups[$0]!) }
    }

    private static func checkTogether(_ documents: [DraftDocument]) -> [Diagnostic] {
        var uses: [String: [(document: DraftDocument, pair: AlignedPair)]] = [:]
        var order: [String] = []
        for document in documents {
            // Only confident spans count, and a transliteration (pinyin) is an alternative, not a rival.
            for pair in document.pairs where pair.kind != .parallel && !pair.en.isEmpty
                && pair.confidence >= minimumConfidence && !pair.evidence.contains("pinyin") {
                if uses[pair.zh] == nil { order.append(pair.zh) }
                uses[pair.zh, default: []].append((document, pair))
            }
        }
        var findings: [Diagnostic] = []
        for zh in order {
            let list = uses[zh]!
            let keys = list.map { RenderingKey.of($0.pair.en) }  // once per use
            var counts: [String: Int] = [:]
            var firstSeen: [String: Int] = [:]
            for (index, key) in keys.enumerated() {
                counts[key, default: 0] += 1
                if firstSeen[key] == nil { firstSeen[key] = index }
            }
            guard counts.count > 1 else { continue }
            // The most used rendering (the first seen of those tied) is the reference; not the
            // dictionary's order, which changes from run to run.
            let reference = counts.max { a, b in a.value != b.value ? a.value < b.value : firstSeen[a.key]! > firstSeen[b.key]! }!.key
            let referenceUses = list.indices.filter { keys[$0] == reference }.map { list[$0] }
            for (use, key) in zip(list, keys) where !Self.sameHead(key, reference) {
                let notes = referenceUses.prefix(3).map {
                    Diagnostic.Note(source: $0.document.source, location: $0.pair.enLocation, message: "rendered '\($0.pair.en)' here")
                }
                let end = SourceLocation(line: use.pair.enLocation.line, column: use.pair.enLocation.column + use.pair.en.unicodeScalars.count)
                findings.append(Diagnostic(ruleID: description.identifier, severity: description.defaultSeverity,
                                           message: "'\(zh)' is rendered '\(use.pair.en)' here but '\(referenceUses[0].pair.en)' \(referenceUses.count) time\(referenceUses.count == 1 ? "" : "s") elsewhere",
                                           source: use.document.source, start: use.pair.enLocation, end: end, notes: notes))
            }
        }
        return findings
    }

    /// Whether two rendering keys are the same or one ends with the other as whole words:
    /// `lunar calendar` and `traditional Chinese lunar calendar` differ only in how far back
    /// the span reached, which is not a rival rendering.
    static func sameHead(_ a: String, _ b: String) -> Bool {
        if a == b { return true }
        let (short, long) = a.count < b.count ? (a, b) : (b, a)
        return !short.isEmpty && long.hasSuffix(" " + short)
    }
}
