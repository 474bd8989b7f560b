import BilingualCorpus
import DraftCheck
import SourceText
import Testing

/// Every rule's own examples are its tests: passing examples give no finding, failing
/// examples give findings exactly at the `↓` markers. Each example runs again after a
/// prefix of CJK text and emoji, to catch column mistakes.
struct RuleExample: CustomTestStringConvertible, Sendable {
    var rule: String
    var text: String
    var failing: Bool
    var testDescription: String { "\(rule): \(text)" }

    static var all: [RuleExample] {
        RuleRegistry.all.flatMap { rule in
            rule.description.passing.map { RuleExample(rule: rule.description.identifier, text: $0, failing: false) }
                + rule.description.failing.map { RuleExample(rule: rule.description.identifier, text: $0, failing: true) }
        }
    }
}

func findings(_ rule: any CheckRule.Type, _ text: String) -> [Diagnostic] {
    let document = DraftDocument(text: text, source: "example.md", extractor: try! PairExtractor())
    let context = rule == GlossaryRenderingRule.self ? GlossaryRenderingRule.exampleContext : CheckContext()
    return Checker(rules: [rule], context: context).check([document])
}

/// The text without `↓` markers, and the locations the markers stood at.
func markers(_ text: String) -> (String, [SourceText.SourceLocation]) {
    var clean = ""
    var locations: [SourceText.SourceLocation] = []
    var line = 1, column = 1
    for scalar in text.unicodeScalars {
        if scalar == "↓" {
            locations.append(SourceText.SourceLocation(line: line, column: column))
            continue
        }
        clean.unicodeScalars.append(scalar)
        if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
    }
    return (clean, locations)
}

@Suite struct RuleExampleTests {
    @Test(arguments: RuleExample.all)
    func example(_ example: RuleExample) {
        let rule = RuleRegistry.rule(example.rule)!
        for prefix in ["", "「🙂」👍🏽 "] {
            let (text, expected) = markers(prefix.isEmpty ? example.text : prefix + example.text)
            let shifted = expected.map { SourceText.SourceLocation(line: $0.line, column: $0.column) }
            let found = findings(rule, text).map(\.start)
            #expect(found == (example.failing ? shifted : []), "prefix '\(prefix)'")
        }
    }

    @Test func everyRuleHasExamplesAndAnID() {
        for rule in RuleRegistry.all {
            let d = rule.description
            #expect(!d.passing.isEmpty && !d.failing.isEmpty, "\(d.identifier)")
            #expect(d.identifier.allSatisfy { $0.isLowercase || $0 == "-" }, "\(d.identifier)")
        }
    }

    @Test func suppressionComments() {
        let text = "<!-- shuyu-disable-next-line empty-brackets -->\nan empty [] here\nand [] there\n<!-- shuyu-disable -->\n[] [] \n<!-- shuyu-enable -->\nlast []"
        let lines = findings(EmptyBracketsRule.self, text).map(\.start.line)
        #expect(lines == [3, 7])
    }

    /// The longest rules start first, and a rule listed twice still runs twice.
    @Test func ruleOrderKeepsEveryListedRule() {
        let extractor = try! PairExtractor()
        let document = DraftDocument(text: "Officials now speak of 共同富裕 at every meeting, and [].", source: "d.md", extractor: extractor)
        let once = Checker(rules: [EmptyBracketsRule.self, UntranslatedChineseRule.self]).check([document])
        let twice = Checker(rules: [UntranslatedChineseRule.self, EmptyBracketsRule.self, UntranslatedChineseRule.self]).check([document])
        #expect(once.map(\.ruleID) == ["untranslated-chinese", "empty-brackets"])
        #expect(twice.map(\.ruleID) == ["untranslated-chinese", "untranslated-chinese", "empty-brackets"])
    }

    @Test func deeplyNestedBracketsDoNotOverflow() {
        let text = String(repeating: "[", count: 200_000) + "卷王" + String(repeating: "]", count: 200_000)
        #expect(findings(UnbalancedBracketRule.self, text).isEmpty)
    }

    @Test func inconsistentRenderingsAcrossFiles() {
        let sharedExtractor = try! PairExtractor()
        let a = DraftDocument(text: "Moonshot AI [月之暗面] shipped. Moonshot AI [月之暗面] grew.", source: "a.md", extractor: sharedExtractor)
        let b = DraftDocument(text: "The Dark Side of the Moon [月之暗面] fell.", source: "b.md", extractor: sharedExtractor)
        let found = Checker(rules: [InconsistentRenderingRule.self]).check([a, b])
        #expect(found.map { "\($0.source):\($0.start)" } == ["b.md:1:5"])
        #expect(found.first?.notes.map { "\($0.source):\($0.location)" } == ["a.md:1:1", "a.md:1:29"])
    }

    /// On a tie, the rendering seen first is the reference, whatever order a dictionary
    /// would give (ten originals, so a hash-ordered choice would show).
    @Test func tiedRenderingsReferToTheFirstSeen() {
        let extractor = try! PairExtractor()
        let names = ["Alpha Labs", "Beta Labs", "Gamma Labs"]
        let originals = ["甲公司", "乙公司", "丙公司", "丁公司", "戊公司", "己公司", "庚公司", "辛公司", "壬公司", "癸公司"]
        var text = ""
        for zh in originals {
            // Alpha once, then Gamma twice and Beta twice: Gamma is the reference.
            for name in [names[0], names[2], names[1], names[2], names[1]] { text += "We met \(name) [\(zh)] today.\n" }
        }
        let document = DraftDocument(text: text, source: "a.md", extractor: extractor)
        let found = Checker(rules: [InconsistentRenderingRule.self]).check([document])
        #expect(found.count == 30)
        #expect(found.filter { $0.message.contains("here but 'Gamma Labs'") }.count == 30)
    }

    /// Translations into different languages render an original differently by design.
    @Test func renderingsAreComparedWithinOneTargetLanguage() {
        let extractor = try! PairExtractor()
        let english = DraftDocument(text: "The lab and the rest of the field saw how the New Left (新左派) grew.", source: "en.md", extractor: extractor)
        let spanish = DraftDocument(text: "El laboratorio y los otros vieron que la Nueva Izquierda (新左派) es fuerte.", source: "es.md", extractor: extractor)
        let english2 = DraftDocument(text: "It is said that the Young Left (新左派) and the rest of them met.", source: "en2.md", extractor: extractor)
        #expect(Checker(rules: [InconsistentRenderingRule.self]).check([english, spanish]).isEmpty)
        #expect(Checker(rules: [InconsistentRenderingRule.self]).check([english, spanish, english2]).map(\.source) == ["en2.md"])
    }
}
