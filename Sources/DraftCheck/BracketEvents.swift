import BilingualCorpus

/// What the bracket scan of one line found.
enum BracketEvent {
    /// A pair; `matched` is false for `[腾讯)` or `［华为]`.
    case pair(open: Int, close: Int, matched: Bool)
    /// An opener never closed on its line.
    case unclosed(open: Int)
    /// A closer with no opener; `doubled` when it repeats the closer just before it (`]]`).
    case stray(close: Int, doubled: Bool)
    /// A closer with no opener that reads as an emoticon (`:)`) or an enumerator (`2)`): not
    /// a slip, but it may close an opener left open on the line before (`(see` / `figure 2)`).
    case loose(close: Int)
}

enum BracketEvents {
    /// The bracket events of `line`, ignoring masked text, emoticons (`:)`, `;-)`) and
    /// enumerators (`1)`, `a)`, `iv)` at the start of a line or after a space).
    /// - Complexity: O(n); no recursion, so 200,000 nested brackets are fine.
    static func scan(_ line: DraftDocument.Line) -> [BracketEvent] {
        line.brackets
    }

    static func compute(_ line: DraftDocument.Line) -> [BracketEvent] {
        let s = line.scalars
        var stack: [Int] = []
        var events: [BracketEvent] = []
        // Most scalars are no bracket: find the next one in a tight loop over the buffers.
        let candidates: [Int] = s.withUnsafeBufferPointer { scalars in
            line.masked.withUnsafeBufferPointer { masked in
                var found: [Int] = []
                for i in 0..<scalars.count where Brackets.mayBeBracket(scalars[i]) && !masked[i] { found.append(i) }
                return found
            }
        }
        for i in candidates {
            let c = s[i]
            if Brackets.isOpener(c) {
                stack.append(i)
            } else if Brackets.isCloser(c) {
                if let open = stack.popLast() {
                    events.append(.pair(open: open, close: i, matched: Brackets.closer(for: s[open]) == c))
                } else if !isEmoticon(s, i) && !isEnumerator(s, i) {
                    let doubled = i > 0 && s[i - 1] == c
                    events.append(.stray(close: i, doubled: doubled))
                } else {
                    events.append(.loose(close: i))
                }
            }
        }
        for open in stack where !isEmoticonOpener(s, open) { events.append(.unclosed(open: open)) }
        return events
    }

    static func isEmoticon(_ s: [Unicode.Scalar], _ i: Int) -> Bool {
        var k = i - 1
        if k >= 0, s[k] == "-" || s[k] == "^" { k -= 1 }
        return k >= 0 && (s[k] == ":" || s[k] == ";" || s[k] == "=" || s[k] == "8" && k > 0 && s[k - 1] == " ")
    }

    static func isEmoticonOpener(_ s: [Unicode.Scalar], _ i: Int) -> Bool {
        var k = i - 1
        if k >= 0, s[k] == "-" { k -= 1 }
        return k >= 0 && (s[k] == ":" || s[k] == ";" || s[k] == "=")
    }

    /// `1)`, `a)`, `iv)` standing alone at the start of a line or after a space, also
    /// inside Markdown emphasis (`_1) Preface_`, `**a)**`).
    static func isEnumerator(_ s: [Unicode.Scalar], _ i: Int) -> Bool {
        guard s[i] == ")" || s[i] == "）" else { return false }
        var k = i - 1
        var length = 0
        while k >= 0, CharacterClass.isDigit(s[k]) || CharacterClass.isLatinLetter(s[k]) { k -= 1; length += 1 }
        while k >= 0, s[k] == "_" || s[k] == "*" { k -= 1 }
        return length >= 1 && length <= 3 && (k < 0 || CharacterClass.isSpace(s[k]) || s[k] == "(")
    }

    /// Whether `line[range]` holds a Han character.
    static func hasHan(_ line: DraftDocument.Line, _ range: Range<Int>) -> Bool {
        range.contains { CharacterClass.isHan(line.scalars[$0]) }
    }
}
