internal import CICUShim

/// Turns an ICU status code into a thrown `ICUError` when it is a failure.
/// Warnings (negative codes such as `U_USING_DEFAULT_WARNING`) are not failures.
func checkICU(_ status: Int32, _ operation: @autoclosure () -> String) throws(ICUError) {
    if status > 0 {
        throw ICUError(code: status, name: String(cString: cicu_error_name(status)), operation: operation())
    }
}

/// The version of the ICU library in use, such as `72.1`.
public var icuVersion: String {
    var info: [UInt8] = [0, 0, 0, 0]
    cicu_version(&info)
    return info[2] == 0 ? "\(info[0]).\(info[1])" : "\(info[0]).\(info[1]).\(info[2])"
}
