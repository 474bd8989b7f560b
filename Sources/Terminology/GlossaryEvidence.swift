public import BilingualCorpus
public import ChineseText

/// Known renderings from glossaries, as evidence for the extractor: the
/// approved rendering first, then candidates; deprecated and forbidden ones
/// still identify the span (a translator may have used them).
public struct GlossaryEvidence: TermEvidence, Sendable {
    private var renderingsByTerm: [String: [String]] = [:]
    /// The Chinese terms, for glossary-aware segmentation.
    public private(set) var lexicon = Lexicon()

    /// Evidence from `glossaries`.
    public init(_ glossaries: [Glossary]) {
        var ranked: [String: [(Int, String)]] = [:]
        for glossary in glossaries {
            for row in glossary.rows {
                let entry = row.entry
                lexicon.insert(entry.zh)
                guard !entry.en.isEmpty else { continue }
                let rank = switch entry.status {
                case .approved: 0
                case .candidate: 1
                case .deprecated: 2
                case .forbidden: 3
                }
                ranked[entry.zh, default: []].append((rank, entry.en))
            }
        }
        for (zh, list) in ranked {
            var seen: Set<String> = []
            renderingsByTerm[zh] = list.sorted { $0.0 < $1.0 }.map(\.1).filter { seen.insert($0).inserted }
        }
    }

    public func renderings(of zh: String) -> [String] { renderingsByTerm[zh] ?? [] }
    public func isKnownTerm(_ zh: String) -> Bool { lexicon.contains(zh) }

    /// Word-level pinyin readings from the glossaries' pinyin column, for a `PinyinConverter`.
    public static func addReadings(from glossaries: [Glossary], to pinyin: PinyinConverter) {
        for glossary in glossaries {
            for row in glossary.rows where !row.entry.pinyin.isEmpty {
                pinyin.addReading(row.entry.zh, pinyin: row.entry.pinyin)
            }
        }
    }
}
