import Glibc

/// Marks the parts of each line that are not prose: fenced and indented code,
/// inline code, HTML comments, TeX math (`$…$`, `$$…$$`), URLs, Markdown link
/// destinations and footnote references. Carries fence, comment and display-math
/// state from line to line.
public struct LineMasker: Sendable {
    private var fence: Unicode.Scalar?
    private var fenceLength = 0
    private var inComment = false
    /// Inside `$$` display math opened on an earlier line.
    public private(set) var inDisplayMath = false

    /// A masker at the start of a document.
    public init() {}

    /// Whether the whole previous line was code.
    public private(set) var lineIsCode = false

    /// Whether the next line begins outside code fences and comments, as the first line of
    /// a document does.
    public var isAtRest: Bool { fence == nil && !inComment && !inDisplayMath }

    /// What ends a URL (besides a space), and what a URL does not end with.
    static let urlEnders = ScalarList(">\"”’）】」，。；")
    static let sentencePunctuation = ScalarList(".,;:!?")

    /// `mask(line)`, where `utf8` is the line's UTF-8: a line without markup (see
    /// `mayMask`), read while at rest, is prose throughout and is not scanned.
    public mutating func mask(_ line: [Unicode.Scalar], utf8: UnsafeBufferPointer<UInt8>) -> [Bool] {
        guard isAtRest, !Self.mayMask(utf8) else { return mask(line) }
        lineIsCode = false
        return [Bool](repeating: false, count: line.count)
    }

    /// `<` `` ` `` `~` `$`.
    private static let markupBytes: [Int32] = [0x3C, 0x60, 0x7E, 0x24]

