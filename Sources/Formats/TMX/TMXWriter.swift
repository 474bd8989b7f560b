public import TranslationMemory

/// Writes TMX 1.4b: UTF-8, one `<tu>` per unit with its `tuid`, attributes, `<prop>`s and
/// `<note>`s, one `<tuv xml:lang="…">` per variant, and inline codes exactly as the model holds
/// them, so that `TMXReader` reads the units back equal (apart from `origin`, which names the
/// line a unit is read from).
///
/// Text escapes `&`, `<` and `>`, and writes a carriage return as `&#13;` so that it
/// survives; attribute values also escape `"`, tab and line breaks. A character XML 1.0
/// cannot hold is written as described in `TMXControlCharacter`: losslessly as a placeholder
/// code inside segment text, as U+FFFD elsewhere.
///
/// Round trips are exact for segments as the reader makes them: no empty text run and no
/// two text runs in a row (the writer joins them).
public enum TMXWriter {
    /// The TMX file for `document`. Required header attributes the header lacks are
    /// written with defaults (`creationtool="Shuyu"`, `segtype="sentence"`, `adminlang="en"`,
    /// `srclang="*all*"`, `datatype="plaintext"`…).
    public static func write(_ document: TMXDocument) -> String {
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<tmx version=\"1.4\">\n"
        writeHeader(document.header, to: &out)
        out += "  <body>\n"
        for unit in document.units { writeUnit(unit, to: &out) }
        out += "  </body>\n</tmx>\n"
        return out
    }

    /// The TMX file Shuyu exports for `units`: `TMXHeader.shuyu(sourceLanguage:toolVersion:)`.
    public static func write(_ units: [TranslationUnit], sourceLanguage: LanguageTag, toolVersion: String) -> String {
        write(TMXDocument(header: .shuyu(sourceLanguage: sourceLanguage, toolVersion: toolVersion), units: units))
    }

    // MARK: - Structure

    private static func writeHeader(_ header: TMXHeader, to out: inout String) {
        var written: [String] = []
        out += "  <header"
        func required(_ name: String, _ value: String?, _ fallback: String) {
            appendAttribute(name, value ?? fallback, to: &out, written: &written)
        }
        required("creationtool", header.creationTool, "Shuyu")
        required("creationtoolversion", header.creationToolVersion, "unknown")
        required("segtype", header.segmentType, "sentence")
        required("o-tmf", header.originalFormat, "Shuyu")
        required("adminlang", header.adminLanguage?.canonical, "en")
        required("srclang", header.sourceLanguage?.canonical, "*all*")
        required("datatype", header.dataType, "plaintext")
        appendMetadataAttributes(header.metadata, to: &out, written: &written)
        let metadata = header.metadata
        if metadata.notes.isEmpty && metadata.properties.isEmpty && header.userDefinedEncodings.isEmpty {
            out += "/>\n"
            return
        }
        out += ">\n"
        appendNotesAndProperties(metadata, indent: "    ", to: &out)
        for encoding in header.userDefinedEncodings {
            var names: [String] = []
            out += "    <ude"
            for attribute in encoding.attributes { appendAttribute(attribute.name, attribute.value, to: &out, written: &names) }
            if encoding.maps.isEmpty {
                out += "/>\n"
                continue
            }
            out += ">\n"
            for map in encoding.maps {
                var mapNames: [String] = []
                out += "      <map"
                for attribute in map { appendAttribute(attribute.name, attribute.value, to: &out, written: &mapNames) }
                out += "/>\n"
            }
            out += "    </ude>\n"
        }
        out += "  </header>\n"
    }

