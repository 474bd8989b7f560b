import Terminology

/// How the checker compares two renderings of one original: by `CandidateGlossary`'s key
/// (case and plural aside), with light verb inflection aside too, so that `Unify the three
/// traditions` and `unifying the three traditions`, or `planned economy` and `planning
/// economy`, count as one rendering. The glossary's own key keeps them apart, since an
/// extracted glossary must not merge `planning` into `plan`.
enum RenderingKey {
    static func of(_ en: String) -> String {
        CandidateGlossary.renderingKey(en).split(separator: " ").map { stem(String($0)) }.joined(separator: " ")
    }

    /// `unifying`, `unified` → `unify`; `planning`, `planned` → `plan`; `making` → `mak`,
    /// `make` → `mak`. Only comparisons use it, so a stem need not be a word.
    static func stem(_ word: String) -> String {
        var w = Substring(word)
        for suffix in ["ing", "ied", "ed"] where w.count >= suffix.count + 3 && w.hasSuffix(suffix) {
            w = w.dropLast(suffix.count)
            if suffix == "ied" { return String(w) + "y" }
            // planning → plann → plan
            if let last = w.last, w.count >= 3, w.dropLast().last == last, !"aeiouls".contains(last) { w = w.dropLast() }
            return String(w)
        }
        if w.count >= 4, w.hasSuffix("e") { w = w.dropLast() }
        return String(w)
    }
}
