/// The bracket pairs translators use around originals, half- and full-width.
/// One table, shared by the extractor and the draft checker.
public enum Brackets {
    /// Whether `scalar` opens a bracket.
    @inlinable @inline(__always)
    public static func isOpener(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "(", "[", "（", "［", "【", "〔", "〖": true
        default: false
        }
    }

    /// Whether `scalar` closes a bracket.
    @inlinable @inline(__always)
    public static func isCloser(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case ")", "]", "）", "］", "】", "〕", "〗": true
        default: false
        }
    }

    /// Whether `scalar` may be a bracket: `(`, `)`, `[`, `]`, U+3010–U+3017 (`【】〔〕〖〗` and
    /// two others) or a full-width `（）［］`. A cheap test before `isOpener` and `isCloser`.
    @inlinable @inline(__always)
    public static func mayBeBracket(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if v < 0x3010 { return v == 0x28 || v == 0x29 || v == 0x5B || v == 0x5D }
        // 【】〔〕〖〗 and the full-width （）［］; not the Han characters between them.
        return v <= 0x3017 || v >= 0xFF08 && (v <= 0xFF09 || v == 0xFF3B || v == 0xFF3D)
    }

    /// The closing bracket for `opener`, or nil.
    @inlinable @inline(__always)
    public static func closer(for opener: Unicode.Scalar) -> Unicode.Scalar? {
        switch opener {
        case "(": ")"
        case "[": "]"
        case "（": "）"
        case "［": "］"
        case "【": "】"
        case "〔": "〕"
        case "〖": "〗"
        default: nil
        }
    }
}

/// A bracketed stretch of one line: scalar offsets of the opener and closer.
struct BracketSpan: Hashable {
    var open: Int
    var close: Int
    var depth: Int
    var contentRange: Range<Int> { (open + 1)..<close }
}

enum BracketScanner {
    /// The bracket pairs of `line` outside `masked` positions, innermost last.
    /// A closer of another type than the opener (`[腾讯)`) still closes it: the
    /// extractor reads what the translator meant; the checker reports the slip.
    /// - Complexity: O(n); the nesting depth is bounded by the line length, no recursion.
    static func spans(_ line: [Unicode.Scalar], masked: [Bool]) -> [BracketSpan] {
        var stack: [(Int, Unicode.Scalar)] = []
        var spans: [BracketSpan] = []
        for (i, scalar) in line.enumerated() where Brackets.mayBeBracket(scalar) && !masked[i] {
            if Brackets.isOpener(scalar) {
                stack.append((i, scalar))
            } else if Brackets.isCloser(scalar), let top = stack.last {
                // A mismatched closer closes the innermost opener only if no matching opener waits below.
                if Brackets.closer(for: top.1) != scalar,
                   let k = stack.lastIndex(where: { Brackets.closer(for: $0.1) == scalar }) {
                    stack.removeSubrange((k + 1)...)
                }
                let (open, _) = stack.removeLast()
                spans.append(BracketSpan(open: open, close: i, depth: stack.count))
            }
        }
        return spans.sorted { $0.open < $1.open }
    }
}
