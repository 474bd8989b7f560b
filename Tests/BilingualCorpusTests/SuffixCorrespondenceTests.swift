@testable import BilingualCorpus
import Testing

@Suite struct SuffixCorrespondenceTests {
    @Test(arguments: [
        ("conservatism", "保守主义", true), ("conservatists", "保守主义者", true), ("conservatism", "保守主义者", false),
        ("traceability", "追溯性", true), ("modernization", "现代化", true), ("sociology", "社会学", true),
        ("ism", "主义", false),  // the suffix alone is not a word that renders it
        ("isms", "新主义", false), ("society", "社会", false), ("writer", "作者", true),
        ("modernization", "现代化 ", true), ("modernization", "“现代化”", true), ("modernization", "化", false),
    ])
    func rendersSuffix(_ word: String, _ zh: String, _ expected: Bool) {
        #expect(SuffixCorrespondence.rendersSuffix(word, of: zh) == expected)
    }

    @Test func endsInSuffix() {
        #expect(SuffixCorrespondence.endsInSuffix("我向中心主义"))
        #expect(SuffixCorrespondence.endsInSuffix("主义者"))  // 者 after 主义
        #expect(!SuffixCorrespondence.endsInSuffix("主义"))
        #expect(!SuffixCorrespondence.endsInSuffix("大模型"))
    }
}
