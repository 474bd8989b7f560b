import ChineseText
import Formats
import Terminology

/// The grouped output of `extract`: one block (text) or row (tsv) per Chinese term.
enum CandidateReport {
    static func text(_ glossary: CandidateGlossary, pinyin: PinyinConverter, color: Bool, into out: inout OutputBuffer) {
        let bold = color ? "\u{1B}[1m" : "", dim = color ? "\u{1B}[2m" : "", yellow = color ? "\u{1B}[33m" : "", reset = color ? "\u{1B}[0m" : ""
        for term in glossary.allTerms {
            var head = "\(bold)\(term.zh)\(reset)  \(dim)\(pinyin.toneMarked(term.zh))\(reset)"
            if term.hasConflict { head += "  \(yellow)[conflict: \(term.renderings.count) renderings]\(reset)" }
            if term.uncertain { head += "  \(yellow)[translator's query]\(reset)" }
            out.writeLine(head)
            for rendering in term.renderings {
                out.writeLine("  \(rendering.en)  ×\(rendering.count)  \(dim)\(rendering.firstSource)\(reset)")
            }
            for definition in term.definitions {
                out.writeLine("  \(dim)definition:\(reset) \(definition)")
            }
        }
    }

    static func tsv(_ glossary: CandidateGlossary, pinyin: PinyinConverter, into out: inout OutputBuffer) {
        out.writeLine("zh\tpinyin\ten\tcount\tfirst_source\tconflict\tdefinition")
        for term in glossary.allTerms {
            for rendering in term.renderings {
                let fields = [term.zh, pinyin.toneMarked(term.zh), rendering.en, String(rendering.count), rendering.firstSource,
                              term.hasConflict ? "conflict" : "", term.definitions.first ?? ""]
                out.writeLine(TSVField.row(fields))
            }
        }
    }
}
