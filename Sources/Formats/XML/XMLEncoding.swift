import SourceText

/// Turns the raw bytes of an XML file into UTF-8 for `XMLScanner`.
///
/// - A UTF-8 byte order mark is dropped; a UTF-16 LE or BE byte order mark makes the file
///   UTF-16, which is transcoded. A file without a byte order mark that starts with
///   `<?` in UTF-16 (XML 1.0 Appendix F) is read as UTF-16 too.
/// - Otherwise the file is UTF-8, whatever its declaration says about UTF-16 (a file that
///   declares `encoding="UTF-16"` without a byte order mark was converted and mislabelled).
/// - A declared `ISO-8859-1` (Latin-1) is transcoded. Any other declared encoding
///   (`GB2312`, `Big5`, `windows-1252`…) is accepted only when the file is plain ASCII.
/// - Invalid UTF-8 or UTF-16, and NUL characters, are errors that name the byte offset
///   in the file, and the line and column.
public enum XMLEncoding {
    /// The text of the file `bytes` as UTF-8, without a byte order mark; every byte
    /// sequence in it is valid UTF-8 and none is NUL.
    /// - Throws: `FormatError` naming the byte offset, line and column of the first byte
    ///   that cannot be read, or the encoding Shuyu cannot read.
    /// - Complexity: O(n).
    public static func utf8(fromFileBytes bytes: [UInt8], source: String) throws(FormatError) -> [UInt8] {
        if bytes.starts(with: [0xFF, 0xFE, 0x00, 0x00]) || bytes.starts(with: [0x00, 0x00, 0xFE, 0xFF]) {
            throw FormatError(source: source, location: SourceLocation(line: 1, column: 1),
                              message: "the file is UTF-32; Shuyu reads UTF-8 and UTF-16: convert it, for example with 'iconv -f UTF-32 -t UTF-8'")
        }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            let text = Array(bytes.dropFirst(3))
            try validateUTF8(text, fileOffset: 3, declared: nil, source: source)
            return text
        }
        if bytes.starts(with: [0xFF, 0xFE]) { return try transcodeUTF16(bytes, from: 2, bigEndian: false, source: source) }
        if bytes.starts(with: [0xFE, 0xFF]) { return try transcodeUTF16(bytes, from: 2, bigEndian: true, source: source) }
        if bytes.starts(with: [0x3C, 0x00, 0x3F, 0x00]) { return try transcodeUTF16(bytes, from: 0, bigEndian: false, source: source) }
        if bytes.starts(with: [0x00, 0x3C, 0x00, 0x3F]) { return try transcodeUTF16(bytes, from: 0, bigEndian: true, source: source) }

