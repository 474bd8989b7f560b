internal import CICUShim

/// The writing system of a character, as far as Shuyu needs to tell them apart.
public enum Script: String, Sendable, Hashable {
    /// Han characters (Chinese), including 〇 and the CJK extensions.
    case han
    /// Latin letters, including full-width `Ａ` and accented letters.
    case latin
    /// Any other script: Cyrillic, Greek, kana, Hangul, ...
    case other
    /// Digits, punctuation, spaces and symbols (ICU's Common and Inherited):
    /// they belong to whatever run they stand in.
    case neutral

    /// The script of `scalar` according to ICU's Script property.
    public init(_ scalar: Unicode.Scalar) {
        switch cicu_script(scalar.value) {
        case Int32(CICU_SCRIPT_HAN): self = .han
        case Int32(CICU_SCRIPT_LATIN): self = .latin
        case Int32(CICU_SCRIPT_COMMON), Int32(CICU_SCRIPT_INHERITED), Int32(CICU_SCRIPT_INVALID): self = .neutral
        default: self = .other
        }
    }
}

/// A maximal stretch of text in one script, with neutral characters attached
/// to the run they stand in (leading neutrals join the first run).
public struct ScriptRun: Hashable, Sendable {
    /// The run's range in the text.
    public var range: Range<String.Index>
    /// The run's script; `.neutral` only for a text made of neutral characters alone.
    public var script: Script

    /// Creates a run.
    public init(range: Range<String.Index>, script: Script) {
        self.range = range
        self.script = script
    }

    /// The script runs of `text`, in order, covering it exactly.
    public static func runs(in text: String) -> [ScriptRun] {
        var runs: [ScriptRun] = []
        let scalars = text.unicodeScalars
        var runStart = scalars.startIndex
        var current = Script.neutral
        var index = scalars.startIndex
        while index != scalars.endIndex {
            let script = Script(scalars[index])
            if script != .neutral && script != current {
                if current == .neutral {
                    current = script  // leading neutrals join the first real run
                } else {
                    runs.append(ScriptRun(range: runStart..<index, script: current))
                    runStart = index
                    current = script
                }
            }
            index = scalars.index(after: index)
        }
        if runStart != scalars.endIndex {
            runs.append(ScriptRun(range: runStart..<scalars.endIndex, script: current))
        }
        return runs
    }
}
