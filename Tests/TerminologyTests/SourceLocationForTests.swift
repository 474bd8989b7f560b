import SourceText

enum SourceLocationForTests {
    static let origin = SourceText.SourceLocation(line: 1, column: 1)
}