        let declared = declaredEncoding(bytes)
        switch declared?.lowercased() {
        case nil, "utf-8", "utf8", "utf-16", "utf16", "us-ascii", "ascii":
            try validateUTF8(bytes, fileOffset: 0, declared: nil, source: source)
            return bytes
        case "iso-8859-1", "iso8859-1", "iso_8859-1", "latin1", "latin-1", "l1":
            return try transcodeLatin1(bytes, source: source)
        default:
            try validateUTF8(bytes, fileOffset: 0, declared: declared, source: source)
            return bytes
        }
    }

    // MARK: - UTF-8

    /// Throws unless `text` is valid UTF-8 without NUL (and plain ASCII when `declared` names
    /// an encoding Shuyu does not read). `fileOffset` is where `text` starts in the file.
    private static func validateUTF8(_ text: [UInt8], fileOffset: Int, declared: String?, source: String) throws(FormatError) {
        guard let bad = text.withUnsafeBufferPointer({ firstInvalidByte(in: $0, asciiOnly: declared != nil) }) else { return }
        let location = XMLLocationTracker.location(of: bad.offset, in: text)
        let offset = bad.offset + fileOffset
        let message: String
        if bad.isNUL {
            message = "the file has a NUL character at byte offset \(offset); it is not text, or it is UTF-16 without a byte order mark: "
                + "save it as UTF-8"
        } else if let declared {
            message = "the file declares encoding=\"\(declared)\" and has a non-ASCII byte at byte offset \(offset); Shuyu reads UTF-8, "
                + "UTF-16 and ISO-8859-1 only: convert it, for example with 'iconv -f \(declared) -t UTF-8', and change the declaration"
        } else {
            message = "invalid UTF-8 at byte offset \(offset); convert the file to UTF-8 (for example: iconv -f GB18030 -t UTF-8)"
        }
        throw FormatError(source: source, location: location, message: message)
    }

    /// The first byte that starts an invalid UTF-8 sequence, is NUL, or (when `asciiOnly`) is not ASCII.
    /// - Complexity: O(n), eight ASCII bytes at a time.
    static func firstInvalidByte(in p: UnsafeBufferPointer<UInt8>, asciiOnly: Bool = false) -> (offset: Int, isNUL: Bool)? {
        let n = p.count
        guard n > 0, let base = p.baseAddress else { return nil }
        let raw = UnsafeRawPointer(base)
        let high: UInt64 = 0x8080_8080_8080_8080, ones: UInt64 = 0x0101_0101_0101_0101
        var i = 0
        while i < n {
            // Plain ASCII without NUL, a word at a time.
            while i + 8 <= n {
                let word = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                if word & high != 0 || (word &- ones) & ~word & high != 0 { break }
                i += 8
            }
            guard i < n else { break }
            let lead = p[i]
            if lead < 0x80 {
                if lead == 0 { return (i, true) }
                i += 1
                continue
            }
            if asciiOnly { return (i, false) }
            var lower: UInt8 = 0x80, upper: UInt8 = 0xBF
            let trailing: Int
            switch lead {
            case 0xC2...0xDF: trailing = 1
            case 0xE0: trailing = 2; lower = 0xA0
            case 0xED: trailing = 2; upper = 0x9F  // no surrogates
            case 0xE1...0xEF: trailing = 2
            case 0xF0: trailing = 3; lower = 0x90
            case 0xF4: trailing = 3; upper = 0x8F  // nothing above U+10FFFF
            case 0xF1...0xF3: trailing = 3
            default: return (i, false)
            }
            guard i + trailing < n, p[i + 1] >= lower, p[i + 1] <= upper else { return (i, false) }
            var k = 2
            while k <= trailing {
                guard p[i + k] & 0xC0 == 0x80 else { return (i, false) }
                k += 1
            }
            i += trailing + 1
        }
        return nil
    }

    // MARK: - Other encodings

    private static func transcodeUTF16(_ bytes: [UInt8], from start: Int, bigEndian: Bool, source: String) throws(FormatError) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity((bytes.count - start) * 3 / 2)
        var failure: (offset: Int, message: String)?
        bytes.withUnsafeBufferPointer { p in
            let n = p.count
            var i = start
            @inline(__always) func unit(_ at: Int) -> UInt32 {
                bigEndian ? UInt32(p[at]) << 8 | UInt32(p[at + 1]) : UInt32(p[at + 1]) << 8 | UInt32(p[at])
            }
            while i + 1 < n {
                var scalar = unit(i)
                var width = 2
                if scalar == 0 {
                    failure = (i, "the file has a NUL character at byte offset \(i); it is not a text file: save it as UTF-8")
                    return
                }
                if scalar >= 0xD800 && scalar <= 0xDBFF {
                    guard i + 3 < n else {
                        failure = (i, "the file ends in the middle of a UTF-16 character at byte offset \(i); it may be truncated")
                        return
                    }
                    let low = unit(i + 2)
                    guard low >= 0xDC00 && low <= 0xDFFF else {
                        failure = (i, "invalid UTF-16 at byte offset \(i) (a lone high surrogate); the file is damaged: convert it to UTF-8 with a tool that reports the problem")
                        return
                    }
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    width = 4
                } else if scalar >= 0xDC00 && scalar <= 0xDFFF {
                    failure = (i, "invalid UTF-16 at byte offset \(i) (a lone low surrogate); the file is damaged: convert it to UTF-8 with a tool that reports the problem")
                    return
                }
                appendUTF8(scalar, to: &out)
                i += width
            }
            if i < n {
                failure = (i, "the file ends in the middle of a UTF-16 character at byte offset \(i); it may be truncated")
            }
        }
        if let failure {
            let location = XMLLocationTracker.location(of: out.count, in: out)
            throw FormatError(source: source, location: location, message: failure.message)
        }
        return out
    }

    private static func transcodeLatin1(_ bytes: [UInt8], source: String) throws(FormatError) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / 8)
        for (offset, byte) in bytes.enumerated() {
            if byte == 0 {
                throw FormatError(source: source, location: XMLLocationTracker.location(of: out.count, in: out),
                                  message: "the file has a NUL character at byte offset \(offset); it is not a text file")
            }
            appendUTF8(UInt32(byte), to: &out)
        }
        return out
    }

    @inline(__always)
    static func appendUTF8(_ scalar: UInt32, to out: inout [UInt8]) {
        switch scalar {
        case ..<0x80:
            out.append(UInt8(scalar))
        case ..<0x800:
            out.append(UInt8(0xC0 | scalar >> 6))
            out.append(UInt8(0x80 | scalar & 0x3F))
        case ..<0x10000:
            out.append(UInt8(0xE0 | scalar >> 12))
            out.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            out.append(UInt8(0x80 | scalar & 0x3F))
        default:
            out.append(UInt8(0xF0 | scalar >> 18))
            out.append(UInt8(0x80 | scalar >> 12 & 0x3F))
            out.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            out.append(UInt8(0x80 | scalar & 0x3F))
        }
    }

    /// The `encoding` of an ASCII XML declaration (`<?xml version="1.0" encoding="GB2312"?>`), if any.
    static func declaredEncoding(_ bytes: [UInt8]) -> String? {
        guard bytes.starts(with: Array("<?xml".utf8)), bytes.count > 5, isSpace(bytes[5]) else { return nil }
        let end = min(bytes.count, 512)
        var i = 5
        let key = Array("encoding".utf8)
        while i + key.count < end {
            if bytes[i] == UInt8(ascii: "?") && bytes[i + 1] == UInt8(ascii: ">") { return nil }
            if isSpace(bytes[i - 1]) && bytes[i..<i + key.count].elementsEqual(key) {
                var j = i + key.count
                while j < end, isSpace(bytes[j]) { j += 1 }
                guard j < end, bytes[j] == UInt8(ascii: "=") else { return nil }
                j += 1
                while j < end, isSpace(bytes[j]) { j += 1 }
                guard j < end, bytes[j] == UInt8(ascii: "\"") || bytes[j] == UInt8(ascii: "'") else { return nil }
                let quote = bytes[j]
                guard let close = bytes[(j + 1)..<end].firstIndex(of: quote) else { return nil }
                return String(decoding: bytes[(j + 1)..<close], as: UTF8.self)
            }
            i += 1
        }
        return nil
    }

    @inline(__always)
    static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D
    }
}
