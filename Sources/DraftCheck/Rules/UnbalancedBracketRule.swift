public import SourceText
import BilingualCorpus

/// An unclosed `[` or `(` (half- or full-width, and 【】), a stray closer, a doubled closer.
public struct UnbalancedBracketRule: CheckRule {
    public static let description = RuleDescription(
        identifier: "unbalanced-bracket", name: "Unbalanced bracket",
        summary: "Finds brackets that are opened and never closed, closed without being opened, or closed twice.",
        rationale: "A lost bracket hides where the original ends; readers and tools then misread the English around it.",
        defaultSeverity: .error,
        passing: ["Stepfun [阶跃星辰] and Zhipu AI【智谱】", "1) plan 2) build a) test", "_2) A paradox?_ and **b)** next", "Nice :) and ;-)", "(see figure 2)",
                  "a hard-wrapped aside (see\nfigure 2) closes on the next line",
                  "the interval $(a, b]]$ inside math is not prose", "$$\nf(x) = [a, b]]\n$$\nand prose again"],
        failing: ["Zhipu AI [智谱]↓]", "Stepfun ↓[阶跃星辰 went on", "the platform（平台）↓） again", "↓【智谱 unfinished",
                  "Stepfun ↓[阶跃星辰 went quiet.\nTencent 腾讯↓] said nothing", "a list\n- item ↓(open\n- item closed↓)",
                  "prices rose from $20 ↓(and $30 later"])

    public init() {}

    public func check(_ document: DraftDocument, context: CheckContext) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        // Openers left open at the end of a line that does not end a sentence: in hard-wrapped
        // text the next line of the paragraph may close them (`[**the shapes are $(n,a,b)$,` /
        // `and $(n,b,c)$**]`). A sentence per line keeps every slip: `Stepfun [阶跃星辰 went quiet.`
        var carried: [(line: Int, open: Int, opener: Unicode.Scalar)] = []
        func reportCarried() {
            for (number, open, opener) in carried {
                findings.append(diagnostic(document, line: number, open, open + 1, "bracket '\(opener)' is not closed"))
            }
            carried = []
        }
        // Whether `closer` closes the opener carried last (and takes it off).
        func closesCarried(_ closer: Unicode.Scalar) -> Bool {
            guard let last = carried.last, Brackets.closer(for: last.opener) == closer else { return false }
            carried.removeLast()
            return true
        }
        for line in document.lines {
            if line.isCode || Self.beginsBlock(line) { reportCarried() }
            guard !line.isCode else { continue }
            var opened: [(line: Int, open: Int, opener: Unicode.Scalar)] = []
            for event in BracketEvents.scan(line) {
                switch event {
                case .unclosed(let open):
                    opened.append((line.number, open, line.scalars[open]))
                case .stray(let close, let doubled):
                    let closer = line.scalars[close]
                    if !doubled, closesCarried(closer) { continue }
                    findings.append(diagnostic(document, line: line.number, close, close + 1, doubled
                        ? "doubled closing bracket '\(closer)\(closer)'" : "closing bracket '\(closer)' has no opening bracket",
                        fix: doubled ? Fix(start: SourceLocation(line: line.number, column: close + 1),
                                           end: SourceLocation(line: line.number, column: close + 2), replacement: "") : nil))
                case .loose(let close):
                    _ = closesCarried(line.scalars[close])
                case .pair:
                    break
                }
            }
            // What the next line cannot close any more is reported now.
            reportCarried()
            carried = opened
            if Self.endsSentence(line) { reportCarried() }
        }
        reportCarried()
        return findings  // in the order found: the checker sorts every rule's findings
    }

    /// Whether `line` is blank or opens a new Markdown block (heading, list item, quote, table
    /// row), so it does not continue the paragraph before it.
    static func beginsBlock(_ line: DraftDocument.Line) -> Bool {
        let s = line.scalars
        var k = 0
        while k < s.count, CharacterClass.isSpace(s[k]) { k += 1 }
        guard k < s.count else { return true }
        switch s[k] {
        case "#", ">", "|": return true
        case "-", "*", "+": return k + 1 < s.count && s[k + 1] == " "
        default:
            var j = k
            while j < s.count, CharacterClass.isDigit(s[j]) { j += 1 }
            return j > k && j + 1 < s.count && (s[j] == "." || s[j] == ")") && s[j + 1] == " "
        }
    }

    /// Whether `line` ends with a sentence's end (`.`, `。`, `!`, `?`, `…`, a closing quote or
    /// emphasis after one), or is blank.
    static func endsSentence(_ line: DraftDocument.Line) -> Bool {
        var k = line.scalars.count - 1
        while k >= 0, CharacterClass.isSpace(line.scalars[k]) || closingMarks.contains(line.scalars[k]) { k -= 1 }
        guard k >= 0 else { return true }
        return sentenceEnds.contains(line.scalars[k])
    }

    /// What may follow a sentence's end, and the ends.
    static let closingMarks = ScalarList("\"”’』」*_")
    static let sentenceEnds = ScalarList(".。!！?？…")
}
