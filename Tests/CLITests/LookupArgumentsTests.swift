import ArgumentParser
import Testing
@testable import shuyu

/// The quick reading of plain `lookup` command lines agrees with the argument parser, and
/// leaves everything else to it.
@Suite struct LookupArgumentsTests {
    /// Command lines the quick path reads: the same request as the argument parser's.
    @Test(arguments: [
        ["lookup", "卷王"],
        ["lookup", "involution king"],
        ["lookup", "卷王", "--format", "json"],
        ["lookup", "--format=tsv", "juanwang"],
        ["lookup", "卷", "--dictionary", "a.u8", "--dictionary=b.tsv", "--context", "2", "--limit=3"],
        ["lookup", "卷王", "--store", "postgres://db/terms", "--quiet", "--verbose"],
        ["lookup", "--quiet", "银行", "--context=0"],
        ["lookup", "卷王", "--dictionary", ""],
    ])
    func sameRequestAsTheParser(_ arguments: [String]) throws {
        let quick = try #require(LookupArguments.request(arguments))
        let parsed = try #require(try Shuyu.parseAsRoot(arguments) as? Shuyu.Lookup)
        #expect(quick == parsed.request)
    }

    /// Command lines left to the argument parser: help, errors and anything unusual.
    @Test(arguments: [
        ["lookup"],
        ["lookup", "--help"],
        ["lookup", "-h"],
        ["lookup", "卷王", "--version"],
        ["lookup", "卷王", "extra"],
        ["lookup", "卷王", "--format", "xml"],
        ["lookup", "卷王", "--format"],
        ["lookup", "卷王", "--limit", "0"],
        ["lookup", "卷王", "--limit", "-1"],
        ["lookup", "卷王", "--context", "two"],
        ["lookup", "卷王", "--limit", "2", "--limit", "3"],
        ["lookup", "卷王", "--quiet", "--quiet"],
        ["lookup", "卷王", "--quiet=yes"],
        ["lookup", "--", "-卷王"],
        ["lookup", "-v", "卷王"],
        ["lookup", "  "],
        ["lookup", "卷王", "--store", "--quiet"],
        ["check", "draft.md"],
        ["help", "lookup"],
        [],
    ])
    func leftToTheParser(_ arguments: [String]) {
        #expect(LookupArguments.request(arguments) == nil)
    }
}
