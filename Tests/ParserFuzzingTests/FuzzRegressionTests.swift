import Foundation
import ParserFuzzing
import Testing

/// Every input the fuzzer ever crashed a parser with is kept in `Regressions/TARGET/`
/// and must now be read (or refused) without a crash. The seeds there are small valid
/// and invalid files of each format.
@Suite struct FuzzRegressionTests {
    static let folder = Bundle.module.resourceURL!.appendingPathComponent("Regressions")

    static let inputs: [(ParserFuzzing.Target, URL)] = ParserFuzzing.Target.allCases.flatMap { target in
        let directory = folder.appendingPathComponent(target.rawValue)
        let files = (try? FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)) ?? []
        return files.sorted { $0.path < $1.path }.map { (target, $0) }
    }

    @Test func everyTargetHasInputs() {
        for target in ParserFuzzing.Target.allCases {
            #expect(Self.inputs.contains { $0.0 == target }, "no regression inputs for \(target)")
        }
    }

    @Test func savedInputsNoLongerCrash() throws {
        for (target, url) in Self.inputs {
            ParserFuzzing.run(target, bytes: [UInt8](try Data(contentsOf: url)))
        }
    }
}
