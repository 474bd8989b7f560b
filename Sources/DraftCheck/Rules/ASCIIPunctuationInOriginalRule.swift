import BilingualCorpus
public import SourceText

/// ASCII punctuation inside a Chinese original: `[安全,可靠,可控]`, `[要么有钱,要么有人]`.
public struct ASCIIPunctuationInOriginalRule: CheckRule {
    public static let description = RuleDescription(
        identifier: "ascii-punctuation-in-original", name: "ASCII punctuation in an original",
        summary: "Finds half-width commas, semicolons and colons between Chinese characters inside an original.",
        rationale: "Chinese text uses full-width punctuation; a half-width comma shows the original was retyped, not copied.",
        defaultSeverity: .warning,
        passing: ["secure, reliable [安全、可靠、可控]", "Liang Wenfeng [梁文锋, CEO]",
                  "see 张凤安:《[习近平:从陕北的山沟一路走来](http://news.ifeng.com/a.shtml)》", "儒学的经济学解释, (北京: 中国经济出版社, 2016)"],
        failing: ["secure [安全↓,可靠↓,可控]", "either money or people [要么有钱↓,要么有人]"])

    public init() {}

    public func check(_ document: DraftDocument, context: CheckContext) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        for index in document.bracketLines {
            let line = document.lines[index]
            let s = line.scalars
            for case let .pair(open, close, _) in BracketEvents.scan(line) where BracketEvents.hasHan(line, (open + 1)..<close) {
                // Markdown link text (`[习近平:从陕北…](http://…)`) is not an original, and neither is a
                // bracket in Chinese prose, such as a citation's `(北京: 中国经济出版社, 2016)`.
                if s[open] == "[", close + 1 < s.count, s[close + 1] == "(", line.masked[close + 1] { continue }
                if Self.followsChinese(s, open) { continue }
                // Items between commas: short ones form a list (、), longer ones clauses (，).
                let commas = ((open + 1)..<close).filter { s[$0] == "," && isBetweenHan(s, $0, open, close) }
                var itemStart = open + 1
                var longest = 0
                for k in commas + [close] {
                    longest = max(longest, k - itemStart)
                    itemStart = k + 1
                }
                for k in (open + 1)..<close where [",", ";", ":"].contains(s[k]) && isBetweenHan(s, k, open, close) {
                    let replacement = s[k] == ";" ? "；" : s[k] == ":" ? "：" : longest <= 3 ? "、" : "，"
                    findings.append(diagnostic(document, line: line.number, k, k + 1,
                                               "ASCII '\(s[k])' inside the original '\(s.string((open + 1)..<close))'; write '\(replacement)'",
                                               fix: Fix(start: SourceLocation(line: line.number, column: k + 1),
                                                        end: SourceLocation(line: line.number, column: k + 2), replacement: replacement)))
                }
            }
        }
        return findings
    }

    /// Whether the text before `open` (spaces, quotes, emphasis and ASCII commas aside) is Chinese.
    static func followsChinese(_ s: [Unicode.Scalar], _ open: Int) -> Bool {
        var k = open - 1
        while k >= 0, CharacterClass.isSpace(s[k]) || "_*\"'”’,;:".unicodeScalars.contains(s[k]) { k -= 1 }
        return k >= 0 && (CharacterClass.isHan(s[k]) || CharacterClass.chinesePunctuation.contains(s[k]))
    }

    /// Han on both sides (spaces allowed between).
    private func isBetweenHan(_ s: [Unicode.Scalar], _ k: Int, _ open: Int, _ close: Int) -> Bool {
        var a = k - 1, b = k + 1
        while a > open, s[a] == " " { a -= 1 }
        while b < close, s[b] == " " { b += 1 }
        return a > open && b < close && CharacterClass.isHan(s[a]) && CharacterClass.isHan(s[b])
    }
}