    private static func writeUnit(_ unit: TranslationUnit, to out: inout String) {
        var written: [String] = []
        out += "    <tu"
        if let id = unit.id { appendAttribute("tuid", id, to: &out, written: &written) }
        appendMetadataAttributes(unit.metadata, to: &out, written: &written)
        out += ">\n"
        appendNotesAndProperties(unit.metadata, indent: "      ", to: &out)
        for variant in unit.variants {
            var names: [String] = []
            out += "      <tuv"
            appendAttribute("xml:lang", variant.language.canonical, to: &out, written: &names)
            appendMetadataAttributes(variant.metadata, to: &out, written: &names)
            out += ">\n"
            appendNotesAndProperties(variant.metadata, indent: "        ", to: &out)
            out += "        <seg>"
            appendParts(variant.segment.parts, insideNativeCode: false, to: &out)
            out += "</seg>\n      </tuv>\n"
        }
        out += "    </tu>\n"
    }

    private static func appendMetadataAttributes(_ metadata: UnitMetadata, to out: inout String, written: inout [String]) {
        let fields: [(String, String?)] = [
            ("creationdate", metadata.creationDate), ("creationid", metadata.creationID),
            ("changedate", metadata.changeDate), ("changeid", metadata.changeID),
            ("creationtool", metadata.creationTool), ("creationtoolversion", metadata.creationToolVersion),
            ("usagecount", metadata.usageCount.map(String.init)), ("lastusagedate", metadata.lastUsageDate),
        ]
        for case let (name, value?) in fields { appendAttribute(name, value, to: &out, written: &written) }
        for attribute in metadata.otherAttributes { appendAttribute(attribute.name, attribute.value, to: &out, written: &written) }
    }

    private static func appendNotesAndProperties(_ metadata: UnitMetadata, indent: String, to out: inout String) {
        for note in metadata.notes {
            out += indent + "<note>"
            appendEscaped(note, to: &out)
            out += "</note>\n"
        }
        for property in metadata.properties {
            var names: [String] = []
            out += indent + "<prop"
            appendAttribute("type", property.type, to: &out, written: &names)
            if let language = property.language { appendAttribute("xml:lang", language, to: &out, written: &names) }
            out += ">"
            appendEscaped(property.value, to: &out)
            out += "</prop>\n"
        }
    }

    // MARK: - Segments

    /// Writes `parts`; `insideNativeCode` is true in the content of `bpt`, `ept`, `it`, `ph` and `ut`.
    private static func appendParts(_ parts: [Segment.Part], insideNativeCode: Bool, to out: inout String) {
        for part in parts {
            switch part {
            case .text(let text):
                appendEscaped(text, to: &out, controlsAsCodes: !insideNativeCode)
            case .code(let code):
                var names: [String] = []
                out += "<" + code.kind.rawValue
                for attribute in code.attributes { appendAttribute(attribute.name, attribute.value, to: &out, written: &names) }
                if code.content.isEmpty {
                    out += "/>"
                } else {
                    out += ">"
                    let native = code.kind != .highlight && code.kind != .subflow
                    appendParts(code.content, insideNativeCode: native, to: &out)
                    out += "</" + code.kind.rawValue + ">"
                }
            }
        }
    }

    // MARK: - Escaping

    /// Appends ` name="value"` unless an attribute `name` was already written.
    private static func appendAttribute(_ name: String, _ value: String, to out: inout String, written: inout [String]) {
        guard !written.contains(name) else { return }
        written.append(name)
        out += " " + name + "=\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\t": out += "&#9;"
            case "\n": out += "&#10;"
            case "\r": out += "&#13;"
            case _ where TMXControlCharacter.isForbidden(scalar): out.unicodeScalars.append("\u{FFFD}")
            default: out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
    }

    /// Appends `text` as character data.
    private static func appendEscaped(_ text: String, to out: inout String, controlsAsCodes: Bool = false) {
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\r": out += "&#13;"
            case _ where TMXControlCharacter.isForbidden(scalar):
                if controlsAsCodes {
                    out += "<ph type=\"" + TMXControlCharacter.type + "\">"
                    appendEscaped(TMXControlCharacter.nativeCode(for: scalar), to: &out)
                    out += "</ph>"
                } else {
                    out.unicodeScalars.append("\u{FFFD}")
                }
            default:
                out.unicodeScalars.append(scalar)
            }
        }
    }
}
