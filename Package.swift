// swift-tools-version: 6.1
import Foundation
import PackageDescription

/// Release builds link ICU, SQLite and the C++ library from their static archives
/// (libicu-dev, libsqlite3-dev, libstdc++-12-dev), found first through the symbolic links
/// in this folder; only the C library stays shared, so that libpq can still be loaded with
/// dlopen. A lookup is mostly start-up, and binding symbols across the shared libraries
/// took about 1.3 of its 10 ms. Where a link points nowhere (another distribution or
/// architecture), the linker takes the shared library as before.
let staticLibraries = Context.packageDirectory + "/Sources/CICU/StaticLibraries"

let package = Package(
    name: "Shuyu",
    products: [
        .executable(name: "shuyu", targets: ["shuyu"]),
        .library(name: "ICUText", targets: ["ICUText"]),
        .library(name: "ChineseText", targets: ["ChineseText"]),
        .library(name: "SourceText", targets: ["SourceText"]),
        .library(name: "BilingualCorpus", targets: ["BilingualCorpus"]),
        .library(name: "Terminology", targets: ["Terminology"]),
        .library(name: "Formats", targets: ["Formats"]),
        .library(name: "Store", targets: ["Store"]),
        .library(name: "DraftCheck", targets: ["DraftCheck"]),
        .library(name: "Reporting", targets: ["Reporting"]),
        .library(name: "TranslationMemory", targets: ["TranslationMemory"]),
        .library(name: "PostgresStore", targets: ["PostgresStore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        // Property-based tests (test targets only; no dependencies of its own).
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
    ],
    targets: [
        // The system ICU (libicu-dev), headers in /usr/include. Only CICUShim includes it.
        // Its libraries are linked by CICUShim (below), not through pkg-config, whose
        // `-L/usr/lib/...` would make release builds find the shared libraries first.
        .systemLibrary(
            name: "CICU",
            providers: [.apt(["libicu-dev"])]
        ),
        // The only code that includes ICU's headers: C functions with an ICU-free header,
        // so that no Swift module sees ICU's types (Foundation bundles its own ICU).
        .target(
            name: "CICUShim",
            dependencies: ["CICU"],
            linkerSettings: [.linkedLibrary("icui18n"), .linkedLibrary("icuuc"), .linkedLibrary("icudata"), .linkedLibrary("stdc++"),
                             .unsafeFlags(["-L\(staticLibraries)"], .when(configuration: .release))]
        ),
        // Swift wrappers over ICU; exposes only Swift types.
        .target(name: "ICUText", dependencies: ["CICUShim"]),
        // Chinese text on top of ICU: lexicon-aware segmentation, pinyin, match keys.
        .target(name: "ChineseText", dependencies: ["ICUText"]),
        // Positions, ranges, line/column conversion and diagnostics.
        .target(name: "SourceText"),
        // Finding Chinese originals and the English they translate.
        .target(name: "BilingualCorpus", dependencies: ["ChineseText", "SourceText"]),
        // The glossary model and term lookup.
        .target(name: "Terminology", dependencies: ["ChineseText", "BilingualCorpus"]),
        // Translation units, fuzzy matching and the candidate index, without storage.
        .target(name: "TranslationMemory", dependencies: ["ChineseText", "SourceText"]),
        // Readers and writers: glossary TSV, CSV, TBX, CC-CEDICT, TMX.
        .target(name: "Formats", dependencies: ["Terminology", "SourceText", "ChineseText", "TranslationMemory"]),
        // Draft checks: one rule per file, findings as values.
        .target(name: "DraftCheck", dependencies: ["BilingualCorpus", "Terminology", "SourceText"]),
        // Every parser behind one entry point, for the fuzzer and its regression tests.
        .target(name: "ParserFuzzing", dependencies: ["Formats", "BilingualCorpus", "DraftCheck", "TranslationMemory"]),
        // Findings as text, JSON, SARIF 2.1.0 and GitHub annotations.
        .target(name: "Reporting", dependencies: ["SourceText"]),
        // The embedded index (SQLite through GRDB): the only module that imports GRDB.
        .target(
            name: "Store",
            dependencies: ["Terminology", "Formats", "BilingualCorpus", "ChineseText", "ICUText", "SourceText", "TranslationMemory", .product(name: "GRDB", package: "GRDB.swift"),
                           .product(name: "GRDBSQLite", package: "GRDB.swift")]
        ),
        // PostgreSQL's C client (libpq5), loaded with dlopen on first use: only commands
        // that talk to a server load it. Only PostgresClient imports this target.
        .target(name: "CLibPQ", linkerSettings: [.linkedLibrary("dl")]),
        // A small synchronous PostgreSQL client over libpq: binary parameters and rows, COPY.
        .target(name: "PostgresClient", dependencies: ["CLibPQ"]),
        // The shared store on a PostgreSQL server: the same memory as the embedded one.
        .target(name: "PostgresStore", dependencies: ["PostgresClient", "Store", "TranslationMemory", "Terminology", "Formats"]),
        .executableTarget(
            name: "shuyu",
            dependencies: [
                "ICUText", "ChineseText", "SourceText", "BilingualCorpus", "Terminology", "Formats", "Store", "PostgresStore", "DraftCheck", "Reporting", "TranslationMemory",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            // Release builds link the Swift runtime and Foundation into the executable, at a
            // fixed address: a lookup is mostly start-up, and resolving symbols across twenty
            // shared libraries and relocating the binary took about 7 of its 22 ms. ICU, SQLite
            // and the C++ library are static too (see `staticLibraries`). (Debug builds, which
            // the tests use, link as usual.) The executable exports no symbols: the Swift
            // driver's `-export-dynamic` put 9,000 in its dynamic table, and the runtime's one
            // `dladdr` at start-up (finding its own path) scanned them all, about 0.3 ms. GCC's
            // runtime is static too: loading libgcc_s ran its CPU-feature probe (CPUID, which
            // traps to the hypervisor on a virtual machine) for nothing the executable uses.
            swiftSettings: [.unsafeFlags(["-static-stdlib"], .when(configuration: .release))],
            linkerSettings: [.unsafeFlags(["-static-stdlib", "-Xclang-linker", "-no-pie", "-Xclang-linker", "-static-libgcc", "-Xlinker", "--no-export-dynamic"], .when(configuration: .release))]
        ),
        // Benchmarks (run with `swift run -c release shuyu-bench`).
        .target(name: "CICUBaseline", dependencies: ["CICU"], path: "Benchmarks/CICUBaseline"),
        .executableTarget(
            name: "shuyu-bench",
            dependencies: ["CICUBaseline", "ICUText", "ChineseText", "BilingualCorpus", "SourceText", "TranslationMemory", "Store", "PostgresClient", "PostgresStore", "DraftCheck", "ShuyuTestSupport"],
            path: "Benchmarks/ShuyuBench",
            // Linked as `shuyu` is, so that ICU's C++ library is the same static one.
            swiftSettings: [.unsafeFlags(["-static-stdlib"], .when(configuration: .release))],
            linkerSettings: [.unsafeFlags(["-static-stdlib"], .when(configuration: .release))]
        ),
        .testTarget(name: "ICUTextTests", dependencies: ["ICUText"]),
        .testTarget(name: "ChineseTextTests", dependencies: ["ChineseText", .product(name: "PropertyBased", package: "swift-property-based")]),
        .testTarget(name: "BilingualCorpusTests", dependencies: ["BilingualCorpus", "ChineseText", "SourceText", "ShuyuTestSupport"]),
        .testTarget(name: "FormatsTests", dependencies: ["Formats", "Terminology", "SourceText", "TranslationMemory", "ShuyuTestSupport",
                                                         .product(name: "PropertyBased", package: "swift-property-based")]),
        // Seeded generators shared by the tests and benchmarks.
        .target(name: "ShuyuTestSupport", dependencies: ["TranslationMemory"], path: "Tests/ShuyuTestSupport"),
        .testTarget(name: "TranslationMemoryTests", dependencies: ["TranslationMemory", "ICUText", "SourceText", "ShuyuTestSupport"]),
        .testTarget(name: "StoreTests", dependencies: ["Store", "TranslationMemory", "ChineseText", "ShuyuTestSupport", .product(name: "GRDB", package: "GRDB.swift")]),
        .testTarget(name: "PostgresStoreTests", dependencies: ["PostgresStore", "PostgresClient", "Store", "TranslationMemory", "ShuyuTestSupport"]),
        .testTarget(name: "ParserFuzzingTests", dependencies: ["ParserFuzzing"], resources: [.copy("Regressions")]),
        .testTarget(name: "DraftCheckTests", dependencies: ["DraftCheck", "BilingualCorpus", "SourceText", "ShuyuTestSupport"], exclude: ["Drafts"]),
        .testTarget(name: "TerminologyTests", dependencies: ["Terminology", "BilingualCorpus", "ChineseText", "SourceText", "ShuyuTestSupport"]),
        .testTarget(name: "CLITests", dependencies: ["shuyu", "PostgresClient"]),
    ],
    swiftLanguageModes: [.v6]
)

// libFuzzer targets, only when asked for (SHUYU_FUZZ=1): see README, "Fuzzing".
if ProcessInfo.processInfo.environment["SHUYU_FUZZ"] != nil {
    package.targets.append(.executableTarget(
        name: "shuyu-fuzz",
        dependencies: ["ParserFuzzing"],
        path: "Fuzz/ShuyuFuzz",
        swiftSettings: [.unsafeFlags(["-parse-as-library", "-sanitize=fuzzer,address"])],
        linkerSettings: [.unsafeFlags(["-sanitize=fuzzer,address"])]
    ))
}
