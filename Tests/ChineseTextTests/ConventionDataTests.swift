@testable import ChineseText
import Testing

/// The segmenter's conventions look characters up by scalar, not as `Character` or `String`
/// (which compare canonical equivalents): held to the `Character` answers over every Han and
/// compatibility ideograph.
@Suite struct ConventionDataTests {
    static let scalars: [Unicode.Scalar] = [0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x2F800...0x2FA1F]
        .flatMap { $0.compactMap(Unicode.Scalar.init) } + ["a", "的", "王"]

    @Test func scalarLookupsAreTheCharacterLookups() {
        let differing = Self.scalars.filter { s in
            ConventionData.contains(ConventionData.surnames, ConventionData.surnameScalars, s) != ConventionData.surnames.contains(Character(s))
                || ConventionData.contains(ConventionData.functionCharacters, ConventionData.functionScalars, s)
                    != ConventionData.functionCharacters.contains(Character(s))
        }
        #expect(differing.isEmpty)
        // The compatibility ideographs are why: U+F9F4 stands for 林, a surname, and is one as a Character.
        #expect(ConventionData.contains(ConventionData.surnames, ConventionData.surnameScalars, "\u{F9F4}"))
        #expect(!ConventionData.surnameScalars.contains("\u{F9F4}"))
    }

    @Test func everySuffixBeginsWithAnAdmittedScalar() {
        let firsts = ConventionData.organizationSuffixes.compactMap(\.first)
        let missed = Self.scalars.filter { s in firsts.contains(Character(s)) && !ConventionData.mayBeginSuffix(s) }
        #expect(missed.isEmpty)
        #expect(!ConventionData.mayBeginSuffix("的"))
    }
}
