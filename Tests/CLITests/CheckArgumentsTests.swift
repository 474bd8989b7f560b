import ArgumentParser
import Testing
@testable import shuyu

/// The quick reading of plain `check` command lines agrees with the argument parser, and
/// leaves everything else to it.
@Suite struct CheckArgumentsTests {
    /// Command lines the quick path reads: the same request as the argument parser's.
    @Test(arguments: [
        ["check", "draft.md"],
        ["check", "draft.md", "drafts/", "notes.txt"],
        ["check", "-"],
        ["check", "--format", "json", "draft.md"],
        ["check", "draft.md", "--format=sarif", "--strict"],
        ["check", "--strict", "--format", "github", "drafts/"],
        ["check", "--no-glossary", "draft.md", "--verbose"],
        ["check", "--glossary", "a.tsv", "--glossary=b.tsv", "draft.md"],
        ["check", "卷王.md", "--format", "text"],
        ["check", ""],
    ])
    func sameRequestAsTheParser(_ arguments: [String]) throws {
        let quick = try #require(CheckArguments.request(arguments))
        let parsed = try #require(try Shuyu.parseAsRoot(arguments) as? Shuyu.Check)
        #expect(quick == parsed.request)
    }

    /// Command lines left to the argument parser: help, errors, fixes, rules and anything unusual.
    @Test(arguments: [
        ["check"],
        ["check", "--help"],
        ["check", "-h"],
        ["check", "draft.md", "--version"],
        ["check", "draft.md", "--format", "xml"],
        ["check", "draft.md", "--format"],
        ["check", "draft.md", "--format", "json", "--format", "text"],
        ["check", "draft.md", "--strict", "--strict"],
        ["check", "draft.md", "--strict=yes"],
        ["check", "draft.md", "--fix"],
        ["check", "draft.md", "--fix", "--dry-run"],
        ["check", "draft.md", "--disable", "bracket-spacing"],
        ["check", "draft.md", "--enable", "repeated-original"],
        ["check", "draft.md", "--spacing", "always"],
        ["check", "draft.md", "--glossary"],
        ["check", "draft.md", "--glossary", "--strict"],
        ["check", "--", "-draft.md"],
        ["check", "-x.md"],
        ["lookup", "卷王"],
        ["help", "check"],
        [],
    ])
    func leftToTheParser(_ arguments: [String]) {
        #expect(CheckArguments.request(arguments) == nil)
    }
}
