import ChineseText
import Testing

/// The lexicon's trie keeps its edges in a hash table of its own; it must answer as a set
/// of the same words does, through every growth of the table.
extension LexiconTests {
    @Test func answersAsASetOfItsWordsDoes() {
        // Every word of one to four characters over an alphabet whose words share prefixes (a
        // deep trie), with astral characters and the last scalar at the top of the key range;
        // two words in three are inserted, in an order that is not the enumeration's.
        let alphabet: [Unicode.Scalar] = ["卷", "王", "𠀀", "a", "\u{10FFFF}"]
        var all: [[Unicode.Scalar]] = [[]]
        var frontier: [[Unicode.Scalar]] = [[]]
        for _ in 1...4 {
            frontier = frontier.flatMap { word in alphabet.map { word + [$0] } }
            all += frontier
        }
        all.removeFirst()
        func text(_ scalars: some Sequence<Unicode.Scalar>) -> String { String(String.UnicodeScalarView(scalars)) }
        var words: Set<String> = []
        var lexicon = Lexicon()
        for k in all.indices where k % 3 != 0 {
            let word = text(all[(k * 389) % all.count])
            #expect(lexicon.insert(word) == words.insert(word).inserted)
        }
        #expect(lexicon.count == words.count && words.count > 400)
        #expect(lexicon.maxLength == 4)
        for scalars in all {
            let word = text(scalars)
            #expect(lexicon.contains(word) == words.contains(word), "\(word)")
            if scalars.count == 1 { #expect(lexicon.contains(scalars[0]) == words.contains(word)) }
            let lengths = (1...scalars.count).filter { words.contains(text(scalars[..<$0])) }
            #expect(lexicon.matches(in: scalars, from: 0) == lengths, "\(word)")
        }
        #expect(!lexicon.contains("") && !Lexicon().contains("卷") && !Lexicon().contains("卷" as Unicode.Scalar))
    }
}
