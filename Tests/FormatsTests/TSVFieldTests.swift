import Formats
import Testing

/// Every TSV reader in Formats splits a row with `TSVField.fields`: at tab bytes, empty
/// fields kept, and a tab followed by a combining mark still ends its field.
@Suite struct TSVFieldTests {
    @Test(arguments: [("卷王\tInvolution King", ["卷王", "Involution King"]), ("", [""]), ("\t\t", ["", "", ""]),
                      ("a\t\u{301}b", ["a", "\u{301}b"]), ("zh\ten\t", ["zh", "en", ""])])
    func fieldsAreSplitAtTabs(_ row: String, _ expected: [String]) {
        #expect(TSVField.fields(Substring(row)).map(String.init) == expected)
    }
}
