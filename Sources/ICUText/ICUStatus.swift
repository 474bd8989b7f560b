internal import CICU

/// Turns a `UErrorCode` into a thrown `ICUError` when it is a failure.
/// Warnings (negative codes such as `U_USING_DEFAULT_WARNING`) are not failures.
func checkICU(_ status: UErrorCode, _ operation: @autoclosure () -> String) throws(ICUError) {
    if status.rawValue > 0 {
        throw ICUError(code: status.rawValue, name: String(cString: u_errorName(status)), operation: operation())
    }
}

/// The version of the ICU library in use, such as `72.1`.
public var icuVersion: String {
    var info: (UInt8, UInt8, UInt8, UInt8) = (0, 0, 0, 0)
    withUnsafeMutableBytes(of: &info) { raw in
        u_getVersion(raw.baseAddress!.assumingMemoryBound(to: UInt8.self))
    }
    return info.2 == 0 ? "\(info.0).\(info.1)" : "\(info.0).\(info.1).\(info.2)"
}
