// libFuzzer entry point for Shuyu's parsers, built only with SHUYU_FUZZ=1 (README,
// "Fuzzing"). SHUYU_FUZZ_TARGET names the parser (ParserFuzzing.Target).
import Foundation
import ParserFuzzing

nonisolated(unsafe) let target: ParserFuzzing.Target = {
    let name = ProcessInfo.processInfo.environment["SHUYU_FUZZ_TARGET"] ?? "document"
    guard let target = ParserFuzzing.Target(rawValue: name) else {
        fatalError("SHUYU_FUZZ_TARGET must be one of \(ParserFuzzing.Target.allCases.map(\.rawValue))")
    }
    return target
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
    let bytes = start.map { [UInt8](UnsafeRawBufferPointer(start: $0, count: count)) } ?? []
    ParserFuzzing.run(target, bytes: bytes)
    return 0
}

/// libFuzzer's driver (from the runtime `-sanitize=fuzzer` links in).
@_silgen_name("LLVMFuzzerRunDriver")
func runDriver(_ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
               _ callback: @convention(c) (UnsafeRawPointer?, Int) -> CInt) -> CInt

/// SwiftPM names an executable's entry point `<module>_main`; it hands over to libFuzzer.
@_cdecl("shuyu_fuzz_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var arguments = argv
    return runDriver(&count, &arguments) { start, size in fuzz(start, size) }
}
