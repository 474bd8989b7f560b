import ICUText
import Testing
import ShuyuTestSupport
import SourceText
import TranslationMemory

@Suite struct MatchingTests {
    let folding = try! MatchFolding()

    @Test func foldsWidthCaseAndTraditionalForms() {
        #expect(folding.fold("捲王，ＡＩ　Era") == "卷王,ai era")
        #expect(folding.fold("深度學習") == "深度学习")
        #expect(folding.fold("𠀀😀é") == "𠀀😀é")
    }

    @Test func tokensAreCharactersForChineseAndWordsForEnglish() {
        let chinese = MatchTokens("阿里巴巴发布了Qwen 2.5模型。", folding: folding)
        #expect(chinese.count == 12)
        #expect(MemorySide.detect(chinese) == .chinese)
        #expect(MemorySide.detect(MatchTokens("运行 java -jar OmegaT.jar team init", folding: folding)) == .chinese)
        #expect(chinese.numbers.count == 1)
        let english = MatchTokens("Don't run 1,000 tests, please.", folding: folding)
        #expect(english.tokens.map(\.kind) == [.word, .word, .number, .word, .punctuation, .word, .punctuation])
        #expect(english.tokens[2].range == 10..<15)
        #expect(MemorySide.detect(english) == .other)
        #expect(MatchTokens("  ", folding: folding).count == 0)
    }

    @Test func bandedDistanceAgreesWithTheFullTable() {
        var generator = SeededGenerator(seed: 7)
        for _ in 0..<2000 {
            let a = (0..<Int(generator.next() % 12)).map { _ in generator.next() % 4 }
            let b = (0..<Int(generator.next() % 12)).map { _ in generator.next() % 4 }
            let full = EditDistance.alignment(a, b).filter { if case .equal = $0 { false } else { true } }.count
            for limit in 0...12 {
                let banded = EditDistance.distance(a, b, limit: limit)
                #expect(banded == (full <= limit ? full : nil), "\(a) \(b) limit \(limit)")
            }
        }
    }

    @Test func onlyAnIdenticalSourceScoresHundred() throws {
        func score(_ query: String, _ stored: String, minimum: Int = 50) -> Int? {
            MatchScore.score(query: MatchTokens(query, folding: folding), source: MatchTokens(stored, folding: folding),
                             identical: query == stored, minimum: minimum)?.score
        }
        #expect(score("人工智能发展很快。", "人工智能发展很快。") == 100)
        #expect(score("人工智能发展很快。", "人工智能发展很快.") == 99)
        #expect(score("人工智慧發展很快。", "人工智能发展很快。") == 88)
        #expect(score("The model has 7 billion parameters.", "The model has 70 billion parameters.") == 81)
        #expect(score("The model has many parameters.", "The model has few parameters.") == 83)
        #expect(score("完全不同的句子", "人工智能发展很快", minimum: 75) == nil)
    }

    @Test func diffMarksWhatTheStoredSourceLacksAndHas() {
        let diff = MatchDiff(stored: "The model has 70 billion parameters.", query: "The model has 7 billion parameters.", folding: folding)
        #expect(diff.marked == "The model has [-70-]{+7+} billion parameters.")
        let chinese = MatchDiff(stored: "人工智能发展很快。", query: "人工智能进步很快。", folding: folding)
        #expect(chinese.marked == "人工智能[-发展-]{+进步+}很快。")
    }

    /// The candidate index must find exactly what scoring every text finds.
    @Test func indexFindsWhatAFullScanFinds() throws {
        var generator = SeededGenerator(seed: 42)
        let characters = Array("的一是了人工智能发展模型数据研究中国技术大语言深度学习算法")
        let words = ["the", "model", "data", "large", "language", "research", "china", "deep", "learning", "is", "of", "a"]
        var texts: [(id: Int64, text: String, side: MemorySide)] = []
        var chineseTexts: [String] = [], englishTexts: [String] = []
        for id in 1...600 {
            let length = 3 + Int(generator.next() % 14)
            if id % 2 == 0 {
                let text = String((0..<length).map { _ in characters[Int(generator.next() % UInt64(characters.count))] })
                chineseTexts.append(text)
                texts.append((Int64(id), text, .chinese))
            } else {
                let text = (0..<length).map { _ in words[Int(generator.next() % UInt64(words.count))] }.joined(separator: " ")
                englishTexts.append(text)
                texts.append((Int64(id), text, .other))
            }
        }
        let index = InMemoryCandidateIndex(texts, folding: folding)
        for round in 0..<60 {
            let base = round % 2 == 0 ? chineseTexts[round % chineseTexts.count] : englishTexts[round % englishTexts.count]
            var query = Array(base)
            for _ in 0..<Int(generator.next() % 4) where !query.isEmpty {
                query.remove(at: Int(generator.next() % UInt64(query.count)))
            }
            for minimum in [50, 60, 75, 90] {
                var search = FuzzySearch(query: String(query), minimum: minimum, folding: folding)
                let indexed = try search.run(in: index, limit: 10_000)
                let scanned = search.scan(index.all(side: search.side), limit: 10_000)
                #expect(indexed.map(\.id) == scanned.map(\.id), "\(String(query)) at \(minimum)")
                #expect(indexed.map(\.score) == scanned.map(\.score))
            }
        }
    }
}

@Suite struct FoldingTableTests {
    /// A folding made from the table folds exactly as one that asks ICU each time.
    @Test func tableFoldsLikeICU() throws {
        let icu = try MatchFolding()
        let table = try icu.simplifiedTable()
        #expect(table.count > 2000)
        #expect(table[0x6372] == 0x5377)  // 捲 → 卷
        // The table reads only ICU's source set: it must equal one made from every character.
        let transform = try Transliterator(id: "Traditional-Simplified")
        var everything: [UInt32: UInt32] = [:]
        for block in [UInt32(0x3400)...0x4DBF, 0x4E00...0x9FFF] {
            let text = String(String.UnicodeScalarView(block.flatMap { [Unicode.Scalar($0)!, "\n"] }))
            let lines = transform.transform(text).split(separator: "\n", omittingEmptySubsequences: false)
            for (value, line) in zip(block, lines) where line.unicodeScalars.count == 1 && line.unicodeScalars.first!.value != value {
                everything[value] = line.unicodeScalars.first!.value
            }
        }
        #expect(table == everything)
        let fast = MatchFolding(simplified: table)
        let text = "捲王，ＡＩ時代的深度學習與數據。𠀀龜鑑 Ａ ﬁ ㈱"
        #expect(fast.fold(text) == icu.fold(text))
        for value in stride(from: UInt32(0x4E00), through: 0x9FFF, by: 7) {
            let scalar = String(Unicode.Scalar(value)!)
            #expect(fast.fold(scalar) == icu.fold(scalar))
        }
    }
}