    /// Whether UTF-8 text holds something `mask` may mask, or a fence: one of `<` `` ` ``
    /// `~` `$` (see `mayStartMask`), a link's `](` or a footnote reference's `[^` (a bracket
    /// alone, as around an original, masks nothing), or a URL's `://` or `www.` in any case
    /// (see `isURLStart`). A few `memchr` passes, each many bytes at a time.
    static func mayMask(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return false }
        for byte in markupBytes where memchr(base, byte, bytes.count) != nil { return true }
        func next(_ at: Int, _ byte: UInt8) -> Bool { at + 1 < bytes.count && bytes[at + 1] == byte }
        return holds(bytes, 0x5D) { next($0, 0x28) }  // ](
            || holds(bytes, 0x5B) { next($0, 0x5E) }  // [^
            || holds(bytes, 0x2E) { $0 >= 3 && bytes[$0 - 1] | 0x20 == 0x77 && bytes[$0 - 2] | 0x20 == 0x77 && bytes[$0 - 3] | 0x20 == 0x77 }  // www.
            || holds(bytes, 0x3A) { next($0, 0x2F) && next($0 + 1, 0x2F) }  // ://
    }

    /// Whether `byte` stands somewhere in `bytes` at an offset that `test` accepts: `memchr`
    /// from one occurrence to the next.
    private static func holds(_ bytes: UnsafeBufferPointer<UInt8>, _ byte: UInt8, where test: (Int) -> Bool) -> Bool {
        guard let base = bytes.baseAddress else { return false }
        var start = 0
        while start < bytes.count, let found = memchr(base + start, Int32(byte), bytes.count - start) {
            let at = UnsafeRawPointer(found) - UnsafeRawPointer(base)
            if test(at) { return true }
            start = at + 1
        }
        return false
    }

    /// `masked[i]` is true where `line[i]` is not prose.
    public mutating func mask(_ line: [Unicode.Scalar]) -> [Bool] {
        var masked = [Bool](repeating: false, count: line.count)
        // Fenced code blocks: ``` or ~~~ (three or more), closed by the same kind.
        var first = 0
        while first < line.count && (line[first] == " ") { first += 1 }
        if first < line.count && first < 4, line[first] == "`" || line[first] == "~" {
            let mark = line[first]
            var n = 0
            while first + n < line.count && line[first + n] == mark { n += 1 }
            if n >= 3 {
                if let open = fence {
                    if open == mark && n >= fenceLength { fence = nil }
                } else {
                    fence = mark
                    fenceLength = n
                }
                lineIsCode = true
                return [Bool](repeating: true, count: line.count)
            }
        }
        if fence != nil {
            lineIsCode = true
            return [Bool](repeating: true, count: line.count)
        }
        lineIsCode = false
        var i = 0
        if inDisplayMath {
            // Display math ends at `$$`, or at a blank line (TeX allows none inside), so that a
            // stray `$$` cannot hide the rest of a document.
            guard let close = Self.displayMathEnd(line, from: 0) else {
                if line.allSatisfy(CharacterClass.isSpace) { inDisplayMath = false; return masked }
                lineIsCode = true
                return [Bool](repeating: true, count: line.count)
            }
            inDisplayMath = false
            for k in 0..<close { masked[k] = true }
            i = close
        }
        while i < line.count {
            if inComment {
                masked[i] = true
                if line[i] == "-", i + 2 < line.count, line[i + 1] == "-", line[i + 2] == ">" {
                    masked[i + 1] = true
                    masked[i + 2] = true
                    inComment = false
                    i += 3
                    continue
                }
                i += 1
                continue
            }
            // Only < ` $ h w f H W ] [ can start what is masked, and the letters only at a word's
            // start (see `isURLStart`): skip the rest in one tight loop.
            i = line.withUnsafeBufferPointer { scalars in
                var k = i
                while k < scalars.count {
                    let c = scalars[k]
                    if Self.mayStartMask(c) {
                        if c.value < 0x61 && c.value != 0x48 && c.value != 0x57 { break }
                        // A letter starts a URL only at a word's start, and only as http, ftp
                        // (then t) or www (then w): not `which`, `with`, `for`, `have`.
                        let next = k + 1 < scalars.count ? scalars[k + 1].value | 0x20 : 0
                        if next == (c.value | 0x20 == 0x77 ? 0x77 : 0x74),
                           k == 0 || !CharacterClass.isLatinLetter(scalars[k - 1]) { break }
                    }
                    k += 1
                }
                return k
            }
            guard i < line.count else { break }
            let c = line[i]
            if c == "<", i + 3 < line.count, line[i + 1] == "!", line[i + 2] == "-", line[i + 3] == "-" {
                inComment = true
                continue
            }
            if c == "`" {
                // Inline code: a run of n backticks up to the next run of n.
                var n = 0
                while i + n < line.count && line[i + n] == "`" { n += 1 }
                var j = i + n
                var closed = -1
                while j < line.count {
                    if line[j] == "`" {
                        var m = 0
                        while j + m < line.count && line[j + m] == "`" { m += 1 }
                        if m == n { closed = j + m; break }
                        j += m
                    } else {
                        j += 1
                    }
                }
                if closed > 0 {
                    for k in i..<closed { masked[k] = true }
                    i = closed
                    continue
                }
                i += n
                continue
            }
            if c == "$", i == 0 || line[i - 1] != "\\" {
                if i + 1 < line.count, line[i + 1] == "$" {
                    // Display math: to the next `$$`, or on to a later line when `$$` ends this one.
                    if let close = Self.displayMathEnd(line, from: i + 2) {
                        for k in i..<close { masked[k] = true }
                        i = close
                        continue
                    }
                    if line[(i + 2)...].allSatisfy(CharacterClass.isSpace) {
                        for k in i..<line.count { masked[k] = true }
                        inDisplayMath = true
                        if line[..<i].allSatisfy(CharacterClass.isSpace) { lineIsCode = true }
                        return masked
                    }
                    i += 2
                    continue
                }
                if let close = Self.inlineMathEnd(line, from: i) {
                    for k in i..<close { masked[k] = true }
                    i = close
                    continue
                }
                i += 1
                continue
            }
            if c == "h" || c == "w" || c == "f" || c == "H" || c == "W", isURLStart(line, i) {
                var j = i
                while j < line.count && !CharacterClass.isSpace(line[j]) && !Self.urlEnders.contains(line[j]) {
                    j += 1
                }
                // A URL does not end in sentence punctuation or an unbalanced closer.
                while j > i, Self.sentencePunctuation.contains(line[j - 1]) { j -= 1 }
                var depth = 0
                for k in i..<j {
                    if line[k] == "(" { depth += 1 }
                    if line[k] == ")" {
                        if depth == 0 { j = k; break }
                        depth -= 1
                    }
                }
                for k in i..<j { masked[k] = true }
                i = j
                continue
            }
            // Markdown link destination: ](...)
            if c == "]", i + 1 < line.count, line[i + 1] == "(" {
                var j = i + 2
                var depth = 1
                while j < line.count {
                    if line[j] == "(" { depth += 1 }
                    if line[j] == ")" {
                        depth -= 1
                        if depth == 0 { break }
                    }
                    j += 1
                }
                if j < line.count {
                    for k in (i + 1)...j { masked[k] = true }
                    i = j + 1
                    continue
                }
            }
            // Footnote reference [^1]
            if c == "[", i + 1 < line.count, line[i + 1] == "^" {
                var j = i + 2
                while j < line.count && line[j] != "]" && !CharacterClass.isSpace(line[j]) { j += 1 }
                if j < line.count && line[j] == "]" {
                    for k in i...j { masked[k] = true }
                    i = j + 1
                    continue
                }
            }
            i += 1
        }
        return masked
    }

    /// Whether `c` is one of `<` `` ` `` `$` `h` `w` `f` `H` `W` `]` `[`, which may start what is
    /// masked, as bits of two 64-bit words.
    @inline(__always)
    static func mayStartMask(_ c: Unicode.Scalar) -> Bool {
        let v = c.value
        if v >= 0x80 { return false }
        let low: UInt64 = 1 << 0x3C | 1 << 0x24  // < $
        let high: UInt64 = 1 << (0x60 - 64) | 1 << (0x68 - 64) | 1 << (0x77 - 64) | 1 << (0x66 - 64)  // ` h w f
            | 1 << (0x48 - 64) | 1 << (0x57 - 64) | 1 << (0x5D - 64) | 1 << (0x5B - 64)  // H W ] [
        return v < 64 ? low >> UInt64(v) & 1 == 1 : high >> UInt64(v - 64) & 1 == 1
    }

    /// The end (exclusive) of inline math opening at `start` (a `$`), as Pandoc reads it: a
    /// non-space right after the opening `$`, a non-space right before the closing one, and no
    /// digit right after it, so that prices (`$20 and $30`) are not math. Prices Pandoc would
    /// take for math are not either: a currency code before the closing `$` (`$200 billion
    /// (30.7 billion US$)`), or words between `$` and a number (`$5 a head, or $`).
    static func inlineMathEnd(_ line: [Unicode.Scalar], from start: Int) -> Int? {
        guard start + 1 < line.count, !CharacterClass.isSpace(line[start + 1]), line[start + 1] != "$" else { return nil }
        var j = start + 2
        while j < line.count {
            if line[j] == "$", line[j - 1] != "\\" {
                guard !CharacterClass.isSpace(line[j - 1]), j + 1 == line.count || !CharacterClass.isDigit(line[j + 1]),
                      !endsInCurrencyCode(line, j) else { return nil }
                if CharacterClass.isDigit(line[start + 1]), holdsWord(line, (start + 1)..<j) { return nil }
                return j + 1
            }
            j += 1
        }
        return nil
    }

    /// Whether two or three capital letters, a word of their own, stand before `line[end]`: `US$`, `HK$`.
    private static func endsInCurrencyCode(_ line: [Unicode.Scalar], _ end: Int) -> Bool {
        var k = end
        while k > 0, k > end - 4, ("A"..."Z").contains(line[k - 1]) { k -= 1 }
        return (2...3).contains(end - k) && (k == 0 || !CharacterClass.isLatinLetter(line[k - 1]))
    }

    /// Whether `range` holds a word of three letters or more set apart by spaces: prose, not a formula.
    private static func holdsWord(_ line: [Unicode.Scalar], _ range: Range<Int>) -> Bool {
        var run = 0
        var startsWord = false
        for k in range {
            if CharacterClass.isLatinLetter(line[k]) {
                if run == 0 { startsWord = k == range.lowerBound || CharacterClass.isSpace(line[k - 1]) }
                run += 1
                if run >= 3, startsWord { return true }
            } else {
                run = 0
            }
        }
        return false
    }

    /// The end (exclusive) of the first unescaped `$$` at or after `start`.
    static func displayMathEnd(_ line: [Unicode.Scalar], from start: Int) -> Int? {
        var j = start
        while j + 1 < line.count {
            if line[j] == "$", line[j + 1] == "$", j == 0 || line[j - 1] != "\\" { return j + 2 }
            j += 1
        }
        return nil
    }

    private func isURLStart(_ line: [Unicode.Scalar], _ i: Int) -> Bool {
        @inline(__always) func lower(_ s: Unicode.Scalar) -> UInt32 {
            (0x41...0x5A).contains(s.value) ? s.value + 0x20 : s.value
        }
        let first = lower(line[i])
        guard first == 0x68 || first == 0x77 || first == 0x66 else { return false }  // h w f
        if i > 0 && CharacterClass.isLatinLetter(line[i - 1]) { return false }
        func matches(_ word: StaticString) -> Bool {
            let count = word.utf8CodeUnitCount
            guard i + count <= line.count else { return false }
            return word.withUTF8Buffer { bytes in
                for k in 0..<count where lower(line[i + k]) != UInt32(bytes[k]) { return false }
                return true
            }
        }
        return matches("http://") || matches("https://") || matches("www.") || matches("ftp://")
    }
}
