#if canImport(FoundationXML)
import FoundationXML
#endif
import Foundation
import SourceText
public import Terminology

/// Reads TermBase eXchange files: TBX-Basic / TBX v2 (`martif` root, `langSet`,
/// `tig`/`ntig`) and TBX v3 (`tbx` root, `langSec`, `termSec`). Each concept's Chinese
/// terms are paired with its English terms; definitions, notes, subject fields and
/// administrative status (`preferredTerm-admn-sts` → approved, `admittedTerm` →
/// candidate, `deprecatedTerm`/`supersededTerm` → deprecated) are kept.
///
/// No DTD or external entity is ever read or fetched.
public enum TBXReader {
    /// The glossary in `data`, read from `source`.
    /// - Throws: `FormatError` with the line and column of malformed XML, or of a file that is not TBX.
    public static func read(_ data: Data, source: String) throws(FormatError) -> Glossary {
        let delegate = TBXParserDelegate()
        let parser = XMLParser(data: data)
        parser.shouldResolveExternalEntities = false
        parser.shouldProcessNamespaces = false
        parser.delegate = delegate
        let ok = parser.parse()
        if !ok || delegate.failure != nil {
            let line = max(1, parser.lineNumber), column = max(1, parser.columnNumber)
            let reason = delegate.failure ?? (parser.parserError.map { "malformed XML (\(($0 as NSError).code))" } ?? "malformed XML")
            throw FormatError(source: source, location: SourceLocation(line: line, column: column),
                              message: "\(reason); nothing was imported")
        }
        guard delegate.sawRoot else {
            throw FormatError(source: source, location: SourceLocation(line: 1, column: 1),
                              message: "not a TBX file: the root element must be <martif> or <tbx>")
        }
        return Glossary(rows: delegate.rows, source: source)
    }
}

/// One term of a language section, with what was said about it.
private struct TBXTerm {
    var text = ""
    var status: TermStatus?
    var note = ""
    var line = 0
}

private final class TBXParserDelegate: NSObject, XMLParserDelegate {
    var rows: [Glossary.Row] = []
    var failure: String?
    var sawRoot = false

    private var path: [String] = []
    private var text = ""
    private var language = ""
    private var entryLine = 0
    private var definition = ""
    private var domain = ""
    private var terms: [(language: String, term: TBXTerm)] = []
    private var currentTerm: TBXTerm?
    private var currentAttributes: [String: String] = [:]

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        if path.isEmpty {
            guard name == "martif" || name == "tbx" else {
                failure = "not a TBX file: the root element is <\(name)>, expected <martif> or <tbx>"
                parser.abortParsing()
                return
            }
            sawRoot = true
        }
        path.append(name)
        text = ""
        currentAttributes = attributes
        switch name {
        case "termEntry", "conceptEntry":
            entryLine = parser.lineNumber
            definition = ""
            domain = ""
            terms = []
        case "langSet", "langSec":
            language = (attributes["xml:lang"] ?? attributes["lang"] ?? "").lowercased()
        case "tig", "ntig", "termSec":
            currentTerm = TBXTerm(line: parser.lineNumber)
        default:
            break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        text += string
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        let value = text.trimmingCharacters(in: .whitespacesAndNewlines)
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

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {
        if failure == nil { failure = "malformed XML" }
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
