import Foundation
import Testing
@testable import shuyu

/// The path helpers that a lookup's start-up uses instead of Foundation give Foundation's answers.
@Suite struct PathTests {
    @Test(arguments: ["/", "", "/a/b", "/a/./b/", "//a//b//", "/a/b/../c", "/../a", "/a/..", "/a/../..", "/a/b/./../../c/",
                      "/文件/卷王/../内卷", "/a/.../b", "/a/..b/c", "/.hidden/./x", "/a/b/.."])
    func standardizedAsURLDoesIt(_ path: String) {
        let expected = URL(fileURLWithPath: path.isEmpty ? "/" : path).standardizedFileURL.path
        #expect(FileSystem.standardized(path) == (expected.count > 1 && expected.hasSuffix("/") ? String(expected.dropLast()) : expected))
    }

    @Test(arguments: ["Glossaries/ai-tech-policy.tsv", "./Corpora/a.md", "Corpora/../Glossaries/x.tsv", "/etc/hosts", "/tmp/../tmp/x",
                      "../outside.tsv", "卷王.md", "a//b.md", "Corpora/", "", "."])
    func displayPathsAsFoundationGivesThem(_ path: String) {
        let cwd = FileManager.default.currentDirectoryPath
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
        let expected = absolute.hasPrefix(cwd + "/") ? String(absolute.dropFirst(cwd.count + 1)) : absolute
        #expect(DisplayPath.relative(path) == expected)
    }

    @Test func alignedPartnersSwapTheLastLanguageTag() {
        #expect(CorpusFiles.alignedPartner(of: "Corpora/parallel/speech.zh.txt", zhSide: true) == "Corpora/parallel/speech.en.txt")
        #expect(CorpusFiles.alignedPartner(of: "a.zh.b/speech.zh.txt", zhSide: true) == "a.zh.b/speech.en.txt")
        #expect(CorpusFiles.alignedPartner(of: "卷王.en.md", zhSide: false) == "卷王.zh.md")
        #expect(CorpusFiles.alignedPartner(of: "speech.en.txt", zhSide: true) == nil)
        #expect(CorpusFiles.alignedPartner(of: ".zh.", zhSide: true) == ".en.")
        #expect(CorpusFiles.alignedPartner(of: "zh.txt", zhSide: true) == nil)
        #expect(CorpusFiles.alignedPartner(of: "", zhSide: false) == nil)
    }
}
