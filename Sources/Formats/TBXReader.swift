import Foundation
import SourceText
public import Terminology

/// Reads TermBase eXchange files: TBX-Basic / TBX v2 (`martif` root, `langSet`,
/// `tig`/`ntig`) and TBX v3 (`tbx` root, `langSec`, `termSec`). Each concept's Chinese
/// terms are paired with its English terms; definitions, notes, subject fields and
/// administrative status (`preferredTerm-admn-sts` → approved, `admittedTerm` →
/// candidate, `deprecatedTerm`/`supersededTerm` → deprecated) are kept.
///
/// Read with `XMLScanner`: no DTD or external entity is ever read or fetched, entity
/// declarations are refused, and UTF-16 files with a byte order mark are fine.
public enum TBXReader {
    /// The glossary in `data`, read from `source`.
    /// - Throws: `FormatError` with the line and column of malformed XML, or of a file that is not TBX.
    public static func read(_ data: Data, source: String) throws(FormatError) -> Glossary {
        var scanner = try XMLScanner(fileBytes: [UInt8](data), source: source)
        let reader = TBXReaderState()
        do throws(FormatError) {
            while let token = try scanner.next() {
                switch token.kind {
                case .startTag(let name, let attributes, let selfClosing):
                    var table: [String: String] = [:]
                    for attribute in attributes where table[attribute.name] == nil { table[attribute.name] = attribute.value }
                    if let failure = reader.start(name, attributes: table, line: token.location.line) {
                        throw FormatError(source: source, location: token.location, message: "\(failure); nothing was imported")
                    }
                    if selfClosing { reader.end(name) }
                case .endTag(let name):
                    reader.end(name)
                case .text(let text), .cdata(let text):
                    reader.text += text
                }
            }
        } catch {
            throw error.message.hasSuffix("nothing was imported") ? error
                : FormatError(source: error.source, location: error.location, message: error.message + "; nothing was imported")
        }
        guard reader.sawRoot else {
            throw FormatError(source: source, location: SourceLocation(line: 1, column: 1),
                              message: "not a TBX file: the root element must be <martif> or <tbx>")
        }
        return Glossary(rows: reader.rows, source: source)
    }
}

/// One term of a language section, with what was said about it.
private struct TBXTerm {
    var text = ""
    var status: TermStatus?
    var note = ""
    var line = 0
}

/// What the reader remembers while it walks the elements.
private final class TBXReaderState {
    var rows: [Glossary.Row] = []
    var sawRoot = false
    var text = ""

    private var path: [String] = []
    private var language = ""
    private var entryLine = 0
    private var definition = ""
    private var domain = ""
    private var terms: [(language: String, term: TBXTerm)] = []
    private var currentTerm: TBXTerm?
    private var currentAttributes: [String: String] = [:]

    /// An element starts; returns why the file is not TBX, if it is not.
    func start(_ name: String, attributes: [String: String], line: Int) -> String? {
        if path.isEmpty {
            guard name == "martif" || name == "tbx" else {
                return "not a TBX file: the root element is <\(name)>, expected <martif> or <tbx>"
            }
            sawRoot = true
        }
        path.append(name)
        text = ""
        currentAttributes = attributes
        switch name {
        case "termEntry", "conceptEntry":
            entryLine = line
            definition = ""
            domain = ""
            terms = []
        case "langSet", "langSec":
            language = (attributes["xml:lang"] ?? attributes["lang"] ?? "").lowercased()
        case "tig", "ntig", "termSec":
            currentTerm = TBXTerm(line: line)
        default:
            break
        }
        return nil
    }

    /// An element ends.
    func end(_ name: String) {
        // XML white space only: a zero-width or ideographic space is part of the term.
        let value = text.trimmingCharacters(in: CharacterSet(charactersIn: " \t\r\n"))
        let type = currentAttributes["type"] ?? ""
        switch name {
        case "term":
            currentTerm?.text = value
        case "termNote":
            if type == "administrativeStatus" || type == "normativeAuthorization" {
                currentTerm?.status = Self.status(value)
            }
        case "descrip":
            if type == "definition", definition.isEmpty { definition = value }
            if type == "subjectField", domain.isEmpty { domain = value }
        case "note":
            if currentTerm != nil { currentTerm?.note = value }
        case "tig", "ntig", "termSec":
            if let term = currentTerm, !term.text.isEmpty { terms.append((language, term)) }
            currentTerm = nil
        case "termEntry", "conceptEntry":
            emitEntry()
        default:
            break
        }
        if !path.isEmpty { path.removeLast() }
        text = ""
    }

    private func emitEntry() {
        let chinese = terms.filter { $0.language.hasPrefix("zh") }
        let english = terms.filter { $0.language.hasPrefix("en") }
        for zh in chinese {
            if english.isEmpty {
                rows.append(.init(entry: TermEntry(zh: zh.term.text, en: "", definition: definition, domain: domain), line: zh.term.line))
            }
            for en in english {
                let entry = TermEntry(zh: zh.term.text, en: en.term.text, status: en.term.status ?? .approved,
                                      definition: definition, note: en.term.note, domain: domain)
                rows.append(.init(entry: entry, line: en.term.line))
            }
        }
    }

    static func status(_ value: String) -> TermStatus {
        let v = value.lowercased()
        if v.hasPrefix("preferred") { return .approved }
        if v.hasPrefix("admitted") { return .candidate }
        if v.hasPrefix("deprecated") || v.hasPrefix("superseded") || v.hasPrefix("obsolete") { return .deprecated }
        if v.contains("forbidden") || v.contains("notrecommended") { return .forbidden }
        return .approved
    }
}
