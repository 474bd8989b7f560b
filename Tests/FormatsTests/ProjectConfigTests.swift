import Foundation
import Formats
import SourceText
import Testing

@Suite struct ProjectConfigTests {
    /// Spaces and tabs around keys, values and array items are dropped, including the
    /// ideographic space a Chinese keyboard types; the text inside quotes is kept.
    @Test func spacesAndTabsAroundKeysAndValues() throws {
        let text = "\tdictionaries =\t[ \"a b.u8\" ,\t\"c.tsv\" ]\u{3000}\n  [check] \nspacing = \"never\"  # house style\n"
        let config = try ProjectConfig.parse(text, source: ".shuyu.toml", folder: URL(fileURLWithPath: "/p"))
        #expect(config.values["dictionaries"] == ["a b.u8", "c.tsv"])
        #expect(config.values["check.spacing"] == ["never"])
        #expect(config.paths("dictionaries") == ["/p/a b.u8", "/p/c.tsv"])
    }

    /// Relative paths are joined to the project folder as strings, as URL joins them.
    @Test(arguments: ["/p", "/p/", "/", "/项目/卷王"])
    func relativePathsJoinAsURLDoes(_ folder: String) throws {
        let values = ["a.u8", "dict/cedict_ts.u8", "./x.tsv", "../shared/team.tsv", "d/", "a//b.tsv", "卷王.tsv", "/abs/olute.u8"]
        let text = "dictionaries = [" + values.map { "\"\($0)\"" }.joined(separator: ", ") + "]\n"
        let config = try ProjectConfig.parse(text, source: ".shuyu.toml", folderPath: folder)
        let expected = values.map { $0.hasPrefix("/") ? $0 : URL(fileURLWithPath: folder, isDirectory: true).appendingPathComponent($0).path }
        #expect(config.paths("dictionaries") == expected)
        #expect(try ProjectConfig.parse(text, source: ".shuyu.toml", folder: URL(fileURLWithPath: folder)).paths("dictionaries") == expected)
    }

    /// The trimming Foundation calls `.whitespaces`: spaces and tabs at either end, not
    /// line breaks and not the text between.
    @Test func trimmingSpaces() {
        #expect(" \t卷王 之王\u{3000}".trimmingSpaces() == "卷王 之王")
        #expect("\u{00A0}x\u{2009}".trimmingSpaces() == "x")
        #expect("\nx\n".trimmingSpaces() == "\nx\n")
        #expect(" \t ".trimmingSpaces() == "")
        // Cut at scalars, not characters: a combining mark after a space stays.
        #expect(Array(" \u{301}x\t".trimmingSpaces().unicodeScalars) == ["\u{301}", "x"])
        #expect("[ 卷王 ]".dropFirst().dropLast().trimmingSpaces() == "卷王")
        #expect("".trimmingSpaces() == "")
        for sample in [" a ", "\tb\t", "\u{3000}c\u{3000}", "d\n ", "  "] {
            #expect(sample.trimmingSpaces() == sample.trimmingCharacters(in: .whitespaces))
        }
    }
}
